"""Överlämning: the consents behind a handover (samtycke: agencies, municipalities, validity,
revocation) and the case's handovers with their state and receipt.

For a case that came to us as a handover: where it came from, and "Write the receipt
again…" — the receipt of our acceptance, written again through the session with
:func:`sync.handover.resume.write_receipt` (byte-identical while the sender can still
import it, else freshly signed with the same content; audited), for a receipt that was
lost or never reached the sender.

The handover itself is a wizard from the handover screens: "Hand over…" emits
``handoverRequested(case_id)`` (the case view passes it on); the button is shown once
something is connected (``set_handover_available``). The receiving municipality tells
where someone was moved, so it is masked and shown only with a reason, which is audited
(``reveal``, field ``handover_municipality``) like the domain's own reveals.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

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
from sync.handover.received import (
    IDENTICAL,
    ReceiptWritten,
    write_receipt,
)
from sync.handover.records import (
    AWAITING,
    HandoverRecord,
    Provenance,
    case_provenance,
    handovers,
)
from ui.case_view.base import (
    CaseTab,
    button_row,
    section_title,
)
from ui.case_view.protected import MaskedSlot
from ui.kit import labels
from ui.kit.dialogs import (
    save_path,
    set_state,
)
from ui.kit.masking import RevealFn
from ui.kit.tables import RecordTable, TableModel
from ui.record_dialogs.support_dialogs import (
    ConsentDialog,
    RevokeConsentDialog,
)
from ui.runtime.error_dialog import (
    error_text,
    log_failure,
)
from ui.runtime.session_api import SessionAPI


@dataclass(frozen=True)
class HandoverData:
    consents: list[Consent]
    handovers: list[HandoverRecord]
    persons: list[Person]
    provenance: Provenance | None = None  # the case came to us as a handover


def _state(h: HandoverRecord) -> str:
    """The state to show: a bundle recorded but not yet written says so."""
    if h.display_state == AWAITING and h.bundle_written is False:
        return "not_written"
    return h.display_state


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
                labels.handover_state(_state(h)),
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
        self.received = QLabel(self)
        self.received.setObjectName("receivedFrom")
        self.received.setWordWrap(True)
        self.receipt_button = QPushButton(self)
        self.receipt_button.setObjectName("rewriteReceiptButton")
        self.receipt_status = QLabel(self)
        self.receipt_status.setObjectName("receiptStatus")
        self.receipt_status.setWordWrap(True)
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
        layout.addWidget(self.received)
        layout.addLayout(button_row(self.receipt_button))
        layout.addWidget(self.receipt_status)
        self.consents.selectionModel().currentRowChanged.connect(self._consent_chosen)
        self.handovers.selectionModel().currentRowChanged.connect(self._handover_chosen)
        self.add_consent.clicked.connect(self._add_consent)
        self.revoke_consent.clicked.connect(self._revoke)
        self.handover_button.clicked.connect(self._handover)
        self.receipt_button.clicked.connect(self._rewrite_receipt)
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
        self.receipt_button.setText(self.tr("Write the &receipt again…"))
        self.receipt_button.setToolTip(
            self.tr(
                "Write the receipt of our acceptance again, for a receipt that was lost or "
                "never reached the sender"
            )
        )
        self.consents.setAccessibleName(self.tr("Consents"))
        self.handovers.setAccessibleName(self.tr("Handovers"))

    def set_handover_available(self, available: bool) -> None:
        self.handover_button.setVisible(available)

    @staticmethod
    def fetch(store: Store, case_id: int) -> HandoverData:
        return HandoverData(
            consents(store, case_id),
            handovers(store, case_id),
            persons(store, case_id),
            case_provenance(store, case_id),
        )

    def show_data(self, data: HandoverData) -> None:
        self.data = data
        self.consents_model.set_records(data.consents)
        self.handovers_model.set_records(data.handovers)
        self.add_consent.setEnabled(True)
        self.handover_button.setEnabled(True)
        self._show_provenance(data.provenance)
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

    def _show_provenance(self, provenance: Provenance | None) -> None:
        received = provenance is not None
        self.received.setVisible(received)
        self.receipt_button.setVisible(received)
        self.receipt_button.setEnabled(received)
        if provenance is not None:
            self.received.setText(
                self.tr("Received from {municipality} ({unit}) on {day}; their case {ref}.").format(
                    municipality=provenance.sender_municipality,
                    unit=provenance.sender_unit,
                    day=labels.local_time(provenance.received_at),
                    ref=provenance.sender_case_ref,
                )
            )

    def _rewrite_receipt(self) -> None:
        path = save_path(
            self,
            self.tr("Write the receipt again"),
            "kvitto.utvag",
            self.tr("Utväg bundle (*.utvag)"),
        )
        if path is not None and self.session.is_unlocked:
            self.write_receipt_to(path)

    def write_receipt_to(self, path: Path) -> None:
        """Write the receipt of this received case to ``path`` (on the store worker)."""
        provenance = self.data.provenance if self.data is not None else None
        if provenance is None:
            return
        bundle_id = provenance.bundle_id
        self.receipt_button.setEnabled(False)
        self.receipt_status.setText("")

        def work(store: Store) -> ReceiptWritten:
            return write_receipt(store, bundle_id, path)

        self.session.run(self, work, self._receipt_written, self._receipt_failed)

    def _receipt_written(self, written: ReceiptWritten) -> None:
        self.receipt_button.setEnabled(True)
        if written.mode == IDENTICAL:
            text = self.tr(
                "The receipt was written again, unchanged, as {file}. Send it to the sender."
            )
        else:
            text = self.tr(
                "A new receipt with the same content was written as {file} (the earlier one "
                "had expired or was signed with a key since replaced). Send it to the sender."
            )
        self.receipt_status.setText(text.format(file=written.path.name))
        set_state(self.receipt_status, "ok")

    def _receipt_failed(self, error: BaseException) -> None:
        self.receipt_button.setEnabled(True)
        log_failure(error)
        self.receipt_status.setText(error_text(error))
        set_state(self.receipt_status, "error")

    def clear_view(self) -> None:
        self.data = None
        self.consents_model.set_records([])
        self.handovers_model.set_records([])
        self.receiver.clear()
        self._show_provenance(None)
        self.receipt_status.setText("")
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
