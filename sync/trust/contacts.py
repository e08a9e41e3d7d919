"""Contacts: other units' cards, fingerprint verification, key rotation and revocation.

Public API:

- :func:`import_card` -> contact id (status ``unverified``); :func:`read_card` to inspect a
  card first (e.g. whether it is an update card);
- :func:`list_contacts`, :func:`get_contact` -> :class:`Contact`, :func:`contact_fingerprint`;
- :func:`verify_contact` — marks verified only if the typed digits (or scanned QR payload)
  match; every attempt is audited;
- :func:`revoke_contact` — audited; the key can never come back and its bundles are refused;
- :func:`apply_contact_update` — follow a rotation: an update card endorsed by the
  contact's *current verified* key moves the contact to the new keys, still verified.

Rules: only verified, non-revoked contacts can be recipients or accepted senders
(:func:`usable_contact`, :func:`find_signer`). A card never silently replaces a contact:
the same municipality, unit and caseworker with other keys is refused
(:class:`~sync.errors.ContactConflictError`), and a key, age recipient or fingerprint is
unique across all contacts and all history (:class:`~sync.errors.KeyConflictError`).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from storage.errors import ValidationError
from storage.vault.audit import utc_now
from sync.trust import fingerprint as fp
from sync.trust.card import (
    Card,
    KeySet,
    parse_card,
)
from sync.trust.errors import (
    ContactConflictError,
    ContactNotFoundError,
    ContactNotVerifiedError,
    ContactRevokedError,
    ContactUpdateError,
    FingerprintMismatchError,
    KeyConflictError,
    OwnCardError,
    RevokedKeyError,
    RevokedSenderError,
    SupersededSenderKeyError,
    UnknownSenderError,
    UnverifiedSenderError,
)
from sync.trust.identity import all_keys
from sync.wire.fields import check_text

UNVERIFIED, VERIFIED, REVOKED = "unverified", "verified", "revoked"
REASON_MAX_CHARS = 500
_SELECT = (
    "SELECT c.id, c.municipality, c.unit, c.caseworker, c.status, c.last_sequence, "
    "c.imported_at, c.verified_at, c.verified_by, c.revoked_at, c.revoke_reason, "
    "k.generation, k.public_key, k.age_recipient, k.age_pq_recipient, k.state "
    "FROM sync_contacts c JOIN sync_contact_keys k ON k.contact_id = c.id "
)


@dataclass(frozen=True)
class Contact:
    id: int
    municipality: str
    unit: str
    caseworker: str
    status: str  # unverified | verified | revoked
    last_sequence: int
    imported_at: str
    verified_at: str | None
    verified_by: str | None
    revoked_at: str | None
    revoke_reason: str | None
    generation: int
    keys: KeySet
    key_state: str  # current | rotated | revoked (of ``keys``)

    @property
    def fingerprint(self) -> str:
        return self.keys.fingerprint

    @property
    def qr_payload(self) -> str:
        return self.keys.qr_payload

    @property
    def key_id_hex(self) -> str:
        return self.keys.key_id_hex

    @property
    def usable(self) -> bool:
        return self.status == VERIFIED and self.key_state == "current"


def _contact(row: Any) -> Contact:
    keys = KeySet(row[12], row[13], row[14])
    return Contact(
        int(row[0]),
        row[1],
        row[2],
        row[3],
        row[4],
        int(row[5]),
        row[6],
        row[7],
        row[8],
        row[9],
        row[10],
        int(row[11]),
        keys,
        row[15],
    )


def _label_key(municipality: str, unit: str, caseworker: str) -> str:
    parts = (
        unicodedata.normalize("NFKC", p).casefold().strip()
        for p in (municipality, unit, caseworker)
    )
    return "\x1f".join(" ".join(p.split()) for p in parts)


def read_card(data: bytes) -> Card:
    """Parse and check a card's signatures without storing anything."""
    return parse_card(data)


def list_contacts(store: Any, *, include_revoked: bool = True) -> list[Contact]:
    where = "WHERE k.state <> 'rotated'" + ("" if include_revoked else " AND c.status <> 'revoked'")
    rows = store.conn.execute(_SELECT + where + " ORDER BY c.municipality, c.unit, c.id").fetchall()
    return [_contact(r) for r in rows]


def get_contact(store: Any, contact_id: int) -> Contact:
    row = store.conn.execute(
        _SELECT + "WHERE c.id = ? AND k.state <> 'rotated'", (int(contact_id),)
    ).fetchone()
    if row is None:
        raise ContactNotFoundError(id=int(contact_id))
    return _contact(row)


def contact_fingerprint(store: Any, contact_id: int) -> str:
    return get_contact(store, contact_id).fingerprint


