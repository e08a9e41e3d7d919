"""National report commands (docs/national-report.md).

At a unit:

- ``national export --from DATE --to DATE --out FILE [--coordinator ID] [--format
  bundle|json|pdf] [--expires-days N]`` — the report of the period (every municipality of
  the store, the knowledge tables and the grant summary, suppressed as an export is):
  ``bundle`` (default when ``--coordinator`` is given) seals it for that verified contact,
  ``json`` writes the document and ``pdf`` a PDF with charts — each recorded in the ledger
  and audited ``national.export``.

At a coordinator:

- ``national receive FILE`` — verify and keep a report bundle; refused (exit 1, one line)
  when unsigned, from an unverified or unknown sender, replayed, expired, malformed or
  publishing a number under the threshold; nothing is stored then;
- ``national list`` — the reports received (sender, period, when; no numbers);
- ``national merge --from DATE --to DATE [--out FILE] [--format csv|pdf]`` — the national
  tables of the period from the latest report of each sender, suppression applied again;
  ``--out`` writes CSV or PDF, recorded and audited ``national.release``.

Exit status 0 success, 1 refused, 2 usage error (bad dates, a bundle without
``--coordinator``).
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path
from typing import Any

from desktop.cli import print_json
from desktop.commands.stats import _dates, _print_table
from desktop.commands.store import _common, _open
from storage.atomic import atomic_write_bytes
from storage.errors import QT_TRANSLATE_NOOP, UsageError
from storage.learning import coordinator
from storage.learning.national import record_export, report_bytes
from storage.vault.store import Store
from sync.report.national import (
    DEFAULT_EXPIRES_DAYS,
    export_national_report,
    make_report,
    receive_national_report,
)


class CoordinatorRequiredError(UsageError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "A national report bundle needs --coordinator (the contact's number)."
    )
    code = "national_coordinator_required"


def _format(args: argparse.Namespace, choices: tuple[str, ...]) -> str:
    if args.format:
        return str(args.format)
    name = str(args.out).lower()
    for fmt in choices:
        if name.endswith(f".{fmt}"):
            return fmt
    return choices[0]


def _write(store: Store, report: Any, out: Path, fmt: str) -> dict[str, Any]:
    if fmt == "pdf":
        from desktop.stats_pdf import render_pdf

        data = render_pdf(report, f"Nationell rapport – {report.source}")
    else:
        data = report_bytes(report)
    digest = hashlib.sha256(data).hexdigest()
    with store.transaction():
        record_export(store, report, fmt=fmt, sha256=digest, destination="file")
        atomic_write_bytes(out, data)
    return {"out": str(out), "format": fmt, "sha256": digest, "size": len(data)}


def cmd_export(args: argparse.Namespace) -> int:
    start, end = _dates(args)
    fmt = args.format or ("bundle" if args.coordinator is not None else None)
    fmt = fmt or _format(args, ("json", "pdf"))
    if fmt == "bundle" and args.coordinator is None:
        raise CoordinatorRequiredError()
    store, _ = _open(args)
    with store:
        report = make_report(store, start, end)
        if fmt == "bundle":
            sealed = export_national_report(
                store,
                report,
                coordinator=args.coordinator,
                out=Path(args.out),
                expires_days=args.expires_days,
            )
            summary = {
                "out": str(sealed.path),
                "format": fmt,
                "sha256": sealed.sha256,
                "bundle_id": sealed.bundle_id,
            }
        else:
            summary = _write(store, report, Path(args.out), fmt)
    summary |= {
        "report_id": report.report_id,
        "from": report.start.isoformat(),
        "to": report.end.isoformat(),
        "tables": len(report.tables),
    }
    if args.json:
        print_json(summary)
    else:
        print(
            f"National report {report.start} – {report.end} ({len(report.tables)} tables, "
            f"{fmt}) written to {summary['out']}"
        )
    return 0


def cmd_receive(args: argparse.Namespace) -> int:
    store, _ = _open(args)
    with store:
        row_id = receive_national_report(store, Path(args.file))
        got = next(r for r in coordinator.received(store) if r.id == row_id)
    data = _received_json(got)
    if args.json:
        print_json(data)
    else:
        print(
            f"Received the national report of {got.municipality} ({got.unit}) for "
            f"{got.start} – {got.end}"
        )
    return 0


def _received_json(r: coordinator.Received) -> dict[str, Any]:
    return {
        "id": r.id,
        "report_id": r.report_id,
        "contact_id": r.contact_id,
        "municipality": r.municipality,
        "unit": r.unit,
        "from": r.start.isoformat(),
        "to": r.end.isoformat(),
        "created": r.created,
        "received_at": r.received_at,
    }


def cmd_list(args: argparse.Namespace) -> int:
    store, _ = _open(args)
    with store:
        got = coordinator.received(store)
    if args.json:
        print_json([_received_json(r) for r in got])
        return 0
    for r in got:
        print(f"{r.id:>4}  {r.start} – {r.end}  {r.municipality} ({r.unit})  {r.received_at}")
    if not got:
        print("No national reports received.")
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    start, end = _dates(args)
    store, _ = _open(args)
    with store:
        merged = coordinator.merge(store, start, end)
        written = None
        if args.out:
            fmt = _format(args, ("csv", "pdf"))
            if fmt == "pdf":
                from desktop.stats_pdf import render_pdf

                data = render_pdf(merged, "Nationella tabeller")
            else:
                data = coordinator.national_csv(merged).encode("utf-8")
            digest = hashlib.sha256(data).hexdigest()
            with store.transaction():
                release = coordinator.record_release(store, merged, fmt=fmt, sha256=digest)
                atomic_write_bytes(Path(args.out), data)
            written = {"out": args.out, "format": fmt, "sha256": digest, "release": release}
    if args.json:
        print_json(
            {
                "from": merged.start.isoformat(),
                "to": merged.end.isoformat(),
                "threshold": merged.threshold,
                "demo": merged.demo,
                "sources": [_received_json(r) for r in merged.sources],
                "missing": list(merged.missing),
                "left_out": [_received_json(r) for r in merged.left_out],
                "tables": [t.to_json() for t in merged.tables],
                "export": written,
            }
        )
        return 0
    names = ", ".join(r.municipality for r in merged.sources)
    print(f"National tables {merged.start} – {merged.end} from {len(merged.sources)} reports")
    print(f"({names}). .. = protected value.")
    if merged.left_out:
        other = ", ".join(f"{r.municipality} {r.start} – {r.end}" for r in merged.left_out)
        print(f"Not combined (reports of other periods; only the same period merges): {other}.")
    print()
    for table in merged.tables:
        _print_table(table)
    if written:
        print(f"Exported ({written['format']}) to {written['out']}")
    return 0


def _period(p: argparse.ArgumentParser) -> None:
    _common(p)
    p.add_argument("--from", dest="date_from", metavar="DATE", required=True)
    p.add_argument("--to", dest="date_to", metavar="DATE", required=True)


def register(subparsers: Any) -> None:
    group = subparsers.add_parser("national", help="national report and coordinator mode")
    sub = group.add_subparsers(dest="national_command", metavar="COMMAND", required=True)

    p = sub.add_parser("export", help="export the national report (bundle, JSON or PDF)")
    _period(p)
    p.add_argument("--out", metavar="FILE", required=True)
    p.add_argument("--coordinator", metavar="ID", type=int, help="the coordinator's contact")
    p.add_argument("--format", choices=("bundle", "json", "pdf"))
    p.add_argument("--expires-days", type=int, default=DEFAULT_EXPIRES_DAYS, metavar="N")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("receive", help="coordinator: verify and keep a national report")
    _common(p)
    p.add_argument("file", metavar="FILE")
    p.set_defaults(func=cmd_receive)

    p = sub.add_parser("list", help="coordinator: the national reports received")
    _common(p)
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("merge", help="coordinator: national tables of a period")
    _period(p)
    p.add_argument("--out", metavar="FILE", help="write the tables (CSV or PDF)")
    p.add_argument("--format", choices=("csv", "pdf"))
    p.set_defaults(func=cmd_merge)
