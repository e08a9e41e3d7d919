"""Reminders that reach the caseworker: at unlock, and when one falls due while unlocked.

:class:`ReminderNotifier` watches the shared reminder index (ui/cases/reminder_index.py).
The first time the index is read after an unlock it tells how many reminders are due today
or overdue, and of which kinds, and whether the yearly gallring is due; while the client
stays unlocked it checks once a minute whether the day has changed, reads the index again
and tells about the reminders that have newly fallen due (an edit that adds one due today
or earlier is told too). Each reminder is told once per unlock.

Where the desktop has a system tray (``QSystemTrayIcon.isSystemTrayAvailable``) the notice
is a desktop notification (``showMessage``); elsewhere it is a non-modal notice at the top
of the main window (:class:`NoticeBar`) with *Stäng*. The text names only the number of
reminders and their kinds — never a person, a case number or a reminder's own words: a
notification can be shown on a locked screen or kept by the operating system.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QSystemTrayIcon,
    QWidget,
)

from storage.casework.gallring_protocol import YearlyGallring, yearly_gallring
from storage.records import Reminder, ReminderKind
from ui.cases.reminder_index import ReminderIndex
from ui.kit import labels
from ui.runtime.session_api import SessionAPI

#: How often the day is checked while unlocked (ms).
DAY_CHECK_MS = 60_000

Key = tuple[str, int, int | None, str, dt.date]


def reminder_key(item: Reminder) -> Key:
    return (item.kind.value, item.case_id, item.ref_id, item.note, item.due_on)


class NoticeTexts(QObject):
    """The notice's words, with plural forms (the class name is their context)."""

    def due(self, count: int, kinds: str) -> str:
        return self.tr("%n reminder(s) due today or overdue: {kinds}.", "", count).format(
            kinds=kinds
        )

    def newly_due(self, count: int, kinds: str) -> str:
        return self.tr("%n more reminder(s) now due: {kinds}.", "", count).format(kinds=kinds)

    def yearly(self) -> str:
        return self.tr("The yearly gallring is due.")


def notice_text(rows: Iterable[Reminder], *, first: bool, yearly_due: bool = False) -> str:
    """How many reminders, and which kinds (in the domain's order) — nothing else."""
    items = list(rows)
    found = {item.kind for item in items}
    kinds = ", ".join(labels.label(kind) for kind in ReminderKind if kind in found)
    texts = NoticeTexts()
    parts = []
    if items:
        parts.append(texts.due(len(items), kinds) if first else texts.newly_due(len(items), kinds))
    if yearly_due:
        parts.append(texts.yearly())
    return " ".join(parts)


class NoticeBar(QFrame):
    """The in-window notice: the text and *Stäng* (never modal, never steals focus)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = QLabel(self)
        self.text.setObjectName("noticeText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("noticeClose")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.close_button)
        self.retranslate()
        self.setVisible(False)

    def retranslate(self) -> None:
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close the notice"))

    def show_text(self, text: str) -> None:
        self.text.setText(text)
        self.setAccessibleName(text)
        self.setVisible(True)

    def dismiss(self) -> None:
        self.text.clear()
        self.setVisible(False)


class ReminderNotifier(QObject):
    yearlyChanged = Signal(object)  # YearlyGallring, read at unlock

    def __init__(
        self,
        window: QWidget,
        session: SessionAPI,
        index: ReminderIndex,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.index = index
        self.today = today
        self.first = True
        self.seen: set[Key] = set()
        self.day = today()
        self.last_text = ""
        self.bar = NoticeBar(window)
        host = getattr(window, "add_notice", None)  # the main window's place for notices
        if callable(host):
            host(self.bar)
        self.tray: QSystemTrayIcon | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(DAY_CHECK_MS)
        self.timer.timeout.connect(self.check_day)
        index.changed.connect(self._index_changed)
        session.guard.register(self)

    # ------------------------------------------------------------------ watching
    def check_day(self) -> None:
        """A new day while unlocked: read the reminders again (newly due ones are told)."""
        now = self.today()
        if now != self.day and self.session.is_unlocked:
            self.day = now
            self.index.reload()

    def _index_changed(self) -> None:
        if not self.index.loaded or not self.session.is_unlocked:
            return
        self.timer.start()
        due = self.index.due(0)
        if self.first:
            self.first = False
            self.day = self.today()
            self.seen = {reminder_key(r) for r in due}
            self.session.run(
                None,
                yearly_gallring,
                lambda yearly: self._unlocked(due, yearly),
                lambda _exc: self._unlocked(due, None),
                progress=False,
            )
            return
        new = [r for r in due if reminder_key(r) not in self.seen]
        self.seen |= {reminder_key(r) for r in new}
        if new:
            self.notify(notice_text(new, first=False))

    def _unlocked(self, due: list[Reminder], yearly: YearlyGallring | None) -> None:
        if not self.session.is_unlocked:
            return
        if yearly is not None:
            self.yearlyChanged.emit(yearly)
        text = notice_text(due, first=True, yearly_due=yearly is not None and yearly.due)
        if text:
            self.notify(text)

    # ------------------------------------------------------------------ telling
    def notify(self, text: str) -> None:
        """A desktop notification where there is a tray, else the in-window notice."""
        self.last_text = text
        tray = self._tray()
        if tray is not None:
            tray.showMessage("Utväg", text, QSystemTrayIcon.MessageIcon.Information, 15_000)
        else:
            self.bar.show_text(text)

    def _tray(self) -> QSystemTrayIcon | None:
        if self.tray is None and QSystemTrayIcon.isSystemTrayAvailable():
            icon = self.window.windowIcon()
            if icon.isNull():
                icon = self.window.style().standardIcon(
                    QStyle.StandardPixmap.SP_MessageBoxInformation
                )
            self.tray = QSystemTrayIcon(QIcon(icon), self)
            self.tray.setToolTip("Utväg")
        if self.tray is not None and not self.tray.isVisible():
            self.tray.show()
        return self.tray

    # ------------------------------------------------------------------ lock
    def clear_for_lock(self) -> None:
        self.timer.stop()
        self.first = True
        self.seen = set()
        self.last_text = ""
        self.bar.dismiss()
        if self.tray is not None:
            self.tray.hide()
