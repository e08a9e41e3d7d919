"""The provider register seen from the control side: per provider, its interventions, the
planned and done control visits, and which controls are overdue.

The records are the domain's (``providers``, ``interventions``, ``provider_controls``;
writes through :mod:`storage.registers.groups` and :mod:`storage.casefile.interventions`);
this module reads
them per provider and plans a visit covering all of a provider's running interventions.
Overdue controls already reach the reminder list as ``provider_control``
(:mod:`storage.casework.reminders`); the due rule here is the same: the earliest planned control
not done yet, else the last control done (or the start) plus the control interval.

Public API:

- ``provider_register(store, on=None) -> list[ProviderOverview]`` — every provider with
  counts (running interventions, planned controls, overdue) and last / next control.
- ``provider_interventions(store, provider_id, on=None, include_ended=False)``
  ``-> list[ControlledIntervention]`` — with the masked case label and the controls.
- ``overdue_controls(store, on=None) -> list[ControlledIntervention]`` — all providers.
- ``plan_control_visit(store, provider_id, planned_on, notes=None) -> list[int]`` — one
  planned control per running intervention of the provider in an open case (one
  transaction; audited per control as ``control.plan``). Record the visit with
  :func:`storage.casefile.interventions.record_provider_control` (notes, who and when).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from storage.casefile import (
    interventions,
    repo,
)
from storage.casefile.repo import StoreLike
from storage.casefile.summaries import case_summaries
from storage.records import validate as v
from storage.records.enums import InterventionType
from storage.records.errors import RecordNotFoundError
from storage.records.parts import (
    Provider,
    ProviderControl,
)
from storage.registers.providers import providers


@dataclass(frozen=True)
class ControlledIntervention:
    intervention_id: int
    provider_id: int
    case_id: int
    label: str  # masked case label
    type: InterventionType
    started_on: dt.date
    ended_on: dt.date | None
    control_interval_days: int | None
    case_open: bool
    controls: tuple[ProviderControl, ...]
    next_due: dt.date | None
    overdue: bool

    @property
    def last_done(self) -> dt.date | None:
        done = [c.done_on for c in self.controls if c.done_on is not None]
        return max(done) if done else None


@dataclass(frozen=True)
class ProviderOverview:
    provider: Provider
    running: int
    planned: int  # planned controls not yet done
    overdue: int  # running interventions whose control is overdue
    last_control: dt.date | None
    next_due: dt.date | None


def _running(row_end: str | None, case_open: bool, on: dt.date) -> bool:
    return case_open and (row_end is None or repo.must_date(row_end) >= on)


def _next_due(
    controls: tuple[ProviderControl, ...], started: dt.date, interval: int | None
) -> dt.date | None:
    planned = [c.planned_on for c in controls if c.done_on is None]
    if planned:
        return min(planned)
    if interval is None:
        return None
    done = [c.done_on for c in controls if c.done_on is not None]
    return (max(done) if done else started) + dt.timedelta(days=int(interval))


def _load(
    store: StoreLike, on: dt.date, provider_id: int | None = None
) -> list[ControlledIntervention]:
    sql = (
        "SELECT i.id, i.provider_id, i.case_id, i.type, i.started_on, i.ended_on, "
        "i.control_interval_days, c.status NOT IN ('closed', 'handed_over') "
        "FROM interventions i JOIN cases c ON c.id = i.case_id WHERE i.provider_id IS NOT NULL"
    )
    params: tuple[int, ...] = ()
    if provider_id is not None:
        sql += " AND i.provider_id = ?"
        params = (int(provider_id),)
    rows = store.conn.execute(sql + " ORDER BY i.started_on, i.id", params).fetchall()
    controls: dict[int, list[ProviderControl]] = {}
    for r in store.conn.execute(
        "SELECT id, intervention_id, planned_on, done_on, done_by, notes FROM provider_controls "
        "ORDER BY planned_on, id"
    ):
        controls.setdefault(int(r[1]), []).append(
            ProviderControl(
                int(r[0]), int(r[1]), repo.must_date(r[2]), repo.to_date(r[3]), r[4], r[5]
            )
        )
    labels = {s.case_id: s.label for s in case_summaries(store, sorted({r[2] for r in rows}))}
    out = []
    for r in rows:
        mine = tuple(controls.get(int(r[0]), ()))
        started, interval, case_open = repo.must_date(r[4]), r[6], bool(r[7])
        due = _next_due(mine, started, interval)
        running = _running(r[5], case_open, on)
        out.append(
            ControlledIntervention(
                int(r[0]),
                int(r[1]),
                int(r[2]),
                labels.get(int(r[2]), ""),
                InterventionType(r[3]),
                started,
                repo.to_date(r[5]),
                interval,
                case_open,
                mine,
                due,
                running and due is not None and due < on,
            )
        )
    return out


def provider_interventions(
    store: StoreLike, provider_id: int, on: dt.date | None = None, include_ended: bool = False
) -> list[ControlledIntervention]:
    if not any(p.id == int(provider_id) for p in providers(store)):
        raise RecordNotFoundError(record="provider", id=int(provider_id))
    day = on or repo.today()
    items = _load(store, day, provider_id)
    if include_ended:
        return items
    return [i for i in items if _running(repo.iso(i.ended_on), i.case_open, day)]


def overdue_controls(store: StoreLike, on: dt.date | None = None) -> list[ControlledIntervention]:
    items = [i for i in _load(store, on or repo.today()) if i.overdue]
    return sorted(items, key=lambda i: (i.next_due or dt.date.min, i.intervention_id))


def provider_register(store: StoreLike, on: dt.date | None = None) -> list[ProviderOverview]:
    day = on or repo.today()
    by_provider: dict[int, list[ControlledIntervention]] = {}
    for item in _load(store, day):
        by_provider.setdefault(item.provider_id, []).append(item)
    out = []
    for p in providers(store):
        items = by_provider.get(p.id, [])
        running = [i for i in items if _running(repo.iso(i.ended_on), i.case_open, day)]
        done = [i.last_done for i in items if i.last_done is not None]
        dues = [i.next_due for i in running if i.next_due is not None]
        planned = sum(1 for i in items for c in i.controls if c.done_on is None)
        out.append(
            ProviderOverview(
                p,
                len(running),
                planned,
                sum(1 for i in running if i.overdue),
                max(done) if done else None,
                min(dues) if dues else None,
            )
        )
    return out


def plan_control_visit(
    store: StoreLike, provider_id: int, planned_on: dt.date | str, notes: str | None = None
) -> list[int]:
    """Plan one control per running intervention of the provider (all or nothing)."""
    day = v.required_date("planned_on", planned_on)
    note = v.text("notes", notes, required=False, limit=v.LONG, multiline=True)
    items = provider_interventions(store, provider_id, repo.today())
    with store.transaction():
        return [
            interventions.plan_provider_control(store, i.intervention_id, day, note) for i in items
        ]
