"""What this store received and decided on, and writing a receipt again (docs/handover.md §8).

- :func:`received_handovers` -> :class:`ReceivedHandover`: every handover bundle this
  store accepted or refused, with its latest receipt and whether that file was written.
- :func:`write_receipt` (a received bundle id, or the number of the case it became;
  ``out``) -> :class:`ReceiptWritten`. The receipt is **byte-identical** (same receipt
  bundle id, same file hash, from its recipe: sync/bundle/rewrite.py) while the sender can
  still import it: not expired with at least :data:`IDENTICAL_MARGIN` left, and signed by
  our current key generation. Otherwise — expired, our keys rotated since, or decided
  before Utväg kept recipes — a **fresh receipt with the same content** is sealed: the same
  bundle answered, the same file hash, status, reason and ``received_at``; a new receipt
  bundle id, sequence and expiry; the receiver block names our current identity (the
  sender checks it against our current fingerprint). The sender records one receipt per
  handover, so a second receipt for the same decision changes nothing there. Audited
  ``handover.receipt_written`` (mode ``identical`` or ``resealed``, both receipt ids).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storage.casefile import repo
from storage.errors import UtvagError
from sync.bundle import (
    outbox,
    rewrite,
)
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
    ReceiptUnavailableError,
    ReceivedHandoverUnknownError,
)
from sync.handover.importing import (
    RECEIPT_VALID_DAYS,
)
from sync.handover.records import (
    case_provenance,
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
    receipt_bundle_id: str | None  # None: decided before Utväg kept receipts (schema 9)
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


def seen_handover(store: Any, bundle_id: str) -> tuple[int, str, str] | None:
    """(sender contact id, file SHA-256, when) of a handover bundle we decided on."""
    row = store.conn.execute(
        "SELECT contact_id, file_sha256, seen_at FROM sync_seen_bundles "
        "WHERE bundle_id = ? AND kind = 'handover'",
        (bundle_id,),
    ).fetchone()
    return None if row is None else (int(row[0]), str(row[1]), str(row[2]))


def accepted_case(store: Any, bundle_id: str) -> int | None:
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
        latest = latest_receipt(store, bundle_id)
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


def latest_receipt(store: Any, bundle_id: str) -> outbox.OutboxEntry | None:
    """The newest receipt we sealed for ``bundle_id``."""
    found = outbox.answering(store, bundle_id)
    return found[-1] if found else None


def _resolve(store: Any, ref: str | int) -> str:
    """A received handover's bundle id from itself or from the case it became."""
    text = str(ref).strip().lower()
    if UUID4_RE.fullmatch(text) and seen_handover(store, text) is not None:
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
    case_id = accepted_case(store, bundle_id)
    provenance = None if case_id is None else case_provenance(store, case_id)
    if provenance is not None:
        return {
            "status": ACCEPTED,
            "reason": "",
            "received_at": _time(provenance.received_at),
            "sha256": provenance.bundle_sha256,
            "case_ref": provenance.sender_case_ref,
        }
    seen = seen_handover(store, bundle_id)
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
    seen = seen_handover(store, bundle_id)
    if seen is None:
        raise ReceivedHandoverUnknownError(ref=str(ref)[:100])
    contact = usable_contact(store, seen[0])
    latest = latest_receipt(store, bundle_id)
    now = dt.datetime.now(dt.UTC)
    if (
        latest is not None
        and latest.rewritable
        and format_time(now + IDENTICAL_MARGIN) < latest.expires
        and latest.generation == current_keys(store).generation
    ):
        path = rewrite.write_again(store, latest.bundle_id, Path(out))
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
    case_id = accepted_case(store, bundle_id)

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
