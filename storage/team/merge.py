"""Applying colleagues' operations: checks first, then the log, the heads and the tables.

:func:`apply_ops` is the one way remote operations enter a store. Before anything is
written it drops operations already known, refuses clocks more than an hour ahead, and
refuses the whole batch when an operation builds on (bases) or refers to (references) an
operation or record this store does not have and the batch does not bring
(:class:`OutOfOrderError`). Then, in one transaction: the log, the heads, our clock moved
past theirs, one audit entry (``team.apply``: from whom, how many operations per table,
which cases by uid, how many conflicts), and each touched record *materialised*: its row
rewritten from the winners of its registers' heads (the later clock, the author's key id
breaking a tie), created when new, deleted when removed without conflict. The result is a
function of the set of operations, whatever order they came in (docs/sync.md §3).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from storage.casefile.cases import next_case_number
from storage.casefile.documents import index_missing_texts
from storage.casefile.people import number_hash
from storage.casefile.search_bulk import deferred_search_index
from storage.team import clock, ops, rows, sides
from storage.team.errors import ClockAheadError, OpsInvalidError, OutOfOrderError
from storage.team.ops import ALL, REMOVE, Op
from storage.team.spec import TableSpec
from storage.team.tables import ORDER, REMOVED, SPECS


@dataclass
class Applied:
    """What one batch did (for the audit entry and the report to the caseworker)."""

    new: int = 0
    known: int = 0
    tables: dict[str, int] = field(default_factory=dict)
    cases: set[str] = field(default_factory=set)
    conflicts: int = 0


def _utc() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _record_known(conn: Any, table: str, uid: str) -> bool:
    if conn.execute("SELECT 1 FROM team_ops WHERE record_uid = ?", (uid,)).fetchone():
        return True
    return rows.local_id(conn, table, uid) is not None


def check_batch(
    conn: Any, incoming: Iterable[Op], blobs: Mapping[str, bytes], now_ms: int | None = None
) -> list[Op]:
    """The operations of ``incoming`` that are new here, in order; refuses the batch when
    one cannot be placed. Writes nothing."""
    wall = clock.wall_ms() if now_ms is None else now_ms
    fresh = [o for o in sorted(incoming, key=lambda o: o.order) if not ops.known(conn, o.id)]
    batch_ops: set[str] = set()
    batch_records: set[str] = set()
    cases_of: dict[str, str] = {}
    for op in fresh:
        if clock.parse_clock(op.clock)[0] > wall + clock.MAX_AHEAD_MS:
            raise ClockAheadError()
        spec = SPECS[op.table]
        for base in (b for bs in op.bases.values() for b in bs):
            if base not in batch_ops and not ops.known(conn, base):
                raise OutOfOrderError()
        for reg_values in op.set.values():
            refs = [(spec.refs.get(n), v) for n, v in reg_values.items()]
            for ref, value in [*refs, *sides.referenced(spec, reg_values)]:
                if ref and value is not None and value not in batch_records:
                    if not _record_known(conn, ref, value):
                        raise OutOfOrderError()
        new_record = op.record not in batch_records and not _record_known(conn, op.table, op.record)
        if new_record:
            if op.kind == REMOVE or not set(spec.registers) - set(spec.later) <= set(op.set):
                raise OutOfOrderError()  # a record's first operation writes all of it
            if op.table == "documents" and op.set["size"]["sha256"] not in blobs:
                raise OpsInvalidError()
            if op.table == "cases" and op.record != op.case:
                raise OpsInvalidError()
        if op.table != "cases" and spec.link in op.set:
            link = op.set[spec.link][spec.link]
            owner = "cases" if spec.parent is None else spec.parent[1]
            if (
                link if owner == "cases" else cases_of.get(link, _case_uid(conn, owner, link))
            ) != op.case:
                raise OpsInvalidError()  # a record belongs to the case its operation names
        batch_ops.add(op.id)
        batch_records.add(op.record)
        cases_of[op.record] = op.case
    return fresh


def _case_uid(conn: Any, table: str, uid: str) -> str | None:
    """The case uid of a record this store has (by its operations, else its row)."""
    row = conn.execute(
        "SELECT case_uid FROM team_ops WHERE record_uid = ? LIMIT 1", (uid,)
    ).fetchone()
    if row is not None:
        return str(row[0])
    return rows.uid_of(conn, "cases", rows.case_of(conn, table, rows.local_id(conn, table, uid)))


def apply_ops(
    store: Any,
    incoming: Iterable[Op],
    *,
    origin: int | None,
    blobs: Mapping[str, bytes] | None = None,
    case_numbers: Mapping[str, str] | None = None,
    now_ms: int | None = None,
) -> Applied:
    """Apply ``incoming`` (parsed by :func:`storage.team.ops.parse_ops`) in one transaction.

    ``origin``: the contact they came from (None in tests that pass operations directly);
    ``blobs``: document contents by SHA-256; ``case_numbers``: the case number to give a
    case new to this store (when free here; else the next local number).
    """
    conn = store.conn
    blobs = blobs or {}
    batch = list(incoming)
    result = Applied()
    with store.transaction():
        fresh = check_batch(conn, batch, blobs, now_ms)
        result.known = len(batch) - len(fresh)
        if not fresh:
            return result
        now = _utc()
        touched: dict[str, tuple[str, str]] = {}
        for op in fresh:
            ops.save(conn, op, origin, now)
            ops.advance_heads(conn, op)
            touched.setdefault(op.record, (op.table, op.clock))
            result.tables[op.table] = result.tables.get(op.table, 0) + 1
            result.cases.add(op.case)
        clock.observe(conn, max(op.clock for op in fresh))  # past the latest, as one by one
        result.new = len(fresh)
        conn.execute("INSERT INTO team_merging (one) VALUES (1)")
        try:
            with deferred_search_index(conn):  # one sorted write of the index at the end
                for uid, (table, _first) in sorted(
                    touched.items(), key=lambda kv: (ORDER.index(kv[1][0]), kv[1][1], kv[0])
                ):
                    conflicted = materialise(store, SPECS[table], uid, blobs, case_numbers or {})
                    result.conflicts += len(conflicted)
        except sqlcipher.IntegrityError as exc:
            # a value that breaks a rule of the tables (an unknown need domain, a date
            # before the one it must follow): the whole batch is refused, nothing applied
            raise OpsInvalidError() from exc
        conn.execute("DELETE FROM team_merging")
        if "documents" in result.tables:
            index_missing_texts(conn)
        store.audit.append(
            "team.apply",
            "team",
            {
                "sender": origin,
                "operations": result.new,
                "tables": dict(sorted(result.tables.items())),
                "cases": sorted(result.cases),
                "conflicts": result.conflicts,
            },
        )
    return result


def _winners(conn: Any, uid: str) -> tuple[dict[str, list[Op]], bool]:
    """Heads per register as operations, and whether the record is removed."""
    by_reg = ops.heads(conn, uid)
    loaded = {o.id: o for o in ops.load(conn, {i for ids in by_reg.values() for i in ids})}
    heads = {reg: [loaded[i] for i in ids if i in loaded] for reg, ids in by_reg.items()}
    others = {o.id for reg, hs in heads.items() if reg != REMOVED for o in hs}
    removed = any(r.kind == REMOVE and others <= set(r.bases[ALL]) for r in heads.get(REMOVED, []))
    return heads, removed


def conflicted_registers(conn: Any, uid: str) -> list[str]:
    """Registers of a record with several heads; ``~`` when a removal met an edit."""
    return _conflicted(*_winners(conn, uid))


def _conflicted(heads: dict[str, list[Op]], removed: bool) -> list[str]:
    out = [reg for reg, hs in heads.items() if reg != REMOVED and len(hs) > 1]
    if not removed and any(o.kind == REMOVE for o in heads.get(REMOVED, [])):
        out.append(REMOVED)
    return sorted(out)


def materialise(
    store: Any, spec: TableSpec, uid: str, blobs: Mapping[str, bytes], numbers: Mapping[str, str]
) -> list[str]:
    """Write the record ``uid`` as its heads say; returns its conflicted registers."""
    conn = store.conn
    heads, removed = _winners(conn, uid)
    conflicted = _conflicted(heads, removed)
    lid = rows.local_id(conn, spec.name, uid)
    if removed:
        if lid is not None:
            _delete(conn, spec, lid)
        return conflicted
    values: dict[str, Any] = {}
    for reg in spec.registers:
        if heads.get(reg):
            winner = max(heads[reg], key=lambda o: o.order)
            values.update(winner.set[reg])
    own, side_values = sides.split_sides(spec, values)
    local = {
        name: rows.local_id(conn, spec.refs[name], value) if name in spec.refs else value
        for name, value in sides.resolve_lookups(store, spec, own).items()
    }
    if lid is None:
        lid = _insert(store, spec, uid, local, blobs, numbers)
    else:
        _update(store, spec, lid, local)
    sides.write_sides(store, spec, lid, side_values)
    return conflicted


def _insert(
    store: Any,
    spec: TableSpec,
    uid: str,
    values: dict[str, Any],
    blobs: Mapping[str, bytes],
    numbers: Mapping[str, str],
) -> int:
    conn = store.conn
    row = {**values, "uid": uid, **dict.fromkeys(spec.touch, _utc())}
    if spec.name == "cases":
        wanted = numbers.get(uid)
        taken = (
            wanted is None
            or conn.execute("SELECT 1 FROM cases WHERE case_number = ?", (wanted,)).fetchone()
        )
        year = int(str(values.get("opened_on") or _utc())[:4])
        row["case_number"] = next_case_number(store, year) if taken else wanted
    if spec.name == "persons":
        number = row.get("id_number")
        row["id_hash"] = None if number is None else number_hash(store, number)
    cols = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    cur = conn.execute(
        f"INSERT INTO {spec.name} ({cols}) VALUES ({marks})",  # noqa: S608 - constants
        tuple(row.values()),
    )
    new_id = int(cur.lastrowid)
    if spec.name == "cases":
        conn.execute("UPDATE team_cases SET case_id = ? WHERE case_uid = ?", (new_id, uid))
    if spec.name == "documents":
        conn.execute(
            "INSERT INTO document_contents (document_id, content) VALUES (?, ?)",
            (new_id, blobs[str(values["sha256"])]),
        )
    return new_id


def _update(store: Any, spec: TableSpec, lid: int, values: dict[str, Any]) -> None:
    conn = store.conn
    cols = list(values)
    current = conn.execute(
        f"SELECT {', '.join(cols)} FROM {spec.name} WHERE id = ?",  # noqa: S608 - constants
        (lid,),
    ).fetchone()
    changed = {c: v for c, v, old in zip(cols, values.values(), current, strict=True) if v != old}
    if not changed:
        return
    changed.update(dict.fromkeys(spec.touch, _utc()))
    if spec.name == "persons" and "id_number" in changed:
        number = changed["id_number"]
        changed["id_hash"] = None if number is None else number_hash(store, number)
    sets = ", ".join(f"{c} = ?" for c in changed)
    conn.execute(
        f"UPDATE {spec.name} SET {sets} WHERE id = ?",  # noqa: S608 - constants
        (*changed.values(), lid),
    )


def _delete(conn: Any, spec: TableSpec, lid: int) -> None:
    """Remove a record (only persons are removable): references to it become empty."""
    if spec.name != "persons":
        return
    conn.execute("UPDATE consents SET person_id = NULL WHERE person_id = ?", (lid,))
    conn.execute("UPDATE network_links SET person_id = NULL WHERE person_id = ?", (lid,))
    conn.execute("DELETE FROM fictitious_identities WHERE person_id = ?", (lid,))
    conn.execute("DELETE FROM persons WHERE id = ?", (lid,))


def unmask(store: Any, upgrades: Iterable[tuple[Op, set[str]]], *, origin: int | None) -> int:
    """Operations this store holds with masked registers (••, received before its share
    included the protected details) that now arrived with the real values, verified against
    their author's signature (sync/team/signatures.py): their stored values are replaced and
    their records written again from the heads (audited ``team.apply`` with ``unmasked``).
    Inside the import's transaction; returns how many operations were upgraded."""
    conn = store.conn
    records: dict[str, str] = {}
    count = 0
    done: list[tuple[Op, set[str]]] = []
    for op, registers in upgrades:
        stored = ops.load(conn, [op.id])
        if not stored or not registers:
            continue
        values = {**stored[0].set, **{reg: op.set[reg] for reg in registers}}
        body = Op(
            op.id, op.clock, op.author, op.case, op.table, op.record, op.kind, values, op.bases
        ).body()
        conn.execute("UPDATE team_ops SET body = ? WHERE op_id = ?", (body, op.id))
        records[op.record] = op.table
        done.append((op, registers))
        count += 1
    if not records:
        return 0
    conn.execute("INSERT INTO team_merging (one) VALUES (1)")
    try:
        for uid, table in sorted(records.items(), key=lambda kv: (ORDER.index(kv[1]), kv[0])):
            materialise(store, SPECS[table], uid, {}, {})
    except sqlcipher.IntegrityError as exc:
        raise OpsInvalidError() from exc
    conn.execute("DELETE FROM team_merging")
    store.audit.append(
        "team.apply",
        "team",
        {"sender": origin, "unmasked": count, "cases": sorted({op.case for op, _ in done})},
    )
    return count
