"""Schema step 12 on records written before it (storage/schema/v012_team_rest.py): every row
of the newly synced tables gets a uid, signed records stay unchangeable (only a missing uid
is filled, once), a decision is corrected once outside a merge, and new rows get a uid."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from storage.schema import current_version, migrate
from storage.schema.v012_team_rest import UID_TABLES
from storage.vault import db
from storage.vault.crypto import random_key

#: one row of each newly synced table, as schema 11 held it (fictional)
ROWS = (
    "INSERT INTO cases (id, case_number, case_type, status, home_municipality, caseworker, "
    "opened_on, created_at, updated_at) VALUES (1, 'UV-2026-0001', 'defector', 'investigation', "
    "'Umeå', 'Fiktiv Handläggare', '2026-01-01', '2026-01-10', '2026-01-10')",
    "INSERT INTO agreements (id, case_id, signed_on, created_at) "
    "VALUES (1, 1, '2026-01-02', '2026-01-10')",
    "INSERT INTO conditions (id, agreement_id, text, created_at) "
    "VALUES (1, 1, 'Villkor', '2026-01-10')",
    "INSERT INTO condition_breaches (id, condition_id, occurred_on, description, created_at) "
    "VALUES (1, 1, '2026-01-05', 'Brott mot villkor', '2026-01-10')",
    "INSERT INTO network_links (id, case_id, environment, created_at) "
    "VALUES (1, 1, 'criminal_network', '2026-01-10')",
    "INSERT INTO reminders (id, case_id, due_on, text, created_by, created_at) "
    "VALUES (1, 1, '2026-02-01', 'Ring', 'Fiktiv', '2026-01-10')",
    "INSERT INTO interventions (id, case_id, type, started_on, created_at) "
    "VALUES (1, 1, 'occupation', '2026-01-03', '2026-01-10')",
    "INSERT INTO provider_controls (id, intervention_id, planned_on, created_at) "
    "VALUES (1, 1, '2026-03-01', '2026-01-10')",
    "INSERT INTO placements (id, case_id, municipality, moved_in_on, created_at) "
    "VALUES (1, 1, 'Lund', '2026-01-04', '2026-01-10')",
    "INSERT INTO relocation_tasks (id, placement_id, task, created_at, updated_at) "
    "VALUES (1, 1, 'school', '2026-01-10', '2026-01-10')",
    "INSERT INTO needs_assessments (id, case_id, assessed_on, occasion, assessed_by, "
    "created_by, created_at) "
    "VALUES (1, 1, '2026-01-05', 'intake', 'Fiktiv', 'Fiktiv', '2026-01-10')",
    "INSERT INTO need_ratings (assessment_id, domain, level) VALUES (1, 'housing', 'high')",
    "INSERT INTO care_contacts (id, case_id, kind, region, unit, started_on, created_at, "
    "updated_at) VALUES (1, 1, 'psychiatry', 'Region (fiktiv)', 'Enhet', '2026-01-05', "
    "'2026-01-10', "
    "'2026-01-10')",
    "INSERT INTO sips (id, case_id, held_on, consent_on, lead, participants, created_by, "
    "created_at, updated_at) VALUES (1, 1, '2026-01-06', '2026-01-05', 'region', '[]', "
    "'Fiktiv', '2026-01-10', '2026-01-10')",
    "INSERT INTO sip_actions (id, sip_id, action, responsible, created_at) "
    "VALUES (1, 1, 'Åtgärd', 'Regionen', '2026-01-10')",
    "INSERT INTO decisions (id, case_id, provision_id, provision_text, outcome, subject, "
    "decided_by, delegation, decided_on, notified_on, appeal_info, signed_by, signed_at) "
    "VALUES (1, 1, 1, 'Lagrum', 'granted', 'Stöd', 'Fiktiv', '4.2', '2026-01-07', "
    "'2026-01-08', 1, 'Fiktiv', '2026-01-10')",
    "INSERT INTO decisions (id, case_id, original_id, corrects_id, version, provision_id, "
    "provision_text, outcome, subject, decided_by, delegation, decided_on, appeal_info, "
    "signed_by, signed_at, correction_reason) VALUES (2, 1, 1, 1, 2, 1, 'Lagrum', 'granted', "
    "'Stöd.', 'Fiktiv', '4.2', '2026-01-07', 1, 'Fiktiv', '2026-01-10', 'Stavfel')",
    "INSERT INTO grant_confirmations (id, case_id, criterion, met, confirmed_by, confirmed_at) "
    "VALUES (1, 1, 'motivation', 1, 'Fiktiv', '2026-01-10')",
    "INSERT INTO handover_bases (id, case_id, kind, municipality, decided_on, created_by, "
    "created_at) VALUES (1, 1, 'transfer', 'Luleå', '2026-01-09', 'Fiktiv', '2026-01-10')",
    "INSERT INTO decision_appeals (id, decision_id, lodged_on, outcome, outcome_on, "
    "created_by, created_at) "
    "VALUES (1, 2, '2026-01-09', 'rejected', '2026-01-10', 'Fiktiv', '2026-01-10')",
)


@pytest.fixture
def conn(tmp_path: Path) -> Any:
    db.create_database_file(tmp_path / "x.db")
    c = db.open_database(tmp_path / "x.db", random_key())
    migrate(c, target=11)
    with c:
        for statement in ROWS:
            c.execute(statement)
    assert migrate(c, target=12) == [12]
    assert current_version(c) == 12
    yield c
    c.close()


def _refused(conn: Any, sql: str) -> None:
    with pytest.raises(sqlcipher.DatabaseError), conn:
        conn.execute(sql)


def test_existing_rows_get_uids_and_stay_unchangeable(conn: Any) -> None:
    uids: set[str] = set()
    rows = 0
    for table in UID_TABLES:
        found = [str(r[0]) for r in conn.execute(f"SELECT uid FROM {table}")]  # noqa: S608
        assert found, table
        assert all(re.fullmatch(r"[0-9a-f]{32}", u) for u in found), table
        uids |= set(found)
        rows += len(found)
    assert len(uids) == rows  # unique across the tables too
    _refused(conn, "UPDATE needs_assessments SET note = 'ändrad' WHERE id = 1")
    _refused(conn, "UPDATE grant_confirmations SET met = 0 WHERE id = 1")
    _refused(conn, "UPDATE needs_assessments SET uid = lower(hex(randomblob(16))) WHERE id = 1")
    _refused(conn, "UPDATE decisions SET notified_on = '2026-01-09' WHERE id = 1")
    _refused(conn, "UPDATE decisions SET subject = 'ändrad' WHERE id = 2")
    _refused(conn, "UPDATE decisions SET uid = lower(hex(randomblob(16))) WHERE id = 2")
    _refused(conn, "UPDATE decision_appeals SET outcome = 'changed' WHERE id = 1")
    _refused(conn, "UPDATE decision_appeals SET note = 'ändrad' WHERE id = 1")
    _refused(
        conn,
        "INSERT INTO decisions (case_id, original_id, corrects_id, version, provision_id, "
        "provision_text, outcome, subject, decided_by, delegation, decided_on, appeal_info, "
        "signed_by, signed_at, correction_reason) VALUES (1, 1, 1, 2, 1, 'Lagrum', 'granted', "
        "'Annan', 'Fiktiv', '4.2', '2026-01-07', 1, 'Fiktiv', '2026-01-10', 'Andra rättelsen')",
    )
    # a new decision gets its uid; its notification date is added once
    with conn:
        conn.execute(
            "INSERT INTO decisions (id, case_id, provision_id, provision_text, outcome, subject, "
            "decided_by, delegation, decided_on, appeal_info, signed_by, signed_at) VALUES "
            "(3, 1, 1, 'Lagrum', 'granted', 'Nytt', 'Fiktiv', '4.2', '2026-01-07', 1, 'F', "
            "'2026-01-10')"
        )
        conn.execute("UPDATE decisions SET notified_on = '2026-01-08' WHERE id = 3")
    uid = conn.execute("SELECT uid FROM decisions WHERE id = 3").fetchone()[0]
    assert re.fullmatch(r"[0-9a-f]{32}", uid)
    _refused(conn, "UPDATE decisions SET notified_on = '2026-01-09' WHERE id = 3")


def test_a_merge_may_settle_concurrent_values(conn: Any) -> None:
    """While a merge runs: a second correction of one version, a notification date or an
    appeal's outcome set to the other colleague's value."""
    with conn:
        conn.execute("INSERT INTO team_merging (one) VALUES (1)")
        conn.execute(
            "INSERT INTO decisions (case_id, original_id, corrects_id, version, provision_id, "
            "provision_text, outcome, subject, decided_by, delegation, decided_on, appeal_info, "
            "signed_by, signed_at, correction_reason) VALUES (1, 1, 1, 2, 1, 'Lagrum', "
            "'granted', 'Annan', 'Fiktiv', '4.2', '2026-01-07', 1, 'Fiktiv', '2026-01-10', "
            "'Kollega')"
        )
        conn.execute("UPDATE decisions SET notified_on = '2026-01-09' WHERE id = 1")
        conn.execute("UPDATE decision_appeals SET outcome = 'changed' WHERE id = 1")
        conn.execute("DELETE FROM team_merging")
    assert conn.execute("SELECT count(*) FROM decisions WHERE corrects_id = 1").fetchone()[0] == 2
    _refused(conn, "UPDATE decisions SET subject = 'ändrad' WHERE id = 1")
