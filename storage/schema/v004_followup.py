"""Schema step 4: structured follow-up results and the grant (statsbidrag) confirmations.

- ``follow_up_results`` — the form filled in at a 6- or 12-month uppföljning, one row per
  ``follow_ups`` row (the domain's record keeps kind, date and the free-text summary):
  the person's overall status, housing, occupation and relapse, as closed codes so that
  they can be counted without reading free text.
- ``grant_confirmations`` — manual confirmations of the Police Authority's criteria for
  statsbidrag (who and when); append-only history, the latest row per criterion counts.

Both cascade on delete, so a gallring run that removes a case (``storage/casework/gallring.py``)
also removes them. Backups need no table: ``backup.create`` audit entries are the log,
and the reminder interval is the ``meta`` key ``backup_interval_days``.
"""

from __future__ import annotations

from typing import Any

VERSION = 4

STATUSES = "('stable','partly_stable','unstable','not_reached')"
HOUSING = (
    "('own_tenancy','sublet','with_family','supported_housing','protected_housing',"
    "'institution','homeless','unknown')"
)
OCCUPATION = "('employed','studying','labour_market_programme','sick_leave','none','unknown')"
RELAPSE = "('none','suspected','confirmed','unknown')"
CRITERIA = (
    "('motivation','threat','consent','signed_conditions','not_witness','social_services_decision')"
)

STATEMENTS = (
    f"""
    CREATE TABLE follow_up_results (
        follow_up_id INTEGER PRIMARY KEY REFERENCES follow_ups(id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN {STATUSES}),
        housing TEXT NOT NULL CHECK (housing IN {HOUSING}),
        occupation TEXT NOT NULL CHECK (occupation IN {OCCUPATION}),
        relapse TEXT NOT NULL CHECK (relapse IN {RELAPSE}),
        created_at TEXT NOT NULL
    ) STRICT
    """,
    f"""
    CREATE TABLE grant_confirmations (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        criterion TEXT NOT NULL CHECK (criterion IN {CRITERIA}),
        met INTEGER NOT NULL CHECK (met IN (0, 1)),
        note TEXT,
        confirmed_by TEXT NOT NULL,
        confirmed_at TEXT NOT NULL
    ) STRICT
    """,
    "CREATE INDEX grant_confirmations_case ON grant_confirmations(case_id, criterion, id)",
    """
    CREATE TRIGGER grant_confirmations_no_update BEFORE UPDATE ON grant_confirmations
    BEGIN SELECT RAISE(ABORT, 'grant confirmations are append-only; add a new one'); END
    """,
)


def upgrade(conn: Any) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
