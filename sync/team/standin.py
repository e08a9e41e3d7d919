"""The end of a stand-in share on the stand-in's laptop, the end of every share of a case
handed over to another municipality, and handing on responsibility.

:func:`finish_ended_shares` (run by ``utvag sync``, and by the desktop client after unlock
and on every automatic sync) finds the cases where this laptop is a stand-in (ersättare)
whose end date has passed or whose share the responsible caseworker ended, and the cases
the responsible caseworker handed over (told in a change bundle, recorded in
``team_removed`` on import, sync/team/bundles.py), and for each:
records that it is removed (``team_removed``: the hash of the case number, the case uid,
when, why, whom to tell), writes each colleague on the case one change bundle with what is
left *and* the signed confirmation (one bundle, so that no order of reading the folder can
lose the last changes), then removes the copy as gallring removes a case
(storage/casework/gallring.py: every row, the operation log, the search index, secure
delete — no trace of the content; audited ``team.removed``). A kill between the bundle and
the removal leaves the case hidden by :mod:`storage.team.guard`, and the next run removes
it. Without a folder the confirmation goes in the next change bundle to each colleague.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from storage.casefile import repo
from storage.casework.gallring import delete_case_for_good
from sync.bundle import outbox
from sync.bundle.manifest import TEAM_CHANGES
from sync.team.bundles import write_changes
from sync.team.errors import NotAColleagueError, NotResponsibleError
from sync.team.members import CO, RESPONSIBLE, STAND_IN


def _utc() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def ended_cases(store: Any, today: dt.date | None = None) -> list[tuple[str, int]]:
    """Cases this laptop must remove: an ended stand-in share, or a shared case the
    responsible caseworker handed over to another municipality (its removal recorded)."""
    day = (today or dt.datetime.now(dt.UTC).date()).isoformat()
    return [
        (str(r[0]), int(r[1]))
        for r in store.conn.execute(
            "SELECT case_uid, case_id FROM team_cases WHERE case_id IS NOT NULL "
            "AND ((role = ? AND (state = 'ended' OR valid_until < ?)) "
            "OR case_uid IN (SELECT case_uid FROM team_removed)) ORDER BY case_uid",
            (STAND_IN, day),
        ).fetchall()
    ]


def _reason(store: Any, case_uid: str) -> str:
    row = store.conn.execute(
        "SELECT reason FROM team_removed WHERE case_uid = ?", (case_uid,)
    ).fetchone()
    return "stand_in_ended" if row is None else str(row[0])


def finish_ended_shares(
    store: Any, folder: Path | None = None, today: dt.date | None = None
) -> list[str]:
    """Remove every ended stand-in case (see the module docstring); returns their uids."""
    done = []
    for case_uid, case_id in ended_cases(store, today):
        notify = [
            int(r[0])
            for r in store.conn.execute(
                "SELECT contact_id FROM team_members WHERE case_uid = ? AND state <> 'revoked'",
                (case_uid,),
            ).fetchall()
        ]
        with store.transaction():
            number = store.conn.execute(
                "SELECT case_number FROM cases WHERE id = ?", (case_id,)
            ).fetchone()[0]
            ref = repo.case_ref_hash(str(number))
            store.conn.execute(
                "INSERT OR IGNORE INTO team_removed (case_ref, case_uid, reason, removed_at, "
                "removed_by, notify) VALUES (?, ?, 'stand_in_ended', ?, ?, ?)",
                (ref, case_uid, _utc(), store.actor, json.dumps(sorted(notify))),
            )
        reason = _reason(store, case_uid)
        if folder is not None:
            for contact_id in notify:  # what is left, and the confirmation, in one bundle
                write_changes(store, contact_id, folder)
        with store.transaction():
            # A change bundle still owed (its folder gone) holds this case's content in its
            # recipe: given up; what it carried for other cases goes in the next bundle.
            for owed in outbox.entries(store, state=outbox.SEALED, kind=TEAM_CHANGES):
                outbox.give_up(store, owed.bundle_id)
            delete_case_for_good(store, case_id)
            store.audit.append(
                "team.removed",
                f"case:{ref[:16]}",
                {"reason": reason, "case_uid": case_uid},
            )
        done.append(case_uid)
    return done


def hand_over_responsibility(store: Any, case_id: int, contact_id: int) -> None:
    """Make a colleague on the case the responsible caseworker (someone quits); we stay on
    the case as a co-caseworker. Audited ``team.responsible``; the colleagues learn it from
    the grants of our next change bundles (signed by us, the responsible until now)."""
    with store.transaction():
        number = repo.case_number(store, case_id)
        row = store.conn.execute(
            "SELECT t.case_uid, t.role FROM team_cases t WHERE t.case_id = ?", (int(case_id),)
        ).fetchone()
        if row is None or row[1] != RESPONSIBLE:
            raise NotResponsibleError()
        cur = store.conn.execute(
            "UPDATE team_members SET role = ?, valid_from = NULL, valid_until = NULL "
            "WHERE case_uid = ? AND contact_id = ? AND state = 'active'",
            (RESPONSIBLE, row[0], int(contact_id)),
        )
        if cur.rowcount != 1:
            raise NotAColleagueError()
        store.conn.execute("UPDATE team_cases SET role = ? WHERE case_uid = ?", (CO, row[0]))
        store.audit.append(
            "team.responsible", number, {"case_id": int(case_id), "contact_id": int(contact_id)}
        )
