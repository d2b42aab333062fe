"""overview summaries: a traject's course and contacts, a measurement's levels, on their row

The coordinator's overview read 82,000 traject events, 40,000 contacts and 168,000 scores on
the bench store only to find, per traject, the day it first reached phase 'plan', its latest
event, its first contact and its household's latest, and per measurement how many items were
answered and their levels. Those are now columns, kept right by triggers whatever writes the
rows (the app, an import, a colleague with the key and a SQLite shell):

- ``traject.plan_on``: the earliest event that moved it to phase 'plan' (any date);
- ``traject.last_event_on``: its latest event (any date; the overview reads the events
  themselves only for the trajecten whose latest event lies after its peildatum);
- ``traject.first_contact_on``: its first contact (huisbezoek, telefoon or overleg, from the
  aanmelding until closing; any date);
- ``traject.last_contact_on``: its household's latest contact of any kind (any date; as
  last_event_on, the contacts are read for the few whose latest lies after the peildatum);
- ``measurement.answered``: items scored or marked niet beoordeeld;
- ``measurement.levels``: the scored items as one JSON object {item: level}.

And ``ix_taxatie_latest`` holds every column the Te doen counter of due re-assessments
reads, in the order it groups them (it read the whole table and sorted).

A summary counts only rows whose day is a real date as the app stores it. One limit: SQLite
fires no delete trigger for a row that ``INSERT OR REPLACE`` pushes out unless
``recursive_triggers`` is on; the app's connections turn it on (desktop.database), and a tool
outside the app that replaces rows must too.

Each trigger recomputes the whole summary of the rows it touches (seeks on the covering
indexes of 0020), so an insert, an update (also one that moves a row to another traject,
household or measurement) and a delete all leave it right; a traject added, moved, redated
or (re)closed counts its contacts again. Existing rows are filled here.

Revision ID: 0021
Revises: 0020
Create Date: 2026-11-26 09:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None

# Only days as the app stores them ('2026-11-25', a real date) count: a value written
# outside the app that is no such day ('2026-02-30', '2026-11-20 10:00') would sort among
# them as text and hide the real ones; the overview leaves out a day it cannot read too.
_COURSE = """
UPDATE traject SET
    plan_on = (SELECT min(event_date) FROM traject_event
               WHERE traject_id = traject.id AND kind = 'fase' AND to_phase = 'plan'
                 AND date(event_date, '+0 days') IS event_date),
    last_event_on = (SELECT max(event_date) FROM traject_event
                     WHERE traject_id = traject.id AND date(event_date, '+0 days') IS event_date)
WHERE {where};
"""

# A first contact: of kind huisbezoek, telefoon or overleg, on or after the aanmelding and
# not after closing (models.overview.FIRST_CONTACT_KINDS; a change there needs a migration
# that rewrites these triggers). The latest contact: the household's, of any kind.
_CONTACTS = """
UPDATE traject SET
    first_contact_on = (SELECT min(contact_date) FROM contact
                        WHERE household_id = traject.household_id
                          AND kind IN ('huisbezoek', 'telefoon', 'overleg')
                          AND contact_date >= traject.registered_on
                          AND (traject.closed_on IS NULL OR contact_date <= traject.closed_on)
                          AND date(contact_date, '+0 days') IS contact_date),
    last_contact_on = (SELECT max(contact_date) FROM contact
                       WHERE household_id = traject.household_id
                         AND date(contact_date, '+0 days') IS contact_date)
WHERE {where};
"""

_LEVELS = """
UPDATE measurement SET
    answered = (SELECT count(*) FROM measurement_score
                WHERE measurement_id = measurement.id
                  AND (level IS NOT NULL OR not_assessed = 1)),
    levels = (SELECT json_group_object(item_code, level) FROM measurement_score
              WHERE measurement_id = measurement.id AND level IS NOT NULL)
WHERE {where};
"""


def _triggers(table: str, statement: str, where: str, columns: str) -> dict[str, str]:
    """After insert (NEW), delete (OLD) and update of ``columns`` (both), by name; ``where``
    picks the rows to recount, with ``{row}`` for NEW or OLD."""

    def on(row: str) -> str:
        return statement.format(where=where.format(row=row))

    name = f"{table}_summary"
    return {
        f"{name}_insert": f"AFTER INSERT ON {table} BEGIN {on('NEW')} END",
        f"{name}_delete": f"AFTER DELETE ON {table} BEGIN {on('OLD')} END",
        f"{name}_update": (
            f"AFTER UPDATE OF {columns} ON {table} BEGIN {on('OLD')} {on('NEW')} END"
        ),
    }


_OF_TRAJECT = _CONTACTS.format(where="id = NEW.id")
TRIGGERS = {
    **_triggers(
        "traject_event", _COURSE, "id = {row}.traject_id", "traject_id, event_date, kind, to_phase"
    ),
    **_triggers(
        "measurement_score",
        _LEVELS,
        "id = {row}.measurement_id",
        "measurement_id, item_code, level, not_assessed",
    ),
    **_triggers(
        "contact",
        _CONTACTS,
        "household_id = {row}.household_id",
        "household_id, contact_date, kind",
    ),
    # a new traject, or one moved, redated or (re)closed: its own contacts counted again
    "traject_summary_insert": f"AFTER INSERT ON traject BEGIN {_OF_TRAJECT} END",
    "traject_summary_update": (
        f"AFTER UPDATE OF household_id, registered_on, closed_on ON traject BEGIN {_OF_TRAJECT} END"
    ),
}


def upgrade() -> None:
    op.add_column('traject', sa.Column('plan_on', sa.Date(), nullable=True))
    op.add_column('traject', sa.Column('last_event_on', sa.Date(), nullable=True))
    op.add_column('traject', sa.Column('first_contact_on', sa.Date(), nullable=True))
    op.add_column('traject', sa.Column('last_contact_on', sa.Date(), nullable=True))
    op.add_column(
        'measurement', sa.Column('answered', sa.Integer(), nullable=False, server_default='0')
    )
    op.add_column('measurement', sa.Column('levels', sa.Text(), nullable=True))
    op.create_index(
        'ix_taxatie_latest',
        'taxatie',
        ['household_id', 'person_id', 'state', 'assessed_on', 'created_at', 'id', 'next_due'],
    )
    if op.get_bind().dialect.name == "sqlite":  # the summaries filled, then kept
        for statement in (_COURSE, _LEVELS, _CONTACTS):  # every row
            op.execute(statement.format(where="1"))
        for name, trigger in TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {trigger}")


def downgrade() -> None:
    op.drop_index('ix_taxatie_latest', table_name='taxatie')
    if op.get_bind().dialect.name == "sqlite":
        for name in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    with op.batch_alter_table('measurement', schema=None) as batch_op:
        batch_op.drop_column('levels')
        batch_op.drop_column('answered')
    with op.batch_alter_table('traject', schema=None) as batch_op:
        batch_op.drop_column('last_contact_on')
        batch_op.drop_column('first_contact_on')
        batch_op.drop_column('last_event_on')
        batch_op.drop_column('plan_on')
