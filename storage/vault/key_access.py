"""Ways into a store besides the passphrase: a new passphrase through the recovery code or a
token (binding the store to this computer's keyring again), unlocking with a token, with a
KEK held in memory (the quick re-unlock, storage/vault/quick_unlock.py), the keyring's state
read before any KDF, and the recovery-code drill (docs/store.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from storage.vault import (
    device_key,
    keyslots,
    throttle,
)
from storage.vault.audit import utc_now
from storage.vault.crypto import (
    KdfParams,
    UnwrapError,
    wipe,
)
from storage.vault.db import db_errors
from storage.vault.errors import (
    StoreLockedError,
    WrongRecoveryCodeError,
)
from storage.vault.keyslots import (
    PASSPHRASE,
    RECOVERY,
    KeySlotFile,
)
from storage.vault.lock import StoreLock
from storage.vault.open_steps import (
    ActorFrom,
    _abandon,
    _audit_unlock,
    _open_database,
)
from storage.vault.passphrase import (
    keyring_state,
    validate_new_passphrase,
)
from storage.vault.store import (
    Store,
    _require_db,
    _require_store,
)
from storage.vault.strength import passphrase_context
from storage.vault.token import (
    binding,
    mechanisms,
)
from storage.vault.token.errors import (
    NoTokenSlotError,
    TokenKeyMissingError,
    TokenNotPresentError,
    TokenPinIncorrectError,
    WrongTokenError,
    WrongTokenKeyError,
)
from storage.vault.token.slots import (
    TokenSlot,
    open_with_answer,
)

#: Opens the KEK from the key-slot file another way than the passphrase (the recovery code,
#: a token); counts its own failures.
OpenKek = Callable[[KeySlotFile], bytearray]


def recover_with(
    path: Path,
    open_kek: OpenKek,
    new_passphrase: str,
    via: str,
    actor: str,
    actor_from: ActorFrom | None = None,
) -> Store:
    """Open with ``open_kek``; a new passphrase slot with a new device secret in this
    computer's keyring (the old one retired). Audited ``recover`` — or ``keyring.rebound``
    when the keyring had lost the old device secret or holds another one."""
    validate_new_passphrase(new_passphrase, passphrase_context(actor))
    path = Path(path)
    _require_store(path)
    lock = StoreLock(path).acquire()
    store = None
    try:
        ks = keyslots.read(path)
        _require_db(path)
        state = throttle.check(path)
        pslot = ks.slot(PASSPHRASE)
        backend = device_key.resolve_backend() if pslot.device_key else None
        keyring = keyring_state(ks) if backend is not None else "not_used"
        kek = open_kek(ks)
        try:
            store = _open_database(path, ks, kek, actor, lock, actor_from)
            ks = keyslots.read(path)  # opening may have finished an interrupted rekey
            secret = device_key.new_device_secret() if backend is not None else None
            key_id = device_key.device_key_id(secret, ks.store_id) if secret else None
            new_slot = keyslots.make_slot(
                ks.store_id,
                PASSPHRASE,
                kek,
                new_passphrase,
                KdfParams.calibrate(),
                device_secret=secret,
                device_key_id=key_id,
            )
        finally:
            wipe(kek)
        if backend is not None and secret is not None:
            # Before keyslots.json: a crash in between leaves the recovery slot working.
            device_key.save_device_secret(backend, ks.store_id, secret)
        rebound = keyring in ("missing", "mismatch")
        details: dict[str, Any] = {"device_key": secret is not None, "via": via}
        if rebound:
            details.update(keyring=keyring, old_key_id=pslot.device_key_id, new_key_id=key_id)
        store.write_key_change(
            "keyring.rebound" if rebound else "recover", ks.with_slot(new_slot), details
        )
        _audit_unlock(store, state, "unlock", {"via": via})
        return store
    except BaseException:
        _abandon(store, lock)
        raise


# ---------------------------------------------------------------- tokens


def _open_token_slot(ks: KeySlotFile, module: Path | str, pin: str) -> tuple[bytearray, TokenSlot]:
    """The KEK from the token slot of the inserted card (checks before the PIN is sent: a
    slot exists, the module loads, a card is there, it is one of ours, its PIN is not
    locked)."""
    if not ks.tokens:
        raise NoTokenSlotError()
    with binding.open_module(module) as lib:
        present = binding.tokens(lib)
        if not present:
            raise TokenNotPresentError()
        match = next(((tok, info) for tok, info in present if ks.tokens_of(info.serial)), None)
        if match is None:
            first = present[0][1]
            raise WrongTokenError(label=first.label or first.serial)
        token, info = match
        ours = ks.tokens_of(info.serial)
        with binding.login(token, pin) as session:
            answered = False
            for slot in ours:  # several slots on one card: the first that opens
                key = binding.find_private_key(session, slot.key_id)
                if key is None:
                    continue
                answered = True
                answer = mechanisms.card_answer(
                    key, slot.mechanism, slot.material, ks.store_id, slot.slot_id
                )
                try:
                    return open_with_answer(slot, ks.store_id, answer), slot
                except UnwrapError:
                    continue
                finally:
                    wipe(answer)
            if answered:
                raise WrongTokenKeyError()
            raise TokenKeyMissingError()


def _token_kek(path: Path, ks: KeySlotFile, module: Path | str, pin: str) -> bytearray:
    try:
        kek, _slot = _open_token_slot(ks, module, pin)
    except TokenPinIncorrectError:
        throttle.record_failure(path, "token")  # audited at the next unlock
        raise
    return kek


def unlock_with_token(
    path: Path, module: Path | str, pin: str, *, actor: str, actor_from: ActorFrom | None = None
) -> Store:
    """Open the store with an enrolled card and its PIN (no passphrase, no keyring)."""
    path = Path(path)
    binding.check_pin_text(pin)
    _require_store(path)
    lock = StoreLock(path).acquire()
    store = None
    try:
        ks = keyslots.read(path)
        _require_db(path)
        state = throttle.check(path)
        kek = _token_kek(path, ks, module, pin)
        try:
            store = _open_database(path, ks, kek, actor, lock, actor_from)
        finally:
            wipe(kek)
        _audit_unlock(store, state, "unlock", {"via": "token"})
        return store
    except BaseException:
        _abandon(store, lock)
        raise


def recover_with_token(
    path: Path,
    module: Path | str,
    pin: str,
    new_passphrase: str,
    *,
    actor: str,
    actor_from: ActorFrom | None = None,
) -> Store:
    """Like the recovery code: open with the card, set a new passphrase and bind the store
    to this computer's keyring (audited ``keyring.rebound`` when the keyring had lost it)."""
    binding.check_pin_text(pin)

    def open_kek(ks: KeySlotFile) -> bytearray:
        return _token_kek(Path(path), ks, module, pin)

    return recover_with(path, open_kek, new_passphrase, "token", actor, actor_from)


