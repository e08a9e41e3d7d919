"""Errors of opening and keeping a store: not found, exists, wrong passphrase or recovery code,
passphrase rules, KDF floor, locked. (Key-slot, keyring, database and lock errors stay beside
the module that raises them: ``keyslots``, ``device_key``, ``db``, ``lock``, ``throttle``.)"""

from __future__ import annotations

from storage.errors import (
    QT_TRANSLATE_NOOP,
    NotFoundError,
    StorageError,
    UtvagError,
    ValidationError,
)


class StoreNotFoundError(NotFoundError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "No store was found in {path}. Create one with utvag init, or name the right folder "
        "with --store.",
    )
    code = "store_not_found"


class StoreExistsError(StorageError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "There is already a store in {path}; Utväg will not overwrite it."
    )
    code = "store_exists"


class StoreFolderNotEmptyError(StorageError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "The folder {path} is not empty. Choose a new or empty folder for a new store."
    )
    code = "store_folder_not_empty"


class WrongPassphraseError(UtvagError):
    message = QT_TRANSLATE_NOOP("Errors", "The passphrase is not correct. Check it and try again.")
    code = "wrong_passphrase"


class WrongRecoveryCodeError(UtvagError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "The recovery code does not open this store. Check that it belongs to it."
    )
    code = "wrong_recovery_code"


class PassphraseTooShortError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "The new passphrase is too short: use at least {minimum} characters."
    )
    code = "passphrase_too_short"


class KdfTooWeakError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The key-derivation parameters are outside the accepted range (at least 64 MiB, "
        "3 passes and 4 lanes).",
    )
    code = "kdf_too_weak"


class StoreLockedError(StorageError):
    message = QT_TRANSLATE_NOOP("Errors", "The store is locked. Unlock it to continue.")
    code = "store_locked"
