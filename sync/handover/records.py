"""Handover bookkeeping: legal bases, the sender's handovers, the receiver's provenance.

Public API (``store``: an unlocked :class:`storage.vault.opening.Store`):

- :func:`record_legal_basis` — an överflyttning decision (``transfer``) or a request for
  help (``request_for_help``) concerning a municipality; audited ``handover.basis``.
  A consent is recorded with :func:`storage.casefile.consents.add_consent`.
- :func:`legal_bases`, :func:`find_legal_basis` -> :class:`FoundBasis` (the basis an export
  would use: a valid consent covering the municipality first, then a decision, then a
  request for help; or the one asked for) — raises ``NoLegalBasisError`` /
  ``LegalBasisMissingError``.
- :func:`handovers` / :func:`handover_by_bundle` / :func:`pending_handover` ->
  :class:`HandoverRecord`, whose ``state`` is ``awaiting_receipt`` ("handed over, awaiting
  receipt"), ``accepted`` or ``refused``; ``display_state`` adds ``expired`` (no receipt
  came before the bundle expired) and ``cancelled`` (the bundle was never written and the
  handover was cancelled); ``bundle_file`` says whether the bundle's file was written.
- :func:`case_provenance` -> :class:`Provenance` of a case imported from a bundle.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from storage.casefile import (
    consents,
    repo,
)
from storage.records import validate as v
from storage.records.enums import LegalBasis
from storage.records.errors import InvalidChoiceError
from sync.handover.errors import (
    LegalBasisMissingError,
    NoLegalBasisError,
)

AWAITING, ACCEPTED, REFUSED, EXPIRED = "awaiting_receipt", "accepted", "refused", "expired"
CANCELLED = "cancelled"
DECISION_KINDS = (LegalBasis.TRANSFER, LegalBasis.REQUEST_FOR_HELP)
_BASIS_ORDER = (LegalBasis.CONSENT, LegalBasis.TRANSFER, LegalBasis.REQUEST_FOR_HELP)


def same_municipality(a: str, b: str) -> bool:
    """Municipality names compared case-insensitively, NFKC, spaces collapsed."""

    def norm(s: str) -> str:
        return " ".join(unicodedata.normalize("NFKC", s).casefold().split())

    return norm(a) == norm(b)


# ---------------------------------------------------------------- legal bases


@dataclass(frozen=True)
class LegalBasisRecord:
    """An överflyttning decision or a request for help (a consent is a ``Consent``)."""

    id: int
    case_id: int
    kind: LegalBasis
    municipality: str
    decided_on: dt.date
    valid_until: dt.date | None
    reference: str | None
    created_by: str
    created_at: str

    def covers(self, municipality: str, day: dt.date) -> bool:
        in_force = self.decided_on <= day and (self.valid_until is None or day <= self.valid_until)
        return in_force and same_municipality(self.municipality, municipality)


@dataclass(frozen=True)
class FoundBasis:
    """The legal basis an export rests on."""

    kind: LegalBasis
    consent_id: int | None
    basis_id: int | None
    since: dt.date
    until: dt.date | None

    @property
    def label(self) -> str:
        return self.kind.label


def record_legal_basis(
    store: Any,
    case_id: int,
    *,
    kind: LegalBasis | str,
    municipality: str,
    decided_on: dt.date | str,
    valid_until: dt.date | str | None = None,
    reference: str | None = None,
) -> int:
    """Record an överflyttning decision or a request for help; returns its id."""
    which = LegalBasis.parse(kind, "kind")
    if which not in DECISION_KINDS:
        raise InvalidChoiceError(field="kind", choices=", ".join(k.value for k in DECISION_KINDS))
    muni = v.required_text("municipality", municipality, limit=100)
    decided = v.not_future("decided_on", v.required_date("decided_on", decided_on), repo.today())
    until = v.date("valid_until", valid_until, required=False)
    v.ordered("valid_until", until, "decided_on", decided)
    ref = v.text("reference", reference, required=False, limit=100)
    with store.transaction():
        number = repo.open_case_number(store, case_id)
        basis_id = repo.insert(
            store,
            "handover_bases",
            {
                "case_id": int(case_id),
                "kind": which.value,
                "municipality": muni,
                "decided_on": repo.iso(decided),
                "valid_until": repo.iso(until),
                "reference": ref,
                "created_by": store.actor,
                "created_at": repo.utc_now(),
            },
        )
        repo.touch_case(store, case_id)
        repo.audit(
            store,
            "handover.basis",
            number,
            case_id=int(case_id),
            basis_id=basis_id,
            kind=which.value,
        )
    return basis_id


def legal_bases(store: Any, case_id: int) -> list[LegalBasisRecord]:
    repo.case_row(store, case_id)
    rows = store.conn.execute(
        "SELECT id, case_id, kind, municipality, decided_on, valid_until, reference, "
        "created_by, created_at FROM handover_bases WHERE case_id = ? ORDER BY decided_on, id",
        (int(case_id),),
    )
    return [
        LegalBasisRecord(
            int(r[0]),
            int(r[1]),
            LegalBasis(r[2]),
            r[3],
            repo.must_date(r[4]),
            repo.to_date(r[5]),
            r[6],
            r[7],
            r[8],
        )
        for r in rows
    ]


def find_legal_basis(
    store: Any,
    case_id: int,
    municipality: str,
    kind: LegalBasis | str | None = None,
    on: dt.date | None = None,
) -> FoundBasis:
    """The valid basis for handing ``case_id`` to ``municipality`` on ``on`` (default today)."""
    day = on or repo.today()
    wanted = LegalBasis.parse(kind, "legal_basis") if kind is not None else None
    for basis in (wanted,) if wanted else _BASIS_ORDER:
        if basis is LegalBasis.CONSENT:
            found = [
                c
                for c in consents.consents(store, case_id)
                if c.covers_municipality(municipality, day)
            ]
            if found:
                best = max(found, key=lambda c: (c.signed_on, c.id))
                return FoundBasis(basis, best.id, None, best.signed_on, best.expires_on)
        else:
            records = [
                b
                for b in legal_bases(store, case_id)
                if b.kind is basis and b.covers(municipality, day)
            ]
            if records:
                rec = max(records, key=lambda b: (b.decided_on, b.id))
                return FoundBasis(basis, None, rec.id, rec.decided_on, rec.valid_until)
    if wanted is not None:
        raise LegalBasisMissingError(basis=wanted.label, municipality=municipality)
    raise NoLegalBasisError(municipality=municipality)


# ---------------------------------------------------------------- handovers (sender)


@dataclass(frozen=True)
class HandoverRecord:
    """One handover of a case (the ``handovers`` row), as the sender sees it."""

    id: int
    case_id: int
    receiving_municipality: str
    legal_basis: LegalBasis
    consent_id: int | None
    basis_id: int | None
    contact_id: int | None
    bundle_id: str | None
    bundle_sha256: str | None
    sections: tuple[str, ...]
    protected_included: bool
    fictitious_included: bool
    sent_at: str | None
    expires_at: str | None
    conflicts_acknowledged: int
    state: str
    receipt_at: str | None
    receipt_sha256: str | None
    receipt_bundle_id: str | None
    receipt_reason: str | None
    created_by: str
    cancelled_at: str | None = None
    cancel_reason: str | None = None
    #: the bundle's file: "placed" (written where it was asked for), "sealed" (recorded but
    #: not written: interrupted; written again at the next start, or cancellable), or None
    #: (sealed by a version before schema 9: not tracked)
    bundle_file: str | None = None

    @property
    def display_state(self) -> str:
        """``state``; ``cancelled`` for a bundle never written and cancelled; ``expired``
        when no receipt came before the bundle expired."""
        if self.state == AWAITING and self.cancelled_at:
            return CANCELLED
        if self.state == AWAITING and self.expires_at and self.expires_at <= repo.utc_now():
            return EXPIRED
        return self.state

    @property
    def bundle_written(self) -> bool | None:
        """Whether the bundle's file was written (None: not tracked, older handover)."""
        return None if self.bundle_file is None else self.bundle_file == "placed"

    @property
    def awaiting_receipt(self) -> bool:
        return self.display_state == AWAITING


