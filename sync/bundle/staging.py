"""Staging: an opened bundle's members wait as the bundle's own age ciphertext, not re-encrypted.

Between :func:`sync.bundle.open_bundle` and the import, the members wait in the store folder
as the age payload chunks (64 KiB of plaintext each, ChaCha20-Poly1305) that hold their bytes,
in one of two ways:

- **linked** (the usual case: the bundle is on the store's file system): the bundle file is
  hard-linked into the folder as ``.staging-<session>-bundle.tmp``, so staging copies nothing;
  the link is checked to be the very file being read (device and inode), and the members are
  read back from their chunks' places in it. The link is another name for the bytes the
  caseworker already holds at the bundle's path; it keeps them even if that file is deleted
  before the import. A file on another file system (a USB stick), or one that cannot be
  linked, is copied instead;
- **copied**: each member's chunks are copied, once they authenticated, into a file of its own,
  ``.staging-<session>-<member>.tmp`` (0600, in the 0700 folder), without the age header;
  the writes run on a background thread, batched into ``writev`` calls, while the next chunk
  is decrypted (:class:`~sync.wire.offload.Offload`).

Either way the payload key that opens the chunks is held only by the :class:`StagingSession`
object, decrypted data never touches disk in the clear, and what is staged can be read only by
someone holding a recipient's private key and the bundle — who can read the bundle anyway.
After a crash the files are removed at the next unlock
(``storage.atomic.remove_stale_temp_files``) or by :func:`purge_staging`.

Reading a member back decrypts its chunks in order with the age nonces (chunk counter and
last-chunk flag, as in the bundle), so a staged file (or a linked bundle) that was changed,
cut short, reordered or swapped fails; and the bytes served are hashed as they go: a member
whose bytes are not its signed SHA-256 raises :class:`BundleReadError` at its end (inside the
import's transaction, which then rolls back). Writing needs no fsync: the files live only as
long as the opened bundle.

Linking replaced copying every chunk (issue 17: the copy was the largest cost of an open beyond
``age -d``), which replaced staging re-encrypted under a second, random key (one more
encryption pass of every byte at open, and a decryption pass at import), which itself replaced
staging inside SQLCipher (table ``sync_staging``, still in schema step 3 and no longer written).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from storage.atomic import (
    PRIVATE_FILE_MODE,
    remove_stale_temp_files,
)
from sync.age.stream import (
    CHUNK_SIZE,
    TAG_SIZE,
)
from sync.bundle.errors import (
    BundleReadError,
    StagedMemberError,
)
from sync.wire.offload import (
    Offload,
    write_all,
)

#: A staged ciphertext chunk (age's): 64 KiB of plaintext and its tag.
CT_CHUNK = CHUNK_SIZE + TAG_SIZE
#: For tests and callers that size members by chunks (the age chunk's plaintext).
CHUNK_BYTES = CHUNK_SIZE
_PREFIX = ".staging-"
_SUFFIX = ".tmp"


@dataclass
class _Member:
    """Where a member's bytes sit in the payload: its staged file holds chunks ``first`` …
    ``last`` of the payload; its data start at ``offset`` of the payload's plaintext, i.e.
    ``offset - first * CHUNK_SIZE`` bytes into chunk ``first``."""

    index: int
    name: str
    offset: int  # in the payload plaintext
    size: int
    sha256: str
    first: int
    fd: int | None = None
    last: int = -1


class StagingSession:
    """The staged members of one opened bundle and the key that reads them.

    Used as the :class:`~sync.age.stream.PayloadTap` of the open: it learns the payload
    key, is told where each member starts (:meth:`member`), and files each authenticated
    chunk with the members whose bytes it holds.
    """

    def __init__(self, store_dir: Path, bundle: tuple[Path, int] | None = None) -> None:
        """``bundle``: the bundle's path and the descriptor it is being read from, to stage
        by linking it (:meth:`_link`); without it, or where linking fails, members are
        copied."""
        self.id = uuid.uuid4().hex
        self.folder = Path(store_dir)
        self._aead: ChaCha20Poly1305 | None = None
        self._members: dict[int, _Member] = {}
        self._open: list[_Member] = []  # members whose chunks are still coming
        self._final = -1  # the payload's last chunk
        self._start = 0  # where the payload's first chunk starts in the bundle file
        self._pending: list[bytes] = []  # the writer thread's: chunks before their marker
        self._writer: Offload | None = None
        self.linked: Path | None = None if bundle is None else self._link(*bundle)
        if self.linked is None:
            self._writer = Offload(self._write, name="staging-writer")

    def path(self, member: int) -> Path:
        return self.folder / f"{_PREFIX}{self.id}-{member}{_SUFFIX}"

    def aead(self, name: str) -> ChaCha20Poly1305:
        if self._aead is None:
            raise StagedMemberError(name=name)
        return self._aead

    def _link(self, bundle: Path, fd: int) -> Path | None:
        """The bundle file hard-linked into the store folder, if it is on the same file
        system and the link is the file open at ``fd``; otherwise None (copy instead)."""
        link = self.folder / f"{_PREFIX}{self.id}-bundle{_SUFFIX}"
        try:
            os.link(bundle, link)
        except OSError:  # another file system, one without hard links, or not allowed
            return None
        try:
            ours, read = os.stat(link), os.fstat(fd)
            if (ours.st_dev, ours.st_ino) == (read.st_dev, read.st_ino):
                return link
        except OSError:
            pass
        with contextlib.suppress(OSError):  # the name meant another file by now: copy
            link.unlink()
        return None

    # ---------------------------------------------------------------- while opening

    def payload_key(self, key: bytes, start: int) -> None:
        self._aead = ChaCha20Poly1305(key)
        self._start = start

    def member(self, index: int, name: str, offset: int, size: int, sha256: str) -> None:
        """Member ``index`` starts at ``offset`` of the payload plaintext (its file now, when
        members are copied)."""
        fd = None
        if self._writer is not None:
            fd = os.open(
                self.path(index),
                os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC,
                PRIVATE_FILE_MODE,
            )
        member = _Member(index, name, offset, size, sha256, offset // CHUNK_SIZE, fd)
        self._members[index] = member
        if size:
            self._open.append(member)
        else:
            member.last = member.first - 1  # no chunk: nothing to read
            self._close(member)

    def chunk(self, counter: int, authenticated_chunk: bytes, last: bool) -> None:
        """Note chunk ``counter`` for every open member whose bytes it holds (and copy it to
        their files, when members are copied)."""
        start = counter * CHUNK_SIZE
        end = start + len(authenticated_chunk) - TAG_SIZE
        writer = self._writer
        for member in list(self._open):
            if member.offset < end and start < member.offset + member.size:
                if writer is not None:
                    writer.put(authenticated_chunk)  # the worker writes to ``fd`` below
                    writer.mark(_Target(member))
                member.last = counter
            if member.offset + member.size <= end:
                self._open.remove(member)
                if writer is not None:
                    writer.mark(_Target(member, close=True))
        if last:
            self._final = counter

    def finished(self) -> None:
        """The open succeeded: wait until every staged byte is written."""
        if self._writer is not None:
            self._writer.finish()

    def _write(self, blocks: list[Any]) -> None:
        pending = self._pending  # chunks whose marker is in a later batch wait here
        for block in blocks:
            if isinstance(block, _Target):
                member = block.member
                assert member.fd is not None
                write_all(member.fd, pending)  # one writev for the chunks of this batch
                pending.clear()
                if block.close:
                    self._close(member)
            else:
                pending.append(block)

    @staticmethod
    def _close(member: _Member) -> None:
        if member.fd is not None:
            os.close(member.fd)
            member.fd = None

    # ---------------------------------------------------------------- after opening

    def source(self, member: _Member) -> tuple[Path, int]:
        """The file that holds ``member``'s chunks, and where its first chunk starts."""
        if self.linked is not None:
            return self.linked, self._start + member.first * CT_CHUNK
        return self.path(member.index), 0

    def reader(self, member: int, name: str) -> BinaryIO:
        found = self._members.get(member)
        if found is None or self._aead is None:
            raise StagedMemberError(name=name)
        return io.BufferedReader(StagedReader(self, found, self._final), CHUNK_SIZE)

    def delete(self) -> None:
        """Remove this session's files and forget its key (safe to call again)."""
        self._aead = None
        if self._writer is not None:
            self._writer.cancel()
        for member in self._members.values():
            with contextlib.suppress(OSError):
                self._close(member)
        remove_stale_temp_files(self.folder, f"{_PREFIX}{self.id}-*{_SUFFIX}")


