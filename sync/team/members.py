"""Colleagues on a shared case: sharing, roles, ending a share, and who they are.

A colleague is a verified contact whose card names the same municipality and unit as this
installation. Roles: ``responsible`` (ansvarig handläggare, one per case), ``co``
(medhandläggare) and ``stand_in`` (ersättare, from a start date until an end date). Only the
responsible caseworker shares a case, ends a share or hands the responsibility on; every
such step is audited and travels to the colleagues as part of the next change bundle
(the grants of docs/sync.md §4).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from storage.casefile import repo
from storage.records import validate as v
from storage.team import protected, shares
from sync.team.errors import (
    NotAColleagueError,
    NotResponsibleError,
    ProtectedReasonError,
    ShareChoiceError,
)
from sync.trust.contacts import VERIFIED, Contact, get_contact, list_contacts, usable_contact
from sync.trust.identity import get_identity

RESPONSIBLE, CO, STAND_IN = "responsible", "co", "stand_in"
ROLES = (RESPONSIBLE, CO, STAND_IN)
REASON_LIMIT = 500


@dataclass(frozen=True)
class Member:
    contact_id: int
    caseworker: str
    fingerprint: str
    role: str
    valid_from: str | None
    valid_until: str | None
    protected: bool
    state: str
    acked_clock: str | None  # the latest of our changes this colleague is known to have
    removed_at: str | None  # a stand-in's signed confirmation that its copy was removed


def is_colleague(store: Any, contact: Contact) -> bool:
    me = get_identity(store)
    same = (contact.municipality.casefold(), contact.unit.casefold()) == (
        me.municipality.casefold(),
        me.unit.casefold(),
    )
    return same and contact.status == VERIFIED


def colleagues(store: Any) -> list[Contact]:
    """Verified contacts of this unit (the contacts view shows them apart)."""
    return [c for c in list_contacts(store, include_revoked=False) if is_colleague(store, c)]


def author_key(contact: Contact) -> str:
    """The author id a colleague's operations carry (its signing key id, 16 hex digits)."""
    return bytes.fromhex(contact.key_id_hex)[::-1].hex()


def author_names(store: Any) -> dict[str, str]:
    """Author key id -> caseworker name, for colleagues and ourselves (who wrote an
    operation, as the Kollegor part and ``utvag conflicts`` show it)."""
    out = {author_key(c): c.caseworker for c in list_contacts(store)}
    me = store.conn.execute(
        "SELECT lower(hex(signing_key_id)), caseworker FROM sync_identity WHERE is_current = 1"
    ).fetchone()
    if me is not None:
        out[str(me[0])] = str(me[1])
    return out


def _utc() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _dates(role: str, valid_from: object, valid_until: object) -> tuple[str | None, str | None]:
    if role == CO:
        if valid_from is not None or valid_until is not None:
            raise ShareChoiceError()
        return None, None
    start = v.date("valid_from", valid_from, required=False) or repo.today()
    end = v.date("valid_until", valid_until, required=False)
    if end is None or end < start:
        raise ShareChoiceError()
    return start.isoformat(), end.isoformat()


def _require_responsible(store: Any, case_id: int) -> str:
    found = shares.shared_case_of(store, case_id)
    if found is not None and found.role != RESPONSIBLE:
        raise NotResponsibleError()
    return "" if found is None else found.case_uid


def share_case(
    store: Any,
    case_id: int,
    contact_id: int,
    role: str,
    *,
    valid_from: dt.date | str | None = None,
    valid_until: dt.date | str | None = None,
    include_protected: bool = False,
    reason: str | None = None,
) -> str:
    """Share a case of ours with a colleague as ``co`` or ``stand_in``; returns the case uid.

    The colleague receives the case (a snapshot as operations) in our next change bundle.
    Protected fields travel only with ``include_protected`` and a ``reason`` (audited
    ``team.share`` with the reason). Sharing again changes the role, the dates or whether
    the protected details travel; when they now do, what reached the colleague masked is
    sent again with the real values (:func:`storage.team.protected.resend_unmasked`)."""
    if role not in (CO, STAND_IN):
        raise ShareChoiceError()
    start, end = _dates(role, valid_from, valid_until)
    why = None
    if include_protected:
        if not reason or not str(reason).strip():
            raise ProtectedReasonError()
        why = v.required_text("reason", reason, limit=REASON_LIMIT, multiline=True)
    contact = usable_contact(store, contact_id)
    if not is_colleague(store, contact):
        raise NotAColleagueError()
    with store.transaction():
        number = repo.open_case_number(store, case_id)
        _require_responsible(store, case_id)
        uid = shares.start_sharing(store, case_id, RESPONSIBLE)
        before = store.conn.execute(
            "SELECT protected FROM team_members WHERE case_uid = ? AND contact_id = ?",
            (uid, contact.id),
        ).fetchone()
        store.conn.execute(
            "INSERT INTO team_members (case_uid, contact_id, role, valid_from, valid_until, "
            "protected, state, added_at) VALUES (?, ?, ?, ?, ?, ?, 'active', ?) "
            "ON CONFLICT (case_uid, contact_id) DO UPDATE SET role = excluded.role, "
            "valid_from = excluded.valid_from, valid_until = excluded.valid_until, "
            "protected = excluded.protected, state = 'active', ended_at = NULL",
            (uid, contact.id, role, start, end, int(include_protected), _utc()),
        )
        details: dict[str, Any] = {
            "case_id": int(case_id),
            "contact_id": contact.id,
            "team_role": role,
            "valid_from": start,
            "valid_until": end,
            "protected": include_protected,
        }
        if why is not None:
            details["reason"] = why
        if include_protected and before is not None and not before[0]:
            # what reached them masked (••) travels again with the real values
            details["resent"] = protected.resend_unmasked(store.conn, uid, contact.id)
        store.audit.append("team.share", number, details)
    return uid


def end_share(store: Any, case_id: int, contact_id: int, *, revoke: bool = False) -> None:
    """End a colleague's share early (``revoke``: their later change bundles are refused)."""
    with store.transaction():
        number = repo.case_number(store, case_id)
        uid = _require_responsible(store, case_id)
        state = "revoked" if revoke else "ended"
        cur = store.conn.execute(
            "UPDATE team_members SET state = ?, ended_at = ? WHERE case_uid = ? AND contact_id = ?",
            (state, _utc(), uid, int(contact_id)),
        )
        if cur.rowcount != 1:
            raise NotAColleagueError()
        store.audit.append(
            "team.end",
            number,
            {"case_id": int(case_id), "contact_id": int(contact_id), "share_state": state},
        )


def members(store: Any, case_uid: str) -> list[Member]:
    out = []
    for row in store.conn.execute(
        "SELECT contact_id, role, valid_from, valid_until, protected, state, removed_at "
        "FROM team_members "
        "WHERE case_uid = ? ORDER BY contact_id",
        (case_uid,),
    ).fetchall():
        contact = get_contact(store, int(row[0]))
        acked = store.conn.execute(
            "SELECT max(o.clock) FROM team_ops o JOIN team_delivered d ON d.op_id = o.op_id "
            "WHERE d.contact_id = ? AND o.origin IS NULL AND o.case_uid = ?",
            (contact.id, case_uid),
        ).fetchone()[0]
        out.append(
            Member(
                contact.id,
                contact.caseworker,
                contact.fingerprint,
                str(row[1]),
                row[2],
                row[3],
                bool(row[4]),
                str(row[5]),
                acked,
                row[6],
            )
        )
    return out
