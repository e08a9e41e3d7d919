"""Errors of minisign signatures: malformed files, legacy signatures, key mismatch, forgery."""

from __future__ import annotations

from storage.errors import QT_TRANSLATE_NOOP
from sync.errors import BundleError


class SignatureError(BundleError):
    """Base of signature errors."""

    message = QT_TRANSLATE_NOOP("Errors", "The bundle's signature could not be verified.")
    code = "signature"


class SignatureFormatError(SignatureError):
    message = QT_TRANSLATE_NOOP("Errors", "The signature file is malformed.")
    code = "signature_format"


class PublicKeyFormatError(SignatureError):
    message = QT_TRANSLATE_NOOP("Errors", "The signing public key is malformed.")
    code = "signature_public_key"


class LegacySignatureError(SignatureError):
    """A minisign ``Ed`` (non-prehashed, legacy) signature."""

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The signature uses minisign's old non-prehashed format, which is not accepted; "
        "ask the sender to sign again.",
    )
    code = "signature_legacy"


class SignatureCommentError(SignatureError):
    """A comment to be signed is not one line or is too long."""

    message = QT_TRANSLATE_NOOP(
        "Errors", "A signature comment must be a single line of at most {limit} bytes."
    )
    code = "signature_comment"


class SignatureKeyMismatchError(SignatureError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The signature was made with key {found}, not with the sender's key {expected}.",
    )
    code = "signature_key_mismatch"


class BadSignatureError(SignatureError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The signature does not match the signed data; it was altered or not made by the sender.",
    )
    code = "signature_bad"


class TrustedCommentTamperedError(SignatureError):
    """The global signature over (signature || trusted comment) does not verify."""

    message = QT_TRANSLATE_NOOP(
        "Errors", "The signature's trusted comment has been altered after signing."
    )
    code = "signature_trusted_comment"
