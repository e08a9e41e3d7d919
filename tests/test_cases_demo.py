"""Demo data: deterministic, clearly fictional, valid under every rule of the store."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from storage.casefile import (
    cases,
    documents,
    interventions,
    journal,
    persons,
    search,
)
from storage.casefile.case_list import list_case_ids
from storage.casework import gallring
from storage.casework.reminders import reminders
from storage.demo import build as demo
from storage.records.personnummer import parse_identity_number
from storage.registers.groups import (
    groups,
    related_groups,
)
from storage.vault.store import Store
from tests.case_fixtures import copy_store, store, store_template

__all__ = ["store", "store_template"]
DAY = dt.date(2026, 3, 2)


def _fingerprint(store: Store) -> str:
    h = hashlib.sha256()
    for table in ("cases", "persons", "journal_entries", "interventions", "documents"):
        # every column but the random record uid (schema step 11, docs/sync.md)
        cols = [r[1] for r in store.conn.execute(f"PRAGMA table_info({table})") if r[1] != "uid"]
        sql = f"SELECT {', '.join(cols)} FROM {table} ORDER BY id"  # noqa: S608
        for row in store.conn.execute(sql):
            h.update(repr(row).encode())
    return h.hexdigest()


def test_deterministic(store_template: Path, tmp_path: Path) -> None:
    prints = []
    for name in ("a", "b"):
        with copy_store(store_template, tmp_path / name) as s:
            demo.build_demo(s, cases=6, seed=11, today=DAY)
            prints.append(_fingerprint(s))
    with copy_store(store_template, tmp_path / "c") as s:
        demo.build_demo(s, cases=6, seed=12, today=DAY)
        prints.append(_fingerprint(s))
    assert prints[0] == prints[1] != prints[2]


def test_clearly_fictional_and_valid(store: Store) -> None:
    result = demo.build_demo(store, cases=25, seed=3)
    assert result.cases == 25 and result.journal_entries >= 25 * 4
    assert store.audit.entries()[-1].action == "demo.create"
    numbers = [
        r[0]
        for r in store.conn.execute(
            "SELECT id_number FROM persons WHERE id_number IS NOT NULL "
            "UNION ALL SELECT id_number FROM fictitious_identities"
        )
    ]
    assert numbers
    for number in numbers:
        parsed = parse_identity_number(number)
        assert 980 <= int(parsed.digits[8:11]) <= 999 and parsed.normalised == number
    codes = {r[0][:3] for r in store.conn.execute("SELECT postal_code FROM placement_addresses")}
    assert codes <= {"999"}
    assert store.conn.execute("SELECT min(demo) FROM cases").fetchone()[0] == 1
    assert all("(demo)" in r[0] for r in store.conn.execute("SELECT caseworker FROM cases"))
    assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rival = [g.id for g in groups(store) if related_groups(store, g.id, "rival")]
    assert len(rival) >= 2
    for case_id in list_case_ids(store):  # every reader accepts every demo row
        cases.get_case(store, case_id)
        persons.persons(store, case_id)
        journal.journal(store, case_id)
        interventions.interventions(store, case_id)
        for d in documents.documents(store, case_id):
            assert (
                documents.sniff_media_type(documents.document_content(store, d.id)) == d.media_type
            )
    assert search.search(store, "samtal") and reminders(store, within_days=60) is not None
    gallring.gallring_candidates(store)


def test_adds_to_a_store_with_cases(store: Store) -> None:
    demo.build_demo(store, cases=3, seed=1)
    demo.build_demo(store, cases=3, seed=1)
    numbers = [cases.get_case(store, i).case_number for i in list_case_ids(store)]
    assert len(numbers) == len(set(numbers)) == 6
    assert len(groups(store)) == len({g.name for g in groups(store)})


def test_demo_needs_care_sip_and_decisions_follow_the_rules(store: Store) -> None:
    """Every new part of the case file has fictional demo rows, written by the bulk builder,
    that read back through the core and keep its rules."""
    from storage.casefile.case_list import list_case_ids
    from storage.casefile.interventions import interventions
    from storage.caseplan.care import care_contacts
    from storage.caseplan.decisions import decisions
    from storage.caseplan.needs import need_history, needs_assessments
    from storage.caseplan.sip import sips
    from storage.records.knowledge import NeedDomain
    from storage.registers.methods import methods

    demo.build_demo(store, cases=40, seed=4, today=DAY)
    assessed = changed = refused = appealed = linked = cared = planned = 0
    for case_id in list_case_ids(store):
        found = needs_assessments(store, case_id)
        assessed += bool(found)
        for a in found:
            assert a.assessed_on <= DAY and {r.domain for r in a.ratings} == set(NeedDomain)
            assert a.next_review_on is None or a.next_review_on > a.assessed_on
        history = need_history(store, case_id)
        changed += any(len({s for _, s in pts}) > 1 for pts in history.values())
        for thread in decisions(store, case_id):
            d = thread.current
            assert d.signed_by.endswith("(demo)") and d.decided_on <= DAY
            assert d.provision_text.startswith("Socialtjänstlag")
            refused += d.outcome.value == "refused"
            appealed += bool(thread.appeals)
        linked += any(i.method_id and i.decision_id for i in interventions(store, case_id))
        cared += bool(care_contacts(store, case_id))
        for plan in sips(store, case_id):
            planned += 1
            assert plan.consent_on <= plan.held_on and plan.actions
    assert min(assessed, changed, refused, appealed, linked, cared, planned) >= 1, (
        assessed,
        changed,
        refused,
        appealed,
        linked,
        cared,
        planned,
    )
    assert any("fiktiv" in m.name for m in methods(store))
    terminal = store.conn.execute(
        "SELECT count(*) FROM cases WHERE status IN ('closed', 'handed_over')"
    ).fetchone()[0]
    endings = store.conn.execute("SELECT count(*) FROM case_endings").fetchone()[0]
    assert terminal >= 1 and endings == terminal
    followed = store.conn.execute(
        "SELECT count(*), count(r.follow_up_id) FROM follow_ups f "
        "LEFT JOIN follow_up_results r ON r.follow_up_id = f.id"
    ).fetchone()
    assert followed[0] >= 1 and followed[0] == followed[1]  # every follow-up has its result
    linked_follow_ups = store.conn.execute(
        "SELECT count(DISTINCT follow_up_id) FROM follow_up_interventions"
    ).fetchone()[0]
    assert linked_follow_ups >= 1
    assert store.audit.entries()[-1].action == "demo.create"
