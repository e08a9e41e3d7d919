"""“Grunder för sekretess…”: the editable list of provisions an extract can cite.

The grounds are data in the store (``storage.extract.grounds``): a law changes, a number is
corrected, a municipality adds its own. Here a caseworker (or whoever the unit lets) adds a
ground, edits its label, citation, description and note, or switches it off; every change is
audited (``ground.add`` / ``ground.update``). A ground is never deleted: old extracts and
audit entries keep naming it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from storage.extract import grounds as grounds_mod
from storage.extract.grounds import Ground
from storage.vault.store import Store
from ui.kit.dialogs import set_state
from ui.kit.windows import fit_to_screen
from ui.runtime.error_dialog import error_text
from ui.runtime.session_api import SessionAPI


class GroundsDialog(QDialog):
    def __init__(self, session: SessionAPI, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("groundsDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.session = session
        self.grounds: list[Ground] = []
        self.editing: int | None = None  # the ground's id, None for a new one
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setObjectName("hint")
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("groundsTable")
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.label = QLineEdit(self)
        self.label.setObjectName("groundLabel")
        self.provision = QLineEdit(self)
        self.provision.setObjectName("groundProvision")
        self.description = QPlainTextEdit(self)
        self.description.setObjectName("groundDescription")
        self.description.setTabChangesFocus(True)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("groundNote")
        self.note.setTabChangesFocus(True)
        for box, lines in ((self.description, 4), (self.note, 3)):  # the list gets the room
            box.setMaximumHeight(box.fontMetrics().lineSpacing() * lines + 16)
        self.active = QCheckBox(self)
        self.active.setObjectName("groundActive")
        self.status = QLabel(self)
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("newGroundButton")
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveGroundButton")
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("closeGroundsButton")
        self._labels = [QLabel(self) for _ in range(4)]
        form = QFormLayout()
        for label, field in zip(
            self._labels, (self.label, self.provision, self.description, self.note), strict=True
        ):
            form.addRow(label, field)
        form.addRow("", self.active)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.table.currentCellChanged.connect(lambda row, *_: self._chosen(row))
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.accept)
        self.retranslate()
        fit_to_screen(self, 760, 620)
        session.guard.track_dialog(self)
        self.load()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Grounds for withholding"))
        self.intro.setText(
            self.tr(
                "The provisions an extract can cite when it masks or withholds something. "
                "Check the wording against the law when it changes; the note says how each "
                "was checked. A ground is switched off, never deleted."
            )
        )
        texts = (
            self.tr("Label:"),
            self.tr("Provision:"),
            self.tr("Description:"),
            self.tr("Note:"),
        )
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Label"), self.tr("Provision"), self.tr("In use")]
        )
        self.table.setAccessibleName(self.tr("Grounds for withholding"))
        self.label.setAccessibleName(self.tr("Label"))
        self.provision.setAccessibleName(self.tr("Provision"))
        self.description.setAccessibleName(self.tr("Description"))
        self.note.setAccessibleName(self.tr("Note"))
        self.active.setText(self.tr("In use (offered in extracts)"))
        self.new_button.setText(self.tr("&New ground"))
        self.save_button.setText(self.tr("&Save"))
        self.close_button.setText(self.tr("Close"))

    @staticmethod
    def _fetch(store: Store) -> list[Ground]:
        return grounds_mod.grounds(store, active_only=False)

    def load(self) -> None:
        self.session.run(self, self._fetch, self._show, progress=False)

    def _show(self, found: list[Ground]) -> None:
        self.grounds = found
        self.table.setRowCount(len(found))
        for row, g in enumerate(found):
            cells = (g.label, g.provision, self.tr("yes") if g.active else self.tr("no"))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(g.description)
                self.table.setItem(row, column, item)
        if found and self.editing is None:
            self.table.setCurrentCell(0, 0)
        elif self.editing is not None:
            row = next((i for i, g in enumerate(found) if g.id == self.editing), 0)
            self.table.setCurrentCell(row, 0)

    def _chosen(self, row: int) -> None:
        if not 0 <= row < len(self.grounds):
            return
        g = self.grounds[row]
        self.editing = g.id
        self.label.setText(g.label)
        self.provision.setText(g.provision)
        self.description.setPlainText(g.description)
        self.note.setPlainText(g.note or "")
        self.active.setChecked(g.active)

    def start_new(self) -> None:
        self.editing = None
        self.table.clearSelection()
        for field in (self.label, self.provision):
            field.clear()
        self.description.clear()
        self.note.clear()
        self.active.setChecked(True)
        self.label.setFocus()

    def save(self) -> None:
        values: dict[str, Any] = {
            "label": self.label.text(),
            "provision": self.provision.text(),
            "description": self.description.toPlainText(),
            "note": self.note.toPlainText() or None,
        }
        editing, active = self.editing, self.active.isChecked()

        def work(store: Store) -> int:
            if editing is None:
                new_id = grounds_mod.add_ground(store, **values)
                if not active:
                    grounds_mod.update_ground(store, new_id, active=False)
                return new_id
            grounds_mod.update_ground(store, editing, active=active, **values)
            return editing

        self.session.run(self, work, self._saved, self._failed, progress=False)

    def _saved(self, ground_id: int) -> None:
        self.editing = ground_id
        self.status.setText(self.tr("Saved. The change is in the audit log."))
        set_state(self.status, "ok")
        self.load()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(error_text(exc))
        set_state(self.status, "error")
