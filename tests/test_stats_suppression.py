"""Small-cell suppression: primary and complementary suppression, the totals trap, the
bridge rule, linked tables — each checked against an independent oracle (the tables'
equations over exact fractions), with property tests over random tables."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from storage.statistics import tables as stats
from storage.statistics.linked import suppress_linked
from storage.statistics.suppress import (
    Grid,
    bridges,
    suppress,
)

# ---------------------------------------------------------------- an independent check


def lines(grid: Grid) -> list[list[tuple[int, int]]]:
    """The published equations: each line's cells, its total last."""
    rows, cols = grid.shape
    out = []
    if grid.row_totals:
        out += [[(i, j) for j in range(cols)] for i in range(rows)]
    if grid.col_totals:
        out += [[(i, j) for i in range(rows)] for j in range(cols)]
    return out


def _rank(matrix: list[list[Fraction]]) -> int:
    m = [row[:] for row in matrix]
    rank = 0
    for col in range(len(m[0]) if m else 0):
        pivot = next((i for i in range(rank, len(m)) if m[i][col] != 0), None)
        if pivot is None:
            continue
        m[rank], m[pivot] = m[pivot], m[rank]
        for i in range(len(m)):
            if i != rank and m[i][col] != 0:
                f = m[i][col] / m[rank][col]
                m[i] = [a - f * b for a, b in zip(m[i], m[rank], strict=True)]
        rank += 1
    return rank


def derivable(grid: Grid, suppressed: set[tuple[int, int]] | frozenset[tuple[int, int]]) -> list:
    """Suppressed cells whose exact value follows from the published cells and totals, by
    linear algebra over all rows and columns together (exact fractions)."""
    cells = sorted(suppressed)
    index = {c: k for k, c in enumerate(cells)}
    eqs = []
    for line in lines(grid):
        vec = [Fraction(0)] * len(cells)
        for k, cell in enumerate(line):
            if cell in index:
                vec[index[cell]] += -1 if k == len(line) - 1 else 1
        if any(vec):
            eqs.append(vec)
    base = _rank(eqs) if eqs else 0
    found = []
    for cell in cells:
        unit = [Fraction(int(c == cell)) for c in cells]
        if _rank([*eqs, unit]) == base:
            found.append(cell)
    return found


def with_margins(inner: list[list[int]], *, rows: bool = True, cols: bool = True) -> Grid:
    table = [[*r, sum(r)] if rows else list(r) for r in inner]
    if cols:
        table.append([sum(r[j] for r in table) for j in range(len(table[0]))])
    return Grid.of_counts(table, row_totals=rows, col_totals=cols)


# ---------------------------------------------------------------- the rules


def test_primary_suppression_is_one_to_four() -> None:
    grid = with_margins([[0, 1, 4, 5, 20]], cols=False)
    result = suppress(grid)
    assert {(0, 1), (0, 2)} <= result.primary
    assert (0, 0) not in result.cells and (0, 3) not in result.primary


def test_the_totals_trap() -> None:
    """Naive suppression of the 3 leaks it: row total 13 minus the published 10."""
    grid = with_margins([[3, 10], [12, 20]])
    naive = {(0, 0)}
    assert derivable(grid, naive) == [(0, 0)]  # the trap is real
    result = suppress(grid)
    assert result.primary == {(0, 0)}
    assert derivable(grid, result.cells) == []
    # the complements are the smallest other cell of the row and of the column, and the
    # cell closing the rectangle: 3, 10, 12, 20 all hidden, the totals stay published
    assert result.cells == {(0, 0), (0, 1), (1, 0), (1, 1)}


def test_a_suppressed_total_is_protected_too() -> None:
    grid = with_margins([[1, 2], [30, 40]])  # row total 3 is itself a small cell
    result = suppress(grid)
    assert (0, 2) in result.primary
    assert derivable(grid, result.cells) == []


def test_two_per_line_is_not_enough() -> None:
    """Two suppressed blocks joined by one cell: every row and column has two or more
    suppressed cells, yet the joining cell is exact (a bridge). The engine closes it."""
    inner = [[9, 8, 7, 6], [7, 9, 8, 6], [6, 7, 9, 8], [8, 6, 7, 9]]
    grid = with_margins(inner)
    block = {(0, 0), (0, 1), (1, 0), (1, 1), (2, 2), (2, 3), (3, 2), (3, 3), (1, 2)}
    assert all(sum(c in block for c in line) != 1 for line in lines(grid))
    assert derivable(grid, block) == [(1, 2)] == bridges(grid, block)
    result = suppress(grid, forced=block)
    assert derivable(grid, result.cells) == []


def test_deterministic_and_zeros_shown() -> None:
    grid = with_margins([[0, 0, 7], [2, 0, 9], [11, 6, 0]])
    first, second = suppress(grid), suppress(grid)
    assert first == second
    assert not any(grid.values[i][j] == 0 for i, j in first.primary)
    assert derivable(grid, first.cells) == []


D = dt.date
small = st.sampled_from([0, 0, 1, 2, 3, 4, 5, 6, 7, 9, 12, 25])


