"""Encrypted backup, verification and restore of a store (docs/backup.md).

- ``create_backup(store, out, passphrase, *, overwrite=False) -> BackupInfo`` — while the
  store is open and in use: the passphrase (with this machine's device secret) gives the
  data key; a second, read-only use of the database is copied with SQLite's online backup
  API in one step (one consistent snapshot; writers go on meanwhile, WAL) into a new
  SQLCipher file under the same data key, next to ``out``. The copy is opened and checked
  (integrity, page HMACs, store id, audit chain) before it is packed with ``keyslots.json``
  and a manifest into one file (archive.py), written with mode 0600 and audited
  ``backup.create`` before it is renamed into place. Nothing is ever written in plaintext;
  the only temporary files are encrypted, sit in ``out``'s folder and are registered in
  the store before they exist, so the next unlock finishes or removes what a kill left
  (storage/vault/outputs.py).
- ``verify_backup(path, *, recovery_code=None, passphrase=None) -> BackupReport`` —
  structure and hashes without a secret (``deep=False``); with the recovery code (or the
  passphrase on the machine that made it) also the manifest's MAC and the database.
- ``restore_backup(path, target, recovery_code, new_passphrase, *, actor, replace=False,
  take_over_keyring=False) -> RestoreResult`` — see :mod:`storage.backup.restore`.
- ``backup_due(store, today=None) -> BackupDue``, ``last_backup(store)``,
  ``set_backup_interval(store, days)`` — the "no backup for N days" reminder (default 7).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from storage.backup.archive import (
    Container,
    Manifest,
    extract_database,
    mac_ok,
    manifest_mac,
    read_container,
    write_container,
)
from storage.backup.restore import (
    check_database,
    file_sha256,
    open_database_key,
)
from storage.errors import (
    QT_TRANSLATE_NOOP,
    NotFoundError,
    StorageError,
    UtvagError,
    ValidationError,
    clean_untrusted,
)
from storage.records import validate as v
from storage.vault import (
    db,
    keyslots,
)
from storage.vault.crypto import (
    UnwrapError,
    wipe,
)
from storage.vault.errors import StoreLockedError
from storage.vault.outputs import (
    begin_output,
    discard_output,
    mark_ready,
    place_output,
)
from storage.vault.passphrase import open_passphrase_slot
from storage.vault.store import Store

__all__ = [
    "DEFAULT_INTERVAL_DAYS",
    "BackupAlreadyMadeError",
    "BackupDue",
    "BackupExistsError",
    "BackupFailedError",
    "BackupInfo",
    "BackupLocationError",
    "BackupNotFoundError",
    "BackupReport",
    "backup_due",
    "backup_interval",
    "create_backup",
    "last_backup",
    "set_backup_interval",
    "verify_backup",
]

DEFAULT_INTERVAL_DAYS = 7
INTERVAL_KEY = "backup_interval_days"


class BackupExistsError(StorageError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "The file {path} already exists; Utväg will not overwrite it. Choose a new name."
    )
    code = "backup_exists"


class BackupAlreadyMadeError(BackupExistsError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "{path} is the backup made at {at} (UTC), complete and recorded in the log; Utväg "
        "will not overwrite it. Choose a new name for a new backup.",
    )
    code = "backup_already_made"


class BackupLocationError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "A backup cannot be written to {path}: choose a folder that exists and is outside "
        "the store folder, preferably on another disk.",
    )
    code = "backup_location"


class BackupFailedError(StorageError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "The backup copy did not pass its check ({reason}); no backup was written."
    )
    code = "backup_failed"


class BackupNotFoundError(NotFoundError):
    message = QT_TRANSLATE_NOOP("Errors", "There is no backup file {path}.")
    code = "backup_not_found"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    sha256: str
    size: int
    manifest: Manifest
    audit_ok: bool  # the audit chain in the copy verified


@dataclass(frozen=True)
class BackupReport:
    path: Path
    ok: bool
    deep: bool  # a secret was given: MAC checked, database opened and checked
    problems: tuple[str, ...]
    manifest: Manifest | None


@dataclass(frozen=True)
class BackupDue:
    last_backup: str | None  # UTC time of the last ``backup.create``
    interval_days: int
    due_on: dt.date
    due: bool


@contextlib.contextmanager
def _work_dir(beside: Path) -> Iterator[Path]:
    """A private (0700) folder next to ``beside`` for an encrypted working copy."""
    path = Path(tempfile.mkdtemp(prefix=f".{beside.name}.", suffix=".tmp", dir=beside.parent))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def _snapshot(store: Store, data_key: bytearray, dest: Path) -> None:
    """Copy the live database into ``dest`` (empty, 0600) in one consistent step, through
    a connection of its own, so the store's connection (and its writers) are not held."""
    src = db.open_database(store.path / db.FILE_NAME, data_key)
    try:
        dst = sqlcipher.connect(str(dest), isolation_level=None, check_same_thread=False)
        literal = db.key_literal(data_key)
        try:
            dst.set_key(literal)
        finally:
            wipe(literal)
        try:
            with db.db_errors(dest.parent):
                src.backup(dst)  # pages=-1: the whole database under one read snapshot
        finally:
            dst.close()
    finally:
        src.close()


