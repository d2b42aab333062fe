"""the access log as a chain: number, link, hash and signature per entry

Existing entries are numbered in the order they were written (time, then id) and chained;
they have no signature (signing starts with this version). The append-only triggers stay:
they stop the application's own mistakes, the chain shows an insider's edits.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-25 20:00:00
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from types import SimpleNamespace

import sqlalchemy as sa
from alembic import op

from models.logchain import GENESIS, content_hash

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def _uuid(value: object) -> uuid.UUID | None:
    return uuid.UUID(str(value)) if value else None


def _moment(value: object) -> datetime:
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def upgrade() -> None:
    op.add_column('access_log', sa.Column('seq', sa.Integer(), nullable=True))
    op.add_column('access_log', sa.Column('prev_hash', sa.String(64), nullable=False, server_default=''))
    op.add_column('access_log', sa.Column('entry_hash', sa.String(64), nullable=False, server_default=''))
    op.add_column('access_log', sa.Column('signature', sa.String(100), nullable=False, server_default=''))
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    if sqlite:
        op.execute("DROP TRIGGER IF EXISTS access_log_no_update")
    subjects: dict[uuid.UUID, list[tuple[uuid.UUID, str]]] = {}
    for entry_id, household_id, number in bind.execute(
        sa.text("SELECT entry_id, household_id, dossier_number FROM access_log_subject")
    ):
        subjects.setdefault(uuid.UUID(str(entry_id)), []).append(
            (uuid.UUID(str(household_id)), number or "")
        )
    rows = bind.execute(
        sa.text(
            "SELECT id, at, account_id, login, action, household_id, person_id,"
            " dossier_number, detail FROM access_log ORDER BY at, id"
        )
    ).all()
    prev = GENESIS
    for seq, row in enumerate(rows, start=1):
        entry = SimpleNamespace(
            seq=seq,
            prev_hash=prev,
            id=uuid.UUID(str(row.id)),
            at=_moment(row.at),
            account_id=_uuid(row.account_id),
            login=row.login,
            action=row.action,
            household_id=_uuid(row.household_id),
            person_id=_uuid(row.person_id),
            dossier_number=row.dossier_number or "",
            detail=row.detail or "",
        )
        entry_hash = content_hash(entry, subjects.get(entry.id, ()))  # type: ignore[arg-type]
        bind.execute(
            sa.text("UPDATE access_log SET seq = :seq, prev_hash = :prev, entry_hash = :hash WHERE id = :id"),
            {"seq": seq, "prev": prev, "hash": entry_hash, "id": row.id},
        )
        prev = entry_hash
    op.create_index('ix_access_log_seq', 'access_log', ['seq'], unique=True)
    if sqlite:
        op.execute(
            "CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log "
            "BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS access_log_no_update")
    op.drop_index('ix_access_log_seq', table_name='access_log')
    with op.batch_alter_table('access_log', schema=None) as batch_op:
        batch_op.drop_column('signature')
        batch_op.drop_column('entry_hash')
        batch_op.drop_column('prev_hash')
        batch_op.drop_column('seq')
