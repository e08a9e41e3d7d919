"""Reminders (påminnelser), computed from the case files, queryable by date.

``reminders(store, on=None, within_days=30, kinds=None, case_id=None) -> list[Reminder]``
returns everything due on or before ``on + within_days`` (overdue included), sorted by due
date. Each :class:`~storage.records.Reminder` has its kind, case id, due date, the masked
case label and the id of the record it is about. Kinds (:class:`ReminderKind`):

- ``threat_review`` — the next review date of the case's latest hotbedömning (open cases);
- ``consent_expiring`` — a samtycke's expiry, unless revoked or followed by a newer consent
  (open cases);
- ``provider_control`` — a running insats with a controlled provider: the earliest planned
  control not yet done, else the last control (or the start) plus the control interval;
- ``follow_up`` — 6 and 12 months after a case was closed (avslutad, outcome other than
  ej aktuellt) until an uppföljning of that kind is recorded;
- ``gallring`` — the date a closed case becomes due for gallring (not exempt, not in the
  research sample);
- ``manual`` — reminders caseworkers set themselves (:mod:`storage.casefile.followups`);
- ``relocation_task`` — a task of a placement's flyttchecklista that has a date and is not
  done (open cases; ``note`` is the task's code, :mod:`storage.casework.relocation`);
- ``needs_review`` — the next needs assessment of the case's latest one (open cases,
  :mod:`storage.caseplan.needs`);
- ``sip_follow_up`` — the next follow-up date of a running SIP (open cases,
  :mod:`storage.caseplan.sip`).

The yearly gallring run is a reminder for the whole store, not a case:
:func:`storage.casework.gallring_protocol.yearly_gallring`.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable

from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.casefile.summaries import case_summaries
from storage.casework.gallring import due_for_gallring
from storage.records.enums import (
    FollowUpKind,
    ReminderKind,
)
from storage.records.parts import Reminder

DEFAULT_WITHIN_DAYS = 30


def add_months(day: dt.date, months: int) -> dt.date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


Raw = tuple[ReminderKind, int, dt.date, int | None, str]


def _threat_reviews(store: StoreLike, horizon: str) -> Iterable[Raw]:
    for r in store.conn.execute(
        "SELECT t.id, t.case_id, t.next_review_on FROM threat_assessments t "
        "JOIN cases c ON c.id = t.case_id "
        "WHERE c.status NOT IN ('closed', 'handed_over') AND t.next_review_on <= ? "
        "AND NOT EXISTS (SELECT 1 FROM threat_assessments n WHERE n.case_id = t.case_id "
        "AND (n.assessed_on > t.assessed_on OR (n.assessed_on = t.assessed_on AND n.id > t.id)))",
        (horizon,),
    ):
        yield ReminderKind.THREAT_REVIEW, int(r[1]), repo.must_date(r[2]), int(r[0]), ""


def _consents(store: StoreLike, horizon: str) -> Iterable[Raw]:
    for r in store.conn.execute(
        "SELECT s.id, s.case_id, s.expires_on FROM consents s JOIN cases c ON c.id = s.case_id "
        "WHERE c.status NOT IN ('closed', 'handed_over') "
        "AND s.revoked_on IS NULL AND s.expires_on <= ? "
        "AND NOT EXISTS (SELECT 1 FROM consents n WHERE n.case_id = s.case_id "
        "AND (n.signed_on > s.signed_on OR (n.signed_on = s.signed_on AND n.id > s.id)))",
        (horizon,),
    ):
        yield ReminderKind.CONSENT_EXPIRING, int(r[1]), repo.must_date(r[2]), int(r[0]), ""


def _controls(store: StoreLike, on: dt.date, horizon: dt.date) -> Iterable[Raw]:
    for r in store.conn.execute(
        "SELECT i.id, i.case_id, i.started_on, i.control_interval_days, "
        "(SELECT min(k.planned_on) FROM provider_controls k "
        " WHERE k.intervention_id = i.id AND k.done_on IS NULL), "
        "(SELECT max(k.done_on) FROM provider_controls k WHERE k.intervention_id = i.id) "
        "FROM interventions i JOIN cases c ON c.id = i.case_id "
        "WHERE c.status NOT IN ('closed', 'handed_over') "
        "AND i.control_interval_days IS NOT NULL AND (i.ended_on IS NULL OR i.ended_on >= ?)",
        (on.isoformat(),),
    ):
        if r[4] is not None:
            due = repo.must_date(r[4])
        else:
            since = repo.must_date(r[5] or r[2])
            due = since + dt.timedelta(days=int(r[3]))
        if due <= horizon:
            yield ReminderKind.PROVIDER_CONTROL, int(r[1]), due, int(r[0]), ""


def _follow_ups(store: StoreLike, horizon: dt.date) -> Iterable[Raw]:
    done: dict[int, set[str]] = {}
    for case_id, kind in store.conn.execute(
        "SELECT f.case_id, f.kind FROM follow_ups f JOIN cases c ON c.id = f.case_id "
        "WHERE c.status = 'closed'"
    ):
        done.setdefault(int(case_id), set()).add(kind)
    for case_id, closed in store.conn.execute(
        "SELECT id, closed_on FROM cases WHERE status = 'closed' AND outcome <> 'not_applicable'"
    ):
        for kind, months in ((FollowUpKind.SIX_MONTHS, 6), (FollowUpKind.TWELVE_MONTHS, 12)):
            due = add_months(repo.must_date(closed), months)
            if due <= horizon and kind.value not in done.get(int(case_id), set()):
                yield ReminderKind.FOLLOW_UP, int(case_id), due, None, kind.value


def _manual(store: StoreLike, horizon: str) -> Iterable[Raw]:
    for r in store.conn.execute(
        "SELECT id, case_id, due_on, text FROM reminders WHERE done_on IS NULL AND due_on <= ?",
        (horizon,),
    ):
        yield ReminderKind.MANUAL, int(r[1]), repo.must_date(r[2]), int(r[0]), str(r[3])


def _relocation(store: StoreLike, horizon: str) -> Iterable[Raw]:
    for r in store.conn.execute(
        "SELECT t.id, p.case_id, t.due_on, t.task FROM relocation_tasks t "
        "JOIN placements p ON p.id = t.placement_id JOIN cases c ON c.id = p.case_id "
        "WHERE c.status NOT IN ('closed', 'handed_over') AND t.done_on IS NULL "
        "AND t.due_on IS NOT NULL AND t.due_on <= ?",
        (horizon,),
    ):
        yield ReminderKind.RELOCATION_TASK, int(r[1]), repo.must_date(r[2]), int(r[0]), str(r[3])


def _needs_reviews(store: StoreLike, horizon: str) -> Iterable[Raw]:
    for r in store.conn.execute(
        "SELECT a.id, a.case_id, a.next_review_on FROM needs_assessments a "
        "JOIN cases c ON c.id = a.case_id "
        "WHERE c.status NOT IN ('closed', 'handed_over') AND a.next_review_on <= ? "
        "AND NOT EXISTS (SELECT 1 FROM needs_assessments n WHERE n.case_id = a.case_id "
        "AND (n.assessed_on > a.assessed_on OR (n.assessed_on = a.assessed_on AND n.id > a.id)))",
        (horizon,),
    ):
        yield ReminderKind.NEEDS_REVIEW, int(r[1]), repo.must_date(r[2]), int(r[0]), ""


def _sip_follow_ups(store: StoreLike, horizon: str) -> Iterable[Raw]:
    for r in store.conn.execute(
        "SELECT s.id, s.case_id, s.follow_up_on FROM sips s JOIN cases c ON c.id = s.case_id "
        "WHERE c.status NOT IN ('closed', 'handed_over') AND s.ended_on IS NULL "
        "AND s.follow_up_on <= ? "
        "AND (s.followed_up_on IS NULL OR s.followed_up_on < s.follow_up_on)",
        (horizon,),
    ):
        yield ReminderKind.SIP_FOLLOW_UP, int(r[1]), repo.must_date(r[2]), int(r[0]), ""


def reminders(
    store: StoreLike,
    on: dt.date | None = None,
    within_days: int = DEFAULT_WITHIN_DAYS,
    kinds: Iterable[ReminderKind | str] | None = None,
    case_id: int | None = None,
) -> list[Reminder]:
    """Everything due by ``on + within_days``, overdue included, earliest first."""
    day = on or repo.today()
    horizon = day + dt.timedelta(days=max(0, int(within_days)))
    wanted = set(ReminderKind) if kinds is None else {ReminderKind.parse(k, "kinds") for k in kinds}
    raw: list[Raw] = []
    if ReminderKind.THREAT_REVIEW in wanted:
        raw += _threat_reviews(store, horizon.isoformat())
    if ReminderKind.CONSENT_EXPIRING in wanted:
        raw += _consents(store, horizon.isoformat())
    if ReminderKind.PROVIDER_CONTROL in wanted:
        raw += _controls(store, day, horizon)
    if ReminderKind.FOLLOW_UP in wanted:
        raw += _follow_ups(store, horizon)
    if ReminderKind.GALLRING in wanted:
        raw += [
            (ReminderKind.GALLRING, c.case_id, c.due_on, None, "")
            for c in due_for_gallring(store, horizon)
        ]
    if ReminderKind.MANUAL in wanted:
        raw += _manual(store, horizon.isoformat())
    if ReminderKind.RELOCATION_TASK in wanted:
        raw += _relocation(store, horizon.isoformat())
    if ReminderKind.NEEDS_REVIEW in wanted:
        raw += _needs_reviews(store, horizon.isoformat())
    if ReminderKind.SIP_FOLLOW_UP in wanted:
        raw += _sip_follow_ups(store, horizon.isoformat())
    if case_id is not None:
        raw = [r for r in raw if r[1] == int(case_id)]
    labels = {s.case_id: s.label for s in case_summaries(store, sorted({r[1] for r in raw}))}
    raw.sort(key=lambda r: (r[2], r[0].value, r[1]))
    return [
        Reminder(kind=k, case_id=c, due_on=d, label=labels.get(c, ""), ref_id=ref, note=note)
        for k, c, d, ref, note in raw
    ]
