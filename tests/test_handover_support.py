"""Helpers for the handover tests: three municipalities, rich cases, what must not change.

Stores are copies of the session's empty template (fast), each with its own identity:
A = Malmö (sends), B = Lund (receives), C = Trelleborg (a third party that knows and has
verified A, but to which nothing is addressed). A has C's card but has NOT verified it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from storage.casefile import (
    assessments,
    cases,
    consents,
    documents,
    interventions,
    journal,
    persons,
    placements,
)
from storage.registers import (
    groups,
    providers,
)
from storage.vault.store import Store
from sync.trust import (
    contacts,
    identity,
)
from tests.case_fixtures import CASE_TABLES, copy_store, store_template

__all__ = ["store_template"]

TODAY = dt.date.today()
IRON, EAST, SOUTH = "Järnvargarna (fiktiv)", "Östra ligan (fiktiv)", "Södra kusten (fiktiv)"
EXTRA_TABLES = (
    "handover_bases",
    "case_provenance",
    "sync_identity",
    "sync_contacts",
    "sync_contact_keys",
    "sync_state",
    "sync_sealed_bundles",
    "sync_seen_bundles",
    "sync_staging",
    "sync_outbox",
    "sync_outbox_members",
    "pending_outputs",
)
PLAN = ("Genomförandeplan (fiktiv)\n" * 40).encode()
BIG = ("Utredning, fiktiv rad med text för att göra handlingen stor.\n" * 40_000).encode()


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


@dataclass
class World:
    a: Store
    b: Store
    c: Store
    b_at_a: int
    a_at_b: int
    c_at_a: int  # unverified
    a_at_c: int
    dir: Path

    def close(self) -> None:
        for s in (self.a, self.b, self.c):
            s.close()


def _store(template: Path, root: Path, name: str, names: tuple[str, str, str]) -> Store:
    store = copy_store(template, root / name, actor=names[2])
    identity.ensure_identity(store, *names)
    return store


def make_world(template: Path, root: Path) -> World:
    a = _store(template, root, "a", ("Malmö", "Exit Malmö", "Anna Andersson"))
    b = _store(template, root, "b", ("Lund", "Avhopparverksamheten", "Bertil Berg"))
    c = _store(template, root, "c", ("Trelleborg", "Exit Trelleborg", "Tove Tull"))
    b_at_a = contacts.import_card(a, identity.export_card(b))
    a_at_b = contacts.import_card(b, identity.export_card(a))
    contacts.verify_contact(a, b_at_a, identity.get_identity(b).fingerprint)
    contacts.verify_contact(b, a_at_b, identity.get_identity(a).fingerprint)
    c_at_a = contacts.import_card(a, identity.export_card(c))
    a_at_c = contacts.import_card(c, identity.export_card(a))
    contacts.verify_contact(c, a_at_c, identity.get_identity(a).fingerprint)
    out = root / "out"
    out.mkdir()
    for store in (a, b):
        gid = {
            n: groups.add_group(store, name=n, environment="criminal_network")
            for n in (IRON, EAST, SOUTH)
        }
        groups.set_group_relation(store, gid[IRON], gid[EAST], "rival")
    return World(a, b, c, b_at_a, a_at_b, c_at_a, a_at_c, out)


@pytest.fixture(scope="module")
def world(store_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    w = make_world(store_template, tmp_path_factory.mktemp("world"))
    yield w
    w.close()


def rich_case(
    store: Store,
    *,
    consent_for: tuple[str, ...] = ("Malmö", "Lund"),
    status: str = "emergency_protection",
    big_document: bool = False,
) -> int:
    """A case with every section: protected principal with a fictitious identity, an
    unprotected and a protected relative, a protected address, an erroneous journal entry."""
    case_id = cases.create_case(
        store, case_type="defector", home_municipality="Malmö", opened_on=days(-60)
    )
    principal = persons.add_person(
        store,
        case_id,
        name="Jonas Jönsson",
        personnummer="19850202-9807",
        gender="male",
        protection_level="protected_registration",
        language="svenska",
    )
    persons.set_fictitious_identity(store, principal, name="Erik Fiktivsson")
    persons.add_relative(
        store, case_id, name="Maria Jönsson", relation="mor", birth_year=1968, gender="female"
    )
    persons.add_relative(
        store,
        case_id,
        name="Lilly Jönsson",
        relation="barn",
        birth_year=2019,
        accompanying_child=True,
        protection_level="confidentiality_marking",
    )
    if consent_for:
        consents.add_consent(
            store,
            case_id,
            agencies=["Polisen"],
            municipalities=list(consent_for),
            signed_on=days(-30),
            expires_on=days(300),
            person_id=principal,
        )
    consents.add_agreement(store, case_id, signed_on=days(-29), conditions=["Inga brott."])
    assessments.add_threat_assessment(
        store,
        case_id,
        source_unit="Polisregion Syd",
        assessed_on=days(-28),
        level="high",
        summary="Hot från tidigare kamrater.",
    )
    assessments.add_network_link(
        store,
        case_id,
        environment="criminal_network",
        group_id=groups.group_id_by_name(store, IRON),
        role="medlem",
    )
    provider = providers.provider_id_by_name(
        store, "Trygga Hem AB (fiktiv)"
    ) or providers.add_provider(store, name="Trygga Hem AB (fiktiv)", kind="private")
    interventions.add_intervention(
        store, case_id, type="protected_housing", started_on=days(-27), provider_id=provider
    )
    placements.add_placement(
        store,
        case_id,
        municipality="Eslöv",
        moved_in_on=days(-27),
        street="Lönnvägen 4",
        postal_code="999 12",
        city="Demostad",
    )
    journal.add_journal_entry(store, case_id, "Första samtal (fiktivt).")
    wrong = journal.add_journal_entry(store, case_id, "Fel person (fiktivt).")
    journal.mark_journal_erroneous(store, wrong, "Skrevs i fel ärende.")
    documents.add_document(store, case_id, title="Plan", filename="plan.txt", content=PLAN)
    if big_document:
        documents.add_document(
            store, case_id, title="Utredning", filename="utredning.txt", content=BIG
        )
    if status != "referred":
        cases.set_status(store, case_id, status)
    return case_id


def placed_case(
    store: Store,
    group: str,
    municipality: str,
    *,
    moved_out: dt.date | None = None,
    home: str = "Malmö",
) -> int:
    """A case linked to ``group`` with a placement in ``municipality``."""
    case_id = cases.create_case(store, case_type="defector", home_municipality=home)
    persons.add_person(store, case_id, name="Karl Konflikt", birth_year=1990, gender="male")
    assessments.add_network_link(
        store,
        case_id,
        environment="criminal_network",
        group_id=groups.group_id_by_name(store, group),
    )
    placements.add_placement(
        store, case_id, municipality=municipality, moved_in_on=days(-1500), moved_out_on=moved_out
    )
    return case_id


def snapshot(store: Store, *dirs: Path) -> dict[str, Any]:
    """Row counts of every case and sync table, the audit head and the files: equal means
    nothing was stored."""
    out: dict[str, Any] = {
        t: store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608
        for t in (*CASE_TABLES, *EXTRA_TABLES)
    }
    out["audit"] = store.audit.head()
    out["cases"] = store.conn.execute("SELECT id, status, updated_at FROM cases").fetchall()
    out["handovers"] = store.conn.execute("SELECT * FROM handovers").fetchall()
    out["sequences"] = store.conn.execute("SELECT id, last_sequence FROM sync_contacts").fetchall()
    out["files"] = sorted(str(p) for d in dirs for p in d.rglob("*"))
    return out


def actions(store: Store) -> list[str]:
    return [e.action for e in store.audit.entries()]
