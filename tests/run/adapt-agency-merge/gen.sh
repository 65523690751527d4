# adapt-agency-drop's base beside this case's adaptation
cp "$CASE/../adapt-agency-drop/base.plan" .
