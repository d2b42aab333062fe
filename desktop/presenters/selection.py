"""The person selected in a dossier, shared by its sections without one knowing another."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QObject, Signal


class PersonSelection(QObject):
    """One per dossier tab: a section that lists persons says which one the user selected
    (the members table); a section that works on one person follows it (the ZRM member box)."""

    changed = Signal(object)  # uuid.UUID

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.person_id: uuid.UUID | None = None

    def select(self, person_id: object) -> None:
        """A selection that became empty changes nothing: the followers keep their person."""
        if isinstance(person_id, uuid.UUID) and person_id != self.person_id:
            self.person_id = person_id
            self.changed.emit(person_id)


class PersonMarks(QObject):
    """One per dossier tab: short notes that stand beside a member in *Gezinsleden* (a
    child's safety), set by the section that knows them, shown by the members section."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.marks: dict[uuid.UUID, tuple[str, str]] = {}  # person -> (text, colour)

    def set(self, marks: dict[uuid.UUID, tuple[str, str]]) -> None:
        if marks != self.marks:
            self.marks = dict(marks)
            self.changed.emit()
