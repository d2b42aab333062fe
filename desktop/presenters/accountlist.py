"""Beheer → Accountlijst controleren…: the signed account list, reviewed by a holder of the
team key — also when the list does not verify and that holder works as a medewerker."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu

from desktop.presenters.ui import Ui
from desktop.usecases import roster
from models.roster import RosterCheck, RosterState
from models.wording import (
    ROLE_NAMES,
    ROSTER_DEMOTED,
    ROSTER_DIFFERS,
    ROSTER_REVIEW,
    roster_findings_text,
)
from views.admin import RosterReviewDialog
from views.main_window import MainWindow


def _menu(window: MainWindow, title: str) -> QMenu:
    """The Beheer menu, made here when the login works without beheerder rights."""
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and action.text() == title:
            return menu
    return window.menuBar().addMenu(title)


class AccountListPresenter:
    def __init__(self, ui: Ui, window: MainWindow) -> None:
        self.ui = ui
        if roster.may_review(ui.unlocked):
            _menu(window, "B&eheer").addAction("Account&lijst controleren…", self.review)

    def after_login(self) -> None:
        """A list that does not hold is told at every login: the team-key holder gets the
        review, everyone else a warning (their rights follow the signed list)."""
        result = self.ui.unlocked.roster
        if result is None or result.clean or result.state is RosterState.ABSENT:
            return
        if roster.may_review(self.ui.unlocked):
            self.review()
        elif result.state is RosterState.UNVERIFIED:
            self.ui.warn(ROSTER_DEMOTED)
        elif result.tampered:
            self.ui.warn(ROSTER_DIFFERS)

    def review(self) -> RosterReviewDialog | None:
        unlocked = self.ui.unlocked
        result = self.ui.attempt(lambda: roster.review(unlocked))
        if result is None:
            return None
        dialog = RosterReviewDialog(
            ROSTER_REVIEW if not result.clean else "De accountlijst is ondertekend.",
            roster_findings_text(result),
            _accounts(result),
            can_restore=result.state is RosterState.VERIFIED and result.tampered,
            parent=self.ui.window,
        )
        dialog.finished.connect(self._decided)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _decided(self, code: int) -> None:
        unlocked = self.ui.unlocked
        before = unlocked.actor.role
        if code == RosterReviewDialog.RESTORE:
            role = self.ui.attempt(lambda: roster.restore_signed(unlocked))
            done = "De accounts staan weer zoals de ondertekende lijst zegt."
        elif code == RosterReviewDialog.SIGN:
            role = self.ui.attempt(lambda: roster.sign_as_is(unlocked))
            done = "De accountlijst is ondertekend met de teamsleutel."
        else:
            return
        if role is None:
            return
        if role is not before:
            done += (
                f" U hebt nu de rechten van {ROLE_NAMES[role].lower()}; start Teamtafel "
                "opnieuw om daarmee te werken."
            )
        self.ui.inform(done)


def _accounts(result: RosterCheck) -> list[tuple[str, str, str, str]]:
    """Each account as the table has it, beside what the signed list says of it."""

    def state(active: bool) -> str:
        return "actief" if active else "uitgeschakeld"

    rows = []
    for e in result.current:
        listed = result.roster.entry(e.account_id) if result.roster is not None else None
        signed = f"{ROLE_NAMES[listed.role]}, {state(listed.active)}" if listed is not None else "—"
        rows.append((e.login, ROLE_NAMES[e.role], state(e.active), signed))
    return rows
