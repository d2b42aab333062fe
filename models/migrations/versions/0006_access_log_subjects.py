"""access log subjects

A log line about several households (a list export, meeting minutes, a delivery
to the municipality) gets one subject row per household, so every family's
"Wie heeft dit dossier ingezien?" shows it. Append-only, like the log itself.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 16:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'access_log_subject',
        sa.Column('entry_id', sa.Uuid(), nullable=False),
        sa.Column('household_id', sa.Uuid(), nullable=False),
        sa.Column('dossier_number', sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(['entry_id'], ['access_log.id'], name=op.f('fk_access_log_subject_entry_id_access_log')),
        sa.PrimaryKeyConstraint('entry_id', 'household_id', name=op.f('pk_access_log_subject')),
    )
    with op.batch_alter_table('access_log_subject', schema=None) as batch_op:
        batch_op.create_index('ix_access_log_subject_household', ['household_id'], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER access_log_subject_no_{verb.lower()} BEFORE {verb} "
                "ON access_log_subject "
                "BEGIN SELECT RAISE(ABORT, 'access_log_subject is append-only'); END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS access_log_subject_no_update")
        op.execute("DROP TRIGGER IF EXISTS access_log_subject_no_delete")
    op.drop_table('access_log_subject')