def _data_key(store: Store, passphrase: str, slots_raw: bytes) -> bytearray:
    ks = keyslots.parse(slots_raw, store.path / keyslots.FILE_NAME)
    kek, _device = open_passphrase_slot(ks, passphrase)  # WrongPassphraseError: not counted
    try:
        return keyslots.unwrap_data_key(ks.store_id, kek, ks.current)
    except UnwrapError:
        raise keyslots.KeySlotsDamagedError(path=clean_untrusted(store.path)) from None
    finally:
        wipe(kek)


def _check_target(store: Store, out: Path, overwrite: bool) -> Path:
    target = Path(out).expanduser().absolute()
    home = store.path.absolute()
    if not target.parent.is_dir() or target.parent == home or home in target.parents:
        raise BackupLocationError(path=clean_untrusted(target))
    if target.exists() and (not overwrite or not target.is_file()):
        raise BackupExistsError(path=clean_untrusted(target))
    return target


def create_backup(
    store: Store, out: Path, passphrase: str, *, overwrite: bool = False
) -> BackupInfo:
    """Write an encrypted backup of the open ``store`` to ``out`` (see the module doc).

    Crash-safe (storage/vault/outputs.py): the working copy and the file's temp are
    registered before they exist; ``backup.create`` is audited in the transaction that marks
    the finished file as owed, then it is renamed into place. A kill before that commit
    leaves nothing (the next unlock removes the temp files); after it, the next unlock puts
    the backup in place. Run again for the same ``out`` then, :class:`BackupAlreadyMadeError`
    says that this file is the backup recorded at that time.
    """
    if store.closed:
        raise StoreLockedError()
    target = Path(out).expanduser().absolute()
    try:
        slots_raw = (store.path / keyslots.FILE_NAME).read_bytes()
    except OSError as exc:
        raise StorageError() from exc
    dk = _data_key(store, passphrase, slots_raw)  # a wrong passphrase refuses first
    try:
        if not overwrite:
            _refuse_recorded_backup(store, target)
        target = _check_target(store, out, overwrite)
        container = begin_output(store, target, "backup", overwrite=overwrite)
        try:
            manifest, check = _write_copy(store, dk, slots_raw, target, container.temp)
            read_container(container.temp)  # what was written reads back, hashes included
            sha256, size = file_sha256(container.temp), container.temp.stat().st_size
            info = BackupInfo(target, sha256, size, manifest, check.audit_ok)
            with store.transaction():
                store.audit.append(
                    "backup.create",
                    details={
                        "file": clean_untrusted(target.name),
                        "sha256": sha256,
                        "size": size,
                        "audit_seq": check.head[0],
                        "schema": check.version,
                        "audit_ok": check.audit_ok,
                    },
                )
                mark_ready(store, container, sha256, size)
        except BaseException:
            discard_output(store, container)
            raise
    finally:
        wipe(dk)
    place_output(store, container)
    return info


