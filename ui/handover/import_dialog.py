"""Import a handover bundle: open → preview → accept or refuse → save the receipt.

Opening runs every check of the bundle format on the store worker (signature of a verified
contact, named recipient, expiry, replay, member hashes) and stages the members inside the
encrypted store; the preview shows who sent it (with the fingerprint and when we verified
them), the masked case, the sections, what the sender withheld, the members and their
sizes, and the network-conflict check against our own cases. Accepting imports the case in
one transaction and writes the signed "accepted" receipt; refusing needs a reason, which
goes to the sender in the receipt. Closing without deciding discards the staging.

After an accepted case two questions may follow: with a consent as the legal basis, whether
the person now lives in our municipality (``MunicipalityChange.ask_home``; yes makes it the
case's bosättningskommun); and when the same personnummer is in our other cases, whether to
link them (ui/cases/duplicates.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from storage.casefile.people import link_cases
from storage.casework.relocation import set_home_municipality
from storage.records.enums import GroupRelation
from storage.vault.store import Store
from sync.handover.errors import HandoverCancelledError
from ui.cases.duplicates import DuplicateDialog
from ui.contacts.fingerprint_dialog import two_lines
from ui.handover import import_support as support
from ui.handover.import_support import HomeMunicipalityDialog, RefuseDialog
from ui.kit import labels
from ui.kit.dialogs import (
    human_size,
    open_path,
    plain_label,
    quiet_buttons,
    save_path,
    set_state,
)
from ui.kit.tables import Cell, RecordTable, TableModel
from ui.kit.windows import fit_to_screen
from ui.runtime.error_dialog import error_text
from ui.runtime.session_api import SessionAPI

RECEIPT_NAME = "kvitto.utvag"


class ImportDialog(QDialog):
    imported = Signal(int)  # the new case id

    def __init__(self, session: SessionAPI, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import a handover"))
        self.session = session
        self.facts: support.PreviewFacts | None = None
        self.outcome: Any = None
        self.question: QDialog | None = None  # asked after a case was received
        session.guard.track_dialog(self)
        session.guard.register(self)

        self.open_button = QPushButton(self.tr("&Open bundle…"), self)
        self.path = plain_label("", self, "hint")
        self.status = plain_label("", self, "importStatus")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(self.open_button)
        top.addWidget(self.path, 1)
        body = QHBoxLayout()
        body.addLayout(self._build_facts(), 1)
        body.addLayout(self._build_contents(), 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        layout.addLayout(self._build_buttons())
        self.open_button.clicked.connect(self.choose_file)
        fit_to_screen(self, 1200, 660)
        quiet_buttons(self)
        self._show(None)

    def _build_facts(self) -> QVBoxLayout:
        """Left: who sent it (and whether we verified them), and what case it carries."""
        self.sender_label = plain_label("", self, "importSender")
        self.fingerprint = plain_label("", self, "fingerprintDigits")
        self.verified = plain_label("", self, "importVerified")
        self.bundle = plain_label("", self)
        self.case = plain_label("", self, "importCase")
        self.sections = plain_label("", self)
        self.protection = plain_label("", self)
        sender_box = QGroupBox(self.tr("From"), self)
        form = QFormLayout(sender_box)
        form.addRow(self.tr("Sender:"), self.sender_label)
        form.addRow(self.tr("Fingerprint:"), self.fingerprint)
        form.addRow("", self.verified)
        form.addRow(self.tr("Bundle:"), self.bundle)
        case_box = QGroupBox(self.tr("Case"), self)
        form = QFormLayout(case_box)
        form.addRow(self.tr("Case:"), self.case)
        form.addRow(self.tr("Sections:"), self.sections)
        form.addRow(self.tr("Protected data:"), self.protection)
        left = QVBoxLayout()
        left.addWidget(sender_box)
        left.addWidget(case_box)
        left.addStretch(1)
        return left

    def _build_contents(self) -> QVBoxLayout:
        """Right: the bundle's members, and the network-conflict check with its acknowledgement."""
        self.members_model: TableModel[tuple[str, int]] = TableModel(
            lambda: [self.tr("Member"), self.tr("Size")],
            lambda m: [m[0], Cell(human_size(m[1]), right=True)],
            self,
        )
        self.members = RecordTable("importMembers", self.members_model, self, wrap=False)
        self.members.setAccessibleName(self.tr("Contents of the bundle"))
        self.members.setMaximumHeight(150)
        self.conflicts = plain_label("", self, "conflictSummary")
        self.conflict_model: TableModel[Any] = TableModel(
            lambda: [
                self.tr("Our case"),
                self.tr("Relation"),
                self.tr("Our group"),
                self.tr("Their group"),
            ],
            lambda m: [
                m.case_label,
                labels.label(GroupRelation(m.relation)),
                m.their_group,
                m.via_group,
            ],
            self,
        )
        self.conflict_table = RecordTable(
            "importConflicts", self.conflict_model, self, stretch=(0, 1, 2, 3)
        )
        self.ack = QCheckBox(
            self.tr("I have checked the conflicts with the police and accept the case anyway."),
            self,
        )
        self.ack.setObjectName("acknowledgeConflicts")
        self.ack.toggled.connect(self._update)
        right = QVBoxLayout()
        right.addWidget(self.members)
        right.addWidget(self.conflicts)
        right.addWidget(self.conflict_table, 1)
        right.addWidget(self.ack)
        return right

    def _build_buttons(self) -> QHBoxLayout:
        self.accept_button = QPushButton(self.tr("&Accept…"), self)
        self.accept_button.setObjectName("acceptHandover")
        self.refuse_button = QPushButton(self.tr("Re&fuse…"), self)
        self.refuse_button.setObjectName("refuseHandover")
        close = QPushButton(self.tr("Close"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for button in (self.accept_button, self.refuse_button, close):
            buttons.addWidget(button)
        self.accept_button.clicked.connect(self.choose_accept)
        self.refuse_button.clicked.connect(self.ask_refuse)
        close.clicked.connect(self.reject)
        return buttons

    # ------------------------------------------------------------------ open and preview
    def choose_file(self) -> None:
        path = open_path(self, self.tr("Open a handover bundle"), self.tr("Utväg bundle (*.utvag)"))
        if path is not None and self.session.is_unlocked:
            self.open_file(path)

    def open_file(self, path: Path) -> None:
        self._drop_preview()
        self.path.setText(str(path))
        self.status.setText(self.tr("Checking the signature and opening the bundle…"))
        set_state(self.status, "")
        self.session.run(
            self,
            lambda store: support.open_preview(store, path),
            self._show,
            self._open_failed,
            label=self.tr("Opening the bundle…"),
        )

    def _open_failed(self, exc: BaseException) -> None:
        self.status.setText(error_text(exc))
        set_state(self.status, "error")

    def _show(self, facts: support.PreviewFacts | None) -> None:
        self.facts, self.outcome = facts, None
        for label in (
            self.sender_label,
            self.fingerprint,
            self.verified,
            self.bundle,
            self.case,
            self.sections,
            self.protection,
            self.conflicts,
        ):
            label.clear()
        self.members_model.set_records([])
        self.conflict_model.set_records([])
        self.ack.setChecked(False)
        if facts is not None:
            self._fill(facts)
            self.status.setText(self.tr("Check the preview, then accept or refuse."))
            set_state(self.status, "")
        self._update()

    def _fill(self, f: support.PreviewFacts) -> None:
        self.sender_label.setText(f.sender)
        self.fingerprint.setText(two_lines(f.fingerprint))
        self.verified.setText(
            self.tr("✓ Signature checked: a verified contact (since {day}).").format(
                day=f.verified_at
            )
        )
        set_state(self.verified, "ok")
        self.bundle.setText(
            self.tr(
                "Case handover, sent {created}, valid until {expires}\nLegal basis: {basis}\nId: "
                "{id}"
            ).format(
                created=f.created[:10], expires=f.expires[:10], basis=f.legal_basis, id=f.bundle_id
            )
        )
        self.case.setText(
            self.tr(
                "{label}\n{type}, {protection}; their status: {status}, opened {opened}"
            ).format(
                label=f.case_label,
                type=f.case_type,
                protection=f.protection,
                status=f.sender_status,
                opened=f.opened_on,
            )
        )
        self.sections.setText(", ".join(f.sections))
        names, addresses, fictitious = f.withheld
        parts = [
            self.tr("protected fields included")
            if f.protected_included
            else self.tr("withheld by the sender: {names}, {addresses}").format(
                names=self.tr("%n name(s)", "", names),
                addresses=self.tr("%n address(es)", "", addresses),
            )
        ]
        if f.fictitious_included:
            parts.append(self.tr("fictitious identity included"))
        elif fictitious:
            parts.append(self.tr("%n fictitious identity(ies) withheld", "", fictitious))
        self.protection.setText("; ".join(parts))
        self.members_model.set_records([*f.members, (self.tr("In all"), f.total_bytes)])
        self._fill_conflicts(f)

    def _fill_conflicts(self, f: support.PreviewFacts) -> None:
        report = f.conflicts
        if report.has_conflicts:
            self.conflicts.setText(
                self.tr(
                    "Warning: we have, or had in the last %n month(s), persons from the same "
                    "or a rival group in {municipality}:",
                    "",
                    report.window_months,
                ).format(municipality=report.municipality)
            )
            set_state(self.conflicts, "warning")
        elif report.checked:
            self.conflicts.setText(self.tr("No network conflict with our cases."))
            set_state(self.conflicts, "ok")
        else:
            self.conflicts.setText(self.tr("The case has no network link; nothing to compare."))
            set_state(self.conflicts, "")
        self.conflict_model.set_records(list(report.matches))

    def _update(self) -> None:
        f = self.facts
        has = f is not None and f.conflicts.has_conflicts
        self.conflict_table.setVisible(has)
        self.ack.setVisible(has)
        ready = f is not None and self.outcome is None and self.session.is_unlocked
        self.accept_button.setEnabled(ready and (not has or self.ack.isChecked()))
        self.refuse_button.setEnabled(ready)

    # ------------------------------------------------------------------ accept, refuse
    def choose_accept(self) -> None:
        path = save_path(
            self, self.tr("Save the receipt"), RECEIPT_NAME, self.tr("Utväg bundle (*.utvag)")
        )
        if path is not None and self.session.is_unlocked:
            self.accept_to(path)

    def accept_to(self, receipt: Path) -> None:
        f = self.facts
        if f is None:
            return
        token, ack = f.token, f.conflicts.has_conflicts and self.ack.isChecked()
        label = self.tr("Importing the case…")

        def work(store: Store, ctx: Any) -> Any:
            def progress(done: int, total: int) -> None:
                if ctx.cancelled:
                    raise HandoverCancelledError()
                ctx.report(done, total, label)

            return support.accept(store, token, receipt, ack, progress)

        self._busy()
        self.session.run_with_context(
            self, work, self._accepted, self._decision_failed, cancellable=True, label=label
        )

    def _accepted(self, result: Any) -> None:
        self.outcome = result
        self.status.setText(
            self.tr(
                "Imported as case {number}. The receipt was saved as {file}: send it back to the "
                "sender."
            ).format(number=result.case_number, file=result.receipt_path.name)
        )
        set_state(self.status, "ok")
        self._update()
        self.imported.emit(result.case_id)
        case_id, basis = result.case_id, self.facts.legal_basis_code if self.facts else ""
        if basis:
            self.session.run(
                self,
                lambda store: support.received(store, case_id, basis),
                self._ask_home,
                lambda _exc: None,
                progress=False,
            )

    # ------------------------------------------------------------------ after receiving
    def _ask_home(self, found: support.Received) -> None:
        change = found.change
        if not change.ask_home:
            self._ask_link(found)
            return
        dialog = HomeMunicipalityDialog(change.stay_after, change.home_after, self)
        self.session.guard.track_dialog(dialog)
        case_id, ours = found.case_id, change.stay_after

        def answered(_result: int) -> None:
            if dialog.answer:
                self.session.run(
                    self,
                    lambda store: set_home_municipality(store, case_id, ours),
                    lambda _r: self.imported.emit(case_id),
                    progress=False,
                )
            self._ask_link(found)

        dialog.finished.connect(answered)
        dialog.finished.connect(dialog.deleteLater)
        self.question = dialog
        dialog.open()

    def _ask_link(self, found: support.Received) -> None:
        if not found.duplicates:
            return
        dialog = DuplicateDialog(found.duplicates, self, can_cancel=False)
        self.session.guard.track_dialog(dialog)
        case_id, others = found.case_id, dialog.case_ids()

        def link(store: Store) -> None:
            with store.transaction():
                for other in others:
                    link_cases(store, case_id, other)

        dialog.chosen.connect(
            lambda yes: (
                self.session.run(self, link, lambda _r: self.imported.emit(case_id), progress=False)
                if yes
                else None
            )
        )
        dialog.finished.connect(dialog.deleteLater)
        self.question = dialog
        dialog.open()

    def ask_refuse(self) -> None:
        dialog = RefuseDialog(self)
        self.session.guard.track_dialog(dialog)
        dialog.accepted.connect(lambda: self._refuse_chosen(dialog.reason.text()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _refuse_chosen(self, reason: str) -> None:
        path = save_path(
            self, self.tr("Save the receipt"), RECEIPT_NAME, self.tr("Utväg bundle (*.utvag)")
        )
        if path is not None and self.session.is_unlocked:
            self.refuse_to(reason, path)

    def refuse_to(self, reason: str, receipt: Path) -> None:
        if self.facts is None:
            return
        token = self.facts.token
        self._busy()
        self.session.run(
            self,
            lambda store: support.refuse(store, token, reason, receipt),
            self._refused,
            self._decision_failed,
        )

    def _refused(self, result: Any) -> None:
        self.outcome = result
        self.status.setText(
            self.tr("Refused. The receipt was saved as {file}: send it back to the sender.").format(
                file=result.receipt_path.name
            )
        )
        set_state(self.status, "ok")
        self._update()

    def _busy(self) -> None:
        self.accept_button.setEnabled(False)
        self.refuse_button.setEnabled(False)

    def _decision_failed(self, exc: BaseException) -> None:
        self.status.setText(error_text(exc))
        set_state(self.status, "error")
        if self.facts is not None and support.is_open(self.facts.token):
            self._update()
        else:  # the preview was discarded: the file must be opened again
            self.facts = None
            self._update()

    # ------------------------------------------------------------------ closing, lock
    def _drop_preview(self) -> None:
        f, self.facts = self.facts, None
        if f is not None:
            discard = support.release(f.token)
            if self.outcome is None and self.session.is_unlocked:
                self.session.run(None, discard, progress=False)

    def reject(self) -> None:
        self._drop_preview()
        super().reject()

    def clear_for_lock(self) -> None:
        if self.facts is not None:
            support.release(self.facts.token)
        self._show(None)
