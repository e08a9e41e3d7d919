"""Logg: the audit entries about this case (subject = its case number) — who changed,
opened or revealed what, when and why. Read-only; the whole log is in Visa → Granskningslogg.

The audit API filters by time, action and user, not by subject, so the entries are filtered
by case number on the store worker.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from storage.casefile.cases import get_case
from storage.vault.store import Store
from ui.case_view.base import (
    CaseTab,
    button_row,
)
from ui.kit.tables import use_eliding_header
from ui.runtime.session_api import SessionAPI
from ui.window.audit_view import AuditModel, fit_columns


class LogTab(CaseTab):
    def __init__(self, session: SessionAPI, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("logTab")
        self.model = AuditModel(self)
        self.table = QTableView(self)
        use_eliding_header(self.table)
        self.table.setObjectName("caseLogTable")
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setColumnHidden(4, True)  # "Gäller": the case itself
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.count = QLabel(self)
        self.count.setObjectName("hint")
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("refreshLogButton")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        row = button_row(self.refresh_button)
        row.addWidget(self.count)
        layout.addLayout(row)
        self.refresh_button.clicked.connect(self.reload)
        session.guard.register(self.model)
        self.retranslate()
        self.clear_view()

    def title(self) -> str:
        return self.tr("Log")

    def retranslate(self) -> None:
        self.refresh_button.setText(self.tr("&Refresh"))
        self.table.setAccessibleName(self.tr("Audit entries about this case"))

    @staticmethod
    def fetch(store: Store, case_id: int) -> list[Any]:
        number = get_case(store, case_id).case_number
        return [e for e in store.audit.entries() if e.subject == number]

    def show_data(self, data: list[Any]) -> None:
        self.model.set_records(data)
        fit_columns(self.table)
        self.table.scrollToBottom()
        self.count.setText(self.tr("%n entry(ies) about this case.", "", len(data)))
        self.refresh_button.setEnabled(True)

    def clear_view(self) -> None:
        self.model.set_records([])
        self.count.clear()
        self.refresh_button.setEnabled(False)
