"""Overzicht: the coordinator's figures. Filters at the top, headline cards under them, then
the tables (chosen on the left, shown on the right with their definition and, for four of
them, a chart). Every figure opens the households behind it; the view only shows what the
presenter hands it and says what the user wants."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.overview_records import (
    Headline,
    HouseholdLine,
    Overview,
    OverviewFilter,
    OverviewTable,
    QuickPeriod,
)
from models.records import MedewerkerRecord
from models.wording import OVERVIEW_DEFINITION, QUICK_PERIOD, date_text, number_text
from views.tables import fill_table, read_only_table, selected_id

Index = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole + 2
NUMERIC = frozenset({"int", "number", "percent", "days"})
EMPTY = "–"
EVERYONE = "Iedereen"
PERIOD_PROBLEM = (
    "De datum 'van' ligt na de datum 'tot en met'. Kies een 'van' die op of vóór 'tot en met' ligt."
)
BUSY = "Bezig met rekenen…"

# How the tables are grouped on the left; a table not named here comes under 'Overig'.
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Caseload en werkvoorraad", ("caseload", "werkvoorraad")),
    ("Wachttijden", ("wachttijd_contact", "wachttijd_plan")),
    ("Instroom en uitstroom", ("trajecten", "duur", "afsluitredenen", "herkomst")),
    ("Verwijzingen", ("verwijzingen", "verwijzingen_bestemming", "verwijzingen_status")),
    ("Over de datum", ("overdue",)),
    ("ZRM-voortgang", ("zrm",)),
    ("18 worden", ("achttien",)),
    ("Datakwaliteit", ("kwaliteit",)),
)

# The chart under a table: the series it draws (their legend names), horizontal bars or not,
# and the titles of the value axis and of the category axis.
CHARTS: dict[str, tuple[tuple[tuple[str, str], ...], bool, str, str]] = {
    "caseload": ((("caseload", "Open trajecten"),), True, "Open trajecten", "Regisseur"),
    "wachttijd_contact": (
        (("wachttijd", "Mediaan"),),
        False,
        "Mediane wachttijd (dagen)",
        "Maand van aanmelding",
    ),
    "trajecten": (
        (("gestart", "Gestart"), ("afgesloten", "Afgesloten")),
        False,
        "Trajecten",
        "Maand",
    ),
    "overdue": ((("overdue", "Huishoudens"),), True, "Huishoudens", "Wat"),
}


def _decimal(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def cell_text(value: object, kind: str) -> str:
    """A value as the table shows it: dates dd-mm-jjjj, Dutch decimals, '–' for nothing."""
    if value is None or value == "":
        return EMPTY if kind != "text" else ""
    if isinstance(value, date):
        return date_text(value)
    if kind == "percent" and isinstance(value, int | float):
        return f"{_decimal(float(value))} %"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return number_text(value)
    if isinstance(value, float):
        return _decimal(value)
    return str(value)


def _sort_key(value: object, kind: str) -> object:
    if kind in NUMERIC:
        return float(value) if isinstance(value, int | float) else float("-inf")
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value).casefold()


class OverviewTableModel(QAbstractTableModel):
    """One overview table, read-only; its rows keep the households behind them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table: OverviewTable | None = None

    def set_table(self, table: OverviewTable | None) -> None:
        self.beginResetModel()
        self.table = table
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() or self.table is None else len(self.table.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() or self.table is None else len(self.table.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if self.table is None or not index.isValid():
            return None
        column = self.table.columns[index.column()]
        value = self.table.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(value, column.kind)
        if role == SORT_ROLE:
            return _sort_key(value, column.kind)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            side = (
                Qt.AlignmentFlag.AlignRight
                if column.kind in NUMERIC
                else Qt.AlignmentFlag.AlignLeft
            )
            return int(side | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if self.table is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.table.columns[section].name
        return str(section + 1)

    def households(self, row: int) -> frozenset[str]:
        return self.table.households[row] if self.table is not None else frozenset()


class HeadlineCard(QPushButton):
    """A figure at the top: the number large, what it counts under it; a click lists the
    households behind it."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"overview_card_{key}")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumHeight(84)
        self.value = QLabel()
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.hint = QLabel("Klik voor de huishoudens")
        self.hint.setStyleSheet("color: #666; font-size: 8pt;")
        for label in (self.value, self.label, self.hint):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.setSpacing(2)
        layout.addWidget(self.value)
        layout.addWidget(self.label)
        layout.addWidget(self.hint)
        self.show_headline(None)

    def show_headline(self, headline: Headline | None) -> None:
        warn = headline is not None and headline.warn
        colour = "#b00020" if warn else "#1a1a1a"
        self.value.setText(headline.value if headline else EMPTY)
        self.value.setStyleSheet(f"font-size: 20pt; font-weight: 600; color: {colour};")
        self.label.setText(headline.label if headline else "")
        self.setAccessibleName(f"{headline.label}: {headline.value}" if headline else "")
        border = "#e3a0a8" if warn else "#c8cdd3"
        background = "#fdf3f4" if warn else "#f7f8fa"
        self.setStyleSheet(
            f"HeadlineCard {{ border: 1px solid {border}; border-radius: 6px;"
            f" background: {background}; text-align: left; }}"
            " HeadlineCard:hover { border-color: #5b7fa6; }"
            " HeadlineCard:focus { border: 2px solid #5b7fa6; }"
        )


def _short_month(category: str) -> str:
    """'jan 2026' as 'jan 26', so twelve months fit under a chart; anything else as it is."""
    month, _space, year = category.partition(" ")
    return (
        f"{month} {year[2:]}" if len(month) == 3 and len(year) == 4 and year.isdigit() else category
    )


class OverviewChart(QChartView):
    """Bars for one table's chart series (QtCharts), with Dutch axis titles."""

    def __init__(self) -> None:
        super().__init__(QChart())
        self.setObjectName("overview_chart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(360, 260)

    def show_chart(
        self, key: str, series: dict[str, tuple[tuple[str, float], ...]], title: str
    ) -> bool:
        """Draw the chart of table ``key``; False when it has none or nothing to draw."""
        if key not in CHARTS:
            return False
        names, horizontal, value_title, category_title = CHARTS[key]
        drawn = [(label, series.get(name, ())) for name, label in names]
        categories = [category for category, _value in drawn[0][1]]
        short = {c: _short_month(c) for c in categories}
        if len(set(short.values())) == len(short):
            drawn = [(label, tuple((short[c], v) for c, v in points)) for label, points in drawn]
            categories = [short[c] for c in categories]
        if not categories:
            return False
        if horizontal:  # the first (largest) at the top
            categories.reverse()
        bars = QHorizontalBarSeries() if horizontal else QBarSeries()
        highest = 0.0
        for label, points in drawn:
            values = dict(points)
            bar_set = QBarSet(label)
            for category in categories:
                bar_set.append(values.get(category, 0.0))
                highest = max(highest, values.get(category, 0.0))
            bars.append(bar_set)
        whole = all(float(v).is_integer() for _label, points in drawn for _c, v in points)
        bars.setLabelsVisible(whole)  # QtCharts writes 1.5 for 1,5: then the axis only
        bars.setLabelsFormat("@value")
        bars.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        for bar_set in bars.barSets():
            bar_set.setLabelColor(QColor("#1a1a1a"))
        chart = QChart()  # a new chart each time: axes removed from an old one still drew
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.addSeries(bars)
        chart.setTitle(title)
        chart.legend().setVisible(len(drawn) > 1)
        category_axis = QBarCategoryAxis()
        category_axis.append(categories)
        category_axis.setTitleText(category_title)
        value_axis = QValueAxis()
        value_axis.setRange(0, max(1.0, highest * 1.15))
        value_axis.setLabelFormat("%d")
        value_axis.setTitleText(value_title)
        value_axis.applyNiceNumbers()
        across, up = (
            (Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft)
            if not horizontal
            else (Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom)
        )
        chart.addAxis(category_axis, across)
        chart.addAxis(value_axis, up)
        bars.attachAxis(category_axis)
        bars.attachAxis(value_axis)
        old = self.chart()
        self.setChart(chart)
        old.deleteLater()
        return True


def _table_view(proxy: QSortFilterProxyModel) -> QTableView:
    """A read-only, sortable view on ``proxy``; rows are chosen whole."""
    view = QTableView()
    view.setObjectName("overview_table")
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # as the figures come
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-size: 13pt; font-weight: 600;")
    return label


class OverviewWidget(QWidget):
    """The Overzicht tab."""

    filterChanged = Signal()  # the period or team member changed (after a short pause)
    householdsRequested = Signal(str, object)  # what was clicked (Dutch), frozenset of ids
    excelRequested = Signal()
    csvRequested = Signal(str)  # the table's key
    periodChosen = Signal(object)  # a QuickPeriod: the presenter knows the day it is
    shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._figures: Overview | None = None
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(300)
        self._pause.timeout.connect(self.filterChanged.emit)
        top = self._filters()
        self.status = QLabel()
        self.status.setObjectName("overview_status")
        self.status.setWordWrap(True)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.excel)
        status_row.addWidget(self.csv)
        self.cards_row = QHBoxLayout()
        self.cards: dict[str, HeadlineCard] = {}
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(self.cards_row)
        body.addWidget(self._tables(), 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(status_row)
        layout.addWidget(self.body, 1)
        self.quick.currentIndexChanged.connect(self._quick_chosen)
        self.start.dateChanged.connect(self._dates_typed)
        self.end.dateChanged.connect(self._dates_typed)
        self.member.currentIndexChanged.connect(lambda _i: self._pause.start())
        self.sections.currentItemChanged.connect(lambda *_a: self._show_current())
        self.excel.clicked.connect(self.excelRequested.emit)
        self.csv.clicked.connect(lambda: self.csvRequested.emit(self.current_key() or ""))

    def _filters(self) -> QHBoxLayout:
        title = QLabel("Overzicht")
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.quick = QComboBox()
        self.quick.setObjectName("overview_quick")
        self.quick.addItem("Zelf kiezen", None)
        for choice in QuickPeriod:
            self.quick.addItem(QUICK_PERIOD[choice.value], choice)
        self.start = self._date_edit("overview_start")
        self.end = self._date_edit("overview_end")
        self.member = QComboBox()
        self.member.setObjectName("overview_member")
        self.member.addItem(EVERYONE, None)
        self.excel = QPushButton("Exporteren naar &Excel…")
        self.excel.setObjectName("overview_excel")
        self.csv = QPushButton("Deze tabel als &CSV…")
        self.csv.setObjectName("overview_csv")
        for button in (self.excel, self.csv):
            button.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(QLabel("Periode:"))
        top.addWidget(self.quick)
        top.addWidget(QLabel("van"))
        top.addWidget(self.start)
        top.addWidget(QLabel("tot en met"))
        top.addWidget(self.end)
        top.addSpacing(12)
        top.addWidget(QLabel("Medewerker:"))
        top.addWidget(self.member)
        top.addStretch(1)
        return top

    def _tables(self) -> QSplitter:
        """The list of tables on the left; the chosen one, its definition and chart right."""
        self.sections = QListWidget()
        self.sections.setObjectName("overview_sections")
        self.sections.setMinimumWidth(210)
        self.sections.setMaximumWidth(280)
        self.table_title = _heading("")
        self.definition = QLabel()
        self.definition.setObjectName("overview_definition")
        self.definition.setWordWrap(True)
        self.definition.setStyleSheet("color: #444;")
        self.model = OverviewTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = _table_view(self.proxy)
        self.table.activated.connect(self._row_activated)  # Enter or a double click
        self.behind = QPushButton("&Huishoudens tonen")
        self.behind.setObjectName("overview_behind")
        self.behind.setEnabled(False)
        self.behind.clicked.connect(lambda: self._row_activated(self.table.currentIndex()))
        self.table.selectionModel().selectionChanged.connect(
            lambda *_a: self.behind.setEnabled(self.table.currentIndex().isValid())
        )
        hint = QLabel("Dubbelklik op een regel voor de huishoudens erachter.")
        hint.setStyleSheet("color: #666;")
        under = QHBoxLayout()
        under.addWidget(hint, 1)
        under.addWidget(self.behind)
        self.chart = OverviewChart()
        panel = QWidget()
        right = QVBoxLayout(panel)
        right.setContentsMargins(8, 0, 0, 0)
        right.addWidget(self.table_title)
        right.addWidget(self.definition)
        # the chart beside a narrow table (both readable at full height), under a wide one
        self.beside = beside = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        left_of_chart = QVBoxLayout()
        left_of_chart.addWidget(self.table, 1)
        left_of_chart.addLayout(under)
        beside.addLayout(left_of_chart, 4)
        beside.addWidget(self.chart, 5)
        right.addLayout(beside, 1)
        split = QSplitter()
        split.addWidget(self.sections)
        split.addWidget(panel)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        return split

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setDisplayFormat("dd-MM-yyyy")
        edit.setCalendarPopup(True)
        return edit

    def showEvent(self, event: QShowEvent) -> None:  # Qt's name
        super().showEvent(event)
        self.shown.emit()

    # --- the filter ---------------------------------------------------------------------

    def set_members(self, members: Sequence[MedewerkerRecord]) -> None:
        self.member.blockSignals(True)
        self.member.clear()
        self.member.addItem(EVERYONE, None)
        for member in members:
            self.member.addItem(member.name, member.id)
        self.member.blockSignals(False)

    def set_period(self, start: date, end: date, choice: QuickPeriod | None = None) -> None:
        """Show a period without asking for figures (the presenter asks when it is ready)."""
        for widget in (self.start, self.end, self.quick):
            widget.blockSignals(True)
        self.start.setDate(QDate(start.year, start.month, start.day))
        self.end.setDate(QDate(end.year, end.month, end.day))
        self.quick.setCurrentIndex(max(0, self.quick.findData(choice)))
        for widget in (self.start, self.end, self.quick):
            widget.blockSignals(False)

    def _quick_chosen(self, _index: int) -> None:
        choice = self.quick.currentData()
        if isinstance(choice, QuickPeriod):
            self.periodChosen.emit(choice)

    def _dates_typed(self) -> None:
        self.quick.blockSignals(True)
        self.quick.setCurrentIndex(0)  # a typed date: the period is chosen by hand
        self.quick.blockSignals(False)
        self._pause.start()

    def period(self) -> tuple[date, date]:
        return self.start.date().toPython(), self.end.date().toPython()  # type: ignore[return-value]

    def chosen_filter(self) -> OverviewFilter | None:
        """The filter as chosen, or None (and the Dutch message shown) when van is after tot."""
        start, end = self.period()
        if start > end:
            self.show_problem(PERIOD_PROBLEM)
            return None
        member = self.member.currentData()
        return OverviewFilter(start, end, member if isinstance(member, uuid.UUID) else None)

    def ask_now(self) -> None:
        """Ask for the figures without the pause (a quick choice: both dates at once)."""
        self._pause.stop()
        self.filterChanged.emit()

    # --- showing ------------------------------------------------------------------------

    def show_problem(self, text: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #b00020; font-weight: 600;")
        self.body.setEnabled(self._figures is not None)

    def show_busy(self) -> None:
        self.status.setText(BUSY)
        self.status.setStyleSheet("color: #555;")
        self.body.setEnabled(False)
        for button in (self.excel, self.csv):
            button.setEnabled(False)

    def show_overview(self, figures: Overview) -> None:
        self._figures = figures
        f = figures.filter
        who = self.member.currentText() if f.medewerker_id is not None else "het hele team"
        self.status.setText(
            f"{date_text(f.start)} t/m {date_text(f.end)} voor {who}. Peildatum (open, "
            f"wachtend, over de datum): {date_text(f.end)}."
        )
        self.status.setStyleSheet("color: #333;")
        self.body.setEnabled(True)
        for button in (self.excel, self.csv):
            button.setEnabled(True)
        self._show_cards(figures.headlines)
        keep = self.current_key() or "caseload"
        self.sections.blockSignals(True)
        self.sections.clear()
        known = {t.key for t in figures.tables}
        listed: set[str] = set()
        groups = [*GROUPS, ("Overig", tuple(t.key for t in figures.tables))]
        for group, named in groups:
            keys = tuple(k for k in named if k in known and k not in listed)
            if not keys:
                continue
            header = QListWidgetItem(group)
            font = QFont(header.font())
            font.setBold(True)
            header.setFont(font)
            header.setFlags(Qt.ItemFlag.NoItemFlags)
            header.setForeground(QColor("#1f3b57"))
            self.sections.addItem(header)
            for key in keys:
                item = QListWidgetItem("    " + figures.table(key).title)
                item.setData(Qt.ItemDataRole.UserRole, key)
                self.sections.addItem(item)
                listed.add(key)
        self.sections.blockSignals(False)
        self.select_table(keep if keep in known else figures.tables[0].key)

    def _show_cards(self, headlines: Sequence[Headline]) -> None:
        for headline in headlines:
            card = self.cards.get(headline.key)
            if card is None:
                card = self.cards[headline.key] = HeadlineCard(headline.key)
                card.clicked.connect(lambda _c=False, k=headline.key: self._card_clicked(k))
                self.cards_row.addWidget(card, 1)
            card.show_headline(headline)

    def _card_clicked(self, key: str) -> None:
        if self._figures is None:
            return
        headline = next(h for h in self._figures.headlines if h.key == key)
        self.select_table(headline.table)
        self.householdsRequested.emit(f"{headline.label}: {headline.value}", headline.households)

    def select_table(self, key: str) -> None:
        for row in range(self.sections.count()):
            if self.sections.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.sections.setCurrentRow(row)
                self._show_current()
                return

    def current_key(self) -> str | None:
        item: QListWidgetItem | None = self.sections.currentItem()
        key = None if item is None else item.data(Qt.ItemDataRole.UserRole)
        return key if isinstance(key, str) else None

    def _show_current(self) -> None:
        key = self.current_key()
        if self._figures is None or key is None:
            return
        table = self._figures.table(key)
        self.table_title.setText(table.title)
        self.definition.setText(table.definition or OVERVIEW_DEFINITION.get(key, ""))
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.model.set_table(table)
        beside = len(table.columns) <= 4 and CHARTS.get(key, ((), True, "", ""))[1]
        self.beside.setDirection(
            QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        )
        self.behind.setEnabled(False)
        self.chart.setVisible(self.chart.show_chart(key, self._figures.chart_series, table.title))
        if not table.rows:
            self.definition.setText(self.definition.text() + "\n\nGeen gegevens in deze periode.")

    def row_of(self, proxy_row: int) -> int:
        return self.proxy.mapToSource(self.proxy.index(proxy_row, 0)).row()

    def _row_activated(self, index: QModelIndex) -> None:
        table = self.model.table
        if table is None or not index.isValid():
            return
        row = self.proxy.mapToSource(index).row()
        what = " · ".join(
            cell_text(v, c.kind) for v, c in zip(table.rows[row], table.columns, strict=True)
        )
        self.householdsRequested.emit(f"{table.title}: {what}", self.model.households(row))


class HouseholdsDialog(QDialog):
    """The households behind a figure: Dossier, Huishouden, Regisseur. Openen (or a double
    click, or Enter) hands back the household to open as ``chosen``."""

    def __init__(self, what: str, lines: Sequence[HouseholdLine], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("overview_households")
        self.setWindowTitle("Huishoudens achter het cijfer")
        self.chosen: uuid.UUID | None = None
        heading = QLabel(what)
        heading.setWordWrap(True)
        heading.setStyleSheet("font-weight: 600;")
        count = QLabel(
            f"{number_text(len(lines))} huishouden{'' if len(lines) == 1 else 's'}"
            if lines
            else "Er staan geen huishoudens achter dit cijfer."
        )
        self.table = read_only_table(["Dossier", "Huishouden", "Regisseur"], "overview_lines", 1)
        fill_table(
            self.table,
            [
                (line.household_id, [line.dossier_number, line.name, line.regisseur or "— geen —"])
                for line in lines
            ],
        )
        self.table.itemDoubleClicked.connect(lambda _item: self._open())
        buttons = QDialogButtonBox()
        self.open_button = buttons.addButton(
            "Dossier &openen", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.open_button.setObjectName("overview_open")
        self.open_button.setEnabled(False)
        close = buttons.addButton("Sluiten", QDialogButtonBox.ButtonRole.RejectRole)
        close.setObjectName("overview_close")
        self.open_button.setDefault(True)
        buttons.accepted.connect(self._open)
        buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(
            lambda: self.open_button.setEnabled(bool(self.table.selectedItems()))
        )
        if lines:
            self.table.selectRow(0)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(count)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(640, 460)

    def _open(self) -> None:
        household_id = selected_id(self.table)
        if isinstance(household_id, uuid.UUID):
            self.chosen = household_id
            self.accept()


class RefusedWidget(QWidget):
    """What the Overzicht tab shows to someone who may not see the figures: who may."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        title = QLabel("<b>Overzicht</b>")
        self.message = QLabel(text)
        self.message.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(self.message)
        layout.addStretch(1)
