"""The releases the disclosure rule reasons about (storage/statistics/disclosure.py): their
cells and what they published, the units they saw, and the *protected facts* — hidden cells
of fewer than the threshold, and small groups whose members all share a value — that
every published number of every release together must leave open.

- :class:`Release`, :class:`Line`, :class:`Fact`, :class:`Change`; ``Hist`` (how each
  release saw a unit);
- :class:`Releases`: ``preserves(change)`` (does a change of some units leave every published
  number as it is?), ``facts()``, ``members(release, key)``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from storage.statistics.cells import CellKey, Presence, Span

Hist = dict[int, Presence]  # release number -> how that release saw the unit


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


def within(frame: CellKey, start: dt.date, end: dt.date, span: Span) -> bool:
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


def seen_span(hist: Hist) -> Span:
    """A place and dates consistent with where a unit was seen (for "what if" changes)."""
    frames = [f for p in hist.values() for f in p.frames]
    places = sorted({f.municipality for f in frames if f.municipality})
    first = min(dt.date.fromisoformat(f.start) for f in frames)
    return Span(frames[0].universe, places[0] if places else "", first, None)


class Releases:
    """Releases (earlier ones and the one being planned), the units they saw, what each
    published, and the facts that must stay open."""

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
                self.spans[uid] = seen_span(hist)
        self.present: dict[int, list[str]] = {r: [] for r in self.releases}
        for uid in sorted(self.units):
            for number in self.units[uid]:
                if number in self.present:
                    self.present[number].append(uid)
        self.frames = {
            r.number: sorted({k.frame for k in r.counts}) for r in self.releases.values()
        }
        self.published = {r.number: r.published for r in self.releases.values()}
        self.ignoring: str | None = None  # a dimension whose cells preserves() leaves aside
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
                        if key.dimension == self.ignoring:
                            continue
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
