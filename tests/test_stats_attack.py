"""The proof (docs/statistics.md, "The attack the tests make"): fictional case sets and
sequences of exports — overlapping grid periods, periods off the grid (snapped), municipality
filters, grant summaries — written to CSV through the real export path and then attacked as
an adversary would, with every exported file in hand.

The adversary knows how every number is defined and writes all exported tables down as one
system of linear equations over the integers: the unknowns are the numbers of cases of each
kind (municipality × the period each was opened and closed in × case type, gender, age band,
environment, outcome) and of grant interventions of each kind (municipality × period started
× type, with their kronor), all non-negative. For every number the exports hide it asks an
integer program (SciPy's HiGHS ``milp``) whether the equations still allow another value:

- a hidden count of 1–4 cases must be able to be 0 (or 5 and more); else it is disclosed;
- a hidden kronor sum of 1–4 interventions must be able to differ; else it is disclosed;
- a group of 1–4 cases that all share a value (a municipality's column, or one category's
  row across municipalities) must be able to include someone without it — unless the whole
  population of its table shares it too (docs/statistics.md, "Zeros").

The truth it is compared with is computed here from the generated cases, not by Utväg. The
tables of interventions by type, of relocations and of the grant criteria are exported too
but not put into the adversary's system (modelling every intervention type's running periods
would multiply its size); they pass the same rule in the same release.
The tables of needs, methods and outcomes are attacked by tests/test_stats_attack_knowledge.py
(with the units' national reports and the coordinator's merges).
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp

from storage.casefile import assessments, cases, interventions, persons
from storage.statistics.errors import NothingToPublishError
from storage.statistics.export import report_csv, save_export
from storage.statistics.grant_summary import grant_summary
from storage.statistics.periods import snap
from storage.statistics.tables import compute_stats
from storage.vault.store import Store
from tests.case_fixtures import copy_store, store_template

__all__ = ["store_template"]

D = dt.date
MUNIS = ("Alby", "Bestad", "Cefors")  # fictional
TYPES = ("defector", "relative", "young_at_risk")
GENDERS = ("female", "male", "other", "unknown")
AGES = ("under_18", "18_29", "30_plus", "unknown")
ENVS = ("criminal_network", "violent_extremism", "honour_context", "none")
OUTCOMES = ("completed", "discontinued_by_person", "conditions_broken", "not_applicable")
CLOSED = (*OUTCOMES, "handed_over")
GRANT_TYPES = (
    "protected_housing",
    "emergency_housing",
    "counselling",
    "addiction_treatment",
    "psychiatry",
    "financial_aid",
    "occupation",
    "debt_restructuring",
    "tattoo_removal",
    "trustee",
    "contact_person",
    "relocation_support",
    "drug_testing",
    "other",
)
DIMS = {"case_type": TYPES, "gender": GENDERS, "age_band": AGES, "environment": ENVS}
REQUESTS = {  # what a caseworker asks for; off-grid requests are snapped
    "Q1": (D(2025, 1, 1), D(2025, 3, 31)),
    "Q2": (D(2025, 4, 1), D(2025, 6, 30)),
    "H1": (D(2025, 1, 1), D(2025, 6, 30)),
    "2025": (D(2025, 1, 1), D(2025, 12, 31)),
    "2025 without December": (D(2025, 1, 1), D(2025, 11, 30)),
    "2024": (D(2024, 1, 1), D(2024, 12, 31)),
    "both years": (D(2024, 1, 1), D(2025, 12, 31)),
    "mid-February to March": (D(2025, 2, 10), D(2025, 3, 20)),
}
THRESHOLD = 5


@dataclass(frozen=True)
class Case:
    muni: int
    kind: str
    gender: str
    born: int
    env: str
    opened: dt.date
    closed: dt.date | None
    outcome: str
    grants: tuple[tuple[str, dt.date, int], ...]

    def age(self) -> str:  # the birth years below keep the band the same in 2024 and 2025
        return "under_18" if 2025 - self.born < 18 else "30_plus"


def _day(month: int) -> dt.date:
    """Month 0 = January 2024 … 23 = December 2025 (the 10th)."""
    return D(2024 + month // 12, month % 12 + 1, 10)


@st.composite
def a_case(draw: st.DrawFn) -> Case:
    opened = draw(st.integers(-3, 23))
    length = draw(st.one_of(st.none(), st.integers(0, 14)))
    closed = None if length is None or opened + length > 23 else opened + length
    grants = draw(
        st.lists(
            st.tuples(
                st.sampled_from(("psychiatry", "counselling")),
                st.integers(max(opened, 0), 23),
                st.integers(1, 90).map(lambda k: k * 1000),
            ),
            max_size=2,
        )
    )
    return Case(
        draw(st.integers(0, 2)),
        draw(st.sampled_from(TYPES[:2])),
        draw(st.sampled_from(GENDERS[:2])),
        draw(st.sampled_from((1980, 2010))),
        draw(st.sampled_from(("criminal_network", "none"))),
        D(2023, 10 + opened + 3, 10) if opened < 0 else _day(opened),
        None if closed is None else _day(closed),
        draw(st.sampled_from(CLOSED[:2])),
        tuple((t, _day(m), cost) for t, m, cost in grants),
    )


releases = st.lists(
    st.tuples(
        st.sampled_from(sorted(REQUESTS)),
        st.one_of(st.none(), st.integers(0, 2)),
        st.sampled_from(("stats", "stats", "grant")),
    ),
    min_size=2,
    max_size=4,
)


# ---------------------------------------------------------------- the world, in a real store


def fill(store: Store, world: list[Case]) -> None:
    for i, c in enumerate(world):
        case_id = cases.create_case(
            store, case_type=c.kind, home_municipality=MUNIS[c.muni], opened_on=c.opened
        )
        persons.add_person(
            store, case_id, name=f"Fiktiv Person {i}", birth_year=c.born, gender=c.gender
        )
        if c.env != "none":
            assessments.add_network_link(store, case_id, environment=c.env)
        for kind, started, cost in c.grants:
            interventions.add_intervention(
                store,
                case_id,
                type=kind,
                started_on=started,
                ended_on=started + dt.timedelta(days=40),
                cost_sek=cost,
                funding="state_grant",
            )
        if c.closed is not None:
            if c.outcome == "handed_over":
                cases.set_status(store, case_id, "handed_over", on=c.closed)
            else:
                cases.set_status(store, case_id, "closed", outcome=c.outcome, on=c.closed)


@dataclass(frozen=True)
class Export:
    start: dt.date
    end: dt.date
    muni: str | None  # the filter
    rows: tuple[dict[str, str], ...]


def export_all(store: Store, plan: list[tuple[str, int | None, str]], out: Path) -> list[Export]:
    done = []
    for i, (request, muni, kind) in enumerate(plan):
        first, last = REQUESTS[request]
        where = None if muni is None else MUNIS[muni]
        make = grant_summary if kind == "grant" else compute_stats
        report = make(store, first, last, where)
        assert (report.start, report.end) == (
            snap(first, last).period.start,
            snap(first, last).period.end,
        )
        path = out / f"{i}-{kind}.csv"
        try:
            save_export(store, report, path, report_csv(report).encode(), "csv")
        except NothingToPublishError:
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            rows = tuple(csv.DictReader(handle))
        done.append(Export(report.start, report.end, where, rows))
    return done


# ---------------------------------------------------------------- the adversary


class Adversary:
    """All exported tables as one integer linear system (see the module docstring)."""

    def __init__(self, exports: list[Export]) -> None:
        cuts = sorted({e.start for e in exports} | {e.end + dt.timedelta(days=1) for e in exports})
        self.cuts = cuts  # period k = [cuts[k], cuts[k+1]); -1 = before, len-1 = after
        self.n = len(cuts) - 1
        self.var: dict[tuple[object, ...], int] = {}
        self.integral: list[int] = []
        self.rows: list[dict[int, float]] = []
        self.low: list[float] = []
        self.high: list[float] = []
        # cases: slice = (muni, opened period o, closed period c); o, c in -1..n (n: after)
        self.slices = [
            (m, o, c)
            for m in range(len(MUNIS))
            for o in range(-1, self.n)
            for c in range(max(o, 0), self.n + 1)
        ]
        for sl in self.slices:
            total = self._v(("s", *sl))
            for dim, values in (*DIMS.items(), ("outcome", CLOSED)):
                if dim == "outcome" and sl[2] == self.n:
                    continue
                self._equal({total: 1.0, **{self._v((dim, *sl, v)): -1.0 for v in values}}, 0)
        big = 10.0**7
        for m, k, t in itertools.product(range(len(MUNIS)), range(self.n), GRANT_TYPES):
            count, money = self._v(("n", m, k, t)), self._v(("y", m, k, t), integral=False)
            self._add({money: 1.0, count: -big}, -np.inf, 0)  # no kronor without interventions
        for export in exports:
            self._read(export)

    def _v(self, name: tuple[object, ...], integral: bool = True) -> int:
        if name not in self.var:
            self.var[name] = len(self.var)
            self.integral.append(int(integral))
        return self.var[name]

    def _add(self, row: dict[int, float], low: float, high: float) -> None:
        self.rows.append(row)
        self.low.append(low)
        self.high.append(high)

    def _equal(self, row: dict[int, float], value: float) -> None:
        self._add(row, value, value)

    def periods(self, start: dt.date, end: dt.date) -> range:
        return range(self.cuts.index(start), self.cuts.index(end + dt.timedelta(days=1)))

    def cell(self, export: Export, table: str, row: str, column: str) -> dict[int, float]:
        """A cell of an exported table as a sum of unknowns."""
        ks = self.periods(export.start, export.end)
        muni = export.muni if column in ("Summa", "insatser", "kostnad (kr)") else column
        munis = range(len(MUNIS)) if muni is None else [MUNIS.index(muni)]
        if table.startswith("grant"):
            money = column in ("kostnad (kr)",) or table == "grant_money.type"
            types = GRANT_TYPES if row == "total" else (row,)
            return {
                self.var[("y" if money else "n", m, k, t)]: 1.0
                for m in munis
                for k in ks
                for t in types
            }
        measure, dim = table.split(".")
        out: dict[int, float] = {}
        for m, o, c in self.slices:
            if m not in munis or not self._in(measure, o, c, ks):
                continue
            name = ("s", m, o, c) if row == "total" else (dim, m, o, c, row)
            if dim == "outcome" and row != "total":
                name = ("outcome", m, o, c, row)
            out[self.var[name]] = 1.0
        return out

    def _in(self, measure: str, o: int, c: int, ks: range) -> bool:
        if measure == "new":
            return o in ks
        if measure == "closed":
            return c in ks
        return o <= ks[-1] and c >= ks[0]  # active

    def _read(self, export: Export) -> None:
        for r in export.rows:
            if r["suppressed"] == "1" or r["table"] in SKIPPED:
                continue
            if r["table"] == "grant.costs" and r["column"] not in ("insatser", "kostnad (kr)"):
                continue
            self._equal(self.cell(export, r["table"], r["row"], r["column"]), float(r["value"]))

    def feasible(self, row: dict[int, float], low: float, high: float) -> bool:
        """Whether some non-negative integer solution puts ``row`` in [low, high]."""
        size = len(self.var)
        rows = [*self.rows, row]
        data = [a for entries in rows for a in entries.values()]
        cols = [j for entries in rows for j in entries]
        index = [i for i, entries in enumerate(rows) for _ in entries]
        matrix = sparse.csr_array((data, (index, cols)), shape=(len(rows), size))
        result = milp(
            np.zeros(size),
            constraints=LinearConstraint(matrix, [*self.low, low], [*self.high, high]),
            integrality=np.array(self.integral),
            bounds=Bounds(0, np.inf),
            options={"time_limit": 30},
        )
        assert result.status in (0, 2), result.message  # solved, or proven infeasible
        return bool(result.status == 0)


SKIPPED = {
    "interventions.type",
    "relocations.case_type",
    "grant.criteria",
    # the knowledge tables: modelled by tests/test_stats_attack_knowledge.py
    "new.needs",
    "needs.change",
    "interventions.method",
    "interventions.evidence",
    "followup.six_months",
    "followup.twelve_months",
    "closed.duration",
    "closed.end_reason",
}


# ---------------------------------------------------------------- the truth


def truth(world: list[Case], export: Export, table: str, row: str, column: str) -> tuple[int, int]:
    """(units, kronor) behind a cell, counted from the generated cases."""
    muni = export.muni if column in ("Summa", "insatser", "kostnad (kr)") else column
    start, end = export.start, export.end

    def here(c: Case) -> bool:
        return muni is None or MUNIS[c.muni] == muni

    if table.startswith("grant"):
        hits = [
            cost
            for c in world
            if here(c)
            for t, started, cost in c.grants
            if start <= started <= end and (row == "total" or t == row)
        ]
        return len(hits), sum(hits)
    measure, dim = table.split(".")
    count = 0
    for c in world:
        if not here(c):
            continue
        new = start <= c.opened <= end
        closed = c.closed is not None and start <= c.closed <= end
        active = c.opened <= end and (c.closed is None or c.closed >= start)
        if not {"new": new, "closed": closed, "active": active}[measure]:
            continue
        value = {
            "case_type": c.kind,
            "gender": c.gender,
            "age_band": c.age(),
            "environment": c.env,
            "outcome": c.outcome,
        }[dim]
        count += row == "total" or row == value
    return count, 0


def group_of(world: list[Case], export: Export, table: str, total: tuple[str, str]) -> set[int]:
    """The cases behind a line's total."""
    row, column = total
    muni = export.muni if column == "Summa" else column
    measure, dim = table.split(".")
    return {
        i
        for i in members(world, replace(export, muni=muni), measure)
        if row == "total" or value(world[i], dim) == row
    }


