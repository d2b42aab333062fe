"""Logging in, creating the first beheerder, and showing the recovery code once."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.rules import ACCOUNT, MIN_PASSWORD_LENGTH, check_password
from models.validation import Problem, check_required
from views.forms import FormDialog, released, text_of

# verify(login, password) -> a Dutch message when it failed, None when it worked
Verify = Callable[[str, str], str | None]


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def _add_new_password(dialog: FormDialog, key: str, label: str, again_label: str) -> None:
    """A new password and its repetition, each checked as the form's other fields are."""
    new = dialog.add_field(key, label, _password_edit())
    new.setPlaceholderText(f"minstens {MIN_PASSWORD_LENGTH} tekens")
    dialog._checks[key] = lambda: check_password(new.text())
    again = dialog.add_field("again", again_label, _password_edit())
    dialog._checks["again"] = lambda: (
        Problem.PASSWORD_MISMATCH if again.text() != new.text() else None
    )


# recover(code, login, new password) -> a Dutch message when it failed, None when it worked
Recover = Callable[[str, str, str], str | None]


class LoginDialog(QDialog):
    def __init__(
        self,
        verify: Verify,
        hint: str = "",
        parent: QWidget | None = None,
        recover: Recover | None = None,
    ) -> None:
        super().__init__(parent)
        self._recover = recover
        self.setWindowTitle("Teamtafel — inloggen")
        self._verify = verify
        title = QLabel("<h2>Teamtafel</h2>Log in om de dossiers van uw team te openen.")
        self.login = QLineEdit()
        self.login.setObjectName("login")
        self.password = _password_edit()
        self.password.setObjectName("password")
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        form = QFormLayout()
        form.addRow("Inlognaam", self.login)
        form.addRow("Wachtwoord", self.password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Inloggen")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Afsluiten")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.error)
        if hint:
            note = QLabel(hint)
            note.setObjectName("hint")
            note.setWordWrap(True)
            note.setStyleSheet(
                "background: #eef4ff; border: 1px solid #9ab; border-radius: 4px; padding: 6px;"
            )
            layout.addWidget(note)
        if recover is not None:
            forgot = QPushButton("Wachtwoord kwijt? Herstelcode gebruiken…")
            forgot.setObjectName("recover")
            forgot.setFlat(True)
            forgot.clicked.connect(self._use_recovery_code)
            layout.addWidget(forgot, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def accept(self) -> None:
        if not self.login.text().strip() or not self.password.text():
            self._show("Vul uw inlognaam en wachtwoord in.")
            return
        message = self._verify(self.login.text().strip(), self.password.text())
        if message:
            self._show(message)
            self.password.clear()
            self.password.setFocus()
            return
        self.password.clear()
        super().accept()

    def _use_recovery_code(self) -> None:
        assert self._recover is not None
        answer = RecoveryDialog.ask(self)
        if answer is None:
            return
        message = self._recover(*answer)
        if message:
            self._show(message)
            return
        self.login.setText(answer[1])
        self._show("Het nieuwe wachtwoord is ingesteld. Log nu in.")

    def _show(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    @classmethod
    def ask(
        cls,
        verify: Verify,
        hint: str = "",
        parent: QWidget | None = None,
        recover: Recover | None = None,
    ) -> bool:
        with released(cls(verify, hint, parent, recover)) as dialog:
            return dialog.exec() == QDialog.DialogCode.Accepted


class FirstAdminDialog(FormDialog):
    """The first start of a new database: who will be its first beheerder?"""

    keeps_werkkopie = False  # it takes a password or a recovery code

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Nieuwe database: eerste beheerder", parent)
        intro = QLabel(
            "De database wordt versleuteld. Maak het account van de eerste beheerder aan; "
            "die kan daarna de andere teamleden toevoegen."
        )
        intro.setWordWrap(True)
        self.form.insertRow(0, intro)
        self.add_field("name", "Naam *", QLineEdit())
        self.add_field("login", "Inlognaam *", QLineEdit())
        _add_new_password(self, "password", "Wachtwoord *", "Herhaal wachtwoord *")
        self.apply_rules(ACCOUNT)
        self.setMinimumWidth(460)
        self.finish_loading()

    def value(self) -> tuple[str, str, str]:
        return (
            text_of(self.field("name")),
            text_of(self.field("login")),
            text_of(self.field("password")),
        )

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> tuple[str, str, str] | None:
        with released(cls(parent)) as dialog:
            return dialog.value() if dialog.run() else None


class RecoveryCodeDialog(QDialog):
    """Shown once: the code that unlocks the database when every password is lost."""

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Herstelcode")
        text = QLabel(
            "Dit is de herstelcode van deze database. Hiermee kan een beheerder een nieuw "
            "wachtwoord instellen als alle wachtwoorden kwijt zijn. <b>Schrijf hem op en bewaar "
            "hem veilig, gescheiden van de laptop.</b> Teamtafel toont hem maar één keer."
        )
        text.setWordWrap(True)
        self.code = QLabel(code)
        self.code.setObjectName("code")
        font = QFont("DejaVu Sans Mono")
        font.setPointSize(16)
        self.code.setFont(font)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.saved = QCheckBox("Ik heb de herstelcode opgeschreven")
        self.saved.setObjectName("saved")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Verder")
        self.ok.setEnabled(False)
        self.saved.toggled.connect(self.ok.setEnabled)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.code)
        layout.addWidget(self.saved)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def reject(self) -> None:  # the code must be acknowledged, not closed away
        if self.saved.isChecked():
            super().reject()

    @classmethod
    def show_code(cls, code: str, parent: QWidget | None = None) -> None:
        with released(cls(code, parent)) as dialog:
            dialog.exec()


class PasswordDialog(FormDialog):
    """Change your own password: the old one, and the new one twice."""

    keeps_werkkopie = False  # it takes a password or a recovery code

    def __init__(
        self, parent: QWidget | None = None, title: str = "Wachtwoord wijzigen", intro: str = ""
    ) -> None:
        super().__init__(title, parent)
        if intro:
            label = QLabel(intro)
            label.setWordWrap(True)
            self.form.insertRow(0, label)
        old = self.add_field("old", "Huidig wachtwoord *", _password_edit())
        self._checks["old"] = lambda: check_required(old.text())
        _add_new_password(self, "new", "Nieuw wachtwoord *", "Herhaal nieuw wachtwoord *")
        self.finish_loading()

    def value(self) -> tuple[str, str]:
        return text_of(self.field("old")), text_of(self.field("new"))

    @classmethod
    def ask(
        cls, parent: QWidget | None = None, title: str = "Wachtwoord wijzigen", intro: str = ""
    ) -> tuple[str, str] | None:
        """(old password, new password), or None when cancelled."""
        with released(cls(parent, title, intro)) as dialog:
            return dialog.value() if dialog.run() else None


class NewPasswordDialog(FormDialog):
    """A beheerder sets a temporary password for a colleague: typed twice."""

    keeps_werkkopie = False  # it takes a password or a recovery code

    def __init__(self, login: str, parent: QWidget | None = None) -> None:
        super().__init__("Tijdelijk wachtwoord", parent)
        intro = QLabel(
            f"Een tijdelijk wachtwoord voor <b>{login}</b>. Geef het persoonlijk door; bij de "
            "volgende keer inloggen kiest het teamlid een eigen wachtwoord."
        )
        intro.setWordWrap(True)
        self.form.insertRow(0, intro)
        _add_new_password(self, "new", "Tijdelijk wachtwoord *", "Herhaal wachtwoord *")
        self.setMinimumWidth(420)
        self.finish_loading()

    def value(self) -> str:
        return text_of(self.field("new"))

    @classmethod
    def ask(cls, parent: QWidget | None, login: str) -> str | None:
        with released(cls(login, parent)) as dialog:
            return dialog.value() if dialog.run() else None


class RecoveryDialog(FormDialog):
    """All passwords lost: the recovery code sets a new one for a beheerder account."""

    keeps_werkkopie = False  # it takes a password or a recovery code

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Herstelcode gebruiken", parent)
        code = self.add_field("code", "Herstelcode *", QLineEdit())
        code.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX")
        self._checks["code"] = lambda: check_required(code.text())
        login = self.add_field("login", "Inlognaam beheerder *", QLineEdit())
        self._checks["login"] = lambda: check_required(login.text())
        _add_new_password(self, "new", "Nieuw wachtwoord *", "Herhaal nieuw wachtwoord *")
        self.finish_loading()

    def value(self) -> tuple[str, str, str]:
        return text_of(self.field("code")), text_of(self.field("login")), text_of(self.field("new"))

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> tuple[str, str, str] | None:
        with released(cls(parent)) as dialog:
            return dialog.value() if dialog.run() else None
