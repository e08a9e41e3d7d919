"""The one way the GUI builds a table: :class:`TableModel` and :class:`RecordTable`.

A :class:`TableModel` holds records (or, in a subclass, the ids of records fetched on demand)
and a *render* function that turns one record into the cells of its row: plain strings, or
:class:`Cell` for a tooltip, accessible text, rich text, colour or alignment. Headers are a
function too, so a language switch re-reads them. Rendered rows are cached until the records
change (``set_records``, ``refresh``, ``refresh_rows``), so painting does not render again.

Roles: display, tooltip (the cell's tooltip, else its text), accessible text, foreground,
text alignment, font (struck through for ``muted`` records), :data:`RECORD_ROLE` (the record)
and :data:`HTML_ROLE` (rich text for :class:`RichTextDelegate`-style painting).
``clear_for_lock`` empties the model, so a model can be registered with the lock guard.

:class:`RecordTable` is the table view every screen uses: whole rows, one at a time, wrapped
texts, columns fitted to their texts, the chosen record kept across reloads.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyleOptionHeader,
    QTableView,
    QTreeView,
    QWidget,
)

R = TypeVar("R")
_Index = QModelIndex | QPersistentModelIndex
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2
HTML_ROLE = Qt.ItemDataRole.UserRole + 3
#: The horizontal padding of a header section in ui/styles/app.qss (``QHeaderView::section``).
HEADER_PADDING = 8
_ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell: its text and, where it needs them, more ways to show it."""

    text: str
    tooltip: str | None = None
    accessible: str | None = None
    html: str | None = None
    foreground: QColor | None = None
    right: bool = False  # numbers: aligned right


def _cell(value: str | Cell) -> Cell:
    return value if isinstance(value, Cell) else Cell(value)


class TableModel(QAbstractTableModel, Generic[R]):
    """Records as rows; ``render(record)`` gives the cells of a row, ``headers()`` the names.

    ``row_headers(record)``, when given, names each row in the vertical header (statistics).
    ``muted(record)`` marks rows shown struck through (e.g. a revoked consent).
    """

    def __init__(
        self,
        headers: Callable[[], Sequence[str]],
        render: Callable[[R], Sequence[str | Cell]],
        parent: QObject | None = None,
        *,
        muted: Callable[[R], bool] | None = None,
        row_headers: Callable[[R], str] | None = None,
        placeholder: str = "",
    ) -> None:
        super().__init__(parent)
        self._headers = headers
        self._render = render
        self._muted = muted
        self._row_headers = row_headers
        self._placeholder = placeholder
        self._records: list[R] = []
        self._cells: dict[int, tuple[Cell, ...]] = {}

    # ------------------------------------------------------------------ records
    def set_records(self, records: Sequence[R]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self._cells = {}
        self.endResetModel()

    def records(self) -> list[R]:
        return list(self._records)

    def clear_for_lock(self) -> None:
        self.set_records([])

    def record(self, row: int) -> R | None:
        """The record of ``row`` (None when there is none, or not fetched yet)."""
        return self._records[row] if 0 <= row < len(self._records) else None

    def refresh(self) -> None:
        """Render every row again (e.g. after what ``render`` reads changed)."""
        self.refresh_rows(0, self.rowCount() - 1)

    def refresh_rows(self, first: int, last: int) -> None:
        if last < first:
            return
        for row in range(first, last + 1):
            self._cells.pop(row, None)
        self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))

    def _row_cells(self, row: int) -> tuple[Cell, ...] | None:
        found = self._cells.get(row)
        if found is None:
            record = self.record(row)
            if record is None:
                return None
            found = tuple(_cell(v) for v in self._render(record))
            self._cells[row] = found
        return found

    # ------------------------------------------------------------------ the model API
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            names = self._headers()
            return names[section] if 0 <= section < len(names) else None
        if self._row_headers is not None and role == Qt.ItemDataRole.DisplayRole:
            record = self.record(section)
            return None if record is None else self._row_headers(record)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == RECORD_ROLE:
            return self.record(index.row())
        cells = self._row_cells(index.row())
        if cells is None:
            return self._placeholder if role == Qt.ItemDataRole.DisplayRole else None
        cell = cells[index.column()] if index.column() < len(cells) else Cell("")
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell.tooltip if cell.tooltip is not None else (cell.text or None)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return cell.accessible or cell.tooltip or cell.text
        if role == HTML_ROLE:
            return cell.html
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(cell.foreground) if cell.foreground is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN_RIGHT if cell.right else None
        if role == Qt.ItemDataRole.FontRole and self._muted is not None:
            record = self.record(index.row())
            if record is not None and self._muted(record):
                font = QFont()
                font.setStrikeOut(True)
                return font
        return None


