"""The partner register (samverkansparter): external contacts and the cases they work on.

A partner is a person or function at another organisation the unit works with — a contact
at the police, Kriminalvården or frivården, a lawyer, a school, an employer, regional
psychiatry — with phone and e-mail. Partners are linked to cases with their role there
("kontaktpolis", "handledare på praktikplatsen"). Which lawyer or school a person has is
case data: the register and its links live inside the encrypted store like the rest of the
case file, are never indexed for search, and the audit log names only ids and kinds. The
links go with a case at gallring; the register itself is shared by every case.

Public API:

- ``add_partner(store, *, kind, name, organisation=None, phone=None, email=None,
  notes=None) -> int``, ``update_partner(store, partner_id, **fields)``
- ``partners(store, kind=None) -> list[Partner]``, ``partner(store, partner_id)``
- ``link_partner(store, case_id, partner_id, role=None)`` (again: changes the role),
  ``unlink_partner(store, case_id, partner_id)``
- ``case_partners(store, case_id) -> list[CasePartner]``,
  ``partner_cases(store, partner_id) -> list[int]``

Audit actions: ``partner.add``, ``partner.update``, ``partner.link``, ``partner.unlink``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.records import validate as v
from storage.records.enums import PartnerKind
from storage.records.errors import (
    FieldTypeError,
    RecordNotFoundError,
    UnknownFieldError,
)
from storage.records.parts import (
    CasePartner,
    Partner,
)

_PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{4,24}$")
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,190}\.[^@\s]{2,}$")
_UPDATABLE = {"kind", "name", "organisation", "phone", "email", "notes"}
_COLUMNS = "id, kind, name, organisation, phone, email, notes"


def _values(fields: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in fields.items():
        if name not in _UPDATABLE:
            raise UnknownFieldError(field=name)
        if name == "kind":
            out[name] = PartnerKind.parse(value, "kind").value
        elif name == "name":
            out[name] = v.required_text("name", value, limit=200)
        elif name == "phone":
            phone = v.text("phone", value, required=False, limit=30)
            if phone is not None and not _PHONE.match(phone):
                raise FieldTypeError(field="phone", expected="a phone number (e.g. 010-123 45 67)")
            out[name] = phone
        elif name == "email":
            email = v.text("email", value, required=False, limit=254)
            if email is not None and not _EMAIL.match(email):
                raise FieldTypeError(field="email", expected="an e-mail address")
            out[name] = email
        elif name == "organisation":
            out[name] = v.text(name, value, required=False, limit=200)
        else:
            out[name] = v.text(name, value, required=False, limit=2000, multiline=True)
    return out


def _partner(row: Sequence[Any]) -> Partner:
    return Partner(int(row[0]), PartnerKind(row[1]), row[2], row[3], row[4], row[5], row[6])


def partner(store: StoreLike, partner_id: int) -> Partner:
    row = store.conn.execute(
        f"SELECT {_COLUMNS} FROM partners WHERE id = ?",  # noqa: S608 - constant columns
        (int(partner_id),),
    ).fetchone()
    if row is None:
        raise RecordNotFoundError(record="partner", id=int(partner_id))
    return _partner(row)


def partners(store: StoreLike, kind: PartnerKind | str | None = None) -> list[Partner]:
    sql = f"SELECT {_COLUMNS} FROM partners"  # noqa: S608 - constant columns
    args: tuple[Any, ...] = ()
    if kind is not None:
        sql += " WHERE kind = ?"
        args = (PartnerKind.parse(kind, "kind").value,)
    rows = store.conn.execute(sql + " ORDER BY name COLLATE NOCASE, id", args)
    return [_partner(r) for r in rows]


def add_partner(
    store: StoreLike,
    *,
    kind: PartnerKind | str,
    name: str,
    organisation: str | None = None,
    phone: str | None = None,
    email: str | None = None,
    notes: str | None = None,
) -> int:
    values = _values(
        {
            "kind": kind,
            "name": name,
            "organisation": organisation,
            "phone": phone,
            "email": email,
            "notes": notes,
        }
    )
    with store.transaction():
        now = repo.utc_now()
        partner_id = repo.insert(
            store, "partners", {**values, "created_at": now, "updated_at": now}
        )
        repo.audit(store, "partner.add", "", partner_id=partner_id, kind=values["kind"])
    return partner_id


def update_partner(store: StoreLike, partner_id: int, **fields: Any) -> None:
    values = _values(fields)
    with store.transaction():
        found = partner(store, partner_id)
        repo.update(store, "partners", found.id, {**values, "updated_at": repo.utc_now()})
        repo.audit(store, "partner.update", "", partner_id=found.id, fields=sorted(values))


def link_partner(store: StoreLike, case_id: int, partner_id: int, role: str | None = None) -> None:
    """Link a partner to a case (or change its role there)."""
    clean = v.text("role", role, required=False, limit=200)
    with store.transaction():
        number = repo.case_number(store, case_id)
        found = partner(store, partner_id)
        store.conn.execute(
            "INSERT INTO case_partners (case_id, partner_id, role, linked_by, linked_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (case_id, partner_id) "
            "DO UPDATE SET role = excluded.role",
            (int(case_id), found.id, clean, store.actor, repo.utc_now()),
        )
        repo.changed(store, "cases", int(case_id), ("partners",))
        repo.touch_case(store, case_id)
        repo.audit(
            store,
            "partner.link",
            number,
            case_id=int(case_id),
            partner_id=found.id,
            kind=found.kind.value,
        )


def unlink_partner(store: StoreLike, case_id: int, partner_id: int) -> bool:
    """Remove a partner from a case; False when it was not linked."""
    with store.transaction():
        number = repo.case_number(store, case_id)
        cur = store.conn.execute(
            "DELETE FROM case_partners WHERE case_id = ? AND partner_id = ?",
            (int(case_id), int(partner_id)),
        )
        if cur.rowcount == 0:
            return False
        repo.changed(store, "cases", int(case_id), ("partners",))
        repo.touch_case(store, case_id)
        repo.audit(
            store, "partner.unlink", number, case_id=int(case_id), partner_id=int(partner_id)
        )
    return True


def case_partners(store: StoreLike, case_id: int) -> list[CasePartner]:
    repo.case_row(store, case_id)
    rows = store.conn.execute(
        "SELECT p.id, p.kind, p.name, p.organisation, p.phone, p.email, p.notes, "
        "l.case_id, l.role, l.linked_by, l.linked_at FROM case_partners l "
        "JOIN partners p ON p.id = l.partner_id WHERE l.case_id = ? "
        "ORDER BY p.kind, p.name COLLATE NOCASE",
        (int(case_id),),
    )
    return [CasePartner(_partner(r[:7]), int(r[7]), r[8], r[9], r[10]) for r in rows]


def partner_cases(store: StoreLike, partner_id: int) -> list[int]:
    partner(store, partner_id)
    rows = store.conn.execute(
        "SELECT case_id FROM case_partners WHERE partner_id = ? ORDER BY case_id",
        (int(partner_id),),
    )
    return [int(r[0]) for r in rows]
