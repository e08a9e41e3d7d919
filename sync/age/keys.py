"""Identity and recipient interfaces, and parsing of their string encodings.

=========================  ==========================  ==================
kind                       encoding (Bech32 HRP)        stanza
=========================  ==========================  ==================
X25519 recipient           ``age1…``                    ``X25519``
X25519 identity            ``AGE-SECRET-KEY-1…``        ``X25519``
ML-KEM-768+X25519 recip.   ``age1pq1…``                 ``mlkem768x25519``
ML-KEM-768+X25519 ident.   ``AGE-SECRET-KEY-PQ-1…``     ``mlkem768x25519``
=========================  ==========================  ==================

Anything else (plugin recipients ``age1<name>1…``, tag recipients, SSH keys, passphrases)
is refused with :class:`~sync.errors.UnsupportedRecipientError`.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from sync.age import bech32
from sync.age.errors import (
    AgeKeyError,
    UnsupportedRecipientError,
)
from sync.age.header import Stanza
from sync.age.mlkem import (
    MLKEM768X25519Identity,
    MLKEM768X25519Recipient,
)
from sync.age.x25519 import (
    X25519Identity,
    X25519Recipient,
)

FILE_KEY_SIZE = 16


@runtime_checkable
class Recipient(Protocol):
    """Something a file key can be wrapped to."""

    #: Whether the recipient resists quantum computers; PQ and non-PQ recipients never mix.
    post_quantum: bool

    def wrap(self, file_key: bytes) -> list[Stanza]: ...

    def to_str(self) -> str: ...


@runtime_checkable
class Identity(Protocol):
    """Something that can unwrap a file key from a stanza addressed to it."""

    def unwrap(self, stanza: Stanza) -> bytes | None:
        """The file key, ``None`` if the stanza is not ours, a typed error if it is malformed."""
        ...


def parse_recipient(untrusted_text: str) -> X25519Recipient | MLKEM768X25519Recipient:
    """Parse an ``age1…`` or ``age1pq1…`` recipient."""
    hrp, _ = bech32.decode(untrusted_text.strip())
    if hrp == "age":
        return X25519Recipient.from_str(untrusted_text)
    if hrp == "age1pq":
        return MLKEM768X25519Recipient.from_str(untrusted_text)
    if hrp.startswith("age1"):
        raise UnsupportedRecipientError()  # plugin or tag recipient
    raise AgeKeyError()


def parse_identity(untrusted_text: str) -> X25519Identity | MLKEM768X25519Identity:
    """Parse an ``AGE-SECRET-KEY-1…`` or ``AGE-SECRET-KEY-PQ-1…`` identity."""
    hrp, _ = bech32.decode(untrusted_text.strip())
    if hrp == "age-secret-key-":
        return X25519Identity.from_str(untrusted_text)
    if hrp == "age-secret-key-pq-":
        return MLKEM768X25519Identity.from_str(untrusted_text)
    if hrp.startswith("age-plugin-"):
        raise UnsupportedRecipientError()
    raise AgeKeyError()
