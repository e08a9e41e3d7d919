"""Errors of age encryption: reading a file (header, MAC, identity, payload) and keys.

The header and payload classes map to the CCTV testkit's failure kinds (docs/age-and-minisign.md).
"""

from __future__ import annotations

from storage.errors import QT_TRANSLATE_NOOP
from sync.errors import BundleError


class AgeError(BundleError):
    """Base of errors while decrypting an age file."""

    message = QT_TRANSLATE_NOOP("Errors", "The encrypted bundle could not be opened.")
    code = "age"


class AgeHeaderError(AgeError):
    """The header is not well-formed age v1 (testkit: ``header failure``)."""

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The bundle's encryption header is damaged or not in the age format; "
        "ask the sender to send it again.",
    )
    code = "age_header"


class AgeHeaderTooLargeError(AgeHeaderError):
    """The header is longer than ``HEADER_MAX_BYTES``; refused before any work."""

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The bundle's encryption header is larger than {limit} bytes, "
        "so it was refused without being processed.",
    )
    code = "age_header_too_large"


class AgeTooManyStanzasError(AgeHeaderError):
    """The header has more recipient stanzas than ``MAX_STANZAS``; refused before any work."""

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The bundle names more than {limit} recipients in its header, "
        "so it was refused without being processed.",
    )
    code = "age_too_many_stanzas"


class AgeTruncatedHeaderError(AgeHeaderError):
    """The file ends inside the header or before the payload nonce."""

    message = QT_TRANSLATE_NOOP(
        "Errors", "The bundle file is incomplete: it ends inside its encryption header."
    )
    code = "age_header_truncated"


class AgeHeaderLineError(AgeHeaderError):
    """A line of the header is not what its place requires (a damaged stanza line)."""

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Line {line} of the bundle's encryption header is damaged: it is neither part of a "
        "recipient entry nor the closing '---' line. The file was changed or damaged on the "
        "way; ask the sender to send it again.",
    )
    code = "age_header_line"


class AgeMacLineError(AgeHeaderError):
    """The closing ``---`` line (the header MAC) is damaged."""

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The line that closes the bundle's encryption header (line {line}) is damaged: it "
        "must be '---', a space and a 43-character check value. The file was changed or "
        "damaged on the way; ask the sender to send it again.",
    )
    code = "age_mac_line"


class AgeVersionError(AgeHeaderError):
    """The version line is not ``age-encryption.org/v1``."""

    message = QT_TRANSLATE_NOOP(
        "Errors", "The bundle uses a version of the age format that this program does not support."
    )
    code = "age_version"


class ArmoredFileError(AgeHeaderError):
    """The file is ASCII-armored (PEM); only binary age is accepted."""

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The bundle is in age's text (armored) form; only the binary form is accepted.",
    )
    code = "age_armored"


class UnsupportedRecipientError(AgeHeaderError):
    """A passphrase (scrypt) stanza, or a recipient type we do not support.

    Raised for scrypt before any key derivation is attempted.
    """

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The bundle is protected with a passphrase or an unsupported key type; "
        "only bundles sealed to a municipality's keys are accepted.",
    )
    code = "age_unsupported_recipient"


class MalformedStanzaError(AgeHeaderError):
    """A stanza of a type we implement breaks that type's rules (size, encoding, weak key)."""

    message = QT_TRANSLATE_NOOP(
        "Errors", "A recipient entry in the bundle's encryption header is malformed."
    )
    code = "age_stanza"


class HeaderMacError(AgeError):
    """The header MAC does not verify (testkit: ``HMAC failure``)."""

    message = QT_TRANSLATE_NOOP(
        "Errors", "The bundle's encryption header has been altered after it was sealed."
    )
    code = "age_header_mac"


class NoMatchingIdentityError(AgeError):
    """None of the given identities can unwrap the file key (testkit: ``no match``)."""

    message = QT_TRANSLATE_NOOP("Errors", "This bundle is not addressed to this store's keys.")
    code = "age_no_match"


class PayloadAuthError(AgeError):
    """The payload fails authentication (testkit: ``payload failure``).

    Anything already written to the output must be discarded.
    """

    message = QT_TRANSLATE_NOOP(
        "Errors", "The bundle's content is damaged or has been altered; nothing in it was used."
    )
    code = "age_payload"


class PayloadTruncatedError(PayloadAuthError):
    """The payload ends without a final chunk (cut short, possibly at a chunk boundary)."""

    message = QT_TRANSLATE_NOOP(
        "Errors", "The bundle is incomplete: its content is cut short; nothing in it was used."
    )
    code = "age_payload_truncated"


class PayloadTrailingDataError(PayloadAuthError):
    """There is data after the final chunk."""

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The bundle has unexpected data after its end and may have been altered; "
        "nothing in it was used.",
    )
    code = "age_payload_trailing"


class AgeKeyError(BundleError):
    """An age identity or recipient string is not valid."""

    message = QT_TRANSLATE_NOOP("Errors", "The encryption key is not a valid age key.")
    code = "age_key"


class NoRecipientsError(BundleError):
    message = QT_TRANSLATE_NOOP("Errors", "A bundle must be sealed to at least one recipient.")
    code = "age_no_recipients"


class TooManyRecipientsError(BundleError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "A bundle can be sealed to at most {limit} recipients at a time."
    )
    code = "age_too_many_recipients"


class MixedRecipientsError(BundleError):
    """Post-quantum and classical recipients in one file (age v1.3 rule)."""

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "A bundle sealed with post-quantum keys cannot also be sealed to classical keys; "
        "choose recipients of one kind.",
    )
    code = "age_mixed_recipients"
