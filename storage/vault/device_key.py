"""The device secret: 32 random bytes per store, held in the OS keyring via ``keyring``.

It is combined with Argon2id(passphrase) in the passphrase slot, so the database file plus
the passphrase do not open the store on another machine (the recovery code does).

Only backends on an allow-list are used: Secret Service (GNOME Keyring, KWallet's
Secret Service, KeePassXC), libsecret, KWallet over D-Bus, the Windows Credential Manager
and the macOS Keychain. Anything else (keyrings.alt's plaintext or file-"encrypted"
keyrings, the null and fail backends, unknown third-party backends) is refused with a
message naming the fix. With keyring's chainer, the highest-priority allowed backend in the
chain is used *directly*, so the secret never lands in a lower-grade backend of the chain.
"""

from __future__ import annotations

import base64
import binascii
import os
import uuid
from typing import TYPE_CHECKING, Any

from storage.errors import (
    QT_TRANSLATE_NOOP,
    UtvagError,
    clean_untrusted,
)
from storage.vault.crypto import (
    KEY_BYTES,
    hkdf,
)

if TYPE_CHECKING:  # keyring is imported when first needed: it costs ~50 ms at start-up
    from keyring.backend import KeyringBackend

SERVICE = "Utväg"

#: Backends that keep secrets encrypted under the user's login or a hardware-backed store.
ALLOWED_BACKENDS = frozenset(
    {
        "keyring.backends.SecretService.Keyring",
        "keyring.backends.libsecret.Keyring",
        "keyring.backends.kwallet.DBusKeyring",
        "keyring.backends.kwallet.DBusKeyringKWallet4",
        "keyring.backends.Windows.WinVaultKeyring",
        "keyring.backends.macOS.Keyring",
    }
)
_NO_BACKEND = frozenset({"keyring.backends.fail.Keyring", "keyring.backends.null.Keyring"})
_CHAINER = "keyring.backends.chainer.ChainerBackend"


class KeyringProblem(UtvagError):
    """Base of the keyring refusals."""

    code = "keyring"


class NoSecureKeyringError(KeyringProblem):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "No secure keyring is available for the store's device secret. Install or unlock a "
        "Secret Service keyring (GNOME Keyring or KWallet), or use the Windows Credential "
        "Manager or macOS Keychain; for a new store you may instead choose a weaker "
        "passphrase-only store deliberately with --no-device-key.",
    )
    code = "no_secure_keyring"


class InsecureKeyringError(KeyringProblem):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The keyring backend {backend} keeps secrets in plaintext or is not known to be "
        "secure, so Utväg will not use it. Install or unlock a Secret Service keyring (GNOME "
        "Keyring or KWallet), or use the Windows Credential Manager or macOS Keychain; for a "
        "new store you may instead choose a weaker passphrase-only store deliberately with "
        "--no-device-key.",
    )
    code = "insecure_keyring"


class KeyringUnavailableError(KeyringProblem):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The keyring ({backend}) could not be reached or is locked. Unlock your keyring "
        "(log in again, or open GNOME Keyring or KWallet) and try again.",
    )
    code = "keyring_unavailable"


class DeviceSecretMissingError(KeyringProblem):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "This computer's keyring no longer holds the key that ties the store to this "
        "computer (the keyring was reset, or you use another user account or desktop, or the "
        "store comes from another computer). The passphrase is not wrong, but it cannot open "
        "the store on its own now. Open it with the recovery code or a card added to it, and "
        "the store is tied to this keyring again: utvag recover, or utvag keyslot "
        "bind-keyring.",
    )
    code = "device_secret_missing"


class DeviceSecretMismatchError(KeyringProblem):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "This computer's keyring holds a key for this store from another setup, not the one "
        "that ties the store to this computer. The passphrase is not wrong, but it cannot "
        "open the store on its own now. Open it with the recovery code or a card added to it, "
        "and the store is tied to this keyring again: utvag recover, or utvag keyslot "
        "bind-keyring.",
    )
    code = "device_secret_mismatch"


def backend_name(backend: Any) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def _candidates(backend: KeyringBackend) -> list[Any]:
    if backend_name(backend) == _CHAINER:
        return list(getattr(backend, "backends", []))
    return [backend]


def resolve_backend() -> KeyringBackend:
    """The keyring backend to use, or a typed refusal (nothing is written)."""
    try:
        import keyring

        current = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - keyring's discovery can fail in many ways
        raise NoSecureKeyringError() from None
    candidates = _candidates(current)
    for candidate in candidates:
        if backend_name(candidate) in ALLOWED_BACKENDS:
            return candidate  # type: ignore[no-any-return]
    insecure = [c for c in candidates if backend_name(c) not in _NO_BACKEND]
    if insecure:
        raise InsecureKeyringError(backend=clean_untrusted(backend_name(insecure[0])))
    raise NoSecureKeyringError()


def describe_backend() -> tuple[str, bool]:
    """(name of the backend Utväg would use or refuses, whether it is acceptable); never raises."""
    try:
        backend = resolve_backend()
    except InsecureKeyringError as exc:
        return str(exc.params.get("backend", "?")), False
    except KeyringProblem:
        return "none", False
    return backend_name(backend), True


def new_device_secret() -> bytes:
    return os.urandom(KEY_BYTES)


def device_key_id(secret: bytes, store_id: str) -> str:
    """A non-secret 64-bit fingerprint of the device secret (tells "missing" from "other")."""
    return hkdf(
        secret, salt=uuid.UUID(store_id).bytes, info=b"utvag/v1/device-key-id", length=8
    ).hex()


#: Product names for messages (the GUI's keyring page translates its own: ui/kit/labels.py).
PRODUCT_NAMES = {
    "keyring.backends.SecretService.Keyring": "Secret Service",
    "keyring.backends.libsecret.Keyring": "Secret Service",
    "keyring.backends.kwallet.DBusKeyring": "KWallet",
    "keyring.backends.kwallet.DBusKeyringKWallet4": "KWallet",
    "keyring.backends.Windows.WinVaultKeyring": "Windows Credential Manager",
    "keyring.backends.macOS.Keyring": "macOS Keychain",
}


def _unavailable(backend: KeyringBackend) -> KeyringUnavailableError:
    name = backend_name(backend)
    return KeyringUnavailableError(backend=clean_untrusted(PRODUCT_NAMES.get(name, name)))


def load_device_secret(backend: KeyringBackend, store_id: str) -> bytes:
    """The store's device secret from ``backend``; typed errors when missing or unreachable."""
    try:
        value = backend.get_password(SERVICE, store_id)
    except Exception:  # noqa: BLE001 - backends raise their own (D-Bus, locked, ...) errors
        raise _unavailable(backend) from None
    if value is None:
        raise DeviceSecretMissingError()
    try:
        secret = base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise DeviceSecretMismatchError() from None
    if len(secret) != KEY_BYTES:
        raise DeviceSecretMismatchError()
    return secret


def save_device_secret(backend: KeyringBackend, store_id: str, secret: bytes) -> None:
    """Store (or replace) the device secret; verifies it reads back."""
    try:
        backend.set_password(SERVICE, store_id, base64.b64encode(secret).decode("ascii"))
    except Exception:  # noqa: BLE001
        raise _unavailable(backend) from None
    if load_device_secret(backend, store_id) != secret:
        raise _unavailable(backend)


def delete_device_secret(backend: KeyringBackend, store_id: str) -> bool:
    """Remove the device secret; ``False`` if it was not there or could not be removed."""
    try:
        backend.delete_password(SERVICE, store_id)
    except Exception:  # noqa: BLE001 - "not found" is an exception in keyring
        return False
    return True
