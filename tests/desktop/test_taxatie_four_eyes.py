"""Four eyes for real: a colleague confirms a risicotaxatie with their own account."""

from __future__ import annotations

import base64
import uuid
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select

from desktop.attempts import REVIEW, Attempts, attempts_path
from desktop.keyring import WrongSecret
from desktop.session import Throttle, Unlocked
from desktop.usecases import taxatie
from desktop.usecases.access import check_chain
from desktop.usecases.accounts import add_account
from models import households as service
from models.enums import FactorAnswer, Risk, Safety, TaxatieState, Verdict
from models.errors import Rule, RuleViolation
from models.logchain import signing_keys
from models.permissions import AccessAction, Role
from models.records import FactorDraft, ReviewDraft, TaxatieDraft
from models.security import AccessLogEntry
from tests.helpers import FAST_KDF, TEST_LOGIN, TEST_PASSWORD, TODAY, register

KARIN_PASSWORD = "karin-eigen-wachtwoord"


def _complete() -> TaxatieDraft:
    factors = tuple(
        FactorDraft(f.code, FactorAnswer.NIET_AANWEZIG) for f in taxatie.instrument().factors
    )
    return TaxatieDraft(
        None, TODAY, factors, Safety.ONVEILIG, Risk.VERHOOGD, "Spanning thuis bij Yılmaz."
    )


@pytest.fixture
def concluded(unlocked: Unlocked) -> tuple[uuid.UUID, uuid.UUID]:
    """A household with a taxatie by the logged-in beheerder, ter toetsing; and Karin."""
    add_account(
        unlocked,
        login="karin",
        name="Karin Bosman",
        role=Role.COORDINATOR,
        password=KARIN_PASSWORD,
        cost=FAST_KDF,
    )
    with unlocked.store.sessions.begin() as session:
        household_id = register(session, "Yılmaz")
    taxatie.submit(unlocked, household_id, _complete(), today=TODAY)
    (record,) = taxatie.taxaties(unlocked, household_id)
    assert record.state is TaxatieState.TER_TOETSING
    return household_id, record.id


def test_the_author_cannot_review_a_colleague_can(
    unlocked: Unlocked, concluded: tuple[uuid.UUID, uuid.UUID]
) -> None:
    household_id, taxatie_id = concluded
    author = taxatie.confirm_reviewer(unlocked, TEST_LOGIN, TEST_PASSWORD)
    with pytest.raises(RuleViolation) as own:
        taxatie.review(unlocked, taxatie_id, author, ReviewDraft(Verdict.AKKOORD))
    assert own.value.rule is Rule.OWN_TAXATIE
    with pytest.raises(RuleViolation):
        taxatie.can_review(unlocked, taxatie_id, unlocked.actor)

    karin = taxatie.confirm_reviewer(unlocked, "  Karin ", KARIN_PASSWORD)
    assert karin.actor.login == "karin" and karin.actor.role is Role.COORDINATOR
    taxatie.can_review(unlocked, taxatie_id, karin.actor)
    taxatie.review(unlocked, taxatie_id, karin, ReviewDraft(Verdict.AKKOORD))

    stored = taxatie.get(unlocked, taxatie_id)
    assert (stored.state, stored.verdict) == (TaxatieState.GETOETST, Verdict.AKKOORD)
    assert (stored.reviewer_login, stored.reviewer_name) == ("karin", "Karin Bosman")
    assert stored.author_login == TEST_LOGIN

    # the log line is Karin's, signed with her own key, and the chain holds
    with unlocked.store.sessions() as session:
        (line,) = session.scalars(
            select(AccessLogEntry)
            .where(AccessLogEntry.household_id == household_id)
            .where(AccessLogEntry.detail.like("risicotaxatie getoetst%"))
        ).all()
        assert (line.login, line.account_id, line.action) == (
            "karin",
            karin.actor.account_id,
            AccessAction.CHANGE,
        )
        assert TEST_LOGIN in line.detail  # on whose laptop she looked along
        (key,) = signing_keys(session)[karin.actor.account_id]
        Ed25519PublicKey.from_public_bytes(key).verify(
            base64.b64decode(line.signature), bytes.fromhex(line.entry_hash)
        )
        lines = service.search_households(session, "yilmaz")
    assert check_chain(unlocked).intact
    assert lines[0].safety is Safety.ONVEILIG and not lines[0].safety_concept


