"""Exports: tables to spreadsheet files (the Qt-free half; the window adds a busy cursor)."""
