"""What the unlock screen says when this computer's keyring no longer holds the store's
device secret (a reset keyring, another user account or desktop) — before anything is
typed, and instead of "wrong passphrase" — and the card it may offer (ui/access/unlock.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

#: Error codes that mean "this computer's keyring lost the device secret", not a typo.
KEYRING_CODES = {"device_secret_missing": "missing", "device_secret_mismatch": "mismatch"}


@dataclass(frozen=True)
class CardAccess:
    """The card on the unlock screen: its PKCS#11 module, ``unlock(pin) -> store`` and
    ``rebind(pin, new_passphrase) -> store`` (both run on the store worker)."""

    module: str
    unlock: Callable[[str], Any]
    rebind: Callable[[str, str], Any]


def keyring_change_text(with_card: bool) -> str:
    """The notice, in plain words: what happened, that the passphrase is not wrong, and the
    ways that tie the store to this keyring again."""
    text = QCoreApplication.translate(
        "UnlockWindow",
        "This computer's keyring no longer holds the key that ties Utväg's store to this "
        "computer — the keyring was reset, or you are logged in as another user or in "
        "another desktop. Your passphrase is not wrong, but it cannot open the store on "
        "its own now.",
    )
    if with_card:
        way = QCoreApplication.translate(
            "UnlockWindow",
            "Open it with your card (Ctrl+K) or your recovery code (Ctrl+R) and choose "
            "your passphrase again: Utväg then ties the store to this keyring.",
        )
    else:
        way = QCoreApplication.translate(
            "UnlockWindow",
            "Open it with your recovery code (Ctrl+R) and choose your passphrase again: Utväg "
            "then ties the store to this keyring.",
        )
    return f"{text} {way}"