def lines(export: Export) -> Iterator[tuple[str, str, list[tuple[str, str]], tuple[str, str]]]:
    """(table, kind, the line's other cells, its total) for every column and row of a
    case table: cells as (row, column)."""
    tables: dict[str, list[dict[str, str]]] = {}
    for r in export.rows:
        if r["table"] not in SKIPPED and not r["table"].startswith("grant"):
            tables.setdefault(r["table"], []).append(r)
    for table, rows in tables.items():
        codes = list(dict.fromkeys(r["row"] for r in rows))
        columns = list(dict.fromkeys(r["column"] for r in rows))
        for column in columns:
            inner = [(code, column) for code in codes if code != "total"]
            yield table, "column", inner, ("total", column)
        munis = [c for c in columns if c != "Summa"]
        if len(munis) >= 2:
            for code in codes:
                yield table, "row", [(code, m) for m in munis], (code, "Summa")


# ---------------------------------------------------------------- the test


def attack(world: list[Case], exports: list[Export]) -> list[str]:
    """Every disclosure the adversary finds (empty: none)."""
    adversary = Adversary(exports)
    found: list[str] = []
    seen: set[tuple[object, ...]] = set()
    for export in exports:
        for r in export.rows:
            table, row, column = r["table"], r["row"], r["column"]
            if table in SKIPPED:
                continue
            units, kronor = truth(world, export, table, row, column)
            if r["suppressed"] == "0":
                shown = kronor if column == "kostnad (kr)" or table == "grant_money.type" else units
                assert int(r["value"]) == shown, (table, row, column)
                continue
            cell = adversary.cell(export, table, row, column)
            sign = tuple(sorted(cell))
            if not 0 < units < THRESHOLD or sign in seen:
                continue
            seen.add(sign)
            name = f"{export.start}..{export.end} {export.muni or 'all'} {table} {row}/{column}"
            if column == "kostnad (kr)" or table == "grant_money.type":
                if kronor and not (
                    adversary.feasible(cell, -np.inf, kronor - 1)
                    or adversary.feasible(cell, kronor + 1, np.inf)
                ):
                    found.append(f"kronor of {units} interventions determined: {name}")
                continue
            if not (adversary.feasible(cell, 0, 0) or adversary.feasible(cell, THRESHOLD, np.inf)):
                found.append(f"{units} cases pinned: {name}")
        for table, kind, inner, total in lines(export):
            size = truth(world, export, table, *total)[0]
            if not 0 < size < THRESHOLD:
                continue
            holding = [cell for cell in inner if truth(world, export, table, *cell)[0]]
            if len(holding) != 1:
                continue
            group = group_of(world, export, table, total)
            if _population_shares(world, exports, table, kind, holding[0], group, total[0]):
                continue
            others: dict[int, float] = {}
            for cell in inner:
                if cell != holding[0]:
                    for j, a in adversary.cell(export, table, *cell).items():
                        others[j] = others.get(j, 0) + a
            if not adversary.feasible(others, 1, np.inf):
                found.append(
                    f"all {size} in {holding[0]}: {export.start}..{export.end} "
                    f"{export.muni or 'all'} {table} {kind} {total}"
                )
    return found


