"""Fields of a synced record that live outside its own row (storage/team/tables.py).

- *Sides*: a placement's protected address, a person's fictitious identity and a case's
  reason for ending (one row or none in a side table), a needs assessment's ratings, a
  follow-up's domains and interventions, and a case's partners (a set of rows, travelling as
  one JSON list, sorted, so that the same set reads the same on every laptop).
- *Lookups*: a reference to an entry of one of the unit's own registers (a provision, a
  method, a provider, a group). Each laptop has its own register; the reference travels as
  the entry's fields, and the receiver uses its own entry with the same key (code or name)
  or adds one.

No Qt; values on the wire are strings, integers or null, references between synced records
are uids (translated by :mod:`storage.team.rows`).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from storage.team.errors import OpsInvalidError
from storage.team.spec import Lookup, Side, TableSpec

_UID_CHARS = frozenset("0123456789abcdef")
#: a partner of a case travels as (kind, name, organisation); its phone and e-mail stay home
_PARTNER = ("kind", "name", "organisation")
MAX_ROWS = 1000


def _utc() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _uid_of(conn: Any, table: str, lid: Any) -> str | None:
    row = conn.execute(f"SELECT uid FROM {table} WHERE id = ?", (lid,)).fetchone()  # noqa: S608
    return None if row is None else str(row[0])


def _id_of(conn: Any, table: str, uid: Any) -> int | None:
    row = conn.execute(f"SELECT id FROM {table} WHERE uid = ?", (uid,)).fetchone()  # noqa: S608
    return None if row is None else int(row[0])


# -- reading -------------------------------------------------------------------------------


def _read_many(conn: Any, side: Side, lid: int) -> str:
    cols = ", ".join(side.columns)
    out: list[list[Any]] = []
    for row in conn.execute(
        f"SELECT {cols} FROM {side.table} WHERE {side.key} = ?",  # noqa: S608 - constants
        (lid,),
    ):
        item: list[Any] = []
        for name, value in zip(side.columns, row, strict=True):
            if name in side.refs:
                item.append(_uid_of(conn, side.refs[name], value))
            elif side.table == "case_partners" and name == "partner_id":
                found = conn.execute(
                    "SELECT kind, name, organisation FROM partners WHERE id = ?", (value,)
                ).fetchone()
                item.extend(found if found is not None else (None, None, None))
            else:
                item.append(value)
        out.append(item)
    out.sort(key=lambda r: json.dumps(r, ensure_ascii=False))
    return json.dumps(out, ensure_ascii=False, separators=(",", ":"))


def read_extras(conn: Any, spec: TableSpec, lid: int) -> dict[str, Any]:
    """The wire values of a record's sides and lookups."""
    values: dict[str, Any] = {}
    for side in spec.sides:
        if side.many:
            values[side.prefix] = _read_many(conn, side, lid)
            continue
        row = conn.execute(
            f"SELECT {', '.join(side.columns)} FROM {side.table} "  # noqa: S608 - constants
            f"WHERE {side.key} = ?",
            (lid,),
        ).fetchone()
        for i, name in enumerate(side.wire):
            values[name] = None if row is None else row[i]
    for lookup in spec.lookups:
        row = conn.execute(
            f"SELECT {', '.join(lookup.columns)} FROM {lookup.table} "  # noqa: S608
            f"WHERE id = (SELECT {lookup.column} FROM {spec.name} WHERE id = ?)",
            (lid,),
        ).fetchone()
        for i, name in enumerate(lookup.wire):
            values[name] = None if row is None else row[i]
    return values


# -- checking a colleague's values ------------------------------------------------------------


def _width(side: Side) -> int:
    return len(side.columns) + (len(_PARTNER) - 1 if side.table == "case_partners" else 0)


def parse_many(side: Side, untrusted: object) -> list[list[Any]]:
    """A set-of-rows value as it came from a colleague, checked: a JSON list of rows of the
    side's width, values strings, integers or null, references uids."""
    if not isinstance(untrusted, str):
        raise OpsInvalidError()
    try:
        rows_ = json.loads(untrusted)
    except ValueError as exc:
        raise OpsInvalidError() from exc
    if not isinstance(rows_, list) or len(rows_) > MAX_ROWS:
        raise OpsInvalidError()
    width = _width(side)
    for row in rows_:
        if not isinstance(row, list) or len(row) != width:
            raise OpsInvalidError()
        for value in row:
            if value is not None and type(value) not in (str, int):
                raise OpsInvalidError()
        for name in side.refs:
            value = row[side.columns.index(name)]
            if not isinstance(value, str) or len(value) != 32 or set(value) - _UID_CHARS:
                raise OpsInvalidError()
    return rows_


def referenced(spec: TableSpec, register: dict[str, Any]) -> list[tuple[str, str]]:
    """(table, uid) of every synced record a set-of-rows value refers to (checked first)."""
    out: list[tuple[str, str]] = []
    for side in spec.sides:
        if side.many and side.prefix in register:
            for row in parse_many(side, register[side.prefix]):
                for name, table in side.refs.items():
                    out.append((table, str(row[side.columns.index(name)])))
    return out


