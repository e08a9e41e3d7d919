"""A release being prepared: its tables laid out as cells, the units behind every cell, and
the decision which cells may be published — made by :func:`storage.statistics.disclosure.plan`
against every earlier release in the ledger (and any ``pending`` release shown beside it).

- :class:`Layout` — one table: rows × columns of :class:`CellKey`, with its zero-rule lines.
- :class:`Draft` — the release: period (on the grid), filter, units (``presences``), cell
  counts and kronor, and after :func:`decide` the ``published`` keys.
- ``grid(...)`` builds the usual table (categories × municipalities, with totals);
  ``decide(store, draft, pending=(), only=None)`` decides; ``value(draft, key, unit)`` reads
  a published number (``None`` when hidden).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from storage.casefile.repo import StoreLike
from storage.statistics import facts, ledger, periods
from storage.statistics.cells import CellKey, Presence, Span, canonical
from storage.statistics.disclosure import plan
from storage.statistics.witnesses import World
from storage.statistics.world import Line, Release

SUMMA = "Summa"
MEASURE_ORDER = {"active": 0, "new": 1, "closed": 2, "started": 3}


@dataclass
class Layout:
    key: str
    title: str
    unit: str  # "cases", "interventions" or "sek"
    rows: list[tuple[str, str]]  # (code, Swedish label), the totals row last
    columns: list[str]  # display names, the totals column last
    keys: list[list[CellKey]]  # [row][column]
    lines: list[Line] = field(default_factory=list)
    total_row: bool = True
    chart_column: int = -1
    column_units: tuple[str, ...] = ()

    def unit_of(self, column: int) -> str:
        return self.column_units[column] if self.column_units else self.unit


@dataclass
class Draft:
    kind: str  # "stats" or "grant"
    start: dt.date
    end: dt.date
    requested: tuple[dt.date, dt.date]
    period_kind: str
    municipality: str | None
    threshold: int
    demo: bool
    layouts: list[Layout] = field(default_factory=list)  # every municipality: the rule's view
    shown: list[Layout] = field(default_factory=list)  # what the report shows (its filter)
    presences: dict[str, Presence] = field(default_factory=dict)
    spans: dict[str, Span] = field(default_factory=dict)
    counts: dict[CellKey, int] = field(default_factory=dict)
    amounts: dict[CellKey, int] = field(default_factory=dict)
    published: set[CellKey] = field(default_factory=set)
    sensitive: set[CellKey] = field(default_factory=set)
    stuck: int = 0  # universes where nothing new could be published (see disclosure.plan)
    earlier: int = 0

    @property
    def lines(self) -> list[Line]:
        return [line for layout in self.layouts for line in layout.lines]

    @property
    def candidates(self) -> set[CellKey]:
        """The cells the report shows: only these can be published."""
        return {k for layout in self.shown for row in layout.keys for k in row}

    @property
    def summa(self) -> str:
        """The municipality of the totals column: all, or the filter's."""
        return canonical(self.municipality) if self.municipality else ""

    def add(self, uid: str, presence: Presence, span: Span) -> None:
        if presence.frames:
            self.presences[uid] = presence
            self.spans[uid] = span

    def count(self) -> None:
        """Count the units (and kronor) behind every cell of the layouts."""
        keys = {k for layout in (*self.layouts, *self.shown) for row in layout.keys for k in row}
        self.counts = dict.fromkeys(keys, 0)
        self.amounts = {k: 0 for k in keys if k.universe == "grant"}
        for presence in self.presences.values():
            for key in presence.cells:
                if key in self.counts:
                    self.counts[key] += 1
                    if key in self.amounts:
                        self.amounts[key] += presence.amount


def grid(
    key: str,
    title: str,
    frame: tuple[str, str, str, str],
    columns: Sequence[tuple[str, str]],
    summa: str,
    dimension: str,
    rows: Sequence[tuple[str, str]],
    *,
    total: str = "",
    prefix: str = "",
    unit: str = "cases",
) -> Layout:
    """Categories (``rows``: (category, label)) × municipalities (``columns``: (canonical,
    display)) and the totals column ``summa`` (in a table of one municipality, the same
    cells as its column); the totals row is the frame (or the
    ``total`` category of the dimension, e.g. ``*`` for "any intervention"); ``prefix`` is
    put before each row's code to make its category (``moved:`` for relocations)."""
    universe, measure, start, end = frame
    munis = [c for c, _ in columns]
    places = [*munis, summa]

    def cell(category: str | None, place: str) -> CellKey:
        if category is None:
            if total:
                return CellKey(universe, measure, start, end, place, dimension, total)
            return CellKey(universe, measure, start, end, place)
        return CellKey(universe, measure, start, end, place, dimension, prefix + category)

    keys = [[cell(code, p) for p in places] for code, _ in rows]
    keys.append([cell(None, p) for p in places])
    lines = [
        Line(keys[-1][j], tuple(keys[i][j] for i in range(len(rows))), "column")
        for j in range(len(places))
        if j == len(places) - 1 or places[j] != summa
    ]
    if len(set(munis)) >= 2:
        lines += [Line(r[-1], tuple(r[:-1]), "row") for r in keys]
    return Layout(
        key,
        title,
        unit,
        [*rows, ("total", SUMMA)],
        [*(d for _, d in columns), SUMMA],
        keys,
        lines,
    )


