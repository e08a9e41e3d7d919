"""Logg: the audit entries about this case (subject = its case number) — who changed,
opened or revealed what, when and why. Read-only; the whole log is in Visa → Granskningslogg.
*Vem har öppnat ärendet?* opens the access log (loggkontroll) for this case
(``accessLogRequested(case_number)``; the button shows once that is connected).

The audit API filters by time, action and user, not by subject, so the entries are filtered
by case number on the store worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
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


@dataclass(frozen=True)
class CaseLog:
    case_number: str
    entries: list[Any]


class LogTab(CaseTab):
    accessLogRequested = Signal(str)  # the case number

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
        self.access_button = QPushButton(self)
        self.access_button.setObjectName("accessLogButton")
        self.access_button.setVisible(False)
        self.case_number = ""
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        row = button_row(self.refresh_button, self.access_button)
        row.addWidget(self.count)
        layout.addLayout(row)
        self.refresh_button.clicked.connect(self.reload)
        self.access_button.clicked.connect(self._access_log)
        session.guard.register(self.model)
        self.retranslate()
        self.clear_view()

    def title(self) -> str:
        return self.tr("Log")

    def retranslate(self) -> None:
        self.refresh_button.setText(self.tr("&Refresh"))
        self.access_button.setText(self.tr("&Who has opened the case?"))
        self.access_button.setToolTip(
            self.tr("The access log of this case: who opened it or read protected details, when")
        )
        self.table.setAccessibleName(self.tr("Audit entries about this case"))

    def set_access_log_available(self, available: bool) -> None:
        self.access_button.setVisible(available)

    @staticmethod
    def fetch(store: Store, case_id: int) -> CaseLog:
        number = get_case(store, case_id).case_number
        return CaseLog(number, [e for e in store.audit.entries() if e.subject == number])

    def show_data(self, data: CaseLog) -> None:
        self.case_number = data.case_number
        self.model.set_records(data.entries)
        fit_columns(self.table)
        self.table.scrollToBottom()
        self.count.setText(self.tr("%n entry(ies) about this case.", "", len(data.entries)))
        self.refresh_button.setEnabled(True)
        self.access_button.setEnabled(True)

    def _access_log(self) -> None:
        if self.case_number:
            self.accessLogRequested.emit(self.case_number)

    def clear_view(self) -> None:
        self.case_number = ""
        self.model.set_records([])
        self.count.clear()
        self.refresh_button.setEnabled(False)
        self.access_button.setEnabled(False)
