"""risicotaxatie: taxaties, their factors, and the household's maintained safety status

``taxatie`` and ``taxatie_factor`` hold the assessments; ``household_safety`` is the household
list's safety column (one row per household with a taxatie, kept up to date by the service),
joined on its primary key. An older database simply has no taxaties yet.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-27 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

SAFETY = ('veilig', 'zorgelijk', 'onveilig', 'acuut_onveilig')


def _safety() -> sa.Enum:
    return sa.Enum(*SAFETY, name='safety', native_enum=False, length=24)


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
        'taxatie',
        sa.Column('household_id', sa.Uuid(), nullable=False),
        sa.Column('person_id', sa.Uuid(), nullable=True),
        sa.Column('instrument_code', sa.String(length=40), nullable=False),
        sa.Column('instrument_version', sa.String(length=20), nullable=False),
        sa.Column('assessed_on', sa.Date(), nullable=False),
        sa.Column('state', sa.Enum('concept', 'ter_toetsing', 'getoetst', name='taxatiestate', native_enum=False, length=24), nullable=False),
        sa.Column('safety', _safety(), nullable=True),
        sa.Column('risk', sa.Enum('laag', 'verhoogd', 'hoog', name='risk', native_enum=False, length=24), nullable=True),
        sa.Column('onderbouwing', sa.Text(), nullable=False),
        sa.Column('author_account_id', sa.Uuid(), nullable=True),
        sa.Column('author_login', sa.String(length=64), nullable=False),
        sa.Column('author_name', sa.String(length=120), nullable=False),
        sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('submitted_account_id', sa.Uuid(), nullable=True),
        sa.Column('submitted_by', sa.String(length=64), nullable=False),
        sa.Column('reviewer_account_id', sa.Uuid(), nullable=True),
        sa.Column('reviewer_login', sa.String(length=64), nullable=False),
        sa.Column('reviewer_name', sa.String(length=120), nullable=False),
        sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('verdict', sa.Enum('akkoord', 'afwijkend', name='verdict', native_enum=False, length=24), nullable=True),
        sa.Column('reviewer_view', sa.Text(), nullable=False),
        sa.Column('reviewer_safety', _safety(), nullable=True),
        sa.Column('next_due', sa.Date(), nullable=True),
        *_tracked(),
        sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_taxatie_household_id_household')),
        sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_taxatie_person_id_person')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_taxatie')),
    )
    with op.batch_alter_table('taxatie', schema=None) as batch_op:
        batch_op.create_index('ix_taxatie_household_assessed', ['household_id', 'assessed_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_taxatie_person_id'), ['person_id'], unique=False)

    op.create_table(
        'taxatie_factor',
        sa.Column('taxatie_id', sa.Uuid(), nullable=False),
        sa.Column('household_id', sa.Uuid(), nullable=False),
        sa.Column('item_code', sa.String(length=40), nullable=False),
        sa.Column('answer', sa.Enum('aanwezig', 'niet_aanwezig', 'onbekend', name='factoranswer', native_enum=False, length=24), nullable=True),
        sa.Column('remark', sa.Text(), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(['taxatie_id'], ['taxatie.id'], name=op.f('fk_taxatie_factor_taxatie_id_taxatie')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_taxatie_factor')),
    )
    with op.batch_alter_table('taxatie_factor', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_taxatie_factor_taxatie_id'), ['taxatie_id'], unique=False)

    op.create_table(
        'household_safety',
        sa.Column('household_id', sa.Uuid(), nullable=False),
        sa.Column('safety', _safety(), nullable=True),
        sa.Column('concept', sa.Boolean(), nullable=False),
        sa.Column('last_on', sa.Date(), nullable=True),
        sa.Column('next_due', sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_household_safety_household_id_household')),
        sa.PrimaryKeyConstraint('household_id', name=op.f('pk_household_safety')),
    )


def downgrade() -> None:
    op.drop_table('household_safety')
    with op.batch_alter_table('taxatie_factor', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_taxatie_factor_taxatie_id'))
    op.drop_table('taxatie_factor')
    with op.batch_alter_table('taxatie', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_taxatie_person_id'))
        batch_op.drop_index('ix_taxatie_household_assessed')
    op.drop_table('taxatie')
