"""Statistics commands: ``utvag stats show|export|grant`` (docs/statistics.md).

- ``stats show --from DATE --to DATE [--municipality M]`` — the tables as an export would
  publish them now (decided against every earlier export; not itself recorded).
- ``stats export --from DATE --to DATE --out FILE [--format csv|pdf] [--municipality M]``
  — CSV or a PDF report with charts; recorded in the ledger and audited ``stats.export``.
- ``stats grant --from DATE --to DATE [--municipality M] [--out FILE] [--format csv|pdf]
  [--cases]`` — the statsbidrag summary; ``--out`` exports it (ledger, audited
  ``grant.export``); ``--cases`` lists each case's criteria (masked case labels) on the
  terminal only, for the unit's own work.

Dates off the period grid (whole months, quarters, half-years, years) are widened to the
smallest grid period that holds them; the reason is printed on stderr (one line). The format
follows the file name (``.pdf``) unless ``--format`` says otherwise. Exit status 0 success,
1 refused or failed (nothing can be published, or the numbers changed while exporting), 2
usage error (bad dates, ``--from`` after ``--to``).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from desktop.cli import print_json
from desktop.commands.store import (
    _common,
    _open,
)
from desktop.i18n import translate
from storage.errors import (
    QT_TRANSLATE_NOOP,
    UsageError,
)
from storage.statistics.export import (
    SUPPRESSED,
    Report,
    report_csv,
    save_export,
)
from storage.statistics.grant_summary import (
    GrantSummary,
    grant_summary,
)
from storage.statistics.notices import notices
from storage.statistics.tables import (
    StatsReport,
    StatTable,
    compute_stats,
)
from storage.vault.store import Store


class StatsDateError(UsageError):
    message = QT_TRANSLATE_NOOP("Errors", "{option} must be a date written YYYY-MM-DD.")
    code = "stats_date"


class StatsPeriodError(UsageError):
    message = QT_TRANSLATE_NOOP("Errors", "--from must not be later than --to.")
    code = "stats_period"


def _dates(args: argparse.Namespace) -> tuple[date, date]:
    out = []
    for value, option in ((args.date_from, "--from"), (args.date_to, "--to")):
        try:
            out.append(date.fromisoformat(value))
        except ValueError:
            raise StatsDateError(option=option) from None
    if out[0] > out[1]:
        raise StatsPeriodError()
    return out[0], out[1]


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    return "pdf" if str(args.out).lower().endswith(".pdf") else "csv"


def _render(report: Report, fmt: str) -> bytes:
    if fmt == "pdf":
        from desktop.stats_pdf import render_pdf

        return render_pdf(report)
    return report_csv(report).encode("utf-8")


def _export(store: Store, report: Report, args: argparse.Namespace) -> dict[str, Any]:
    fmt = _format(args)
    result = save_export(store, report, Path(args.out), _render(report, fmt), fmt)
    return {
        "out": str(result.path),
        "format": fmt,
        "sha256": result.sha256,
        "size": result.size,
        "release": result.release,
    }


def _print_table(table: StatTable) -> None:
    print(table.title)
    width = max(len(label) for _, label in table.rows) + 2
    print(" " * width + "".join(f"{c[:14]:>15}" for c in table.columns))
    for (_, label), row in zip(table.rows, table.cells, strict=True):
        cells = "".join(f"{SUPPRESSED if v is None else v:>15}" for v in row)
        print(f"{label:<{width}}{cells}")
    print()


def _notice(report: StatsReport | GrantSummary) -> None:
    """Say on stderr (one line) when the period was widened to the grid, and why."""
    for notice in notices(report):
        if notice.code == "snapped":
            print(translate("Statistics", notice.text).format(**notice.params), file=sys.stderr)


def _says(report: StatsReport | GrantSummary) -> list[str]:
    return [
        translate("Statistics", n.text, None, n.n).format(**n.params)
        for n in notices(report)
        if n.code != "snapped"
    ]


def _period_json(report: StatsReport | GrantSummary) -> dict[str, Any]:
    return {
        "from": report.start.isoformat(),
        "to": report.end.isoformat(),
        "requested": {
            "from": report.requested[0].isoformat(),
            "to": report.requested[1].isoformat(),
        },
        "snapped": report.snapped,
        "period_kind": report.period_kind,
        "municipality": report.municipality,
        "demo": report.demo,
        "earlier_releases": report.earlier,
    }


def _print_report(report: StatsReport | GrantSummary) -> None:
    where = report.municipality or "alla kommuner"
    print(f"Period {report.start} – {report.end}, {where}. {SUPPRESSED} = skyddat värde.")
    for line in _says(report):
        print(line)
    print()
    for table in report.tables:
        _print_table(table)


def cmd_show(args: argparse.Namespace) -> int:
    start, end = _dates(args)
    store, _ = _open(args)
    with store:
        report = compute_stats(store, start, end, args.municipality)
    _notice(report)
    if args.json:
        print_json(report.to_json())
    else:
        _print_report(report)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    start, end = _dates(args)
    store, _ = _open(args)
    with store:
        report = compute_stats(store, start, end, args.municipality)
        summary = _export(store, report, args)
    _notice(report)
    if args.json:
        print_json(summary)
    else:
        print(f"Exported {len(report.tables)} tables ({summary['format']}) to {summary['out']}")
    return 0


def _case_rows(summary: GrantSummary) -> list[dict[str, Any]]:
    return [
        {
            "case_id": r.case_id,
            "label": r.label,
            "all_met": r.all_met,
            "met": [c.value for c in r.met],
            "grant_cost_sek": r.grant_cost_sek,
        }
        for r in summary.cases
    ]


def cmd_grant(args: argparse.Namespace) -> int:
    start, end = _dates(args)
    store, _ = _open(args)
    with store:
        summary = grant_summary(store, start, end, args.municipality)
        exported = _export(store, summary, args) if args.out else None
    _notice(summary)
    if args.json:
        data: dict[str, Any] = {
            **_period_json(summary),
            "tables": [t.to_json() for t in summary.tables],
            "export": exported,
        }
        if args.cases:
            data["cases"] = _case_rows(summary)
        print_json(data)
        return 0
    _print_report(summary)
    if args.cases:
        print("Ärenden (endast för enhetens eget arbete):")
        for r in summary.cases:
            mark = "alla kriterier" if r.all_met else f"{len(r.met)} av 6"
            print(f"  {r.label:32} {mark:15} {r.grant_cost_sek:>10} kr")
    if exported:
        print(f"Exported ({exported['format']}) to {exported['out']}")
    return 0


def _period(p: argparse.ArgumentParser, *, out: bool) -> None:
    _common(p)
    p.add_argument("--from", dest="date_from", metavar="DATE", required=True)
    p.add_argument("--to", dest="date_to", metavar="DATE", required=True)
    p.add_argument("--municipality", metavar="M", help="only cases of this municipality")
    if out:
        p.add_argument("--format", choices=("csv", "pdf"), help="default: from the file name")


def register(subparsers: Any) -> None:
    group = subparsers.add_parser("stats", help="statistics and grant summaries (suppressed)")
    sub = group.add_subparsers(dest="stats_command", metavar="COMMAND", required=True)

    p = sub.add_parser("show", help="show the statistics for a period")
    _period(p, out=False)
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("export", help="export the statistics as CSV or PDF")
    _period(p, out=True)
    p.add_argument("--out", metavar="FILE", required=True)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("grant", help="statsbidrag: criteria and costs for a period")
    _period(p, out=True)
    p.add_argument("--out", metavar="FILE", help="export the summary (CSV or PDF)")
    p.add_argument("--cases", action="store_true", help="list each case (terminal only)")
    p.set_defaults(func=cmd_grant)
