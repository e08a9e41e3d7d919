"""Handover and receipt commands; also registers ``identity`` and ``contact``
(desktop/commands/contacts.py). docs/handover.md is the caseworker's guide.

- ``handover basis CASE --kind transfer|request_for_help --municipality M --decided-on D
  [--valid-until D] [--reference R]`` — record an överflyttning decision / request for help;
- ``handover export CASE --to CONTACT --out FILE [--sections a,b,…] [--include-protected]
  [--include-fictitious-identity] [--reason R] [--expires-days N] [--basis KIND]
  [--acknowledge-conflicts] [--no-post-quantum] [--preview]``;
- ``handover import FILE [--accept | --refuse REASON] [--receipt-out FILE]
  [--acknowledge-conflicts]`` — without --accept/--refuse: the preview only;
- ``handover list [CASE]`` — handovers and their state (and whether the bundle was written);
- ``handover cancel HANDOVER --reason R`` — a handover whose bundle was never written;
- ``receipt import|write|list`` (desktop/commands/receipts.py).

``handover export`` and ``handover import --accept/--refuse`` run again after an
interruption write the file the first run owed (the same bundle, the same receipt), never
a second one (sync/handover/resume.py, docs/handover.md §8).

All take ``--store``, ``--passphrase-file``, ``--actor`` and ``--json``. Exit 0 / 1 / 2;
a network conflict prints its report on standard output and fails with one line.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli import print_json
from desktop.commands import contacts as handover_contacts
from desktop.commands import receipts
from desktop.commands.handover_text import (
    conflict_rows,
    export_preview_row,
    handover_row,
    import_preview_row,
    print_conflicts,
    print_export_preview,
    print_import_preview,
)
from desktop.commands.store import (
    _common,
    _open,
)
from desktop.commands.texts import out
from storage.casefile.repo import resolve_case
from storage.casefile.summaries import case_summary
from storage.errors import (
    QT_TRANSLATE_NOOP,
    UsageError,
)
from storage.team.shares import active_colleagues
from sync.bundle.errors import ReplayedBundleError
from sync.bundle.staging import purge_staging
from sync.handover.errors import NetworkConflictError
from sync.handover.exporting import (
    ExportRequest,
    export_handover,
    preview_export,
)
from sync.handover.importing import (
    AcceptResult,
    RefuseResult,
    accept_import,
    preview_import,
    refuse_import,
)
from sync.handover.records import (
    handovers,
    record_legal_basis,
)
from sync.handover.resume import (
    cancel_unwritten,
    resume_decision,
)
from sync.handover.sections import SECTIONS


class ProtectedNeedsReasonError(UsageError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "--include-protected and --include-fictitious-identity need --reason: why they are "
        "sent (it is logged).",
    )
    code = "handover_needs_reason"


class OutRequiredError(UsageError):
    message = QT_TRANSLATE_NOOP("Errors", "handover export needs --out FILE (or --preview).")
    code = "handover_out_required"


def _sections(text: str) -> tuple[str, ...]:
    names = tuple(s.strip() for s in text.split(",") if s.strip())
    unknown = [s for s in names if s not in SECTIONS]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown section {unknown[0]!r} (choose from {', '.join(SECTIONS)})"
        )
    return names


def _conflict_failure(args: argparse.Namespace, exc: NetworkConflictError) -> None:
    if exc.report is not None:
        if args.json:
            print_json({"conflicts": conflict_rows(exc.report)})
        else:
            print_conflicts(exc.report)
    raise exc


def cmd_basis(args: argparse.Namespace) -> int:
    store, _ = _open(args)
    with store:
        case_id = resolve_case(store, args.case)
        basis_id = record_legal_basis(
            store,
            case_id,
            kind=args.kind,
            municipality=args.municipality,
            decided_on=args.decided_on,
            valid_until=args.valid_until,
            reference=args.reference,
        )
        number = case_summary(store, case_id).case_number
    if args.json:
        print_json({"basis_id": basis_id, "case_number": number, "kind": args.kind})
    else:
        print(f"Rättslig grund / legal basis {basis_id} ({args.kind}) registrerad för {number}.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    if (args.include_protected or args.include_fictitious) and not (
        args.reason and args.reason.strip()
    ):
        raise ProtectedNeedsReasonError()
    if not args.preview and not args.out:
        raise OutRequiredError()
    store, _ = _open(args)
    with store:
        request = ExportRequest(
            resolve_case(store, args.case),
            args.to,
            sections=args.sections,
            include_protected=args.include_protected,
            include_fictitious=args.include_fictitious,
            reason=args.reason,
            expires_days=args.expires_days,
            legal_basis=args.basis,
            post_quantum=False if args.no_post_quantum else None,
        )
        if args.preview:
            preview = preview_export(store, request)
            if args.json:
                print_json(export_preview_row(preview))
            else:
                print_export_preview(preview)
            return 0
        try:
            result = export_handover(
                store, request, Path(args.out), acknowledge_conflicts=args.acknowledge_conflicts
            )
        except NetworkConflictError as exc:
            _conflict_failure(args, exc)
            raise
        shared_with = active_colleagues(store, request.case_id)
    row = {k: str(v) if isinstance(v, Path) else v for k, v in result.__dict__.items()}
    row["shared_with"] = shared_with
    if args.json:
        print_json(row)
        return 0
    if shared_with:
        out(
            QT_TRANSLATE_NOOP(
                "Cli",
                "Shared with colleagues: {count}. What they have not synced to you is not in "
                "the handover; when the receipt is imported their shares end and their copies "
                "are removed.",
            ),
            count=len(shared_with),
        )
    if result.resumed:
        print(
            "Samma överlämning som förut, ingen ny bunt / the same handover as before, "
            "no new bundle (an earlier run was interrupted or ran with the same choices)."
        )
    print(f"Överlämning skriven / handover written: {result.path}")
    print(f"Ärende {result.case_number}: överlämnat, inväntar kvitto / awaiting receipt")
    print(f"Bunt-id / bundle id: {result.bundle_id}   giltig till / expires: {result.expires}")
    print(f"SHA-256: {result.sha256}")
    print(f"Delar / sections: {', '.join(result.sections)}")
    if result.conflicts_acknowledged:
        print(
            f"Bekräftade nätverkskonflikter / acknowledged conflicts: "
            f"{result.conflicts_acknowledged}"
        )
    return 0


def cmd_cancel(args: argparse.Namespace) -> int:
    store, _ = _open(args)
    with store:
        record = cancel_unwritten(store, args.handover, args.reason)
        row = handover_row(store, record)
    if args.json:
        print_json(row)
        return 0
    print(
        f"Överlämning / handover {record.id} ({row['case_number']}) makulerad / cancelled: "
        f"bunten {record.bundle_id} skrevs aldrig och skrivs inte / was never written."
    )
    print("Ärendet kan lämnas över igen / the case can be handed over again.")
    return 0


def _default_receipt(path: Path) -> Path:
    return path.with_name(f"{path.stem}-kvitto.utvag")


def cmd_import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    receipt_out = Path(args.receipt_out) if args.receipt_out else _default_receipt(path)
    store, _ = _open(args)
    with store:
        purge_staging(store)
        try:
            preview = preview_import(store, path)
        except ReplayedBundleError as exc:
            if not (args.accept or args.refuse is not None):
                raise
            # decided before (e.g. a run killed after its commit): the same decision gets
            # its receipt, never a second import
            resumed = resume_decision(
                store, str(exc.params.get("bundle")), accept=args.accept, receipt_out=receipt_out
            )
            return _print_decision(args, resumed)
        try:
            if args.accept:
                try:
                    result: Any = accept_import(
                        store,
                        preview,
                        receipt_out=receipt_out,
                        acknowledge_conflicts=args.acknowledge_conflicts,
                    )
                except NetworkConflictError as exc:
                    _conflict_failure(args, exc)
                    raise
            elif args.refuse is not None:
                result = refuse_import(store, preview, args.refuse, receipt_out=receipt_out)
            else:
                if args.json:
                    print_json(import_preview_row(preview))
                else:
                    print_import_preview(preview)
                return 0
        finally:
            preview.discard()
    return _print_decision(args, result)


def _print_decision(args: argparse.Namespace, result: AcceptResult | RefuseResult) -> int:
    row = {k: str(v) if isinstance(v, Path) else v for k, v in result.__dict__.items()}
    if args.json:
        print_json({"status": "accepted" if args.accept else "refused", **row})
        return 0
    if result.resumed:
        print(
            "Överlämningen var redan avgjord (en tidigare körning avbröts); kvittot är skrivet. "
            "/ Already decided (an earlier run was interrupted); the receipt is written."
        )
    if isinstance(result, AcceptResult):
        print(f"Ärendet importerat som / case imported as {result.case_number}.")
    else:
        print(f"Överlämningen vägrad / handover refused: {result.reason}")
    print(f"Kvitto att skicka till avsändaren / receipt for the sender: {result.receipt_path}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    store, _ = _open(args)
    with store:
        case_id = resolve_case(store, args.case) if args.case else None
        rows = [handover_row(store, h) for h in handovers(store, case_id)]
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        print(
            f"{r['id']:4} {r['case_number']:16} {r['state']:17} {r['receiving_municipality']:16} "
            f"{r['sent_at'] or '-':21} {r['bundle_id']}"
        )
        if r["bundle_file"] == "sealed" and r["state"] == "awaiting_receipt":
            print(
                "    bunten skrevs aldrig / the bundle was never written: export again with "
                f"the same choices, or 'utvag handover cancel {r['id']} --reason …'"
            )
        if r["receipt_reason"]:
            print(f"    skäl / reason: {r['receipt_reason']}")
        if r["cancel_reason"]:
            print(f"    makulerad / cancelled: {r['cancel_reason']}")
    print(f"{len(rows)} överlämningar / handovers")
    return 0


def register(subparsers: Any) -> None:
    handover_contacts.register(subparsers)
    group = subparsers.add_parser("handover", help="hand a case to another municipality")
    sub = group.add_subparsers(dest="handover_command", metavar="COMMAND", required=True)
    p = sub.add_parser("basis", help="record an överflyttning decision or a request for help")
    _common(p)
    p.add_argument("case", metavar="CASE", help="case number or id")
    p.add_argument("--kind", required=True, choices=("transfer", "request_for_help"))
    p.add_argument("--municipality", required=True, metavar="M")
    p.add_argument("--decided-on", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--valid-until", metavar="YYYY-MM-DD")
    p.add_argument("--reference", metavar="R", help="diarienummer")
    p.set_defaults(func=cmd_basis)

    p = sub.add_parser("export", help="write a case as a signed, encrypted bundle")
    _common(p)
    p.add_argument("case", metavar="CASE", help="case number or id")
    p.add_argument("--to", required=True, type=int, metavar="CONTACT", help="contact id")
    p.add_argument("--out", metavar="FILE", help="the bundle to write (.utvag)")
    p.add_argument(
        "--sections",
        type=_sections,
        metavar="A,B,…",
        help=f"what to send (from {', '.join(SECTIONS)})",
    )
    p.add_argument(
        "--include-protected",
        action="store_true",
        help="send protected names, personnummer and addresses (needs --reason)",
    )
    p.add_argument(
        "--include-fictitious-identity",
        dest="include_fictitious",
        action="store_true",
        help="send the fictitious identity (needs --reason)",
    )
    p.add_argument("--reason", metavar="R", help="why protected data is sent (logged)")
    p.add_argument("--expires-days", type=int, default=14, metavar="N")
    p.add_argument("--basis", choices=("consent", "transfer", "request_for_help"))
    p.add_argument("--acknowledge-conflicts", action="store_true")
    p.add_argument(
        "--no-post-quantum",
        action="store_true",
        help="X25519 only (for a receiver with stock age < 1.3)",
    )
    p.add_argument("--preview", action="store_true", help="check and show; write nothing")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import", help="preview, accept or refuse a received bundle")
    _common(p)
    p.add_argument("file", metavar="FILE")
    choice = p.add_mutually_exclusive_group()
    choice.add_argument("--accept", action="store_true")
    choice.add_argument("--refuse", metavar="REASON")
    p.add_argument(
        "--receipt-out",
        metavar="FILE",
        help="where to write the receipt (default: FILE-kvitto.utvag)",
    )
    p.add_argument("--acknowledge-conflicts", action="store_true")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("list", help="handovers and their state")
    _common(p)
    p.add_argument("case", metavar="CASE", nargs="?")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser(
        "cancel", help="cancel a handover whose bundle was never written (after a crash)"
    )
    _common(p)
    p.add_argument("handover", metavar="HANDOVER", type=int, help="handover id (handover list)")
    p.add_argument("--reason", required=True, metavar="R", help="why (logged)")
    p.set_defaults(func=cmd_cancel)

    receipts.register(subparsers)