class ElidingHeader(QHeaderView):
    """A header whose names end in "…" when a column is too narrow (never cut silently);
    the whole name is the section's tooltip."""

    def initStyleOptionForIndex(self, option: QStyleOptionHeader, logical: int) -> None:
        super().initStyleOptionForIndex(option, logical)
        style = self.style()
        margin = 2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, option, self)
        room = self.sectionSize(logical) - margin - 2 * HEADER_PADDING
        option.text = option.fontMetrics.elidedText(
            option.text, Qt.TextElideMode.ElideRight, max(room, 0)
        )


def use_eliding_header(view: QTableView | QTreeView) -> ElidingHeader:
    """Give ``view`` an :class:`ElidingHeader` (a table before its model is set)."""
    header = ElidingHeader(Qt.Orientation.Horizontal, view)
    header.setSectionsClickable(True)
    if isinstance(view, QTreeView):
        header.setStretchLastSection(True)
        view.setHeader(header)
    else:
        view.setHorizontalHeader(header)
    return header


class RecordTable(QTableView):
    """The table view of every screen: whole rows, one at a time, texts wrap.

    ``fit``: columns as wide as their texts after each reload (at most 260 px, 180 beside
    ``stretch`` columns, which share the rest), rows as high as their wrapped texts.
    """

    def __init__(
        self,
        name: str,
        model: QAbstractTableModel,
        parent: QWidget | None = None,
        *,
        fit: bool = True,
        stretch: tuple[int, ...] = (),
        wrap: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._stretch = stretch
        use_eliding_header(self)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(False)
        self.setWordWrap(wrap)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(not stretch)
        self._kept: object = None
        self._rows_timer = QTimer(self)
        self._rows_timer.setSingleShot(True)
        self._rows_timer.setInterval(50)
        self._rows_timer.timeout.connect(self.resizeRowsToContents)
        if wrap:
            header.sectionResized.connect(lambda *_: self._rows_timer.start())
        model.modelAboutToBeReset.connect(self._remember)
        if fit:
            model.modelReset.connect(self._fit)
        model.modelReset.connect(self._reselect)

    def _fit(self) -> None:
        header = self.horizontalHeader()
        for column in self._stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self.resizeColumnsToContents()
        widest = 180 if self._stretch else 260
        for column in range(header.count() - (0 if self._stretch else 1)):
            header.resizeSection(column, min(header.sectionSize(column), widest))
        for column in self._stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        if self.wordWrap():
            self.resizeRowsToContents()

    @staticmethod
    def _key(record: Any) -> object:
        return getattr(record, "original_id", None) or getattr(record, "id", None)

    def _remember(self) -> None:
        self._kept = self._key(self.current_record())

    def _reselect(self) -> None:
        """After a reload, the same record stays chosen (its details stay in view)."""
        kept, self._kept = self._kept, None
        if kept is None:
            return
        model = self.model()
        for row in range(model.rowCount()):
            if self._key(model.index(row, 0).data(RECORD_ROLE)) == kept:
                self.selectRow(row)
                return

    def current_record(self) -> Any:
        index = self.currentIndex()
        return index.siblingAtColumn(0).data(RECORD_ROLE) if index.isValid() else None

    def current_row(self) -> int | None:
        index = self.currentIndex()
        return index.row() if index.isValid() else None
