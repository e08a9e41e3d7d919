"""Reading a record's synced fields from its table, and writing them back (merging).

Values of reference fields are uids on the wire and local ids in the tables; this module
translates both ways. A reference to a record this laptop does not have (removed) reads as
``None``.
"""

from __future__ import annotations

from typing import Any

from storage.team.tables import SPECS, TableSpec


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
    cols = ", ".join(("uid", *spec.fields))
    row = conn.execute(
        f"SELECT {cols} FROM {spec.name} WHERE id = ?",  # noqa: S608 - constants
        (int(record_id),),
    ).fetchone()
    if row is None:
        return None
    values: dict[str, Any] = {}
    for name, value in zip(spec.fields, row[1:], strict=True):
        ref = spec.refs.get(name)
        values[name] = uid_of(conn, ref, value) if ref else value
    return str(row[0]), values


def case_of(conn: Any, table: str, record_id: int) -> int | None:
    if table == "cases":
        return int(record_id)
    row = conn.execute(
        f"SELECT case_id FROM {table} WHERE id = ?",  # noqa: S608 - table from SPECS
        (int(record_id),),
    ).fetchone()
    return None if row is None else int(row[0])


def records_of_case(conn: Any, case_id: int) -> list[tuple[str, int]]:
    """(table, local id) of every synced record of a case, the case first."""
    out: list[tuple[str, int]] = [("cases", int(case_id))]
    for table in SPECS:
        if table == "cases":
            continue
        order = "coalesce(original_id, id), version" if table == "journal_entries" else "id"
        for (rid,) in conn.execute(
            f"SELECT id FROM {table} WHERE case_id = ? ORDER BY {order}",  # noqa: S608
            (int(case_id),),
        ):
            out.append((table, int(rid)))
    return out
