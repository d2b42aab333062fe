"""Every input rule, in one place: the forms check them as a field is left, the services on save.

A form and its service read the same :class:`Field` specs, so a field that is required
or limited in length on screen is refused by the service too, whoever calls it (the
window, the command line, a later meetings flow).  The maximum lengths are those of the
``String(n)`` columns that store the fields; ``tests/models/test_rules.py`` keeps them equal.

Plain Python: views may import this module.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from models.validation import Problem, check_phone


@dataclass(frozen=True)
class Field:
    """What one text field of a draft must satisfy (checked on the stripped text); ``form``
    checks what a given text looks like (a phone number). ``input_length`` bounds what a form
    takes where the stored value is a normalised one, checked by its own format ('111 222 333'
    is stored as 111222333)."""

    required: bool = False
    max_length: int | None = None
    form: Callable[[str], Problem | None] | None = None
    input_length: int | None = None

    def check(self, text: str) -> Problem | None:
        stripped = text.strip()
        if self.required and not stripped:
            return Problem.REQUIRED
        if self.max_length is not None and len(stripped) > self.max_length:
            return Problem.TOO_LONG
        return self.form(stripped) if self.form and stripped else None


Spec = Mapping[str, Field]

REQUIRED = Field(required=True)

# Each draft's fields, by the name the draft and its form use.
HOUSEHOLD: Spec = {
    "name": Field(required=True, max_length=120),
    "street": Field(max_length=120),
    "house_number": Field(max_length=20),
    # stored as '1234 AB'; its own format check (validation.check_postcode) bounds its length
    "postcode": Field(input_length=9),
    "city": Field(max_length=80),
    "phone": Field(max_length=30, form=check_phone),
}
TRAJECT: Spec = {"registered_on": REQUIRED}
PERSON: Spec = {
    "first_name": Field(required=True, max_length=80),
    "infix": Field(max_length=20),
    "last_name": Field(required=True, max_length=120),
    "role": REQUIRED,
    "bsn": Field(input_length=12),  # stored as 9 digits; typed '111 222 333' or '111.22.333'
    "address": Field(max_length=200),
}
CONTACT: Spec = {"contact_date": REQUIRED, "kind": REQUIRED}
CONSENT: Spec = {
    "organisation": REQUIRED,
    "given_by": Field(max_length=120),
    "given_on": REQUIRED,
}
# Phase change, opschalen/afschalen and closure: a date, and for a closure its reason.
# Their notes are free text (Text columns) without a limit.
PHASE_CHANGE: Spec = {"phase": REQUIRED, "on": REQUIRED}
SCALE_EVENT: Spec = {"on": REQUIRED}
# Opschalen says to whom, why and who is responsible now; afschalen says to what.
# The target is a code (codelists: opschaaldoel / afschaaldoel).
SCALE_UP: Spec = {
    **SCALE_EVENT,
    "target": REQUIRED,
    "reason": REQUIRED,
    "responsible": Field(required=True, max_length=120),
}
SCALE_DOWN: Spec = {**SCALE_EVENT, "target": REQUIRED}
CLOSURE: Spec = {"reason": REQUIRED, "on": REQUIRED}
REGISSEUR_CHANGE: Spec = {"medewerker": REQUIRED, "on": REQUIRED}
MEDEWERKER: Spec = {"name": Field(required=True, max_length=120), "discipline": REQUIRED}
ACCOUNT: Spec = {
    "name": Field(required=True, max_length=120),
    "login": Field(required=True, max_length=64),
}
# A measurement (ZRM): the date and who scored it.
MEASUREMENT: Spec = {"measured_on": REQUIRED, "assessor": Field(required=True, max_length=120)}
# Signs of Safety (the three columns are free text) and the veiligheidsplan's agreements.
SIGNS_OF_SAFETY: Spec = {"assessed_on": REQUIRED}
SAFETY_PLAN: Spec = {"made_on": REQUIRED}
SAFETY_AGREEMENT: Spec = {
    "what": REQUIRED,
    "who": Field(required=True, max_length=200),
    "trigger": Field(required=True, max_length=200),
    "checker": Field(max_length=200),
    "network": Field(max_length=200),
}
# Agreed with the parents (how), or why not: which one is required depends on the answer.
PLAN_SETTLED: Spec = {"agreed_on": REQUIRED, "with_parents": REQUIRED}
SCALE_MIN, SCALE_MAX = 0, 10  # the Signs of Safety scale


def check_scale(text: str) -> Problem | None:
    """A scale answer as typed: empty (not asked) or a whole number from 0 to 10."""
    stripped = text.strip()
    if not stripped:
        return None
    if not stripped.isdigit() or not SCALE_MIN <= int(stripped) <= SCALE_MAX:
        return Problem.SCALE_0_10
    return None


ORGANISATION: Spec = {"name": Field(required=True, max_length=120), "kind": REQUIRED}
ORGANISATION_CONTACT: Spec = {
    "name": Field(required=True, max_length=120),
    "role": Field(max_length=80),
    "phone": Field(max_length=30, form=check_phone),
    "email": Field(max_length=120),
}

# A verwijzing (models.verwijzing): the members, organisation and two deciders are checked
# by the service (they are choices); the reason is free text (a Text column).
VERWIJZING: Spec = {"referred_on": REQUIRED, "hulpvorm": REQUIRED, "reason": REQUIRED}
VERWIJZING_STATUS: Spec = {"status": REQUIRED, "on": REQUIRED}
# meetings (models.meetings)
MEETING: Spec = {"location": Field(max_length=120)}
ATTENDEE: Spec = {"name": Field(required=True, max_length=120), "discipline": Field(max_length=80)}
AGENDA_ITEM: Spec = {"question": REQUIRED}
CASE_NOTES: Spec = {"family_reason": Field(max_length=200)}
DECISION: Spec = {"text": Field(max_length=2000)}
# The gezinsplan (models.gezinsplan)
GEZINSPLAN: Spec = {
    "made_on": REQUIRED,
    "reach": Field(max_length=200),
    "fgp_note": Field(max_length=200),
}
PLAN_GOAL: Spec = {"description": Field(required=True, max_length=1000)}
PLAN_NETWORK: Spec = {
    "name": Field(required=True, max_length=120),
    "relation": Field(max_length=80),
    "role": Field(max_length=300),
}
PLAN_PARTNER: Spec = {"organisation_id": REQUIRED, "role": Field(max_length=300)}
PLAN_ADULTHOOD: Spec = {"who_takes_over": Field(max_length=200)}
PLAN_PARTY: Spec = {"agreed_how": Field(max_length=40)}
GOALS_MAX = 15  # 'a limited number of goals': more than this is not a plan a family can follow


def check_fields(spec: Spec, values: Mapping[str, object]) -> dict[str, Problem]:
    """The problems of the text fields in ``values`` (other values are checked elsewhere)."""
    problems: dict[str, Problem] = {}
    for name, rule in spec.items():
        value = values.get(name)
        if value is None and rule.required:
            problems[name] = Problem.REQUIRED
        elif isinstance(value, str) and (problem := rule.check(value)):
            problems[name] = problem
    return problems


def check_draft(spec: Spec, draft: object) -> dict[str, Problem]:
    """:func:`check_fields` on a draft's attributes of the same names."""
    return check_fields(spec, {name: getattr(draft, name, "") for name in spec})


