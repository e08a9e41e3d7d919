"""Samtycke (consent) and överenskommelse (agreement) with villkor (conditions) and breaches.

Public API:

- ``add_consent(store, case_id, *, agencies, municipalities, signed_on, expires_on=None,
  person_id=None) -> int`` — which agencies and municipalities the consent covers.
- ``revoke_consent(store, consent_id, *, revoked_on, reason=None)``
- ``consents(store, case_id) -> list[Consent]`` (``Consent.covers_municipality`` answers
  whether a handover to a municipality has a consent behind it on a date).
- ``add_agreement(store, case_id, *, signed_on, conditions, valid_until=None, summary=None)``
  ``-> int`` — an överenskommelse with its villkor (a list of texts).
- ``add_condition(store, agreement_id, text) -> int``
- ``record_breach(store, condition_id, *, occurred_on, description, consequence=None) -> int``
- ``agreements(store, case_id) -> list[Agreement]`` (conditions and breaches included).

Audit actions: ``consent.add``, ``consent.revoke``, ``agreement.add``, ``condition.add``,
``condition.breach``.
"""

from __future__ import annotations

import datetime as dt
import json

from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.records import validate as v
from storage.records.errors import (
    AlreadyDoneError,
    RecordNotFoundError,
)
from storage.records.parts import (
    Agreement,
    Breach,
    Condition,
    Consent,
)


def _check_person(store: StoreLike, case_id: int, person_id: int | None) -> int | None:
    if person_id is None:
        return None
    if repo.record_case(store, "persons", person_id, "person") != int(case_id):
        raise RecordNotFoundError(record="person", id=int(person_id))
    return int(person_id)


def add_consent(
    store: StoreLike,
    case_id: int,
    *,
    agencies: list[str],
    municipalities: list[str],
    signed_on: dt.date | str,
    expires_on: dt.date | str | None = None,
    person_id: int | None = None,
) -> int:
    agency_list = v.text_list("agencies", agencies, limit=100)
    muni_list = v.text_list("municipalities", municipalities, limit=100, required=False)
    signed = v.not_future("signed_on", v.required_date("signed_on", signed_on), repo.today())
    expires = v.date("expires_on", expires_on, required=False)
    v.ordered("expires_on", expires, "signed_on", signed)
    with store.transaction():
        number = repo.open_case_number(store, case_id)
        pid = _check_person(store, case_id, person_id)
        consent_id = repo.insert(
            store,
            "consents",
            {
                "case_id": int(case_id),
                "person_id": pid,
                "agencies": json.dumps(agency_list, ensure_ascii=False),
                "municipalities": json.dumps(muni_list, ensure_ascii=False),
                "signed_on": repo.iso(signed),
                "expires_on": repo.iso(expires),
                "created_at": repo.utc_now(),
            },
        )
        repo.touch_case(store, case_id)
        repo.audit(store, "consent.add", number, case_id=int(case_id), consent_id=consent_id)
    return consent_id


def revoke_consent(
    store: StoreLike, consent_id: int, *, revoked_on: dt.date | str, reason: str | None = None
) -> None:
    day = v.required_date("revoked_on", revoked_on)
    why = v.text("reason", reason, required=False, limit=500)
    case_id = repo.record_case(store, "consents", consent_id, "consent")
    with store.transaction():
        number = repo.case_number(store, case_id)
        signed, revoked = store.conn.execute(
            "SELECT signed_on, revoked_on FROM consents WHERE id = ?", (consent_id,)
        ).fetchone()
        if revoked is not None:
            raise AlreadyDoneError(field="revoked_on", record="consent")
        v.ordered("revoked_on", day, "signed_on", repo.must_date(signed))
        repo.update(
            store, "consents", consent_id, {"revoked_on": repo.iso(day), "revoked_reason": why}
        )
        repo.touch_case(store, case_id)
        repo.audit(store, "consent.revoke", number, case_id=case_id, consent_id=int(consent_id))


def consents(store: StoreLike, case_id: int) -> list[Consent]:
    repo.case_row(store, case_id)
    rows = store.conn.execute(
        "SELECT id, case_id, person_id, agencies, municipalities, signed_on, expires_on, "
        "revoked_on, revoked_reason FROM consents WHERE case_id = ? ORDER BY signed_on, id",
        (int(case_id),),
    )
    return [
        Consent(
            id=int(r[0]),
            case_id=int(r[1]),
            person_id=r[2],
            agencies=tuple(json.loads(r[3])),
            municipalities=tuple(json.loads(r[4])),
            signed_on=repo.must_date(r[5]),
            expires_on=repo.to_date(r[6]),
            revoked_on=repo.to_date(r[7]),
            revoked_reason=r[8],
        )
        for r in rows
    ]


