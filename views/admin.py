"""The beheerder's screens: access log, accounts, retention review, settings; and the
household's own 'Wie heeft dit dossier ingezien?'."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.permissions import Role
from models.records import AccountRecord, LogLine, RetentionRow
from models.rules import (
    ACCOUNT,
    AUTOLOCK_MINUTES,
    MIN_PASSWORD_LENGTH,
    REASSESS_ACUUT_WEEKS,
    REASSESS_ONVEILIG_WEEKS,
    REASSESS_VEILIG_WEEKS,
    REASSESS_ZORGELIJK_WEEKS,
    RETENTION_YEARS,
    SETTING_DEFAULTS,
    SETTING_LIMITS,
    check_password,
)
from models.validation import Problem, parse_date
from models.wording import (
    ACCESS_ACTION,
    KEY_STATE,
    ROLE_NAMES,
    count_text,
    date_text,
    moment_text,
)
from views.forms import (
    DateLineEdit,
    FormDialog,
    code_combo,
    released,
    save_cancel_buttons,
    text_of,
)
from views.tables import fill_table, read_only_table, selected_id


def _log_rows(
    lines: Sequence[LogLine], *, with_dossier: bool
) -> list[tuple[object, Sequence[str]]]:
    rows: list[tuple[object, Sequence[str]]] = []
    for line in lines:
        cells = [moment_text(line.at), line.login, ACCESS_ACTION[line.action]]
        if with_dossier:
            cells.append(line.dossier_number)
        cells.append(line.detail)
        rows.append((None, cells))
    return rows


def _close_buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.button(QDialogButtonBox.StandardButton.Close).setText("Sluiten")
    buttons.rejected.connect(dialog.reject)
    return buttons


class HouseholdLogDialog(QDialog):
    """'Wie heeft dit dossier ingezien?' — every opening, change, print and export."""

    def __init__(self, title: str, lines: Sequence[LogLine], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Wie heeft dit dossier ingezien?")
        self.table = read_only_table(["Wanneer", "Wie", "Wat", "Toelichting"], "log")
        fill_table(self.table, _log_rows(lines, with_dossier=False))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{title}</b>"))
        layout.addWidget(self.table)
        layout.addWidget(_close_buttons(self))
        self.resize(720, 460)


class AccessLogDialog(QDialog):
    """The whole access log for a beheerder, filtered by user, dossier and period."""

    filterRequested = Signal(str, str, object, object)  # login, dossier number, start, end

    def __init__(self, logins: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Toegangslog")
        self.login = code_combo([(login, login) for login in logins], "", empty="iedereen")
        self.dossier = QLineEdit()
        self.dossier.setPlaceholderText("dossiernummer")
        self.start = DateLineEdit()
        self.end = DateLineEdit()
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        search = QPushButton("Zoeken")
        search.setObjectName("search_log")
        bar = QHBoxLayout()
        for label, widget in (
            ("Wie", self.login),
            ("Dossier", self.dossier),
            ("Van", self.start),
            ("Tot en met", self.end),
        ):
            bar.addWidget(QLabel(label))
            bar.addWidget(widget)
        bar.addWidget(search)
        bar.addStretch(1)
        self.table = read_only_table(
            [
                "Wanneer",
                "Wie",
                "Wat",
                "Dossier",
                "Toelichting",
            ],
            "log",
        )
        self.count = QLabel()
        self.chain = QLabel()
        self.chain.setObjectName("chain")
        self.chain.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chain)
        layout.addLayout(bar)
        layout.addWidget(self.error)
        layout.addWidget(self.table)
        layout.addWidget(self.count)
        layout.addWidget(_close_buttons(self))
        search.clicked.connect(self.request)
        self.dossier.returnPressed.connect(self.request)
        self.resize(920, 560)

    def show_chain(self, text: str, *, intact: bool | None) -> None:
        """Whether the log's chain is whole (models.logchain), above the lines; None: the
        check is still running."""
        self.chain.setText(text)
        colour = {True: "#2e7d32", False: "#b00020", None: "#555555"}[intact]
        weight = "font-weight:600;" if intact is False else ""
        self.chain.setStyleSheet(f"color:{colour};{weight}")

    def request(self) -> None:
        start, end = (
            parse_date(self.start.text(), required=False),
            parse_date(self.end.text(), required=False),
        )
        if start.problem or end.problem:
            self.error.setText("Schrijf de datums als dd-mm-jjjj.")
            return
        self.error.clear()
        self.filterRequested.emit(
            text_of(self.login), self.dossier.text().strip(), start.value, end.value
        )

    def show_lines(self, lines: Sequence[LogLine]) -> None:
        fill_table(self.table, _log_rows(lines, with_dossier=True))
        self.count.setText(count_text(len(lines), "regel", "regels"))


class AccountDialog(FormDialog):
    """A new account: login, name, role and a first password."""

    keeps_werkkopie = False  # it takes a password or a recovery code

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Account toevoegen", parent)
        self.add_field("name", "Naam *", QLineEdit())
        self.add_field("login", "Inlognaam *", QLineEdit())
        self.add_field(
            "role",
            "Rol *",
            code_combo([(r.value, ROLE_NAMES[r]) for r in Role], Role.MEDEWERKER.value, empty=""),
        )
        password = self.add_field("password", "Eerste wachtwoord *", QLineEdit())
        password.setEchoMode(QLineEdit.EchoMode.Password)
        password.setPlaceholderText(f"minstens {MIN_PASSWORD_LENGTH} tekens")
        self._checks["password"] = lambda: check_password(password.text())
        self.apply_rules(ACCOUNT)
        self.finish_loading()

    def value(self) -> tuple[str, str, Role, str]:
        return (
            text_of(self.field("name")),
            text_of(self.field("login")),
            Role(text_of(self.field("role"))),
            text_of(self.field("password")),
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None = None,
        initial: tuple[str, str, Role, str] | None = None,
        problems: dict[str, Problem] | None = None,
    ) -> tuple[str, str, Role, str] | None:
        with released(cls(parent)) as dialog:
            if initial is not None:
                name, login, role, password = initial
                dialog.fill(
                    {"name": name, "login": login, "role": role.value, "password": password}
                )
            return dialog.value() if dialog.run(problems) else None


class AccountsDialog(QDialog):
    addRequested = Signal()
    deactivateRequested = Signal(uuid.UUID)
    leakedRequested = Signal(uuid.UUID)  # this colleague's password is known to someone else
    temporaryRequested = Signal(uuid.UUID)  # set a temporary password for this colleague

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Accounts")
        self.table = read_only_table(["Naam", "Inlognaam", "Rol", "Status"], "accounts")
        add = QPushButton("Toevoegen…")
        self.deactivate = QPushButton("Uitschakelen")
        self.leaked = QPushButton("Wachtwoord gelekt…")
        self.leaked.setObjectName("leaked")
        self.temporary = QPushButton("Tijdelijk wachtwoord…")
        self.temporary.setObjectName("temporary")
        row = QHBoxLayout()
        for button in (add, self.deactivate, self.leaked, self.temporary):
            row.addWidget(button)
        row.addStretch(1)
        note = QLabel(
            "Een uitgeschakeld account kan de database niet meer openen; zijn naam blijft in de "
            "logboeken. Uitschakelen en een gelekt wachtwoord geven de database een nieuwe "
            "sleutel, zodat ook een oude kopie van het sleutelbestand hem niet meer opent."
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(note)
        layout.addWidget(_close_buttons(self))
        add.clicked.connect(self.addRequested)
        self.deactivate.clicked.connect(lambda: self._emit(self.deactivateRequested))
        self.leaked.clicked.connect(lambda: self._emit(self.leakedRequested))
        self.temporary.clicked.connect(lambda: self._emit(self.temporaryRequested))
        self.resize(720, 400)

    def show_accounts(self, accounts: Sequence[AccountRecord]) -> None:
        fill_table(
            self.table,
            [
                (
                    a.id,
                    [
                        a.name,
                        a.login,
                        ROLE_NAMES[a.role],
                        KEY_STATE[a.key_state] if a.active else "uitgeschakeld",
                    ],
                )
                for a in accounts
            ],
        )

    def _emit(self, signal: SignalInstance) -> None:
        account_id = selected_id(self.table)
        if account_id is not None:
            signal.emit(account_id)


class RetentionDialog(QDialog):
    """Dossiers closed longer than the retention period, to review for destruction."""

    destroyRequested = Signal(uuid.UUID)

    def __init__(
        self, years: int, rows: Sequence[RetentionRow], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Bewaartermijn verstreken")
        intro = QLabel(
            f"Deze dossiers zijn langer dan {years} jaar geleden afgesloten. Beoordeel per dossier "
            "of het vernietigd moet worden."
        )
        intro.setWordWrap(True)
        self.table = read_only_table(["Dossier", "Naam", "Afgesloten op"], "retention")
        fill_table(
            self.table,
            [(r.household_id, [r.dossier_number, r.name, date_text(r.closed_on)]) for r in rows],
        )
        destroy = QPushButton("Vernietigen…")
        destroy.setObjectName("destroy")
        destroy.setEnabled(bool(rows))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(destroy)
        layout.addWidget(_close_buttons(self))
        destroy.clicked.connect(self._destroy)
        self.resize(620, 420)

    def _destroy(self) -> None:
        household_id = selected_id(self.table)
        if household_id is not None:
            self.destroyRequested.emit(household_id)


REASSESS_LABELS = ("Na veilig", "Na zorgelijk", "Na onveilig", "Na acuut onveilig")
REASSESS_KEYS = (
    REASSESS_VEILIG_WEEKS,
    REASSESS_ZORGELIJK_WEEKS,
    REASSESS_ONVEILIG_WEEKS,
    REASSESS_ACUUT_WEEKS,
)

SettingsAnswer = tuple[int, int, tuple[int, ...], bool]


class SettingsDialog(QDialog):
    def __init__(
        self,
        autolock_minutes: int,
        retention_years: int,
        parent: QWidget | None = None,
        *,
        reassess_weeks: tuple[int, ...] = (),
        review_by_gedragswetenschapper: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Instellingen")
        self.autolock = QSpinBox()
        self.autolock.setRange(*SETTING_LIMITS[AUTOLOCK_MINUTES])
        self.autolock.valueChanged.connect(self._minutes_suffix)
        self.autolock.setValue(autolock_minutes)
        self._minutes_suffix(autolock_minutes)
        self.retention = QSpinBox()
        self.retention.setRange(*SETTING_LIMITS[RETENTION_YEARS])
        self.retention.setValue(retention_years)
        self.retention.setSuffix(" jaar")
        form = QFormLayout()
        form.addRow("Vergrendelen na", self.autolock)
        form.addRow("Bewaartermijn na afsluiten", self.retention)
        buttons = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("De Jeugdwet noemt 20 jaar na de laatste vastlegging."))
        layout.addWidget(self._risk_box(reassess_weeks, review_by_gedragswetenschapper))
        layout.addWidget(buttons)

    def _risk_box(self, weeks: tuple[int, ...], by_gedragswetenschapper: bool) -> QGroupBox:
        """Risicotaxatie: the next taxatie after each conclusion, and who reviews."""
        box = QGroupBox("Risicotaxatie")
        form = QFormLayout(box)
        form.addRow(QLabel("Volgende taxatie, gerekend vanaf de datum van de conclusie:"))
        self.reassess: list[QSpinBox] = []
        for label, key, value in zip(
            REASSESS_LABELS,
            REASSESS_KEYS,
            weeks or tuple(SETTING_DEFAULTS[k] for k in REASSESS_KEYS),
            strict=True,
        ):
            spin = QSpinBox()
            spin.setObjectName(key)
            spin.setRange(*SETTING_LIMITS[key])
            spin.setValue(value)
            spin.setSuffix(" weken")
            self.reassess.append(spin)
            form.addRow(label, spin)
        self.review_by_gw = QCheckBox("Toetsing alleen door een gedragswetenschapper")
        self.review_by_gw.setObjectName("review_by_gedragswetenschapper")
        self.review_by_gw.setChecked(by_gedragswetenschapper)
        form.addRow(self.review_by_gw)
        return box

    def _minutes_suffix(self, minutes: int) -> None:
        self.autolock.setSuffix(" minuut" if minutes == 1 else " minuten")

    @classmethod
    def ask(
        cls,
        autolock_minutes: int,
        retention_years: int,
        parent: QWidget | None = None,
        *,
        reassess_weeks: tuple[int, ...] = (),
        review_by_gedragswetenschapper: bool = False,
    ) -> SettingsAnswer | None:
        dialog_ = cls(
            autolock_minutes,
            retention_years,
            parent,
            reassess_weeks=reassess_weeks,
            review_by_gedragswetenschapper=review_by_gedragswetenschapper,
        )
        with released(dialog_) as dialog:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return (
                dialog.autolock.value(),
                dialog.retention.value(),
                tuple(spin.value() for spin in dialog.reassess),
                dialog.review_by_gw.isChecked(),
            )


class RosterReviewDialog(QDialog):
    """The signed account list against the accounts in the database, for whoever holds the
    team key: put them back as signed, or sign them as they are now."""

    RESTORE, SIGN = 1, 2

    def __init__(
        self,
        intro: str,
        findings: str,
        accounts: Sequence[tuple[str, str, str, str]],
        *,
        can_restore: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Accountlijst controleren")
        heading = QLabel(intro)
        heading.setWordWrap(True)
        found = QLabel(findings)
        found.setObjectName("findings")
        found.setWordWrap(True)
        found.setStyleSheet("color: #b00020;")
        self.table = read_only_table(
            ["Inlognaam", "Rol", "Status", "Volgens de ondertekende lijst"], "roster"
        )
        fill_table(self.table, [(row[0], row) for row in accounts])
        buttons = QDialogButtonBox()
        self.restore = buttons.addButton(
            "Terugzetten zoals ondertekend", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore.setObjectName("restore")
        self.restore.setEnabled(can_restore)
        self.sign = buttons.addButton(
            "Ondertekenen zoals het nu is", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sign.setObjectName("sign")
        later = buttons.addButton("Later", QDialogButtonBox.ButtonRole.RejectRole)
        later.setObjectName("later")
        self.restore.clicked.connect(lambda: self.done(self.RESTORE))
        self.sign.clicked.connect(lambda: self.done(self.SIGN))
        later.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(found)
        layout.addWidget(QLabel("De accounts zoals ze nu in de database staan:"))
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(640, 420)
