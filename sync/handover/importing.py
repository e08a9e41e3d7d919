"""Handover import, in two steps for the GUI's import dialog (docs/handover.md).

1. :func:`preview_import` (``store``, ``path``, ``now=None``) -> :class:`ImportPreview`: the
   bundle is opened with every check of :func:`sync.bundle.open_bundle` (signature of a verified
   contact, named recipient, expiry, replay, member hashes) and its members are staged
   inside the encrypted store. The preview shows the sender and its fingerprint, the
   kind, the case (masked label, sections, counts, what the sender withheld), the members
   and their sizes, and the network-conflict report against OUR cases in our
   municipality. Nothing is recorded yet; the preview holds the staged bundle until
   :func:`accept_import`, :func:`refuse_import` or :meth:`ImportPreview.discard`.
2. :func:`accept_import` — the conflict check again (``acknowledge_conflicts`` needed if
   any), then ONE transaction: the case is created through
   :func:`storage.case_import.reader.import_cases` (the same validation as any case file), its
   documents added, its provenance recorded, the bundle marked seen, ``handover.accept``
   audited — and the signed receipt ("accepted") is sealed to the sender and recorded, to
   be placed at ``receipt_out``, in that same transaction. :func:`refuse_import` (reason) marks the
   bundle seen and writes a "refused" receipt. Any failure: nothing imported, no receipt
   file, the staging discarded (open the file again to retry).

The receipt's file is renamed into place right after that transaction commits; a kill in
between leaves the receipt recorded and owed: the next start places it, and it can always
be written again (sync/handover/resume.py: the same command again, or ``write_receipt``).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from storage.case_import import reader as case_import
from storage.casefile import (
    documents,
    repo,
)
from storage.casework.relocation import apply_receiving_municipality
from storage.errors import ValidationError
from storage.registers import groups
from sync.bundle import outbox
from sync.bundle.manifest import (
    HANDOVER,
    RECEIPT,
)
from sync.bundle.open import (
    OpenedBundle,
    open_bundle,
)
from sync.bundle.receipt import (
    ACCEPTED,
    REASON_MAX_CHARS,
    REFUSED,
    make_receipt_members,
)
from sync.bundle.seal import (
    MemberSpec,
    SealedBundle,
    seal_bundle,
)
from sync.handover.conflicts import (
    DEFAULT_WINDOW_MONTHS,
    ConflictReport,
    check_conflicts,
)
from sync.handover.content import (
    IncomingCase,
    read_incoming_case,
)
from sync.handover.errors import (
    NetworkConflictError,
    NotAHandoverError,
    PreviewClosedError,
    RefusalReasonError,
)
from sync.handover.sections import CASE_MEMBER
from sync.trust.contacts import Contact
from sync.trust.identity import get_identity
from sync.wire.fields import (
    check_text,
    format_time,
)

RECEIPT_VALID_DAYS = 30
#: ``progress(done_bytes, total_bytes)`` while the documents are imported.
ProgressCallback = Callable[[int, int], None]


@dataclass
class ImportPreview:
    """A verified, staged handover bundle waiting for the caseworker's decision."""

    path: Path
    bundle_id: str
    kind: str
    sender: Contact  # municipality, unit, caseworker; verified
    sender_fingerprint: str
    created: str
    expires: str
    case_ref: str  # the sender's case number
    legal_basis: str
    case: IncomingCase  # .label (masked), .sections, .counts, .withheld_*, .documents
    members: tuple[tuple[str, int], ...]  # (name, size)
    total_bytes: int
    conflicts: ConflictReport
    window_months: int
    _opened: OpenedBundle = field(repr=False)
    state: str = "open"  # open | accepted | refused | discarded

    def discard(self) -> None:
        """Drop the staged members; nothing is recorded (the file can be opened again)."""
        if self.state == "open":
            self._opened.discard()
            self.state = "discarded"


@dataclass(frozen=True)
class AcceptResult:
    case_id: int
    case_number: str
    bundle_id: str
    receipt_path: Path
    receipt_bundle_id: str
    receipt_sha256: str
    documents: int
    conflicts_acknowledged: int
    resumed: bool = False  # decided before (an interrupted run): its receipt written now


@dataclass(frozen=True)
class RefuseResult:
    bundle_id: str
    reason: str
    receipt_path: Path
    receipt_bundle_id: str
    receipt_sha256: str
    resumed: bool = False


