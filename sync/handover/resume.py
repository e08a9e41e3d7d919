"""After an interruption: receipts written again, decisions re-run, unwritten bundles
cancelled (docs/handover.md §8, docs/bundle-format.md §7).

Receiving side:

- :func:`received_handovers` -> :class:`ReceivedHandover`: every handover bundle this
  store accepted or refused, with its latest receipt and whether that file was written.
- :func:`write_receipt` (a received bundle id, or the number of the case it became;
  ``out``) -> :class:`ReceiptWritten`. The receipt is **byte-identical** (same receipt
  bundle id, same file hash, from its recipe) while the sender can still import it: not
  expired with at least :data:`IDENTICAL_MARGIN` left, and signed by our current key
  generation. Otherwise — expired, our keys rotated since, or decided before Utväg kept
  recipes — a **fresh receipt with the same content** is sealed: the same bundle answered,
  the same file hash, status, reason and ``received_at``; a new receipt bundle id,
  sequence and expiry; the receiver block names our current identity (the sender checks
  it against our current fingerprint). The sender records one receipt per handover, so a
  second receipt for the same decision changes nothing there. Audited
  ``handover.receipt_written`` (mode ``identical`` or ``resealed``, both receipt ids).
- :func:`resume_decision`: ``handover import --accept/--refuse`` run again for a bundle
  already decided the same way: its receipt is written to the path asked for (when the
  receipt was never written, or that is where it was written); otherwise
  :class:`HandoverAlreadyDecidedError` names where the receipt went and how to write it
  again.

Sending side: :func:`cancel_unwritten` — a handover whose bundle was sealed and recorded
but never written (the folder gone after a crash) can be cancelled, with a reason
(audited ``handover.cancel``); its recipe and any finished temp file are dropped, and the
case can be exported again with other choices. A bundle that was written is never
cancellable: it may be on its way, and a second bundle for the same case must not be.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storage.casefile import repo
from storage.errors import UtvagError
from storage.records import validate as v
from sync.bundle import outbox
from sync.bundle.manifest import (
    RECEIPT,
    RECEIPT_MEMBER,
    parse_manifest,
)
from sync.bundle.receipt import (
    ACCEPTED,
    REFUSED,
    parse_receipt,
    receipt_members,
)
from sync.bundle.seal import (
    SealedBundle,
    seal_bundle,
)
from sync.handover.errors import (
    HandoverAlreadyDecidedError,
    HandoverNotCancellableError,
    ReceiptUnavailableError,
    ReceivedHandoverUnknownError,
)
from sync.handover.importing import (
    RECEIPT_VALID_DAYS,
    AcceptResult,
    RefuseResult,
)
from sync.handover.records import (
    AWAITING,
    HandoverRecord,
    case_provenance,
    handovers,
)
from sync.trust.contacts import usable_contact
from sync.trust.identity import current_keys
from sync.wire.fields import (
    UUID4_RE,
    format_time,
    parse_time,
)

#: A receipt is written again byte-identical only while at least this much of its
#: validity is left (the sender must still be able to import it); else it is resealed.
IDENTICAL_MARGIN = dt.timedelta(days=1)
CANCEL_REASON_LIMIT = 500
IDENTICAL, RESEALED = "identical", "resealed"


@dataclass(frozen=True)
class ReceivedHandover:
    """A handover bundle this store decided on, and its latest receipt."""

    bundle_id: str
    contact_id: int
    sender_municipality: str
    status: str  # accepted | refused
    decided_at: str
    case_id: int | None  # the case it became (accepted)
    case_number: str | None
    receipt_bundle_id: str | None  # None: decided before Utväg kept receipts (schema 6)
    receipt_file: Path | None
    receipt_written: bool | None
    receipt_expires: str | None


@dataclass(frozen=True)
class ReceiptWritten:
    bundle_id: str  # the handover bundle the receipt answers
    status: str
    receipt_bundle_id: str
    path: Path
    sha256: str
    mode: str  # identical | resealed
    previous_receipt_bundle_id: str | None


def _seen(store: Any, bundle_id: str) -> tuple[int, str, str] | None:
    """(sender contact id, file SHA-256, when) of a handover bundle we decided on."""
    row = store.conn.execute(
        "SELECT contact_id, file_sha256, seen_at FROM sync_seen_bundles "
        "WHERE bundle_id = ? AND kind = 'handover'",
        (bundle_id,),
    ).fetchone()
    return None if row is None else (int(row[0]), str(row[1]), str(row[2]))


def _accepted_case(store: Any, bundle_id: str) -> int | None:
    row = store.conn.execute(
        "SELECT case_id FROM case_provenance WHERE bundle_id = ?", (bundle_id,)
    ).fetchone()
    return None if row is None else int(row[0])


def received_handovers(store: Any) -> list[ReceivedHandover]:
    """Every handover bundle accepted or refused here, newest first."""
    rows = store.conn.execute(
        "SELECT s.bundle_id, s.contact_id, s.seen_at, c.municipality, p.case_id, k.case_number "
        "FROM sync_seen_bundles s JOIN sync_contacts c ON c.id = s.contact_id "
        "LEFT JOIN case_provenance p ON p.bundle_id = s.bundle_id "
        "LEFT JOIN cases k ON k.id = p.case_id "
        "WHERE s.kind = 'handover' ORDER BY s.seen_at DESC, s.bundle_id"
    ).fetchall()
    out = []
    for bundle_id, contact_id, seen_at, municipality, case_id, number in rows:
        latest = _latest(store, bundle_id)
        out.append(
            ReceivedHandover(
                bundle_id,
                int(contact_id),
                municipality,
                ACCEPTED if case_id is not None else REFUSED,
                seen_at,
                case_id,
                number,
                None if latest is None else latest.bundle_id,
                None if latest is None else latest.target,
                None if latest is None else latest.placed,
                None if latest is None else latest.expires,
            )
        )
    return out


def _latest(store: Any, bundle_id: str) -> outbox.OutboxEntry | None:
    """The newest receipt we sealed for ``bundle_id``."""
    found = outbox.answering(store, bundle_id)
    return found[-1] if found else None


def _resolve(store: Any, ref: str | int) -> str:
    """A received handover's bundle id from itself or from the case it became."""
    text = str(ref).strip().lower()
    if UUID4_RE.fullmatch(text) and _seen(store, text) is not None:
        return text
    try:
        case_id = repo.resolve_case(store, str(ref).strip())
    except UtvagError:  # no such case: then no such handover either
        case_id = None
    provenance = None if case_id is None else case_provenance(store, case_id)
    if provenance is None:
        raise ReceivedHandoverUnknownError(ref=str(ref)[:100])
    return provenance.bundle_id


