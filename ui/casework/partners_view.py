"""The partner register (samverkansparter) under *Verktyg › Samverkansparter…*.

Every partner — police contact, Kriminalvården/frivården, lawyer, school, employer,
regional psychiatry — with kind, organisation, phone and e-mail, filtered by kind; the
chosen partner's notes and the cases it is linked to (masked case labels, as in every
list). *Ny samverkanspart…* and *Ändra…* open the partner form; linking to a case is done
in the case's part Samverkan (ui/case_view/partners_tab.py). Store work runs on the
worker; the register is shown only while unlocked and cleared on lock.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from storage.casefile.summaries import case_summaries
from storage.records import CaseSummary, Partner, PartnerKind
from storage.registers.partners import partner_cases, partners
from storage.vault.store import Store
from ui.kit import labels
from ui.kit.dialogs import plain_label, quiet_buttons
from ui.kit.tables import RecordTable, TableModel
from ui.kit.windows import fit_to_screen
from ui.record_dialogs.partner_dialogs import PartnerDialog
from ui.runtime.session_api import SessionAPI


@dataclass(frozen=True)
class PartnerCases:
    partner_id: int
    cases: list[CaseSummary]


class PartnersView(QDialog):
    def __init__(self, session: SessionAPI, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("partnersView")
        self.setWindowTitle(self.tr("Partners"))
        self.session = session
        self.dialog: PartnerDialog | None = None
        session.guard.register(self)
        session.guard.track_dialog(self)
        self.kind = QComboBox(self)
        self.kind.setObjectName("partnerKindFilter")
        self.kind.addItem(self.tr("All kinds"), None)
        for code, text in labels.choices(PartnerKind):
            self.kind.addItem(text, code)
        kind_label = QLabel(self.tr("&Show:"), self)
        kind_label.setBuddy(self.kind)
        self.kind.setAccessibleName(self.tr("Kind of partner to show"))
        self.model: TableModel[Partner] = TableModel(
            lambda: [
                self.tr("Name or function"),
                self.tr("Kind"),
                self.tr("Organisation"),
                self.tr("Phone"),
                self.tr("E-mail"),
            ],
            lambda p: [
                p.name,
                labels.label(p.kind),
                p.organisation or labels.EMPTY,
                p.phone or labels.EMPTY,
                p.email or labels.EMPTY,
            ],
            self,
        )
        self.table = RecordTable("partnerTable", self.model, self, stretch=(0, 2))
        self.table.setAccessibleName(self.tr("Partner register"))
        self.notes = plain_label("", self, "partnerNotes")
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.cases_model: TableModel[CaseSummary] = TableModel(
            lambda: [self.tr("Case"), self.tr("Status")],
            lambda c: [c.label, labels.label(c.status)],
            self,
        )
        self.cases_table = RecordTable("partnerCases", self.cases_model, self, stretch=(0,))
        self.cases_table.setAccessibleName(self.tr("Cases the partner is linked to"))
        self.cases_title = plain_label("", self, "sectionTitle")
        self.new_button = QPushButton(self.tr("&New partner…"), self)
        self.new_button.setObjectName("newPartner")
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.edit_button.setObjectName("editPartner")
        self.count = plain_label("", self, "hint")
        close = QPushButton(self.tr("Close"), self)
        top = QHBoxLayout()
        top.addWidget(kind_label)
        top.addWidget(self.kind)
        top.addStretch(1)
        side = QWidget(self)
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.notes)
        column.addWidget(self.cases_title)
        column.addWidget(self.cases_table, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(side)
        split.setSizes([640, 340])
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.count, 1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                self.tr(
                    "Contacts at other organisations that the unit works with. Link a partner "
                    "to a case in the case's part Partners, with its role there."
                ),
                self,
                "hint",
            )
        )
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._chosen())
        self.new_button.clicked.connect(lambda: self.edit(None))
        self.edit_button.clicked.connect(lambda: self.edit(self.current()))
        close.clicked.connect(self.reject)
        quiet_buttons(self)
        fit_to_screen(self, 1040, 600)
        self.refresh()

    # ------------------------------------------------------------------ loading
    def refresh(self) -> None:
        kind = self.kind.currentData()
        self.session.run(self, lambda store: partners(store, kind), self._loaded, progress=False)

    def _loaded(self, found: list[Partner]) -> None:
        self.model.set_records(found)
        self.count.setText(self.tr("%n partner(s)", "", len(found)))
        self._chosen()

    def current(self) -> Partner | None:
        record = self.table.current_record()
        return record if isinstance(record, Partner) else None

    def _chosen(self) -> None:
        partner = self.current()
        self.edit_button.setEnabled(partner is not None)
        self.cases_model.set_records([])
        if partner is None:
            self.notes.clear()
            self.cases_title.setText(self.tr("Choose a partner to see its cases."))
            return
        self.notes.setText(partner.notes or "")
        self.notes.setVisible(bool(partner.notes))
        partner_id = partner.id

        def work(store: Store) -> PartnerCases:
            return PartnerCases(partner_id, case_summaries(store, partner_cases(store, partner_id)))

        self.session.run(self, work, self._cases_loaded, progress=False)

    def _cases_loaded(self, found: PartnerCases) -> None:
        partner = self.current()
        if partner is None or partner.id != found.partner_id:
            return
        self.cases_model.set_records(found.cases)
        self.cases_title.setText(self.tr("Linked to %n case(s)", "", len(found.cases)))

    # ------------------------------------------------------------------ changes
    def edit(self, partner: Partner | None) -> PartnerDialog:
        dialog = PartnerDialog(self.session, self, partner=partner)
        dialog.saved.connect(lambda _id: self.refresh())
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def clear_for_lock(self) -> None:
        self.model.set_records([])
        self.cases_model.set_records([])
        self.notes.clear()
        self.count.clear()
