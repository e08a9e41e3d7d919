"""Every saved store fixture (tests/fixtures/store-vNNN) opens with today's code and upgrades.

Each ``store-vNNN`` folder was written by the code of the commit that introduced schema
NNN (tests/fixtures/README.md says which and how); ``store-vNNN.json`` beside it holds its
fictional passphrase, recovery code, marker and the records it holds. The test is
parametrised over the folders, so a new fixture is picked up by itself, and
:func:`test_every_schema_version_has_a_saved_store` fails until a new schema step brings
its own fixture.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import storage.schema as schema
from storage.casefile import (
    cases,
    journal,
    persons,
    search,
)
from storage.casefile.case_list import list_case_ids
from storage.casefile.consents import agreements
from storage.casefile.protection import reveal
from storage.caseplan.decisions import decisions
from storage.caseplan.needs import needs_assessments
from storage.caseplan.sip import sips
from storage.casework.followup_results import follow_up_results
from storage.records import CaseStatus
from storage.vault.opening import unlock_store
from storage.vault.store import Store
from sync.handover.records import (
    AWAITING,
    handovers,
)
from sync.trust import (
    contacts,
    identity,
)
from tests.test_store_support import ROOT, keys, open_raw

FIXTURES = ROOT / "tests" / "fixtures"
STORES = sorted(p for p in FIXTURES.glob("store-v[0-9][0-9][0-9]") if p.is_dir())


def version_of(fixture: Path) -> int:
    return int(fixture.name.removeprefix("store-v"))


def info_of(fixture: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (fixture.parent / f"{fixture.name}.json").read_text(encoding="utf-8")
    )
    return data


def copy_fixture(fixture: Path, tmp_path: Path) -> Path:
    path = tmp_path / "store"
    shutil.copytree(fixture, path)
    for p in (path, *path.iterdir()):  # as a git checkout leaves it: 0755 / 0644
        p.chmod(0o755 if p.is_dir() else 0o644)
    return path


def test_every_schema_version_has_a_saved_store() -> None:
    """A schema step is not done until a store written by it is saved here."""
    versions = [version_of(p) for p in STORES]
    missing = sorted(set(range(1, schema.LATEST + 1)) - set(versions))
    assert not missing, (
        f"no saved store for schema {missing}: add tests/fixtures/store-v{missing[-1]:03d} "
        "and its .json, made by the code that introduced it (tests/fixtures/README.md)"
    )
    assert versions[-1] == schema.LATEST
    for fixture in STORES:
        info = info_of(fixture)
        assert info["passphrase"] == f"fixture passphrase v{version_of(fixture):03d}"
        assert info.get("schema", 1) == version_of(fixture)
        assert sorted(p.name for p in fixture.iterdir()) == ["keyslots.json", "store.db"]


def _recording_steps(monkeypatch: pytest.MonkeyPatch, ran: list[int]) -> None:
    """Every schema step notes its version in ``ran`` when it runs."""

    def recording(step: schema.Step) -> Callable[[Any], None]:
        def upgrade(conn: Any) -> None:
            ran.append(step.version)
            step.upgrade(conn)

        return upgrade

    steps = [schema.Step(s.version, s.name, recording(s)) for s in schema.STEPS]
    monkeypatch.setattr(schema, "STEPS", steps)


def _case_by_number(store: Store, number: str) -> int:
    [case_id] = [i for i in list_case_ids(store) if cases.get_case(store, i).case_number == number]
    return case_id


def _check_records(store: Store, info: dict[str, Any]) -> None:
    """What the fixture's .json says it holds, read through today's domain API."""
    records = info.get("records")
    if records is None:  # schema 1 knew no case file: its marker sits in a table of its own
        assert store.conn.execute("SELECT v FROM marker").fetchone()[0] == info["marker"]
        return
    case_id = _case_by_number(store, records["case_number"])
    [principal] = persons.persons(store, case_id)
    assert principal.protection_level.value == "confidentiality_marking"
    assert reveal(store, case_id, "name", "fixture test") == records["person"]
    assert reveal(store, case_id, "personnummer", "fixture test") == records["personnummer"]
    texts = [t.current.text for t in journal.journal(store, case_id)]
    assert [t for t in texts if info["marker"] in t], texts
    assert search.search_case_ids(store, info["marker"].split()[-1]) == [case_id]
    if "identity" in records:
        me = identity.get_identity(store)
        assert (me.municipality, me.unit, me.caseworker, me.fingerprint) == tuple(
            records["identity"][k] for k in ("municipality", "unit", "caseworker", "fingerprint")
        )
        assert identity.current_keys(store).signing_key is not None  # the secret keys came along
    if "contact" in records:
        c = records["contact"]
        contact = contacts.get_contact(store, c["id"])
        assert (contact.municipality, contact.unit, contact.caseworker) == (
            c["municipality"],
            c["unit"],
            c["caseworker"],
        )
        assert (contact.fingerprint, contact.status) == (c["fingerprint"], c["status"])
    if "follow_up" in records:
        f = records["follow_up"]
        assert cases.get_case(store, case_id).status is CaseStatus.CLOSED
        [result] = follow_up_results(store, case_id)
        assert result.kind.value == f["kind"]
        assert result.status is not None and result.status.value == f["status"]
        assert result.housing is not None and result.housing.value == f["housing"]
        assert result.occupation is not None and result.occupation.value == f["occupation"]
        assert result.relapse is not None and result.relapse.value == f["relapse"]
    if "plan" in records:  # since schema 12: parts of a case file kept in step, with uids
        p = records["plan"]
        [agreement] = agreements(store, case_id)
        assert [k.text for k in agreement.conditions] == [p["condition"]]
        [assessment] = needs_assessments(store, case_id)
        assert {r.domain.value: r.level.value for r in assessment.ratings}["housing"] == p[
            "housing"
        ]
        [plan] = sips(store, case_id)
        assert [a.action for a in plan.actions] == [p["sip_action"]]
        [thread] = decisions(store, case_id)
        assert thread.current.subject == p["decision"] and thread.current.notified_on
        for table in ("agreements", "conditions", "needs_assessments", "sips", "decisions"):
            assert store.conn.execute(
                f"SELECT count(*) FROM {table} WHERE uid IS NULL"  # noqa: S608
            ).fetchone() == (0,)
    if "handover" in records:
        h = records["handover"]
        handed = _case_by_number(store, h["case_number"])
        assert reveal(store, handed, "name", "fixture test") == h["person"]
        [record] = handovers(store, handed)
        assert (record.receiving_municipality, record.bundle_id, record.state) == (
            h["receiving_municipality"],
            h["bundle_id"],
            AWAITING,
        )
        assert h["state"] == AWAITING


@pytest.mark.parametrize("fixture", STORES, ids=lambda p: p.name)
def test_saved_store_opens_upgrades_and_reads(
    fixture: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    version, info = version_of(fixture), info_of(fixture)
    passphrase = info["passphrase"]
    path = copy_fixture(fixture, tmp_path)
    conn = open_raw(path, keys(path, passphrase)[1])
    try:
        assert schema.current_version(conn) == version  # as the old code left it
    finally:
        conn.close()

    ran: list[int] = []
    _recording_steps(monkeypatch, ran)
    with unlock_store(path, passphrase, actor="upgrader") as store:
        assert ran == list(range(version + 1, schema.LATEST + 1))
        assert store.schema_version == schema.LATEST
        _check_records(store, info)
        if "records" in info:  # still usable: a new entry on the old case
            case_id = _case_by_number(store, info["records"]["case_number"])
            journal.add_journal_entry(store, case_id, "Anteckning efter uppgraderingen (fiktiv).")
        # step 12: no method-register file seen yet, whatever the fixture's age
        assert store.conn.execute("SELECT count(*) FROM method_files_seen").fetchone() == (0,)
        report = store.check()
        assert report.ok, report.problems

    ran.clear()
    with unlock_store(path, passphrase, actor="again") as store:  # no step runs again
        assert ran == [] and store.schema_version == schema.LATEST
        _check_records(store, info)
        assert store.check().ok
