"""Handlingar: documents stored encrypted inside the store.

Adding reads the chosen file on the store worker (size and type checked by the domain).
Nothing is ever written to a temporary file: "Show" opens PDF, images and plain text in the
viewer (ui/viewer/) from memory (audited ``document.open``), which can print them (audited
``document.print``); any document can be exported deliberately, after a warning that the
exported file is not encrypted, to a file the caseworker names (audited ``document.export``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QModelIndex, QStandardPaths, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from storage.casefile.documents import (
    document_content,
    documents,
)
from storage.errors import (
    DiskFullError,
    StorageError,
)
from storage.records import Document
from storage.vault.outputs import write_output
from storage.vault.store import Store
from ui.case_view.base import (
    CaseTab,
    button_row,
    section_title,
)
from ui.kit import labels
from ui.kit.dialogs import human_size
from ui.kit.tables import RecordTable, TableModel
from ui.record_dialogs.journal_dialogs import (
    DocumentDialog,
    FileWriteError,
)
from ui.runtime.session_api import SessionAPI
from ui.viewer.document_viewer import VIEWABLE, DocumentViewer


def _size(size: int) -> str:
    return human_size(size)


def export_document(store: Store, document_id: int, path: Path) -> Path:
    """Write a document's content to ``path`` (store worker); audited as ``document.export``."""
    content = document_content(store, document_id, "export")
    try:  # registered in the store first: a kill leaves no plaintext temp file behind
        write_output(store, Path(path).absolute(), content, "document")
    except DiskFullError:
        raise
    except StorageError:
        raise FileWriteError() from None
    return path


