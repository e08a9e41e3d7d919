"""``utvag reminders list`` and ``utvag gallring plan|run|protocol``.

- ``reminders list [--days N] [--case ID] [--kind K ...] [--ical FILE]`` — what is due
  within N days (default 30), overdue included, and whether the yearly gallring is due.
  ``--ical FILE`` also writes them as an iCalendar file carrying only case numbers and
  reminder types (storage/casework/ical.py).
- ``gallring plan [--on DATE]`` — what a run would delete (case number, last entry, the
  rule) and what it keeps, and why.
- ``gallring run --confirm [--decision REF] [--on DATE]`` — carries the plan out in one
  transaction and keeps the gallringsprotokoll. Without ``--confirm`` nothing happens
  (usage error, exit 2).
- ``gallring protocol [RUN]`` — the protocols (or one run's).
"""

from __future__ import annotations

import argparse
import datetime as dt
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
from storage.casefile.repo import resolve_case
from storage.casework import (
    gallring,
    gallring_protocol,
    ical,
    reminders,
)
from storage.casework.gallring import GallringCandidate
from storage.errors import (
    QT_TRANSLATE_NOOP,
    UsageError,
)
from storage.records import (
    FollowUpKind,
    RelocationTaskKind,
    ReminderKind,
)
from storage.records.parts import Reminder
from storage.records.validate import date as parse_date
from storage.records.validate import not_future

KEPT_REASONS = {
    "exemption": QT_TRANSLATE_NOOP("Cli", "exempted: {reason}"),
    "open_handover": QT_TRANSLATE_NOOP("Cli", "a handover is waiting for its receipt"),
    "research_sample": QT_TRANSLATE_NOOP("Cli", "research sample (born on the 5th, 15th or 25th)"),
    "open_share": QT_TRANSLATE_NOOP("Cli", "shared with colleagues"),
}


class ConfirmNeededError(UsageError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Gallring deletes cases for good: look at 'utvag gallring plan' first, then run "
        "'utvag gallring run --confirm'.",
    )
    code = "confirm_needed"


def _day(value: str | None, option: str) -> dt.date | None:
    return parse_date(option, value, required=False)


def _note(r: Reminder) -> str:
    if r.kind is ReminderKind.FOLLOW_UP and r.note:
        return label(FollowUpKind(r.note))
    if r.kind is ReminderKind.RELOCATION_TASK and r.note:
        return label(RelocationTaskKind(r.note))
    return r.note


def cmd_reminders(args: argparse.Namespace) -> int:
    store, _ = _open(args)
    with store:
        case_id = resolve_case(store, args.case) if args.case else None
        rows = reminders.reminders(store, within_days=args.days, kinds=args.kind, case_id=case_id)
        yearly = gallring_protocol.yearly_gallring(store)
        written = None
        if args.ical:
            labels = {k.value: label(k) for k in ReminderKind}
            yearly_label = say(QT_TRANSLATE_NOOP("Cli", "yearly gallring"))
            written = ical.write_reminders_ical(
                store,
                Path(args.ical),
                rows,
                labels=labels,
                yearly_due=yearly.due_on if case_id is None else None,
                yearly_label=yearly_label,
            )
        numbers = ical.case_numbers(store, [r.case_id for r in rows])
    today = dt.datetime.now(dt.UTC).date()
    if args.json:
        print_json(
            {
                "reminders": [
                    {
                        "kind": r.kind.value,
                        "case_id": r.case_id,
                        "case_number": numbers.get(r.case_id),
                        "label": r.label,
                        "due_on": r.due_on.isoformat(),
                        "overdue": r.due_on < today,
                        "ref_id": r.ref_id,
                        "note": r.note,
                    }
                    for r in rows
                ],
                "yearly_gallring": {
                    "due_on": yearly.due_on.isoformat(),
                    "due": yearly.due,
                    "last_run_on": yearly.last_run_on.isoformat() if yearly.last_run_on else None,
                    "cases_due": yearly.cases_due,
                },
                "ical": {"file": args.ical, "events": written} if args.ical else None,
            }
        )
        return 0
    for r in rows:
        late = " !" if r.due_on < today else ""
        note = _note(r)
        print(f"{r.due_on}{late}  {r.label:32}  {label(r.kind)}" + (f": {note}" if note else ""))
    out(QT_TRANSLATE_NOOP("Cli", "Reminders: {count}"), count=len(rows))
    if yearly.due:
        out(
            QT_TRANSLATE_NOOP(
                "Cli", "The yearly gallring is due ({day}); cases due for gallring: {count}."
            ),
            day=yearly.due_on,
            count=yearly.cases_due,
        )
    if written is not None:
        out(
            QT_TRANSLATE_NOOP("Cli", "Calendar file written: {file} (events: {count})."),
            file=args.ical,
            count=written,
        )
    return 0


def _candidate(c: GallringCandidate) -> dict[str, Any]:
    return {
        "case_id": c.case_id,
        "case_number": c.case_number,
        "closed_on": c.closed_on.isoformat(),
        "last_entry_on": c.last_entry_on.isoformat(),
        "due_on": c.due_on.isoformat(),
        "kept_because": c.kept_because,
        "exempt_reason": c.exempt_reason,
    }


def _kept_text(c: GallringCandidate) -> str:
    reason = c.kept_because or ""
    return say(KEPT_REASONS[reason], reason=c.exempt_reason or "–")


