"""Veiligheid: the risicotaxatie section, Meekijken, and the safety status that is always
visible (in the dossier's header and beside each child in Gezinsleden)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from desktop.attempts import wait_message
from desktop.errors import describe
from desktop.keyring import WrongSecret
from desktop.presenters.werkkopie import resumable
from desktop.registry import DossierScope, ScreenContext, screen, section
from desktop.usecases import taxatie
from desktop.usecases.base import Changed
from desktop.usecases.taxatie import TAXATIE
from desktop.usecases.traject import TRAJECT
from models.enums import MemberRole, Phase, Safety, TaxatieState
from models.errors import DomainError
from models.permissions import PermissionDenied
from models.records import (
    FactorDraft,
    HouseholdDossier,
    ReviewDraft,
    SafetyOverview,
    TaxatieDraft,
    TaxatieRecord,
)
from models.wording import (
    EMERGENCY_NUMBERS,
    SAFETY_COLOURS,
    date_text,
    safety_text,
)
from views.dossier import Column
from views.dossier.taxatie import TaxatieSection
from views.taxatie import MeekijkenDialog, TaxatieAnswer, TaxatieDialog

# What a submission is done inside (a meeting's decision marked carried out with it).
Along = Callable[[], AbstractContextManager[None]]

WRONG_PASSWORD = "Deze inlognaam of dit wachtwoord klopt niet."
CLOSED_QUESTION = (
    "Het traject is afgesloten. Een afsluiting is een belangrijk besluit: nu een nieuwe "
    "risicotaxatie maken?"
)


def header_text(status_overview: SafetyOverview, today: date) -> str:
    """The header's safety line: the current conclusion, the last taxatie's date and the next
    re-assessment (red when overdue); with acuut onveilig, Veilig Thuis and 112."""
    status = status_overview.household
    if status.safety is None and status.last_on is None:
        return "Veiligheid: <i>nog geen risicotaxatie</i>"
    parts = []
    if status.safety is not None:
        colour = SAFETY_COLOURS[status.safety]
        parts.append(
            f"Veiligheid: <b style='color:{colour}'>"
            f"{safety_text(status.safety, status.concept)}</b>"
        )
    if status.last_on is not None:
        parts.append(f"laatste taxatie {date_text(status.last_on)}")
    if status.next_due is not None:
        when = date_text(status.next_due)
        parts.append(
            f"<b style='color:#b00020'>volgende taxatie {when} (te laat)</b>"
            if status.overdue(today)
            else f"volgende taxatie {when}"
        )
    text = " · ".join(parts)
    if status.safety is Safety.ACUUT_ONVEILIG:
        text += f"<br><b style='color:#b00020'>Acuut onveilig — {EMERGENCY_NUMBERS}</b>"
    return text


@section(TAXATIE, Column.RIGHT, 20, also=(TRAJECT,))
class TaxatiePresenter:
    def __init__(self, scope: DossierScope) -> None:
        self.scope = scope
        self.ui = scope.ui
        self.widget = TaxatieSection()
        self.header_widget = QLabel()
        self.header_widget.setObjectName("safety_status")
        self.header_widget.setTextFormat(Qt.TextFormat.RichText)
        self.header_widget.setWordWrap(True)
        self.widget.addRequested.connect(self.add)
        self.widget.editRequested.connect(self.open)
        self.widget.removeRequested.connect(self.remove)
        self.widget.reviewRequested.connect(self.review)
        self._phase: Phase | None = None

    def refresh(self, dossier: HouseholdDossier, change: Changed | None) -> None:
        was, self._phase = self._phase, dossier.traject.phase if dossier.traject else None
        today = date.today()
        records = taxatie.taxaties(self.ui.unlocked, self.scope.household_id)
        overview = taxatie.overview(self.ui.unlocked, self.scope.household_id)
        self.widget.show_taxaties(records, overview, today)
        self.header_widget.setText(header_text(overview, today))
        overdue = overview.household.overdue(today) or (
            overview.household.safety is Safety.ACUUT_ONVEILIG
        )
        self.header_widget.setStyleSheet(
            "background: #fdecea; border-radius: 4px; padding: 4px 6px;" if overdue else ""
        )
        self.scope.person_marks.set(
            {
                person_id: (
                    safety_text(status.safety, status.concept),
                    SAFETY_COLOURS[status.safety],
                )
                for person_id, status in overview.persons.items()
                if status.safety is not None
            }
        )
        closed_now = (
            change is not None
            and change.touches(TRAJECT)
            and was is not None
            and was is not Phase.AFGESLOTEN
            and self._phase is Phase.AFGESLOTEN
        )
        if closed_now and self.ui.interactive and self.ui.confirm(CLOSED_QUESTION):
            self.add()

    def _children(self) -> list[tuple[uuid.UUID, str]]:
        return [
            (m.id, m.full_name) for m in self.scope.current().members if m.role is MemberRole.KIND
        ]

    def _save(
        self, answer: TaxatieAnswer, taxatie_id: uuid.UUID | None, along: Along | None = None
    ) -> Changed:
        if answer.submit:
            with along() if along is not None else nullcontext():
                return taxatie.submit(
                    self.ui.unlocked, self.scope.household_id, answer.draft, taxatie_id
                )
        return taxatie.save_concept(
            self.ui.unlocked, self.scope.household_id, answer.draft, taxatie_id
        )

    @resumable(TAXATIE)
    def add(self) -> None:
        self.ask_new()

    def ask_new(self, along: Along | None = None) -> Changed | None:
        """The form for a new risicotaxatie. ``along`` (a meeting's decision carried out)
        wraps its submission, not a concept saved on the way. None when nothing was stored."""
        instrument = taxatie.instrument()
        children = self._children()
        saved = self.ui.ask_and_save(
            lambda answer, problems: TaxatieDialog.ask(
                self.ui.window, instrument, children, answer, problems
            ),
            lambda answer: self._save(answer, None, along),
        )
        if saved is not None:
            self._offer_review()
        return saved

    @resumable(TAXATIE, uuid.UUID)
    def open(self, taxatie_id: uuid.UUID) -> None:
        """A concept opens to be edited; a concluded taxatie opens to be read."""
        record = self.ui.attempt(lambda: taxatie.get(self.ui.unlocked, taxatie_id))
        if record is None:
            return
        instrument = taxatie.instrument()
        children = self._children()
        if record.concluded:
            TaxatieDialog.ask(self.ui.window, instrument, children, record=record)
            return
        original = TaxatieAnswer(record.draft)
        saved = self.ui.ask_and_save(
            lambda answer, problems: TaxatieDialog.ask(
                self.ui.window, instrument, children, answer or original, problems
            ),
            lambda answer: self._save(answer, taxatie_id),
            original=original,
        )
        if saved is not None:
            self._offer_review()

    def _offer_review(self) -> None:
        """Just concluded: a colleague can look along at once."""
        records = taxatie.taxaties(self.ui.unlocked, self.scope.household_id)
        waiting = [r for r in records if r.state is TaxatieState.TER_TOETSING]
        if waiting and self.ui.confirm(
            "De risicotaxatie staat ter toetsing. Kijkt er nu een collega mee op deze laptop?"
        ):
            self.review(waiting[0].id)

    def remove(self, taxatie_id: uuid.UUID) -> None:
        if self.ui.confirm("Deze concept-risicotaxatie verwijderen?"):
            self.ui.attempt(lambda: taxatie.remove_concept(self.ui.unlocked, taxatie_id))

    @resumable(TAXATIE, uuid.UUID)
    def review(self, taxatie_id: uuid.UUID) -> bool:
        """Meekijken: a colleague confirms with their own login and password."""
        record = self.ui.attempt(lambda: taxatie.get(self.ui.unlocked, taxatie_id))
        if record is None:
            return False
        if record.state is not TaxatieState.TER_TOETSING:
            self.ui.warn("Deze risicotaxatie staat niet ter toetsing.")
            return False
        actor = self.ui.unlocked.actor
        login = "" if actor.login in (record.author_login, record.submitted_by) else actor.login
        return MeekijkenDialog.ask(
            self.ui.window, record, lambda *args: self._confirm(record, *args), login=login
        )

    def _confirm(
        self, record: TaxatieRecord, login: str, password: str, answer: ReviewDraft
    ) -> str | None:
        """The Meekijken dialog's check: None when stored, else why not (the dialog stays)."""
        unlocked = self.ui.unlocked
        try:
            reviewer = taxatie.confirm_reviewer(unlocked, login, password)
            done = taxatie.review(unlocked, record.id, reviewer, answer)
        except taxatie.TooManyAttempts as exc:
            return wait_message(exc.wait)
        except WrongSecret:
            return WRONG_PASSWORD
        except (DomainError, PermissionDenied) as exc:
            return describe(exc)
        self.ui.changed.emit(done)
        return None


# --- screens ------------------------------------------------------------------------------


def _example(household_id: uuid.UUID, dossier: HouseholdDossier) -> TaxatieRecord:
    """For a picture of a household without a taxatie: one as it would look (not stored)."""
    from models.enums import FactorAnswer, Risk

    factors = tuple(
        FactorDraft(f.code, FactorAnswer.AANWEZIG if i % 4 == 0 else FactorAnswer.NIET_AANWEZIG)
        for i, f in enumerate(taxatie.instrument().factors)
    )
    child = next((m for m in dossier.members if m.role is MemberRole.KIND), None)
    draft = TaxatieDraft(
        child.id if child else None,
        date.today(),
        factors,
        Safety.ONVEILIG,
        Risk.HOOG,
        "Bij het huisbezoek veel spanning tussen de ouders; school meldt dat het kind vaak "
        "moe en hongerig binnenkomt. Moeder erkent de zorgen.",
    )
    known = taxatie.instrument()
    return TaxatieRecord(
        uuid.uuid4(),
        household_id,
        draft.person_id,
        child.full_name if child else "",
        known.code,
        known.version,
        TaxatieState.TER_TOETSING,
        draft,
        "anouk",
        "Anouk Verbeek",
    )


def _showcase(context: ScreenContext) -> tuple[HouseholdDossier, TaxatieRecord]:
    """The picked household (opened, logged), and its newest taxatie ter toetsing, or its
    newest at all, or an example."""
    from desktop.screenshot import pick_household

    dossier = pick_household(context)
    records = taxatie.taxaties(context.unlocked, dossier.id)
    waiting = [r for r in records if r.state is TaxatieState.TER_TOETSING]
    return dossier, (waiting or records or [_example(dossier.id, dossier)])[0]


@screen("risicotaxatie", order=40)
def _taxatie_screen(context: ScreenContext) -> QWidget:
    """The form as a concept being filled in: the household's own taxatie's answers."""
    dossier, record = _showcase(context)
    children = [(m.id, m.full_name) for m in dossier.members if m.role is MemberRole.KIND]
    return TaxatieDialog(taxatie.instrument(), children, record.draft, parent=context.ui.window)


@screen("meekijken", order=41)
def _meekijken_screen(context: ScreenContext) -> QWidget:
    _dossier, record = _showcase(context)
    dialog = MeekijkenDialog(record, lambda *_args: None, parent=context.ui.window)
    dialog.field("login").setText("karin")
    return dialog


@screen("veiligheid", order=42)
def _safety_screen(context: ScreenContext) -> QWidget:
    """The dossier with its safety status in the header (run it with --dossier on a household
    whose re-assessment is overdue to see the red date)."""
    from desktop.presenters.dossier import _open_picked

    _open_picked(context)
    return context.ui.window
