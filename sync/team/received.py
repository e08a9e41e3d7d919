"""What a colleague's change bundle tells about the shares, applied inside its import's
transaction (sync/team/bundles.py): the grants (who is on a case, in which role, until when),
the checks of docs/sync.md §5 that depend on them, a colleague's signed word that it removed
its copy (``removed``), and the responsible caseworker's word that a case was handed over to
another municipality (``handed_over``, docs/sync.md §6).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from storage.casefile import repo
from storage.team import shares
from storage.team.ops import Op
from sync.team import changes as ch
from sync.team.errors import NotSharedError, ProtectedNotSharedError, ShareEndedError
from sync.team.members import RESPONSIBLE, STAND_IN, is_colleague
from sync.trust.contacts import Contact, list_contacts
from sync.trust.identity import get_identity


def _utc() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _by_fingerprint(store: Any) -> dict[str, Contact]:
    return {c.fingerprint: c for c in list_contacts(store, include_revoked=True)}


def apply_grants(store: Any, sender: Contact, grants: tuple[ch.Grant, ...]) -> dict[str, str]:
    """Join cases new to us, take role and member changes from the responsible caseworker;
    returns the case numbers offered for new cases."""
    conn = store.conn
    me = get_identity(store).fingerprint
    known = _by_fingerprint(store)
    numbers: dict[str, str] = {}
    for grant in grants:
        mine, theirs = grant.member(me), grant.member(sender.fingerprint)
        if mine is None or theirs is None:
            raise NotSharedError()
        ours = shares.shared_case(store, grant.case)
        if ours is None:
            if mine.state != "active" or theirs.state != "active":
                continue  # nothing to join
            numbers[grant.case] = grant.case_number
        else:
            row = conn.execute(
                "SELECT role FROM team_members WHERE case_uid = ? AND contact_id = ?",
                (grant.case, sender.id),
            ).fetchone()
            if row is None or row[0] != RESPONSIBLE:
                continue  # only the responsible caseworker changes who is on a case
        shares.join_case(
            store, grant.case, mine.role, mine.valid_from, mine.valid_until, grant.protected
        )
        if mine.state != "active":
            conn.execute("UPDATE team_cases SET state = 'ended' WHERE case_uid = ?", (grant.case,))
        for m in grant.members:
            contact = known.get(m.fingerprint)
            if m.fingerprint == me or contact is None or not is_colleague(store, contact):
                continue
            conn.execute(
                "INSERT INTO team_members (case_uid, contact_id, role, valid_from, valid_until, "
                "protected, state, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (case_uid, contact_id) DO UPDATE SET role = excluded.role, "
                "valid_from = excluded.valid_from, valid_until = excluded.valid_until, "
                "state = excluded.state, protected = excluded.protected",
                (
                    grant.case,
                    contact.id,
                    m.role,
                    m.valid_from,
                    m.valid_until,
                    int(m.protected and m.state == "active"),
                    m.state,
                    _utc(),
                ),
            )
    return numbers


def check_cases(store: Any, sender: Contact, ops_: tuple[Op, ...], today: dt.date) -> None:
    conn = store.conn
    for case_uid in sorted({o.case for o in ops_}):
        ours = shares.shared_case(store, case_uid)
        member = conn.execute(
            "SELECT state, role FROM team_members WHERE case_uid = ? AND contact_id = ?",
            (case_uid, sender.id),
        ).fetchone()
        if ours is None or member is None:
            raise NotSharedError()
        state, role = member
        # a stand-in whose time is over still sends what is left; a revoked colleague does not
        if state == "revoked" or (state == "ended" and role != STAND_IN):
            raise ShareEndedError()
        if ours.state != "active" or ended(ours, today):
            raise ShareEndedError()
        if ours.role == RESPONSIBLE and not _sender_protected(store, case_uid, sender):
            if any(o.case == case_uid and ch.touches_protected(store, o) for o in ops_):
                raise ProtectedNotSharedError()


def _sender_protected(store: Any, case_uid: str, sender: Contact) -> bool:
    """Whether we (the responsible caseworker) shared the protected details with them."""
    row = store.conn.execute(
        "SELECT protected FROM team_members WHERE case_uid = ? AND contact_id = ?",
        (case_uid, sender.id),
    ).fetchone()
    return bool(row and row[0])


def confirmations(store: Any, sender: Contact, removed: tuple[tuple[str, str], ...]) -> None:
    """A colleague's signed word that it removed its copy: the share ends here too."""
    for case_uid, at in removed:
        cur = store.conn.execute(
            "UPDATE team_members SET removed_at = ?, ended_at = coalesce(ended_at, ?), "
            "state = CASE state WHEN 'active' THEN 'ended' ELSE state END "
            "WHERE case_uid = ? AND contact_id = ? AND removed_at IS NULL",
            (at, at, case_uid, sender.id),
        )
        if cur.rowcount:
            number = store.conn.execute(
                "SELECT c.case_number FROM team_cases t JOIN cases c ON c.id = t.case_id "
                "WHERE t.case_uid = ?",
                (case_uid,),
            ).fetchone()
            store.audit.append(
                "team.removal_confirmed",
                number[0] if number else f"case:{case_uid}",
                {"contact_id": sender.id, "removed_at": at},
            )