_HANDOVER_SQL = (
    "SELECT id, case_id, receiving_municipality, legal_basis, consent_id, basis_id, "
    "contact_id, bundle_id, bundle_sha256, sections, protected_included, fictitious_included, "
    "sent_at, expires_at, conflicts_acknowledged, state, receipt_at, receipt_sha256, "
    "receipt_bundle_id, receipt_reason, created_by, cancelled_at, cancel_reason, "
    "(SELECT o.state FROM sync_outbox o WHERE o.bundle_id = handovers.bundle_id) "
    "FROM handovers "
)


def _handover(r: Sequence[Any]) -> HandoverRecord:
    return HandoverRecord(
        int(r[0]),
        int(r[1]),
        r[2],
        LegalBasis(r[3]),
        r[4],
        r[5],
        r[6],
        r[7],
        r[8],
        tuple(json.loads(r[9] or "[]")),
        bool(r[10]),
        bool(r[11]),
        r[12],
        r[13],
        int(r[14]),
        r[15],
        r[16],
        r[17],
        r[18],
        r[19],
        r[20],
        r[21],
        r[22],
        r[23],
    )


def handovers(store: Any, case_id: int | None = None) -> list[HandoverRecord]:
    """Handovers of one case (or all), newest first."""
    if case_id is None:
        rows = store.conn.execute(_HANDOVER_SQL + "ORDER BY id DESC")
    else:
        repo.case_row(store, case_id)
        rows = store.conn.execute(
            _HANDOVER_SQL + "WHERE case_id = ? ORDER BY id DESC", (int(case_id),)
        )
    return [_handover(r) for r in rows]


