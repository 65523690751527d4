# adapt-region-dropped-skip's adaptation and data, with a Chinese page: the
# warning of skipped rows and its note on dropped regions in Chinese
for f in base.plan ext.plan dropped.plan data-base.csv; do
    cp "$CASE/../adapt-region/$f" .
done
