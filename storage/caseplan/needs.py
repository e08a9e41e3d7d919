"""Needs assessments (behovsbedömning): every domain rated on the documented scale, at intake
and again later, and what the case overview points out.

Public API:

- ``add_needs_assessment(store, case_id, *, assessed_on, occasion, ratings,
  next_review_on=None, note=None, assessed_by=None) -> int`` — ``ratings`` rates every
  :class:`NeedDomain` (a mapping domain -> level, or level and note; or a list of
  ``{"domain", "level", "note"}``). ``next_review_on`` (ny bedömning senast) defaults to six
  months later, except for an assessment at closing; it is a reminder
  (``needs_review``) while it is the case's latest assessment and the case is open. A
  closed case takes only assessments at a follow-up or at closing. Never changed once
  recorded: a new assessment is the change.
- ``needs_assessments(store, case_id) -> [NeedsAssessment]`` (oldest first),
  ``latest_assessment(store, case_id)``.
- ``need_history(store, case_id) -> {NeedDomain: [(date, score)]}`` — the change per
  domain over time, for the case view's chart.
- ``unmet_needs(store, case_id, on=None) -> [UnmetNeed]`` — the high needs (stort or akut
  behov) of the latest assessment that no intervention running on ``on`` meets
  (:data:`DOMAIN_INTERVENTIONS`), nor a running SIP, nor for a health domain a care contact
  of its kind (:data:`DOMAIN_CARE`).

Audit action: ``needs.assess`` (ids, the occasion, how many domains rated high).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.caseplan.errors import NeedsIncompleteError, NeedsOccasionError
from storage.casework.reminders import add_months
from storage.records import validate as v
from storage.records.enums import CaseStatus, InterventionType
from storage.records.errors import DateOrderError, FieldTypeError
from storage.records.knowledge import (
    DOMAIN_CARE,
    DOMAIN_INTERVENTIONS,
    AssessmentOccasion,
    CareKind,
    NeedDomain,
    NeedLevel,
    NeedRating,
    NeedsAssessment,
    UnmetNeed,
)

REVIEW_MONTHS = 6
NOTE_LIMIT = 2000
_AFTER_CLOSING = (AssessmentOccasion.FOLLOW_UP, AssessmentOccasion.CLOSING)


def _rating(domain: object, value: object, path: str) -> NeedRating:
    which = NeedDomain.parse(domain, f"{path}.domain")
    note: object = None
    code: object = value
    if isinstance(value, tuple | list) and len(value) == 2:
        code, note = value[0], value[1]
    elif isinstance(value, Mapping):
        code, note = value.get("level"), value.get("note")
    level = NeedLevel.parse(code, f"ratings.{which.value}")
    text = v.text(f"ratings.{which.value}.note", note, required=False, limit=NOTE_LIMIT)
    return NeedRating(which, level, text)


def parse_ratings(value: object) -> list[NeedRating]:
    """Every domain's rating from a mapping or a list of objects; all ten are required."""
    out: dict[NeedDomain, NeedRating] = {}
    if isinstance(value, Mapping):
        for domain, level in value.items():
            rating = _rating(domain, level, "ratings")
            out[rating.domain] = rating
    elif isinstance(value, Sequence) and not isinstance(value, str):
        for i, item in enumerate(value):
            if not isinstance(item, Mapping):
                raise FieldTypeError(field=f"ratings[{i}]", expected="an object")
            rating = _rating(item.get("domain"), item, f"ratings[{i}]")
            out[rating.domain] = rating
    else:
        raise FieldTypeError(field="ratings", expected="a rating for every domain")
    missing = [d.label for d in NeedDomain if d not in out]
    if missing:
        raise NeedsIncompleteError(field="ratings", missing=", ".join(missing))
    return [out[d] for d in NeedDomain]


