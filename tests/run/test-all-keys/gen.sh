# test-all's base beside this case's adaptation
cp "$CASE/../test-all/base.plan" .
