"""The measurements section: the latest per member and of the household, choosing the
instrument, scoring, and the history with corrections."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtWidgets import QWidget

from desktop.presenters.werkkopie import resumable
from desktop.registry import DossierScope, ScreenContext, screen, section
from desktop.usecases import gezinsplan, zrm
from desktop.usecases.base import Changed
from desktop.usecases.households import MEMBERS
from desktop.usecases.zrm import MEASUREMENTS
from models import zrm as zrm_model
from models.instruments import Instrument
from models.records import HouseholdDossier, MeasurementDraft, MeasurementRecord, ScoreDraft
from models.zrm import Choices, LatestGroup
from views.dossier import Column
from views.dossier.measurements import Group, ZrmSection
from views.instrument_choice import InstrumentChoiceDialog
from views.zrm import ZrmHistoryDialog, ZrmScoringDialog


def _groups(latest: list[LatestGroup]) -> list[Group]:
    """What the overview shows: instruments Teamtafel knows (a version it does not know is
    still in the history, by its code)."""
    return [(g.instrument, g.per_subject) for g in latest if g.instrument is not None]


def _name(dossier: HouseholdDossier, subject_id: uuid.UUID | None) -> str:
    """A member's name, or the household's for a measurement of the whole household."""
    if subject_id is None or subject_id == dossier.id:
        return f"huishouden {dossier.household.name}"
    return next(m.full_name for m in dossier.members if m.id == subject_id)


def _reason(dossier: HouseholdDossier, subject_id: uuid.UUID, offered: Choices) -> str:
    """Why one instrument is proposed: the member's age, or that it is about the household."""
    if subject_id == dossier.id:
        return "Instrumenten voor het hele huishouden."
    member = next(m for m in dossier.members if m.id == subject_id)
    age = member.age(date.today())
    if age is None or offered.suggested is None:
        return ""
    return f"{member.full_name} is {age} jaar: voorgesteld is {offered.suggested.name}."


def _from_copy(fields: dict[str, str], offered: Choices) -> Instrument | None:
    """The instrument a werkkopie was typed in; a copy from before instruments could be
    chosen was a ZRM."""
    if not fields:
        return None
    wanted = fields.get("instrument", "")
    for instrument in offered.options:
        if f"{instrument.code} {instrument.version}" == wanted:
            return instrument
    zrm_versions = [i for i in offered.options if i.code == zrm_model.ZRM]
    return zrm_versions[0] if not wanted and zrm_versions else None


@section(MEASUREMENTS, Column.LEFT, 20, also=(MEMBERS,))
class ZrmPresenter:
    def __init__(self, scope: DossierScope) -> None:
        self.scope = scope
        self.ui = scope.ui
        self.widget = ZrmSection()
        self.widget.scoreRequested.connect(self.score)
        self.widget.historyRequested.connect(self.history)
        scope.selected_person.changed.connect(self.widget.select_member)

    def refresh(self, dossier: HouseholdDossier, change: Changed | None) -> None:
        self.widget.show_dossier(dossier, date.today())
        if change is None or change.touches(MEASUREMENTS) or change.touches(MEMBERS):
            self.widget.show_latest(_groups(zrm.latest(self.ui.unlocked, self.scope.household_id)))

    def _person(self, subject_id: uuid.UUID) -> uuid.UUID | None:
        """None when ``subject_id`` is the household itself."""
        return None if subject_id == self.scope.household_id else subject_id

    def choose(self, subject_id: uuid.UUID) -> Instrument | None:
        """The instrument and version to start with: asked, unless a werkkopie names it or
        only one fits."""
        offered = zrm.choices(self.ui.unlocked, self._person(subject_id))
        from_copy = _from_copy(self.ui.keeper.pending(), offered)
        if from_copy is not None:
            return from_copy
        if not offered.options:
            self.ui.warn("Er is geen instrument voor deze meting. Een beheerder kan er een laden.")
            return None
        if len(offered.options) == 1:
            return offered.options[0]
        dossier = self.scope.current()
        return InstrumentChoiceDialog.ask(
            self.ui.window,
            _name(dossier, subject_id),
            offered.options,
            offered.suggested,
            _reason(dossier, subject_id, offered),
        )

    def chosen_subject(self) -> uuid.UUID:
        """The member (or the household) chosen in the section's box, which follows the
        member selected in Gezinsleden."""
        chosen = self.widget.member.currentData()
        return chosen if isinstance(chosen, uuid.UUID) else self.scope.household_id

    @resumable(MEASUREMENTS, uuid.UUID)
    def score(self, subject_id: uuid.UUID) -> None:
        """A new measurement of a member or (``subject_id`` the household's) the household."""
        instrument = self.choose(subject_id)
        if instrument is None:
            return
        actor, name = self.ui.unlocked.actor.name, _name(self.scope.current(), subject_id)
        start = self.plan_targets(subject_id, instrument, actor)
        self.ui.ask_and_save(  # a refused measurement comes back with every score as typed
            lambda draft, _problems: ZrmScoringDialog.ask(
                self.ui.window, instrument, name, actor, draft or start, adding=True
            ),
            lambda draft: zrm.score(self.ui.unlocked, subject_id, draft),
        )

    def plan_targets(
        self, subject_id: uuid.UUID, instrument: Instrument, actor: str
    ) -> MeasurementDraft | None:
        """A new measurement of a member starts with the gezinsplan's goal targets as its
        doelscores (only the form: a stored measurement is never changed)."""
        person_id = self._person(subject_id)
        if person_id is None:
            return None
        targets = self.ui.attempt(
            lambda: gezinsplan.goal_targets(
                self.ui.unlocked, person_id, instrument.code, instrument.version
            )
        )
        if not targets:
            return None
        return MeasurementDraft(
            instrument.code,
            instrument.version,
            date.today(),
            actor,
            scores=tuple(ScoreDraft(item, target=level) for item, level in targets.items()),
        )

    @resumable(MEASUREMENTS, uuid.UUID)
    def correct(self, measurement_id: uuid.UUID, parent: QWidget | None = None) -> bool:
        """Corrigeren (from the history, ``parent``): True when the correction was saved."""
        found = self.ui.attempt(lambda: zrm.measurement(self.ui.unlocked, measurement_id))
        if found is None:
            return False
        record, instrument = found
        if instrument is None:  # a version Teamtafel does not know cannot be scored again
            return False
        name, actor = _name(self.scope.current(), record.person_id), self.ui.unlocked.actor.name
        saved = self.ui.ask_and_save(
            lambda draft, _problems: ZrmScoringDialog.ask(
                parent or self.ui.window, instrument, name, actor, draft or record.draft
            ),
            lambda draft: zrm.correct(self.ui.unlocked, measurement_id, draft),
        )
        return saved is not None

    def history(self, subject_id: uuid.UUID) -> ZrmHistoryDialog:
        found = zrm.history(self.ui.unlocked, subject_id)
        dialog = ZrmHistoryDialog(
            _name(self.scope.current(), subject_id),
            found.records,
            found.instrument_of,
            zrm_model.compare,
            zrm_model.series,
            self.ui.window,
        )

        def correct(measurement_id: uuid.UUID) -> None:
            if self.correct(measurement_id, dialog):
                dialog.accept()

        def remove(measurement_id: uuid.UUID) -> None:
            question = (
                "Deze meting verwijderen? Doe dit alleen bij een meting die per vergissing "
                "is gemaakt."
            )
            if not self.ui.confirm(question, dialog):
                return
            if self.ui.attempt(lambda: zrm.remove(self.ui.unlocked, measurement_id), dialog):
                dialog.accept()

        dialog.correctRequested.connect(correct)
        dialog.removeRequested.connect(remove)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog


