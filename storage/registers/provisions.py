"""The provision register (lagrum): the legal provisions decisions name, as data a user
edits — a law, its chapter and section, what it is about, the source it was checked against
and when. Socialtjänstlag (2025:400) replaced socialtjänstlag (2001:453) on 1 July 2025;
the register ships the references this version could check (docs/knowledge.md) and says
where a chapter and section could not be checked.

Public API:

- ``add_provision(store, *, law, title, source, reference=None, source_date=None,
  note=None, code=None) -> int`` — ``code`` (stable, unique) is made from the law and title
  when not given.
- ``update_provision(store, provision_id, **fields)`` — law, reference, title, source,
  source_date, note, active. A decision keeps the provision's text as it read when the
  decision was signed, so changing the register never changes a signed decision.
- ``provisions(store, active_only=False) -> [Provision]``, ``provision(store, id)``

Audit actions: ``provision.add``, ``provision.update`` (ids and field names).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.records import validate as v
from storage.records.errors import DuplicateNameError, RecordNotFoundError, UnknownFieldError
from storage.records.knowledge import Provision

_UPDATABLE = ("law", "reference", "title", "source", "source_date", "note", "active")
_COLUMNS = "id, code, law, reference, title, source, source_date, note, active"


def slug(text: str, limit: int = 40) -> str:
    """``Motiverande samtal (MI)`` -> ``motiverande-samtal-mi``: a stable code."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    ascii_only = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")[:limit].strip("-") or "x"


def _unique(store: StoreLike, table: str, base: str) -> str:
    code, n = base, 1
    while store.conn.execute(
        f"SELECT 1 FROM {table} WHERE code = ?",  # noqa: S608 - constant table names
        (code,),
    ).fetchone():
        n += 1
        code = f"{base}-{n}"
    return code


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in fields.items():
        if name not in _UPDATABLE:
            raise UnknownFieldError(field=name)
        if name in ("law", "title"):
            out[name] = v.required_text(name, value, limit=200)
        elif name == "source":
            out[name] = v.required_text(name, value, limit=1000, multiline=True)
        elif name == "reference":
            out[name] = v.text(name, value, required=False, limit=100)
        elif name == "source_date":
            out[name] = repo.iso(v.date(name, value, required=False))
        elif name == "note":
            out[name] = v.text(name, value, required=False, limit=2000, multiline=True)
        else:
            out[name] = int(v.boolean(name, value))
    return out


def add_provision(
    store: StoreLike,
    *,
    law: str,
    title: str,
    source: str,
    reference: str | None = None,
    source_date: dt.date | str | None = None,
    note: str | None = None,
    code: str | None = None,
) -> int:
    values = _clean(
        {
            "law": law,
            "title": title,
            "source": source,
            "reference": reference,
            "source_date": source_date,
            "note": note,
        }
    )
    wanted = v.text("code", code, required=False, limit=40)
    with store.transaction():
        if wanted is not None:
            if store.conn.execute("SELECT 1 FROM provisions WHERE code = ?", (wanted,)).fetchone():
                raise DuplicateNameError(field="code")
            chosen = wanted
        else:
            chosen = _unique(store, "provisions", slug(f"{values['law']} {values['title']}"))
        now = repo.utc_now()
        provision_id = repo.insert(
            store,
            "provisions",
            {
                "code": chosen,
                **values,
                "created_by": store.actor,
                "created_at": now,
                "updated_at": now,
            },
        )
        repo.audit(store, "provision.add", "", provision_id=provision_id)
    return provision_id


def _row(r: Any) -> Provision:
    return Provision(int(r[0]), r[1], r[2], r[3], r[4], r[5], repo.to_date(r[6]), r[7], bool(r[8]))


def provision(store: StoreLike, provision_id: int) -> Provision:
    row = store.conn.execute(
        f"SELECT {_COLUMNS} FROM provisions WHERE id = ?",  # noqa: S608 - constant
        (int(provision_id),),
    ).fetchone()
    if row is None:
        raise RecordNotFoundError(record="provision", id=int(provision_id))
    return _row(row)


def update_provision(store: StoreLike, provision_id: int, **fields: Any) -> None:
    values = _clean(fields)
    with store.transaction():
        provision(store, provision_id)
        repo.update(store, "provisions", provision_id, {**values, "updated_at": repo.utc_now()})
        repo.audit(
            store, "provision.update", "", provision_id=int(provision_id), fields=sorted(values)
        )


def provisions(store: StoreLike, active_only: bool = False) -> list[Provision]:
    where = "WHERE active = 1 " if active_only else ""
    return [
        _row(r)
        for r in store.conn.execute(
            f"SELECT {_COLUMNS} FROM provisions {where}ORDER BY law, reference, id"  # noqa: S608
        )
    ]