def handed_over(store: Any, sender: Contact, handed_over: tuple[tuple[str, str], ...]) -> None:
    """The responsible caseworker's signed word that a shared case was handed over to another
    municipality: our share ends, nothing more is accepted for it, and its removal is
    recorded (``team_removed``, reason ``handed_over``): the case is hidden at once
    (storage/team/guard.py) and removed by the next sync (sync/team/standin.py), which also
    sends the signed confirmation. From anyone else it is ignored, as their grants are."""
    conn = store.conn
    for case_uid, at in handed_over:
        ours = shares.shared_case(store, case_uid)
        row = conn.execute(
            "SELECT role FROM team_members WHERE case_uid = ? AND contact_id = ?",
            (case_uid, sender.id),
        ).fetchone()
        if ours is None or ours.case_id is None or row is None or row[0] != RESPONSIBLE:
            continue
        number = conn.execute(
            "SELECT case_number FROM cases WHERE id = ?", (ours.case_id,)
        ).fetchone()[0]
        notify = [
            int(r[0])
            for r in conn.execute(
                "SELECT contact_id FROM team_members WHERE case_uid = ? AND state <> 'revoked'",
                (case_uid,),
            ).fetchall()
        ]
        conn.execute("UPDATE team_cases SET state = 'ended' WHERE case_uid = ?", (case_uid,))
        conn.execute(
            "UPDATE team_members SET state = 'ended', ended_at = coalesce(ended_at, ?) "
            "WHERE case_uid = ? AND state = 'active'",
            (at, case_uid),
        )
        cur = conn.execute(
            "INSERT OR IGNORE INTO team_removed (case_ref, case_uid, reason, removed_at, "
            "removed_by, notify) VALUES (?, ?, 'handed_over', ?, ?, ?)",
            (
                repo.case_ref_hash(str(number)),
                case_uid,
                _utc(),
                store.actor,
                json.dumps(sorted(notify)),
            ),
        )
        if cur.rowcount:
            store.audit.append(
                "team.handed_over_told",
                number,
                {"case_id": ours.case_id, "contact_id": sender.id, "handed_over_at": at},
            )


def ended(case: shares.SharedCase, today: dt.date) -> bool:
    """A stand-in share past its end date (or not started yet) on this laptop."""
    if case.role != STAND_IN:
        return False
    start = dt.date.fromisoformat(case.valid_from) if case.valid_from else None
    end = dt.date.fromisoformat(case.valid_until) if case.valid_until else None
    return (start is not None and today < start) or (end is not None and today > end)
