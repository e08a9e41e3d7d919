"""Gallring under *Verktyg › Gallring…*: the plan, a two-step confirmation, the run, the
protocols.

1. **The plan** (``gallring_plan``, today): the cases a run deletes — case number, closing
   date, last entry, due since — and the due cases it keeps, and why (an exemption with its
   reason, a handover waiting for its receipt, the research sample). The yearly routine is
   named at the top (last run, next due; ``yearly_gallring``).
2. ***Gallra N ärenden…*** opens the confirmation: what cannot be undone, and the decision
   the run rests on (the board's gallringsbeslut), typed in; only then is its button
   enabled.
3. **The run** goes to the store worker through ``session.run_with_context`` with the plan's
   case ids as ``expected`` (a plan that changed meanwhile is refused, nothing deleted) and
   a progress dialog; *Avbryt* stops it, and since the core deletes every case in ONE
   transaction, a cancelled run deletes nothing.
4. **The result** and the **protocols** (``protocols``): each run's date, who, the decision,
   how many were deleted and kept; a run's kept cases with their reasons.

Every case number shown here is a case the store still holds (or a kept one); a deleted
case survives only as a hash in the protocol. After a run ``weeded`` is emitted so the
case list and reminders reload.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from storage.casework.gallring import (
    EXEMPTION,
    OPEN_HANDOVER,
    RESEARCH_SAMPLE,
    GallringCandidate,
    GallringPlan,
    GallringResult,
    gallring_plan,
    run_gallring,
)
from storage.casework.gallring_protocol import (
    GallringProtocol,
    KeptCase,
    YearlyGallring,
    protocols,
    yearly_gallring,
)
from storage.errors import QT_TRANSLATE_NOOP, StorageError
from storage.vault.store import Store
from ui.kit import labels
from ui.kit.dialogs import plain_label, quiet_buttons, set_state
from ui.kit.tables import Cell, RecordTable, TableModel
from ui.kit.windows import fit_to_screen
from ui.runtime.error_dialog import error_text
from ui.runtime.operations import OpContext
from ui.runtime.session_api import SessionAPI

DECISION_LIMIT = 200


class GallringCancelledError(StorageError):
    message = QT_TRANSLATE_NOOP("Errors", "The gallring was cancelled; no case was deleted.")
    code = "gallring_cancelled"


class KeptReason(QObject):
    """Why a due case is kept, in words (the class name is the texts' translation context)."""

    def text(self, reason: str, exempt_reason: str | None = None) -> str:
        if reason == EXEMPTION and exempt_reason:
            return self.tr("exempted: {reason}").format(reason=exempt_reason)
        if reason == EXEMPTION:  # the protocol keeps the reason's kind, not its words
            return self.tr("exempted from gallring")
        if reason == OPEN_HANDOVER:
            return self.tr("a handover is waiting for its receipt")
        if reason == RESEARCH_SAMPLE:
            return self.tr("research sample (born on the 5th, 15th or 25th)")
        if reason == "open_share":
            return self.tr("shared with colleagues")
        return reason


def gallring_work(
    plan: GallringPlan, decision: str, label: str
) -> Callable[[Store, OpContext], GallringResult]:
    """The run for the store worker: the plan's cases (``expected``), the decision, progress
    per case; *Avbryt* raises :class:`GallringCancelledError` inside the core's one
    transaction, so nothing is deleted."""

    def work(store: Store, ctx: OpContext) -> GallringResult:
        def progress(done: int, total: int) -> None:
            if ctx.cancelled:
                raise GallringCancelledError()
            ctx.report(done, total, label)

        if ctx.cancelled:
            raise GallringCancelledError()
        return run_gallring(
            store, plan.on, decision_ref=decision, expected=plan.case_ids, progress=progress
        )

    return work


class GallringConfirmDialog(QDialog):
    """The second step: what a run does, and the decision it rests on, typed in."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gallringConfirm")
        self.setWindowTitle(self.tr("Carry out the gallring"))
        self.decision = QLineEdit(self)
        self.decision.setObjectName("gallringDecision")
        self.decision.setMaxLength(DECISION_LIMIT)
        self.decision.setPlaceholderText(self.tr("e.g. Social welfare board, 2026-02-14, § 12"))
        self.decision.setAccessibleName(self.tr("The gallring decision"))
        buttons = QDialogButtonBox(self)
        self.run_button = buttons.addButton(
            self.tr("&Weed %n case(s)", "", count), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.run_button.setObjectName("gallringRun")
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        self.run_button.setAutoDefault(False)
        self.run_button.clicked.connect(self.accept)
        cancel.clicked.connect(self.reject)
        self.decision.textChanged.connect(self._update)
        form = QFormLayout()
        form.addRow(self.tr("&Decision it rests on:"), self.decision)
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                self.tr(
                    "%n case(s) in the plan will be deleted for good: the case file, the "
                    "journal, documents, persons, placements and every other record. This "
                    "cannot be undone. The gallring protocol keeps the date, the decision, "
                    "the counts and, per deleted case, only a reference that cannot be "
                    "turned back into a case number.",
                    "",
                    count,
                ),
                self,
            )
        )
        layout.addWidget(
            plain_label(
                self.tr(
                    "Backups made before now still hold these cases. If the plan has "
                    "changed since it was shown, nothing is deleted."
                ),
                self,
                "hint",
            )
        )
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(620)
        self._update()

    def _update(self) -> None:
        self.run_button.setEnabled(bool(self.decision.text().strip()))

    def decision_text(self) -> str:
        return self.decision.text().strip()


class GallringView(QDialog):
    weeded = Signal(object)  # GallringResult

    def __init__(self, session: SessionAPI, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gallringView")
        self.setWindowTitle(self.tr("Gallring"))
        self.session = session
        self.plan: GallringPlan | None = None
        self.outcome: GallringResult | None = None
        self.confirm: GallringConfirmDialog | None = None
        self.reasons = KeptReason(self)
        session.guard.register(self)
        session.guard.track_dialog(self)
        self.summary = plain_label("", self, "gallringSummary")
        self.yearly = plain_label("", self, "gallringYearly")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("gallringTabs")
        self.tabs.addTab(self._build_plan(), self.tr("&Plan"))
        self.tabs.addTab(self._build_protocols(), self.tr("P&rotocols"))
        self.status = plain_label("", self, "gallringStatus")
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.yearly)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        quiet_buttons(self)
        fit_to_screen(self, 1040, 640)
        self.refresh()

    def _build_plan(self) -> QWidget:
        page = QWidget(self)
        self.due_title = plain_label("", page, "sectionTitle")
        self.due_model: TableModel[GallringCandidate] = TableModel(
            lambda: [
                self.tr("Case"),
                self.tr("Closed"),
                self.tr("Last entry"),
                self.tr("Due since"),
            ],
            lambda c: [
                c.case_number,
                labels.day(c.closed_on),
                labels.day(c.last_entry_on),
                labels.day(c.due_on),
            ],
            self,
        )
        self.due_table = RecordTable("gallringDue", self.due_model, page, stretch=(0, 1, 2, 3))
        self.due_table.setAccessibleName(self.tr("Cases to be weeded"))
        self.kept_title = plain_label("", page, "sectionTitle")
        self.kept_model: TableModel[GallringCandidate] = TableModel(
            lambda: [self.tr("Case"), self.tr("Due since"), self.tr("Kept because")],
            lambda c: [
                c.case_number,
                labels.day(c.due_on),
                Cell(self.reasons.text(c.kept_because or "", c.exempt_reason)),
            ],
            self,
        )
        self.kept_table = RecordTable("gallringKept", self.kept_model, page, stretch=(2,))
        self.kept_table.setAccessibleName(self.tr("Cases due but kept"))
        self.refresh_button = QPushButton(self.tr("&Read the plan again"), page)
        self.refresh_button.setObjectName("gallringRefresh")
        self.run_button = QPushButton(page)
        self.run_button.setObjectName("gallringStart")
        self.refresh_button.clicked.connect(self.refresh)
        self.run_button.clicked.connect(self.ask_run)
        split = QSplitter(page)
        for title, table in ((self.due_title, self.due_table), (self.kept_title, self.kept_table)):
            box = QWidget(split)
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(title)
            column.addWidget(table, 1)
            split.addWidget(box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.run_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        return page

    def _build_protocols(self) -> QWidget:
        page = QWidget(self)
        self.run_model: TableModel[GallringProtocol] = TableModel(
            lambda: [
                self.tr("Date"),
                self.tr("By"),
                self.tr("Decision"),
                self.tr("Deleted"),
                self.tr("Kept"),
            ],
            lambda p: [
                labels.day(p.run_on),
                p.actor,
                p.decision_ref or labels.EMPTY,
                Cell(str(p.deleted), right=True),
                Cell(
                    str(p.kept_exempt + p.kept_research_sample + p.kept_open_handover),
                    right=True,
                ),
            ],
            self,
        )
        self.run_table = RecordTable("gallringRuns", self.run_model, page, stretch=(2,))
        self.run_table.setAccessibleName(self.tr("Gallring protocols"))
        self.run_kept_model: TableModel[KeptCase] = TableModel(
            lambda: [self.tr("Case"), self.tr("Due since"), self.tr("Kept because")],
            lambda k: [
                k.case_number or self.tr("(weeded by a later run)"),
                labels.day(k.due_on),
                self.reasons.text(k.reason),
            ],
            self,
        )
        self.run_kept_table = RecordTable("gallringRunKept", self.run_kept_model, page)
        self.run_kept_table.setAccessibleName(self.tr("Cases kept by the run"))
        self.run_table.selectionModel().currentRowChanged.connect(lambda *_: self._run_chosen())
        split = QSplitter(page)
        split.addWidget(self.run_table)
        split.addWidget(self.run_kept_table)
        split.setSizes([620, 400])  # the decision has room
        layout = QVBoxLayout(page)
        layout.addWidget(split, 1)
        return page

    # ------------------------------------------------------------------ loading
    def refresh(self) -> None:
        def work(store: Store) -> tuple[GallringPlan, YearlyGallring, list[GallringProtocol]]:
            return gallring_plan(store), yearly_gallring(store), protocols(store)

        self.run_button.setEnabled(False)
        self.session.run(self, work, self._loaded, progress=False)

    def _loaded(self, found: tuple[GallringPlan, YearlyGallring, list[GallringProtocol]]) -> None:
        plan, yearly, runs = found
        self.plan = plan
        self.summary.setText(
            self.tr(
                "Gallring on {day}: personal files are weeded {years} years after the last "
                "entry (the latest of closing, journal entries, documents and follow-ups)."
            ).format(day=labels.day(plan.on), years=plan.years)
        )
        last = (
            self.tr("Last gallring: {day}.").format(day=labels.day(yearly.last_run_on))
            if yearly.last_run_on
            else self.tr("No gallring has been carried out in this database.")
        )
        if yearly.due:
            nxt = self.tr("The yearly gallring is due (since {day}).").format(
                day=labels.day(yearly.due_on)
            )
        else:
            nxt = self.tr("The next yearly gallring is due on {day}.").format(
                day=labels.day(yearly.due_on)
            )
        self.yearly.setText(f"{last} {nxt}")
        set_state(self.yearly, "warning" if yearly.due else "")
        self.due_title.setText(self.tr("To be weeded: %n case(s)", "", len(plan.due)))
        self.kept_title.setText(self.tr("Due but kept: %n case(s)", "", len(plan.kept)))
        self.due_model.set_records(list(plan.due))
        self.kept_model.set_records(list(plan.kept))
        self.run_button.setText(self.tr("&Weed %n case(s)…", "", len(plan.due)))
        self.run_button.setEnabled(bool(plan.due))
        self.run_model.set_records(runs)
        if runs and not self.run_table.currentIndex().isValid():
            self.run_table.selectRow(0)
        self._run_chosen()

    def _run_chosen(self) -> None:
        run = self.run_table.current_record()
        self.run_kept_model.set_records(list(run.kept) if isinstance(run, GallringProtocol) else [])

    # ------------------------------------------------------------------ the run
    def ask_run(self) -> GallringConfirmDialog | None:
        plan = self.plan
        if plan is None or not plan.due:
            return None
        dialog = GallringConfirmDialog(len(plan.due), self)
        self.session.guard.track_dialog(dialog)
        dialog.accepted.connect(lambda: self.run(plan, dialog.decision_text()))
        dialog.finished.connect(dialog.deleteLater)
        self.confirm = dialog
        dialog.open()
        return dialog

    def run(self, plan: GallringPlan, decision: str) -> int:
        """Carry out ``plan`` (the one the caseworker saw) on the store worker; returns the
        job id. *Läs in planen igen* stays usable (a run cancelled before it started reports
        nothing back)."""
        label = self.tr("Weeding…")
        self.run_button.setEnabled(False)
        self._say(label, "")
        return self.session.run_with_context(
            self,
            gallring_work(plan, decision, label),
            self._done,
            self._failed,
            cancellable=True,
            label=label,
        )

    def _done(self, result: GallringResult) -> None:
        self.outcome = result
        kept = result.kept_exempt + result.kept_research_sample + result.kept_open_handover
        self._say(
            self.tr("The gallring is done: %n case(s) deleted", "", result.deleted)
            + ", "
            + self.tr("%n kept.", "", kept)
            + " "
            + self.tr(
                "The protocol is under Protocols. Backups made before today still hold the "
                "weeded cases."
            ),
            "ok",
        )
        self.refresh()
        self.tabs.setCurrentIndex(1)
        self.weeded.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self._say(error_text(exc), "error")
        self.refresh()

    def _say(self, text: str, state: str) -> None:
        self.status.setText(text)
        set_state(self.status, state)

    # ------------------------------------------------------------------ lock
    def clear_for_lock(self) -> None:
        self.plan = None
        for model in (self.due_model, self.kept_model, self.run_model, self.run_kept_model):
            model.set_records([])
        for label in (self.summary, self.yearly, self.status):
            label.clear()
