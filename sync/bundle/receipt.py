"""Receipts at the format level: ``receipt.json`` inside a bundle of kind ``receipt``.

``receipt.json`` (UTF-8 JSON, docs/bundle-format.md "Receipts")::

    {"format": "utvag-receipt", "version": 1, "bundle_id": <uuid of the original>,
     "bundle_sha256": <sha256 of the original .utvag file>, "status": "accepted"|"refused",
     "reason": <text, required when refused>, "received_at": <UTC time>,
     "receiver": {"municipality", "unit", "caseworker", "fingerprint"}}

The receiver builds it with :func:`make_receipt_members` (or seals it at once with
:func:`seal_receipt`); the original sender checks it with :func:`read_receipt`, which
also requires that we sealed that bundle, to this contact, with that file hash. Wiring it
to cases (överlämnad, gallring) is the handover service's job.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sync.bundle import replay
from sync.bundle.errors import (
    ReceiptError,
    ReceiptMismatchError,
)
from sync.bundle.manifest import (
    RECEIPT,
    RECEIPT_MEMBER,
)
from sync.bundle.open import OpenedBundle
from sync.bundle.seal import (
    MemberSpec,
    SealedBundle,
    seal_bundle,
)
from sync.trust.identity import get_identity
from sync.wire.fields import (
    FINGERPRINT_RE,
    NAME_MAX_CHARS,
    SHA256_RE,
    UUID4_RE,
    check_text,
    format_time,
    parse_time,
    strict_json,
)

RECEIPT_FORMAT = "utvag-receipt"
ACCEPTED, REFUSED = "accepted", "refused"
REASON_MAX_CHARS = 1000
RECEIPT_MAX_BYTES = 16 * 1024
_TOP = {
    "format",
    "version",
    "bundle_id",
    "bundle_sha256",
    "status",
    "reason",
    "received_at",
    "receiver",
}
_RECEIVER = {"municipality", "unit", "caseworker", "fingerprint"}


@dataclass(frozen=True)
class Receipt:
    bundle_id: str
    bundle_sha256: str
    status: str
    reason: str
    received_at: datetime
    receiver_municipality: str
    receiver_unit: str
    receiver_caseworker: str
    receiver_fingerprint: str


def receipt_bytes(receipt: Receipt) -> bytes:
    data = {
        "format": RECEIPT_FORMAT,
        "version": 1,
        "bundle_id": receipt.bundle_id,
        "bundle_sha256": receipt.bundle_sha256,
        "status": receipt.status,
        "reason": receipt.reason,
        "received_at": format_time(receipt.received_at),
        "receiver": {
            "municipality": receipt.receiver_municipality,
            "unit": receipt.receiver_unit,
            "caseworker": receipt.receiver_caseworker,
            "fingerprint": receipt.receiver_fingerprint,
        },
    }
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def make_receipt_members(
    store: Any,
    opened: OpenedBundle,
    *,
    status: str,
    reason: str = "",
    received_at: datetime | None = None,
) -> list[MemberSpec]:
    """The members of a receipt bundle answering ``opened`` (accepted, or refused + reason)."""
    return receipt_members(
        store,
        opened.bundle_id,
        opened.file_sha256,
        status=status,
        reason=reason,
        received_at=received_at,
    )


def receipt_members(
    store: Any,
    bundle_id: str,
    bundle_sha256: str,
    *,
    status: str,
    reason: str = "",
    received_at: datetime | None = None,
) -> list[MemberSpec]:
    """The members of a receipt for the bundle ``bundle_id`` with file hash
    ``bundle_sha256``; the receiver block names our current identity."""
    me = get_identity(store)
    receipt = Receipt(
        bundle_id,
        bundle_sha256,
        status,
        reason.strip(),
        (received_at or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0),
        me.municipality,
        me.unit,
        me.caseworker,
        me.fingerprint,
    )
    data = receipt_bytes(receipt)
    parse_receipt(data)  # the same rules as the receiving side
    return [(RECEIPT_MEMBER, data, len(data))]


def seal_receipt(
    store: Any,
    opened: OpenedBundle,
    *,
    status: str,
    out: Path,
    reason: str = "",
    expires: datetime | timedelta = timedelta(days=30),
) -> SealedBundle:
    """Seal a receipt for ``opened`` back to its sender (same case reference)."""
    members = make_receipt_members(store, opened, status=status, reason=reason)
    return seal_bundle(
        store,
        kind=RECEIPT,
        recipients=[opened.sender.id],
        members=members,
        out=out,
        expires=expires,
        case_ref=opened.manifest.case_ref,
    )


def parse_receipt(untrusted_data: bytes) -> Receipt:
    """Parse ``receipt.json`` strictly (:class:`ReceiptError` for anything else)."""
    if len(untrusted_data) > RECEIPT_MAX_BYTES:
        raise ReceiptError()
    top = strict_json(untrusted_data, ReceiptError)
    if not isinstance(top, dict) or set(top) != _TOP or top["format"] != RECEIPT_FORMAT:
        raise ReceiptError()
    if type(top["version"]) is not int or top["version"] != 1:
        raise ReceiptError()
    receiver = top["receiver"]
    if not isinstance(receiver, dict) or set(receiver) != _RECEIVER:
        raise ReceiptError()
    status, reason = top["status"], top["reason"]
    if status not in (ACCEPTED, REFUSED):
        raise ReceiptError()
    check_text(reason, limit=REASON_MAX_CHARS, empty_ok=status == ACCEPTED, error=ReceiptError)
    for value, pattern in (
        (top["bundle_id"], UUID4_RE),
        (top["bundle_sha256"], SHA256_RE),
        (receiver["fingerprint"], FINGERPRINT_RE),
    ):
        if not isinstance(value, str) or pattern.fullmatch(value) is None:
            raise ReceiptError()
    municipality, unit, caseworker = (
        check_text(receiver[k], limit=NAME_MAX_CHARS, empty_ok=False, error=ReceiptError)
        for k in ("municipality", "unit", "caseworker")
    )
    return Receipt(
        top["bundle_id"],
        top["bundle_sha256"],
        status,
        reason,
        parse_time(top["received_at"], ReceiptError),
        municipality,
        unit,
        caseworker,
        receiver["fingerprint"],
    )


def read_receipt(store: Any, opened: OpenedBundle) -> Receipt:
    """The receipt in ``opened``, checked against what we sealed and to whom.

    Refused (:class:`ReceiptMismatchError`) unless we sealed ``bundle_id`` to the contact
    who signed the receipt, with exactly that file hash, and the receipt names that
    contact's current fingerprint as receiver.
    """
    if opened.kind != RECEIPT:
        raise ReceiptError()
    receipt = parse_receipt(opened.read_member_bytes(RECEIPT_MEMBER))
    sealed = replay.sealed_bundle(store, receipt.bundle_id)
    if sealed is None:
        raise ReceiptMismatchError()
    sha256, recipients, _case_ref = sealed
    if sha256 != receipt.bundle_sha256 or opened.sender.id not in recipients:
        raise ReceiptMismatchError()
    if receipt.receiver_fingerprint != opened.sender.fingerprint:
        raise ReceiptMismatchError()
    return receipt
