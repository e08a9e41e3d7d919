"""Conflicts of a shared case: listing them, resolving them (a resolution is an operation).

A conflict is a register with several heads — two colleagues changed the same field
without either seeing the other's change — or a removal that met a concurrent edit. Both
(all) values stay in the log with who and when; the row shows the later by clock until a
caseworker chooses. Resolving writes a new operation whose bases are every head.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storage.team import capture, clock, ops, protected, rows
from storage.team.errors import ConflictGoneError
from storage.team.merge import _winners, conflicted_registers, materialise
from storage.team.ops import PUT, Op
from storage.team.tables import REMOVED, SPECS


@dataclass(frozen=True)
class Version:
    op_id: str
    clock: str
    author: str  # signing key id; sync/team names the colleague
    removal: bool
    values: dict[str, Any]


@dataclass(frozen=True)
class Conflict:
    table: str
    record_uid: str
    record_id: int | None
    register: str  # ``~``: removed by one, changed by another
    fields: tuple[str, ...]
    versions: tuple[Version, ...]  # in clock order; the last one is shown meanwhile
    #: the values are protected (an address, a fictitious identity, the name or personnummer
    #: of a protected person): shown as •• — the case view's audited reveal opens them
    protected: bool = False


def _protected(conn: Any, table: str, record_id: int | None, register: str) -> bool:
    spec = SPECS[table]
    if register in spec.secret:
        return True
    if not set(spec.registers.get(register, ())) & set(spec.protected):
        return False
    row = (
        None
        if record_id is None
        else conn.execute(
            "SELECT protection_level FROM persons WHERE id = ?", (record_id,)
        ).fetchone()
    )
    return row is None or row[0] != "none"


def case_conflicts(store: Any, case_id: int) -> list[Conflict]:
    conn = store.conn
    case_uid = rows.uid_of(conn, "cases", case_id)
    if case_uid is None:
        return []
    out: list[Conflict] = []
    records = conn.execute(
        "SELECT DISTINCT record_uid, table_name FROM team_ops WHERE case_uid = ? "
        "ORDER BY record_uid",
        (case_uid,),
    ).fetchall()
    for uid, table in records:
        regs = conflicted_registers(conn, uid)
        if not regs:
            continue
        heads, _removed = _winners(conn, uid)
        spec = SPECS[table]
        for reg in regs:
            if reg == REMOVED:
                edits = [o for r, hs in heads.items() if r != REMOVED for o in hs]
                chosen = [*heads[REMOVED], *edits]
            else:
                chosen = heads[reg]
            versions = tuple(
                Version(o.id, o.clock, o.author, o.kind != PUT, dict(o.set.get(reg, {})))
                for o in sorted(chosen, key=lambda o: o.order)
            )
            lid = rows.local_id(conn, table, uid)
            out.append(
                Conflict(
                    table,
                    uid,
                    lid,
                    reg,
                    spec.registers.get(reg, ()),
                    versions,
                    _protected(conn, table, lid, reg),
                )
            )
    return out


def resolve(store: Any, conflict: Conflict, chosen_op_id: str | None, *, keep: bool = True) -> None:
    """Resolve a field conflict by choosing one version (``chosen_op_id``), or a removal
    conflict by keeping (``keep=True``) or removing the record. Audited ``team.resolve``."""
    conn = store.conn
    spec = SPECS[conflict.table]
    with store.transaction():
        heads = ops.heads(conn, conflict.record_uid)
        now_heads = heads.get(conflict.register, [])
        if conflict.register not in conflicted_registers(conn, conflict.record_uid):
            raise ConflictGoneError()
        case_uid = ops.load(conn, [now_heads[0]])[0].case
        if conflict.register == REMOVED:
            if keep:
                values: dict[str, dict[str, Any]] = {REMOVED: {}}
                bases = {REMOVED: now_heads}
                _write(store, spec.name, conflict.record_uid, case_uid, values, bases)
            else:
                seen = sorted({h for hs in heads.values() for h in hs})
                op = Op(
                    ops.new_uid(),
                    clock.tick(conn),
                    capture.author_key(conn),
                    case_uid,
                    spec.name,
                    conflict.record_uid,
                    ops.REMOVE,
                    {},
                    {ops.ALL: seen},
                )
                _save(store, op)
        else:
            picked = [v for v in conflict.versions if v.op_id == chosen_op_id]
            if not picked or chosen_op_id not in now_heads:
                raise ConflictGoneError()
            values = {conflict.register: picked[0].values}
            _write(
                store,
                spec.name,
                conflict.record_uid,
                case_uid,
                values,
                {conflict.register: now_heads},
            )
        store.audit.append(
            "team.resolve",
            f"record:{conflict.record_uid}",
            {"table": spec.name, "register": conflict.register, "kept": keep},
        )


def _write(
    store: Any,
    table: str,
    uid: str,
    case_uid: str,
    values: dict[str, dict[str, Any]],
    bases: dict[str, list[str]],
) -> None:
    conn = store.conn
    op = Op(
        ops.new_uid(),
        clock.tick(conn),
        capture.author_key(conn),
        case_uid,
        table,
        uid,
        PUT,
        values,
        bases,
    )
    # a laptop without the protected details cannot choose between versions of them
    protected.guard_local(conn, op, {})
    _save(store, op)


def _save(store: Any, op: Op) -> None:
    conn = store.conn
    ops.save(
        conn, op, None, conn.execute("SELECT strftime('%Y-%m-%dT%H:%M:%SZ','now')").fetchone()[0]
    )
    ops.advance_heads(conn, op)
    conn.execute("INSERT INTO team_merging (one) VALUES (1)")
    materialise(store, SPECS[op.table], op.record, {}, {})
    conn.execute("DELETE FROM team_merging")
