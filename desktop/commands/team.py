"""Team continuity commands (docs/sync.md): ``share``, ``sync`` and ``conflicts``.

- ``share CASE --with CONTACT --role co|stand-in [--from D] [--until D]
  [--include-protected --reason R]`` — share a case with a colleague;
  ``share CASE --end CONTACT [--revoke]`` — end a share early (revoke: refuse their
  bundles); ``share CASE --hand-over CONTACT`` — make them the responsible caseworker;
  ``share CASE --list`` — who is on the case, in which role, what they have of ours;
- ``sync --folder DIR`` — write again what an interrupted run owed, import every change
  bundle for us in DIR, finish ended stand-in shares and remove cases handed over, write
  each colleague's change bundle there; ``sync --out DIR`` — only write;
  ``sync --import FILE…`` — only import these files;
- ``conflicts CASE`` — "Ändrat av båda": each conflict with its versions;
  ``conflicts CASE --resolve N (--choose K | --keep | --remove)`` — resolve one.

All take ``--store``, ``--passphrase-file``, ``--actor`` and ``--json``. Exit 0 / 1 / 2.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli import print_json
from desktop.commands.store import _common, _open
from desktop.i18n import translate_error
from storage.casefile.repo import resolve_case
from storage.casefile.summaries import case_summary
from storage.errors import QT_TRANSLATE_NOOP, UsageError
from storage.team.conflicts import Conflict, case_conflicts, resolve
from storage.team.shares import shared_case_of
from sync.bundle.staging import purge_staging
from sync.team import members
from sync.team.bundles import import_changes
from sync.team.folder import SyncReport, sync_folder, write_folder
from sync.team.standin import hand_over_responsibility


class ShareUsageError(UsageError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "utvag share needs CASE and one of --with CONTACT --role co|stand-in, --end CONTACT, "
        "--hand-over CONTACT or --list.",
    )
    code = "share_usage"


class SyncUsageError(UsageError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "utvag sync needs --folder DIR, --out DIR or --import FILE…"
    )
    code = "sync_usage"


class ResolveUsageError(UsageError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Choose conflict N (1 to {count}) and one of its versions (--choose K from 1 to "
        "{versions}), or --keep / --remove for a removed record.",
    )
    code = "conflict_usage"


def _member_row(m: members.Member) -> dict[str, Any]:
    return {
        "contact": m.contact_id,
        "caseworker": m.caseworker,
        "role": m.role,
        "valid_from": m.valid_from,
        "valid_until": m.valid_until,
        "protected": m.protected,
        "state": m.state,
        "has_our_changes_up_to": m.acked_clock,
        "removed_at": m.removed_at,
    }


def cmd_share(args: argparse.Namespace) -> int:
    chosen = [args.with_ is not None, args.end is not None, args.hand_over is not None, args.list]
    if sum(chosen) != 1 or (args.with_ is not None and args.role is None):
        raise ShareUsageError()
    store, _ = _open(args)
    with store:
        case_id = resolve_case(store, args.case)
        number = case_summary(store, case_id).case_number
        if args.with_ is not None:
            members.share_case(
                store,
                case_id,
                args.with_,
                args.role.replace("-", "_"),
                valid_from=args.from_,
                valid_until=args.until,
                include_protected=args.include_protected,
                reason=args.reason,
            )
        elif args.end is not None:
            members.end_share(store, case_id, args.end, revoke=args.revoke)
        elif args.hand_over is not None:
            hand_over_responsibility(store, case_id, args.hand_over)
        found = shared_case_of(store, case_id)
        rows = (
            []
            if found is None
            else [_member_row(m) for m in members.members(store, found.case_uid)]
        )
        role = None if found is None else found.role
    if args.json:
        print_json({"case_number": number, "our_role": role, "members": rows})
        return 0
    print(f"Ärende / case {number}: din roll / your role: {role or '-'}")
    for r in rows:
        dates = f" {r['valid_from']}–{r['valid_until']}" if r["valid_until"] else ""
        acked = r["has_our_changes_up_to"] or "-"
        print(f"  {r['contact']:4}  {r['caseworker']}  {r['role']}{dates}  {r['state']}  {acked}")
    return 0


def _report_row(report: SyncReport, removed: list[str]) -> dict[str, Any]:
    return {
        "imported": [
            {"contact": i.contact_id, "operations": i.operations, "conflicts": i.conflicts}
            for i in report.imported
        ],
        "written": [
            {
                "contact": w.contact_id,
                "file": w.path.name,
                "operations": w.operations,
                "more": w.more,
            }
            for w in report.written
        ],
        "refused": [{"file": name, "code": exc.code} for name, exc in report.refused],
        "superseded": report.superseded,
        "not_for_us": report.not_ours,
        "removed_cases": len(removed),
    }


def cmd_sync(args: argparse.Namespace) -> int:
    if sum(x is not None and x != [] for x in (args.folder, args.out, args.import_)) != 1:
        raise SyncUsageError()
    store, _ = _open(args)
    report = SyncReport()
    removed: list[str] = []
    with store:
        purge_staging(store)
        if args.import_:
            for name in args.import_:
                report.imported.append(import_changes(store, Path(name)))
        elif args.out is not None:
            write_folder(store, Path(args.out), report)
        else:
            report = sync_folder(store, Path(args.folder))
            removed = report.removed
    if args.json:
        print_json(_report_row(report, removed))
        return 0
    for i in report.imported:
        print(f"Inläst / imported: {i.operations} ändringar / changes, kontakt {i.contact_id}")
    for w in report.written:
        print(f"Skriven / written: {w.path.name} ({w.operations} ändringar / changes)")
    for name, exc in report.refused:
        print(f"Avvisad / refused: {name}: {translate_error(exc)}")
    if removed:
        print(
            "Borttagna ärenden (ersättare, överlämnade) / removed cases "
            f"(stand-in ended, handed over): {len(removed)}"
        )
    return 0


def _conflict_row(c: Conflict, names: dict[str, str]) -> dict[str, Any]:
    return {
        "table": c.table,
        "register": c.register,
        "fields": list(c.fields),
        "versions": [
            {
                "by": names.get(v.author, v.author),
                "clock": v.clock,
                "removal": v.removal,
                "values": {f: "••" for f in v.values} if c.protected else v.values,
            }
            for v in c.versions
        ],
    }


def cmd_conflicts(args: argparse.Namespace) -> int:
    store, _ = _open(args)
    with store:
        case_id = resolve_case(store, args.case)
        found = case_conflicts(store, case_id)
        names = members.author_names(store)
        if args.resolve is not None:
            n = args.resolve
            if not 1 <= n <= len(found):
                raise ResolveUsageError(count=len(found), versions=0)
            conflict = found[n - 1]
            if conflict.register == "~":
                if not (args.keep or args.remove):
                    raise ResolveUsageError(count=len(found), versions=len(conflict.versions))
                resolve(store, conflict, None, keep=bool(args.keep))
            else:
                k = args.choose
                if k is None or not 1 <= k <= len(conflict.versions):
                    raise ResolveUsageError(count=len(found), versions=len(conflict.versions))
                resolve(store, conflict, conflict.versions[k - 1].op_id)
            found = case_conflicts(store, case_id)
        rows = [_conflict_row(c, names) for c in found]
    if args.json:
        print_json(rows)
        return 0
    for n, row in enumerate(rows, 1):
        print(f"{n}. Ändrat av båda / changed by both: {row['table']} {', '.join(row['fields'])}")
        for k, v in enumerate(row["versions"], 1):
            what = "borttagen / removed" if v["removal"] else v["values"]
            print(f"   {k}) {v['by']} {v['clock']}: {what}")
    print(f"{len(rows)} konflikter / conflicts")
    return 0


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("share", help="share a case with a colleague; roles; end a share")
    _common(p)
    p.add_argument("case", metavar="CASE", help="case number or id")
    p.add_argument("--with", dest="with_", type=int, metavar="CONTACT", help="colleague id")
    p.add_argument("--role", choices=("co", "stand-in"), help="medhandläggare or ersättare")
    p.add_argument("--from", dest="from_", metavar="DATE", help="stand-in from (default today)")
    p.add_argument("--until", metavar="DATE", help="stand-in until (required for stand-in)")
    p.add_argument("--include-protected", action="store_true", help="send protected fields")
    p.add_argument("--reason", metavar="TEXT", help="why protected fields are shared (logged)")
    p.add_argument("--end", type=int, metavar="CONTACT", help="end this colleague's share")
    p.add_argument("--revoke", action="store_true", help="with --end: refuse their bundles")
    p.add_argument("--hand-over", type=int, metavar="CONTACT", help="make them responsible")
    p.add_argument("--list", action="store_true", help="who is on the case")
    p.set_defaults(func=cmd_share)

    p = subparsers.add_parser("sync", help="exchange change bundles with colleagues")
    _common(p)
    p.add_argument("--folder", metavar="DIR", help="the shared sync folder: import and write")
    p.add_argument("--out", metavar="DIR", help="only write change bundles into DIR")
    p.add_argument("--import", dest="import_", nargs="+", metavar="FILE", help="only import")
    p.set_defaults(func=cmd_sync)

    p = subparsers.add_parser("conflicts", help="changes made by two colleagues at once")
    _common(p)
    p.add_argument("case", metavar="CASE", help="case number or id")
    p.add_argument("--resolve", type=int, metavar="N", help="the conflict to resolve (1…)")
    p.add_argument("--choose", type=int, metavar="K", help="the version to keep (1…)")
    p.add_argument("--keep", action="store_true", help="keep a record one of you removed")
    p.add_argument("--remove", action="store_true", help="remove it after all")
    p.set_defaults(func=cmd_conflicts)
