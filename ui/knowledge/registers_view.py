"""The method register and the provision register, each in a window of its own (opened from
the main window's menu).

*Metodregister*: every method with its evidence level, target group and the source of the
level; the chosen one in full; new and change; *Exportera signerad fil…* writes the whole
register signed by this installation (sync/knowledge/methods_file.py), *Importera…* reads
one from a verified contact, says who signed it and what it would add or change, and applies
it only when the caseworker says so.

*Lagrum*: the provisions decisions name — law, chapter and section (empty until checked),
what it is about, the source it was checked against and when, a note, in use or not.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from storage.atomic import atomic_write_bytes
from storage.records.knowledge import Method, Provision
from storage.registers.methods import methods
from storage.registers.provisions import provisions
from storage.vault.store import Store
from sync.knowledge.methods_file import (
    FILE_MAX_BYTES,
    SUFFIX,
    MethodsPreview,
    export_methods_file,
    import_methods_file,
    read_methods_file,
)
from ui.kit import labels, vocab
from ui.kit.dialogs import open_path, plain_label, quiet_buttons, save_path, set_state
from ui.kit.tables import RecordTable, TableModel
from ui.kit.windows import fit_to_screen
from ui.knowledge.register_dialogs import MethodDialog, ProvisionDialog
from ui.record_dialogs.form import RecordDialog
from ui.runtime.error_dialog import error_text
from ui.runtime.session_api import SessionAPI


def _export(store: Store, path: Path) -> int:
    data = export_methods_file(store)
    atomic_write_bytes(path, data)
    return len(methods(store))


class _Shared:
    """What both register windows share (a mixin of a QDialog): a table, the chosen record
    in full, a status line, buttons, reloading after a change."""

    session: SessionAPI
    dialog: RecordDialog | None
    detail: QPlainTextEdit
    status: QLabel

    def _start(self: Any, session: SessionAPI) -> None:
        self.session = session
        session.guard.register(self)
        session.guard.track_dialog(self)
        self.dialog = None
        self.detail = QPlainTextEdit(self)
        self.detail.setReadOnly(True)
        self.detail.setTabChangesFocus(True)
        self.status = plain_label("", self, "registerStatus")

    def _layout(self: Any, table: RecordTable, buttons: list[QPushButton]) -> None:
        close = QPushButton(QCoreApplication.translate("RegisterWindow", "Close"), self)
        close.clicked.connect(self.reject)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setChildrenCollapsible(False)
        split.addWidget(table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        layout.addLayout(row)
        order = [table, self.detail, *buttons, close]
        for a, b in itertools.pairwise(order):
            self.setTabOrder(a, b)  # down the window: the table, the record, the buttons
        fit_to_screen(self, 1000, 640)
        quiet_buttons(self)

    def open_dialog(self: Any, dialog: RecordDialog) -> None:
        self.dialog = dialog
        dialog.saved.connect(lambda _r: self._saved())
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _saved(self: Any) -> None:
        self.status.setText(QCoreApplication.translate("RegisterWindow", "Saved."))
        set_state(self.status, "ok")
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(error_text(exc))
        set_state(self.status, "error")


class MethodsView(_Shared, QDialog):
    def __init__(self, session: SessionAPI, parent: QWidget | None = None) -> None:
        QDialog.__init__(self, parent)
        self._start(session)
        self.setObjectName("methodsView")
        self.setWindowTitle(self.tr("Method register"))
        self.model: TableModel[Method] = TableModel(
            lambda: [
                self.tr("Method"),
                self.tr("Evidence level"),
                self.tr("Target group"),
                self.tr("Source of the level"),
            ],
            lambda m: [
                m.name,
                vocab.text(m.evidence_level),
                m.target_group or labels.EMPTY,
                m.evidence_source or labels.EMPTY,
            ],
            self,
        )
        self.table = RecordTable("methodTable", self.model, self, stretch=(3,))
        self.table.setAccessibleName(self.tr("Methods"))
        self.detail.setAccessibleName(self.tr("The chosen method"))
        self.new_button = QPushButton(self.tr("&New method…"), self)
        self.edit_button = QPushButton(self.tr("&Change…"), self)
        self.export_button = QPushButton(self.tr("&Export signed file…"), self)
        self.export_button.setObjectName("exportMethods")
        self.import_button = QPushButton(self.tr("&Import…"), self)
        self.import_button.setObjectName("importMethods")
        self.confirm: QMessageBox | None = None
        self._layout(
            self.table,
            [self.new_button, self.edit_button, self.export_button, self.import_button],
        )
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._chosen())
        self.new_button.clicked.connect(lambda: self.open_dialog(MethodDialog(session, None, self)))
        self.edit_button.clicked.connect(self.edit)
        self.export_button.clicked.connect(self.choose_export)
        self.import_button.clicked.connect(self.choose_import)
        session.guard.register(self.model)
        self.refresh()

    def refresh(self) -> None:
        self.session.run(self, methods, self._loaded, progress=False)

    def _loaded(self, found: list[Method]) -> None:
        self.model.set_records(found)
        if not self.table.currentIndex().isValid() and found:
            self.table.selectRow(0)
        self._chosen()

    def _chosen(self) -> None:
        m = self.table.current_record()
        self.edit_button.setEnabled(isinstance(m, Method))
        if not isinstance(m, Method):
            self.detail.clear()
            return
        origin = {
            "shipped": self.tr("shipped with Utväg"),
            "local": self.tr("added here"),
            "imported": self.tr("imported from a shared register"),
        }.get(m.origin, m.origin)
        self.detail.setPlainText(
            "\n".join(
                [
                    m.name,
                    m.description or "",
                    self.tr("Target group: {text}").format(text=m.target_group or labels.EMPTY),
                    self.tr("Evidence level: {level}").format(level=vocab.text(m.evidence_level)),
                    self.tr("Source: {text}").format(text=m.evidence_source or labels.EMPTY),
                    self.tr("Origin: {origin}; code {code}; changed {time}").format(
                        origin=origin, code=m.code, time=labels.local_time(m.updated_at)
                    ),
                ]
            )
        )

    def edit(self) -> None:
        m = self.table.current_record()
        if isinstance(m, Method):
            self.open_dialog(MethodDialog(self.session, m, self))

    # ------------------------------------------------------------------ sharing
    def choose_export(self) -> None:
        pattern = self.tr("Method register (*{suffix})").format(suffix=SUFFIX)
        path = save_path(self, self.tr("Export the method register"), f"metoder{SUFFIX}", pattern)
        if path is not None and self.session.is_unlocked:
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        self.session.run(
            self,
            lambda store: _export(store, path),
            lambda n: self._exported(path, n),
            self._failed,
            label=self.tr("Exporting…"),
        )

    def _exported(self, path: Path, count: int) -> None:
        text = self.tr("%n method(s) exported, signed, to {file}.", "", count)
        self.status.setText(text.format(file=path.name))
        set_state(self.status, "ok")

    def choose_import(self) -> None:
        pattern = self.tr("Method register (*{suffix})").format(suffix=SUFFIX)
        path = open_path(self, self.tr("Import a method register"), pattern)
        if path is not None and self.session.is_unlocked:
            self.preview_file(path)

    def preview_file(self, path: Path) -> None:
        try:
            with path.open("rb") as handle:  # a larger file is refused by the core unread
                data = handle.read(FILE_MAX_BYTES + 1)
        except OSError as exc:
            self._failed(exc)
            return
        self.session.run(
            self,
            lambda store: read_methods_file(store, data),
            lambda preview: self._ask(preview, data),
            self._failed,
            label=self.tr("Checking the signature…"),
        )

    def preview_text(self, preview: MethodsPreview) -> str:
        lines = [
            self.tr("Signed by {signer} at {time} (a verified contact).").format(
                signer=preview.signer, time=labels.local_time(preview.created)
            ),
            self.tr("%n new method(s)", "", len(preview.added))
            + (": " + ", ".join(preview.added) if preview.added else ""),
            self.tr("%n changed method(s)", "", len(preview.changed))
            + (": " + ", ".join(preview.changed) if preview.changed else ""),
            self.tr("%n unchanged", "", preview.unchanged),
        ]
        return "\n".join(lines)

    def _ask(self, preview: MethodsPreview, data: bytes) -> None:
        box = QMessageBox(self)
        box.setObjectName("methodsImportConfirm")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Import the method register?"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.preview_text(preview))
        box.setInformativeText(
            self.tr("Changed methods take the shared file's text and evidence level.")
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Import"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Cancel"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.session.guard.track_dialog(box)
        box.accepted.connect(lambda: self.apply(data))
        self.confirm = box
        box.open()

    def apply(self, data: bytes) -> None:
        self.session.run(
            self,
            lambda store: import_methods_file(store, data),
            self._imported,
            self._failed,
            label=self.tr("Importing…"),
        )

    def _imported(self, result: Any) -> None:
        self.status.setText(
            self.tr("Imported: {added}, {updated}, {unchanged}.").format(
                added=self.tr("%n added", "", result.added),
                updated=self.tr("%n changed", "", result.updated),
                unchanged=self.tr("%n unchanged", "", result.unchanged),
            )
        )
        set_state(self.status, "ok")
        self.refresh()

    def clear_for_lock(self) -> None:
        self.detail.clear()
        self.status.clear()
        self.model.set_records([])


class ProvisionsView(_Shared, QDialog):
    def __init__(self, session: SessionAPI, parent: QWidget | None = None) -> None:
        QDialog.__init__(self, parent)
        self._start(session)
        self.setObjectName("provisionsView")
        self.setWindowTitle(self.tr("Provisions (lagrum)"))
        self.model: TableModel[Provision] = TableModel(
            lambda: [
                self.tr("Law"),
                self.tr("Chapter and section"),
                self.tr("About"),
                self.tr("Checked"),
                self.tr("In use"),
            ],
            lambda p: [
                p.law,
                p.reference or self.tr("not checked"),
                p.title,
                labels.day(p.source_date),
                labels.yes_no(p.active),
            ],
            self,
            muted=lambda p: not p.active,
        )
        self.table = RecordTable("provisionTable", self.model, self, stretch=(2,))
        self.table.setAccessibleName(self.tr("Provisions"))
        self.detail.setAccessibleName(self.tr("The chosen provision"))
        self.new_button = QPushButton(self.tr("&New provision…"), self)
        self.edit_button = QPushButton(self.tr("&Change…"), self)
        self._layout(self.table, [self.new_button, self.edit_button])
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._chosen())
        self.new_button.clicked.connect(
            lambda: self.open_dialog(ProvisionDialog(session, None, self))
        )
        self.edit_button.clicked.connect(self.edit)
        session.guard.register(self.model)
        self.refresh()

    def refresh(self) -> None:
        self.session.run(self, provisions, self._loaded, progress=False)

    def _loaded(self, found: list[Provision]) -> None:
        self.model.set_records(found)
        if not self.table.currentIndex().isValid() and found:
            self.table.selectRow(0)
        self._chosen()

    def _chosen(self) -> None:
        p = self.table.current_record()
        self.edit_button.setEnabled(isinstance(p, Provision))
        if not isinstance(p, Provision):
            self.detail.clear()
            return
        lines = [
            p.text,
            self.tr("Source: {text}").format(text=p.source),
            self.tr("Checked on: {day}").format(day=labels.day(p.source_date)),
        ]
        if p.note:
            lines.append(self.tr("Note: {text}").format(text=p.note))
        self.detail.setPlainText("\n".join(lines))

    def edit(self) -> None:
        p = self.table.current_record()
        if isinstance(p, Provision):
            self.open_dialog(ProvisionDialog(self.session, p, self))

    def clear_for_lock(self) -> None:
        self.detail.clear()
        self.status.clear()
        self.model.set_records([])