def add_agreement(
    store: StoreLike,
    case_id: int,
    *,
    signed_on: dt.date | str,
    conditions: list[str],
    valid_until: dt.date | str | None = None,
    summary: str | None = None,
) -> int:
    signed = v.not_future("signed_on", v.required_date("signed_on", signed_on), repo.today())
    until = v.date("valid_until", valid_until, required=False)
    v.ordered("valid_until", until, "signed_on", signed)
    texts = v.text_list("conditions", conditions, limit=2000)
    note = v.text("summary", summary, required=False, limit=v.LONG, multiline=True)
    with store.transaction():
        number = repo.open_case_number(store, case_id)
        now = repo.utc_now()
        agreement_id = repo.insert(
            store,
            "agreements",
            {
                "case_id": int(case_id),
                "signed_on": repo.iso(signed),
                "valid_until": repo.iso(until),
                "summary": note,
                "created_at": now,
            },
        )
        for text in texts:
            repo.insert(
                store,
                "conditions",
                {"agreement_id": agreement_id, "text": text, "created_at": now},
            )
        repo.touch_case(store, case_id)
        repo.audit(
            store,
            "agreement.add",
            number,
            case_id=int(case_id),
            agreement_id=agreement_id,
            conditions=len(texts),
        )
    return agreement_id


def _agreement_case(store: StoreLike, agreement_id: int) -> int:
    return repo.record_case(store, "agreements", agreement_id, "agreement")


def add_condition(store: StoreLike, agreement_id: int, text: str) -> int:
    clean = v.required_text("text", text, limit=2000)
    case_id = _agreement_case(store, agreement_id)
    with store.transaction():
        number = repo.open_case_number(store, case_id)
        condition_id = repo.insert(
            store,
            "conditions",
            {"agreement_id": int(agreement_id), "text": clean, "created_at": repo.utc_now()},
        )
        repo.touch_case(store, case_id)
        repo.audit(store, "condition.add", number, case_id=case_id, condition_id=condition_id)
    return condition_id


def record_breach(
    store: StoreLike,
    condition_id: int,
    *,
    occurred_on: dt.date | str,
    description: str,
    consequence: str | None = None,
) -> int:
    day = v.not_future("occurred_on", v.required_date("occurred_on", occurred_on), repo.today())
    what = v.required_text("description", description, limit=v.LONG, multiline=True)
    then = v.text("consequence", consequence, required=False, limit=v.LONG, multiline=True)
    row = store.conn.execute(
        "SELECT agreement_id FROM conditions WHERE id = ?", (int(condition_id),)
    ).fetchone()
    if row is None:
        raise RecordNotFoundError(record="condition", id=int(condition_id))
    case_id = _agreement_case(store, int(row[0]))
    with store.transaction():
        number = repo.open_case_number(store, case_id)
        breach_id = repo.insert(
            store,
            "condition_breaches",
            {
                "condition_id": int(condition_id),
                "occurred_on": repo.iso(day),
                "description": what,
                "consequence": then,
                "created_at": repo.utc_now(),
            },
        )
        repo.touch_case(store, case_id)
        repo.audit(
            store,
            "condition.breach",
            number,
            case_id=case_id,
            condition_id=int(condition_id),
            breach_id=breach_id,
        )
    return breach_id


def agreements(store: StoreLike, case_id: int) -> list[Agreement]:
    repo.case_row(store, case_id)
    conn = store.conn
    breaches: dict[int, list[Breach]] = {}
    for r in conn.execute(
        "SELECT b.id, b.condition_id, b.occurred_on, b.description, b.consequence "
        "FROM condition_breaches b JOIN conditions c ON c.id = b.condition_id "
        "JOIN agreements a ON a.id = c.agreement_id WHERE a.case_id = ? "
        "ORDER BY b.occurred_on, b.id",
        (int(case_id),),
    ):
        breaches.setdefault(int(r[1]), []).append(
            Breach(int(r[0]), int(r[1]), repo.must_date(r[2]), r[3], r[4])
        )
    conditions: dict[int, list[Condition]] = {}
    for r in conn.execute(
        "SELECT c.id, c.agreement_id, c.text FROM conditions c "
        "JOIN agreements a ON a.id = c.agreement_id WHERE a.case_id = ? ORDER BY c.id",
        (int(case_id),),
    ):
        conditions.setdefault(int(r[1]), []).append(
            Condition(int(r[0]), int(r[1]), r[2], tuple(breaches.get(int(r[0]), ())))
        )
    return [
        Agreement(
            id=int(r[0]),
            case_id=int(r[1]),
            signed_on=repo.must_date(r[2]),
            valid_until=repo.to_date(r[3]),
            summary=r[4],
            conditions=tuple(conditions.get(int(r[0]), ())),
        )
        for r in conn.execute(
            "SELECT id, case_id, signed_on, valid_until, summary FROM agreements "
            "WHERE case_id = ? ORDER BY signed_on, id",
            (int(case_id),),
        )
    ]
