"""inzage_withholding: the passages a regisseur withheld from an inzage export, and why

One row per withheld passage of an export: the household, the person whose inzage it was,
the passage's key, the reason (code list achterhoudreden) and the toelichting, with who and
when in the usual columns; never the passage's content. An older database has none yet.

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-28 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'inzage_withholding',
        sa.Column('household_id', sa.Uuid(), nullable=False),
        sa.Column('person_id', sa.Uuid(), nullable=False),
        sa.Column('passage_key', sa.String(length=100), nullable=False),
        sa.Column('reason', sa.String(length=40), nullable=False),
        sa.Column('toelichting', sa.String(length=500), nullable=False),
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('created_by', sa.String(length=64), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_by', sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_inzage_withholding_household_id_household')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_inzage_withholding')),
    )
    with op.batch_alter_table('inzage_withholding', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inzage_withholding_household_id'), ['household_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('inzage_withholding', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_inzage_withholding_household_id'))
    op.drop_table('inzage_withholding')
