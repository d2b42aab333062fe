"""The main window: the fixed tabs (Huishoudens first) and each opened dossier beside them."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QTabBar, QTabWidget, QVBoxLayout, QWidget

from views.dossier import DossierWidget

TAB_TITLE_LENGTH = 40


class MainWindow(QMainWindow):
    newHouseholdRequested = Signal()
    findRequested = Signal()
    dossierClosed = Signal(uuid.UUID)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Teamtafel")
        self.resize(1280, 800)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.banner = QLabel()  # "DEMO — geen echte gegevens" on a demo database
        self.banner.setObjectName("demo_banner")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setStyleSheet(
            "background: #b3261e; color: white; font-weight: bold; padding: 4px;"
        )
        self.banner.hide()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.tabs)
        self.setCentralWidget(central)
        self.fixed_tabs = 0
        self.store_label = QLabel()
        self.statusBar().addPermanentWidget(self.store_label)
        self._build_menu()

    def show_banner(self, text: str) -> None:
        """A band over the tabs that stays (a demo database says so on every screen)."""
        self.banner.setText(text)
        self.banner.show()
        self.setWindowTitle(f"Teamtafel — {text}")

    def make_action(self, text: str, slot: object, shortcut: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menu(self) -> None:
        menu = self.file_menu = self.menuBar().addMenu("&Bestand")
        new = QAction("&Nieuw huishouden…", self)
        new.setShortcut(QKeySequence.StandardKey.New)
        new.triggered.connect(self.newHouseholdRequested)
        find = QAction("&Zoeken", self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.findRequested)
        close_tab = QAction("Tabblad &sluiten", self)
        close_tab.setShortcut(QKeySequence.StandardKey.Close)
        close_tab.triggered.connect(lambda: self.close_tab(self.tabs.currentIndex()))
        quit_action = self.quit_action = QAction("&Afsluiten", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        for action in (new, find, close_tab):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(quit_action)

    def add_fixed_tab(self, widget: QWidget, title: str) -> None:
        """A tab that stays (Huishoudens, later Overleggen and Overzicht), before the dossiers."""
        index = self.tabs.insertTab(self.fixed_tabs, widget, title)
        self.tabs.tabBar().setTabButton(index, QTabBar.ButtonPosition.RightSide, None)
        self.fixed_tabs += 1

    def dossier_tab(self, household_id: uuid.UUID) -> DossierWidget | None:
        return next((w for w in self.dossier_tabs() if w.household_id == household_id), None)

    def dossier_tabs(self) -> list[DossierWidget]:
        return [
            w
            for i in range(self.tabs.count())
            if isinstance(w := self.tabs.widget(i), DossierWidget)
        ]

    def show_dossier_tab(self, widget: DossierWidget, title: str) -> None:
        index = self.tabs.indexOf(widget)
        if index < 0:
            index = self.tabs.addTab(widget, "")
            widget.titleChanged.connect(lambda name: self._name_tab(widget, name))
        self._name_tab(widget, title)
        self.tabs.setCurrentIndex(index)

    def _name_tab(self, widget: QWidget, name: str) -> None:
        """A long household name is shortened on its tab, whole in the tooltip."""
        index = self.tabs.indexOf(widget)
        short = (
            name if len(name) <= TAB_TITLE_LENGTH else name[: TAB_TITLE_LENGTH - 1].rstrip() + "…"
        )
        self.tabs.setTabText(index, short)
        self.tabs.setTabToolTip(index, name)

    def close_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if not isinstance(widget, DossierWidget):
            return  # the fixed tabs stay
        self.tabs.removeTab(index)
        self.dossierClosed.emit(widget.household_id)
        widget.deleteLater()
