"""``utvag partner add|list|link|unlink`` and ``utvag checklist start|add|list|done|update``.

- ``partner add --kind K --name N [--organisation O] [--phone P] [--email E]`` — an
  external contact (police, Kriminalvården/frivården, lawyer, school, employer, regional
  psychiatry, other); ``partner list [--kind K] [--case ID]``; ``partner link ID PARTNER
  [--role R]``; ``partner unlink ID PARTNER``.
- ``checklist start PLACEMENT [--responsible WHO] [--due DATE]`` — the flyttchecklista's
  standard tasks on a placement; ``checklist add PLACEMENT TASK [--description D]
  [--responsible WHO] [--due DATE]``; ``checklist list ID`` (a case);
  ``checklist done TASK [--on DATE]``; ``checklist update TASK [--responsible WHO]
  [--due DATE] [--note N]``; ``checklist reopen TASK``.
"""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli import print_json
from desktop.commands.store import (
    _common,
    _open,
)
from desktop.commands.texts import (
    label,
    out,
)
from storage.casefile.repo import resolve_case
from storage.casework import relocation
from storage.errors import QT_TRANSLATE_NOOP
from storage.records import (
    Partner,
    PartnerKind,
    RelocationTask,
    RelocationTaskKind,
)
from storage.registers import partners


def _partner_row(p: Partner, role: str | None = None) -> dict[str, Any]:
    row = {
        "id": p.id,
        "kind": p.kind.value,
        "name": p.name,
        "organisation": p.organisation,
        "phone": p.phone,
        "email": p.email,
    }
    if role is not None:
        row["role"] = role
    return row


def _print_partner(p: Partner, role: str | None = None) -> None:
    parts = [f"[{p.id}] {p.name}", label(p.kind)]
    parts += [x for x in (p.organisation, role, p.phone, p.email) if x]
    print("  ".join(parts))


def cmd_partner_add(args: argparse.Namespace) -> int:
    store, _ = _open(args)
    with store:
        partner_id = partners.add_partner(
            store,
            kind=args.kind,
            name=args.name,
            organisation=args.organisation,
            phone=args.phone,
            email=args.email,
        )
    if args.json:
        print_json({"id": partner_id})
    else:
        out(QT_TRANSLATE_NOOP("Cli", "Partner {id} was added."), id=partner_id)
    return 0


def cmd_partner_list(args: argparse.Namespace) -> int:
    rows: list[tuple[Partner, str | None]]
    store, _ = _open(args)
    with store:
        if args.case:
            linked = partners.case_partners(store, resolve_case(store, args.case))
            rows = [(c.partner, c.role or "") for c in linked]
        else:
            rows = [(p, None) for p in partners.partners(store, args.kind)]
    if args.json:
        print_json([_partner_row(p, role) for p, role in rows])
        return 0
    for p, role in rows:
        _print_partner(p, role)
    out(QT_TRANSLATE_NOOP("Cli", "Partners: {count}"), count=len(rows))
    return 0


def cmd_partner_link(args: argparse.Namespace) -> int:
    store, _ = _open(args)
    with store:
        case_id = resolve_case(store, args.case)
        if args.unlink:
            changed = partners.unlink_partner(store, case_id, args.partner)
        else:
            partners.link_partner(store, case_id, args.partner, args.role)
            changed = True
    if args.json:
        print_json({"case_id": case_id, "partner_id": args.partner, "changed": changed})
    elif args.unlink:
        out(
            QT_TRANSLATE_NOOP("Cli", "Partner {id} is no longer linked to the case."),
            id=args.partner,
        )
    else:
        out(QT_TRANSLATE_NOOP("Cli", "Partner {id} is linked to the case."), id=args.partner)
    return 0


def _task_row(t: RelocationTask) -> dict[str, Any]:
    return {
        "id": t.id,
        "placement_id": t.placement_id,
        "case_id": t.case_id,
        "task": t.task.value,
        "description": t.description,
        "responsible": t.responsible,
        "due_on": t.due_on.isoformat() if t.due_on else None,
        "done_on": t.done_on.isoformat() if t.done_on else None,
        "done_by": t.done_by,
        "note": t.note,
    }


def _print_tasks(tasks: list[RelocationTask]) -> None:
    for t in tasks:
        box = "[x]" if t.done else "[ ]"
        what = label(t.task) + (f": {t.description}" if t.description else "")
        who = t.responsible or "–"
        when = t.done_on if t.done else t.due_on
        print(f"{box} {t.id:>4}  {what}  ({who}, {when or '–'})")
    done = sum(1 for t in tasks if t.done)
    out(QT_TRANSLATE_NOOP("Cli", "Tasks done: {done} of {total}"), done=done, total=len(tasks))


