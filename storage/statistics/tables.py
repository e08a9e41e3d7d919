"""Statistics for national follow-up: counts per period and municipality, small cells
suppressed (:mod:`storage.statistics.suppress`). No names, birth dates, group identities or
placement municipalities ever enter a table; demo cases are left out.

Public API:

- ``compute_stats(store, start, end, municipality=None, threshold=5) -> StatsReport`` —
  every table already suppressed; raw counts never leave this module.
- ``StatsReport.tables`` (:class:`StatTable`: ``cells[r][c]`` is the published value or
  ``None`` when suppressed; the last row and the last column are the totals),
  ``StatsReport.table(key)``, ``StatsReport.to_json()``.
- CSV and saving an export (audited): :mod:`storage.statistics.export`.

Definitions (period = ``start``..``end``, both inclusive; municipality = the case's
bosättningskommun): *active* = opened on or before the end and not closed before the
start; *new* = opened in the period; *closed* = closed (avslutad) or handed over in the
period. Type, gender and age band are the principal person's; age = end year − birth
year. Cells of interventions, environments and relocations count distinct cases, so a
case appears in each row that applies and a total is the sum of its cells.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
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
from storage.statistics.linked import suppress_linked
from storage.statistics.suppress import (
    THRESHOLD,
    Cell,
    Grid,
    Suppression,
)

TOTAL = "total"
TOTAL_LABEL = "Summa"
AGE_BANDS = {
    "under_18": "under 18 år",
    "18_29": "18–29 år",
    "30_plus": "30 år och äldre",
    "unknown": "okänd ålder",
}
MEASURES = {"new": "Nya ärenden", "active": "Aktiva ärenden", "closed": "Avslutade ärenden"}
DIMENSIONS = {
    "case_type": "ärendetyp",
    "gender": "kön",
    "age_band": "åldersgrupp",
    "environment": "miljö",
}
#: Tables whose totals row counts the same cases (and must be suppressed alike).
LINKED = ("case_type", "gender", "age_band", "environment")


@dataclass(frozen=True)
class Fact:
    case_id: int
    case_type: str
    outcome: str | None
    status: str
    municipality: str
    opened: dt.date
    closed: dt.date | None
    gender: str
    age_band: str


@dataclass(frozen=True)
class StatTable:
    key: str
    title: str
    unit: str  # "cases" or "sek"
    rows: tuple[tuple[str, str], ...]  # (code, Swedish label); the last is the total
    columns: tuple[str, ...]  # municipalities, then "Summa"
    cells: tuple[tuple[int | None, ...], ...]  # published values; None = suppressed
    primary: frozenset[Cell]
    complementary: frozenset[Cell]
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
        data = list(rows)[:-1] if self.total_row else list(rows)
        return [(label, row[self.chart_column]) for (_, label), row in data]

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


@dataclass(frozen=True)
class StatsReport:
    kind: str  # "stats"
    start: dt.date
    end: dt.date
    municipality: str | None
    threshold: int
    generated: str
    tables: tuple[StatTable, ...]

    def table(self, key: str) -> StatTable:
        return next(t for t in self.tables if t.key == key)

    def to_json(self) -> dict[str, Any]:
        return {
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "municipality": self.municipality,
            "threshold": self.threshold,
            "generated": self.generated,
            "tables": [t.to_json() for t in self.tables],
        }


# ---------------------------------------------------------------- facts


def check_period(start: object, end: object) -> tuple[dt.date, dt.date]:
    first = v.required_date("from", start)
    last = v.required_date("to", end)
    v.ordered("to", last, "from", first)
    return first, last


def _age_band(birth_year: int | None, end: dt.date) -> str:
    if birth_year is None:
        return "unknown"
    age = end.year - int(birth_year)
    return "under_18" if age < 18 else "18_29" if age < 30 else "30_plus"


def active_facts(
    store: StoreLike, start: dt.date, end: dt.date, municipality: str | None = None
) -> list[Fact]:
    """The non-demo cases active in the period (optionally of one municipality)."""
    rows = store.conn.execute(
        "SELECT c.id, c.case_type, c.outcome, c.status, c.home_municipality, c.opened_on, "
        "c.closed_on, p.gender, p.birth_year FROM cases c "
        "LEFT JOIN persons p ON p.case_id = c.id AND p.role = 'principal' "
        "WHERE c.demo = 0 AND c.opened_on <= ? AND (c.closed_on IS NULL OR c.closed_on >= ?)",
        (end.isoformat(), start.isoformat()),
    ).fetchall()
    wanted = municipality.strip().casefold() if municipality else None
    return [
        Fact(
            int(r[0]),
            r[1],
            r[2],
            r[3],
            str(r[4]).strip(),
            repo.must_date(r[5]),
            repo.to_date(r[6]),
            r[7] or Gender.UNKNOWN.value,
            _age_band(r[8], end),
        )
        for r in rows
        if wanted is None or str(r[4]).strip().casefold() == wanted
    ]


# ---------------------------------------------------------------- tables

Members = dict[tuple[str, str], dict[int, int]]  # (row, municipality) -> case id -> amount


def _grid(rows: list[str], cols: list[str], members: Members) -> Grid:
    values: list[list[int]] = []
    contributors: list[list[int]] = []
    col_sets: list[set[int]] = [set() for _ in cols]
    for r in rows:
        vals, cons, row_set = [], [], set()
        for j, c in enumerate(cols):
            cell = members.get((r, c), {})
            vals.append(sum(cell.values()))
            cons.append(len(cell))
            row_set |= set(cell)
            col_sets[j] |= set(cell)
        values.append([*vals, sum(vals)])
        contributors.append([*cons, len(row_set)])
    every = set().union(*col_sets) if col_sets else set()
    values.append([sum(r[j] for r in values) for j in range(len(cols) + 1)])
    contributors.append([len(s) for s in col_sets] + [len(every)])
    return Grid(tuple(map(tuple, values)), tuple(map(tuple, contributors)))


@dataclass
class _Draft:
    key: str
    title: str
    unit: str
    rows: list[tuple[str, str]]
    grid: Grid
    group: str | None = None


def _members(items: Iterable[tuple[str, str, int, int]]) -> Members:
    out: Members = {}
    for row, col, case_id, amount in items:
        cell = out.setdefault((row, col), {})
        cell[case_id] = cell.get(case_id, 0) + amount
    return out


def _draft(
    key: str,
    title: str,
    rows: dict[str, str],
    cols: list[str],
    members: Members,
    unit: str = "cases",
    group: str | None = None,
) -> _Draft:
    return _Draft(key, title, unit, list(rows.items()), _grid(list(rows), cols, members), group)


def _dimension(fact: Fact, dim: str, envs: dict[int, set[str]]) -> list[str]:
    if dim == "environment":
        return sorted(envs.get(fact.case_id, set())) or ["none"]
    return [str(getattr(fact, dim))]


def _drafts(
    store: StoreLike, facts: list[Fact], cols: list[str], start: dt.date, end: dt.date
) -> list[_Draft]:
    by_id = {f.case_id: f for f in facts}
    s, e = start.isoformat(), end.isoformat()
    envs: dict[int, set[str]] = {}
    for case_id, env in store.conn.execute("SELECT case_id, environment FROM network_links"):
        if int(case_id) in by_id:
            envs.setdefault(int(case_id), set()).add(env)
    labels: dict[str, dict[str, str]] = {
        "case_type": CaseType.labels(),
        "gender": Gender.labels(),
        "age_band": AGE_BANDS,
        "environment": {**Environment.labels(), "none": "ingen uppgift"},
    }
    chosen: dict[str, Callable[[Fact], bool]] = {
        "new": lambda f: start <= f.opened <= end,
        "active": lambda f: True,
        "closed": lambda f: f.closed is not None and start <= f.closed <= end,
    }
    drafts = []
    for measure, title in MEASURES.items():
        picked = [f for f in facts if chosen[measure](f)]
        for dim, dim_title in DIMENSIONS.items():
            items = [
                (r, f.municipality, f.case_id, 1) for f in picked for r in _dimension(f, dim, envs)
            ]
            drafts.append(
                _draft(
                    f"{measure}.{dim}",
                    f"{title} efter {dim_title}",
                    labels[dim],
                    cols,
                    _members(items),
                    group=measure if dim in LINKED else None,
                )
            )
    closed = [f for f in facts if chosen["closed"](f)]
    outcomes = {**Outcome.labels(), "handed_over": "överlämnad"}
    items = [(f.outcome or "handed_over", f.municipality, f.case_id, 1) for f in closed]
    drafts.append(
        _draft(
            "closed.outcome",
            "Avslutade ärenden efter utfall",
            outcomes,
            cols,
            _members(items),
            group="closed",
        )
    )
    running, grant = [], []
    for case_id, kind, started, _ended, cost, funding in store.conn.execute(
        "SELECT case_id, type, started_on, ended_on, cost_sek, funding FROM interventions "
        "WHERE started_on <= ? AND (ended_on IS NULL OR ended_on >= ?)",
        (e, s),
    ):
        fact = by_id.get(int(case_id))
        if fact is None:
            continue
        running.append((kind, fact.municipality, fact.case_id, 1))
        if funding == "state_grant" and started >= s:
            grant.append((kind, fact.municipality, fact.case_id, int(cost or 0)))
    types = InterventionType.labels()
    drafts.append(
        _draft(
            "interventions.type",
            "Ärenden med insats under perioden, efter insatstyp",
            types,
            cols,
            _members(running),
        )
    )
    moved = [
        (by_id[int(c)].case_type, by_id[int(c)].municipality, int(c), 1)
        for (c,) in store.conn.execute(
            "SELECT DISTINCT case_id FROM placements WHERE moved_in_on BETWEEN ? AND ?", (s, e)
        )
        if int(c) in by_id
    ]
    drafts.append(
        _draft(
            "relocations.case_type",
            "Ärenden med flytt under perioden, efter ärendetyp",
            CaseType.labels(),
            cols,
            _members(moved),
        )
    )
    drafts.append(
        _draft(
            "grant_money.type",
            "Kostnad för insatser med statsbidrag (kr), efter insatstyp",
            types,
            cols,
            _members(grant),
            unit="sek",
        )
    )
    return drafts


def make_table(
    key: str,
    title: str,
    unit: str,
    rows: list[tuple[str, str]],
    columns: list[str],
    grid: Grid,
    hidden: Suppression,
    **extra: Any,
) -> StatTable:
    """A published table: suppressed cells become ``None``; total row/column labelled.
    ``extra``: ``chart_column``, ``column_units``."""
    nrows, ncols = grid.shape
    published = tuple(
        tuple(None if (i, j) in hidden.cells else grid.values[i][j] for j in range(ncols))
        for i in range(nrows)
    )
    all_rows = (*rows, (TOTAL, TOTAL_LABEL)) if grid.col_totals else tuple(rows)
    all_cols = (*columns, TOTAL_LABEL) if grid.row_totals else tuple(columns)
    return StatTable(
        key,
        title,
        unit,
        all_rows,
        all_cols,
        published,
        hidden.primary,
        hidden.cells - hidden.primary,
        grid.col_totals,
        **extra,
    )


def compute_stats(
    store: StoreLike,
    start: dt.date | str,
    end: dt.date | str,
    municipality: str | None = None,
    threshold: int = THRESHOLD,
) -> StatsReport:
    """Every table for the period, suppressed; see the module docstring."""
    first, last = check_period(start, end)
    muni = v.text("municipality", municipality, required=False, limit=100)
    v.integer("threshold", threshold, low=2, high=100)
    facts = active_facts(store, first, last, muni)
    cols = sorted({f.municipality for f in facts}, key=str.casefold)
    drafts = _drafts(store, facts, cols, first, last)
    hidden = suppress_linked(drafts, threshold)
    tables = [
        make_table(d.key, d.title, d.unit, d.rows, cols, d.grid, hidden[d.key]) for d in drafts
    ]
    return StatsReport("stats", first, last, muni, threshold, repo.utc_now(), tuple(tables))
