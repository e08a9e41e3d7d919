"""The hybrid post-quantum recipient type of age v1.3: ML-KEM-768 + X25519 (X-Wing).

``age1pq1…`` / ``AGE-SECRET-KEY-PQ-1…``; stanza ``-> mlkem768x25519 <enc>`` whose body is
the HPKE (RFC 9180) SealBase ciphertext of the file key with KEM MLKEM768-X25519,
KDF HKDF-SHA256, AEAD ChaCha20Poly1305, info ``age-encryption.org/mlkem768x25519``, empty
aad. The identity is a 32-byte seed expanded with SHAKE256 to 96 bytes: the ML-KEM-768
seed (d || z, 64 bytes) and the X25519 secret (32 bytes), as in filippo.io/hpke-pq.
"""

from __future__ import annotations

import hashlib
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.mlkem import MLKEM768PrivateKey, MLKEM768PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

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

STANZA_TYPE = "mlkem768x25519"
RECIPIENT_HRP = "age1pq"
IDENTITY_HRP = "AGE-SECRET-KEY-PQ-"
_INFO = b"age-encryption.org/mlkem768x25519"
_MLKEM_PK = 1184
_MLKEM_CT = 1088
PUBLIC_KEY_SIZE = _MLKEM_PK + 32
ENC_SIZE = _MLKEM_CT + 32
_BODY_SIZE = 16 + 16
_SUITE = hpke.Suite(hpke.KEM.MLKEM768_X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.CHACHA20_POLY1305)


class MLKEM768X25519Recipient:
    """A hybrid post-quantum public key, ``age1pq1…`` (1,216 bytes)."""

    post_quantum = True

    def __init__(self, public_bytes: bytes) -> None:
        if len(public_bytes) != PUBLIC_KEY_SIZE:
            raise AgeKeyError()
        try:
            mlkem_pk = MLKEM768PublicKey.from_public_bytes(public_bytes[:_MLKEM_PK])
            x25519_pk = X25519PublicKey.from_public_bytes(public_bytes[_MLKEM_PK:])
        except ValueError:
            raise AgeKeyError() from None
        self._key = hpke.MLKEM768X25519PublicKey(mlkem_pk, x25519_pk)
        self._bytes = bytes(public_bytes)

    @classmethod
    def from_str(cls, untrusted_text: str) -> MLKEM768X25519Recipient:
        hrp, data = bech32.decode(untrusted_text.strip())
        if hrp != RECIPIENT_HRP:
            raise AgeKeyError()
        return cls(data)

    def to_str(self) -> str:
        return bech32.encode(RECIPIENT_HRP, self._bytes)

    def to_bytes(self) -> bytes:
        return self._bytes

    def wrap(self, file_key: bytes) -> list[Stanza]:
        try:
            sealed = _SUITE.encrypt(file_key, self._key, info=_INFO)
        except ValueError:
            raise AgeKeyError() from None  # e.g. a low-order X25519 half
        enc, body = sealed[:ENC_SIZE], sealed[ENC_SIZE:]
        return [Stanza(STANZA_TYPE, (b64encode(enc),), body)]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, MLKEM768X25519Recipient) and other._bytes == self._bytes

    def __hash__(self) -> int:
        return hash((STANZA_TYPE, self._bytes))

    def __repr__(self) -> str:
        return f"MLKEM768X25519Recipient({self.to_str()[:24]}…)"


class MLKEM768X25519Identity:
    """A hybrid post-quantum secret key (32-byte seed). Its ``repr`` never shows the key."""

    def __init__(self, seed: bytes) -> None:
        if len(seed) != 32:
            raise AgeKeyError()
        self._seed = bytes(seed)
        expanded = hashlib.shake_256(self._seed).digest(96)
        self._mlkem = MLKEM768PrivateKey.from_seed_bytes(expanded[:64])
        self._x25519 = X25519PrivateKey.from_private_bytes(expanded[64:])
        self._key = hpke.MLKEM768X25519PrivateKey(self._mlkem, self._x25519)
        self._public = (
            self._mlkem.public_key().public_bytes_raw()
            + self._x25519.public_key().public_bytes_raw()
        )

    @classmethod
    def generate(cls) -> MLKEM768X25519Identity:
        return cls(os.urandom(32))

    @classmethod
    def from_str(cls, untrusted_text: str) -> MLKEM768X25519Identity:
        hrp, data = bech32.decode(untrusted_text.strip())
        if hrp != IDENTITY_HRP.lower():
            raise AgeKeyError()
        return cls(data)

    def to_str(self) -> str:
        """The ``AGE-SECRET-KEY-PQ-1…`` string. Secret: keep it inside the encrypted store."""
        return bech32.encode(IDENTITY_HRP, self._seed)

    def to_bytes(self) -> bytes:
        """The 32-byte seed. Secret: keep it inside the encrypted store."""
        return self._seed

    def recipient(self) -> MLKEM768X25519Recipient:
        return MLKEM768X25519Recipient(self._public)

    def unwrap(self, stanza: Stanza) -> bytes | None:
        """The file key if ``stanza`` is ours, ``None`` if not; a typed error if malformed."""
        if stanza.type != STANZA_TYPE:
            return None
        if len(stanza.args) != 1:
            raise MalformedStanzaError()
        untrusted_enc = b64decode(stanza.args[0], MalformedStanzaError)
        if len(untrusted_enc) != ENC_SIZE or len(stanza.body) != _BODY_SIZE:
            raise MalformedStanzaError()
        try:
            # HPKE reports an all-zero X25519 secret as a failed tag; the spec wants it refused.
            self._x25519.exchange(X25519PublicKey.from_public_bytes(untrusted_enc[_MLKEM_CT:]))
        except ValueError:
            raise MalformedStanzaError() from None
        try:
            return _SUITE.decrypt(untrusted_enc + stanza.body, self._key, info=_INFO)
        except InvalidTag:
            return None  # ML-KEM rejects implicitly: a foreign stanza fails here

    def __repr__(self) -> str:
        return f"MLKEM768X25519Identity(recipient={self.recipient().to_str()[:24]!r}…)"
