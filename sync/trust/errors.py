"""Errors of this installation's identity and of contacts (cards, verification, revocation),
and of a bundle's signer as the contacts know it (unknown, unverified, revoked, superseded key)."""

from __future__ import annotations

from storage.errors import (
    QT_TRANSLATE_NOOP,
    UtvagError,
)
from sync.errors import BundleError


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