class DocumentsTab(CaseTab):
    def __init__(self, session: SessionAPI, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("documentsTab")
        self.heading = section_title(parent=self)
        self.model: TableModel[Document] = TableModel(
            lambda: [
                self.tr("Title"),
                self.tr("File name"),
                self.tr("Kind"),
                self.tr("Size"),
                self.tr("Added by"),
                self.tr("Added"),
            ],
            lambda d: [
                d.title,
                d.filename,
                d.media_type,
                _size(d.size),
                d.added_by,
                labels.local_time(d.added_at),
            ],
            self,
        )
        self.table = RecordTable("documentTable", self.model, self)
        self.note = QLabel(self)
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("addDocumentButton")
        self.show_button = QPushButton(self)
        self.show_button.setObjectName("showDocumentButton")
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportDocumentButton")
        self.viewer: DocumentViewer | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addLayout(button_row(self.add_button, self.show_button, self.export_button))
        layout.addWidget(self.status)
        self.table.selectionModel().currentRowChanged.connect(self._chosen)
        self.table.activated.connect(lambda _i: self.show_document())
        self.add_button.clicked.connect(self.choose_file)
        self.show_button.clicked.connect(self.show_document)
        self.export_button.clicked.connect(self.export_document)
        session.guard.register(self.model)
        self.retranslate()
        self.clear_view()

    def title(self) -> str:
        return self.tr("Documents")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Documents (stored encrypted in the store)"))
        self.note.setText(
            self.tr(
                "PDF, images and plain text are shown and printed inside Utväg, from memory. "
                "Other documents must be exported deliberately; an exported file is not "
                "encrypted."
            )
        )
        self.add_button.setText(self.tr("&Add document…"))
        self.show_button.setText(self.tr("&Show"))
        self.export_button.setText(self.tr("E&xport…"))
        self.table.setAccessibleName(self.tr("Documents"))

    @staticmethod
    def fetch(store: Store, case_id: int) -> list[Document]:
        return documents(store, case_id)

    def show_data(self, data: list[Document]) -> None:
        self.model.set_records(data)
        self.add_button.setEnabled(True)
        self._chosen(self.table.currentIndex(), QModelIndex())

    def _chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        doc = self.model.record(current.row()) if current.isValid() else None
        self.show_button.setEnabled(isinstance(doc, Document) and doc.media_type in VIEWABLE)
        self.export_button.setEnabled(isinstance(doc, Document))

    def clear_view(self) -> None:
        self.model.set_records([])
        self.status.clear()
        for button in (self.add_button, self.show_button, self.export_button):
            button.setEnabled(False)

    def _selected(self) -> Document | None:
        record = self.table.current_record()
        return record if isinstance(record, Document) else None

    # ------------------------------------------------------------------ adding
    def choose_file(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        # Qt's own dialog: the lock can close it, and it adds nothing to the OS's recent files
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Add a document"),
            folder,
            self.tr("Documents (*.pdf *.png *.jpg *.jpeg *.txt *.docx *.odt);;All files (*)"),
            options=QFileDialog.Option.DontUseNativeDialog,
        )
        if path and shiboken6.isValid(self) and self.session.is_unlocked:
            self.add_file(Path(path))

    def add_file(self, path: Path) -> DocumentDialog | None:
        if self.case_id is None:
            return None
        dialog = DocumentDialog(self.session, self.case_id, path, self)
        self.open_dialog(dialog)
        return dialog

    # ------------------------------------------------------------------ showing
    def show_document(self) -> None:
        doc = self._selected()
        if doc is None or doc.media_type not in VIEWABLE:
            return
        doc_id = doc.id
        self.session.run(
            self,
            lambda store: document_content(store, doc_id),
            lambda content: self._show_content(doc, content),
            label=self.tr("Opening the document…"),
        )

    def _show_content(self, doc: Document, content: Any) -> None:
        if not self.session.is_unlocked:
            return
        viewer = DocumentViewer(doc.title, doc.media_type, bytes(content), self)
        viewer.on_print = lambda v, doc_id=doc.id: self.print_document(v, doc_id)
        self.session.guard.track_dialog(viewer)
        self.viewer = viewer
        viewer.open()

    def print_document(
        self, viewer: DocumentViewer, doc_id: int, printer: QPrinter | None = None
    ) -> None:
        """Print what the viewer shows: the printer is chosen first, then the print is
        audited (``document.print``) and the bytes read for it are painted."""
        chosen = printer or viewer.choose_printer()
        if chosen is None or not self.session.is_unlocked:
            return
        self.session.run(
            self,
            lambda store: document_content(store, doc_id, "print"),
            lambda content: self._printed(viewer, chosen, bytes(content)),
            label=self.tr("Printing the document…"),
        )

    def _printed(self, viewer: DocumentViewer, printer: QPrinter, content: bytes) -> None:
        if not (self.session.is_unlocked and shiboken6.isValid(viewer)):
            return
        pages = viewer.print_on(printer, content)
        self.status.setText(self.tr("Sent to the printer: %n page(s).", "", pages))

    # ------------------------------------------------------------------ exporting
    def export_document(self) -> None:
        doc = self._selected()
        if doc is None:
            return
        box = QMessageBox(self)
        box.setObjectName("exportWarning")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Utväg")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr("The exported file will NOT be encrypted."))
        box.setInformativeText(
            self.tr(
                "Anyone who can reach the folder can read it. Save it only where your "
                "organisation allows, and delete it when you no longer need it."
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(
            lambda button: (
                self._choose_target(doc)
                if box.standardButton(button) == QMessageBox.StandardButton.Save
                else None
            )
        )
        self.session.guard.track_dialog(box)
        box.open()

    def _choose_target(self, doc: Document) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export document (not encrypted)"),
            str(Path(folder) / doc.filename),
            options=QFileDialog.Option.DontUseNativeDialog,
        )
        if path and shiboken6.isValid(self) and self.session.is_unlocked:
            self.export_to(doc, Path(path))

    def export_to(self, doc: Document, path: Path) -> None:
        """Write ``doc`` to ``path`` (on the worker); the caller has warned the caseworker."""
        doc_id = doc.id
        self.session.run(
            self,
            lambda store: export_document(store, doc_id, path),
            lambda written: self.status.setText(
                self.tr("Exported (not encrypted) to {path}").format(path=written)
            ),
            label=self.tr("Exporting the document…"),
        )

    def clear_for_lock(self) -> None:
        self.viewer = None
        super().clear_for_lock()
