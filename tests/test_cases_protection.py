"""Protected fields: masked in lists and search, read only through an audited reveal."""

from __future__ import annotations

import dataclasses
import json
import secrets
import time

import pytest

from storage.casefile import (
    cases,
    persons,
    placements,
    protection,
    search,
)
from storage.casefile.protection import (
    CASE_WORK_SECONDS,
    RevealField,
    end_case_work,
    initials,
    reveal,
    start_case_work,
)
from storage.casefile.summaries import case_summary
from storage.records import ProtectionLevel
from storage.records.errors import (
    InvalidChoiceError,
    ReasonRequiredError,
    RecordNotFoundError,
)
from storage.vault.store import Store
from tests.case_fixtures import new_case, snapshot, store, store_template

__all__ = ["store", "store_template"]


def test_initials() -> None:
    assert initials("Anna-Karin Svensson") == "A.S."
    assert initials("  Öjvind  ") == "Ö."
    assert initials("jonas von Jönsson") == "J.J."
    assert initials("") == "?" and initials(None) == "?"


def test_masked_label_by_protection_level(store: Store) -> None:
    labels = {}
    for level in ProtectionLevel:
        case_id = cases.create_case(store, case_type="defector", home_municipality="X")
        persons.add_person(
            store, case_id, name="Anna Svensson", birth_year=1990, protection_level=level
        )
        labels[level] = case_summary(store, case_id)
    s = labels[ProtectionLevel.NONE]
    assert s.label == f"{s.case_number} · A.S. · 1990"
    assert labels[ProtectionLevel.CONFIDENTIALITY_MARKING].label.endswith("A.S. · 1990")
    for level in (ProtectionLevel.PROTECTED_REGISTRATION, ProtectionLevel.FICTITIOUS_IDENTITY):
        hidden = labels[level]
        assert hidden.label == hidden.case_number
        assert hidden.initials is None and hidden.birth_year is None
    empty = cases.create_case(store, case_type="defector", home_municipality="X")
    assert case_summary(store, empty).label == cases.get_case(store, empty).case_number


def test_reveal_is_audited_in_the_same_transaction(store: Store) -> None:
    case_id = new_case(store, name="Jonas Jönsson")
    pid = persons.principal_id(store, case_id)
    persons.update_person(store, pid, personnummer="811228-9874")
    number = cases.get_case(store, case_id).case_number
    seq_before = store.audit.head()[0]
    assert reveal(store, case_id, "name", "Kontakt med polisen") == "Jonas Jönsson"
    assert reveal(store, case_id, RevealField.PERSONNUMMER, "Ansökan") == "19811228-9874"
    entries = store.audit.entries()[seq_before:]
    assert [(e.action, e.subject) for e in entries] == [("reveal", number)] * 2
    assert entries[0].details == {
        "field": "name",
        "reason": "Kontakt med polisen",
        "person_id": pid,
    }
    assert "Jönsson" not in str(entries[0].details)


def test_reveal_needs_a_reason_and_a_known_field(store: Store) -> None:
    case_id = new_case(store)
    other = new_case(store)
    before = snapshot(store)
    for reason in ("", "   ", None):
        with pytest.raises(ReasonRequiredError):
            reveal(store, case_id, "name", reason)  # type: ignore[arg-type]
    with pytest.raises(InvalidChoiceError):
        reveal(store, case_id, "everything", "why")
    with pytest.raises(RecordNotFoundError):  # a person of another case
        reveal(store, case_id, "name", "why", person_id=persons.principal_id(store, other))
    assert snapshot(store)["audit"] == before["audit"]


def test_fictitious_identity_is_kept_apart(store: Store) -> None:
    case_id = new_case(store, name="Jonas Jönsson")
    pid = persons.principal_id(store, case_id)
    assert pid is not None
    persons.set_fictitious_identity(store, pid, name="Erik Berg", personnummer="811228-9874")
    person_row = store.conn.execute("SELECT * FROM persons WHERE id = ?", (pid,)).fetchone()
    assert "Erik Berg" not in [str(v) for v in person_row]
    assert persons.persons(store, case_id)[0].has_fictitious_identity
    assert persons.persons(store, case_id)[0].protection_level is (
        ProtectionLevel.FICTITIOUS_IDENTITY
    )
    assert reveal(store, case_id, "new_identity", "Kontroll") == "Erik Berg (19811228-9874)"
    assert search.search(store, "Berg") == []  # the new identity is never indexed
    assert case_summary(store, case_id).initials is None


