"""Errors of token (PKCS#11) key slots. Messages name what the card says (its PIN state),
never the PIN, and clean what the module reports (labels, names) before showing it."""

from __future__ import annotations

from storage.errors import (
    QT_TRANSLATE_NOOP,
    NotFoundError,
    UtvagError,
    ValidationError,
)


class TokenError(UtvagError):
    """Base of the token refusals."""

    code = "token"


class TokenModuleError(TokenError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The card software (PKCS#11 module) {module} could not be loaded. Check the path, "
        "or ask your IT support which module your card reader uses.",
    )
    code = "token_module"


class TokenNotPresentError(TokenError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "No card or security key is inserted. Insert the card that was added to this store "
        "and try again, or open the store with the passphrase.",
    )
    code = "token_not_present"


class WrongTokenError(TokenError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The inserted card ({label}) has not been added to this store. Insert the card that "
        "was added, or open the store with the passphrase.",
    )
    code = "token_wrong"


class TokenKeyMissingError(TokenError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The card no longer holds the key that was added to this store (the card may have "
        "been renewed). Open the store with the passphrase or the recovery code, and add the "
        "card again.",
    )
    code = "token_key_missing"


class TokenNoUsableKeyError(TokenError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The card holds no key Utväg can use (an RSA key that decrypts or signs, or an EC "
        "key that can derive a shared secret).",
    )
    code = "token_no_usable_key"


class TokenPinIncorrectError(TokenError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The card's PIN is not correct. The card counts wrong PINs and locks itself after a "
        "few; check the PIN before you try again.",
    )
    code = "token_pin_incorrect"


class TokenPinLastTryError(TokenPinIncorrectError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The card's PIN is not correct, and the card says the next wrong PIN locks it. Use "
        "the passphrase instead if you are not sure of the PIN.",
    )
    code = "token_pin_last_try"


class TokenPinLockedError(TokenError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The card's PIN is locked after too many wrong tries. Unlock it with the PUK code "
        "(ask your card administrator), or open the store with the passphrase or the "
        "recovery code.",
    )
    code = "token_pin_locked"


class TokenPinInvalidError(ValidationError):
    message = QT_TRANSLATE_NOOP("Errors", "Type the card's PIN.")
    code = "token_pin_invalid"


class TokenFailedError(TokenError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The card did not complete the operation. Take it out, insert it again and try again.",
    )
    code = "token_failed"


class WrongTokenKeyError(TokenError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The card answered, but its answer does not open this store's card slot. Open the "
        "store with the passphrase or the recovery code, and add the card again.",
    )
    code = "token_wrong_key"


class TokenNeedsRecoveryError(TokenError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "A card can only be added while the store has a recovery code, so that a lost card "
        "is not a lost store.",
    )
    code = "token_needs_recovery"


class TokenSlotNotFoundError(NotFoundError):
    message = QT_TRANSLATE_NOOP("Errors", "This store has no card slot {slot}.")
    code = "token_slot_not_found"


class NoTokenSlotError(TokenError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "No card has been added to this store. Open it with the passphrase."
    )
    code = "token_no_slot"
