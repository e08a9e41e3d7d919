"""Handlingar: documents stored encrypted inside the store.

Adding reads the chosen file on the store worker (size and type checked by the domain).
Nothing is ever written to a temporary file: "Show" opens plain text and images inside
Utväg from memory (audited ``document.open``); any document can be exported deliberately,
after a warning that the exported file is not encrypted, to a file the caseworker names.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QModelIndex, QStandardPaths, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
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
from ui.case_view.base import (
    CaseTab,
    RecordTable,
    RowsModel,
    button_row,
    section_title,
)
from ui.kit import labels
from ui.record_dialogs.journal_dialogs import (
    DocumentDialog,
    FileWriteError,
)
from ui.runtime.session_api import SessionAPI

VIEWABLE = ("text/plain", "image/png", "image/jpeg")


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MiB"
    return f"{max(size // 1024, 1)} KiB"


def export_document(store: Any, document_id: int, path: Path) -> Path:
    """Write a document's content to ``path`` (store worker); audited as ``document.open``."""
    content = document_content(store, document_id)
    try:  # registered in the store first: a kill leaves no plaintext temp file behind
        write_output(store, Path(path).absolute(), content, "document")
    except DiskFullError:
        raise
    except StorageError:
        raise FileWriteError() from None
    return path


class DocumentViewer(QDialog):
    """A document shown from memory; closing (or a lock) drops the content."""

    def __init__(self, title: str, media_type: str, content: bytes, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("documentViewer")
        self.setWindowTitle(self.tr("Document"))  # titles never name anyone
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        heading = QLabel(title, self)
        heading.setObjectName("sectionTitle")
        heading.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(heading)
        if media_type == "text/plain":
            view = QPlainTextEdit(self)
            view.setReadOnly(True)
            view.setPlainText(content.decode("utf-8", errors="replace"))
            view.setAccessibleName(title)
            layout.addWidget(view, 1)
        else:
            image = QLabel(self)
            pixmap = QPixmap()
            pixmap.loadFromData(content)
            image.setPixmap(pixmap)
            image.setAccessibleName(title)
            scroll = QScrollArea(self)
            scroll.setWidget(image)
            layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 560)


class DocumentsTab(CaseTab):
    def __init__(self, session: SessionAPI, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("documentsTab")
        self.heading = section_title(parent=self)
        self.model = RowsModel(
            lambda: [
                self.tr("Title"),
                self.tr("File name"),
                self.tr("Kind"),
                self.tr("Size"),
                self.tr("Added by"),
                self.tr("Added"),
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
                "Plain text and images are shown inside Utväg. Other documents must be "
                "exported deliberately; an exported file is not encrypted."
            )
        )
        self.add_button.setText(self.tr("&Add document…"))
        self.show_button.setText(self.tr("&Show"))
        self.export_button.setText(self.tr("E&xport…"))
        self.table.setAccessibleName(self.tr("Documents"))

    @staticmethod
    def fetch(store: Any, case_id: int) -> list[Document]:
        return documents(store, case_id)

    def show_data(self, data: list[Document]) -> None:
        self.model.set_rows(
            [
                (
                    d,
                    [
                        d.title,
                        d.filename,
                        d.media_type,
                        _size(d.size),
                        d.added_by,
                        labels.local_time(d.added_at),
                    ],
                )
                for d in data
            ]
        )
        self.add_button.setEnabled(True)
        self._chosen(self.table.currentIndex(), QModelIndex())

    def _chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        doc = self.model.record(current.row()) if current.isValid() else None
        self.show_button.setEnabled(isinstance(doc, Document) and doc.media_type in VIEWABLE)
        self.export_button.setEnabled(isinstance(doc, Document))

    def clear_view(self) -> None:
        self.model.set_rows([])
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
        self.session.guard.track_dialog(viewer)
        self.viewer = viewer
        viewer.open()

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
