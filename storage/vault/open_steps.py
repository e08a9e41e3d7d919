"""The steps every way into a store shares (storage/vault/opening.py and key_access.py):
open the database with the KEK (the current data key, else a pending one), audit the
failures counted since the last unlock and the unlock itself, and let go of a half-opened
store."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from storage.atomic import remove_stale_temp_files
from storage.errors import clean_untrusted
from storage.schema import migrate
from storage.vault import (
    db,
    keyslots,
    throttle,
)
from storage.vault.crypto import (
    UnwrapError,
    wipe,
)
from storage.vault.db import (
    StoreDamagedError,
    db_errors,
)
from storage.vault.keyslots import KeySlotFile
from storage.vault.lock import StoreLock
from storage.vault.outputs import reconcile_outputs
from storage.vault.store import Store
from storage.vault.throttle import UnlockState

UNKNOWN_ACTOR = "(unknown)"

#: Names who is working once the store is open (e.g. the caseworker of the store's identity,
#: sync.trust.identity.caseworker_name); ``None`` keeps the ``actor`` given to the call.
ActorFrom = Callable[[Store], str | None]


def _open_database(
    path: Path,
    ks: KeySlotFile,
    kek: bytearray,
    actor: str,
    lock: StoreLock,
    actor_from: ActorFrom | None = None,
) -> Store:
    """Open with the current data key, else the pending one (an interrupted rekey).

    ``actor_from`` is asked right after the schema is up to date, before anything is
    written to the audit log, so every entry of this session names the same person."""
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
        named = actor_from(store) if actor_from is not None else None
        if named:
            store.act_as(named)
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
