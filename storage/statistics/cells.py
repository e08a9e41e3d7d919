"""Cells: the canonical definition of every number the statistics can publish.

A cell counts *units* — cases, or interventions funded by the state grant (the two
*universes*) — that lie in a *frame* and, unless the cell is the frame's total, carry one
value of one *dimension*:

- a frame is one population in one period and one municipality (or all): cases that are
  ``new``, ``active`` or ``closed`` in the period, or grant interventions ``started`` in it;
- a dimension is an attribute of the unit in that release: ``case_type`` (with
  ``moved:<type>`` when a placement began in the period, and ``moved:*``), ``gender``,
  ``age``, ``environment`` (a set), ``outcome``, ``interventions`` (the interventions running
  in the period: their types, ``m:<method code>``, ``e:<evidence level>`` and ``*`` for any,
  derived from one ``type|method|level`` value per intervention so that they always agree),
  ``criteria`` (``<criterion>:met`` / ``:not_met``), ``needs`` (the domains of a great need
  at intake, or ``none``), ``need_change`` (``<domain>:<improved|unchanged|worsened|
  unknown>`` from intake to the last assessment by the period's end), ``fu6`` / ``fu12``
  (the situation at the follow-up after 6 / 12 months by method of the interventions it
  evaluates: ``<method>|<status>``, ``<method>|*``, ``*|<status>``), ``end_reason``,
  ``duration`` (time in the programme, from the dates), and for grant interventions
  ``type``.

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
            if frame.measure in MEASURES_OF.get(dim, frame.measure)
            for value in values
            if value.count("|") != 2  # an intervention's triple: what its cells count
        )

    def possible(self) -> bool:
        """Whether a unit could be like this: in a population of all municipalities only
        together with that of one municipality (every municipality is a column), and when
        closed in the period, with an outcome."""
        local = {f._replace(municipality="") for f in self.frames if f.municipality}
        if any(not f.municipality and f not in local for f in self.frames):
            return False
        if not all(consistent(dim, values) for dim, values in self.dims.items()):
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


DOMAINS = (
    "housing",
    "finances",
    "occupation",
    "education",
    "substance_use",
    "mental_health",
    "physical_health",
    "family",
    "criminality",
    "safety",
)
CHANGES = ("improved", "unchanged", "worsened", "unknown")
STATUSES = ("stable", "partly_stable", "unstable", "not_reached", "none")
END_REASONS = (
    "plan_completed",
    "no_longer_needed",
    "person_ended",
    "returned_to_crime",
    "conditions_broken",
    "moved",
    "deceased",
    "other",
    "not_recorded",
)
DURATIONS = ("under_6m", "6_12m", "12_24m", "24m_plus")
NO_METHOD = "-"
EVIDENCE = ("research_support", "promising", "insufficient", "not_assessed", "no_method")


def duration_band(first: dt.date, last: dt.date | None) -> str:
    """Time in the programme, from opening to closing (``open`` while open)."""
    if last is None:
        return "open"
    months = (last.year - first.year) * 12 + last.month - first.month - (last.day < first.day)
    return (
        "under_6m"
        if months < 6
        else "6_12m"
        if months < 12
        else "12_24m"
        if months < 24
        else "24m_plus"
    )


def triple(kind: str, method: str | None, level: str | None) -> str:
    """One running intervention as a value: ``type|method|level``."""
    return f"{kind}|{method or NO_METHOD}|{level or 'no_method'}"


def interventions_values(triples: set[str]) -> frozenset[str]:
    """The values of ``interventions``: each triple, and what the tables count of them."""
    out: set[str] = set(triples)
    for t in triples:
        kind, method, level = t.split("|")
        out.add(kind)
        out.add(f"e:{level}")
        if method != NO_METHOD:
            out.add(f"m:{method}")
    if triples:
        out.add(ANY)
    return frozenset(out)


def _triples(values: frozenset[str]) -> set[str]:
    return {v for v in values if v.count("|") == 2}


def follow_up_values(methods: set[str], status: str) -> frozenset[str]:
    """The values of ``fu6`` / ``fu12``: each method evaluated (``-`` for none) with the
    status, each method alone and the status alone."""
    chosen = methods or {NO_METHOD}
    out = {f"{m}|{status}" for m in chosen} | {f"{m}|{ANY}" for m in chosen}
    return frozenset(out | {f"{ANY}|{status}"})


def _follow_up_parts(values: frozenset[str]) -> tuple[set[str], str]:
    status = next((v.split("|")[1] for v in values if v.startswith(f"{ANY}|")), "none")
    methods = {v.split("|")[0] for v in values if v.endswith(f"|{ANY}")}
    return methods - {NO_METHOD}, status


def consistent(dim: str, values: frozenset[str]) -> bool:
    """Whether derived values agree with what they are derived from."""
    if dim == "interventions":
        found = _triples(values)
        if not found:  # recorded before methods were counted: types and "*" only
            return all(v == ANY or ":" not in v for v in values) and (
                (ANY in values) == bool(values - {ANY})
            )
        return values == interventions_values(found)
    if dim in ("fu6", "fu12"):
        methods, status = _follow_up_parts(values)
        return values == follow_up_values(methods, status)
    return True


Known = dict[str, frozenset[str]]


#: the key of :data:`Known` that lists the register's methods as ``code=level``
REGISTER = "=methods"


def _interventions(values: frozenset[str], known: Known) -> list[frozenset[str]]:
    """Another set of running interventions: one fewer, one more, one other, the same one
    with a method of the register (or without its method), none."""
    found = _triples(values)
    if not found and values:  # an older release's types: another type set
        return _set_valued(tuple(InterventionType.codes()), None)(values)
    seen = sorted(_triples(known.get("interventions", frozenset())))
    seen += [triple(k, None, None) for k in InterventionType.codes()]
    register = sorted(v.split("=", 1) for v in known.get(REGISTER, frozenset()) if "=" in v)
    options: list[set[str]] = [found - {t} for t in sorted(found)]
    for t in sorted(found):  # the same intervention with another method, or none
        kind = t.split("|")[0]
        others = [triple(kind, code, level) for code, level in register]
        options += [(found - {t}) | {o} for o in [*others, triple(kind, None, None)] if o != t]
    options += [found | {t} for t in seen if t not in found]
    options += [(found - {a}) | {b} for a in sorted(found) for b in seen if b not in found]
    options.append(set())
    out: list[frozenset[str]] = []
    for option in options:
        shaped = interventions_values(option)
        if shaped != values and shaped not in out:
            out.append(shaped)
    return out


def _follow_up(values: frozenset[str], known: Known, dim: str) -> list[frozenset[str]]:
    """Another status at the follow-up, or other methods evaluated."""
    methods, status = _follow_up_parts(values)
    codes = sorted(
        {v.split("|")[0] for v in known.get(dim, frozenset())} - {ANY, NO_METHOD} | methods
    )
    options = [(methods, s) for s in STATUSES if s != status]
    options += [(methods - {m}, status) for m in sorted(methods)]
    options += [(methods | {m}, status) for m in codes if m not in methods]
    options += [
        ((methods - {a}) | {b}, status) for a in sorted(methods) for b in codes if b not in methods
    ]
    out: list[frozenset[str]] = []
    for chosen, state in options:
        shaped = follow_up_values(chosen, state)
        if shaped != values and shaped not in out:
            out.append(shaped)
    return out


def _needs(values: frozenset[str]) -> list[frozenset[str]]:
    return _set_valued(DOMAINS, "none")(values)


def _need_change(values: frozenset[str]) -> list[frozenset[str]]:
    """Another change a reassessment could have given: it rates every domain, so a case
    reassessed has a change in each (one domain's otherwise, or none reassessed at all),
    and one not reassessed gets a change in every domain (none, or one domain's)."""
    state = {v.split(":")[0]: v.split(":")[1] for v in values if ":" in v}
    if not_reassessed(values):
        base = dict.fromkeys(DOMAINS, "unchanged")
        out = [need_change_values(base)]
        out += [
            need_change_values({**base, d: c}) for d in DOMAINS for c in ("improved", "worsened")
        ]
    else:
        out = [
            need_change_values({**state, domain: change})
            for domain in DOMAINS
            for change in CHANGES[:3]
            if state.get(domain, "unknown") != change
        ]
        out.append(need_change_values({}))
    return [v for v in dict.fromkeys(out) if v != values]


def not_reassessed(values: frozenset[str]) -> bool:
    """Whether a value of ``need_change`` is that of a case not reassessed."""
    return all(v.endswith(":unknown") for v in values)


def need_change_values(state: dict[str, str]) -> frozenset[str]:
    return frozenset(f"{d}:{state.get(d, 'unknown')}" for d in DOMAINS)


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
    "needs": _needs,
    "need_change": _need_change,
    "end_reason": _single(END_REASONS),
}
#: the measures whose tables show a dimension (other frames need no cells of it)
MEASURES_OF: dict[str, tuple[str, ...]] = {
    "needs": ("new",),
    "need_change": ("active",),
    "fu6": ("closed",),
    "fu12": ("closed",),
    "end_reason": ("closed",),
    "duration": ("closed",),
}
#: dimensions whose other values depend on the values seen in the releases
CONTEXTUAL: dict[str, Callable[[frozenset[str], Known], list[frozenset[str]]]] = {
    "interventions": _interventions,
    "fu6": lambda values, known: _follow_up(values, known, "fu6"),
    "fu12": lambda values, known: _follow_up(values, known, "fu12"),
}
#: dimensions whose values follow from a date (a unit's values in two releases must agree)
DATED = frozenset({"age"})
#: dimensions that are a function of the unit's dates: never changed alone, recomputed with
#: them (:func:`duration_band`)
DATE_BOUND = frozenset({"duration"})