def add_needs_assessment(
    store: StoreLike,
    case_id: int,
    *,
    assessed_on: dt.date | str,
    occasion: AssessmentOccasion | str,
    ratings: object,
    next_review_on: dt.date | str | None = None,
    note: str | None = None,
    assessed_by: str | None = None,
) -> int:
    day = v.required_past("assessed_on", assessed_on, repo.today())
    when = AssessmentOccasion.parse(occasion, "occasion")
    rated = parse_ratings(ratings)
    review = v.date("next_review_on", next_review_on, required=False)
    if review is None and when is not AssessmentOccasion.CLOSING:
        review = add_months(day, REVIEW_MONTHS)
    if review is not None and review <= day:
        raise DateOrderError(field="next_review_on", other="assessed_on")
    who = v.required_text("assessed_by", assessed_by or store.actor, limit=100)
    text = v.text("note", note, required=False, limit=v.LONG, multiline=True)
    with store.transaction():
        _, number, status = repo.case_row(store, case_id)
        if status.is_terminal and when not in _AFTER_CLOSING:
            raise NeedsOccasionError(field="occasion", case=number)
        assessment_id = repo.insert(
            store,
            "needs_assessments",
            {
                "case_id": int(case_id),
                "assessed_on": day.isoformat(),
                "occasion": when.value,
                "assessed_by": who,
                "next_review_on": repo.iso(review),
                "note": text,
                "created_by": store.actor,
                "created_at": repo.utc_now(),
            },
        )
        store.conn.executemany(
            "INSERT INTO need_ratings (assessment_id, domain, level, note) VALUES (?, ?, ?, ?)",
            [(assessment_id, r.domain.value, r.level.value, r.note) for r in rated],
        )
        repo.changed(store, "needs_assessments", assessment_id, ("ratings",))
        repo.touch_case(store, case_id)
        repo.audit(
            store,
            "needs.assess",
            number,
            case_id=int(case_id),
            assessment_id=assessment_id,
            occasion=when.value,
            high=sum(1 for r in rated if r.level.is_high),
        )
    return assessment_id


def needs_assessments(store: StoreLike, case_id: int) -> list[NeedsAssessment]:
    repo.case_row(store, case_id)
    ratings: dict[int, list[NeedRating]] = {}
    for aid, domain, level, note in store.conn.execute(
        "SELECT r.assessment_id, r.domain, r.level, r.note FROM need_ratings r "
        "JOIN needs_assessments a ON a.id = r.assessment_id WHERE a.case_id = ?",
        (int(case_id),),
    ):
        ratings.setdefault(int(aid), []).append(
            NeedRating(NeedDomain(domain), NeedLevel(level), note)
        )
    order = {d: i for i, d in enumerate(NeedDomain)}
    return [
        NeedsAssessment(
            int(r[0]),
            int(r[1]),
            repo.must_date(r[2]),
            AssessmentOccasion(r[3]),
            r[4],
            repo.to_date(r[5]),
            r[6],
            tuple(sorted(ratings.get(int(r[0]), []), key=lambda x: order[x.domain])),
            r[7],
        )
        for r in store.conn.execute(
            "SELECT id, case_id, assessed_on, occasion, assessed_by, next_review_on, note, "
            "created_at FROM needs_assessments WHERE case_id = ? ORDER BY assessed_on, id",
            (int(case_id),),
        )
    ]


def latest_assessment(store: StoreLike, case_id: int) -> NeedsAssessment | None:
    found = needs_assessments(store, case_id)
    return found[-1] if found else None


def need_history(store: StoreLike, case_id: int) -> dict[NeedDomain, list[tuple[dt.date, int]]]:
    out: dict[NeedDomain, list[tuple[dt.date, int]]] = {d: [] for d in NeedDomain}
    for assessment in needs_assessments(store, case_id):
        for rating in assessment.ratings:
            out[rating.domain].append((assessment.assessed_on, rating.level.score))
    return out


def _running(store: StoreLike, case_id: int, on: dt.date) -> tuple[set[str], bool, set[str]]:
    day = on.isoformat()
    types = {
        str(t)
        for (t,) in store.conn.execute(
            "SELECT type FROM interventions WHERE case_id = ? AND started_on <= ? "
            "AND (ended_on IS NULL OR ended_on >= ?)",
            (int(case_id), day, day),
        )
    }
    sip = (
        store.conn.execute(
            "SELECT 1 FROM sips WHERE case_id = ? AND held_on <= ? "
            "AND (ended_on IS NULL OR ended_on >= ?)",
            (int(case_id), day, day),
        ).fetchone()
        is not None
    )
    care = {
        str(k)
        for (k,) in store.conn.execute(
            "SELECT kind FROM care_contacts WHERE case_id = ? AND started_on <= ? "
            "AND (ended_on IS NULL OR ended_on >= ?)",
            (int(case_id), day, day),
        )
    }
    return types, sip, care


def unmet_needs(store: StoreLike, case_id: int, on: dt.date | None = None) -> list[UnmetNeed]:
    """High needs of the latest assessment that nothing running meets (module docstring)."""
    latest = latest_assessment(store, case_id)
    _, _, status = repo.case_row(store, case_id)
    if latest is None or status in (CaseStatus.CLOSED, CaseStatus.HANDED_OVER):
        return []
    types, sip, care = _running(store, case_id, on or repo.today())
    out = []
    for rating in latest.ratings:
        if not rating.level.is_high or sip:
            continue
        meets = {InterventionType(t) for t in types} & DOMAIN_INTERVENTIONS[rating.domain]
        cared = {CareKind(k) for k in care} & DOMAIN_CARE.get(rating.domain, frozenset())
        if not meets and not cared:
            out.append(UnmetNeed(rating.domain, rating.level, latest.assessed_on))
    return out
