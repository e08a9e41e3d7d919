"""Coordinator mode: national reports received from many units, and the national tables
merged from them (docs/national-report.md, "At the coordinator").

- ``store_received(store, report, *, bundle_id, contact_id, sha256, body) -> int`` — keep a
  verified, parsed report (:mod:`sync.report` calls it inside the transaction that also
  records the bundle as seen); a report id received before is refused
  (:class:`DuplicateReportError`). Audited ``national.receive``.
- ``received(store) -> [Received]`` — what has been received (no numbers);
- ``merge(store, start, end) -> NationalTables`` — for the period (exactly as the reports
  state it), the latest report of each sender, table by table through
  :func:`storage.statistics.combine.combine`: a cell is the sum of the sources' cells and
  published only when every source published it; then the threshold is applied again. Every
  published number is thus a sum of numbers the sources published, each decided against its
  own ledger — so no merge, and no two merges together, can be subtracted into a cell a
  source hid. A table that not every report holds is left out (named in ``missing``); a row
  a source does not have (a method outside its register) is hidden in the merge.

  Method rows are merged by the method's stable code, named as the coordinator's own
  register names it. A code the coordinator's register does not hold is never merged with
  anything: it stays a row of its own per sender (``code@municipality/unit``), named as the
  sender named it. Reports of other periods are never combined: those overlapping the
  period are named in ``left_out``, and when no report has exactly the period but some
  overlap it the merge is refused (:class:`PeriodsDifferError`) naming their periods.
- ``national_csv(tables) -> str`` — CSV like docs/statistics.md, columns the municipalities;
- ``record_release(store, tables, *, fmt, sha256) -> int`` — inside the caller's
  transaction: records the merged release (``national_releases``) and audits
  ``national.release``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.learning.errors import (
    DuplicateReportError,
    NoReportsError,
    NothingMergedError,
    PeriodsDifferError,
)
from storage.learning.report_format import (
    METHOD_TABLES,
    NOT_METHODS,
    ReceivedReport,
    parse_report,
)
from storage.registers.methods import methods as method_register
from storage.statistics.combine import combine
from storage.statistics.export import tables_csv
from storage.statistics.tables import THRESHOLD, TOTAL_LABEL, StatTable


@dataclass(frozen=True)
class Received:
    id: int
    report_id: str
    contact_id: int
    municipality: str
    unit: str
    start: dt.date
    end: dt.date
    created: str
    received_at: str


@dataclass(frozen=True)
class NationalTables:
    """The merged tables of a period (shaped for the CSV and the PDF of a report)."""

    start: dt.date
    end: dt.date
    threshold: int
    demo: bool
    tables: tuple[StatTable, ...]
    sources: tuple[Received, ...]
    missing: tuple[str, ...]  # table keys not every report holds
    kind: str = "national"
    municipality: str | None = None
    earlier: int = 0
    #: received reports of other periods that overlap this one: never combined into it
    left_out: tuple[Received, ...] = ()

    @property
    def requested(self) -> tuple[dt.date, dt.date]:
        return (self.start, self.end)

    @property
    def snapped(self) -> bool:
        return False

    def table(self, key: str) -> StatTable:
        return next(t for t in self.tables if t.key == key)


def store_received(
    store: StoreLike,
    report: ReceivedReport,
    *,
    bundle_id: str,
    contact_id: int,
    sha256: str,
    body: bytes,
) -> int:
    """Keep a verified report (call inside the receiving transaction)."""
    if store.conn.execute(
        "SELECT 1 FROM national_reports WHERE report_id = ? OR bundle_id = ?",
        (report.report_id, bundle_id),
    ).fetchone():
        raise DuplicateReportError()
    row_id = repo.insert(
        store,
        "national_reports",
        {
            "report_id": report.report_id,
            "bundle_id": bundle_id,
            "contact_id": int(contact_id),
            "sender_municipality": report.municipality,
            "sender_unit": report.unit,
            "period_start": report.start.isoformat(),
            "period_end": report.end.isoformat(),
            "created": report.created,
            "sha256": sha256,
            "body": body.decode("utf-8"),
            "received_by": store.actor,
            "received_at": repo.utc_now(),
        },
    )
    details: dict[str, Any] = {
        "report_id": report.report_id,
        "bundle_id": bundle_id,
        "from": report.start.isoformat(),
        "to": report.end.isoformat(),
        "sha256": sha256,
    }
    repo.audit(store, "national.receive", f"contact:{int(contact_id)}", **details)
    return row_id


_COLUMNS = (
    "id, report_id, contact_id, sender_municipality, sender_unit, period_start, period_end, "
    "created, received_at"
)


def _received(row: Sequence[object]) -> Received:
    return Received(
        int(str(row[0])),
        str(row[1]),
        int(str(row[2])),
        str(row[3]),
        str(row[4]),
        dt.date.fromisoformat(str(row[5])),
        dt.date.fromisoformat(str(row[6])),
        str(row[7]),
        str(row[8]),
    )


def received(store: StoreLike) -> list[Received]:
    """Every received report, newest period first."""
    return [
        _received(r)
        for r in store.conn.execute(
            f"SELECT {_COLUMNS} FROM national_reports "  # noqa: S608 - constant columns
            "ORDER BY period_start DESC, id"
        )
    ]


def _aligned(tables: Sequence[StatTable]) -> list[StatTable]:
    """The same table of each source over the union of their rows (labels of the first
    source that has the row; "no method" and the total last); a row a source lacks is
    hidden in it."""
    rows: dict[str, str] = {}
    for t in tables:
        for code, label in t.rows:
            rows.setdefault(code, label)
    tail = [(c, rows[c]) for c in NOT_METHODS if c in rows]
    order = [(c, lbl) for c, lbl in rows.items() if c not in NOT_METHODS] + tail
    out = []
    for t in tables:
        index = {code: i for i, (code, _) in enumerate(t.rows)}
        cells = tuple(
            t.cells[index[code]] if code in index else tuple(None for _ in t.columns)
            for code, _ in order
        )
        out.append(replace(t, rows=tuple(order), cells=cells))
    return out


def _reapplied(table: StatTable, threshold: int) -> StatTable:
    """Hide a merged count of 1 to threshold − 1 (a sum of published counts is never one;
    this holds the rule if a source broke it)."""
    cells = []
    for row in table.cells:
        out: list[int | None] = []
        for j, v in enumerate(row):
            unit = table.column_units[j] if table.column_units else table.unit
            small = unit != "sek" and v is not None and 0 < v < threshold
            out.append(None if small else v)
        cells.append(tuple(out))
    hidden = frozenset(
        (i, j) for i, row in enumerate(cells) for j, v in enumerate(row) if v is None
    )
    return replace(table, cells=tuple(cells), primary=frozenset(), complementary=hidden)


def _combined(parts: Sequence[StatTable]) -> StatTable:
    """:func:`combine`, for a table without a totals column (the grant costs: number and
    kronor) too: its columns must be the same in every source."""
    whole = combine(parts)
    if TOTAL_LABEL in parts[0].columns:
        return whole
    if any(p.columns != parts[0].columns for p in parts):
        raise ValueError("only the same table of each source can be combined")
    cells = tuple(row[:-1] for row in whole.cells)
    hidden = frozenset(
        (i, j) for i, row in enumerate(cells) for j, v in enumerate(row) if v is None
    )
    return replace(whole, columns=parts[0].columns, cells=cells, complementary=hidden)


#: what a row of a method the coordinator's register does not hold is called
UNKNOWN_METHOD_LABEL = "{name} ({municipality}; metoden finns inte i samordnarens register)"


def _method_rows(report: ReceivedReport, known: Mapping[str, str] | None) -> ReceivedReport:
    """The report with its method rows keyed for the merge: a code the coordinator knows
    (or every code, when ``known`` is None) as it is, named as the coordinator names it;
    any other as a row of this sender only, named as the sender named it."""
    names = dict(report.methods)
    where = report.municipality + (f"/{report.unit}" if report.unit else "")

    def keyed(code: str, label: str) -> tuple[str, str]:
        if code in NOT_METHODS:
            return code, label
        if known is None:
            return code, label
        if code in known:
            return code, known[code]
        name = names.get(code, label)
        return f"{code}@{where}", UNKNOWN_METHOD_LABEL.format(
            name=name, municipality=report.municipality
        )

    tables = tuple(
        replace(t, rows=tuple(keyed(c, lbl) for c, lbl in t.rows)) if t.key in METHOD_TABLES else t
        for t in report.tables
    )
    return replace(report, tables=tables)


def merge_reports(
    reports: Sequence[ReceivedReport], known: Mapping[str, str] | None = None
) -> tuple[list[StatTable], list[str]]:
    """The merged tables of ``reports`` (of one period) and the table keys left out.
    ``known``: the coordinator's methods, code → name (None: every code is shared)."""
    threshold = max(r.threshold for r in reports)
    reports = [_method_rows(r, known) for r in reports]
    per_source = [{t.key: t for t in (*r.tables, *r.grant)} for r in reports]
    keys: list[str] = []
    for source in per_source:
        keys += [k for k in source if k not in keys]
    merged, missing = [], []
    for key in keys:
        if not all(key in source for source in per_source):
            missing.append(key)
            continue
        parts = _aligned([source[key] for source in per_source])
        if any(p.unit != parts[0].unit or p.column_units != parts[0].column_units for p in parts):
            missing.append(key)
            continue
        if TOTAL_LABEL not in parts[0].columns and any(
            p.columns != parts[0].columns for p in parts
        ):
            missing.append(key)
            continue
        merged.append(_reapplied(_combined(parts), threshold))
    return merged, missing


