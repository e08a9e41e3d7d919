"""The inner archive: a strict POSIX ustar writer and a streaming (push) reader.

Nothing here uses :mod:`tarfile`. The reader is fed decrypted bytes as they arrive
(``write``), checks every header before any member data is handed on, and hands data on
in slices so memory stays flat. Accepted, and written, is only this subset of ustar
(docs/bundle-format.md, "The archive"):

- 512-byte headers with magic ``ustar\\0`` and version ``00``; the checksum verified;
- type ``0`` (or NUL): regular files only; links, directories, devices, FIFOs, pax
  (``x``/``g``) and GNU (``L``/``K``…) headers are refused; ``linkname`` and ``prefix``
  empty; mode at most ``0777``; numeric fields octal (no base-256);
- names matching :data:`NAME_RE` (lower-case ``[a-z0-9_-]`` components joined by single
  dots, at most :data:`MAX_DEPTH` components separated by ``/``, at most 100 bytes, no
  Windows device names), unique, and never both a file and a folder;
- data padded with zero bytes to a block boundary; the end marked by two zero blocks,
  followed by at most :data:`MAX_TRAILING_BLOCKS` zero blocks in all (``tar``'s record
  padding) and nothing else.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO, Protocol

from storage.errors import clean_untrusted
from sync.wire.errors import (
    BundleFormatError,
    BundleTooLargeError,
    MemberChangedError,
    UnsafeMemberNameError,
    UnsafeMemberTypeError,
)
from sync.wire.offload import sha256_for

BLOCK = 512
NAME_FIELD = 100
MAX_DEPTH = 4
MAX_COMPONENT = 64
MAX_TRAILING_BLOCKS = 20
MAX_OCTAL_SIZE = 8**11 - 1
#: How much of a member is read at a time when sealing: 256 KiB took sealing 256 MiB to
#: 0.92 (0.80-1.05, 16 pairs) of the time with 64 KiB (fewer reads, hash updates and turns
#: of the loop); it stays below the background batches (sync/wire/offload.py), so the
#: memory bound is unchanged.
READ_BLOCK = 256 * 1024
_COMPONENT_RE = re.compile(r"[a-z0-9][a-z0-9_-]*(?:\.[a-z0-9_-]+)*")
NAME_RE = re.compile(
    r"[a-z0-9][a-z0-9_-]*(?:\.[a-z0-9_-]+)*(?:/[a-z0-9][a-z0-9_-]*(?:\.[a-z0-9_-]+)*)*"
)
_WINDOWS_DEVICES = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{p}{i}" for p in ("com", "lpt") for i in range(10)]
)
_OCTAL_RE = re.compile(rb" *([0-7]+)[ \0]*")
_ZERO_BLOCK = bytes(BLOCK)
_REGULAR = (b"0", b"\0")


@dataclass(frozen=True)
class TarMember:
    name: str
    size: int


def check_member_name(untrusted_name: str) -> str:
    """``untrusted_name`` if it is an allowed member name, else :class:`UnsafeMemberNameError`."""
    name = untrusted_name
    ok = (
        isinstance(name, str)
        and NAME_RE.fullmatch(name) is not None
        and len(name.encode("ascii")) <= NAME_FIELD
    )
    if ok:
        parts = name.split("/")
        ok = len(parts) <= MAX_DEPTH and all(
            len(p) <= MAX_COMPONENT and p.split(".")[0] not in _WINDOWS_DEVICES for p in parts
        )
    if not ok:
        raise UnsafeMemberNameError(name=clean_untrusted(name, 80))
    return name


def check_member_set(names: Iterable[str]) -> None:
    """Names are unique, and none is also used as a folder of another (``a`` and ``a/b``)."""
    seen: set[str] = set()
    folders: set[str] = set()
    for name in names:
        check_member_set_incremental(name, seen, folders)


def check_member_set_incremental(name: str, seen: set[str], folders: set[str]) -> None:
    """One step of :func:`check_member_set` (keeps ``seen`` and ``folders`` up to date)."""
    parts = name.split("/")
    prefixes = {"/".join(parts[:i]) for i in range(1, len(parts))}
    if name in seen or name in folders or prefixes & seen:
        raise UnsafeMemberNameError(name=clean_untrusted(name, 80))
    seen.add(name)
    folders |= prefixes


# ---------------------------------------------------------------- writing


def _octal(value: int, width: int) -> bytes:
    return b"%0*o\0" % (width - 1, value)


def ustar_header(name: str, size: int) -> bytes:
    """The header block of a regular file (mode 0600, owner 0/0, mtime 0, no user names)."""
    check_member_name(name)
    if not 0 <= size <= MAX_OCTAL_SIZE:
        raise BundleTooLargeError(limit=MAX_OCTAL_SIZE)
    h = bytearray(BLOCK)
    h[0 : len(name)] = name.encode("ascii")
    h[100:108] = _octal(0o600, 8)
    h[108:116] = _octal(0, 8)
    h[116:124] = _octal(0, 8)
    h[124:136] = _octal(size, 12)
    h[136:148] = _octal(0, 12)
    h[148:156] = b" " * 8
    h[156:157] = b"0"
    h[257:265] = b"ustar\x0000"
    h[329:337] = _octal(0, 8)
    h[337:345] = _octal(0, 8)
    h[148:156] = b"%06o\0 " % sum(h)
    return bytes(h)


def padding(size: int) -> bytes:
    return bytes(-size % BLOCK)


def end_of_archive() -> bytes:
    return bytes(2 * BLOCK)


def member_blocks(name: str, stream: BinaryIO, size: int, hasher: object = None) -> Iterator[bytes]:
    """Header, exactly ``size`` bytes read from ``stream`` (fed to ``hasher.update``), padding.

    A stream that ends early raises :class:`MemberChangedError` (it was shorter when it was
    hashed); nothing beyond ``size`` is read.
    """
    yield ustar_header(name, size)
    left = size
    while left:
        block = stream.read(min(READ_BLOCK, left))
        if not block:
            raise MemberChangedError()
        if hasher is not None:
            hasher.update(block)  # type: ignore[attr-defined]
        left -= len(block)
        yield block
    yield padding(size)


def archive_blocks(
    head: Iterable[tuple[str, bytes]], members: Iterable[tuple[str, BinaryIO, int, str]]
) -> Iterator[bytes]:
    """A whole archive as blocks: the ``head`` members from memory, then each member
    ``(name, stream, size, sha256)`` streamed and hashed again — a stream whose bytes are
    not that SHA-256 any more raises :class:`MemberChangedError` — then the end blocks."""
    for name, data in head:
        yield ustar_header(name, len(data)) + data + padding(len(data))
    for name, stream, size, sha256 in members:
        digest = sha256_for(size, name="member-hash")  # large ones beside the encryption
        try:
            yield from member_blocks(name, stream, size, digest)
        except BaseException:  # an error, or the archive abandoned (GeneratorExit)
            digest.cancel()
            raise
        if digest.hexdigest() != sha256:
            raise MemberChangedError()
    yield end_of_archive()


def small_archive(members: Iterable[tuple[str, bytes]]) -> bytes:
    """A whole archive in memory (contact cards)."""
    out = bytearray()
    for name, data in members:
        out += ustar_header(name, len(data)) + data + padding(len(data))
    return bytes(out + end_of_archive())


class IterReader(io.RawIOBase):
    """A readable binary stream over an iterator of byte strings.

    :meth:`readinto` copies each byte once, from the iterator's blocks into the caller's
    buffer (the sealing path: sync/age/stream.py reads every chunk into a buffer of its own);
    ``read`` and ``readall`` are :class:`io.RawIOBase`'s, on top of it.
    """

    def __init__(self, chunks: Iterator[bytes]) -> None:
        super().__init__()
        self._chunks = chunks
        self._block = memoryview(b"")  # what is left of the current block
        self._done = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        have = 0
        while have < len(view):
            if not self._block:
                if self._done:
                    break
                try:
                    self._block = memoryview(next(self._chunks)).cast("B")
                except StopIteration:
                    self._done = True
                    break
            n = min(len(view) - have, len(self._block))
            view[have : have + n] = self._block[:n]
            self._block = self._block[n:]
            have += n
        return have


# ---------------------------------------------------------------- reading


class TarConsumer(Protocol):
    def member_start(self, member: TarMember) -> None: ...

    def member_data(self, data: memoryview) -> None: ...

    def member_end(self) -> None: ...


def _number(untrusted_field: bytes, reason: str) -> int:
    if untrusted_field == bytes(len(untrusted_field)) and reason in ("devmajor", "devminor"):
        return 0
    match = _OCTAL_RE.fullmatch(untrusted_field)
    if match is None:
        raise BundleFormatError(reason=reason)
    return int(match.group(1), 8)


def parse_header(untrusted_block: bytes) -> TarMember:
    """Check one non-zero header block strictly; return the member it announces."""
    h = untrusted_block
    if h[257:265] != b"ustar\x0000":
        raise BundleFormatError(reason="magic")
    stored = _number(h[148:156], "checksum")
    if stored != sum(h[:148]) + 8 * 32 + sum(h[156:]):
        raise BundleFormatError(reason="checksum")
    if h[156:157] not in _REGULAR:
        raise UnsafeMemberTypeError()
    if any(h[157:257]) or any(h[345:BLOCK]):
        raise UnsafeMemberTypeError()  # a link target, or a prefix (long name)
    mode = _number(h[100:108], "mode")
    if mode & ~0o777:
        raise UnsafeMemberTypeError()
    for start, end, what in ((108, 116, "uid"), (116, 124, "gid"), (136, 148, "mtime")):
        _number(h[start:end], what)
    if _number(h[329:337], "devmajor") or _number(h[337:345], "devminor"):
        raise UnsafeMemberTypeError()
    raw_name = h[:NAME_FIELD].split(b"\0", 1)
    if len(raw_name) == 2 and any(raw_name[1]):
        raise UnsafeMemberNameError(name=clean_untrusted(raw_name[0].decode("latin-1"), 80))
    try:
        name = raw_name[0].decode("ascii")
    except UnicodeDecodeError:
        raise UnsafeMemberNameError(
            name=clean_untrusted(raw_name[0].decode("latin-1"), 80)
        ) from None
    check_member_name(name)
    return TarMember(name, _number(h[124:136], "size"))


_HEADER, _DATA, _PAD, _END, _TRAILER = range(5)


class TarReader:
    """Push parser: ``write`` decrypted bytes in, events out to a :class:`TarConsumer`.

    ``finish`` must be called once the input is complete (and authenticated): it refuses an
    archive that did not end with its two zero blocks.
    """

    def __init__(self, consumer: TarConsumer, *, max_members: int, max_member_size: int) -> None:
        self._consumer = consumer
        self._max_members = max_members
        self._max_member_size = max_member_size
        self._buf = bytearray()
        self._state = _HEADER
        self._remaining = 0
        self._pad = 0
        self._trailing = 0
        self._members = 0
        self._names: set[str] = set()
        self._folders: set[str] = set()

    def write(self, data: bytes | bytearray | memoryview) -> int:
        view = memoryview(data).cast("B")
        pos, total = 0, len(view)
        while pos < total:
            if self._state == _DATA:
                take = min(self._remaining, total - pos)
                self._consumer.member_data(view[pos : pos + take])
                pos += take
                self._remaining -= take
                if not self._remaining:
                    self._end_member()
                continue
            need = self._pad if self._state == _PAD else BLOCK
            take = min(need - len(self._buf), total - pos)
            self._buf += view[pos : pos + take]
            pos += take
            if len(self._buf) == need:
                block = bytes(self._buf)
                self._buf.clear()
                self._block(block)
        return total

    def _end_member(self) -> None:
        self._consumer.member_end()
        self._state = _PAD if self._pad else _HEADER

    def _block(self, block: bytes) -> None:
        if self._state == _PAD:
            if any(block):
                raise BundleFormatError(reason="padding")
            self._state = _HEADER
        elif self._state == _HEADER:
            if block == _ZERO_BLOCK:
                self._state, self._trailing = _END, 1
            else:
                self._header(parse_header(block))
        else:  # _END or _TRAILER: zero blocks only, and not too many
            if block != _ZERO_BLOCK:
                raise BundleFormatError(reason="after-end")
            self._trailing += 1
            self._state = _TRAILER
            if self._trailing > MAX_TRAILING_BLOCKS:
                raise BundleFormatError(reason="trailing")

    def _header(self, member: TarMember) -> None:
        self._members += 1
        if self._members > self._max_members:
            raise BundleTooLargeError(limit=f"{self._max_members} parts")
        if member.size > self._max_member_size:
            raise BundleTooLargeError(limit=f"{self._max_member_size} bytes")
        check_member_set_incremental(member.name, self._names, self._folders)
        self._remaining, self._pad = member.size, -member.size % BLOCK
        self._consumer.member_start(member)
        if member.size:
            self._state = _DATA
        else:
            self._end_member()

    def finish(self) -> None:
        if self._state != _TRAILER or self._buf:
            raise BundleFormatError(reason="incomplete")


class _Collector:
    def __init__(self) -> None:
        self.members: list[tuple[str, bytearray]] = []

    def member_start(self, member: TarMember) -> None:
        self.members.append((member.name, bytearray()))

    def member_data(self, data: memoryview) -> None:
        self.members[-1][1].extend(data)

    def member_end(self) -> None:
        pass


def read_small_archive(
    untrusted_data: bytes, *, max_members: int, max_member_size: int
) -> list[tuple[str, bytes]]:
    """All members of a small in-memory archive (contact cards), strictly checked."""
    collector = _Collector()
    reader = TarReader(collector, max_members=max_members, max_member_size=max_member_size)
    reader.write(untrusted_data)
    reader.finish()
    return [(name, bytes(data)) for name, data in collector.members]
