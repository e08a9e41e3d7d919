"""The grounds a caseworker cites when an extract masks or withholds something.

They are data, kept in the store (``disclosure_grounds``, schema step 8, which seeds the
provisions as they read when it was written, each with a note on how it was checked) and
edited by the users: a law changes, a number is corrected, a municipality adds its own.

Public API:

- ``grounds(store, active_only=True) -> list[Ground]`` — in their sort order.
- ``ground(store, ground_id) -> Ground`` and ``ground_by_label(store, label) -> Ground``
  (active grounds only; the label is what an extract shows, e.g. ``OSL 26 kap. 1 §``).
- ``add_ground(store, *, label, provision, description, note=None) -> int`` (``ground.add``).
- ``update_ground(store, ground_id, **fields)`` — label, provision, description, note,
  active (``ground.update``; retiring a ground keeps it in old audit entries' terms).

Audit details name the ground's id and which fields changed, never free text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.extract.errors import (
    GroundDuplicateError,
    GroundNotFoundError,
)
from storage.records import validate as v

_COLUMNS = "id, label, provision, description, note, active, sort_order"
_EDITABLE = ("label", "provision", "description", "note", "active")


@dataclass(frozen=True)
class Ground:
    id: int
    label: str  # shown in the extract: "OSL 26 kap. 1 §"
    provision: str  # the full citation
    description: str
    note: str | None  # how it was checked, or what to check
    active: bool
    sort_order: int


def _ground(row: Any) -> Ground:
    return Ground(
        id=int(row[0]),
        label=row[1],
        provision=row[2],
        description=row[3],
        note=row[4],
        active=bool(row[5]),
        sort_order=int(row[6]),
    )


def grounds(store: StoreLike, active_only: bool = True) -> list[Ground]:
    where = "WHERE active = 1 " if active_only else ""
    rows = store.conn.execute(
        f"SELECT {_COLUMNS} FROM disclosure_grounds {where}ORDER BY sort_order, label"  # noqa: S608
    )
    return [_ground(r) for r in rows]


def ground(store: StoreLike, ground_id: int, *, active_only: bool = True) -> Ground:
    row = store.conn.execute(
        f"SELECT {_COLUMNS} FROM disclosure_grounds WHERE id = ?",  # noqa: S608
        (int(ground_id),),
    ).fetchone()
    if row is None or (active_only and not row[5]):
        raise GroundNotFoundError(ground=str(ground_id))
    return _ground(row)


def ground_by_label(store: StoreLike, label: str) -> Ground:
    """The active ground whose label is ``label`` (spaces and letter case do not matter)."""
    wanted = " ".join(str(label).split()).casefold()
    for g in grounds(store):
        if " ".join(g.label.split()).casefold() == wanted:
            return g
    raise GroundNotFoundError(ground=str(label)[:60])


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key == "label":
            out[key] = v.required_text("label", value, limit=60)
        elif key == "provision":
            out[key] = v.required_text("provision", value, limit=200)
        elif key == "description":
            out[key] = v.required_text("description", value, limit=1000, multiline=True)
        elif key == "note":
            out[key] = v.text("note", value, required=False, limit=1000, multiline=True)
        elif key == "active":
            out[key] = int(v.boolean("active", value))
    return out


def _unique(store: StoreLike, label: str, ground_id: int | None) -> None:
    row = store.conn.execute(
        "SELECT id FROM disclosure_grounds WHERE lower(label) = lower(?) AND id IS NOT ?",
        (label, ground_id),
    ).fetchone()
    if row is not None:
        raise GroundDuplicateError(field="label")


def add_ground(
    store: StoreLike, *, label: str, provision: str, description: str, note: str | None = None
) -> int:
    values = _clean(
        {"label": label, "provision": provision, "description": description, "note": note}
    )
    with store.transaction():
        _unique(store, values["label"], None)
        order = store.conn.execute(
            "SELECT coalesce(max(sort_order), 0) + 10 FROM disclosure_grounds"
        ).fetchone()[0]
        ground_id = repo.insert(
            store,
            "disclosure_grounds",
            values
            | {"sort_order": int(order), "created_by": store.actor, "created_at": repo.utc_now()},
        )
        repo.audit(store, "ground.add", "", ground_id=ground_id)
    return ground_id


def update_ground(store: StoreLike, ground_id: int, **fields: Any) -> None:
    unknown = sorted(set(fields) - set(_EDITABLE))
    if unknown:
        raise TypeError(f"not editable: {', '.join(unknown)}")
    values = _clean(fields)
    with store.transaction():
        ground(store, ground_id, active_only=False)
        if "label" in values:
            _unique(store, values["label"], int(ground_id))
        values |= {"updated_by": store.actor, "updated_at": repo.utc_now()}
        repo.update(store, "disclosure_grounds", ground_id, values)
        repo.audit(store, "ground.update", "", ground_id=int(ground_id), fields=sorted(fields))
