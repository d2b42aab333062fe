"""Risicotaxatie: concepts, concluding, and the review by a colleague who confirms with their
own login and password (Meekijken) — logged as that colleague, signed with their own key."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop import teamlist
from desktop.attempts import REVIEW, move_to_log
from desktop.keyring import (
    AccountBlocked,
    AccountKeys,
    Keyring,
    KeyringError,
    WrongSecret,
    public_bytes,
    user_slot,
)
from desktop.session import Throttle, Unlocked
from desktop.usecases.base import Changed, change, read
from models import taxatie as service
from models.access import log_access
from models.base import get_or_raise
from models.errors import DomainError, Rule, RuleViolation
from models.logchain import SIGN, remember_signing_key
from models.permissions import AccessAction, Actor, Permission, require
from models.records import (
    ReviewDraft,
    RiskInstrument,
    SafetyOverview,
    TaxatieDraft,
    TaxatieRecord,
)
from models.security import Account
from models.wording import VERDICT

TAXATIE = "taxatie"  # the dossier section's kind

WORK = Permission.WORK_ON_DOSSIERS


def instrument() -> RiskInstrument:
    return service.instrument()


def taxaties(unlocked: Unlocked, household_id: uuid.UUID) -> list[TaxatieRecord]:
    return read(unlocked, WORK, lambda s: service.list_taxaties(s, household_id))


def get(unlocked: Unlocked, taxatie_id: uuid.UUID) -> TaxatieRecord:
    return read(unlocked, WORK, lambda s: service.get_taxatie(s, taxatie_id))


def overview(unlocked: Unlocked, household_id: uuid.UUID) -> SafetyOverview:
    return read(unlocked, WORK, lambda s: service.safety_overview(s, household_id))


def save_concept(
    unlocked: Unlocked,
    household_id: uuid.UUID,
    draft: TaxatieDraft,
    taxatie_id: uuid.UUID | None = None,
    *,
    today: date | None = None,
) -> Changed:
    def work(session: Session) -> uuid.UUID:
        service.save_concept(
            session, household_id, draft, unlocked.actor, taxatie_id=taxatie_id, today=today
        )
        return household_id

    return change(unlocked, work, kinds=[TAXATIE], detail="risicotaxatie als concept opgeslagen")


def submit(
    unlocked: Unlocked,
    household_id: uuid.UUID,
    draft: TaxatieDraft,
    taxatie_id: uuid.UUID | None = None,
    *,
    today: date | None = None,
) -> Changed:
    """Conclude and offer for review; refused (and nothing stored) while incomplete."""

    def work(session: Session) -> uuid.UUID:
        service.submit(
            session, household_id, draft, unlocked.actor, taxatie_id=taxatie_id, today=today
        )
        return household_id

    return change(unlocked, work, kinds=[TAXATIE], detail="risicotaxatie ter toetsing aangeboden")


def remove_concept(unlocked: Unlocked, taxatie_id: uuid.UUID) -> Changed:
    return change(
        unlocked,
        lambda s: service.remove_concept(s, taxatie_id),
        kinds=[TAXATIE],
        detail="concept-risicotaxatie verwijderd",
    )


# --- Meekijken: the second pair of eyes --------------------------------------------------------


class TooManyAttempts(DomainError):
    """Too many wrong passwords for this login: wait ``wait`` seconds (the login throttle)."""

    def __init__(self, wait: float) -> None:
        super().__init__(f"wait {wait:.0f}s")
        self.wait = wait


@dataclass(frozen=True)
class Reviewer:
    """A colleague whose own password was just typed in: who they are, and the signing key
    their password opened (their log line is signed with it)."""

    actor: Actor
    signing_key: Ed25519PrivateKey


def can_review(unlocked: Unlocked, taxatie_id: uuid.UUID, reviewer: Actor) -> None:
    """Raises the rule a review by ``reviewer`` would break (own taxatie, discipline), before
    anyone types a password."""

    def work(session: Session) -> None:
        service.check_reviewer(
            session, get_or_raise(session, service.Taxatie, taxatie_id), reviewer
        )

    read(unlocked, WORK, work)


def confirm_reviewer(
    unlocked: Unlocked, login: str, password: str, *, throttle: Throttle | None = None
) -> Reviewer:
    """The colleague's login and password, checked against their own slot in the key file:
    their keys must open this database's current key. Throttled and counted like the login
    and lock screens (a wrong password here counts toward that login's wait, and is moved
    into the access log). Raises TooManyAttempts, WrongSecret or a RuleViolation."""
    throttle = throttle or Throttle.beside(unlocked.store.path)
    login = login.strip().casefold()
    wait = throttle.wait_for(login)
    if wait > 0:
        raise TooManyAttempts(wait)
    keyring = Keyring.load(unlocked.keyring.path)  # accounts added since the login too
    name = user_slot(login)
    if keyring.is_legacy(name):
        try:
            keyring.open_legacy(name, password)
        except WrongSecret:
            throttle.failed(login, REVIEW)
            raise
        raise RuleViolation(Rule.REVIEWER_OLD_KEYS)
    keys: AccountKeys | None = None
    try:
        keys = keyring.open_account(name, password)
        opens = any(k == unlocked.key for _n, k in keyring.database_keys(name, keys.sealing))
    except (WrongSecret, AccountBlocked, KeyringError):
        opens = False
    if keys is None or not opens:
        throttle.failed(login, REVIEW)
        raise WrongSecret(name)
    with unlocked.store.sessions() as session:
        account = session.scalars(select(Account).where(Account.login == login)).one_or_none()
        if account is None:
            raise RuleViolation(Rule.REVIEWER_UNKNOWN)
        # the signed account list as it is now (the colleague may be newer than this login)
        listed = teamlist.check(session, keyring, unlocked.team_pin)
        role = listed.role_of(account.id, account.role, account.active)
        if role is None:
            raise RuleViolation(Rule.REVIEWER_UNKNOWN)
        actor = Actor(account.id, account.login, account.display_name, role)
    throttle.succeeded(login)
    move_to_log(unlocked.store, unlocked.actor)  # signed by the one logged in here
    return Reviewer(actor, keys.signing)


def review(
    unlocked: Unlocked, taxatie_id: uuid.UUID, reviewer: Reviewer, answer: ReviewDraft
) -> Changed:
    """The review, in one transaction, written as the reviewer: their permission, their name
    on the taxatie and its history, and the CHANGE line logged as them and signed with their
    own key. The logged-in colleague's login stands in the line's detail."""
    require(reviewer.actor, WORK)
    with unlocked.store.sessions.begin() as session:
        session.info["user"] = reviewer.actor.login  # the author of this change's history
        session.info[SIGN] = reviewer.signing_key.sign
        remember_signing_key(session, reviewer.actor.account_id, public_bytes(reviewer.signing_key))
        household_id = service.review(session, taxatie_id, answer, reviewer.actor)
        session.flush()
        log_access(
            session,
            reviewer.actor,
            AccessAction.CHANGE,
            household_id=household_id,
            detail=f"risicotaxatie getoetst: {VERDICT[answer.verdict]} (meegekeken op de "
            f"laptop van {unlocked.actor.login})",
        )
    return Changed(household_id, frozenset({TAXATIE}))
