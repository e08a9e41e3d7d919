"""Statsbidrag (state grant via Polismyndigheten): the police's criteria for each case.

The police's criteria for an individual in an exit programme: motivation to leave, a
threat, consent, signed conditions, not a witness in a pending case, a social-services
decision. Four are derived from the case file where it can tell; every criterion can be
confirmed (or denied) by hand, with who and when. The latest confirmation of a criterion
wins over what the data says; a criterion with neither is *not met*.

Public API:

- ``grant_checklist(store, case_id, on=None) -> GrantChecklist`` — ``items`` in
  :class:`Criterion` order, each with ``met``, ``source`` ("manual" | "data" | None), the
  derived evidence and the latest confirmation.
- ``confirm_criterion(store, case_id, criterion, *, met=True, note=None) -> int`` — audited
  ``grant.confirm``; history kept (``confirmations(store, case_id)``).
- ``criteria_met(store, ids, day) -> {case id: criteria met}`` — for the summary
  (:mod:`storage.statistics.grant_summary`).

Derived: *consent* — a consent valid on the day; *signed_conditions* — an agreement signed
by the day with at least one condition; *threat* — a threat assessment made by the day;
*social_services_decision* — the case is beslutad, genomförande or uppföljning, or the
audit log shows it was moved to beslutad. *motivation* and *not_witness* are manual only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.records import validate as v
from storage.records.enums import (
    Choice,
    _labelled,
)


class Criterion(Choice):
    MOTIVATION = "motivation"
    THREAT = "threat"
    CONSENT = "consent"
    SIGNED_CONDITIONS = "signed_conditions"
    NOT_WITNESS = "not_witness"
    SOCIAL_SERVICES_DECISION = "social_services_decision"


_labelled(
    Criterion,
    {
        "motivation": "motivation att lämna miljön",
        "threat": "hotbild",
        "consent": "samtycke",
        "signed_conditions": "undertecknade villkor",
        "not_witness": "inte vittne i pågående mål",
        "social_services_decision": "socialtjänstens beslut",
    },
)

DERIVED = {
    Criterion.THREAT: "hotbedömning finns",
    Criterion.CONSENT: "giltigt samtycke finns",
    Criterion.SIGNED_CONDITIONS: "undertecknad överenskommelse med villkor finns",
    Criterion.SOCIAL_SERVICES_DECISION: "ärendet har beslutats",
}


@dataclass(frozen=True)
class Confirmation:
    id: int
    case_id: int
    criterion: Criterion
    met: bool
    note: str | None
    confirmed_by: str
    confirmed_at: str


@dataclass(frozen=True)
class CriterionStatus:
    criterion: Criterion
    met: bool
    source: str | None  # "manual", "data" or None (nothing known: not met)
    derived: bool | None  # what the case file says; None = cannot be derived
    evidence: str | None  # Swedish text for what the data shows
    confirmation: Confirmation | None


@dataclass(frozen=True)
class GrantChecklist:
    case_id: int
    on: dt.date
    items: tuple[CriterionStatus, ...]

    @property
    def all_met(self) -> bool:
        return all(i.met for i in self.items)


def _confirmation(r: Sequence[Any]) -> Confirmation:
    note = None if r[4] is None else str(r[4])
    return Confirmation(
        int(r[0]), int(r[1]), Criterion(r[2]), bool(r[3]), note, str(r[5]), str(r[6])
    )


def confirmations(store: StoreLike, case_id: int) -> list[Confirmation]:
    """Every confirmation of the case, oldest first."""
    repo.case_row(store, case_id)
    rows = store.conn.execute(
        "SELECT id, case_id, criterion, met, note, confirmed_by, confirmed_at "
        "FROM grant_confirmations WHERE case_id = ? ORDER BY id",
        (int(case_id),),
    )
    return [_confirmation(r) for r in rows]


def confirm_criterion(
    store: StoreLike,
    case_id: int,
    criterion: Criterion | str,
    *,
    met: bool = True,
    note: str | None = None,
) -> int:
    which = Criterion.parse(criterion, "criterion")
    flag = v.boolean("met", met)
    text = v.text("note", note, required=False, limit=2000, multiline=True)
    with store.transaction():
        number = repo.case_number(store, case_id)
        row_id = repo.insert(
            store,
            "grant_confirmations",
            {
                "case_id": int(case_id),
                "criterion": which.value,
                "met": int(flag),
                "note": text,
                "confirmed_by": store.actor,
                "confirmed_at": repo.utc_now(),
            },
        )
        repo.audit(
            store, "grant.confirm", number, case_id=int(case_id), criterion=which.value, met=flag
        )
    return row_id


def _derived(store: StoreLike, ids: set[int], day: dt.date) -> dict[int, set[Criterion]]:
    """The criteria the case files show as met on ``day``, per case."""
    d = day.isoformat()
    out: dict[int, set[Criterion]] = {i: set() for i in ids}

    def mark(criterion: Criterion, sql: str, params: tuple[str, ...]) -> None:
        for (case_id,) in store.conn.execute(sql, params):
            if int(case_id) in out:
                out[int(case_id)].add(criterion)

    mark(Criterion.THREAT, "SELECT case_id FROM threat_assessments WHERE assessed_on <= ?", (d,))
    mark(
        Criterion.CONSENT,
        "SELECT case_id FROM consents WHERE signed_on <= ? AND (expires_on IS NULL OR "
        "expires_on >= ?) AND (revoked_on IS NULL OR revoked_on > ?)",
        (d, d, d),
    )
    mark(
        Criterion.SIGNED_CONDITIONS,
        "SELECT a.case_id FROM agreements a JOIN conditions k ON k.agreement_id = a.id "
        "WHERE a.signed_on <= ?",
        (d,),
    )
    mark(
        Criterion.SOCIAL_SERVICES_DECISION,
        "SELECT id FROM cases WHERE status IN ('decided', 'implementation', 'follow_up')",
        (),
    )
    mark(
        Criterion.SOCIAL_SERVICES_DECISION,
        "SELECT c.id FROM cases c JOIN audit_log l ON l.subject = c.case_number "
        "WHERE l.action = 'case.status' AND json_extract(l.details, '$.to') = 'decided' "
        "AND json_extract(l.details, '$.case_id') = c.id "
        "AND substr(l.ts, 1, 19) >= substr(c.created_at, 1, 19) AND substr(l.ts, 1, 10) <= ?",
        (d,),
    )
    return out


def _latest(store: StoreLike, ids: set[int]) -> dict[tuple[int, Criterion], Confirmation]:
    latest: dict[tuple[int, Criterion], Confirmation] = {}
    for r in store.conn.execute(
        "SELECT id, case_id, criterion, met, note, confirmed_by, confirmed_at "
        "FROM grant_confirmations ORDER BY id"
    ):
        c = _confirmation(r)
        if c.case_id in ids:
            latest[(c.case_id, c.criterion)] = c
    return latest


def _items(
    case_id: int, derived: set[Criterion], latest: dict[tuple[int, Criterion], Confirmation]
) -> tuple[CriterionStatus, ...]:
    items = []
    for criterion in Criterion:
        known = criterion in DERIVED
        has = criterion in derived
        conf = latest.get((case_id, criterion))
        met = conf.met if conf is not None else has
        source: str | None = "manual" if conf is not None else "data" if has else None
        evidence = DERIVED[criterion] if has else None
        items.append(
            CriterionStatus(criterion, met, source, has if known else None, evidence, conf)
        )
    return tuple(items)


def grant_checklist(store: StoreLike, case_id: int, on: dt.date | None = None) -> GrantChecklist:
    repo.case_row(store, case_id)
    day = on or repo.today()
    ids = {int(case_id)}
    items = _items(int(case_id), _derived(store, ids, day)[int(case_id)], _latest(store, ids))
    return GrantChecklist(int(case_id), day, items)


def criteria_met(store: StoreLike, ids: set[int], day: dt.date) -> dict[int, tuple[Criterion, ...]]:
    """The criteria each case meets on ``day`` (confirmations win over the data)."""
    derived, latest = _derived(store, ids, day), _latest(store, ids)
    return {
        case_id: tuple(i.criterion for i in _items(case_id, derived[case_id], latest) if i.met)
        for case_id in sorted(ids)
    }
