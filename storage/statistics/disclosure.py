"""Disclosure control across every release: decide which cells of a new release may be
published so that no combination of it with everything released before reveals a small
group (docs/statistics.md, "The rule").

The reader is assumed to hold every released table — this store's earlier exports and
the new one — and to know exactly how each number is defined. Whatever they combine,
every *protected fact* must stay open:

- **a hidden cell of 1–(threshold-1) units** (of this release or an earlier one) could be
  0: there is another data set, just as consistent with every published number of every
  release, in which none of its units is in it;
- **a small group's shared value** — a line of a table (a municipality's column, or a
  category's row across municipalities) whose 1–(threshold-1) units all have one value
  or live in one municipality — could be otherwise: in some consistent data set one of
  them has another value (published zeros next to a hidden cell would otherwise say
  "everyone here is a man"). A group whose whole population shares the value too (every
  case of the period is in the one municipality) is not protected separately: the table
  then says nothing about the group it does not say about everyone.

Openness is shown by construction: for each protected fact the planner holds a *witness*,
an explicit change of one or two units that leaves every published number of every
release unchanged and takes the units out of the cell (or gives the group a member with
another value). The changes are: another value of a dimension (:data:`ALTERNATIVES`),
another municipality or other dates, or an exchange of one of them with another unit. A
new cell is published only if every protected fact still has a witness; otherwise it is
hidden. Publishing only ever removes witnesses, so a change found invalid stays invalid
and is never tried again.

``plan(world, number, candidates)`` decides release ``number``; ``check`` verifies that a
given set may be published. Both are pure: :mod:`storage.statistics.ledger` supplies the
earlier releases, :mod:`storage.statistics.release` the new one. A coordinator that merges
releases of several sources calls the same functions (docs/statistics.md).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

from storage.statistics.cells import (
    ALTERNATIVES,
    ANY,
    DATED,
    CellKey,
    Presence,
    Span,
)

Hist = dict[int, Presence]  # release number -> how that release saw the unit
MAX_PARTNERS = 60  # units tried for an exchange, nearest first
MAX_PLACES = 6  # other municipalities tried for a move
MAX_DAYS = 8  # other dates tried for a move
NEVER = dt.date(1, 1, 1)  # a date before every period: the unit in no release at all


@dataclass(frozen=True)
class Line:
    """A line of a table: ``group`` is its total, ``categories`` its other cells; a
    ``column`` shares the frame and varies the category, a ``row`` shares the category and
    varies the municipality."""

    group: CellKey
    categories: tuple[CellKey, ...]
    kind: str


@dataclass
class Release:
    number: int
    threshold: int
    counts: dict[CellKey, int]  # every cell of the release -> units behind it
    published: set[CellKey]
    lines: tuple[Line, ...] = ()


@dataclass(frozen=True)
class Fact:
    """A protected fact: a hidden small cell (``kind`` "cell") or a small group whose
    members all share ``common`` ("column": one category; "row": one municipality)."""

    release: int
    kind: str
    key: CellKey
    members: tuple[str, ...]
    common: CellKey | None = None


@dataclass
class Change:
    """Units replaced by what they could have been: ``old`` and ``new`` histories."""

    ident: tuple[object, ...]
    old: dict[str, Hist]
    new: dict[str, Hist]

    @cached_property
    def touch(self) -> frozenset[tuple[int, CellKey]]:
        """Every (release, cell) the change could alter."""
        return frozenset(
            (n, k)
            for side in (self.old, self.new)
            for hist in side.values()
            for n, p in hist.items()
            for k in p.cells
        )


@dataclass
class Plan:
    published: set[CellKey]
    hidden: set[CellKey]
    sensitive: set[CellKey]  # hidden because fewer than threshold units lie behind them
    stuck: int  # universes in which some protected fact had no witness to begin with
    blocked: dict[CellKey, Fact] = field(default_factory=dict)  # key -> fact it would reveal


Lazy = tuple[tuple[object, ...], Callable[[], Change | None]]


PERIODIC = frozenset({"interventions", "case_type", "criteria"})  # values of the period


def _events(values: frozenset[str]) -> set[str]:
    """What happened in the period: the interventions running, a move (``moved:*``)."""
    return {v for v in values if v != ANY and (not v.startswith("moved:") or v == f"moved:{ANY}")}


def _shaped(dim: str, old: frozenset[str], new: frozenset[str], events: set[str]) -> frozenset[str]:
    """A value of ``dim`` in another release after a change: its events, and for a case
    type the (lasting) type of ``new``."""
    if dim == "interventions":
        return frozenset(events | ({ANY} if events else set()))
    if dim == "case_type":
        kind = next(v for v in new if not v.startswith("moved:"))
        moved = f"moved:{ANY}" in events
        return frozenset({kind, f"moved:{kind}", f"moved:{ANY}"} if moved else {kind})
    return old


def _within(frame: CellKey, start: dt.date, end: dt.date, span: Span) -> bool:
    """:func:`storage.statistics.cells.in_frame` with the frame's dates already read."""
    if frame.universe != span.universe or (
        frame.municipality and frame.municipality != span.municipality
    ):
        return False
    if frame.measure in ("new", "started"):
        return start <= span.first <= end
    if frame.measure == "closed":
        return span.last is not None and start <= span.last <= end
    return span.first <= end and (span.last is None or span.last >= start)


