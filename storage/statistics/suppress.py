"""Small-cell suppression with complementary suppression for additive tables.

A table is a grid of cells *including its margins*: with ``row_totals`` the last column
holds each row's sum, with ``col_totals`` the last row holds each column's sum (both: the
corner is the grand total). Each cell has a value (a count or an amount in SEK) and a
number of contributors (distinct cases behind it; for a count, the count itself).

Primary suppression: every cell with ``0 < contributors < threshold`` (default 5),
margins included, plus any ``forced`` cells (shared margins of linked tables).

Complementary suppression. Every published line (row or column whose total is published)
is a linear equation. Negating the margin cells turns each line into "the cells sum to
zero", so the suppressed cells are the edges of a bipartite graph (row nodes, column
nodes) and a suppressed cell can be derived exactly from the published cells **iff its
edge is a bridge** of that graph (it lies on no cycle): then summing the equations on one
side of the bridge isolates it. A line with exactly one suppressed cell is the simplest
bridge; two suppressed blocks joined by a single cell (where every line has two) is one
the "next smallest in the line" rule alone misses. Without column totals there are no
column equations: all column nodes are one (the same for rows).

So: while some suppressed cell is a bridge, suppress one more cell that closes a cycle
through it — the smallest non-zero unsuppressed cell joining the two sides (inner cells
before margins); if none joins them, the smallest in the bridge's row or column. Repeat
until no bridge is left. Zero cells are shown (they identify nobody) and are used as
complements only when nothing else is left. docs/statistics.md has a worked example.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

THRESHOLD = 5
Cell = tuple[int, int]


@dataclass(frozen=True)
class Grid:
    """Values and contributors, margins included (see the module docstring)."""

    values: tuple[tuple[int, ...], ...]
    contributors: tuple[tuple[int, ...], ...]
    row_totals: bool = True
    col_totals: bool = True

    @classmethod
    def of_counts(
        cls, values: Sequence[Sequence[int]], *, row_totals: bool = True, col_totals: bool = True
    ) -> Grid:
        rows = tuple(tuple(int(x) for x in r) for r in values)
        return cls(rows, rows, row_totals, col_totals)

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.values), len(self.values[0]) if self.values else 0

    def is_margin(self, cell: Cell) -> bool:
        rows, cols = self.shape
        return (self.row_totals and cell[1] == cols - 1) or (
            self.col_totals and cell[0] == rows - 1
        )


@dataclass(frozen=True)
class Suppression:
    cells: frozenset[Cell]  # every suppressed cell
    primary: frozenset[Cell]  # suppressed because of small numbers

    @property
    def complementary(self) -> frozenset[Cell]:
        return self.cells - self.primary


def _nodes(grid: Grid, cell: Cell) -> tuple[str, str]:
    row = f"r{cell[0]}" if grid.row_totals else "r"
    col = f"c{cell[1]}" if grid.col_totals else "c"
    return row, col


def _component(grid: Grid, suppressed: Iterable[Cell], start: str, without: Cell) -> set[str]:
    """Nodes reachable from ``start`` over suppressed cells other than ``without``."""
    adjacent: dict[str, list[str]] = {}
    for cell in suppressed:
        if cell == without:
            continue
        a, b = _nodes(grid, cell)
        adjacent.setdefault(a, []).append(b)
        adjacent.setdefault(b, []).append(a)
    seen, todo = {start}, [start]
    while todo:
        for nxt in adjacent.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def bridges(grid: Grid, suppressed: frozenset[Cell] | set[Cell]) -> list[Cell]:
    """The suppressed cells whose value the published cells and totals reveal exactly."""
    out = []
    for cell in sorted(suppressed):
        a, b = _nodes(grid, cell)
        if b not in _component(grid, suppressed, a, cell):
            out.append(cell)
    return out


def _key(grid: Grid, cell: Cell) -> tuple[bool, bool, int, int, int]:
    value = grid.values[cell[0]][cell[1]]
    return (value == 0, grid.is_margin(cell), value, cell[0], cell[1])


def _complement(grid: Grid, suppressed: set[Cell], bridge: Cell) -> Cell | None:
    a, b = _nodes(grid, bridge)
    side_a = _component(grid, suppressed, a, bridge)
    side_b = _component(grid, suppressed, b, bridge)
    rows, cols = grid.shape
    free = [(i, j) for i in range(rows) for j in range(cols) if (i, j) not in suppressed]
    joining = []
    for cell in free:
        x, y = _nodes(grid, cell)
        if (x in side_a and y in side_b) or (x in side_b and y in side_a):
            joining.append(cell)
    if not joining:  # widen the bridge's own row or column first
        joining = [c for c in free if c[0] == bridge[0] or c[1] == bridge[1]]
    return min(joining, key=lambda c: _key(grid, c)) if joining else None


def suppress(grid: Grid, *, threshold: int = THRESHOLD, forced: Iterable[Cell] = ()) -> Suppression:
    """Primary and complementary suppression of ``grid`` (deterministic)."""
    rows, cols = grid.shape
    primary = {
        (i, j) for i in range(rows) for j in range(cols) if 0 < grid.contributors[i][j] < threshold
    }
    cells = primary | {(int(i), int(j)) for i, j in forced}
    while True:
        open_bridges = bridges(grid, cells)
        if not open_bridges:
            break
        extra = _complement(grid, cells, open_bridges[0])
        if extra is None:  # nothing left to suppress: publish nothing of this table
            cells = {(i, j) for i in range(rows) for j in range(cols)}
            break
        cells.add(extra)
    return Suppression(frozenset(cells), frozenset(primary))


def margin_cells(grid: Grid) -> list[Cell]:
    """The margin cells (row totals, column totals, grand total)."""
    rows, cols = grid.shape
    return [(i, j) for i in range(rows) for j in range(cols) if grid.is_margin((i, j))]


# ---------------------------------------------------------------- linked tables

_P = (1 << 61) - 1  # a prime: exact rank arithmetic without fractions


def determined(equations: list[dict[object, int]]) -> set[object]:
    """The unknowns whose value the linear ``equations`` fix exactly (each equation: the
    coefficients of its unknowns; the constants do not matter). Row reduction over the
    integers modulo a large prime; an unknown is fixed iff its unit vector lies in the
    row space, i.e. its pivot row has no other non-zero entry."""
    names = sorted({k for eq in equations for k in eq}, key=repr)
    col = {k: i for i, k in enumerate(names)}
    rows = [[0] * len(names) for _ in equations]
    for r, eq in zip(rows, equations, strict=True):
        for k, c in eq.items():
            r[col[k]] = c % _P
    pivots: list[tuple[int, int]] = []  # (row index, column)
    rank = 0
    for c in range(len(names)):
        pivot = next((i for i in range(rank, len(rows)) if rows[i][c]), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        inv = pow(rows[rank][c], _P - 2, _P)
        rows[rank] = [x * inv % _P for x in rows[rank]]
        for i in range(len(rows)):
            if i != rank and rows[i][c]:
                f = rows[i][c]
                rows[i] = [(a - f * b) % _P for a, b in zip(rows[i], rows[rank], strict=True)]
        pivots.append((rank, c))
        rank += 1
    return {names[c] for r, c in pivots if sum(1 for x in rows[r] if x) == 1}


def line_equations(
    grid: Grid, cells: frozenset[Cell] | set[Cell], name: Callable[[Cell], object]
) -> list[dict[object, int]]:
    """One equation per published line with a suppressed cell: +1 for its cells, -1 for its
    total; the unknowns are the suppressed cells, named by ``name``."""
    rows, cols = grid.shape
    lines: list[list[Cell]] = []
    if grid.row_totals:
        lines += [[(i, j) for j in range(cols)] for i in range(rows)]
    if grid.col_totals:
        lines += [[(i, j) for i in range(rows)] for j in range(cols)]
    out = []
    for line in lines:
        eq: dict[object, int] = {}
        for k, cell in enumerate(line):
            if cell in cells:
                key = name(cell)
                eq[key] = eq.get(key, 0) + (-1 if k == len(line) - 1 else 1)
        if any(eq.values()):
            out.append(eq)
    return out


def widen(grid: Grid, cells: frozenset[Cell] | set[Cell], cell: Cell) -> Cell | None:
    """The cell to suppress next to protect ``cell``: the smallest free one in its row,
    else in its column (non-zero inner cells first)."""
    rows, cols = grid.shape
    for line in ([(cell[0], j) for j in range(cols)], [(i, cell[1]) for i in range(rows)]):
        free = [c for c in line if c not in cells]
        if free:
            return min(free, key=lambda c: _key(grid, c))
    return None
