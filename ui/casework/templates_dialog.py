"""Journal templates (mallar): a starting text per entry type that the new-entry dialog offers.

The list of every template (type and name) and, under it, the chosen one to change: name and
text (the type of a saved template stays; make a new one for another type). *Ny mall*
starts an empty one; *Ta bort mallen…* asks first. Every change runs on the store worker
through ``storage.casefile.drafts`` (audited ``journal.template_*``, ids and type only);
the domain's error is shown under the form, and nothing is stored.
"""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from storage.casefile.drafts import (
    add_template,
    delete_template,
    templates,
    update_template,
)
from storage.records import EntryType, JournalTemplate
from storage.vault.store import Store
from ui.kit import labels
from ui.kit.dialogs import ask, plain_label, quiet_buttons, set_state
from ui.kit.tables import RecordTable, TableModel
from ui.kit.windows import fit_to_screen
from ui.record_dialogs.form import field_error_text
from ui.runtime.session_api import SessionAPI


class TemplatesDialog(QDialog):
    def __init__(self, session: SessionAPI, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templatesDialog")
        self.setWindowTitle(self.tr("Journal templates"))
        self.session = session
        self.current: JournalTemplate | None = None
        self._shown: tuple[str, str] = ("", "")
        session.guard.register(self)
        session.guard.track_dialog(self)
        self.model: TableModel[JournalTemplate] = TableModel(
            lambda: [self.tr("Type of entry"), self.tr("Template")],
            lambda t: [labels.label(t.entry_type), t.name],
            self,
        )
        self.table = RecordTable("templateTable", self.model, self, stretch=(1,))
        self.table.setAccessibleName(self.tr("Templates"))
        self.kind = QComboBox(self)
        self.kind.setObjectName("templateType")
        for code, text in labels.choices(EntryType):
            self.kind.addItem(text, code)
        self.name = QLineEdit(self)
        self.name.setObjectName("templateName")
        self.name.setMaxLength(100)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("templateText")
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(160)
        self.kind_label = QLabel(self.tr("&Type of entry:"), self)
        self.kind_label.setBuddy(self.kind)
        name_label = QLabel(self.tr("&Name:"), self)
        name_label.setBuddy(self.name)
        text_label = QLabel(self.tr("Te&xt:"), self)
        text_label.setBuddy(self.text)
        self.kind.setAccessibleName(self.tr("Type of entry"))
        self.name.setAccessibleName(self.tr("Name"))
        self.text.setAccessibleName(self.tr("Text"))
        self.new_button = QPushButton(self.tr("&New template"), self)
        self.new_button.setObjectName("newTemplate")
        self.save_button = QPushButton(self.tr("&Save the template"), self)
        self.save_button.setObjectName("saveTemplate")
        self.delete_button = QPushButton(self.tr("&Remove the template…"), self)
        self.delete_button.setObjectName("deleteTemplate")
        self.status = plain_label("", self, "templateStatus")
        close = QPushButton(self.tr("Close"), self)
        form_box = QWidget(self)
        form = QFormLayout()
        form.addRow(self.kind_label, self.kind)
        form.addRow(name_label, self.name)
        form.addRow(text_label, self.text)
        right = QVBoxLayout(form_box)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(
            plain_label(
                self.tr(
                    "A template is the text a new entry of its type starts from. Write no "
                    "personal details in a template: it is the same for every case."
                ),
                form_box,
                "hint",
            )
        )
        right.addLayout(form)
        right.addWidget(self.status)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(form_box)
        split.setSizes([180, 320])
        buttons = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        chain = [
            self.table,
            self.kind,
            self.name,
            self.text,
            self.new_button,
            self.save_button,
            self.delete_button,
            close,
        ]
        for a, b in itertools.pairwise(chain):
            self.setTabOrder(a, b)  # the list, the form under it, then the buttons
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._chosen())
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.ask_delete)
        close.clicked.connect(self.reject)
        quiet_buttons(self)
        fit_to_screen(self, 760, 620)
        self.start_new()
        self.refresh()

    # ------------------------------------------------------------------ loading
    def refresh(self, keep: int | None = None) -> None:
        self.session.run(
            self, lambda store: templates(store), lambda t: self._loaded(t, keep), progress=False
        )

    def _loaded(self, found: list[JournalTemplate], keep: int | None) -> None:
        self.model.set_records(found)
        for row, item in enumerate(found):
            if item.id == keep:
                self.table.selectRow(row)

    def _chosen(self) -> None:
        record = self.table.current_record()
        if isinstance(record, JournalTemplate):
            self._show(record)

    def _show(self, item: JournalTemplate | None) -> None:
        self.current = item
        self.kind.setEnabled(item is None)
        self.kind_label.setEnabled(item is None)
        if item is not None:
            self.kind.setCurrentIndex(max(self.kind.findData(item.entry_type.value), 0))
        self.name.setText(item.name if item else "")
        self.text.setPlainText(item.text if item else "")
        self._shown = (self.name.text(), self.text.toPlainText())
        self.delete_button.setEnabled(item is not None)

    def start_new(self) -> None:
        self.table.clearSelection()
        self.table.setCurrentIndex(self.model.index(-1, -1))
        self._show(None)
        self._say("", "")
        self.name.setFocus()

    # ------------------------------------------------------------------ changes
    def save(self) -> None:
        name, text = self.name.text(), self.text.toPlainText()
        current = self.current
        kind = str(self.kind.currentData())

        def work(store: Store) -> int:
            if current is None:
                return add_template(store, entry_type=kind, name=name, text=text)
            update_template(store, current.id, name=name, text=text)
            return current.id

        self.session.run(self, work, self._saved, self._failed, progress=False)

    def _saved(self, template_id: int) -> None:
        self._say(self.tr("The template was saved."), "ok")
        self._shown = (self.name.text(), self.text.toPlainText())
        self.refresh(keep=template_id)

    def ask_delete(self) -> None:
        current = self.current
        if current is None:
            return
        template_id = current.id
        box = ask(
            self,
            self.tr("Remove the template “{name}”?").format(name=current.name),
            self.tr("&Remove"),
            lambda: self.session.run(
                self,
                lambda store: delete_template(store, template_id),
                self._deleted,
                self._failed,
                progress=False,
            ),
            details=self.tr("Entries already written from it are not changed."),
            name="deleteTemplateQuestion",
        )
        self.session.guard.track_dialog(box)

    def _deleted(self, _result: Any) -> None:
        self.start_new()
        self._say(self.tr("The template was removed."), "ok")
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        names = {"name": self.tr("Name"), "text": self.tr("Text")}
        self._say(field_error_text(exc, names), "error")

    def _say(self, text: str, state: str) -> None:
        self.status.setText(text)
        set_state(self.status, state)

    # ------------------------------------------------------------------ lock
    def has_unsaved_edits(self) -> bool:
        return self.isVisible() and (self.name.text(), self.text.toPlainText()) != self._shown

    def clear_for_lock(self) -> None:
        self.model.set_records([])
        self.name.setText("")
        self.text.clear()
        self.status.clear()
