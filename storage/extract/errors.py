"""Typed errors of extracts (storage/extract/)."""

from __future__ import annotations

from storage.errors import (
    QT_TRANSLATE_NOOP,
    NotFoundError,
    StorageError,
    ValidationError,
)


class SectionUnknownError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "{field}: unknown section “{value}”. Choose from: {choices}."
    )
    code = "extract_section"


class NoSectionError(ValidationError):
    message = QT_TRANSLATE_NOOP("Errors", "{field}: choose at least one section for the extract.")
    code = "extract_no_section"


class DecisionUnknownError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "{field}: a decision is include, mask or withhold, not “{value}”."
    )
    code = "extract_decision"


class ItemUnknownError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "{field}: “{value}” is not an item of this extract that needs a decision."
    )
    code = "extract_item"


class GroundRequiredError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "{field}: masking or withholding needs a ground (the provision, e.g. OSL 26 kap. 1 §).",
    )
    code = "extract_ground_required"


class GroundNotFoundError(NotFoundError):
    message = QT_TRANSLATE_NOOP("Errors", "No active ground for withholding “{ground}”.")
    code = "extract_ground_not_found"


class GroundDuplicateError(ValidationError):
    message = QT_TRANSLATE_NOOP("Errors", "{field}: a ground with this label already exists.")
    code = "extract_ground_duplicate"


class NoCasesForPersonError(NotFoundError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "No case in this store is about that personnummer or samordningsnummer."
    )
    code = "extract_no_cases"


class ExtractWriteError(StorageError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "The extract could not be written to that file. Choose another folder."
    )
    code = "extract_write"
