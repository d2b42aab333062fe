"""accounts, access log, consent, change history, settings

The access log is append-only: on SQLite two triggers refuse UPDATE and DELETE.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 12:29:05.474688
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('access_log',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('account_id', sa.Uuid(), nullable=True),
    sa.Column('login', sa.String(length=64), nullable=False),
    sa.Column('action', sa.Enum('login', 'open', 'change', 'print', 'export', 'destroy', 'backup', 'restore', 'account', name='accessaction', native_enum=False, length=24), nullable=False),
    sa.Column('household_id', sa.Uuid(), nullable=True),
    sa.Column('person_id', sa.Uuid(), nullable=True),
    sa.Column('dossier_number', sa.String(length=20), nullable=False),
    sa.Column('detail', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_access_log'))
    )
    with op.batch_alter_table('access_log', schema=None) as batch_op:
        batch_op.create_index('ix_access_log_account', ['account_id', 'at'], unique=False)
        batch_op.create_index(batch_op.f('ix_access_log_at'), ['at'], unique=False)
        batch_op.create_index('ix_access_log_household', ['household_id', 'at'], unique=False)

    op.create_table('app_setting',
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_app_setting'))
    )
    op.create_table('change_record',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('login', sa.String(length=64), nullable=False),
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('record_id', sa.Uuid(), nullable=False),
    sa.Column('household_id', sa.Uuid(), nullable=True),
    sa.Column('field', sa.String(length=40), nullable=False),
    sa.Column('old_value', sa.Text(), nullable=False),
    sa.Column('new_value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_change_record'))
    )
    with op.batch_alter_table('change_record', schema=None) as batch_op:
        batch_op.create_index('ix_change_record_household', ['household_id', 'at'], unique=False)

    op.create_table('account',
    sa.Column('login', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=120), nullable=False),
    sa.Column('role', sa.Enum('medewerker', 'coordinator', 'beheerder', name='role', native_enum=False, length=24), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('medewerker_id', sa.Uuid(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['medewerker_id'], ['medewerker.id'], name=op.f('fk_account_medewerker_id_medewerker')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_account')),
    sa.UniqueConstraint('login', name=op.f('uq_account_login'))
    )
    op.create_table('consent',
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.Column('person_id', sa.Uuid(), nullable=True),
    sa.Column('organisation', sa.String(length=120), nullable=False),
    sa.Column('purpose', sa.Text(), nullable=False),
    sa.Column('given_by', sa.String(length=120), nullable=False),
    sa.Column('given_on', sa.Date(), nullable=False),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.Column('refused', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_consent_household_id_household')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_consent_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consent'))
    )
    with op.batch_alter_table('consent', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consent_household_id'), ['household_id'], unique=False)

    if op.get_bind().dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER access_log_no_{verb.lower()} BEFORE {verb} ON access_log "
                "BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS access_log_no_update")
        op.execute("DROP TRIGGER IF EXISTS access_log_no_delete")
    with op.batch_alter_table('consent', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consent_household_id'))

    op.drop_table('consent')
    op.drop_table('account')
    with op.batch_alter_table('change_record', schema=None) as batch_op:
        batch_op.drop_index('ix_change_record_household')

    op.drop_table('change_record')
    op.drop_table('app_setting')
    with op.batch_alter_table('access_log', schema=None) as batch_op:
        batch_op.drop_index('ix_access_log_household')
        batch_op.drop_index(batch_op.f('ix_access_log_at'))
        batch_op.drop_index('ix_access_log_account')

    op.drop_table('access_log')
