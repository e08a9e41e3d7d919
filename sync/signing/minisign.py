"""minisign-compatible Ed25519 signatures (prehashed ``ED`` only), on ``cryptography``.

Formats (all base64 is standard, padded):

- public key: ``untrusted comment: …`` line, then base64(``"Ed"`` || key id (8) || pk (32));
- signature (``.minisig``)::

      untrusted comment: <text, not signed>
      base64("ED" || key id (8) || Ed25519(BLAKE2b-512(data)) (64))
      trusted comment: <text>
      base64(Ed25519(signature (64) || trusted comment))   # the "global" signature

We produce and accept only the prehashed ``ED`` algorithm; legacy ``Ed`` signatures (over
the raw data) are refused with :class:`~sync.errors.LegacySignatureError`. Secret keys live
in our encrypted store as 32-byte seeds and are never written in minisign's file format.
The key id is 8 bytes; by default we derive it from the public key (BLAKE2b-256(pk)[:8])
so it needs no extra storage; minisign shows it as the little-endian 64-bit number in hex.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from typing import BinaryIO

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from sync.signing.errors import (
    BadSignatureError,
    LegacySignatureError,
    PublicKeyFormatError,
    SignatureCommentError,
    SignatureError,
    SignatureFormatError,
    SignatureKeyMismatchError,
    TrustedCommentTamperedError,
)

ALG_PREHASHED = b"ED"
ALG_LEGACY = b"Ed"  # also the algorithm tag inside public keys
KEY_ID_SIZE = 8
UNTRUSTED_PREFIX = "untrusted comment: "
TRUSTED_PREFIX = "trusted comment: "
DEFAULT_UNTRUSTED_COMMENT = "signature from minisign secret key"
UNTRUSTED_COMMENT_MAX_BYTES = 1000
TRUSTED_COMMENT_MAX_BYTES = 8000
SIGNATURE_TEXT_MAX_BYTES = 16 * 1024
_HASH_BLOCK = 64 * 1024


def _b64decode(untrusted: str, size: int, error: type[SignatureError]) -> bytes:
    try:
        data = base64.b64decode(untrusted.encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        raise error() from None
    if len(data) != size or base64.b64encode(data).decode("ascii") != untrusted:
        raise error()
    return data


def _lines(untrusted_text: str | bytes, limit: int, error: type[SignatureError]) -> list[str]:
    """Split into lines as minisign does (LF, an optional CR before it); bounded size."""
    try:
        if isinstance(untrusted_text, str):
            untrusted_text = untrusted_text.encode("utf-8")
        if len(untrusted_text) > limit:
            raise error()
        text = untrusted_text.decode("utf-8")
    except UnicodeError:
        raise error() from None
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [ln[:-1] if ln.endswith("\r") else ln for ln in lines]


def _check_comment(comment: str, limit: int) -> bytes:
    encoded = comment.encode("utf-8")
    if len(encoded) > limit or "\n" in comment or "\r" in comment:
        raise SignatureCommentError(limit=limit)
    return encoded


def _prehash(data: bytes | BinaryIO) -> bytes:
    h = hashlib.blake2b(digest_size=64)
    if isinstance(data, bytes | bytearray | memoryview):
        h.update(data)
    else:
        while block := data.read(_HASH_BLOCK):
            h.update(block)
    return h.digest()


class PublicKey:
    """A minisign public key: an Ed25519 key and its 8-byte key id."""

    def __init__(self, key_id: bytes, public_bytes: bytes) -> None:
        if len(key_id) != KEY_ID_SIZE or len(public_bytes) != 32:
            raise PublicKeyFormatError()
        self.key_id = bytes(key_id)
        self.public_bytes = bytes(public_bytes)
        try:
            self._key = Ed25519PublicKey.from_public_bytes(self.public_bytes)
        except ValueError:
            raise PublicKeyFormatError() from None

    @property
    def key_id_hex(self) -> str:
        """The key id as minisign prints it (little-endian, 16 upper-case hex digits)."""
        return key_id_hex(self.key_id)

    @classmethod
    def from_minisign_text(cls, untrusted_text: str | bytes) -> PublicKey:
        """Parse a ``.pub`` file (comment line + key line) or the bare base64 key line."""
        lines = _lines(untrusted_text, 4096, PublicKeyFormatError)
        if len(lines) == 2 and lines[0].startswith(UNTRUSTED_PREFIX):
            line = lines[1]
        elif len(lines) == 1:
            line = lines[0]
        else:
            raise PublicKeyFormatError()
        raw = _b64decode(line, 2 + KEY_ID_SIZE + 32, PublicKeyFormatError)
        if raw[:2] != ALG_LEGACY:
            raise PublicKeyFormatError()
        return cls(raw[2:10], raw[10:])

    def to_base64(self) -> str:
        return base64.b64encode(ALG_LEGACY + self.key_id + self.public_bytes).decode("ascii")

    def to_minisign_text(self, untrusted_comment: str | None = None) -> str:
        comment = untrusted_comment or f"minisign public key {self.key_id_hex}"
        _check_comment(comment, UNTRUSTED_COMMENT_MAX_BYTES)
        return f"{UNTRUSTED_PREFIX}{comment}\n{self.to_base64()}\n"

    def verify_raw(self, data: bytes, signature: bytes) -> bool:
        """Whether ``signature`` is this key's plain Ed25519 signature of ``data`` (no
        minisign framing: a team operation's signature, docs/sync.md §4)."""
        try:
            self._key.verify(bytes(signature), bytes(data))
        except InvalidSignature:
            return False
        return True

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, PublicKey)
            and other.key_id == self.key_id
            and other.public_bytes == self.public_bytes
        )

    def __hash__(self) -> int:
        return hash((self.key_id, self.public_bytes))

    def __repr__(self) -> str:
        return f"PublicKey(key_id={self.key_id_hex})"


