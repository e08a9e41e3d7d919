"""What an extract covers: the parts of the case file (one check box per section of
``storage.extract.model.SECTIONS``; the case, persons and the journal chosen at first) and
the period (the whole file, or from – to)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from storage.extract.model import SECTIONS

FIRST_CHOICE = ("case", "persons", "journal")


class SectionsBox(QGroupBox):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("extractSections")
        self.checks: dict[str, QCheckBox] = {}
        grid = QGridLayout(self)
        for index, code in enumerate(SECTIONS):
            check = QCheckBox(self)
            check.setObjectName(f"section_{code}")
            check.setChecked(code in FIRST_CHOICE)
            check.toggled.connect(self.changed)
            self.checks[code] = check
            grid.addWidget(check, index // 3, index % 3)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Parts of the case file"))
        names = {
            "case": self.tr("The case"),
            "persons": self.tr("Persons"),
            "consents": self.tr("Consents"),
            "agreements": self.tr("Agreements and conditions"),
            "threats": self.tr("Threat assessments"),
            "network": self.tr("Network links"),
            "interventions": self.tr("Interventions"),
            "partners": self.tr("Partners"),
            "placements": self.tr("Placements"),
            "journal": self.tr("Journal"),
            "documents": self.tr("Documents (list)"),
            "follow_ups": self.tr("Follow-ups"),
        }
        for code, check in self.checks.items():
            check.setText(names[code])

    def chosen(self) -> tuple[str, ...]:
        return tuple(code for code, check in self.checks.items() if check.isChecked())


class PeriodRow(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.whole = QCheckBox(self)
        self.whole.setObjectName("extractWholePeriod")
        self.whole.setChecked(True)
        today = QDate.currentDate()
        self.start = QDateEdit(today.addYears(-1), self)
        self.end = QDateEdit(today, self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.whole)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            edit.dateChanged.connect(self.changed)
            row.addWidget(edit)
            if edit is self.start:
                row.addWidget(QLabel("–", self))
        row.addStretch(1)
        self.whole.toggled.connect(self._toggled)
        self.retranslate()

    def retranslate(self) -> None:
        self.whole.setText(self.tr("The whole file"))
        self.start.setAccessibleName(self.tr("From"))
        self.end.setAccessibleName(self.tr("To"))

    def _toggled(self, whole: bool) -> None:
        self.start.setEnabled(not whole)
        self.end.setEnabled(not whole)
        self.changed.emit()

    def period(self) -> tuple[dt.date | None, dt.date | None]:
        if self.whole.isChecked():
            return None, None
        return (
            dt.date.fromisoformat(self.start.date().toString("yyyy-MM-dd")),
            dt.date.fromisoformat(self.end.date().toString("yyyy-MM-dd")),
        )
