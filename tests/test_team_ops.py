"""The operation log on real stores: the persisted clock, what is recorded (only shared
cases), refusals that change nothing, removal against a concurrent edit, resolving a
conflict by an operation, and the journal's rules kept outside a merge."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from storage.casefile import cases, journal, persons
from storage.team import clock, shares
from storage.team.canonical import canonical_bytes
from storage.team.conflicts import case_conflicts, resolve
from storage.team.errors import ClockAheadError, OpsInvalidError, OutOfOrderError
from storage.team.merge import apply_ops
from storage.team.ops import parse_ops
from storage.vault.store import Store
from tests.case_fixtures import store, store_template
from tests.team_support import (
    Team,
    blobs_of,
    case_id_of,
    log_json,
    make_team,
    parse_log,
    team_case,
)

__all__ = ["store", "store_template"]


@pytest.fixture(scope="module")
def team(store_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Team]:
    t = make_team(store_template, tmp_path_factory.mktemp("team"))
    yield t
    t.close()


def _shared(team: Team) -> tuple[str, int]:
    a = team.stores[0]
    case_id = team_case(a)
    with a.transaction():
        uid = shares.start_sharing(a, case_id)
    for other in team.stores[1:]:
        with other.transaction():
            shares.join_case(other, uid, "co", None, None, True)
        apply_ops(other, parse_log(log_json(a, uid)), origin=None, blobs=blobs_of(a))
    return uid, case_id


def test_clock_never_goes_back(store: Store) -> None:
    conn = store.conn
    first = clock.tick(conn, now_ms=2_000_000_000_000)
    second = clock.tick(conn, now_ms=1_000_000_000_000)  # the wall clock set back
    assert second > first
    clock.observe(conn, "1999999999999-0001")  # an older clock of a colleague: no change
    assert clock.tick(conn, now_ms=0) > second
    with pytest.raises(Exception, match="never goes back"):
        conn.execute("UPDATE team_clock SET physical = 5, logical = 0")


def test_only_shared_cases_are_recorded(team: Team) -> None:
    a = team.stores[0]
    before = a.conn.execute("SELECT count(*) FROM team_ops").fetchone()[0]
    case_id = team_case(a)
    journal.add_journal_entry(a, case_id, "Inte delat ärende")
    assert a.conn.execute("SELECT count(*) FROM team_ops").fetchone()[0] == before
    uid, _ = _shared(team)
    shared_id = case_id_of(a, uid)
    assert shared_id is not None
    journal.add_journal_entry(a, shared_id, "Delat ärende")
    last = a.conn.execute(
        "SELECT table_name, kind FROM team_ops ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    assert tuple(last) == ("journal_entries", "put")


def test_share_arrives_whole(team: Team) -> None:
    uid, _ = _shared(team)
    states = {canonical_bytes(s, uid) for s in team.stores}
    assert len(states) == 1
    b = team.stores[1]
    got = case_id_of(b, uid)
    assert got is not None
    names = {p.role.value for p in persons.persons(b, got)}
    assert names == {"principal", "relative"}
    assert any(e.action == "team.apply" for e in b.audit.entries())


def test_a_batch_missing_its_past_is_refused_and_changes_nothing(team: Team) -> None:
    uid, case_id = _shared(team)
    a, b = team.stores[0], team.stores[1]
    journal.add_journal_entry(a, case_id, "Första")
    entry = journal.journal(a, case_id)[-1].current.id
    journal.correct_journal_entry(a, entry, "Rättad", "stavfel")
    full = json.loads(log_json(a, uid))
    last_only = json.dumps(full[-1:]).encode()  # the rättelse without the entry it corrects
    before = canonical_bytes(b, uid)
    with pytest.raises(OutOfOrderError):
        apply_ops(b, parse_log(last_only), origin=None)
    assert canonical_bytes(b, uid) == before
    apply_ops(b, parse_log(log_json(a, uid)), origin=None, blobs=blobs_of(a))
    assert canonical_bytes(b, uid) == canonical_bytes(a, uid)


def test_untrusted_shapes_and_future_clocks_are_refused(team: Team) -> None:
    uid, _ = _shared(team)
    op = json.loads(log_json(team.stores[0], uid))[-1]
    for broken in (
        {**op, "table": "audit_log"},
        {**op, "extra": 1},
        {**op, "set": {"no_such_field": {"no_such_field": 1}}},
        {**op, "id": "x" * 32},
        {**op, "kind": "remove"},
    ):
        with pytest.raises(OpsInvalidError):
            parse_ops([broken], limit=10)
    ahead = {**op, "id": "f" * 32, "clock": "9999999999999-0000", "bases": {}}
    with pytest.raises(ClockAheadError):
        apply_ops(team.stores[1], parse_ops([ahead], limit=10), origin=None)


def test_removal_against_a_concurrent_edit_is_a_conflict_then_resolved(team: Team) -> None:
    uid, case_id = _shared(team)
    a, b = team.stores[0], team.stores[1]
    b_case = case_id_of(b, uid)
    assert b_case is not None
    rel_a = next(p.id for p in persons.persons(a, case_id) if p.role.value == "relative")
    rel_b = next(p.id for p in persons.persons(b, b_case) if p.role.value == "relative")
    persons.remove_relative(a, rel_a)
    persons.update_person(b, rel_b, relation="moster")
    for src, dst in ((a, b), (b, a)):
        apply_ops(dst, parse_log(log_json(src, uid)), origin=None)
    assert canonical_bytes(a, uid) == canonical_bytes(b, uid)
    found = [c for c in case_conflicts(a, case_id) if c.register == "~"]
    assert len(found) == 1  # kept, and shown as "removed by one, changed by the other"
    assert any(p.id for p in persons.persons(a, case_id) if p.role.value == "relative")
    resolve(a, found[0], None, keep=False)
    apply_ops(b, parse_log(log_json(a, uid)), origin=None)
    assert case_conflicts(a, case_id) == [] == case_conflicts(b, b_case)
    assert all(p.role.value != "relative" for p in persons.persons(b, b_case))
    assert canonical_bytes(a, uid) == canonical_bytes(b, uid)


def test_field_conflict_shows_both_and_a_choice_syncs(team: Team) -> None:
    uid, case_id = _shared(team)
    a, b = team.stores[0], team.stores[1]
    b_case = case_id_of(b, uid)
    assert b_case is not None
    cases.update_case(a, case_id, stay_municipality="Ystad (fiktiv)")
    cases.update_case(b, b_case, stay_municipality="Eslöv (fiktiv)")
    for src, dst in ((a, b), (b, a)):
        apply_ops(dst, parse_log(log_json(src, uid)), origin=None)
    [conflict] = case_conflicts(b, b_case)
    assert {v.values["stay_municipality"] for v in conflict.versions} == {
        "Ystad (fiktiv)",
        "Eslöv (fiktiv)",
    }
    chosen = next(v for v in conflict.versions if v.values["stay_municipality"] == "Ystad (fiktiv)")
    resolve(b, conflict, chosen.op_id)
    apply_ops(a, parse_log(log_json(b, uid)), origin=None)
    assert case_conflicts(a, case_id) == []
    assert cases.get_case(a, case_id).stay_municipality == "Ystad (fiktiv)"
    assert cases.get_case(b, b_case).stay_municipality == "Ystad (fiktiv)"
    assert any(e.action == "team.resolve" for e in b.audit.entries())


def test_a_second_correction_is_still_refused_outside_a_merge(team: Team) -> None:
    uid, case_id = _shared(team)
    a, b = team.stores[0], team.stores[1]
    journal.add_journal_entry(a, case_id, "Samtal")
    apply_ops(b, parse_log(log_json(a, uid)), origin=None)
    b_case = case_id_of(b, uid)
    assert b_case is not None
    ea = journal.journal(a, case_id)[-1].current.id
    eb = journal.journal(b, b_case)[-1].current.id
    journal.correct_journal_entry(a, ea, "Samtal (A)", "komplettering")
    journal.correct_journal_entry(b, eb, "Samtal (B)", "komplettering")
    for src, dst in ((a, b), (b, a)):
        apply_ops(dst, parse_log(log_json(src, uid)), origin=None)
    texts = {v.text for t in journal.journal(a, case_id) for v in (*t.earlier, t.current)}
    assert {"Samtal", "Samtal (A)", "Samtal (B)"} <= texts  # both rättelser kept
    assert canonical_bytes(a, uid) == canonical_bytes(b, uid)
    with pytest.raises(Exception, match="corrected once"):
        a.conn.execute(
            "INSERT INTO journal_entries (case_id, original_id, corrects_id, version, author, "
            "written_at, text, correction_reason) VALUES (?, ?, ?, 2, 'x', 't', 'fork', 'r')",
            (case_id, ea, ea),
        )
