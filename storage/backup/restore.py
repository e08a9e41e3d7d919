"""Restoring a backup on this or another machine, and the checks shared with verify.

``restore_backup(path, target, recovery_code, new_passphrase, *, actor, replace=False,
take_over_keyring=False) -> RestoreResult``. Every check runs before anything is written:
new passphrase long enough, recovery code well-formed, the file intact, the target folder
absent or empty (or ``replace``: then the old folder is moved aside as
``<name>.replaced-<UTC time>``, never deleted, and only if no process has it open), the
keyring free for this store id, the recovery code opening the key slots, the manifest's
MAC. Then the store is assembled in a hidden staging folder beside the target, its
database checked, :func:`storage.vault.opening.recover_store` sets the new passphrase and a new
device secret in this machine's keyring, ``backup.restore`` is audited, and the folder is
renamed into place. On any failure the staging folder is removed.

The keyring holds one device secret per store id. If it already holds one for the
backup's store (the store is set up on this machine), restoring would cut that store off
from its passphrase; that is refused unless ``take_over_keyring`` or ``replace`` of a
folder holding the same store.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storage.atomic import (
    atomic_write_bytes,
    fsync_dir,
)
from storage.backup.archive import (
    BackupDamagedError,
    BackupTamperedError,
    Container,
    extract_database,
    mac_ok,
    read_container,
)
from storage.errors import (
    QT_TRANSLATE_NOOP,
    StorageError,
    clean_untrusted,
)
from storage.vault import (
    db,
    device_key,
    keyslots,
)
from storage.vault.audit import AuditLog
from storage.vault.crypto import (
    UnwrapError,
    wipe,
)
from storage.vault.errors import (
    StoreExistsError,
    StoreFolderNotEmptyError,
    WrongRecoveryCodeError,
)
from storage.vault.lock import FILE_NAME as LOCK_FILE
from storage.vault.lock import StoreLock
from storage.vault.opening import ActorFrom, recover_store
from storage.vault.passphrase import (
    open_passphrase_slot,
    validate_new_passphrase,
)
from storage.vault.strength import passphrase_context


class KeyringEntryExistsError(StorageError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "This computer's keyring already holds the device secret of the store in this backup "
        "(it is set up here). Restoring would cut that store off from its passphrase: restore "
        "over its folder with --replace, or take the keyring entry over with "
        "--take-over-keyring.",
    )
    code = "keyring_entry_exists"


@dataclass(frozen=True)
class DbCheck:
    problems: list[str]
    version: int = 0
    head: tuple[int, str] = (0, "")
    audit_ok: bool = False
    page_size: int = 0
    cipher_version: str = ""


@dataclass(frozen=True)
class RestoreResult:
    path: Path
    store_id: str
    backup_created: str
    moved_aside: Path | None
    device_key: bool
    audit_ok: bool
    problems: tuple[str, ...] = field(default=())


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as fh:
        while chunk := fh.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def _nothing() -> contextlib.AbstractContextManager[Any]:
    return contextlib.nullcontext()


def check_database(path: Path, data_key: bytes | bytearray, store_id: str) -> DbCheck:
    """Integrity, page HMACs, store id and audit chain of a database file (a copy)."""
    try:
        conn = db.open_database(path, data_key)
    except db.WrongDataKey:
        return DbCheck(["the database does not open with its data key"])
    except db.StoreDamagedError:
        return DbCheck(["the database is damaged"])
    try:
        with db.db_errors(path.parent):
            rows = conn.execute("PRAGMA integrity_check").fetchall()
            problems = [f"integrity_check: {r[0]}" for r in rows if r[0] != "ok"][:20]
            rows = conn.execute("PRAGMA cipher_integrity_check").fetchall()
            problems += [f"cipher_integrity_check: {r[0]}" for r in rows][:20]
            row = conn.execute("SELECT value FROM meta WHERE key = 'store_id'").fetchone()
            if row is None or row[0] != store_id:
                problems.append("the database belongs to another store")
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            page_size = int(conn.execute("PRAGMA cipher_page_size").fetchone()[0])
            audit = AuditLog(conn, store_id, "", _nothing)
            result, head = audit.verify(), audit.head()
            cipher = db.cipher_version(conn)
    except db.StoreDamagedError:
        return DbCheck(["the database is damaged"])
    finally:
        conn.close()
    problems += [f"audit: {p}" for p in result.problems]
    return DbCheck(problems, version, head, result.ok, page_size, cipher)


def open_database_key(
    container: Container, *, recovery_code: str | None = None, passphrase: str | None = None
) -> bytearray:
    """The backup's data key from the recovery code (or the passphrase on the machine
    whose keyring holds the device secret). Wrong secret: a typed error, nothing written."""
    ks = keyslots.parse(container.keyslots_raw, container.path)
    if recovery_code is not None:
        code = keyslots.parse_recovery_code(recovery_code)
        try:
            kek = keyslots.open_slot(ks.store_id, ks.slot(keyslots.RECOVERY), code)
        except UnwrapError:
            raise WrongRecoveryCodeError() from None
    else:
        kek, _device = open_passphrase_slot(ks, passphrase or "")
    try:
        return keyslots.unwrap_data_key(ks.store_id, kek, ks.current)
    except UnwrapError:
        raise keyslots.KeySlotsDamagedError(path=clean_untrusted(container.path)) from None
    finally:
        wipe(kek)


def _has_secret(store_id: str) -> bool:
    try:
        device_key.load_device_secret(device_key.resolve_backend(), store_id)
    except device_key.DeviceSecretMissingError:
        return False
    return True


def _check_target(target: Path, replace: bool, store_id: str) -> bool:
    """Whether ``target`` holds a store (with ``replace``) of the same id; refusals."""
    if not target.exists():
        return False
    if not target.is_dir():
        raise StoreFolderNotEmptyError(path=clean_untrusted(target))
    if not any(target.iterdir()):
        return False
    has_store = (target / keyslots.FILE_NAME).exists() or (target / db.FILE_NAME).exists()
    if not replace:
        cls = StoreExistsError if has_store else StoreFolderNotEmptyError
        raise cls(path=clean_untrusted(target))
    if (target / LOCK_FILE).exists():
        StoreLock(target).acquire().release()  # StoreInUseError while it is open
    with contextlib.suppress(StorageError):
        return keyslots.read(target).store_id == store_id
    return False


def _move_into_place(staging: Path, target: Path, replace: bool) -> Path | None:
    aside = None
    if target.exists() and any(target.iterdir()):
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        aside = target.with_name(f"{target.name}.replaced-{stamp}")
        n = 1
        while aside.exists():
            n += 1
            aside = target.with_name(f"{target.name}.replaced-{stamp}-{n}")
        target.rename(aside)
    elif target.exists():
        target.rmdir()
    try:
        staging.rename(target)
    except OSError:
        if aside is not None:
            aside.rename(target)
        raise
    fsync_dir(target.parent)
    return aside


def restore_backup(
    path: Path,
    target: Path,
    recovery_code: str,
    new_passphrase: str,
    *,
    actor: str,
    actor_from: ActorFrom | None = None,
    replace: bool = False,
    take_over_keyring: bool = False,
    progress: Callable[[str], None] | None = None,
) -> RestoreResult:
    """Restore the backup at ``path`` as the store folder ``target`` (module docstring)."""
    validate_new_passphrase(new_passphrase, passphrase_context(actor))
    keyslots.parse_recovery_code(recovery_code)
    container = read_container(Path(path))
    manifest = container.manifest
    target = Path(target).expanduser().absolute()
    same_store = _check_target(target, replace, manifest.store_id)
    ks = keyslots.parse(container.keyslots_raw, container.path)
    uses_device = ks.slot(keyslots.PASSPHRASE).device_key
    if uses_device and _has_secret(manifest.store_id):
        if not (take_over_keyring or same_store):
            raise KeyringEntryExistsError()
    dk = open_database_key(container, recovery_code=recovery_code)
    try:
        if not mac_ok(dk, manifest):
            raise BackupTamperedError(path=clean_untrusted(container.path))
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.restore-", dir=target.parent))
        try:
            if progress:
                progress("extract")
            extract_database(container, staging / db.FILE_NAME)
            atomic_write_bytes(staging / keyslots.FILE_NAME, container.keyslots_raw)
            check = check_database(staging / db.FILE_NAME, dk, manifest.store_id)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    finally:
        wipe(dk)
    fatal = [p for p in check.problems if not p.startswith("audit:")]
    try:
        if fatal:
            raise BackupDamagedError(path=clean_untrusted(path), reason=fatal[0])
        if progress:
            progress("recover")
        store = recover_store(
            staging, recovery_code, new_passphrase, actor=actor, actor_from=actor_from
        )
        try:
            with store.transaction() as conn:
                store.audit.append(
                    "backup.restore",
                    details={
                        "backup_created": manifest.created,
                        "backup_sha256": file_sha256(container.path),
                        "audit_seq": manifest.audit_seq,
                        "audit_ok": check.audit_ok,
                    },
                )
                # writes that were in flight when the backup was made (the backup's own
                # file among them) belong to that process and that computer, not to this
                # store (storage/vault/outputs.py)
                conn.execute("DELETE FROM pending_outputs")
        finally:
            store.close()
        aside = _move_into_place(staging, target, replace)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return RestoreResult(
        target,
        manifest.store_id,
        manifest.created,
        aside,
        uses_device,
        check.audit_ok,
        tuple(check.problems),
    )
