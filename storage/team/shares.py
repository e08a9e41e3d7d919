"""A shared case in the store: starting to record it, and this laptop's role on it.

The colleagues on a case (contacts) and the change bundles are sync/team's; this module
holds what storage itself needs: whether a case is shared (so that changes are recorded as
operations, :mod:`storage.team.capture`) and the snapshot that starts its log.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from storage.team import capture, rows

ROLES = ("responsible", "co", "stand_in")


@dataclass(frozen=True)
class SharedCase:
    case_uid: str
    case_id: int | None
    role: str
    valid_from: str | None
    valid_until: str | None
    protected: bool
    state: str


def _utc() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def start_sharing(store: Any, case_id: int, role: str = "responsible") -> str:
    """Mark a case of ours as shared (once) and write the snapshot that starts its log;
    returns the case's uid. Call inside the transaction that adds the first colleague."""
    conn = store.conn
    uid = rows.uid_of(conn, "cases", case_id)
    assert uid is not None
    found = shared_case(store, uid)
    if found is None:
        conn.execute(
            "INSERT INTO team_cases (case_uid, case_id, role, protected, state, shared_at, "
            "shared_by) VALUES (?, ?, ?, 1, 'active', ?, ?)",
            (uid, int(case_id), role, _utc(), store.actor),
        )
    capture.snapshot_case(store, int(case_id), uid)
    return uid


def join_case(
    store: Any,
    case_uid: str,
    role: str,
    valid_from: str | None,
    valid_until: str | None,
    protected: bool,
) -> None:
    """Record a case a colleague shared with us (its records arrive as operations)."""
    store.conn.execute(
        "INSERT INTO team_cases (case_uid, case_id, role, valid_from, valid_until, protected, "
        "state, shared_at, shared_by) VALUES (?, NULL, ?, ?, ?, ?, 'active', ?, ?) "
        "ON CONFLICT (case_uid) DO UPDATE SET role = excluded.role, "
        "valid_from = excluded.valid_from, valid_until = excluded.valid_until, "
        "protected = excluded.protected",
        (case_uid, role, valid_from, valid_until, int(protected), _utc(), store.actor),
    )


def shared_case(store: Any, case_uid: str) -> SharedCase | None:
    row = store.conn.execute(
        "SELECT case_uid, case_id, role, valid_from, valid_until, protected, state "
        "FROM team_cases WHERE case_uid = ?",
        (case_uid,),
    ).fetchone()
    if row is None:
        return None
    return SharedCase(
        str(row[0]),
        None if row[1] is None else int(row[1]),
        str(row[2]),
        row[3],
        row[4],
        bool(row[5]),
        str(row[6]),
    )


def shared_case_of(store: Any, case_id: int) -> SharedCase | None:
    uid = rows.uid_of(store.conn, "cases", case_id)
    return None if uid is None else shared_case(store, uid)


def active_colleagues(store: Any, case_id: int) -> list[int]:
    """Contact ids of the colleagues whose share of this case is active (none: not shared)."""
    return [
        int(r[0])
        for r in store.conn.execute(
            "SELECT m.contact_id FROM team_members m JOIN team_cases t "
            "ON t.case_uid = m.case_uid WHERE t.case_id = ? AND m.state = 'active' "
            "ORDER BY m.contact_id",
            (int(case_id),),
        ).fetchall()
    ]


def end_for_handover(store: Any, case_id: int) -> list[int]:
    """Inside the transaction that records an accepted handover receipt: the case has left
    the unit, so every share of it ends (``team_members``: ``ended``), our own share ends
    and the time is kept (``team_cases.handed_over_at``). The colleagues are told in our
    next change bundles (``handed_over``, docs/sync.md §4) and remove their copies. Returns
    the contact ids whose share was active until now (empty: the case was not shared)."""
    conn = store.conn
    found = shared_case_of(store, case_id)
    if found is None or found.state != "active":
        return []
    ended = active_colleagues(store, case_id)
    now = _utc()
    conn.execute(
        "UPDATE team_members SET state = 'ended', ended_at = coalesce(ended_at, ?) "
        "WHERE case_uid = ? AND state = 'active'",
        (now, found.case_uid),
    )
    conn.execute(
        "UPDATE team_cases SET state = 'ended', handed_over_at = ? WHERE case_uid = ?",
        (now, found.case_uid),
    )
    return ended
