"""Receipt commands (registered by ``desktop/commands/handover.py``); docs/handover.md §4, §8.

- ``receipt import FILE`` — at the sender: the handover is accepted (the case becomes
  överlämnad) or refused;
- ``receipt write HANDOVER --out FILE`` — at the receiver: write the receipt of a handover
  we accepted or refused again (HANDOVER = the received bundle id, or the number of the
  case it became): byte-identical while the sender can still import it, else a freshly
  signed receipt with the same content (sync/handover/resume.py); audited;
- ``receipt list`` — the handovers we decided on, with their receipts and whether each
  receipt's file was written.

All take ``--store``, ``--passphrase-file``, ``--actor`` and ``--json``. Exit 0 / 1 / 2.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli import print_json
from desktop.commands.store import (
    _common,
    _open,
)
from desktop.commands.texts import out
from storage.errors import QT_TRANSLATE_NOOP
from sync.bundle.staging import purge_staging
from sync.handover.receipts import import_receipt
from sync.handover.received import (
    received_handovers,
    write_receipt,
)


def cmd_receipt_import(args: argparse.Namespace) -> int:
    store, _ = _open(args)
    with store:
        purge_staging(store)
        result = import_receipt(store, Path(args.file))
    row = dict(result.__dict__)
    row["case_status"] = result.case_status.value
    row["shares_ended"] = list(result.shares_ended)
    if args.json:
        print_json(row)
        return 0
    who = f"{result.receiver_municipality} ({result.receiver_unit}, {result.receiver_caseworker})"
    if result.accepted:
        print(f"Kvitto: {who} tog emot ärende {result.case_number} den {result.received_at}.")
        print(f"Ärendets status / case status: {result.case_status.label}")
        if result.gallring_due_on:
            print(
                f"Gallras / weeded on: {result.gallring_due_on} (five years after the last entry)"
            )
        if result.shares_ended:
            out(
                QT_TRANSLATE_NOOP(
                    "Cli",
                    "Shares ended: {count}. The colleagues learn it at their next sync and "
                    "remove their copies.",
                ),
                count=len(result.shares_ended),
            )
    else:
        print(f"VÄGRAT / REFUSED by {who}: {result.reason}")
        print(
            f"Ärende {result.case_number} är kvar hos er / stays open "
            f"({result.case_status.label}); en påminnelse har lagts till."
        )
    return 0


def cmd_receipt_write(args: argparse.Namespace) -> int:
    store, _ = _open(args)
    with store:
        written = write_receipt(store, args.handover, Path(args.out))
    row = {k: str(v) if isinstance(v, Path) else v for k, v in written.__dict__.items()}
    if args.json:
        print_json(row)
        return 0
    if written.mode == "identical":
        print(
            f"Kvittot skrivet igen, oförändrat / receipt written again, unchanged: {written.path}"
        )
    else:
        print(
            f"Nytt kvitto med samma innehåll / a new receipt with the same content: {written.path}"
        )
        print(
            "(det förra hade gått ut eller var signerat med en äldre nyckel / the previous "
            "one had expired or was signed with an older key)"
        )
    print(f"Överlämning / handover {written.bundle_id}: {written.status}")
    print(f"Kvittots bunt-id / receipt bundle id: {written.receipt_bundle_id}")
    print(f"SHA-256: {written.sha256}")
    return 0


def _received_row(r: Any) -> dict[str, Any]:
    return {k: str(v) if isinstance(v, Path) else v for k, v in r.__dict__.items()}


def cmd_receipt_list(args: argparse.Namespace) -> int:
    store, _ = _open(args)
    with store:
        rows = [_received_row(r) for r in received_handovers(store)]
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        written = {True: "skrivet / written", False: "INTE SKRIVET / NOT WRITTEN"}.get(
            r["receipt_written"], "-"
        )
        print(
            f"{r['bundle_id']}  {r['status']:8}  {r['sender_municipality']:16} "
            f"{r['case_number'] or '-':16} kvitto / receipt: {written}"
        )
    print(f"{len(rows)} mottagna överlämningar / received handovers")
    return 0


def register(subparsers: Any) -> None:
    group = subparsers.add_parser("receipt", help="receipts for handovers")
    sub = group.add_subparsers(dest="receipt_command", metavar="COMMAND", required=True)
    p = sub.add_parser("import", help="import a receipt: the case becomes överlämnad")
    _common(p)
    p.add_argument("file", metavar="FILE")
    p.set_defaults(func=cmd_receipt_import)
    p = sub.add_parser("write", help="write the receipt of a received handover again")
    _common(p)
    p.add_argument(
        "handover", metavar="HANDOVER", help="the received bundle id, or the case it became"
    )
    p.add_argument("--out", required=True, metavar="FILE", help="the receipt to write (.utvag)")
    p.set_defaults(func=cmd_receipt_write)
    p = sub.add_parser("list", help="handovers received here and their receipts")
    _common(p)
    p.set_defaults(func=cmd_receipt_list)
