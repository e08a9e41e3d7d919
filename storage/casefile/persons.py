"""Persons of a case: the principal (huvudperson), närstående, and fictitious identities.

Public API:

- ``add_person(store, case_id, *, name, personnummer=None, birth_year=None, gender="unknown",
  language=None, protection_level="none", role="principal", relation=None,
  accompanying_child=False) -> int`` — one principal per case; a relative needs ``relation``.
- ``add_relative(store, case_id, *, name, relation, ...) -> int`` — a närstående.
- ``update_person(store, person_id, **fields)``.
- ``persons(store, case_id) -> list[Person]`` — masked: no name, no personnummer.
- ``principal_id(store, case_id) -> int | None``.
- ``set_fictitious_identity(store, person_id, *, name, personnummer=None, valid_from=None)``
  — stored in its own table (never in the person's row); raises the person's protection level
  to fingerade personuppgifter.

Names and numbers are read back only through :func:`storage.casefile.protection.reveal`.
A personnummer or samordningsnummer is validated (:mod:`storage.records.personnummer`) and stored
normalised as ``YYYYMMDD-NNNC``; the birth year follows from it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from storage.casefile import repo
from storage.casefile.people import number_hash
from storage.casefile.repo import StoreLike
from storage.records import validate as v
from storage.records.case import Person
from storage.records.enums import (
    Gender,
    PersonRole,
    ProtectionLevel,
)
from storage.records.errors import (
    FieldRequiredError,
    IdentityMismatchError,
    PrincipalExistsError,
    UnknownFieldError,
)
from storage.records.personnummer import parse_identity_number
from storage.team import capture
from storage.team.errors import NotRemovableError

_UPDATABLE = {
    "name",
    "personnummer",
    "birth_year",
    "gender",
    "language",
    "protection_level",
    "relation",
    "accompanying_child",
}


def _identity(value: object, birth_year: object, today: dt.date) -> dict[str, Any]:
    """Columns id_number, id_kind, birth_year from a number and/or a birth year."""
    year = v.integer("birth_year", birth_year, low=1900, high=today.year, required=False)
    if value is None or (isinstance(value, str) and not value.strip()):
        return {"id_number": None, "id_kind": None, "birth_year": year}
    number = parse_identity_number(value, "personnummer", today)  # type: ignore[arg-type]
    if year is not None and year != number.birth_year:
        raise IdentityMismatchError(field="birth_year")
    return {"id_number": number.normalised, "id_kind": number.kind, "birth_year": number.birth_year}


def _person_values(fields: dict[str, Any], role: PersonRole, today: dt.date) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if "name" in fields:
        out["name"] = v.required_text("name", fields["name"], limit=200)
    if "personnummer" in fields or "birth_year" in fields:
        out.update(_identity(fields.get("personnummer"), fields.get("birth_year"), today))
    if "gender" in fields:
        out["gender"] = Gender.parse(fields["gender"], "gender").value
    if "language" in fields:
        out["language"] = v.text("language", fields["language"], required=False, limit=50)
    if "protection_level" in fields:
        level = ProtectionLevel.parse(fields["protection_level"], "protection_level")
        out["protection_level"] = level.value
    if role is PersonRole.RELATIVE:
        if "relation" in fields:
            out["relation"] = v.required_text("relation", fields["relation"], limit=100)
        if "accompanying_child" in fields:
            out["accompanying_child"] = int(
                v.boolean("accompanying_child", fields["accompanying_child"])
            )
    else:
        for name in ("relation", "accompanying_child"):
            if fields.get(name) not in (None, False):
                raise UnknownFieldError(field=name)
    return out


def _with_hash(store: StoreLike, values: dict[str, Any]) -> dict[str, Any]:
    """The number's keyed search hash beside it (storage/casefile/people.py)."""
    if "id_number" not in values:
        return values
    number = values["id_number"]
    return {**values, "id_hash": None if number is None else number_hash(store, number)}


def add_person(
    store: StoreLike,
    case_id: int,
    *,
    name: str,
    personnummer: str | None = None,
    birth_year: int | None = None,
    gender: Gender | str = Gender.UNKNOWN,
    language: str | None = None,
    protection_level: ProtectionLevel | str = ProtectionLevel.NONE,
    role: PersonRole | str = PersonRole.PRINCIPAL,
    relation: str | None = None,
    accompanying_child: bool = False,
) -> int:
    """Add the principal or a närstående to an open case; returns the person id."""
    kind = PersonRole.parse(role, "role")
    fields: dict[str, Any] = {
        "name": name,
        "personnummer": personnummer,
        "birth_year": birth_year,
        "gender": gender,
        "language": language,
        "protection_level": protection_level,
        "relation": relation,
        "accompanying_child": accompanying_child,
    }
    if kind is PersonRole.RELATIVE and relation is None:
        raise FieldRequiredError(field="relation")
    values = _with_hash(store, _person_values(fields, kind, repo.today()))
    with store.transaction():
        number = repo.open_case_number(store, case_id)
        if kind is PersonRole.PRINCIPAL and principal_id(store, case_id) is not None:
            raise PrincipalExistsError(case=number)
        now = repo.utc_now()
        person_id = repo.insert(
            store,
            "persons",
            {
                "case_id": int(case_id),
                "role": kind.value,
                **values,
                "created_at": now,
                "updated_at": now,
            },
        )
        repo.touch_case(store, case_id)
        repo.audit(
            store,
            "person.add",
            number,
            case_id=case_id,
            person_id=person_id,
            role=kind.value,
            protection_level=values["protection_level"],
        )
    return person_id


