"""Uppföljning (follow-up) records and manual reminders.

Public API:

- ``add_follow_up(store, case_id, *, kind, done_on, summary) -> int`` — a follow-up done
  (6 or 12 months after closing, or any other). Allowed on closed cases: that is when
  follow-ups happen.
- ``follow_ups(store, case_id) -> list[FollowUp]``
- ``add_reminder(store, case_id, *, due_on, text) -> int`` — a caseworker's own reminder.
- ``complete_reminder(store, reminder_id, done_on=None)``

Computed reminders (threat review, consent, provider control, follow-up, gallring) are in
:mod:`storage.casework.reminders`. Audit actions: ``follow_up.add``, ``reminder.add``,
``reminder.done``.
"""

from __future__ import annotations

import datetime as dt

from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.records import validate as v
from storage.records.enums import FollowUpKind
from storage.records.errors import AlreadyDoneError
from storage.records.parts import FollowUp


def add_follow_up(
    store: StoreLike,
    case_id: int,
    *,
    kind: FollowUpKind | str,
    done_on: dt.date | str,
    summary: str,
) -> int:
    which = FollowUpKind.parse(kind, "kind")
    day = v.not_future("done_on", v.required_date("done_on", done_on), repo.today())
    text = v.required_text("summary", summary, limit=v.LONG, multiline=True)
    with store.transaction():
        number = repo.case_number(store, case_id)
        follow_up_id = repo.insert(
            store,
            "follow_ups",
            {
                "case_id": int(case_id),
                "kind": which.value,
                "done_on": repo.iso(day),
                "summary": text,
                "created_by": store.actor,
                "created_at": repo.utc_now(),
            },
        )
        repo.touch_case(store, case_id)
        repo.audit(
            store,
            "follow_up.add",
            number,
            case_id=int(case_id),
            follow_up_id=follow_up_id,
            kind=which.value,
        )
    return follow_up_id


def follow_ups(store: StoreLike, case_id: int) -> list[FollowUp]:
    repo.case_row(store, case_id)
    rows = store.conn.execute(
        "SELECT id, case_id, kind, done_on, summary, created_by FROM follow_ups "
        "WHERE case_id = ? ORDER BY done_on, id",
        (int(case_id),),
    )
    return [
        FollowUp(int(r[0]), int(r[1]), FollowUpKind(r[2]), repo.must_date(r[3]), r[4], r[5])
        for r in rows
    ]


def add_reminder(store: StoreLike, case_id: int, *, due_on: dt.date | str, text: str) -> int:
    day = v.required_date("due_on", due_on)
    what = v.required_text("text", text, limit=500)
    with store.transaction():
        number = repo.case_number(store, case_id)
        reminder_id = repo.insert(
            store,
            "reminders",
            {
                "case_id": int(case_id),
                "due_on": repo.iso(day),
                "text": what,
                "created_by": store.actor,
                "created_at": repo.utc_now(),
            },
        )
        repo.audit(store, "reminder.add", number, case_id=int(case_id), reminder_id=reminder_id)
    return reminder_id


def complete_reminder(store: StoreLike, reminder_id: int, done_on: dt.date | None = None) -> None:
    case_id = repo.record_case(store, "reminders", reminder_id, "reminder")
    with store.transaction():
        number = repo.case_number(store, case_id)
        row = store.conn.execute(
            "SELECT done_on FROM reminders WHERE id = ?", (int(reminder_id),)
        ).fetchone()
        if row[0] is not None:
            raise AlreadyDoneError(field="done_on", record="reminder")
        repo.update(store, "reminders", reminder_id, {"done_on": repo.iso(done_on or repo.today())})
        repo.audit(store, "reminder.done", number, case_id=case_id, reminder_id=int(reminder_id))