def _order(draft: Draft, before: set[CellKey]) -> list[CellKey]:
    summa = draft.summa

    def rank(key: CellKey) -> tuple[object, ...]:
        count = draft.counts.get(key, 0)
        return (
            key not in before,  # what was published before, first: it stays as it was
            key.universe == "grant" and count > 0,  # kronor: zeros first, so that what
            # hides a small amount is other amounts, never a zero the reader could guess
            key.municipality != summa,  # the totals column before the municipalities
            not key.is_frame,  # totals before their parts
            MEASURE_ORDER.get(key.measure, 9),
            -count,  # larger numbers first
            key,
        )

    return sorted(draft.candidates, key=rank)


Shadow = Callable[[dt.date, dt.date], Draft]


def _span(release: Release) -> tuple[dt.date, dt.date]:
    keys = list(release.counts)
    start = min(dt.date.fromisoformat(k.start) for k in keys)
    return start, max(dt.date.fromisoformat(k.end) for k in keys)


def shadow_periods(spans: Sequence[tuple[dt.date, dt.date]]) -> list[tuple[dt.date, dt.date]]:
    """The grid periods that releases of these periods could be subtracted into: every
    month, quarter, half-year or run of years whose first day and the day after its last
    are boundaries of those periods (H1 and Q1 give Q2), and that is not one of them."""
    cuts = sorted({s for s, _ in spans} | {e + dt.timedelta(days=1) for _, e in spans})
    out = []
    for i, first in enumerate(cuts):
        for after in cuts[i + 1 :]:
            last = after - dt.timedelta(days=1)
            if (first, last) not in spans and periods.on_grid(first, last):
                out.append((first, last))
    return out


def decide(
    store: StoreLike,
    draft: Draft,
    *,
    pending: Sequence[Draft] = (),
    only: Sequence[CellKey] | None = None,
    shadow: Shadow | None = None,
) -> Draft:
    """Choose the cells of ``draft`` to publish, against every earlier release and the
    ``pending`` ones (shown beside it, maybe exported later). ``only``: publish at most
    these, taken in the rule's own order (never the caller's, so that deciding again what
    a report showed gives the same cells) — used to re-check an export.

    The rule sees every municipality even when the report shows one: a filtered export is
    a part of the whole table, so that two filtered exports (0 in one municipality, 0 in
    another) cannot together say where a small group lives. And it sees the periods that
    no release shows but releases could be subtracted into (``shadow(start, end)`` builds
    their tables): H1 then Q1 must not give Q2, whether or not Q2 is ever exported."""
    history = ledger.load(store)
    releases = list(history.releases)
    units = {uid: dict(hist) for uid, hist in history.units.items()}
    before = set(history.published)
    for i, other in enumerate(pending, 1):
        number = -i
        releases.append(
            Release(
                number,
                other.threshold,
                dict(other.counts),
                set(other.published),
                tuple(other.lines),
            )
        )
        for uid, presence in other.presences.items():
            units.setdefault(uid, {})[number] = presence
        before |= other.published
    current = Release(0, draft.threshold, dict(draft.counts), set(), tuple(draft.lines))
    for uid, presence in draft.presences.items():
        units.setdefault(uid, {})[0] = presence
    if shadow is not None:
        seen = [_span(r) for r in releases if r.counts] + [(draft.start, draft.end)]
        for i, (first, last) in enumerate(shadow_periods(seen), 1):
            number = -1000 - i
            ghost = shadow(first, last)
            releases.append(
                Release(number, draft.threshold, dict(ghost.counts), set(), tuple(ghost.lines))
            )
            for uid, presence in ghost.presences.items():
                units.setdefault(uid, {})[number] = presence
    spans = {**facts.spans(store, set(units) - set(draft.spans)), **draft.spans}
    world = World([*releases, current], units, spans)
    world.method_levels = {
        str(code): str(level)
        for code, level in store.conn.execute("SELECT code, evidence_level FROM methods")
    }
    ordered = _order(draft, before)
    if only is not None:  # the same order as the first decision: the same cells come out
        wanted = set(only)
        ordered = [k for k in ordered if k in wanted]
    candidates = ordered
    recorded: dict[CellKey, int] = {}
    for old in history.releases:  # the latest number each published cell was shown with
        recorded.update({k: old.counts[k] for k in old.published})
    revised = [
        k
        for k, n in draft.counts.items()
        if k in recorded and 0 < abs(n - recorded[k]) < draft.threshold
    ]
    result = plan(world, 0, candidates, revised)
    draft.published = result.published
    draft.sensitive = result.sensitive
    draft.stuck = result.stuck
    draft.earlier = len(history.releases)
    return draft


def value(draft: Draft, key: CellKey, unit: str) -> int | None:
    if key not in draft.published:
        return None
    if unit == "sek":
        return draft.amounts.get(key, 0)
    return draft.counts.get(key, 0)