def _our_conflicts(store: Any, case: IncomingCase, window_months: int) -> ConflictReport:
    return check_conflicts(
        store,
        municipality=get_identity(store).municipality,
        groups=case.groups,
        extra_relations=case.group_relations,
        window_months=window_months,
    )


def preview_import(
    store: Any,
    path: Path,
    *,
    window_months: int = DEFAULT_WINDOW_MONTHS,
    now: datetime | None = None,
) -> ImportPreview:
    """Open and verify a handover bundle; see the module docstring.

    ``now`` is the moment the bundle's expiry and clock skew are checked against (default:
    the real clock); only tests of saved bundles pass it (tests/fixtures/README.md).
    """
    opened = open_bundle(store, Path(path), now=now)
    try:
        if opened.kind != HANDOVER:
            raise NotAHandoverError(kind=opened.kind)
        m = opened.manifest
        case = read_incoming_case(
            opened.read_member_bytes(CASE_MEMBER), m, opened.sender.municipality
        )
        conflicts = _our_conflicts(store, case, window_months)
    except BaseException:
        with contextlib.suppress(Exception):
            opened.discard()
        raise
    return ImportPreview(
        Path(path),
        m.bundle_id,
        m.kind,
        opened.sender,
        opened.sender.fingerprint,
        format_time(m.created),
        format_time(m.expires),
        m.case_ref,
        m.legal_basis,
        case,
        tuple((e.name, e.size) for e in m.members),
        m.content_size,
        conflicts,
        window_months,
        opened,
    )


def _run(preview: ImportPreview, work: Callable[[], Any]) -> Any:
    """Run ``work``; on any failure discard the staging (nothing was recorded)."""
    if preview.state != "open":
        raise PreviewClosedError()
    try:
        return work()
    except BaseException:
        with contextlib.suppress(Exception):
            preview._opened.discard()
        preview.state = "discarded"
        raise


def _seal_receipt(
    store: Any,
    opened: OpenedBundle,
    members: list[MemberSpec],
    out: Path,
    on_sealed: Callable[[SealedBundle], None],
) -> SealedBundle:
    return seal_bundle(
        store,
        kind=RECEIPT,
        recipients=[opened.sender.id],
        members=members,
        out=Path(out),
        expires=timedelta(days=RECEIPT_VALID_DAYS),
        case_ref=opened.manifest.case_ref,
        on_sealed=on_sealed,
    )


def _new_relations(store: Any, data: dict[str, Any]) -> dict[str, Any]:
    """Leave out relations between groups our register already relates (ours stay)."""
    keep = []
    for rel in data.get("group_relations") or []:
        a = groups.group_id_by_name(store, str(rel.get("group_a", "")))
        b = groups.group_id_by_name(store, str(rel.get("group_b", "")))
        if a is not None and b is not None and a != b:
            low, high = sorted((a, b))
            if store.conn.execute(
                "SELECT 1 FROM group_relations WHERE group_a = ? AND group_b = ?", (low, high)
            ).fetchone():
                continue
        keep.append(rel)
    return {**data, "group_relations": keep}


def _import_case(store: Any, preview: ImportPreview, progress: ProgressCallback | None) -> int:
    opened, case = preview._opened, preview.case
    case_id = int(case_import.import_cases(store, _new_relations(store, case.import_data))[0])
    total, done = sum(d.size for d in case.documents), 0
    for i, doc in enumerate(case.documents):
        data = opened.read_member_bytes(doc.member)
        try:
            documents.add_document(
                store,
                case_id,
                title=doc.title,
                filename=doc.filename,
                content=data,
                max_bytes=max(documents.DEFAULT_MAX_BYTES, doc.size),
                added_by=doc.added_by,
                added_at=doc.added_at,
            )
        except ValidationError as exc:
            raise repo.with_field_prefix(exc, f"handover.documents[{i}]") from None
        done += doc.size
        if progress is not None:
            progress(done, total)
    return case_id


