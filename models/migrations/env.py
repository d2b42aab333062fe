"""Alembic environment: runs on the connection the caller hands in."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

import models.entities  # registers the tables
import models.gezinsplan
import models.meetings
import models.register
import models.safety_plan
import models.security
import models.verwijzing
import models.werkkopie
import models.withholding  # noqa: F401
from models.base import Base

config = context.config


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
    with engine.begin() as conn:
        _run(conn)
