"""dutch sort name

The household list sorts on the surname the Dutch way ('De Vries' under V,
'Öztürk' under O). Existing households get their sort name here; the rule is
copied, not imported, so this migration keeps doing what it did when the app's
own code changes later.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 13:08:10.346844
"""

from __future__ import annotations

import unicodedata

import sqlalchemy as sa
from alembic import op

_PLAIN = str.maketrans({"ı": "i", "ø": "o", "æ": "ae", "ł": "l", "đ": "d", "œ": "oe"})
_INFIXES = (
    "van der ", "van den ", "van de ", "van het ", "van 't ", "in 't ", "in het ", "op de ", "uit de ",
    "van ", "de ", "den ", "der ", "het ", "'t ", "ten ", "ter ", "te ", "la ", "le ", "du ", "d'",
)


def _sort_name(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold().translate(_PLAIN))
    folded = " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())
    for infix in _INFIXES:
        if folded.startswith(infix) and len(folded) > len(infix):
            return folded[len(infix):]
    return folded


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('household', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('sort_name', sa.String(length=120), nullable=False, server_default='')
        )
        batch_op.drop_index(batch_op.f('ix_household_name'))
        batch_op.create_index('ix_household_sort_name', ['sort_name', 'dossier_number'], unique=False)

    household = sa.table('household', sa.column('id', sa.Uuid()), sa.column('name', sa.String()),
                         sa.column('sort_name', sa.String()))
    connection = op.get_bind()
    rows = connection.execute(sa.select(household.c.id, household.c.name)).all()
    for household_id, name in rows:
        connection.execute(
            household.update().where(household.c.id == household_id).values(sort_name=_sort_name(name))
        )



def downgrade() -> None:
    with op.batch_alter_table('household', schema=None) as batch_op:
        batch_op.drop_index('ix_household_sort_name')
        batch_op.create_index(batch_op.f('ix_household_name'), ['name', 'dossier_number'], unique=False)
        batch_op.drop_column('sort_name')

