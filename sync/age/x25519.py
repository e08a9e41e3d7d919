"""The native X25519 recipient type (``age1…`` / ``AGE-SECRET-KEY-1…``, stanza ``X25519``)."""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from sync.age import bech32
from sync.age.errors import (
    AgeKeyError,
    MalformedStanzaError,
)
from sync.age.header import (
    Stanza,
    b64decode,
    b64encode,
)

STANZA_TYPE = "X25519"
RECIPIENT_HRP = "age"
IDENTITY_HRP = "AGE-SECRET-KEY-"
_INFO = b"age-encryption.org/v1/X25519"
_ZERO_NONCE = bytes(12)
_FILE_KEY_SIZE = 16
_BODY_SIZE = _FILE_KEY_SIZE + 16


def _wrap_key(shared: bytes, share: bytes, recipient: bytes) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=share + recipient, info=_INFO)
    return hkdf.derive(shared)


class X25519Recipient:
    """An X25519 public key, ``age1…``."""

    post_quantum = False

    def __init__(self, public_bytes: bytes) -> None:
        if len(public_bytes) != 32:
            raise AgeKeyError()
        self._key = X25519PublicKey.from_public_bytes(public_bytes)
        self._bytes = bytes(public_bytes)

    @classmethod
    def from_str(cls, untrusted_text: str) -> X25519Recipient:
        hrp, data = bech32.decode(untrusted_text.strip())
        if hrp != RECIPIENT_HRP:
            raise AgeKeyError()
        return cls(data)

    def to_str(self) -> str:
        return bech32.encode(RECIPIENT_HRP, self._bytes)

    def to_bytes(self) -> bytes:
        return self._bytes

    def wrap(self, file_key: bytes) -> list[Stanza]:
        ephemeral = X25519PrivateKey.generate()
        share = ephemeral.public_key().public_bytes_raw()
        try:
            shared = ephemeral.exchange(self._key)
        except ValueError:
            raise AgeKeyError() from None  # a low-order "public key"
        body = ChaCha20Poly1305(_wrap_key(shared, share, self._bytes)).encrypt(
            _ZERO_NONCE, file_key, None
        )
        return [Stanza(STANZA_TYPE, (b64encode(share),), body)]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, X25519Recipient) and other._bytes == self._bytes

    def __hash__(self) -> int:
        return hash((STANZA_TYPE, self._bytes))

    def __repr__(self) -> str:
        return f"X25519Recipient({self.to_str()!r})"


class X25519Identity:
    """An X25519 secret key, ``AGE-SECRET-KEY-1…``. Its ``repr`` never shows the key."""

    def __init__(self, secret_bytes: bytes) -> None:
        if len(secret_bytes) != 32:
            raise AgeKeyError()
        self._key = X25519PrivateKey.from_private_bytes(secret_bytes)
        self._public = self._key.public_key().public_bytes_raw()

    @classmethod
    def generate(cls) -> X25519Identity:
        return cls(os.urandom(32))

    @classmethod
    def from_str(cls, untrusted_text: str) -> X25519Identity:
        hrp, data = bech32.decode(untrusted_text.strip())
        if hrp != IDENTITY_HRP.lower():
            raise AgeKeyError()
        return cls(data)

    def to_str(self) -> str:
        """The ``AGE-SECRET-KEY-1…`` string. Secret: keep it inside the encrypted store."""
        return bech32.encode(IDENTITY_HRP, self.to_bytes())

    def to_bytes(self) -> bytes:
        """The 32 secret bytes. Secret: keep them inside the encrypted store."""
        return self._key.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )

    def recipient(self) -> X25519Recipient:
        return X25519Recipient(self._public)

    def unwrap(self, stanza: Stanza) -> bytes | None:
        """The file key if ``stanza`` is ours, ``None`` if not; a typed error if malformed."""
        if stanza.type != STANZA_TYPE:
            return None
        if len(stanza.args) != 1:
            raise MalformedStanzaError()
        untrusted_share = b64decode(stanza.args[0], MalformedStanzaError)
        if len(untrusted_share) != 32 or len(stanza.body) != _BODY_SIZE:
            raise MalformedStanzaError()
        try:
            shared = self._key.exchange(X25519PublicKey.from_public_bytes(untrusted_share))
        except ValueError:
            raise MalformedStanzaError() from None  # all-zero secret: low-order share
        key = _wrap_key(shared, untrusted_share, self._public)
        try:
            return ChaCha20Poly1305(key).decrypt(_ZERO_NONCE, stanza.body, None)
        except InvalidTag:
            return None

    def __repr__(self) -> str:
        return f"X25519Identity(recipient={self.recipient().to_str()!r})"
