"""Case commands: ``utvag case list|show|new|status|find|link|import`` and ``utvag demo``.

- ``case list [--query Q] [--status S] [--type T] [--limit N] [--json]`` — masked rows; a
  query that is a personnummer finds exactly that person.
- ``case show ID [--reveal --reason R] [--json]`` — ID is a case number or a case id; the
  names, personnummer, fictitious identity and latest protected address are shown only with
  ``--reveal`` and a reason, and every field shown is written to the audit log. Opening
  the case is logged (``case.open``, storage/casefile/access_log.py).
- ``case new --type T --home M [--stay M] [--referral R] [--opened DATE] [--person-file
  FILE] [--link-duplicates]`` — a new case; its principal person from a JSON file (the
  import format's ``person`` object), never from arguments that shell history and the
  process list would keep. A person already in another case is reported ("finns redan i
  ärende UV-…") and linked with ``--link-duplicates``.
- ``case status ID [--set STATUS [--outcome O]]`` — show the status and the allowed next
  ones, or move the case.
- ``case find [--number-file FILE]`` — the cases of a personnummer or samordningsnummer in
  any common form, read from the file or the terminal (not an argument).
- ``case link ID OTHER`` / ``case unlink ID OTHER`` — the same person in two cases.
- ``case import FILE [--link-duplicates]`` — the JSON format of docs/case-import.md; all or
  nothing; persons already in our cases are reported (and linked with the option). On a
  terminal a line shows how many cases are done; Ctrl+C cancels (one transaction: nothing
  is imported, ``import_cancelled``).
- ``demo --cases N [--seed S]`` — adds clearly fictional demo cases (storage/demo/build.py).

All take ``--store DIR``, ``--passphrase-file FILE``, ``--actor NAME`` and ``--json``, and
open the store the way desktop/commands/store.py does. Exit status 0 / 1 / 2.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from desktop.cli import print_json
from desktop.commands import case_edit
from desktop.commands.case_edit import (
    duplicate_row,
    link_duplicates,
    print_duplicates,
)
from desktop.commands.store import (
    _common,
    _open,
)
from desktop.commands.texts import (
    DASH,
    label,
    out,
    say,
)
from storage.case_import import reader as case_import
from storage.casefile import (
    cases,
    journal,
    people,
    persons,
    placements,
)
from storage.casefile.access_log import log_case_open
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
    EntryType,
    JournalEntry,
    Person,
    PersonRole,
    ProtectionLevel,
)
from storage.records.errors import ImportCancelledError
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
        print(f"{s.label:32}  {label(s.status):24}  {label(s.case_type):22}  {s.opened_on}")
    out(QT_TRANSLATE_NOOP("Cli", "Cases: {count}"), count=len(rows))
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
        "event_date": e.event_on.isoformat(),
        "entry_type": e.entry_type.value,
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
    kind, status = label(CaseType(d["case_type"])), label(CaseStatus(d["status"]))
    print(f"{d['label']}  ({kind}, {status})")
    out(QT_TRANSLATE_NOOP("Cli", "Home municipality: {name}"), name=d["home_municipality"])
    out(QT_TRANSLATE_NOOP("Cli", "Stay municipality: {name}"), name=d["stay_municipality"] or DASH)
    out(QT_TRANSLATE_NOOP("Cli", "Caseworker: {name}"), name=d["caseworker"])
    out(
        QT_TRANSLATE_NOOP("Cli", "Opened: {opened}   Closed: {closed}"),
        opened=d["opened_on"],
        closed=d["closed_on"] or DASH,
    )
    revealed = d.get("revealed", {})
    for p in d["persons"]:
        shown = revealed.get("persons", {}).get(p["id"])
        who = say(QT_TRANSLATE_NOOP("Cli", "(hidden)"))
        if shown:
            who = " ".join(str(shown[k]) for k in ("name", "personnummer") if shown.get(k))
            if shown.get("new_identity"):
                who += "; " + say(
                    QT_TRANSLATE_NOOP("Cli", "new identity: {identity}"),
                    identity=shown["new_identity"],
                )
        print(
            "  "
            + say(
                QT_TRANSLATE_NOOP("Cli", "{role}: {who}, born {year}, protection: {level}"),
                role=label(PersonRole(p["role"])),
                who=who,
                year=p["birth_year"] or DASH,
                level=label(ProtectionLevel(p["protection_level"])),
            )
        )
    if revealed.get("address"):
        out(QT_TRANSLATE_NOOP("Cli", "  Protected address: {address}"), address=revealed["address"])
    out(QT_TRANSLATE_NOOP("Cli", "Journal entries: {count}"), count=len(d["journal"]))
    for e in d["journal"]:
        print_entry(e)


def print_entry(e: dict[str, Any]) -> None:
    """One journal entry (a ``_entry`` row) as text."""
    mark = ""
    if e["erroneous"]:
        mark += " [" + say(QT_TRANSLATE_NOOP("Cli", "marked erroneous")) + "]"
    if e["version"] > 1:
        mark += (
            " ["
            + say(
                QT_TRANSLATE_NOOP("Cli", "corrected, version {version}: {reason}"),
                version=e["version"],
                reason=e["correction_reason"],
            )
            + "]"
        )
    kind = label(EntryType(e["entry_type"]))
    print(f"  #{e['id']} {e['event_date']} ({kind}) {e['author']}{mark}: {e['text']}")


def cmd_show(args: argparse.Namespace) -> int:
    if args.reveal and not (args.reason and args.reason.strip()):
        raise RevealNeedsReasonError()
    store, _ = _open(args)
    with store:
        case_id = resolve_case(store, args.case)
        log_case_open(store, case_id, via="cli")
        details = _details(store, case_id)
        if args.reveal:
            details["revealed"] = _revealed(store, case_id, args.reason)
    if args.json:
        print_json(details)
    else:
        _print_details(details)
    return 0


# The terminal's "erase to the end of the line", after a line shorter than the one before.
CLEAR_TO_END = "\x1b[K"


class _ProgressLine:
    """``Importing cases: 1 200 of 10 000`` on one terminal line, redrawn at most 5 times a
    second (only when standard error is a terminal: scripts get one line per error)."""

    def __init__(self) -> None:
        self.shown = sys.stderr.isatty()
        self._last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if not self.shown or (done not in (0, total) and now - self._last < 0.2):
            return
        self._last = now
        line = say(
            QT_TRANSLATE_NOOP("Cli", "Cases read in: {total}. Saving…")
            if case_import.all_read(done, total)
            else QT_TRANSLATE_NOOP("Cli", "Importing cases: {done} of {total}"),
            done=f"{done:,}".replace(",", "\u00a0"),
            total=f"{total:,}".replace(",", "\u00a0"),
        )
        sys.stderr.write("\r" + line + CLEAR_TO_END)
        sys.stderr.flush()

    def end(self) -> None:
        if self.shown and self._last:
            sys.stderr.write("\n")
            sys.stderr.flush()


def cmd_import(args: argparse.Namespace) -> int:
    store, _ = _open(args)
    line = _ProgressLine()
    with store:
        try:
            ids = case_import.import_file(store, Path(args.file), progress=line)
        except KeyboardInterrupt:  # Ctrl+C: the transaction rolled back
            raise ImportCancelledError() from None
        finally:
            line.end()
        numbers = [case_summary(store, i).case_number for i in ids]
        found = people.duplicates_of_cases(store, ids)
        linked = link_duplicates(store, found) if args.link_duplicates else []
    if args.json:
        print_json(
            {
                "imported": len(ids),
                "case_numbers": numbers,
                "duplicates": [duplicate_row(d) for d in found],
                "linked": linked,
            }
        )
    else:
        out(
            QT_TRANSLATE_NOOP("Cli", "Cases imported: {count} ({numbers})"),
            count=len(ids),
            numbers=", ".join(numbers),
        )
        print_duplicates(found, linked)
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
        out(
            QT_TRANSLATE_NOOP(
                "Cli",
                "Demo data (fictional): cases {cases}, journal entries {entries}, documents "
                "{documents}; {seconds} s.",
            ),
            cases=result.cases,
            entries=result.journal_entries,
            documents=result.documents,
            seconds=f"{result.seconds:.1f}",
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
    p.add_argument(
        "--link-duplicates", action="store_true", help="link persons already in our cases"
    )
    p.set_defaults(func=cmd_import)
    case_edit.register(sub)
    p = subparsers.add_parser("demo", help="add clearly fictional demo cases to a store")
    _common(p)
    p.add_argument("--cases", metavar="N", type=int, default=50)
    p.add_argument("--seed", metavar="S", type=int, default=1)
    p.set_defaults(func=cmd_demo)
