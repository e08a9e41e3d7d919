"""Contact cards (``.utvagkort``): an installation's names and public keys, self-signed.

A card is a strict ustar archive (as in bundles, docs/bundle-format.md "Contact cards"):

1. ``card.json`` — UTF-8 JSON: format ``utvag-card``, version 1, municipality, unit,
   caseworker, key generation, created, keys {minisign, age, age_pq}, fingerprint, previous;
2. ``card.json.minisig`` — a minisign signature of ``card.json`` by the card's own key,
   trusted comment ``utvag-card v1 key=<KEY ID> gen=<n>``;
3. only on an *update card* (after a key rotation): ``card.json.previous.minisig`` — a
   signature of the same ``card.json`` by the previous key, trusted comment
   ``utvag-card-update v1 from=<OLD KEY ID> to=<NEW KEY ID> gen=<n>``.

The self-signature proves possession of the key, nothing more; trust comes from comparing
the fingerprint out of band (:mod:`sync.trust.fingerprint`). Public API: :class:`Card`,
:class:`KeySet`, :func:`build_card`, :func:`parse_card` (used by identity and contacts).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sync.age import (
    MLKEM768X25519Recipient,
    X25519Recipient,
    parse_recipient,
)
from sync.age.errors import (
    AgeKeyError,
    UnsupportedRecipientError,
)
from sync.errors import BundleError
from sync.signing.errors import SignatureError
from sync.signing.minisign import (
    PublicKey,
    SigningKey,
    sign,
    verify,
)
from sync.trust import fingerprint as fp
from sync.trust.errors import CardFormatError
from sync.wire.fields import (
    FINGERPRINT_RE,
    NAME_MAX_CHARS,
    check_text,
    format_time,
    parse_time,
    strict_json,
)
from sync.wire.ustar import (
    read_small_archive,
    small_archive,
)

CARD_FORMAT = "utvag-card"
CARD_VERSION = 1
CARD_EXTENSION = ".utvagkort"
CARD_JSON = "card.json"
CARD_SIG = "card.json.minisig"
CARD_PREVIOUS_SIG = "card.json.previous.minisig"
CARD_PART_MAX_BYTES = 16 * 1024
CARD_MAX_BYTES = 64 * 1024
MAX_GENERATION = 2**31
_TOP = {
    "format",
    "version",
    "municipality",
    "unit",
    "caseworker",
    "generation",
    "created",
    "keys",
    "fingerprint",
    "previous",
}


@dataclass(frozen=True)
class KeySet:
    """The public keys of one key generation, in canonical text form."""

    minisign: str  # base64 of "Ed" || key id || public key
    age: str  # age1…
    age_pq: str | None  # age1pq1…, or None (cards made with age < 1.3 tools)

    @property
    def public_key(self) -> PublicKey:
        return PublicKey.from_minisign_text(self.minisign)

    @property
    def key_id_hex(self) -> str:
        return self.public_key.key_id_hex

    @property
    def fingerprint(self) -> str:
        return fp.fingerprint(self.minisign, self.age, self.age_pq)

    @property
    def qr_payload(self) -> str:
        return fp.qr_payload(self.minisign, self.age, self.age_pq)

    def age_recipients(self) -> list[str]:
        return [self.age] + ([self.age_pq] if self.age_pq else [])


@dataclass(frozen=True)
class Card:
    municipality: str
    unit: str
    caseworker: str
    generation: int
    created: datetime
    keys: KeySet
    previous: KeySet | None  # only ``minisign`` is meaningful; age fields are empty
    previous_fingerprint: str | None
    raw: bytes  # the whole card file, as received

    @property
    def fingerprint(self) -> str:
        return self.keys.fingerprint


def _card_json(
    names: tuple[str, str, str],
    generation: int,
    created: datetime,
    keys: KeySet,
    previous: KeySet | None,
) -> bytes:
    data: dict[str, Any] = {
        "format": CARD_FORMAT,
        "version": CARD_VERSION,
        "municipality": names[0],
        "unit": names[1],
        "caseworker": names[2],
        "generation": generation,
        "created": format_time(created),
        "keys": {"minisign": keys.minisign, "age": keys.age, "age_pq": keys.age_pq},
        "fingerprint": keys.fingerprint,
        "previous": None
        if previous is None
        else {"minisign": previous.minisign, "fingerprint": previous.fingerprint},
    }
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def self_comment(key_id_hex: str, generation: int) -> str:
    return f"utvag-card v1 key={key_id_hex} gen={generation}"


def update_comment(old_key_id_hex: str, new_key_id_hex: str, generation: int) -> str:
    return f"utvag-card-update v1 from={old_key_id_hex} to={new_key_id_hex} gen={generation}"


def build_card(
    names: tuple[str, str, str],
    generation: int,
    created: datetime,
    keys: KeySet,
    signing_key: SigningKey,
    previous: tuple[KeySet, SigningKey] | None = None,
) -> bytes:
    """A card file; with ``previous``, an update card endorsed by the previous key."""
    body = _card_json(names, generation, created, keys, previous[0] if previous else None)
    key_id = signing_key.public_key().key_id_hex
    members = [
        (CARD_JSON, body),
        (CARD_SIG, sign(body, signing_key, self_comment(key_id, generation)).encode("ascii")),
    ]
    if previous is not None:
        old_key = previous[1]
        comment = update_comment(old_key.public_key().key_id_hex, key_id, generation)
        members.append((CARD_PREVIOUS_SIG, sign(body, old_key, comment).encode("ascii")))
    return small_archive(members)


def _canonical_keys(untrusted: object) -> KeySet:
    if not isinstance(untrusted, dict) or set(untrusted) != {"minisign", "age", "age_pq"}:
        raise CardFormatError()
    minisign_text, age, age_pq = untrusted["minisign"], untrusted["age"], untrusted["age_pq"]
    if not isinstance(minisign_text, str) or not isinstance(age, str):
        raise CardFormatError()
    if age_pq is not None and not isinstance(age_pq, str):
        raise CardFormatError()
    try:
        if PublicKey.from_minisign_text(minisign_text).to_base64() != minisign_text:
            raise CardFormatError()
        x25519 = parse_recipient(age)
        pq = parse_recipient(age_pq) if age_pq is not None else None
    except (SignatureError, AgeKeyError, UnsupportedRecipientError):
        raise CardFormatError() from None
    if not isinstance(x25519, X25519Recipient) or x25519.to_str() != age:
        raise CardFormatError()
    if pq is not None and (not isinstance(pq, MLKEM768X25519Recipient) or pq.to_str() != age_pq):
        raise CardFormatError()
    return KeySet(minisign_text, age, age_pq)


def _text(untrusted: object) -> str:
    return check_text(untrusted, limit=NAME_MAX_CHARS, empty_ok=False, error=CardFormatError)


def parse_card(untrusted_data: bytes) -> Card:
    """Parse a card strictly and verify its signatures (self, and previous on an update).

    Raises :class:`CardFormatError` for anything malformed, and the minisign errors
    (:class:`~sync.errors.SignatureError` subclasses) for a signature that does not verify.
    """
    if not isinstance(untrusted_data, bytes | bytearray) or len(untrusted_data) > CARD_MAX_BYTES:
        raise CardFormatError()
    try:
        parts = read_small_archive(
            bytes(untrusted_data), max_members=3, max_member_size=CARD_PART_MAX_BYTES
        )
    except BundleError:
        raise CardFormatError() from None
    names = [name for name, _ in parts]
    if names not in ([CARD_JSON, CARD_SIG], [CARD_JSON, CARD_SIG, CARD_PREVIOUS_SIG]):
        raise CardFormatError()
    body = parts[0][1]
    top = strict_json(body, CardFormatError)
    if not isinstance(top, dict) or set(top) != _TOP:
        raise CardFormatError()
    if top["format"] != CARD_FORMAT or type(top["version"]) is not int or top["version"] != 1:
        raise CardFormatError()
    generation = top["generation"]
    if type(generation) is not int or not 1 <= generation <= MAX_GENERATION:
        raise CardFormatError()
    keys = _canonical_keys(top["keys"])
    if top["fingerprint"] != keys.fingerprint:
        raise CardFormatError()
    previous, previous_fp = _previous(top["previous"], generation)
    if (previous is None) != (len(parts) == 2):
        raise CardFormatError()
    public = keys.public_key
    if verify(body, parts[1][1], public) != self_comment(public.key_id_hex, generation):
        raise CardFormatError()
    if previous is not None:
        old = previous.public_key
        if old.key_id == public.key_id:
            raise CardFormatError()
        comment = update_comment(old.key_id_hex, public.key_id_hex, generation)
        if verify(body, parts[2][1], old) != comment:
            raise CardFormatError()
    return Card(
        _text(top["municipality"]),
        _text(top["unit"]),
        _text(top["caseworker"]),
        generation,
        parse_time(top["created"], CardFormatError),
        keys,
        previous,
        previous_fp,
        bytes(untrusted_data),
    )


def _previous(untrusted: object, generation: int) -> tuple[KeySet | None, str | None]:
    if untrusted is None:
        return None, None
    if not isinstance(untrusted, dict) or set(untrusted) != {"minisign", "fingerprint"}:
        raise CardFormatError()
    minisign_text, fingerprint = untrusted["minisign"], untrusted["fingerprint"]
    if generation < 2 or not isinstance(minisign_text, str):
        raise CardFormatError()
    if not isinstance(fingerprint, str) or FINGERPRINT_RE.fullmatch(fingerprint) is None:
        raise CardFormatError()
    try:
        if PublicKey.from_minisign_text(minisign_text).to_base64() != minisign_text:
            raise CardFormatError()
    except SignatureError:
        raise CardFormatError() from None
    return KeySet(minisign_text, "", None), fingerprint
