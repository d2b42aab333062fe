"""meetings: overleggen, their attendees, agenda items (cases with their notes) and decisions

``meeting`` is one overleg (numbered, kind, date and time, chair, minute-taker, status);
``meeting_attendee`` a team member or an external participant; ``agenda_item`` one case
brought in (household, casusvraag, urgency) with what the meeting wrote about it;
``meeting_decision`` a decision on a case and when it was carried out. Actions agreed in a
meeting are rows of ``action`` (origin 'overleg'). An older database simply has none yet.

Revision ID: 0018
Revises: 0017
Create Date: 2026-11-26 01:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('meeting',
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('casuistiek', 'werkverdeling', 'mdo', 'op_afschaling', 'anders', name='meetingkind', native_enum=False, length=24), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('starts_at', sa.String(length=5), nullable=False),
    sa.Column('location', sa.String(length=120), nullable=False),
    sa.Column('chair_id', sa.Uuid(), nullable=True),
    sa.Column('minute_taker_id', sa.Uuid(), nullable=True),
    sa.Column('status', sa.Enum('gepland', 'bezig', 'gesloten', name='meetingstatus', native_enum=False, length=24), nullable=False),
    sa.Column('agenda_closed', sa.Boolean(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['chair_id'], ['medewerker.id'], name=op.f('fk_meeting_chair_id_medewerker')),
    sa.ForeignKeyConstraint(['minute_taker_id'], ['medewerker.id'], name=op.f('fk_meeting_minute_taker_id_medewerker')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting')),
    sa.UniqueConstraint('number', name=op.f('uq_meeting_number'))
    )
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_held_on'), ['held_on'], unique=False)

    op.create_table('agenda_item',
    sa.Column('meeting_id', sa.Uuid(), nullable=False),
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('question', sa.Text(), nullable=False),
    sa.Column('urgency', sa.String(length=20), nullable=False),
    sa.Column('brought_in_by_id', sa.Uuid(), nullable=True),
    sa.Column('proposed', sa.String(length=40), nullable=False),
    sa.Column('outcome', sa.Enum('open', 'besproken', 'doorgeschoven', name='itemoutcome', native_enum=False, length=24), nullable=False),
    sa.Column('information', sa.Text(), nullable=False),
    sa.Column('analysis', sa.Text(), nullable=False),
    sa.Column('conclusion', sa.Text(), nullable=False),
    sa.Column('internal_note', sa.Text(), nullable=False),
    sa.Column('safety_discussed', sa.Boolean(), nullable=False),
    sa.Column('network_discussed', sa.Boolean(), nullable=True),
    sa.Column('family_attendance', sa.Enum('heel', 'deels', 'niet', name='familyattendance', native_enum=False, length=24), nullable=True),
    sa.Column('family_reason', sa.String(length=200), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['brought_in_by_id'], ['medewerker.id'], name=op.f('fk_agenda_item_brought_in_by_id_medewerker')),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_agenda_item_household_id_household')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_agenda_item_meeting_id_meeting')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agenda_item'))
    )
    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agenda_item_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agenda_item_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('meeting_attendee',
    sa.Column('meeting_id', sa.Uuid(), nullable=False),
    sa.Column('medewerker_id', sa.Uuid(), nullable=True),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('organisation_id', sa.Uuid(), nullable=True),
    sa.Column('discipline', sa.String(length=80), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['medewerker_id'], ['medewerker.id'], name=op.f('fk_meeting_attendee_medewerker_id_medewerker')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_meeting_attendee_meeting_id_meeting')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_meeting_attendee_organisation_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_attendee'))
    )
    with op.batch_alter_table('meeting_attendee', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_attendee_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('meeting_decision',
    sa.Column('item_id', sa.Uuid(), nullable=False),
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.Enum('regisseur', 'fase', 'opschalen', 'afschalen', 'verwijzen', 'taxatie', 'zrm', 'afsluiten', 'anders', name='decisionkind', native_enum=False, length=24), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('medewerker_id', sa.Uuid(), nullable=True),
    sa.Column('phase', sa.String(length=20), nullable=False),
    sa.Column('organisation_id', sa.Uuid(), nullable=True),
    sa.Column('hulpvorm', sa.String(length=40), nullable=False),
    sa.Column('decider_1_id', sa.Uuid(), nullable=True),
    sa.Column('decider_2_id', sa.Uuid(), nullable=True),
    sa.Column('carried_out_on', sa.Date(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['decider_1_id'], ['medewerker.id'], name=op.f('fk_meeting_decision_decider_1_id_medewerker')),
    sa.ForeignKeyConstraint(['decider_2_id'], ['medewerker.id'], name=op.f('fk_meeting_decision_decider_2_id_medewerker')),
    sa.ForeignKeyConstraint(['item_id'], ['agenda_item.id'], name=op.f('fk_meeting_decision_item_id_agenda_item')),
    sa.ForeignKeyConstraint(['medewerker_id'], ['medewerker.id'], name=op.f('fk_meeting_decision_medewerker_id_medewerker')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_meeting_decision_organisation_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_decision'))
    )
    with op.batch_alter_table('meeting_decision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_decision_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_decision_item_id'), ['item_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('meeting_decision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_decision_item_id'))
        batch_op.drop_index(batch_op.f('ix_meeting_decision_household_id'))

    op.drop_table('meeting_decision')
    with op.batch_alter_table('meeting_attendee', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_attendee_meeting_id'))

    op.drop_table('meeting_attendee')
    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agenda_item_meeting_id'))
        batch_op.drop_index(batch_op.f('ix_agenda_item_household_id'))

    op.drop_table('agenda_item')
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_held_on'))

    op.drop_table('meeting')