# -- writing (merging) -----------------------------------------------------------------------


def _find_or_add(store: Any, lookup: Lookup, wire: dict[str, Any]) -> int | None:
    """The local entry for a register reference: found by its key, else added."""
    conn = store.conn
    values = {c: wire.get(lookup.prefix + c) for c in lookup.columns}
    key = lookup.columns[0]
    if values[key] is None:
        return None
    found = conn.execute(
        f"SELECT id FROM {lookup.table} WHERE {key} = ?",  # noqa: S608 - constants
        (values[key],),
    ).fetchone()
    if found is None and lookup.table == "methods":
        found = conn.execute(
            "SELECT id FROM methods WHERE name_key = ?",
            (" ".join(str(values["name"] or "").split()).casefold(),),
        ).fetchone()
    if found is not None:
        return int(found[0])
    now = _utc()
    row = dict(values)
    if lookup.table in ("provisions", "methods"):
        row.update(created_by=store.actor, created_at=now, updated_at=now)
    else:
        row["created_at"] = now
    if lookup.table == "methods":
        row["name_key"] = " ".join(str(values["name"] or "").split()).casefold()
        row["origin"] = "imported"
    cur = conn.execute(
        f"INSERT INTO {lookup.table} ({', '.join(row)}) "  # noqa: S608 - constants
        f"VALUES ({', '.join('?' for _ in row)})",
        tuple(row.values()),
    )
    return int(cur.lastrowid)


def resolve_lookups(store: Any, spec: TableSpec, values: dict[str, Any]) -> dict[str, Any]:
    """``values`` with every lookup's wire fields replaced by the local entry's id."""
    out = dict(values)
    for lookup in spec.lookups:
        if lookup.wire[0] not in values:
            continue
        wire = {w: out.pop(w) for w in lookup.wire}
        out[lookup.column] = _find_or_add(store, lookup, wire)
    return out


def split_sides(spec: TableSpec, values: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(the row's own columns, the sides' wire values)."""
    wires = {w for s in spec.sides for w in s.wire}
    own = {k: v for k, v in values.items() if k not in wires}
    return own, {k: v for k, v in values.items() if k in wires}


def _partner_id(store: Any, kind: Any, name: Any, organisation: Any) -> int:
    conn = store.conn
    found = conn.execute(
        "SELECT id FROM partners WHERE kind = ? AND name = ? AND organisation IS ? "
        "ORDER BY id LIMIT 1",
        (kind, name, organisation),
    ).fetchone()
    if found is not None:
        return int(found[0])
    now = _utc()
    cur = conn.execute(
        "INSERT INTO partners (kind, name, organisation, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (kind, name, organisation, now, now),
    )
    return int(cur.lastrowid)


def _write_many(store: Any, side: Side, lid: int, value: Any) -> None:
    conn = store.conn
    if _read_many(conn, side, lid) == value:
        return
    conn.execute(f"DELETE FROM {side.table} WHERE {side.key} = ?", (lid,))  # noqa: S608
    for row in parse_many(side, value):
        cols: dict[str, Any] = {side.key: lid}
        rest = list(row)
        for name in side.columns:
            if side.table == "case_partners" and name == "partner_id":
                kind, pname, org = rest[:3]
                del rest[:3]
                cols[name] = _partner_id(store, kind, pname, org)
                continue
            value_ = rest.pop(0)
            cols[name] = _id_of(conn, side.refs[name], value_) if name in side.refs else value_
        if any(cols[n] is None for n in side.refs):
            continue  # a record this laptop no longer has
        conn.execute(
            f"INSERT INTO {side.table} ({', '.join(cols)}) "  # noqa: S608 - constants
            f"VALUES ({', '.join('?' for _ in cols)})",
            tuple(cols.values()),
        )


def write_sides(store: Any, spec: TableSpec, lid: int, values: dict[str, Any]) -> None:
    """Write the sides whose wire values are in ``values`` (a merge's winners)."""
    conn = store.conn
    for side in spec.sides:
        if side.wire[0] not in values:
            continue
        if side.many:
            _write_many(store, side, lid, values[side.prefix])
            continue
        row = {c: values[side.prefix + c] for c in side.columns}
        exists = conn.execute(
            f"SELECT {', '.join(side.columns)} FROM {side.table} "  # noqa: S608 - constants
            f"WHERE {side.key} = ?",
            (lid,),
        ).fetchone()
        if all(v is None for v in row.values()):
            if exists is not None:
                conn.execute(f"DELETE FROM {side.table} WHERE {side.key} = ?", (lid,))  # noqa: S608
        elif exists is None:
            full = {side.key: lid, **row, **dict.fromkeys(side.stamp, _utc())}
            conn.execute(
                f"INSERT INTO {side.table} ({', '.join(full)}) "  # noqa: S608 - constants
                f"VALUES ({', '.join('?' for _ in full)})",
                tuple(full.values()),
            )
        elif tuple(exists) != tuple(row.values()):
            sets = ", ".join(f"{c} = ?" for c in row)
            conn.execute(
                f"UPDATE {side.table} SET {sets} WHERE {side.key} = ?",  # noqa: S608
                (*row.values(), lid),
            )
