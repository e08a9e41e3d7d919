"""Errors of the handover workflow (export, import, receipts, network-conflict check).

Each is a :class:`storage.errors.UtvagError` with one sentence a caseworker can act on,
marked for translation, and a stable ``code``. Parameters never carry case data: only
case numbers / masked labels, municipality names, bundle ids, codes and counts.
"""

from __future__ import annotations

from typing import Any

from storage.errors import (
    QT_TRANSLATE_NOOP,
    UtvagError,
    ValidationError,
)


class HandoverError(UtvagError):
    message = QT_TRANSLATE_NOOP("Errors", "The handover could not be completed.")
    code = "handover"


# ---------------------------------------------------------------- export


class NoLegalBasisError(HandoverError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "There is no legal basis on file for handing this case to {municipality}: record a "
        "consent that covers it (signed, not revoked, not expired), an överflyttning "
        "decision or a request for help first.",
    )
    code = "handover_no_legal_basis"


class LegalBasisMissingError(HandoverError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The chosen legal basis ({basis}) is not on file for {municipality}, or is no longer "
        "valid; record it first or choose another basis.",
    )
    code = "handover_basis_missing"


class HandoverReasonRequiredError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Sending protected fields or a fictitious identity needs a reason; it is written to "
        "the audit log.",
    )
    code = "handover_reason_required"


class UnknownSectionError(ValidationError):
    message = QT_TRANSLATE_NOOP("Errors", "Unknown section {name}; choose from: {choices}.")
    code = "handover_unknown_section"


class HandoverExpiryError(ValidationError):
    message = QT_TRANSLATE_NOOP("Errors", "The bundle's validity must be 1 to 366 days.")
    code = "handover_expiry"


class HandoverStatusError(HandoverError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The case {case} is in status {status}; a case is handed over from {allowed}. "
        "Change its status first.",
    )
    code = "handover_status"


class HandoverPendingError(HandoverError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The case was already sent (bundle {bundle}) and awaits a receipt until {expires}; "
        "import the receipt, or wait until that bundle has expired.",
    )
    code = "handover_pending"


class HandoverCancelledError(HandoverError):
    message = QT_TRANSLATE_NOOP("Errors", "The handover was cancelled; nothing was written.")
    code = "handover_cancelled"


class HandoverNotWrittenError(HandoverError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The case's last export (bundle {bundle}) was interrupted before its file was "
        "written. Export it again with the same choices to write exactly that bundle, or "
        "cancel it ('utvag handover cancel {handover}') to choose again.",
    )
    code = "handover_not_written"


class HandoverNotCancellableError(HandoverError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Handover {handover} cannot be cancelled: only a handover whose bundle was never "
        "written can be, and this one was written (it may be on its way). Wait for the "
        "receipt, or until the bundle expires on {expires}.",
    )
    code = "handover_not_cancellable"


# ---------------------------------------------------------------- conflicts


class NetworkConflictError(HandoverError):
    """Raised when conflicts were found and not acknowledged; ``report`` has the details."""

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Network conflict: {municipality} has or recently had persons from the same or a "
        "rival group: {cases}. Check with the police before going on, then confirm "
        "(--acknowledge-conflicts).",
    )
    code = "handover_network_conflict"

    def __init__(self, message: str | None = None, /, *, report: Any = None, **params: Any):
        self.report = report
        super().__init__(message, **params)


# ---------------------------------------------------------------- import


class NotAHandoverError(HandoverError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "This bundle is a {kind}, not a case handover; receipts are imported with "
        "'utvag receipt import'.",
    )
    code = "handover_not_a_handover"


class HandoverContentError(HandoverError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The case data in the bundle is not in the handover format ({detail}); refuse it "
        "and ask the sender to send it again.",
    )
    code = "handover_content"


class PreviewClosedError(HandoverError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "This import was already accepted, refused or discarded; open the bundle again.",
    )
    code = "handover_preview_closed"


class RefusalReasonError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "A refusal needs a reason of 1 to 1,000 characters on one line; it is sent to the "
        "sender in the receipt.",
    )
    code = "handover_refusal_reason"


# ---------------------------------------------------------------- receipts


class NotAReceiptError(HandoverError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "This bundle is a {kind}, not a receipt; case handovers are imported with "
        "'utvag handover import'.",
    )
    code = "receipt_not_a_receipt"


class ReceiptUnknownHandoverError(HandoverError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "The receipt answers bundle {bundle}, which is not a handover of this store."
    )
    code = "receipt_unknown_handover"


class ReceiptAlreadyRecordedError(HandoverError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "A receipt for bundle {bundle} was already recorded on {at}."
    )
    code = "receipt_already_recorded"


class HandoverAlreadyDecidedError(HandoverError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "This handover (bundle {bundle}) was already decided on {at} and its receipt was "
        "written to {file}; it is not imported again. Write the receipt again with "
        "'utvag receipt write {bundle} --out FILE'.",
    )
    code = "handover_already_decided"


class ReceivedHandoverUnknownError(HandoverError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "No handover received by this store matches {ref}: give its bundle id (see "
        "'utvag receipt list') or the number of the case it became.",
    )
    code = "received_handover_unknown"


class ReceiptUnavailableError(HandoverError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The receipt for bundle {bundle} cannot be written again: this store no longer "
        "holds the decision it would confirm.",
    )
    code = "receipt_unavailable"


class ReceiptStatusError(HandoverError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The receiving municipality accepted the case, but {case} is now in status {status}, "
        "which cannot become överlämnad; set it to {allowed} and import the receipt again.",
    )
    code = "receipt_status"


class HandoverSharedNotResponsibleError(HandoverError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Case {case} is shared within the unit and you are not its responsible caseworker; "
        "only the responsible caseworker can hand it over to another municipality.",
    )
    code = "handover_shared_not_responsible"
