"""Fingerprints: what two caseworkers read aloud to each other to verify a contact.

Public API:

- :func:`fingerprint_digest` — SHA-256 over the canonical public-key set (below);
- :func:`fingerprint` — the 40-digit form, ``"12345 67890 … 13579"`` (8 groups of 5);
- :func:`qr_payload` — ``"UTVAG:FP1:<64 upper-case hex>"`` for a QR code (alphanumeric
  mode); rendering is the GUI's job;
- :func:`normalise_typed` / :func:`matches` — compare what a person typed or scanned.

Canonical key set (UTF-8, each line ending in LF, nothing else)::

    utvag-fingerprint v1
    minisign <base64 of "Ed" || key id (8) || Ed25519 public key (32)>
    age <age1… X25519 recipient, lower case>
    age-pq <age1pq1… recipient, lower case, or "-" when the card has none>

Digits: the 32-byte digest is cut into eight 4-byte big-endian integers; each gives
``n mod 100000`` as five digits (about 16.6 bits each, 132 bits in all). Names are not
part of the fingerprint: they are signed by the key the fingerprint verifies.
"""

from __future__ import annotations

import hashlib
import hmac
import re

FINGERPRINT_VERSION_LINE = "utvag-fingerprint v1"
QR_PREFIX = "UTVAG:FP1:"
GROUPS = 8
GROUP_DIGITS = 5
DIGITS = GROUPS * GROUP_DIGITS
_SEPARATORS = re.compile(r"[\s\-.·]+")
_DIGITS_RE = re.compile(r"[0-9]{40}")
_QR_RE = re.compile(r"UTVAG:FP1:[0-9A-F]{64}")


def canonical_key_set(
    minisign_public_key: str, age_recipient: str, age_pq_recipient: str | None
) -> bytes:
    """The exact bytes the fingerprint hashes (see the module docstring)."""
    lines = [
        FINGERPRINT_VERSION_LINE,
        f"minisign {minisign_public_key}",
        f"age {age_recipient.lower()}",
        f"age-pq {age_pq_recipient.lower() if age_pq_recipient else '-'}",
    ]
    return "".join(line + "\n" for line in lines).encode("utf-8")


def fingerprint_digest(
    minisign_public_key: str, age_recipient: str, age_pq_recipient: str | None
) -> bytes:
    return hashlib.sha256(
        canonical_key_set(minisign_public_key, age_recipient, age_pq_recipient)
    ).digest()


def digits_from_digest(digest: bytes) -> str:
    """The 40-digit form of a 32-byte digest, in groups of five separated by spaces."""
    if len(digest) != 32:
        raise ValueError("a fingerprint digest is 32 bytes")
    groups = [
        f"{int.from_bytes(digest[4 * i : 4 * i + 4], 'big') % 100_000:05d}" for i in range(GROUPS)
    ]
    return " ".join(groups)


def fingerprint(minisign_public_key: str, age_recipient: str, age_pq_recipient: str | None) -> str:
    """``"12345 67890 …"``: what is shown on both sides and read aloud."""
    return digits_from_digest(
        fingerprint_digest(minisign_public_key, age_recipient, age_pq_recipient)
    )


def qr_payload(minisign_public_key: str, age_recipient: str, age_pq_recipient: str | None) -> str:
    """``UTVAG:FP1:<hex>``: the full digest, for a QR code shown next to the digits."""
    digest = fingerprint_digest(minisign_public_key, age_recipient, age_pq_recipient)
    return QR_PREFIX + digest.hex().upper()


def normalise_typed(untrusted_text: str) -> str | None:
    """40 digits without separators, or the QR payload upper-cased; ``None`` if neither.

    Spaces, tabs, newlines, hyphens, dots and middle dots between digits are ignored.
    """
    text = _SEPARATORS.sub("", untrusted_text or "")
    if _DIGITS_RE.fullmatch(text):
        return text
    upper = text.upper()
    if _QR_RE.fullmatch(upper):
        return upper
    return None


def matches(untrusted_typed: str, expected_digits: str, expected_qr: str) -> bool:
    """Whether the typed digits (or a scanned QR payload) equal the expected fingerprint."""
    typed = normalise_typed(untrusted_typed)
    if typed is None:
        return False
    if typed.startswith(QR_PREFIX):
        return hmac.compare_digest(typed.encode("ascii"), expected_qr.encode("ascii"))
    return hmac.compare_digest(typed.encode("ascii"), expected_digits.replace(" ", "").encode())
