"""Person och skydd: the principal (protected fields masked until shown with a reason),
the protection level, the fictitious identity shown apart, and placements with their
protected address and relocation checklist (ui/case_view/checklist_section.py)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from storage.casefile.persons import persons
from storage.casefile.placements import placements
from storage.casefile.protection import RevealField
from storage.casework.relocation import case_tasks
from storage.records import (
    Person,
    PersonRole,
    Placement,
    ProtectionLevel,
    RelocationTask,
)
from storage.team.protected import held_for_case
from storage.vault.store import Store
from ui.case_view.base import (
    CaseTab,
    button_row,
    section_title,
)
from ui.case_view.checklist_section import ChecklistSection
from ui.case_view.protected import (
    MaskedSlot,
    person_reveal,
    placement_reveal,
)
from ui.kit import labels
from ui.kit.tables import RecordTable, TableModel
from ui.record_dialogs.person_dialogs import (
    EndPlacementDialog,
    FictitiousIdentityDialog,
    PersonDialog,
    PlacementAddressDialog,
    PlacementDialog,
)
from ui.runtime.session_api import SessionAPI

DETAILS = ("birth_year", "gender", "language", "id_kind", "protection")


@dataclass(frozen=True)
class PersonData:
    principal: Person | None
    placements: list[Placement]
    tasks: list[RelocationTask]
    #: whether this laptop may change the protected details (storage/team/protected.py)
    protected_held: bool = True


def protection_note(level: ProtectionLevel) -> str:
    notes = {
        ProtectionLevel.NONE: QCoreApplication.translate("PersonTab", "No protection registered."),
        ProtectionLevel.CONFIDENTIALITY_MARKING: QCoreApplication.translate(
            "PersonTab", "Confidentiality marking: lists show initials and birth year."
        ),
        ProtectionLevel.PROTECTED_REGISTRATION: QCoreApplication.translate(
            "PersonTab", "Protected registration: lists show the case number only."
        ),
        ProtectionLevel.FICTITIOUS_IDENTITY: QCoreApplication.translate(
            "PersonTab", "Fictitious personal details: lists show the case number only."
        ),
    }
    return notes[level]


class PersonTab(CaseTab):
    def __init__(self, session: SessionAPI, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("personTab")
        self.principal: Person | None = None
        self.protected_held = True
        self.principal_title = section_title(parent=self)
        self.name = MaskedSlot("principalName", self)
        self.number = MaskedSlot("principalNumber", self)
        self.details = {key: QLabel(self) for key in DETAILS}
        self.captions = {key: QLabel(self) for key in ("name", "number", *DETAILS)}
        form = QFormLayout()
        form.addRow(self.captions["name"], self.name)
        form.addRow(self.captions["number"], self.number)
        for key in DETAILS:
            self.details[key].setTextFormat(Qt.TextFormat.PlainText)
            self.details[key].setWordWrap(True)
            form.addRow(self.captions[key], self.details[key])
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("addPrincipalButton")
        self.edit_button = QPushButton(self)
        self.edit_button.setObjectName("editPrincipalButton")

        self.identity_box = QFrame(self)
        self.identity_box.setObjectName("apartBox")
        self.identity_title = section_title(parent=self.identity_box)
        self.identity = MaskedSlot("newIdentity", self.identity_box)
        self.identity_button = QPushButton(self.identity_box)
        self.identity_button.setObjectName("newIdentityButton")
        box = QVBoxLayout(self.identity_box)
        box.addWidget(self.identity_title)
        box.addWidget(self.identity)
        box.addLayout(button_row(self.identity_button))

        self.placements_title = section_title(parent=self)
        self.placements_model: TableModel[Placement] = TableModel(
            lambda: [self.tr("Moved in"), self.tr("Moved out"), self.tr("Address recorded")],
            lambda p: [
                labels.day(p.moved_in_on),
                labels.day(p.moved_out_on),
                labels.yes_no(p.has_address),
            ],
            self,
        )
        self.placements_table = RecordTable("placementTable", self.placements_model, self)
        self.placements_table.setMaximumHeight(140)
        self.place = MaskedSlot("placementAddress", self)
        self.place_caption = QLabel(self)
        self.new_placement = QPushButton(self)
        self.new_placement.setObjectName("newPlacementButton")
        self.address_button = QPushButton(self)
        self.address_button.setObjectName("placementAddressButton")
        self.end_placement = QPushButton(self)
        self.end_placement.setObjectName("endPlacementButton")
        self.checklist = ChecklistSection(session, self.open_dialog, self.run_edit, self)
        self.tasks: list[RelocationTask] = []

        content = QWidget(self)  # scrolls on a small screen: the part grew a checklist
        content.setObjectName("personContent")
        layout = QVBoxLayout(content)
        layout.addWidget(self.principal_title)
        layout.addLayout(form)
        layout.addLayout(button_row(self.add_button, self.edit_button))
        layout.addWidget(self.identity_box)
        layout.addWidget(self.placements_title)
        layout.addWidget(self.placements_table)
        place_form = QFormLayout()
        place_form.addRow(self.place_caption, self.place)
        layout.addLayout(place_form)
        layout.addLayout(button_row(self.new_placement, self.address_button, self.end_placement))
        layout.addWidget(self.checklist)
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setObjectName("personScroll")
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self.add_button.clicked.connect(lambda: self._person_dialog(None))
        self.edit_button.clicked.connect(lambda: self._person_dialog(self.principal))
        self.identity_button.clicked.connect(self._identity_dialog)
        self.new_placement.clicked.connect(self._placement_dialog)
        self.address_button.clicked.connect(self._address_dialog)
        self.end_placement.clicked.connect(self._end_dialog)
        self.placements_table.selectionModel().currentRowChanged.connect(self._placement_chosen)
        session.guard.register(self.placements_model)
        self.retranslate()
        self.clear_view()

    def title(self) -> str:
        return self.tr("Person and protection")

    def retranslate(self) -> None:
        captions = {
            "name": self.tr("Name:"),
            "number": self.tr("Personnummer:"),
            "birth_year": self.tr("Birth year:"),
            "gender": self.tr("Gender:"),
            "language": self.tr("Language:"),
            "id_kind": self.tr("Kind of number:"),
            "protection": self.tr("Protection level:"),
        }
        for key, text in captions.items():
            self.captions[key].setText(text)
        self.principal_title.setText(self.tr("Principal"))
        self.identity_title.setText(self.tr("Fictitious personal details (kept apart)"))
        self.placements_title.setText(self.tr("Placements"))
        self.place_caption.setText(self.tr("Municipality and address:"))
        self.add_button.setText(self.tr("&Add principal…"))
        self.edit_button.setText(self.tr("&Edit…"))
        self.identity_button.setText(self.tr("Record &fictitious personal details…"))
        self.new_placement.setText(self.tr("New &placement…"))
        self.address_button.setText(self.tr("Set a&ddress…"))
        self.end_placement.setText(self.tr("Moved &out…"))
        self.placements_table.setAccessibleName(self.tr("Placements"))
        self.checklist.retranslate()

    @staticmethod
    def fetch(store: Store, case_id: int) -> PersonData:
        everyone = persons(store, case_id)
        principal = next((p for p in everyone if p.role is PersonRole.PRINCIPAL), None)
        return PersonData(
            principal,
            placements(store, case_id),
            case_tasks(store, case_id),
            held_for_case(store.conn, case_id),
        )

    def show_data(self, data: PersonData) -> None:
        case_id = self.case_id
        assert case_id is not None
        person = self.principal = data.principal
        self.protected_held = data.protected_held
        not_held = "" if data.protected_held else self.not_held_text()
        self.identity_button.setToolTip(not_held)
        self.address_button.setToolTip(not_held)
        self.add_button.setVisible(person is None)
        self.add_button.setEnabled(person is None)
        self.edit_button.setVisible(person is not None)
        self.edit_button.setEnabled(person is not None)
        self.identity_button.setEnabled(person is not None and data.protected_held)
        self.new_placement.setEnabled(True)
        self.tasks = list(data.tasks)
        if person is None:
            self.name.show_note(self.tr("No principal recorded yet."))
            self.number.show_note("")
            self.identity.show_note("")
            for label in self.details.values():
                label.clear()
        else:
            self.name.show_field(
                self.session, self.tr("Name"), person_reveal(case_id, person.id, RevealField.NAME)
            )
            self.number.show_field(
                self.session,
                self.tr("Personnummer"),
                person_reveal(case_id, person.id, RevealField.PERSONNUMMER),
            )
            self.details["birth_year"].setText(str(person.birth_year or labels.EMPTY))
            self.details["gender"].setText(labels.label(person.gender))
            self.details["language"].setText(person.language or labels.EMPTY)
            self.details["id_kind"].setText(person.id_kind or labels.EMPTY)
            self.details["protection"].setText(
                f"{labels.label(person.protection_level)}\n"
                f"{protection_note(person.protection_level)}"
            )
            if person.has_fictitious_identity:
                self.identity.show_field(
                    self.session,
                    self.tr("Fictitious identity"),
                    person_reveal(case_id, person.id, RevealField.NEW_IDENTITY),
                )
            else:
                self.identity.show_note(self.tr("No fictitious identity recorded."))
        self.placements_model.set_records(data.placements)  # the chosen one stays chosen
        if data.placements and not self.placements_table.currentIndex().isValid():
            self.placements_table.selectRow(0)
        self._placement_chosen(self.placements_table.currentIndex(), QModelIndex())

    def _placement_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        placement = self.placements_model.record(current.row()) if current.isValid() else None
        self.address_button.setEnabled(placement is not None and self.protected_held)
        self.end_placement.setEnabled(placement is not None and placement.moved_out_on is None)
        self.checklist.show_tasks(placement, self.tasks)
        if placement is None or self.case_id is None:
            self.place.show_note(self.tr("Choose a placement."))
            return
        self.place.show_field(
            self.session,
            self.tr("Municipality and address of the placement"),
            placement_reveal(self.case_id, placement.id, self.tr("no address recorded")),
        )

    def not_held_text(self) -> str:
        return self.tr(
            "Your share of this case does not include the protected details: the responsible "
            "caseworker changes them."
        )

    def clear_view(self) -> None:
        self.principal = None
        self.tasks = []
        self.checklist.clear()
        self.name.clear()
        self.number.clear()
        self.identity.clear()
        self.place.clear()
        for label in self.details.values():
            label.clear()
        self.placements_model.set_records([])
        for button in (
            self.edit_button,
            self.identity_button,
            self.new_placement,
            self.address_button,
            self.end_placement,
        ):
            button.setEnabled(False)
        self.add_button.setVisible(False)
        self.edit_button.setVisible(True)

    # ------------------------------------------------------------------ dialogs
    def _person_dialog(self, person: Person | None) -> None:
        if self.case_id is not None:
            self.open_dialog(
                PersonDialog(
                    self.session,
                    self.case_id,
                    self,
                    person=person,
                    protected_held=self.protected_held,
                )
            )

    def _identity_dialog(self) -> None:
        if self.principal is not None:
            self.open_dialog(FictitiousIdentityDialog(self.session, self.principal.id, self))

    def _placement_dialog(self) -> None:
        if self.case_id is not None:
            self.open_dialog(
                PlacementDialog(
                    self.session, self.case_id, self, protected_held=self.protected_held
                )
            )

    def _selected_placement(self) -> Placement | None:
        record = self.placements_table.current_record()
        return record if isinstance(record, Placement) else None

    def _address_dialog(self) -> None:
        placement = self._selected_placement()
        if placement is not None:
            self.open_dialog(PlacementAddressDialog(self.session, placement.id, self))

    def _end_dialog(self) -> None:
        placement = self._selected_placement()
        if placement is not None:
            self.open_dialog(EndPlacementDialog(self.session, placement.id, self))
