"""``utvag log`` — the access log (loggkontroll): who opened which case, and when.

``log [--case ID] [--user NAME] [--from DATE] [--to DATE] [--all] [--export FILE]``: the
entries that read a case (opening it, reveals, documents, lookups by personnummer;
``--all``: every entry about it), filtered by case and by user; ``--export FILE`` writes
them as CSV (audited). ``--case`` takes a case number even after the case was weeded.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli import print_json
from desktop.commands.store import (
    _bound,
    _common,
    _open,
)
from desktop.commands.texts import out
from storage.casefile import access_log
from storage.errors import QT_TRANSLATE_NOOP


def cmd_log(args: argparse.Namespace) -> int:
    since = _bound(args.date_from, "--from", end=False)
    until = _bound(args.date_to, "--to", end=True)
    store, _ = _open(args)
    with store:
        entries = access_log.access_log(
            store,
            case=args.case,
            user=args.user,
            since=since,
            until=until,
            reads_only=not args.all,
        )
        written = None
        if args.export:
            number = entries[0].case_number if args.case and entries else args.case
            written = access_log.export_access_log(
                store, Path(args.export), entries, case=number, user=args.user
            )
    if args.json:
        rows: list[dict[str, Any]] = [
            {
                "seq": e.seq,
                "ts": e.ts,
                "user": e.actor,
                "action": e.action,
                "case_number": e.case_number,
                "details": e.details,
            }
            for e in entries
        ]
        print_json({"entries": rows, "exported": written})
        return 0
    for e in entries:
        print(f"{e.ts[:19].replace('T', ' ')}  {e.actor:24}  {e.action:18}  {e.case_number}")
    out(QT_TRANSLATE_NOOP("Cli", "Log entries: {count}"), count=len(entries))
    if written is not None:
        out(QT_TRANSLATE_NOOP("Cli", "Exported to {file}."), file=args.export)
    return 0


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("log", help="the access log: who opened which case")
    _common(p)
    p.add_argument("--case", metavar="ID", help="a case number (or id)")
    p.add_argument("--user", metavar="NAME")
    p.add_argument("--from", dest="date_from", metavar="DATE")
    p.add_argument("--to", dest="date_to", metavar="DATE")
    p.add_argument("--all", action="store_true", help="every entry, not only reads")
    p.add_argument("--export", metavar="FILE", help="write the entries as CSV")
    p.set_defaults(func=cmd_log)
