"""Överlämning: the consents behind a handover (samtycke: agencies, municipalities, validity,
revocation) and the case's handovers with their state and receipt.

The handover itself is a wizard from the handover screens: "Hand over…" emits
``handoverRequested(case_id)`` (the case view passes it on); the button is shown once
something is connected (``set_handover_available``). The receiving municipality tells
where someone was moved, so it is masked and shown only with a reason, which is audited
(``reveal``, field ``handover_municipality``) like the domain's own reveals.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from storage.casefile.cases import get_case
from storage.casefile.consents import consents
from storage.casefile.persons import persons
from storage.casefile.protection import REASON_LIMIT
from storage.records import (
    Consent,
    Person,
    PersonRole,
)
from storage.records import validate as v
from storage.records.errors import RecordNotFoundError
from storage.vault.store import Store
from sync.handover.records import (
    HandoverRecord,
    handovers,
)
from ui.case_view.base import (
    CaseTab,
    button_row,
    section_title,
)
from ui.case_view.protected import MaskedSlot
from ui.kit import labels
from ui.kit.masking import RevealFn
from ui.kit.tables import RecordTable, TableModel
from ui.record_dialogs.support_dialogs import (
    ConsentDialog,
    RevokeConsentDialog,
)
from ui.runtime.session_api import SessionAPI


@dataclass(frozen=True)
class HandoverData:
    consents: list[Consent]
    handovers: list[HandoverRecord]
    persons: list[Person]


def municipality_reveal(case_id: int, handover_id: int) -> RevealFn:
    def run(store: Store, reason: str) -> str | None:
        why = v.required_text("reason", reason, limit=REASON_LIMIT)
        with store.transaction():
            record = next((h for h in handovers(store, case_id) if h.id == handover_id), None)
            if record is None:
                raise RecordNotFoundError(record="handover", id=handover_id)
            number = get_case(store, case_id).case_number
            store.audit.append(
                "reveal",
                number,
                {"field": "handover_municipality", "reason": why, "handover_id": handover_id},
            )
        return record.receiving_municipality

    return run


class HandoverTab(CaseTab):
    handoverRequested = Signal(int)

    def __init__(self, session: SessionAPI, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("handoverTab")
        self.data: HandoverData | None = None
        self.consents_title = section_title(parent=self)
        self.consents_model: TableModel[Consent] = TableModel(
            lambda: [
                self.tr("Signed"),
                self.tr("Expires"),
                self.tr("Revoked"),
                self.tr("Agencies"),
                self.tr("Municipalities"),
                self.tr("Valid today"),
            ],
            lambda c: [
                labels.day(c.signed_on),
                labels.day(c.expires_on),
                labels.day(c.revoked_on),
                ", ".join(c.agencies),
                ", ".join(c.municipalities),
                labels.yes_no(c.is_valid_on(dt.date.today())),
            ],
            self,
            muted=lambda c: c.revoked_on is not None,
        )
        self.consents = RecordTable("consentTable", self.consents_model, self, stretch=(3, 4))
        self.add_consent = QPushButton(self)
        self.add_consent.setObjectName("addConsentButton")
        self.revoke_consent = QPushButton(self)
        self.revoke_consent.setObjectName("revokeConsentButton")
        self.handovers_title = section_title(parent=self)
        self.handovers_model: TableModel[HandoverRecord] = TableModel(
            lambda: [self.tr("Sent"), self.tr("Legal basis"), self.tr("State"), self.tr("Receipt")],
            lambda h: [
                labels.local_time(h.sent_at),
                labels.label(h.legal_basis),
                labels.handover_state(h.display_state),
                labels.local_time(h.receipt_at),
            ],
            self,
        )
        self.handovers = RecordTable("handoverTable", self.handovers_model, self)
        self.receiver = MaskedSlot("handoverMunicipality", self)
        self.receiver_caption = QLabel(self)
        self.handover_button = QPushButton(self)
        self.handover_button.setObjectName("handoverButton")
        self.handover_button.setVisible(False)
        form = QFormLayout()
        form.addRow(self.receiver_caption, self.receiver)
        layout = QVBoxLayout(self)
        layout.addWidget(self.consents_title)
        layout.addWidget(self.consents, 1)
        layout.addLayout(button_row(self.add_consent, self.revoke_consent))
        layout.addWidget(self.handovers_title)
        layout.addWidget(self.handovers, 1)
        layout.addLayout(form)
        layout.addLayout(button_row(self.handover_button))
        self.consents.selectionModel().currentRowChanged.connect(self._consent_chosen)
        self.handovers.selectionModel().currentRowChanged.connect(self._handover_chosen)
        self.add_consent.clicked.connect(self._add_consent)
        self.revoke_consent.clicked.connect(self._revoke)
        self.handover_button.clicked.connect(self._handover)
        session.guard.register(self.consents_model)
        session.guard.register(self.handovers_model)
        self.retranslate()
        self.clear_view()

    def title(self) -> str:
        return self.tr("Handover")

    def retranslate(self) -> None:
        self.consents_title.setText(self.tr("Consents"))
        self.handovers_title.setText(self.tr("Handovers to other municipalities"))
        self.receiver_caption.setText(self.tr("Receiving municipality:"))
        self.add_consent.setText(self.tr("New &consent…"))
        self.revoke_consent.setText(self.tr("&Revoke…"))
        self.handover_button.setText(self.tr("&Hand over the case…"))
        self.consents.setAccessibleName(self.tr("Consents"))
        self.handovers.setAccessibleName(self.tr("Handovers"))

    def set_handover_available(self, available: bool) -> None:
        self.handover_button.setVisible(available)

    @staticmethod
    def fetch(store: Store, case_id: int) -> HandoverData:
        return HandoverData(
            consents(store, case_id), handovers(store, case_id), persons(store, case_id)
        )

    def show_data(self, data: HandoverData) -> None:
        self.data = data
        self.consents_model.set_records(data.consents)
        self.handovers_model.set_records(data.handovers)
        self.add_consent.setEnabled(True)
        self.handover_button.setEnabled(True)
        self._consent_chosen(self.consents.currentIndex(), QModelIndex())
        if data.handovers:
            self.handovers.selectRow(0)
        else:
            self.receiver.show_note(self.tr("The case has not been handed over."))

    def _consent_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        consent = self.consents_model.record(current.row()) if current.isValid() else None
        self.revoke_consent.setEnabled(isinstance(consent, Consent) and consent.revoked_on is None)

    def _handover_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        record = self.handovers_model.record(current.row()) if current.isValid() else None
        if not isinstance(record, HandoverRecord) or self.case_id is None:
            self.receiver.show_note("")
            return
        self.receiver.show_field(
            self.session,
            self.tr("Receiving municipality"),
            municipality_reveal(self.case_id, record.id),
        )

    def clear_view(self) -> None:
        self.data = None
        self.consents_model.set_records([])
        self.handovers_model.set_records([])
        self.receiver.clear()
        for button in (self.add_consent, self.revoke_consent, self.handover_button):
            button.setEnabled(False)

    def _person_choices(self) -> list[tuple[int, str]]:
        if self.data is None:
            return []
        return [
            (
                p.id,
                self.tr("principal")
                if p.role is PersonRole.PRINCIPAL
                else self.tr("relative ({relation})").format(relation=p.relation or ""),
            )
            for p in self.data.persons
        ]

    def _add_consent(self) -> None:
        if self.case_id is not None:
            self.open_dialog(
                ConsentDialog(self.session, self.case_id, self._person_choices(), self)
            )

    def _revoke(self) -> None:
        consent = self.consents.current_record()
        if isinstance(consent, Consent):
            self.open_dialog(RevokeConsentDialog(self.session, consent.id, self))

    def _handover(self) -> None:
        if self.case_id is not None:
            self.handoverRequested.emit(self.case_id)