def test_a_wrong_password_is_refused_counted_and_throttled(
    unlocked: Unlocked, concluded: tuple[uuid.UUID, uuid.UUID], db_path: Path
) -> None:
    _household_id, taxatie_id = concluded
    now = [1000.0]
    throttle = Throttle.beside(db_path, clock=lambda: now[0])
    for _ in range(3):
        with pytest.raises(WrongSecret):
            taxatie.confirm_reviewer(unlocked, "karin", "niet-haar-wachtwoord", throttle=throttle)
    recorded = Attempts.load(attempts_path(db_path))
    assert [(a.login, a.where) for a in recorded.attempts] == [("karin", REVIEW)] * 3
    with pytest.raises(taxatie.TooManyAttempts) as waiting:
        taxatie.confirm_reviewer(unlocked, "karin", KARIN_PASSWORD, throttle=throttle)
    assert waiting.value.wait > 0
    now[0] += 120
    karin = taxatie.confirm_reviewer(unlocked, "karin", KARIN_PASSWORD, throttle=throttle)
    # her failed tries went into the access log at her successful confirmation
    with unlocked.store.sessions() as session:
        failed = session.scalars(
            select(AccessLogEntry).where(AccessLogEntry.action == AccessAction.LOGIN_FAILED)
        ).all()
    assert len(failed) == 3 and all("meekijken" in f.detail for f in failed)
    assert taxatie.get(unlocked, taxatie_id).state is TaxatieState.TER_TOETSING
    taxatie.review(
        unlocked, taxatie_id, karin, ReviewDraft(Verdict.AFWIJKEND, "Ik zie meer risico.")
    )
    assert taxatie.get(unlocked, taxatie_id).reviewer_view == "Ik zie meer risico."


def test_an_unknown_login_is_a_wrong_password(
    unlocked: Unlocked, concluded: tuple[uuid.UUID, uuid.UUID]
) -> None:
    with pytest.raises(WrongSecret):
        taxatie.confirm_reviewer(unlocked, "nguyen", KARIN_PASSWORD)


def test_the_team_settings_set_the_reassessment_and_who_reviews(
    qtbot,
    unlocked: Unlocked,
    concluded: tuple[uuid.UUID, uuid.UUID],  # type: ignore[no-untyped-def]
) -> None:
    from PySide6.QtWidgets import QSpinBox

    from desktop.usecases import settings
    from models.rules import REASSESS_ONVEILIG_WEEKS
    from views.admin import SettingsDialog

    current = settings.current(unlocked)
    assert current.reassess_weeks == (13, 6, 4, 1) and not current.review_by_gedragswetenschapper
    dialog = SettingsDialog(
        current.autolock_minutes,
        current.retention_years,
        reassess_weeks=current.reassess_weeks,
    )
    qtbot.addWidget(dialog)
    spin = dialog.findChild(QSpinBox, REASSESS_ONVEILIG_WEEKS)
    assert spin is not None
    spin.setValue(3)
    dialog.review_by_gw.setChecked(True)
    chosen = settings.TeamSettings(
        dialog.autolock.value(),
        dialog.retention.value(),
        tuple(s.value() for s in dialog.reassess),
        dialog.review_by_gw.isChecked(),
    )
    stored = settings.save(unlocked, chosen)
    assert stored.reassess_weeks == (13, 6, 3, 1) and stored.review_by_gedragswetenschapper

    # Karin is no gedragswetenschapper: the team's setting refuses her review now
    _household_id, taxatie_id = concluded
    karin = taxatie.confirm_reviewer(unlocked, "karin", KARIN_PASSWORD)
    with pytest.raises(RuleViolation) as refused:
        taxatie.review(unlocked, taxatie_id, karin, ReviewDraft(Verdict.AKKOORD))
    assert refused.value.rule is Rule.REVIEWER_NOT_GEDRAGSWETENSCHAPPER
    with unlocked.store.sessions.begin() as session:
        household_id = register(session, "Zoë van 't Hart")
    taxatie.submit(unlocked, household_id, _complete(), today=TODAY)
    (record,) = taxatie.taxaties(unlocked, household_id)
    assert (record.next_due - TODAY).days == 21  # type: ignore[operator]
