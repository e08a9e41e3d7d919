"""The unlocked :class:`Store`: transactions, closing, passphrase change, rekey, check.

:mod:`storage.vault.opening` creates, unlocks and recovers stores; the errors of both are in
:mod:`storage.vault.errors`.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from storage.errors import (
    StorageError,
    UtvagError,
    clean_untrusted,
)
from storage.vault import (
    db,
    keyslots,
)
from storage.vault.audit import (
    AuditLog,
    AuditVerifyResult,
)
from storage.vault.crypto import (
    random_key,
    wipe,
)
from storage.vault.db import (
    Connection,
    StoreDamagedError,
    db_errors,
    map_db_error,
)
from storage.vault.errors import (
    StoreLockedError,
    StoreNotFoundError,
)
from storage.vault.keyslots import (
    PASSPHRASE,
    RECOVERY,
    KeySlotFile,
)
from storage.vault.lock import StoreLock
from storage.vault.passphrase import (
    open_passphrase_slot,
    validate_new_passphrase,
)
from storage.vault.strength import passphrase_context
from storage.vault.unconfirmed_code import (
    forget_unconfirmed_code,
    keep_unconfirmed_code,
)


@dataclass(frozen=True)
class CheckReport:
    ok: bool
    problems: list[str]
    audit: AuditVerifyResult | None = None
    schema_version: int | None = None
    settings: dict[str, Any] = field(default_factory=dict)


AUDITED_SLOTS = "keyslots_audited"  # meta: fingerprint of the key slots the log last named


def set_audited_slots(conn: Connection, fingerprint: str) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (AUDITED_SLOTS, fingerprint)
    )


def _require_store(path: Path) -> None:
    if not (path / keyslots.FILE_NAME).is_file():
        raise StoreNotFoundError(path=clean_untrusted(path))


def _require_db(path: Path) -> None:
    if not (path / db.FILE_NAME).is_file():
        raise StoreDamagedError(path=clean_untrusted(path))


class Store:
    """An unlocked store. Holds no key material: SQLCipher keeps the data key inside."""

    def __init__(self, path: Path, store_id: str, actor: str, conn: Connection, lock: StoreLock):
        self.path = path
        self.store_id = store_id
        self.actor = actor
        self.conn = conn
        self._lock = lock
        self._tx_lock = threading.RLock()
        self._tx_depth = 0
        self._flat = False  # inside all_or_nothing(): nested transactions take no savepoint
        #: Inside all_or_nothing(): the cases created in it (a bulk import's). Such a case has
        #: no team state yet (nobody can have shared, ended or handed it over), so the team
        #: checks of storage/team/guard.py and capture.py skip their lookups for it.
        self.new_cases: set[int] | None = None
        self._closed = False
        self.audit = AuditLog(conn, store_id, actor, self.transaction)

    def act_as(self, actor: str) -> None:
        """Who works from now on: the audit log's actor, and author of what is written."""
        self.actor = actor
        self.audit.actor = actor

    # ------------------------------------------------------------ transactions, lock

    @property
    def closed(self) -> bool:
        return self._closed

    @contextlib.contextmanager
    def all_or_nothing(self) -> Iterator[Connection]:
        """One transaction in which nested ``transaction()`` calls take no SAVEPOINTs: any
        error anywhere inside rolls the whole of it back (a bulk import, where a partial
        undo is never wanted; a SAVEPOINT and its RELEASE per record were a third of the
        statements). The audit chain's head is written to meta once, at its end, instead of
        after every entry (the entries and their hashes are the same). Only at the outermost
        level; inside another transaction it is an ordinary nested one."""
        with self._tx_lock:
            if self._flat or self._tx_depth:  # inside another: that one decides
                with self.transaction() as conn:
                    yield conn
                return
            with self.transaction() as conn:
                self._flat = True
                self.new_cases = set()
                self.audit.begin_bulk()
                try:
                    yield conn
                    self.audit.end_bulk(write=True)  # the chain's head, once, before COMMIT
                finally:
                    self.audit.end_bulk(write=False)
                    self._flat = False
                    self.new_cases = None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        """BEGIN IMMEDIATE ... COMMIT (ROLLBACK on error); nested calls use SAVEPOINTs
        (none inside :meth:`all_or_nothing`: the outer transaction undoes everything)."""
        with self._tx_lock:
            if self._closed:
                raise StoreLockedError()
            if self._flat:
                self._tx_depth += 1
                try:
                    yield self.conn
                finally:
                    self._tx_depth -= 1
                return
            conn, depth = self.conn, self._tx_depth
            name = f"utvag_sp_{depth}"
            with db_errors(self.path):
                conn.execute("BEGIN IMMEDIATE" if depth == 0 else f"SAVEPOINT {name}")
            self._tx_depth += 1
            try:
                yield conn
            except BaseException as exc:
                self._tx_depth -= 1
                with contextlib.suppress(Exception):
                    if depth == 0:
                        conn.execute("ROLLBACK")
                    else:
                        conn.execute(f"ROLLBACK TO {name}")
                        conn.execute(f"RELEASE {name}")
                mapped = None
                if isinstance(exc, db.SQLError) or (
                    isinstance(exc, OSError) and exc.errno in db.DISK_FULL_ERRNOS
                ):
                    mapped = map_db_error(exc, self.path)
                if mapped is not None:
                    raise mapped from exc
                raise
            self._tx_depth -= 1
            try:
                with db_errors(self.path):
                    conn.execute("COMMIT" if depth == 0 else f"RELEASE {name}")
            except BaseException:
                if depth == 0 and conn.in_transaction:
                    with contextlib.suppress(Exception):
                        conn.execute("ROLLBACK")
                raise

    def close(self) -> None:
        """Lock: audit "lock", close the database (SQLCipher wipes its key), release the lock."""
        with self._tx_lock:
            if self._closed:
                return
            try:
                if self._tx_depth == 0:
                    self.audit.append("lock")
            finally:
                self._closed = True
                with contextlib.suppress(Exception):
                    self.conn.close()
                self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            self.close()
        else:
            with contextlib.suppress(UtvagError):
                self.close()

    @property
    def schema_version(self) -> int:
        # storage.schema.current_version, read here without importing every schema step
        # (and what they import): the start-up imports this module (issue 17).
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    # ------------------------------------------------------------ key-slot changes, audited

    def write_key_change(
        self,
        action: str,
        new: KeySlotFile,
        details: dict[str, Any] | None = None,
        also: Callable[[Connection], None] | None = None,
    ) -> None:
        """Audit first, then replace keyslots.json (docs/store.md, "Key changes and the log").

        The entry names the new slots' fingerprint and commits before the file is replaced:
        a full disk refuses before anything changed, and a kill after the rename cannot leave
        a change without its entry. A kill between the two leaves an entry for a change that
        did not happen; :meth:`reconcile_key_slots` says so in the log at the next unlock.
        ``also(conn)`` runs in the same transaction (a rekey keeps or drops the recovery code).
        """
        fingerprint = new.fingerprint()
        with self.transaction() as conn:
            self.audit.append(action, details={**(details or {}), "slots": fingerprint})
            set_audited_slots(conn, fingerprint)
            if also is not None:
                also(conn)
        try:
            keyslots.write(self.path, new)
        except BaseException:
            with contextlib.suppress(Exception):
                self.reconcile_key_slots(keyslots.read(self.path))
            raise

    def reconcile_key_slots(self, ks: KeySlotFile) -> None:
        """A logged key change that never reached keyslots.json gets `key_change_not_applied`."""
        found = ks.fingerprint()
        with db_errors(self.path):
            row = self.conn.execute(
                "SELECT value FROM meta WHERE key = ?", (AUDITED_SLOTS,)
            ).fetchone()
        if row is not None and row[0] == found:
            return
        with self.transaction() as conn:
            if row is not None:
                details = {"expected": row[0], "found": found}
                self.audit.append("key_change_not_applied", details=details)
            set_audited_slots(conn, found)

    # ------------------------------------------------------------ key operations

    def _check_open(self) -> None:
        if self._closed:
            raise StoreLockedError()

    def change_passphrase(self, old: str, new: str) -> None:
        """Rewrap the KEK under a new passphrase slot; the database is not re-encrypted."""
        self._check_open()
        validate_new_passphrase(new, passphrase_context(self.actor))
        ks = keyslots.read(self.path)
        kek, device = open_passphrase_slot(ks, old)
        try:
            slot = ks.slot(PASSPHRASE)
            new_slot = keyslots.make_slot(
                ks.store_id,
                PASSPHRASE,
                kek,
                new,
                slot.kdf,
                device_secret=device,
                device_key_id=slot.device_key_id,
            )
        finally:
            wipe(kek)
        self.write_key_change("passphrase_change", ks.with_slot(new_slot))

    def rekey(self, passphrase: str, *, keep_code_unconfirmed: bool = False) -> str:
        """Rotate the data key and the KEK; returns the new recovery code (display form).

        ``keep_code_unconfirmed`` (the desktop client) keeps the new code inside the store
        until it is confirmed (storage/vault/unconfirmed_code.py), in the transaction of the
        ``rekey`` entry; otherwise (the command line prints it) a kept code is dropped there.
        """
        state = self._rekey_begin(passphrase)
        try:
            self._rekey_reencrypt(state)
            return self._rekey_finish(state, passphrase, keep_code_unconfirmed)
        finally:
            state.wipe()

    def _rekey_begin(self, passphrase: str) -> _Rekey:
        """Step 1: keyslots.json gets ``pending`` = new DK wrapped under the current KEK."""
        self._check_open()
        ks = keyslots.read(self.path)
        kek, device = open_passphrase_slot(ks, passphrase)
        new_dk = random_key()
        pending = keyslots.wrap_data_key(ks.store_id, kek, new_dk)
        keyslots.write(self.path, replace(ks, pending=pending))
        return _Rekey(kek, new_dk, device)

    def _rekey_reencrypt(self, state: _Rekey) -> None:
        """Step 2: every page re-encrypted under the new DK (one transaction), WAL truncated."""
        with self._tx_lock:
            if self._tx_depth:
                raise StorageError()
            try:
                db.rekey_database(self.conn, state.new_dk, self.path / db.FILE_NAME)
            except BaseException as exc:
                if self._reconnect_after_failed_rekey(state):
                    return  # the re-encryption did commit before the error: step 3 follows
                if isinstance(exc, UtvagError):
                    raise
                raise (map_db_error(exc, self.path) or StorageError()) from exc

    def _reconnect_after_failed_rekey(self, state: _Rekey) -> bool:
        """After a failed ``sqlite3_rekey`` (a full disk) the connection no longer reads the
        file; open it again with the key it needs now: the old one when the re-encryption
        rolled back (False), the new one when it committed (True)."""
        broken = self.conn
        try:
            ks = keyslots.read(self.path)
            old_dk = keyslots.unwrap_data_key(ks.store_id, state.kek, ks.current)
            try:
                # The new connection opens while the broken one is still open, so closing
                # the broken one is not the last close and runs no WAL checkpoint.
                for dk, is_new in ((old_dk, False), (state.new_dk, True)):
                    try:
                        conn = db.open_database(self.path / db.FILE_NAME, dk)
                    except db.WrongDataKey:
                        continue
                    self.conn = conn
                    self.audit = AuditLog(conn, self.store_id, self.actor, self.transaction)
                    if not is_new:  # step 1 undone; if this fails too, unlock drops it
                        with contextlib.suppress(UtvagError):
                            keyslots.write(self.path, replace(ks, pending=None))
                    return is_new
            finally:
                wipe(old_dk)
            raise StoreDamagedError(path=clean_untrusted(self.path))
        except BaseException:
            self._closed = True  # unusable here; unlock decides (current, then pending)
            self._lock.release()
            raise
        finally:
            with contextlib.suppress(Exception):
                broken.close()

    def _rekey_finish(self, state: _Rekey, passphrase: str, keep_code: bool) -> str:
        """Step 3: a new KEK wraps the new DK; new passphrase and recovery slots; no pending."""
        ks = keyslots.read(self.path)
        new_kek = random_key()
        try:
            code, code_bytes = keyslots.generate_recovery_code()
            pslot, rslot = ks.slot(PASSPHRASE), ks.slot(RECOVERY)
            slots = (
                keyslots.make_slot(
                    ks.store_id,
                    PASSPHRASE,
                    new_kek,
                    passphrase,
                    pslot.kdf,
                    device_secret=state.device,
                    device_key_id=pslot.device_key_id,
                ),
                keyslots.make_slot(ks.store_id, RECOVERY, new_kek, code_bytes, rslot.kdf),
            )
            current = keyslots.wrap_data_key(ks.store_id, new_kek, state.new_dk)
        finally:
            wipe(new_kek)
        # Token slots wrap the KEK this rekey retires: they are removed (add the card again).
        final = replace(ks, slots=slots, current=current, pending=None, tokens=())
        details: dict[str, Any] = {"recovery_code": "renewed", "kept_until_confirmed": keep_code}
        if ks.tokens:
            details["token_slots_removed"] = len(ks.tokens)

        def code_entry(conn: Connection) -> None:
            if keep_code:
                keep_unconfirmed_code(conn, code, final)
            else:
                forget_unconfirmed_code(conn)

        self.write_key_change("rekey", final, details, code_entry)
        return code

    # ------------------------------------------------------------ checks

    def check(self) -> CheckReport:
        """SQLite and SQLCipher integrity checks, the audit chain, key slots, permissions."""
        self._check_open()
        problems: list[str] = []
        with self._tx_lock, db_errors(self.path):
            rows = self.conn.execute("PRAGMA integrity_check").fetchall()
            problems += [f"integrity_check: {r[0]}" for r in rows if r[0] != "ok"][:20]
            rows = self.conn.execute("PRAGMA cipher_integrity_check").fetchall()
            problems += [f"cipher_integrity_check: {r[0]}" for r in rows][:20]
            audit = self.audit.verify()
            settings = db.settings(self.conn)
        problems += [f"audit: {p}" for p in audit.problems]
        try:
            ks = keyslots.read(self.path)
            if ks.store_id != self.store_id:
                problems.append("keyslots.json belongs to another store")
            if ks.pending is not None:
                problems.append("keyslots.json has an unfinished data key rotation")
        except UtvagError as exc:
            problems.append(f"keyslots.json: {exc}")
        problems += _permission_problems(self.path)
        return CheckReport(not problems, problems, audit, self.schema_version, settings)


@dataclass
class _Rekey:
    kek: bytearray
    new_dk: bytearray
    device: bytes | None

    def wipe(self) -> None:
        wipe(self.kek)
        wipe(self.new_dk)


def _permission_problems(path: Path) -> list[str]:
    if os.name != "posix":
        return []
    problems = []
    if path.stat().st_mode & 0o077:
        problems.append(f"the store folder is accessible to other users ({path})")
    for child in sorted(path.iterdir()):
        if child.is_file() and child.stat().st_mode & 0o077:
            problems.append(f"{child.name} is readable by other users")
    return problems
