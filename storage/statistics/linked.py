"""Suppression of linked tables: tables of one group count the same cases (new, active
or closed cases by type, gender, age band, environment, and closed ones by outcome), so
their totals rows are the same numbers and one table's published total could undo
another's protection.

``suppress_linked(tables, threshold) -> {key: Suppression}``: each table is suppressed on
its own (:func:`storage.statistics.suppress.suppress`); a total hidden in one table of a group
is then hidden in all of them; then the group's tables are checked *together* as one
linear system (their totals row being one set of unknowns) and, where that system fixes a
suppressed cell, one more cell of its row (else column) is suppressed. Repeat until
nothing changes (it only ever adds cells, so it ends).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from storage.statistics.suppress import (
    Cell,
    Grid,
    Suppression,
    determined,
    line_equations,
    suppress,
    widen,
)


class Linked(Protocol):
    @property
    def key(self) -> str: ...

    @property
    def grid(self) -> Grid: ...

    @property
    def group(self) -> str | None: ...


def _share_totals(
    drafts: Sequence[Linked], result: dict[str, Suppression], extra: dict[str, set[Cell]]
) -> bool:
    """Tables of one group count the same cases, so their totals rows are the same
    numbers: a total hidden in one is hidden in all. True if anything was added."""
    changed = False
    for group in {d.group for d in drafts if d.group}:
        members = [d for d in drafts if d.group == group]
        cols = {j for d in members for i, j in result[d.key].cells if i == d.grid.shape[0] - 1}
        for d in members:
            need = {(d.grid.shape[0] - 1, j) for j in cols} - result[d.key].cells
            if need:
                extra[d.key] |= need
                changed = True
    return changed


def _close_joint_leaks(
    drafts: Sequence[Linked], result: dict[str, Suppression], extra: dict[str, set[Cell]]
) -> bool:
    """Each table alone is safe; check each group's tables together (their totals row is
    one set of unknowns) and widen the suppression where the joint system fixes a cell."""
    changed = False
    for group in sorted({d.group for d in drafts if d.group}):
        members = [d for d in drafts if d.group == group]
        owner: dict[object, tuple[Linked, Cell]] = {}
        equations = []
        for d in members:
            last = d.grid.shape[0] - 1

            def name(
                cell: Cell, d: Linked = d, last: int = last, owner: dict[object, Any] = owner
            ) -> object:
                key = ("total", cell[1]) if cell[0] == last else (d.key, cell)
                owner.setdefault(key, (d, cell))
                return key

            equations += line_equations(d.grid, result[d.key].cells, name)
        for unknown in sorted(determined(equations), key=repr):
            d, cell = owner[unknown]
            more = widen(d.grid, result[d.key].cells | extra[d.key], cell)
            if more is not None:
                extra[d.key].add(more)
                changed = True
    return changed


def suppress_linked(drafts: Sequence[Linked], threshold: int) -> dict[str, Suppression]:
    """Suppress every table (:func:`storage.statistics.suppress.suppress`), then make linked
    tables agree and close leaks of their joint system; repeat until nothing changes."""
    extra: dict[str, set[Cell]] = {d.key: set() for d in drafts}
    while True:
        result = {d.key: suppress(d.grid, threshold=threshold, forced=extra[d.key]) for d in drafts}
        if not _share_totals(drafts, result, extra) and not _close_joint_leaks(
            drafts, result, extra
        ):
            return result
