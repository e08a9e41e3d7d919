"""The case list widget: search as you type, filters, the sortable table, "New case".

Typing in the search field waits :data:`SEARCH_DEBOUNCE_MS` after the last key before it
asks the store (full-text search through ``list_case_ids(query=…)``, masked results). The
filters (status, type, reminder) and the header (sort) re-query at once. Moving the current
row (arrow keys, click) opens that case after a short pause; Enter or a double click opens
it at once. Ctrl+F goes to the search field, Down from there into the list.

On lock the search text is cleared too (it may hold a name), and the filters reset.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from storage.records import (
    CaseStatus,
    CaseType,
)
from ui.cases.case_list_model import (
    COL_CASEWORKER,
    COL_OPENED,
    FINISHED_STATUSES,
    OPEN_STATUSES,
    SORTABLE,
    CaseFilter,
    CaseListModel,
)
from ui.cases.reminder_index import (
    REMINDER_ANY,
    REMINDER_DUE_SOON,
    REMINDER_OVERDUE,
    ReminderIndex,
)
from ui.kit import labels
from ui.kit.tables import use_eliding_header
from ui.runtime.session_api import SessionAPI

SEARCH_DEBOUNCE_MS = 250
OPEN_DELAY_MS = 150
#: The widest usual text of each column (widths follow the font, also on high-DPI screens).
COLUMN_SAMPLES = (
    "UV-2026-0001",
    "M.M. · 2000",
    "ung i riskzon",
    "akut skydd / flytt",
    "Karin Lindqvist",
    "2026-12-31",
)
#: Shown through the header's context menu; the list is narrow beside the case view.
HIDDEN_BY_DEFAULT = (COL_CASEWORKER, COL_OPENED)


class CaseListWidget(QWidget):
    caseActivated = Signal(int)  # open this case
    newCaseRequested = Signal()

    def __init__(
        self, session: SessionAPI, reminders: ReminderIndex, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("caseList")
        self.session = session
        self.model = CaseListModel(session, reminders, self)

        self._build_filters()
        self._build_table()
        self._build_layout()
        self._connect()
        self.retranslate()
        session.guard.register(self)

    def _build_filters(self) -> None:
        """The search field, the status, type and reminder filters, and "New case"."""
        self.search = QLineEdit(self)
        self.search.setObjectName("caseSearch")
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        self.status_filter = self._combo("caseStatusFilter")
        self.type_filter = self._combo("caseTypeFilter")
        self.reminder_filter = self._combo("caseReminderFilter")
        self.status_label = QLabel(self)
        self.type_label = QLabel(self)
        self.reminder_label = QLabel(self)
        self.status_label.setBuddy(self.status_filter)
        self.type_label.setBuddy(self.type_filter)
        self.reminder_label.setBuddy(self.reminder_filter)
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("newCaseButton")
        self.new_button.clicked.connect(self.newCaseRequested)

    def _build_table(self) -> None:
        """The table: one line per case, sortable where the store can sort, columns sized to
        sample texts, some columns hidden until chosen from the header's menu."""
        self.table = QTableView(self)
        use_eliding_header(self.table)
        self.table.setObjectName("caseTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicator(COL_OPENED, Qt.SortOrder.DescendingOrder)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        self.table.ensurePolished()  # the style sheet's font
        metrics = self.table.fontMetrics()
        for column, sample in enumerate(COLUMN_SAMPLES):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 14)
        for column in HIDDEN_BY_DEFAULT:
            self.table.setColumnHidden(column, True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._header_state = header.saveState()
        self.count = QLabel(self)
        self.count.setObjectName("caseCount")

    def _build_layout(self) -> None:
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.search, 0, 0, 1, 4)
        grid.addWidget(self.status_label, 1, 0)
        grid.addWidget(self.status_filter, 1, 1)
        grid.addWidget(self.type_label, 1, 2)
        grid.addWidget(self.type_filter, 1, 3)
        grid.addWidget(self.reminder_label, 2, 0)
        grid.addWidget(self.reminder_filter, 2, 1)
        grid.addWidget(self.new_button, 2, 2, 1, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.setTabOrder(self.search, self.status_filter)
        self.setTabOrder(self.status_filter, self.type_filter)
        self.setTabOrder(self.type_filter, self.reminder_filter)
        self.setTabOrder(self.reminder_filter, self.new_button)
        self.setTabOrder(self.new_button, self.table)

    def _connect(self) -> None:
        """Search as you type (debounced), filters, opening the current row, Ctrl+F."""
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self._open_timer = QTimer(self)
        self._open_timer.setSingleShot(True)
        self._open_timer.setInterval(OPEN_DELAY_MS)
        self._open_timer.timeout.connect(self._open_current)
        self._want_case: int | None = None
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.apply_search)
        for combo in (self.status_filter, self.type_filter, self.reminder_filter):
            combo.currentIndexChanged.connect(self.apply_filters)
        header = self.table.horizontalHeader()
        header.sortIndicatorChanged.connect(self._sort_requested)
        header.customContextMenuRequested.connect(self._column_menu)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.activated.connect(self._activated)
        self.model.reloaded.connect(self._reloaded)
        self.model.modelAboutToBeReset.connect(self._save_header)
        self.model.modelReset.connect(self._restore_header)
        self.find_shortcut = QShortcut(QKeySequence.StandardKey.Find, self)
        self.find_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.find_shortcut.activated.connect(self.focus_search)
        self.new_shortcut = QShortcut(QKeySequence.StandardKey.New, self)  # Ctrl+N
        self.new_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.new_shortcut.activated.connect(self.newCaseRequested)

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(4)  # narrow: the text is elided; the popup is wide
        return combo

    # ------------------------------------------------------------------ texts
    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search case number, name, personnummer, journal…"))
        self.search.setAccessibleName(self.tr("Search cases"))
        self.status_label.setText(self.tr("&Status:"))
        self.type_label.setText(self.tr("&Type:"))
        self.reminder_label.setText(self.tr("&Reminder:"))
        self.status_filter.setAccessibleName(self.tr("Filter by status"))
        self.type_filter.setAccessibleName(self.tr("Filter by case type"))
        self.reminder_filter.setAccessibleName(self.tr("Filter by reminder"))
        self.new_button.setText(self.tr("&New case…"))
        self.table.setAccessibleName(self.tr("Cases"))
        self._fill(
            self.status_filter,
            [
                (None, self.tr("All")),
                (OPEN_STATUSES, self.tr("Open cases")),
                (FINISHED_STATUSES, self.tr("Closed or handed over")),
            ]
            + [((s,), labels.label(s)) for s in CaseStatus],
        )
        self._fill(
            self.type_filter,
            [(None, self.tr("All types"))] + [(t.value, labels.label(t)) for t in CaseType],
        )
        self._fill(
            self.reminder_filter,
            [
                (None, self.tr("All")),
                (REMINDER_ANY, self.tr("Has a reminder")),
                (REMINDER_DUE_SOON, self.tr("Due within 30 days")),
                (REMINDER_OVERDUE, self.tr("Overdue")),
            ],
        )
        self._update_count()

    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[Any, str]]) -> None:
        current = max(combo.currentIndex(), 0)
        combo.blockSignals(True)
        combo.clear()
        for data, text in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(min(current, combo.count() - 1))
        combo.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ loading
    def load(self) -> None:
        """(Re)load the list with the current filters (after unlock, after an edit)."""
        self.model.reload()

    def current_filter(self) -> CaseFilter:
        return CaseFilter(
            query=self.search.text(),
            statuses=self.status_filter.currentData(),
            case_type=self.type_filter.currentData(),
            reminder=self.reminder_filter.currentData(),
        )

    def apply_search(self) -> None:
        self._search_timer.stop()
        if self.search.text().strip() != self.model.case_filter.query.strip():
            self.model.set_filter(self.current_filter())

    def apply_filters(self) -> None:
        self._search_timer.stop()
        self.model.set_filter(self.current_filter())

    def _save_header(self) -> None:
        self._header_state = self.table.horizontalHeader().saveState()

    def _restore_header(self) -> None:
        """A model reset forgets the column widths and hidden columns; put them back."""
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.restoreState(self._header_state)
        header.blockSignals(False)

    def _sort_requested(self, column: int, order: Qt.SortOrder) -> None:
        if column in SORTABLE:
            self.model.sort(column, order)
        else:
            self._show_sort_indicator()

    def _show_sort_indicator(self) -> None:
        header = self.table.horizontalHeader()
        key = self.model.sort_key
        if key is None and self.model.case_filter.query.strip():
            key = (-1, Qt.SortOrder.AscendingOrder)  # a search shows its ranking
        elif key is None:
            key = (COL_OPENED, Qt.SortOrder.DescendingOrder)
        header.blockSignals(True)
        header.setSortIndicator(*key)
        header.blockSignals(False)

    def _reloaded(self, count: int) -> None:
        self._show_sort_indicator()
        self._update_count()
        if self._want_case is not None:
            self.select_case(self._want_case)

    def _update_count(self) -> None:
        if not self.session.is_unlocked:
            self.count.clear()
            return
        self.count.setText(self.tr("Cases shown: {count}").format(count=self.model.rowCount()))

    def _column_menu(self, pos: QPoint) -> None:
        """Right-click on the header: choose the columns."""
        menu = QMenu(self)
        menu.setObjectName("caseColumnsMenu")
        for column in range(self.model.columnCount()):
            text = self.model.headerData(column, Qt.Orientation.Horizontal)
            action = menu.addAction(str(text))
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.setEnabled(column != 0)
            action.toggled.connect(lambda on, c=column: self.table.setColumnHidden(c, not on))
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.table.horizontalHeader().mapToGlobal(pos))

    # ------------------------------------------------------------------ opening a case
    def select_case(self, case_id: int) -> None:
        """Make ``case_id`` the current row (once it is in the list)."""
        row = self.model.row_of(case_id)
        if row < 0:
            self._want_case = case_id
            return
        self._want_case = None
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        self.table.selectRow(row)
        selection.blockSignals(False)
        self.table.viewport().update()
        self.table.scrollTo(self.model.index(row, 0))

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._open_timer.start()

    def _open_current(self) -> None:
        index = self.table.currentIndex()
        case_id = self.model.case_id(index.row()) if index.isValid() else None
        if case_id is not None:
            self.caseActivated.emit(case_id)

    def _activated(self, index: QModelIndex) -> None:
        self._open_timer.stop()
        case_id = self.model.case_id(index.row())
        if case_id is not None:
            self.caseActivated.emit(case_id)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and self.search.text()
        ):
            self.search.setText("")  # Esc clears the search (and shows every case again)
            self.apply_search()
            return True
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.model.rowCount() > 0
        ):
            self.table.setFocus(Qt.FocusReason.TabFocusReason)
            if not self.table.currentIndex().isValid():
                self.table.setCurrentIndex(self.model.index(0, 0))
            return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ lock
    def clear_for_lock(self) -> None:
        self._search_timer.stop()
        self._open_timer.stop()
        self._want_case = None
        for widget in (self.search, self.status_filter, self.type_filter, self.reminder_filter):
            widget.blockSignals(True)
        self.search.setText("")  # (clear() would keep the text in the undo history)
        for combo in (self.status_filter, self.type_filter, self.reminder_filter):
            combo.setCurrentIndex(0)
        for widget in (self.search, self.status_filter, self.type_filter, self.reminder_filter):
            widget.blockSignals(False)
        self.count.clear()
        self._show_sort_indicator()
