"""The meetings room's rules where the use cases are the lock (found by trying it as an
attacker would): a case never changes household once the meeting started, an action of one
dossier is never shown under another household's case, only the chair changes, starts or
closes a meeting, and the external minutes need the whole household's consent on the
meeting's date and on the day they are printed."""

from __future__ import annotations

import io
import uuid
from dataclasses import dataclass
from datetime import timedelta

import pytest
from pypdf import PdfReader

from desktop.session import Unlocked
from desktop.usecases import actions, meetings, minutes
from models import households as service
from models.consents import add_consent
from models.enums import ActionOrigin, ActionOwner, MemberRole
from models.errors import Rule, RuleViolation
from models.meeting_records import (
    AgendaItemDraft,
    AttendeeDraft,
    CaseNotes,
    DecisionDraft,
    DecisionKind,
    ItemOutcome,
    MeetingDraft,
    MeetingKind,
)
from models.records import ActionDraft, ConsentDraft, PersonDraft
from tests.desktop.test_meeting_flow import _colleague
from tests.helpers import TODAY, organisation, register

DAY = TODAY


@dataclass(frozen=True)
class Setting:
    tessa: uuid.UUID
    zoe: uuid.UUID
    ggz: uuid.UUID
    secret: uuid.UUID  # no consent for the GGZ
    shared: uuid.UUID  # consent of the whole household for the GGZ


@pytest.fixture
def setting(unlocked: Unlocked) -> Setting:
    with unlocked.store.sessions.begin() as session:
        tessa = service.add_medewerker(session, "Tessa Tester", "generalist")
        zoe = service.add_medewerker(session, "Zoë van 't Hart", "generalist")
        ggz = organisation(session, "GGZ Voorbeeldstad", "ggz")
        secret = register(session, "Yılmaz", regisseur_id=tessa)
        shared = register(session, "Nguyễn", regisseur_id=tessa)
        add_consent(
            session, shared, ConsentDraft(ggz, TODAY - timedelta(days=30), "", "ouder"), today=TODAY
        )
    return Setting(tessa, zoe, ggz, secret, shared)


def _started(unlocked: Unlocked, s: Setting, *households: uuid.UUID) -> uuid.UUID:
    meeting_id = meetings.plan_meeting(
        unlocked, MeetingDraft(MeetingKind.CASUISTIEK, DAY, "09:00", "", s.tessa, s.zoe)
    )
    for household in households:
        meetings.bring_in(unlocked, meeting_id, AgendaItemDraft(household, "Wat is nodig?"))
    meetings.set_attendees(unlocked, meeting_id, [AttendeeDraft(s.tessa), AttendeeDraft(s.zoe)])
    meetings.start_meeting(unlocked, meeting_id)
    return meeting_id


def _external_text(unlocked: Unlocked, meeting_id: uuid.UUID, s: Setting, **kw: object) -> str:
    made = minutes.minutes_document(unlocked, meeting_id, organisation_id=s.ggz, **kw)  # type: ignore[arg-type]
    if made.document is None:
        return ""
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(made.document.pdf)).pages)


def test_a_case_keeps_its_household_once_the_meeting_started(
    unlocked: Unlocked, setting: Setting
) -> None:
    meeting_id = _started(unlocked, setting, setting.secret)
    (item,) = meetings.get_meeting(unlocked, meeting_id).items
    meetings.record_notes(unlocked, item.id, CaseNotes("Geheime informatie", safety_discussed=True))
    meetings.add_decision(unlocked, item.id, DecisionDraft(DecisionKind.ANDERS, "Geheim besluit"))
    with pytest.raises(RuleViolation) as refused:
        meetings.update_item(unlocked, item.id, AgendaItemDraft(setting.shared, "Wat is nodig?"))
    assert refused.value.rule is Rule.CASE_HOUSEHOLD_FIXED
    meetings.end_case(unlocked, item.id, ItemOutcome.BESPROKEN)
    meetings.close_meeting(unlocked, meeting_id)
    assert _external_text(unlocked, meeting_id, setting, today=DAY) == ""  # nothing to print


def test_a_dossier_action_never_shows_under_another_households_case(
    unlocked: Unlocked, setting: Setting
) -> None:
    meeting_id = _started(unlocked, setting, setting.shared)
    (item,) = meetings.get_meeting(unlocked, meeting_id).items
    forged = ActionDraft(
        "Actie van Yılmaz",
        ActionOwner.MEDEWERKER,
        DAY,
        setting.tessa,
        origin=ActionOrigin.OVERLEG,
        origin_id=item.id,
    )
    actions.add_action(unlocked, setting.secret, forged, today=DAY)
    (stored,) = actions.list_actions(unlocked, setting.secret)
    assert (stored.draft.origin, stored.draft.origin_id) == (ActionOrigin.DOSSIER, None)
    (case,) = meetings.get_meeting(unlocked, meeting_id).items
    assert case.actions == ()
    assert "Actie van Yılmaz" not in _external_text(unlocked, meeting_id, setting, today=DAY)