def usable_contact(store: Any, contact_id: int) -> Contact:
    """The contact if it may be a recipient: verified and not revoked."""
    contact = get_contact(store, contact_id)
    if contact.status == REVOKED:
        raise ContactRevokedError(id=contact.id)
    if not contact.usable:
        raise ContactNotVerifiedError(id=contact.id)
    return contact


def find_signer(store: Any, key_id_hex: str) -> Contact:
    """The verified contact whose *current* key has this key id, else the typed refusal."""
    row = store.conn.execute(_SELECT + "WHERE k.key_id = ?", (key_id_hex,)).fetchone()
    if row is None:
        raise UnknownSenderError(key_id=key_id_hex)
    contact = _contact(row)
    if contact.key_state == "revoked" or contact.status == REVOKED:
        raise RevokedSenderError()
    if contact.key_state == "rotated":
        raise SupersededSenderKeyError()
    if contact.status != VERIFIED:
        raise UnverifiedSenderError()
    return contact


def _check_new_keys(store: Any, keys: KeySet) -> None:
    """Own keys -> OwnCardError; known elsewhere -> RevokedKeyError or KeyConflictError."""
    for own in all_keys(store):
        mine = own.info.keys
        if {keys.minisign, keys.age, keys.age_pq} & {mine.minisign, mine.age, mine.age_pq} - {None}:
            raise OwnCardError()
        if keys.key_id_hex == mine.key_id_hex:
            raise KeyConflictError()
    rows = store.conn.execute(
        "SELECT state FROM sync_contact_keys WHERE key_id = ? OR public_key = ? "
        "OR age_recipient = ? OR age_pq_recipient = ? OR fingerprint = ?",
        (keys.key_id_hex, keys.minisign, keys.age, keys.age_pq, keys.fingerprint),
    ).fetchall()
    if any(r[0] != "current" for r in rows):
        raise RevokedKeyError()
    if rows:
        raise KeyConflictError()


def _check_label(store: Any, label: str, except_id: int | None = None) -> None:
    row = store.conn.execute(
        "SELECT id FROM sync_contacts WHERE label_key = ? AND status <> 'revoked' AND id IS NOT ?",
        (label, except_id),
    ).fetchone()
    if row is not None:
        raise ContactConflictError(id=int(row[0]))


def _insert_key(store: Any, contact_id: int, card: Card) -> None:
    k = card.keys
    store.conn.execute(
        "INSERT INTO sync_contact_keys (contact_id, generation, key_id, public_key, "
        "age_recipient, age_pq_recipient, fingerprint, card, state, added_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'current', ?)",
        (
            contact_id,
            card.generation,
            k.key_id_hex,
            k.minisign,
            k.age,
            k.age_pq,
            k.fingerprint,
            card.raw,
            utc_now(),
        ),
    )


def import_card(store: Any, data: bytes) -> int:
    """Store a card as an *unverified* contact; returns its id (the same card again: same id)."""
    card = parse_card(data)
    with store.transaction():
        row = store.conn.execute(
            "SELECT contact_id, state FROM sync_contact_keys WHERE public_key = ? "
            "AND age_recipient = ? AND age_pq_recipient IS ?",
            (card.keys.minisign, card.keys.age, card.keys.age_pq),
        ).fetchone()
        if row is not None:
            if row[1] != "current":
                raise RevokedKeyError()
            return int(row[0])
        _check_new_keys(store, card.keys)
        label = _label_key(card.municipality, card.unit, card.caseworker)
        _check_label(store, label)
        cur = store.conn.execute(
            "INSERT INTO sync_contacts (municipality, unit, caseworker, label_key, status, "
            "imported_at, imported_by) VALUES (?, ?, ?, ?, 'unverified', ?, ?)",
            (card.municipality, card.unit, card.caseworker, label, utc_now(), store.actor),
        )
        contact_id = int(cur.lastrowid)
        _insert_key(store, contact_id, card)
        store.audit.append(
            "contact.import",
            f"contact:{contact_id}",
            {
                "fingerprint": card.fingerprint,
                "key_id": card.keys.key_id_hex,
                "generation": card.generation,
            },
        )
        return contact_id


def verify_contact(store: Any, contact_id: int, fingerprint_typed: str) -> Contact:
    """Mark verified if ``fingerprint_typed`` matches; else audit the failure and refuse."""
    with store.transaction():
        contact = get_contact(store, contact_id)
        if contact.status == REVOKED:
            raise ContactRevokedError(id=contact.id)
        ok = fp.matches(fingerprint_typed, contact.fingerprint, contact.qr_payload)
        method = (
            "qr" if (fp.normalise_typed(fingerprint_typed) or "").startswith("UTVAG") else "digits"
        )
        if ok:
            store.conn.execute(
                "UPDATE sync_contacts SET status = 'verified', verified_at = ?, verified_by = ? "
                "WHERE id = ?",
                (utc_now(), store.actor, contact.id),
            )
        store.audit.append(
            "contact.verify" if ok else "contact.verify_failed",
            f"contact:{contact.id}",
            {"fingerprint": contact.fingerprint, "method": method},
        )
    if not ok:
        raise FingerprintMismatchError()
    return get_contact(store, contact_id)


