"""Gallring that runs: the plan, exemptions, the protocol, the yearly reminder, backups."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from storage.casefile import (
    cases,
    drafts,
    people,
    placements,
)
from storage.casefile.repo import case_ref_hash
from storage.casework import (
    gallring,
    gallring_protocol,
    relocation,
)
from storage.records.personnummer import make_identity_number
from storage.registers import partners
from storage.vault.store import Store
from tests.case_fixtures import (
    TODAY,
    closed_case,
    days,
    new_case,
    snapshot,
    store,
    store_template,
)

__all__ = ["store", "store_template"]
SAMPLE = make_identity_number(dt.date(1980, 3, 5), 981)
NOT_SAMPLE = make_identity_number(dt.date(1980, 3, 16), 983)
OLD = days(-6 * 366)


def _handover(store: Store, case_id: int, state: str) -> None:
    store.conn.execute(
        "INSERT INTO handovers (case_id, receiving_municipality, legal_basis, created_by, "
        "created_at, state) VALUES (?, 'Umeå', 'consent', 'x', 't', ?)",
        (case_id, state),
    )


def _world(store: Store) -> dict[str, int]:
    due = closed_case(store, OLD, text="Avslut", personnummer=NOT_SAMPLE)
    exempt = closed_case(store, OLD, name="Undan Tagen")
    cases.set_gallring_exemption(store, exempt, True, "Pågående tvist")
    sample = closed_case(store, OLD, personnummer=SAMPLE, name="Född Femte")
    waiting = closed_case(store, OLD, name="Väntar Kvitto")
    _handover(store, waiting, "awaiting_receipt")
    answered = closed_case(store, OLD, name="Fått Kvitto")
    _handover(store, answered, "accepted")
    recent = closed_case(store, days(-100), name="Nyligen Avslutad")
    return {
        "due": due,
        "exempt": exempt,
        "sample": sample,
        "waiting": waiting,
        "answered": answered,
        "recent": recent,
    }


def test_the_plan_lists_due_and_kept_with_reasons(store: Store) -> None:
    w = _world(store)
    plan = gallring.gallring_plan(store)
    assert sorted(plan.case_ids) == sorted([w["due"], w["answered"]])
    kept = {c.case_id: c.kept_because for c in plan.kept}
    assert kept == {
        w["exempt"]: "exemption",
        w["sample"]: "research_sample",
        w["waiting"]: "open_handover",
    }
    [exempt] = [c for c in plan.kept if c.case_id == w["exempt"]]
    assert exempt.exempt_reason == "Pågående tvist"
    assert all(c.last_entry_on == OLD and c.due_on <= TODAY for c in plan.due)
    assert plan.rule == "five_years_after_last_entry" and plan.years == 5
    assert [c.case_id for c in gallring.due_for_gallring(store)] == list(plan.case_ids)


def test_a_confirmed_run_refuses_a_changed_plan_and_keeps_a_protocol(store: Store) -> None:
    w = _world(store)
    plan = gallring.gallring_plan(store)
    before = snapshot(store)
    with pytest.raises(gallring.GallringPlanChangedError):
        gallring.run_gallring(store, expected=[w["due"]])  # the plan showed two
    assert snapshot(store) == before
    seen: list[tuple[int, int]] = []
    result = gallring.run_gallring(
        store,
        decision_ref="SN 2026-02-12 § 14",
        expected=plan.case_ids,
        progress=lambda done, total: seen.append((done, total)),
    )
    assert seen == [(1, 2), (2, 2)]
    assert (result.deleted, result.kept_exempt, result.kept_research_sample) == (2, 1, 1)
    assert result.kept_open_handover == 1 and result.decision_ref == "SN 2026-02-12 § 14"
    [p] = gallring_protocol.protocols(store)
    assert (p.deleted, p.kept_open_handover, p.decision_ref) == (2, 1, "SN 2026-02-12 § 14")
    assert {(k.case_number, k.reason) for k in p.kept} == {
        (cases.get_case(store, w[name]).case_number, reason)
        for name, reason in (
            ("exempt", "exemption"),
            ("sample", "research_sample"),
            ("waiting", "open_handover"),
        )
    }
    full = gallring_protocol.protocol(store, p.run_id)
    assert sorted(full.deleted_refs) == sorted(result.case_refs)
    for sql in (
        "DELETE FROM gallring_runs",
        "UPDATE gallring_runs SET deleted = 0",
        "DELETE FROM gallring_log",
        "DELETE FROM gallring_kept",
        "UPDATE gallring_kept SET reason = 'exemption'",
    ):
        with pytest.raises(sqlcipher.IntegrityError):
            store.conn.execute(sql)
    entry = store.audit.entries(action="gallring.run")[-1]
    assert entry.details["kept_open_handover"] == 1 and entry.details["decision"] is True


def test_a_later_run_blanks_the_number_of_a_kept_case_it_weeds(store: Store) -> None:
    case_id = closed_case(store, OLD, name="Undan Tagen")
    number = cases.get_case(store, case_id).case_number
    cases.set_gallring_exemption(store, case_id, True, "Tvist")
    first = gallring.run_gallring(store)
    assert gallring_protocol.protocol(store, first.run_id).kept[0].case_number == number
    cases.set_gallring_exemption(store, case_id, False)
    second = gallring.run_gallring(store)
    assert second.case_refs == (case_ref_hash(number),)
    [kept] = gallring_protocol.protocol(store, first.run_id).kept
    assert kept.case_number is None and kept.case_ref == case_ref_hash(number)


def test_new_records_go_with_the_case(store: Store) -> None:
    case_id = new_case(store, name="Allt Gallras", opened_on=days(-7 * 366))
    other = new_case(store, name="Kvar Kvarsson")
    drafts.add_draft(store, case_id, "Utkast som aldrig signerades.")
    placement = placements.add_placement(
        store, case_id, municipality="Umeå", moved_in_on=days(-7 * 366)
    )
    relocation.start_checklist(store, placement)
    partner = partners.add_partner(store, kind="lawyer", name="Advokat Fiktiv")
    partners.link_partner(store, case_id, partner, "ombud")
    people.link_cases(store, case_id, other)
    cases.set_status(store, case_id, "closed", outcome="completed", on=OLD)
    result = gallring.run_gallring(store)
    assert result.deleted == 1
    for table in ("journal_drafts", "relocation_tasks", "case_partners", "case_links"):
        assert store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0  # noqa: S608
    assert [p.id for p in partners.partners(store)] == [partner]  # the register stays


def test_yearly_reminder_and_backups_made_before_a_gallring(store: Store) -> None:
    created = store.conn.execute("SELECT value FROM meta WHERE key = 'created'").fetchone()[0]
    yearly = gallring_protocol.yearly_gallring(store)
    assert yearly.last_run_on is None and not yearly.due
    assert yearly.due_on == dt.date.fromisoformat(created[:10]) + dt.timedelta(days=365)
    closed_case(store, OLD, name="Gammal Akt")
    later = gallring_protocol.yearly_gallring(store, today=yearly.due_on)
    assert later.due and later.cases_due == 1
    backup_time = "2000-01-01T00:00:00.000000Z"
    assert gallring_protocol.weeded_after(store, backup_time) == 0
    gallring.run_gallring(store)
    assert gallring_protocol.weeded_after(store, backup_time) == 1
    assert gallring_protocol.weeded_after(store, "2999-01-01T00:00:00Z") == 0
    after = gallring_protocol.yearly_gallring(store)
    assert after.last_run_on == TODAY and not after.due
    assert after.due_on == TODAY + dt.timedelta(days=365)
