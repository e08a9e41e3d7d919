"""The Store facade: create, unlock, recover (here) and the open :class:`Store` (store_core).

A store is a directory (0700) with ``store.db`` (SQLCipher 4, WAL), ``keyslots.json``,
``unlock-state.json`` (only after failed attempts) and ``store.lock``. docs/store.md
describes the key hierarchy, the order of every write and each refusal. Refusals write
nothing, except that a wrong passphrase or recovery code counts one failed attempt.

Order of checks when opening: store exists -> process lock -> key slots parse -> throttle
-> keyring backend and device secret -> Argon2id -> data key -> database -> schema.
"""

from __future__ import annotations

import contextlib
import uuid
from pathlib import Path
from typing import Any

from storage.atomic import (
    make_private_dir,
)
from storage.errors import clean_untrusted
from storage.schema import (
    LATEST,
    migrate,
)
from storage.vault import (
    db,
    device_key,
    keyslots,
    throttle,
)
from storage.vault.audit import utc_now
from storage.vault.crypto import (
    KdfParams,
    KdfParamsError,
    UnwrapError,
    random_key,
    wipe,
)
from storage.vault.db import (
    db_errors,
)
from storage.vault.errors import (
    KdfTooWeakError,
    StoreExistsError,
    StoreFolderNotEmptyError,
    WrongPassphraseError,
    WrongRecoveryCodeError,
)
from storage.vault.info import (
    StoreInfo,
    store_info,
)
from storage.vault.key_access import recover_with
from storage.vault.keyslots import (
    PASSPHRASE,
    RECOVERY,
    KeySlotFile,
)
from storage.vault.lock import StoreLock
from storage.vault.open_steps import (
    UNKNOWN_ACTOR,
    ActorFrom,
    _abandon,
    _audit_unlock,
    _open_database,
)
from storage.vault.passphrase import (
    open_passphrase_slot,
    validate_new_passphrase,
)
from storage.vault.store import (
    Store,
    _require_db,
    _require_store,
    set_audited_slots,
)
from storage.vault.strength import passphrase_context
from storage.vault.unconfirmed_code import keep_unconfirmed_code

__all__ = [
    "UNKNOWN_ACTOR",
    "ActorFrom",
    "StoreInfo",
    "create_store",
    "recover_store",
    "store_info",
    "unlock_store",
]


def unlock_store(
    path: Path, passphrase: str, *, actor: str, actor_from: ActorFrom | None = None
) -> Store:
    """Open the store with the passphrase (and this machine's device secret).

    ``actor`` is written to the audit log and as author; ``actor_from(store)``, when given
    and not empty, replaces it once the store is open (see :data:`ActorFrom`)."""
    path = Path(path)
    _require_store(path)
    lock = StoreLock(path).acquire()
    store = None
    try:
        ks = keyslots.read(path)
        _require_db(path)
        state = throttle.check(path)
        try:
            kek, _device = open_passphrase_slot(ks, passphrase)
        except WrongPassphraseError:
            failed = throttle.record_failure(path, PASSPHRASE)
            raise WrongPassphraseError(failed_attempts=failed.failed_attempts) from None
        try:
            store = _open_database(path, ks, kek, actor, lock, actor_from)
        finally:
            wipe(kek)
        _audit_unlock(store, state, "unlock")
        return store
    except BaseException:
        _abandon(store, lock)
        raise


def recover_store(
    path: Path,
    recovery_code: str,
    new_passphrase: str,
    *,
    actor: str,
    actor_from: ActorFrom | None = None,
) -> Store:
    """Open with the recovery code; set a new passphrase and a new device secret here
    (storage/vault/key_access.py, ``recover_with``). ``actor`` / ``actor_from`` as for
    :func:`unlock_store`."""
    validate_new_passphrase(new_passphrase, passphrase_context(actor))
    code = keyslots.parse_recovery_code(recovery_code)  # a typo is caught before any KDF

    def open_kek(ks: KeySlotFile) -> bytearray:
        try:
            return keyslots.open_slot(ks.store_id, ks.slot(RECOVERY), code)
        except UnwrapError:
            throttle.record_failure(Path(path), RECOVERY)
            raise WrongRecoveryCodeError() from None

    return recover_with(path, open_kek, new_passphrase, "recovery_code", actor, actor_from)


