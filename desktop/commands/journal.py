"""``utvag journal add|sign|correct|mark-erroneous|list`` and ``utvag template list``.

- ``journal add ID [--type T] [--event-date DATE] [--text-file FILE] [--draft]`` — a new
  entry (or, with ``--draft``, a draft: editable, never synced, exported or handed over);
  the text comes from the file (``-`` or nothing: standard input), never from an
  argument. ``journal add --sign DRAFT`` signs a draft (as ``journal sign DRAFT``).
- ``journal correct ENTRY --reason R [--text-file FILE] [--type T] [--event-date DATE]`` —
  a rättelse; the earlier version stays readable.
- ``journal mark-erroneous ENTRY --reason R``.
- ``journal list ID [--type T ...] [--drafts]`` — the entries as they read now (opening
  the case is logged, ``case.open``).
- ``template list [--type T]`` — the templates (mallar) per entry type.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop.cli import print_json
from desktop.commands.case_edit import read_input
from desktop.commands.cases import (
    _entry,
    print_entry,
)
from desktop.commands.store import (
    _common,
    _open,
)
from desktop.commands.texts import (
    label,
    out,
)
from storage.casefile import (
    drafts,
    journal,
)
from storage.casefile.access_log import log_case_open
from storage.casefile.repo import resolve_case
from storage.errors import (
    QT_TRANSLATE_NOOP,
    UsageError,
)
from storage.records import (
    EntryType,
    JournalDraft,
)


class TextNeededError(UsageError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Give the text in a file ({option} FILE, or - for standard input); journal text is "
        "never taken as an argument.",
    )
    code = "text_needed"


class SignOrTextError(UsageError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "--sign signs an existing draft: give either --sign DRAFT or a case and text."
    )
    code = "sign_or_text"


def _text(path: str | None, option: str = "--text-file") -> str:
    if path is None:
        if sys.stdin.isatty():
            raise TextNeededError(option=option)
        path = "-"
    return read_input(path, option, TextNeededError)


def _draft_row(d: JournalDraft) -> dict[str, Any]:
    return {
        "draft_id": d.id,
        "case_id": d.case_id,
        "author": d.author,
        "entry_type": d.entry_type.value,
        "event_date": d.event_date.isoformat() if d.event_date else None,
        "text": d.text,
        "updated_at": d.updated_at,
    }


def _sign(args: argparse.Namespace, draft_id: int) -> int:
    store, _ = _open(args)
    with store:
        entry_id = drafts.sign_draft(store, draft_id)
    if args.json:
        print_json({"entry_id": entry_id, "signed_draft": draft_id})
    else:
        out(
            QT_TRANSLATE_NOOP("Cli", "Draft {draft} was signed as journal entry {entry}."),
            draft=draft_id,
            entry=entry_id,
        )
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    if args.sign is not None:
        if args.case or args.draft or args.text_file:
            raise SignOrTextError()
        return _sign(args, args.sign)
    if not args.case:
        raise SignOrTextError()
    text = _text(args.text_file)
    store, _ = _open(args)
    with store:
        case_id = resolve_case(store, args.case)
        if args.draft:
            draft_id = drafts.add_draft(
                store, case_id, text, entry_type=args.type, event_date=args.event_date
            )
        else:
            entry_id = journal.add_journal_entry(
                store, case_id, text, entry_type=args.type, event_date=args.event_date
            )
    if args.draft:
        if args.json:
            print_json({"draft_id": draft_id, "case_id": case_id})
        else:
            out(QT_TRANSLATE_NOOP("Cli", "Draft {draft} was saved (not signed)."), draft=draft_id)
        return 0
    if args.json:
        print_json({"entry_id": entry_id, "case_id": case_id})
    else:
        out(QT_TRANSLATE_NOOP("Cli", "Journal entry {entry} was written."), entry=entry_id)
    return 0


def cmd_sign(args: argparse.Namespace) -> int:
    return _sign(args, args.draft_id)


def cmd_correct(args: argparse.Namespace) -> int:
    text = _text(args.text_file)
    store, _ = _open(args)
    with store:
        new_id = journal.correct_journal_entry(
            store,
            args.entry,
            text,
            args.reason,
            entry_type=args.type,
            event_date=args.event_date,
        )
    if args.json:
        print_json({"entry_id": new_id, "corrects": args.entry})
    else:
        out(
            QT_TRANSLATE_NOOP("Cli", "Entry {old} was corrected by entry {new}."),
            old=args.entry,
            new=new_id,
        )
    return 0


def cmd_mark(args: argparse.Namespace) -> int:
    store, _ = _open(args)
    with store:
        journal.mark_journal_erroneous(store, args.entry, args.reason)
    if args.json:
        print_json({"entry_id": args.entry, "erroneous": True})
    else:
        out(QT_TRANSLATE_NOOP("Cli", "Entry {entry} is marked erroneous."), entry=args.entry)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    store, _ = _open(args)
    with store:
        case_id = resolve_case(store, args.case)
        log_case_open(store, case_id, via="cli")
        threads = journal.journal(store, case_id, entry_type=args.type)
        found = drafts.drafts(store, case_id) if args.drafts else []
    rows = [{**_entry(t.current), "earlier": [_entry(e) for e in t.earlier]} for t in threads]
    if args.json:
        print_json({"entries": rows, "drafts": [_draft_row(d) for d in found]})
        return 0
    for row in rows:
        print_entry(row)
    out(QT_TRANSLATE_NOOP("Cli", "Journal entries: {count}"), count=len(rows))
    for d in found:
        day = d.event_date.isoformat() if d.event_date else "–"
        print(f"  [{d.id}] {day} ({label(d.entry_type)}) {d.author}: {d.text}")
    if args.drafts:
        out(QT_TRANSLATE_NOOP("Cli", "Drafts (not signed): {count}"), count=len(found))
    return 0


def cmd_templates(args: argparse.Namespace) -> int:
    store, _ = _open(args)
    with store:
        found = drafts.templates(store, args.type)
    if args.json:
        print_json(
            [
                {"id": t.id, "entry_type": t.entry_type.value, "name": t.name, "text": t.text}
                for t in found
            ]
        )
        return 0
    for t in found:
        print(f"[{t.id}] {label(t.entry_type)}: {t.name}")
        for line in t.text.splitlines():
            print(f"    {line}")
    return 0


def _entry_options(p: argparse.ArgumentParser, *, default_type: bool) -> None:
    p.add_argument(
        "--type",
        metavar="T",
        choices=EntryType.codes(),
        default=EntryType.OTHER.value if default_type else None,
        help="samtal: conversation, home_visit, phone, network_meeting, authority_contact, other",
    )
    p.add_argument("--event-date", metavar="DATE", help="händelsedatum (YYYY-MM-DD)")
    p.add_argument("--text-file", metavar="FILE", help="the text (- or nothing: stdin)")


def register(subparsers: Any) -> None:
    group = subparsers.add_parser("journal", help="journal entries, drafts and corrections")
    sub = group.add_subparsers(dest="journal_command", metavar="COMMAND", required=True)
    p = sub.add_parser("add", help="write an entry (or a draft); text from a file or stdin")
    _common(p)
    p.add_argument("case", metavar="ID", nargs="?")
    _entry_options(p, default_type=True)
    p.add_argument("--draft", action="store_true", help="save as a draft, not signed")
    p.add_argument("--sign", metavar="DRAFT", type=int, help="sign this draft instead")
    p.set_defaults(func=cmd_add)
    p = sub.add_parser("sign", help="sign a draft: it becomes a journal entry")
    _common(p)
    p.add_argument("draft_id", metavar="DRAFT", type=int)
    p.set_defaults(func=cmd_sign)
    p = sub.add_parser("correct", help="write a correction (rättelse) of an entry")
    _common(p)
    p.add_argument("entry", metavar="ENTRY", type=int)
    p.add_argument("--reason", required=True, metavar="R")
    _entry_options(p, default_type=False)
    p.set_defaults(func=cmd_correct)
    p = sub.add_parser("mark-erroneous", help="mark an entry erroneous (felmarkera)")
    _common(p)
    p.add_argument("entry", metavar="ENTRY", type=int)
    p.add_argument("--reason", required=True, metavar="R")
    p.set_defaults(func=cmd_mark)
    p = sub.add_parser("list", help="the journal of a case")
    _common(p)
    p.add_argument("case", metavar="ID")
    p.add_argument("--type", metavar="T", choices=EntryType.codes(), action="append")
    p.add_argument("--drafts", action="store_true", help="also the drafts")
    p.set_defaults(func=cmd_list)
    group = subparsers.add_parser("template", help="journal templates (mallar)")
    sub = group.add_subparsers(dest="template_command", metavar="COMMAND", required=True)
    p = sub.add_parser("list", help="the templates per entry type")
    _common(p)
    p.add_argument("--type", metavar="T", choices=EntryType.codes())
    p.set_defaults(func=cmd_templates)
