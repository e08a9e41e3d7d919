"""Cells: the canonical definition of every number the statistics can publish.

A cell counts *units* — cases, or interventions funded by the state grant (the two
*universes*) — that lie in a *frame* and, unless the cell is the frame's total, carry one
value of one *dimension*:

- a frame is one population in one period and one municipality (or all): cases that are
  ``new``, ``active`` or ``closed`` in the period, or grant interventions ``started`` in it;
- a dimension is an attribute of the unit in that release: ``case_type`` (with
  ``moved:<type>`` when a placement began in the period, and ``moved:*``), ``gender``,
  ``age``, ``environment`` (a set), ``outcome``, ``interventions`` (the types running in the
  period, and ``*`` for any), ``criteria`` (``<criterion>:met`` / ``:not_met``), and for
  grant interventions ``type``.

So ``CellKey("case", "new", "2025-01-01", "2025-03-31", "motala", "gender", "female")`` is
"new cases in Q1 2025 in Motala that are women", whichever table shows it; the totals row
of every ``new.*`` table is the same frame cell. :class:`Presence` is a unit as one release
saw it (the frames it lies in, its dimension values); :class:`Span` the dates that place it
in frames, for the "what if it had been elsewhere" questions of
:mod:`storage.statistics.disclosure`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from storage.records.enums import (
    CaseType,
    Environment,
    Gender,
    InterventionType,
    Outcome,
)

CASE, GRANT = "case", "grant"
MEASURES = {CASE: ("new", "active", "closed"), GRANT: ("started",)}
ANY = "*"
AGE_BANDS = ("under_18", "18_29", "30_plus", "unknown")
CRITERIA = (
    "motivation",
    "threat",
    "consent",
    "signed_conditions",
    "not_witness",
    "social_services_decision",
)


def canonical(municipality: str) -> str:
    """The municipality as cells name it: spaces collapsed, case folded."""
    return " ".join(str(municipality).split()).casefold()


class CellKey(NamedTuple):
    universe: str
    measure: str
    start: str
    end: str
    municipality: str  # canonical; "" = every municipality
    dimension: str = ""  # "" = the frame's total
    category: str = ""

    @property
    def frame(self) -> CellKey:
        return CellKey(self.universe, self.measure, self.start, self.end, self.municipality)

    @property
    def is_frame(self) -> bool:
        return not self.dimension

    def with_category(self, category: str) -> CellKey:
        return self._replace(category=category)

    def text(self) -> str:
        return json.dumps(list(self), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def parse(cls, text: str) -> CellKey:
        parts = json.loads(text)
        if not isinstance(parts, list) or len(parts) != 7:
            raise ValueError("not a cell key")
        return cls(*(str(p) for p in parts))


@dataclass(frozen=True)
class Span:
    """Where and when a unit is: its universe, municipality (canonical), first date
    (opened, or started for an intervention) and last date (closed; ``None`` while open)."""

    universe: str
    municipality: str
    first: dt.date
    last: dt.date | None = None


def in_frame(frame: CellKey, span: Span) -> bool:
    """Whether a unit at ``span`` lies in ``frame`` (the definitions of docs/statistics.md)."""
    if frame.universe != span.universe:
        return False
    if frame.municipality and frame.municipality != span.municipality:
        return False
    start, end = dt.date.fromisoformat(frame.start), dt.date.fromisoformat(frame.end)
    if frame.measure in ("new", "started"):
        return start <= span.first <= end
    if frame.measure == "closed":
        return span.last is not None and start <= span.last <= end
    if frame.measure == "active":
        return span.first <= end and (span.last is None or span.last >= start)
    raise ValueError(f"unknown measure {frame.measure!r}")


@dataclass(frozen=True)
class Presence:
    """A unit as one release saw it: the frames it lies in and its dimension values."""

    frames: frozenset[CellKey]
    dims: Mapping[str, frozenset[str]] = field(default_factory=dict)
    amount: int = 0

    @cached_property
    def cells(self) -> frozenset[CellKey]:
        """Every cell the unit is in: its frames, and each frame with each value."""
        return frozenset(self.frames) | frozenset(
            CellKey(*frame[:5], dim, value)
            for frame in self.frames
            for dim, values in self.dims.items()
            for value in values
        )

    def possible(self) -> bool:
        """Whether a unit could be like this: in a population of all municipalities only
        together with that of one municipality (every municipality is a column), and when
        closed in the period, with an outcome."""
        local = {f._replace(municipality="") for f in self.frames if f.municipality}
        if any(not f.municipality and f not in local for f in self.frames):
            return False
        outcome = self.dims.get("outcome")
        if outcome is None:
            return True
        closed = any(f.measure == "closed" for f in self.frames)
        return not (closed and outcome == frozenset({"open"}))

    def holds(self, key: CellKey) -> bool:
        if key.frame not in self.frames:
            return False
        return not key.dimension or key.category in self.dims.get(key.dimension, ())


# ---------------------------------------------------------------- dimensions


def _single(categories: tuple[str, ...]) -> Callable[[frozenset[str]], list[frozenset[str]]]:
    def alternatives(values: frozenset[str]) -> list[frozenset[str]]:
        return [frozenset({c}) for c in categories if frozenset({c}) != values]

    return alternatives


def _case_type(values: frozenset[str]) -> list[frozenset[str]]:
    """Another case type, or the same one with or without a move in the period (a move
    is counted by the case's type: ``moved:<type>`` and ``moved:*``)."""
    moved = f"moved:{ANY}" in values
    out = []
    for move in (moved, not moved):
        for kind in CaseType.codes():
            other = frozenset({kind, f"moved:{kind}", f"moved:{ANY}"} if move else {kind})
            if other != values:
                out.append(other)
    return out


def _set_valued(
    categories: tuple[str, ...], empty: str | None
) -> Callable[[frozenset[str]], list[frozenset[str]]]:
    """A set of values (``empty`` stands for none of them; ``*`` marks "any")."""

    def alternatives(values: frozenset[str]) -> list[frozenset[str]]:
        real = {v for v in values if v not in (ANY, empty)}
        options: list[set[str]] = [{c} for c in categories]
        options += [real - {v} for v in real]
        options += [(real - {v}) | {c} for v in real for c in categories if c not in real]
        out: list[frozenset[str]] = []
        for option in options:
            if option:
                shaped = frozenset(option | ({ANY} if empty is None else set()))
            else:
                shaped = frozenset({empty} if empty is not None else set())
            if shaped != values and shaped not in out:
                out.append(shaped)
        return out

    return alternatives


def _criteria(values: frozenset[str]) -> list[frozenset[str]]:
    """One criterion otherwise, or all met, or none."""
    met = {c for c in CRITERIA if f"{c}:met" in values}
    out = [criteria_values(met ^ {criterion}) for criterion in CRITERIA]
    out += [criteria_values(set(CRITERIA)), criteria_values(set())]
    return [v for v in dict.fromkeys(out) if v != values]


def criteria_values(met: set[str]) -> frozenset[str]:
    values = {f"{c}:{'met' if c in met else 'not_met'}" for c in CRITERIA}
    values.add("all:met" if met >= set(CRITERIA) else "all:not_met")
    return frozenset(values)


ENVIRONMENTS = (*Environment.codes(), "none")
OUTCOMES = (*Outcome.codes(), "handed_over")
#: dimension -> the other values a unit could have had ("what if"), from its own values
ALTERNATIVES: dict[str, Callable[[frozenset[str]], list[frozenset[str]]]] = {
    "case_type": _case_type,
    "gender": _single(tuple(Gender.codes())),
    "age": _single(AGE_BANDS),
    "environment": _set_valued(tuple(Environment.codes()), "none"),
    "outcome": _single(OUTCOMES),
    "interventions": _set_valued(tuple(InterventionType.codes()), None),
    "criteria": _criteria,
    "type": _single(tuple(InterventionType.codes())),
}
#: dimensions whose values follow from a date (a unit's values in two releases must agree)
DATED = frozenset({"age"})
