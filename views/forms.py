"""A form dialog that checks its fields and never loses input.

Each field has its error label right under it. A typed field is checked when the user leaves
it (a choice at once); a shown error goes as soon as the text is right. Opslaan checks every
field and keeps the dialog open on a problem; closing with changes asks first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any, ClassVar, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from models.rules import Field, Spec
from models.validation import Problem, format_date, parse_date
from models.wording import PROBLEM
from views.keeping import announce

CHECKED = "1"  # a ticked check box's text (a werkkopie keeps texts)
Check = Callable[[], Problem | None]
D = TypeVar("D", bound=QDialog)
W = TypeVar("W", bound=QWidget)


@contextmanager
def released(dialog: D) -> Iterator[D]:
    """Use a dialog for one ``ask()`` and release it afterwards (novelWriter's softDelete):
    a closed dialog must not stay alive as a child of the main window."""
    try:
        yield dialog
    finally:
        dialog.deleteLater()


class DateLineEdit(QLineEdit):
    """A date typed as dd-mm-jjjj: faster than spinning a QDateEdit, and it may be empty."""

    def __init__(self, value: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(format_date(value), parent)
        self.setPlaceholderText("dd-mm-jjjj")
        self.setMaxLength(12)  # dd-mm-jjjj, with room for a stray space
        self.setMaximumWidth(140)

    def date_value(self) -> date | None:
        return parse_date(self.text(), required=False).value


def code_combo(items: list[tuple[str, str]], current: str = "", *, empty: str = "—") -> QComboBox:
    """A combo box of (code, label) items; the code is the item data."""
    combo = QComboBox()
    if empty:
        combo.addItem(empty, "")
    for code, label in items:
        combo.addItem(label, code)
    index = combo.findData(current)
    if index < 0 and current:  # a code from an older list stays selectable
        combo.addItem(current, current)
        index = combo.count() - 1
    combo.setCurrentIndex(max(index, 0))
    return combo


def save_cancel_buttons(dialog: QDialog) -> QDialogButtonBox:
    """Opslaan and Annuleren, wired to the dialog's accept and reject."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Save).setText("Opslaan")
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def confirm_discard(parent: QWidget) -> bool:
    """Ask before throwing away what the user typed; True means 'throw it away'."""
    answer = QMessageBox.question(
        parent,
        "Wijzigingen niet opgeslagen",
        "U heeft wijzigingen die nog niet zijn opgeslagen. Wilt u ze verwerpen?",
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard


class FormDialog(QDialog):
    """Base for Teamtafel's forms; subclasses add fields and implement ``value()``.

    While it is open, what is typed is kept as a werkkopie (:mod:`views.keeping`) unless
    the form sets ``keeps_werkkopie = False`` (a form that takes a password).
    """

    edited = Signal()  # the user changed a field
    keeps_werkkopie: ClassVar[bool] = True

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self._checks: dict[str, Check] = {}
        self._fields: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        self._boxes: dict[str, QWidget] = {}
        self._dirty = False
        self._loading = True
        self._typed: set[str] = set()  # fields typed in: checked when left

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.buttons = save_cancel_buttons(self)

        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    # --- building the form ------------------------------------------------------------

    def add_field(
        self,
        key: str,
        label: str,
        widget: W,
        check: Check | None = None,
        *,
        beside: QWidget | None = None,
    ) -> W:
        """A labelled field with its error line under it; ``beside`` stands right of it."""
        error = QLabel()
        error.setObjectName(f"error_{key}")
        error.setWordWrap(True)
        error.setStyleSheet("color: #b00020;")
        error.hide()
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if beside is None:
            column.addWidget(widget)
        else:
            row = QHBoxLayout()
            row.addWidget(widget, 1)
            row.addWidget(beside)
            column.addLayout(row)
        column.addWidget(error)
        widget.setObjectName(key)
        self.form.addRow(label, box)
        self._boxes[key] = box
        self._fields[key] = widget
        self._errors[key] = error
        if check is not None:
            self._checks[key] = check
        self._watch(key, widget)
        return widget

    def apply_rules(self, spec: Spec) -> None:
        """The rules of :mod:`models.rules` for this form's fields: a '*' after the label of a
        required field, the maximum length, and both checked with the field (after the
        field's own check, e.g. a date's format).  The service checks the same rules."""
        for key, rule in spec.items():
            widget = self._fields.get(key)
            if widget is None:
                continue
            limit = rule.input_length or rule.max_length
            if limit is not None and isinstance(widget, QLineEdit):
                # Never cut a longer stored text: it shows as too long instead.
                widget.setMaxLength(max(limit, len(widget.text())))
            own = self._checks.get(key)

            def check(
                own: Check | None = own, rule: Field = rule, widget: QWidget = widget
            ) -> Problem | None:
                return (own() if own else None) or rule.check(text_of(widget))

            self._checks[key] = check
            label = self.form.labelForField(self._boxes[key])
            if isinstance(label, QLabel):
                base = label.text().removesuffix(" *")
                label.setText(f"{base} *" if rule.required else base)

    def required_marked(self, key: str) -> bool:
        label = self.form.labelForField(self._boxes[key])
        return isinstance(label, QLabel) and label.text().endswith(" *")

    def add_section(self, title: str) -> None:
        header = QLabel(f"<b>{title}</b>")
        header.setContentsMargins(0, 8, 0, 0)
        self.form.addRow(header)

    def _watch(self, key: str, widget: QWidget) -> None:
        """A choice is checked at once; typed text when the field is left (``eventFilter``),
        not after its first keystroke. Shown errors go as soon as their text is right (one
        field's error may hang on another's text: a repeated password)."""

        def changed(*_args: object) -> None:
            if self._loading:
                return
            self._dirty = True
            if isinstance(widget, QComboBox | QCheckBox):
                self.check_field(key)
            else:
                self._typed.add(key)
            for shown in [k for k in self._errors if self.error_text(k)]:
                if (check := self._checks.get(shown)) is None or check() is None:
                    self.show_problem(shown, None)
            self.edited.emit()

        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(changed)
            widget.installEventFilter(self)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(changed)
            widget.installEventFilter(self)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(changed)
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        """Leaving a field the user typed in checks it."""
        if event.type() == QEvent.Type.FocusOut:
            key = next((k for k, w in self._fields.items() if w is watched), None)
            if key in self._typed:
                self.check_field(key)
        return super().eventFilter(watched, event)

    def fill(self, values: dict[str, str]) -> None:
        """Put back what was typed before (a draft the store refused): texts, or combo codes."""
        for key, value in values.items():
            widget = self._fields[key]
            if isinstance(widget, QLineEdit):
                widget.setText(value)
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value)
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(widget.findData(value), 0))
            elif isinstance(widget, QCheckBox):
                widget.setChecked(value == CHECKED)
        self._dirty = self._dirty or not self._loading

    def snapshot(self) -> dict[str, str]:
        """Every field's text (a combo's code) as typed now; never a password field's."""
        return {
            key: text_of(widget)
            for key, widget in self._fields.items()
            if not (
                isinstance(widget, QLineEdit) and widget.echoMode() != QLineEdit.EchoMode.Normal
            )
        }

    def restore(self, texts: dict[str, str]) -> list[str]:
        """Put back a werkkopie: the texts of the fields this form still has. A choice that
        is no longer offered is left empty (never swapped for another); its key is
        returned, so the user can be told to choose again."""
        left_out = []
        for key, value in texts.items():
            widget = self._fields.get(key)
            if isinstance(widget, QComboBox) and widget.findData(value) < 0:
                left_out.append(key)  # and no choice proposed: the user chooses again
                widget.setCurrentIndex(widget.findData(""))  # the empty item, or none (-1)
            elif widget is not None:
                self.fill({key: value})
        return left_out

    def field_label(self, key: str) -> str:
        """The field's label as the user reads it (without the '*' of a required field)."""
        label = self.form.labelForField(self._boxes[key]) if key in self._boxes else None
        text = label.text() if isinstance(label, QLabel) else key
        return text.removesuffix(" *").replace("&", "")

    def finish_loading(self) -> None:
        """Call at the end of a subclass's __init__: edits from here on count as changes."""
        self._loading = False

    # --- checking -----------------------------------------------------------------------

    def check_field(self, key: str) -> bool:
        check = self._checks.get(key)
        problem = check() if check else None
        self.show_problem(key, problem)
        return problem is None

    def show_problem(self, key: str, problem: Problem | None) -> None:
        error = self._errors[key]
        if problem is None:
            error.clear()
            error.hide()
        else:
            error.setText(PROBLEM[problem])
            error.show()

    def show_problems(self, problems: dict[str, Problem]) -> None:
        for key, problem in problems.items():
            if key in self._errors:
                self.show_problem(key, problem)

    def error_text(self, key: str) -> str:
        return self._errors[key].text() if not self._errors[key].isHidden() else ""

    def field(self, key: str) -> Any:
        return self._fields[key]

    def is_dirty(self) -> bool:
        return self._dirty

    def run(self, problems: dict[str, Problem] | None = None) -> bool:
        """Show modally, with problems from an earlier try under their fields; True on Opslaan.

        The cursor starts in the field to fix, or else the first field to fill: never on
        Opslaan, where a space typed straight after Ctrl+N would save the form.
        """
        self.show_problems(problems or {})
        announce(self)  # a werkkopie may be put back here
        self.focus_first_field(problems or {})
        return self.exec() == QDialog.DialogCode.Accepted

    def focus_first_field(self, problems: dict[str, Problem] | None = None) -> None:
        wrong = [key for key in self._fields if key in (problems or {})]
        empty = [
            key
            for key, widget in self._fields.items()
            if isinstance(widget, QLineEdit | QPlainTextEdit)
            and widget.isEnabled()
            and not text_of(widget)
        ]
        enabled = [key for key, widget in self._fields.items() if widget.isEnabled()]
        for candidates in (wrong, empty, enabled):
            if candidates:
                self._fields[candidates[0]].setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def accept(self) -> None:
        invalid = [key for key in self._fields if not self.check_field(key)]
        if invalid:
            self._fields[invalid[0]].setFocus()
            return
        super().accept()

    def reject(self) -> None:
        if self._dirty and not self.confirm_discard():
            return
        super().reject()

    def confirm_discard(self) -> bool:
        return confirm_discard(self)


def text_of(widget: QWidget) -> str:
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QComboBox):
        return str(widget.currentData() or "")
    if isinstance(widget, QCheckBox):
        return CHECKED if widget.isChecked() else ""
    raise TypeError(type(widget).__name__)
