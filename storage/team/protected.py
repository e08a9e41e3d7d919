"""The protected details of a shared case: which operations carry them, and the rule that a
laptop without them never writes them (docs/sync.md §3).

A person's name and personnummer when the person has a protection level, a placement's
protected address and a person's fictitious identity travel only to colleagues whose share
includes the protected details; anyone else holds ``••`` (or nothing) in their place. A
laptop that holds ``••`` cannot make a change of them the responsible caseworker would
accept (``team_protected_not_shared`` there), and since an operation is sent again until it
is acknowledged, one such change would block every later change bundle. So the change is
refused here, at the source, before anything is written (:func:`guard_local`, called by
:mod:`storage.team.capture` for every local write of a shared case).
"""

from __future__ import annotations

from typing import Any

from storage.team import ops as ops_
from storage.team import rows
from storage.team.errors import ProtectedNotHeldError
from storage.team.ops import Op
from storage.team.tables import SPECS

#: registers of ``persons`` that are protected when the person has a protection level
PERSON_REGISTERS = ("name", "id_number")


def secret_registers(op: Op) -> set[str]:
    """Registers of ``op`` that always travel only with the protected details and hold a
    value: a placement's address, a person's fictitious identity (storage/team/tables.py)."""
    secret = set(SPECS[op.table].secret)
    return {r for r, values in op.set.items() if r in secret and any(values.values())}


def _person_protected(conn: Any, op: Op) -> bool:
    """Whether the person ``op`` writes has a protection level (as the operation sets it,
    or as this laptop has the person)."""
    levels = {str(op.set.get("protection_level", {}).get("protection_level") or "none")}
    lid = rows.local_id(conn, "persons", op.record)
    if lid is not None:
        row = conn.execute("SELECT protection_level FROM persons WHERE id = ?", (lid,)).fetchone()
        if row is not None:
            levels.add(str(row[0]))
    return levels != {"none"}


def protected_registers(conn: Any, op: Op) -> set[str]:
    """The registers of ``op`` that carry protected details."""
    found = secret_registers(op)
    if (
        op.table == "persons"
        and set(op.set) & set(PERSON_REGISTERS)
        and _person_protected(conn, op)
    ):
        found |= set(op.set) & set(PERSON_REGISTERS)
    return found


def touches_protected(conn: Any, op: Op) -> bool:
    return bool(protected_registers(conn, op))


def held(conn: Any, case_uid: str) -> bool:
    """Whether this laptop holds the protected details of a shared case (the responsible
    caseworker always does; a colleague when its share includes them)."""
    row = conn.execute(
        "SELECT protected FROM team_cases WHERE case_uid = ?", (case_uid,)
    ).fetchone()
    return row is None or bool(row[0])


def held_for_case(conn: Any, case_id: int) -> bool:
    """Whether this laptop may change the protected details of a case: not shared, or shared
    with the protected details (what the case view asks before offering those edits)."""
    row = conn.execute(
        "SELECT protected FROM team_cases WHERE case_id = ? AND state = 'active'", (int(case_id),)
    ).fetchone()
    return row is None or bool(row[0])


def guard_local(conn: Any, op: Op, heads: dict[str, list[str]]) -> Op | None:
    """A local change of a shared case, before it is recorded: on a laptop without the
    protected details, a register carrying them that is written unchanged (an editor saving
    the whole person) is left out, and one written with a new value is refused
    (:class:`ProtectedNotHeldError`; the caller's transaction writes nothing). Returns the
    operation to record, or None when nothing is left of it."""
    if held(conn, op.case):
        return op
    touched = protected_registers(conn, op)
    if not touched:
        return op
    for reg in touched:
        current = ops_.load(conn, heads.get(reg, []))
        winner = max(current, key=lambda o: o.order) if current else None
        if winner is None or winner.set.get(reg) != op.set[reg]:
            raise ProtectedNotHeldError()
    left = {r: v for r, v in op.set.items() if r not in touched}
    if not left:
        return None
    return Op(
        op.id,
        op.clock,
        op.author,
        op.case,
        op.table,
        op.record,
        op.kind,
        left,
        {r: b for r, b in op.bases.items() if r in left},
    )


def carries_protected(op: Op) -> bool:
    """Whether ``op`` may have travelled masked to a colleague without the protected details:
    a person's name or personnummer (whatever the person's level now), a protected address
    or fictitious identity holding a value."""
    if op.table == "persons" and set(op.set) & set(PERSON_REGISTERS):
        return True
    return bool(secret_registers(op))


def resend_unmasked(conn: Any, case_uid: str, contact_id: int) -> int:
    """A share that now includes the protected details: the operations of the case that may
    have reached this colleague masked are no longer counted as delivered (or as sent, so a
    late acknowledgement of the masked bundle does not count them) to them, so the
    next change bundle carries them again, unmasked (the author's signature covers their
    values through digests, sync/team/signatures.py). Returns how many."""
    again = [
        (int(contact_id), op.id) for op in ops_.case_ops(conn, case_uid) if carries_protected(op)
    ]
    conn.executemany("DELETE FROM team_delivered WHERE contact_id = ? AND op_id = ?", again)
    # an acknowledgement still to come for a bundle that carried them masked must not
    # count them as delivered
    conn.executemany("DELETE FROM team_sent WHERE contact_id = ? AND op_id = ?", again)
    return len(again)