@settings(max_examples=150, deadline=None)
@given(
    st.integers(1, 5).flatmap(
        lambda r: st.lists(
            st.lists(small, min_size=1, max_size=5).map(tuple), min_size=r, max_size=r
        ).filter(lambda rows: len({len(x) for x in rows}) == 1)
    ),
    st.sampled_from([(True, True), (True, False), (False, True)]),
)
def test_no_suppressed_cell_can_be_derived(inner: list[tuple[int, ...]], margins: tuple) -> None:
    grid = with_margins([list(r) for r in inner], rows=margins[0], cols=margins[1])
    result = suppress(grid)
    rows, cols = grid.shape
    for i in range(rows):
        for j in range(cols):
            if 0 < grid.contributors[i][j] < 5:
                assert (i, j) in result.cells
    assert derivable(grid, result.cells) == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 2), st.integers(0, 1), st.integers(0, 2)), max_size=40))
def test_linked_tables_never_leak(cases_: list[tuple[int, int, int]]) -> None:
    """Random cases counted by two dimensions and three municipalities: each table and
    both together leave every suppressed cell undetermined."""

    @dataclass_like
    class T:
        key: str
        grid: Grid
        group: str | None = "g"

    def table(dim: int, size: int) -> list[list[int]]:
        return [
            [sum(1 for c in cases_ if c[dim] == r and c[2] == m) for m in range(3)]
            for r in range(size)
        ]

    a, b = T("a", with_margins(table(0, 3))), T("b", with_margins(table(1, 2)))
    result = suppress_linked([a, b], 5)
    assert derivable(a.grid, result["a"].cells) == derivable(b.grid, result["b"].cells) == []
    linked = {"a": (a.grid, result["a"]), "b": (b.grid, result["b"])}
    assert joint_derivable([a, b], _fake_report(linked)) == []


def dataclass_like(cls: type) -> type:
    return dataclass(cls)


def _fake_report(tables: dict) -> stats.StatsReport:
    made = tuple(
        stats.make_table(
            k,
            k,
            "cases",
            [(str(i), str(i)) for i in range(g.shape[0] - 1)],
            [str(j) for j in range(g.shape[1] - 1)],
            g,
            r,
        )
        for k, (g, r) in tables.items()
    )
    return stats.StatsReport("stats", D(2025, 1, 1), D(2025, 1, 1), None, 5, "", made)


def joint_derivable(members: list, report: stats.StatsReport) -> list:
    """Like :func:`derivable`, for linked tables together: a total published by any of
    them is known to all."""
    eqs: list[dict] = []
    known = {j for d in members for i, j in _published(report, d) if i == d.grid.shape[0] - 1}
    for d in members:
        hidden = report.table(d.key).suppressed
        last = d.grid.shape[0] - 1
        for line in lines(d.grid):
            eq: dict = {}
            for k, cell in enumerate(line):
                if cell in hidden and not (cell[0] == last and cell[1] in known):
                    key = ("total", cell[1]) if cell[0] == last else (d.key, cell)
                    eq[key] = eq.get(key, 0) + (-1 if k == len(line) - 1 else 1)
            if any(eq.values()):
                eqs.append(eq)
    names = sorted({k for eq in eqs for k in eq}, key=repr)
    matrix = [[Fraction(eq.get(n, 0)) for n in names] for eq in eqs]
    base = _rank(matrix) if matrix else 0
    return [n for n in names if _rank([*matrix, [Fraction(int(m == n)) for m in names]]) == base]


def _published(report: stats.StatsReport, d: object) -> list[tuple[int, int]]:
    t = report.table(d.key)  # type: ignore[attr-defined]
    return [(i, j) for i, row in enumerate(t.cells) for j, v in enumerate(row) if v is not None]


def test_linked_tables_leak_without_the_joint_check() -> None:
    """Two tables of the same cases whose totals row is shared: alone each is safe, but a
    total one table publishes would undo the other's protection, so totals are hidden
    alike and the joint system is checked."""

    @dataclass_like
    class T:
        key: str
        grid: Grid
        group: str | None = "g"

    # the same 21 cases by two dimensions; the column totals (1, 20) are shared
    a = T("a", with_margins([[0, 6], [1, 2], [0, 12]]))
    b = T("b", with_margins([[1, 13], [0, 7]]))
    alone = {"a": (a.grid, suppress(a.grid)), "b": (b.grid, suppress(b.grid))}
    assert derivable(a.grid, alone["a"][1].cells) == derivable(b.grid, alone["b"][1].cells) == []
    assert joint_derivable([a, b], _fake_report(alone)) != []  # together they leak
    result = suppress_linked([a, b], 5)
    hidden_a = {j for i, j in result["a"].cells if i == 3}
    hidden_b = {j for i, j in result["b"].cells if i == 2}
    assert hidden_a == hidden_b
    linked = {"a": (a.grid, result["a"]), "b": (b.grid, result["b"])}
    assert joint_derivable([a, b], _fake_report(linked)) == []
