"""Validation errors of the case-file records. Each names the field (``{field}``), never the
value: a value may be personal data."""

from __future__ import annotations

from storage.errors import (
    QT_TRANSLATE_NOOP,
    NotFoundError,
    UtvagError,
    ValidationError,
)


class FieldRequiredError(ValidationError):
    message = QT_TRANSLATE_NOOP("Errors", "{field} is required.")
    code = "required"


class FieldTypeError(ValidationError):
    message = QT_TRANSLATE_NOOP("Errors", "{field} must be {expected}.")
    code = "wrong_type"


class FieldTooLongError(ValidationError):
    message = QT_TRANSLATE_NOOP("Errors", "{field} is too long (at most {limit} characters).")
    code = "too_long"


class FieldCharactersError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "{field} contains control characters; remove them and try again."
    )
    code = "bad_characters"


class InvalidDateError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "{field} is not a valid date; write it as YYYY-MM-DD (e.g. 2026-03-01)."
    )
    code = "invalid_date"


class InvalidDateTimeError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "{field} is not a valid UTC time; write it as YYYY-MM-DDTHH:MM:SSZ."
    )
    code = "invalid_datetime"


class DateOrderError(ValidationError):
    message = QT_TRANSLATE_NOOP("Errors", "{field} cannot be earlier than {other}.")
    code = "date_order"


class DateInFutureError(ValidationError):
    message = QT_TRANSLATE_NOOP("Errors", "{field} cannot lie in the future.")
    code = "date_in_future"


class NumberRangeError(ValidationError):
    message = QT_TRANSLATE_NOOP("Errors", "{field} must be a whole number from {low} to {high}.")
    code = "out_of_range"


class InvalidChoiceError(ValidationError):
    message = QT_TRANSLATE_NOOP("Errors", "{field} must be one of: {choices}.")
    code = "invalid_choice"


class InvalidCaseNumberError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "{field} must look like UV-2026-0001 (UV, year, a number of 4-6 digits)."
    )
    code = "invalid_case_number"


class DuplicateCaseNumberError(ValidationError):
    message = QT_TRANSLATE_NOOP("Errors", "{field}: a case with this case number already exists.")
    code = "duplicate_case_number"


class StatusTransitionError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "A case cannot move from status \u201c{old}\u201d to \u201c{new}\u201d."
    )
    code = "status_transition"


class OutcomeRequiredError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "{field}: closing a case (avslutad) needs an outcome ({choices})."
    )
    code = "outcome_required"


class OutcomeNotAllowedError(ValidationError):
    message = QT_TRANSLATE_NOOP("Errors", "{field}: only a closed case (avslutad) has an outcome.")
    code = "outcome_not_allowed"


class ClosedDateNotAllowedError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "{field}: only a closed or handed-over case has a closing date."
    )
    code = "closed_date_not_allowed"


class IdentityMismatchError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "{field} does not match the birth year in the personnummer."
    )
    code = "identity_mismatch"


class CaseClosedError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "Case {case} is closed or handed over; it cannot be changed any more."
    )
    code = "case_closed"


class PrincipalExistsError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "Case {case} already has a principal person; add others as närstående."
    )
    code = "principal_exists"


class ReasonRequiredError(ValidationError):
    message = QT_TRANSLATE_NOOP("Errors", "{field}: give a reason; it is written to the audit log.")
    code = "reason_required"


class UnknownFieldError(ValidationError):
    message = QT_TRANSLATE_NOOP("Errors", "{field} is not a known field.")
    code = "unknown_field"


class JournalEntrySupersededError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Journal entry {entry} has already been corrected by entry {newer}; correct the "
        "latest version instead.",
    )
    code = "journal_superseded"


class JournalEntryErroneousError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "Journal entry {entry} is marked erroneous (felmarkerad); it cannot be changed."
    )
    code = "journal_erroneous"


class DocumentTooLargeError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "{field}: the file is {size} MiB; documents may be at most {limit} MiB."
    )
    code = "document_too_large"


class DocumentTypeError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "{field}: this kind of file is not accepted. Allowed: PDF, PNG, JPEG, plain text "
        "(UTF-8 or Windows-1252), Word (DOCX) and OpenDocument text (ODT).",
    )
    code = "document_type"


class DocumentEmptyError(ValidationError):
    message = QT_TRANSLATE_NOOP("Errors", "{field}: the file is empty.")
    code = "document_empty"


class DuplicateNameError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "{field}: the register already has an entry by that name."
    )
    code = "duplicate_name"


class GroupSelfRelationError(ValidationError):
    message = QT_TRANSLATE_NOOP("Errors", "{field}: a group cannot be related to itself.")
    code = "group_self_relation"


class AlreadyDoneError(ValidationError):
    message = QT_TRANSLATE_NOOP("Errors", "{field}: this {record} is already recorded as done.")
    code = "already_done"


class CaseNotFoundError(NotFoundError):
    message = QT_TRANSLATE_NOOP("Errors", "There is no case {case}.")
    code = "case_not_found"


class RecordNotFoundError(NotFoundError):
    message = QT_TRANSLATE_NOOP("Errors", "There is no {record} with id {id}.")
    code = "record_not_found"


class ImportNotJsonError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The import file is not valid JSON (line {line}, column {column}). Nothing was imported.",
    )
    code = "import_not_json"


class ImportFormatError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        'The file is not an Utväg case import ("format": "utvag-case-import", '
        '"version": 1 or 2). Nothing was imported.',
    )
    code = "import_format"


class ImportCancelledError(UtvagError):
    message = QT_TRANSLATE_NOOP("Errors", "The import was cancelled. Nothing was imported.")
    code = "import_cancelled"


class UnknownReferenceError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "{field}: there is no {record} by that name in the file or in the register."
    )
    code = "unknown_reference"


class DraftNotYoursError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Draft {draft} was written by someone else; only its author can change, sign or delete it.",
    )
    code = "draft_not_yours"


class ChecklistExistsError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "Placement {placement} already has a relocation checklist."
    )
    code = "checklist_exists"


class CaseLinkSelfError(ValidationError):
    message = QT_TRANSLATE_NOOP("Errors", "A case cannot be linked to itself.")
    code = "case_link_self"