def _member_with_zrm(
    context: ScreenContext,
) -> tuple[HouseholdDossier, uuid.UUID, MeasurementRecord | None]:
    """A household in the demo with ZRMs, and a member with one (the latest, if any)."""
    from desktop.screenshot import pick_household

    dossier = pick_household(context)
    groups = zrm.latest(context.unlocked, dossier.id)
    per_member = next((g.per_subject for g in groups if g.code == zrm_model.ZRM), {})
    member = next((m for m in dossier.members if m.id in per_member), dossier.members[0])
    return dossier, member.id, per_member.get(member.id)


@screen("zrm", order=70)
def _scoring_screen(context: ScreenContext) -> QWidget:
    dossier, member_id, record = _member_with_zrm(context)
    instrument = zrm.instrument(context.unlocked)
    scoring = ZrmScoringDialog(
        instrument,
        _name(dossier, member_id),
        context.unlocked.actor.name,
        record.draft if record and record.draft.instrument_version == instrument.version else None,
        parent=context.ui.window,
    )
    scoring.grid.setCurrentCell(3, 1)
    return scoring


@screen("meting-kiezen", order=71)
def _choice_screen(context: ScreenContext) -> QWidget:
    """Choosing the instrument for the youngest member of 12 or older (ZRM-Jongeren proposed)."""
    from desktop.screenshot import pick_household

    dossier = pick_household(context)
    today = date.today()
    aged = sorted(
        (m for m in dossier.members if (m.age(today) or 0) >= 12), key=lambda m: m.age(today) or 0
    )
    member = aged[0] if aged else dossier.members[0]
    offered = zrm.choices(context.unlocked, member.id)
    return InstrumentChoiceDialog(
        member.full_name,
        offered.options,
        offered.suggested,
        _reason(dossier, member.id, offered),
        context.ui.window,
    )


@screen("meting-huishouden", order=72)
def _household_screen(context: ScreenContext) -> QWidget:
    """A measurement of the whole household (ZRM-Huishoudens), with its latest filled in."""
    from desktop.screenshot import pick_household

    dossier = pick_household(context)
    offered = zrm.choices(context.unlocked, None)
    if offered.suggested is None:
        raise LookupError("er is geen instrument voor het hele huishouden")
    found = zrm.history(context.unlocked, dossier.id)
    latest = next(
        (r for r in reversed(found.records) if r.draft.instrument_code == offered.suggested.code),
        None,
    )
    return ZrmScoringDialog(
        offered.suggested,
        _name(dossier, dossier.id),
        context.unlocked.actor.name,
        latest.draft if latest else None,
        parent=context.ui.window,
    )


@screen("zrm-geschiedenis", order=80)
def _history_screen(context: ScreenContext) -> QWidget:
    dossier, member_id, _record = _member_with_zrm(context)
    found = zrm.history(context.unlocked, member_id)
    return ZrmHistoryDialog(
        _name(dossier, member_id),
        found.records,
        found.instrument_of,
        zrm_model.compare,
        zrm_model.series,
        context.ui.window,
    )