# --- passwords ----------------------------------------------------------------------------

MIN_PASSWORD_LENGTH = 10


def check_password(password: str) -> Problem | None:
    """The password policy: at least :data:`MIN_PASSWORD_LENGTH` characters."""
    return Problem.PASSWORD_SHORT if len(password) < MIN_PASSWORD_LENGTH else None


# --- settings -------------------------------------------------------------------------------

AUTOLOCK_MINUTES = "autolock_minutes"
RETENTION_YEARS = "retention_years"

# The next risicotaxatie after a conclusion, in weeks (models.taxatie); and whether a
# gedragswetenschapper must do the toetsing (0/1).
REASSESS_ACUUT_WEEKS = "hertaxatie_acuut_onveilig_weken"
REASSESS_ONVEILIG_WEEKS = "hertaxatie_onveilig_weken"
REASSESS_ZORGELIJK_WEEKS = "hertaxatie_zorgelijk_weken"
REASSESS_VEILIG_WEEKS = "hertaxatie_veilig_weken"
REVIEW_BY_GEDRAGSWETENSCHAPPER = "toetsing_gedragswetenschapper"

SETTING_DEFAULTS = {
    AUTOLOCK_MINUTES: 5,
    RETENTION_YEARS: 20,  # Jeugdwet: 20 years
    REASSESS_ACUUT_WEEKS: 1,
    REASSESS_ONVEILIG_WEEKS: 4,
    REASSESS_ZORGELIJK_WEEKS: 6,
    REASSESS_VEILIG_WEEKS: 13,  # three months
    REVIEW_BY_GEDRAGSWETENSCHAPPER: 0,
}
SETTING_LIMITS = {
    AUTOLOCK_MINUTES: (1, 240),
    RETENTION_YEARS: (1, 100),
    REASSESS_ACUUT_WEEKS: (1, 52),
    REASSESS_ONVEILIG_WEEKS: (1, 52),
    REASSESS_ZORGELIJK_WEEKS: (1, 52),
    REASSESS_VEILIG_WEEKS: (1, 104),
    REVIEW_BY_GEDRAGSWETENSCHAPPER: (0, 1),
}

