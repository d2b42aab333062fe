"""Typed exceptions the services raise; ``desktop.errors`` turns them into Dutch."""

from __future__ import annotations

import enum


class DomainError(Exception):
    """Base for every error a user can cause (as opposed to a bug)."""


class NotFound(DomainError, LookupError):
    """The record is gone, e.g. removed on another screen."""


class Rule(enum.StrEnum):
    TRAJECT_CLOSED = "traject_closed"
    OPEN_TRAJECT_EXISTS = "open_traject_exists"
    SAME_REGISSEUR = "same_regisseur"
    SAME_PHASE = "same_phase"
    CLOSE_VIA_CLOSURE = "close_via_closure"
    INACTIVE_MEDEWERKER = "inactive_medewerker"
    PLAN_AGREED = "plan_agreed"  # an agreed veiligheidsplan version is read-only
    PLAN_CONCEPT_EXISTS = "plan_concept_exists"
    PLAN_WITHOUT_AGREEMENTS = "plan_without_agreements"
    # risicotaxatie (models.taxatie)
    TAXATIE_INCOMPLETE = "taxatie_incomplete"
    TAXATIE_LOCKED = "taxatie_locked"
    TAXATIE_NOT_FOR_REVIEW = "taxatie_not_for_review"
    OWN_TAXATIE = "own_taxatie"
    REVIEWER_NOT_GEDRAGSWETENSCHAPPER = "reviewer_not_gedragswetenschapper"
    REVIEWER_UNKNOWN = "reviewer_unknown"
    REVIEWER_OLD_KEYS = "reviewer_old_keys"
    TAXATIE_SUBJECT = "taxatie_subject"
    # the inzage (models.withholding)
    WITHHOLD_NOT_REGISSEUR = "withhold_not_regisseur"
    # the verwijzing (models.verwijzing)
    VERWIJZING_STATUS = "verwijzing_status"
    # meetings (models.meetings)
    MEETING_CLOSED = "meeting_closed"
    MEETING_NOT_STARTED = "meeting_not_started"
    MEETING_STARTED = "meeting_started"
    MEETING_WITHOUT_ATTENDEES = "meeting_without_attendees"
    MEETING_WITHOUT_CHAIR = "meeting_without_chair"
    AGENDA_EMPTY = "agenda_empty"
    AGENDA_CLOSED = "agenda_closed"
    CASES_STILL_OPEN = "cases_still_open"
    SAFETY_NOT_DISCUSSED = "safety_not_discussed"
    DECISION_CARRIED_OUT = "decision_carried_out"
    NOT_THE_CHAIR = "not_the_chair"
    CASE_HOUSEHOLD_FIXED = "case_household_fixed"
    NOT_YOUR_CASE = "not_your_case"
    DECISION_ELSEWHERE = "decision_elsewhere"
    GEZINSPLAN_SETTLED = "gezinsplan_settled"
    GEZINSPLAN_NOT_SETTLED = "gezinsplan_not_settled"
    GEZINSPLAN_CONCEPT_EXISTS = "gezinsplan_concept_exists"
    GEZINSPLAN_TOO_MANY_GOALS = "gezinsplan_too_many_goals"
    GEZINSPLAN_WITHOUT_GOALS = "gezinsplan_without_goals"
    GEZINSPLAN_AGREEMENTS_MISSING = "gezinsplan_agreements_missing"
    GEZINSPLAN_ACTION_AGREED = "gezinsplan_action_agreed"


class RuleViolation(DomainError):
    def __init__(self, rule: Rule) -> None:
        super().__init__(rule.value)
        self.rule = rule
