"""The key-slot file (``keyslots.json``) and the recovery code.

Key hierarchy (docs/store.md): a random data key DK opens the SQLCipher database; a random
key-encryption key KEK wraps DK (``data_keys``); each slot wraps KEK under a slot key:

- passphrase slot: HKDF-SHA256(Argon2id(passphrase, salt, kdf) || device secret,
  salt = store id bytes, info = "utvag/v1/slot/passphrase");
- recovery slot: HKDF-SHA256(Argon2id(recovery code bytes, salt, kdf),
  salt = store id bytes, info = "utvag/v1/slot/recovery").

The AEAD's associated data is the canonical JSON of the slot's context (format, version,
store id, kind, KDF parameters, salt, device-key flag and id), so a changed parameter makes
the unwrap fail. A SHA-256 checksum over the whole document catches accidental damage
(bit flips, truncation) *before* any KDF runs, so damage is never mistaken for a wrong
passphrase. The file holds no secret in the clear.
"""

from __future__ import annotations

import hashlib
import json
import os
import unicodedata
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from storage.atomic import atomic_write_bytes
from storage.errors import (
    QT_TRANSLATE_NOOP,
    StorageError,
    ValidationError,
    clean_untrusted,
)
from storage.json_input import (
    UntrustedJsonError,
    loads_untrusted,
)
from storage.vault import KEYSLOTS_FILE
from storage.vault.crypto import (
    SALT_BYTES,
    KdfParams,
    KdfParamsError,
    Wrapped,
    argon2id,
    b64decode,
    b64encode,
    canonical_json,
    hkdf,
    unwrap_key,
    wipe,
    wrap_key,
)
from storage.vault.token.slots import (
    MAX_TOKEN_SLOTS,
    TokenSlot,
    parse_token_slot,
)

FORMAT = "utvag-keyslots"
#: The slot contexts (AEAD associated data) and the data key's keep version 1 for ever.
VERSION = 1
#: A file with token slots is version 2 (an older Utväg then says "written by a newer
#: Utväg" instead of "damaged"); one without stays version 1.
TOKEN_VERSION = 2
FILE_NAME = KEYSLOTS_FILE
PASSPHRASE = "passphrase"  # noqa: S105 - a slot kind, not a secret
RECOVERY = "recovery"
MAX_FILE_BYTES = 64 * 1024

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_DATA_BYTES = 16
RECOVERY_CODE_CHARS = 28  # 26 for 128 bits (+2 zero bits), 2 for a check value
_NORMALISE = str.maketrans({"O": "0", "I": "1", "L": "1"})


class KeySlotsDamagedError(StorageError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The key-slot file {path} is damaged or incomplete, so the store cannot be opened. "
        "Nothing was changed; restore keyslots.json from a backup of this store.",
    )
    code = "keyslots_damaged"


class KeySlotsVersionError(StorageError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The key-slot file {path} has format version {found}, which this version of Utväg "
        "does not know. Update Utväg to open this store.",
    )
    code = "keyslots_version"


class RecoveryCodeInvalidError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "This is not a valid recovery code; check it for typos. A recovery code has 28 "
        "characters in 7 groups of 4.",
    )
    code = "recovery_code_invalid"


@dataclass(frozen=True)
class Slot:
    kind: str
    kdf: KdfParams
    salt: bytes
    device_key: bool
    device_key_id: str | None
    wrapped: Wrapped

    def context(self, store_id: str) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "store_id": store_id,
            "kind": self.kind,
            "kdf": self.kdf.to_json(),
            "salt": b64encode(self.salt),
            "device_key": self.device_key,
            "device_key_id": self.device_key_id,
        }

    def to_json(self) -> dict[str, Any]:
        data = {
            "kind": self.kind,
            "kdf": self.kdf.to_json(),
            "salt": b64encode(self.salt),
            "device_key": self.device_key,
            "device_key_id": self.device_key_id,
        }
        data.update(self.wrapped.to_json())
        return data


