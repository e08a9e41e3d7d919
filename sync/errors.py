"""Errors of the bundle layer: age encryption, minisign signatures, keys.

Every class is a :class:`storage.errors.UtvagError` with a one-sentence message a caseworker
can act on, marked for translation, and a stable ``code``. The tree:

- :class:`BundleError` — base of everything that can go wrong with a bundle.
  - **age encryption** (:class:`AgeError`)
    - :class:`AgeHeaderError` — the header is not well-formed age v1 (the testkit's
      "header failure"); subclasses say why: too large, too many stanzas, truncated,
      unsupported version, armored, unsupported recipient (scrypt), malformed stanza.
    - :class:`HeaderMacError` — the header MAC does not verify ("HMAC failure").
    - :class:`NoMatchingIdentityError` — none of our keys opens it ("no match").
    - :class:`PayloadAuthError` — the payload is tampered, truncated or has trailing data
      ("payload failure"). Plaintext already written is not to be trusted.
  - **keys and recipients**: :class:`AgeKeyError`, :class:`NoRecipientsError`,
    :class:`MixedRecipientsError`, :class:`TooManyRecipientsError`.
  - **signatures** (:class:`SignatureError`): malformed files, legacy ``Ed`` signatures,
    key-id mismatch, bad signature, tampered trusted comment.

Other bundle-level errors (manifest, expiry, replay, members…) belong in their own section
below, each under :class:`BundleError`:

- **archive and manifest**: :class:`BundleReadError`, :class:`BundleFormatError`,
  :class:`UnsafeMemberError` (name, type), :class:`BundleTooLargeError`,
  :class:`ManifestError` (trusted comment mismatch, sender mismatch);
- **sender and recipient**: :class:`UnknownSenderError`, :class:`UnverifiedSenderError`,
  :class:`RevokedSenderError` (superseded key), :class:`NotARecipientError`;
- **freshness**: :class:`BundleExpiredError`, :class:`ReplayedBundleError`,
  :class:`SequenceRollbackError`;
- **members**: :class:`MemberMismatchError` (hash, size, extra, missing, order),
  :class:`StagedMemberError`; sealing: :class:`SealChoiceError`, :class:`MemberChangedError`;
  receipts: :class:`ReceiptError`.

Identity and contact errors (:class:`IdentityError`, :class:`ContactError` and subclasses)
close the file; docs/bundle-format.md maps each check to its error.
"""

from __future__ import annotations

from storage.errors import (
    QT_TRANSLATE_NOOP,
    UtvagError,
)


class BundleError(UtvagError):
    """Base of every bundle error."""

    message = QT_TRANSLATE_NOOP("Errors", "The bundle could not be opened.")
    code = "bundle"


# ---------------------------------------------------------------- age: reading a file


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


# ---------------------------------------------------------------- age: keys and sealing


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


# ---------------------------------------------------------------- minisign signatures


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


# ---------------------------------------------------------------- bundles (manifest, members…)
# Add bundle-level errors below, each a subclass of BundleError.


class BundleFormatError(BundleError):
    """The decrypted content is not a strict ustar archive laid out as the format requires.

    ``reason`` (a fixed English word, never untrusted text) tells tests and logs which rule.
    """

    message = QT_TRANSLATE_NOOP(
        "Errors", "The bundle's content is not laid out as the bundle format requires."
    )
    code = "bundle_format"


class BundleReadError(BundleError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "The bundle file could not be read; check that it exists and is complete."
    )
    code = "bundle_read"


class SealChoiceError(BundleError):
    """Sealing was asked for something the format does not allow (kind rules, expiry)."""

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The bundle cannot be sealed like this: check the kind, the case reference, the legal "
        "basis and that the expiry is in the future and at most a year ahead.",
    )
    code = "bundle_seal_choice"


class UnsafeMemberError(BundleError):
    message = QT_TRANSLATE_NOOP("Errors", "The bundle contains an entry that is not allowed.")
    code = "bundle_unsafe_member"


class UnsafeMemberNameError(UnsafeMemberError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The bundle contains an entry with a name that is not allowed ({name}); "
        "nothing in it was used.",
    )
    code = "bundle_unsafe_name"


class UnsafeMemberTypeError(UnsafeMemberError):
    """A link, directory, device, FIFO, pax or GNU extension header, or special mode bits."""

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The bundle contains a link, folder or special entry, which bundles never contain; "
        "nothing in it was used.",
    )
    code = "bundle_unsafe_type"


class BundleTooLargeError(BundleError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The bundle or one of its parts is larger than this program accepts (at most {limit}).",
    )
    code = "bundle_too_large"


class ManifestError(BundleError):
    """The signed manifest is not valid JSON of the documented shape."""

    message = QT_TRANSLATE_NOOP(
        "Errors", "The bundle's table of contents (manifest) is invalid; nothing in it was used."
    )
    code = "bundle_manifest"


class TrustedCommentMismatchError(ManifestError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The bundle's signature comment does not match its table of contents; "
        "nothing in it was used.",
    )
    code = "bundle_trusted_comment_mismatch"


class SenderMismatchError(ManifestError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The sender named inside the bundle does not match the key that signed it; "
        "nothing in it was used.",
    )
    code = "bundle_sender_mismatch"


class UnknownSenderError(BundleError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The bundle is signed with key {key_id}, which belongs to none of your contacts. "
        "Import and verify the sender's contact card first.",
    )
    code = "bundle_unknown_sender"