def handover_by_bundle(store: Any, bundle_id: str) -> HandoverRecord | None:
    row = store.conn.execute(_HANDOVER_SQL + "WHERE bundle_id = ?", (bundle_id,)).fetchone()
    return None if row is None else _handover(row)


def pending_handover(store: Any, case_id: int) -> HandoverRecord | None:
    """The case's handover that awaits a receipt, has not expired and was not cancelled."""
    return next((h for h in handovers(store, case_id) if h.awaiting_receipt), None)


def receipt_proof(store: Any, handover_id: int) -> tuple[str, str] | None:
    """(``receipt.json``, the receipt's signed manifest) kept as proof, or None."""
    row = store.conn.execute(
        "SELECT receipt_json, receipt_manifest FROM handovers WHERE id = ?", (int(handover_id),)
    ).fetchone()
    return None if row is None or row[0] is None else (str(row[0]), str(row[1]))


# ---------------------------------------------------------------- provenance (receiver)


@dataclass(frozen=True)
class Provenance:
    """Where an imported case came from."""

    case_id: int
    bundle_id: str
    bundle_sha256: str
    contact_id: int
    sender_municipality: str
    sender_unit: str
    sender_caseworker: str
    sender_fingerprint: str
    sender_case_ref: str
    legal_basis: LegalBasis
    sections: tuple[str, ...]
    protected_included: bool
    fictitious_included: bool
    sent_at: str
    received_at: str
    accepted_by: str
    conflicts_acknowledged: int
    receipt_bundle_id: str
    receipt_sha256: str


def case_provenance(store: Any, case_id: int) -> Provenance | None:
    row = store.conn.execute(
        "SELECT case_id, bundle_id, bundle_sha256, contact_id, sender_municipality, "
        "sender_unit, sender_caseworker, sender_fingerprint, sender_case_ref, legal_basis, "
        "sections, protected_included, fictitious_included, sent_at, received_at, "
        "accepted_by, conflicts_acknowledged, receipt_bundle_id, receipt_sha256 "
        "FROM case_provenance WHERE case_id = ?",
        (int(case_id),),
    ).fetchone()
    if row is None:
        return None
    return Provenance(
        int(row[0]),
        row[1],
        row[2],
        int(row[3]),
        row[4],
        row[5],
        row[6],
        row[7],
        row[8],
        LegalBasis(row[9]),
        tuple(json.loads(row[10])),
        bool(row[11]),
        bool(row[12]),
        row[13],
        row[14],
        row[15],
        int(row[16]),
        row[17],
        row[18],
    )
