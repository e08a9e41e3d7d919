"""The national report: a unit's suppressed tables for a period, in a versioned JSON format
(docs/national-report.md), made to leave the laptop for a coordinator.

- ``build_report(store, start, end, *, municipality, unit) -> NationalReport`` — the
  statistics of every municipality of the store (the knowledge tables included) and the
  grant summary beside them, both decided by :mod:`storage.statistics.disclosure` against
  every earlier release of this store, exactly as a CSV export would publish them;
- ``report_bytes(report) -> bytes`` — the JSON document (UTF-8, keys in documented order);
- ``record_export(store, report, *, fmt, sha256, destination) -> tuple[int, int]`` — inside
  the caller's transaction: decides both releases again from the store as it is now (the
  grant summary after the statistics are in the ledger, as it was decided beside them;
  :class:`StatsChangedError` if anything differs, :class:`NothingToPublishError` for zeros
  only), records them in the ledger, and audits ``national.export`` (period, format,
  report id, destination, SHA-256; no counts). The caller writes the file or seals the
  bundle in the same transaction (:mod:`sync.report`), so that a failed write records
  nothing;
- ``parse_report(untrusted_bytes) -> ReceivedReport`` — strict reading at a coordinator:
  exact key sets, types, sizes; a published count of 1 to threshold − 1 is refused
  (:class:`UnsafeReportError`), anything else malformed (:class:`MalformedReportError`).
  Version 1 (no ``methods``) still reads: its method rows' codes are taken as they stand.

The method tables (:data:`METHOD_TABLES`) have one row per method of the sender's register,
keyed by the method's stable code; version 2 declares those methods beside the tables
(``methods``: code, name, evidence level), so a coordinator can tell a method it shares from
one only the sender knows (:mod:`storage.learning.coordinator`).

The document holds published numbers and their codes only: no names, case numbers, dates
of cases or placements — the same as the CSV (docs/statistics.md, "Never in a table").
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.errors import clean_untrusted
from storage.json_input import UntrustedJsonError, loads_untrusted
from storage.learning.errors import MalformedReportError, UnsafeReportError
from storage.records.knowledge import EvidenceLevel
from storage.registers.methods import methods as method_register
from storage.statistics import ledger
from storage.statistics.cells import NO_METHOD
from storage.statistics.errors import NothingToPublishError, StatsChangedError
from storage.statistics.export import decide_again, same_release
from storage.statistics.grant_summary import GrantSummary, grant_summary
from storage.statistics.tables import THRESHOLD, StatsReport, StatTable, compute_stats

FORMAT = "utvag-national-report"
VERSION = 2
#: the versions a coordinator reads (1: before the method declarations)
READ_VERSIONS = (1, 2)
#: the tables with one row per method of the sender's register, keyed by the method's code
METHOD_TABLES = ("interventions.method", "followup.six_months", "followup.twelve_months")
#: rows of those tables that are not a method
NOT_METHODS = (NO_METHOD, "total")
METHOD_CODE_RE = re.compile(r"[a-z0-9-]{1,40}")
#: the bundle member that carries the document (sync/bundle/manifest.py)
MEMBER = "national-report.json"
MAX_BYTES = 8 * 1024 * 1024
MAX_TABLES = 200
MAX_ROWS = 1000
MAX_COLUMNS = 400
MAX_VALUE = 10**13
TEXT_LIMIT = 300
KEY_RE = re.compile(r"[a-z0-9_]+(\.[a-z0-9_]+)*")
UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
UNITS = ("cases", "interventions", "sek")
_TOP = {
    "format",
    "version",
    "report_id",
    "created",
    "source",
    "period",
    "threshold",
    "demo",
    "tables",
    "grant",
}
_TOP_V2 = _TOP | {"methods"}
_METHOD = {"code", "name", "evidence_level"}
_TABLE = {"key", "title", "unit", "rows", "columns", "column_units", "cells", "total_row"}


@dataclass(frozen=True)
class NationalReport:
    """A report made here, before it leaves (``stats`` and ``grant`` are decided)."""

    report_id: str
    created: str
    source: str  # the sending unit's municipality
    unit: str
    stats: StatsReport
    grant: GrantSummary
    #: the register's methods the method tables name: (code, name, evidence level)
    methods: tuple[tuple[str, str, str], ...] = ()

    @property
    def start(self) -> dt.date:
        return self.stats.start

    @property
    def end(self) -> dt.date:
        return self.stats.end

    @property
    def tables(self) -> tuple[StatTable, ...]:
        return (*self.stats.tables, *self.grant.tables)

    # what the PDF reads (desktop/stats_pdf.py)
    kind = "national"

    @property
    def municipality(self) -> str | None:
        return None  # every municipality of the store

    @property
    def threshold(self) -> int:
        return self.stats.threshold

    @property
    def demo(self) -> bool:
        return self.stats.demo

    @property
    def requested(self) -> tuple[dt.date, dt.date]:
        return self.stats.requested

    @property
    def snapped(self) -> bool:
        return self.stats.snapped

    @property
    def earlier(self) -> int:
        return self.stats.earlier


@dataclass(frozen=True)
class ReceivedReport:
    """A report read at a coordinator (checked by :func:`parse_report`)."""

    report_id: str
    created: str
    municipality: str
    unit: str
    start: dt.date
    end: dt.date
    period_kind: str
    threshold: int
    demo: bool
    tables: tuple[StatTable, ...]
    grant: tuple[StatTable, ...]
    #: the methods the method tables name, (code, name); version 1: taken from their rows
    methods: tuple[tuple[str, str], ...] = ()
    version: int = VERSION


def build_report(
    store: StoreLike, start: dt.date | str, end: dt.date | str, *, municipality: str, unit: str
) -> NationalReport:
    """The report of the period (snapped to the grid) for every municipality of the store."""
    stats = compute_stats(store, start, end)
    grant = grant_summary(store, stats.start, stats.end, pending=[stats.draft])
    named = {code for t in stats.tables if t.key in METHOD_TABLES for code, _ in t.rows} - set(
        NOT_METHODS
    )
    declared = tuple(
        (m.code, m.name, m.evidence_level.value)
        for m in sorted(method_register(store), key=lambda m: m.code)
        if m.code in named
    )
    return NationalReport(
        str(uuid.uuid4()), repo.utc_now(), municipality, unit, stats, grant, declared
    )


def _table_json(t: StatTable) -> dict[str, Any]:
    return {
        "key": t.key,
        "title": t.title,
        "unit": t.unit,
        "rows": [{"code": c, "label": label} for c, label in t.rows],
        "columns": list(t.columns),
        "column_units": list(t.column_units),
        "cells": [list(r) for r in t.cells],
        "total_row": t.total_row,
    }


def report_json(report: NationalReport) -> dict[str, Any]:
    s = report.stats
    return {
        "format": FORMAT,
        "version": VERSION,
        "report_id": report.report_id,
        "created": report.created,
        "source": {"municipality": report.source, "unit": report.unit},
        "period": {"from": s.start.isoformat(), "to": s.end.isoformat(), "kind": s.period_kind},
        "threshold": s.threshold,
        "demo": s.demo,
        "tables": [_table_json(t) for t in s.tables],
        "grant": [_table_json(t) for t in report.grant.tables],
        "methods": [
            {"code": code, "name": name, "evidence_level": level}
            for code, name, level in report.methods
        ],
    }


def report_bytes(report: NationalReport) -> bytes:
    return (json.dumps(report_json(report), indent=1, ensure_ascii=False) + "\n").encode()


def record_export(
    store: StoreLike, report: NationalReport, *, fmt: str, sha256: str, destination: str
) -> tuple[int, int]:
    """Decide again, record both releases and audit (call inside a transaction)."""
    stats_now = decide_again(store, report.stats)
    if not same_release(report.stats.draft, stats_now):
        raise StatsChangedError()
    if not any(stats_now.counts.get(k) for k in stats_now.published):
        raise NothingToPublishError(
            period=f"{report.start.isoformat()} – {report.end.isoformat()}",
            threshold=report.stats.threshold,
        )
    first = ledger.record(store, stats_now, kind="stats", fmt=f"national-{fmt}", sha256=sha256)
    # the grant summary was decided beside these statistics: now they are in the ledger
    grant_now = decide_again(store, report.grant)
    if not same_release(report.grant.draft, grant_now):
        raise StatsChangedError()  # the caller's transaction drops the statistics' release
    second = ledger.record(store, grant_now, kind="grant", fmt=f"national-{fmt}", sha256=sha256)
    details: dict[str, Any] = {
        "from": report.start.isoformat(),
        "to": report.end.isoformat(),
        "format": fmt,
        "report_id": report.report_id,
        "destination": destination,
        "threshold": report.stats.threshold,
        "tables": len(report.tables),
        "sha256": sha256,
        "release": first,
    }
    repo.audit(store, "national.export", "", **details)
    return first, second


# ---------------------------------------------------------------- reading at a coordinator


def _fail(reason: str) -> MalformedReportError:
    return MalformedReportError(reason=reason)


def _obj(untrusted: object, keys: set[str], where: str) -> dict[str, Any]:
    if not isinstance(untrusted, dict) or set(untrusted) != keys:
        raise _fail(where)
    return untrusted


def _text(untrusted: object, where: str, *, empty_ok: bool = False) -> str:
    if not isinstance(untrusted, str) or len(untrusted) > TEXT_LIMIT:
        raise _fail(where)
    if not empty_ok and not untrusted.strip():
        raise _fail(where)
    if clean_untrusted(untrusted, TEXT_LIMIT) != untrusted:
        raise _fail(where)  # control or format characters
    return untrusted


def _list(untrusted: object, high: int, where: str) -> list[Any]:
    if not isinstance(untrusted, list) or len(untrusted) > high:
        raise _fail(where)
    return untrusted


def _date(untrusted: object, where: str) -> dt.date:
    if not isinstance(untrusted, str) or len(untrusted) != 10:
        raise _fail(where)
    try:
        return dt.date.fromisoformat(untrusted)
    except ValueError:
        raise _fail(where) from None


def _table(untrusted: object, threshold: int) -> StatTable:
    t = _obj(untrusted, _TABLE, "table")
    key = _text(t["key"], "table key")
    if KEY_RE.fullmatch(key) is None or t["unit"] not in UNITS:
        raise _fail("table key")
    rows = tuple(
        (
            _text(r.get("code") if isinstance(r, dict) else None, "row"),
            _text(_obj(r, {"code", "label"}, "row")["label"], "row"),
        )
        for r in _list(t["rows"], MAX_ROWS, "rows")
    )
    columns = tuple(_text(c, "column") for c in _list(t["columns"], MAX_COLUMNS, "columns"))
    units = tuple(_text(u, "column unit") for u in _list(t["column_units"], MAX_COLUMNS, "units"))
    if not rows or not columns or len(set(columns)) != len(columns):
        raise _fail("columns")
    if len({c for c, _ in rows}) != len(rows) or (units and len(units) != len(columns)):
        raise _fail("rows")
    if any(u not in UNITS for u in units) or type(t["total_row"]) is not bool:
        raise _fail("column units")
    cells_in = _list(t["cells"], MAX_ROWS, "cells")
    if len(cells_in) != len(rows):
        raise _fail("cells")
    cells: list[tuple[int | None, ...]] = []
    for row in cells_in:
        values = _list(row, MAX_COLUMNS, "cells")
        if len(values) != len(columns):
            raise _fail("cells")
        out: list[int | None] = []
        for j, value in enumerate(values):
            if value is not None and (type(value) is not int or not 0 <= value <= MAX_VALUE):
                raise _fail("cell value")
            unit = units[j] if units else t["unit"]
            if unit != "sek" and value is not None and 0 < value < threshold:
                raise UnsafeReportError(threshold=threshold, table=key)
            out.append(value)
        cells.append(tuple(out))
    hidden = frozenset(
        (i, j) for i, row in enumerate(cells) for j, v in enumerate(row) if v is None
    )
    return StatTable(
        key,
        _text(t["title"], "title"),
        t["unit"],
        rows,
        columns,
        tuple(cells),
        frozenset(),
        hidden,
        t["total_row"],
        -1,
        units,
    )


def _tables(untrusted: object, threshold: int) -> tuple[StatTable, ...]:
    found = tuple(_table(t, threshold) for t in _list(untrusted, MAX_TABLES, "tables"))
    if len({t.key for t in found}) != len(found):
        raise _fail("tables")
    return found


def parse_report(untrusted_bytes: bytes) -> ReceivedReport:
    """Read a national report strictly (module docstring); nothing is trusted before."""
    if len(untrusted_bytes) > MAX_BYTES:
        raise _fail("size")

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        if len({k for k, _ in items}) != len(items):
            raise _fail("duplicate key")
        return dict(items)

    def no_float(text: str) -> Any:
        raise _fail("number")

    try:
        top = loads_untrusted(
            untrusted_bytes,
            object_pairs_hook=pairs,
            parse_float=no_float,
            parse_constant=no_float,
        )
    except UntrustedJsonError:
        raise _fail("JSON") from None
    if not isinstance(top, dict):
        raise _fail("document")
    version = top.get("version")
    if top.get("format") != FORMAT or type(version) is not int or version not in READ_VERSIONS:
        raise _fail("format")
    t = _obj(top, _TOP if version == 1 else _TOP_V2, "document")
    if not isinstance(t["report_id"], str) or UUID_RE.fullmatch(t["report_id"]) is None:
        raise _fail("report_id")
    source = _obj(t["source"], {"municipality", "unit"}, "source")
    period = _obj(t["period"], {"from", "to", "kind"}, "period")
    start, end = _date(period["from"], "period"), _date(period["to"], "period")
    if end < start or type(t["demo"]) is not bool:
        raise _fail("period")
    threshold = t["threshold"]
    if type(threshold) is not int or not THRESHOLD <= threshold <= 100:
        raise _fail("threshold")
    tables = _tables(t["tables"], threshold)
    rows = {c: label for x in tables if x.key in METHOD_TABLES for c, label in x.rows}
    for code in NOT_METHODS:
        rows.pop(code, None)
    methods = _methods(t["methods"]) if version >= 2 else tuple(rows.items())
    if not set(rows) <= {code for code, _ in methods}:
        raise _fail("methods")  # a method row the report does not declare
    return ReceivedReport(
        t["report_id"],
        _text(t["created"], "created"),
        _text(source["municipality"], "source"),
        _text(source["unit"], "source", empty_ok=True),
        start,
        end,
        _text(period["kind"], "period"),
        threshold,
        t["demo"],
        tables,
        _tables(t["grant"], threshold),
        methods,
        version,
    )


def _methods(untrusted: object) -> tuple[tuple[str, str], ...]:
    """The declared methods of a version 2 report: (code, name), codes unique."""
    out: list[tuple[str, str]] = []
    for item in _list(untrusted, MAX_ROWS, "methods"):
        m = _obj(item, _METHOD, "methods")
        code = _text(m["code"], "method code")
        if METHOD_CODE_RE.fullmatch(code) is None or code in NOT_METHODS:
            raise _fail("method code")
        if m["evidence_level"] not in EvidenceLevel.codes():
            raise _fail("evidence level")
        out.append((code, _text(m["name"], "method name")))
    if len({code for code, _ in out}) != len(out):
        raise _fail("methods")
    return tuple(out)


def received_tables(reports: Sequence[ReceivedReport]) -> list[tuple[StatTable, ...]]:
    """Each report's statistics and grant tables together."""
    return [(*r.tables, *r.grant) for r in reports]
