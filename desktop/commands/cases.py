"""Case commands: ``utvag case list|show|import`` and ``utvag demo``.

- ``case list [--query Q] [--status S] [--type T] [--limit N] [--json]`` — masked rows.
- ``case show ID [--reveal --reason R] [--json]`` — ID is a case number or a case id; the
  names, personnummer, fictitious identity and latest protected address are shown only with
  ``--reveal`` and a reason, and every field shown is written to the audit log.
- ``case import FILE`` — the JSON format of docs/case-import.md; all or nothing.
- ``demo --cases N [--seed S]`` — adds clearly fictional demo cases (storage/demo/build.py).

All take ``--store DIR``, ``--passphrase-file FILE``, ``--actor NAME`` and ``--json``, and
open the store the way desktop/commands/store.py does. Exit status 0 / 1 / 2.
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
from storage.case_import import reader as case_import
from storage.casefile import (
    cases,
    journal,
    persons,
    placements,
)
from storage.casefile.case_list import list_case_ids
from storage.casefile.protection import (
    RevealField,
    reveal,
)
from storage.casefile.repo import resolve_case
from storage.casefile.summaries import (
    case_summaries,
    case_summary,
)
from storage.demo import build as demo
from storage.errors import (
    QT_TRANSLATE_NOOP,
    UsageError,
)
from storage.records import (
    CaseStatus,
    CaseSummary,
    CaseType,
    JournalEntry,
    Person,
    ProtectionLevel,
)
from storage.vault.store import Store


class RevealNeedsReasonError(UsageError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "--reveal needs --reason: why you open the protected fields (it is logged)."
    )
    code = "reveal_needs_reason"


class DemoSizeError(UsageError):
    message = QT_TRANSLATE_NOOP("Errors", "--cases must be a number from 1 to 100000.")
    code = "demo_size"


def _row(s: CaseSummary) -> dict[str, Any]:
    return {
        "id": s.case_id,
        "case_number": s.case_number,
        "label": s.label,
        "case_type": s.case_type.value,
        "status": s.status.value,
        "protection_level": s.protection_level.value,
        "caseworker": s.caseworker,
        "opened_on": s.opened_on.isoformat(),
        "closed_on": s.closed_on.isoformat() if s.closed_on else None,
        "demo": s.demo,
    }


def cmd_list(args: argparse.Namespace) -> int:
    store, _ = _open(args)
    with store:
        ids = list_case_ids(
            store, query=args.query, status=args.status, case_type=args.type, limit=args.limit
        )
        rows = case_summaries(store, ids[: args.limit] if args.limit else ids)
    if args.json:
        print_json([_row(s) for s in rows])
        return 0
    for s in rows:
        print(f"{s.label:32}  {s.status.label:20}  {s.case_type.label:14}  {s.opened_on}")
    print(f"{len(rows)} ärenden / cases")
    return 0


def _revealed(store: Store, case_id: int, reason: str) -> dict[str, Any]:
    """Every protected field of the case, each read through the audited reveal."""
    out: dict[str, Any] = {"persons": {}, "address": None}
    for p in persons.persons(store, case_id):
        entry = {
            field.value: reveal(store, case_id, field, reason, person_id=p.id)
            for field in (RevealField.NAME, RevealField.PERSONNUMMER)
        }
        if p.has_fictitious_identity:
            field = RevealField.NEW_IDENTITY
            entry[field.value] = reveal(store, case_id, field, reason, person_id=p.id)
        out["persons"][p.id] = entry
    if any(pl.has_address for pl in placements.placements(store, case_id)):
        out["address"] = reveal(store, case_id, RevealField.ADDRESS, reason)
    return out


def _person(p: Person) -> dict[str, Any]:
    return {
        "id": p.id,
        "role": p.role.value,
        "relation": p.relation,
        "birth_year": p.birth_year,
        "gender": p.gender.value,
        "protection_level": p.protection_level.value,
        "id_kind": p.id_kind,
        "fictitious_identity": p.has_fictitious_identity,
    }


def _entry(e: JournalEntry) -> dict[str, Any]:
    return {
        "id": e.id,
        "version": e.version,
        "written_at": e.written_at,
        "author": e.author,
        "text": e.text,
        "correction_reason": e.correction_reason,
        "erroneous": e.is_erroneous,
        "erroneous_reason": e.erroneous_reason,
    }


def _details(store: Store, case_id: int) -> dict[str, Any]:
    c = cases.get_case(store, case_id)
    return {
        **_row(case_summary(store, case_id)),
        "outcome": c.outcome.value if c.outcome else None,
        "home_municipality": c.home_municipality,
        "stay_municipality": c.stay_municipality,
        "referral_source": c.referral_source,
        "gallring_exempt": c.gallring_exempt,
        "persons": [_person(p) for p in persons.persons(store, case_id)],
        "journal": [
            {**_entry(t.current), "earlier": [_entry(e) for e in t.earlier]}
            for t in journal.journal(store, case_id)
        ],
    }


def _print_details(d: dict[str, Any]) -> None:
    kind, status = CaseType(d["case_type"]).label, CaseStatus(d["status"]).label
    print(f"{d['label']}  ({kind}, {status})")
    print(f"Bosättningskommun: {d['home_municipality']}")
    print(f"Vistelsekommun: {d['stay_municipality'] or '-'}")
    print(f"Handläggare: {d['caseworker']}")
    print(f"Öppnat: {d['opened_on']}   Avslutat: {d['closed_on'] or '-'}")
    revealed = d.get("revealed", {})
    for p in d["persons"]:
        shown = revealed.get("persons", {}).get(p["id"])
        who = "(dolt / hidden)"
        if shown:
            who = " ".join(str(shown[k]) for k in ("name", "personnummer") if shown.get(k))
            if shown.get("new_identity"):
                who += f"; ny identitet: {shown['new_identity']}"
        level = ProtectionLevel(p["protection_level"]).label
        print(f"  {p['role']:9} {who}  född {p['birth_year'] or '-'}  skydd: {level}")
    if revealed.get("address"):
        print(f"  Skyddad adress: {revealed['address']}")
    print(f"Journal ({len(d['journal'])}):")
    for e in d["journal"]:
        mark = " [felmarkerad]" if e["erroneous"] else ""
        if e["earlier"]:
            mark += f" [rättad, version {e['version']}: {e['correction_reason']}]"
        print(f"  {e['written_at']} {e['author']}{mark}: {e['text']}")


def cmd_show(args: argparse.Namespace) -> int:
    if args.reveal and not (args.reason and args.reason.strip()):
        raise RevealNeedsReasonError()
    store, _ = _open(args)
    with store:
        case_id = resolve_case(store, args.case)
        details = _details(store, case_id)
        if args.reveal:
            details["revealed"] = _revealed(store, case_id, args.reason)
    if args.json:
        print_json(details)
    else:
        _print_details(details)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    store, _ = _open(args)
    with store:
        ids = case_import.import_file(store, Path(args.file))
        numbers = [case_summary(store, i).case_number for i in ids]
    if args.json:
        print_json({"imported": len(ids), "case_numbers": numbers})
    else:
        print(f"{len(ids)} ärenden importerade / cases imported: {', '.join(numbers)}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    if args.cases < 1 or args.cases > 100_000:
        raise DemoSizeError()
    store, _ = _open(args)
    with store:
        result = demo.build_demo(store, cases=args.cases, seed=args.seed)
    if args.json:
        print_json(result.__dict__)
    else:
        print(
            f"Demo: {result.cases} fictional cases, {result.journal_entries} journal entries, "
            f"{result.documents} documents in {result.seconds:.1f} s."
        )
    return 0


def register(subparsers: Any) -> None:
    group = subparsers.add_parser("case", help="case files: list, show, import")
    sub = group.add_subparsers(dest="case_command", metavar="COMMAND", required=True)
    p = sub.add_parser("list", help="list cases (masked)")
    _common(p)
    p.add_argument("--query", metavar="Q", help="full-text search")
    p.add_argument("--status", metavar="S", choices=CaseStatus.codes())
    p.add_argument("--type", metavar="T", choices=CaseType.codes())
    p.add_argument("--limit", metavar="N", type=int)
    p.set_defaults(func=cmd_list)
    p = sub.add_parser("show", help="show one case; protected fields only with --reveal")
    _common(p)
    p.add_argument("case", metavar="ID", help="case number (UV-2026-0001) or case id")
    p.add_argument("--reveal", action="store_true", help="show protected fields (logged)")
    p.add_argument("--reason", metavar="R", help="why the protected fields are opened")
    p.set_defaults(func=cmd_show)
    p = sub.add_parser("import", help="import cases from a JSON file (docs/case-import.md)")
    _common(p)
    p.add_argument("file", metavar="FILE")
    p.set_defaults(func=cmd_import)
    p = subparsers.add_parser("demo", help="add clearly fictional demo cases to a store")
    _common(p)
    p.add_argument("--cases", metavar="N", type=int, default=50)
    p.add_argument("--seed", metavar="S", type=int, default=1)
    p.set_defaults(func=cmd_demo)
