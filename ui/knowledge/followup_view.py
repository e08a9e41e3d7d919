"""Follow-up at 6 and 12 months, and the case timeline.

Two widgets the case view can embed, each showing one case (``set_case(case_id)``):

- :class:`FollowUpPanel` — the follow-up plan of a closed case (due dates, done or
  overdue), the follow-ups recorded so far, and the form (kind, date, situation, housing,
  occupation, relapse, notes, and what it evaluates: the needs domains — those rated high at
  intake are ticked — and the case's interventions) saved with
  :func:`storage.casework.followup_results.record_follow_up`;
- :class:`TimelinePanel` — :func:`storage.casework.timeline.case_timeline`. Where a person was moved
  (the municipality of a placement or a handover) is protected: it is dropped on the store
  worker and never reaches the widget.

:class:`FollowUpDialog` puts both in tabs for the menu (Visa → Uppföljning och tidslinje).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from storage.casefile.interventions import interventions
from storage.casefile.summaries import case_summary
from storage.caseplan.needs import needs_assessments
from storage.casework.followup_results import (
    FollowUpStatus,
    Housing,
    Occupation,
    Relapse,
    follow_up_plan,
    follow_up_results,
    record_follow_up,
)
from storage.casework.timeline import case_timeline
from storage.records.enums import FollowUpKind
from storage.records.knowledge import NeedDomain
from storage.registers.methods import methods
from storage.vault.store import Store
from ui.kit import (
    labels,
    vocab,
)
from ui.kit.dialogs import (
    plain_label,
    quiet_buttons,
    set_state,
)
from ui.kit.tables import RecordTable, TableModel
from ui.kit.windows import fit_to_screen
from ui.runtime.error_dialog import error_text
from ui.runtime.session_api import SessionAPI


def _checklist(parent: QWidget, name: str) -> QListWidget:
    box = QListWidget(parent)
    box.setObjectName(name)
    box.setMaximumHeight(110)
    return box


def _checked(box: QListWidget) -> list[Any]:
    return [
        box.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(box.count())
        if box.item(i).checkState() == Qt.CheckState.Checked
    ]


def _evaluated(store: Store, case_id: int) -> tuple[set[str], list[tuple[int, str]]]:
    """The domains rated high at intake (the first assessment) and the case's interventions
    named with their method."""
    found = needs_assessments(store, case_id)
    high = {d.value for d in found[0].high} if found else set()
    names = {m.id: m.name for m in methods(store)}
    items = [
        (
            i.id,
            f"{labels.label(i.type)}"
            + (f" – {names[i.method_id]}" if i.method_id in names else "")
            + f" ({labels.day(i.started_on)})",
        )
        for i in interventions(store, case_id)
    ]
    return high, items


def _combo(parent: QWidget, name: str, items: list[tuple[str, str]]) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    for code, text in items:
        combo.addItem(text, code)
    return combo


class FollowUpPanel(QWidget):
    saved = Signal(int)  # the follow-up id

    def __init__(self, session: SessionAPI, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followUpPanel")
        self.session = session
        self.case_id: int | None = None
        session.guard.register(self)
        self.plan = plain_label("", self, "followUpPlan")
        self.kind = _combo(self, "followUpKind", labels.choices(FollowUpKind))
        self.done_on = QDateEdit(QDate.currentDate(), self)
        self.done_on.setObjectName("followUpDate")
        self.done_on.setCalendarPopup(True)
        self.done_on.setDisplayFormat("yyyy-MM-dd")
        self.done_on.setMaximumDate(QDate.currentDate())
        self.status = _combo(self, "followUpStatus", vocab.choices(FollowUpStatus))
        self.housing = _combo(self, "followUpHousing", vocab.choices(Housing))
        self.occupation = _combo(self, "followUpOccupation", vocab.choices(Occupation))
        self.relapse = _combo(self, "followUpRelapse", vocab.choices(Relapse))
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("followUpNotes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(80)
        self.notes.setPlaceholderText(self.tr("Optional; without notes a summary is written"))
        self.domains = _checklist(self, "followUpDomains")
        self.domains.setAccessibleName(self.tr("Needs domains the follow-up evaluates"))
        self.items = _checklist(self, "followUpInterventions")
        self.items.setAccessibleName(self.tr("Interventions the follow-up evaluates"))
        self.save_button = QPushButton(self.tr("&Save follow-up"), self)
        self.save_button.setObjectName("saveFollowUp")
        self.message = plain_label("", self, "followUpMessage")
        self.results_model: TableModel[Any] = TableModel(
            lambda: [
                self.tr("Date"),
                self.tr("Follow-up"),
                self.tr("Situation"),
                self.tr("Housing"),
                self.tr("Occupation"),
                self.tr("Relapse"),
            ],
            lambda r: [
                labels.day(r.done_on),
                labels.label(r.kind),
                vocab.text(r.status),
                vocab.text(r.housing),
                vocab.text(r.occupation),
                vocab.text(r.relapse),
            ],
            self,
        )
        self.results = RecordTable("followUpResults", self.results_model, self)
        self.results.setAccessibleName(self.tr("Follow-up results"))
        form = QFormLayout()
        form.addRow(self.tr("&Follow-up:"), self.kind)
        form.addRow(self.tr("&Done on:"), self.done_on)
        form.addRow(self.tr("&Situation:"), self.status)
        form.addRow(self.tr("&Housing:"), self.housing)
        form.addRow(self.tr("&Occupation:"), self.occupation)
        form.addRow(self.tr("&Relapse:"), self.relapse)
        form.addRow(self.tr("&Notes:"), self.notes)
        evaluates = QHBoxLayout()
        evaluates.addWidget(self.domains, 1)
        evaluates.addWidget(self.items, 1)
        evaluates_label = QLabel(self.tr("&Evaluates:"), self)
        evaluates_label.setBuddy(self.domains)
        form.addRow(evaluates_label, evaluates)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.plan)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.results, 1)
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(False)

    def set_case(self, case_id: int | None) -> None:
        self.case_id = case_id
        self.clear_for_lock()
        if case_id is not None:
            self.reload()

    def reload(self) -> None:
        case_id = self.case_id
        if case_id is None:
            return

        def work(store: Store) -> tuple[Any, ...]:
            return (
                follow_up_plan(store, case_id),
                follow_up_results(store, case_id),
                *_evaluated(store, case_id),
            )

        self.session.run(self, work, self._loaded, progress=False)

    def _fill_evaluated(self, high: set[str], items: list[tuple[int, str]]) -> None:
        self.domains.clear()
        for domain in NeedDomain:
            item = QListWidgetItem(vocab.text(domain), self.domains)
            item.setData(Qt.ItemDataRole.UserRole, domain.value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = domain.value in high
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.items.clear()
        for intervention_id, text in items:
            item = QListWidgetItem(text, self.items)
            item.setData(Qt.ItemDataRole.UserRole, intervention_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)

    def _loaded(self, result: tuple[Any, ...]) -> None:
        plan, done, high, items = result
        self._fill_evaluated(high, items)
        today = dt.date.today()
        lines = []
        for due in plan:
            if due.done:
                state = self.tr("done {day}").format(day=labels.day(due.done_on))
            elif due.overdue(today):
                state = self.tr("OVERDUE")
            else:
                state = self.tr("not yet due")
            lines.append(
                self.tr("{kind}: due {day} — {state}").format(
                    kind=labels.label(due.kind), day=labels.day(due.due_on), state=state
                )
            )
        overdue = any(d.overdue(today) for d in plan)
        self.plan.setText(
            "\n".join(lines)
            or self.tr(
                "No planned follow-up: the case is open, handed over or closed as not applicable."
            )
        )
        set_state(self.plan, "warning" if overdue else "")
        self.results_model.set_records(list(done))
        self.save_button.setEnabled(True)
        if plan:
            pending = next((d for d in plan if not d.done), None)
            if pending is not None:
                self.kind.setCurrentIndex(self.kind.findData(pending.kind.value))

    def save(self) -> None:
        case_id = self.case_id
        if case_id is None:
            return
        fields = {
            "kind": self.kind.currentData(),
            "done_on": self.done_on.date().toPython(),
            "status": self.status.currentData(),
            "housing": self.housing.currentData(),
            "occupation": self.occupation.currentData(),
            "relapse": self.relapse.currentData(),
            "notes": self.notes.toPlainText().strip() or None,
            "domains": _checked(self.domains),
            "intervention_ids": _checked(self.items),
        }
        self.save_button.setEnabled(False)
        self.session.run(
            self,
            lambda store: record_follow_up(store, case_id, **fields),
            self._saved,
            self._failed,
            progress=False,
        )

    def _saved(self, follow_up_id: object) -> None:
        self.notes.clear()
        self.saved.emit(int(follow_up_id))  # type: ignore[call-overload]
        self.message.setText(self.tr("The follow-up was saved."))
        set_state(self.message, "ok")
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.message.setText(error_text(exc))
        set_state(self.message, "error")

    def has_unsaved_edits(self) -> bool:
        return bool(self.notes.toPlainText().strip())

    def clear_for_lock(self) -> None:
        self.plan.clear()
        self.notes.clear()
        self.message.clear()
        self.results_model.set_records([])
        self.domains.clear()
        self.items.clear()
        self.save_button.setEnabled(False)


class TimelinePanel(QWidget):
    def __init__(self, session: SessionAPI, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelinePanel")
        self.session = session
        self.case_id: int | None = None
        session.guard.register(self)
        self.model: TableModel[Any] = TableModel(
            lambda: [self.tr("Date"), self.tr("Event"), self.tr("What")],
            self._event_row,
            self,
        )
        self.table = RecordTable("timelineTable", self.model, self, stretch=(2,))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)

    def set_case(self, case_id: int | None) -> None:
        self.case_id = case_id
        self.clear_for_lock()
        if case_id is None:
            return
        self.session.run(
            self, lambda store: _safe_timeline(store, case_id), self._loaded, progress=False
        )

    def _loaded(self, events: list[Any]) -> None:
        self.model.set_records(events)

    def _event_row(self, e: Any) -> list[str]:
        hidden = self.tr("(where: protected, see the case's placements)")
        what = e.label if not e.protected else f"{e.label} {hidden}"
        if e.detail and not e.protected:
            what = f"{what} — {e.detail}"
        return [labels.day(e.on), e.kind_label, what]

    def clear_for_lock(self) -> None:
        self.model.set_records([])


def _safe_timeline(store: Store, case_id: int) -> list[Any]:
    """The timeline without the protected details (on the worker)."""
    events = case_timeline(store, case_id)
    return [dataclasses.replace(e, detail=None) if e.protected else e for e in events]


class FollowUpDialog(QDialog):
    def __init__(self, session: SessionAPI, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followUpDialog")
        self.setWindowTitle(self.tr("Follow-up and timeline"))
        session.guard.track_dialog(self)
        self.heading = plain_label("", self, "panelTitle")
        self.tabs = QTabWidget(self)
        self.followup = FollowUpPanel(session, self)
        self.timeline = TimelinePanel(session, self)
        self.tabs.addTab(self.followup, self.tr("&Follow-up"))
        self.tabs.addTab(self.timeline, self.tr("&Timeline"))
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        fit_to_screen(self, 820, 640)
        quiet_buttons(self)
        session.run(
            self,
            lambda store: case_summary(store, case_id).label,
            lambda text: self.heading.setText(str(text)),
            progress=False,
        )
        self.followup.set_case(case_id)
        self.timeline.set_case(case_id)
