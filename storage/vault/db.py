"""The SQLCipher 4 connection: raw 256-bit key, deliberate pragmas, typed errors.

The key is handed to SQLCipher through ``sqlite3_key`` (``Connection.set_key``) as the
raw-key literal ``x'<64 hex>'`` built in a ``bytearray`` that is wiped right after, so it
never becomes a Python ``str`` nor sits in the statement cache. SQLCipher copies it into
its codec context, which it wipes when the connection closes.

Pragmas (docs/store.md has the reasons and the measured costs):
- ``cipher_memory_security`` stays OFF (process-wide; measured and decided in
  docs/store.md): it costs 3.5-5x on statement-heavy work and cannot clean the decrypted
  copies the Python layer itself holds;
- ``cipher_log_level = NONE``: SQLCipher must not print to stderr (one-line errors);
- ``journal_mode = WAL``, ``synchronous = FULL``: a committed change survives power loss;
- ``foreign_keys = ON``; ``secure_delete = ON``: deleted records are overwritten, so a
  leaked data key later does not reveal weeded (gallrad) data from free pages;
- ``temp_store = MEMORY``: sorts and temp tables never go to temp files;
- ``trusted_schema = OFF``: no SQL functions with side effects from schema objects;
- ``cache_size = -65536`` (64 MiB): every page read from disk must be decrypted and its
  HMAC checked, so a larger page cache is what keeps reads close to plain SQLite.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeAlias

import sqlcipher3.dbapi2 as sqlcipher

from storage.errors import (
    QT_TRANSLATE_NOOP,
    DiskFullError,
    StorageError,
    UtvagError,
    clean_untrusted,
)
from storage.vault.crypto import wipe

FILE_NAME = "store.db"
SIDE_FILES = ("-wal", "-shm", "-journal")
#: ``sqlcipher3.dbapi2.Connection`` (the package ships no type hints).
Connection: TypeAlias = Any

#: The exceptions SQLCipher raises (for callers that map them).
SQLError = sqlcipher.Error
DISK_FULL_ERRNOS = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)

SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_NOTADB = 26

PRAGMAS: tuple[tuple[str, str], ...] = (
    ("journal_mode", "WAL"),
    ("synchronous", "FULL"),
    ("foreign_keys", "ON"),
    ("secure_delete", "ON"),
    ("temp_store", "MEMORY"),
    ("trusted_schema", "OFF"),
    ("cache_size", "-65536"),
)

_HEX = b"0123456789abcdef"
_process_setup_lock = threading.Lock()
_process_setup_done: set[bool] = set()


class StoreDamagedError(StorageError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The store database in {path} is damaged or does not belong to its key slots. "
        "Nothing was changed; restore the store from a backup.",
    )
    code = "store_damaged"


class SQLCipherMissingError(StorageError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Utväg needs SQLCipher 4 but found {found}. Reinstall Utväg.",
    )
    code = "sqlcipher_missing"


class WrongDataKey(Exception):
    """Internal: the database does not open with this data key."""


def map_db_error(exc: BaseException, path: Path | None = None) -> UtvagError | None:
    """The typed error for a disk-full, damaged or I/O failure; ``None`` for the rest."""
    if isinstance(exc, OSError):
        if exc.errno in DISK_FULL_ERRNOS:
            return DiskFullError()
        return StorageError()
    if not isinstance(exc, sqlcipher.Error):
        return None
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary == SQLITE_FULL or "disk is full" in str(exc):
        return DiskFullError()
    if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return StoreDamagedError(path=clean_untrusted(path or "?"))
    if primary == 10 or (primary is None and "disk I/O error" in str(exc)):  # SQLITE_IOERR
        # SQLite reports ENOSPC met while it sizes its -shm file as a plain I/O error.
        return DiskFullError() if _nearly_full(path) else StorageError()
    return None


_NEARLY_FULL = 1024 * 1024


def _nearly_full(path: Path | None) -> bool:
    """True when the filesystem holding ``path`` has less than a megabyte free."""
    if path is None:
        return False
    try:
        return shutil.disk_usage(path).free < _NEARLY_FULL
    except OSError:
        return False


@contextlib.contextmanager
def db_errors(path: Path | None = None) -> Iterator[None]:
    """Turn disk-full / damage / I/O errors from SQLCipher into typed errors."""
    try:
        yield
    except (sqlcipher.Error, OSError) as exc:
        mapped = map_db_error(exc, path)
        if mapped is None:
            raise
        raise mapped from exc


def key_literal(key: bytes | bytearray) -> bytearray:
    """SQLCipher's raw-key form ``x'<hex>'`` in a wipeable buffer."""
    out = bytearray(b"x'")
    for byte in key:
        out.append(_HEX[byte >> 4])
        out.append(_HEX[byte & 15])
    out.append(ord("'"))
    return out


