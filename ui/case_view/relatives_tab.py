"""Närstående: the threatened relatives of the case, each with their own protection level;
name, personnummer and any fictitious identity masked until shown with a reason."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from storage.casefile.persons import persons
from storage.casefile.protection import RevealField
from storage.records import (
    Person,
    PersonRole,
)
from storage.team.protected import held_for_case
from storage.vault.store import Store
from ui.case_view.base import (
    CaseTab,
    button_row,
    section_title,
)
from ui.case_view.protected import (
    MaskedSlot,
    person_reveal,
)
from ui.kit import labels
from ui.kit.tables import RecordTable, TableModel
from ui.record_dialogs.person_dialogs import (
    FictitiousIdentityDialog,
    PersonDialog,
)
from ui.runtime.session_api import SessionAPI


class RelativesTab(CaseTab):
    def __init__(self, session: SessionAPI, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.protected_held = True
        self.setObjectName("relativesTab")
        self.heading = section_title(parent=self)
        self.model: TableModel[Person] = TableModel(
            lambda: [
                self.tr("Relation"),
                self.tr("Birth year"),
                self.tr("Gender"),
                self.tr("Protection level"),
                self.tr("Accompanying child"),
                self.tr("Fictitious identity"),
            ],
            lambda p: [
                p.relation or labels.EMPTY,
                str(p.birth_year or labels.EMPTY),
                labels.label(p.gender),
                labels.label(p.protection_level),
                labels.yes_no(p.accompanying_child),
                labels.yes_no(p.has_fictitious_identity),
            ],
            self,
        )
        self.table = RecordTable("relativesTable", self.model, self)
        self.empty = QLabel(self)
        self.empty.setObjectName("hint")
        self.name = MaskedSlot("relativeName", self)
        self.number = MaskedSlot("relativeNumber", self)
        self.identity = MaskedSlot("relativeIdentity", self)
        self.captions = [QLabel(self) for _ in range(3)]
        form = QFormLayout()
        for caption, slot in zip(
            self.captions, (self.name, self.number, self.identity), strict=True
        ):
            form.addRow(caption, slot)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("addRelativeButton")
        self.edit_button = QPushButton(self)
        self.edit_button.setObjectName("editRelativeButton")
        self.identity_button = QPushButton(self)
        self.identity_button.setObjectName("relativeIdentityButton")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(button_row(self.add_button, self.edit_button, self.identity_button))
        self.table.selectionModel().currentRowChanged.connect(self._chosen)
        self.add_button.clicked.connect(self._add)
        self.edit_button.clicked.connect(self._edit)
        self.identity_button.clicked.connect(self._identity)
        session.guard.register(self.model)
        self.retranslate()
        self.clear_view()

    def title(self) -> str:
        return self.tr("Relatives")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Relatives (närstående)"))
        for caption, text in zip(
            self.captions,
            (self.tr("Name:"), self.tr("Personnummer:"), self.tr("Fictitious identity:")),
            strict=True,
        ):
            caption.setText(text)
        self.add_button.setText(self.tr("&Add relative…"))
        self.edit_button.setText(self.tr("&Edit…"))
        self.identity_button.setText(self.tr("Record &fictitious personal details…"))
        self.table.setAccessibleName(self.tr("Relatives"))

    @staticmethod
    def fetch(store: Store, case_id: int) -> tuple[list[Person], bool]:
        """The relatives, and whether this laptop may change their protected details."""
        relatives = [p for p in persons(store, case_id) if p.role is PersonRole.RELATIVE]
        return relatives, held_for_case(store.conn, case_id)

    def show_data(self, fetched: tuple[list[Person], bool]) -> None:
        data, self.protected_held = fetched
        self.identity_button.setToolTip(
            ""
            if self.protected_held
            else self.tr(
                "Your share of this case does not include the protected details: the "
                "responsible caseworker changes them."
            )
        )
        self.model.set_records(data)
        self.add_button.setEnabled(True)
        if data:
            self.table.selectRow(0)
        else:
            self._chosen(QModelIndex(), QModelIndex())
        self.empty.setText("" if data else self.tr("No relatives recorded."))
        self.empty.setVisible(not data)

    def _chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        person = self.model.record(current.row()) if current.isValid() else None
        self.edit_button.setEnabled(person is not None)
        self.identity_button.setEnabled(person is not None and self.protected_held)
        if person is None or self.case_id is None:
            for slot in (self.name, self.number, self.identity):
                slot.show_note("")
            return
        case_id = self.case_id
        self.name.show_field(
            self.session,
            self.tr("Name of the relative"),
            person_reveal(case_id, person.id, RevealField.NAME),
        )
        self.number.show_field(
            self.session,
            self.tr("Personnummer of the relative"),
            person_reveal(case_id, person.id, RevealField.PERSONNUMMER),
        )
        if person.has_fictitious_identity:
            self.identity.show_field(
                self.session,
                self.tr("Fictitious identity"),
                person_reveal(case_id, person.id, RevealField.NEW_IDENTITY),
            )
        else:
            self.identity.show_note(self.tr("None recorded."))

    def clear_view(self) -> None:
        self.model.set_records([])
        self.empty.clear()
        self.empty.setVisible(False)
        for slot in (self.name, self.number, self.identity):
            slot.clear()
        for button in (self.add_button, self.edit_button, self.identity_button):
            button.setEnabled(False)

    def _selected(self) -> Person | None:
        record = self.table.current_record()
        return record if isinstance(record, Person) else None

    def _add(self) -> None:
        if self.case_id is not None:
            self.open_dialog(
                PersonDialog(
                    self.session,
                    self.case_id,
                    self,
                    relative=True,
                    protected_held=self.protected_held,
                )
            )

    def _edit(self) -> None:
        person = self._selected()
        if person is not None and self.case_id is not None:
            self.open_dialog(
                PersonDialog(
                    self.session,
                    self.case_id,
                    self,
                    person=person,
                    protected_held=self.protected_held,
                )
            )

    def _identity(self) -> None:
        person = self._selected()
        if person is not None:
            self.open_dialog(FictitiousIdentityDialog(self.session, person.id, self))
