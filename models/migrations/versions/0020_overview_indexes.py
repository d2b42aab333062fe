"""overview indexes: the columns the coordinator's overview reads, without the table pages

``ix_traject_event_course`` (traject, day, kind, phase), ``ix_contact_household_date``
(household, day, kind) and ``ix_measurement_score_levels`` (measurement, item, level, niet
beoordeeld) hold everything the overview reads of those tables, so it decrypts the index
pages only and not the notes and remarks beside them. Each replaces the one-column index
it starts with.

Revision ID: 0020
Revises: 0019
Create Date: 2026-11-26 06:30:00
"""

from __future__ import annotations

from alembic import op

revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_traject_event_course', 'traject_event', ['traject_id', 'event_date', 'kind', 'to_phase'])
    op.drop_index('ix_traject_event_traject_id', table_name='traject_event')
    op.create_index('ix_contact_household_date', 'contact', ['household_id', 'contact_date', 'kind'])
    op.drop_index('ix_contact_household_id', table_name='contact')
    op.create_index('ix_measurement_score_levels', 'measurement_score', ['measurement_id', 'item_code', 'level', 'not_assessed'])
    op.drop_index('ix_measurement_score_measurement_id', table_name='measurement_score')


def downgrade() -> None:
    op.create_index('ix_measurement_score_measurement_id', 'measurement_score', ['measurement_id'])
    op.drop_index('ix_measurement_score_levels', table_name='measurement_score')
    op.create_index('ix_contact_household_id', 'contact', ['household_id'])
    op.drop_index('ix_contact_household_date', table_name='contact')
    op.create_index('ix_traject_event_traject_id', 'traject_event', ['traject_id'])
    op.drop_index('ix_traject_event_course', table_name='traject_event')
