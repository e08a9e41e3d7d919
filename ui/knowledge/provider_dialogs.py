"""Small forms of the provider register: a new provider, and a date with notes (plan a
control visit, record a control that was made). They only collect input; the provider
view runs the store calls."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from storage.records.enums import ProviderKind
from ui.kit import labels
from ui.kit.dialogs import plain_label


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class NewProviderDialog(QDialog):
    """A new provider (utförare) for the register."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("providerDialog")
        self.setWindowTitle(self.tr("New provider"))
        self.name = QLineEdit(self)
        self.name.setObjectName("providerName")
        self.name.setMaxLength(200)
        self.kind = QComboBox(self)
        self.kind.setObjectName("providerKind")
        for code, text in labels.choices(ProviderKind):
            self.kind.addItem(text, code)
        self.org_number = QLineEdit(self)
        self.org_number.setMaxLength(20)
        self.municipality = QLineEdit(self)
        self.municipality.setMaxLength(100)
        buttons = _buttons(self, self.tr("&Add"))
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("&Organisation number:"), self.org_number)
        form.addRow(self.tr("&Municipality:"), self.municipality)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            plain_label(
                self.tr(
                    "Private and non-profit providers must be controlled while an intervention "
                    "runs."
                ),
                self,
                "hint",
            )
        )
        layout.addWidget(buttons)
        self.name.textChanged.connect(lambda t: self.ok.setEnabled(bool(t.strip())))
        self.ok.setEnabled(False)
        self.setMinimumWidth(440)

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text().strip(),
            "kind": self.kind.currentData(),
            "org_number": self.org_number.text().strip() or None,
            "municipality": self.municipality.text().strip() or None,
        }


class DateNotesDialog(QDialog):
    """A date (never in the future when ``past_only``) and optional notes."""

    def __init__(
        self,
        title: str,
        intro: str,
        date_label: str,
        ok_text: str,
        *,
        past_only: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dateNotesDialog")
        self.setWindowTitle(title)
        today = QDate.currentDate()
        self.day = QDateEdit(today if past_only else today.addDays(7), self)
        self.day.setObjectName("controlDate")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        if past_only:
            self.day.setMaximumDate(today)
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("controlNotes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(110)
        form = QFormLayout()
        form.addRow(date_label, self.day)
        form.addRow(self.tr("&Notes:"), self.notes)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(intro, self))
        layout.addLayout(form)
        layout.addWidget(_buttons(self, ok_text))
        self.setMinimumWidth(460)

    def date(self) -> dt.date:
        value = self.day.date().toPython()
        assert isinstance(value, dt.date)
        return value

    def notes_text(self) -> str | None:
        return self.notes.toPlainText().strip() or None
