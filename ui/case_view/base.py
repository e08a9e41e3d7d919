"""What every tab of the case view shares: loading on the store worker, dialogs, tables.

A :class:`CaseTab` is told which case to show (``set_case``) and loads only when it is
shown (``ensure_loaded``): ``fetch(store, case_id)`` — a static function, run on the store
worker, that returns plain records — then ``show_data(data)`` on the GUI thread. Results
for a case no longer shown are dropped. ``open_dialog`` runs a record dialog and reloads
the tab (and emits ``changed``) when it saved. ``clear_for_lock`` drops everything shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

from ui.record_dialogs.form import RecordDialog
from ui.runtime.session_api import SessionAPI

_Index = QModelIndex | QPersistentModelIndex
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2


class RowsModel(QAbstractTableModel):
    """A read-only table: one record per row, shown as texts; ``muted`` rows are struck."""

    def __init__(self, headers: Callable[[], list[str]], parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = headers
        self._rows: list[tuple[Any, list[str], bool]] = []

    def set_rows(self, rows: Sequence[tuple[Any, Sequence[str]]], muted: Any = None) -> None:
        """``rows``: (record, texts); ``muted(record)`` marks rows shown struck through."""
        self.beginResetModel()
        self._rows = [
            (rec, list(texts), bool(muted(rec)) if muted else False) for rec, texts in rows
        ]
        self.endResetModel()

    def clear_for_lock(self) -> None:
        self.set_rows([])

    def record(self, row: int) -> Any:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            names = self._headers()
            return names[section] if 0 <= section < len(names) else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        record, texts, muted = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return texts[index.column()] if index.column() < len(texts) else ""
        if role == RECORD_ROLE:
            return record
        if role == Qt.ItemDataRole.FontRole and muted:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None


class RecordTable(QTableView):
    """The tables of the case view: whole rows, one at a time, texts wrap."""

    def __init__(
        self,
        name: str,
        model: QAbstractTableModel,
        parent: QWidget | None = None,
        *,
        fit: bool = True,
        stretch: tuple[int, ...] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._stretch = stretch
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(False)
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(not stretch)
        self._kept: object = None
        self._rows_timer = QTimer(self)
        self._rows_timer.setSingleShot(True)
        self._rows_timer.setInterval(50)
        self._rows_timer.timeout.connect(self.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._rows_timer.start())
        model.modelAboutToBeReset.connect(self._remember)
        if fit:
            model.modelReset.connect(self._fit)
        model.modelReset.connect(self._reselect)

    def _fit(self) -> None:
        """Columns as wide as their texts (at most 260 px, 180 beside ``stretch`` columns,
        which share the rest); rows as high as their wrapped texts."""
        header = self.horizontalHeader()
        for column in self._stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self.resizeColumnsToContents()
        widest = 180 if self._stretch else 260
        for column in range(header.count() - (0 if self._stretch else 1)):
            header.resizeSection(column, min(header.sectionSize(column), widest))
        for column in self._stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
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


def section_title(text: str = "", parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("sectionTitle")
    return label


def button_row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


class CaseTab(QWidget):
    """One tab of the case view."""

    changed = Signal()  # an edit in this tab was saved

    def __init__(self, session: SessionAPI, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case_id: int | None = None
        self.stale = True
        self.loaded = False
        self._generation = 0
        self.dialog: RecordDialog | None = None

    # ------------------------------------------------------------------ subclass API
    def title(self) -> str:
        raise NotImplementedError

    @staticmethod
    def fetch(store: Any, case_id: int) -> Any:
        """Read what the tab shows (store worker; no widgets here)."""
        raise NotImplementedError

    def show_data(self, data: Any) -> None:
        raise NotImplementedError

    def clear_view(self) -> None:
        raise NotImplementedError

    def retranslate(self) -> None:
        """Set the tab's own texts (called at start and on a language change)."""

    # ------------------------------------------------------------------ loading
    def set_case(self, case_id: int | None) -> None:
        self.case_id = case_id
        self.stale = True
        self.loaded = False
        self._generation += 1
        self.clear_view()

    def ensure_loaded(self) -> None:
        if self.stale and self.case_id is not None:
            self.reload()

    def reload(self) -> None:
        case_id = self.case_id
        if case_id is None or not self.session.is_unlocked:
            return
        self.stale = False
        self._generation += 1
        generation = self._generation
        fetch = type(self).fetch
        self.session.run(
            self,
            lambda store: fetch(store, case_id),
            lambda data: self._arrived(generation, data),
            progress=False,
        )

    def _arrived(self, generation: int, data: Any) -> None:
        if generation != self._generation or not self.session.is_unlocked:
            return
        self.loaded = True
        self.show_data(data)

    # ------------------------------------------------------------------ editing
    def open_dialog(self, dialog: RecordDialog) -> RecordDialog:
        """Show a record dialog (window-modal); reload when it saved."""
        self.dialog = dialog
        dialog.saved.connect(lambda _result: self.after_edit())
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def after_edit(self) -> None:
        if shiboken6.isValid(self):
            self.reload()
            self.changed.emit()

    def run_edit(self, fn: Callable[[Any], Any]) -> None:
        """A change without a dialog (e.g. a toggle); errors are shown by the operations API."""
        self.session.run(self, fn, lambda _r: self.after_edit(), progress=False)

    # ------------------------------------------------------------------ lock, language
    def clear_for_lock(self) -> None:
        self.case_id = None
        self.stale = True
        self.loaded = False
        self._generation += 1
        self.dialog = None
        self.clear_view()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
