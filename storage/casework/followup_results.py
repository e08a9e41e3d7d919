"""Closing with an outcome, the 6- and 12-month follow-up plan, and the follow-up form.

Builds on the domain (:mod:`storage.casefile.cases`, :mod:`storage.casefile.followups`):
a follow-up is a
``follow_ups`` row (kind, date, summary) plus, from this module, a ``follow_up_results`` row
with closed codes (status, housing, occupation, relapse) that statistics can count.

Public API (``store`` is a :class:`storage.vault.opening.Store`):

- ``close_case(store, case_id, outcome, on=None) -> list[FollowUpDue]`` — avslutad with an
  outcome (domain ``set_status``); returns the follow-up plan it starts.
- ``follow_up_plan(store, case_id) -> list[FollowUpDue]`` — the 6- and 12-month
  follow-ups of a closed case: due date, done or not (``.overdue(today)``). Empty for open
  cases, handed-over cases and the outcome ej aktuellt (no follow-up then, as in
  :mod:`storage.casework.reminders`, which already reminds of them as ``follow_up``).
- ``record_follow_up(store, case_id, *, kind, done_on, status, housing, occupation, relapse,
  notes=None, domains=(), intervention_ids=()) -> int`` — the form; one transaction, audited
  ``follow_up.add`` (domain) and ``follow_up.result``; with ``domains`` and
  ``intervention_ids``, what the follow-up evaluates (:mod:`storage.caseplan.followup_links`,
  audited ``follow_up.links``). Returns the ``follow_ups`` id.
- ``follow_up_results(store, case_id) -> list[FollowUpResult]``.

The vocabularies (:class:`FollowUpStatus`, :class:`Housing`, :class:`Occupation`,
:class:`Relapse`) are :class:`storage.records.enums.Choice` enums with Swedish labels.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from storage.casefile import (
    cases,
    followups,
    repo,
)
from storage.casefile.repo import StoreLike
from storage.caseplan.followup_links import set_follow_up_links
from storage.casework.reminders import add_months
from storage.records import validate as v
from storage.records.enums import (
    CaseStatus,
    Choice,
    FollowUpKind,
    Outcome,
    _labelled,
)


class FollowUpStatus(Choice):
    STABLE = "stable"
    PARTLY_STABLE = "partly_stable"
    UNSTABLE = "unstable"
    NOT_REACHED = "not_reached"


_labelled(
    FollowUpStatus,
    {
        "stable": "stabil situation",
        "partly_stable": "delvis stabil",
        "unstable": "instabil situation",
        "not_reached": "ej nådd",
    },
)


class Housing(Choice):
    OWN_TENANCY = "own_tenancy"
    SUBLET = "sublet"
    WITH_FAMILY = "with_family"
    SUPPORTED_HOUSING = "supported_housing"
    PROTECTED_HOUSING = "protected_housing"
    INSTITUTION = "institution"
    HOMELESS = "homeless"
    UNKNOWN = "unknown"


_labelled(
    Housing,
    {
        "own_tenancy": "eget kontrakt",
        "sublet": "andrahandskontrakt",
        "with_family": "hos anhöriga",
        "supported_housing": "stödboende",
        "protected_housing": "skyddat boende",
        "institution": "institution",
        "homeless": "hemlös",
        "unknown": "okänt",
    },
)


class Occupation(Choice):
    EMPLOYED = "employed"
    STUDYING = "studying"
    LABOUR_MARKET_PROGRAMME = "labour_market_programme"
    SICK_LEAVE = "sick_leave"
    NONE = "none"
    UNKNOWN = "unknown"


_labelled(
    Occupation,
    {
        "employed": "arbete",
        "studying": "studier",
        "labour_market_programme": "arbetsmarknadsinsats",
        "sick_leave": "sjukskriven",
        "none": "ingen sysselsättning",
        "unknown": "okänt",
    },
)


class Relapse(Choice):
    NONE = "none"
    SUSPECTED = "suspected"
    CONFIRMED = "confirmed"
    UNKNOWN = "unknown"


_labelled(
    Relapse,
    {
        "none": "inget återfall",
        "suspected": "misstänkt återfall",
        "confirmed": "återfall",
        "unknown": "okänt",
    },
)

#: Months after closing for each planned follow-up.
PLAN: tuple[tuple[FollowUpKind, int], ...] = (
    (FollowUpKind.SIX_MONTHS, 6),
    (FollowUpKind.TWELVE_MONTHS, 12),
)


@dataclass(frozen=True)
class FollowUpDue:
    """One planned follow-up of a closed case."""

    case_id: int
    kind: FollowUpKind
    due_on: dt.date
    follow_up_id: int | None  # the recorded follow-up, if done
    done_on: dt.date | None

    @property
    def done(self) -> bool:
        return self.follow_up_id is not None

    def overdue(self, today: dt.date) -> bool:
        return not self.done and self.due_on < today


@dataclass(frozen=True)
class FollowUpResult:
    """A recorded follow-up with its form (the form fields are ``None`` for follow-ups
    recorded without it, e.g. through :func:`storage.casefile.followups.add_follow_up`)."""

    follow_up_id: int
    case_id: int
    kind: FollowUpKind
    done_on: dt.date
    summary: str
    created_by: str
    status: FollowUpStatus | None
    housing: Housing | None
    occupation: Occupation | None
    relapse: Relapse | None


def close_case(
    store: StoreLike, case_id: int, outcome: Outcome | str, on: dt.date | None = None
) -> list[FollowUpDue]:
    """Close the case (avslutad) with an outcome; returns its follow-up plan."""
    cases.set_status(store, case_id, CaseStatus.CLOSED, outcome=outcome, on=on)
    return follow_up_plan(store, case_id)


def follow_up_plan(store: StoreLike, case_id: int) -> list[FollowUpDue]:
    row = store.conn.execute(
        "SELECT status, outcome, closed_on FROM cases WHERE id = ?", (int(case_id),)
    ).fetchone()
    if row is None:
        repo.case_row(store, case_id)  # raises CaseNotFoundError
    if row[0] != CaseStatus.CLOSED.value or row[1] == Outcome.NOT_APPLICABLE.value:
        return []
    closed = repo.must_date(row[2])
    done: dict[str, tuple[int, dt.date]] = {}
    for fid, kind, day in store.conn.execute(
        "SELECT id, kind, done_on FROM follow_ups WHERE case_id = ? ORDER BY done_on, id",
        (int(case_id),),
    ):
        done.setdefault(kind, (int(fid), repo.must_date(day)))
    plan = []
    for kind, months in PLAN:
        hit = done.get(kind.value)
        plan.append(
            FollowUpDue(
                int(case_id),
                kind,
                add_months(closed, months),
                hit[0] if hit else None,
                hit[1] if hit else None,
            )
        )
    return plan


def _summary(status: FollowUpStatus, housing: Housing, work: Occupation, relapse: Relapse) -> str:
    return (
        f"Status: {status.label}; boende: {housing.label}; sysselsättning: {work.label}; "
        f"återfall: {relapse.label}"
    )


def record_follow_up(
    store: StoreLike,
    case_id: int,
    *,
    kind: FollowUpKind | str,
    done_on: dt.date | str,
    status: FollowUpStatus | str,
    housing: Housing | str,
    occupation: Occupation | str,
    relapse: Relapse | str,
    notes: str | None = None,
    domains: Iterable[str] = (),
    intervention_ids: Iterable[int] = (),
) -> int:
    """Record a follow-up with its form; all fields are checked before anything is stored."""
    which = FollowUpKind.parse(kind, "kind")
    state = FollowUpStatus.parse(status, "status")
    home = Housing.parse(housing, "housing")
    work = Occupation.parse(occupation, "occupation")
    back = Relapse.parse(relapse, "relapse")
    text = v.text("notes", notes, required=False, limit=v.LONG, multiline=True)
    summary = text or _summary(state, home, work, back)
    with store.transaction():
        number = repo.case_number(store, case_id)
        follow_up_id = followups.add_follow_up(
            store, case_id, kind=which, done_on=done_on, summary=summary
        )
        repo.insert(
            store,
            "follow_up_results",
            {
                "follow_up_id": follow_up_id,
                "status": state.value,
                "housing": home.value,
                "occupation": work.value,
                "relapse": back.value,
                "created_at": repo.utc_now(),
            },
        )
        repo.audit(
            store,
            "follow_up.result",
            number,
            case_id=int(case_id),
            follow_up_id=follow_up_id,
            status=state.value,
            relapse=back.value,
        )
        wanted, ids = list(domains), list(intervention_ids)
        if wanted or ids:
            set_follow_up_links(store, follow_up_id, domains=wanted, intervention_ids=ids)
    return follow_up_id


def follow_up_results(store: StoreLike, case_id: int) -> list[FollowUpResult]:
    repo.case_row(store, case_id)
    rows = store.conn.execute(
        "SELECT f.id, f.case_id, f.kind, f.done_on, f.summary, f.created_by, r.status, "
        "r.housing, r.occupation, r.relapse FROM follow_ups f "
        "LEFT JOIN follow_up_results r ON r.follow_up_id = f.id "
        "WHERE f.case_id = ? ORDER BY f.done_on, f.id",
        (int(case_id),),
    )
    return [
        FollowUpResult(
            int(r[0]),
            int(r[1]),
            FollowUpKind(r[2]),
            repo.must_date(r[3]),
            r[4],
            r[5],
            FollowUpStatus(r[6]) if r[6] else None,
            Housing(r[7]) if r[7] else None,
            Occupation(r[8]) if r[8] else None,
            Relapse(r[9]) if r[9] else None,
        )
        for r in rows
    ]
