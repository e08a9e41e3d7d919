"""The passphrase: the rule a new one must meet, and opening the passphrase slot, which also
needs this machine's device secret from the OS keyring (docs/store.md)."""

from __future__ import annotations

from storage.vault import (
    device_key,
    keyslots,
)
from storage.vault.crypto import UnwrapError
from storage.vault.device_key import DeviceSecretMismatchError
from storage.vault.errors import (
    PassphraseTooShortError,
    WrongPassphraseError,
)
from storage.vault.keyslots import (
    PASSPHRASE,
    KeySlotFile,
)

MIN_PASSPHRASE_LENGTH = 12


def validate_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise PassphraseTooShortError(minimum=MIN_PASSPHRASE_LENGTH)


def device_secret(slot: keyslots.Slot, store_id: str) -> bytes | None:
    if not slot.device_key:
        return None
    secret = device_key.load_device_secret(device_key.resolve_backend(), store_id)
    if device_key.device_key_id(secret, store_id) != slot.device_key_id:
        raise DeviceSecretMismatchError()
    return secret


def open_passphrase_slot(ks: KeySlotFile, passphrase: str) -> tuple[bytearray, bytes | None]:
    """(KEK, device secret) or :class:`WrongPassphraseError` (not counted here)."""
    slot = ks.slot(PASSPHRASE)
    device = device_secret(slot, ks.store_id)
    try:
        return keyslots.open_slot(ks.store_id, slot, passphrase, device_secret=device), device
    except UnwrapError:
        raise WrongPassphraseError(failed_attempts=0) from None
