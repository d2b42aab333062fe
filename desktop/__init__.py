"""The composition root: start-up, database and session, settings, the command line."""
