"""Encrypting and decrypting whole age files, streaming, with flat memory."""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import BinaryIO

from sync.age.errors import (
    AgeTruncatedHeaderError,
    HeaderMacError,
    MalformedStanzaError,
    MixedRecipientsError,
    NoMatchingIdentityError,
    NoRecipientsError,
    TooManyRecipientsError,
    UnsupportedRecipientError,
)
from sync.age.header import (
    HEADER_MAX_BYTES,
    MAX_STANZAS,
    Stanza,
    encode_header,
    parse_header,
    read_header,
    verify_header_mac,
)
from sync.age.keys import (
    FILE_KEY_SIZE,
    Identity,
    Recipient,
)
from sync.age.stream import (
    NONCE_SIZE,
    PayloadTap,
    Plaintext,
    decrypt_payload,
    encrypt_payload,
    payload_key,
    read_full,
)

#: Stanza types that are refused outright, before any key derivation (passphrases).
REFUSED_STANZA_TYPES = frozenset({"scrypt"})


@dataclass(frozen=True)
class Envelope:
    """What makes an age file besides its payload: the file key (secret), the header (the
    recipients' stanzas and the MAC) and the payload nonce. Writing the same plaintext with
    the same envelope gives the same bytes (:func:`write_sealed`), which is how a bundle
    lost to a crash is written again identically (sync/bundle/outbox.py)."""

    file_key: bytes = field(repr=False)
    header: bytes
    nonce: bytes


def new_envelope(recipients: Sequence[Recipient]) -> Envelope:
    """A fresh file key wrapped for ``recipients``, its header and a random nonce.

    Post-quantum and classical recipients cannot be mixed (age v1.3): a file sealed to a
    post-quantum key must not also be readable with a key a quantum computer can break.
    """
    if not recipients:
        raise NoRecipientsError()
    if len(recipients) > MAX_STANZAS:
        raise TooManyRecipientsError(limit=MAX_STANZAS)
    if len({bool(r.post_quantum) for r in recipients}) > 1:
        raise MixedRecipientsError()
    file_key = os.urandom(FILE_KEY_SIZE)
    stanzas = [stanza for r in recipients for stanza in r.wrap(file_key)]
    header = encode_header(stanzas, file_key)
    if len(stanzas) > MAX_STANZAS or len(header) > HEADER_MAX_BYTES:
        raise TooManyRecipientsError(limit=MAX_STANZAS)  # we would refuse our own file
    return Envelope(file_key, header, os.urandom(NONCE_SIZE))


def write_sealed(src: Plaintext, dst: BinaryIO, envelope: Envelope) -> None:
    """Write the age file of everything readable from ``src`` under ``envelope``."""
    dst.write(envelope.header)
    dst.write(envelope.nonce)
    encrypt_payload(src, dst, payload_key(envelope.file_key, envelope.nonce))


def encrypt_stream(src: Plaintext, dst: BinaryIO, recipients: Sequence[Recipient]) -> Envelope:
    """Encrypt everything readable from ``src`` to ``dst`` as a binary age v1 file; returns
    the envelope (keep it secret, or drop it)."""
    envelope = new_envelope(recipients)
    write_sealed(src, dst, envelope)
    return envelope


def decrypt_stream(
    src: BinaryIO,
    dst: BinaryIO,
    identities: Sequence[Identity],
    *,
    tap: PayloadTap | None = None,
) -> None:
    """Decrypt the age file read from ``src`` into ``dst``, 64 KiB at a time.

    The header is read within the caps (``HEADER_MAX_BYTES``, ``MAX_STANZAS``) and parsed
    strictly; passphrase (scrypt) stanzas are refused before any key derivation; the file
    key is unwrapped with the first identity that matches; the header MAC is checked; then
    the payload is decrypted chunk by chunk.

    **Nothing written to ``dst`` may be trusted until this function returns normally.**
    Each chunk is authenticated before it is written, but truncation or extension of the
    stream is only detected at the end; on any exception, discard ``dst``. Errors are
    :class:`~sync.errors.AgeError` subclasses (``OSError`` from the streams passes through).
    ``tap`` sees the payload key and each authenticated ciphertext chunk (staging).
    """
    untrusted_header, pending = read_header(src)
    header = parse_header(untrusted_header)
    if any(stanza.type in REFUSED_STANZA_TYPES for stanza in header.stanzas):
        raise UnsupportedRecipientError()
    file_key = _unwrap(header.stanzas, identities)
    if not verify_header_mac(file_key, header):
        raise HeaderMacError()
    untrusted_nonce = read_full(src, NONCE_SIZE, pending[:NONCE_SIZE])
    if len(untrusted_nonce) < NONCE_SIZE:
        raise AgeTruncatedHeaderError()
    key = payload_key(file_key, untrusted_nonce)
    start = len(untrusted_header) + NONCE_SIZE
    decrypt_payload(src, dst, key, pending[NONCE_SIZE:], tap, start)


def _unwrap(stanzas: Sequence[Stanza], identities: Sequence[Identity]) -> bytes:
    for identity in identities:
        for stanza in stanzas:
            file_key = identity.unwrap(stanza)
            if file_key is not None:
                if len(file_key) != FILE_KEY_SIZE:
                    raise MalformedStanzaError()
                return file_key
    raise NoMatchingIdentityError()


def encrypt(data: bytes, recipients: Sequence[Recipient]) -> bytes:
    """Encrypt ``data`` in memory (small inputs; use :func:`encrypt_stream` for files)."""
    out = io.BytesIO()
    encrypt_stream(io.BytesIO(data), out, recipients)
    return out.getvalue()


def decrypt(data: bytes, identities: Sequence[Identity]) -> bytes:
    """Decrypt ``data`` in memory; the result is only returned once fully authenticated."""
    out = io.BytesIO()
    decrypt_stream(io.BytesIO(data), out, identities)
    return out.getvalue()
