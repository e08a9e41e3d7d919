"""Vård och SIP: contacts with psychiatry and addiction care (a referral sent and not yet
answered is marked), and SIP — the plans with consent, overall responsibility,
participants, the next follow-up (overdue in red) and the agreed actions of the chosen
plan."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from storage.caseplan.care import care_contacts
from storage.caseplan.sip import sips
from storage.records.knowledge import CareContact, Sip, SipAction
from storage.vault.store import Store
from ui.case_view.base import CaseTab, button_row, section_title
from ui.case_view.needs_chart import HIGH
from ui.kit import labels, vocab
from ui.kit.tables import Cell, RecordTable, TableModel
from ui.record_dialogs.plan_dialogs import (
    CareContactDialog,
    EndSipDialog,
    SipActionDialog,
    SipActionDoneDialog,
    SipDialog,
    SipFollowUpDialog,
)
from ui.runtime.session_api import SessionAPI


@dataclass(frozen=True)
class CareData:
    contacts: list[CareContact]
    sips: list[Sip]


def _pane(parent: QWidget, *items: object) -> QWidget:
    pane = QWidget(parent)
    layout = QVBoxLayout(pane)
    layout.setContentsMargins(0, 0, 0, 0)
    for item in items:
        if isinstance(item, QWidget):
            layout.addWidget(item, 1 if not isinstance(item, QLabel) else 0)
        else:
            layout.addLayout(item)  # type: ignore[arg-type]
    return pane


class CareTab(CaseTab):
    def __init__(self, session: SessionAPI, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("careTab")
        self.data: CareData | None = None
        self.care_title = section_title(parent=self)
        self.care_model: TableModel[CareContact] = TableModel(
            lambda: [
                self.tr("Care"),
                self.tr("Region and unit"),
                self.tr("Contact person"),
                self.tr("Period"),
                self.tr("Referral"),
            ],
            self._care_row,
            self,
            muted=lambda c: c.ended_on is not None,
        )
        self.care = RecordTable("careTable", self.care_model, self, stretch=(1,), wrap=False)
        self.add_care = QPushButton(self)
        self.add_care.setObjectName("addCareButton")
        self.edit_care = QPushButton(self)
        self.edit_care.setObjectName("editCareButton")
        self.sip_title = section_title(parent=self)
        self.sip_model: TableModel[Sip] = TableModel(
            lambda: [
                self.tr("Held"),
                self.tr("Consent"),
                self.tr("Responsible"),
                self.tr("Participants"),
                self.tr("Next follow-up"),
            ],
            self._sip_row,
            self,
            muted=lambda s: s.ended_on is not None,
        )
        self.sips = RecordTable("sipTable", self.sip_model, self, stretch=(3,), wrap=False)
        self.sip_detail = QLabel(self)
        self.sip_detail.setObjectName("sipDetail")
        self.sip_detail.setWordWrap(True)
        self.sip_detail.setTextFormat(Qt.TextFormat.PlainText)
        self.sip_detail.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.add_sip = QPushButton(self)
        self.add_sip.setObjectName("addSipButton")
        self.follow_up_sip = QPushButton(self)
        self.follow_up_sip.setObjectName("followUpSipButton")
        self.end_sip = QPushButton(self)
        self.end_sip.setObjectName("endSipButton")
        self.actions_title = section_title(parent=self)
        self.action_model: TableModel[SipAction] = TableModel(
            lambda: [
                self.tr("Action"),
                self.tr("Responsible"),
                self.tr("Done by"),
                self.tr("Done"),
            ],
            self._action_row,
            self,
            muted=lambda a: a.done_on is not None,
        )
        self.action_table = RecordTable(
            "sipActionTable", self.action_model, self, stretch=(0,), wrap=False
        )
        self.add_action = QPushButton(self)
        self.add_action.setObjectName("addSipActionButton")
        self.action_done = QPushButton(self)
        self.action_done.setObjectName("sipActionDoneButton")

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setObjectName("careSplit")
        split.setChildrenCollapsible(False)
        split.addWidget(
            _pane(self, self.care_title, self.care, button_row(self.add_care, self.edit_care))
        )
        split.addWidget(
            _pane(
                self,
                self.sip_title,
                self.sips,
                self.sip_detail,
                button_row(self.add_sip, self.follow_up_sip, self.end_sip),
            )
        )
        split.addWidget(
            _pane(
                self,
                self.actions_title,
                self.action_table,
                button_row(self.add_action, self.action_done),
            )
        )
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.care.selectionModel().currentRowChanged.connect(lambda *_: self._buttons())
        self.sips.selectionModel().currentRowChanged.connect(self._sip_chosen)
        self.action_table.selectionModel().currentRowChanged.connect(lambda *_: self._buttons())
        self.add_care.clicked.connect(self.new_care)
        self.edit_care.clicked.connect(self.change_care)
        self.add_sip.clicked.connect(self.new_sip)
        self.follow_up_sip.clicked.connect(lambda: self._with_sip(SipFollowUpDialog))
        self.end_sip.clicked.connect(lambda: self._with_sip(EndSipDialog))
        self.add_action.clicked.connect(lambda: self._with_sip(SipActionDialog))
        self.action_done.clicked.connect(self.complete_action)
        for model in (self.care_model, self.sip_model, self.action_model):
            session.guard.register(model)
        self.retranslate()
        self.clear_view()

    def title(self) -> str:
        return self.tr("Care and SIP")

    def retranslate(self) -> None:
        self.care_title.setText(self.tr("Psychiatry and addiction care"))
        self.sip_title.setText(self.tr("Coordinated individual plans (SIP)"))
        self.actions_title.setText(self.tr("Agreed actions of the chosen SIP"))
        self.add_care.setText(self.tr("New &care contact…"))
        self.edit_care.setText(self.tr("C&hange…"))
        self.add_sip.setText(self.tr("New &SIP…"))
        self.follow_up_sip.setText(self.tr("&Followed up…"))
        self.end_sip.setText(self.tr("E&nd SIP…"))
        self.add_action.setText(self.tr("New &action…"))
        self.action_done.setText(self.tr("Action &done…"))
        self.care.setAccessibleName(self.tr("Psychiatry and addiction care"))
        self.sips.setAccessibleName(self.tr("Coordinated individual plans (SIP)"))
        self.action_table.setAccessibleName(self.tr("Agreed actions of the chosen SIP"))
        self.sip_detail.setAccessibleName(self.tr("The chosen SIP"))
        if self.data is not None:
            self.show_data(self.data)

    @staticmethod
    def fetch(store: Store, case_id: int) -> CareData:
        return CareData(care_contacts(store, case_id), sips(store, case_id))

    def show_data(self, data: CareData) -> None:
        self.data = data
        self.care_model.set_records(data.contacts)
        self.sip_model.set_records(data.sips)
        self.add_care.setEnabled(True)
        self.add_sip.setEnabled(True)
        if not self.sips.currentIndex().isValid() and data.sips:
            self.sips.selectRow(len(data.sips) - 1)
        self._sip_chosen(self.sips.currentIndex(), QModelIndex())

    # ------------------------------------------------------------------ rows
    def _care_row(self, c: CareContact) -> list[str | Cell]:
        where = f"{c.region}, {c.unit}"
        period = f"{labels.day(c.started_on)} – {labels.day(c.ended_on) if c.ended_on else ''}"
        if c.referral_sent_on is None:
            referral: str | Cell = labels.EMPTY
        elif c.referral_answered_on is None:
            referral = Cell(
                self.tr("sent {day}, not answered").format(day=labels.day(c.referral_sent_on)),
                foreground=QColor(HIGH),
            )
        else:
            referral = Cell(
                self.tr("sent {sent}, answered {answered}").format(
                    sent=labels.day(c.referral_sent_on),
                    answered=labels.day(c.referral_answered_on),
                ),
                c.referral_answer or None,
            )
        return [
            vocab.text(c.kind),
            where,
            c.contact_person or labels.EMPTY,
            period.strip(),
            referral,
        ]

    def _sip_row(self, s: Sip) -> list[str | Cell]:
        who = Cell(vocab.text(s.lead), s.lead_name or None)
        if s.ended_on is not None:
            follow: str | Cell = self.tr("ended {day}").format(day=labels.day(s.ended_on))
        elif s.follow_up_on is None:
            follow = labels.EMPTY
        else:
            overdue = s.follow_up_on < dt.date.today()
            follow = Cell(
                labels.due_text(s.follow_up_on, overdue),
                foreground=QColor(HIGH) if overdue else None,
            )
        return [
            labels.day(s.held_on),
            labels.day(s.consent_on),
            who,
            self.tr("%n participant(s)", "", len(s.participants)),
            follow,
        ]

    def _action_row(self, a: SipAction) -> list[str | Cell]:
        return [a.action, a.responsible, labels.day(a.due_on), labels.day(a.done_on)]

    def _sip_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = self.sip_model.record(current.row()) if current.isValid() else None
        self.action_model.set_records(list(item.actions) if item is not None else [])
        if item is None:
            self.sip_detail.setText("")
        else:
            lines = [
                self.tr("Overall responsibility: {lead}").format(
                    lead=vocab.text(item.lead) + (f", {item.lead_name}" if item.lead_name else "")
                ),
                self.tr("Participants: {names}").format(
                    names=", ".join(item.participants) or labels.EMPTY
                ),
                self.tr("Consent given {day}.").format(day=labels.day(item.consent_on)),
            ]
            if item.followed_up_on is not None:
                lines.append(
                    self.tr("Last followed up {day}.").format(day=labels.day(item.followed_up_on))
                )
            if item.notes:
                lines.append(item.notes)
            self.sip_detail.setText("\n".join(lines))
        self._buttons()

    def _buttons(self) -> None:
        contact = self.care.current_record()
        sip = self.sips.current_record()
        action = self.action_table.current_record()
        self.edit_care.setEnabled(isinstance(contact, CareContact))
        running = isinstance(sip, Sip) and sip.running
        self.follow_up_sip.setEnabled(running)
        self.end_sip.setEnabled(running)
        self.add_action.setEnabled(running)
        self.action_done.setEnabled(isinstance(action, SipAction) and action.done_on is None)

    def clear_view(self) -> None:
        self.data = None
        for model in (self.care_model, self.sip_model, self.action_model):
            model.set_records([])
        self.sip_detail.clear()
        for button in (
            self.add_care,
            self.edit_care,
            self.add_sip,
            self.follow_up_sip,
            self.end_sip,
            self.add_action,
            self.action_done,
        ):
            button.setEnabled(False)

    # ------------------------------------------------------------------ actions
    def new_care(self) -> None:
        if self.case_id is not None:
            self.open_dialog(CareContactDialog(self.session, self.case_id, parent=self))

    def change_care(self) -> None:
        contact = self.care.current_record()
        if self.case_id is not None and isinstance(contact, CareContact):
            self.open_dialog(CareContactDialog(self.session, self.case_id, contact, self))

    def new_sip(self) -> None:
        if self.case_id is not None:
            self.open_dialog(SipDialog(self.session, self.case_id, self))

    def _with_sip(self, make: type[SipFollowUpDialog | EndSipDialog | SipActionDialog]) -> None:
        sip = self.sips.current_record()
        if isinstance(sip, Sip):
            self.open_dialog(make(self.session, sip.id, self))

    def complete_action(self) -> None:
        action = self.action_table.current_record()
        if isinstance(action, SipAction):
            self.open_dialog(SipActionDoneDialog(self.session, action.id, self))
