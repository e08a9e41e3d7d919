"""What a unit could have been: the changes the disclosure rule tries as witnesses
(storage/statistics/disclosure.py) — another value of a dimension, another place or other
dates, an exchange with another unit, a case nobody has recorded — built as new histories
of the units, release by release, consistent with how values of a period and lasting values
behave. Each change comes as ``(identity, build)`` so that one found invalid is never
built again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from functools import cached_property

from storage.statistics.cells import (
    ALTERNATIVES,
    ANY,
    CONTEXTUAL,
    DATE_BOUND,
    DATED,
    REGISTER,
    CellKey,
    Known,
    Presence,
    Span,
    duration_band,
    interventions_values,
    not_reassessed,
)
from storage.statistics.world import Change, Fact, Hist, Releases, within

MAX_PLACES = 6  # other municipalities tried for a move
MAX_DAYS = 8  # other dates tried for a move
NEVER = dt.date(1, 1, 1)  # a date before every period: the unit in no release at all
PERIODIC = frozenset({"interventions", "case_type", "criteria", "need_change"})  # of the period
AT_END = frozenset({"criteria", "need_change"})  # as on the period's last day: that release only


def _events(values: frozenset[str]) -> set[str]:
    """What happened in the period: the interventions running, a move (``moved:*``)."""
    return {v for v in values if v != ANY and (not v.startswith("moved:") or v == f"moved:{ANY}")}


def _shaped(dim: str, old: frozenset[str], new: frozenset[str], events: set[str]) -> frozenset[str]:
    """A value of ``dim`` in another release after a change: its events, and for a case
    type the (lasting) type of ``new``."""
    if dim == "interventions":
        triples = {v for v in events if v.count("|") == 2}
        if triples or not events:
            return interventions_values(triples)
        return frozenset(events | {ANY})
    if dim == "case_type":
        kind = next(v for v in new if not v.startswith("moved:"))
        moved = f"moved:{ANY}" in events
        return frozenset({kind, f"moved:{kind}", f"moved:{ANY}"} if moved else {kind})
    return old


Lazy = tuple[tuple[object, ...], Callable[[], Change | None]]


def with_dates(presence: Presence, span: Span) -> Presence:
    """``presence`` with the values that follow from the dates recomputed for ``span``."""
    if not DATE_BOUND & set(presence.dims):
        return presence
    return replace(
        presence,
        dims={**presence.dims, "duration": frozenset({duration_band(span.first, span.last)})},
    )


class Possible(Releases):
    """Releases, and the histories their units could have had instead."""

    #: the method register as ``code -> evidence level`` (set by whoever builds the world)
    method_levels: dict[str, str] = {}  # noqa: RUF012 - replaced per instance, never mutated

    @cached_property
    def known(self) -> Known:
        """Every value each dimension has in some unit of some release (and the register's
        methods under :data:`REGISTER`)."""
        seen: dict[str, set[str]] = {
            REGISTER: {f"{c}={lv}" for c, lv in self.method_levels.items()}
        }
        for hist in self.units.values():
            for presence in hist.values():
                for dim, values in presence.dims.items():
                    seen.setdefault(dim, set()).update(values)
        return {dim: frozenset(values) for dim, values in seen.items()}

    def alternatives(self, dim: str, values: frozenset[str]) -> list[frozenset[str]]:
        """Other values the unit could have had (none for a value that follows from dates)."""
        if dim in CONTEXTUAL:
            return CONTEXTUAL[dim](values, self.known)
        found = ALTERNATIVES.get(dim)
        return found(values) if found is not None else []

    def _latest(self, uid: str) -> Presence:
        hist = self.units[uid]
        return hist[max(hist)]

    def _value(self, uid: str, dim: str, number: int) -> frozenset[str] | None:
        """The unit's values of ``dim`` in release ``number`` (its latest where it was not
        there, or where ``dim`` follows from dates)."""
        hist = self.units[uid]
        if number in hist and dim in hist[number].dims and dim not in DATED:
            return hist[number].dims[dim]
        for n in sorted(hist, reverse=True):
            if dim in hist[n].dims:
                return hist[n].dims[dim]
        return None

    def _moved(self, uid: str, dim: str, values: frozenset[str], number: int) -> Hist:
        """The unit with ``values`` of ``dim`` in release ``number``. A lasting value (gender,
        type, ...) is so in every release; one of the period (interventions running, a
        move, the criteria on its last day) only there — and what it no longer has, it has
        in no release within that period, what it gains, in every release around it."""
        hist = self.units[uid]
        if dim == "need_change":
            return self._reassessed(uid, values, number)
        if dim not in PERIODIC:
            return {
                n: replace(p, dims={**p.dims, dim: values}) if dim in p.dims else p
                for n, p in hist.items()
            }
        old = hist[number].dims.get(dim, frozenset())
        gone, gained = _events(old) - _events(values), _events(values) - _events(old)
        first, last = self.period[number]
        out: Hist = {}
        for n, p in hist.items():
            if n == number:
                out[n] = replace(p, dims={**p.dims, dim: values})
                continue
            if dim not in p.dims or dim in AT_END or n not in self.period:
                out[n] = p
                continue
            start, end = self.period[n]
            events = _events(p.dims[dim])
            if first <= start and end <= last:  # within: loses what is gone
                events -= gone
            if start <= first and last <= end:  # around: gains what is new
                events |= gained
            out[n] = replace(p, dims={**p.dims, dim: _shaped(dim, p.dims[dim], values, events)})
        return out

    def _reassessed(self, uid: str, values: frozenset[str], number: int) -> Hist:
        """The unit with change in need ``values`` at the end of release ``number``. An
        assessment is never taken back: not reassessed by that day, the case was not by any
        earlier day; reassessed, it is by every later one; a release ending the same day
        sees the same change. Other releases keep theirs (a further reassessment between)."""
        hist = self.units[uid]
        end = self.period[number][1]
        gone = not_reassessed(values)
        out: Hist = {}
        for n, p in hist.items():
            old = p.dims.get("need_change")
            if n == number:
                out[n] = replace(p, dims={**p.dims, "need_change": values})
                continue
            if old is None or n not in self.period:
                out[n] = p
                continue
            other = self.period[n][1]
            same = other == end
            earlier_gone = gone and other < end and not not_reassessed(old)
            later_done = not gone and other > end and not_reassessed(old)
            taken = same or earlier_gone or later_done
            out[n] = replace(p, dims={**p.dims, "need_change": values}) if taken else p
        return out

    def _respanned(self, uid: str, span: Span) -> Hist:
        old = self.units[uid]
        latest = self._latest(uid)
        out: Hist = {}
        for number, frames in self._dated.items():
            inside = frozenset(f for f, start, end in frames if within(f, start, end, span))
            if number in old:
                p = old[number]
                moved = p if inside == p.frames else Presence(inside, p.dims, p.amount)
                out[number] = with_dates(moved, span)
            elif inside:  # a release it was not in: as it is now
                dims = self._needs_then(old, number, latest.dims)
                out[number] = with_dates(Presence(inside, dims, latest.amount), span)
        return out

    def _needs_then(
        self, hist: Hist, number: int, dims: Mapping[str, frozenset[str]]
    ) -> dict[str, frozenset[str]]:
        """``dims`` for a release ``number`` the unit was not in, with the change in need
        it can have at that release's end beside its ``hist`` (see :meth:`_reassessed`):
        a release's of the same end; not reassessed, if it was not by a later end; else
        that of the latest earlier end it was reassessed by."""
        if "need_change" not in dims or number not in self.period:
            return dict(dims)
        end = self.period[number][1]
        earlier: list[tuple[str, frozenset[str]]] = []
        for n, p in hist.items():
            value = p.dims.get("need_change")
            if value is None or n not in self.period:
                continue
            other = self.period[n][1]
            if other == end:
                return {**dims, "need_change": value}
            if other > end and not_reassessed(value):
                return {**dims, "need_change": value}
            if other < end and not not_reassessed(value):
                earlier.append((other, value))
        if earlier:
            return {**dims, "need_change": max(earlier, key=lambda e: e[0])[1]}
        return dict(dims)

    def _swapped_dim(self, x: str, y: str, dim: str) -> tuple[Hist, Hist] | None:
        if dim in DATE_BOUND:
            return None  # follows from the dates: only moves with them
        if dim in PERIODIC and set(self.units[x]) != set(self.units[y]):
            return None  # values of periods come whole, or their releases would disagree

        def take(mine: str, theirs: str) -> Hist:
            out: Hist = {}
            for n, p in self.units[mine].items():
                value = self._value(theirs, dim, n)
                out[n] = (
                    replace(p, dims={**p.dims, dim: value})
                    if dim in p.dims and value is not None
                    else p
                )
            return out

        return take(x, y), take(y, x)

    def _swapped_frames(self, x: str, y: str) -> tuple[Hist, Hist]:
        def take(mine: str, theirs: str) -> Hist:
            own, other = self.units[mine], self.units[theirs]
            latest = self._latest(mine)
            out: Hist = {}
            for n, q in other.items():
                p = replace(own.get(n, latest), frames=q.frames)
                dated = {d: q.dims[d] for d in DATE_BOUND if d in q.dims and d in p.dims}
                out[n] = replace(p, dims={**p.dims, **dated}) if dated else p
            return out

        return take(x, y), take(y, x)

    def _move(self, x: str, number: int, dim: str, want: str | None = None) -> Iterator[Lazy]:
        """``x`` with another value of dimension ``dim`` (one holding ``want``, if given)."""
        mine = self.units[x]
        if not dim or number not in mine:
            return
        for other in self.alternatives(dim, mine[number].dims.get(dim, frozenset())):
            if want is None or want in other:

                def build(o: frozenset[str] = other) -> Change | None:
                    new = self._moved(x, dim, o, number)
                    return Change(("move", x, dim, o, number), {x: mine}, {x: new})

                yield ("move", x, dim, other, number), build

    def _relocate(self, x: str, target: CellKey, places: Iterable[str] | None) -> Iterator[Lazy]:
        """``x`` elsewhere (``places``), or at dates just outside ``target``'s period."""
        span = self.spans.get(x)
        if span is None:
            return
        options: list[Span] = []
        if places is not None or target.municipality:
            choices = [m for m in (places or self.munis) if m and m != span.municipality]
            options += [replace(span, municipality=m) for m in choices[:MAX_PLACES]]
        if places is None:
            start, end = dt.date.fromisoformat(target.start), dt.date.fromisoformat(target.end)
            outside = sorted(
                (d for d in self.boundaries if d < start or d > end),
                key=lambda d: min(abs((d - start).days), abs((d - end).days)),
            )
            length = None if span.last is None else span.last - span.first
            for day in outside[:MAX_DAYS]:
                if target.measure in ("new", "started", "active") and (
                    span.last is None or day <= span.last
                ):
                    options.append(replace(span, first=day))
                if target.measure in ("closed", "active") and span.last and day >= span.first:
                    options.append(replace(span, last=day))
                options.append(
                    replace(span, first=day, last=None if length is None else day + length)
                )
            options.append(replace(span, first=NEVER, last=None if length is None else NEVER))
        mine = self.units[x]
        for option in options:

            def build(o: Span = option) -> Change | None:
                return Change(("span", x, o), {x: mine}, {x: self._respanned(x, o)})

            yield ("span", x, option), build

    def _redate(self, x: str) -> Iterator[Lazy]:
        """``x`` opened on another day, closed when it was: for values that follow from the
        dates (time in the programme)."""
        span = self.spans.get(x)
        if span is None or span.last is None:
            return
        days = {d for d in self.boundaries if d <= span.last}
        days |= {span.first - dt.timedelta(days=n) for n in (92, 183, 366, 731)}
        days |= {span.last - dt.timedelta(days=n) for n in (0, 92, 200, 400, 800)}
        days.discard(span.first)
        mine = self.units[x]
        for day in sorted(days, key=lambda d: abs((d - span.first).days))[: MAX_DAYS * 2]:
            option = replace(span, first=day)

            def build(o: Span = option) -> Change | None:
                return Change(("span", x, o), {x: mine}, {x: self._respanned(x, o)})

            yield ("span", x, option), build

    def _exchange(self, x: str, y: str, dim: str) -> Iterator[Lazy]:
        """``x`` and ``y`` exchange their values of ``dim`` (or, with ``dim`` "", their
        places and dates)."""
        mine, theirs = self.units[x], self.units[y]
        if dim:

            def swap() -> Change | None:
                swapped = self._swapped_dim(x, y, dim)
                if swapped is None:
                    return None
                nx, ny = swapped
                return Change(("swap", x, y, dim), {x: mine, y: theirs}, {x: nx, y: ny})

            yield ("swap", x, y, dim), swap
        else:

            def trade() -> Change | None:
                swapped = self._swapped_frames(x, y)
                if swapped is None:
                    return None
                return Change(("trade", x, y), {x: mine, y: theirs}, {x: swapped[0], y: swapped[1]})

            yield ("trade", x, y), trade

    def _dates(self, x: str, y: str) -> Iterator[Lazy]:
        """``x`` and ``y`` exchange their dates, each staying in its municipality."""
        sx, sy = self.spans.get(x), self.spans.get(y)
        if sx is None or sy is None or (sx.first, sx.last) == (sy.first, sy.last):
            return
        mine, theirs = self.units[x], self.units[y]

        def trade() -> Change | None:
            nx = self._respanned(x, replace(sx, first=sy.first, last=sy.last))
            ny = self._respanned(y, replace(sy, first=sx.first, last=sx.last))
            return Change(("dates", x, y), {x: mine, y: theirs}, {x: nx, y: ny})

        yield ("dates", x, y), trade

    def _fills(self, fact: Fact, y: str) -> Iterator[Lazy]:
        """Unit ``y``, outside the cell, in it: with its value, or in its place and period."""
        key, number = fact.key, fact.release
        presence = self.units[y].get(number)
        if presence is not None and key.frame in presence.frames and key.dimension:
            yield from self._move(y, number, key.dimension, key.category)
        span = self.spans.get(y)
        values = (presence or self._latest(y)).dims.get(key.dimension, frozenset())
        if span is None or (key.dimension and key.category not in values):
            return
        start, end = dt.date.fromisoformat(key.start), dt.date.fromisoformat(key.end)
        muni = key.municipality or span.municipality
        mine = self.units[y]
        for first, last in ((start, None), (start, end), (end, end)):
            option = replace(span, municipality=muni, first=first, last=last)

            def build(o: Span = option) -> Change | None:
                return Change(("span", y, o), {y: mine}, {y: self._respanned(y, o)})

            yield ("span", y, option), build

    def _virtual(self, fact: Fact, like: str, span: Span, tag: object) -> Lazy:
        """A case (or intervention) nobody has recorded, as ``like`` is but at ``span``: a
        reader cannot rule it out while no published number would count it."""
        ident = ("virtual", fact.key, fact.release, tag, span)
        latest = self._latest(like)

        def build() -> Change | None:
            hist: Hist = {}
            for number, frames in self._dated.items():
                inside = frozenset(f for f, a, b in frames if within(f, a, b, span))
                if inside:
                    seen = self.units[like].get(number, latest)
                    dims = dict(seen.dims)
                    if number not in self.units[like]:
                        dims = self._needs_then(self.units[like], number, dims)
                    if span.last is not None and dims.get("outcome") == frozenset({"open"}):
                        dims["outcome"] = frozenset({"completed"})  # closed: with an outcome
                    hist[number] = with_dates(replace(seen, frames=inside, dims=dims), span)
            return Change(ident, {}, {f"v{tag}": hist}) if hist else None

        return ident, build
