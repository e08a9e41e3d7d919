"""Errors of the operation log and of merging colleagues' operations (docs/sync.md §5)."""

from __future__ import annotations

from storage.errors import (
    QT_TRANSLATE_NOOP,
    StorageError,
    ValidationError,
)


class TeamError(StorageError):
    message = QT_TRANSLATE_NOOP("Errors", "The shared case could not be updated.")
    code = "team"


class OpsInvalidError(TeamError):
    """Untrusted operations that are not of the documented shape."""

    message = QT_TRANSLATE_NOOP(
        "Errors", "The changes from the colleague are not in the expected format; nothing was used."
    )
    code = "team_changes_invalid"


class OutOfOrderError(TeamError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The changes build on earlier changes this laptop does not have yet; nothing was used. "
        "Sync again: the colleague's next change file carries what is missing.",
    )
    code = "team_out_of_order"


class ClockAheadError(TeamError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The changes are dated more than an hour ahead of this laptop's clock; nothing was used. "
        "Check the date and time on both laptops.",
    )
    code = "team_clock_ahead"


class NotRemovableError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Only a relative (närstående) that nothing else in the case refers to can be removed.",
    )
    code = "team_not_removable"


class ConflictGoneError(TeamError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "That conflict has already been resolved; the case shows the current values."
    )
    code = "team_conflict_gone"


class CaseEndedError(TeamError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Your time as stand-in (ersättare) on this case has ended; the case can no longer be "
        "shown on this laptop.",
    )
    code = "team_case_ended"


class CaseHandedOverError(TeamError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The responsible caseworker has handed this shared case over to another municipality; "
        "it can no longer be shown on this laptop and its copy is removed at the next sync.",
    )
    code = "team_case_handed_over"


class ProtectedNotHeldError(TeamError):
    """A local change of protected details on a laptop whose share does not include them."""

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Your share of this case does not include the protected details, so you cannot change "
        "a protected person's name or personnummer, a protected address or a fictitious "
        "identity here. Nothing was saved. Ask the responsible caseworker to make the change.",
    )
    code = "team_protected_not_held"
