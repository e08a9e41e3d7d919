"""The one guard that refuses to show a case whose stand-in share has ended on this laptop,
or that the responsible caseworker has handed over to another municipality.

After the end date of a stand-in (ersättare) share, or once the responsible caseworker has
ended it, and — whatever our role — once a change bundle told that the case was handed over
(its removal is recorded in ``team_removed``), this laptop refuses the case at every read
path, even offline and before its copy has been removed: :func:`check_case_shown` runs in
:func:`storage.casefile.repo.case_row`,
which every repository function that reads or writes a case goes through, and the case list
leaves such cases out (:data:`HIDDEN_CASES_SQL`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from storage.team.errors import CaseEndedError, CaseHandedOverError

#: Case ids this laptop must not show (a stand-in share ended or past its end date, or a
#: shared case handed over whose copy is to be removed here).
HIDDEN_CASES_SQL = (
    "SELECT case_id FROM team_cases WHERE case_id IS NOT NULL AND ((role = 'stand_in' "
    "AND (state = 'ended' OR valid_until < date('now'))) "
    "OR case_uid IN (SELECT case_uid FROM team_removed))"
)


def case_ended(conn: Any, case_id: int, today: dt.date | None = None) -> bool:
    day = (today or dt.datetime.now(dt.UTC).date()).isoformat()
    row = conn.execute(
        "SELECT 1 FROM team_cases WHERE case_id = ? AND role = 'stand_in' "
        "AND (state = 'ended' OR valid_until < ?)",
        (int(case_id), day),
    ).fetchone()
    return row is not None


def case_handed_over(conn: Any, case_id: int) -> bool:
    """A shared case whose removal this laptop recorded (``team_removed``): handed over."""
    row = conn.execute(
        "SELECT 1 FROM team_cases t JOIN team_removed r ON r.case_uid = t.case_uid "
        "WHERE t.case_id = ?",
        (int(case_id),),
    ).fetchone()
    return row is not None


def new_in_bulk(store: Any, case_id: Any) -> bool:
    """Whether ``case_id`` was created inside the store's running all-or-nothing transaction
    (a bulk import): such a case has no team state, so no team lookup is needed for it."""
    fresh = getattr(store, "new_cases", None)
    return fresh is not None and case_id in fresh


def note_new_case(store: Any, case_id: int) -> None:
    """Called as a case is created: inside an all-or-nothing transaction it is remembered."""
    fresh = getattr(store, "new_cases", None)
    if fresh is not None:
        fresh.add(int(case_id))


def check_case_shown(conn: Any, case_id: int) -> None:
    if case_ended(conn, case_id):
        raise CaseEndedError()
    if case_handed_over(conn, case_id):
        raise CaseHandedOverError()