def _decision(store: Any, bundle_id: str, latest: outbox.OutboxEntry | None) -> dict[str, Any]:
    """What the receipt confirms: from the receipt we sealed, else (decided before Utväg
    kept receipts) from the provenance of the case or the audited refusal."""
    raw = None if latest is None else outbox.member_bytes(store, latest.bundle_id, RECEIPT_MEMBER)
    if latest is not None and raw is not None:
        receipt = parse_receipt(raw)
        case_ref = parse_manifest(outbox.manifest_bytes(store, latest.bundle_id) or b"").case_ref
        return {
            "status": receipt.status,
            "reason": receipt.reason,
            "received_at": receipt.received_at,
            "sha256": receipt.bundle_sha256,
            "case_ref": case_ref,
        }
    case_id = _accepted_case(store, bundle_id)
    provenance = None if case_id is None else case_provenance(store, case_id)
    if provenance is not None:
        return {
            "status": ACCEPTED,
            "reason": "",
            "received_at": _time(provenance.received_at),
            "sha256": provenance.bundle_sha256,
            "case_ref": provenance.sender_case_ref,
        }
    seen = _seen(store, bundle_id)
    for entry in reversed(store.audit.entries(action="handover.refuse")):
        if seen is not None and entry.details.get("bundle_id") == bundle_id:
            return {
                "status": REFUSED,
                "reason": str(entry.details.get("reason", "")),
                "received_at": _time(entry.ts),
                "sha256": seen[1],
                "case_ref": "",
            }
    raise ReceiptUnavailableError(bundle=bundle_id)


def _time(text: str) -> dt.datetime:
    """A stored UTC time (with or without fractions) as an aware datetime."""
    return parse_time(str(text)[:19] + "Z", ReceiptUnavailableError)


def write_receipt(store: Any, ref: str | int, out: Path) -> ReceiptWritten:
    """Write the receipt of a received handover again (see the module doc)."""
    bundle_id = _resolve(store, ref)
    seen = _seen(store, bundle_id)
    if seen is None:
        raise ReceivedHandoverUnknownError(ref=str(ref)[:100])
    contact = usable_contact(store, seen[0])
    latest = _latest(store, bundle_id)
    now = dt.datetime.now(dt.UTC)
    if (
        latest is not None
        and latest.rewritable
        and format_time(now + IDENTICAL_MARGIN) < latest.expires
        and latest.generation == current_keys(store).generation
    ):
        path = outbox.write_again(store, latest.bundle_id, Path(out))
        status = parse_receipt(
            outbox.member_bytes(store, latest.bundle_id, RECEIPT_MEMBER) or b""
        ).status
        written = ReceiptWritten(
            bundle_id, status, latest.bundle_id, path, latest.sha256, IDENTICAL, None
        )
    else:
        written = _reseal(store, bundle_id, contact.id, latest, Path(out))
    store.audit.append(
        "handover.receipt_written",
        f"bundle:{bundle_id}",
        {
            "bundle_id": bundle_id,
            "mode": written.mode,
            "receipt_bundle_id": written.receipt_bundle_id,
            "previous_receipt_bundle_id": written.previous_receipt_bundle_id,
            "sha256": written.sha256,
            "status": written.status,
        },
    )
    return written


