"""Placering: where a person has been placed. The protected address lives in its own table
(``placement_addresses``) and is read only through :func:`storage.casefile.protection.reveal`.

Public API:

- ``add_placement(store, case_id, *, municipality, moved_in_on, moved_out_on=None,
  street=None, postal_code=None, city=None) -> int`` — the address is optional; when given,
  street and city are required.
- ``set_placement_address(store, placement_id, *, street, city, postal_code=None)``
- ``end_placement(store, placement_id, moved_out_on)``
- ``placements(store, case_id) -> list[Placement]`` (``has_address`` only, never the address)

Audit actions: ``placement.add``, ``placement.address``, ``placement.end``.
"""

from __future__ import annotations

import datetime as dt
import re

from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.records import validate as v
from storage.records.errors import FieldTypeError
from storage.records.parts import Placement

_POSTAL_CODE = re.compile(r"^\d{3} ?\d{2}$")


def _address(street: object, postal_code: object, city: object) -> tuple[str, str | None, str]:
    clean_street = v.required_text("street", street, limit=200)
    code = v.text("postal_code", postal_code, required=False, limit=6)
    if code is not None:
        if not _POSTAL_CODE.match(code):
            raise FieldTypeError(field="postal_code", expected="five digits (e.g. 123 45)")
        code = f"{code.replace(' ', '')[:3]} {code.replace(' ', '')[3:]}"
    clean_city = v.required_text("city", city, limit=100)
    return clean_street, code, clean_city


def _write_address(
    store: StoreLike, placement_id: int, address: tuple[str, str | None, str]
) -> None:
    store.conn.execute("DELETE FROM placement_addresses WHERE placement_id = ?", (placement_id,))
    repo.insert(
        store,
        "placement_addresses",
        {
            "placement_id": placement_id,
            "street": address[0],
            "postal_code": address[1],
            "city": address[2],
            "created_at": repo.utc_now(),
        },
    )


def add_placement(
    store: StoreLike,
    case_id: int,
    *,
    municipality: str,
    moved_in_on: dt.date | str,
    moved_out_on: dt.date | str | None = None,
    street: str | None = None,
    postal_code: str | None = None,
    city: str | None = None,
) -> int:
    muni = v.required_text("municipality", municipality, limit=100)
    moved_in = v.required_date("moved_in_on", moved_in_on)
    moved_out = v.date("moved_out_on", moved_out_on, required=False)
    v.ordered("moved_out_on", moved_out, "moved_in_on", moved_in)
    has_address = any(x not in (None, "") for x in (street, postal_code, city))
    address = _address(street, postal_code, city) if has_address else None
    with store.transaction():
        number = repo.open_case_number(store, case_id)
        placement_id = repo.insert(
            store,
            "placements",
            {
                "case_id": int(case_id),
                "municipality": muni,
                "moved_in_on": repo.iso(moved_in),
                "moved_out_on": repo.iso(moved_out),
                "created_at": repo.utc_now(),
            },
        )
        if address is not None:
            _write_address(store, placement_id, address)
        repo.touch_case(store, case_id)
        repo.audit(
            store,
            "placement.add",
            number,
            case_id=int(case_id),
            placement_id=placement_id,
            has_address=address is not None,
        )
    return placement_id


def set_placement_address(
    store: StoreLike,
    placement_id: int,
    *,
    street: str,
    city: str,
    postal_code: str | None = None,
) -> None:
    address = _address(street, postal_code, city)
    case_id = repo.record_case(store, "placements", placement_id, "placement")
    with store.transaction():
        number = repo.open_case_number(store, case_id)
        _write_address(store, int(placement_id), address)
        repo.touch_case(store, case_id)
        repo.audit(
            store, "placement.address", number, case_id=case_id, placement_id=int(placement_id)
        )


def end_placement(store: StoreLike, placement_id: int, moved_out_on: dt.date | str) -> None:
    day = v.required_date("moved_out_on", moved_out_on)
    case_id = repo.record_case(store, "placements", placement_id, "placement")
    row = store.conn.execute(
        "SELECT moved_in_on FROM placements WHERE id = ?", (int(placement_id),)
    ).fetchone()
    v.ordered("moved_out_on", day, "moved_in_on", repo.must_date(row[0]))
    with store.transaction():
        number = repo.open_case_number(store, case_id)
        repo.update(store, "placements", placement_id, {"moved_out_on": repo.iso(day)})
        repo.touch_case(store, case_id)
        repo.audit(store, "placement.end", number, case_id=case_id, placement_id=int(placement_id))


def placements(store: StoreLike, case_id: int) -> list[Placement]:
    repo.case_row(store, case_id)
    rows = store.conn.execute(
        "SELECT p.id, p.case_id, p.municipality, p.moved_in_on, p.moved_out_on, "
        "a.placement_id IS NOT NULL FROM placements p "
        "LEFT JOIN placement_addresses a ON a.placement_id = p.id "
        "WHERE p.case_id = ? ORDER BY p.moved_in_on, p.id",
        (int(case_id),),
    )
    return [
        Placement(
            id=int(r[0]),
            case_id=int(r[1]),
            municipality=r[2],
            moved_in_on=repo.must_date(r[3]),
            moved_out_on=repo.to_date(r[4]),
            has_address=bool(r[5]),
        )
        for r in rows
    ]
