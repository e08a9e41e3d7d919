"""Combining tables that several sources have released — the national report's merge at a
coordinator (docs/statistics.md, "Combining sources").

A coordinator that receives each municipality's exports (the CSV of
:mod:`storage.statistics.export`) must publish nothing those exports did not already allow:

- ``read_csv(text) -> [StatTable]`` — an export back as tables (hidden values ``None``);
- ``combine(tables) -> StatTable`` — one table of the same key and period from several
  sources: a municipality's cell and a total are the sum of the sources' cells, published
  only when every one of them was published; otherwise hidden. Every published number is
  then a sum of published numbers, so the merge reveals nothing that the sources' exports,
  each decided against its own ledger, did not.

A coordinator that holds the sources' case data itself (under a data-sharing agreement)
can do better than sums: it runs :func:`storage.statistics.disclosure.plan` over all
sources' units at once, with every source's ledger as history, exactly as one store does.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from storage.statistics.tables import TOTAL_LABEL, StatTable

Cell = tuple[int, int]


def read_csv(text: str) -> list[StatTable]:
    """The tables of an exported CSV (columns in docs/statistics.md)."""
    tables: dict[str, dict[str, object]] = {}
    for r in csv.DictReader(io.StringIO(text)):
        t = tables.setdefault(
            r["table"], {"title": r["title"], "unit": r["unit"], "rows": {}, "columns": {}, "v": {}}
        )
        rows, columns, values = t["rows"], t["columns"], t["v"]
        assert isinstance(rows, dict) and isinstance(columns, dict) and isinstance(values, dict)
        rows.setdefault(r["row"], r["row_label"])
        columns.setdefault(r["column"], None)
        values[(r["row"], r["column"])] = None if r["suppressed"] == "1" else int(r["value"])
    out = []
    for key, t in tables.items():
        rows, columns, values = t["rows"], t["columns"], t["v"]
        assert isinstance(rows, dict) and isinstance(columns, dict) and isinstance(values, dict)
        cells = tuple(tuple(values.get((r, c)) for c in columns) for r in rows)
        hidden = frozenset(
            (i, j) for i, row in enumerate(cells) for j, v in enumerate(row) if v is None
        )
        out.append(
            StatTable(
                key,
                str(t["title"]),
                str(t["unit"]),
                tuple(rows.items()),
                tuple(columns),
                cells,
                frozenset(),
                hidden,
            )
        )
    return out


def combine(tables: Sequence[StatTable]) -> StatTable:
    """One table from the same table of several sources (see the module docstring)."""
    first = tables[0]
    if any(t.key != first.key or t.rows != first.rows for t in tables):
        raise ValueError("only the same table of each source can be combined")
    places: list[str] = []
    for t in tables:
        places += [c for c in t.columns if c != TOTAL_LABEL and c not in places]
    columns = (*places, TOTAL_LABEL)
    cells = []
    for i in range(len(first.rows)):
        row: list[int | None] = []
        for column in columns:
            parts = [t.cells[i][t.columns.index(column)] for t in tables if column in t.columns]
            row.append(
                None if not parts or None in parts else sum(p for p in parts if p is not None)
            )
        cells.append(tuple(row))
    hidden = frozenset(
        (i, j) for i, row in enumerate(cells) for j, v in enumerate(row) if v is None
    )
    return StatTable(
        first.key,
        first.title,
        first.unit,
        first.rows,
        columns,
        tuple(cells),
        frozenset(),
        hidden,
        first.total_row,
        first.chart_column,
        first.column_units,
    )
