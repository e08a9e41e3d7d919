"""Receipt import at the sender: the handover is accepted (överlämnad) or refused.

:func:`import_receipt` (``store``, ``path``, ``now=None``) -> :class:`ReceiptResult`:

1. the bundle is opened with every check of :func:`sync.bundle.open_bundle`; it must be
   a receipt (``NotAReceiptError``) from the contact we sent the case to, answering a
   bundle we sealed, with that bundle's exact file hash
   (:func:`sync.bundle.read_receipt`: ``ReceiptMismatchError``), for a handover of this
   store still awaiting its receipt (``ReceiptUnknownHandoverError``,
   ``ReceiptAlreadyRecordedError``);
2. in ONE transaction: the handover row keeps the receipt as proof (``receipt.json``, the
   receipt's signed manifest, its bundle id and file hash, the receiver's time);
   - *accepted*: the case moves to överlämnad (closing date: today). Export only starts
     from statuses where that move is allowed (akut skydd / flytt, genomförande,
     uppföljning); if the status was changed since to one that does not allow it, the
     receipt is refused (``ReceiptStatusError``: set the status, import it again); a case
     closed (avslutad) in the meantime stays closed, with the receipt recorded;
   - *refused*: the case stays as it is (still open), the handover is marked refused with
     the reason, and a reminder due today tells the caseworker;
   - the bundle is marked seen and ``handover.receipt`` is audited;
   - *accepted*, for a case shared with colleagues (docs/sync.md §6): every share of it
     ends (:func:`storage.team.shares.end_for_handover`, audited ``team.handed_over``);
     the colleagues learn it from our next change bundles and remove their copies.

Gallring: an överlämnad case is a closed case for :mod:`storage.casework.gallring` — weeded five
years after its last entry (the closing date = the day the receipt was imported, or a
later journal entry, document or follow-up), unless exempt or in the research sample;
``ReceiptResult.gallring_due_on`` says when. The receipt proof goes with it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storage.casefile import (
    cases,
    followups,
    repo,
)
from storage.casework import gallring
from storage.records.enums import (
    STATUS_TRANSITIONS,
    CaseStatus,
)
from storage.team import shares
from sync.bundle import outbox
from sync.bundle.errors import (
    ReceiptMismatchError,
    ReplayedBundleError,
)
from sync.bundle.manifest import (
    RECEIPT,
    RECEIPT_MEMBER,
)
from sync.bundle.open import open_bundle
from sync.bundle.receipt import (
    ACCEPTED,
    REFUSED,
    read_receipt,
)
from sync.handover.errors import (
    NotAReceiptError,
    ReceiptAlreadyRecordedError,
    ReceiptStatusError,
    ReceiptUnknownHandoverError,
)
from sync.handover.exporting import allowed_labels
from sync.handover.records import (
    AWAITING,
    handover_by_bundle,
)
from sync.wire.fields import format_time


@dataclass(frozen=True)
class ReceiptResult:
    handover_id: int
    case_id: int
    case_number: str
    bundle_id: str  # the handover bundle the receipt answers
    receipt_bundle_id: str
    status: str  # accepted | refused
    reason: str
    receiver_municipality: str
    receiver_unit: str
    receiver_caseworker: str
    received_at: str
    case_status: CaseStatus  # after the import
    status_changed: bool
    gallring_due_on: dt.date | None  # when the sender's copy is weeded (None: kept/open)
    shares_ended: tuple[int, ...] = ()  # colleagues (contact ids) whose share of it ended

    @property
    def accepted(self) -> bool:
        return self.status == ACCEPTED


def _move_status(store: Any, case_id: int) -> bool:
    case = cases.get_case(store, case_id)
    if case.status in (CaseStatus.HANDED_OVER, CaseStatus.CLOSED):
        return False
    if CaseStatus.HANDED_OVER not in STATUS_TRANSITIONS[case.status]:
        raise ReceiptStatusError(
            case=case.case_number, status=case.status.label, allowed=allowed_labels()
        )
    cases.set_status(store, case_id, CaseStatus.HANDED_OVER)
    return True


def _gallring_due(store: Any, case_id: int) -> dt.date | None:
    for candidate in gallring.gallring_candidates(store):
        if candidate.case_id == case_id:
            return None if candidate.kept else candidate.due_on
    return None


def _already_recorded(store: Any, exc: ReplayedBundleError) -> Exception:
    """A receipt seen before: when it is the one recorded on a handover (the same command
    run again, e.g. after an interruption), say so and where; else the replay itself."""
    row = store.conn.execute(
        "SELECT bundle_id, receipt_at FROM handovers WHERE receipt_bundle_id = ?",
        (str(exc.params.get("bundle", "")),),
    ).fetchone()
    if row is None:
        return exc
    return ReceiptAlreadyRecordedError(bundle=row[0], at=row[1])


def import_receipt(store: Any, path: Path, *, now: dt.datetime | None = None) -> ReceiptResult:
    """Check a receipt and record it on its handover (see the module docstring).

    ``now`` is the moment the receipt bundle's expiry and clock skew are checked against
    (default: the real clock); only tests of saved receipts pass it.
    """
    try:
        opened = open_bundle(store, Path(path), now=now)
    except ReplayedBundleError as exc:
        raise _already_recorded(store, exc) from None
    try:
        if opened.kind != RECEIPT:
            raise NotAReceiptError(kind=opened.kind)
        receipt = read_receipt(store, opened)
        record = handover_by_bundle(store, receipt.bundle_id)
        if record is None:
            raise ReceiptUnknownHandoverError(bundle=receipt.bundle_id)
        if record.contact_id != opened.sender.id:
            raise ReceiptMismatchError()
        if record.state != AWAITING:
            raise ReceiptAlreadyRecordedError(bundle=receipt.bundle_id, at=record.receipt_at)
        raw = opened.read_member_bytes(RECEIPT_MEMBER).decode("utf-8")
        received = format_time(receipt.received_at)
        with store.transaction():
            changed = _move_status(store, record.case_id) if receipt.status == ACCEPTED else False
            ended = (
                shares.end_for_handover(store, record.case_id) if receipt.status == ACCEPTED else []
            )
            repo.update(
                store,
                "handovers",
                record.id,
                {
                    "state": receipt.status,
                    "receipt_at": received,
                    "receipt_sha256": opened.file_sha256,
                    "receipt_bundle_id": opened.bundle_id,
                    "receipt_reason": receipt.reason or None,
                    "receipt_json": raw,
                    "receipt_manifest": opened.manifest.to_bytes().decode("utf-8"),
                },
            )
            number = repo.case_number(store, record.case_id)
            if receipt.status == REFUSED:
                text = (
                    f"Överlämningen till {receipt.receiver_municipality} vägrades: {receipt.reason}"
                )[:500]
                followups.add_reminder(store, record.case_id, due_on=repo.today(), text=text)
            repo.audit(
                store,
                "handover.receipt",
                number,
                case_id=record.case_id,
                handover_id=record.id,
                bundle_id=receipt.bundle_id,
                receipt_bundle_id=opened.bundle_id,
                receipt_sha256=opened.file_sha256,
                status=receipt.status,
                status_changed=changed,
                contact_id=opened.sender.id,
                was_cancelled=record.cancelled_at is not None,
            )
            if ended:
                repo.audit(
                    store,
                    "team.handed_over",
                    number,
                    case_id=record.case_id,
                    handover_id=record.id,
                    contact_ids=ended,
                )
            opened.commit_seen()
            outbox.forget_recipe(store, receipt.bundle_id)  # answered: never written again
    except BaseException:
        with contextlib.suppress(Exception):
            opened.discard()
        raise
    case = cases.get_case(store, record.case_id)
    return ReceiptResult(
        record.id,
        record.case_id,
        case.case_number,
        receipt.bundle_id,
        opened.bundle_id,
        receipt.status,
        receipt.reason,
        receipt.receiver_municipality,
        receipt.receiver_unit,
        receipt.receiver_caseworker,
        received,
        case.status,
        changed,
        _gallring_due(store, record.case_id) if case.status.is_terminal else None,
        tuple(ended),
    )
