"""Fixtures and helpers for the case-file tests (import the fixtures into a test module)."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storage.casefile import (
    cases,
    journal,
    persons,
)
from storage.vault.crypto import KdfParams
from storage.vault.opening import (
    create_store,
    unlock_store,
)
from storage.vault.store import Store

PASS = "correct horse battery staple"
ACTOR = "Karin Handläggare"
TODAY = dt.date.today()
CASE_TABLES = (
    "cases",
    "persons",
    "fictitious_identities",
    "consents",
    "agreements",
    "conditions",
    "condition_breaches",
    "threat_assessments",
    "network_links",
    "groups",
    "group_relations",
    "providers",
    "interventions",
    "provider_controls",
    "placements",
    "placement_addresses",
    "journal_entries",
    "documents",
    "document_contents",
    "follow_ups",
    "reminders",
    "handovers",
    "gallring_runs",
    "gallring_log",
    "search_index",
    "needs_assessments",
    "need_ratings",
    "care_contacts",
    "sips",
    "sip_actions",
    "provisions",
    "decisions",
    "decision_appeals",
    "methods",
    "follow_up_needs",
    "follow_up_interventions",
    "case_endings",
)


def new_store(path: Path, actor: str = ACTOR) -> Store:
    store, _ = create_store(path, PASS, actor=actor, use_device_key=False, kdf=KdfParams.minimum())
    return store


@pytest.fixture(scope="session")
def store_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty, closed store made once; tests get copies (creating one costs seconds)."""
    path = tmp_path_factory.mktemp("template") / "store"
    new_store(path).close()
    return path


def copy_store(template: Path, path: Path, actor: str = ACTOR) -> Store:
    shutil.copytree(template, path)
    return unlock_store(path, PASS, actor=actor)


@pytest.fixture
def store(store_template: Path, tmp_path: Path) -> Iterator[Store]:
    s = copy_store(store_template, tmp_path / "store")
    yield s
    s.close()


@pytest.fixture(scope="module")
def shared_store(store_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    s = copy_store(store_template, tmp_path_factory.mktemp("shared") / "store")
    yield s
    s.close()


def snapshot(store: Store) -> dict[str, Any]:
    """Row counts of every case-file table and the audit head: equal means nothing stored."""
    counts: dict[str, Any] = {
        t: store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608
        for t in CASE_TABLES
    }
    counts["audit"] = store.audit.head()
    counts["cases_updated"] = store.conn.execute("SELECT max(updated_at) FROM cases").fetchone()
    return counts


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def new_case(store: Store, name: str = "Jonas Jönsson", **kw: Any) -> int:
    """An open case with a principal person."""
    fields = {"case_type": "defector", "home_municipality": "Linköping"} | kw
    case_id = cases.create_case(store, **fields)
    persons.add_person(store, case_id, name=name, birth_year=1994, gender="male")
    return case_id


def audit_actions(store: Store) -> list[str]:
    return [e.action for e in store.audit.entries()]


def closed_case(
    store: Store,
    closed_on: dt.date,
    *,
    name: str = "Gustav Gallrad",
    personnummer: str | None = None,
    text: str | None = None,
    outcome: str = "completed",
) -> int:
    """A case closed on ``closed_on`` with one journal entry written that day."""
    case_id = cases.create_case(
        store,
        case_type="defector",
        home_municipality="Linköping",
        opened_on=closed_on - dt.timedelta(days=60),
    )
    persons.add_person(store, case_id, name=name, personnummer=personnummer, birth_year=None)
    if text is not None:
        journal.add_journal_entry(
            store, case_id, text, written_at=f"{closed_on.isoformat()}T10:00:00Z"
        )
    cases.set_status(store, case_id, "closed", outcome=outcome, on=closed_on)
    return case_id
