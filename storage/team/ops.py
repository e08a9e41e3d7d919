"""Operations: their shape, strict parsing of a colleague's, and the log and heads tables.

An operation (docs/sync.md §4) puts registers of one record, or removes the record; its
``bases`` name, per register, the operations whose values its author saw and replaced.
:func:`parse_ops` checks untrusted JSON strictly (exact keys, types, lengths, known tables,
registers and fields) before anything is applied.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from storage.team.clock import CLOCK_RE
from storage.team.errors import OpsInvalidError
from storage.team.tables import REMOVED, SPECS

UID_RE = re.compile(r"[0-9a-f]{32}")
AUTHOR_RE = re.compile(r"[0-9a-f]{16}")
PUT, REMOVE = "put", "remove"
ALL = "*"  # the one base list of a removal
VALUE_MAX_CHARS = 100_000
MAX_BASES = 64


def new_uid() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True)
class Op:
    id: str
    clock: str
    author: str
    case: str
    table: str
    record: str
    kind: str
    set: dict[str, dict[str, Any]]
    bases: dict[str, list[str]]

    @property
    def order(self) -> tuple[str, str, str]:
        """Clock, then the author's key id, then the op id: the same on every laptop."""
        return self.clock, self.author, self.id

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "clock": self.clock,
            "author": self.author,
            "case": self.case,
            "table": self.table,
            "record": self.record,
            "kind": self.kind,
            "set": self.set,
            "bases": self.bases,
        }

    def body(self) -> str:
        return json.dumps({"set": self.set, "bases": self.bases}, sort_keys=True)


_KEYS = {"id", "clock", "author", "case", "table", "record", "kind", "set", "bases"}


def _match(untrusted: object, pattern: re.Pattern[str]) -> str:
    if not isinstance(untrusted, str) or pattern.fullmatch(untrusted) is None:
        raise OpsInvalidError()
    return untrusted


def _value(untrusted: object, ref: bool) -> Any:
    if untrusted is None:
        return None
    if ref:
        return _match(untrusted, UID_RE)
    if type(untrusted) is int and -(2**53) <= untrusted <= 2**53:
        return untrusted
    if isinstance(untrusted, str) and len(untrusted) <= VALUE_MAX_CHARS:
        if "\x00" in untrusted:
            raise OpsInvalidError()
        return untrusted
    raise OpsInvalidError()


def _ids(untrusted: object) -> list[str]:
    if not isinstance(untrusted, list) or len(untrusted) > MAX_BASES:
        raise OpsInvalidError()
    ids = [_match(i, UID_RE) for i in untrusted]
    if len(set(ids)) != len(ids):
        raise OpsInvalidError()
    return sorted(ids)


def parse_op(untrusted: object) -> Op:
    if not isinstance(untrusted, dict) or set(untrusted) != _KEYS:
        raise OpsInvalidError()
    table = untrusted["table"]
    spec = SPECS.get(table) if isinstance(table, str) else None
    kind = untrusted["kind"]
    if spec is None or kind not in (PUT, REMOVE):
        raise OpsInvalidError()
    untrusted_set, untrusted_bases = untrusted["set"], untrusted["bases"]
    if not isinstance(untrusted_set, dict) or not isinstance(untrusted_bases, dict):
        raise OpsInvalidError()
    registers = spec.registers
    values: dict[str, dict[str, Any]] = {}
    bases: dict[str, list[str]] = {}
    if kind == REMOVE:
        if untrusted_set or set(untrusted_bases) != {ALL} or not spec.removable:
            raise OpsInvalidError()
        bases[ALL] = _ids(untrusted_bases[ALL])
    else:
        allowed = set(registers) | {REMOVED}
        if not untrusted_set or not set(untrusted_set) <= allowed:
            raise OpsInvalidError()
        if set(untrusted_bases) - set(untrusted_set):
            raise OpsInvalidError()
        for reg, fields in untrusted_set.items():
            group = registers.get(reg, ())
            if not isinstance(fields, dict) or set(fields) != set(group):
                raise OpsInvalidError()
            values[reg] = {f: _value(fields[f], f in spec.refs) for f in group}
            bases[reg] = _ids(untrusted_bases.get(reg, []))
    return Op(
        _match(untrusted["id"], UID_RE),
        _match(untrusted["clock"], CLOCK_RE),
        _match(untrusted["author"], AUTHOR_RE),
        _match(untrusted["case"], UID_RE),
        spec.name,
        _match(untrusted["record"], UID_RE),
        kind,
        values,
        bases,
    )


def parse_ops(untrusted: object, limit: int) -> list[Op]:
    if not isinstance(untrusted, list) or len(untrusted) > limit:
        raise OpsInvalidError()
    ops = [parse_op(o) for o in untrusted]
    if len({o.id for o in ops}) != len(ops):
        raise OpsInvalidError()
    return ops


# ---------------------------------------------------------------- the log and the heads


def known(conn: Any, op_id: str) -> bool:
    return conn.execute("SELECT 1 FROM team_ops WHERE op_id = ?", (op_id,)).fetchone() is not None


def save(conn: Any, op: Op, origin: int | None, now: str) -> None:
    conn.execute(
        "INSERT INTO team_ops (op_id, clock, author, case_uid, table_name, record_uid, kind, "
        "body, origin, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (op.id, op.clock, op.author, op.case, op.table, op.record, op.kind, op.body(), origin, now),
    )


def _row_op(row: Any) -> Op:
    body = json.loads(row[7])
    return Op(row[0], row[1], row[2], row[3], row[4], row[5], row[6], body["set"], body["bases"])


_OP_COLUMNS = "op_id, clock, author, case_uid, table_name, record_uid, kind, body"


def load(conn: Any, op_ids: Iterable[str]) -> list[Op]:
    out = []
    for op_id in op_ids:
        row = conn.execute(
            f"SELECT {_OP_COLUMNS} FROM team_ops WHERE op_id = ?",  # noqa: S608 - constant
            (op_id,),
        ).fetchone()
        if row is not None:
            out.append(_row_op(row))
    return out


def case_ops(conn: Any, case_uid: str) -> list[Op]:
    rows = conn.execute(
        f"SELECT {_OP_COLUMNS} FROM team_ops WHERE case_uid = ? "  # noqa: S608 - constant
        "ORDER BY clock, author, op_id",
        (case_uid,),
    )
    return [_row_op(r) for r in rows]


def heads(conn: Any, record_uid: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for reg, op_id in conn.execute(
        "SELECT register, op_id FROM team_heads WHERE record_uid = ? ORDER BY register, op_id",
        (record_uid,),
    ):
        out.setdefault(str(reg), []).append(str(op_id))
    return out


def advance_heads(conn: Any, op: Op) -> None:
    """The op replaces its bases as head of each register it writes."""
    registers = [REMOVED] if op.kind == REMOVE else list(op.set)
    for reg in registers:
        replaced = op.bases[ALL] if op.kind == REMOVE else op.bases.get(reg, [])
        for base in replaced:
            conn.execute(
                "DELETE FROM team_heads WHERE record_uid = ? AND register = ? AND op_id = ?",
                (op.record, reg, base),
            )
        conn.execute(
            "INSERT OR IGNORE INTO team_heads (record_uid, register, op_id) VALUES (?, ?, ?)",
            (op.record, reg, op.id),
        )
