"""Field validators shared by the repositories and the JSON import.

Each takes the field name first (it appears in the error) and returns the clean value or
raises a :class:`~storage.errors.ValidationError` subclass naming the field.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from storage.records.errors import (
    DateInFutureError,
    DateOrderError,
    FieldCharactersError,
    FieldRequiredError,
    FieldTooLongError,
    FieldTypeError,
    InvalidDateError,
    InvalidDateTimeError,
    NumberRangeError,
)

SHORT = 200
LONG = 20_000
JOURNAL_LIMIT = 100_000
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_UTC = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
#: Unicode categories Cc (U+0000-U+001F, U+007F-U+009F: fixed by the standard) and Cs
#: (surrogates), as one search instead of a category lookup per character; tab and line
#: feed are allowed in multi-line text.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_CONTROL_MULTILINE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def text(
    field: str,
    value: object,
    *,
    required: bool = True,
    limit: int = SHORT,
    multiline: bool = False,
) -> str | None:
    """A trimmed string; ``None``/empty allowed only when not required."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise FieldRequiredError(field=field)
        return None
    if not isinstance(value, str):
        raise FieldTypeError(field=field, expected="text")
    clean = unicodedata.normalize("NFC", value.replace("\r\n", "\n")).strip()
    if (_CONTROL_MULTILINE if multiline else _CONTROL).search(clean):
        raise FieldCharactersError(field=field)
    if len(clean) > limit:
        raise FieldTooLongError(field=field, limit=limit)
    return clean


def required_text(field: str, value: object, *, limit: int = SHORT, multiline: bool = False) -> str:
    result = text(field, value, required=True, limit=limit, multiline=multiline)
    assert result is not None
    return result


def date(field: str, value: object, *, required: bool = True) -> dt.date | None:
    """An ISO date (``YYYY-MM-DD`` string or :class:`datetime.date`)."""
    if value is None or value == "":
        if required:
            raise FieldRequiredError(field=field)
        return None
    if isinstance(value, dt.datetime):
        raise InvalidDateError(field=field)
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.match(value.strip()):
        raise InvalidDateError(field=field)
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidDateError(field=field) from None


def required_date(field: str, value: object) -> dt.date:
    result = date(field, value, required=True)
    assert result is not None
    return result


def not_future(field: str, value: dt.date | None, today: dt.date) -> dt.date | None:
    if value is not None and value > today:
        raise DateInFutureError(field=field)
    return value


def required_past(field: str, value: object, today: dt.date) -> dt.date:
    """A required date that does not lie after ``today``."""
    day = required_date(field, value)
    if day > today:
        raise DateInFutureError(field=field)
    return day


def ordered(field: str, later: dt.date | None, other: str, earlier: dt.date | None) -> None:
    """``later`` must not be before ``earlier`` (both optional)."""
    if later is not None and earlier is not None and later < earlier:
        raise DateOrderError(field=field, other=other)


def utc_time(field: str, value: object) -> str:
    """A UTC timestamp string ``YYYY-MM-DDTHH:MM:SSZ`` (a real time)."""
    if value is None or value == "":
        raise FieldRequiredError(field=field)
    if not isinstance(value, str) or not _ISO_UTC.match(value):
        raise InvalidDateTimeError(field=field)
    try:  # the shape is checked above; this checks the calendar (strptime's cost, less)
        dt.datetime.fromisoformat(value[:-1])
    except ValueError:
        raise InvalidDateTimeError(field=field) from None
    return value


def integer(field: str, value: object, *, low: int, high: int, required: bool = True) -> int | None:
    if value is None:
        if required:
            raise FieldRequiredError(field=field)
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise NumberRangeError(field=field, low=low, high=high)
    return value


def boolean(field: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise FieldTypeError(field=field, expected="true or false")
    return value


def text_list(field: str, value: object, *, limit: int = SHORT, required: bool = True) -> list[str]:
    """A non-empty list of distinct short texts (e.g. municipalities a consent covers)."""
    if value is None:
        value = []
    if not isinstance(value, list | tuple):
        raise FieldTypeError(field=field, expected="a list of texts")
    out: list[str] = []
    for i, item in enumerate(value):
        clean = required_text(f"{field}[{i}]", item, limit=limit)
        if clean not in out:
            out.append(clean)
    if required and not out:
        raise FieldRequiredError(field=field)
    return out
