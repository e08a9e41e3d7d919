"""Reading a record's synced fields from its table, and writing them back (merging).

Values of reference fields are uids on the wire and local ids in the tables; this module
translates both ways. A reference to a record this laptop does not have (removed) reads as
``None``.
"""

from __future__ import annotations

from typing import Any

from storage.team.sides import read_extras
from storage.team.spec import TableSpec
from storage.team.tables import SPECS


def local_id(conn: Any, table: str, uid: str | None) -> int | None:
    if uid is None:
        return None
    row = conn.execute(
        f"SELECT id FROM {table} WHERE uid = ?",  # noqa: S608 - table from SPECS
        (uid,),
    ).fetchone()
    return None if row is None else int(row[0])


def uid_of(conn: Any, table: str, record_id: int | None) -> str | None:
    if record_id is None:
        return None
    row = conn.execute(
        f"SELECT uid FROM {table} WHERE id = ?",  # noqa: S608 - table from SPECS
        (int(record_id),),
    ).fetchone()
    return None if row is None else str(row[0])


def read_fields(conn: Any, spec: TableSpec, record_id: int) -> tuple[str, dict[str, Any]] | None:
    """``(uid, {field: wire value})`` of one row, or None when it is gone."""
    own = spec.columns
    cols = ", ".join(("uid", *own))
    row = conn.execute(
        f"SELECT {cols} FROM {spec.name} WHERE id = ?",  # noqa: S608 - constants
        (int(record_id),),
    ).fetchone()
    if row is None:
        return None
    values: dict[str, Any] = {}
    for name, value in zip(own, row[1:], strict=True):
        ref = spec.refs.get(name)
        values[name] = uid_of(conn, ref, value) if ref else value
    if spec.sides or spec.lookups:
        values.update(read_extras(conn, spec, int(record_id)))
    return str(row[0]), {f: values[f] for f in spec.fields}


def case_of(conn: Any, table: str, record_id: int | None) -> int | None:
    """The local id of the case a record belongs to (through its parent records)."""
    if record_id is None:
        return None
    if table == "cases":
        return int(record_id)
    spec = SPECS[table]
    row = conn.execute(
        f"SELECT {spec.link} FROM {table} WHERE id = ?",  # noqa: S608 - table from SPECS
        (int(record_id),),
    ).fetchone()
    if row is None or row[0] is None:
        return None
    if spec.parent is None:
        return int(row[0])
    return case_of(conn, spec.parent[1], int(row[0]))


def _of_case(table: str) -> str:
    """A WHERE condition (one parameter: the case's id) for the records of one case."""
    spec = SPECS[table]
    if spec.parent is None:
        return "case_id = ?"
    column, parent = spec.parent
    return f"{column} IN (SELECT id FROM {parent} WHERE {_of_case(parent)})"  # noqa: S608


def records_of_case(conn: Any, case_id: int) -> list[tuple[str, int]]:
    """(table, local id) of every synced record of a case, the case first."""
    out: list[tuple[str, int]] = [("cases", int(case_id))]
    for table in SPECS:
        if table == "cases":
            continue
        versioned = table in ("journal_entries", "decisions")
        order = "coalesce(original_id, id), version" if versioned else "id"
        for (rid,) in conn.execute(
            f"SELECT id FROM {table} WHERE {_of_case(table)} ORDER BY {order}",  # noqa: S608
            (int(case_id),),
        ):
            out.append((table, int(rid)))
    return out
