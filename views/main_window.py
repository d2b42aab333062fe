"""The main window: the household list as the first tab, each opened dossier beside it."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QWidget

from views.dossier import DossierWidget
from views.household_list import HouseholdListWidget


class MainWindow(QMainWindow):
    newHouseholdRequested = Signal()

    def __init__(self, household_list: HouseholdListWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Teamtafel"))
        self.resize(1280, 800)
        self.household_list = household_list
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.addTab(household_list, self.tr("Huishoudens"))
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.setCentralWidget(self.tabs)
        self.store_label = QLabel()
        self.statusBar().addPermanentWidget(self.store_label)
        self._build_menu()

    def make_action(self, text: str, slot: object, shortcut: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menu(self) -> None:
        menu = self.file_menu = self.menuBar().addMenu(self.tr("&Bestand"))
        new = QAction(self.tr("&Nieuw huishouden…"), self)
        new.setShortcut(QKeySequence.StandardKey.New)
        new.triggered.connect(self.newHouseholdRequested)
        find = QAction(self.tr("&Zoeken"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.focus_search)
        close_tab = QAction(self.tr("Tabblad &sluiten"), self)
        close_tab.setShortcut(QKeySequence.StandardKey.Close)
        close_tab.triggered.connect(lambda: self.close_tab(self.tabs.currentIndex()))
        quit_action = self.quit_action = QAction(self.tr("&Afsluiten"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        for action in (new, find, close_tab):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(quit_action)

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.household_list.search.setFocus()
        self.household_list.search.selectAll()

    def dossier_tab(self, household_id: uuid.UUID) -> DossierWidget | None:
        for index in range(1, self.tabs.count()):
            widget = self.tabs.widget(index)
            if (
                isinstance(widget, DossierWidget)
                and widget.dossier
                and widget.dossier.id == household_id
            ):
                return widget
        return None

    def dossier_tabs(self) -> list[DossierWidget]:
        return [
            w
            for i in range(self.tabs.count())
            if isinstance(w := self.tabs.widget(i), DossierWidget)
        ]

    def show_dossier_tab(self, widget: DossierWidget, title: str) -> None:
        index = self.tabs.indexOf(widget)
        if index < 0:
            index = self.tabs.addTab(widget, title)
        else:
            self.tabs.setTabText(index, title)
        self.tabs.setCurrentIndex(index)

    def close_tab(self, index: int) -> None:
        if index <= 0:
            return
        widget = self.tabs.widget(index)
        self.tabs.removeTab(index)
        if widget is not None:
            widget.deleteLater()
