"""The reminders of the whole store, read once per change and shared by the case list (its
"next reminder" column and reminder filter) and the reminders panel.

``storage.casework.reminders.reminders`` computes every reminder from the case files; on a large
store that takes a few hundred milliseconds, so it runs on the store worker *after* the
case list has been shown, and again after an edit (``reload``). Until it has arrived,
``loaded`` is false and the users of the index show that they are waiting.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal

from storage.casework.reminders import reminders
from storage.records import (
    Reminder,
    ReminderKind,
)
from ui.runtime.session_api import SessionAPI

#: How far ahead reminders are read: far enough to include gallring (five years).
HORIZON_DAYS = 6 * 366
#: What "due soon" means in the panel and the case-list filter.
DUE_SOON_DAYS = 30

REMINDER_ANY = "any"
REMINDER_DUE_SOON = "due_soon"
REMINDER_OVERDUE = "overdue"


class ReminderIndex(QObject):
    changed = Signal()

    def __init__(self, session: SessionAPI, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._generation = 0
        self._rows: tuple[Reminder, ...] = ()
        self._next: dict[int, Reminder] = {}
        self._today = dt.date.today()
        self.loaded = False
        session.guard.register(self)

    # ------------------------------------------------------------------ loading
    def reload(self) -> None:
        if not self._session.is_unlocked:
            return
        self._generation += 1
        generation = self._generation
        self._session.run(
            None,
            lambda store: reminders(store, within_days=HORIZON_DAYS),
            lambda rows: self._loaded(generation, rows),
            lambda _exc: self._loaded(generation, []),
            progress=False,
        )

    def _loaded(self, generation: int, rows: Any) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        if not self._session.is_unlocked:
            return
        self.set_rows(list(rows), dt.date.today())

    def set_rows(self, rows: list[Reminder], today: dt.date) -> None:
        self._rows = tuple(rows)
        self._today = today
        earliest: dict[int, Reminder] = {}
        for item in self._rows:  # sorted by due date: the first one per case is the next
            earliest.setdefault(item.case_id, item)
        self._next = earliest
        self.loaded = True
        self.changed.emit()

    def clear_for_lock(self) -> None:
        self._generation += 1
        self._rows = ()
        self._next = {}
        self.loaded = False
        self.changed.emit()

    # ------------------------------------------------------------------ queries
    @property
    def today(self) -> dt.date:
        return self._today

    def next_for(self, case_id: int) -> Reminder | None:
        return self._next.get(case_id)

    def next_map(self) -> dict[int, Reminder]:
        """Case id → its next reminder (a snapshot: the index replaces, never mutates it)."""
        return self._next

    def due(
        self, within_days: int = DUE_SOON_DAYS, kind: ReminderKind | None = None
    ) -> list[Reminder]:
        """Reminders due on or before today + ``within_days`` (overdue included)."""
        limit = self._today + dt.timedelta(days=within_days)
        return [r for r in self._rows if r.due_on <= limit and (kind is None or r.kind is kind)]

    def case_ids(self, mode: str) -> frozenset[int]:
        """Cases with any reminder, one due soon, or one overdue."""
        if mode == REMINDER_ANY:
            return frozenset(self._next)
        days = DUE_SOON_DAYS if mode == REMINDER_DUE_SOON else -1
        limit = self._today + dt.timedelta(days=days)
        return frozenset(c for c, r in self._next.items() if r.due_on <= limit)

    def is_overdue(self, item: Reminder) -> bool:
        return item.due_on < self._today
