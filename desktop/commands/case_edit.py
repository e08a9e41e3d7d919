"""``utvag case new|status|find|link|unlink`` (registered by desktop/commands/cases.py), and
the duplicate report every command that adds persons shares.

Personal data never comes as an argument (shell history and the process list keep
arguments): ``case new`` reads its person from ``--person-file`` (a JSON object as in the
case-import format, ``-`` for standard input), ``case find`` reads the number from
``--number-file`` or asks on the terminal.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.cli import print_json
from desktop.commands.store import (
    _common,
    _open,
)
from desktop.commands.texts import (
    label,
    out,
    say,
)
from storage.case_import.fields import PERSON
from storage.casefile import (
    cases,
    people,
    persons,
)
from storage.casefile.access_log import log_case_open
from storage.casefile.repo import resolve_case
from storage.casefile.summaries import case_summary
from storage.errors import (
    QT_TRANSLATE_NOOP,
    UsageError,
)
from storage.json_input import (
    UntrustedJsonError,
    loads_untrusted,
)
from storage.records import (
    STATUS_TRANSITIONS,
    CaseStatus,
    CaseType,
    Outcome,
)
from storage.records.errors import UnknownFieldError
from storage.vault.store import Store

MAX_INPUT = 64 * 1024


class PersonFileError(UsageError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "{option}: the file must hold one JSON object with the person's fields "
        "(name, personnummer, ...).",
    )
    code = "person_file"


class NumberNeededError(UsageError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Give the personnummer in a file (--number-file FILE, - for standard input) or run "
        "the command in a terminal; it is never taken as an argument.",
    )
    code = "number_needed"


def read_input(path: str, option: str, error: type[UsageError]) -> str:
    """The text of a small file, or of standard input for ``-``."""
    try:
        if path == "-":
            return sys.stdin.read(MAX_INPUT + 1)[:MAX_INPUT]
        with Path(path).open("r", encoding="utf-8") as fh:
            return fh.read(MAX_INPUT)
    except (OSError, UnicodeDecodeError):
        raise error(option=option) from None


def _person(args: argparse.Namespace) -> dict[str, Any] | None:
    if not args.person_file:
        return None
    text = read_input(args.person_file, "--person-file", PersonFileError)
    try:
        data = loads_untrusted(text)
    except UntrustedJsonError:
        raise PersonFileError(option="--person-file") from None
    if not isinstance(data, dict) or "name" not in data:
        raise PersonFileError(option="--person-file")
    for key in data:
        if key not in PERSON:
            raise UnknownFieldError(field=f"person.{key}")
    return dict(data)


def duplicate_row(d: people.Duplicate | people.PersonMatch) -> dict[str, Any]:
    match = d.match if isinstance(d, people.Duplicate) else d
    row = {
        "case_id": match.case_id,
        "case_number": match.case_number,
        "label": match.summary.label,
        "role": match.role.value,
    }
    if isinstance(d, people.Duplicate):
        row["new_case_id"] = d.case_id
    return row


def link_duplicates(store: Store, found: list[people.Duplicate]) -> list[list[int]]:
    linked = []
    for d in found:
        if d.case_id is not None and people.link_cases(store, d.case_id, d.match.case_id):
            linked.append([d.case_id, d.match.case_id])
    return linked


def print_duplicates(found: list[people.Duplicate], linked: list[list[int]]) -> None:
    done = {tuple(pair) for pair in linked}
    for d in found:
        out(
            QT_TRANSLATE_NOOP("Cli", "The person already exists in case {number}."),
            number=d.match.case_number,
        )
        if (d.case_id, d.match.case_id) in done:
            out(QT_TRANSLATE_NOOP("Cli", "  The cases are now linked."))
    if found and not linked:
        out(QT_TRANSLATE_NOOP("Cli", "Link them with --link-duplicates, or go on as it is."))


def cmd_new(args: argparse.Namespace) -> int:
    person = _person(args)
    store, _ = _open(args)
    with store:
        with store.transaction():
            case_id = cases.create_case(
                store,
                case_type=args.type,
                home_municipality=args.home,
                stay_municipality=args.stay,
                referral_source=args.referral,
                opened_on=args.opened,
            )
            found: list[people.Duplicate] = []
            if person is not None:
                pid = persons.add_person(store, case_id, **person)
                found = [
                    people.Duplicate(f"person {pid}", m, case_id)
                    for m in people.duplicates(
                        store, person.get("personnummer"), exclude_case_id=case_id
                    )
                ]
            linked = link_duplicates(store, found) if args.link_duplicates else []
        number = case_summary(store, case_id).case_number
    if args.json:
        print_json(
            {
                "id": case_id,
                "case_number": number,
                "duplicates": [duplicate_row(d) for d in found],
                "linked": linked,
            }
        )
    else:
        out(QT_TRANSLATE_NOOP("Cli", "Case {number} was created."), number=number)
        print_duplicates(found, linked)
    return 0


def _status_row(store: Store, case_id: int) -> dict[str, Any]:
    c = cases.get_case(store, case_id)
    return {
        "id": c.id,
        "case_number": c.case_number,
        "status": c.status.value,
        "outcome": c.outcome.value if c.outcome else None,
        "closed_on": c.closed_on.isoformat() if c.closed_on else None,
        "next": [s.value for s in CaseStatus if s in STATUS_TRANSITIONS[c.status]],
    }


def cmd_status(args: argparse.Namespace) -> int:
    if args.outcome and not args.set:
        raise UsageError(QT_TRANSLATE_NOOP("Errors", "--outcome goes with --set closed."))
    store, _ = _open(args)
    with store:
        case_id = resolve_case(store, args.case)
        if args.set:
            cases.set_status(store, case_id, args.set, outcome=args.outcome)
        else:
            log_case_open(store, case_id, via="cli")
        row = _status_row(store, case_id)
    if args.json:
        print_json(row)
        return 0
    status = label(CaseStatus(row["status"]))
    if row["outcome"]:
        status += f" ({label(Outcome(row['outcome']))})"
    out(QT_TRANSLATE_NOOP("Cli", "{number}: {status}"), number=row["case_number"], status=status)
    if row["next"]:
        out(
            QT_TRANSLATE_NOOP("Cli", "Can move on to: {statuses}"),
            statuses=", ".join(label(CaseStatus(s)) for s in row["next"]),
        )
    return 0


def _number(args: argparse.Namespace) -> str:
    if args.number_file:
        return read_input(args.number_file, "--number-file", NumberNeededError).strip()
    if not sys.stdin.isatty():
        raise NumberNeededError()
    return input(say(QT_TRANSLATE_NOOP("Cli", "Personnummer or samordningsnummer: ")))


def cmd_find(args: argparse.Namespace) -> int:
    number = _number(args)
    store, _ = _open(args)
    with store:
        found = people.find_person(store, number)
    if args.json:
        print_json([duplicate_row(m) for m in found])
        return 0
    for m in found:
        print(f"{m.summary.label:32}  {label(m.role)}")
    out(QT_TRANSLATE_NOOP("Cli", "Persons found: {count}"), count=len(found))
    return 0


def cmd_link(args: argparse.Namespace) -> int:
    store, _ = _open(args)
    with store:
        a, b = resolve_case(store, args.case), resolve_case(store, args.other)
        if args.unlink:
            changed = people.unlink_cases(store, a, b)
        else:
            changed = people.link_cases(store, a, b)
        linked = people.linked_cases(store, a)
        numbers = [case_summary(store, i).case_number for i in linked]
    if args.json:
        print_json({"changed": changed, "linked": numbers})
    else:
        out(
            QT_TRANSLATE_NOOP("Cli", "Linked cases (same person): {numbers}"),
            numbers=", ".join(numbers) or "–",
        )
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("new", help="create a case (its person from --person-file)")
    _common(p)
    p.add_argument("--type", required=True, metavar="T", choices=CaseType.codes())
    p.add_argument("--home", required=True, metavar="M", help="bosättningskommun")
    p.add_argument("--stay", metavar="M", help="vistelsekommun")
    p.add_argument("--referral", metavar="R", help="aktualiserad av")
    p.add_argument("--opened", metavar="DATE", help="opened on (YYYY-MM-DD; default today)")
    p.add_argument("--person-file", metavar="FILE", help="the principal person as JSON (- stdin)")
    p.add_argument("--link-duplicates", action="store_true")
    p.set_defaults(func=cmd_new)
    p = sub.add_parser("status", help="show or change a case's status")
    _common(p)
    p.add_argument("case", metavar="ID")
    p.add_argument("--set", metavar="STATUS", choices=CaseStatus.codes())
    p.add_argument("--outcome", metavar="O", choices=Outcome.codes())
    p.set_defaults(func=cmd_status)
    p = sub.add_parser("find", help="find a person by personnummer (read from a file or asked)")
    _common(p)
    p.add_argument("--number-file", metavar="FILE", help="the number in a file (- stdin)")
    p.set_defaults(func=cmd_find)
    for name, unlink in (("link", False), ("unlink", True)):
        p = sub.add_parser(name, help=f"{name} two cases about the same person")
        _common(p)
        p.add_argument("case", metavar="ID")
        p.add_argument("other", metavar="OTHER")
        p.set_defaults(func=cmd_link, unlink=unlink)
