"""Adding, re-adding, listing and removing token slots on an open store (all audited), and
looking at the inserted cards before a PIN is asked.

A token slot is an *additional* way to the same KEK: adding one needs the passphrase (to
open the KEK) and a recovery slot (a lost card must not be a lost store), and the card's
PIN (the round trip is proven on the card before the slot is written). The same card and
key added again replaces its slot (``keyslot.token_reenrolled``).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storage.errors import (
    QT_TRANSLATE_NOOP,
    UsageError,
)
from storage.vault import keyslots
from storage.vault.audit import utc_now
from storage.vault.crypto import (
    Wrapped,
    wipe,
)
from storage.vault.keyslots import (
    RECOVERY,
    KeySlotFile,
)
from storage.vault.passphrase import open_passphrase_slot
from storage.vault.store import Store
from storage.vault.token import (
    binding,
    mechanisms,
)
from storage.vault.token.binding import (
    CardKey,
    TokenInfo,
)
from storage.vault.token.errors import (
    TokenNeedsRecoveryError,
    TokenNotPresentError,
    TokenNoUsableKeyError,
    TokenSlotNotFoundError,
)
from storage.vault.token.slots import (
    MAX_TOKEN_SLOTS,
    TokenSlot,
    new_slot_id,
    wrap_in_slot,
)


class TokenChoiceError(UsageError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "{count} cards are inserted; choose one with --slot (see utvag keyslot tokens), or "
        "take out the others.",
    )
    code = "token_choice"


class TokenSlotNumberError(UsageError):
    message = QT_TRANSLATE_NOOP("Errors", "There is no inserted card at slot {slot}.")
    code = "token_slot_number"


class TokenKeyChoiceError(UsageError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "The card has no usable key with id {key_id} (see utvag keyslot tokens)."
    )
    code = "token_key_choice"


class TooManyTokenSlotsError(UsageError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "A store can have at most {count} card slots; remove one first."
    )
    code = "token_too_many"


@dataclass(frozen=True)
class InsertedToken:
    """An inserted card: its index in the module's list, PKCS#11 slot id, what it says."""

    index: int
    slot_id: int
    info: TokenInfo


def inserted_tokens(module: Path | str) -> list[InsertedToken]:
    """The inserted cards and their PIN state (no PIN asked, nothing written)."""
    with binding.open_module(module) as lib:
        return [
            InsertedToken(i, int(token.slot.slot_id), info)
            for i, (token, info) in enumerate(binding.tokens(lib))
        ]


def _choose(present: list[tuple[Any, TokenInfo]], slot: int | None) -> tuple[Any, TokenInfo]:
    if not present:
        raise TokenNotPresentError()
    if slot is None:
        if len(present) > 1:
            raise TokenChoiceError(count=len(present))
        return present[0]
    for index, (token, info) in enumerate(present):
        if slot in (index, int(token.slot.slot_id)):
            return token, info
    raise TokenSlotNumberError(slot=slot)


def card_keys(
    module: Path | str, pin: str, slot: int | None = None
) -> tuple[TokenInfo, list[CardKey]]:
    """The chosen card and the keys on it Utväg can use (needs the PIN)."""
    with binding.open_module(module) as lib:
        token, info = _choose(binding.tokens(lib), slot)
        with binding.login(token, pin) as session:
            return info, binding.usable_keys(token, session)


def enrol_token(
    store: Store,
    passphrase: str,
    module: Path | str,
    pin: str,
    *,
    slot: int | None = None,
    key_id: str | None = None,
    label: str | None = None,
) -> TokenSlot:
    """Add the card as a token slot (or replace its slot); returns the new slot."""
    ks = keyslots.read(store.path)
    if not ks.has_slot(RECOVERY):  # a card must never be the only way in
        raise TokenNeedsRecoveryError()
    binding.check_pin_text(pin)
    kek, _device = open_passphrase_slot(ks, passphrase)  # wrong: refused, not counted
    try:
        draft = _enrol_on_card(ks, kek, module, pin, slot, key_id, label)
    finally:
        wipe(kek)
    replacing = any(t.same_key(draft.token_serial, draft.key_id) for t in ks.tokens)
    if not replacing and len(ks.tokens) >= MAX_TOKEN_SLOTS:
        raise TooManyTokenSlotsError(count=MAX_TOKEN_SLOTS)
    details = {"slot_id": draft.slot_id, "mechanism": draft.mechanism}
    store.write_key_change(
        "keyslot.token_reenrolled" if replacing else "keyslot.token_added",
        ks.with_token(draft),
        details,
    )
    return draft


