"""Errors of a case's needs and plan: each names the field or record, never its content."""

from __future__ import annotations

from storage.errors import QT_TRANSLATE_NOOP, ValidationError


class NeedsIncompleteError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "{field}: every domain must be rated; missing: {missing}.",
    )
    code = "needs_incomplete"


class NeedsOccasionError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "{field}: case {case} is closed; only an assessment at a follow-up or at closing can "
        "be added.",
    )
    code = "needs_occasion"


class DecisionSupersededError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Decision {decision} has already been corrected by decision {newer}; correct the "
        "latest version instead.",
    )
    code = "decision_superseded"


class DecisionNotifiedError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Decision {decision} already has a notification date; a signed decision is changed "
        "only by a correction.",
    )
    code = "decision_notified"


class ReasonsRequiredError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "{field}: a decision that is not granted in full needs its reasons."
    )
    code = "decision_reasons"


class AppealDecidedError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "The outcome of appeal {appeal} is already recorded; it is recorded once."
    )
    code = "appeal_decided"


class WrongCaseError(ValidationError):
    message = QT_TRANSLATE_NOOP("Errors", "{field}: {record} {id} belongs to another case.")
    code = "wrong_case"


class CaseStillOpenError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Case {case} is not closed; the reason a case ended is recorded when it is closed or "
        "handed over.",
    )
    code = "case_still_open"


class InactiveProvisionError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "{field}: the provision is no longer in use; choose another or make it active again "
        "in the register.",
    )
    code = "provision_inactive"
