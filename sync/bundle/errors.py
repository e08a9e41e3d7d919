"""Errors of sealing and opening a bundle: manifest, sender and recipient, freshness, members,
staging and receipts (docs/bundle-format.md maps each check to its error).
"""

from __future__ import annotations

from storage.errors import QT_TRANSLATE_NOOP
from sync.errors import BundleError


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


class BundleNotPlacedError(BundleError):
    """Sealed and recorded, but the rename into place failed (not a kill: an error)."""

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The bundle {bundle} was sealed and recorded, but it could not be put at {path}. "
        "Utväg keeps what it needs to write exactly this bundle again; it tries at the next "
        "start, or write it to another folder.",
    )
    code = "bundle_not_placed"


class BundleNotRewritableError(BundleError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The bundle {bundle} cannot be written again: what it takes to write the same bytes "
        "is no longer kept (it has expired, been answered or cancelled, or it was sealed by an "
        "older version of Utväg).",
    )
    code = "bundle_not_rewritable"
