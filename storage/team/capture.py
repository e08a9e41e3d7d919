"""Recording every change to a shared case as an operation (called by storage/casefile/repo.py).

Only cases this laptop shares (``team_cases``, state ``active``) are recorded; every other
write costs one indexed lookup. The operation is written in the same transaction as the
change, with the next tick of the persisted clock and this installation's signing key id as
author, and becomes the head of the registers it writes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from storage.team import clock, ops, protected, rows
from storage.team.errors import TeamError
from storage.team.guard import new_in_bulk, note_new_case
from storage.team.ops import ALL, PUT, REMOVE, Op
from storage.team.spec import TableSpec
from storage.team.tables import SIDE_TABLES, SPECS

_now = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"


def author_key(conn: Any) -> str:
    """This installation's signing key id (16 hex digits), the author of its operations."""
    row = conn.execute(
        "SELECT lower(hex(signing_key_id)) FROM sync_identity WHERE is_current = 1"
    ).fetchone()
    if row is None:
        raise TeamError()
    return str(row[0])


def shared_case_uid(conn: Any, case_id: int | None) -> str | None:
    if case_id is None:
        return None
    row = conn.execute(
        "SELECT case_uid FROM team_cases WHERE case_id = ? AND state = 'active'", (int(case_id),)
    ).fetchone()
    return None if row is None else str(row[0])


def _utc(conn: Any) -> str:
    return str(conn.execute(f"SELECT {_now}").fetchone()[0])


def write_put(
    conn: Any,
    spec: TableSpec,
    record_id: int,
    registers: Iterable[str],
    case_uid: str,
    *,
    local: bool = False,
) -> Op | None:
    """Record a ``put`` of ``registers`` of a record as they are now. ``local``: a change
    made on this laptop (not a snapshot or catch-up), checked by
    :func:`storage.team.protected.guard_local` first."""
    found = rows.read_fields(conn, spec, record_id)
    if found is None:
        return None
    uid, values = found
    chosen = sorted(set(registers))
    current = ops.heads(conn, uid)
    op = Op(
        ops.new_uid(),
        clock.tick(conn),
        author_key(conn),
        case_uid,
        spec.name,
        uid,
        PUT,
        {reg: {f: values[f] for f in spec.registers[reg]} for reg in chosen},
        {reg: current.get(reg, []) for reg in chosen},
    )
    if local:
        guarded = protected.guard_local(conn, op, current)
        if guarded is None:
            return None
        op = guarded
    ops.save(conn, op, None, _utc(conn))
    ops.advance_heads(conn, op)
    return op


def on_insert(store: Any, table: str, record_id: int, values: dict[str, Any]) -> None:
    spec = SPECS.get(table)
    if spec is None:
        side = SIDE_TABLES.get(table)
        if side is not None:  # a row of a side table: a change of its record's register
            owner = SPECS[side[0]]
            key = next(s.key for s in owner.sides if s.table == table)
            on_update(store, owner.name, int(values[key]), (side[1],))
        return
    if table == "cases":
        note_new_case(store, record_id)
        case_id: Any = record_id
    elif spec.parent is None:
        case_id = values.get("case_id")
    else:
        case_id = rows.case_of(store.conn, spec.parent[1], values.get(spec.parent[0]))
    if new_in_bulk(store, case_id):
        return  # created in this bulk transaction: not shared
    case_uid = shared_case_uid(store.conn, case_id)
    if case_uid is not None:
        write_put(store.conn, spec, record_id, spec.registers, case_uid, local=True)


def on_update(store: Any, table: str, record_id: int, columns: Iterable[str]) -> None:
    """After a change of ``columns`` (or of a side's or lookup's wire field, e.g.
    ``ratings``, ``address_street``) of a record: a ``put`` of the registers they belong to."""
    spec = SPECS.get(table)
    if spec is None:
        return
    renamed = {lk.column: lk.wire[0] for lk in spec.lookups}
    columns = [renamed.get(c, c) for c in columns]
    registers = {r for c in columns if (r := spec.register_of(c)) is not None}
    if not registers:
        return
    case_id = rows.case_of(store.conn, table, record_id)
    if new_in_bulk(store, case_id):
        return  # created in this bulk transaction: not shared
    case_uid = shared_case_uid(store.conn, case_id)
    if case_uid is not None:
        write_put(store.conn, spec, record_id, registers, case_uid, local=True)


def on_remove(store: Any, table: str, record_id: int) -> None:
    """Before a record of a shared case is deleted: the removal operation (a tombstone)."""
    spec = SPECS[table]
    conn = store.conn
    case_uid = shared_case_uid(conn, rows.case_of(conn, table, record_id))
    uid = rows.uid_of(conn, table, record_id)
    if case_uid is None or uid is None:
        return
    seen = sorted({h for hs in ops.heads(conn, uid).values() for h in hs})
    op = Op(
        ops.new_uid(),
        clock.tick(conn),
        author_key(conn),
        case_uid,
        spec.name,
        uid,
        REMOVE,
        {},
        {ALL: seen},
    )
    ops.save(conn, op, None, _utc(conn))
    ops.advance_heads(conn, op)


def snapshot_case(store: Any, case_id: int, case_uid: str) -> int:
    """When a case is first shared: one ``put`` of every register of every record that has
    no operation yet (the case first, then its records); returns how many were written."""
    conn = store.conn
    written = 0
    for table, rid in rows.records_of_case(conn, case_id):
        uid = rows.uid_of(conn, table, rid)
        if uid is None:
            continue
        spec = SPECS[table]
        heads = ops.heads(conn, uid)
        if not heads:
            chosen: Iterable[str] = spec.registers
        else:
            chosen = [r for r in spec.later if r not in heads and _holds(conn, spec, rid, r)]
        if chosen and write_put(conn, spec, rid, chosen, case_uid) is not None:
            written += 1
    return written


def _holds(conn: Any, spec: TableSpec, record_id: int, register: str) -> bool:
    """Whether a register holds something (not null, not an empty list)."""
    found = rows.read_fields(conn, spec, record_id)
    values = {} if found is None else found[1]
    return any(values[f] not in (None, "[]") for f in spec.registers[register])


def catch_up(store: Any) -> int:
    """Before writing change bundles: the records of every active shared case that have no
    operation yet (a part of the case file kept in step since schema step 12, written before
    the upgrade), and the registers added in step 12 that hold something, become operations
    (docs/sync.md §2). Returns how many records were written."""
    written = 0
    with store.transaction():
        for case_uid, case_id in store.conn.execute(
            "SELECT case_uid, case_id FROM team_cases WHERE state = 'active' AND case_id "
            "IS NOT NULL ORDER BY case_uid"
        ).fetchall():
            written += snapshot_case(store, int(case_id), str(case_uid))
    return written
