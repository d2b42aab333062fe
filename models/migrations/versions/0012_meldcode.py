"""the meldcode: procedures per household, their consultations and corrections

``meldcode_procedure`` holds steps 1, 3, 4 (the afwegingskader's five answers) and 5 of
one walk through the meldcode; ``meldcode_consultation`` the consultations of step 2;
``meldcode_correction`` why a finished procedure was corrected. New tables only: an
existing database keeps everything and starts without procedures.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-26 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def _tracked() -> list[sa.Column]:
    return [
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('created_by', sa.String(length=64), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_by', sa.String(length=64), nullable=False),
    ]


def _enum(name: str, values: list[str], length: int = 24) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, length=length)


FORMS = [
    'kindermishandeling',
    'partnergeweld',
    'ouderenmishandeling',
    'eergerelateerd_geweld',
    'huwelijksdwang',
    'vrouwelijke_genitale_verminking',
]


def upgrade() -> None:
    op.create_table(
        'meldcode_procedure',
        sa.Column('household_id', sa.Uuid(), nullable=False),
        sa.Column('form', _enum('violenceform', FORMS, 32), nullable=False),
        sa.Column('victim_kind', _enum('victimkind', ['kind', 'volwassene']), nullable=False),
        sa.Column('victim_id', sa.Uuid(), nullable=True),
        sa.Column('signals_on', sa.Date(), nullable=False),
        sa.Column('signals_by', sa.String(length=120), nullable=False),
        sa.Column('signals', sa.Text(), nullable=False),
        sa.Column('injury', sa.Boolean(), nullable=False),
        sa.Column('conversation_on', sa.Date(), nullable=True),
        sa.Column('conversation_by', sa.String(length=120), nullable=False),
        sa.Column('conversation_held', sa.Boolean(), nullable=True),
        sa.Column('conversation_note', sa.Text(), nullable=False),
        sa.Column('conversation_why_not', sa.Text(), nullable=False),
        sa.Column('weighed_on', sa.Date(), nullable=True),
        sa.Column('weighed_by', sa.String(length=120), nullable=False),
        sa.Column('answer_1', sa.Boolean(), nullable=True),
        sa.Column('answer_2', sa.Boolean(), nullable=True),
        sa.Column('answer_3', sa.Boolean(), nullable=True),
        sa.Column('answer_4', sa.Boolean(), nullable=True),
        sa.Column('answer_5', sa.Boolean(), nullable=True),
        sa.Column('weighing_note', sa.Text(), nullable=False),
        sa.Column('evaluation_on', sa.Date(), nullable=True),
        sa.Column('decided_on', sa.Date(), nullable=True),
        sa.Column('decided_by', sa.String(length=120), nullable=False),
        sa.Column('melding', sa.Boolean(), nullable=False),
        sa.Column('melding_on', sa.Date(), nullable=True),
        sa.Column('vt_reference', sa.String(length=40), nullable=False),
        sa.Column('parents_told', sa.Boolean(), nullable=True),
        sa.Column('parents_not_told_why', sa.Text(), nullable=False),
        sa.Column('vt_feedback', sa.Text(), nullable=False),
        sa.Column('vt_next_step', sa.Text(), nullable=False),
        sa.Column('help', sa.Boolean(), nullable=False),
        sa.Column('agreements', sa.Text(), nullable=False),
        sa.Column('decision_note', sa.Text(), nullable=False),
        sa.Column('finished_on', sa.Date(), nullable=True),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ['household_id'],
            ['household.id'],
            name=op.f('fk_meldcode_procedure_household_id_household'),
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_meldcode_procedure')),
    )
    with op.batch_alter_table('meldcode_procedure', schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f('ix_meldcode_procedure_household_id'), ['household_id'], unique=False
        )
    kinds = ['collega', 'aandachtsfunctionaris', 'veilig_thuis', 'letselduiding']
    op.create_table(
        'meldcode_consultation',
        sa.Column('procedure_id', sa.Uuid(), nullable=False),
        sa.Column('household_id', sa.Uuid(), nullable=False),
        sa.Column('kind', _enum('consultationkind', kinds), nullable=False),
        sa.Column('consulted_on', sa.Date(), nullable=False),
        sa.Column('consulted_by', sa.String(length=120), nullable=False),
        sa.Column('consulted', sa.String(length=120), nullable=False),
        sa.Column('anonymous', sa.Boolean(), nullable=False),
        sa.Column('advice', sa.Text(), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ['household_id'],
            ['household.id'],
            name=op.f('fk_meldcode_consultation_household_id_household'),
        ),
        sa.ForeignKeyConstraint(
            ['procedure_id'],
            ['meldcode_procedure.id'],
            name=op.f('fk_meldcode_consultation_procedure_id_meldcode_procedure'),
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_meldcode_consultation')),
    )
    with op.batch_alter_table('meldcode_consultation', schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f('ix_meldcode_consultation_household_id'), ['household_id'], unique=False
        )
        batch_op.create_index(
            batch_op.f('ix_meldcode_consultation_procedure_id'), ['procedure_id'], unique=False
        )
    op.create_table(
        'meldcode_correction',
        sa.Column('procedure_id', sa.Uuid(), nullable=False),
        sa.Column('household_id', sa.Uuid(), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('fields', sa.Text(), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ['household_id'],
            ['household.id'],
            name=op.f('fk_meldcode_correction_household_id_household'),
        ),
        sa.ForeignKeyConstraint(
            ['procedure_id'],
            ['meldcode_procedure.id'],
            name=op.f('fk_meldcode_correction_procedure_id_meldcode_procedure'),
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_meldcode_correction')),
    )
    with op.batch_alter_table('meldcode_correction', schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f('ix_meldcode_correction_household_id'), ['household_id'], unique=False
        )
        batch_op.create_index(
            batch_op.f('ix_meldcode_correction_procedure_id'), ['procedure_id'], unique=False
        )


def downgrade() -> None:
    for table in ('meldcode_correction', 'meldcode_consultation'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f'ix_{table}_procedure_id'))
            batch_op.drop_index(batch_op.f(f'ix_{table}_household_id'))
        op.drop_table(table)
    with op.batch_alter_table('meldcode_procedure', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meldcode_procedure_household_id'))
    op.drop_table('meldcode_procedure')