def merge(store: StoreLike, start: dt.date, end: dt.date) -> NationalTables:
    """The national tables of the period from the latest report of each sender."""
    latest: dict[int, tuple[Received, str]] = {}
    others: dict[tuple[int, dt.date, dt.date], Received] = {}  # latest per sender and period
    for row in store.conn.execute(
        f"SELECT {_COLUMNS}, body FROM national_reports "  # noqa: S608 - constant columns
        "WHERE period_start <= ? AND period_end >= ? ORDER BY created, id",
        (end.isoformat(), start.isoformat()),
    ):
        info = _received(row)
        if (info.start, info.end) == (start, end):
            latest[info.contact_id] = (info, str(row[9]))
        else:
            others[(info.contact_id, info.start, info.end)] = info
    period = f"{start.isoformat()} – {end.isoformat()}"
    if not latest:
        if others:
            spans = sorted({(o.start, o.end) for o in others.values()})
            raise PeriodsDifferError(
                period=period,
                periods=", ".join(f"{a.isoformat()} – {b.isoformat()}" for a, b in spans),
            )
        raise NoReportsError(period=period)
    sources = sorted(latest.values(), key=lambda s: (s[0].municipality, s[0].id))
    reports = [parse_report(body.encode("utf-8")) for _, body in sources]
    known = {m.code: m.name for m in method_register(store)}
    tables, missing = merge_reports(reports, known)
    if not any(v for t in tables for row in t.cells for v in row if v):
        raise NothingMergedError(period=period)
    return NationalTables(
        start,
        end,
        max(THRESHOLD, *(r.threshold for r in reports)),
        any(r.demo for r in reports),
        tuple(tables),
        tuple(info for info, _ in sources),
        tuple(missing),
        left_out=tuple(
            sorted(others.values(), key=lambda o: (o.start, o.end, o.municipality, o.id))
        ),
    )


def national_csv(tables: NationalTables) -> str:
    """One line per cell of every merged table; hidden values are ``..``."""
    return tables_csv(tables.start, tables.end, tables.demo, tables.tables)


def record_release(store: StoreLike, tables: NationalTables, *, fmt: str, sha256: str) -> int:
    """Record and audit a merged release (inside the caller's transaction)."""
    cells = {
        t.key: [list(row) for row in t.cells] for t in tables.tables
    }  # published values and hidden ones as null: what left the coordinator
    release = repo.insert(
        store,
        "national_releases",
        {
            "period_start": tables.start.isoformat(),
            "period_end": tables.end.isoformat(),
            "reports": json.dumps([s.report_id for s in tables.sources]),
            "threshold": tables.threshold,
            "cells": json.dumps(cells, separators=(",", ":")),
            "format": fmt,
            "sha256": sha256,
            "released_by": store.actor,
            "released_at": repo.utc_now(),
        },
    )
    details: dict[str, Any] = {
        "from": tables.start.isoformat(),
        "to": tables.end.isoformat(),
        "format": fmt,
        "reports": len(tables.sources),
        "tables": len(tables.tables),
        "sha256": sha256,
        "national_release": release,
    }
    repo.audit(store, "national.release", "", **details)
    return release
