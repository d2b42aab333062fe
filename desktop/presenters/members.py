"""The members section: add, change or remove a member, and the AVG inzage export."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtWidgets import QWidget

from desktop.presenters.inzage import export_inzage
from desktop.presenters.werkkopie import resumable
from desktop.registry import DossierScope, ScreenContext, screen, section
from desktop.usecases import households, settings
from desktop.usecases.base import Changed
from desktop.usecases.households import MEMBERS
from models import households as service
from models.enums import MemberRole
from models.records import HouseholdDossier, PersonDraft, PersonRecord
from models.validation import Problem, is_test_bsn, normalize_bsn
from models.wording import DEMO_BSN_QUESTION, bsn_in_use_question
from views.dialogs import PersonDialog
from views.dossier import Column
from views.dossier.members import MembersSection


@section(MEMBERS, Column.LEFT, 10)
class MembersPresenter:
    def __init__(self, scope: DossierScope) -> None:
        self.scope = scope
        self.ui = scope.ui
        self.widget = MembersSection()
        self.widget.addRequested.connect(self.add)
        self.widget.editRequested.connect(self.edit)
        self.widget.removeRequested.connect(self.remove)
        self.widget.exportRequested.connect(lambda person_id: export_inzage(self.ui, person_id))
        self.widget.selected.connect(scope.selected_person.select)
        marks = scope.person_marks
        marks.changed.connect(lambda: self.widget.set_marks(marks.marks))

    def refresh(self, dossier: HouseholdDossier, change: Changed | None) -> None:
        self.widget.show_dossier(dossier, date.today())

    def _member(self, person_id: uuid.UUID) -> PersonRecord:
        return next(p for p in self.scope.current().members if p.id == person_id)

    @resumable(MEMBERS)
    def add(self) -> None:
        """A new member starts with the household's surname, which the user may overwrite."""
        infix, last_name = service.proposed_surname(self.scope.current())
        proposal = PersonDraft("", last_name, MemberRole.KIND, infix=infix)
        self.ui.ask_and_save(
            lambda draft, problems: self._ask(draft or proposal, problems, adding=True),
            lambda draft: households.add_member(self.ui.unlocked, self.scope.household_id, draft),
        )

    @resumable(MEMBERS, uuid.UUID)
    def edit(self, person_id: uuid.UUID) -> None:
        original = self._member(person_id).draft()
        self.ui.ask_and_save(
            lambda draft, problems: self._ask(draft or original, problems, original, person_id),
            lambda draft: households.update_member(self.ui.unlocked, person_id, draft),
            original=original,
        )

    def _ask(
        self,
        draft: PersonDraft | None,
        problems: dict[str, Problem] | None,
        original: PersonDraft | None = None,
        person_id: uuid.UUID | None = None,
        *,
        adding: bool = False,
    ) -> PersonDraft | None:
        """The member form; a BSN that is already someone else's is saved only after Ja.
        After Nee the form comes back as typed."""
        while True:
            draft = PersonDialog.ask(self.ui.window, draft, problems, adding=adding)
            if draft is None:
                return None
            refused = self._bsn_refused(draft, original, person_id)
            if refused is None:
                return draft
            problems = {"bsn": refused}

    def _bsn_refused(
        self, draft: PersonDraft, original: PersonDraft | None, person_id: uuid.UUID | None
    ) -> Problem | None:
        """Asks about a BSN that needs a second thought; the problem when the answer was Nee."""
        bsn = normalize_bsn(draft.bsn)
        if bsn is None or (original is not None and bsn == normalize_bsn(original.bsn)):
            return None  # no BSN, or the one this person already had: nothing new to ask
        if (
            not is_test_bsn(bsn)
            and settings.is_demo(self.ui.unlocked)
            and not self.ui.confirm(DEMO_BSN_QUESTION)
        ):
            return Problem.BSN_NOT_TEST  # a demo holds no real BSN unless someone says so
        found = households.dossiers_with_bsn(self.ui.unlocked, bsn, except_person=person_id)
        own = self.scope.current().dossier_number
        if found and not self.ui.confirm(bsn_in_use_question(found, own)):
            return Problem.BSN_IN_USE
        return None

    def remove(self, person_id: uuid.UUID) -> None:
        name = self._member(person_id).full_name
        if self.ui.confirm(f"{name} uit dit huishouden verwijderen?"):
            self.ui.attempt(lambda: households.remove_member(self.ui.unlocked, person_id))


@screen("gezinslid", order=30)
def _person_screen(context: ScreenContext) -> QWidget:
    """A form with a wrong date and BSN, to show how mistakes are explained."""
    person = PersonDialog(parent=context.ui.window)
    person.field("first_name").setText("Sanne")
    person.field("last_name").setText("Voorbeeld")
    person.field("date_of_birth").setText("31-02-2012")
    person.field("bsn").setText("123456788")
    person.accept()
    return person


@screen("bevestiging", order=35)
def _confirmation_screen(context: ScreenContext) -> QWidget:
    """A confirmation as every one looks: the question, and Qt's own buttons in Dutch."""
    from PySide6.QtWidgets import QMessageBox

    from desktop.screenshot import pick_household

    member = pick_household(context).members[0]
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Teamtafel",
        f"{member.full_name} uit dit huishouden verwijderen?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        context.ui.window,
    )
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box
