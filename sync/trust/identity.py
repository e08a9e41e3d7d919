"""This installation's identity: signing and decryption keys kept inside the encrypted store.

Public API:

- :func:`ensure_identity` (create on first use, else return the existing one),
  :func:`get_identity` -> :class:`IdentityInfo` (public data only: names, keys, fingerprint),
  :func:`caseworker_name` (who works here: the audit log's actor and the journal's author);
- :func:`export_card` -> the ``.utvagkort`` bytes to give to other units;
- :func:`rotate_identity` -> :class:`Rotation`: new keys; the previous signing key endorses
  an *update card* so contacts follow (:func:`sync.trust.contacts.apply_contact_update`);
  :func:`export_update_card` gives it again later;
- :func:`export_age_identity` — the age secret key in ``age-keygen`` file form, for the
  manual procedure with stock tools (docs/bundle-format.md). Secret; audited.

For ``sync`` only (secrets): :func:`current_keys`, :func:`all_keys`. One identity per store,
with key *generations*; exactly one is current. Retired generations keep their decryption
keys (bundles sealed to them before contacts updated still open) and signing key (to seal
a contact-update bundle that contacts who still trust the old key accept).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from storage.vault.audit import utc_now
from sync.age import (
    MLKEM768X25519Identity,
    X25519Identity,
)
from sync.signing.minisign import SigningKey
from sync.trust.card import (
    KeySet,
    build_card,
)
from sync.trust.errors import (
    IdentityNameError,
    NoIdentityError,
)
from sync.wire.fields import (
    NAME_MAX_CHARS,
    check_text,
    format_time,
)

_COLUMNS = (
    "generation, municipality, unit, caseworker, created_at, signing_seed, "
    "signing_key_id, x25519_secret, pq_seed, card, update_card"
)


@dataclass(frozen=True)
class IdentityInfo:
    """Public facts about one key generation of this store's identity."""

    generation: int
    municipality: str
    unit: str
    caseworker: str
    created: str
    keys: KeySet

    @property
    def fingerprint(self) -> str:
        return self.keys.fingerprint

    @property
    def qr_payload(self) -> str:
        return self.keys.qr_payload

    @property
    def key_id_hex(self) -> str:
        return self.keys.key_id_hex


class IdentityKeys:
    """The secret keys of one generation (never printed by ``repr``)."""

    def __init__(
        self,
        info: IdentityInfo,
        signing_key: SigningKey,
        x25519: X25519Identity,
        pq: MLKEM768X25519Identity,
        card: bytes,
        update_card: bytes | None,
    ) -> None:
        self.info = info
        self.signing_key = signing_key
        self.x25519 = x25519
        self.pq = pq
        self.card = card
        self.update_card = update_card

    @property
    def generation(self) -> int:
        return self.info.generation

    def __repr__(self) -> str:
        return f"IdentityKeys(generation={self.generation}, key_id={self.info.key_id_hex})"


@dataclass(frozen=True)
class Rotation:
    old: IdentityInfo
    new: IdentityInfo
    update_card: bytes  # give to every contact (or seal it with seal_contact_update)


def _clean_name(value: str, field: str) -> str:
    text = unicodedata.normalize("NFC", str(value)).strip()
    return check_text(
        text,
        limit=NAME_MAX_CHARS,
        empty_ok=False,
        error=lambda: IdentityNameError(field=field, limit=NAME_MAX_CHARS),
    )


def _keyset(signing: SigningKey, x25519: X25519Identity, pq: MLKEM768X25519Identity) -> KeySet:
    return KeySet(
        signing.public_key().to_base64(), x25519.recipient().to_str(), pq.recipient().to_str()
    )


def _from_row(row: Any) -> IdentityKeys:
    gen, muni, unit, worker, created, seed, key_id, x_secret, pq_seed, card, update = row
    signing = SigningKey.from_seed(bytes(seed), bytes(key_id))
    x25519, pq = X25519Identity(bytes(x_secret)), MLKEM768X25519Identity(bytes(pq_seed))
    info = IdentityInfo(int(gen), muni, unit, worker, created, _keyset(signing, x25519, pq))
    return IdentityKeys(info, signing, x25519, pq, bytes(card), bytes(update) if update else None)


def current_keys(store: Any) -> IdentityKeys:
    """The current generation's secret keys, or :class:`NoIdentityError`."""
    row = store.conn.execute(
        f"SELECT {_COLUMNS} FROM sync_identity WHERE is_current = 1"  # noqa: S608 - constant
    ).fetchone()
    if row is None:
        raise NoIdentityError()
    return _from_row(row)


def all_keys(store: Any) -> list[IdentityKeys]:
    """Every generation, newest first (decryption tries them all)."""
    rows = store.conn.execute(
        f"SELECT {_COLUMNS} FROM sync_identity ORDER BY generation DESC"  # noqa: S608 - constant
    ).fetchall()
    return [_from_row(r) for r in rows]


