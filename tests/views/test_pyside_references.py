"""PySide6 must not lose references to None, True or False.

PySide6 6.12.0 on Python 3.11 dropped one reference to None on every call of a Qt method that
returns nothing, and Python aborted the whole program ("Fatal Python error: none_dealloc")
after about 50,000 of them: a few minutes of meeting mode on a large team. requirements.txt
pins a version without that fault; this test fails (or crashes) on one that has it.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QStandardItem
from PySide6.QtWidgets import QCheckBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

CALLS = 2_000  # 8,000 calls: a faulty build loses thousands of references and fails (not aborts)


def test_calls_that_return_nothing_keep_none_true_and_false_alive(qtbot: QtBot) -> None:
    label, box, item = QLabel(), QCheckBox(), QStandardItem()
    qtbot.addWidget(label)
    qtbot.addWidget(box)
    before = [sys.getrefcount(x) for x in (None, True, False)]
    for n in range(CALLS):
        label.setText("Yılmaz")
        box.setChecked(n % 2 == 0)
        item.setData("Zoë van 't Hart")
        QWidget.setEnabled(label, True)
    after = [sys.getrefcount(x) for x in (None, True, False)]
    # a few references may come and go with Python's own work; thousands may not go
    assert all(a > b - 100 for a, b in zip(after, before, strict=True)), (before, after)