# ---------------------------------------------------------------- a KEK held in memory


def unlock_with_kek(
    path: Path,
    kek: bytearray,
    *,
    via: str,
    actor: str,
    actor_from: ActorFrom | None = None,
) -> Store:
    """Open with a KEK the caller holds (the quick re-unlock); the caller wipes it. A KEK
    that no longer fits (the keys were renewed since) is refused as a damaged key file
    would be — the caller turns that into "use the passphrase"."""
    path = Path(path)
    _require_store(path)
    lock = StoreLock(path).acquire()
    store = None
    try:
        ks = keyslots.read(path)
        _require_db(path)
        state = throttle.check(path)
        store = _open_database(path, ks, kek, actor, lock, actor_from)
        _audit_unlock(store, state, "unlock", {"via": via})
        return store
    except BaseException:
        _abandon(store, lock)
        raise


# ---------------------------------------------------------------- recovery-code drill

DRILL_META = "recovery_drill_last"
#: The client offers a drill when the last one (or the store's creation) is older than this.
DRILL_INTERVAL_DAYS = 182


def check_recovery_code(path: Path, code: str) -> bool:
    """Whether ``code`` opens this store's recovery slot: its check characters first, then
    the slot's AEAD — the KEK is wiped at once; no database is opened, nothing is written."""
    data = keyslots.parse_recovery_code(code)
    ks = keyslots.read(Path(path))
    try:
        kek = keyslots.open_slot(ks.store_id, ks.slot(RECOVERY), data)
    except UnwrapError:
        return False
    wipe(kek)
    return True


def recovery_drill(store: Store, code: str) -> str:
    """The drill on an open store: check the code (as :func:`check_recovery_code`), record
    the date and audit ``recovery_code.drill``; returns the UTC time recorded. A wrong code
    is audited too and refused with :class:`WrongRecoveryCodeError` (not counted as a failed
    unlock: the caseworker is in)."""
    if store.closed:
        raise StoreLockedError()
    keyslots.parse_recovery_code(code)  # a typo: refused before anything is written
    if not check_recovery_code(store.path, code):
        with store.transaction():
            store.audit.append("recovery_code.drill", details={"result": "wrong"})
        raise WrongRecoveryCodeError()
    now = utc_now()
    with store.transaction() as conn:
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (DRILL_META, now))
        store.audit.append("recovery_code.drill", details={"result": "ok"})
    return now


def last_recovery_drill(store: Store) -> str | None:
    """The UTC time of the last successful drill (None: never)."""
    if store.closed:
        raise StoreLockedError()
    with db_errors(store.path):
        row = store.conn.execute("SELECT value FROM meta WHERE key = ?", (DRILL_META,)).fetchone()
    return None if row is None else str(row[0])


def recovery_drill_due(store: Store, now: dt.datetime | None = None) -> bool:
    """Whether the client should offer a drill: the last one (or, before the first, the
    store's creation) is more than :data:`DRILL_INTERVAL_DAYS` old."""
    since = last_recovery_drill(store)
    if since is None:
        with db_errors(store.path):
            row = store.conn.execute("SELECT value FROM meta WHERE key = 'created'").fetchone()
        since = None if row is None else str(row[0])
    if since is None:
        return True
    try:
        then = dt.datetime.fromisoformat(since.replace("Z", "+00:00"))
    except ValueError:
        return True
    now = now or dt.datetime.now(dt.UTC)
    return (now - then).days >= DRILL_INTERVAL_DAYS
