"""The case list as an item model: row ids only, masked summaries fetched on demand.

A reload asks the store worker for the ids that match the filters
(``storage.casefile.cases.list_case_ids``: search text, status, case type, order) plus the masked
summaries of the first :data:`BATCH` rows, in one job. Every other row's summary
(``case_summaries``) is fetched in batches of :data:`BATCH` the first time a view asks for
it; until then the row shows "…". Nothing else about a case is ever read here, so a list of
10,000 cases costs 10,000 integers plus the rows that have been on screen.

Sorting re-queries (``order_by``): case number, status and opening date are sorted by the
store; the next-reminder column by the shared :class:`ui.cases.reminder_index.ReminderIndex`.
The reminder filter (any / due soon / overdue) uses the same index. A search shows its
ranking until a column is chosen. ``clear_for_lock`` empties the model.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from storage.casefile.case_list import list_case_ids
from storage.casefile.summaries import case_summaries
from storage.records import (
    CaseStatus,
    CaseSummary,
    Reminder,
)
from storage.vault.store import Store
from ui.cases.reminder_index import ReminderIndex
from ui.kit import labels
from ui.kit.tables import Cell, TableModel
from ui.runtime.error_dialog import show_error
from ui.runtime.session_api import SessionAPI

BATCH = 100
_Index = QModelIndex | QPersistentModelIndex
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1

COL_NUMBER, COL_LABEL, COL_TYPE, COL_STATUS, COL_CASEWORKER, COL_OPENED, COL_REMINDER = range(7)
#: column → (order_by when ascending, order_by when descending); number and status are
#: reversed here for descending
_STORE_SORT = {
    COL_NUMBER: ("number", "number"),
    COL_STATUS: ("status", "status"),
    COL_OPENED: ("opened_asc", "opened_desc"),
}
SORTABLE = frozenset({*_STORE_SORT, COL_REMINDER})
OPEN_STATUSES = tuple(s for s in CaseStatus if not s.is_terminal)
FINISHED_STATUSES = tuple(s for s in CaseStatus if s.is_terminal)
OVERDUE_COLOUR = QColor("#8b1014")
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


@dataclass(frozen=True)
class CaseFilter:
    query: str = ""
    statuses: tuple[CaseStatus, ...] | None = None
    case_type: str | None = None
    reminder: str | None = None  # ui.cases.reminder_index.REMINDER_*


def _query_ids(store: Store, flt: CaseFilter, sort: tuple[int, Qt.SortOrder] | None) -> list[int]:
    """The matching ids in display order (runs on the store worker)."""
    status = list(flt.statuses) if flt.statuses is not None else None
    if sort is None or sort[0] not in _STORE_SORT:
        order_by = "opened_desc"
        reverse = False
    else:
        ascending = sort[1] == Qt.SortOrder.AscendingOrder
        order_by = _STORE_SORT[sort[0]][0 if ascending else 1]
        reverse = order_by in ("number", "status") and not ascending
    if flt.query.strip():
        ranked = list_case_ids(store, flt.query, status, flt.case_type)
        if sort is None or sort[0] not in _STORE_SORT:
            return ranked
        wanted = set(ranked)
        ordered = list_case_ids(store, None, status, flt.case_type, order_by)
        ids = [i for i in ordered if i in wanted]
    else:
        ids = list_case_ids(store, None, status, flt.case_type, order_by)
    return ids[::-1] if reverse else ids


def _reminder_sorted(ids: list[int], nexts: dict[int, Reminder], order: Qt.SortOrder) -> list[int]:
    """Cases with a reminder by its due date (soonest first when ascending), then the rest."""
    with_due = sorted((i for i in ids if i in nexts), key=lambda i: (nexts[i].due_on, i))
    if order == Qt.SortOrder.DescendingOrder:
        with_due.reverse()
    return with_due + [i for i in ids if i not in nexts]


class CaseListModel(TableModel[CaseSummary]):
    """Rows are case ids; summaries come in batches from the store worker."""

    reloaded = Signal(int)  # the number of rows after a reload
    rows_fetched = Signal()  # a batch of summaries arrived

    def __init__(
        self, session: SessionAPI, reminders: ReminderIndex, parent: QObject | None = None
    ) -> None:
        super().__init__(_case_headers, self._row, parent, placeholder="…")
        self._session = session
        self._reminders = reminders
        self._filter = CaseFilter()
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._ids: list[int] = []
        self._cache: dict[int, CaseSummary] = {}
        self._pending: set[int] = set()
        self._generation = 0
        self.loading = False
        self.reload_requested = False
        reminders.changed.connect(self._reminders_changed)
        session.guard.register(self)

    # ------------------------------------------------------------------ filters and sorting
    @property
    def case_filter(self) -> CaseFilter:
        return self._filter

    @property
    def sort_key(self) -> tuple[int, Qt.SortOrder] | None:
        return self._sort

    def set_filter(self, flt: CaseFilter) -> None:
        if flt.query.strip() != self._filter.query.strip():
            self._sort = None if flt.query.strip() else self._sort  # a search shows its ranking
        self._filter = flt
        self.reload()

    def set_query(self, text: str) -> None:
        self.set_filter(replace(self._filter, query=text))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in SORTABLE:
            return
        self._sort = (column, order)
        self.reload()

    # ------------------------------------------------------------------ loading
    def reload(self) -> None:
        """Query the ids again (filters, order) and the first batch of summaries."""
        if not self._session.is_unlocked:
            return
        self._generation += 1
        generation = self._generation
        flt, sort = self._filter, self._sort
        needs_index = flt.reminder is not None or (sort is not None and sort[0] == COL_REMINDER)
        if needs_index and not self._reminders.loaded:
            self.reload_requested = True  # done when the reminders arrive
            return
        self.reload_requested = False
        allowed = self._reminders.case_ids(flt.reminder) if flt.reminder else None
        nexts = self._reminders.next_map()
        self.loading = True

        def work(store: Store) -> tuple[list[int], list[CaseSummary]]:
            ids = _query_ids(store, flt, sort)
            if allowed is not None:
                ids = [i for i in ids if i in allowed]
            if sort is not None and sort[0] == COL_REMINDER:
                ids = _reminder_sorted(ids, nexts, sort[1])
            return ids, case_summaries(store, ids[:BATCH])

        self._session.run(
            None,
            work,
            lambda result: self._reloaded(generation, result),
            lambda exc: self._failed(generation, exc),
            progress=False,
        )

    def _alive(self, generation: int) -> bool:
        return (
            shiboken6.isValid(self) and generation == self._generation and self._session.is_unlocked
        )

    def _reloaded(self, generation: int, result: Any) -> None:
        if not self._alive(generation):
            return
        ids, first = result
        self.beginResetModel()
        self._ids = list(ids)
        self._cells = {}
        self._cache = {s.case_id: s for s in first}
        self._pending = set()
        self.loading = False
        self.endResetModel()
        self.reloaded.emit(len(self._ids))

    def _failed(self, generation: int, exc: BaseException) -> None:
        if not self._alive(generation):
            return
        self.loading = False
        parent = self.parent()
        show_error(parent if isinstance(parent, QWidget) else None, exc)

    def _fetch_batch(self, batch: int) -> None:
        if batch in self._pending or not self._session.is_unlocked:
            return
        self._pending.add(batch)
        generation = self._generation
        ids = self._ids[batch * BATCH : (batch + 1) * BATCH]
        self._session.run(
            None,
            lambda store: case_summaries(store, ids),
            lambda rows: self._batch_arrived(generation, batch, rows),
            lambda _exc: self._pending.discard(batch),
            progress=False,
        )

    def _batch_arrived(self, generation: int, batch: int, rows: Any) -> None:
        if not self._alive(generation):
            return
        self._pending.discard(batch)
        self._cache.update({s.case_id: s for s in rows})
        first = batch * BATCH
        last = min(first + BATCH, len(self._ids)) - 1
        self.refresh_rows(first, last)
        self.rows_fetched.emit()

    def _reminders_changed(self) -> None:
        if self.reload_requested:
            self.reload()
        elif self._ids:
            self.refresh()

    def clear_for_lock(self) -> None:
        self._generation += 1
        self.beginResetModel()
        self._ids = []
        self._cells = {}
        self._cache = {}
        self._pending = set()
        self._filter = CaseFilter()
        self._sort = None
        self.loading = False
        self.reload_requested = False
        self.endResetModel()

    # ------------------------------------------------------------------ access
    def case_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, case_id: int) -> int:
        try:
            return self._ids.index(case_id)
        except ValueError:
            return -1

    def summary(self, row: int) -> CaseSummary | None:
        case_id = self.case_id(row)
        return None if case_id is None else self._cache.get(case_id)

    def cached_count(self) -> int:
        return len(self._cache)

    def ids(self) -> list[int]:
        return list(self._ids)

    # ------------------------------------------------------------------ the table model
    def record(self, row: int) -> CaseSummary | None:
        """The masked summary of ``row``; when it is not here yet, its batch is fetched."""
        case_id = self.case_id(row)
        if case_id is None:
            return None
        summary = self._cache.get(case_id)
        if summary is None:
            self._fetch_batch(row // BATCH)
        return summary

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section <= COL_REMINDER
            and section not in SORTABLE
        ):
            return QCoreApplication.translate("CaseListModel", "This column cannot be sorted.")
        return super().headerData(section, orientation, role)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == CASE_ID_ROLE:
            return self.case_id(index.row()) if index.isValid() else None
        return super().data(index, role)

    def _row(self, summary: CaseSummary) -> list[str | Cell]:
        protection = QCoreApplication.translate("CaseListModel", "Protection: {level}").format(
            level=labels.label(summary.protection_level)
        )
        return [
            Cell(summary.case_number, tooltip=""),
            Cell(self._person_text(summary), tooltip=protection),
            Cell(labels.label(summary.case_type), tooltip=""),
            self._status_cell(summary),
            Cell(summary.caseworker, tooltip=""),
            Cell(labels.day(summary.opened_on), tooltip=""),
            self._reminder_cell(summary.case_id),
        ]

    @staticmethod
    def _status_cell(summary: CaseSummary) -> Cell:
        """The status, and this laptop's role as a badge when the case is shared."""
        status = labels.label(summary.status)
        if summary.team_role is None:
            return Cell(status, tooltip="")
        role = labels.team_role_text(summary.team_role)
        tip = QCoreApplication.translate("CaseListModel", "Shared case; your role: {role}")
        return Cell(f"{status} · {role}", tooltip=tip.format(role=role))

    @staticmethod
    def _person_text(summary: CaseSummary) -> str:
        if not summary.has_person:
            return QCoreApplication.translate("CaseListModel", "(no person yet)")
        if summary.initials is None and summary.birth_year is None:
            return QCoreApplication.translate("CaseListModel", "(protected)")
        year = str(summary.birth_year) if summary.birth_year is not None else ""
        return " · ".join(p for p in (summary.initials or "••", year) if p)

    def _reminder_cell(self, case_id: int) -> Cell:
        if not self._reminders.loaded:
            return Cell("…", tooltip="", accessible="")
        item = self._reminders.next_for(case_id)
        if item is None:
            return Cell("", tooltip="", accessible="")
        overdue = self._reminders.is_overdue(item)
        words = f"{labels.due_words(item.due_on, overdue)} · {labels.label(item.kind)}"
        return Cell(
            labels.due_text(item.due_on, overdue),
            tooltip=words,
            accessible=words,
            foreground=OVERDUE_COLOUR if overdue else None,
        )


def _case_headers() -> list[str]:
    return [
        QCoreApplication.translate("CaseListModel", "Case"),
        QCoreApplication.translate("CaseListModel", "Person"),
        QCoreApplication.translate("CaseListModel", "Type"),
        QCoreApplication.translate("CaseListModel", "Status"),
        QCoreApplication.translate("CaseListModel", "Caseworker"),
        QCoreApplication.translate("CaseListModel", "Opened"),
        QCoreApplication.translate("CaseListModel", "Next reminder"),
    ]
