"""Staging: decrypted bundle members kept in chunks inside the encrypted store.

Between :func:`sync.bundle.open_bundle` and the import, members live in the table
``sync_staging`` (schema v003) as chunks of :data:`CHUNK_BYTES`, keyed by a random session
id, member index and chunk index. Decrypted data therefore never touches disk outside
SQLCipher (``temp_store = MEMORY``; the WAL is encrypted like the database). A failed open
rolls its staging back with its transaction; a finished one is removed by
``OpenedBundle.commit_seen`` or ``discard``; :func:`purge_staging` clears leftovers
(e.g. after a crash) and is meant to be called after unlocking.
"""

from __future__ import annotations

import io
import uuid
from typing import Any

CHUNK_BYTES = 1024 * 1024


def new_session() -> str:
    return uuid.uuid4().hex


class StagingWriter:
    """Buffers one member's data and inserts it chunk by chunk (memory: one chunk)."""

    def __init__(self, store: Any, session: str, member: int) -> None:
        self._conn = store.conn
        self._session = session
        self._member = member
        self._chunk = 0
        self._buf = bytearray()

    def write(self, data: bytes | memoryview) -> None:
        self._buf += data
        while len(self._buf) >= CHUNK_BYTES:
            self._insert(bytes(self._buf[:CHUNK_BYTES]))
            del self._buf[:CHUNK_BYTES]

    def close(self) -> None:
        if self._buf or self._chunk == 0:
            self._insert(bytes(self._buf))
            self._buf.clear()

    def _insert(self, data: bytes) -> None:
        self._conn.execute(
            "INSERT INTO sync_staging (session, member, chunk, data) VALUES (?, ?, ?, ?)",
            (self._session, self._member, self._chunk, data),
        )
        self._chunk += 1


class StagedReader(io.RawIOBase):
    """Reads one staged member back, one chunk in memory at a time."""

    def __init__(self, store: Any, session: str, member: int) -> None:
        super().__init__()
        self._conn = store.conn
        self._session = session
        self._member = member
        self._chunk = 0
        self._data = b""
        self._pos = 0
        self._eof = False

    def readable(self) -> bool:
        return True

    def _next_chunk(self) -> None:
        row = self._conn.execute(
            "SELECT data FROM sync_staging WHERE session = ? AND member = ? AND chunk = ?",
            (self._session, self._member, self._chunk),
        ).fetchone()
        if row is None:
            self._eof, self._data = True, b""
        else:
            self._data, self._chunk = bytes(row[0]), self._chunk + 1
        self._pos = 0

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        while self._pos >= len(self._data) and not self._eof:
            self._next_chunk()
        n = min(len(view), len(self._data) - self._pos)
        view[:n] = self._data[self._pos : self._pos + n]
        self._pos += n
        return n


def delete_session(store: Any, session: str) -> None:
    store.conn.execute("DELETE FROM sync_staging WHERE session = ?", (session,))


def purge_staging(store: Any) -> int:
    """Remove every staged chunk (after a crash); returns the number of chunks removed."""
    with store.transaction():
        cur = store.conn.execute("DELETE FROM sync_staging")
        return int(cur.rowcount)
