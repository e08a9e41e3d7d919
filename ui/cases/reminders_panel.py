"""The reminders panel: threat reviews, consents, provider controls, follow-ups, gallring and
the caseworkers' own reminders that are due soon or overdue, soonest first.

The rows come from the shared :class:`ui.cases.reminder_index.ReminderIndex` (masked case labels
only). Enter or a double click opens the case; "Done" completes a caseworker's own reminder
(``storage.casefile.followups.complete_reminder``). Overdue rows say so in words, not only
in colour.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from storage.casefile.followups import complete_reminder
from storage.records import (
    FollowUpKind,
    Reminder,
    ReminderKind,
)
from ui.cases.reminder_index import (
    DUE_SOON_DAYS,
    ReminderIndex,
)
from ui.kit import labels
from ui.kit.tables import Cell, TableModel, use_eliding_header
from ui.runtime.session_api import SessionAPI

_Index = QModelIndex | QPersistentModelIndex
OVERDUE_COLOUR = QColor("#8b1014")
RANGES = (DUE_SOON_DAYS, 90, 365)


def reminder_text(item: Reminder) -> str:
    """What the reminder is about: its kind, and the follow-up kind or the caseworker's note."""
    text = labels.label(item.kind)
    if item.kind is ReminderKind.FOLLOW_UP and item.note in FollowUpKind.codes():
        return labels.label(FollowUpKind(item.note))
    if item.kind is ReminderKind.MANUAL and item.note:
        return f"{text}: {item.note}"
    return text


def _reminder_headers() -> list[str]:
    return [
        QCoreApplication.translate("RemindersModel", "Due"),
        QCoreApplication.translate("RemindersModel", "What"),
        QCoreApplication.translate("RemindersModel", "Case"),
    ]


class RemindersModel(TableModel[Reminder]):
    """The store's reminders: when (overdue in words and colour), what, which case."""

    def __init__(self, index: ReminderIndex, parent: QObject | None = None) -> None:
        super().__init__(_reminder_headers, self._row, parent)
        self._index = index

    def reminder(self, row: int) -> Reminder | None:
        return self.record(row)

    def _row(self, item: Reminder) -> list[str | Cell]:
        overdue = self._index.is_overdue(item)
        words = labels.due_words(item.due_on, overdue)
        due = Cell(
            labels.due_text(item.due_on, overdue),
            tooltip=words,
            accessible=words,
            foreground=OVERDUE_COLOUR if overdue else None,
        )
        return [due, reminder_text(item), item.label]


class RemindersPanel(QWidget):
    caseRequested = Signal(int)

    def __init__(
        self, session: SessionAPI, index: ReminderIndex, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("remindersList")
        self.session = session
        self.index = index
        self.model = RemindersModel(index, self)
        self.kind = QComboBox(self)
        self.kind.setObjectName("reminderKind")
        self.range = QComboBox(self)
        self.range.setObjectName("reminderRange")
        self.table = QTableView(self)
        use_eliding_header(self.table)
        self.table.setObjectName("reminderTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.ensurePolished()  # the style sheet's font
        metrics = self.table.fontMetrics()
        header.resizeSection(0, metrics.horizontalAdvance("⚠ 2026-12-31") + 18)
        header.resizeSection(1, metrics.horizontalAdvance("uppföljning 12 månader") + 18)
        self.done_button = QPushButton(self)
        self.done_button.setObjectName("reminderDone")
        self.done_button.setEnabled(False)
        self.status = QLabel(self)
        self.status.setObjectName("reminderStatus")
        self.status.setWordWrap(True)
        for combo in (self.kind, self.range):  # narrow: the text is elided; the popup is wide
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(5)
        top = QHBoxLayout()
        top.addWidget(self.kind, 1)
        top.addWidget(self.range, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self.kind.currentIndexChanged.connect(self.refresh)
        self.range.currentIndexChanged.connect(self.refresh)
        index.changed.connect(self.refresh)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.done_button.clicked.connect(self.complete_current)
        self.retranslate()
        session.guard.register(self)
        session.guard.register(self.model)

    def retranslate(self) -> None:
        self.kind.setAccessibleName(self.tr("Kind of reminder"))
        self.range.setAccessibleName(self.tr("Period"))
        self.table.setAccessibleName(self.tr("Reminders"))
        self.done_button.setText(self.tr("&Done"))
        self.done_button.setToolTip(self.tr("Mark your own reminder as done"))
        for combo, items in (
            (
                self.kind,
                [(None, self.tr("All reminders"))] + [(k, labels.label(k)) for k in ReminderKind],
            ),
            (
                self.range,
                [(days, self.tr("Due within %n day(s)", "", days)) for days in RANGES],
            ),
        ):
            current = max(combo.currentIndex(), 0)
            combo.blockSignals(True)
            combo.clear()
            for data, text in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(current)
            combo.blockSignals(False)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        """Show the index's reminders with the chosen kind and period."""
        if not self.index.loaded:
            self.model.set_records([])
            self.status.setText(self.tr("Reading reminders…") if self.session.is_unlocked else "")
            self.done_button.setEnabled(False)
            return
        rows = self.index.due(
            int(self.range.currentData() or DUE_SOON_DAYS), self.kind.currentData()
        )
        self.model.set_records(rows)
        overdue = sum(1 for r in rows if self.index.is_overdue(r))
        self.status.setText(
            self.tr("%n reminder(s)", "", len(rows)) + ", " + self.tr("%n overdue", "", overdue)
        )
        self.done_button.setEnabled(False)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = self.model.reminder(current.row()) if current.isValid() else None
        self.done_button.setEnabled(item is not None and item.kind is ReminderKind.MANUAL)

    def _activated(self, index: QModelIndex) -> None:
        item = self.model.reminder(index.row())
        if item is not None:
            self.caseRequested.emit(item.case_id)

    def complete_current(self) -> None:
        item = self.model.reminder(self.table.currentIndex().row())
        if item is None or item.kind is not ReminderKind.MANUAL or item.ref_id is None:
            return
        ref = item.ref_id
        self.done_button.setEnabled(False)
        self.session.run(
            self,
            lambda store: complete_reminder(store, ref),
            lambda _r: self.index.reload(),
            progress=False,
        )

    def clear_for_lock(self) -> None:
        self.model.set_records([])
        self.status.clear()
        self.done_button.setEnabled(False)