def revoke_contact(store: Any, contact_id: int, reason: str = "") -> Contact:
    """Revoke a contact: never a recipient or accepted sender again; its key never returns."""
    reason = unicodedata.normalize("NFC", reason or "").strip()
    check_text(reason, limit=REASON_MAX_CHARS, empty_ok=True, error=ValidationError)
    with store.transaction():
        contact = get_contact(store, contact_id)
        if contact.status == REVOKED:
            return contact
        now = utc_now()
        store.conn.execute(
            "UPDATE sync_contacts SET status = 'revoked', revoked_at = ?, revoked_by = ?, "
            "revoke_reason = ? WHERE id = ?",
            (now, store.actor, reason, contact.id),
        )
        store.conn.execute(
            "UPDATE sync_contact_keys SET state = 'revoked', retired_at = ? "
            "WHERE contact_id = ? AND state = 'current'",
            (now, contact.id),
        )
        store.audit.append(
            "contact.revoke",
            f"contact:{contact.id}",
            {"fingerprint": contact.fingerprint, "key_id": contact.key_id_hex},
        )
    return get_contact(store, contact_id)


def apply_contact_update(store: Any, data: bytes) -> int:
    """Follow a contact's key rotation; returns the contact id. Audited.

    The update card must be endorsed by the contact's current, verified key (and name that
    key set's fingerprint); its generation must be newer. Applying it again is a no-op.
    """
    card = parse_card(data)  # verifies the self-signature and the endorsement
    if card.previous is None:
        raise ContactUpdateError()
    with store.transaction():
        again = store.conn.execute(
            "SELECT n.contact_id, n.state, o.contact_id FROM sync_contact_keys n "
            "LEFT JOIN sync_contact_keys o ON o.public_key = ? WHERE n.public_key = ?",
            (card.previous.minisign, card.keys.minisign),
        ).fetchone()
        if again is not None and again[1] == "current" and again[0] == again[2]:
            return int(again[0])  # already applied
        contact = find_signer(store, card.previous.key_id_hex)
        if card.previous.minisign != contact.keys.minisign:
            raise ContactUpdateError()
        if (
            card.previous_fingerprint != contact.fingerprint
            or card.generation <= contact.generation
        ):
            raise ContactUpdateError()
        merged = _drop_unverified_copy(store, card.keys)
        _check_new_keys(store, card.keys)
        label = _label_key(card.municipality, card.unit, card.caseworker)
        _check_label(store, label, contact.id)
        store.conn.execute(
            "UPDATE sync_contact_keys SET state = 'rotated', retired_at = ? "
            "WHERE contact_id = ? AND state = 'current'",
            (utc_now(), contact.id),
        )
        _insert_key(store, contact.id, card)
        store.conn.execute(
            "UPDATE sync_contacts SET municipality = ?, unit = ?, caseworker = ?, label_key = ? "
            "WHERE id = ?",
            (card.municipality, card.unit, card.caseworker, label, contact.id),
        )
        store.audit.append(
            "contact.rotate",
            f"contact:{contact.id}",
            {
                "old_fingerprint": contact.fingerprint,
                "new_fingerprint": card.fingerprint,
                "generation": card.generation,
                "replaced_unverified_contact": merged,
            },
        )
        return contact.id


def _drop_unverified_copy(store: Any, keys: KeySet) -> int | None:
    """Remove an *unverified* contact holding exactly ``keys`` (its plain card was imported
    before the authenticated update arrived); returns its id. Such a contact was never a
    recipient or an accepted sender, so nothing refers to it.
    """
    row = store.conn.execute(
        "SELECT c.id FROM sync_contacts c JOIN sync_contact_keys k ON k.contact_id = c.id "
        "WHERE c.status = 'unverified' AND k.state = 'current' AND k.public_key = ? "
        "AND k.age_recipient = ? AND k.age_pq_recipient IS ?",
        (keys.minisign, keys.age, keys.age_pq),
    ).fetchone()
    if row is None:
        return None
    contact_id = int(row[0])
    if (
        store.conn.execute(
            "SELECT count(*) FROM sync_contact_keys WHERE contact_id = ?", (contact_id,)
        ).fetchone()[0]
        != 1
    ):
        return None
    store.conn.execute("DELETE FROM sync_contact_keys WHERE contact_id = ?", (contact_id,))
    store.conn.execute("DELETE FROM sync_contacts WHERE id = ?", (contact_id,))
    return contact_id
