"""Samverkansparter: the partners of the register linked to this case, with their role here
(part of Översikt). *Koppla samverkanspart…* links one (the register itself is under
*Verktyg › Samverkansparter…*), *Ändra roll…* changes its role, *Ta bort kopplingen…* asks
first and unlinks it (the partner stays in the register)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from storage.records import CasePartner, Partner
from storage.registers.partners import unlink_partner
from ui.case_view.base import (
    button_row,
    section_title,
)
from ui.kit import labels
from ui.kit.dialogs import ask
from ui.kit.tables import RecordTable, TableModel
from ui.record_dialogs.form import RecordDialog
from ui.record_dialogs.partner_dialogs import LinkPartnerDialog
from ui.runtime.session_api import SessionAPI


class PartnersSection(QWidget):
    def __init__(
        self,
        session: SessionAPI,
        open_dialog: Callable[[RecordDialog], object],
        run_edit: Callable[[Callable[[Any], Any]], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("partnersSection")
        self.session = session
        self._open = open_dialog
        self._run_edit = run_edit
        self.case_id: int | None = None
        self.register: list[Partner] = []
        self.heading = section_title(parent=self)
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
        self.link_button = QPushButton(self)
        self.link_button.setObjectName("linkPartnerButton")
        self.role_button = QPushButton(self)
        self.role_button.setObjectName("partnerRoleButton")
        self.unlink_button = QPushButton(self)
        self.unlink_button.setObjectName("unlinkPartnerButton")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(button_row(self.link_button, self.role_button, self.unlink_button))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update())
        self.link_button.clicked.connect(self.link)
        self.role_button.clicked.connect(self.change_role)
        self.unlink_button.clicked.connect(self.ask_unlink)
        session.guard.register(self.model)
        self.retranslate()
        self.clear()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Partners"))
        self.table.setAccessibleName(self.tr("Partners in the case"))
        self.link_button.setText(self.tr("&Link a partner…"))
        self.role_button.setText(self.tr("Change r&ole…"))
        self.unlink_button.setText(self.tr("Remove the lin&k…"))

    def show_partners(
        self, case_id: int, linked: list[CasePartner], register: list[Partner]
    ) -> None:
        self.case_id = case_id
        self.register = list(register)
        self.model.set_records(linked)
        self._update()

    def current(self) -> CasePartner | None:
        record = self.table.current_record()
        return record if isinstance(record, CasePartner) else None

    def _update(self) -> None:
        chosen = self.current() is not None
        self.link_button.setEnabled(self.case_id is not None and bool(self.register))
        self.link_button.setToolTip(
            ""
            if self.register
            else self.tr("The partner register is empty: add partners under Tools › Partners.")
        )
        self.role_button.setEnabled(chosen)
        self.unlink_button.setEnabled(chosen)

    def clear(self) -> None:
        self.case_id = None
        self.register = []
        self.model.set_records([])
        for button in (self.link_button, self.role_button, self.unlink_button):
            button.setEnabled(False)

    # ------------------------------------------------------------------ actions
    def link(self) -> None:
        if self.case_id is not None and self.register:
            self._open(LinkPartnerDialog(self.session, self.case_id, self.register, self))

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
            self._open(dialog)

    def ask_unlink(self) -> None:
        chosen, case_id = self.current(), self.case_id
        if chosen is None or case_id is None:
            return
        partner_id = chosen.partner.id
        box = ask(
            self,
            self.tr("Remove {name} from the case?").format(name=chosen.partner.name),
            self.tr("&Remove the link"),
            lambda: self._run_edit(lambda store: unlink_partner(store, case_id, partner_id)),
            details=self.tr("The partner stays in the register."),
            name="unlinkPartnerQuestion",
        )
        self.session.guard.track_dialog(box)
