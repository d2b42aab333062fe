"""The Overzicht tab: the coordinator's figures for a period and a team member, the households
behind each figure, and the exports. Only for those who may see it (coördinator, beheerder).

The figures take a second or more on a large team, so they are computed beside the window
('Bezig met rekenen…'), and only when the tab is looked at: a change anywhere marks them
stale, the next look computes them again. An export is built beside the window as well,
under a busy cursor, with a progress dialog only when it takes longer than a second.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from desktop.errors import needed_roles
from desktop.presenters.background import in_background
from desktop.presenters.ui import Ui
from desktop.registry import TABS, ScreenContext, Tab, screen
from desktop.usecases import households, overview
from desktop.usecases.overview import ExportFile
from models.overview_records import Overview, QuickPeriod, quick_period
from models.permissions import Permission
from models.wording import date_text
from views import files
from views.overview import HouseholdsDialog, OverviewWidget, RefusedWidget

DEFAULT_PERIOD = QuickPeriod.LAST_12_MONTHS
FAILED = "Het overzicht kon niet worden berekend. Probeer het opnieuw of kies een andere periode."
EXPORT_FAILED = "De export kon niet worden gemaakt."


def _period(figures: Overview) -> str:
    return f"{date_text(figures.filter.start)} t/m {date_text(figures.filter.end)}"


class OverviewPresenter:
    def __init__(self, ui: Ui, *, today: date | None = None) -> None:
        self.ui = ui
        self.today = today
        self.widget = OverviewWidget()
        self.figures: Overview | None = None
        self._asked = 0  # the latest request: an older answer that arrives late is dropped
        self._stale = True
        members = ui.attempt(lambda: households.medewerkers(ui.unlocked)) or []
        self.widget.set_members([m for m in members if m.active])
        self.widget.set_period(*quick_period(DEFAULT_PERIOD, self._today()), DEFAULT_PERIOD)
        self.widget.periodChosen.connect(self._period_chosen)
        self.widget.filterChanged.connect(self.refresh)
        self.widget.shown.connect(self._on_shown)
        self.widget.householdsRequested.connect(self.show_households)
        self.widget.excelRequested.connect(self.export_excel)
        self.widget.csvRequested.connect(self.export_csv)
        ui.changed.connect(lambda _change: self._mark_stale())

    def _today(self) -> date:
        return self.today or date.today()

    def _period_chosen(self, choice: QuickPeriod) -> None:
        self.widget.set_period(*quick_period(choice, self._today()), choice)
        self.widget.ask_now()

    def _mark_stale(self) -> None:
        self._stale = True
        if self.widget.isVisible():
            self.refresh()

    def _on_shown(self) -> None:
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Compute the figures for the filter as chosen, beside the window."""
        chosen = self.widget.chosen_filter()
        if chosen is None:  # van after tot: the view says so
            return
        self._stale = False
        self._asked += 1
        asked = self._asked
        self.widget.show_busy()
        unlocked = self.ui.unlocked

        def done(figures: Overview) -> None:
            if asked == self._asked:
                self.figures = figures
                self.widget.show_overview(figures)

        def failed() -> None:
            if asked == self._asked:
                self.widget.show_problem(FAILED)

        in_background(self.widget, lambda: overview.overview(unlocked, chosen), done, failed)

    # --- the households behind a figure -------------------------------------------------------

    def households_dialog(self, what: str, ids: frozenset[str]) -> HouseholdsDialog | None:
        lines = self.ui.attempt(lambda: overview.households_behind(self.ui.unlocked, ids))
        if lines is None:
            return None
        return HouseholdsDialog(what, lines, self.ui.window)

    def show_households(self, what: str, ids: frozenset[str]) -> None:
        """The list behind a figure; its Openen opens the dossier as the Te doen list does."""
        dialog = self.households_dialog(what, ids)
        if dialog is None:
            return
        try:
            dialog.exec()
            chosen = dialog.chosen
        finally:
            dialog.deleteLater()
        if chosen is not None:
            self.ui.openRequested.emit(chosen)

    # --- exports --------------------------------------------------------------------------

    def _suggested(self, figures: Overview, suffix: str, what: str = "overzicht") -> Path:
        f = figures.filter
        return Path.home() / f"Teamtafel {what} {date_text(f.start)} tot {date_text(f.end)}{suffix}"

    def export_excel(self) -> None:
        figures = self.figures
        if figures is None:
            return
        target = files.save_path(
            self.ui.window,
            "Overzicht exporteren naar Excel",
            "Excel-werkmap (*.xlsx)",
            self._suggested(figures, ".xlsx"),
        )
        if target is not None:
            unlocked = self.ui.unlocked
            self._export(
                lambda: overview.workbook(unlocked, figures),
                target.with_suffix(".xlsx") if target.suffix.lower() != ".xlsx" else target,
                f"overzicht {_period(figures)} (Excel)",
            )

    def export_csv(self, key: str) -> None:
        figures = self.figures
        if figures is None or key not in {t.key for t in figures.tables}:
            return
        title = figures.table(key).title
        target = files.save_path(
            self.ui.window,
            f"{title} opslaan als CSV",
            "CSV-bestand (*.csv)",
            self._suggested(figures, ".csv", title.lower()),
        )
        if target is not None:
            unlocked = self.ui.unlocked
            self._export(
                lambda: overview.table_csv(unlocked, figures, key),
                target.with_suffix(".csv") if target.suffix.lower() != ".csv" else target,
                f"overzicht {_period(figures)}, tabel {key} (CSV)",
            )

    def _export(self, build: Callable[[], ExportFile], target: Path, detail: str) -> None:
        """Build beside the window under a busy cursor; a progress dialog appears only when it
        takes longer than a second. Saved (and logged) on the window's thread."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        progress = QProgressDialog("Bezig met exporteren…", "", 0, 0, self.widget)
        progress.setWindowTitle("Teamtafel")
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(1000)
        self.widget.excel.setEnabled(False)
        self.widget.csv.setEnabled(False)

        def finish() -> None:
            QApplication.restoreOverrideCursor()
            progress.reset()
            progress.deleteLater()
            self.widget.excel.setEnabled(self.figures is not None)
            self.widget.csv.setEnabled(self.figures is not None)

        def done(file: ExportFile) -> None:
            finish()

            def store() -> Path:
                overview.save(self.ui.unlocked, file, target, detail=detail)
                return target

            if self.ui.attempt(store) is not None:
                self.widget.status.setText(f"Opgeslagen als {target}")

        def failed() -> None:
            finish()
            self.ui.warn(EXPORT_FAILED)

        in_background(self.widget, build, done, failed)


class RefusedPresenter:
    """The tab for a medewerker: no figures are computed, and it says who may see them."""

    def __init__(self, ui: Ui) -> None:
        self.widget = RefusedWidget(
            f"Het overzicht van het team (caseload, wachttijden, wat over de datum is, de "
            f"cijfers voor de gemeente) mag alleen {needed_roles(Permission.VIEW_OVERVIEW)} "
            "zien en exporteren."
        )


def _overview_tab(ui: Ui) -> OverviewPresenter | RefusedPresenter:
    if ui.unlocked.actor.may(Permission.VIEW_OVERVIEW):
        return OverviewPresenter(ui)
    return RefusedPresenter(ui)


TABS.add("overzicht", Tab("overzicht", "Overzicht", 20, _overview_tab))


def _presenter(context: ScreenContext) -> OverviewPresenter:
    presenter = context.controller.tabs["overzicht"]
    assert isinstance(presenter, OverviewPresenter)
    context.ui.window.tabs.setCurrentWidget(presenter.widget)  # type: ignore[attr-defined]
    return presenter


@screen("overzicht", order=14)
def _overview_screen(context: ScreenContext) -> QWidget:
    """The whole team over the last twelve months (the screen waits for the figures)."""
    _presenter(context).refresh()
    return context.ui.window


@screen("overzicht-huishoudens", order=15)
def _households_screen(context: ScreenContext) -> QWidget:
    """The list behind 'Over de datum' (or, with nothing overdue, the werkvoorraad)."""
    presenter = _presenter(context)
    chosen = presenter.widget.chosen_filter()
    assert chosen is not None
    figures = overview.overview(context.unlocked, chosen)
    headline = next(
        (h for h in figures.headlines if h.key == "overdue" and h.households),
        next(h for h in figures.headlines if h.key == "werkvoorraad"),
    )
    dialog = presenter.households_dialog(f"{headline.label}: {headline.value}", headline.households)
    assert dialog is not None
    return dialog
