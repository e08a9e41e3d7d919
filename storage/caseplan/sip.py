"""SIP, samordnad individuell plan (socialtjänstlagen and 16 kap. 4 § hälso- och
sjukvårdslagen): the municipality and the region plan together, with the person's consent.

Public API:

- ``add_sip(store, case_id, *, held_on, consent_on, lead, participants, lead_name=None,
  follow_up_on=None, notes=None, actions=()) -> int`` — the person's consent is required and
  given on or before the meeting; ``lead`` (huvudansvar) is the municipality or the region;
  ``participants`` the people and functions that took part; ``actions`` what was agreed, each
  ``{"action", "responsible", "due_on"}``. ``follow_up_on`` is a reminder (``sip_follow_up``).
- ``add_sip_action(store, sip_id, *, action, responsible, due_on=None) -> int``,
  ``complete_sip_action(store, action_id, done_on=None)``
- ``record_sip_follow_up(store, sip_id, *, held_on, next_follow_up_on=None)`` — the
  follow-up was held; the next one (if any) becomes the reminder.
- ``end_sip(store, sip_id, ended_on)``, ``sips(store, case_id) -> [Sip]``

Audit actions: ``sip.add``, ``sip.action_add``, ``sip.action_done``, ``sip.follow_up``,
``sip.end`` (ids and counts; never names or text).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import Any

from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.records import validate as v
from storage.records.errors import (
    AlreadyDoneError,
    DateOrderError,
    FieldTypeError,
    RecordNotFoundError,
)
from storage.records.knowledge import Sip, SipAction, SipLead


def _action(item: object, path: str) -> dict[str, Any]:
    if not isinstance(item, Mapping):
        raise FieldTypeError(field=path, expected="an object")
    due = v.date(f"{path}.due_on", item.get("due_on"), required=False)
    return {
        "action": v.required_text(f"{path}.action", item.get("action"), limit=2000, multiline=True),
        "responsible": v.required_text(f"{path}.responsible", item.get("responsible"), limit=200),
        "due_on": repo.iso(due),
    }


def add_sip(
    store: StoreLike,
    case_id: int,
    *,
    held_on: dt.date | str,
    consent_on: dt.date | str,
    lead: SipLead | str,
    participants: list[str],
    lead_name: str | None = None,
    follow_up_on: dt.date | str | None = None,
    notes: str | None = None,
    actions: Iterable[Mapping[str, Any]] = (),
) -> int:
    today = repo.today()
    held = v.required_past("held_on", held_on, today)
    consent = v.required_past("consent_on", consent_on, today)
    v.ordered("held_on", held, "consent_on", consent)
    who = SipLead.parse(lead, "lead")
    people = v.text_list("participants", participants, limit=200)
    follow = v.date("follow_up_on", follow_up_on, required=False)
    v.ordered("follow_up_on", follow, "held_on", held)
    agreed = [_action(a, f"actions[{i}]") for i, a in enumerate(actions)]
    with store.transaction():
        number = repo.open_case_number(store, case_id)
        now = repo.utc_now()
        sip_id = repo.insert(
            store,
            "sips",
            {
                "case_id": int(case_id),
                "held_on": held.isoformat(),
                "consent_on": consent.isoformat(),
                "lead": who.value,
                "lead_name": v.text("lead_name", lead_name, required=False),
                "participants": json.dumps(people, ensure_ascii=False),
                "follow_up_on": repo.iso(follow),
                "notes": v.text("notes", notes, required=False, limit=v.LONG, multiline=True),
                "created_by": store.actor,
                "created_at": now,
                "updated_at": now,
            },
        )
        for values in agreed:
            repo.insert(store, "sip_actions", {"sip_id": sip_id, **values, "created_at": now})
        repo.touch_case(store, case_id)
        repo.audit(
            store,
            "sip.add",
            number,
            case_id=int(case_id),
            sip_id=sip_id,
            lead=who.value,
            participants=len(people),
            actions=len(agreed),
        )
    return sip_id


def _sip_case(store: StoreLike, sip_id: int) -> tuple[int, dt.date]:
    row = store.conn.execute(
        "SELECT case_id, held_on FROM sips WHERE id = ?", (int(sip_id),)
    ).fetchone()
    if row is None:
        raise RecordNotFoundError(record="SIP", id=int(sip_id))
    return int(row[0]), repo.must_date(row[1])


def add_sip_action(
    store: StoreLike,
    sip_id: int,
    *,
    action: str,
    responsible: str,
    due_on: dt.date | str | None = None,
) -> int:
    values = _action({"action": action, "responsible": responsible, "due_on": due_on}, "action")
    case_id, _ = _sip_case(store, sip_id)
    with store.transaction():
        number = repo.open_case_number(store, case_id)
        action_id = repo.insert(
            store, "sip_actions", {"sip_id": int(sip_id), **values, "created_at": repo.utc_now()}
        )
        store.conn.execute("UPDATE sips SET updated_at = ? WHERE id = ?", (repo.utc_now(), sip_id))
        repo.touch_case(store, case_id)
        repo.audit(
            store,
            "sip.action_add",
            number,
            case_id=case_id,
            sip_id=int(sip_id),
            action_id=action_id,
        )
    return action_id


def complete_sip_action(
    store: StoreLike, action_id: int, done_on: dt.date | str | None = None
) -> None:
    day = v.not_future("done_on", v.date("done_on", done_on, required=False), repo.today())
    row = store.conn.execute(
        "SELECT sip_id, done_on FROM sip_actions WHERE id = ?", (int(action_id),)
    ).fetchone()
    if row is None:
        raise RecordNotFoundError(record="SIP action", id=int(action_id))
    if row[1] is not None:
        raise AlreadyDoneError(field="done_on", record="SIP action")
    case_id, _ = _sip_case(store, int(row[0]))
    with store.transaction():
        number = repo.open_case_number(store, case_id)
        repo.update(store, "sip_actions", action_id, {"done_on": repo.iso(day or repo.today())})
        repo.touch_case(store, case_id)
        repo.audit(
            store,
            "sip.action_done",
            number,
            case_id=case_id,
            sip_id=int(row[0]),
            action_id=int(action_id),
        )


def record_sip_follow_up(
    store: StoreLike,
    sip_id: int,
    *,
    held_on: dt.date | str,
    next_follow_up_on: dt.date | str | None = None,
) -> None:
    held = v.required_past("held_on", held_on, repo.today())
    following = v.date("next_follow_up_on", next_follow_up_on, required=False)
    case_id, first = _sip_case(store, sip_id)
    v.ordered("held_on", held, "sip.held_on", first)
    if following is not None and following <= held:
        raise DateOrderError(field="next_follow_up_on", other="held_on")
    with store.transaction():
        number = repo.open_case_number(store, case_id)
        repo.update(
            store,
            "sips",
            sip_id,
            {
                "followed_up_on": held.isoformat(),
                "follow_up_on": repo.iso(following),
                "updated_at": repo.utc_now(),
            },
        )
        repo.touch_case(store, case_id)
        repo.audit(
            store,
            "sip.follow_up",
            number,
            case_id=case_id,
            sip_id=int(sip_id),
            next=following is not None,
        )


def end_sip(store: StoreLike, sip_id: int, ended_on: dt.date | str) -> None:
    day = v.required_past("ended_on", ended_on, repo.today())
    case_id, held = _sip_case(store, sip_id)
    v.ordered("ended_on", day, "held_on", held)
    with store.transaction():
        number = repo.open_case_number(store, case_id)
        repo.update(
            store, "sips", sip_id, {"ended_on": day.isoformat(), "updated_at": repo.utc_now()}
        )
        repo.touch_case(store, case_id)
        repo.audit(store, "sip.end", number, case_id=case_id, sip_id=int(sip_id))


def sips(store: StoreLike, case_id: int) -> list[Sip]:
    repo.case_row(store, case_id)
    actions: dict[int, list[SipAction]] = {}
    for r in store.conn.execute(
        "SELECT a.id, a.sip_id, a.action, a.responsible, a.due_on, a.done_on FROM sip_actions a "
        "JOIN sips s ON s.id = a.sip_id WHERE s.case_id = ? ORDER BY a.id",
        (int(case_id),),
    ):
        actions.setdefault(int(r[1]), []).append(
            SipAction(int(r[0]), int(r[1]), r[2], r[3], repo.to_date(r[4]), repo.to_date(r[5]))
        )
    return [
        Sip(
            int(r[0]),
            int(r[1]),
            repo.must_date(r[2]),
            repo.must_date(r[3]),
            SipLead(r[4]),
            r[5],
            tuple(json.loads(r[6])),
            repo.to_date(r[7]),
            repo.to_date(r[8]),
            repo.to_date(r[9]),
            r[10],
            tuple(actions.get(int(r[0]), ())),
        )
        for r in store.conn.execute(
            "SELECT id, case_id, held_on, consent_on, lead, lead_name, participants, "
            "follow_up_on, followed_up_on, ended_on, notes FROM sips WHERE case_id = ? "
            "ORDER BY held_on, id",
            (int(case_id),),
        )
    ]
