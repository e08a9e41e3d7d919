"""Nätverk: the case's network links (environment, group, role, left), and the shared group
register with the relations between groups (same, allied, rival)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QPushButton, QSplitter, QVBoxLayout, QWidget

from storage.casefile.assessments import network_links
from storage.casefile.persons import persons
from storage.records import (
    Group,
    GroupLink,
    NetworkLink,
    Person,
    PersonRole,
)
from storage.registers.groups import (
    group_relations,
    groups,
)
from storage.vault.store import Store
from ui.case_view.base import (
    CaseTab,
    button_row,
    section_title,
)
from ui.kit import labels
from ui.kit.tables import RecordTable, TableModel
from ui.record_dialogs.network_dialogs import (
    EndNetworkLinkDialog,
    GroupDialog,
    GroupRelationDialog,
    NetworkLinkDialog,
)
from ui.runtime.session_api import SessionAPI


@dataclass(frozen=True)
class NetworkData:
    links: list[NetworkLink]
    groups: list[Group]
    relations: list[GroupLink]
    persons: list[Person]


class NetworkTab(CaseTab):
    def __init__(self, session: SessionAPI, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("networkTab")
        self.data: NetworkData | None = None
        self.links_title = section_title(parent=self)
        self.links_model: TableModel[NetworkLink] = TableModel(
            lambda: [
                self.tr("Environment"),
                self.tr("Group"),
                self.tr("Role"),
                self.tr("Person"),
                self.tr("Left"),
            ],
            lambda link: [
                labels.label(link.environment),
                self._group_names.get(link.group_id or 0, labels.EMPTY),
                link.role or labels.EMPTY,
                self._person_names.get(link.person_id or 0, labels.EMPTY),
                labels.day(link.left_on),
            ],
            self,
            muted=lambda link: link.left_on is not None,
        )
        self.links = RecordTable("networkLinks", self.links_model, self)
        self.add_link = QPushButton(self)
        self.add_link.setObjectName("addLinkButton")
        self.end_link = QPushButton(self)
        self.end_link.setObjectName("endLinkButton")
        self.groups_title = section_title(parent=self)
        self.groups_model: TableModel[Group] = TableModel(
            lambda: [self.tr("Group"), self.tr("Environment"), self.tr("Area")],
            lambda g: [g.name, labels.label(g.environment), g.area or labels.EMPTY],
            self,
        )
        self.groups = RecordTable("groupRegister", self.groups_model, self)
        self._chosen_group: int | None = None
        self._group_names: dict[int, str] = {}
        self._person_names: dict[int, str] = {}
        self.relations_model: TableModel[GroupLink] = TableModel(
            lambda: [self.tr("Relation"), self.tr("Other group"), self.tr("Noted")],
            self._relation_row,
            self,
        )
        self.relations = RecordTable("groupRelations", self.relations_model, self)
        self.add_group = QPushButton(self)
        self.add_group.setObjectName("addGroupButton")
        self.add_relation = QPushButton(self)
        self.add_relation.setObjectName("addRelationButton")

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.links_title)
        top_layout.addWidget(self.links, 1)
        top_layout.addLayout(button_row(self.add_link, self.end_link))
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.groups_title)
        registers = QSplitter(bottom)
        registers.addWidget(self.groups)
        registers.addWidget(self.relations)
        registers.setSizes([520, 340])
        bottom_layout.addWidget(registers, 1)
        bottom_layout.addLayout(button_row(self.add_group, self.add_relation))
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(top)
        split.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.addWidget(split)

        self.links.selectionModel().currentRowChanged.connect(self._link_chosen)
        self.groups.selectionModel().currentRowChanged.connect(self._group_chosen)
        self.add_link.clicked.connect(self._add_link)
        self.end_link.clicked.connect(self._end_link)
        self.add_group.clicked.connect(lambda: self.open_dialog(GroupDialog(self.session, self)))
        self.add_relation.clicked.connect(self._add_relation)
        for model in (self.links_model, self.groups_model, self.relations_model):
            session.guard.register(model)
        self.retranslate()
        self.clear_view()

    def title(self) -> str:
        return self.tr("Network")

    def retranslate(self) -> None:
        self.links_title.setText(self.tr("Network links of this case"))
        self.groups_title.setText(self.tr("Group register and relations"))
        self.add_link.setText(self.tr("&New link…"))
        self.end_link.setText(self.tr("Has &left…"))
        self.add_group.setText(self.tr("New &group…"))
        self.add_relation.setText(self.tr("New &relation…"))
        self.links.setAccessibleName(self.tr("Network links"))
        self.groups.setAccessibleName(self.tr("Group register"))
        self.relations.setAccessibleName(self.tr("Relations of the chosen group"))

    @staticmethod
    def fetch(store: Store, case_id: int) -> NetworkData:
        return NetworkData(
            network_links(store, case_id),
            groups(store),
            group_relations(store),
            persons(store, case_id),
        )

    def _person_choices(self) -> list[tuple[int, str]]:
        if self.data is None:
            return []
        return [(p.id, self._person_text(p)) for p in self.data.persons]

    def _person_text(self, person: Person) -> str:
        if person.role is PersonRole.PRINCIPAL:
            return self.tr("principal")
        return self.tr("relative ({relation})").format(relation=person.relation or labels.EMPTY)

    def show_data(self, data: NetworkData) -> None:
        self.data = data
        self._group_names = {g.id: g.name for g in data.groups}
        self._person_names = {p.id: self._person_text(p) for p in data.persons}
        self.links_model.set_records(data.links)
        self.groups_model.set_records(data.groups)
        for button in (self.add_link, self.add_group, self.add_relation):
            button.setEnabled(True)
        self._link_chosen(self.links.currentIndex(), QModelIndex())
        if data.groups:
            self.groups.selectRow(0)

    def _link_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        link = self.links_model.record(current.row()) if current.isValid() else None
        self.end_link.setEnabled(link is not None and link.left_on is None)

    def _group_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        group = self.groups_model.record(current.row()) if current.isValid() else None
        if group is None or self.data is None:
            self.relations_model.set_records([])
            return
        self._chosen_group = group.id
        self.relations_model.set_records(
            [r for r in self.data.relations if group.id in (r.group_a, r.group_b)]
        )

    def _relation_row(self, rel: GroupLink) -> list[str]:
        other = rel.group_b if rel.group_a == self._chosen_group else rel.group_a
        return [
            labels.label(rel.relation),
            self._group_names.get(other, labels.EMPTY),
            labels.day(rel.noted_on),
        ]

    def clear_view(self) -> None:
        self.data = None
        for model in (self.links_model, self.groups_model, self.relations_model):
            model.set_records([])
        for button in (self.add_link, self.end_link, self.add_group, self.add_relation):
            button.setEnabled(False)

    def _add_link(self) -> None:
        if self.case_id is not None and self.data is not None:
            self.open_dialog(
                NetworkLinkDialog(
                    self.session, self.case_id, self.data.groups, self._person_choices(), self
                )
            )

    def _end_link(self) -> None:
        link = self.links.current_record()
        if isinstance(link, NetworkLink):
            self.open_dialog(EndNetworkLinkDialog(self.session, link.id, self))

    def _add_relation(self) -> None:
        if self.data is not None:
            self.open_dialog(GroupRelationDialog(self.session, self.data.groups, self))
