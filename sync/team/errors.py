"""Errors of sharing cases with colleagues and of change bundles (docs/sync.md §5)."""

from __future__ import annotations

from storage.errors import QT_TRANSLATE_NOOP, ValidationError
from sync.errors import BundleError


class NotAColleagueError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "A case can only be shared with a verified colleague of the same municipality and unit.",
    )
    code = "team_not_a_colleague"


class ShareChoiceError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "A stand-in (ersättare) needs an end date after the start date; a co-caseworker "
        "(medhandläggare) has no dates.",
    )
    code = "team_share_choice"


class ProtectedReasonError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "Give a reason for sharing the protected details; it is written to the log."
    )
    code = "team_protected_reason"


class NotResponsibleError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "Only the responsible caseworker (ansvarig handläggare) can do this."
    )
    code = "team_not_responsible"


class NotAChangeBundleError(BundleError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "The file is not a change file from a colleague; nothing was used."
    )
    code = "team_not_changes"


class NotSharedError(BundleError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The change file concerns a case that is not shared with this laptop by its sender; "
        "nothing was used.",
    )
    code = "team_not_shared"


class ShareEndedError(BundleError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The change file belongs to a share that has ended or was revoked; nothing was used.",
    )
    code = "team_share_ended"


class ChangeBundleTooLargeError(BundleError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The change file is larger than the limit ({limit} MiB); nothing was used.",
    )
    code = "team_bundle_too_large"


class ProtectedNotSharedError(BundleError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The change file changes protected details (name, personnummer) that were not shared "
        "with its sender; nothing was used.",
    )
    code = "team_protected_not_shared"


class OpSignatureError(BundleError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "A change in the file does not carry a valid signature of the colleague who wrote it; "
        "nothing was used.",
    )
    code = "team_op_signature"


class OpAuthorUnknownError(BundleError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "A change in the file was written by someone who is not a verified colleague on the "
        "case; nothing was used.",
    )
    code = "team_op_author_unknown"


class OpsUnsignedError(BundleError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The change file was written by an earlier version of Utväg and its changes are not "
        "signed by their authors; nothing was used. Update Utväg on the colleague's laptop "
        "and sync again.",
    )
    code = "team_ops_unsigned"