class SigningKey:
    """An Ed25519 signing key (32-byte seed) with its key id. ``repr`` hides the seed."""

    def __init__(self, seed: bytes, key_id: bytes | None = None) -> None:
        if len(seed) != 32:
            raise ValueError("an Ed25519 seed is 32 bytes")
        self._key = Ed25519PrivateKey.from_private_bytes(seed)
        public = self._key.public_key().public_bytes_raw()
        if key_id is None:
            key_id = derive_key_id(public)
        self._public = PublicKey(key_id, public)

    @classmethod
    def generate(cls, key_id: bytes | None = None) -> SigningKey:
        return cls(os.urandom(32), key_id)

    @classmethod
    def from_seed(cls, seed: bytes, key_id: bytes | None = None) -> SigningKey:
        return cls(seed, key_id)

    @property
    def key_id(self) -> bytes:
        return self._public.key_id

    def seed(self) -> bytes:
        """The 32-byte secret seed. Secret: keep it inside the encrypted store."""
        return self._key.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )

    def public_key(self) -> PublicKey:
        return self._public

    def sign_raw(self, data: bytes) -> bytes:
        """A plain Ed25519 signature (64 bytes) of ``data``; the caller frames ``data`` with
        a context of its own so that it can never be taken for another kind of message."""
        return self._key.sign(bytes(data))

    def __repr__(self) -> str:
        return f"SigningKey(key_id={self._public.key_id_hex})"


def key_id_hex(key_id: bytes) -> str:
    return key_id[::-1].hex().upper()


def derive_key_id(public_bytes: bytes) -> bytes:
    return hashlib.blake2b(public_bytes, digest_size=32).digest()[:KEY_ID_SIZE]


def sign(
    data: bytes | BinaryIO,
    secret: SigningKey,
    trusted_comment: str,
    untrusted_comment: str = DEFAULT_UNTRUSTED_COMMENT,
) -> str:
    """Sign ``data`` (bytes or a binary stream, hashed in blocks); return the .minisig text."""
    trusted = _check_comment(trusted_comment, TRUSTED_COMMENT_MAX_BYTES)
    _check_comment(untrusted_comment, UNTRUSTED_COMMENT_MAX_BYTES)
    signature = secret._key.sign(_prehash(data))
    global_signature = secret._key.sign(signature + trusted)
    sig_line = base64.b64encode(ALG_PREHASHED + secret.key_id + signature).decode("ascii")
    return (
        f"{UNTRUSTED_PREFIX}{untrusted_comment}\n{sig_line}\n"
        f"{TRUSTED_PREFIX}{trusted_comment}\n"
        f"{base64.b64encode(global_signature).decode('ascii')}\n"
    )


def verify(data: bytes | BinaryIO, signature_text: str | bytes, public_key: PublicKey) -> str:
    """Verify a minisign signature over ``data``; return the verified trusted comment.

    Refuses, each with its own error: malformed text, legacy ``Ed`` signatures, a key id
    other than ``public_key``'s, a signature that does not match ``data``, and a trusted
    comment altered after signing (global signature).
    """
    lines = _lines(signature_text, SIGNATURE_TEXT_MAX_BYTES, SignatureFormatError)
    if len(lines) != 4:
        raise SignatureFormatError()
    untrusted_comment, sig_line, trusted_line, global_line = lines
    if not untrusted_comment.startswith(UNTRUSTED_PREFIX):
        raise SignatureFormatError()
    if not trusted_line.startswith(TRUSTED_PREFIX):
        raise SignatureFormatError()
    untrusted_trusted_comment = trusted_line[len(TRUSTED_PREFIX) :].encode("utf-8")
    if len(untrusted_trusted_comment) > TRUSTED_COMMENT_MAX_BYTES:
        raise SignatureFormatError()
    raw = _b64decode(sig_line, 2 + KEY_ID_SIZE + 64, SignatureFormatError)
    global_signature = _b64decode(global_line, 64, SignatureFormatError)
    algorithm, key_id, signature = raw[:2], raw[2:10], raw[10:]
    if algorithm == ALG_LEGACY:
        raise LegacySignatureError()
    if algorithm != ALG_PREHASHED:
        raise SignatureFormatError()
    if key_id != public_key.key_id:
        raise SignatureKeyMismatchError(found=key_id_hex(key_id), expected=public_key.key_id_hex)
    try:
        public_key._key.verify(signature, _prehash(data))
    except InvalidSignature:
        raise BadSignatureError() from None
    try:
        public_key._key.verify(global_signature, signature + untrusted_trusted_comment)
    except InvalidSignature:
        raise TrustedCommentTamperedError() from None
    return untrusted_trusted_comment.decode("utf-8")
