"""Samverkan: the partners (samverkansparter) of the register linked to this case — police contact,
Kriminalvården or frivården, lawyer, school, employer, regional psychiatry — with their role
here, phone and e-mail, and the chosen partner's notes. *Koppla samverkanspart…* links one
(the register itself is under *Verktyg › Samverkansparter…*), *Ändra roll…* changes its
role, *Ta bort kopplingen…* asks first and unlinks it (the partner stays in the register)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from storage.records import CasePartner, Partner
from storage.registers.partners import case_partners, partners, unlink_partner
from storage.vault.store import Store
from ui.case_view.base import (
    CaseTab,
    button_row,
)
from ui.kit import labels
from ui.kit.dialogs import ask
from ui.kit.tables import RecordTable, TableModel
from ui.record_dialogs.partner_dialogs import LinkPartnerDialog
from ui.runtime.session_api import SessionAPI


@dataclass(frozen=True)
class PartnersData:
    linked: list[CasePartner]
    register: list[Partner]


class PartnersTab(CaseTab):
    def __init__(self, session: SessionAPI, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("partnersTab")
        self.register: list[Partner] = []
        self.model: TableModel[CasePartner] = TableModel(
            lambda: [
                self.tr("Partner"),
                self.tr("Role in the case"),
                self.tr("Kind"),
                self.tr("Phone"),
                self.tr("E-mail"),
            ],
            lambda c: [
                c.partner.name + (f"\n{c.partner.organisation}" if c.partner.organisation else ""),
                c.role or labels.EMPTY,
                labels.label(c.partner.kind),
                c.partner.phone or labels.EMPTY,
                c.partner.email or labels.EMPTY,
            ],
            self,
        )
        self.table = RecordTable("casePartners", self.model, self, stretch=(0, 1))
        self.notes = QLabel(self)
        self.notes.setObjectName("partnerNotes")
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.hint = QLabel(self)
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.link_button = QPushButton(self)
        self.link_button.setObjectName("linkPartnerButton")
        self.role_button = QPushButton(self)
        self.role_button.setObjectName("partnerRoleButton")
        self.unlink_button = QPushButton(self)
        self.unlink_button.setObjectName("unlinkPartnerButton")
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notes)
        layout.addLayout(button_row(self.link_button, self.role_button, self.unlink_button))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update())
        self.link_button.clicked.connect(self.link)
        self.role_button.clicked.connect(self.change_role)
        self.unlink_button.clicked.connect(self.ask_unlink)
        session.guard.register(self.model)
        self.retranslate()
        self.clear_view()

    def title(self) -> str:
        return self.tr("Partners")

    def retranslate(self) -> None:
        self.table.setAccessibleName(self.tr("Partners in the case"))
        self.hint.setText(
            self.tr(
                "Contacts at other organisations who work with the person, and their role. "
                "The register is under Tools › Partners."
            )
        )
        self.link_button.setText(self.tr("&Link a partner…"))
        self.role_button.setText(self.tr("Change r&ole…"))
        self.unlink_button.setText(self.tr("Remove the lin&k…"))

    @staticmethod
    def fetch(store: Store, case_id: int) -> PartnersData:
        return PartnersData(case_partners(store, case_id), partners(store))

    def show_data(self, data: PartnersData) -> None:
        self.register = list(data.register)
        self.model.set_records(data.linked)
        self._update()

    def current(self) -> CasePartner | None:
        record = self.table.current_record()
        return record if isinstance(record, CasePartner) else None

    def _update(self) -> None:
        chosen = self.current()
        self.link_button.setEnabled(self.case_id is not None and bool(self.register))
        self.link_button.setToolTip(
            ""
            if self.register
            else self.tr("The partner register is empty: add partners under Tools › Partners.")
        )
        self.role_button.setEnabled(chosen is not None)
        self.unlink_button.setEnabled(chosen is not None)
        notes = chosen.partner.notes if chosen is not None else None
        self.notes.setText(notes or "")
        self.notes.setVisible(bool(notes))

    def clear_view(self) -> None:
        self.register = []
        self.model.set_records([])
        self.notes.clear()
        self.notes.setVisible(False)
        for button in (self.link_button, self.role_button, self.unlink_button):
            button.setEnabled(False)

    # ------------------------------------------------------------------ actions
    def link(self) -> None:
        if self.case_id is not None and self.register:
            self.open_dialog(LinkPartnerDialog(self.session, self.case_id, self.register, self))

    def change_role(self) -> None:
        chosen = self.current()
        if self.case_id is not None and chosen is not None:
            dialog = LinkPartnerDialog(
                self.session,
                self.case_id,
                [chosen.partner],
                self,
                chosen=chosen.partner,
                role=chosen.role,
            )
            self.open_dialog(dialog)

    def ask_unlink(self) -> None:
        chosen, case_id = self.current(), self.case_id
        if chosen is None or case_id is None:
            return
        partner_id = chosen.partner.id
        box = ask(
            self,
            self.tr("Remove {name} from the case?").format(name=chosen.partner.name),
            self.tr("&Remove the link"),
            lambda: self.run_edit(lambda store: unlink_partner(store, case_id, partner_id)),
            details=self.tr("The partner stays in the register."),
            name="unlinkPartnerQuestion",
        )
        self.session.guard.track_dialog(box)
