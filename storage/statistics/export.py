"""Exports of statistics: CSV, and writing any export together with its audit entry and its
record in the ledger.

- ``report_csv(report) -> str`` — one line per cell of every table, hidden values as
  ``..`` (columns in docs/statistics.md). Works for a
  :class:`storage.statistics.tables.StatsReport` and a
  :class:`storage.statistics.grant_summary.GrantSummary`.
- ``save_export(store, report, path, data, fmt) -> ExportResult`` — first decides the same
  release again from the store as it is now, publishing exactly what ``report`` shows: if
  the case files or the ledger changed so that the numbers differ or one of them may no
  longer be published, :class:`StatsChangedError`; if nothing but zeros would be published,
  :class:`NothingToPublishError`. Then, in one transaction, records the release in the
  ledger, audits ``stats.export`` or ``grant.export`` (period, municipality, format,
  threshold, SHA-256 of the file, release number; no counts) and writes ``data`` (the CSV,
  or the PDF from desktop/stats_pdf.py) atomically with mode 0600. A failed write leaves
  neither an audit entry nor a release.

Only decided tables can be exported: the report objects never hold a hidden number.
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
from storage.statistics import ledger
from storage.statistics.errors import NothingToPublishError, StatsChangedError
from storage.statistics.grant_summary import grant_summary
from storage.statistics.release import Draft
from storage.statistics.tables import StatTable, compute_stats

SUPPRESSED = ".."
DEMO_MARK = "fiktiva demodata"
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


class Printable(Protocol):
    """What is printed or shown of any report with tables: a statistics report, a grant
    summary, a national report (storage/learning/national.py) or a coordinator's merged
    tables (desktop/stats_pdf.py renders any of them)."""

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
    def demo(self) -> bool: ...

    @property
    def requested(self) -> tuple[dt.date, dt.date]: ...

    @property
    def snapped(self) -> bool: ...

    @property
    def earlier(self) -> int: ...

    @property
    def tables(self) -> Sequence[StatTable]: ...


class Report(Printable, Protocol):
    """A statistics report or grant summary of this store, with its draft for the ledger."""

    @property
    def draft(self) -> Draft: ...


@dataclass(frozen=True)
class ExportResult:
    path: Path
    sha256: str
    size: int
    release: int


def report_csv(report: Report) -> str:
    """One line per published or hidden cell; hidden values are ``..``."""
    return tables_csv(report.start, report.end, report.demo, report.tables)


def tables_csv(start: dt.date, end: dt.date, demo: bool, tables: Sequence[StatTable]) -> str:
    """The CSV of any tables of a period (an export, a coordinator's merged tables): one
    line per published or hidden cell; hidden values are ``..``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    period = [start.isoformat(), end.isoformat()]
    for t in tables:
        title = f"{t.title} ({DEMO_MARK})" if demo else t.title
        for (code, label), row in zip(t.rows, t.cells, strict=True):
            for column, value in zip(t.columns, row, strict=True):
                shown = SUPPRESSED if value is None else str(value)
                writer.writerow(
                    [*period, t.key, title, t.unit, code, label, column, shown, int(value is None)]
                )
    return out.getvalue()


def decide_again(store: StoreLike, report: Report) -> Draft:
    """The same release decided again now, publishing only what ``report`` shows."""
    shown = [k for k in report.draft.counts if k in report.draft.published]
    args = (store, report.start, report.end, report.municipality, report.threshold)
    if report.kind == "grant":
        return grant_summary(*args, pending=(), only=shown).draft
    return compute_stats(*args, only=shown).draft


def same_release(before: Draft, now: Draft) -> bool:
    """Whether ``now`` publishes exactly what ``before`` did, with the same numbers."""
    if before.published != now.published:
        return False
    return all(
        before.counts.get(k) == now.counts.get(k) and before.amounts.get(k) == now.amounts.get(k)
        for k in before.published
    )


def save_export(
    store: StoreLike, report: Report, path: Path, data: bytes, fmt: str
) -> ExportResult:
    """Check, record, audit and write an export (see the module docstring)."""
    target = Path(path)
    digest = hashlib.sha256(data).hexdigest()
    with store.transaction():  # a failed write rolls the ledger and the audit entry back
        now = decide_again(store, report)
        if not same_release(report.draft, now):
            raise StatsChangedError()
        if not any(now.counts.get(k) for k in now.published):  # zeros only, or nothing
            raise NothingToPublishError(
                period=f"{report.start.isoformat()} – {report.end.isoformat()}",
                threshold=report.threshold,
            )
        release = ledger.record(store, now, kind=report.kind, fmt=fmt, sha256=digest)
        details: dict[str, Any] = {
            "from": report.start.isoformat(),
            "to": report.end.isoformat(),
            "format": fmt,
            "municipality": report.municipality,
            "threshold": report.threshold,
            "tables": len(report.tables),
            "sha256": digest,
            "release": release,
        }
        repo.audit(store, f"{report.kind}.export", "", **details)
        atomic_write_bytes(target, data)
    return ExportResult(target, digest, len(data), release)
