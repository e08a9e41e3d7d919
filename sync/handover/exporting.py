"""Handover export: one case, to one verified contact, as a signed and encrypted bundle.

For the GUI's wizard and the CLI (docs/handover.md):

1. :func:`preview_export` (``ExportRequest``) -> :class:`ExportPreview`: every check that
   can refuse the export — an open case whose status may become överlämnad, no handover
   still awaiting a receipt, a verified and not revoked contact, a legal basis for the
   contact's municipality, a reason when protected fields or a fictitious identity are
   included — plus what would be withheld, the size, and the network-conflict report.
   It reads and writes nothing else (no audit entry).
2. :func:`export_handover` (the same request, ``out``, ``acknowledge_conflicts``,
   ``progress``) runs the checks again, refuses unacknowledged conflicts
   (``NetworkConflictError`` with ``.report``), builds ``case.json`` and streams it and the
   documents into the bundle. ``progress(done_bytes, total_bytes)`` is called as members
   are read (from the worker thread that runs the export); raising from it — e.g.
   ``HandoverCancelledError`` — cancels: no file, nothing recorded.

In the transaction that records the bundle (the file is renamed into place after it
commits; a kill in between leaves it owed, placed at the next start — docs/bundle-format.md
§7): the ``handovers`` row (state "awaiting receipt"), and the audit entries
``handover.export`` (bundle id, contact id, basis, sections — no case data),
``handover.protected`` (the reason, the person / placement ids whose protected fields were
sent) and ``handover.conflicts_acknowledged``.

3. The same export run again while that handover awaits its receipt writes *that* bundle
   (same id, same bytes, from its recipe) — when the earlier run never got its file
   written, or to the file it was written to — and returns with ``resumed``; it never
   seals a second bundle for the same handover. A handover whose bundle was never written
   can instead be cancelled (sync/handover/resume.py) and exported with other choices.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path
from typing import Any

from storage.casefile import repo
from storage.casefile.cases import get_case
from storage.casefile.persons import principal_id
from storage.casefile.summaries import case_summary
from storage.records import validate as v
from storage.records.enums import (
    STATUS_TRANSITIONS,
    CaseStatus,
)
from storage.records.errors import FieldRequiredError
from storage.team import shares
from sync.bundle import (
    outbox,
    rewrite,
)
from sync.bundle.manifest import HANDOVER
from sync.bundle.seal import (
    SealedBundle,
    seal_bundle,
)
from sync.handover.case import (
    CaseContent,
    build_case_content,
)
from sync.handover.conflicts import (
    DEFAULT_WINDOW_MONTHS,
    ConflictReport,
    check_case_conflicts,
)
from sync.handover.errors import (
    HandoverExpiryError,
    HandoverNotWrittenError,
    HandoverPendingError,
    HandoverReasonRequiredError,
    HandoverSharedNotResponsibleError,
    HandoverStatusError,
    NetworkConflictError,
)
from sync.handover.members import (
    ProgressCallback,
    case_bytes,
    handover_members,
)
from sync.handover.records import (
    FoundBasis,
    HandoverRecord,
    find_legal_basis,
    pending_handover,
)
from sync.handover.sections import parse_sections
from sync.trust.contacts import (
    Contact,
    usable_contact,
)
from sync.trust.identity import get_identity
from sync.wire.fields import format_time

DEFAULT_EXPIRES_DAYS = 14
MAX_EXPIRES_DAYS = 366
REASON_LIMIT = 500


@dataclass(frozen=True)
class ExportRequest:
    case_id: int
    contact_id: int
    sections: tuple[str, ...] | None = None  # None: DEFAULT_SECTIONS
    include_protected: bool = False
    include_fictitious: bool = False
    reason: str | None = None  # required with include_protected / include_fictitious
    expires_days: int = DEFAULT_EXPIRES_DAYS
    legal_basis: str | None = None  # None: consent, else transfer, else request_for_help
    post_quantum: bool | None = None  # see sync.bundle.seal_bundle
    window_months: int = DEFAULT_WINDOW_MONTHS  # of the conflict check


@dataclass(frozen=True)
class ExportPreview:
    request: ExportRequest  # with its sections in canonical order
    case_number: str
    case_label: str  # masked
    recipient: Contact
    basis: FoundBasis
    sections: tuple[str, ...]
    withheld_names: int
    withheld_addresses: int
    withheld_fictitious: int
    document_count: int
    total_bytes: int
    conflicts: ConflictReport
    #: colleagues whose share of the case ends when the receipt is imported (docs/sync.md §6)
    shared_with: int = 0


@dataclass(frozen=True)
class ExportResult:
    handover_id: int
    bundle_id: str
    sha256: str
    path: Path
    case_number: str
    contact_id: int
    expires: str
    sections: tuple[str, ...]
    conflicts_acknowledged: int
    post_quantum: bool
    #: True when this run found the same export already recorded (an earlier run was
    #: interrupted, or ran with the same choices) and wrote or found that bundle at ``path``
    resumed: bool = False


def allowed_statuses() -> tuple[CaseStatus, ...]:
    """The statuses a case can be handed over from (överlämnad follows directly)."""
    return tuple(s for s, nxt in STATUS_TRANSITIONS.items() if CaseStatus.HANDED_OVER in nxt)


def allowed_labels() -> str:
    return ", ".join(s.label for s in allowed_statuses())


def _checked(store: Any, request: ExportRequest) -> tuple[ExportRequest, Contact, FoundBasis]:
    sections = parse_sections(request.sections)
    reason = request.reason
    if request.include_protected or request.include_fictitious:
        if reason is None or not str(reason).strip():
            raise HandoverReasonRequiredError(field="reason")
        reason = v.required_text("reason", reason, limit=REASON_LIMIT)
    if type(request.expires_days) is not int or not 1 <= request.expires_days <= MAX_EXPIRES_DAYS:
        raise HandoverExpiryError(field="expires_days")
    get_identity(store)  # NoIdentityError before anything else
    case = get_case(store, request.case_id)
    if case.status not in allowed_statuses():
        raise HandoverStatusError(
            case=case.case_number, status=case.status.label, allowed=allowed_labels()
        )
    if principal_id(store, case.id) is None:
        raise FieldRequiredError(field="person")
    shared = shares.shared_case_of(store, case.id)
    if shared is not None and shared.state == "active" and shared.role != "responsible":
        raise HandoverSharedNotResponsibleError(case=case.case_number)
    pending = pending_handover(store, case.id)
    if pending is not None and pending.bundle_written is False:
        raise HandoverNotWrittenError(bundle=pending.bundle_id, handover=pending.id)
    if pending is not None:
        raise HandoverPendingError(bundle=pending.bundle_id, expires=pending.expires_at)
    contact = usable_contact(store, request.contact_id)
    basis = find_legal_basis(store, case.id, contact.municipality, request.legal_basis)
    return replace(request, sections=sections, reason=reason), contact, basis


def _prepare(store: Any, request: ExportRequest) -> tuple[ExportPreview, CaseContent]:
    request, contact, basis = _checked(store, request)
    assert request.sections is not None
    content = build_case_content(
        store,
        request.case_id,
        request.sections,
        include_protected=request.include_protected,
        include_fictitious=request.include_fictitious,
    )
    conflicts = check_case_conflicts(
        store, request.case_id, contact.municipality, window_months=request.window_months
    )
    summary = case_summary(store, request.case_id)
    size = len(case_bytes(content)) + sum(d.size for d in content.documents)
    preview = ExportPreview(
        request,
        summary.case_number,
        summary.label,
        contact,
        basis,
        request.sections,
        content.withheld_names,
        content.withheld_addresses,
        content.withheld_fictitious,
        len(content.documents),
        size,
        conflicts,
        len(shares.active_colleagues(store, request.case_id)),
    )
    return preview, content


def preview_export(store: Any, request: ExportRequest) -> ExportPreview:
    """Every check of an export and what it would send; nothing is written."""
    return _prepare(store, request)[0]


def export_handover(
    store: Any,
    request: ExportRequest,
    out: Path,
    *,
    acknowledge_conflicts: bool = False,
    progress: ProgressCallback | None = None,
) -> ExportResult:
    """Check, write the bundle to ``out`` and record the handover (see the module doc).

    Run again with the same choices while the case's handover awaits its receipt, it
    writes that same bundle (same id, same bytes) instead of sealing a second one, when the
    earlier run never got it written, or when ``out`` is where it was written
    (:func:`_resume`); otherwise the case's pending handover refuses it.
    """
    resumed = _resume(store, request, Path(out))
    if resumed is not None:
        return resumed
    preview, content = _prepare(store, request)
    request = preview.request
    conflicts = preview.conflicts
    if conflicts.has_conflicts and not acknowledge_conflicts:
        raise NetworkConflictError(
            report=conflicts, municipality=conflicts.municipality, cases=conflicts.summary()
        )
    basis, contact = preview.basis, preview.recipient
    recorded: dict[str, Any] = {}

    def on_sealed(sealed: SealedBundle) -> None:
        if pending_handover(store, request.case_id) is not None:  # a second export raced us
            raise HandoverPendingError(bundle="-", expires="-")
        now = repo.utc_now()
        recorded["id"] = repo.insert(
            store,
            "handovers",
            {
                "case_id": request.case_id,
                "receiving_municipality": contact.municipality,
                "legal_basis": basis.kind.value,
                "consent_id": basis.consent_id,
                "basis_id": basis.basis_id,
                "contact_id": contact.id,
                "bundle_id": sealed.bundle_id,
                "bundle_sha256": sealed.sha256,
                "sent_at": now,
                "expires_at": format_time(sealed.manifest.expires),
                "sections": json.dumps(list(preview.sections)),
                "protected_included": int(request.include_protected),
                "fictitious_included": int(request.include_fictitious),
                "conflicts_acknowledged": len(conflicts.case_ids),
                "state": "awaiting_receipt",
                "created_by": store.actor,
                "created_at": now,
            },
        )
        outbox.link(store, sealed.bundle_id, handover_id=recorded["id"])
        _audit(store, preview, content, sealed, recorded["id"])

    sealed = seal_bundle(
        store,
        kind=HANDOVER,
        recipients=[contact.id],
        members=handover_members(store, content, progress),
        out=Path(out),
        expires=timedelta(days=request.expires_days),
        case_ref=preview.case_number,
        legal_basis=basis.kind.value,
        post_quantum=request.post_quantum,
        on_sealed=on_sealed,
    )
    return ExportResult(
        int(recorded["id"]),
        sealed.bundle_id,
        sealed.sha256,
        sealed.path,
        preview.case_number,
        contact.id,
        format_time(sealed.manifest.expires),
        preview.sections,
        len(conflicts.case_ids),
        sealed.post_quantum,
    )


def _same_choices(store: Any, pending: HandoverRecord, request: ExportRequest) -> bool:
    sections = parse_sections(request.sections)
    basis = request.legal_basis
    return (
        pending.contact_id == request.contact_id
        and tuple(pending.sections) == tuple(sections)
        and pending.protected_included == bool(request.include_protected)
        and pending.fictitious_included == bool(request.include_fictitious)
        and (basis is None or pending.legal_basis.value == str(basis))
    )


def _resume(store: Any, request: ExportRequest, out: Path) -> ExportResult | None:
    """The same export again while its handover awaits the receipt: write (or find) that
    bundle at ``out`` — never a second bundle for the same handover. Only when its file was
    never written (an interrupted run), or ``out`` is where it was written; None otherwise
    (then the usual checks refuse or go on)."""
    pending = pending_handover(store, request.case_id)
    if pending is None or pending.bundle_id is None:
        return None
    found = outbox.entry(store, pending.bundle_id)
    if found is None or not _same_choices(store, pending, request):
        return None
    target = out.absolute()
    if found.placed and target != found.target:
        return None
    contact = usable_contact(store, request.contact_id)
    if not rewrite.in_place(found, target):
        rewrite.write_again(store, found.bundle_id, target)
        repo.audit(
            store,
            "handover.written_again",
            repo.case_number(store, request.case_id),
            case_id=request.case_id,
            handover_id=pending.id,
            bundle_id=found.bundle_id,
            sha256=found.sha256,
        )
    return ExportResult(
        pending.id,
        found.bundle_id,
        found.sha256,
        target,
        repo.case_number(store, request.case_id),
        contact.id,
        found.expires,
        pending.sections,
        pending.conflicts_acknowledged,
        outbox.post_quantum(store, found.bundle_id),
        resumed=True,
    )


def _audit(
    store: Any, preview: ExportPreview, content: CaseContent, sealed: SealedBundle, handover_id: int
) -> None:
    request, number = preview.request, preview.case_number
    repo.audit(
        store,
        "handover.export",
        number,
        case_id=request.case_id,
        handover_id=handover_id,
        bundle_id=sealed.bundle_id,
        sha256=sealed.sha256,
        contact_id=preview.recipient.id,
        legal_basis=preview.basis.kind.value,
        consent_id=preview.basis.consent_id,
        basis_id=preview.basis.basis_id,
        sections=list(preview.sections),
        documents=len(content.documents),
        protected=request.include_protected,
        fictitious=request.include_fictitious,
    )
    if request.include_protected or request.include_fictitious:
        repo.audit(
            store,
            "handover.protected",
            number,
            case_id=request.case_id,
            bundle_id=sealed.bundle_id,
            reason=request.reason,
            person_ids=content.protected_person_ids,
            placement_ids=content.address_placement_ids,
            fictitious_person_ids=content.fictitious_person_ids,
        )
    if preview.conflicts.has_conflicts:
        repo.audit(
            store,
            "handover.conflicts_acknowledged",
            number,
            case_id=request.case_id,
            bundle_id=sealed.bundle_id,
            direction="export",
            case_ids=list(preview.conflicts.case_ids),
            window_months=preview.conflicts.window_months,
        )
