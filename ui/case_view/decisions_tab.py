"""Beslut: the case's decisions as they read now (the latest version of each), the chosen
one in full — its provision as it read when signed, reasons, who decided under which
delegation, the signature, earlier versions and appeals — and new decision, correction
(a new signed version), notification date, appeal and its outcome."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QPlainTextEdit, QPushButton, QSplitter, QVBoxLayout, QWidget

from storage.caseplan.decisions import decisions
from storage.records.knowledge import Decision, DecisionThread, Provision
from storage.registers.provisions import provisions
from storage.vault.store import Store
from ui.case_view.base import CaseTab, button_row, section_title
from ui.kit import labels, vocab
from ui.kit.tables import Cell, RecordTable, TableModel
from ui.record_dialogs.decision_dialogs import (
    AppealDialog,
    AppealOutcomeDialog,
    DecisionDialog,
    NotifiedDialog,
)
from ui.runtime.session_api import SessionAPI


@dataclass(frozen=True)
class DecisionsData:
    threads: list[DecisionThread]
    provisions: list[Provision]


class DecisionsTab(CaseTab):
    def __init__(self, session: SessionAPI, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("decisionsTab")
        self.data: DecisionsData | None = None
        self.heading = section_title(parent=self)
        self.model: TableModel[DecisionThread] = TableModel(
            lambda: [
                self.tr("Decided"),
                self.tr("Decision"),
                self.tr("What"),
                self.tr("Provision"),
                self.tr("Notified"),
                self.tr("Appeal"),
            ],
            self._row,
            self,
        )
        self.table = RecordTable("decisionTable", self.model, self, stretch=(2,), wrap=False)
        self.detail = QPlainTextEdit(self)
        self.detail.setObjectName("decisionDetail")
        self.detail.setReadOnly(True)
        self.detail.setTabChangesFocus(True)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("addDecisionButton")
        self.correct_button = QPushButton(self)
        self.correct_button.setObjectName("correctDecisionButton")
        self.notified_button = QPushButton(self)
        self.notified_button.setObjectName("notifiedDecisionButton")
        self.appeal_button = QPushButton(self)
        self.appeal_button.setObjectName("appealDecisionButton")
        self.outcome_button = QPushButton(self)
        self.outcome_button.setObjectName("appealOutcomeButton")
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setObjectName("decisionSplit")
        split.setChildrenCollapsible(False)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(split, 1)
        layout.addLayout(
            button_row(
                self.add_button,
                self.correct_button,
                self.notified_button,
                self.appeal_button,
                self.outcome_button,
            )
        )
        self.table.selectionModel().currentRowChanged.connect(self._chosen)
        self.add_button.clicked.connect(self.new_decision)
        self.correct_button.clicked.connect(self.correct)
        self.notified_button.clicked.connect(
            lambda: self._with_current(lambda d: NotifiedDialog(self.session, d.id, self))
        )
        self.appeal_button.clicked.connect(
            lambda: self._with_current(lambda d: AppealDialog(self.session, d.id, self))
        )
        self.outcome_button.clicked.connect(self.appeal_outcome)
        session.guard.register(self.model)
        self.retranslate()
        self.clear_view()

    def title(self) -> str:
        return self.tr("Decisions")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Decisions (signed; corrected by a new version)"))
        self.add_button.setText(self.tr("&New decision…"))
        self.correct_button.setText(self.tr("&Correct…"))
        self.notified_button.setText(self.tr("N&otified…"))
        self.appeal_button.setText(self.tr("&Appealed…"))
        self.outcome_button.setText(self.tr("Appeal o&utcome…"))
        self.table.setAccessibleName(self.tr("Decisions"))
        self.detail.setAccessibleName(self.tr("The chosen decision"))
        if self.data is not None:
            self.show_data(self.data)

    @staticmethod
    def fetch(store: Store, case_id: int) -> DecisionsData:
        return DecisionsData(decisions(store, case_id), provisions(store))

    def show_data(self, data: DecisionsData) -> None:
        self.data = data
        self.model.set_records(data.threads)
        self.add_button.setEnabled(True)
        if not self.table.currentIndex().isValid() and data.threads:
            self.table.selectRow(len(data.threads) - 1)
        self._chosen(self.table.currentIndex(), QModelIndex())

    def _appeal_text(self, thread: DecisionThread) -> str:
        if not thread.appeals:
            return labels.EMPTY
        last = thread.appeals[-1]
        if last.outcome is None:
            return self.tr("appealed {day}, pending").format(day=labels.day(last.lodged_on))
        return vocab.text(last.outcome)

    def _row(self, thread: DecisionThread) -> list[str | Cell]:
        d = thread.current
        version = self.tr(" (version {n})").format(n=d.version) if d.version > 1 else ""
        return [
            labels.day(d.decided_on),
            vocab.text(d.outcome) + version,
            d.subject,
            Cell(d.provision_text.split(" – ", 1)[0], d.provision_text),
            labels.day(d.notified_on),
            self._appeal_text(thread),
        ]

    def _chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        thread = self.model.record(current.row()) if current.isValid() else None
        self.detail.setPlainText(self.describe(thread) if thread is not None else "")
        self._buttons()

    def describe(self, thread: DecisionThread) -> str:
        """The decision in full, as plain text."""
        d = thread.current
        lines = [
            f"{vocab.text(d.outcome)}: {d.subject}",
            self.tr("Provision: {text}").format(text=d.provision_text),
        ]
        if d.intervention_type is not None:
            lines.append(
                self.tr("Intervention: {type}").format(type=labels.label(d.intervention_type))
            )
        if d.reasons:
            lines.append(self.tr("Reasons: {text}").format(text=d.reasons))
        lines.append(
            self.tr("Decided {day} by {who} under delegation {delegation}.").format(
                day=labels.day(d.decided_on), who=d.decided_by, delegation=d.delegation
            )
        )
        lines.append(
            self.tr("Notified {day}.").format(day=labels.day(d.notified_on))
            if d.notified_on
            else self.tr("Not yet notified.")
        )
        lines.append(
            self.tr("Information on how to appeal was given.")
            if d.appeal_info
            else self.tr("No information on how to appeal was given.")
        )
        lines.append(self._signature(d))
        for appeal in thread.appeals:
            text = self.tr("Appealed {day}").format(day=labels.day(appeal.lodged_on))
            if appeal.court:
                text += f" ({appeal.court})"
            if appeal.outcome is not None:
                text += self.tr(": {outcome} {day}").format(
                    outcome=vocab.text(appeal.outcome), day=labels.day(appeal.outcome_on)
                )
            else:
                text += self.tr(": not yet decided")
            lines.append(text + ("\n  " + appeal.note if appeal.note else ""))
        for old in reversed(thread.earlier):
            lines.append("")
            lines.append(
                self.tr("Version {n}: {outcome}: {subject}").format(
                    n=old.version, outcome=vocab.text(old.outcome), subject=old.subject
                )
            )
            lines.append(self._signature(old))
        return "\n".join(lines)

    def _signature(self, d: Decision) -> str:
        signed = self.tr("Signed by {who} {time}").format(
            who=d.signed_by, time=labels.local_time(d.signed_at)
        )
        if d.imported:
            signed += self.tr(" (imported)")
        if d.correction_reason:
            signed += self.tr("; corrects version {n}: {reason}").format(
                n=d.version - 1, reason=d.correction_reason
            )
        return signed

    def _buttons(self) -> None:
        thread = self.table.current_record()
        chosen = isinstance(thread, DecisionThread)
        self.correct_button.setEnabled(chosen)
        self.notified_button.setEnabled(chosen and thread.current.notified_on is None)
        self.appeal_button.setEnabled(chosen)
        self.outcome_button.setEnabled(chosen and any(a.outcome is None for a in thread.appeals))

    def clear_view(self) -> None:
        self.data = None
        self.model.set_records([])
        self.detail.clear()
        for button in (
            self.add_button,
            self.correct_button,
            self.notified_button,
            self.appeal_button,
            self.outcome_button,
        ):
            button.setEnabled(False)

    # ------------------------------------------------------------------ actions
    def new_decision(self) -> None:
        if self.case_id is not None and self.data is not None:
            self.open_dialog(
                DecisionDialog(self.session, self.case_id, self.data.provisions, parent=self)
            )

    def correct(self) -> None:
        if self.case_id is not None and self.data is not None:
            case_id, known = self.case_id, self.data.provisions
            self._with_current(
                lambda d: DecisionDialog(self.session, case_id, known, correcting=d, parent=self)
            )

    def _with_current(self, make: object) -> None:
        thread = self.table.current_record()
        if isinstance(thread, DecisionThread) and callable(make):
            self.open_dialog(make(thread.current))

    def appeal_outcome(self) -> None:
        thread = self.table.current_record()
        if isinstance(thread, DecisionThread):
            waiting = [a for a in thread.appeals if a.outcome is None]
            if waiting:
                self.open_dialog(AppealOutcomeDialog(self.session, waiting[-1].id, self))