def _seen(hist: Hist) -> Span:
    """A place and dates consistent with where a unit was seen (for "what if" changes)."""
    frames = [f for p in hist.values() for f in p.frames]
    places = sorted({f.municipality for f in frames if f.municipality})
    first = min(dt.date.fromisoformat(f.start) for f in frames)
    return Span(frames[0].universe, places[0] if places else "", first, None)


class World:
    """Releases (earlier ones and the one being planned) and the units they saw."""

    def __init__(
        self,
        releases: Sequence[Release],
        units: Mapping[str, Hist],
        spans: Mapping[str, Span] | None = None,
    ) -> None:
        self.releases = {r.number: r for r in releases}
        self.units = dict(units)
        self.spans = dict(spans or {})
        for uid, hist in self.units.items():  # a unit whose case is gone: where it was seen
            if uid not in self.spans and hist:
                self.spans[uid] = _seen(hist)
        self.present: dict[int, list[str]] = {r: [] for r in self.releases}
        for uid in sorted(self.units):
            for number in self.units[uid]:
                if number in self.present:
                    self.present[number].append(uid)
        self.frames = {
            r.number: sorted({k.frame for k in r.counts}) for r in self.releases.values()
        }
        self.published = {r.number: r.published for r in self.releases.values()}
        self.dead: set[tuple[object, ...]] = set()  # changes found to alter a published number
        self.fresh: list[tuple[object, ...]] = []  # dead since the last tentative publish
        self._ranked: dict[tuple[int, str], list[str]] = {}
        counts = Counter(s.municipality for s in self.spans.values())
        self.munis = sorted(counts, key=lambda m: (-counts[m], m))
        days: set[dt.date] = set()
        for frames in self.frames.values():
            for f in frames:
                days.add(dt.date.fromisoformat(f.start))
                days.add(dt.date.fromisoformat(f.end) + dt.timedelta(days=1))
        self.boundaries = sorted(days | {d - dt.timedelta(days=1) for d in days})
        self._dated = {
            n: [(f, dt.date.fromisoformat(f.start), dt.date.fromisoformat(f.end)) for f in frames]
            for n, frames in self.frames.items()
        }
        self.period = {
            n: (min(f.start for f in frames), max(f.end for f in frames))
            for n, frames in self.frames.items()
            if frames
        }

    # ------------------------------------------------------------ publishing

    def publish(self, number: int, key: CellKey) -> None:
        self.published[number].add(key)

    def unpublish(self, number: int, key: CellKey) -> None:
        self.published[number].discard(key)

    def preserves(self, change: Change) -> bool:
        """Whether ``change`` leaves every published number of every release as it is."""
        numbers = {n for h in (*change.old.values(), *change.new.values()) for n in h}
        for number in numbers:
            shown = self.published.get(number)
            if not shown:
                continue
            if all(
                change.old.get(u, {}).get(number) == change.new.get(u, {}).get(number)
                for u in {*change.old, *change.new}
            ):
                continue  # nobody changed in this release
            delta: Counter[tuple[CellKey, bool]] = Counter()
            for sign, side in ((-1, change.old), (1, change.new)):
                for hist in side.values():
                    presence = hist.get(number)
                    if presence is None:
                        continue
                    for key in presence.cells & shown:
                        delta[(key, False)] += sign
                        if key.universe == "grant":
                            delta[(key, True)] += sign * presence.amount
            if any(delta.values()):
                return False
        return True

    # ------------------------------------------------------------ protected facts

    def members(self, number: int, key: CellKey) -> list[str]:
        return [u for u in self.present[number] if self.units[u][number].holds(key)]

    def facts(self) -> list[Fact]:
        out: list[Fact] = []
        for number in sorted(self.releases):
            release = self.releases[number]
            for key in sorted(release.counts):
                if key not in release.published and 0 < release.counts[key] < release.threshold:
                    out.append(Fact(number, "cell", key, tuple(self.members(number, key))))
            for line in release.lines:
                fact = self._line_fact(release, line)
                if fact is not None:
                    out.append(fact)
        return out

    def _line_fact(self, release: Release, line: Line) -> Fact | None:
        """The line's group as a protected fact, when it is small and all of it shares one
        value — unless a population of at least the threshold that holds the whole group
        shares it too (every new case of the period is an avhoppare: that its 2 closed
        ones are too is no news about them)."""
        number = release.number
        if not 0 < release.counts.get(line.group, 0) < release.threshold:
            return None
        group = self.members(number, line.group)
        units = [self.units[u][number] for u in group]
        holding = [c for c in line.categories if any(p.holds(c) for p in units)]
        if len(holding) != 1 or len(line.categories) < 2:
            return None
        common = holding[0]
        if self._implied(line.group, set(group), common, line.kind):
            return None
        return Fact(number, line.kind, line.group, tuple(group), common)

    def _implied(self, group: CellKey, units: set[str], common: CellKey, kind: str) -> bool:
        """Whether a population of this or another release — a frame, or a cell like the
        group's total ("any intervention", "any move"), of at least the threshold, holding
        every unit of the group, for a municipality one of all municipalities — shares
        the value."""
        for other in self.releases.values():
            number = other.number
            for key, count in other.counts.items():
                if count < other.threshold or (kind == "row" and key.municipality):
                    continue
                alike = key.dimension == group.dimension and key.category == group.category
                if not (key.is_frame or alike):
                    continue
                everyone = self.members(number, key)
                if not units <= set(everyone):
                    continue
                if kind == "row":
                    shared = key._replace(municipality=common.municipality)
                elif alike and key.dimension:
                    shared = key._replace(category=common.category)
                else:  # a move is counted by type: the value shared is the type
                    value = common.category.removeprefix("moved:")
                    shared = key._replace(dimension=common.dimension, category=value)
                if all(self.units[u][number].holds(shared) for u in everyone):
                    return True
        return False

    # ------------------------------------------------------------ what units could have been

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
            if dim not in p.dims or dim == "criteria" or n not in self.period:
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

    def _respanned(self, uid: str, span: Span) -> Hist:
        old = self.units[uid]
        latest = self._latest(uid)
        out: Hist = {}
        for number, frames in self._dated.items():
            inside = frozenset(f for f, start, end in frames if _within(f, start, end, span))
            if number in old:
                p = old[number]
                out[number] = p if inside == p.frames else Presence(inside, p.dims, p.amount)
            elif inside:  # a release it was not in: as it is now
                out[number] = Presence(inside, latest.dims, latest.amount)
        return out

    def _swapped_dim(self, x: str, y: str, dim: str) -> tuple[Hist, Hist] | None:
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
            return {n: replace(own.get(n, latest), frames=q.frames) for n, q in other.items()}

        return take(x, y), take(y, x)

    # ------------------------------------------------------------ candidate changes

    def _move(self, x: str, number: int, dim: str, want: str | None = None) -> Iterator[Lazy]:
        """``x`` with another value of dimension ``dim`` (one holding ``want``, if given)."""
        mine = self.units[x]
        if not dim or number not in mine:
            return
        for other in ALTERNATIVES[dim](mine[number].dims.get(dim, frozenset())):
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

    def _partners(self, fact: Fact, x: str, used: set[str]) -> list[str]:
        number = fact.release
        ranked = self._ranked.get((number, x))
        if ranked is None:
            here = self.units[x][number].cells
            ranked = sorted(
                (y for y in self.present[number] if y[0] == x[0] and y != x),
                key=lambda y: (len(self.units[y][number].cells ^ here), y),
            )
            self._ranked[(number, x)] = ranked
        skip = used | set(fact.members)
        return [y for y in ranked if y not in skip][:MAX_PARTNERS]

    def _candidates(self, fact: Fact, x: str, used: set[str]) -> Iterator[Lazy]:
        """Changes around member ``x`` that might keep ``fact`` open (cheapest first)."""
        number = fact.release
        cellish = fact.kind in ("cell", "open")
        key = fact.key if cellish else fact.common
        assert key is not None
        if fact.kind != "row" and key.dimension:
            yield from self._move(x, number, key.dimension)
        if fact.kind != "column":
            yield from self._relocate(x, key, None if cellish else self.munis)
        dim = fact.key.dimension if fact.kind == "row" else key.dimension
        here = self.units[x][number]
        for y in self._partners(fact, x, used):
            there = self.units[y][number]
            if cellish and key.is_frame:  # only dates traded across places
                if here.frames != there.frames:
                    yield from self._dates(x, y)
                continue
            if dim and there.dims.get(dim) != here.dims.get(dim):
                yield from self._exchange(x, y, dim)
            if fact.kind != "column" and there.frames != here.frames:
                yield from self._exchange(x, y, "")
                yield from self._dates(x, y)

    def _outsiders(self, fact: Fact) -> Iterator[Lazy]:
        """For a group: a unit outside it that could have been in it, with another value
        (a row: the group's value, in its own municipality; a column: in the group's
        municipality, with its own value)."""
        assert fact.common is not None
        number = fact.release
        others = [u for u in sorted(self.units) if u[0] == fact.members[0][0]]
        for y in others:
            if y in fact.members:
                continue
            presence = self.units[y].get(number)
            if fact.kind == "row" and presence and fact.key.frame in presence.frames:
                yield from self._move(y, number, fact.key.dimension, fact.key.category)
            if fact.kind == "column" and presence and not presence.holds(fact.common):
                yield from self._relocate(y, fact.key, [fact.key.municipality])
            yield from self._fills(fact, y)  # or at other dates, into the group

    def _satisfies(self, fact: Fact, change: Change) -> bool:
        """For a cell: no changed unit is in it any more; for a group: some changed unit
        is in the group without the shared value; for a revised number: it changes."""
        if fact.kind == "open":
            return self._count(fact, change.new) != self._count(fact, change.old)
        for hist in change.new.values():
            presence = hist.get(fact.release)
            if presence is None:
                continue
            if fact.kind == "cell":
                if presence.holds(fact.key):
                    return False
            elif presence.holds(fact.key) and not presence.holds(fact.common):  # type: ignore[arg-type]
                return True
        return fact.kind == "cell"

    def _first(self, fact: Fact, lazies: Iterable[Lazy]) -> Change | None:
        for ident, build in lazies:
            if ident in self.dead:
                continue
            change = build()
            if change is None or not self._satisfies(fact, change):
                continue
            if not all(p.possible() for h in change.new.values() for p in h.values()):
                self.dead.add(ident)  # impossible whatever is published
                continue
            if self.preserves(change):
                return change
            self._bury(ident)
        return None

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
                inside = frozenset(f for f, a, b in frames if _within(f, a, b, span))
                if inside:
                    seen = self.units[like].get(number, latest)
                    dims = dict(seen.dims)
                    if span.last is not None and dims.get("outcome") == frozenset({"open"}):
                        dims["outcome"] = frozenset({"completed"})  # closed: with an outcome
                    hist[number] = replace(seen, frames=inside, dims=dims)
            return Change(ident, {}, {f"v{tag}": hist}) if hist else None

        return ident, build

    def _filled(self, fact: Fact) -> list[Change] | None:
        """Enough units that could have been in the cell to make it reach the threshold:
        real ones elsewhere (moved, or trading places and dates with one in the cell's
        frame but of another value), or ones nobody has recorded."""
        need = self.releases[fact.release].threshold - len(fact.members)
        chosen: list[Change] = []
        used = set(fact.members)
        like = fact.members[0]
        key, number = fact.key, fact.release
        start, end = dt.date.fromisoformat(key.start), dt.date.fromisoformat(key.end)
        base = self.spans.get(like) or _seen(self.units[like])
        place = key.municipality or base.municipality
        inside = [replace(base, municipality=place, first=start, last=end)]
        if key.measure != "closed":
            inside.append(replace(base, municipality=place, first=start, last=None))
        kind = [u for u in sorted(self.units) if u[0] == like[0] and u not in used]
        framed = [
            u for u in kind if number in self.units[u] and key.frame in self.units[u][number].frames
        ]

        def options() -> Iterator[tuple[set[str], Iterable[Lazy]]]:
            for y in kind:
                yield {y}, self._fills(fact, y)
            for y in kind:  # trades: y into the frame, z (of another value) out of it
                there = self.units[y].get(number)
                values = (there or self._latest(y)).dims.get(key.dimension, frozenset())
                if key.frame in (there.frames if there else ()) or (
                    key.dimension and key.category not in values
                ):
                    continue
                for z in framed[:MAX_PARTNERS]:
                    if z != y and not self.units[z][number].holds(key):
                        yield {y, z}, [*self._exchange(y, z, ""), *self._dates(y, z)]
            for i in range(need):
                yield set(), [self._virtual(fact, like, s, f"virtual-{i}") for s in inside]

        for units, lazies in options():
            if len(chosen) >= need:
                break
            if units & used:
                continue
            for ident, build in lazies:
                if ident in self.dead:
                    continue
                change = build()
                if change is None or not self._enters(fact, change) or set(change.new) & used:
                    continue
                if not all(p.possible() for h in change.new.values() for p in h.values()):
                    self.dead.add(ident)
                    continue
                if self.preserves(change):
                    chosen.append(change)
                    used |= set(change.new)
                    break
                self._bury(ident)
        return chosen if len(chosen) >= need else None

    def _count(self, fact: Fact, side: dict[str, Hist]) -> int:
        return sum(
            1 for h in side.values() if fact.release in h and h[fact.release].holds(fact.key)
        )

    def _enters(self, fact: Fact, change: Change) -> bool:
        def inside(side: dict[str, Hist]) -> int:
            return sum(
                1 for h in side.values() if fact.release in h and h[fact.release].holds(fact.key)
            )

        return inside(change.new) > inside(change.old)

    def witness(self, fact: Fact) -> list[Change] | None:
        """Changes showing ``fact`` open, or ``None`` when none was found: for a hidden
        cell, its units all out of it — or enough others in it to reach the threshold."""
        if fact.kind == "open":  # a revised number: one case more or less will do
            for x in fact.members:
                found = self._first(fact, self._candidates(fact, x, set()))
                if found is not None:
                    return [found]
            others = [u for u in sorted(self.units) if u[0] == fact.key.universe[0]]
            for y in others:
                if y not in fact.members:
                    found = self._first(fact, self._fills(fact, y))
                    if found is not None:
                        return [found]
            return None
        if fact.kind == "cell":
            chosen: list[Change] = []
            used: set[str] = set()
            for x in fact.members:
                found = self._first(fact, self._candidates(fact, x, used))
                if found is None:
                    return self._filled(fact)
                chosen.append(found)
                used |= set(found.new)
            return chosen
        for x in fact.members:
            found = self._first(fact, self._candidates(fact, x, set()))
            if found is not None:
                return [found]
        found = self._first(fact, self._outsiders(fact))
        return None if found is None else [found]

    def _bury(self, ident: tuple[object, ...]) -> None:
        if ident not in self.dead:
            self.dead.add(ident)
            self.fresh.append(ident)

    def revive(self) -> None:
        """A tentative publish was taken back: what it made invalid is valid again."""
        self.dead.difference_update(self.fresh)
        self.fresh.clear()

    def still(self, changes: list[Change]) -> bool:
        for change in changes:
            if not self.preserves(change):
                self._bury(change.ident)
                return False
        return True


