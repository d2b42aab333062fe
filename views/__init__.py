"""Qt widgets, dialogs and item models. No SQL and no session here."""
