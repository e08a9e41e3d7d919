"""age v1 encryption (C2SP age) on the ``cryptography`` package's primitives.

Binary format only; recipients X25519 and the hybrid post-quantum ML-KEM-768+X25519
(age v1.3 ``mlkem768x25519``). Passphrase (scrypt) files and ASCII armor are refused.
Header size and stanza count are capped before any work. See docs/age-and-minisign.md.

Typical use::

    identity = MLKEM768X25519Identity.generate()
    sealed = encrypt(b"...", [identity.recipient()])
    assert decrypt(sealed, [identity]) == b"..."

For files, use :func:`encrypt_stream` / :func:`decrypt_stream`; the output of
:func:`decrypt_stream` is only trustworthy once it has returned without an exception.
"""

from sync.age.api import (
    Envelope,
    decrypt,
    decrypt_stream,
    encrypt,
    encrypt_stream,
    new_envelope,
    write_sealed,
)
from sync.age.header import (
    HEADER_MAX_BYTES,
    MAX_STANZAS,
)
from sync.age.keys import (
    Identity,
    Recipient,
    parse_identity,
    parse_recipient,
)
from sync.age.mlkem import (
    MLKEM768X25519Identity,
    MLKEM768X25519Recipient,
)
from sync.age.stream import CHUNK_SIZE
from sync.age.x25519 import (
    X25519Identity,
    X25519Recipient,
)

__all__ = [
    "CHUNK_SIZE",
    "HEADER_MAX_BYTES",
    "MAX_STANZAS",
    "Envelope",
    "Identity",
    "MLKEM768X25519Identity",
    "MLKEM768X25519Recipient",
    "Recipient",
    "X25519Identity",
    "X25519Recipient",
    "decrypt",
    "decrypt_stream",
    "encrypt",
    "encrypt_stream",
    "new_envelope",
    "parse_identity",
    "parse_recipient",
    "write_sealed",
]
