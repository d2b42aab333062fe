"""current traject flag and list index

The household list joins each household's current traject through a flag
instead of a correlated subquery, and pages through households in name order.
Existing trajecten: the latest per household becomes current.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 12:09:24.422052
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('household', schema=None) as batch_op:
        batch_op.create_index('ix_household_name', ['name', 'dossier_number'], unique=False)

    with op.batch_alter_table('traject', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('is_current', sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.create_index('ix_traject_household_current', ['household_id', 'is_current'], unique=False)

    traject = sa.table(
        'traject',
        sa.column('id', sa.Uuid()),
        sa.column('household_id', sa.Uuid()),
        sa.column('registered_on', sa.Date()),
        sa.column('created_at', sa.DateTime()),
        sa.column('is_current', sa.Boolean()),
    )
    later = traject.alias('later')
    latest = (
        sa.select(later.c.id)
        .where(later.c.household_id == traject.c.household_id)
        .order_by(later.c.registered_on.desc(), later.c.created_at.desc())
        .limit(1)
        .scalar_subquery()
    )
    op.execute(traject.update().values(is_current=traject.c.id == latest))


def downgrade() -> None:
    with op.batch_alter_table('traject', schema=None) as batch_op:
        batch_op.drop_index('ix_traject_household_current')
        batch_op.drop_column('is_current')

    with op.batch_alter_table('household', schema=None) as batch_op:
        batch_op.drop_index('ix_household_name')

