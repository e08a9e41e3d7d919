"""The age v1 header: bounded reading, strict parsing, serialising, and the header MAC.

Caps are enforced while reading, before any cryptography: at most :data:`HEADER_MAX_BYTES`
bytes of header (reading stops there) and at most :data:`MAX_STANZAS` stanzas (counted as
lines arrive). Everything read from a file is ``untrusted_…`` until the header MAC has been
verified with the file key by the caller.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import re
from dataclasses import dataclass
from hashlib import sha256
from typing import BinaryIO

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from sync.age.errors import (
    AgeHeaderError,
    AgeHeaderLineError,
    AgeHeaderTooLargeError,
    AgeMacLineError,
    AgeTooManyStanzasError,
    AgeTruncatedHeaderError,
    AgeVersionError,
    ArmoredFileError,
)

#: Largest header we read. 20 post-quantum stanzas take about 31 KiB.
HEADER_MAX_BYTES = 64 * 1024
#: Most recipient stanzas (including unknown and grease stanzas) we accept in a header.
MAX_STANZAS = 20

VERSION_PREFIX = b"age-encryption.org/"
VERSION_LINE = b"age-encryption.org/v1"
_ARMOR_BEGIN = b"-----BEGIN AGE ENCRYPTED FILE-----"
_READ_BLOCK = 16 * 1024
_PREFIX_CHECK = 256  # bytes of leading whitespace tolerated while spotting armor
_COLUMNS = 64
_B64_LINE = re.compile(rb"[A-Za-z0-9+/]*")
_MAC_LINE_SIZE = 4 + 43  # "--- " and the unpadded base64 of a 32-byte MAC
_VERSION_LINE_MAX = 256  # a first line longer than this without a newline is damaged
_VCHAR_ARG = re.compile(rb"[\x21-\x7e]+")


@dataclass(frozen=True)
class Stanza:
    """One recipient stanza: ``-> type args…`` and its body."""

    type: str
    args: tuple[str, ...]
    body: bytes


@dataclass(frozen=True)
class Header:
    """A parsed header. ``mac_input`` is the header up to and including ``---``."""

    stanzas: tuple[Stanza, ...]
    mac: bytes
    mac_input: bytes


# ---------------------------------------------------------------- canonical unpadded base64


def b64encode(data: bytes) -> str:
    """Standard base64 without ``=`` padding."""
    return base64.b64encode(data).decode("ascii").rstrip("=")


def b64decode(untrusted: bytes | str, error: type[AgeHeaderError] = AgeHeaderError) -> bytes:
    """Decode unpadded, canonical base64 strictly; ``error`` for anything else."""
    raw = untrusted.encode("ascii", "replace") if isinstance(untrusted, str) else bytes(untrusted)
    if _B64_LINE.fullmatch(raw) is None or len(raw) % 4 == 1:
        raise error()
    try:
        data = base64.b64decode(raw + b"=" * (-len(raw) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise error() from None
    if b64encode(data).encode("ascii") != raw:
        raise error()  # non-canonical: spare bits set
    return data


# ---------------------------------------------------------------- reading and parsing


def _check_start(untrusted_prefix: bytes, complete: bool) -> None:
    """Reject non-age input as soon as its first bytes show it (``complete``: no more coming)."""
    n = min(len(untrusted_prefix), len(VERSION_PREFIX))
    if untrusted_prefix[:n] == VERSION_PREFIX[:n]:
        return
    stripped = untrusted_prefix.lstrip(b" \t\r\n")
    if stripped.startswith(_ARMOR_BEGIN):
        raise ArmoredFileError()
    if not complete and _ARMOR_BEGIN.startswith(stripped):
        return  # might still be armor: decide when more bytes have arrived
    raise AgeHeaderError()


class _LineScan:
    """Walks the header line by line as bytes arrive and stops at the first line that is out
    of place, so a damaged line is named as such instead of being read past (as "too large"
    or "incomplete"). Lines: the version line; then stanzas, each a ``-> `` line and body
    lines of at most 64 base64 characters, the last one shorter; then the ``---`` line."""

    def __init__(self) -> None:
        self.pos = 0  # start of the first line not yet complete
        self.number = 1  # its line number
        self.expect = "version"  # version | stanza_or_end | body
        self.stanzas = 0

    def feed(self, untrusted: bytes | bytearray) -> int | None:
        """Check what has arrived; the header's length once its ``---`` line is complete."""
        while True:
            newline = untrusted.find(b"\n", self.pos)
            complete = newline >= 0
            line = bytes(untrusted[self.pos : newline if complete else len(untrusted)])
            done = self._check(line, complete)
            if not complete:
                return None
            self.pos, self.number = newline + 1, self.number + 1
            if done:
                return self.pos

    def _check(self, untrusted_line: bytes, complete: bool) -> bool:
        """Raise for a line that cannot be right; True when it completed the ``---`` line."""
        line, n = untrusted_line, self.number
        if self.expect == "version":
            if not complete:
                if len(line) > _VERSION_LINE_MAX:
                    raise AgeHeaderLineError(line=n)
                return False
            _parse_version(line)
            self.expect = "stanza_or_end"
            return False
        if self.expect == "body":
            if len(line) > _COLUMNS or _B64_LINE.fullmatch(line) is None:
                raise AgeHeaderLineError(line=n)
            if complete and len(line) < _COLUMNS:
                self.expect = "stanza_or_end"
            return False
        if len(line) < 4 and not complete:
            return False  # not yet enough to tell a stanza from the closing line
        if line.startswith(b"-> "):
            if complete:
                self.stanzas += 1
                if self.stanzas > MAX_STANZAS:
                    raise AgeTooManyStanzasError(limit=MAX_STANZAS)
                self.expect = "body"
            return False
        if line.startswith(b"---"):
            rest = line[4:]
            if (
                line[3:4] != b" "
                or len(line) > _MAC_LINE_SIZE
                or _B64_LINE.fullmatch(rest) is None
                or (complete and len(line) != _MAC_LINE_SIZE)
            ):
                raise AgeMacLineError(line=n)
            return complete
        if _looks_like_mac_line(line):
            raise AgeMacLineError(line=n)
        raise AgeHeaderLineError(line=n)