def _write_copy(
    store: Store, dk: bytearray, slots_raw: bytes, target: Path, temp: Path
) -> tuple[Manifest, Any]:
    """Snapshot, check and pack the store into ``temp``; the copy's working folder is
    registered too (an encrypted database copy must not outlive a kill)."""
    work = begin_output(store, None, "backup-copy", folder=True, beside=target)
    try:
        tmp = work.temp / db.FILE_NAME
        db.create_database_file(tmp)
        _snapshot(store, dk, tmp)
        check = check_database(tmp, dk, store.store_id)
        fatal = [p for p in check.problems if not p.startswith("audit:")]
        if fatal:
            raise BackupFailedError(reason=clean_untrusted(fatal[0]))
        members = {
            keyslots.FILE_NAME: (len(slots_raw), hashlib.sha256(slots_raw).hexdigest()),
            db.FILE_NAME: (tmp.stat().st_size, file_sha256(tmp)),
        }
        draft = Manifest(
            store.store_id,
            dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            check.version,
            check.head[0],
            check.head[1],
            check.cipher_version,
            check.page_size,
            members,
            "",
        )
        manifest = replace(draft, mac=manifest_mac(dk, draft.body()))
        write_container(temp, manifest.to_bytes(), slots_raw, tmp)
    finally:
        discard_output(store, work)
    return manifest, check


def _refuse_recorded_backup(store: Store, target: Path) -> None:
    """``target`` is the backup the log last recorded under that name, intact (e.g. made by
    a run that was killed after its commit and placed at the next unlock): say so. Never
    "resumed" as a success — a nightly script reusing a name must not believe it made a
    new backup."""
    if not target.is_file():
        return
    for entry in reversed(store.audit.entries(action="backup.create")):
        if entry.details.get("file") != clean_untrusted(target.name):
            continue
        try:
            if file_sha256(target) != entry.details.get("sha256"):
                return
            read_container(target)
        except (OSError, UtvagError):
            return
        raise BackupAlreadyMadeError(path=clean_untrusted(target), at=entry.ts[:19])


def verify_backup(
    path: Path, *, recovery_code: str | None = None, passphrase: str | None = None
) -> BackupReport:
    """Check a backup file; deep when a secret is given (wrong secret: typed error)."""
    path = Path(path)
    if not path.is_file():
        raise BackupNotFoundError(path=clean_untrusted(path))
    container = read_container(path)
    if recovery_code is None and passphrase is None:
        return BackupReport(path, True, False, (), container.manifest)
    dk = open_database_key(container, recovery_code=recovery_code, passphrase=passphrase)
    try:
        return _deep_check(container, dk)
    finally:
        wipe(dk)


def _deep_check(container: Container, dk: bytearray) -> BackupReport:
    m = container.manifest
    if not mac_ok(dk, m):
        return BackupReport(container.path, False, True, ("manifest MAC mismatch",), m)
    with _work_dir(container.path) as work:
        extract_database(container, work / db.FILE_NAME)
        check = check_database(work / db.FILE_NAME, dk, m.store_id)
    problems = list(check.problems)
    if check.version != m.schema_version:
        problems.append("schema version differs from the manifest")
    if check.head != (m.audit_seq, m.audit_hash):
        problems.append("audit head differs from the manifest")
    return BackupReport(container.path, not problems, True, tuple(problems), m)


# ---------------------------------------------------------------- reminder


def backup_interval(store: Store) -> int:
    row = store.conn.execute("SELECT value FROM meta WHERE key = ?", (INTERVAL_KEY,)).fetchone()
    try:
        return int(row[0]) if row else DEFAULT_INTERVAL_DAYS
    except ValueError:
        return DEFAULT_INTERVAL_DAYS


def set_backup_interval(store: Store, days: int) -> None:
    """How many days without a backup before the reminder (1..365); audited."""
    value = v.integer("interval_days", days, low=1, high=365)
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (INTERVAL_KEY, str(value)),
        )
        store.audit.append("backup.interval", details={"days": value})


def last_backup(store: Store) -> str | None:
    """UTC time of the last backup made of this store (from the audit log), or None."""
    row = store.conn.execute(
        "SELECT ts FROM audit_log WHERE action = 'backup.create' ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    return None if row is None else str(row[0])


def backup_due(store: Store, today: dt.date | None = None) -> BackupDue:
    """Due when the last backup (or, never backed up, the store's creation) is
    ``interval`` days ago or more."""
    day = today or dt.datetime.now(dt.UTC).date()
    days = backup_interval(store)
    last = last_backup(store)
    if last is None:
        row = store.conn.execute("SELECT value FROM meta WHERE key = 'created'").fetchone()
        since = dt.date.fromisoformat(str(row[0])[:10]) if row else day
    else:
        since = dt.date.fromisoformat(last[:10])
    due_on = since + dt.timedelta(days=days)
    return BackupDue(last, days, due_on, day >= due_on)