@dataclass(frozen=True)
class KeySlotFile:
    store_id: str
    created: str
    slots: tuple[Slot, ...]
    current: Wrapped
    pending: Wrapped | None
    #: Token (smart-card) slots: additional, independent ways to the same KEK.
    tokens: tuple[TokenSlot, ...] = ()

    def slot(self, kind: str) -> Slot:
        return next(s for s in self.slots if s.kind == kind)

    def has_slot(self, kind: str) -> bool:
        return any(s.kind == kind for s in self.slots)

    def with_slot(self, new: Slot) -> KeySlotFile:
        slots = tuple(new if s.kind == new.kind else s for s in self.slots)
        return replace(self, slots=slots)

    def token(self, slot_id: str) -> TokenSlot | None:
        return next((t for t in self.tokens if t.slot_id == slot_id), None)

    def tokens_of(self, serial: str) -> list[TokenSlot]:
        return [t for t in self.tokens if t.token_serial == serial]

    def with_token(self, new: TokenSlot) -> KeySlotFile:
        """``new`` added, or in place of the slot of the same card and key (re-enrolment)."""
        kept = tuple(t for t in self.tokens if not t.same_key(new.token_serial, new.key_id))
        return replace(self, tokens=(*kept, new))

    def without_token(self, slot_id: str) -> KeySlotFile:
        return replace(self, tokens=tuple(t for t in self.tokens if t.slot_id != slot_id))

    def fingerprint(self) -> str:
        """A short hash of what opens the store (slots and current data key, not a
        pending rekey): the audit log names it so a change can be matched to the file."""
        body: dict[str, Any] = {
            "slots": [s.to_json() for s in self.slots],
            "current": self.current.to_json(),
        }
        if self.tokens:  # without: the same fingerprint as before token slots existed
            body["token_slots"] = [t.to_json() for t in self.tokens]
        return hashlib.sha256(canonical_json(body)).hexdigest()[:32]

    def to_bytes(self) -> bytes:
        doc: dict[str, Any] = {
            "format": FORMAT,
            "version": TOKEN_VERSION if self.tokens else VERSION,
            "store_id": self.store_id,
            "created": self.created,
            "slots": [s.to_json() for s in self.slots],
            "data_keys": {
                "current": self.current.to_json(),
                "pending": self.pending.to_json() if self.pending else None,
            },
        }
        if self.tokens:
            doc["token_slots"] = [t.to_json() for t in self.tokens]
        doc["checksum"] = _checksum(doc)
        return (json.dumps(doc, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _checksum(doc: dict[str, Any]) -> str:
    body = {k: v for k, v in doc.items() if k != "checksum"}
    return "sha256:" + hashlib.sha256(canonical_json(body)).hexdigest()


def _parse_slot(data: Any) -> Slot:
    keys = {"kind", "kdf", "salt", "device_key", "device_key_id", "nonce", "wrapped_key"}
    if not isinstance(data, dict) or set(data) != keys:
        raise ValueError("slot shape")
    kind, flag, key_id = data["kind"], data["device_key"], data["device_key_id"]
    if kind not in (PASSPHRASE, RECOVERY) or type(flag) is not bool:
        raise ValueError("slot kind or flag")
    if flag != (key_id is not None) or (kind == RECOVERY and flag):
        raise ValueError("device key flag")
    if key_id is not None and not (isinstance(key_id, str) and len(key_id) == 16):
        raise ValueError("device key id")
    salt = b64decode(data["salt"])
    if len(salt) != SALT_BYTES:
        raise ValueError("salt size")
    return Slot(kind, KdfParams.from_json(data["kdf"]), salt, flag, key_id, Wrapped.from_json(data))


def parse(raw: bytes, path: Path) -> KeySlotFile:
    """Parse and validate ``keyslots.json``; typed errors for damage or an unknown version."""
    damaged = KeySlotsDamagedError(path=clean_untrusted(path))
    try:
        doc = loads_untrusted(raw)
    except UntrustedJsonError:
        raise damaged from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise damaged
    version = doc.get("version")
    if type(version) is not int or version not in (VERSION, TOKEN_VERSION):
        if type(version) is int and version > TOKEN_VERSION:
            raise KeySlotsVersionError(path=clean_untrusted(path), found=version)
        raise damaged
    keys = {"format", "version", "store_id", "created", "slots", "data_keys", "checksum"}
    if version == TOKEN_VERSION:
        keys.add("token_slots")
    if set(doc) != keys or doc["checksum"] != _checksum(doc):
        raise damaged
    try:
        store_id = doc["store_id"]
        if not isinstance(store_id, str) or str(uuid.UUID(store_id)) != store_id:
            raise ValueError("store id")
        if not isinstance(doc["created"], str) or not isinstance(doc["slots"], list):
            raise ValueError("created or slots")
        slots = tuple(_parse_slot(s) for s in doc["slots"])
        if sorted(s.kind for s in slots) != [PASSPHRASE, RECOVERY]:
            raise ValueError("slot kinds")
        dks = doc["data_keys"]
        if not isinstance(dks, dict) or set(dks) != {"current", "pending"}:
            raise ValueError("data keys")
        current = Wrapped.from_json(dks["current"])
        pending = Wrapped.from_json(dks["pending"]) if dks["pending"] is not None else None
        tokens: tuple[TokenSlot, ...] = ()
        if version == TOKEN_VERSION:
            raw_tokens = doc["token_slots"]
            if not isinstance(raw_tokens, list) or not 0 < len(raw_tokens) <= MAX_TOKEN_SLOTS:
                raise ValueError("token slots")
            tokens = tuple(parse_token_slot(t) for t in raw_tokens)
            if len({t.slot_id for t in tokens}) != len(tokens):
                raise ValueError("token slot ids")
    except (ValueError, KeyError, TypeError, KdfParamsError):
        raise damaged from None
    return KeySlotFile(store_id, doc["created"], slots, current, pending, tokens)


def read(store_dir: Path) -> KeySlotFile:
    path = store_dir / FILE_NAME
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise StorageError() from exc
    if len(raw) > MAX_FILE_BYTES:
        raise KeySlotsDamagedError(path=clean_untrusted(path))
    return parse(raw, path)


def write(store_dir: Path, slots: KeySlotFile) -> None:
    atomic_write_bytes(store_dir / FILE_NAME, slots.to_bytes())


# ---------------------------------------------------------------- slot keys


def _passphrase_bytes(passphrase: str) -> bytes:
    # NFC so that the same passphrase typed on another OS or keyboard gives the same bytes.
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def _slot_key(
    kind: str, store_id: str, secret: bytes, salt: bytes, kdf: KdfParams, device: bytes | None
) -> bytearray:
    stretched = argon2id(secret, salt, kdf)
    try:
        if device is not None:
            stretched.extend(device)
        info = f"utvag/v1/slot/{kind}".encode("ascii")
        return hkdf(stretched, salt=uuid.UUID(store_id).bytes, info=info)
    finally:
        wipe(stretched)


def _slot_secret(kind: str, secret: str | bytes) -> bytes:
    if kind == PASSPHRASE and isinstance(secret, str):
        return _passphrase_bytes(secret)
    if kind == RECOVERY and isinstance(secret, bytes) and len(secret) == RECOVERY_DATA_BYTES:
        return secret
    raise TypeError("a passphrase slot takes a str, a recovery slot the 16 code bytes")


def make_slot(
    store_id: str,
    kind: str,
    kek: bytearray,
    secret: str | bytes,
    kdf: KdfParams,
    *,
    device_secret: bytes | None = None,
    device_key_id: str | None = None,
) -> Slot:
    """A new slot (fresh salt and nonce) wrapping ``kek`` under ``secret`` (+ device secret)."""
    kdf.check()
    salt = os.urandom(SALT_BYTES)
    use_device = device_secret is not None
    draft = Slot(kind, kdf, salt, use_device, device_key_id, Wrapped(b"", b""))
    key = _slot_key(kind, store_id, _slot_secret(kind, secret), salt, kdf, device_secret)
    try:
        wrapped = wrap_key(key, kek, canonical_json(draft.context(store_id)))
    finally:
        wipe(key)
    return replace(draft, wrapped=wrapped)


def open_slot(
    store_id: str, slot: Slot, secret: str | bytes, *, device_secret: bytes | None = None
) -> bytearray:
    """Unwrap the KEK from ``slot``; :class:`~storage.vault.crypto.UnwrapError` if not."""
    key = _slot_key(
        slot.kind, store_id, _slot_secret(slot.kind, secret), slot.salt, slot.kdf, device_secret
    )
    try:
        return unwrap_key(key, slot.wrapped, canonical_json(slot.context(store_id)))
    finally:
        wipe(key)


def _data_key_ad(store_id: str) -> bytes:
    return canonical_json(
        {"format": FORMAT, "version": VERSION, "store_id": store_id, "kind": "data_key"}
    )


def wrap_data_key(store_id: str, kek: bytearray, dk: bytearray) -> Wrapped:
    return wrap_key(kek, dk, _data_key_ad(store_id))


def unwrap_data_key(store_id: str, kek: bytearray, wrapped: Wrapped) -> bytearray:
    return unwrap_key(kek, wrapped, _data_key_ad(store_id))


# ---------------------------------------------------------------- recovery code


def _recovery_check(value: int) -> int:
    """10-bit check: the 26 data characters' value mod 1021 (a prime below 32**2).

    Any single wrong character changes the value by d * 32**k with 0 < |d| < 32, and any swap
    of two neighbouring characters by (a - b) * 31 * 32**k; 1021 divides neither, so both
    are always caught. Other typos slip through with probability about 1/1021.
    """
    return value % 1021


def _encode(value: int, chars: int) -> str:
    return "".join(CROCKFORD[(value >> (5 * (chars - 1 - i))) & 31] for i in range(chars))


def format_recovery_code(data: bytes) -> str:
    """Display form: 28 Crockford base32 characters in groups of 4, joined by '-'."""
    value = int.from_bytes(data, "big") << 2
    text = _encode(value, 26) + _encode(_recovery_check(value), 2)
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def generate_recovery_code() -> tuple[str, bytes]:
    """A new recovery code: (display form, the 16 random bytes it encodes)."""
    data = os.urandom(RECOVERY_DATA_BYTES)
    return format_recovery_code(data), data


def parse_recovery_code(text: str) -> bytes:
    """Normalise (case, O->0, I/L->1, spaces and dashes ignored) and check, without any KDF."""
    cleaned = "".join(ch for ch in text.upper() if ch not in " -\t\r\n").translate(_NORMALISE)
    if len(cleaned) != RECOVERY_CODE_CHARS or any(ch not in CROCKFORD for ch in cleaned):
        raise RecoveryCodeInvalidError()
    value = 0
    for ch in cleaned[:26]:
        value = (value << 5) | CROCKFORD.index(ch)
    check = (CROCKFORD.index(cleaned[26]) << 5) | CROCKFORD.index(cleaned[27])
    if value & 3 or check != _recovery_check(value):
        raise RecoveryCodeInvalidError()
    return (value >> 2).to_bytes(RECOVERY_DATA_BYTES, "big")
