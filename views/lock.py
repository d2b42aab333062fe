"""The lock screen: an opaque cover over every open window, with the password field on top.

The windows underneath are not closed or hidden (hiding a dialog would end it), so
whatever was typed before the lock is still there after it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget


class LockOverlay(QWidget):
    unlockRequested = Signal(str)

    def __init__(self, window: QWidget, *, with_password: bool, user_name: str) -> None:
        super().__init__(window)
        self.setObjectName("lock_overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#lock_overlay { background: #2f3b4c; } QLabel { color: white; }")
        self.password: QLineEdit | None = None
        self.error = QLabel()
        self.error.setStyleSheet("color: #ffb4b4;")
        self.error.hide()
        title = QLabel("<h2>Teamtafel is vergrendeld</h2>")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(title)
        if with_password:
            who = QLabel(f"Ingelogd als {user_name}. Vul uw wachtwoord in om verder te werken.")
            who.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.password = QLineEdit()
            self.password.setObjectName("lock_password")
            self.password.setEchoMode(QLineEdit.EchoMode.Password)
            self.password.setMaximumWidth(260)
            button = QPushButton("Ontgrendelen")
            button.setObjectName("unlock")
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(self.password)
            row.addWidget(button)
            row.addStretch(1)
            column.addWidget(who)
            column.addLayout(row)
            column.addWidget(self.error, 0, Qt.AlignmentFlag.AlignCenter)
            button.clicked.connect(self._submit)
            self.password.returnPressed.connect(self._submit)
        column.addStretch(2)
        self.setLayout(column)
        window.installEventFilter(self)
        self.setGeometry(window.rect())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        parent = self.parentWidget()
        # ``watched`` is never None, so this also holds when the overlay has no parent.
        if watched is parent and event.type() == QEvent.Type.Resize:
            self.setGeometry(parent.rect())
        return False

    def _submit(self) -> None:
        if self.password is not None:
            self.unlockRequested.emit(self.password.text())

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        if self.password is not None:
            self.password.clear()
            self.password.setFocus()
