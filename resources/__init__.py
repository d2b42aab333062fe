"""Data, not code: code lists, instrument definitions, icons. Read with importlib.resources."""
