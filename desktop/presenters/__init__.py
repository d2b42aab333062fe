"""Presenters: each turns one screen's signals into use-case calls and refreshes the screen."""