def add_relative(store: StoreLike, case_id: int, *, name: str, relation: str, **fields: Any) -> int:
    """Add a närstående (relation e.g. "mor", "sambo", "barn")."""
    return add_person(
        store, case_id, name=name, relation=relation, role=PersonRole.RELATIVE, **fields
    )


def update_person(store: StoreLike, person_id: int, **fields: Any) -> None:
    """Change a person's fields (see ``add_person``); audited with the field names only."""
    for name in fields:
        if name not in _UPDATABLE:
            raise UnknownFieldError(field=name)
    changed = sorted(fields)
    case_id = repo.record_case(store, "persons", person_id, "person")
    role = PersonRole(
        store.conn.execute("SELECT role FROM persons WHERE id = ?", (person_id,)).fetchone()[0]
    )
    if "birth_year" in fields and "personnummer" not in fields:
        current = store.conn.execute(
            "SELECT id_number FROM persons WHERE id = ?", (person_id,)
        ).fetchone()[0]
        fields = {**fields, "personnummer": current}
    values = _with_hash(store, _person_values(fields, role, repo.today()))
    with store.transaction():
        number = repo.open_case_number(store, case_id)
        repo.update(store, "persons", person_id, {**values, "updated_at": repo.utc_now()})
        repo.touch_case(store, case_id)
        details: dict[str, Any] = {"case_id": case_id, "person_id": person_id, "fields": changed}
        if "protection_level" in values:
            details["protection_level"] = values["protection_level"]
        repo.audit(store, "person.update", number, **details)


def principal_id(store: StoreLike, case_id: int) -> int | None:
    row = store.conn.execute(
        "SELECT id FROM persons WHERE case_id = ? AND role = 'principal'", (int(case_id),)
    ).fetchone()
    return None if row is None else int(row[0])


def persons(store: StoreLike, case_id: int) -> list[Person]:
    """The persons of a case, principal first, masked."""
    repo.case_row(store, case_id)
    rows = store.conn.execute(
        "SELECT p.id, p.case_id, p.role, p.birth_year, p.gender, p.language, "
        "p.protection_level, p.id_kind, p.relation, p.accompanying_child, "
        "EXISTS (SELECT 1 FROM fictitious_identities f WHERE f.person_id = p.id) "
        "FROM persons p WHERE p.case_id = ? ORDER BY p.role = 'relative', p.id",
        (int(case_id),),
    )
    return [
        Person(
            id=int(r[0]),
            case_id=int(r[1]),
            role=PersonRole(r[2]),
            birth_year=r[3],
            gender=Gender(r[4]),
            language=r[5],
            protection_level=ProtectionLevel(r[6]),
            id_kind=r[7],
            relation=r[8],
            accompanying_child=bool(r[9]),
            has_fictitious_identity=bool(r[10]),
        )
        for r in rows
    ]


def set_fictitious_identity(
    store: StoreLike,
    person_id: int,
    *,
    name: str,
    personnummer: str | None = None,
    valid_from: dt.date | str | None = None,
) -> None:
    """Record the fingerade personuppgifter of a person, in their own table."""
    today = repo.today()
    clean_name = v.required_text("name", name, limit=200)
    number = None
    if personnummer is not None and str(personnummer).strip():
        number = parse_identity_number(personnummer, "personnummer", today).normalised
    start = v.date("valid_from", valid_from, required=False)
    case_id = repo.record_case(store, "persons", person_id, "person")
    with store.transaction():
        case_number = repo.open_case_number(store, case_id)
        store.conn.execute("DELETE FROM fictitious_identities WHERE person_id = ?", (person_id,))
        repo.insert(
            store,
            "fictitious_identities",
            {
                "person_id": int(person_id),
                "name": clean_name,
                "id_number": number,
                "valid_from": repo.iso(start),
                "created_at": repo.utc_now(),
            },
        )
        repo.update(
            store,
            "persons",
            person_id,
            {
                "protection_level": ProtectionLevel.FICTITIOUS_IDENTITY.value,
                "updated_at": repo.utc_now(),
            },
        )
        repo.touch_case(store, case_id)
        repo.audit(store, "person.new_identity", case_number, case_id=case_id, person_id=person_id)


def remove_relative(store: StoreLike, person_id: int) -> None:
    """Remove a närstående entered by mistake (only one nothing else in the case refers to).

    In a case shared with colleagues the removal is an operation (a tombstone, docs/sync.md
    §3): an edit a colleague made meanwhile turns it into a conflict, never a silent loss.
    Audited ``person.remove`` (ids only)."""
    case_id = repo.record_case(store, "persons", person_id, "person")
    with store.transaction():
        number = repo.open_case_number(store, case_id)
        conn = store.conn
        role = conn.execute("SELECT role FROM persons WHERE id = ?", (int(person_id),)).fetchone()
        referred = any(
            conn.execute(sql, (int(person_id),)).fetchone()
            for sql in (
                "SELECT 1 FROM consents WHERE person_id = ?",
                "SELECT 1 FROM network_links WHERE person_id = ?",
                "SELECT 1 FROM fictitious_identities WHERE person_id = ?",
            )
        )
        if role is None or role[0] != PersonRole.RELATIVE.value or referred:
            raise NotRemovableError()
        capture.on_remove(store, "persons", int(person_id))
        conn.execute("DELETE FROM persons WHERE id = ?", (int(person_id),))
        repo.touch_case(store, case_id)
        repo.audit(store, "person.remove", number, case_id=case_id, person_id=int(person_id))