def test_only_the_chair_changes_starts_or_closes_a_meeting(
    unlocked: Unlocked, setting: Setting
) -> None:
    meeting_id = meetings.plan_meeting(
        unlocked,
        MeetingDraft(MeetingKind.CASUISTIEK, DAY, "09:00", "", setting.tessa, setting.tessa),
    )
    zoe = _colleague(unlocked, "zoe", "Zoë", setting.zoe)
    try:
        mine = meetings.bring_in(zoe, meeting_id, AgendaItemDraft(setting.secret, "Mijn vraag"))
        assert mine.household_id == setting.secret
        theirs = meetings.bring_in(unlocked, meeting_id, AgendaItemDraft(setting.shared, "Vraag"))
        assert theirs.household_id == setting.shared
        items = {i.household_id: i.id for i in meetings.get_meeting(zoe, meeting_id).items}
        # her own case, while the agenda is open: hers to change
        meetings.update_item(zoe, items[setting.secret], AgendaItemDraft(setting.secret, "Beter"))
        refusals = [
            lambda: meetings.update_meeting(
                zoe,
                meeting_id,
                MeetingDraft(MeetingKind.CASUISTIEK, DAY, "09:00", "", setting.zoe, setting.zoe),
            ),
            lambda: meetings.set_attendees(zoe, meeting_id, [AttendeeDraft(setting.zoe)]),
            lambda: meetings.order_agenda(zoe, meeting_id, list(items.values())[::-1]),
            lambda: meetings.set_agenda_closed(zoe, meeting_id, True),
            lambda: meetings.update_item(
                zoe, items[setting.shared], AgendaItemDraft(setting.shared, "Door Zoë")
            ),
            lambda: meetings.remove_item(zoe, items[setting.shared]),
            lambda: meetings.start_meeting(zoe, meeting_id),
        ]
        for attempt in refusals:
            with pytest.raises(RuleViolation) as refused:
                attempt()
            assert refused.value.rule in (Rule.NOT_THE_CHAIR, Rule.NOT_YOUR_CASE)
        meetings.set_agenda_closed(unlocked, meeting_id, True)
        with pytest.raises(RuleViolation) as closed:  # her own case, once the agenda closed
            meetings.update_item(zoe, items[setting.secret], AgendaItemDraft(setting.secret, "X"))
        assert closed.value.rule is Rule.NOT_YOUR_CASE
        record = meetings.get_meeting(unlocked, meeting_id)
        assert record.chair == "Tessa Tester"
        assert [i.question for i in record.items] == ["Beter", "Vraag"]
    finally:
        zoe.close()


def test_external_minutes_need_the_households_consent_then_and_now(
    unlocked: Unlocked, setting: Setting
) -> None:
    """A member's own consent does not open the household's case; consent that ran out after
    the meeting keeps the case out of minutes printed later."""
    with unlocked.store.sessions.begin() as session:
        teen = service.add_member(
            session, setting.secret, PersonDraft("Emre", "Yılmaz", MemberRole.KIND), today=TODAY
        )
        add_consent(
            session,
            setting.secret,
            ConsentDraft(setting.ggz, TODAY - timedelta(days=10), "", "Emre", person_id=teen),
            today=TODAY,
        )
        until = register(session, "De Groot", regisseur_id=setting.tessa)
        add_consent(
            session,
            until,
            ConsentDraft(
                setting.ggz, TODAY - timedelta(days=5), "", "ouder", valid_until=DAY + timedelta(10)
            ),
            today=TODAY,
        )
    meeting_id = _started(unlocked, setting, setting.secret, setting.shared, until)
    for item in meetings.get_meeting(unlocked, meeting_id).items:
        meetings.end_case(unlocked, item.id, ItemOutcome.DOORGESCHOVEN)
    meetings.close_meeting(unlocked, meeting_id)

    def left_out(on: object) -> list[str]:
        made = minutes.minutes_document(
            unlocked,
            meeting_id,
            organisation_id=setting.ggz,
            today=on,  # type: ignore[arg-type]
        )
        return [c.household_name for c in made.left_out]

    assert left_out(DAY) == ["Yılmaz"]  # only Emre's own consent
    assert left_out(DAY + timedelta(days=60)) == ["Yılmaz", "De Groot"]  # ran out since
    text = _external_text(unlocked, meeting_id, setting, today=DAY + timedelta(days=60))
    assert "Nguyễn" in text and "De Groot" not in text and "Yılmaz" not in text