# Risicotaxatie texts: the onderbouwing, a factor's remark, the reviewer's view.
TAXATIE: Spec = {"onderbouwing": Field(max_length=8000)}
FACTOR_REMARK = Field(max_length=500)
REVIEW: Spec = {"view": Field(max_length=8000)}
# A passage withheld from an inzage: a reason from the code list achterhoudreden and why.
WITHHOLDING: Spec = {"reason": REQUIRED, "toelichting": Field(required=True, max_length=500)}


def check_setting(key: str, value: int) -> Problem | None:
    low, high = SETTING_LIMITS[key]
    return None if low <= value <= high else Problem.OUT_OF_RANGE


# --- the traject ------------------------------------------------------------------------------


def earliest_event_date(registered_on: date, event_dates: Iterable[date]) -> date:
    """A traject event (phase change, op-/afschalen, closure) may not lie before the
    aanmelding nor before the traject's latest step (an event or a regisseur's start): its
    course reads in order, and a closure never ends a regisseur before they began."""
    return max([registered_on, *event_dates])


# --- the meldcode ---------------------------------------------------------------------------

# Each step has a date and who did it; the signals are what the procedure is about.
MELDCODE_START: Spec = {
    "form": REQUIRED,
    "victim_kind": REQUIRED,
    "signals_on": REQUIRED,
    "signals_by": Field(required=True, max_length=120),
    "signals": REQUIRED,
}
MELDCODE_CONSULTATION: Spec = {
    "kind": REQUIRED,
    "consulted_on": REQUIRED,
    "by": Field(required=True, max_length=120),
    "consulted": Field(max_length=120),
}
MELDCODE_CONVERSATION: Spec = {"on": REQUIRED, "by": Field(required=True, max_length=120)}
MELDCODE_WEIGHING: Spec = {"on": REQUIRED, "by": Field(required=True, max_length=120)}
MELDCODE_DECISION: Spec = {
    "on": REQUIRED,
    "by": Field(required=True, max_length=120),
    "vt_reference": Field(max_length=40),
}

# --- actions (models.actions) -------------------------------------------------------------

ACTION: Spec = {
    "description": Field(required=True, max_length=500),
    "network_name": Field(max_length=120),
    "network_relation": Field(max_length=80),
}