def _reseal(
    store: Any, bundle_id: str, contact_id: int, latest: outbox.OutboxEntry | None, out: Path
) -> ReceiptWritten:
    decision = _decision(store, bundle_id, latest)
    members = receipt_members(
        store,
        bundle_id,
        decision["sha256"],
        status=decision["status"],
        reason=decision["reason"],
        received_at=decision["received_at"],
    )
    case_id = _accepted_case(store, bundle_id)

    def on_sealed(sealed: SealedBundle) -> None:
        outbox.link(store, sealed.bundle_id, case_id=case_id, answers=bundle_id)

    sealed = seal_bundle(
        store,
        kind=RECEIPT,
        recipients=[contact_id],
        members=members,
        out=out,
        expires=dt.timedelta(days=RECEIPT_VALID_DAYS),
        case_ref=decision["case_ref"],
        on_sealed=on_sealed,
    )
    return ReceiptWritten(
        bundle_id,
        decision["status"],
        sealed.bundle_id,
        Path(out).absolute(),
        sealed.sha256,
        RESEALED,
        None if latest is None else latest.bundle_id,
    )


def resume_decision(
    store: Any, bundle_id: str, *, accept: bool, receipt_out: Path
) -> AcceptResult | RefuseResult:
    """``handover import`` run again for a bundle already decided (the open refused it as
    seen): the same decision gets its receipt at ``receipt_out`` (see the module doc)."""
    seen = _seen(store, bundle_id)
    if seen is None:
        raise ReceivedHandoverUnknownError(ref=bundle_id)
    case_id = _accepted_case(store, bundle_id)
    latest = _latest(store, bundle_id)
    target = Path(receipt_out).absolute()
    where = "-" if latest is None else latest.target.name

    def refused_again() -> HandoverAlreadyDecidedError:
        return HandoverAlreadyDecidedError(bundle=bundle_id, at=seen[2][:19], file=where)

    if latest is None or (case_id is not None) != accept:
        raise refused_again()
    if latest.placed and latest.target != target:
        raise refused_again()
    if not outbox.in_place(latest, target):
        if not latest.rewritable:
            raise refused_again()
        outbox.write_again(store, latest.bundle_id, target)
        store.audit.append(
            "handover.receipt_written",
            f"bundle:{bundle_id}",
            {
                "bundle_id": bundle_id,
                "mode": IDENTICAL,
                "receipt_bundle_id": latest.bundle_id,
                "previous_receipt_bundle_id": None,
                "sha256": latest.sha256,
                "status": ACCEPTED if accept else REFUSED,
            },
        )
    if case_id is None:
        raw = outbox.member_bytes(store, latest.bundle_id, RECEIPT_MEMBER) or b""
        reason = parse_receipt(raw).reason
        return RefuseResult(bundle_id, reason, target, latest.bundle_id, latest.sha256, True)
    documents = int(
        store.conn.execute(
            "SELECT count(*) FROM documents WHERE case_id = ?", (case_id,)
        ).fetchone()[0]
    )
    provenance = case_provenance(store, case_id)
    return AcceptResult(
        case_id,
        repo.case_number(store, case_id),
        bundle_id,
        target,
        latest.bundle_id,
        latest.sha256,
        documents,
        0 if provenance is None else provenance.conflicts_acknowledged,
        True,
    )


# ---------------------------------------------------------------- sending side


def cancel_unwritten(store: Any, handover_id: int, reason: str) -> HandoverRecord:
    """Cancel a handover whose bundle was recorded but never written (see the module doc)."""
    why = v.required_text("reason", reason, limit=CANCEL_REASON_LIMIT)
    record = _handover(store, handover_id)
    found = None if record.bundle_id is None else outbox.entry(store, record.bundle_id)
    if record.display_state != AWAITING or found is None or found.placed:
        raise HandoverNotCancellableError(
            handover=handover_id, expires=(record.expires_at or "-")[:10]
        )
    with store.transaction():
        repo.update(
            store,
            "handovers",
            record.id,
            {"cancelled_at": repo.utc_now(), "cancel_reason": why},
        )
        outbox.forget_recipe(store, found.bundle_id)
        # a finished temp file still waiting for its folder must never be placed now
        store.conn.execute(
            "UPDATE pending_outputs SET sha256 = NULL, size = NULL WHERE sha256 = ?",
            (found.sha256,),
        )
        repo.audit(
            store,
            "handover.cancel",
            repo.case_number(store, record.case_id),
            case_id=record.case_id,
            handover_id=record.id,
            bundle_id=found.bundle_id,
            reason=why,
        )
    return _handover(store, handover_id)


def _handover(store: Any, handover_id: int) -> HandoverRecord:
    row = store.conn.execute(
        "SELECT case_id FROM handovers WHERE id = ?", (int(handover_id),)
    ).fetchone()
    found = (
        None
        if row is None
        else next((h for h in handovers(store, int(row[0])) if h.id == int(handover_id)), None)
    )
    if found is None:
        raise HandoverNotCancellableError(handover=handover_id, expires="-")
    return found
