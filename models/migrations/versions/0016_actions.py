"""actions: one concept for the whole app (dossier, overleg, gezinsplan)

One row per action of a household: the description, exactly one owner (a team member, a
household member, an organisation with optionally a contact, or a network person as name
and relation), the due date, the status with the date it got it, and the origin. An older
database has none yet.

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-25 23:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'action',
        sa.Column('household_id', sa.Uuid(), nullable=False),
        sa.Column('description', sa.String(length=500), nullable=False),
        sa.Column(
            'owner_kind',
            sa.Enum('medewerker', 'gezinslid', 'netwerk', 'organisatie', name='actionowner', native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column('medewerker_id', sa.Uuid(), nullable=True),
        sa.Column('person_id', sa.Uuid(), nullable=True),
        sa.Column('organisation_id', sa.Uuid(), nullable=True),
        sa.Column('contact_id', sa.Uuid(), nullable=True),
        sa.Column('network_name', sa.String(length=120), nullable=False),
        sa.Column('network_relation', sa.String(length=80), nullable=False),
        sa.Column('due_on', sa.Date(), nullable=False),
        sa.Column(
            'status',
            sa.Enum('open', 'gedaan', 'vervallen', name='actionstatus', native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column('status_on', sa.Date(), nullable=False),
        sa.Column(
            'origin',
            sa.Enum('dossier', 'overleg', 'gezinsplan', name='actionorigin', native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column('origin_id', sa.Uuid(), nullable=True),
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('created_by', sa.String(length=64), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_by', sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_action_household_id_household')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_action')),
    )
    with op.batch_alter_table('action', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_action_medewerker_id'), ['medewerker_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('action', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_action_medewerker_id'))
        batch_op.drop_index(batch_op.f('ix_action_household_id'))
    op.drop_table('action')
