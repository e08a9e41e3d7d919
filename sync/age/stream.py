"""The age payload: STREAM with ChaCha20-Poly1305 in 64 KiB chunks.

payload key = HKDF-SHA-256(ikm = file key, salt = 16-byte nonce, info = "payload");
chunk nonce = 11-byte big-endian counter || last-chunk flag (0x01 on the final chunk).
The final chunk may be short, and is empty only when the whole payload is empty.

Decryption writes each chunk's plaintext as soon as that chunk authenticates, so memory
stays flat. **The output is not trustworthy until :func:`decrypt_payload` returns**: a
truncated or extended stream is only detected at the end. Callers decrypt to a temporary
place and discard it on any error.
"""

from __future__ import annotations

from typing import BinaryIO, Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from sync.age.errors import (
    PayloadAuthError,
    PayloadTrailingDataError,
    PayloadTruncatedError,
)

CHUNK_SIZE = 64 * 1024
TAG_SIZE = 16
NONCE_SIZE = 16
_CT_CHUNK = CHUNK_SIZE + TAG_SIZE
_MAX_COUNTER = (1 << 88) - 1


def payload_key(file_key: bytes, nonce: bytes) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=nonce, info=b"payload")
    return hkdf.derive(file_key)


def _chunk_nonce(counter: int, last: bool) -> bytes:
    if counter > _MAX_COUNTER:
        raise PayloadAuthError()  # 2^88 chunks: cannot happen with real files
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def read_full(src: BinaryIO, size: int, prefix: bytes = b"") -> bytes:
    """Read until ``size`` bytes or end of file (``read`` may return short counts)."""
    parts = [prefix] if prefix else []
    have = len(prefix)
    while have < size:
        data = src.read(size - have)
        if not data:
            break
        parts.append(data)
        have += len(data)
    return b"".join(parts)


class Plaintext(Protocol):
    """What encryption reads from: a binary stream with ``readinto`` (files, ``BytesIO``,
    sync/wire/ustar.py's ``IterReader``)."""

    def readinto(self, buffer: memoryview, /) -> int | None: ...


def read_into(src: Plaintext, buffer: bytearray) -> memoryview:
    """Fill ``buffer`` from ``src`` (``readinto`` may return short counts); returns the part
    filled, shorter than ``buffer`` only at the end of ``src``."""
    view = memoryview(buffer)
    have = 0
    while have < len(buffer):
        n = src.readinto(view[have:])
        if not n:
            break
        have += n
    return view[:have]


def encrypt_payload(src: Plaintext, dst: BinaryIO, key: bytes) -> None:
    """Encrypt ``src`` to ``dst`` chunk by chunk (one chunk of look-ahead).

    The plaintext is read into two buffers used in turn (the chunk being encrypted and the
    one after it), so no chunk is copied or allocated on its way to the cipher."""
    aead = ChaCha20Poly1305(key)
    counter = 0
    buffers = (bytearray(CHUNK_SIZE), bytearray(CHUNK_SIZE))
    current = read_into(src, buffers[0])
    while True:
        following = (
            read_into(src, buffers[(counter + 1) % 2])
            if len(current) == CHUNK_SIZE
            else current[:0]
        )
        last = not following
        dst.write(aead.encrypt(_chunk_nonce(counter, last), current, None))
        if last:
            return
        counter += 1
        current = following


class _Source:
    """A reader that first serves bytes already consumed while reading the header."""

    def __init__(self, src: BinaryIO, pending: bytes) -> None:
        self._src = src
        self._pending = pending

    def read(self, size: int) -> bytes:
        if self._pending:
            data, self._pending = self._pending[:size], self._pending[size:]
            return read_full(self._src, size, data) if len(data) < size else data
        return read_full(self._src, size)


class PayloadTap(Protocol):
    """Sees the payload as it is decrypted: its key and where its first chunk starts in the
    file, then each chunk's ciphertext once that chunk authenticated and its plaintext was
    written to ``dst`` (sync/bundle/staging.py keeps the ciphertext instead of encrypting the
    plaintext again)."""

    def payload_key(self, key: bytes, start: int) -> None: ...

    def chunk(self, counter: int, authenticated_chunk: bytes, last: bool) -> None: ...


def decrypt_payload(
    src: BinaryIO,
    dst: BinaryIO,
    key: bytes,
    pending: bytes = b"",
    tap: PayloadTap | None = None,
    start: int = 0,
) -> None:
    """Decrypt the STREAM payload from ``src`` (after ``pending``) to ``dst``; ``start`` is
    where the payload begins in the file (for ``tap``).

    Raises :class:`PayloadTruncatedError` when the stream ends without a final chunk
    (including exactly at a chunk boundary), :class:`PayloadTrailingDataError` when data
    follows the final chunk, and :class:`PayloadAuthError` for any other damage.
    """
    aead = ChaCha20Poly1305(key)
    if tap is not None:
        tap.payload_key(key, start)
    reader = _Source(src, pending)
    counter = 0
    untrusted_chunk = reader.read(_CT_CHUNK)
    while True:
        if len(untrusted_chunk) < TAG_SIZE:
            if not untrusted_chunk:
                raise PayloadTruncatedError()  # no chunk at all, or stream cut at a boundary
            raise PayloadAuthError()
        # One chunk of look-ahead: a full chunk followed by anything is not the last one.
        untrusted_next = reader.read(_CT_CHUNK) if len(untrusted_chunk) == _CT_CHUNK else b""
        if untrusted_next:
            plaintext = _open(aead, counter, untrusted_chunk, last=False)
            dst.write(plaintext)
            if tap is not None:
                tap.chunk(counter, untrusted_chunk, False)
            counter += 1
            untrusted_chunk = untrusted_next
            continue
        plaintext = _open(aead, counter, untrusted_chunk, last=True)
        if not plaintext and counter > 0:
            raise PayloadAuthError()  # an empty final chunk is only allowed alone
        dst.write(plaintext)
        if tap is not None:
            tap.chunk(counter, untrusted_chunk, True)
        return


def _open(aead: ChaCha20Poly1305, counter: int, untrusted_chunk: bytes, last: bool) -> bytes:
    try:
        return aead.decrypt(_chunk_nonce(counter, last), untrusted_chunk, None)
    except InvalidTag:
        pass
    # Tell the caller what kind of damage it is, by trying the other flag.
    try:
        aead.decrypt(_chunk_nonce(counter, not last), untrusted_chunk, None)
    except InvalidTag:
        raise PayloadAuthError() from None
    if last:
        raise PayloadTruncatedError()  # a valid middle chunk, then the end of the file
    raise PayloadTrailingDataError()  # a valid final chunk, then more data