def _enrol_on_card(
    ks: KeySlotFile,
    kek: bytearray,
    module: Path | str,
    pin: str,
    slot: int | None,
    key_id: str | None,
    label: str | None,
) -> TokenSlot:
    with binding.open_module(module) as lib:
        token, info = _choose(binding.tokens(lib), slot)
        with binding.login(token, pin) as session:
            keys = binding.usable_keys(token, session)
            if not keys:
                raise TokenNoUsableKeyError()
            card = _pick_key(keys, key_id)
            key = binding.find_private_key(session, card.key_id)
            if key is None:
                raise TokenNoUsableKeyError()
            slot_id = new_slot_id()
            mechanism, material, answer = mechanisms.enrol(session, key, card, ks.store_id, slot_id)
            try:
                draft = TokenSlot(
                    slot_id=slot_id,
                    label=binding.clean_label(label or info.label or info.model),
                    token_serial=info.serial,
                    key_id=card.key_id,
                    key_type=card.key_type,
                    mechanism=mechanism,
                    material=material,
                    enrolled=utc_now(),
                    wrapped=Wrapped(b"", b""),
                )
                return wrap_in_slot(draft, ks.store_id, answer, kek)
            finally:
                wipe(answer)


#: Preferred first: decryption and key agreement, then the signature fallback.
_PREFERENCE = (binding.RSA_OAEP_SHA256, binding.ECDH, binding.RSA_SIGN)


def _pick_key(keys: list[CardKey], key_id: str | None) -> CardKey:
    if key_id is not None:
        wanted = key_id.lower().removeprefix("0x")
        for card in keys:
            if card.key_id == wanted:
                return card
        raise TokenKeyChoiceError(key_id=binding.clean_label(key_id))
    return sorted(keys, key=lambda c: _PREFERENCE.index(c.mechanism))[0]


def remove_token_slot(store: Store, slot_id: str) -> None:
    """Remove a token slot (audited ``keyslot.token_removed``); the other slots stay."""
    ks = keyslots.read(store.path)
    if ks.token(slot_id) is None:
        raise TokenSlotNotFoundError(slot=binding.clean_label(slot_id))
    store.write_key_change("keyslot.token_removed", ks.without_token(slot_id), {"slot_id": slot_id})


@dataclass(frozen=True)
class SlotSummary:
    """One way into the store, for listing (no secret)."""

    kind: str  # passphrase | recovery | token
    slot_id: str
    label: str = ""
    token_serial: str = ""
    mechanism: str = ""
    enrolled: str = ""
    device_key: bool = False


def list_key_slots(store: Store, *, audit: bool = True) -> list[SlotSummary]:
    """Every key slot of the store (audited ``keyslot.list`` unless ``audit`` is False:
    the client's settings read it on every opening)."""
    ks = keyslots.read(store.path)
    found = [SlotSummary(s.kind, s.kind, device_key=s.device_key) for s in ks.slots]
    found += [
        SlotSummary("token", t.slot_id, t.label, t.token_serial, t.mechanism, t.enrolled)
        for t in ks.tokens
    ]
    if audit:
        with store.transaction():
            store.audit.append("keyslot.list", details={"token_slots": len(ks.tokens)})
    return found


def token_slot_count(store_dir: Path) -> int:
    """How many token slots the store has (reads keyslots.json only; 0 when unreadable)."""
    with contextlib.suppress(Exception):
        return len(keyslots.read(Path(store_dir)).tokens)
    return 0
