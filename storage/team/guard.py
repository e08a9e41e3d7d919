"""The one guard that refuses to show a case whose stand-in share has ended on this laptop.

After the end date of a stand-in (ersättare) share, or once the responsible caseworker has
ended it, this laptop refuses the case at every read path, even offline and before its copy
has been removed: :func:`check_case_shown` runs in :func:`storage.casefile.repo.case_row`,
which every repository function that reads or writes a case goes through, and the case list
leaves such cases out (:data:`HIDDEN_CASES_SQL`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from storage.team.errors import CaseEndedError

#: Case ids this laptop must not show (a stand-in share ended or past its end date).
HIDDEN_CASES_SQL = (
    "SELECT case_id FROM team_cases WHERE case_id IS NOT NULL AND role = 'stand_in' "
    "AND (state = 'ended' OR valid_until < date('now'))"
)


def case_ended(conn: Any, case_id: int, today: dt.date | None = None) -> bool:
    day = (today or dt.datetime.now(dt.UTC).date()).isoformat()
    row = conn.execute(
        "SELECT 1 FROM team_cases WHERE case_id = ? AND role = 'stand_in' "
        "AND (state = 'ended' OR valid_until < ?)",
        (int(case_id), day),
    ).fetchone()
    return row is not None


def check_case_shown(conn: Any, case_id: int) -> None:
    if case_ended(conn, case_id):
        raise CaseEndedError()
