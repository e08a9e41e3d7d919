"""The first pages of the handover wizard (ui/handover/wizard.py drives them and the store
work; the conflict, file and export pages are in ui/handover/final_pages.py).

Order: case and recipient → legal basis → sections → network conflicts → validity and file
→ export (progress, then the bundle id and file hash). Every page shows only what the
export preview (:func:`sync.handover.exporting.preview_export`) returned: masked case labels,
the recipient's public names and fingerprint, counts.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWizardPage,
)

from storage.records.enums import LegalBasis
from sync.handover.exporting import ExportPreview
from sync.handover.sections import (
    DEFAULT_SECTIONS,
    REQUIRED_SECTIONS,
    SECTIONS,
)
from ui.kit import (
    labels,
    vocab,
)
from ui.kit.dialogs import (
    plain_label,
    set_state,
)


class WizardHost(Protocol):
    """What the pages need of the wizard that holds them (ui/handover/wizard.py)."""

    preview: ExportPreview | None

    def checked_or_check(self, page: HandoverPage) -> bool: ...

    def show_message(self, text: str) -> None: ...

    def choose_file(self) -> None: ...

    def start_export(self) -> None: ...


def source_text(source: str) -> str:
    """How a conflicting case is present in the municipality."""
    if source == "placement":
        return QCoreApplication.translate("ConflictPage", "placement")
    if source == "stay_municipality":
        return QCoreApplication.translate("ConflictPage", "municipality of stay")
    return QCoreApplication.translate("ConflictPage", "municipality of residence")


class HandoverPage(QWizardPage):
    def hw(self) -> WizardHost:
        return self.wizard()  # type: ignore[return-value]

    def show_problem(self, text: str) -> None:
        """Why Next did not go on (set by the wizard when a check fails)."""
        self.hw().show_message(text)


class CasePage(HandoverPage):
    """Which case, to whom, on which legal basis; Next runs the export checks."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Case and receiving unit"))
        self.setSubTitle(self.tr("Only verified contacts can receive a case."))
        self.case = QComboBox(self)
        self.case.setObjectName("handoverCase")
        self.contact = QComboBox(self)
        self.contact.setObjectName("handoverContact")
        self.basis = QComboBox(self)
        self.basis.setObjectName("handoverBasis")
        self.basis.addItem(self.tr("The first on file: consent, decision, request"), None)
        for kind in LegalBasis:
            self.basis.addItem(labels.label(kind), kind.value)
        self.status = plain_label("", self, "pageStatus")
        form = QFormLayout(self)
        form.addRow(self.tr("&Case:"), self.case)
        form.addRow(self.tr("&Receiving unit:"), self.contact)
        form.addRow(self.tr("&Legal basis:"), self.basis)
        form.addRow(self.status)
        for combo in (self.case, self.contact):
            combo.currentIndexChanged.connect(self.completeChanged)

    def set_choices(self, cases: list[tuple[int, str]], contacts: list[tuple[int, str]]) -> None:
        for combo, items in ((self.case, cases), (self.contact, contacts)):
            combo.clear()
            for item_id, text in items:
                combo.addItem(text, item_id)
        if not contacts:
            self.show_problem(
                self.tr(
                    "There is no verified contact. Import the receiving unit's card and verify its "
                    "fingerprint first (Handover → Contacts)."
                )
            )
        self.completeChanged.emit()

    def show_problem(self, text: str) -> None:
        self.status.setText(text)
        set_state(self.status, "error" if text else "")

    def isComplete(self) -> bool:
        return self.case.currentData() is not None and self.contact.currentData() is not None

    def validatePage(self) -> bool:
        return self.hw().checked_or_check(self)


class BasisPage(HandoverPage):
    """What the export rests on, shown before anything is chosen."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Legal basis"))
        self.setSubTitle(self.tr("The export is allowed: this is what it rests on."))
        self.text = plain_label("", self, "basisText")
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addStretch(1)

    def initializePage(self) -> None:
        p = self.hw().preview
        if p is None:
            return
        basis = p.basis
        until = basis.until.isoformat() if basis.until else self.tr("until further notice")
        r = p.recipient
        self.text.setText(
            "\n".join(
                [
                    self.tr("Case: {case}").format(case=p.case_label),
                    self.tr("Receiving unit: {unit}, {municipality} ({caseworker})").format(
                        unit=r.unit, municipality=r.municipality, caseworker=r.caseworker
                    ),
                    self.tr("Their fingerprint (verified): {fp}").format(fp=r.fingerprint),
                    "",
                    self.tr("Legal basis: {basis}, valid from {since} {until}").format(
                        basis=labels.label(basis.kind), since=basis.since.isoformat(), until=until
                    ),
                    *self._shared(p.shared_with),
                ]
            )
        )

    def _shared(self, colleagues: int) -> list[str]:
        """A shared case: whose shares end, and that what they have not synced stays out."""
        if not colleagues:
            return []
        return [
            "",
            self.tr(
                "Shared with %n colleague(s). What they have not synced to you is not in the "
                "handover; when the receipt arrives their shares end and their copies are "
                "removed. Sync first.",
                "",
                colleagues,
            ),
        ]


class SectionsPage(HandoverPage):
    """Data minimisation: what goes; protected fields only with a reason."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("What to send"))
        self.setSubTitle(self.tr("Send only what the receiving unit needs."))
        self.boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        for i, code in enumerate(SECTIONS):
            box = QCheckBox(vocab.section(code), self)
            box.setObjectName(f"section_{code}")
            box.setChecked(code in DEFAULT_SECTIONS)
            box.setEnabled(code not in REQUIRED_SECTIONS)
            self.boxes[code] = box
            grid.addWidget(box, i // 2, i % 2)
        self.protected = QCheckBox(
            self.tr("Include protected names, personal identity numbers and addresses"), self
        )
        self.protected.setObjectName("includeProtected")
        self.fictitious = QCheckBox(self.tr("Include the fictitious identity"), self)
        self.fictitious.setObjectName("includeFictitious")
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("protectedReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(70)
        self.reason.setPlaceholderText(self.tr("Why the receiving unit needs them (audited)"))
        self.reason.setAccessibleName(self.tr("Reason"))
        self.withheld = plain_label("", self, "hint")
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addSpacing(8)
        layout.addWidget(self.protected)
        layout.addWidget(self.fictitious)
        layout.addWidget(self.reason)
        layout.addWidget(self.withheld)
        for box in (self.protected, self.fictitious):
            box.toggled.connect(self._toggled)
        self.reason.textChanged.connect(self.completeChanged)
        self._toggled()

    def initializePage(self) -> None:
        p = self.hw().preview
        if p is not None:
            items = [
                self.tr("%n protected name(s)", "", p.withheld_names),
                self.tr("%n protected address(es)", "", p.withheld_addresses),
                self.tr("%n fictitious identity(ies)", "", p.withheld_fictitious),
            ]
            self.withheld.setText(
                self.tr("Left out unless chosen above: {items}.").format(items=", ".join(items))
            )

    def _toggled(self) -> None:
        self.reason.setEnabled(self.needs_reason())
        self.completeChanged.emit()

    def needs_reason(self) -> bool:
        return self.protected.isChecked() or self.fictitious.isChecked()

    def sections(self) -> tuple[str, ...]:
        return tuple(code for code, box in self.boxes.items() if box.isChecked())

    def reason_text(self) -> str | None:
        text = " ".join(self.reason.toPlainText().split())
        return text if self.needs_reason() and text else None

    def isComplete(self) -> bool:
        return not self.needs_reason() or bool(self.reason_text())

    def validatePage(self) -> bool:
        return self.hw().checked_or_check(self)
