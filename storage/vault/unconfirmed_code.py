"""A recovery code the caseworker has not yet confirmed writing down, kept inside the
encrypted store so that it can be shown again (docs/store.md, "Recovery code").

The desktop client creates a store (and makes a new recovery code) with the code kept
here, in ``meta``, in the same transaction that writes the audit entry and the fingerprint
of the key slots; ``keyslots.json`` is replaced after that commit. So after a crash, a kill
or a cancelled first run at any point, either no store exists, or it exists and its
recovery code can be shown again after the next unlock — never a store whose code nobody
has seen. The code is never written anywhere else: only inside the SQLCipher database,
encrypted under the data key, which the passphrase (and the device secret) open anyway.

The entry is bound to the recovery slot it opens (:func:`recovery_slot_id`): a code whose
slot has since been replaced (a rekey on the command line; a rekey whose key-slot file was
never written) is dropped, never shown. Confirming ("I have written it down") deletes the
entry with ``secure_delete`` on and checkpoints the WAL (``TRUNCATE``), so no page of the
database files holds it any more. Both are audited, as is every time a kept code is shown
again; the entries name no secret.
"""

from __future__ import annotations

import hashlib
import json
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Protocol

from storage.vault import keyslots
from storage.vault.audit import AuditLog
from storage.vault.crypto import canonical_json
from storage.vault.db import (
    Connection,
    db_errors,
)
from storage.vault.errors import StoreLockedError
from storage.vault.keyslots import (
    RECOVERY,
    KeySlotFile,
    RecoveryCodeInvalidError,
)

META_KEY = "recovery_code_unconfirmed"


class OpenStore(Protocol):
    """What this module needs of :class:`storage.vault.store.Store`."""

    path: Path
    conn: Connection
    audit: AuditLog

    @property
    def closed(self) -> bool: ...

    def transaction(self) -> AbstractContextManager[Connection]: ...


def recovery_slot_id(ks: KeySlotFile) -> str:
    """A hash of the recovery slot (salt, parameters, wrapped key): changes with the code."""
    return hashlib.sha256(canonical_json(ks.slot(RECOVERY).to_json())).hexdigest()[:32]


def keep_unconfirmed_code(conn: Connection, code: str, ks: KeySlotFile) -> None:
    """Inside the transaction that goes with writing ``ks``: keep ``code`` until confirmed."""
    value = json.dumps({"code": code, "slot": recovery_slot_id(ks)}, sort_keys=True)
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (META_KEY, value))


def forget_unconfirmed_code(conn: Connection) -> None:
    """Inside a transaction: drop a kept code (it is about to stop working)."""
    conn.execute("DELETE FROM meta WHERE key = ?", (META_KEY,))


def _kept(store: OpenStore) -> str | None:
    with db_errors(store.path):
        row = store.conn.execute("SELECT value FROM meta WHERE key = ?", (META_KEY,)).fetchone()
    return None if row is None else str(row[0])


def _truncate_wal(store: OpenStore) -> None:
    """After the kept code is deleted: no WAL frame keeps the page that held it."""
    with db_errors(store.path):
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


def _drop(store: OpenStore, reason: str) -> None:
    with store.transaction() as conn:
        forget_unconfirmed_code(conn)
        store.audit.append("recovery_code.dropped", details={"reason": reason})
    _truncate_wal(store)


def unconfirmed_recovery_code(store: OpenStore) -> str | None:
    """The kept recovery code if it still opens this store's recovery slot (audited
    ``recovery_code.shown``), else None (a stale one is dropped first)."""
    if store.closed:
        raise StoreLockedError()
    kept = _kept(store)
    if kept is None:
        return None
    try:
        entry = json.loads(kept)
        code, slot = str(entry["code"]), str(entry["slot"])
        keyslots.parse_recovery_code(code)
    except (ValueError, KeyError, TypeError, RecoveryCodeInvalidError):
        _drop(store, "unreadable")
        return None
    if slot != recovery_slot_id(keyslots.read(store.path)):
        _drop(store, "replaced")
        return None
    with store.transaction():
        store.audit.append("recovery_code.shown")
    return code


def has_unconfirmed_recovery_code(store: OpenStore) -> bool:
    """Whether a code is kept (stale or not); reads nothing else and audits nothing."""
    if store.closed:
        raise StoreLockedError()
    return _kept(store) is not None


def confirm_recovery_code(store: OpenStore) -> None:
    """ "I have written it down": wipe the kept code (audited ``recovery_code.confirmed``).
    Nothing happens when none is kept."""
    if store.closed:
        raise StoreLockedError()
    if _kept(store) is not None:
        with store.transaction() as conn:
            forget_unconfirmed_code(conn)
            store.audit.append("recovery_code.confirmed")
        _truncate_wal(store)
