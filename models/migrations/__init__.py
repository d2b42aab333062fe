"""Alembic migrations for the Teamtafel schema (``render_as_batch`` for SQLite).

``HEAD`` names the newest revision so start-up can tell whether a database is
current without loading Alembic; a test keeps it equal to Alembic's own head.
"""

from __future__ import annotations

from pathlib import Path

HEAD = "0021"
LOCATION = Path(__file__).resolve().parent
