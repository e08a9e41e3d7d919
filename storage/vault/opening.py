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
import os
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from storage.atomic import (
    make_private_dir,
    remove_stale_temp_files,
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
    StoreDamagedError,
    db_errors,
)
from storage.vault.errors import (
    KdfTooWeakError,
    StoreExistsError,
    StoreFolderNotEmptyError,
    WrongPassphraseError,
    WrongRecoveryCodeError,
)
from storage.vault.keyslots import (
    PASSPHRASE,
    RECOVERY,
    KeySlotFile,
)
from storage.vault.lock import StoreLock
from storage.vault.outputs import reconcile_outputs
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
from storage.vault.throttle import UnlockState

__all__ = [
    "create_store",
    "recover_store",
    "store_info",
    "unlock_store",
]

UNKNOWN_ACTOR = "(unknown)"


@dataclass(frozen=True)
class StoreInfo:
    path: Path
    exists: bool
    store_id: str | None
    created: str | None
    device_key: bool | None
    kdf: KdfParams | None
    schema_version: int | None
    failed_attempts: int
    retry_after: float


def store_info(path: Path) -> StoreInfo:
    """What can be known without unlocking: reads keyslots.json and unlock-state.json only."""
    path = Path(path)
    if not (path / keyslots.FILE_NAME).is_file():
        return StoreInfo(path, False, None, None, None, None, None, 0, 0.0)
    ks = keyslots.read(path)
    state = throttle.read_state(path)
    slot = ks.slot(PASSPHRASE)
    return StoreInfo(
        path,
        True,
        ks.store_id,
        ks.created,
        slot.device_key,
        slot.kdf,
        None,
        state.failed_attempts,
        state.retry_after(),
    )


def _open_database(
    path: Path, ks: KeySlotFile, kek: bytearray, actor: str, lock: StoreLock
) -> Store:
    """Open with the current data key, else the pending one (an interrupted rekey)."""
    conn, used, unwrapped = None, "", False
    for name, wrapped in (("current", ks.current), ("pending", ks.pending)):
        if wrapped is None:
            continue
        try:
            dk = keyslots.unwrap_data_key(ks.store_id, kek, wrapped)
        except UnwrapError:
            continue
        unwrapped = True
        try:
            conn, used = db.open_database(path / db.FILE_NAME, dk), name
            break
        except db.WrongDataKey:
            continue
        finally:
            wipe(dk)
    if conn is None:
        if not unwrapped:
            raise keyslots.KeySlotsDamagedError(path=clean_untrusted(path / keyslots.FILE_NAME))
        raise StoreDamagedError(path=clean_untrusted(path))
    store = Store(path, ks.store_id, actor, conn, lock)
    try:
        _tighten_permissions(path)
        remove_stale_temp_files(path)  # we hold the lock: no write of ours is in flight
        with db_errors(path):
            migrate(conn)
            row = conn.execute("SELECT value FROM meta WHERE key = 'store_id'").fetchone()
        if row is None or row[0] != ks.store_id:
            raise StoreDamagedError(path=clean_untrusted(path))
        store.reconcile_key_slots(ks)
        reconcile_outputs(store)  # files of ours a kill left half-written outside the folder
        if ks.pending is not None:  # finish (pending opened) or drop (current opened) a rekey
            done = used == "pending"
            fixed = replace(ks, current=ks.pending if done else ks.current, pending=None)
            store.write_key_change("rekey_completed" if done else "rekey_abandoned", fixed)
    except BaseException:
        conn.close()
        raise
    return store


def _tighten_permissions(path: Path) -> None:
    """A store restored from a backup or a checkout may have lost its 0700/0600 modes."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        if path.stat().st_mode & 0o077:
            os.chmod(path, 0o700)
        for child in path.iterdir():
            if child.is_file() and child.stat().st_mode & 0o077:
                os.chmod(child, 0o600)


def _audit_unlock(
    store: Store, state: UnlockState, action: str, details: dict[str, Any] | None = None
) -> None:
    """Audit the failures counted since the last unlock (no key existed then), then this one."""
    with store.transaction():
        if state.failures:
            attempts = [{"at": at, "kind": kind} for at, kind in state.failures]
            store.audit.append(
                "unlock_failed",
                details={"count": state.failed_attempts, "attempts": attempts},
                actor=UNKNOWN_ACTOR,
            )
        store.audit.append(action, details=details)
    throttle.reset(store.path)


def _abandon(store: Store | None, lock: StoreLock) -> None:
    if store is not None:
        with contextlib.suppress(Exception):
            store.conn.close()
    lock.release()


def unlock_store(path: Path, passphrase: str, *, actor: str) -> Store:
    """Open the store with the passphrase (and this machine's device secret)."""
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
            store = _open_database(path, ks, kek, actor, lock)
        finally:
            wipe(kek)
        _audit_unlock(store, state, "unlock")
        return store
    except BaseException:
        _abandon(store, lock)
        raise


def recover_store(path: Path, recovery_code: str, new_passphrase: str, *, actor: str) -> Store:
    """Open with the recovery code; set a new passphrase and a new device secret here."""
    validate_new_passphrase(new_passphrase)
    code = keyslots.parse_recovery_code(recovery_code)  # a typo is caught before any KDF
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
        try:
            kek = keyslots.open_slot(ks.store_id, ks.slot(RECOVERY), code)
        except UnwrapError:
            throttle.record_failure(path, RECOVERY)
            raise WrongRecoveryCodeError() from None
        try:
            store = _open_database(path, ks, kek, actor, lock)
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
        store.write_key_change(
            "recover", ks.with_slot(new_slot), {"device_key": secret is not None}
        )
        _audit_unlock(store, state, "unlock", {"via": "recovery_code"})
        return store
    except BaseException:
        _abandon(store, lock)
        raise


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
) -> tuple[Store, str]:
    """Create a store; returns it unlocked and the recovery code (display form, show once)."""
    path = Path(path)
    validate_new_passphrase(passphrase)
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
            details = {"device_key": secret is not None, "kdf": params.to_json(), "schema": LATEST}
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
