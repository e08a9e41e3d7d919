"""Översikt: the case's status, dates, municipalities and caseworker; status changes (closing
with an outcome), details, gallring exemption; the case's reminders and follow-ups; and a
high need of the latest needs assessment that no running intervention, SIP or care contact
meets (storage.caseplan.needs.unmet_needs)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from storage.casefile.cases import get_case
from storage.casefile.followups import follow_ups
from storage.caseplan.needs import unmet_needs
from storage.casework.reminders import reminders
from storage.records import (
    STATUS_TRANSITIONS,
    Case,
    FollowUp,
    Reminder,
)
from storage.records.knowledge import UnmetNeed
from storage.vault.store import Store
from ui.case_view.base import (
    CaseTab,
    button_row,
    section_title,
)
from ui.cases.reminder_index import HORIZON_DAYS
from ui.cases.reminders_panel import reminder_text
from ui.kit import labels, vocab
from ui.kit.tables import RecordTable, TableModel
from ui.record_dialogs.case_dialogs import (
    EditCaseDialog,
    GallringExemptionDialog,
    ReminderDialog,
    StatusDialog,
)
from ui.runtime.session_api import SessionAPI

FIELDS = (
    "number",
    "type",
    "status",
    "opened",
    "closed",
    "home",
    "stay",
    "caseworker",
    "referral",
    "gallring",
)


@dataclass(frozen=True)
class OverviewData:
    case: Case
    reminders: list[Reminder]
    follow_ups: list[FollowUp]
    unmet: list[UnmetNeed]


class OverviewTab(CaseTab):
    followUpRequested = Signal(int)

    def __init__(self, session: SessionAPI, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("overviewTab")
        self.case: Case | None = None
        self.values = {key: self._value(key) for key in FIELDS}
        self.captions = {key: QLabel(self) for key in FIELDS}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        for key in FIELDS:
            self.captions[key].setBuddy(self.values[key])
            form.addRow(self.captions[key], self.values[key])
        self.edit_button = QPushButton(self)
        self.edit_button.setObjectName("editCaseButton")
        self.status_button = QPushButton(self)
        self.status_button.setObjectName("statusButton")
        self.gallring_button = QPushButton(self)
        self.gallring_button.setObjectName("gallringButton")
        self.reminder_button = QPushButton(self)
        self.reminder_button.setObjectName("newReminderButton")
        self.follow_up_button = QPushButton(self)
        self.follow_up_button.setObjectName("followUpButton")
        self.follow_up_button.setVisible(False)
        self.reminders_model: TableModel[Reminder] = TableModel(
            lambda: [self.tr("Due"), self.tr("What")],
            lambda r: [labels.due_text(r.due_on, r.due_on < dt.date.today()), reminder_text(r)],
            self,
        )
        self.follow_ups_model: TableModel[FollowUp] = TableModel(
            lambda: [self.tr("Date"), self.tr("Follow-up"), self.tr("Summary"), self.tr("By")],
            lambda f: [labels.day(f.done_on), labels.label(f.kind), f.summary, f.created_by],
            self,
        )
        self.reminders_table = RecordTable("caseReminders", self.reminders_model, self)
        self.follow_ups_table = RecordTable(
            "caseFollowUps", self.follow_ups_model, self, stretch=(2,)
        )
        self.case_title = section_title(parent=self)
        self.unmet = QLabel(self)
        self.unmet.setObjectName("unmetNeeds")
        self.unmet.setTextFormat(Qt.TextFormat.PlainText)
        self.unmet.setWordWrap(True)
        self.unmet.setStyleSheet("color: #a4262c;")
        self.unmet.setVisible(False)
        self.reminders_title = section_title(parent=self)
        self.follow_ups_title = section_title(parent=self)

        left = QVBoxLayout()
        left.addWidget(self.case_title)
        left.addLayout(form)
        left.addLayout(button_row(self.edit_button, self.status_button))
        left.addLayout(button_row(self.gallring_button))
        left.addWidget(self.unmet)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.reminders_title)
        right.addWidget(self.reminders_table, 1)
        right.addLayout(button_row(self.reminder_button))
        right.addWidget(self.follow_ups_title)
        right.addWidget(self.follow_ups_table, 1)
        right.addLayout(button_row(self.follow_up_button))
        grid = QGridLayout(self)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)

        for a, b in zip(self._tab_chain(), self._tab_chain()[1:], strict=False):
            self.setTabOrder(a, b)  # down the left column, then down the right one
        self.edit_button.clicked.connect(self.edit_case)
        self.status_button.clicked.connect(self.change_status)
        self.gallring_button.clicked.connect(self.gallring_exemption)
        self.reminder_button.clicked.connect(self.new_reminder)
        self.follow_up_button.clicked.connect(self._follow_up)
        session.guard.register(self.reminders_model)
        session.guard.register(self.follow_ups_model)
        self.retranslate()
        self.clear_view()

    def _tab_chain(self) -> list[QWidget]:
        return [
            self.edit_button,
            self.status_button,
            self.gallring_button,
            self.reminders_table,
            self.reminder_button,
            self.follow_ups_table,
            self.follow_up_button,
        ]

    def _value(self, key: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(f"overview_{key}")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        return label

    def title(self) -> str:
        return self.tr("Overview")

    def retranslate(self) -> None:
        captions = {
            "number": self.tr("Case number:"),
            "type": self.tr("Case type:"),
            "status": self.tr("Status:"),
            "opened": self.tr("Opened:"),
            "closed": self.tr("Closed:"),
            "home": self.tr("Home municipality:"),
            "stay": self.tr("Municipality of stay:"),
            "caseworker": self.tr("Caseworker:"),
            "referral": self.tr("Referred by:"),
            "gallring": self.tr("Gallring:"),
        }
        for key, text in captions.items():
            self.captions[key].setText(text)
        self.case_title.setText(self.tr("The case"))
        self.reminders_title.setText(self.tr("Reminders for this case"))
        self.follow_ups_title.setText(self.tr("Follow-ups"))
        self.edit_button.setText(self.tr("&Edit details…"))
        self.status_button.setText(self.tr("Change &status…"))
        self.gallring_button.setText(self.tr("&Gallring exemption…"))
        self.reminder_button.setText(self.tr("New &reminder…"))
        self.follow_up_button.setText(self.tr("Record &follow-up…"))
        self.reminders_table.setAccessibleName(self.tr("Reminders for this case"))
        self.follow_ups_table.setAccessibleName(self.tr("Follow-ups"))
        if self.case is not None:
            self._show_case(self.case)

    def set_follow_up_available(self, available: bool) -> None:
        self.follow_up_button.setVisible(available)

    @staticmethod
    def fetch(store: Store, case_id: int) -> OverviewData:
        return OverviewData(
            get_case(store, case_id),
            reminders(store, within_days=HORIZON_DAYS, case_id=case_id),
            follow_ups(store, case_id),
            unmet_needs(store, case_id),
        )

    def show_data(self, data: OverviewData) -> None:
        self._show_case(data.case)
        self.reminders_model.set_records(data.reminders)
        self.follow_ups_model.set_records(data.follow_ups)
        self._show_unmet(data.unmet)

    def _show_unmet(self, unmet: list[UnmetNeed]) -> None:
        self.unmet.setVisible(bool(unmet))
        if not unmet:
            self.unmet.clear()
            return
        needs = "; ".join(f"{vocab.text(u.domain)} ({vocab.text(u.level)})" for u in unmet)
        self.unmet.setText(
            self.tr(
                "%n high need(s) from the needs assessment of {day} without a running "
                "intervention, SIP or care contact: {needs}",
                "",
                len(unmet),
            ).format(day=labels.day(unmet[0].assessed_on), needs=needs)
        )
        self.unmet.setAccessibleName(self.unmet.text())

    def _show_case(self, case: Case) -> None:
        self.case = case
        status = labels.label(case.status)
        if case.outcome is not None:
            status = self.tr("{status} — outcome: {outcome}").format(
                status=status, outcome=labels.label(case.outcome)
            )
        if case.gallring_exempt:
            gallring = self.tr("exempt: {reason}").format(reason=case.gallring_exempt_reason)
        else:
            gallring = self.tr("five years after the last entry")
        texts = {
            "number": case.case_number + (self.tr(" (demo)") if case.demo else ""),
            "type": labels.label(case.case_type),
            "status": status,
            "opened": labels.day(case.opened_on),
            "closed": labels.day(case.closed_on),
            "home": case.home_municipality,
            "stay": case.stay_municipality or labels.EMPTY,
            "caseworker": case.caseworker,
            "referral": case.referral_source or labels.EMPTY,
            "gallring": gallring,
        }
        for key, text in texts.items():
            self.values[key].setText(text)
        open_case = not case.is_closed
        self.status_button.setEnabled(bool(STATUS_TRANSITIONS[case.status]))
        self.edit_button.setEnabled(open_case)
        self.gallring_button.setEnabled(True)
        self.reminder_button.setEnabled(True)

    def clear_view(self) -> None:
        self.case = None
        for label in self.values.values():
            label.clear()
        self.reminders_model.set_records([])
        self.follow_ups_model.set_records([])
        self._show_unmet([])
        for button in (
            self.edit_button,
            self.status_button,
            self.gallring_button,
            self.reminder_button,
        ):
            button.setEnabled(False)

    # ------------------------------------------------------------------ actions
    def edit_case(self) -> None:
        if self.case is not None:
            self.open_dialog(EditCaseDialog(self.session, self.case, self))

    def change_status(self) -> None:
        if self.case is not None:
            self.open_dialog(StatusDialog(self.session, self.case, self))

    def gallring_exemption(self) -> None:
        if self.case is not None:
            self.open_dialog(GallringExemptionDialog(self.session, self.case, self))

    def new_reminder(self) -> None:
        if self.case_id is not None:
            self.open_dialog(ReminderDialog(self.session, self.case_id, self))

    def _follow_up(self) -> None:
        if self.case_id is not None:
            self.followUpRequested.emit(self.case_id)