def plan(
    world: World,
    number: int,
    candidates: Sequence[CellKey],
    revised: Iterable[CellKey] = (),
) -> Plan:
    """Publish ``candidates`` of release ``number`` in the order given, each only if every
    protected fact (of every release in ``world``) keeps a witness; return the decision.

    ``revised``: cells published before whose number has changed since by fewer than the
    threshold (late registrations, corrections). They are not published again, and stay
    open like a small cell: no combination may give the new number, or the change (the
    cases registered late) would be out."""
    release = world.releases[number]
    for key in list(release.published):
        world.unpublish(number, key)
    live: dict[int, tuple[Fact, list[Change]]] = {}
    watch: dict[tuple[int, CellKey], set[int]] = {}

    def keep(i: int, fact: Fact, changes: list[Change]) -> None:
        live[i] = (fact, changes)
        for change in changes:
            for mark in change.touch:
                watch.setdefault(mark, set()).add(i)

    stuck: dict[str, Fact] = {}  # universe -> a fact no witness could be found for
    changed = [Fact(number, "open", k, tuple(world.members(number, k))) for k in sorted(revised)]
    for i, fact in enumerate([*world.facts(), *changed]):
        changes = world.witness(fact)
        if changes is None:
            stuck.setdefault(fact.key.universe, fact)
        else:
            keep(i, fact, changes)
    sensitive = {k for k, n in release.counts.items() if 0 < n < release.threshold}
    sensitive |= {f.key for f in changed}
    blocked: dict[CellKey, Fact] = {}
    for key in candidates:
        if key in sensitive or key in release.published:
            continue
        if key.universe in stuck:  # cannot show it stays open: publish nothing new about it
            blocked[key] = stuck[key.universe]
            continue
        world.fresh.clear()
        world.publish(number, key)
        renewed: dict[int, list[Change]] = {}
        for i in sorted(watch.get((number, key), ())):
            fact, changes = live[i]
            if world.still(changes):
                continue
            again = world.witness(fact)
            if again is None:
                blocked[key] = fact
                break
            renewed[i] = again
        if key in blocked:
            world.unpublish(number, key)
            world.revive()
            continue
        for i, changes in renewed.items():
            keep(i, live[i][0], changes)
    published = set(release.published)
    return Plan(published, set(release.counts) - published, sensitive, len(stuck), blocked)


def check(world: World, number: int, keys: Sequence[CellKey]) -> list[CellKey]:
    """The keys of ``keys`` that could not be published (empty: all of them may be)."""
    result = plan(world, number, keys)
    return [k for k in keys if k not in result.published]