def _population_shares(
    world: list[Case],
    exports: list[Export],
    table: str,
    kind: str,
    cell: tuple[str, str],
    group: set[int],
    category: str,
) -> bool:
    """The exemption of docs/statistics.md: a population of at least 5 of any export that
    holds the whole group shares the value too. A population is the new, active or closed
    cases of an export's period (in one municipality or all; for a municipality, all), or
    — for a row, whose group is one category — those of them with that category."""
    row, column = cell
    dim = table.split(".")[1]
    for export in exports:
        for population in ("new", "active", "closed"):
            for muni in [None, *([] if kind == "row" else MUNIS)]:
                everyone = members(world, replace(export, muni=muni), population)
                groups = [everyone]
                if kind == "row" and category != "total":
                    groups.append({i for i in everyone if value(world[i], dim) == category})
                for people in groups:
                    if len(people) < THRESHOLD or not group <= people:
                        continue
                    if kind == "row" and all(MUNIS[world[i].muni] == column for i in people):
                        return True
                    if kind == "column" and all(value(world[i], dim) == row for i in people):
                        return True
    return False


def members(world: list[Case], export: Export, measure: str) -> set[int]:
    """The cases of a population in the export's period (and municipality)."""
    out = set()
    for i, c in enumerate(world):
        if export.muni is not None and MUNIS[c.muni] != export.muni:
            continue
        new = export.start <= c.opened <= export.end
        closed = c.closed is not None and export.start <= c.closed <= export.end
        active = c.opened <= export.end and (c.closed is None or c.closed >= export.start)
        if {"new": new, "closed": closed, "active": active}[measure]:
            out.add(i)
    return out


