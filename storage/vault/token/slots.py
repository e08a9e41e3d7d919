"""A token slot in ``keyslots.json``: which card and key, the mechanism, the public material
the card needs (an RSA-OAEP ciphertext, an ephemeral EC public point, or a random
challenge), and the KEK wrapped under the slot key.

Slot key = HKDF-SHA256(the card's answer, salt = store id bytes,
info = "utvag/v1/slot/token/<mechanism>"); the AEAD's associated data is the canonical JSON
of {format, version, store_id, kind, slot_id, token_serial, key_id, key_type, mechanism,
material}, so a slot moved to another store, another card or key, another mechanism or
changed material does not open. The label and the enrolment time are for display only.
Nothing here is secret: the card's answer exists only while a slot is opened.
"""

from __future__ import annotations

import os
import re
import uuid
from dataclasses import dataclass, replace
from typing import Any

from storage.errors import clean_untrusted
from storage.vault.crypto import (
    Wrapped,
    b64decode,
    b64encode,
    canonical_json,
    hkdf,
    unwrap_key,
    wipe,
    wrap_key,
)
from storage.vault.token.binding import (
    ECDH,
    MAX_LABEL,
    MAX_SERIAL,
    MECHANISMS,
)

TOKEN = "token"  # noqa: S105 - the slot kind, not a secret
#: The key-slot format's name and slot-context version (as storage/vault/keyslots.py).
SLOT_FORMAT = "utvag-keyslots"
SLOT_VERSION = 1
SLOT_ID_BYTES = 8
MAX_KEY_ID_HEX = 128
MAX_MATERIAL = 1024  # an RSA-8192 ciphertext; an EC point is at most 133 bytes
MAX_TOKEN_SLOTS = 8
_HEX = re.compile(r"^[0-9a-f]*$")


@dataclass(frozen=True)
class TokenSlot:
    slot_id: str
    label: str
    token_serial: str
    key_id: str
    key_type: str
    mechanism: str
    material: bytes
    enrolled: str
    wrapped: Wrapped

    def context(self, store_id: str) -> dict[str, Any]:
        return {
            "format": SLOT_FORMAT,
            "version": SLOT_VERSION,
            "store_id": store_id,
            "kind": TOKEN,
            "slot_id": self.slot_id,
            "token_serial": self.token_serial,
            "key_id": self.key_id,
            "key_type": self.key_type,
            "mechanism": self.mechanism,
            "material": b64encode(self.material),
        }

    def to_json(self) -> dict[str, Any]:
        data = {
            "kind": TOKEN,
            "slot_id": self.slot_id,
            "label": self.label,
            "token_serial": self.token_serial,
            "key_id": self.key_id,
            "key_type": self.key_type,
            "mechanism": self.mechanism,
            "material": b64encode(self.material),
            "enrolled": self.enrolled,
        }
        data.update(self.wrapped.to_json())
        return data

    def same_key(self, serial: str, key_id: str) -> bool:
        return self.token_serial == serial and self.key_id == key_id


def new_slot_id() -> str:
    return os.urandom(SLOT_ID_BYTES).hex()


_KEYS = {
    "kind",
    "slot_id",
    "label",
    "token_serial",
    "key_id",
    "key_type",
    "mechanism",
    "material",
    "enrolled",
    "nonce",
    "wrapped_key",
}


def parse_token_slot(untrusted: Any) -> TokenSlot:
    """One token slot from the parsed file; ``ValueError`` for anything out of shape."""
    if not isinstance(untrusted, dict) or set(untrusted) != _KEYS or untrusted["kind"] != TOKEN:
        raise ValueError("token slot shape")
    texts = {k: untrusted[k] for k in _KEYS - {"nonce", "wrapped_key"}}
    if not all(isinstance(v, str) for v in texts.values()):
        raise ValueError("token slot types")
    slot_id, key_id = texts["slot_id"], texts["key_id"]
    if len(slot_id) != 2 * SLOT_ID_BYTES or not _HEX.match(slot_id):
        raise ValueError("slot id")
    if not key_id or len(key_id) > MAX_KEY_ID_HEX or len(key_id) % 2 or not _HEX.match(key_id):
        raise ValueError("key id")
    if texts["mechanism"] not in MECHANISMS:
        raise ValueError("mechanism")
    expected_type = "ec" if texts["mechanism"] == ECDH else "rsa"
    if texts["key_type"] != expected_type:
        raise ValueError("key type")
    serial, label = texts["token_serial"], texts["label"]
    if len(serial) > MAX_SERIAL or clean_untrusted(serial, MAX_SERIAL) != serial:
        raise ValueError("serial")
    if len(label) > MAX_LABEL or clean_untrusted(label, MAX_LABEL) != label:
        raise ValueError("label")
    if len(texts["enrolled"]) > 40:
        raise ValueError("enrolled")
    material = b64decode(untrusted["material"])
    if not 16 <= len(material) <= MAX_MATERIAL:
        raise ValueError("material")
    return TokenSlot(
        slot_id,
        label,
        serial,
        key_id,
        texts["key_type"],
        texts["mechanism"],
        material,
        texts["enrolled"],
        Wrapped.from_json(untrusted),
    )


def slot_key(answer: bytes | bytearray, store_id: str, mechanism: str) -> bytearray:
    """HKDF-SHA256 over the card's answer (a decrypted secret, an ECDH shared secret, or a
    deterministic signature)."""
    info = f"utvag/v1/slot/token/{mechanism}".encode("ascii")
    return hkdf(answer, salt=uuid.UUID(store_id).bytes, info=info)


def wrap_in_slot(draft: TokenSlot, store_id: str, answer: bytearray, kek: bytearray) -> TokenSlot:
    """``draft`` with ``kek`` wrapped under the key the card's ``answer`` gives."""
    key = slot_key(answer, store_id, draft.mechanism)
    try:
        wrapped = wrap_key(key, kek, canonical_json(draft.context(store_id)))
    finally:
        wipe(key)
    return replace(draft, wrapped=wrapped)


def open_with_answer(slot: TokenSlot, store_id: str, answer: bytearray) -> bytearray:
    """The KEK; :class:`storage.vault.crypto.UnwrapError` when the answer does not fit."""
    key = slot_key(answer, store_id, slot.mechanism)
    try:
        return unwrap_key(key, slot.wrapped, canonical_json(slot.context(store_id)))
    finally:
        wipe(key)
