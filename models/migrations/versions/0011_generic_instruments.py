"""generic instruments: a measurement of the whole household, and chosen conclusions

``measurement.person_id`` may be empty: the measurement is about the whole household (an
instrument whose subject is the household, such as ZRM-Huishoudens). Every existing
measurement keeps its person. ``measurement_conclusion`` holds the conclusions a
professional chose (an instrument's ``conclusions``); it starts empty.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-26 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('measurement', schema=None) as batch_op:
        batch_op.alter_column('person_id', existing_type=sa.Uuid(), nullable=True)
    op.create_table(
        'measurement_conclusion',
        sa.Column('measurement_id', sa.Uuid(), nullable=False),
        sa.Column('conclusion_code', sa.String(length=40), nullable=False),
        sa.Column('option_code', sa.String(length=40), nullable=False),
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('created_by', sa.String(length=64), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_by', sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ['measurement_id'],
            ['measurement.id'],
            name=op.f('fk_measurement_conclusion_measurement_id_measurement'),
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_measurement_conclusion')),
    )
    with op.batch_alter_table('measurement_conclusion', schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f('ix_measurement_conclusion_measurement_id'), ['measurement_id'], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table('measurement_conclusion', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_measurement_conclusion_measurement_id'))
    op.drop_table('measurement_conclusion')
    op.execute("DELETE FROM measurement_score WHERE measurement_id IN "
               "(SELECT id FROM measurement WHERE person_id IS NULL)")
    op.execute("DELETE FROM measurement WHERE person_id IS NULL")
    with op.batch_alter_table('measurement', schema=None) as batch_op:
        batch_op.alter_column('person_id', existing_type=sa.Uuid(), nullable=False)
