"""verwijzing: a traject's referrals, the members each is for, and its status history

``verwijzing`` holds the referral (date, organisation, hulpvorm, reason, two deciders and
its current status); ``verwijzing_member`` the members it is for; ``verwijzing_status``
every status with the date it took effect. An older database simply has none yet.

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-25 23:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None

STATUS = ('aangevraagd', 'gestart', 'afgewezen', 'beeindigd')


def _status() -> sa.Enum:
    return sa.Enum(*STATUS, name='verwijzingstatus', native_enum=False, length=24)


def _tracked() -> list[sa.Column]:
    return [
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('created_by', sa.String(length=64), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_by', sa.String(length=64), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        'verwijzing',
        sa.Column('household_id', sa.Uuid(), nullable=False),
        sa.Column('traject_id', sa.Uuid(), nullable=False),
        sa.Column('referred_on', sa.Date(), nullable=False),
        sa.Column('organisation_id', sa.Uuid(), nullable=False),
        sa.Column('hulpvorm', sa.String(length=40), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('decider_1_id', sa.Uuid(), nullable=False),
        sa.Column('decider_2_id', sa.Uuid(), nullable=False),
        sa.Column('status', _status(), nullable=False),
        sa.Column('status_on', sa.Date(), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_verwijzing_household_id_household')),
        sa.ForeignKeyConstraint(['traject_id'], ['traject.id'], name=op.f('fk_verwijzing_traject_id_traject')),
        sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_verwijzing_organisation_id_organisation')),
        sa.ForeignKeyConstraint(['decider_1_id'], ['medewerker.id'], name=op.f('fk_verwijzing_decider_1_id_medewerker')),
        sa.ForeignKeyConstraint(['decider_2_id'], ['medewerker.id'], name=op.f('fk_verwijzing_decider_2_id_medewerker')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_verwijzing')),
    )
    with op.batch_alter_table('verwijzing', schema=None) as batch_op:
        batch_op.create_index('ix_verwijzing_household_referred', ['household_id', 'referred_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_verwijzing_traject_id'), ['traject_id'], unique=False)

    op.create_table(
        'verwijzing_member',
        sa.Column('verwijzing_id', sa.Uuid(), nullable=False),
        sa.Column('household_id', sa.Uuid(), nullable=False),
        sa.Column('person_id', sa.Uuid(), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(['verwijzing_id'], ['verwijzing.id'], name=op.f('fk_verwijzing_member_verwijzing_id_verwijzing')),
        sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_verwijzing_member_person_id_person')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_verwijzing_member')),
    )
    with op.batch_alter_table('verwijzing_member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_verwijzing_member_verwijzing_id'), ['verwijzing_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_verwijzing_member_person_id'), ['person_id'], unique=False)

    op.create_table(
        'verwijzing_status',
        sa.Column('verwijzing_id', sa.Uuid(), nullable=False),
        sa.Column('household_id', sa.Uuid(), nullable=False),
        sa.Column('status', _status(), nullable=False),
        sa.Column('on', sa.Date(), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(['verwijzing_id'], ['verwijzing.id'], name=op.f('fk_verwijzing_status_verwijzing_id_verwijzing')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_verwijzing_status')),
    )
    with op.batch_alter_table('verwijzing_status', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_verwijzing_status_verwijzing_id'), ['verwijzing_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('verwijzing_status', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_verwijzing_status_verwijzing_id'))
    op.drop_table('verwijzing_status')
    with op.batch_alter_table('verwijzing_member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_verwijzing_member_person_id'))
        batch_op.drop_index(batch_op.f('ix_verwijzing_member_verwijzing_id'))
    op.drop_table('verwijzing_member')
    with op.batch_alter_table('verwijzing', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_verwijzing_traject_id'))
        batch_op.drop_index('ix_verwijzing_household_referred')
    op.drop_table('verwijzing')
