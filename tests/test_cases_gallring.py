"""Gallring: due five years after the last entry; exemptions; research sample; for good."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from storage.casefile import (
    assessments,
    cases,
    consents,
    documents,
    followups,
    interventions,
    journal,
    persons,
    placements,
)
from storage.casefile.case_list import list_case_ids
from storage.casefile.repo import case_ref_hash
from storage.casework import gallring
from storage.records.personnummer import make_identity_number
from storage.registers.groups import add_group
from storage.registers.providers import add_provider
from storage.vault.store import Store
from tests.case_fixtures import (
    CASE_TABLES,
    TODAY,
    closed_case,
    days,
    new_case,
    store,
    store_template,
)

__all__ = ["store", "store_template"]
SAMPLE = make_identity_number(dt.date(1980, 3, 15), 981)  # born on the 15th
COORD_SAMPLE = make_identity_number(dt.date(1980, 3, 25), 981, coordination=True)
NOT_SAMPLE = make_identity_number(dt.date(1980, 3, 16), 981)


def test_add_years_and_sample_days() -> None:
    assert gallring.add_years(dt.date(2020, 2, 29), 5) == dt.date(2025, 2, 28)
    assert gallring.research_sample_day(SAMPLE) and gallring.research_sample_day(COORD_SAMPLE)
    assert not gallring.research_sample_day(NOT_SAMPLE) and not gallring.research_sample_day(None)


def test_due_five_years_after_the_last_entry(store: Store) -> None:
    closed_on = days(-5 * 366)
    case_id = closed_case(store, closed_on, text="Avslut", personnummer=NOT_SAMPLE)
    [c] = gallring.gallring_candidates(store)
    assert c.last_entry_on == closed_on and c.due_on == gallring.add_years(closed_on, 5)
    assert c.due_on <= TODAY and not c.kept
    # a later journal entry (a follow-up note) moves the date
    journal.add_journal_entry(store, case_id, "Uppföljning", written_at=f"{days(-400)}T09:00:00Z")
    assert gallring.gallring_candidates(store)[0].last_entry_on == days(-400)
    assert gallring.due_for_gallring(store) == []
    followups.add_follow_up(store, case_id, kind="other", done_on=days(-10), summary="Ok")
    assert gallring.gallring_candidates(store)[0].last_entry_on == days(-10)
    new_case(store)  # open cases are never candidates
    assert len(gallring.gallring_candidates(store)) == 1


def _full_case(store: Store, closed_on: dt.date) -> int:
    """A case with a row in every table, closed on ``closed_on``."""
    opened = closed_on - dt.timedelta(days=300)
    case_id = cases.create_case(
        store, case_type="defector", home_municipality="X", opened_on=opened
    )
    pid = persons.add_person(store, case_id, name="Gustav Gallrad", personnummer=NOT_SAMPLE)
    persons.set_fictitious_identity(store, pid, name="Ny Identitet")
    persons.add_relative(store, case_id, name="Mor Gallrad", relation="mor")
    consents.add_consent(
        store, case_id, agencies=["Polisen"], municipalities=["Umeå"], signed_on=opened
    )
    consents.add_agreement(store, case_id, signed_on=opened, conditions=["Inga brott"])
    condition = consents.agreements(store, case_id)[0].conditions[0].id
    consents.record_breach(store, condition, occurred_on=opened, description="Brott")
    assessments.add_threat_assessment(
        store,
        case_id,
        source_unit="Polisregion Öst",
        assessed_on=opened,
        level="high",
        summary="Hot",
    )
    group = add_group(store, name="Gruppen", environment="criminal_network")
    assessments.add_network_link(store, case_id, environment="criminal_network", group_id=group)
    provider = add_provider(store, name="Boende AB", kind="private")
    insats = interventions.add_intervention(
        store, case_id, type="protected_housing", started_on=opened, provider_id=provider
    )
    control = interventions.plan_provider_control(store, insats, opened)
    interventions.record_provider_control(store, control, opened)
    placements.add_placement(
        store,
        case_id,
        municipality="Umeå",
        moved_in_on=opened,
        street="Lönnvägen 4",
        city="Demostad",
    )
    journal.add_journal_entry(store, case_id, "Text", written_at=f"{closed_on}T08:00:00Z")
    documents.add_document(
        store,
        case_id,
        title="Plan",
        filename="plan.txt",
        content=b"Plan",
        added_at=f"{closed_on}T08:00:00Z",
    )
    followups.add_reminder(store, case_id, due_on=closed_on, text="Ring")
    store.conn.execute(
        "INSERT INTO handovers (case_id, receiving_municipality, legal_basis, created_by, "
        "created_at, state) VALUES (?, 'Umeå', 'consent', 'x', 't', 'accepted')",
        (case_id,),
    )
    cases.set_status(store, case_id, "closed", outcome="completed", on=closed_on)
    followups.add_follow_up(store, case_id, kind="six_months", done_on=closed_on, summary="Ok")
    return case_id


def _rows_of(store: Store, case_id: int) -> dict[str, int]:
    out = {}
    for table in (
        "cases",
        "persons",
        "journal_entries",
        "documents",
        "placements",
        "consents",
        "agreements",
        "threat_assessments",
        "network_links",
        "interventions",
        "follow_ups",
        "reminders",
        "handovers",
        "search_index",
    ):
        column = "id" if table == "cases" else "case_id"
        sql = f"SELECT count(*) FROM {table} WHERE {column} = ?"  # noqa: S608
        out[table] = store.conn.execute(sql, (case_id,)).fetchone()[0]
    return out


def _dump(store: Store, exclude: str = "", only: str = "") -> bytes:
    """Every value of every table (shadow tables of the FTS index included), lower-cased."""
    names = [
        r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    ]
    out = bytearray()
    for name in names:
        if name == exclude or (only and name != only) or name == "search_index":
            continue
        for row in store.conn.execute(f'SELECT * FROM "{name}"'):  # noqa: S608
            for value in row:
                out += value if isinstance(value, bytes) else str(value).encode()
                out += b"\n"
    return bytes(out).lower()


def test_a_run_deletes_everything_and_keeps_a_record(store: Store) -> None:
    gone = _full_case(store, days(-6 * 366))
    kept = new_case(store, name="Kvar Kvarsson")
    number = cases.get_case(store, gone).case_number
    assert all(n > 0 for n in _rows_of(store, gone).values())
    result = gallring.run_gallring(store)
    assert (result.deleted, result.kept_exempt, result.kept_research_sample) == (1, 0, 0)
    assert result.case_refs == (case_ref_hash(number),)
    assert all(n == 0 for n in _rows_of(store, gone).values())
    for table in (
        "fictitious_identities",
        "placement_addresses",
        "document_contents",
        "conditions",
        "condition_breaches",
        "provider_controls",
        "gallring_pending",
    ):
        assert store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0  # noqa: S608
    assert list_case_ids(store) == [kept]
    run = store.conn.execute("SELECT run_on, actor, deleted, reason FROM gallring_runs").fetchone()
    assert run[0] == TODAY.isoformat() and run[2] == 1 and "fem år" in run[3]
    log = store.conn.execute("SELECT case_ref, closed_on FROM gallring_log").fetchall()
    assert log == [(case_ref_hash(number), days(-6 * 366).isoformat())]
    dump, audit = _dump(store, exclude="audit_log"), _dump(store, only="audit_log")
    for secret in ("gustav", "gallrad", NOT_SAMPLE, "lönnvägen", "lonnvagen", "ny identitet"):
        assert secret.encode() not in dump and secret.encode() not in audit
    assert number.encode() not in dump  # the audit log keeps older entries naming the case
    actions = [(e.action, e.subject) for e in store.audit.entries()[-2:]]
    assert actions == [("gallring.case", case_ref_hash(number)), ("gallring.run", "")]
    assert store.audit.entries()[-1].details["deleted"] == 1
    assert store.check().ok


def test_exemption_and_research_sample(store: Store) -> None:
    old = days(-7 * 366)
    exempt = closed_case(store, old, personnummer=NOT_SAMPLE)
    cases.set_gallring_exemption(store, exempt, True, "Begärt av IVO")
    sample = closed_case(store, old, personnummer=SAMPLE)
    coord = closed_case(store, old, personnummer=COORD_SAMPLE)
    due = closed_case(store, old, personnummer=NOT_SAMPLE)
    not_yet = closed_case(store, days(-3 * 366), personnummer=NOT_SAMPLE)
    assert [c.case_id for c in gallring.due_for_gallring(store)] == [due]
    result = gallring.run_gallring(store)
    assert (result.deleted, result.kept_exempt, result.kept_research_sample) == (1, 1, 2)
    assert set(list_case_ids(store)) == {exempt, sample, coord, not_yet}
    with pytest.raises(Exception) as exc:
        cases.set_gallring_exemption(store, exempt, True, "")
    assert exc.value.params["field"] == "reason"  # type: ignore[attr-defined]
    cases.set_gallring_exemption(store, exempt, False)
    assert gallring.run_gallring(store).deleted == 1
    assert store.audit.entries(action="case.gallring_exemption")[-1].details["exempt"] is False


def test_a_run_on_a_later_date(store: Store) -> None:
    case_id = closed_case(store, days(-3 * 366), personnummer=NOT_SAMPLE)
    assert gallring.run_gallring(store).deleted == 0
    assert gallring.run_gallring(store, on=days(3 * 366)).deleted == 1
    assert case_id not in list_case_ids(store)


def test_nothing_but_gallring_can_delete(store: Store) -> None:
    case_id = closed_case(store, days(-7 * 366), text="x")
    documents.add_document(store, case_id, title="T", filename="t.txt", content=b"t")
    for table in ("journal_entries", "documents", "cases"):
        column = "id" if table == "cases" else "case_id"
        try:
            store.conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (case_id,))  # noqa: S608
        except sqlcipher.IntegrityError:
            continue
        raise AssertionError(f"{table}: delete was allowed")
    assert sum(_rows_of(store, case_id).values()) > 0


def test_tables_listed() -> None:
    assert "gallring_runs" in CASE_TABLES
