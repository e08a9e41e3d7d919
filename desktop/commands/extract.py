"""``utvag extract``: an extract from a case file (utdrag ur personakt) or a registerutdrag.

- ``extract CASE --sections S[,S…]|all --out FILE --recipient R --reason R [--from DATE]
  [--to DATE] [--decide ITEM=DECISION[:GROUND]]…`` — the PDF, written atomically (0600)
  and audited (``extract.save``: who, which case, sections, recipient, reason, the decisions
  per item kind, the grounds, the PDF's SHA-256).
- ``extract --person-file FILE …`` — a registerutdrag (GDPR art. 15) for the personnummer in
  FILE (``-``: standard input): every case about that person in this store. A personnummer is
  never an argument (it would show in the process list and the shell history).
- ``--list-items`` — the items that need a sekretessprövning, with their keys, masked labels
  and default decisions; writes nothing.
- ``--grounds`` lists the grounds for withholding; ``--add-ground LABEL --provision P
  --description D [--note N]`` and ``--retire-ground LABEL`` edit them (audited).

``ITEM`` is an item key from ``--list-items`` (``journal:12``) or a kind (``third_party``:
every item of that kind); ``DECISION`` is ``include``, ``mask`` or ``withhold``; ``GROUND``
the label of an active ground (``OSL 26 kap. 1 §``). Items not named get their safe default
(masked or withheld for protected and third-party items). Included protected fields are
read through the audited reveal. Exit status 0 / 1 / 2.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from desktop.cli import print_json
from desktop.commands.store import (
    _common,
    _open,
)
from storage.casefile.repo import resolve_case
from storage.errors import (
    QT_TRANSLATE_NOOP,
    UsageError,
)
from storage.extract import grounds
from storage.extract.build import build_extract, review_items
from storage.extract.model import SECTIONS, Choice, Decision, ExtractRequest
from storage.extract.output import save_extract
from storage.extract.register import person_cases
from storage.records import validate as v
from storage.vault.store import Store


class ExtractUsageError(UsageError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "utvag extract needs CASE or --person-file, and --sections, --out, --recipient and "
        "--reason (or --list-items, or --grounds).",
    )
    code = "extract_usage"


class DecideSyntaxError(UsageError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "--decide takes ITEM=include|mask|withhold[:GROUND], not “{value}”."
    )
    code = "extract_decide"


def _sections(text: str | None) -> tuple[str, ...]:
    if not text:
        return ()
    if text.strip() == "all":
        return tuple(SECTIONS)
    return tuple(part.strip() for part in text.split(",") if part.strip())


def _person(args: argparse.Namespace) -> str:
    if args.person_file == "-":
        return sys.stdin.readline().strip()
    return Path(args.person_file).read_text(encoding="utf-8").strip()


def _request(store: Store, args: argparse.Namespace) -> ExtractRequest:
    if args.person_file:
        found = person_cases(store, _person(args))
        case_ids, subjects, kind = found.case_ids, found.person_ids, "register"
    else:
        case_ids, subjects, kind = (resolve_case(store, args.case),), frozenset(), "case"
    return ExtractRequest(
        case_ids=tuple(case_ids),
        sections=_sections(args.sections),
        recipient=args.recipient or "",
        reason=args.reason or "",
        start=v.date("from", args.date_from, required=False),
        end=v.date("to", args.date_to, required=False),
        kind=kind,
        subject_person_ids=frozenset(subjects),
    )


def _choices(store: Store, request: ExtractRequest, specs: list[str]) -> dict[str, Choice]:
    items = review_items(store, request)
    chosen: dict[str, Choice] = {}
    for spec in specs:
        target, sep, rest = spec.partition("=")
        decision_text, _, ground_label = rest.partition(":")
        try:
            decision = Decision(decision_text.strip())
        except ValueError:
            raise DecideSyntaxError(value=spec[:60]) from None
        if not sep or not target.strip():
            raise DecideSyntaxError(value=spec[:60])
        ground_id = grounds.ground_by_label(store, ground_label).id if ground_label else None
        keys = [i.key for i in items if target.strip() in (i.key, i.kind)] or [target.strip()]
        for key in keys:
            chosen[key] = Choice(decision, ground_id)
    return chosen


def _items(store: Store, request: ExtractRequest) -> list[dict[str, Any]]:
    return [
        {
            "key": i.key,
            "kind": i.kind,
            "case_number": i.case_number,
            "label": i.label,
            "default": i.default.value,
            "default_ground": i.default_ground,
        }
        for i in review_items(store, request)
    ]


def _ground_rows(store: Store) -> list[dict[str, Any]]:
    return [g.__dict__ for g in grounds.grounds(store, active_only=False)]


def _edit_grounds(store: Store, args: argparse.Namespace) -> None:
    if args.add_ground:
        grounds.add_ground(
            store,
            label=args.add_ground,
            provision=args.provision or "",
            description=args.description or "",
            note=args.note,
        )
    if args.retire_ground:
        grounds.update_ground(
            store, grounds.ground_by_label(store, args.retire_ground).id, active=False
        )


def cmd_extract(args: argparse.Namespace) -> int:
    wants_grounds = args.grounds or args.add_ground or args.retire_ground
    if not wants_grounds and not (args.case or args.person_file):
        raise ExtractUsageError()
    if not (wants_grounds or args.list_items) and not (
        args.sections and args.out and args.recipient and args.reason
    ):
        raise ExtractUsageError()
    store, _ = _open(args)
    with store:
        if wants_grounds:
            _edit_grounds(store, args)
            rows = _ground_rows(store)
            if args.json:
                print_json(rows)
            else:
                for g in rows:
                    state = "" if g["active"] else " (avstängd / retired)"
                    print(f"{g['label']}{state}: {g['provision']}")
            return 0
        request = _request(store, args)
        if args.list_items:
            rows = _items(
                store,
                replace(request, recipient=request.recipient or "-", reason=request.reason or "-"),
            )
            if args.json:
                print_json(rows)
            else:
                for r in rows:
                    print(f"{r['key']}\t{r['label']}\t{r['default']} {r['default_ground'] or ''}")
            return 0
        request = replace(request, choices=_choices(store, request, args.decide or []))
        extract = build_extract(store, request)
        from PySide6.QtCore import QCoreApplication

        from desktop.i18n import catalogue_installed
        from ui.extract.render import ensure_app, render_pdf

        ensure_app()
        texts = {g.label: g.description for g in grounds.grounds(store, active_only=False)}
        app = QCoreApplication.instance()
        assert app is not None
        with catalogue_installed(app):
            pdf = render_pdf(extract, texts)
        result = save_extract(store, extract, pdf, Path(args.out))
    out = {
        "file": str(result.path),
        "sha256": result.sha256,
        "size": result.size,
        "cases": list(extract.case_numbers),
        "sections": list(extract.sections),
        "decisions": extract.decisions,
        "grounds": list(extract.grounds),
    }
    if args.json:
        print_json(out)
    else:
        print(f"Utdrag sparat / extract saved: {result.path} (SHA-256 {result.sha256})")
    return 0


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "extract", help="an extract (utdrag ur personakt) or registerutdrag as PDF, audited"
    )
    _common(p)
    p.add_argument("case", nargs="?", metavar="CASE", help="case number or id")
    p.add_argument(
        "--person-file", metavar="FILE", help="registerutdrag: personnummer in FILE (- = stdin)"
    )
    p.add_argument("--sections", metavar="S,S|all", help=f"of: {', '.join(SECTIONS)}")
    p.add_argument("--out", metavar="FILE", help="the PDF to write")
    p.add_argument("--recipient", metavar="R", help="to whom the extract is given")
    p.add_argument("--reason", metavar="R", help="why (e.g. begäran om partsinsyn)")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="period start (YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="period end (YYYY-MM-DD)")
    p.add_argument(
        "--decide",
        action="append",
        metavar="ITEM=DECISION[:GROUND]",
        help="sekretessprövning of an item or a kind",
    )
    p.add_argument("--list-items", action="store_true", help="list the items that need a decision")
    p.add_argument("--grounds", action="store_true", help="list the grounds for withholding")
    p.add_argument(
        "--add-ground", metavar="LABEL", help="add a ground (with --provision, --description)"
    )
    p.add_argument("--provision", metavar="TEXT")
    p.add_argument("--description", metavar="TEXT")
    p.add_argument("--note", metavar="TEXT")
    p.add_argument("--retire-ground", metavar="LABEL", help="stop offering a ground")
    p.set_defaults(func=cmd_extract)
