"""After an interruption: a decision run again, a bundle never written cancelled
(docs/handover.md §8, docs/bundle-format.md §7). Receipts written again:
sync/handover/received.py.

- :func:`resume_decision`: ``handover import --accept/--refuse`` run again for a bundle
  already decided the same way (the open refuses it as seen): its receipt is written to
  the path asked for — when the receipt was never written, or that is where it was
  written; otherwise :class:`HandoverAlreadyDecidedError` names where the receipt went and
  how to write it again. Never a second import.
- :func:`cancel_unwritten` — a handover whose bundle was sealed and recorded but never
  written (the folder gone after a crash) can be cancelled, with a reason (audited
  ``handover.cancel``); its recipe and any finished temp file are dropped, and the case
  can be exported again with other choices. A bundle that was written is never
  cancellable: it may be on its way, and a second bundle for the same case must not be.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from storage.casefile import repo
from storage.records import validate as v
from sync.bundle import (
    outbox,
    rewrite,
)
from sync.bundle.manifest import (
    RECEIPT_MEMBER,
)
from sync.bundle.receipt import (
    ACCEPTED,
    REFUSED,
    parse_receipt,
)
from sync.handover.errors import (
    HandoverAlreadyDecidedError,
    HandoverNotCancellableError,
    ReceivedHandoverUnknownError,
)
from sync.handover.importing import (
    AcceptResult,
    RefuseResult,
)
from sync.handover.received import (
    IDENTICAL,
    accepted_case,
    latest_receipt,
    seen_handover,
)
from sync.handover.records import (
    AWAITING,
    HandoverRecord,
    case_provenance,
    handovers,
)

CANCEL_REASON_LIMIT = 500


def resume_decision(
    store: Any, bundle_id: str, *, accept: bool, receipt_out: Path
) -> AcceptResult | RefuseResult:
    """``handover import`` run again for a bundle already decided (the open refused it as
    seen): the same decision gets its receipt at ``receipt_out`` (see the module doc)."""
    seen = seen_handover(store, bundle_id)
    if seen is None:
        raise ReceivedHandoverUnknownError(ref=bundle_id)
    case_id = accepted_case(store, bundle_id)
    latest = latest_receipt(store, bundle_id)
    target = Path(receipt_out).absolute()
    where = "-" if latest is None else latest.target.name

    def refused_again() -> HandoverAlreadyDecidedError:
        return HandoverAlreadyDecidedError(bundle=bundle_id, at=seen[2][:19], file=where)

    if latest is None or (case_id is not None) != accept:
        raise refused_again()
    if latest.placed and latest.target != target:
        raise refused_again()
    if not rewrite.in_place(latest, target):
        if not latest.rewritable:
            raise refused_again()
        rewrite.write_again(store, latest.bundle_id, target)
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