def _looks_like_mac_line(untrusted_line: bytes) -> bool:
    """A line in the place of a stanza or the closing line that is neither: a damaged
    closing line when it starts like one (``--``, or two of its first three bytes ``-``
    followed by a space), else a damaged stanza line."""
    head = untrusted_line[:4]
    if head.startswith(b"-") and not head.startswith(b"->"):
        return True
    return len(head) == 4 and head[3:4] == b" " and head[:3].count(b"-") == 2


def read_header(src: BinaryIO) -> tuple[bytes, bytes]:
    """Read the header from ``src`` within the caps.

    Returns ``(untrusted_header, leftover)``: the header bytes up to and including the MAC
    line's newline, and any bytes read beyond it (the start of the payload). Never reads more
    than ``HEADER_MAX_BYTES + 1`` bytes. Lines are checked as they arrive: a damaged line is
    refused where it is (``AgeHeaderLineError``, ``AgeMacLineError``), not read past.
    """
    buf = bytearray()
    scan = _LineScan()
    while True:
        if buf[: len(VERSION_PREFIX)] == VERSION_PREFIX:
            end = scan.feed(buf)
            if end is not None:
                if end > HEADER_MAX_BYTES:
                    raise AgeHeaderTooLargeError(limit=HEADER_MAX_BYTES)
                return bytes(buf[:end]), bytes(buf[end:])
        if len(buf) > HEADER_MAX_BYTES:
            raise AgeHeaderTooLargeError(limit=HEADER_MAX_BYTES)
        chunk = src.read(min(_READ_BLOCK, HEADER_MAX_BYTES + 1 - len(buf)))
        if not chunk:
            _check_start(bytes(buf), complete=True)
            raise AgeTruncatedHeaderError()
        buf += chunk
        _check_start(bytes(buf[:_PREFIX_CHECK]), complete=False)


def _parse_version(untrusted_line: bytes) -> None:
    if untrusted_line == VERSION_LINE:
        return
    if not untrusted_line.startswith(VERSION_PREFIX):
        raise AgeHeaderError()
    version = untrusted_line[len(VERSION_PREFIX) :]
    if not version or _VCHAR_ARG.fullmatch(version) is None:
        raise AgeHeaderError()  # e.g. a CR before the LF
    raise AgeVersionError()


