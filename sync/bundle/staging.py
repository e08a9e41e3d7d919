"""Staging: decrypted bundle members, encrypted again under a key that never leaves memory.

Between :func:`sync.bundle.open_bundle` and the import, each member waits in a file of its
own in the store folder, ``.staging-<session>-<member>.tmp`` (0600, in the 0700 folder),
as a sequence of chunks sealed with ChaCha20-Poly1305 under a random 256-bit key held only
by the :class:`StagingSession` object. Decrypted data therefore never touches disk in the
clear, and a staged file is unreadable once the process ends: after a crash the files are
noise, removed at the next unlock (``storage.atomic.remove_stale_temp_files``) or by
:func:`purge_staging`.

Chunk record: ``u32 length (big-endian) ‖ ciphertext``; nonce ``u32 member ‖ u64 chunk``
(unique under the session's key); associated data one byte, 1 for the last chunk and 0
otherwise, so a truncated, reordered or swapped file fails to decrypt. Writing needs no
fsync: the files live only as long as the opened bundle.

This replaced staging inside SQLCipher (table ``sync_staging``, still in schema step 3 and
no longer written), which cost a WAL write, a checkpoint and a secure delete of every byte.
"""

from __future__ import annotations

import contextlib
import io
import os
import uuid
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from storage.atomic import (
    PRIVATE_FILE_MODE,
    remove_stale_temp_files,
)
from sync.bundle.errors import (
    BundleReadError,
    StagedMemberError,
)

CHUNK_BYTES = 1024 * 1024
_LEN = 4
_PREFIX = ".staging-"
_SUFFIX = ".tmp"


class StagingSession:
    """The staged members of one opened bundle and the key that reads them."""

    def __init__(self, store_dir: Path) -> None:
        self.id = uuid.uuid4().hex
        self.folder = Path(store_dir)
        self._aead: ChaCha20Poly1305 | None = ChaCha20Poly1305(os.urandom(32))

    def path(self, member: int) -> Path:
        return self.folder / f"{_PREFIX}{self.id}-{member}{_SUFFIX}"

    def aead(self, name: str) -> ChaCha20Poly1305:
        if self._aead is None:
            raise StagedMemberError(name=name)
        return self._aead

    def writer(self, member: int) -> StagingWriter:
        return StagingWriter(self, member)

    def reader(self, member: int, name: str) -> BinaryIO:
        return io.BufferedReader(StagedReader(self, member, name), CHUNK_BYTES)

    def delete(self) -> None:
        """Remove this session's files and forget its key (safe to call again)."""
        self._aead = None
        remove_stale_temp_files(self.folder, f"{_PREFIX}{self.id}-*{_SUFFIX}")


def _nonce(member: int, chunk: int) -> bytes:
    return member.to_bytes(4, "big") + chunk.to_bytes(8, "big")


class StagingWriter:
    """Buffers one member's data and seals it chunk by chunk (memory: one chunk)."""

    def __init__(self, session: StagingSession, member: int) -> None:
        self._aead = session.aead("*")
        self._member = member
        self._chunk = 0
        self._buf = bytearray(CHUNK_BYTES)  # one buffer, reused: no allocation per chunk
        self._fill = 0
        path = session.path(member)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
        self._file = os.fdopen(fd, "wb")

    def write(self, data: bytes | memoryview) -> None:
        view = memoryview(data).cast("B")
        while view:
            if not self._fill and len(view) >= CHUNK_BYTES:  # a whole chunk: no copy
                self._seal(view[:CHUNK_BYTES], last=False)
                view = view[CHUNK_BYTES:]
                continue
            take = min(len(view), CHUNK_BYTES - self._fill)
            self._buf[self._fill : self._fill + take] = view[:take]
            self._fill += take
            view = view[take:]
            if self._fill == CHUNK_BYTES:
                self._seal(self._buf, last=False)
                self._fill = 0

    def close(self) -> None:
        """Seal the rest as the last chunk (empty for an empty or chunk-aligned member)."""
        try:
            self._seal(memoryview(self._buf)[: self._fill], last=True)
        finally:
            self._wipe()
            self._file.close()

    def abort(self) -> None:
        self._wipe()
        with contextlib.suppress(OSError):
            self._file.close()

    def _wipe(self) -> None:
        self._buf[:] = bytes(len(self._buf))  # the last plaintext chunk
        self._fill = 0

    def _seal(self, data: bytes | bytearray | memoryview, *, last: bool) -> None:
        sealed = self._aead.encrypt(_nonce(self._member, self._chunk), data, bytes([last]))
        self._file.write(len(sealed).to_bytes(_LEN, "big"))
        self._file.write(sealed)
        self._chunk += 1


class StagedReader(io.RawIOBase):
    """Reads one staged member back, one chunk in memory at a time; a staged file that was
    changed, cut short or swapped is a :class:`BundleReadError`."""

    def __init__(self, session: StagingSession, member: int, name: str) -> None:
        super().__init__()
        self._aead = session.aead(name)
        self._member = member
        try:
            self._file = session.path(member).open("rb")
        except OSError:
            raise StagedMemberError(name=name) from None
        self._chunk = 0
        self._data = b""
        self._pos = 0
        self._eof = False

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._file.close()
        super().close()

    def _next_chunk(self) -> None:
        head = self._file.read(_LEN)
        size = int.from_bytes(head, "big") if len(head) == _LEN else -1
        sealed = self._file.read(size) if 16 <= size <= CHUNK_BYTES + 16 else b""
        if len(sealed) != size:
            raise BundleReadError()
        nonce = _nonce(self._member, self._chunk)
        for last in (False, True):
            with contextlib.suppress(InvalidTag):
                self._data = self._aead.decrypt(nonce, sealed, bytes([last]))
                break
        else:
            raise BundleReadError()
        self._eof, self._pos, self._chunk = last, 0, self._chunk + 1

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        while self._pos >= len(self._data) and not self._eof:
            self._next_chunk()
        n = min(len(view), len(self._data) - self._pos)
        view[:n] = self._data[self._pos : self._pos + n]
        self._pos += n
        return n


def purge_staging(store: Any) -> int:
    """Remove every staged file in the store folder (their keys died with their process);
    returns how many were removed."""
    return len(remove_stale_temp_files(Path(store.path), f"{_PREFIX}*{_SUFFIX}"))
