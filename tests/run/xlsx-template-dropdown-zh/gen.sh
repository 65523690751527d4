# xlsx-template-dropdown with the blank workbook in Chinese (--lang zh):
# its drop-down offers 是 and 否, which read as yes and no
LANG_OPT="--lang zh" . "$CASE/../xlsx-template-dropdown/gen.sh"
