"""Statistics for national follow-up: counts per period and municipality, each published
only as far as :mod:`storage.statistics.disclosure` allows against every earlier release
of this store. No names, birth dates, group identities or placement municipalities ever
enter a table.

Public API:

- ``compute_stats(store, start, end, municipality=None, threshold=5, *, pending=(),
  only=None) -> StatsReport`` — the period is snapped to the grid
  (:mod:`storage.statistics.periods`); every table is decided already; raw counts of hidden
  cells never leave this package.
- ``StatsReport.tables`` (:class:`StatTable`: ``cells[r][c]`` is the published value or
  ``None`` when hidden; the last row and the last column are the totals),
  ``StatsReport.table(key)``, ``StatsReport.to_json()``, ``StatsReport.snapped``.
- CSV and saving an export (audited, recorded in the ledger): :mod:`storage.statistics.export`.

Definitions (period = ``start``..``end``, both inclusive; municipality = the case's
bosättningskommun): *active* = opened on or before the end and not closed before the
start; *new* = opened in the period; *closed* = closed (avslutad) or handed over in the
period. Type, gender and age band are the principal person's; age = end year − birth
year. A case can be in several rows of environment, interventions and relocations; their
totals row counts each case once. Grant money: interventions funded by the state grant
that started in the period, counted by intervention.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.records import validate as v
from storage.records.enums import (
    CaseType,
    Environment,
    Gender,
    InterventionType,
    Outcome,
)
from storage.registers.methods import methods as method_register
from storage.statistics import facts as data
from storage.statistics import knowledge, periods
from storage.statistics.cells import ANY, CASE, GRANT, CellKey, Presence, canonical, in_frame
from storage.statistics.release import Draft, Layout, Shadow, decide, grid, value

THRESHOLD = 5
TOTAL = "total"
TOTAL_LABEL = "Summa"
Cell = tuple[int, int]
AGE_BANDS = {
    "under_18": "under 18 år",
    "18_29": "18–29 år",
    "30_plus": "30 år och äldre",
    "unknown": "okänd ålder",
}
MEASURES = {"new": "Nya ärenden", "active": "Aktiva ärenden", "closed": "Avslutade ärenden"}
DIMENSIONS = {
    "case_type": ("ärendetyp", "case_type"),
    "gender": ("kön", "gender"),
    "age_band": ("åldersgrupp", "age"),
    "environment": ("miljö", "environment"),
}


@dataclass(frozen=True)
class StatTable:
    key: str
    title: str
    unit: str  # "cases", "interventions" or "sek"
    rows: tuple[tuple[str, str], ...]  # (code, Swedish label); the last is the total
    columns: tuple[str, ...]  # municipalities, then "Summa"
    cells: tuple[tuple[int | None, ...], ...]  # published values; None = hidden
    primary: frozenset[Cell]  # hidden: fewer than the threshold behind them
    complementary: frozenset[Cell]  # hidden so that nothing else can reveal a small one
    total_row: bool = True  # the last row is the column totals
    chart_column: int = -1  # the column a chart shows (default: the row totals)
    column_units: tuple[str, ...] = ()  # per column, when they differ

    @property
    def suppressed(self) -> frozenset[Cell]:
        return self.primary | self.complementary

    def unit_of(self, column: int) -> str:
        return self.column_units[column] if self.column_units else self.unit

    def chart(self) -> list[tuple[str, int | None]]:
        """(row label, published value) of the data rows, for a bar chart."""
        rows = zip(self.rows, self.cells, strict=True)
        data_rows = list(rows)[:-1] if self.total_row else list(rows)
        return [(label, row[self.chart_column]) for (_, label), row in data_rows]

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "title": self.title,
            "unit": self.unit,
            "rows": [{"code": c, "label": label} for c, label in self.rows],
            "columns": list(self.columns),
            "cells": [list(r) for r in self.cells],
            "suppressed": sorted(self.suppressed),
        }


def make_table(layout: Layout, draft: Draft) -> StatTable:
    """The published table of ``layout``: hidden cells are ``None``."""
    cells: list[tuple[int | None, ...]] = []
    primary: set[Cell] = set()
    complementary: set[Cell] = set()
    for i, row in enumerate(layout.keys):
        out: list[int | None] = []
        for j, key in enumerate(row):
            shown = value(draft, key, layout.unit_of(j))
            out.append(shown)
            if shown is None:
                (primary if key in draft.sensitive else complementary).add((i, j))
        cells.append(tuple(out))
    return StatTable(
        layout.key,
        layout.title,
        layout.unit,
        tuple(layout.rows),
        tuple(layout.columns),
        tuple(cells),
        frozenset(primary),
        frozenset(complementary),
        layout.total_row,
        layout.chart_column,
        layout.column_units,
    )


@dataclass(frozen=True)
class StatsReport:
    kind: str  # "stats"
    start: dt.date
    end: dt.date
    municipality: str | None
    threshold: int
    generated: str
    tables: tuple[StatTable, ...]
    requested: tuple[dt.date, dt.date]
    period_kind: str
    demo: bool  # the store holds demo cases only: these are fictional demo data
    earlier: int  # releases in the ledger the decision took into account
    draft: Draft

    @property
    def snapped(self) -> bool:
        return self.requested != (self.start, self.end)

    def table(self, key: str) -> StatTable:
        return next(t for t in self.tables if t.key == key)

    def to_json(self) -> dict[str, Any]:
        return {
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "requested": {
                "from": self.requested[0].isoformat(),
                "to": self.requested[1].isoformat(),
            },
            "snapped": self.snapped,
            "period_kind": self.period_kind,
            "municipality": self.municipality,
            "threshold": self.threshold,
            "demo": self.demo,
            "earlier_releases": self.earlier,
            "generated": self.generated,
            "tables": [t.to_json() for t in self.tables],
        }


def columns_of(places: Sequence[str]) -> list[tuple[str, str]]:
    """(canonical, display) municipalities, each once, sorted by name."""
    seen: dict[str, str] = {}
    for place in places:
        seen.setdefault(canonical(place), place)
    return sorted(seen.items(), key=lambda item: (item[1].casefold(), item[1]))


def start_draft(
    kind: str, choice: periods.PeriodChoice, muni: str | None, threshold: int, demo: bool
) -> Draft:
    p = choice.period
    return Draft(kind, p.start, p.end, choice.requested, p.kind, muni, threshold, demo)


def add_cases(draft: Draft, cases: Sequence[data.CaseFact]) -> None:
    s, e = draft.start.isoformat(), draft.end.isoformat()
    for f in cases:
        span = f.span
        places = {span.municipality, ""}
        frames = frozenset(
            CellKey(CASE, m, s, e, place)
            for m in ("new", "active", "closed")
            if in_frame(CellKey(CASE, m, s, e, ""), span)
            for place in places
        )
        moved = {f"moved:{f.case_type}", f"moved:{ANY}"} if f.moved else set()
        closed = f.closed is not None
        dims = {
            "case_type": frozenset({f.case_type, *moved}),
            "gender": frozenset({f.gender}),
            "age": frozenset({data.age_band(f.birth_year, draft.end)}),
            "environment": f.environments or frozenset({"none"}),
            "outcome": frozenset({(f.outcome or "handed_over") if closed else "open"}),
            **knowledge.case_dims(f),
        }
        draft.add(f"c{f.case_id}", Presence(frames, dims), span)


def add_grants(draft: Draft, grants: Sequence[data.GrantFact]) -> None:
    s, e = draft.start.isoformat(), draft.end.isoformat()
    for g in grants:
        span = g.span
        frames = frozenset(CellKey(GRANT, "started", s, e, p) for p in {span.municipality, ""})
        draft.add(
            f"i{g.intervention_id}", Presence(frames, {"type": frozenset({g.type})}, g.cost), span
        )


def _stats_layouts(
    draft: Draft,
    cols: list[tuple[str, str]],
    summa: str,
    methods: Sequence[tuple[str, str]] = (),
    *,
    shown: bool = False,
) -> list[Layout]:
    s, e = draft.start.isoformat(), draft.end.isoformat()
    rows = {
        "case_type": CaseType.labels(),
        "gender": Gender.labels(),
        "age_band": AGE_BANDS,
        "environment": {**Environment.labels(), "none": "ingen uppgift"},
    }
    out = []
    for measure, title in MEASURES.items():
        for table, (dim_title, dim) in DIMENSIONS.items():
            out.append(
                grid(
                    f"{measure}.{table}",
                    f"{title} efter {dim_title}",
                    (CASE, measure, s, e),
                    cols,
                    summa,
                    dim,
                    list(rows[table].items()),
                )
            )
    outcomes = {**Outcome.labels(), "handed_over": "överlämnad"}
    out.append(
        grid(
            "closed.outcome",
            "Avslutade ärenden efter utfall",
            (CASE, "closed", s, e),
            cols,
            summa,
            "outcome",
            list(outcomes.items()),
        )
    )
    types = list(InterventionType.labels().items())
    out.append(
        grid(
            "interventions.type",
            "Ärenden med insats under perioden, efter insatstyp",
            (CASE, "active", s, e),
            cols,
            summa,
            "interventions",
            types,
            total=ANY,
        )
    )
    out.append(
        grid(
            "relocations.case_type",
            "Ärenden med flytt under perioden, efter ärendetyp",
            (CASE, "active", s, e),
            cols,
            summa,
            "case_type",
            list(CaseType.labels().items()),
            total=f"moved:{ANY}",
            prefix="moved:",
        )
    )
    out.append(
        grid(
            "grant_money.type",
            "Kostnad för insatser med statsbidrag (kr), efter insatstyp",
            (GRANT, "started", s, e),
            cols,
            summa,
            "type",
            types,
            unit="sek",
        )
    )
    return out + knowledge.layouts(draft, cols, summa, methods, shown_only=shown)


def stats_draft(
    store: StoreLike, choice: periods.PeriodChoice, muni: str | None, threshold: int
) -> Draft:
    demo = data.demo_only(store)
    draft = start_draft("stats", choice, muni, threshold, demo)
    cases = data.case_facts(store, draft.start, draft.end, demo=demo)
    grants = data.grant_facts(store, draft.start, draft.end, demo=demo)
    add_cases(draft, cases)
    add_grants(draft, grants)
    cols = columns_of(data.municipalities(store, demo=demo))
    methods = [(m.code, m.name) for m in method_register(store)]
    draft.layouts = _stats_layouts(draft, cols, "", methods)
    draft.shown = _stats_layouts(
        draft, filtered(cols, muni) if muni else cols, draft.summa, methods, shown=True
    )
    draft.count()
    return draft


def filtered(cols: list[tuple[str, str]], muni: str) -> list[tuple[str, str]]:
    """The one column of a filtered report (named as the cases name it, if any)."""
    wanted = canonical(muni)
    return [c for c in cols if c[0] == wanted] or [(wanted, muni)]


def shadow_of(store: StoreLike, threshold: int) -> Shadow:
    """The tables of a period no release shows (see :func:`release.decide`)."""

    def build(first: dt.date, last: dt.date) -> Draft:
        choice = periods.PeriodChoice(periods.grid_period(first, last), (first, last))
        return stats_draft(store, choice, None, threshold)

    return build


def check_arguments(municipality: str | None, threshold: int) -> str | None:
    muni = v.text("municipality", municipality, required=False, limit=100)
    v.integer("threshold", threshold, low=2, high=100)
    return muni


def compute_stats(
    store: StoreLike,
    start: dt.date | str,
    end: dt.date | str,
    municipality: str | None = None,
    threshold: int = THRESHOLD,
    *,
    pending: Sequence[Draft] = (),
    only: Sequence[CellKey] | None = None,
) -> StatsReport:
    """Every table for the period (snapped to the grid), decided against the ledger and
    ``pending``; see the module docstring."""
    choice = periods.snap(start, end)
    muni = check_arguments(municipality, threshold)
    draft = decide(
        store,
        stats_draft(store, choice, muni, threshold),
        pending=pending,
        only=only,
        shadow=shadow_of(store, threshold),
    )
    tables = tuple(make_table(layout, draft) for layout in draft.shown)
    return StatsReport(
        "stats",
        draft.start,
        draft.end,
        muni,
        threshold,
        repo.utc_now(),
        tables,
        draft.requested,
        draft.period_kind,
        draft.demo,
        draft.earlier,
        draft,
    )
