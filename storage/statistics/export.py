"""Exports of suppressed statistics: CSV, and writing any export with its audit entry.

- ``report_csv(report) -> str`` — one line per cell of every table, suppressed values as
  ``..`` (columns in docs/statistics.md). Works for a :class:`storage.statistics.tables.StatsReport`
  and a :class:`storage.statistics.grants.GrantSummary`.
- ``save_export(store, report, path, data, fmt) -> ExportResult`` — writes ``data`` (the CSV,
  or the PDF from desktop/stats_pdf.py) atomically with mode 0600, and in the same
  transaction audits ``stats.export`` or ``grant.export`` (period, municipality, format,
  threshold, SHA-256 of the file; no counts). A failed write leaves no audit entry.

Only suppressed tables can be exported: the report objects never hold raw counts.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from storage.atomic import atomic_write_bytes
from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.statistics.tables import StatTable

SUPPRESSED = ".."
HEADER = [
    "from",
    "to",
    "table",
    "title",
    "unit",
    "row",
    "row_label",
    "column",
    "value",
    "suppressed",
]


class Report(Protocol):
    @property
    def kind(self) -> str: ...  # "stats" or "grant"

    @property
    def start(self) -> dt.date: ...

    @property
    def end(self) -> dt.date: ...

    @property
    def municipality(self) -> str | None: ...

    @property
    def threshold(self) -> int: ...

    @property
    def tables(self) -> Sequence[StatTable]: ...


@dataclass(frozen=True)
class ExportResult:
    path: Path
    sha256: str
    size: int


def report_csv(report: Report) -> str:
    """One line per published or suppressed cell; suppressed values are ``..``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    period = [report.start.isoformat(), report.end.isoformat()]
    for t in report.tables:
        for (code, label), row in zip(t.rows, t.cells, strict=True):
            for column, value in zip(t.columns, row, strict=True):
                shown = SUPPRESSED if value is None else str(value)
                writer.writerow(
                    [
                        *period,
                        t.key,
                        t.title,
                        t.unit,
                        code,
                        label,
                        column,
                        shown,
                        int(value is None),
                    ]
                )
    return out.getvalue()


def save_export(
    store: StoreLike, report: Report, path: Path, data: bytes, fmt: str
) -> ExportResult:
    """Write an export atomically (0600) and audit it (``<kind>.export``)."""
    target = Path(path)
    digest = hashlib.sha256(data).hexdigest()
    details: dict[str, Any] = {
        "from": report.start.isoformat(),
        "to": report.end.isoformat(),
        "format": fmt,
        "municipality": report.municipality,
        "threshold": report.threshold,
        "tables": len(report.tables),
        "sha256": digest,
    }
    with store.transaction():  # a failed write rolls the audit entry back
        repo.audit(store, f"{report.kind}.export", "", **details)
        atomic_write_bytes(target, data)
    return ExportResult(target, digest, len(data))