class UnverifiedSenderError(BundleError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The bundle comes from a contact whose fingerprint has not been verified yet. "
        "Verify it with the sender by phone or in person, then open the bundle again.",
    )
    code = "bundle_unverified_sender"


class RevokedSenderError(BundleError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "The bundle is signed with a key you have revoked; it was refused."
    )
    code = "bundle_revoked_sender"


class SupersededSenderKeyError(RevokedSenderError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The bundle is signed with a key the sender has since replaced; ask the sender "
        "to send it again.",
    )
    code = "bundle_superseded_key"


class NotARecipientError(BundleError):
    """We could decrypt it, but the signed manifest does not name us (e.g. forwarded)."""

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The bundle was not addressed to this unit by its sender (it may have been "
        "forwarded); it was refused.",
    )
    code = "bundle_not_a_recipient"


class BundleExpiredError(BundleError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "The bundle expired on {expires} (UTC); ask the sender for a new one."
    )
    code = "bundle_expired"


class ReplayedBundleError(BundleError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "This bundle has already been received; it is not imported a second time."
    )
    code = "bundle_replayed"


class SequenceRollbackError(BundleError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The bundle is older than one already received from the same sender (number {found}, "
        "last received {last}); ask the sender to send it again.",
    )
    code = "bundle_sequence_rollback"


class MemberMismatchError(BundleError):
    """Base: the members do not match the signed manifest."""

    message = QT_TRANSLATE_NOOP(
        "Errors", "The bundle's contents do not match its signed table of contents."
    )
    code = "bundle_member_mismatch"


class MemberHashError(MemberMismatchError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "The part {name} of the bundle was altered: its checksum does not match."
    )
    code = "bundle_member_hash"


class MemberSizeError(MemberMismatchError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "The part {name} of the bundle does not have the size its sender signed."
    )
    code = "bundle_member_size"


class ExtraMemberError(MemberMismatchError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "The bundle contains a part ({name}) its sender did not sign; it was refused."
    )
    code = "bundle_extra_member"


class MissingMemberError(MemberMismatchError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "The bundle lacks a part ({name}) its sender signed; it was refused."
    )
    code = "bundle_missing_member"


class MemberOrderError(MemberMismatchError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "The parts of the bundle are not in the order its sender signed."
    )
    code = "bundle_member_order"


class MemberChangedError(BundleError):
    """While sealing: a member's content changed between hashing and writing."""

    message = QT_TRANSLATE_NOOP(
        "Errors", "A document changed while the bundle was being written; nothing was written."
    )
    code = "bundle_member_changed"


class StagedMemberError(BundleError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "This opened bundle has no part named {name}, or it was already imported."
    )
    code = "bundle_staged_member"


class ReceiptError(BundleError):
    message = QT_TRANSLATE_NOOP("Errors", "The receipt is invalid.")
    code = "receipt"


class ReceiptMismatchError(ReceiptError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The receipt does not refer to a bundle this unit sent to its sender; it was refused.",
    )
    code = "receipt_mismatch"


# ---------------------------------------------------------------- identity and contacts


class IdentityError(UtvagError):
    message = QT_TRANSLATE_NOOP("Errors", "This store's identity could not be used.")
    code = "identity"


class NoIdentityError(IdentityError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "This store has no identity yet; set up the municipality, unit and caseworker first.",
    )
    code = "identity_missing"


class IdentityNameError(IdentityError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The {field} must be 1 to {limit} characters of ordinary text on one line.",
    )
    code = "identity_name"


class ContactError(UtvagError):
    message = QT_TRANSLATE_NOOP("Errors", "The contact could not be used.")
    code = "contact"


class ContactNotFoundError(ContactError):
    message = QT_TRANSLATE_NOOP("Errors", "There is no contact number {id}.")
    code = "contact_not_found"


class CardFormatError(ContactError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "The file is not a valid Utväg contact card; ask the sender for a new one."
    )
    code = "card_format"


class OwnCardError(ContactError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "This is your own contact card; import the other unit's card instead."
    )
    code = "card_own"


class ContactConflictError(ContactError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "You already have contact number {id} for this municipality, unit and caseworker "
        "with other keys. A new card never replaces it: apply a signed key update, or revoke "
        "the old contact first.",
    )
    code = "contact_conflict"


class KeyConflictError(ContactError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "A key on this card is already used by another contact or by a retired or revoked "
        "key; the card was refused.",
    )
    code = "contact_key_conflict"


class RevokedKeyError(ContactError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "This card carries a key you have revoked or that was replaced; it was refused."
    )
    code = "contact_key_revoked"


class FingerprintMismatchError(ContactError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The fingerprint you entered does not match this contact's card. Do not use the "
        "contact; check with the sender over a channel you trust.",
    )
    code = "contact_fingerprint_mismatch"


class ContactNotVerifiedError(ContactError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Contact number {id} has not been verified; compare its fingerprint with the "
        "recipient before sending.",
    )
    code = "contact_unverified"


class ContactRevokedError(ContactError):
    message = QT_TRANSLATE_NOOP("Errors", "Contact number {id} has been revoked.")
    code = "contact_revoked"


class ContactUpdateError(ContactError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The key update is not signed by the contact's current verified key, or is older "
        "than the keys you have; it was refused.",
    )
    code = "contact_update"