def get_identity(store: Any) -> IdentityInfo:
    return current_keys(store).info


def caseworker_name(store: Any) -> str | None:
    """The current identity's caseworker name (set in the first-run wizard), or ``None``
    before there is an identity. Reads no key material: it names who works, for
    :func:`storage.vault.opening.unlock_store` (``actor_from``)."""
    row = store.conn.execute("SELECT caseworker FROM sync_identity WHERE is_current = 1").fetchone()
    return str(row[0]) if row is not None and row[0] else None


def _insert(
    store: Any, gen: int, names: tuple[str, str, str], previous: IdentityKeys | None
) -> IdentityKeys:
    signing = SigningKey.generate()
    x25519, pq = X25519Identity.generate(), MLKEM768X25519Identity.generate()
    keys = _keyset(signing, x25519, pq)
    now = datetime.now(UTC).replace(microsecond=0)
    card = build_card(names, gen, now, keys, signing)
    update = None
    if previous is not None:
        update = build_card(
            names, gen, now, keys, signing, (previous.info.keys, previous.signing_key)
        )
    store.conn.execute(
        "INSERT INTO sync_identity (generation, is_current, municipality, unit, caseworker, "
        "created_at, signing_seed, signing_key_id, x25519_secret, pq_seed, fingerprint, card, "
        "update_card) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            gen,
            *names,
            format_time(now),
            signing.seed(),
            signing.key_id,
            x25519.to_bytes(),
            pq.to_bytes(),
            keys.fingerprint,
            card,
            update,
        ),
    )
    return current_keys(store)


def ensure_identity(store: Any, municipality: str, unit: str, caseworker: str) -> IdentityInfo:
    """This store's identity; created (and audited) with these names if there is none.

    An existing identity is returned unchanged; names change with :func:`rotate_identity`.
    """
    names = (
        _clean_name(municipality, "municipality"),
        _clean_name(unit, "unit"),
        _clean_name(caseworker, "caseworker"),
    )
    with store.transaction():
        try:
            return get_identity(store)
        except NoIdentityError:
            pass
        keys = _insert(store, 1, names, None)
        store.audit.append(
            "identity.create",
            "identity:1",
            {"generation": 1, "fingerprint": keys.info.fingerprint, "key_id": keys.info.key_id_hex},
        )
        return keys.info


def export_card(store: Any) -> bytes:
    """The current generation's self-signed card (audited as an export)."""
    with store.transaction():
        keys = current_keys(store)
        store.audit.append(
            "identity.export_card",
            f"identity:{keys.generation}",
            {"generation": keys.generation, "update": False},
        )
        return keys.card


def export_update_card(store: Any) -> bytes | None:
    """The current generation's update card (endorsed by the previous key); None if gen 1."""
    with store.transaction():
        keys = current_keys(store)
        if keys.update_card is None:
            return None
        store.audit.append(
            "identity.export_card",
            f"identity:{keys.generation}",
            {"generation": keys.generation, "update": True},
        )
        return keys.update_card


def rotate_identity(
    store: Any,
    *,
    municipality: str | None = None,
    unit: str | None = None,
    caseworker: str | None = None,
) -> Rotation:
    """New keys (a new generation); the old signing key endorses the new card. Audited."""
    with store.transaction():
        old = current_keys(store)
        names = (
            _clean_name(municipality or old.info.municipality, "municipality"),
            _clean_name(unit or old.info.unit, "unit"),
            _clean_name(caseworker or old.info.caseworker, "caseworker"),
        )
        store.conn.execute(
            "UPDATE sync_identity SET is_current = NULL, retired_at = ? WHERE generation = ?",
            (utc_now(), old.generation),
        )
        new = _insert(store, old.generation + 1, names, old)
        store.audit.append(
            "identity.rotate",
            f"identity:{new.generation}",
            {
                "old_fingerprint": old.info.fingerprint,
                "new_fingerprint": new.info.fingerprint,
                "old_key_id": old.info.key_id_hex,
                "new_key_id": new.info.key_id_hex,
            },
        )
        assert new.update_card is not None
        return Rotation(old.info, new.info, new.update_card)


def export_age_identity(store: Any, *, post_quantum: bool = False) -> str:
    """The current age secret key as an ``age -i`` key file. SECRET; audited.

    Only for the manual procedure with stock tools (docs/bundle-format.md): whoever holds
    this text can decrypt every bundle sealed to this unit. ``post_quantum`` needs age 1.3+.
    """
    with store.transaction():
        keys = current_keys(store)
        store.audit.append(
            "identity.export_secret_key",
            f"identity:{keys.generation}",
            {"generation": keys.generation, "post_quantum": post_quantum},
        )
        identity = keys.pq if post_quantum else keys.x25519
        public = identity.recipient().to_str()
        return f"# created: {keys.info.created}\n# public key: {public}\n{identity.to_str()}\n"
