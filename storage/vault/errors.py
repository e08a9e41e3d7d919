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


class WeakPassphraseError(ValidationError):
    """A new passphrase below the rule's floor (storage/vault/passphrase.py); the subclasses
    name the reason. ``suggestion`` is a passphrase of random Swedish words."""

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The new passphrase is too easy to guess. Make it longer with words that do not "
        "belong together, for example: {suggestion}",
    )
    code = "passphrase_weak"


class PassphraseTooShortError(WeakPassphraseError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The new passphrase is too short: use at least {minimum} characters. Several words "
        "that do not belong together are easy to remember, for example: {suggestion}",
    )
    code = "passphrase_too_short"


class PassphraseTooCommonError(WeakPassphraseError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The new passphrase is made of common words, names or passwords, which are tried "
        "first. Choose words that do not belong together, for example: {suggestion}",
    )
    code = "passphrase_too_common"


class PassphraseKeyboardPatternError(WeakPassphraseError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The new passphrase follows a pattern on the keyboard (such as qwerty or 1qaz), which "
        "is tried early. Choose words that do not belong together instead, for example: "
        "{suggestion}",
    )
    code = "passphrase_keyboard_pattern"


class PassphraseRepetitionError(WeakPassphraseError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The new passphrase is a repetition or a sequence (such as aaaa, abcd or 1234), which "
        "is tried early. Choose words that do not belong together instead, for example: "
        "{suggestion}",
    )
    code = "passphrase_repetition"


class PassphraseDateError(WeakPassphraseError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The new passphrase rests on a date or a year, which is tried early. Choose words "
        "that do not belong together instead, for example: {suggestion}",
    )
    code = "passphrase_date"


class PassphraseContextWordError(WeakPassphraseError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The new passphrase is built on a word from this setting (Utväg, a municipality, your "
        "user name), which is tried early. Choose words that do not belong together instead, "
        "for example: {suggestion}",
    )
    code = "passphrase_context_word"


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