def setup_process(*, memory_security: bool = False) -> None:
    """Process-wide SQLCipher settings, once, before the first keyed connection."""
    with _process_setup_lock:
        if _process_setup_done:
            return
        probe = sqlcipher.connect(":memory:")
        try:
            version = str(probe.execute("PRAGMA cipher_version").fetchone()[0] or "")
            if not version.startswith("4."):
                raise SQLCipherMissingError(found=clean_untrusted(version or "plain SQLite"))
            probe.execute("PRAGMA cipher_log_level = NONE")
            if memory_security:
                probe.execute("PRAGMA cipher_memory_security = ON")
        finally:
            probe.close()
        _process_setup_done.add(True)


def cipher_version(conn: Connection) -> str:
    return str(conn.execute("PRAGMA cipher_version").fetchone()[0])


def create_database_file(path: Path) -> None:
    """An empty file with mode 0600 (SQLite gives -wal/-shm the same mode)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    os.close(fd)


def open_database(path: Path, data_key: bytes | bytearray) -> Connection:
    """Open (or, for an empty file, start) the database with the raw data key.

    Raises :class:`WrongDataKey` when the key does not fit, :class:`StoreDamagedError`
    when the file is damaged, typed storage errors for disk problems.
    """
    setup_process()
    try:
        conn = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False)
    except sqlcipher.Error as exc:
        raise map_db_error(exc, path.parent) or StorageError() from exc
    literal = key_literal(data_key)
    try:
        conn.set_key(literal)  # sqlite3_key: the first operation on the connection
    finally:
        wipe(literal)
    try:
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher.DatabaseError as exc:
            if getattr(exc, "sqlite_errorcode", None) == SQLITE_NOTADB:
                raise WrongDataKey() from None
            raise map_db_error(exc, path.parent) or exc from exc
        version = cipher_version(conn)
        if not version.startswith("4."):
            raise SQLCipherMissingError(found=clean_untrusted(version))
        with db_errors(path.parent):
            for name, value in PRAGMAS:
                conn.execute(f"PRAGMA {name} = {value}")
            mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
            if str(mode).lower() != "wal":
                raise StorageError()
    except BaseException:
        conn.close()
        raise
    return conn


def rekey_database(conn: Connection, new_key: bytes | bytearray, path: Path) -> None:
    """Re-encrypt every page under ``new_key`` in one transaction (``sqlite3_rekey``).

    In WAL mode the re-encrypted pages are committed to the WAL, so a crash leaves either
    the old or the new key valid, never a mix; the checkpoint then writes them into the
    main file and truncates the WAL (no frames under the old key remain).
    """
    literal = key_literal(new_key)
    try:
        with db_errors(path.parent):
            conn.reset_key(literal)
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        wipe(literal)


def settings(conn: Connection) -> dict[str, Any]:
    """The pragmas as the connection reports them (for ``status`` and tests)."""
    names = [n for n, _ in PRAGMAS] + ["cipher_memory_security", "cipher_page_size"]
    return {n: conn.execute(f"PRAGMA {n}").fetchone()[0] for n in names}
