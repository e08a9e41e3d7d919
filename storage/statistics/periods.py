"""The period grid: statistics cover whole calendar months, quarters, half-years, years or a
run of whole years — nothing in between.

Two reports whose periods differ by a few days or one month (a year and "the year without
December") could be subtracted into the cases of the difference; on the grid the smallest
difference between two periods is a whole month, and every number that two releases could
be combined into is checked by :mod:`storage.statistics.disclosure` against everything
released before.

- ``snap(start, end) -> PeriodChoice`` — the smallest grid period that contains the
  requested dates (validated: real dates, ``start`` not after ``end``); ``.snapped`` says
  whether it differs from the request, :data:`SNAPPED` is the sentence that says why
  (context ``"Statistics"``; placeholders ``{requested}`` and ``{period}``).
- ``Period.kind``: ``month``, ``quarter``, ``half``, ``year`` or ``years``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from storage.errors import QT_TRANSLATE_NOOP
from storage.records import validate as v

KINDS = ("month", "quarter", "half", "year", "years")
SNAPPED = QT_TRANSLATE_NOOP(
    "Statistics",
    "Statistics are published for whole calendar months, quarters, half-years and years "
    "only, so that two reports can never be subtracted into a small number. The period "
    "{requested} was widened to {period}.",
)


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    kind: str

    def text(self) -> str:
        return f"{self.start.isoformat()} – {self.end.isoformat()}"


@dataclass(frozen=True)
class PeriodChoice:
    period: Period
    requested: tuple[dt.date, dt.date]

    @property
    def snapped(self) -> bool:
        return self.requested != (self.period.start, self.period.end)

    def requested_text(self) -> str:
        return f"{self.requested[0].isoformat()} – {self.requested[1].isoformat()}"


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _within_year(start: dt.date, end: dt.date) -> Period:
    year = start.year
    for kind, months in (("month", 1), ("quarter", 3), ("half", 6), ("year", 12)):
        first = (start.month - 1) // months * months + 1
        last = first + months - 1
        if end.month <= last:
            return Period(dt.date(year, first, 1), _month_end(year, last), kind)
    raise AssertionError("unreachable: a year contains every date of its own")


def grid_period(start: dt.date, end: dt.date) -> Period:
    """The smallest grid period containing ``start``..``end`` (``start <= end``)."""
    if start.year == end.year:
        return _within_year(start, end)
    return Period(dt.date(start.year, 1, 1), dt.date(end.year, 12, 31), "years")


def snap(start: object, end: object) -> PeriodChoice:
    """Validate the requested dates and snap them to the grid (see the module docstring)."""
    first = v.required_date("from", start)
    last = v.required_date("to", end)
    v.ordered("to", last, "from", first)
    return PeriodChoice(grid_period(first, last), (first, last))


def on_grid(start: dt.date, end: dt.date) -> bool:
    period = grid_period(start, end)
    return (period.start, period.end) == (start, end)
