"""Journal: entries oldest first (the view scrolls to the newest), each with its event date
and type, corrections beside their originals; a type filter above the table; new entry
(type, event date, a template, signed at once or saved as a draft), correct with a reason,
mark as erroneous with a reason; the templates (*Mallar…*).

Below the journal, **Mina utkast**: the caseworker's own drafts of this case (only their
author may change, sign or throw them away; other caseworkers' drafts are not shown). A
draft is not part of the journal until it is signed."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from storage.casefile.drafts import delete_draft, drafts, sign_draft
from storage.casefile.journal import journal
from storage.records import EntryType, JournalDraft, JournalThread
from storage.vault.store import Store
from ui.case_view.base import (
    CaseTab,
    button_row,
    section_title,
)
from ui.case_view.journal_model import (
    COL_EARLIER,
    COL_EVENT,
    COL_TEXT,
    DraftsModel,
    JournalModel,
    RichTextDelegate,
    first_line,
)
from ui.casework.templates_dialog import TemplatesDialog
from ui.kit import labels
from ui.kit.dialogs import ask
from ui.kit.tables import RECORD_ROLE, RecordTable
from ui.record_dialogs.journal_dialogs import (
    CorrectionDialog,
    ErroneousDialog,
    JournalEntryDialog,
)
from ui.runtime.session_api import SessionAPI


@dataclass(frozen=True)
class JournalData:
    threads: list[JournalThread]
    drafts: list[JournalDraft]  # the caseworker's own


class JournalTab(CaseTab):
    def __init__(self, session: SessionAPI, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("journalTab")
        self.threads: list[JournalThread] = []
        self.type_filter = QComboBox(self)
        self.type_filter.setObjectName("journalTypeFilter")
        self.filter_label = QLabel(self)
        self.filter_label.setBuddy(self.type_filter)
        self.model = JournalModel(self)
        self.table = RecordTable("journalTable", self.model, self, fit=False)
        self.delegate = RichTextDelegate(self.table)
        self.table.setItemDelegate(self.delegate)
        self.table.setVerticalScrollMode(self.table.ScrollMode.ScrollPerPixel)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_EVENT, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(COL_EVENT, 170)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_EARLIER, QHeaderView.ResizeMode.Stretch)
        self.count = QLabel(self)
        self.count.setObjectName("hint")
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("addJournalButton")
        self.correct_button = QPushButton(self)
        self.correct_button.setObjectName("correctJournalButton")
        self.erroneous_button = QPushButton(self)
        self.erroneous_button.setObjectName("erroneousJournalButton")
        self.templates_button = QPushButton(self)
        self.templates_button.setObjectName("journalTemplatesButton")

        self.drafts_box = QWidget(self)
        self.drafts_title = section_title(parent=self.drafts_box)
        self.drafts_model = DraftsModel(self)
        self.drafts_table = RecordTable("draftsTable", self.drafts_model, self.drafts_box)
        self.drafts_table.setMaximumHeight(130)
        self.continue_button = QPushButton(self.drafts_box)
        self.continue_button.setObjectName("continueDraftButton")
        self.sign_button = QPushButton(self.drafts_box)
        self.sign_button.setObjectName("signDraftButton")
        self.discard_button = QPushButton(self.drafts_box)
        self.discard_button.setObjectName("discardDraftButton")
        drafts_layout = QVBoxLayout(self.drafts_box)
        drafts_layout.setContentsMargins(0, 0, 0, 0)
        drafts_layout.addWidget(self.drafts_title)
        drafts_layout.addWidget(self.drafts_table)
        drafts_layout.addLayout(
            button_row(self.continue_button, self.sign_button, self.discard_button)
        )

        top = QHBoxLayout()
        top.addWidget(self.filter_label)
        top.addWidget(self.type_filter)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        row = button_row(
            self.add_button, self.correct_button, self.erroneous_button, self.templates_button
        )
        row.addWidget(self.count)
        layout.addLayout(row)
        layout.addWidget(self.drafts_box)
        self.table.selectionModel().currentRowChanged.connect(self._chosen)
        self.drafts_table.selectionModel().currentRowChanged.connect(self._draft_chosen)
        self.type_filter.currentIndexChanged.connect(self._show_threads)
        self.add_button.clicked.connect(self.new_entry)
        self.correct_button.clicked.connect(self.correct_entry)
        self.erroneous_button.clicked.connect(self.mark_erroneous)
        self.templates_button.clicked.connect(self.edit_templates)
        self.continue_button.clicked.connect(self.continue_draft)
        self.sign_button.clicked.connect(self.ask_sign_draft)
        self.discard_button.clicked.connect(self.ask_discard_draft)
        self.drafts_table.activated.connect(lambda _index: self.continue_draft())
        session.guard.register(self.model)
        session.guard.register(self.drafts_model)
        self.retranslate()
        self.clear_view()

    def title(self) -> str:
        return self.tr("Journal")

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("&New entry…"))
        self.correct_button.setText(self.tr("&Correct…"))
        self.erroneous_button.setText(self.tr("Mark as &erroneous…"))
        self.templates_button.setText(self.tr("&Templates…"))
        self.templates_button.setToolTip(self.tr("The starting texts for each type of entry"))
        self.table.setAccessibleName(self.tr("Journal"))
        self.filter_label.setText(self.tr("&Show:"))
        self.type_filter.setAccessibleName(self.tr("Type of entry to show"))
        current = self.type_filter.currentData()
        self.type_filter.blockSignals(True)
        self.type_filter.clear()
        self.type_filter.addItem(self.tr("All types of entry"), None)
        for kind in EntryType:
            self.type_filter.addItem(labels.label(kind), kind.value)
        self.type_filter.setCurrentIndex(max(self.type_filter.findData(current), 0))
        self.type_filter.blockSignals(False)
        self.drafts_title.setText(self.tr("My drafts (not signed, not part of the journal)"))
        self.drafts_table.setAccessibleName(self.tr("My drafts"))
        self.continue_button.setText(self.tr("Go on &writing…"))
        self.sign_button.setText(self.tr("Si&gn…"))
        self.discard_button.setText(self.tr("&Throw away…"))
        if self.loaded:
            self._show_threads()

    @staticmethod
    def fetch(store: Store, case_id: int) -> JournalData:
        mine = [d for d in drafts(store, case_id) if d.author == store.actor]
        return JournalData(journal(store, case_id), mine)

    def show_data(self, data: JournalData) -> None:
        self.threads = list(data.threads)
        self._show_threads()
        self.add_button.setEnabled(True)
        self.templates_button.setEnabled(True)
        self.drafts_model.set_records(data.drafts)
        self.drafts_box.setVisible(bool(data.drafts))
        self._draft_chosen(self.drafts_table.currentIndex(), QModelIndex())

    def _show_threads(self) -> None:
        """The entries of the chosen type (the type an entry has as it reads now)."""
        wanted = self.type_filter.currentData()
        shown = [t for t in self.threads if wanted is None or t.current.entry_type.value == wanted]
        self.model.set_records(shown)
        self.table.resizeRowsToContents()
        self.table.scrollToBottom()
        corrected = sum(1 for t in shown if t.is_corrected)
        erroneous = sum(1 for t in shown if t.current.is_erroneous)
        parts = [self.tr("%n entry(ies)", "", len(shown))]
        if wanted is not None:
            parts[0] = self.tr("%n entry(ies) of this type", "", len(shown))
            parts.append(self.tr("%n in all", "", len(self.threads)))
        parts += [
            self.tr("%n corrected", "", corrected),
            self.tr("%n marked as erroneous", "", erroneous),
        ]
        self.count.setText(", ".join(parts))
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

    def selected_draft(self) -> JournalDraft | None:
        record = self.drafts_table.current_record()
        return record if isinstance(record, JournalDraft) else None

    def _draft_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        chosen = current.isValid() and self.drafts_model.record(current.row()) is not None
        for button in (self.continue_button, self.sign_button, self.discard_button):
            button.setEnabled(chosen)

    def clear_view(self) -> None:
        self.threads = []
        self.model.set_records([])
        self.drafts_model.set_records([])
        self.drafts_box.setVisible(False)
        self.count.clear()
        for button in (
            self.add_button,
            self.correct_button,
            self.erroneous_button,
            self.templates_button,
            self.continue_button,
            self.sign_button,
            self.discard_button,
        ):
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

    def edit_templates(self) -> TemplatesDialog:
        dialog = TemplatesDialog(self.session, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    # ------------------------------------------------------------------ drafts
    def continue_draft(self) -> JournalEntryDialog | None:
        found = self.selected_draft()
        if found is None or self.case_id is None:
            return None
        dialog = JournalEntryDialog(self.session, self.case_id, self, draft=found)
        self.open_dialog(dialog)
        return dialog

    def ask_sign_draft(self) -> None:
        found = self.selected_draft()
        if found is None:
            return
        draft_id = found.id
        box = ask(
            self,
            self.tr("Sign the draft “{start}”?").format(start=first_line(found.text, 60)),
            self.tr("&Sign"),
            lambda: self.run_edit(lambda store: sign_draft(store, draft_id)),
            details=self.tr(
                "It becomes a journal entry with your name and the time now, and can then be "
                "corrected, never erased."
            ),
            name="signDraftQuestion",
        )
        self.session.guard.track_dialog(box)

    def ask_discard_draft(self) -> None:
        found = self.selected_draft()
        if found is None:
            return
        draft_id = found.id
        box = ask(
            self,
            self.tr("Throw away the draft “{start}”?").format(start=first_line(found.text, 60)),
            self.tr("&Throw away"),
            lambda: self.run_edit(lambda store: delete_draft(store, draft_id)),
            details=self.tr("A draft is not part of the journal; its text is gone for good."),
            warning=True,
            name="discardDraftQuestion",
        )
        self.session.guard.track_dialog(box)
