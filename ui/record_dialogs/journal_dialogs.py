"""Dialogs for the journal (append-only: add, correct with a reason, mark erroneous with a
reason) and for adding a document (handling) from a file the caseworker chose."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from storage.casefile.documents import (
    DEFAULT_MAX_BYTES,
    add_document,
)
from storage.casefile.journal import (
    add_journal_entry,
    correct_journal_entry,
    mark_journal_erroneous,
)
from storage.errors import (
    QT_TRANSLATE_NOOP,
    StorageError,
)
from storage.records import JournalEntry
from storage.records.errors import DocumentTooLargeError
from storage.vault.store import Store
from ui.kit import labels
from ui.record_dialogs.form import (
    MULTILINE,
    READONLY,
    Field,
    RecordDialog,
)
from ui.runtime.session_api import SessionAPI

MIB = 1024 * 1024


class FileReadError(StorageError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "The file could not be read; check that it exists and that you may open it."
    )
    code = "file_read"


class FileWriteError(StorageError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "The file could not be written; choose another folder and try again."
    )
    code = "file_write"


def _grow(dialog: RecordDialog, key: str, height: int) -> None:
    widget = dialog.inputs[key]
    if isinstance(widget, QPlainTextEdit):
        widget.setMinimumHeight(height)


class JournalEntryDialog(RecordDialog):
    def __init__(self, session: SessionAPI, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setMinimumWidth(640)
        self.build(
            self.tr("New journal entry"),
            [Field("text", self.tr("&Entry:"), MULTILINE)],
            lambda store, values: add_journal_entry(store, case_id, values["text"]),
            intro=self.tr(
                "Signed with your name and the time when saved. An entry can be corrected "
                "later, never erased."
            ),
        )
        _grow(self, "text", 220)


class CorrectionDialog(RecordDialog):
    """A rättelse: the new wording and why; the original stays readable beside it."""

    def __init__(
        self, session: SessionAPI, entry: JournalEntry, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, parent)
        self.setMinimumWidth(640)
        entry_id = entry.id
        self.build(
            self.tr("Correct journal entry"),
            [
                Field("original", self.tr("Now reads:"), READONLY, default=entry.text),
                Field("text", self.tr("&Corrected text:"), MULTILINE, default=entry.text),
                Field("reason", self.tr("&Reason for the correction:"), MULTILINE),
            ],
            lambda store, values: correct_journal_entry(
                store, entry_id, values["text"], values["reason"]
            ),
            intro=self.tr(
                "Written by {author}, {time}. The earlier wording stays readable."
            ).format(author=entry.author, time=labels.local_time(entry.written_at)),
        )
        _grow(self, "text", 160)


class ErroneousDialog(RecordDialog):
    """Felmarkera: the entry stays readable, marked as erroneous with who, when and why."""

    def __init__(
        self, session: SessionAPI, entry: JournalEntry, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, parent)
        entry_id = entry.id
        self.build(
            self.tr("Mark journal entry as erroneous"),
            [
                Field("original", self.tr("Entry:"), READONLY, default=entry.text),
                Field("reason", self.tr("&Reason:"), MULTILINE),
            ],
            lambda store, values: mark_journal_erroneous(store, entry_id, values["reason"]),
            ok_text=self.tr("Mark as erroneous"),
        )


def read_document_file(path: Path) -> bytes:
    """The chosen file's bytes (on the store worker), refusing huge files before reading."""
    try:
        size = path.stat().st_size
        if size > DEFAULT_MAX_BYTES:
            raise DocumentTooLargeError(
                field="content",
                size=QLocale().toString(size / MIB, "f", 1),
                limit=QLocale().toString(DEFAULT_MAX_BYTES // MIB),
            )
        return path.read_bytes()
    except OSError:
        raise FileReadError() from None


class DocumentDialog(RecordDialog):
    """Add a document from ``path``: read and stored encrypted inside the store."""

    def __init__(
        self, session: SessionAPI, case_id: int, path: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, parent)

        def submit(store: Store, values: dict[str, Any]) -> int:
            content = read_document_file(path)
            return add_document(store, case_id, content=content, **values)

        self.field_names["content"] = self.tr("The file")

        self.build(
            self.tr("Add document"),
            [
                Field("title", self.tr("&Title:"), default=path.stem),
                Field("filename", self.tr("&File name:"), default=path.name),
            ],
            submit,
            intro=self.tr(
                "The file is copied into the encrypted store. The original on disk is not "
                "changed or removed; delete it yourself if it should not stay there."
            ),
        )
