"""Insatser (interventions) and the control of their providers (kontroll av utförare).

Public API:

- ``add_intervention(store, case_id, *, type, started_on, provider_id=None, ended_on=None,
  cost_sek=None, funding=None, control_interval_days=None, notes=None, method_id=None,
  decision_id=None) -> int`` — an insats from a provider in the register
  (:mod:`storage.registers.groups`), with the method it uses (the method register) and the
  decision it rests on (any version of a decision of the same case; the link names its
  first version). Private (enskild) and non-profit (idéburen) providers are controlled the
  whole time the insats runs: every ``control_interval_days`` (default
  :data:`DEFAULT_CONTROL_INTERVAL_DAYS`).
- ``set_intervention_links(store, intervention_id, *, method_id, decision_id)`` — the
  method and decision of an existing insats (``None`` removes one).
- ``end_intervention(store, intervention_id, ended_on)``
- ``plan_provider_control(store, intervention_id, planned_on, notes=None) -> int``
- ``record_provider_control(store, control_id, done_on, notes=None)`` (done by store.actor)
- ``interventions(store, case_id) -> list[Intervention]`` (controls included)

Audit actions: ``intervention.add``, ``intervention.end``, ``intervention.links``,
``control.plan``, ``control.done``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.caseplan.errors import WrongCaseError
from storage.records import validate as v
from storage.records.enums import (
    Funding,
    InterventionType,
    ProviderKind,
)
from storage.records.errors import (
    AlreadyDoneError,
    RecordNotFoundError,
)
from storage.records.parts import (
    Intervention,
    ProviderControl,
)

DEFAULT_CONTROL_INTERVAL_DAYS = 90
MAX_COST_SEK = 100_000_000


def add_intervention(
    store: StoreLike,
    case_id: int,
    *,
    type: InterventionType | str,
    started_on: dt.date | str,
    provider_id: int | None = None,
    ended_on: dt.date | str | None = None,
    cost_sek: int | None = None,
    funding: Funding | str | None = None,
    control_interval_days: int | None = None,
    notes: str | None = None,
    method_id: int | None = None,
    decision_id: int | None = None,
) -> int:
    kind = InterventionType.parse(type, "type")
    start = v.required_date("started_on", started_on)
    end = v.date("ended_on", ended_on, required=False)
    v.ordered("ended_on", end, "started_on", start)
    cost = v.integer("cost_sek", cost_sek, low=0, high=MAX_COST_SEK, required=False)
    money = Funding.parse(funding, "funding") if funding is not None else None
    interval = v.integer(
        "control_interval_days", control_interval_days, low=1, high=366, required=False
    )
    note = v.text("notes", notes, required=False, limit=v.LONG, multiline=True)
    with store.transaction():
        number = repo.open_case_number(store, case_id)
        if provider_id is not None:
            row = store.conn.execute(
                "SELECT kind FROM providers WHERE id = ?", (int(provider_id),)
            ).fetchone()
            if row is None:
                raise RecordNotFoundError(record="provider", id=int(provider_id))
            if interval is None and ProviderKind(row[0]).needs_control:
                interval = DEFAULT_CONTROL_INTERVAL_DAYS
        method, decision = _links(store, case_id, method_id, decision_id)
        intervention_id = repo.insert(
            store,
            "interventions",
            {
                "case_id": int(case_id),
                "type": kind.value,
                "provider_id": provider_id,
                "started_on": repo.iso(start),
                "ended_on": repo.iso(end),
                "cost_sek": cost,
                "funding": money.value if money else None,
                "control_interval_days": interval,
                "notes": note,
                "created_at": repo.utc_now(),
                "method_id": method,
                "decision_id": decision,
            },
        )
        repo.touch_case(store, case_id)
        repo.audit(
            store,
            "intervention.add",
            number,
            case_id=int(case_id),
            intervention_id=intervention_id,
            type=kind.value,
            method_id=method,
            decision_id=decision,
        )
    return intervention_id


def _id(field: str, value: object) -> int | None:
    return v.integer(field, value, low=1, high=2**62, required=False)


def _links(
    store: StoreLike, case_id: int, method_id: object, decision_id: object
) -> tuple[int | None, int | None]:
    """The method (must exist) and the decision's first version (same case)."""
    method, decision = _id("method_id", method_id), _id("decision_id", decision_id)
    if method is not None and (
        store.conn.execute("SELECT 1 FROM methods WHERE id = ?", (method,)).fetchone() is None
    ):
        raise RecordNotFoundError(record="method", id=method)
    if decision is None:
        return method, None
    row = store.conn.execute(
        "SELECT case_id, coalesce(original_id, id) FROM decisions WHERE id = ?", (decision,)
    ).fetchone()
    if row is None:
        raise RecordNotFoundError(record="decision", id=decision)
    if int(row[0]) != int(case_id):
        raise WrongCaseError(field="decision_id", record="decision", id=decision)
    return method, int(row[1])