def _parse_args(untrusted_args: bytes) -> tuple[str, ...]:
    args = untrusted_args.split(b" ")
    for arg in args:
        if _VCHAR_ARG.fullmatch(arg) is None:
            raise AgeHeaderError()  # empty argument or a non-printable byte
    return tuple(a.decode("ascii") for a in args)


def parse_header(untrusted_header: bytes) -> Header:
    """Parse a complete header (as returned by :func:`read_header`) strictly per the spec."""
    if len(untrusted_header) > HEADER_MAX_BYTES:
        raise AgeHeaderTooLargeError(limit=HEADER_MAX_BYTES)
    if not untrusted_header.endswith(b"\n"):
        raise AgeTruncatedHeaderError()
    lines = untrusted_header[:-1].split(b"\n")
    _parse_version(lines[0])
    stanzas: list[Stanza] = []
    i = 1
    while i < len(lines) and not lines[i].startswith(b"---"):
        line = lines[i]
        if not line.startswith(b"-> "):
            raise AgeHeaderError()
        if len(stanzas) >= MAX_STANZAS:
            raise AgeTooManyStanzasError(limit=MAX_STANZAS)
        args = _parse_args(line[3:])
        i += 1
        body_lines: list[bytes] = []
        while True:
            if i >= len(lines):
                raise AgeHeaderError()
            body_line = lines[i]
            i += 1
            if len(body_line) > _COLUMNS or _B64_LINE.fullmatch(body_line) is None:
                raise AgeHeaderError()
            body_lines.append(body_line)
            if len(body_line) < _COLUMNS:
                break
        stanzas.append(Stanza(args[0], args[1:], b64decode(b"".join(body_lines))))
    if i != len(lines) - 1:
        raise AgeTruncatedHeaderError() if i >= len(lines) else AgeHeaderError()
    if not stanzas:
        raise AgeHeaderError()
    mac_line = lines[i]
    if not mac_line.startswith(b"--- ") or len(mac_line) != _MAC_LINE_SIZE:
        raise AgeMacLineError(line=i + 1)
    try:
        mac = b64decode(mac_line[4:])
    except AgeHeaderError:
        raise AgeMacLineError(line=i + 1) from None
    mac_input = untrusted_header[: len(untrusted_header) - 1 - len(mac_line) + 3]
    return Header(tuple(stanzas), mac, mac_input)


# ---------------------------------------------------------------- writing and the MAC


def encode_stanza(stanza: Stanza) -> bytes:
    """Serialise one stanza, body wrapped at 64 columns and ending with a short line."""
    words = (stanza.type, *stanza.args)
    for word in words:
        if not word.isascii() or _VCHAR_ARG.fullmatch(word.encode("ascii")) is None:
            raise ValueError(f"invalid stanza argument {word!r}")
    encoded = b64encode(stanza.body)
    lines = [encoded[j : j + _COLUMNS] for j in range(0, len(encoded), _COLUMNS)]
    if not lines or len(lines[-1]) == _COLUMNS:
        lines.append("")
    return ("-> " + " ".join(words) + "\n" + "".join(f"{ln}\n" for ln in lines)).encode("ascii")


def header_mac(file_key: bytes, mac_input: bytes) -> bytes:
    """HMAC-SHA-256 over ``mac_input`` under HKDF-SHA-256(file key, salt "", "header")."""
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"header").derive(file_key)
    return hmac.new(key, mac_input, sha256).digest()


def verify_header_mac(file_key: bytes, header: Header) -> bool:
    return hmac.compare_digest(header_mac(file_key, header.mac_input), header.mac)


def encode_header(stanzas: list[Stanza], file_key: bytes) -> bytes:
    """The complete header for ``stanzas``, MAC line included."""
    if not stanzas:
        raise ValueError("an age header needs at least one stanza")
    mac_input = VERSION_LINE + b"\n" + b"".join(encode_stanza(s) for s in stanzas) + b"---"
    return mac_input + b" " + b64encode(header_mac(file_key, mac_input)).encode("ascii") + b"\n"
