# A GBK rules file whose name holds a ': the iconv command of the note
# quotes the name for the shell ('it'\''s.plan'; it was written
# 'it's.plan', which the shell does not read back).
cp "$CASE/../../diagnostics/lex-gbk-rules.plan" "it's.plan"
