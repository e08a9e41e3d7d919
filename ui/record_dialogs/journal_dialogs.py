"""Dialogs for the journal (append-only: add, correct with a reason, mark erroneous with a
reason) and for adding a document (handling) from a file the caseworker chose.

A new entry has a type (anteckningstyp), an event date (händelsedatum: the day it happened,
today unless changed, never in the future — the domain refuses that) and a text, which a
template (mall) of the chosen type can start. It is saved either as a draft (utkast: only
its author can change, sign or throw it away; it is not part of the journal) or signed at
once (an append-only entry). The same dialog continues a draft.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QPlainTextEdit, QPushButton, QWidget

from storage.casefile.documents import (
    DEFAULT_MAX_BYTES,
    add_document,
)
from storage.casefile.drafts import (
    add_draft,
    sign_draft,
    templates,
    update_draft,
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
from storage.records import (
    EntryType,
    JournalDraft,
    JournalEntry,
    JournalTemplate,
)
from storage.records.errors import DocumentTooLargeError
from storage.vault.store import Store
from ui.kit import labels
from ui.record_dialogs.form import (
    CHOICE,
    DATE,
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
    """A new journal entry, or a draft continued: *Spara som utkast* or *Signera*."""

    def __init__(
        self,
        session: SessionAPI,
        case_id: int,
        parent: QWidget | None = None,
        *,
        draft: JournalDraft | None = None,
    ) -> None:
        super().__init__(session, parent)
        self.setMinimumWidth(640)
        self.case_id = case_id
        self.draft = draft
        self.templates: list[JournalTemplate] = []
        self._template_text = ""
        today = dt.date.today().isoformat()
        fields = [
            Field(
                "entry_type",
                self.tr("&Type of entry:"),
                CHOICE,
                labels.choices(EntryType),
                default=draft.entry_type.value if draft else EntryType.OTHER.value,
            ),
            Field(
                "event_date",
                self.tr("Event &date:"),
                DATE,
                default=labels.day(draft.event_date) if draft and draft.event_date else today,
                hint=self.tr("The day it happened (YYYY-MM-DD), not in the future"),
            ),
            Field("template", self.tr("&Template:"), CHOICE, optional=True),
            Field("text", self.tr("&Entry:"), MULTILINE, default=draft.text if draft else None),
        ]
        title = self.tr("Draft journal entry") if draft else self.tr("New journal entry")
        self.build(
            title,
            fields,
            self._sign,
            intro=self.tr(
                "Save as a draft to go on later: only you can see, change, sign or throw away "
                "your drafts, and they are not part of the journal. Sign when the entry is "
                "done: it is saved with your name and the time, and can then be corrected, "
                "never erased."
            ),
            ok_text=self.tr("&Sign"),
        )
        self.draft_button = QPushButton(self.tr("Save as &draft"), self)
        self.draft_button.setObjectName("saveDraftButton")
        self.draft_button.setAutoDefault(False)
        self.buttons.addButton(self.draft_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.draft_button.clicked.connect(self.save_draft)
        _grow(self, "text", 220)
        self.type_combo.currentIndexChanged.connect(self._fill_templates)
        self.template_combo.activated.connect(self._template_chosen)
        self.template_combo.setEnabled(False)
        session.run(self, lambda store: templates(store), self._templates_loaded, progress=False)

    @property
    def type_combo(self) -> QComboBox:
        combo = self.inputs["entry_type"]
        assert isinstance(combo, QComboBox)
        return combo

    @property
    def template_combo(self) -> QComboBox:
        combo = self.inputs["template"]
        assert isinstance(combo, QComboBox)
        return combo

    # ------------------------------------------------------------------ templates
    def _templates_loaded(self, found: list[JournalTemplate]) -> None:
        self.templates = list(found)
        self._fill_templates()

    def _fill_templates(self) -> None:
        """The templates of the chosen type; "–" (none) first."""
        kind = self.type_combo.currentData()
        combo = self.template_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("–", None)
        for item in self.templates:
            if item.entry_type.value == kind:
                combo.addItem(item.name, item.id)
        combo.setCurrentIndex(0)
        combo.blockSignals(False)
        combo.setEnabled(combo.count() > 1)

    def _template_chosen(self, index: int) -> None:
        """Start the text from the template. What was typed is never lost: the template
        replaces an empty text (or the previous template's untouched text), else it is
        added below what was written."""
        template_id = self.template_combo.itemData(index)
        chosen = next((t for t in self.templates if t.id == template_id), None)
        if chosen is None:
            return
        edit = self.inputs["text"]
        assert isinstance(edit, QPlainTextEdit)
        typed = edit.toPlainText()
        if typed.strip() and typed != self._template_text:
            edit.setPlainText(f"{typed.rstrip()}\n\n{chosen.text}")
        else:
            edit.setPlainText(chosen.text)
        self._template_text = edit.toPlainText()
        edit.setFocus()

    # ------------------------------------------------------------------ saving
    def _values(self, values: dict[str, Any]) -> dict[str, Any]:
        return {
            "text": values["text"],
            "entry_type": values["entry_type"],
            "event_date": values["event_date"],
        }

    def _sign(self, store: Store, values: dict[str, Any]) -> int:
        """Signed: an append-only entry (a draft is updated and signed in one transaction)."""
        given = self._values(values)
        if self.draft is None:
            return add_journal_entry(store, self.case_id, given.pop("text"), **given)
        with store.transaction():
            update_draft(store, self.draft.id, **given)
            return sign_draft(store, self.draft.id)

    def _as_draft(self, store: Store, values: dict[str, Any]) -> int:
        given = self._values(values)
        if self.draft is None:
            return add_draft(store, self.case_id, given.pop("text"), **given)
        update_draft(store, self.draft.id, **given)
        return self.draft.id

    def save(self) -> None:
        self.submit = self._sign
        self.draft_button.setEnabled(False)
        super().save()

    def save_draft(self) -> None:
        self.submit = self._as_draft
        self.draft_button.setEnabled(False)
        RecordDialog.save(self)

    def _saved(self, result: object) -> None:
        self.draft_button.setEnabled(True)
        super()._saved(result)

    def _failed(self, exc: BaseException) -> None:
        self.draft_button.setEnabled(True)
        super()._failed(exc)


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
                Field(
                    "entry_type",
                    self.tr("&Type of entry:"),
                    CHOICE,
                    labels.choices(EntryType),
                    default=entry.entry_type.value,
                ),
                Field(
                    "event_date",
                    self.tr("Event &date:"),
                    DATE,
                    default=labels.day(entry.event_on),
                ),
                Field("text", self.tr("&Corrected text:"), MULTILINE, default=entry.text),
                Field("reason", self.tr("&Reason for the correction:"), MULTILINE),
            ],
            lambda store, values: correct_journal_entry(
                store,
                entry_id,
                values["text"],
                values["reason"],
                entry_type=values["entry_type"],
                event_date=values["event_date"],
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
