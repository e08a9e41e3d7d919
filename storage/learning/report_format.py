"""The national report's format (docs/national-report.md): its constants, and the strict
reading of a report at a coordinator.

- ``parse_report(untrusted_bytes) -> ReceivedReport`` — exact key sets, types, sizes; a
  published count of 1 to threshold − 1 is refused (:class:`UnsafeReportError`), anything
  else malformed (:class:`MalformedReportError`). Versions 1 and 2 are read; version 1 has
  no ``methods``, so its method rows' codes and labels are taken as its methods.
- ``received_tables(reports) -> [tables]`` — each report's statistics and grant tables.

The method tables (:data:`METHOD_TABLES`) have one row per method of the sender's register,
keyed by the method's stable code; version 2 declares those methods beside the tables
(``methods``: code, name, evidence level), and a method row it does not declare is
malformed. Making a report: :mod:`storage.learning.national`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from storage.errors import clean_untrusted
from storage.json_input import UntrustedJsonError, loads_untrusted
from storage.learning.errors import MalformedReportError, UnsafeReportError
from storage.records.knowledge import EvidenceLevel
from storage.statistics.cells import NO_METHOD
from storage.statistics.tables import THRESHOLD, StatTable

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
