"""destruction and back-up registers: ids and dates, to destroy again after a restore

``destroyed_household``: every destroyed household's id and day, re-applied after a restore
of an older back-up. ``backup_made``: the back-ups this app wrote and the ids of the
households in each, for the destruction dialog. Both are kept beside the database too.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-26 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'destroyed_household',
        sa.Column('household_id', sa.Uuid(), nullable=False),
        sa.Column('destroyed_on', sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint('household_id', name=op.f('pk_destroyed_household')),
    )
    op.create_table(
        'backup_made',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('made_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('location', sa.Text(), nullable=False),
        sa.Column('household_ids', sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_backup_made')),
    )


def downgrade() -> None:
    op.drop_table('backup_made')
    op.drop_table('destroyed_household')
