"""zrm measurements

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 12:56:36.072844
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('measurement',
    sa.Column('person_id', sa.Uuid(), nullable=False),
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.Column('instrument_code', sa.String(length=40), nullable=False),
    sa.Column('instrument_version', sa.String(length=20), nullable=False),
    sa.Column('measured_on', sa.Date(), nullable=False),
    sa.Column('assessor', sa.String(length=120), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_measurement_household_id_household')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_measurement_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_measurement'))
    )
    with op.batch_alter_table('measurement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_measurement_household_id'), ['household_id'], unique=False)
        batch_op.create_index('ix_measurement_person_date', ['person_id', 'measured_on'], unique=False)

    op.create_table('measurement_score',
    sa.Column('measurement_id', sa.Uuid(), nullable=False),
    sa.Column('item_code', sa.String(length=40), nullable=False),
    sa.Column('level', sa.Integer(), nullable=True),
    sa.Column('not_assessed', sa.Boolean(), nullable=False),
    sa.Column('target', sa.Integer(), nullable=True),
    sa.Column('remark', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['measurement_id'], ['measurement.id'], name=op.f('fk_measurement_score_measurement_id_measurement')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_measurement_score'))
    )
    with op.batch_alter_table('measurement_score', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_measurement_score_measurement_id'), ['measurement_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('measurement_score', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_measurement_score_measurement_id'))

    op.drop_table('measurement_score')
    with op.batch_alter_table('measurement', schema=None) as batch_op:
        batch_op.drop_index('ix_measurement_person_date')
        batch_op.drop_index(batch_op.f('ix_measurement_household_id'))

    op.drop_table('measurement')

