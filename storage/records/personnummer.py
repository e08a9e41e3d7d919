"""Swedish personnummer and samordningsnummer: parse, validate, normalise.

``parse_identity_number(text, field="personnummer", today=None) -> IdentityNumber``

Accepted input: 10 digits (``YYMMDDNNNC``) or 12 digits (``YYYYMMDDNNNC``), optionally with
``-`` or ``+`` before the last four digits; surrounding spaces are ignored.

- Century (10 digits): the most recent year with those two digits whose date is not in the
  future; ``+`` means the person is 100 or older, so one more century back. With 12 digits
  the century is written out (18, 19 or 20); a ``+`` there must agree (age 100 or more).
- The date must be a real calendar date, not in the future. A samordningsnummer
  (coordination number) carries the day plus 60 (61-91).
- The last digit is the Luhn control digit over the ten digits ``YYMMDDNNN``.

An invalid number raises a subclass of :class:`InvalidPersonnummerError` whose message says
why (length, characters, date, control digit, century) and names the field, never the value.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import ClassVar

from storage.errors import (
    QT_TRANSLATE_NOOP,
    ValidationError,
)

COORDINATION_DAY_OFFSET = 60
_SHAPE = re.compile(r"^(\d{6}|\d{8})([-+]?)(\d{4})$")


class InvalidPersonnummerError(ValidationError):
    message = QT_TRANSLATE_NOOP("Errors", "{field}: not a valid personnummer or samordningsnummer.")
    code = "invalid_personnummer"


class PersonnummerLengthError(InvalidPersonnummerError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "{field}: a personnummer has 10 or 12 digits (got {digits}); write it as "
        "YYMMDD-NNNN or YYYYMMDD-NNNN.",
    )
    code = "personnummer_length"


class PersonnummerCharactersError(InvalidPersonnummerError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "{field}: only digits and one '-' or '+' before the last four digits are allowed.",
    )
    code = "personnummer_characters"


class PersonnummerDateError(InvalidPersonnummerError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "{field}: the date part is not a real calendar date (year, month, day)."
    )
    code = "personnummer_date"


class PersonnummerFutureError(InvalidPersonnummerError):
    message = QT_TRANSLATE_NOOP("Errors", "{field}: the birth date lies in the future.")
    code = "personnummer_future"


class PersonnummerCenturyError(InvalidPersonnummerError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "{field}: the century does not fit: 12 digits start with 18, 19 or 20, and a '+' "
        "means the person is 100 years or older.",
    )
    code = "personnummer_century"


class PersonnummerControlDigitError(InvalidPersonnummerError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "{field}: the control digit (the last digit) is wrong; check for a typo."
    )
    code = "personnummer_control_digit"


def luhn_digit(nine_digits: str) -> int:
    """The Luhn control digit for ``YYMMDDNNN`` (weights 2, 1, 2, ...)."""
    total = 0
    for i, ch in enumerate(nine_digits):
        n = int(ch) * (2 if i % 2 == 0 else 1)
        total += n - 9 if n > 9 else n
    return (10 - total % 10) % 10


@dataclass(frozen=True)
class IdentityNumber:
    """A validated personnummer or samordningsnummer."""

    #: 12 digits, ``YYYYMMDDNNNC`` (the day as written, +60 for a samordningsnummer).
    digits: str
    birth_date: dt.date
    is_coordination: bool

    KIND_PERSONAL: ClassVar[str] = "personnummer"
    KIND_COORDINATION: ClassVar[str] = "samordningsnummer"

    @property
    def kind(self) -> str:
        return self.KIND_COORDINATION if self.is_coordination else self.KIND_PERSONAL

    @property
    def normalised(self) -> str:
        """The stored form: ``YYYYMMDD-NNNC``."""
        return f"{self.digits[:8]}-{self.digits[8:]}"

    @property
    def short(self) -> str:
        """The 10-digit form with the separator that fits the age today."""
        sep = "+" if _age(self.birth_date, dt.date.today()) >= 100 else "-"
        return f"{self.digits[2:8]}{sep}{self.digits[8:]}"

    @property
    def birth_year(self) -> int:
        return self.birth_date.year

    @property
    def birth_day(self) -> int:
        """The real day of the month (for the research sample: 5, 15, 25)."""
        return self.birth_date.day

    @property
    def legal_sex_digit_odd(self) -> bool:
        """The second-to-last digit: odd for men, even for women (as registered)."""
        return int(self.digits[10]) % 2 == 1

    def __str__(self) -> str:
        return self.normalised


def _age(born: dt.date, today: dt.date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def _real_date(year: int, month: int, day: int, field: str) -> tuple[dt.date, bool]:
    coordination = day > COORDINATION_DAY_OFFSET
    if coordination:
        day -= COORDINATION_DAY_OFFSET
    try:
        return dt.date(year, month, day), coordination
    except ValueError:
        raise PersonnummerDateError(field=field) from None


def parse_identity_number(
    text: str, field: str = "personnummer", today: dt.date | None = None
) -> IdentityNumber:
    """Validate ``text`` and return the normalised number; raise with the reason otherwise."""
    if not isinstance(text, str):
        raise PersonnummerCharactersError(field=field)
    today = today or dt.date.today()
    raw = text.strip()
    match = _SHAPE.match(raw)
    if match is None:
        if re.fullmatch(r"[\d\s+-]*", raw) is None or raw.count("-") + raw.count("+") > 1:
            raise PersonnummerCharactersError(field=field)
        digits = re.sub(r"\D", "", raw)
        if len(digits) in (10, 12):
            raise PersonnummerCharactersError(field=field)
        raise PersonnummerLengthError(field=field, digits=len(digits))
    head, sep, tail = match.groups()
    plus = sep == "+"
    month, day_written = int(head[-4:-2]), int(head[-2:])
    if len(head) == 8:
        century = int(head[:2])
        if century not in (18, 19, 20):
            raise PersonnummerCenturyError(field=field)
        born, coordination = _real_date(int(head[:4]), month, day_written, field)
        if born > today:
            raise PersonnummerFutureError(field=field)
        if plus and _age(born, today) < 100:
            raise PersonnummerCenturyError(field=field)
    else:
        yy = int(head[:2])
        year = today.year - ((today.year - yy) % 100)
        if not 1 <= month <= 12:
            raise PersonnummerDateError(field=field)
        # Decide the century on a valid stand-in day first (29 Feb needs a leap year).
        _, coordination = _real_date(2000, month, day_written, field)
        day = day_written - (COORDINATION_DAY_OFFSET if coordination else 0)
        if (month, day) > (today.month, today.day) and year == today.year:
            year -= 100
        if plus:
            year -= 100
        born, _ = _real_date(year, month, day_written, field)
    nine = f"{head[-6:]}{tail[:3]}"
    if luhn_digit(nine) != int(tail[3]):
        raise PersonnummerControlDigitError(field=field)
    full = f"{born.year:04d}{head[-4:]}{tail}"
    return IdentityNumber(digits=full, birth_date=born, is_coordination=coordination)


def make_identity_number(born: dt.date, serial: int, coordination: bool = False) -> str:
    """Build a valid number (``YYYYMMDD-NNNC``) from a date and a 3-digit serial (demo data)."""
    if not 0 <= serial <= 999:
        raise ValueError("serial must be 0..999")
    day = born.day + (COORDINATION_DAY_OFFSET if coordination else 0)
    nine = f"{born.year % 100:02d}{born.month:02d}{day:02d}{serial:03d}"
    return f"{born.year:04d}{born.month:02d}{day:02d}-{serial:03d}{luhn_digit(nine)}"
