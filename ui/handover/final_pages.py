"""The last pages of the handover wizard: network conflicts, validity and file, and the
export itself (ui/handover/wizard.py drives them; the first pages are in
ui/handover/pages.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWizard,
)

from storage.records.enums import GroupRelation
from sync.handover.exporting import (
    DEFAULT_EXPIRES_DAYS,
    MAX_EXPIRES_DAYS,
)
from ui.handover.pages import (
    HandoverPage,
    source_text,
)
from ui.kit import labels
from ui.kit.dialogs import (
    counted_suffix,
    human_size,
    plain_label,
    set_state,
    short_hash,
)
from ui.kit.tables import RecordTable, TableModel


class ConflictPage(HandoverPage):
    """The network-conflict check; conflicts must be acknowledged explicitly."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Network conflicts"))
        self.summary = plain_label("", self, "conflictSummary")
        self.model: TableModel[Any] = TableModel(
            lambda: [
                self.tr("Our case"),
                self.tr("Relation"),
                self.tr("Their group"),
                self.tr("Group of this case"),
                self.tr("In the municipality"),
            ],
            self._match_row,
            self,
        )
        self.table = RecordTable("conflictTable", self.model, self, stretch=(0, 1, 2, 3, 4))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.ack = QCheckBox(
            self.tr(
                "I have checked the conflicts with the police and the receiving unit, and want "
                "to send the case anyway."
            ),
            self,
        )
        self.ack.setObjectName("acknowledgeConflicts")
        self.ack.toggled.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.ack)

    def initializePage(self) -> None:
        p = self.hw().preview
        report = p.conflicts if p is not None else None
        found = bool(report and report.has_conflicts)
        self.ack.setChecked(False)
        self.ack.setVisible(found)
        self.table.setVisible(found)
        if report is None:
            return
        if found:
            text = self.tr(
                "Warning: {municipality} has, or had in the last %n month(s), persons from "
                "the same or a rival group. Placing them in the same municipality can put "
                "lives at risk.",
                "",
                report.window_months,
            ).format(municipality=report.municipality)
            set_state(self.summary, "warning")
        elif report.checked:
            text = self.tr(
                "No conflict: none of our cases in {municipality} is linked to the "
                "same or a rival group."
            ).format(municipality=report.municipality)
            set_state(self.summary, "ok")
        else:
            text = self.tr("The case has no network link, so nothing could be compared.")
            set_state(self.summary, "")
        self.summary.setText(text)
        self.model.set_records(list(report.matches))

    def _match_row(self, m: Any) -> list[str]:
        until = m.until.isoformat() if m.until else self.tr("now")
        since = m.since.isoformat() if m.since else "?"
        relation = labels.label(GroupRelation(m.relation))
        where = f"{source_text(m.source)}\n{since} – {until}"
        return [m.case_label, relation, m.their_group, m.via_group, where]

    def isComplete(self) -> bool:
        p = self.hw().preview if self.wizard() is not None else None
        return p is None or not p.conflicts.has_conflicts or self.ack.isChecked()


class FilePage(HandoverPage):
    """How long the bundle is valid, and where it goes. Next starts the export."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Validity and file"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Export"))
        self.days = QSpinBox(self)
        self.days.setObjectName("expiresDays")
        self.days.setRange(1, MAX_EXPIRES_DAYS)
        self.days.setValue(DEFAULT_EXPIRES_DAYS)
        counted_suffix(self.days, lambda n: self.tr(" day(s)", "", n))
        self.days.setMaximumWidth(160)
        self.until = plain_label("", self, "hint")
        self.path = QLineEdit(self)
        self.path.setObjectName("bundlePath")
        self.path.setReadOnly(True)
        self.choose = QPushButton(self.tr("&Choose…"), self)
        self.summary = plain_label("", self, "hint")
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.choose)
        form = QFormLayout(self)
        form.addRow(self.tr("&Valid for:"), self.days)
        form.addRow("", self.until)
        form.addRow(self.tr("File:"), row)
        form.addRow(self.summary)
        self.days.valueChanged.connect(self._show_until)
        self.path.textChanged.connect(self.completeChanged)
        self.choose.clicked.connect(lambda: self.hw().choose_file())
        self._show_until()

    def _show_until(self) -> None:
        day = dt.date.today() + dt.timedelta(days=self.days.value())
        self.until.setText(self.tr("Must be opened by {day}.").format(day=day.isoformat()))

    def initializePage(self) -> None:
        p = self.hw().preview
        if p is None:
            return
        text = self.tr(
            "{sections} and {documents}, about {size}, encrypted to {municipality} only. "
            "The file name does not say where the case is going."
        )
        self.summary.setText(
            text.format(
                sections=self.tr("%n section(s)", "", len(p.sections)),
                documents=self.tr("%n document(s)", "", p.document_count),
                size=human_size(p.total_bytes),
                municipality=p.recipient.municipality,
            )
        )

    def isComplete(self) -> bool:
        return bool(self.path.text())


class ExportPage(HandoverPage):
    """Runs the export (progress, cancellable) and then shows the bundle id and hash."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Export"))
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.status = plain_label("", self, "exportStatus")
        self.result_label = plain_label("", self, "exportResult")
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        layout.addWidget(self.result_label)
        layout.addStretch(1)
        self.finished = False

    def initializePage(self) -> None:
        self.finished = False
        self.bar.setVisible(True)
        self.result_label.clear()
        self.status.setText(self.tr("Signing and encrypting the bundle…"))
        set_state(self.status, "")
        self.hw().start_export()

    def show_result(self, result: Any) -> None:
        self.finished = True
        self.bar.setVisible(False)
        self.status.setText(self.tr("The bundle is written. The case now awaits a receipt."))
        set_state(self.status, "ok")
        self.result_label.setText(
            "\n".join(
                [
                    self.tr("File: {path}").format(path=str(result.path)),
                    self.tr("Bundle id: {id}").format(id=result.bundle_id),
                    self.tr("SHA-256: {hash}").format(hash=short_hash(result.sha256)),
                    self.tr("Valid until: {day}").format(day=result.expires[:10]),
                    "",
                    self.tr(
                        "Send the file through a secure channel and read the first groups of the "
                        "SHA-256 to the receiving unit on the phone. Import their receipt when it "
                        "comes (Handover → Import receipt)."
                    ),
                ]
            )
        )
        self.completeChanged.emit()

    def show_failure(self, text: str) -> None:
        self.finished = True
        self.bar.setVisible(False)
        self.status.setText(text)
        set_state(self.status, "error")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.finished