def cmd_plan(args: argparse.Namespace) -> int:
    on = _day(args.on, "--on")
    store, _ = _open(args)
    with store:
        plan = gallring.gallring_plan(store, on)
    if args.json:
        print_json(
            {
                "on": plan.on.isoformat(),
                "rule": plan.rule,
                "years": plan.years,
                "due": [_candidate(c) for c in plan.due],
                "kept": [_candidate(c) for c in plan.kept],
            }
        )
        return 0
    out(
        QT_TRANSLATE_NOOP(
            "Cli", "Gallring on {day}: personal files five years after the last entry."
        ),
        day=plan.on,
    )
    out(QT_TRANSLATE_NOOP("Cli", "To be deleted: {count}"), count=len(plan.due))
    for c in plan.due:
        out(
            QT_TRANSLATE_NOOP("Cli", "  {number}  last entry {last}, due {due}"),
            number=c.case_number,
            last=c.last_entry_on,
            due=c.due_on,
        )
    out(QT_TRANSLATE_NOOP("Cli", "Kept although due: {count}"), count=len(plan.kept))
    for c in plan.kept:
        print(f"  {c.case_number}  {_kept_text(c)}")
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    if not args.confirm:
        raise ConfirmNeededError()
    on = not_future("--on", _day(args.on, "--on"), dt.datetime.now(dt.UTC).date())
    store, _ = _open(args)
    with store:
        result = gallring.run_gallring(store, on, decision_ref=args.decision)
    if args.json:
        print_json(
            {
                "run_id": result.run_id,
                "on": result.on.isoformat(),
                "deleted": result.deleted,
                "kept_exempt": result.kept_exempt,
                "kept_research_sample": result.kept_research_sample,
                "kept_open_handover": result.kept_open_handover,
                "decision_ref": result.decision_ref,
                "case_refs": list(result.case_refs),
            }
        )
        return 0
    out(
        QT_TRANSLATE_NOOP(
            "Cli",
            "Gallring done: deleted {deleted}; kept: exempted {exempt}, open handover "
            "{handover}, research sample {sample}. Protocol {run}.",
        ),
        deleted=result.deleted,
        exempt=result.kept_exempt,
        handover=result.kept_open_handover,
        sample=result.kept_research_sample,
        run=result.run_id,
    )
    return 0


def cmd_protocol(args: argparse.Namespace) -> int:
    store, _ = _open(args)
    with store:
        found = (
            [gallring_protocol.protocol(store, args.run)]
            if args.run
            else gallring_protocol.protocols(store)
        )
    if args.json:
        print_json(
            [
                {
                    "run_id": p.run_id,
                    "run_at": p.run_at,
                    "run_on": p.run_on.isoformat(),
                    "actor": p.actor,
                    "decision_ref": p.decision_ref,
                    "reason": p.reason,
                    "deleted": p.deleted,
                    "kept_exempt": p.kept_exempt,
                    "kept_research_sample": p.kept_research_sample,
                    "kept_open_handover": p.kept_open_handover,
                    "kept": [
                        {"case_number": k.case_number, "reason": k.reason, "due_on": str(k.due_on)}
                        for k in p.kept
                    ],
                    "deleted_refs": list(p.deleted_refs),
                }
                for p in found
            ]
        )
        return 0
    for p in found:
        out(
            QT_TRANSLATE_NOOP(
                "Cli", "Protocol {run}: {day}, {actor}; decision: {decision}; deleted {deleted}."
            ),
            run=p.run_id,
            day=p.run_on,
            actor=p.actor,
            decision=p.decision_ref or "–",
            deleted=p.deleted,
        )
        for k in p.kept:
            why = say(KEPT_REASONS.get(k.reason, k.reason), reason="")
            print(f"  {k.case_number or '–'}  {why}")
    return 0


def register(subparsers: Any) -> None:
    group = subparsers.add_parser("reminders", help="reminders (påminnelser)")
    sub = group.add_subparsers(dest="reminders_command", metavar="COMMAND", required=True)
    p = sub.add_parser("list", help="what is due; --ical writes a calendar file")
    _common(p)
    p.add_argument("--days", metavar="N", type=int, default=reminders.DEFAULT_WITHIN_DAYS)
    p.add_argument("--case", metavar="ID")
    p.add_argument("--kind", metavar="K", choices=ReminderKind.codes(), action="append")
    p.add_argument("--ical", metavar="FILE", help="also write an iCalendar file (no names)")
    p.set_defaults(func=cmd_reminders)
    group = subparsers.add_parser("gallring", help="gallring: plan, run, protocol")
    sub = group.add_subparsers(dest="gallring_command", metavar="COMMAND", required=True)
    p = sub.add_parser("plan", help="what a gallring would delete and keep")
    _common(p)
    p.add_argument("--on", metavar="DATE")
    p.set_defaults(func=cmd_plan)
    p = sub.add_parser("run", help="carry the plan out (needs --confirm)")
    _common(p)
    p.add_argument("--confirm", action="store_true")
    p.add_argument("--decision", metavar="REF", help="the gallring decision it rests on")
    p.add_argument("--on", metavar="DATE")
    p.set_defaults(func=cmd_run)
    p = sub.add_parser("protocol", help="the gallring protocols")
    _common(p)
    p.add_argument("run", metavar="RUN", nargs="?", type=int)
    p.set_defaults(func=cmd_protocol)
