"""Store-side helpers of the import dialog, and the receipt import (a menu action).

An opened handover (:class:`sync.handover.importing.ImportPreview`) holds the staged bundle
and a reference to the store, and its case data in the clear; it therefore never reaches a
widget. It is kept here, under a token, and touched only by work functions on the store
worker; the dialog gets :class:`PreviewFacts` — what the preview screen shows, masked.
On lock the token is forgotten; what was staged stays inside the encrypted store until
:func:`sync.bundle.purge_staging` after the next unlock.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget

from storage.casefile.people import PersonMatch, duplicates_of_cases
from storage.casework.relocation import MunicipalityChange, apply_receiving_municipality
from storage.records.enums import (
    CaseStatus,
    LegalBasis,
)
from storage.vault.store import Store
from sync.handover.conflicts import ConflictReport
from sync.handover.errors import PreviewClosedError
from sync.handover.importing import (
    ImportPreview,
    accept_import,
    preview_import,
    refuse_import,
)
from sync.handover.receipts import import_receipt
from sync.trust.identity import get_identity
from ui.kit import (
    labels,
    vocab,
)
from ui.kit.dialogs import (
    info,
    open_path,
    plain_label,
)
from ui.runtime.session_api import SessionAPI

_previews: dict[int, ImportPreview] = {}
_tokens = itertools.count(1)


@dataclass(frozen=True)
class PreviewFacts:
    token: int
    path: Path
    bundle_id: str
    kind: str
    sender: str  # "caseworker, unit, municipality"
    sender_municipality: str
    fingerprint: str
    verified_at: str
    created: str
    expires: str
    legal_basis: str
    case_label: str  # masked
    case_type: str
    protection: str
    sender_status: str
    opened_on: str
    sections: tuple[str, ...]
    protected_included: bool
    fictitious_included: bool
    withheld: tuple[int, int, int]  # names, addresses, fictitious identities
    members: tuple[tuple[str, int], ...]
    total_bytes: int
    conflicts: ConflictReport
    legal_basis_code: str = ""  # the code of ``legal_basis`` (for the received-case rule)


def _label(choice: Any, code: str) -> str:
    try:
        return labels.label(choice(code))
    except (ValueError, KeyError):
        return code


def open_preview(store: Store, path: Path) -> PreviewFacts:
    """Worker: open and verify the bundle; keep the preview here; return what to show."""
    p = preview_import(store, path)
    token = next(_tokens)
    _previews[token] = p
    c = p.case
    return PreviewFacts(
        token,
        Path(path),
        p.bundle_id,
        p.kind,
        f"{p.sender.caseworker}, {p.sender.unit}, {p.sender.municipality}",
        p.sender.municipality,
        p.sender_fingerprint,
        (p.sender.verified_at or "")[:10],
        p.created,
        p.expires,
        _label(LegalBasis, p.legal_basis),
        c.label,
        labels.label(c.case_type),
        labels.label(c.protection_level),
        _label(CaseStatus, c.case_status),
        c.opened_on,
        tuple(vocab.section(s) for s in c.sections),
        c.protected_included,
        c.fictitious_included,
        (c.withheld_names, c.withheld_addresses, c.withheld_fictitious),
        p.members,
        p.total_bytes,
        p.conflicts,
        p.legal_basis,
    )


@dataclass(frozen=True)
class Received:
    """What the caseworker is asked about a case just received."""

    case_id: int
    change: MunicipalityChange  # ``ask_home``: is the person now living here?
    duplicates: list[PersonMatch]  # the same persons in our other cases


def received(store: Store, case_id: int, legal_basis: str) -> Received:
    """Worker: the received-case municipality rule's answer for a case just accepted, and
    the duplicate check. The rule was applied by the import in its transaction; asking it
    again with the same values changes nothing and returns what it did (``ask_home``)."""
    ours = get_identity(store).municipality
    change = apply_receiving_municipality(store, case_id, ours, legal_basis)
    found = [d.match for d in duplicates_of_cases(store, [case_id])]
    return Received(case_id, change, found)


def _held(token: int) -> ImportPreview:
    preview = _previews.get(token)
    if preview is None:
        raise PreviewClosedError()
    return preview


def _settle(token: int, preview: ImportPreview) -> None:
    if preview.state != "open":  # accepted, refused, or discarded by a failure
        _previews.pop(token, None)


def accept(store: Store, token: int, receipt: Path, acknowledge: bool, progress: Any) -> Any:
    """Worker: import the case and write the "accepted" receipt (all or nothing)."""
    preview = _held(token)
    try:
        return accept_import(
            store,
            preview,
            receipt_out=receipt,
            acknowledge_conflicts=acknowledge,
            progress=progress,
        )
    finally:
        _settle(token, preview)


def refuse(store: Store, token: int, reason: str, receipt: Path) -> Any:
    """Worker: refuse; a "refused" receipt with the reason goes back to the sender."""
    preview = _held(token)
    try:
        return refuse_import(store, preview, reason, receipt_out=receipt)
    finally:
        _settle(token, preview)


def release(token: int) -> Callable[[Any], None]:
    """GUI thread: forget the token now; returns the work function (for the store worker)
    that drops the staged members. If the lock cancels that work, the staging is purged
    after the next unlock."""
    preview = _previews.pop(token, None)

    def discard(store: Store) -> None:
        del store
        if preview is not None:
            preview.discard()

    return discard


def is_open(token: int) -> bool:
    return token in _previews


# ---------------------------------------------------------------- receipts


def receipt_message(result: Any) -> str:
    who = f"{result.receiver_unit}, {result.receiver_municipality}"
    if result.accepted:
        text = QCoreApplication.translate(
            "ReceiptImport",
            "{who} accepted case {case}. The case is now handed over; the receipt is kept as "
            "proof.",
        ).format(who=who, case=result.case_number)
        if result.gallring_due_on is not None:
            due = QCoreApplication.translate(
                "ReceiptImport", "Our copy is due for weeding (gallring) on {day}."
            )
            text += " " + due.format(day=result.gallring_due_on.isoformat())
        return text
    return QCoreApplication.translate(
        "ReceiptImport",
        "{who} refused case {case}: {reason}\nThe case stays open here; a reminder was added.",
    ).format(who=who, case=result.case_number, reason=result.reason)


def import_receipt_file(
    session: SessionAPI,
    parent: QWidget,
    path: Path | None = None,
    *,
    done: Callable[[int], None] | None = None,
) -> None:
    """Choose a receipt file (unless given), import it on the worker, say what happened;
    ``done(case_id)`` is called after a receipt was recorded."""
    if path is None:
        path = open_path(
            parent,
            QCoreApplication.translate("ReceiptImport", "Import a receipt"),
            QCoreApplication.translate("ReceiptImport", "Utväg bundle (*.utvag)"),
        )
    if path is None or not session.is_unlocked:
        return
    chosen = path
    session.run(
        parent,
        lambda store: import_receipt(store, chosen),
        lambda result: _show_receipt(parent, result, done),
        label=QCoreApplication.translate("ReceiptImport", "Checking the receipt…"),
    )


def _show_receipt(parent: QWidget, result: Any, done: Callable[[int], None] | None) -> None:
    info(parent, receipt_message(result), warning=not result.accepted)
    if done is not None:
        done(result.case_id)


class RefuseDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("refuseDialog")
        self.setWindowTitle(self.tr("Refuse the handover"))
        self.reason = QLineEdit(self)
        self.reason.setObjectName("refuseReason")
        self.reason.setMaxLength(1000)
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("E.g. no legal basis for us to take the case"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Refuse"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(lambda t: self.ok.setEnabled(bool(t.strip())))
        self.ok.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                self.tr(
                    "The reason is sent to the sender in the signed receipt. Write no personal "
                    "data."
                ),
                self,
            )
        )
        layout.addWidget(self.reason)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)


class HomeMunicipalityDialog(QDialog):
    """A case received with consent: does the person now live here (bosättningskommun)?"""

    def __init__(self, ours: str, home: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("homeMunicipalityDialog")
        self.setWindowTitle(self.tr("Municipality of residence"))
        self.answer: bool | None = None
        text = self.tr(
            "The case was handed over with the person's consent. {ours} is now the case's "
            "municipality of stay; its municipality of residence is still {home}.\n\n"
            "Does the person now live in {ours}?"
        ).format(ours=ours, home=home)
        buttons = QDialogButtonBox(self)
        self.yes_button = buttons.addButton(
            self.tr("&Yes: {ours} becomes the municipality of residence").format(ours=ours),
            QDialogButtonBox.ButtonRole.YesRole,
        )
        self.yes_button.setObjectName("homeYes")
        self.no_button = buttons.addButton(
            self.tr("&No: keep {home}").format(home=home), QDialogButtonBox.ButtonRole.NoRole
        )
        self.no_button.setObjectName("homeNo")
        self.yes_button.clicked.connect(lambda: self._answer(True))
        self.no_button.clicked.connect(lambda: self._answer(False))
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(text, self))
        layout.addWidget(
            plain_label(
                self.tr("It can be changed later with Edit details… in the case's Overview."),
                self,
                "hint",
            )
        )
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _answer(self, yes: bool) -> None:
        self.answer = yes
        self.accept()
