"""The coordinator's merge against an adversary (docs/national-report.md, "Why the merge is
safe"): Hypothesis generates three units' tables (new cases by type and municipality,
units sharing municipalities at times), each unit's release decided by the real disclosure
rule, and two national merges — of two units, then of all three. The adversary holds both
merged releases AND every unit's own report, writes every published number as an equation
over the units' true cells (whole numbers, none negative), and asks an integer program
(SciPy's ``milp``) whether any hidden count of 1-4 — a unit's or a merged one — can be
neither 0 nor 5 or more. It never can, and no merged release publishes a count of 1-4."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import Bounds, LinearConstraint, milp

from storage.learning.coordinator import merge_reports
from storage.learning.report_format import ReceivedReport
from storage.statistics.tables import TOTAL_LABEL, StatTable
from tests.test_stats_disclosure import TYPES, decide, table

POOL = ("Alby", "Bestad", "Cedrum")
Var = tuple[int, int, int]  # (source, row, municipality index in POOL)


def _source(counts: Sequence[Sequence[int]], munis: Sequence[str]) -> StatTable:
    release, units, grid = table(counts, TYPES, munis)
    published = decide(release, units)
    totals = [[*r, sum(r)] for r in counts]
    totals.append([sum(r[j] for r in totals) for j in range(len(munis) + 1)])
    cells = tuple(
        tuple(totals[i][j] if grid[(i, j)] in published else None for j in range(len(munis) + 1))
        for i in range(len(TYPES) + 1)
    )
    hidden = frozenset(
        (i, j) for i, row in enumerate(cells) for j, v in enumerate(row) if v is None
    )
    return StatTable(
        "new.case_type",
        "Nya ärenden efter ärendetyp",
        "cases",
        (*((t, t) for t in TYPES), ("total", TOTAL_LABEL)),
        (*munis, TOTAL_LABEL),
        cells,
        frozenset(),
        hidden,
    )


def _report(t: StatTable, n: int) -> ReceivedReport:
    return ReceivedReport(
        f"00000000-0000-4000-8000-{n:012d}",
        "2026-01-01T00:00:00Z",
        f"Enhet {n}",
        "",
        dt.date(2025, 1, 1),
        dt.date(2025, 12, 31),
        "year",
        5,
        False,
        (t,),
        (),
    )


class Adversary:
    """Unknowns: every source's inner cells; equations: every published number given."""

    def __init__(self, sources: Sequence[tuple[Sequence[Sequence[int]], Sequence[str]]]):
        self.vars: list[Var] = [
            (s, r, POOL.index(m))
            for s, (_, munis) in enumerate(sources)
            for r in range(len(TYPES))
            for m in munis
        ]
        self.truth = {
            (s, r, POOL.index(m)): counts[r][j]
            for s, (counts, munis) in enumerate(sources)
            for r in range(len(TYPES))
            for j, m in enumerate(munis)
        }
        self.rows: list[np.ndarray] = []
        self.values: list[int] = []

    def cell(self, sources: Sequence[int], t: StatTable, i: int, j: int) -> list[Var]:
        """The unknowns behind cell (i, j) of ``t``, a table over ``sources``."""
        rows = range(len(TYPES)) if i == len(TYPES) else [i]
        column = t.columns[j]
        return [
            v
            for v in self.vars
            if v[0] in sources and v[1] in rows and (column == TOTAL_LABEL or POOL[v[2]] == column)
        ]

    def vector(self, cells: Sequence[Var]) -> np.ndarray:
        out = np.zeros(len(self.vars))
        for v in cells:
            out[self.vars.index(v)] = 1
        return out

    def learn(self, sources: Sequence[int], t: StatTable) -> None:
        for i, row in enumerate(t.cells):
            for j, value in enumerate(row):
                if value is not None:
                    cells = self.cell(sources, t, i, j)
                    assert value == sum(self.truth[v] for v in cells)  # published exactly
                    self.rows.append(self.vector(cells))
                    self.values.append(value)

    def feasible(self, cells: Sequence[Var], low: float, high: float) -> bool:
        a = np.array([*self.rows, self.vector(cells)])
        result = milp(
            np.zeros(len(self.vars)),
            constraints=LinearConstraint(a, [*self.values, low], [*self.values, high]),
            integrality=np.ones(len(self.vars)),
            bounds=Bounds(0, 1000),
        )
        return bool(result.status == 0)

    def assert_open(self, sources: Sequence[int], t: StatTable) -> None:
        for i, row in enumerate(t.cells):
            for j, value in enumerate(row):
                cells = self.cell(sources, t, i, j)
                truth = sum(self.truth[v] for v in cells)
                if value is None and 0 < truth < 5:
                    assert self.feasible(cells, 0, 0) or self.feasible(cells, 5, np.inf), (
                        sources,
                        i,
                        j,
                        truth,
                    )


small = st.sampled_from([0, 0, 1, 2, 3, 4, 5, 6, 8, 12])


@st.composite
def a_source(draw: st.DrawFn) -> tuple[list[list[int]], list[str]]:
    munis = draw(st.lists(st.sampled_from(POOL), min_size=1, max_size=2, unique=True))
    counts = [[draw(small) for _ in munis] for _ in TYPES]
    return counts, sorted(munis, key=POOL.index)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(sources=st.lists(a_source(), min_size=3, max_size=3))
def test_two_merged_reports_reveal_no_small_cell(
    sources: list[tuple[list[list[int]], list[str]]],
) -> None:
    tables = [_source(counts, munis) for counts, munis in sources]
    reports = [_report(t, n) for n, t in enumerate(tables)]
    adversary = Adversary(sources)
    merges: list[tuple[list[int], StatTable]] = []
    for members in ([0, 1], [0, 1, 2]):
        merged, missing = merge_reports([reports[s] for s in members])
        assert not missing and len(merged) == 1
        for row in merged[0].cells:  # nothing small is ever published
            assert all(v is None or v == 0 or v >= 5 for v in row)
        merges.append((members, merged[0]))
        adversary.learn(members, merged[0])
    for s, t in enumerate(tables):  # the worst case: every unit's own report known too
        adversary.learn([s], t)
    for members, merged in merges:
        adversary.assert_open(members, merged)
    for s, t in enumerate(tables):
        adversary.assert_open([s], t)


def test_a_merged_cell_is_published_only_when_every_source_published_it() -> None:
    a = _source([[9, 6], [5, 7], [2, 8]], ["Alby", "Bestad"])
    b = _source([[6, 0], [5, 5], [7, 9]], ["Alby", "Bestad"])
    merged, _ = merge_reports([_report(a, 1), _report(b, 2)])
    t = merged[0]
    assert t.columns == ("Alby", "Bestad", TOTAL_LABEL)
    assert a.cells[2][0] is None and t.cells[2][0] is None  # a's 2 stays hidden
    assert t.cells[0][0] == 15 and t.cells[-1][-1] == a.cells[-1][-1] + b.cells[-1][-1]
