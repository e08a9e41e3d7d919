"""The provider register seen from the control side (storage/registers/provider_control.py).

Top: every provider with its running interventions, planned and overdue controls, last and
next control. Choosing a provider lists its running interventions (masked case labels);
choosing one of those lists its controls. *Planera kontrollbesök* plans one control per
running intervention of the provider; *Registrera kontroll* records a planned control as
done (date, notes). Overdue controls are named at the top and also reach the reminders.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from storage.casefile.interventions import record_provider_control
from storage.registers.provider_control import (
    overdue_controls,
    plan_control_visit,
    provider_interventions,
    provider_register,
)
from storage.registers.providers import add_provider
from storage.vault.store import Store
from ui.kit import labels
from ui.kit.dialogs import (
    plain_label,
    quiet_buttons,
    set_state,
)
from ui.kit.tables import Cell, RecordTable, TableModel
from ui.kit.windows import fit_to_screen
from ui.knowledge.provider_dialogs import (
    DateNotesDialog,
    NewProviderDialog,
)
from ui.runtime.session_api import SessionAPI


class ProvidersView(QDialog):
    def __init__(self, session: SessionAPI, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("providersView")
        self.setWindowTitle(self.tr("Providers and controls"))
        self.session = session
        session.guard.register(self)
        session.guard.track_dialog(self)
        self.overdue = plain_label("", self, "overdueSummary")
        self.provider_model: TableModel[Any] = TableModel(
            lambda: [
                self.tr("Provider"),
                self.tr("Kind"),
                self.tr("Running"),
                self.tr("Planned"),
                self.tr("Overdue"),
                self.tr("Last control"),
                self.tr("Next control"),
            ],
            lambda o: [
                o.provider.name,
                labels.label(o.provider.kind),
                Cell(str(o.running), right=True),
                Cell(str(o.planned), right=True),
                self.tr("%n overdue", "", o.overdue) if o.overdue else "0",
                labels.day(o.last_control),
                labels.day(o.next_due),
            ],
            self,
        )
        self.provider_table = RecordTable("providerTable", self.provider_model, self, wrap=False)
        self.provider_table.setAccessibleName(self.tr("Providers"))
        self.item_model: TableModel[Any] = TableModel(
            lambda: [
                self.tr("Case"),
                self.tr("Intervention"),
                self.tr("Started"),
                self.tr("Control every"),
                self.tr("Next control"),
            ],
            lambda i: [
                i.label,
                labels.label(i.type),
                labels.day(i.started_on),
                self.tr("%n day(s)", "", i.control_interval_days)
                if i.control_interval_days
                else labels.EMPTY,
                labels.day(i.next_due) + (" " + self.tr("(overdue)") if i.overdue else ""),
            ],
            self,
        )
        self.item_table = RecordTable(
            "interventionTable", self.item_model, self, stretch=(0, 1, 2, 3, 4)
        )
        self.item_table.setAccessibleName(self.tr("Interventions of the provider"))
        self.control_model: TableModel[Any] = TableModel(
            lambda: [
                self.tr("Planned"),
                self.tr("Done"),
                self.tr("By"),
                self.tr("Notes"),
            ],
            lambda c: [
                labels.day(c.planned_on),
                labels.day(c.done_on),
                c.done_by or labels.EMPTY,
                c.notes or "",
            ],
            self,
        )
        self.control_table = RecordTable(
            "controlTable", self.control_model, self, stretch=(0, 1, 2, 3)
        )
        self.control_table.setAccessibleName(self.tr("Controls of the intervention"))
        self.show_ended = QCheckBox(self.tr("Show ended interventions"), self)
        self.new_button = QPushButton(self.tr("&New provider…"), self)
        self.plan_button = QPushButton(self.tr("&Plan control visit…"), self)
        self.plan_button.setObjectName("planControl")
        self.record_button = QPushButton(self.tr("&Record control…"), self)
        self.record_button.setObjectName("recordControl")
        self.message = plain_label("", self, "providersMessage")
        close = QPushButton(self.tr("Close"), self)
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(self.item_table)
        lower.addWidget(self.control_table)
        lower.setSizes([620, 440])
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.provider_table)
        split.addWidget(lower)
        split.setSizes([330, 270])
        buttons = QHBoxLayout()
        for widget in (self.new_button, self.plan_button, self.record_button, self.show_ended):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.overdue)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.provider_table.selectionModel().selectionChanged.connect(self.load_items)
        self.item_table.selectionModel().selectionChanged.connect(self._show_controls)
        self.control_table.selectionModel().selectionChanged.connect(self._update)
        self.show_ended.toggled.connect(self.load_items)
        self.new_button.clicked.connect(self.ask_new_provider)
        self.plan_button.clicked.connect(self.ask_plan)
        self.record_button.clicked.connect(self.ask_record)
        close.clicked.connect(self.reject)
        fit_to_screen(self, 1200, 700)
        quiet_buttons(self)
        self.refresh()

    # ------------------------------------------------------------------ loading
    def refresh(self, keep: int | None = None) -> None:
        def work(store: Store) -> tuple[list[Any], list[Any]]:
            return provider_register(store), overdue_controls(store)

        self.session.run(self, work, lambda r: self._loaded(r, keep), progress=False)

    def _loaded(self, result: tuple[list[Any], list[Any]], keep: int | None) -> None:
        providers, late = result
        if late:
            cases = ", ".join(sorted({i.label for i in late}))
            text = self.tr("%n control(s) overdue: {cases}", "", len(late))
            self.overdue.setText(text.format(cases=cases))
        else:
            self.overdue.setText(self.tr("No control is overdue."))
        set_state(self.overdue, "warning" if late else "ok")
        self.provider_model.set_records(providers)
        for row, o in enumerate(providers):
            if o.provider.id == keep:
                self.provider_table.selectRow(row)
        self.load_items()

    def current_provider(self) -> Any | None:
        return self.provider_table.current_record()

    def load_items(self) -> None:
        overview = self.current_provider()
        self.item_model.set_records([])
        self.control_model.set_records([])
        self._update()
        if overview is None:
            return
        pid, ended = overview.provider.id, self.show_ended.isChecked()
        self.session.run(
            self,
            lambda store: provider_interventions(store, pid, include_ended=ended),
            self._items_loaded,
            progress=False,
        )

    def _items_loaded(self, items: list[Any]) -> None:
        self.item_model.set_records(items)
        self._update()

    def current_item(self) -> Any | None:
        return self.item_table.current_record()

    def _show_controls(self) -> None:
        item = self.current_item()
        self.control_model.set_records(list(item.controls) if item is not None else [])
        self._update()

    def current_control(self) -> Any | None:
        return self.control_table.current_record()

    def _update(self) -> None:
        overview, control = self.current_provider(), self.current_control()
        self.plan_button.setEnabled(overview is not None and overview.running > 0)
        self.record_button.setEnabled(control is not None and control.done_on is None)

    def clear_for_lock(self) -> None:
        for model in (self.provider_model, self.item_model, self.control_model):
            model.set_records([])
        self.overdue.clear()
        self.message.clear()

    # ------------------------------------------------------------------ changes
    def _run_change(self, work: Any, done_text: Any, keep: int | None) -> None:
        def ok(result: Any) -> None:
            self.message.setText(done_text(result))
            set_state(self.message, "ok")
            self.refresh(keep)

        self.session.run(self, work, ok, progress=False)

    def ask_new_provider(self) -> None:
        dialog = NewProviderDialog(self)
        self.session.guard.track_dialog(dialog)
        dialog.accepted.connect(lambda: self.add(dialog.values()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def add(self, values: dict[str, Any]) -> None:
        self._run_change(
            lambda store: add_provider(store, **values),
            lambda _r: self.tr("The provider was added."),
            None,
        )

    def ask_plan(self) -> None:
        overview = self.current_provider()
        if overview is None:
            return
        dialog = DateNotesDialog(
            self.tr("Plan a control visit"),
            self.tr("One control is planned for each running intervention at {name}.").format(
                name=overview.provider.name
            ),
            self.tr("&Planned for:"),
            self.tr("&Plan"),
            past_only=False,
            parent=self,
        )
        self.session.guard.track_dialog(dialog)
        dialog.accepted.connect(
            lambda: self.plan(overview.provider.id, dialog.date(), dialog.notes_text())
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def plan(self, provider_id: int, day: Any, notes: str | None) -> None:
        self._run_change(
            lambda store: plan_control_visit(store, provider_id, day, notes),
            lambda ids: self.tr("%n control(s) planned.", "", len(ids)),
            provider_id,
        )

    def ask_record(self) -> None:
        overview, control = self.current_provider(), self.current_control()
        if overview is None or control is None:
            return
        dialog = DateNotesDialog(
            self.tr("Record a control"),
            self.tr(
                "Record the control planned for {day}: when it was made and what was found."
            ).format(day=labels.day(control.planned_on)),
            self.tr("&Done on:"),
            self.tr("&Record"),
            past_only=True,
            parent=self,
        )
        self.session.guard.track_dialog(dialog)
        dialog.accepted.connect(
            lambda: self.record(control.id, dialog.date(), dialog.notes_text(), overview)
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def record(self, control_id: int, day: Any, notes: str | None, overview: Any) -> None:
        self._run_change(
            lambda store: record_provider_control(store, control_id, day, notes),
            lambda _r: self.tr("The control was recorded."),
            overview.provider.id,
        )
