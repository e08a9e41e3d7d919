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

The format's constants and the strict reading at a coordinator (``parse_report``) are in
:mod:`storage.learning.report_format`. Version 2 declares the register's methods the
method tables name (code, name, evidence level), so a coordinator can tell a method it
shares from one only the sender knows (:mod:`storage.learning.coordinator`).

The document holds published numbers and their codes only: no names, case numbers, dates
of cases or placements — the same as the CSV (docs/statistics.md, "Never in a table").
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from typing import Any

from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.learning.report_format import FORMAT, METHOD_TABLES, NOT_METHODS, VERSION
from storage.registers.methods import methods as method_register
from storage.statistics import ledger
from storage.statistics.errors import NothingToPublishError, StatsChangedError
from storage.statistics.export import decide_again, same_release
from storage.statistics.grant_summary import GrantSummary, grant_summary
from storage.statistics.tables import StatsReport, StatTable, compute_stats


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
