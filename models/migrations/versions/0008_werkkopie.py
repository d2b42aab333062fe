"""werkkopie: a form's texts kept while it is typed in, so a crash loses nothing

One row per open form of one account; deleted when the form is saved or discarded,
with the dossier's destruction, and after 30 days.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25 19:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'werkkopie',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('account_id', sa.Uuid(), nullable=False),
        sa.Column('owner', sa.String(length=40), nullable=False),
        sa.Column('action', sa.String(length=40), nullable=False),
        sa.Column('household_id', sa.Uuid(), nullable=True),
        sa.Column('argument', sa.String(length=64), nullable=False),
        sa.Column('title', sa.String(length=120), nullable=False),
        sa.Column('fields', sa.Text(), nullable=False),
        sa.Column('saved_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ['account_id'], ['account.id'], name=op.f('fk_werkkopie_account_id_account')
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_werkkopie')),
    )
    with op.batch_alter_table('werkkopie', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_werkkopie_account_id'), ['account_id'], unique=False)
        batch_op.create_index(
            batch_op.f('ix_werkkopie_household_id'), ['household_id'], unique=False
        )


def downgrade() -> None:
    op.drop_table('werkkopie')
