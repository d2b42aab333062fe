"""Signs of Safety, the veiligheidsplan, and where opschalen / afschalen go

Four new tables: ``sos_assessment`` with its ``sos_scale_answer`` rows, and ``safety_plan``
(versioned) with its ``safety_agreement`` rows. ``traject_event`` gets ``scale_target``,
``scale_reason`` and ``responsible``, empty on every event already there: an old opschaling
keeps its note and reads as before.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-25 22:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def _tracked() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('created_by', sa.String(length=64), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_by', sa.String(length=64), nullable=False),
    ]


def _household(table: str) -> list[object]:
    return [
        sa.Column('household_id', sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ['household_id'], ['household.id'], name=op.f(f'fk_{table}_household_id_household')
        ),
    ]


def upgrade() -> None:
    with op.batch_alter_table('traject_event', schema=None) as batch_op:
        batch_op.add_column(sa.Column('scale_target', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('scale_reason', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('responsible', sa.String(length=120), nullable=True))

    op.create_table(
        'sos_assessment',
        *_household('sos_assessment'),
        sa.Column('assessed_on', sa.Date(), nullable=False),
        sa.Column('worries', sa.Text(), nullable=False),
        sa.Column('going_well', sa.Text(), nullable=False),
        sa.Column('next_steps', sa.Text(), nullable=False),
        *_tracked(),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_sos_assessment')),
    )
    op.create_index(
        op.f('ix_sos_assessment_household_id'), 'sos_assessment', ['household_id'], unique=False
    )
    op.create_table(
        'sos_scale_answer',
        sa.Column('assessment_id', sa.Uuid(), nullable=False),
        *_household('sos_scale_answer'),
        sa.Column(
            'respondent',
            sa.Enum('team', 'ouder', 'jongere', name='respondent', native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column('person_id', sa.Uuid(), nullable=True),
        sa.Column('score', sa.Integer(), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ['assessment_id'],
            ['sos_assessment.id'],
            name=op.f('fk_sos_scale_answer_assessment_id_sos_assessment'),
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_sos_scale_answer')),
    )
    op.create_index(
        op.f('ix_sos_scale_answer_assessment_id'),
        'sos_scale_answer',
        ['assessment_id'],
        unique=False,
    )
    op.create_index(
        op.f('ix_sos_scale_answer_household_id'), 'sos_scale_answer', ['household_id'], unique=False
    )
    op.create_table(
        'safety_plan',
        *_household('safety_plan'),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('made_on', sa.Date(), nullable=False),
        sa.Column('goal', sa.Text(), nullable=False),
        sa.Column('agreed_on', sa.Date(), nullable=True),
        sa.Column('with_parents', sa.Boolean(), nullable=False),
        sa.Column('agreed_how', sa.String(length=40), nullable=False),
        sa.Column('not_agreed_reason', sa.Text(), nullable=False),
        *_tracked(),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_safety_plan')),
        sa.UniqueConstraint('household_id', 'version', name=op.f('uq_safety_plan_household_id')),
    )
    op.create_index(
        op.f('ix_safety_plan_household_id'), 'safety_plan', ['household_id'], unique=False
    )
    op.create_table(
        'safety_agreement',
        sa.Column('plan_id', sa.Uuid(), nullable=False),
        *_household('safety_agreement'),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('what', sa.Text(), nullable=False),
        sa.Column('who', sa.String(length=200), nullable=False),
        sa.Column('trigger', sa.String(length=200), nullable=False),
        sa.Column('checker', sa.String(length=200), nullable=False),
        sa.Column('network', sa.String(length=200), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ['plan_id'], ['safety_plan.id'], name=op.f('fk_safety_agreement_plan_id_safety_plan')
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_safety_agreement')),
    )
    op.create_index(
        op.f('ix_safety_agreement_plan_id'), 'safety_agreement', ['plan_id'], unique=False
    )
    op.create_index(
        op.f('ix_safety_agreement_household_id'), 'safety_agreement', ['household_id'], unique=False
    )


def downgrade() -> None:
    for table, columns in (
        ('safety_agreement', ('plan_id', 'household_id')),
        ('safety_plan', ('household_id',)),
        ('sos_scale_answer', ('assessment_id', 'household_id')),
        ('sos_assessment', ('household_id',)),
    ):
        for column in columns:
            op.drop_index(op.f(f'ix_{table}_{column}'), table_name=table)
        op.drop_table(table)
    with op.batch_alter_table('traject_event', schema=None) as batch_op:
        batch_op.drop_column('responsible')
        batch_op.drop_column('scale_reason')
        batch_op.drop_column('scale_target')
