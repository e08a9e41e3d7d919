"""Hotbild: the case's threat assessments, newest first; a new one is added, never edited."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from storage.casefile.assessments import threat_assessments
from storage.records import ThreatAssessment
from storage.vault.store import Store
from ui.case_view.base import (
    CaseTab,
    button_row,
    section_title,
)
from ui.kit import labels
from ui.kit.tables import RecordTable, TableModel
from ui.record_dialogs.network_dialogs import ThreatAssessmentDialog
from ui.runtime.session_api import SessionAPI


class ThreatTab(CaseTab):
    def __init__(self, session: SessionAPI, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("threatTab")
        self.heading = section_title(parent=self)
        self.model: TableModel[ThreatAssessment] = TableModel(
            lambda: [
                self.tr("Assessed"),
                self.tr("Source"),
                self.tr("Level"),
                self.tr("Summary"),
                self.tr("Measures"),
                self.tr("Next review"),
            ],
            lambda a: [
                labels.day(a.assessed_on),
                a.source_unit,
                labels.label(a.level),
                a.summary,
                a.measures or labels.EMPTY,
                labels.day(a.next_review_on),
            ],
            self,
        )
        self.table = RecordTable("threatTable", self.model, self, stretch=(3, 4))
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("addThreatButton")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(button_row(self.add_button))
        self.add_button.clicked.connect(self._add)
        session.guard.register(self.model)
        self.retranslate()
        self.clear_view()

    def title(self) -> str:
        return self.tr("Threat")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Threat assessments (newest first)"))
        self.add_button.setText(self.tr("&New threat assessment…"))
        self.table.setAccessibleName(self.tr("Threat assessments"))

    @staticmethod
    def fetch(store: Store, case_id: int) -> list[ThreatAssessment]:
        return threat_assessments(store, case_id)

    def show_data(self, data: list[ThreatAssessment]) -> None:
        self.model.set_records(data)
        self.add_button.setEnabled(True)

    def clear_view(self) -> None:
        self.model.set_records([])
        self.add_button.setEnabled(False)

    def _add(self) -> None:
        if self.case_id is not None:
            self.open_dialog(ThreatAssessmentDialog(self.session, self.case_id, self))