def test_protected_address(store: Store) -> None:
    case_id = new_case(store)
    assert reveal(store, case_id, "address", "why") is None
    old = placements.add_placement(
        store,
        case_id,
        municipality="Umeå",
        moved_in_on="2024-01-01",
        street="Lönnvägen 4",
        postal_code="99912",
        city="Demostad",
    )
    new = placements.add_placement(store, case_id, municipality="Luleå", moved_in_on="2025-01-01")
    placements.set_placement_address(store, new, street="Ekstigen 2", city="Demoby")
    assert [p.has_address for p in placements.placements(store, case_id)] == [True, True]
    assert reveal(store, case_id, "address", "Flytt") == "Ekstigen 2, Demoby"
    assert reveal(store, case_id, "address", "Flytt", placement_id=old) == (
        "Lönnvägen 4, 999 12 Demostad"
    )
    assert store.audit.entries(action="reveal")[-1].details["placement_id"] == old
    row = store.conn.execute("SELECT * FROM placements WHERE id = ?", (old,)).fetchone()
    assert "Lönnvägen 4" not in [str(v) for v in row]


def test_search_results_are_masked(store: Store) -> None:
    case_id = new_case(store, name="Jonas Jönsson")
    hits = search.search(store, "Jönsson")
    assert [h.case_id for h in hits] == [case_id]
    assert "Jönsson" not in repr(hits) and hits[0].matched == ("name",)
    assert hits[0].summary.label.endswith("J.J. · 1994")


def test_no_reveal_without_its_audit_entry(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    case_id = new_case(store)
    before = snapshot(store)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("audit log unavailable")

    monkeypatch.setattr(store.audit, "append", broken)
    with pytest.raises(RuntimeError):
        reveal(store, case_id, "name", "Kontroll")
    monkeypatch.undo()
    assert snapshot(store) == before


def test_working_on_a_case_is_one_audited_reason(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    marker = "Marker " + secrets.token_hex(16)
    case_id = new_case(store, name=marker)
    other = new_case(store, name="Annan Person")
    before = len(store.audit.entries())
    with pytest.raises(ReasonRequiredError):
        start_case_work(store, case_id, "  ")
    assert len(store.audit.entries()) == before  # refused: nothing written
    grant = start_case_work(store, case_id, "Samtal med personen idag")
    entries = store.audit.entries()[before:]
    assert [e.action for e in entries] == ["reveal.case_work"]
    assert entries[0].details["reason"] == "Samtal med personen idag"
    assert entries[0].details["minutes"] == CASE_WORK_SECONDS // 60
    assert marker not in json.dumps(entries[0].details)
    assert reveal(store, case_id, RevealField.NAME, grant) == marker
    assert reveal(store, case_id, RevealField.PERSONNUMMER, grant) is None
    assert len(store.audit.entries()) == before + 1  # the grant's one entry covers the reads
    with pytest.raises(ReasonRequiredError):  # another case
        reveal(store, other, RevealField.NAME, grant)
    grant = start_case_work(store, case_id, "Samtal med personen idag")
    forged = dataclasses.replace(grant, token=secrets.token_hex(16))
    with pytest.raises(ReasonRequiredError):  # not made by start_case_work
        reveal(store, case_id, RevealField.NAME, forged)
    assert reveal(store, case_id, RevealField.NAME, grant) == marker
    later = time.monotonic() + CASE_WORK_SECONDS + 1
    monkeypatch.setattr(protection.time, "monotonic", lambda: later)
    with pytest.raises(ReasonRequiredError):  # the hour has passed
        reveal(store, case_id, RevealField.NAME, grant)
    monkeypatch.undo()
    grant = start_case_work(store, case_id, "Samtal med personen idag")
    end_case_work(grant)
    with pytest.raises(ReasonRequiredError):  # the caseworker left the case
        reveal(store, case_id, RevealField.NAME, grant)
