"""organisations as records, linked from consents

Organisations (name, kind, active) with contact persons. Every consent gets an
organisation_id: one organisation per distinct organisation text of the existing
consents, matched trimmed, with spaces collapsed and case-folded; the first spelling
met (oldest consent first) becomes the name, its kind 'overig' until the team sets it.

The consent's own organisation text stays: it is the name as the family agreed to it,
and the inzage export and correction history read it.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26 10:00:00
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

UNKNOWN_NAME = "Onbekende organisatie"


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
        'organisation',
        sa.Column('name', sa.String(length=120), nullable=False),
        sa.Column('kind', sa.String(length=40), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        *_tracked(),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_organisation')),
    )
    op.create_table(
        'organisation_contact',
        sa.Column('organisation_id', sa.Uuid(), nullable=False),
        sa.Column('name', sa.String(length=120), nullable=False),
        sa.Column('role', sa.String(length=80), nullable=False),
        sa.Column('phone', sa.String(length=30), nullable=False),
        sa.Column('email', sa.String(length=120), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ['organisation_id'],
            ['organisation.id'],
            name=op.f('fk_organisation_contact_organisation_id_organisation'),
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_organisation_contact')),
    )
    with op.batch_alter_table('organisation_contact', schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f('ix_organisation_contact_organisation_id'), ['organisation_id'], unique=False
        )
    with op.batch_alter_table('consent', schema=None) as batch_op:
        batch_op.add_column(sa.Column('organisation_id', sa.Uuid(), nullable=True))

    _link_consents()

    with op.batch_alter_table('consent', schema=None) as batch_op:
        batch_op.alter_column('organisation_id', existing_type=sa.Uuid(), nullable=False)
        batch_op.create_index(
            batch_op.f('ix_consent_organisation_id'), ['organisation_id'], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f('fk_consent_organisation_id_organisation'),
            'organisation',
            ['organisation_id'],
            ['id'],
        )


def _match_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _link_consents() -> None:
    bind = op.get_bind()
    consent = sa.table(
        'consent',
        sa.column('id', sa.Uuid()),
        sa.column('organisation', sa.String()),
        sa.column('organisation_id', sa.Uuid()),
        sa.column('given_on', sa.Date()),
        sa.column('created_at', sa.DateTime(timezone=True)),
    )
    organisation = sa.table(
        'organisation',
        sa.column('id', sa.Uuid()),
        sa.column('name', sa.String()),
        sa.column('kind', sa.String()),
        sa.column('active', sa.Boolean()),
        sa.column('created_at', sa.DateTime(timezone=True)),
        sa.column('created_by', sa.String()),
        sa.column('updated_at', sa.DateTime(timezone=True)),
        sa.column('updated_by', sa.String()),
    )
    rows = bind.execute(
        sa.select(consent.c.id, consent.c.organisation).order_by(
            consent.c.given_on, consent.c.created_at
        )
    ).all()
    now = datetime.now(UTC)
    found: dict[str, uuid.UUID] = {}
    for consent_id, text in rows:
        name = " ".join((text or "").split()) or UNKNOWN_NAME
        key = _match_key(name)
        if key not in found:
            found[key] = uuid.uuid4()
            bind.execute(
                organisation.insert().values(
                    id=found[key],
                    name=name[:120],
                    kind='overig',
                    active=True,
                    created_at=now,
                    created_by='migratie',
                    updated_at=now,
                    updated_by='migratie',
                )
            )
        bind.execute(
            consent.update().where(consent.c.id == consent_id).values(organisation_id=found[key])
        )


def downgrade() -> None:
    with op.batch_alter_table('consent', schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f('fk_consent_organisation_id_organisation'), type_='foreignkey'
        )
        batch_op.drop_index(batch_op.f('ix_consent_organisation_id'))
        batch_op.drop_column('organisation_id')
    with op.batch_alter_table('organisation_contact', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organisation_contact_organisation_id'))
    op.drop_table('organisation_contact')
    op.drop_table('organisation')
