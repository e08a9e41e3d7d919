"""Insatser: the case's interventions with their provider, method (the method register) and
decision, the control of the provider while the intervention runs (planned and done
controls), and the agreements with their conditions."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QPushButton, QSplitter, QVBoxLayout, QWidget

from storage.casefile.consents import agreements
from storage.casefile.interventions import interventions
from storage.caseplan.decisions import decisions
from storage.records import (
    Agreement,
    Intervention,
    Provider,
    ProviderControl,
)
from storage.records.knowledge import DecisionThread, Method
from storage.registers.methods import methods
from storage.registers.providers import providers
from storage.vault.store import Store
from ui.case_view.agreements_section import AgreementsSection
from ui.case_view.base import (
    CaseTab,
    button_row,
    section_title,
)
from ui.kit import labels, vocab
from ui.kit.tables import Cell, RecordTable, TableModel
from ui.record_dialogs.support_dialogs import (
    EndInterventionDialog,
    InterventionDialog,
    InterventionLinksDialog,
    PlanControlDialog,
    ProviderDialog,
    RecordControlDialog,
)
from ui.runtime.session_api import SessionAPI


@dataclass(frozen=True)
class InterventionsData:
    interventions: list[Intervention]
    providers: list[Provider]
    agreements: list[Agreement]
    methods: list[Method]
    decisions: list[DecisionThread]


class InterventionsTab(CaseTab):
    def __init__(self, session: SessionAPI, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("interventionsTab")
        self.data: InterventionsData | None = None
        self.heading = section_title(parent=self)
        self._providers: dict[int, Provider] = {}
        self._methods: dict[int, Method] = {}
        self._decisions: dict[int, DecisionThread] = {}
        self.model: TableModel[Intervention] = TableModel(
            lambda: [
                self.tr("Intervention"),
                self.tr("Provider"),
                self.tr("Method"),
                self.tr("Decision"),
                self.tr("Started"),
                self.tr("Ended"),
                self.tr("Cost"),
                self.tr("Funding"),
                self.tr("Control every"),
            ],
            self._intervention_row,
            self,
        )
        self.table = RecordTable("interventionTable", self.model, self, stretch=(1,))
        self.controls_title = section_title(parent=self)
        self.controls_model: TableModel[ProviderControl] = TableModel(
            lambda: [self.tr("Planned"), self.tr("Done"), self.tr("By"), self.tr("Notes")],
            lambda c: [
                labels.day(c.planned_on),
                labels.day(c.done_on),
                c.done_by or labels.EMPTY,
                c.notes or "",
            ],
            self,
        )
        self.controls = RecordTable("controlTable", self.controls_model, self)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("addInterventionButton")
        self.end_button = QPushButton(self)
        self.end_button.setObjectName("endInterventionButton")
        self.links_button = QPushButton(self)
        self.links_button.setObjectName("interventionLinksButton")
        self.provider_button = QPushButton(self)
        self.provider_button.setObjectName("addProviderButton")
        self.plan_button = QPushButton(self)
        self.plan_button.setObjectName("planControlButton")
        self.done_button = QPushButton(self)
        self.done_button.setObjectName("recordControlButton")
        self.agreements = AgreementsSection(session, self.open_dialog, self)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.heading)
        top_layout.addWidget(self.table, 2)
        top_layout.addLayout(
            button_row(self.add_button, self.links_button, self.end_button, self.provider_button)
        )
        top_layout.addWidget(self.controls_title)
        top_layout.addWidget(self.controls, 1)
        top_layout.addLayout(button_row(self.plan_button, self.done_button))
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(top)
        split.addWidget(self.agreements)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([420, 280])
        layout = QVBoxLayout(self)
        layout.addWidget(split)

        self.table.selectionModel().currentRowChanged.connect(self._chosen)
        self.controls.selectionModel().currentRowChanged.connect(lambda *_: self._buttons())
        self.add_button.clicked.connect(self._add)
        self.end_button.clicked.connect(self._end)
        self.links_button.clicked.connect(self._links)
        self.provider_button.clicked.connect(
            lambda: self.open_dialog(ProviderDialog(self.session, self))
        )
        self.plan_button.clicked.connect(self._plan)
        self.done_button.clicked.connect(self._done)
        session.guard.register(self.model)
        session.guard.register(self.controls_model)
        self.retranslate()
        self.clear_view()

    def title(self) -> str:
        return self.tr("Interventions")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Interventions"))
        self.controls_title.setText(self.tr("Provider controls of the chosen intervention"))
        self.add_button.setText(self.tr("&New intervention…"))
        self.end_button.setText(self.tr("&End…"))
        self.links_button.setText(self.tr("&Method and decision…"))
        self.provider_button.setText(self.tr("New &provider…"))
        self.plan_button.setText(self.tr("Plan &control…"))
        self.done_button.setText(self.tr("Control &done…"))
        self.table.setAccessibleName(self.tr("Interventions"))
        self.controls.setAccessibleName(self.tr("Provider controls"))
        self.agreements.retranslate()

    @staticmethod
    def fetch(store: Store, case_id: int) -> InterventionsData:
        return InterventionsData(
            interventions(store, case_id),
            providers(store),
            agreements(store, case_id),
            methods(store),
            decisions(store, case_id),
        )

    def show_data(self, data: InterventionsData) -> None:
        self.data = data
        self._providers = {p.id: p for p in data.providers}
        self._methods = {m.id: m for m in data.methods}
        self._decisions = {t.original_id: t for t in data.decisions}
        self.model.set_records(data.interventions)
        self.add_button.setEnabled(True)
        self.provider_button.setEnabled(True)
        self._chosen(self.table.currentIndex(), QModelIndex())
        assert self.case_id is not None
        self.agreements.show_agreements(self.case_id, data.agreements)

    def _intervention_row(self, item: Intervention) -> list[str | Cell]:
        provider = self._providers.get(item.provider_id or 0)
        who = f"{provider.name} ({labels.label(provider.kind)})" if provider else labels.EMPTY
        every = (
            self.tr("%n day(s)", "", item.control_interval_days)
            if item.control_interval_days
            else labels.EMPTY
        )
        method = self._methods.get(item.method_id or 0)
        decision = self._decisions.get(item.decision_id or 0)
        return [
            labels.label(item.type),
            who,
            Cell(
                method.name if method else labels.EMPTY,
                vocab.text(method.evidence_level) if method else None,
            ),
            Cell(
                self.tr("{outcome} {day}").format(
                    outcome=vocab.text(decision.current.outcome),
                    day=labels.day(decision.current.decided_on),
                )
                if decision
                else labels.EMPTY,
                decision.current.provision_text if decision else None,
            ),
            labels.day(item.started_on),
            labels.day(item.ended_on),
            labels.sek(item.cost_sek),
            labels.label(item.funding),
            every,
        ]

    def _chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = self.model.record(current.row()) if current.isValid() else None
        controls = item.controls if isinstance(item, Intervention) else ()
        self.controls_model.set_records(controls)
        self._buttons()

    def _buttons(self) -> None:
        item = self.table.current_record()
        control = self.controls.current_record()
        running = isinstance(item, Intervention) and item.ended_on is None
        self.end_button.setEnabled(running)
        self.links_button.setEnabled(isinstance(item, Intervention))
        self.plan_button.setEnabled(running)
        self.done_button.setEnabled(
            isinstance(control, ProviderControl) and control.done_on is None
        )

    def clear_view(self) -> None:
        self.data = None
        self.model.set_records([])
        self.controls_model.set_records([])
        self.agreements.clear()
        for button in (
            self.add_button,
            self.end_button,
            self.links_button,
            self.provider_button,
            self.plan_button,
            self.done_button,
        ):
            button.setEnabled(False)

    def _add(self) -> None:
        if self.case_id is not None and self.data is not None:
            self.open_dialog(
                InterventionDialog(
                    self.session,
                    self.case_id,
                    self.data.providers,
                    self,
                    methods=self.data.methods,
                    decisions=self.data.decisions,
                )
            )

    def _end(self) -> None:
        item = self.table.current_record()
        if isinstance(item, Intervention):
            self.open_dialog(EndInterventionDialog(self.session, item.id, self))

    def _links(self) -> None:
        item = self.table.current_record()
        if isinstance(item, Intervention) and self.data is not None:
            self.open_dialog(
                InterventionLinksDialog(
                    self.session,
                    item.id,
                    self.data.methods,
                    self.data.decisions,
                    method_id=item.method_id,
                    decision_id=item.decision_id,
                    parent=self,
                )
            )

    def _plan(self) -> None:
        item = self.table.current_record()
        if isinstance(item, Intervention):
            self.open_dialog(PlanControlDialog(self.session, item.id, self))

    def _done(self) -> None:
        control = self.controls.current_record()
        if isinstance(control, ProviderControl):
            self.open_dialog(RecordControlDialog(self.session, control.id, self))
