"""Which items of an extract need a sekretessprövning, and the decision for each.

- ``check_request(request)`` — sections known and at least one, recipient and purpose given,
  the period in order; a typed error otherwise, before anything is read.
- ``review_items(store, request) -> list[ReviewItem]`` — every item of the chosen sections
  and period that needs a decision, with a label that reveals nothing and the safe default
  (``model.ITEM_KINDS``). Reads no protected field, writes nothing.
- ``resolve_choices(store, request) -> dict[str, Choice]`` — the decision for every item:
  the request's own, else the default; a mask or withholding always has an active ground.

Also the period and subject helpers the builder shares (``in_period``, ``subjects``, ...).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from storage.casefile import (
    assessments,
    journal,
    persons,
    placements,
)
from storage.casefile.cases import get_case
from storage.casefile.repo import StoreLike, case_number
from storage.errors import QT_TRANSLATE_NOOP
from storage.extract import grounds as grounds_mod
from storage.extract.errors import (
    DecisionUnknownError,
    GroundRequiredError,
    ItemUnknownError,
    NoSectionError,
    SectionUnknownError,
)
from storage.extract.model import (
    ITEM_KINDS,
    SECTIONS,
    Choice,
    Decision,
    ExtractRequest,
    ReviewItem,
)
from storage.records import validate as v
from storage.records.case import JournalEntry, Person
from storage.records.parts import CasePartner
from storage.registers.partners import case_partners


def check_request(request: ExtractRequest) -> None:
    if not request.sections:
        raise NoSectionError(field="sections")
    for code in request.sections:
        if code not in SECTIONS:
            raise SectionUnknownError(
                field="sections", value=str(code)[:30], choices=", ".join(SECTIONS)
            )
    v.required_text("recipient", request.recipient, limit=200)
    v.required_text("reason", request.reason, limit=500)
    v.ordered("end", request.end, "start", request.start)


def in_period(request: ExtractRequest, day: dt.date | None, until: dt.date | None = None) -> bool:
    """Whether something dated ``day`` (running until ``until``) falls in the period."""
    if day is None:
        return True
    last = until or day
    if request.start is not None and last < request.start:
        return False
    return request.end is None or day <= request.end


def day(utc: str) -> dt.date:
    return dt.date.fromisoformat(utc[:10])


def subjects(store: StoreLike, request: ExtractRequest, case_id: int) -> set[int]:
    if request.subject_person_ids:
        return set(request.subject_person_ids)
    found = persons.principal_id(store, case_id)
    return {found} if found is not None else set()


def person_label(p: Person) -> str:
    born = f", {p.birth_year}" if p.birth_year else ""
    return f"{p.role.label}{f' ({p.relation})' if p.relation else ''}{born}"


def partner_label(cp: CasePartner) -> str:
    """A partner as the review lists it: kind and role in the case, never the name."""
    return f"{cp.partner.kind.label}{f' ({cp.role})' if cp.role else ''}"


def event_day(entry: JournalEntry) -> dt.date:
    """When what an entry tells of happened: its event date, else the day it was written."""
    return entry.event_date or day(entry.written_at)


def journal_heading(entry: JournalEntry) -> str:
    return f"{event_day(entry).isoformat()} · {entry.entry_type.label} · {entry.author}"


def journal_in_period(store: StoreLike, request: ExtractRequest, case_id: int) -> list[Any]:
    """The journal's threads whose event date (else written day) falls in the period."""
    return [t for t in journal.journal(store, case_id) if in_period(request, event_day(t.current))]


def _case_items(store: StoreLike, request: ExtractRequest, case_id: int) -> list[ReviewItem]:
    number = case_number(store, case_id)
    items: list[tuple[str, str]] = []  # (key, label)
    chosen = set(request.sections)
    case = get_case(store, case_id)
    if "case" in chosen:
        if case.referral_source:
            items.append(
                (f"referral_source:{case_id}", QT_TRANSLATE_NOOP("Extract", "Referred by"))
            )
        if case.stay_municipality:
            items.append(
                (f"placement:stay{case_id}", QT_TRANSLATE_NOOP("Extract", "Municipality of stay"))
            )
    if "persons" in chosen:
        about = subjects(store, request, case_id)
        for p in persons.persons(store, case_id):
            kind = "subject_identity" if p.id in about else "third_party"
            items.append((f"{kind}:{p.id}", person_label(p)))
            if p.has_fictitious_identity:
                items.append((f"new_identity:{p.id}", person_label(p)))
    if "partners" in chosen:
        for cp in case_partners(store, case_id):
            items.append((f"partner:{cp.partner.id}", partner_label(cp)))
    if "placements" in chosen:
        for pl in placements.placements(store, case_id):
            if in_period(request, pl.moved_in_on, pl.moved_out_on or dt.date.max):
                items.append((f"placement:{pl.id}", pl.moved_in_on.isoformat()))
    if "threats" in chosen:
        for t in assessments.threat_assessments(store, case_id):
            if in_period(request, t.assessed_on):
                items.append((f"threat:{t.id}", f"{t.assessed_on.isoformat()} · {t.level.label}"))
    if "journal" in chosen:
        for thread in journal_in_period(store, request, case_id):
            e = thread.current
            items.append((f"journal:{e.original_id}", journal_heading(e)))
    out = []
    for key, label in items:
        kind = key.split(":", 1)[0]
        _, _, default, ground = ITEM_KINDS[kind]
        out.append(ReviewItem(key, kind, case_id, number, label, default, ground))
    return out


def review_items(store: StoreLike, request: ExtractRequest) -> list[ReviewItem]:
    check_request(request)
    out: list[ReviewItem] = []
    for case_id in request.case_ids:
        out += _case_items(store, request, int(case_id))
    return out


def resolve_choices(store: StoreLike, request: ExtractRequest) -> dict[str, Choice]:
    items = {i.key: i for i in review_items(store, request)}
    for key in request.choices:
        if key not in items:
            raise ItemUnknownError(field="choices", value=str(key)[:40])
    active = {g.label: g.id for g in grounds_mod.grounds(store)}
    resolved: dict[str, Choice] = {}
    for key, item in items.items():
        asked = request.choices.get(key)
        decision = asked.decision if asked is not None else item.default
        try:
            decision = Decision(decision)
        except ValueError:
            raise DecisionUnknownError(field=key, value=str(decision)[:20]) from None
        ground_id = asked.ground_id if asked is not None else None
        if decision is not Decision.INCLUDE:
            if ground_id is None:
                ground_id = active.get(item.default_ground or "")
            if ground_id is None:
                raise GroundRequiredError(field=key)
            grounds_mod.ground(store, ground_id)  # must exist and be active
        resolved[key] = Choice(decision, ground_id if decision is not Decision.INCLUDE else None)
    return resolved