@dataclass(frozen=True)
class _Target:
    """A marker in the writer's queue: the chunks before it go to ``member``'s file."""

    member: _Member
    close: bool = False


class StagedReader(io.RawIOBase):
    """Reads one staged member back, one chunk in memory at a time; a staged file that was
    changed, cut short or swapped, or bytes that are not the member's signed SHA-256, are a
    :class:`BundleReadError`."""

    def __init__(self, session: StagingSession, member: _Member, final: int) -> None:
        super().__init__()
        self._aead = session.aead(member.name)
        self._member = member
        self._final = final
        path, start = session.source(member)
        try:
            self._file = path.open("rb", buffering=0)
            self._file.seek(start)
        except OSError:
            raise StagedMemberError(name=member.name) from None
        self._chunk = member.first
        self._skip = member.offset - member.first * CHUNK_SIZE
        self._left = member.size
        self._data = memoryview(b"")
        self._hash = hashlib.sha256()
        self._checked = False

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._file.close()
        super().close()

    def _next_chunk(self) -> None:
        untrusted = self._file.read(CT_CHUNK)
        if len(untrusted) < TAG_SIZE + 1 or self._chunk > self._member.last:
            raise BundleReadError()
        nonce = self._chunk.to_bytes(11, "big") + (b"\x01" if self._chunk == self._final else b"\0")
        try:
            plain = self._aead.decrypt(nonce, untrusted, None)
        except InvalidTag:
            raise BundleReadError() from None
        view = memoryview(plain)[self._skip :]
        self._skip = 0
        self._data = view[: self._left]
        self._chunk += 1

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        if not self._data:
            if not self._left:
                self._check()
                return 0
            self._next_chunk()
        n = min(len(view), len(self._data))
        view[:n] = self._data[:n]
        self._hash.update(self._data[:n])
        self._data = self._data[n:]
        self._left -= n
        return n

    def _check(self) -> None:
        if not self._checked:
            if self._hash.hexdigest() != self._member.sha256:
                raise BundleReadError()
            self._checked = True


def purge_staging(store: Any) -> int:
    """Remove every staged file in the store folder (their keys died with their process);
    returns how many were removed."""
    return len(remove_stale_temp_files(Path(store.path), f"{_PREFIX}*{_SUFFIX}"))