def set_intervention_links(
    store: StoreLike, intervention_id: int, *, method_id: int | None, decision_id: int | None
) -> None:
    """Set the method and the decision of an insats (``None`` removes a link)."""
    case_id, _ = _intervention(store, intervention_id)
    with store.transaction():
        number = repo.open_case_number(store, case_id)
        method, decision = _links(store, case_id, method_id, decision_id)
        repo.update(
            store,
            "interventions",
            intervention_id,
            {"method_id": method, "decision_id": decision},
        )
        repo.touch_case(store, case_id)
        repo.audit(
            store,
            "intervention.links",
            number,
            case_id=case_id,
            intervention_id=int(intervention_id),
            method_id=method,
            decision_id=decision,
        )


def _intervention(store: StoreLike, intervention_id: int) -> tuple[int, dt.date]:
    row = store.conn.execute(
        "SELECT case_id, started_on FROM interventions WHERE id = ?", (int(intervention_id),)
    ).fetchone()
    if row is None:
        raise RecordNotFoundError(record="intervention", id=int(intervention_id))
    return int(row[0]), repo.must_date(row[1])


def end_intervention(store: StoreLike, intervention_id: int, ended_on: dt.date | str) -> None:
    end = v.required_date("ended_on", ended_on)
    case_id, start = _intervention(store, intervention_id)
    v.ordered("ended_on", end, "started_on", start)
    with store.transaction():
        number = repo.open_case_number(store, case_id)
        repo.update(store, "interventions", intervention_id, {"ended_on": repo.iso(end)})
        repo.touch_case(store, case_id)
        repo.audit(
            store,
            "intervention.end",
            number,
            case_id=case_id,
            intervention_id=int(intervention_id),
        )


def plan_provider_control(
    store: StoreLike, intervention_id: int, planned_on: dt.date | str, notes: str | None = None
) -> int:
    day = v.required_date("planned_on", planned_on)
    note = v.text("notes", notes, required=False, limit=v.LONG, multiline=True)
    case_id, _ = _intervention(store, intervention_id)
    with store.transaction():
        number = repo.open_case_number(store, case_id)
        control_id = repo.insert(
            store,
            "provider_controls",
            {
                "intervention_id": int(intervention_id),
                "planned_on": repo.iso(day),
                "notes": note,
                "created_at": repo.utc_now(),
            },
        )
        repo.touch_case(store, case_id)
        repo.audit(store, "control.plan", number, case_id=case_id, control_id=control_id)
    return control_id


def record_provider_control(
    store: StoreLike, control_id: int, done_on: dt.date | str, notes: str | None = None
) -> None:
    day = v.not_future("done_on", v.required_date("done_on", done_on), repo.today())
    note = v.text("notes", notes, required=False, limit=v.LONG, multiline=True)
    row = store.conn.execute(
        "SELECT intervention_id, done_on, notes FROM provider_controls WHERE id = ?",
        (int(control_id),),
    ).fetchone()
    if row is None:
        raise RecordNotFoundError(record="provider control", id=int(control_id))
    if row[1] is not None:
        raise AlreadyDoneError(field="done_on", record="provider control")
    case_id, _ = _intervention(store, int(row[0]))
    values: dict[str, Any] = {"done_on": repo.iso(day), "done_by": store.actor}
    if note is not None:
        values["notes"] = note if not row[2] else f"{row[2]}\n{note}"
    with store.transaction():
        number = repo.open_case_number(store, case_id)
        repo.update(store, "provider_controls", control_id, values)
        repo.touch_case(store, case_id)
        repo.audit(store, "control.done", number, case_id=case_id, control_id=int(control_id))


def interventions(store: StoreLike, case_id: int) -> list[Intervention]:
    repo.case_row(store, case_id)
    controls: dict[int, list[ProviderControl]] = {}
    for r in store.conn.execute(
        "SELECT k.id, k.intervention_id, k.planned_on, k.done_on, k.done_by, k.notes "
        "FROM provider_controls k JOIN interventions i ON i.id = k.intervention_id "
        "WHERE i.case_id = ? ORDER BY k.planned_on, k.id",
        (int(case_id),),
    ):
        controls.setdefault(int(r[1]), []).append(
            ProviderControl(
                int(r[0]), int(r[1]), repo.must_date(r[2]), repo.to_date(r[3]), r[4], r[5]
            )
        )
    rows = store.conn.execute(
        "SELECT id, case_id, type, provider_id, started_on, ended_on, cost_sek, funding, "
        "control_interval_days, notes, method_id, decision_id FROM interventions "
        "WHERE case_id = ? "
        "ORDER BY started_on, id",
        (int(case_id),),
    )
    return [
        Intervention(
            id=int(r[0]),
            case_id=int(r[1]),
            type=InterventionType(r[2]),
            provider_id=r[3],
            started_on=repo.must_date(r[4]),
            ended_on=repo.to_date(r[5]),
            cost_sek=r[6],
            funding=Funding(r[7]) if r[7] else None,
            control_interval_days=r[8],
            notes=r[9],
            controls=tuple(controls.get(int(r[0]), ())),
            method_id=r[10],
            decision_id=r[11],
        )
        for r in rows
    ]
