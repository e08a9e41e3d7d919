"""Contacts with psychiatry and addiction care (region, unit, contact person, dates) and the
referral (remiss) sent to them and answered.

Public API:

- ``add_care_contact(store, case_id, *, kind, region, unit, started_on, contact_person=None,
  ended_on=None, referral_sent_on=None, referral_answered_on=None, referral_answer=None,
  notes=None) -> int``
- ``update_care_contact(store, contact_id, **fields)`` — any of the fields above; dates
  keep their order (answered after sent, ended after started).
- ``care_contacts(store, case_id) -> [CareContact]``

Audit actions: ``care.add``, ``care.update`` (ids, the kind and the names of the fields
changed; never their content).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.records import validate as v
from storage.records.errors import FieldRequiredError, RecordNotFoundError, UnknownFieldError
from storage.records.knowledge import CareContact, CareKind

FIELDS = (
    "kind",
    "region",
    "unit",
    "contact_person",
    "started_on",
    "ended_on",
    "referral_sent_on",
    "referral_answered_on",
    "referral_answer",
    "notes",
)
_COLUMNS = f"id, case_id, {', '.join(FIELDS)}"


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    """Check every field of a whole contact (as it will be stored)."""
    today = repo.today()
    kind = CareKind.parse(values.get("kind"), "kind")
    started = v.required_past("started_on", values["started_on"], today)
    ended = v.date("ended_on", values.get("ended_on"), required=False)
    sent = v.not_future(
        "referral_sent_on",
        v.date("referral_sent_on", values.get("referral_sent_on"), required=False),
        today,
    )
    answered = v.not_future(
        "referral_answered_on",
        v.date("referral_answered_on", values.get("referral_answered_on"), required=False),
        today,
    )
    v.ordered("ended_on", ended, "started_on", started)
    if answered is not None and sent is None:
        raise FieldRequiredError(field="referral_sent_on")
    v.ordered("referral_answered_on", answered, "referral_sent_on", sent)
    return {
        "kind": kind.value,
        "region": v.required_text("region", values.get("region"), limit=100),
        "unit": v.required_text("unit", values.get("unit"), limit=200),
        "contact_person": v.text("contact_person", values.get("contact_person"), required=False),
        "started_on": started.isoformat(),
        "ended_on": repo.iso(ended),
        "referral_sent_on": repo.iso(sent),
        "referral_answered_on": repo.iso(answered),
        "referral_answer": v.text(
            "referral_answer",
            values.get("referral_answer"),
            required=False,
            limit=2000,
            multiline=True,
        ),
        "notes": v.text("notes", values.get("notes"), required=False, limit=v.LONG, multiline=True),
    }


def add_care_contact(
    store: StoreLike,
    case_id: int,
    *,
    kind: CareKind | str,
    region: str,
    unit: str,
    started_on: dt.date | str,
    contact_person: str | None = None,
    ended_on: dt.date | str | None = None,
    referral_sent_on: dt.date | str | None = None,
    referral_answered_on: dt.date | str | None = None,
    referral_answer: str | None = None,
    notes: str | None = None,
) -> int:
    values = _clean(
        {
            "kind": kind,
            "region": region,
            "unit": unit,
            "started_on": started_on,
            "contact_person": contact_person,
            "ended_on": ended_on,
            "referral_sent_on": referral_sent_on,
            "referral_answered_on": referral_answered_on,
            "referral_answer": referral_answer,
            "notes": notes,
        }
    )
    with store.transaction():
        number = repo.open_case_number(store, case_id)
        now = repo.utc_now()
        contact_id = repo.insert(
            store,
            "care_contacts",
            {"case_id": int(case_id), **values, "created_at": now, "updated_at": now},
        )
        repo.touch_case(store, case_id)
        repo.audit(
            store,
            "care.add",
            number,
            case_id=int(case_id),
            care_id=contact_id,
            kind=values["kind"],
        )
    return contact_id


def _row(r: Any) -> CareContact:
    return CareContact(
        int(r[0]),
        int(r[1]),
        CareKind(r[2]),
        r[3],
        r[4],
        r[5],
        repo.must_date(r[6]),
        repo.to_date(r[7]),
        repo.to_date(r[8]),
        repo.to_date(r[9]),
        r[10],
        r[11],
    )


def care_contact(store: StoreLike, contact_id: int) -> CareContact:
    row = store.conn.execute(
        f"SELECT {_COLUMNS} FROM care_contacts WHERE id = ?",  # noqa: S608 - constant
        (int(contact_id),),
    ).fetchone()
    if row is None:
        raise RecordNotFoundError(record="care contact", id=int(contact_id))
    return _row(row)


def update_care_contact(store: StoreLike, contact_id: int, **fields: Any) -> None:
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise UnknownFieldError(field=sorted(unknown)[0])
    old = care_contact(store, contact_id)
    current = {name: getattr(old, name) for name in FIELDS}
    current["kind"] = old.kind.value
    values = _clean({**current, **fields})
    with store.transaction():
        number = repo.open_case_number(store, old.case_id)
        changed = {k: val for k, val in values.items() if k in fields}
        repo.update(store, "care_contacts", contact_id, {**changed, "updated_at": repo.utc_now()})
        repo.touch_case(store, old.case_id)
        repo.audit(
            store,
            "care.update",
            number,
            case_id=old.case_id,
            care_id=int(contact_id),
            fields=sorted(changed),
        )


def care_contacts(store: StoreLike, case_id: int) -> list[CareContact]:
    repo.case_row(store, case_id)
    return [
        _row(r)
        for r in store.conn.execute(
            f"SELECT {_COLUMNS} FROM care_contacts WHERE case_id = ? "  # noqa: S608 - constant
            "ORDER BY started_on, id",
            (int(case_id),),
        )
    ]
