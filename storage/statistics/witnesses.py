"""The search for witnesses (storage/statistics/disclosure.py): for each protected fact, the
changes that keep it open — its units out of a hidden cell, or enough others into it; a
member of a small group with another value — found among :mod:`storage.statistics.changes`,
nearest first, and kept while publishing goes on. A change found to alter a published
number is remembered as dead (publishing only adds equations), unless the publish that
killed it is taken back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace

from storage.statistics.cells import DATE_BOUND, Span
from storage.statistics.changes import Lazy, Possible
from storage.statistics.world import Change, Fact, Hist, Release, seen_span

MAX_PARTNERS = 60  # units tried for an exchange, nearest first


class World(Possible):
    """Releases, their units, and a witness for every fact that must stay open."""

    def __init__(
        self,
        releases: Sequence[Release],
        units: Mapping[str, Hist],
        spans: Mapping[str, Span] | None = None,
    ) -> None:
        super().__init__(releases, units, spans)
        self.dead: set[tuple[object, ...]] = set()  # changes found to alter a published number
        self.fresh: list[tuple[object, ...]] = []  # dead since the last tentative publish
        self._ranked: dict[tuple[int, str], list[str]] = {}

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
            if key.dimension in DATE_BOUND:
                yield from self._redate(x)
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
        base = self.spans.get(like) or seen_span(self.units[like])
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
        cell, its units all out of it — or enough others in it to reach the threshold.

        A fact about a value that follows from the dates (time in the programme) that the
        other tables already settle — no witness even when that table's own cells are left
        aside — is not that table's to protect: it says what the dates in the other tables
        say. It is returned open with no change to watch (``[]``), and publishing more only
        settles it further."""
        found = self._witness(fact)
        target = fact.key if fact.kind in ("cell", "open") else fact.common
        if found is not None or target is None or target.dimension not in DATE_BOUND:
            return found
        dead, self.dead = self.dead, set()
        self.ignoring = target.dimension
        try:
            alone = self._witness(fact)
        finally:
            self.ignoring = None
            self.dead = dead
        return [] if alone is None else None

    def _witness(self, fact: Fact) -> list[Change] | None:
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