def _tasks_out(args: argparse.Namespace, tasks: list[RelocationTask]) -> int:
    if args.json:
        print_json([_task_row(t) for t in tasks])
    else:
        _print_tasks(tasks)
    return 0


def cmd_start(args: argparse.Namespace) -> int:
    store, _ = _open(args)
    with store:
        relocation.start_checklist(
            store, args.placement, responsible=args.responsible, due_on=args.due
        )
        tasks = relocation.checklist(store, args.placement)
    return _tasks_out(args, tasks)


def cmd_task_add(args: argparse.Namespace) -> int:
    store, _ = _open(args)
    with store:
        relocation.add_task(
            store,
            args.placement,
            args.task,
            description=args.description,
            responsible=args.responsible,
            due_on=args.due,
        )
        tasks = relocation.checklist(store, args.placement)
    return _tasks_out(args, tasks)


def cmd_checklist(args: argparse.Namespace) -> int:
    store, _ = _open(args)
    with store:
        tasks = relocation.case_tasks(store, resolve_case(store, args.case))
    return _tasks_out(args, tasks)


def cmd_task_change(args: argparse.Namespace) -> int:
    store, _ = _open(args)
    with store:
        if args.action == "done":
            relocation.complete_task(store, args.task, args.on)
        elif args.action == "reopen":
            relocation.reopen_task(store, args.task)
        else:
            fields = {
                k: getattr(args, k)
                for k in ("responsible", "due_on", "note")
                if getattr(args, k) is not None
            }
            relocation.update_task(store, args.task, **fields)
        task = relocation.task(store, args.task)
    if args.json:
        print_json(_task_row(task))
    else:
        _print_tasks([task])
    return 0


def register(subparsers: Any) -> None:
    group = subparsers.add_parser("partner", help="the partner register (samverkansparter)")
    sub = group.add_subparsers(dest="partner_command", metavar="COMMAND", required=True)
    p = sub.add_parser("add", help="add an external contact")
    _common(p)
    p.add_argument("--kind", required=True, metavar="K", choices=PartnerKind.codes())
    p.add_argument("--name", required=True, metavar="N")
    p.add_argument("--organisation", metavar="O")
    p.add_argument("--phone", metavar="P")
    p.add_argument("--email", metavar="E")
    p.set_defaults(func=cmd_partner_add)
    p = sub.add_parser("list", help="the register, or the partners of a case")
    _common(p)
    p.add_argument("--kind", metavar="K", choices=PartnerKind.codes())
    p.add_argument("--case", metavar="ID")
    p.set_defaults(func=cmd_partner_list)
    for name, unlink in (("link", False), ("unlink", True)):
        p = sub.add_parser(name, help=f"{name} a partner and a case")
        _common(p)
        p.add_argument("case", metavar="ID")
        p.add_argument("partner", metavar="PARTNER", type=int)
        if not unlink:
            p.add_argument("--role", metavar="R", help='e.g. "kontaktpolis"')
        p.set_defaults(func=cmd_partner_link, unlink=unlink, role=None)

    group = subparsers.add_parser("checklist", help="the relocation checklist (flyttchecklista)")
    sub = group.add_subparsers(dest="checklist_command", metavar="COMMAND", required=True)
    p = sub.add_parser("start", help="the standard tasks on a placement")
    _common(p)
    p.add_argument("placement", metavar="PLACEMENT", type=int)
    p.add_argument("--responsible", metavar="WHO")
    p.add_argument("--due", metavar="DATE")
    p.set_defaults(func=cmd_start)
    p = sub.add_parser("add", help="one more task on a placement")
    _common(p)
    p.add_argument("placement", metavar="PLACEMENT", type=int)
    p.add_argument("task", metavar="TASK", choices=RelocationTaskKind.codes())
    p.add_argument("--description", metavar="D")
    p.add_argument("--responsible", metavar="WHO")
    p.add_argument("--due", metavar="DATE")
    p.set_defaults(func=cmd_task_add)
    p = sub.add_parser("list", help="the checklist tasks of a case")
    _common(p)
    p.add_argument("case", metavar="ID")
    p.set_defaults(func=cmd_checklist)
    for action, text in (
        ("done", "mark a task done"),
        ("reopen", "undo done"),
        ("update", "who, when, note"),
    ):
        p = sub.add_parser(action, help=text)
        _common(p)
        p.add_argument("task", metavar="TASK", type=int)
        if action == "done":
            p.add_argument("--on", metavar="DATE")
        if action == "update":
            p.add_argument("--responsible", metavar="WHO")
            p.add_argument("--due", dest="due_on", metavar="DATE")
            p.add_argument("--note", metavar="N")
        p.set_defaults(func=cmd_task_change, action=action, on=None)