def value(c: Case, dim: str) -> str:
    return {
        "case_type": c.kind,
        "gender": c.gender,
        "age_band": c.age(),
        "environment": c.env,
        "outcome": c.outcome,
    }[dim]


@pytest.mark.slow
@settings(
    max_examples=8,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(world=st.lists(a_case(), min_size=4, max_size=22), plan=releases)
def test_no_combination_of_exports_discloses(
    store_template: Path, tmp_path_factory: pytest.TempPathFactory, world: list[Case], plan: list
) -> None:
    folder = tmp_path_factory.mktemp("attack")
    store = copy_store(store_template, folder / "store")
    try:
        fill(store, world)
        exports = export_all(store, plan, folder)
    finally:
        store.close()
    assert attack(world, exports) == []
    shutil.rmtree(folder)


# ---------------------------------------------------------------- the examples


def _run(store_template: Path, tmp: Path, world: list[Case], plan: list) -> list[Export]:
    store = copy_store(store_template, tmp / "store")
    try:
        fill(store, world)
        return export_all(store, plan, tmp)
    finally:
        store.close()


def _many(n: int, **fields: object) -> list[Case]:
    base = {
        "muni": 1,
        "kind": "defector",
        "gender": "male",
        "born": 1980,
        "env": "none",
        "opened": D(2024, 5, 10),
        "closed": None,
        "outcome": "completed",
        "grants": (),
    }
    return [Case(**{**base, **fields}) for _ in range(n)]  # type: ignore[arg-type]


def test_half_year_minus_quarter(store_template: Path, tmp_path: Path) -> None:
    """H1 = 11 and Q1 = 7 new cases in one municipality: Q2's 4 must not follow."""
    world = (
        _many(7, muni=0, opened=D(2025, 2, 10))
        + _many(4, muni=0, opened=D(2025, 5, 10))
        + _many(9, opened=D(2025, 1, 20))
        + _many(8, opened=D(2025, 4, 20), gender="female")
    )
    plan = [("H1", None, "stats"), ("Q1", None, "stats"), ("Q2", None, "stats"), ("Q1", 0, "stats")]
    exports = _run(store_template, tmp_path, world, plan)
    assert len(exports) >= 3 and attack(world, exports) == []


def test_the_year_without_december_is_the_year(store_template: Path, tmp_path: Path) -> None:
    """Both requests give the calendar year: the same numbers, nothing about December."""
    world = _many(9, opened=D(2025, 3, 10)) + _many(1, muni=0, opened=D(2025, 12, 10))
    plan = [("2025", None, "stats"), ("2025 without December", None, "stats")]
    first, second = _run(store_template, tmp_path, world, plan)
    assert (second.start, second.end) == (D(2025, 1, 1), D(2025, 12, 31))
    assert first.rows == second.rows
    assert attack(world, [first, second]) == []


def test_grant_money_of_a_quarter(store_template: Path, tmp_path: Path) -> None:
    """The kronor of H1 minus those of Q1 must not give the 2 interventions of Q2."""
    q1 = [("psychiatry", D(2025, 2, 10), 10_000 + 1000 * i) for i in range(6)]
    q2 = [("psychiatry", D(2025, 5, 10), 33_000), ("psychiatry", D(2025, 6, 10), 41_000)]
    world = [
        *(c for i, g in enumerate(q1) for c in _many(1, opened=D(2025, 1, 10 + i), grants=(g,))),
        *(c for g in q2 for c in _many(1, opened=D(2025, 1, 20), grants=(g,))),
    ]
    plan = [("H1", None, "grant"), ("Q1", None, "grant"), ("Q2", None, "grant")]
    exports = _run(store_template, tmp_path, world, plan)
    assert attack(world, exports) == []
    q2_costs = [
        r for r in exports[-1].rows if r["table"] == "grant.costs" and r["row"] == "psychiatry"
    ]
    assert {r["value"] for r in q2_costs} == {".."}


def test_a_filter_does_not_publish_the_zero_the_whole_table_hid(
    store_template: Path, tmp_path: Path
) -> None:
    """The unfiltered table hides a municipality's women and unknowns; its filtered export
    must not then publish the unknowns as 0 (which would give the women)."""
    world = (
        _many(3, muni=0, gender="female", closed=D(2025, 6, 10))
        + _many(6, muni=0, closed=D(2025, 5, 10))
        + _many(12, muni=1, closed=D(2025, 4, 10))
        + _many(5, muni=2, gender="female", closed=D(2025, 3, 10))
    )
    plan = [("2025", None, "stats"), ("2025", 0, "stats")]
    exports = _run(store_template, tmp_path, world, plan)
    assert attack(world, exports) == []


def test_zeros_beside_a_hidden_cell(store_template: Path, tmp_path: Path) -> None:
    """Everyone closed in one municipality this year is a man (2 of them): the zeros beside
    the hidden count must not say so."""
    world = (
        _many(2, muni=0, closed=D(2025, 6, 10))
        + _many(7, muni=1, closed=D(2025, 4, 10))
        + _many(6, muni=1, gender="female", closed=D(2025, 8, 10))
    )
    exports = _run(store_template, tmp_path, world, [("2025", None, "stats")])
    assert attack(world, exports) == []
    women = [
        r["value"]
        for r in exports[0].rows
        if (r["table"], r["row"], r["column"]) == ("closed.gender", "female", "Alby")
    ]
    assert women == [".."]
