"""Journal: entries oldest first (the view scrolls to the newest), corrections beside their
originals; new entry, correct with a reason, mark as erroneous with a reason."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from storage.casefile.journal import journal
from storage.records import JournalThread
from storage.vault.store import Store
from ui.case_view.base import (
    CaseTab,
    button_row,
)
from ui.case_view.journal_model import (
    COL_EARLIER,
    COL_TEXT,
    COL_WRITTEN,
    JournalModel,
    RichTextDelegate,
)
from ui.kit.tables import RECORD_ROLE, RecordTable
from ui.record_dialogs.journal_dialogs import (
    CorrectionDialog,
    ErroneousDialog,
    JournalEntryDialog,
)
from ui.runtime.session_api import SessionAPI


class JournalTab(CaseTab):
    def __init__(self, session: SessionAPI, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("journalTab")
        self.model = JournalModel(self)
        self.table = RecordTable("journalTable", self.model, self, fit=False)
        self.delegate = RichTextDelegate(self.table)
        self.table.setItemDelegate(self.delegate)
        self.table.setVerticalScrollMode(self.table.ScrollMode.ScrollPerPixel)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_WRITTEN, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_EARLIER, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(COL_WRITTEN, 150)
        self.count = QLabel(self)
        self.count.setObjectName("hint")
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("addJournalButton")
        self.correct_button = QPushButton(self)
        self.correct_button.setObjectName("correctJournalButton")
        self.erroneous_button = QPushButton(self)
        self.erroneous_button.setObjectName("erroneousJournalButton")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        row = button_row(self.add_button, self.correct_button, self.erroneous_button)
        row.addWidget(self.count)
        layout.addLayout(row)
        self.table.selectionModel().currentRowChanged.connect(self._chosen)
        self.add_button.clicked.connect(self.new_entry)
        self.correct_button.clicked.connect(self.correct_entry)
        self.erroneous_button.clicked.connect(self.mark_erroneous)
        session.guard.register(self.model)
        self.retranslate()
        self.clear_view()

    def title(self) -> str:
        return self.tr("Journal")

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("&New entry…"))
        self.correct_button.setText(self.tr("&Correct…"))
        self.erroneous_button.setText(self.tr("Mark as &erroneous…"))
        self.table.setAccessibleName(self.tr("Journal"))

    @staticmethod
    def fetch(store: Store, case_id: int) -> list[JournalThread]:
        return journal(store, case_id)

    def show_data(self, data: list[JournalThread]) -> None:
        self.model.set_records(data)
        self.table.resizeRowsToContents()
        self.table.scrollToBottom()
        corrected = sum(1 for t in data if t.is_corrected)
        erroneous = sum(1 for t in data if t.current.is_erroneous)
        self.count.setText(
            ", ".join(
                [
                    self.tr("%n entry(ies)", "", len(data)),
                    self.tr("%n corrected", "", corrected),
                    self.tr("%n marked as erroneous", "", erroneous),
                ]
            )
        )
        self.add_button.setEnabled(True)
        self._chosen(self.table.currentIndex(), QModelIndex())

    def selected_thread(self) -> JournalThread | None:
        index = self.table.currentIndex()
        item = index.data(RECORD_ROLE) if index.isValid() else None
        return item if isinstance(item, JournalThread) else None

    def _chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = self.model.record(current.row()) if current.isValid() else None
        editable = item is not None and not item.current.is_erroneous
        self.correct_button.setEnabled(editable)
        self.erroneous_button.setEnabled(editable)

    def clear_view(self) -> None:
        self.model.set_records([])
        self.count.clear()
        for button in (self.add_button, self.correct_button, self.erroneous_button):
            button.setEnabled(False)

    # ------------------------------------------------------------------ actions
    def new_entry(self) -> JournalEntryDialog | None:
        if self.case_id is None:
            return None
        dialog = JournalEntryDialog(self.session, self.case_id, self)
        self.open_dialog(dialog)
        return dialog

    def correct_entry(self) -> CorrectionDialog | None:
        item = self.selected_thread()
        if item is None or item.current.is_erroneous:
            return None
        dialog = CorrectionDialog(self.session, item.current, self)
        self.open_dialog(dialog)
        return dialog

    def mark_erroneous(self) -> ErroneousDialog | None:
        item = self.selected_thread()
        if item is None or item.current.is_erroneous:
            return None
        dialog = ErroneousDialog(self.session, item.current, self)
        self.open_dialog(dialog)
        return dialog