def _require_absent(path: Path) -> None:
    if (path / keyslots.FILE_NAME).exists() or (path / db.FILE_NAME).exists():
        raise StoreExistsError(path=clean_untrusted(path))
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise StoreFolderNotEmptyError(path=clean_untrusted(path))


def create_store(
    path: Path,
    passphrase: str,
    *,
    actor: str,
    use_device_key: bool = True,
    kdf: KdfParams | None = None,
    keep_code_unconfirmed: bool = False,
) -> tuple[Store, str]:
    """Create a store; returns it unlocked and the recovery code (display form, show once).

    ``keep_code_unconfirmed`` (the desktop client) keeps the code inside the new store until
    :func:`storage.vault.unconfirmed_code.confirm_recovery_code`, in the transaction of the
    ``create`` entry, before ``keyslots.json`` exists: the store never exists without it.
    """
    path = Path(path)
    validate_new_passphrase(passphrase, passphrase_context(actor))
    _require_absent(path)
    backend = device_key.resolve_backend() if use_device_key else None
    try:
        params = kdf or KdfParams.calibrate()
        params.check()
    except KdfParamsError:
        raise KdfTooWeakError() from None
    new_dir = not path.exists()
    make_private_dir(path)
    lock = StoreLock(path).acquire()
    store_id, created = str(uuid.uuid4()), utc_now()
    kek, dk = random_key(), random_key()
    store, saved_secret = None, False
    try:
        secret = device_key.new_device_secret() if backend is not None else None
        if backend is not None and secret is not None:
            device_key.save_device_secret(backend, store_id, secret)
            saved_secret = True
        code, code_bytes = keyslots.generate_recovery_code()
        key_id = device_key.device_key_id(secret, store_id) if secret else None
        slots = (
            keyslots.make_slot(
                store_id,
                PASSPHRASE,
                kek,
                passphrase,
                params,
                device_secret=secret,
                device_key_id=key_id,
            ),
            keyslots.make_slot(store_id, RECOVERY, kek, code_bytes, KdfParams.minimum()),
        )
        ks = KeySlotFile(store_id, created, slots, keyslots.wrap_data_key(store_id, kek, dk), None)
        db.create_database_file(path / db.FILE_NAME)
        store = Store(path, store_id, actor, db.open_database(path / db.FILE_NAME, dk), lock)
        with db_errors(path):
            migrate(store.conn)
        with store.transaction() as conn:
            conn.executemany(
                "INSERT INTO meta (key, value) VALUES (?, ?)",
                [("store_id", store_id), ("created", created)],
            )
            set_audited_slots(conn, ks.fingerprint())
            details: dict[str, Any] = {
                "device_key": secret is not None,
                "kdf": params.to_json(),
                "schema": LATEST,
            }
            if keep_code_unconfirmed:
                keep_unconfirmed_code(conn, code, ks)
                details["recovery_code"] = "kept_until_confirmed"
            store.audit.append("create", details=details)
        keyslots.write(path, ks)  # last: from here on the store exists
        return store, code
    except BaseException:
        _abandon(store, lock)
        _remove_partial(path, new_dir)
        if saved_secret and backend is not None:
            device_key.delete_device_secret(backend, store_id)
        raise
    finally:
        wipe(kek)
        wipe(dk)


def _remove_partial(path: Path, new_dir: bool) -> None:
    """Undo a failed create: only the files create makes, in a folder that was empty."""
    names = [keyslots.FILE_NAME, "store.lock", db.FILE_NAME]
    names += [db.FILE_NAME + suffix for suffix in db.SIDE_FILES]
    for name in names:
        with contextlib.suppress(OSError):
            (path / name).unlink()
    if new_dir:
        with contextlib.suppress(OSError):
            path.rmdir()