def accept_import(
    store: Any,
    preview: ImportPreview,
    *,
    receipt_out: Path,
    acknowledge_conflicts: bool = False,
    progress: ProgressCallback | None = None,
) -> AcceptResult:
    """Import the case and write the "accepted" receipt, all or nothing."""

    def work() -> AcceptResult:
        opened, case = preview._opened, preview.case
        conflicts = _our_conflicts(store, case, preview.window_months)
        if conflicts.has_conflicts and not acknowledge_conflicts:
            raise NetworkConflictError(
                report=conflicts, municipality=conflicts.municipality, cases=conflicts.summary()
            )
        members = make_receipt_members(store, opened, status=ACCEPTED)
        made: dict[str, Any] = {}

        def on_sealed(receipt: SealedBundle) -> None:
            case_id = _import_case(store, preview, progress)
            number = repo.case_number(store, case_id)
            ours = get_identity(store).municipality
            apply_receiving_municipality(store, case_id, ours, preview.legal_basis)
            _record(store, preview, case_id, receipt, len(conflicts.case_ids))
            repo.audit(
                store,
                "handover.accept",
                number,
                case_id=case_id,
                bundle_id=opened.bundle_id,
                sha256=opened.file_sha256,
                contact_id=opened.sender.id,
                legal_basis=opened.manifest.legal_basis,
                sections=list(case.sections),
                documents=len(case.documents),
                receipt_bundle_id=receipt.bundle_id,
            )
            if conflicts.has_conflicts:
                repo.audit(
                    store,
                    "handover.conflicts_acknowledged",
                    number,
                    case_id=case_id,
                    bundle_id=opened.bundle_id,
                    direction="import",
                    case_ids=list(conflicts.case_ids),
                    window_months=conflicts.window_months,
                )
            opened.commit_seen()
            outbox.link(store, receipt.bundle_id, case_id=case_id, answers=opened.bundle_id)
            made.update(case_id=case_id, number=number)

        receipt = _seal_receipt(store, opened, members, receipt_out, on_sealed)
        preview.state = "accepted"
        return AcceptResult(
            made["case_id"],
            made["number"],
            opened.bundle_id,
            receipt.path,
            receipt.bundle_id,
            receipt.sha256,
            len(case.documents),
            len(conflicts.case_ids),
        )

    result: AcceptResult = _run(preview, work)
    return result


def _record(
    store: Any, preview: ImportPreview, case_id: int, receipt: SealedBundle, acknowledged: int
) -> None:
    opened, sender, case = preview._opened, preview.sender, preview.case
    repo.insert(
        store,
        "case_provenance",
        {
            "case_id": case_id,
            "bundle_id": opened.bundle_id,
            "bundle_sha256": opened.file_sha256,
            "contact_id": sender.id,
            "sender_municipality": sender.municipality,
            "sender_unit": sender.unit,
            "sender_caseworker": sender.caseworker,
            "sender_fingerprint": sender.fingerprint,
            "sender_case_ref": preview.case_ref,
            "legal_basis": opened.manifest.legal_basis,
            "sections": json.dumps(list(case.sections)),
            "protected_included": int(case.protected_included),
            "fictitious_included": int(case.fictitious_included),
            "sent_at": preview.created,
            "received_at": repo.utc_now(),
            "accepted_by": store.actor,
            "conflicts_acknowledged": acknowledged,
            "receipt_bundle_id": receipt.bundle_id,
            "receipt_sha256": receipt.sha256,
        },
    )


def refuse_import(
    store: Any, preview: ImportPreview, reason: str, *, receipt_out: Path
) -> RefuseResult:
    """Refuse the handover: the bundle is marked seen, a "refused" receipt is written."""
    text = " ".join(str(reason or "").split())
    try:
        check_text(text, limit=REASON_MAX_CHARS, empty_ok=False, error=RefusalReasonError)
    except RefusalReasonError:
        raise RefusalReasonError(field="reason") from None

    def work() -> RefuseResult:
        opened = preview._opened
        members = make_receipt_members(store, opened, status=REFUSED, reason=text)

        def on_sealed(receipt: SealedBundle) -> None:
            store.audit.append(
                "handover.refuse",
                f"bundle:{opened.bundle_id}",
                {
                    "bundle_id": opened.bundle_id,
                    "sha256": opened.file_sha256,
                    "contact_id": opened.sender.id,
                    "reason": text,
                    "receipt_bundle_id": receipt.bundle_id,
                },
            )
            opened.commit_seen()
            outbox.link(store, receipt.bundle_id, answers=opened.bundle_id)

        receipt = _seal_receipt(store, opened, members, receipt_out, on_sealed)
        preview.state = "refused"
        return RefuseResult(opened.bundle_id, text, receipt.path, receipt.bundle_id, receipt.sha256)

    result: RefuseResult = _run(preview, work)
    return result
