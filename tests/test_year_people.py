"""Finding people by personnummer in any common form; the duplicate check; linked cases."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from storage.case_import import reader as case_import
from storage.casefile import (
    cases,
    people,
    persons,
)
from storage.records import PersonRole
from storage.records.errors import CaseLinkSelfError
from storage.records.personnummer import (
    InvalidPersonnummerError,
    make_identity_number,
)
from storage.schema.v006_working_year import number_hash as migration_hash
from storage.vault.store import Store
from tests.case_fixtures import (
    snapshot,
    store,
    store_template,
)
from tests.test_cases_import import EXAMPLE

__all__ = ["store", "store_template"]
BORN = dt.date(1986, 4, 9)
NUMBER = make_identity_number(BORN, 983)  # 19860409-983C
COORD = make_identity_number(dt.date(1990, 11, 2), 984, coordination=True)


def _case(store: Store, number: str | None, name: str = "Sara Sökt", **kw: object) -> int:
    case_id = cases.create_case(store, case_type="defector", home_municipality="Umeå")
    persons.add_person(store, case_id, name=name, personnummer=number, **kw)  # type: ignore[arg-type]
    return case_id


def forms(normalised: str) -> list[str]:
    """Every common way to write ``YYYYMMDD-NNNC``."""
    full, short = normalised.replace("-", ""), normalised[2:]
    return [
        normalised,
        full,
        short,
        short.replace("-", ""),
        f"  {short}  ",
        f"{full[:8]} {full[8:]}",
        f"{short[:6]} {short[7:]}",
    ]


def test_every_common_form_finds_exactly_that_person(store: Store) -> None:
    wanted = _case(store, NUMBER)
    neighbour = make_identity_number(BORN, 985)  # same birth date, another person
    _case(store, neighbour, name="Granne Grannsson")
    _case(store, None, name="Utan Nummer")
    for written in forms(NUMBER):
        [hit] = people.find_person(store, written)
        assert (hit.case_id, hit.role) == (wanted, PersonRole.PRINCIPAL), written
        assert hit.summary.label == f"{hit.case_number} · S.S. · 1986"  # masked as today
    coordinated = _case(store, COORD)
    for written in forms(COORD):  # a samordningsnummer (day + 60) the same way
        assert [h.case_id for h in people.find_person(store, written)] == [coordinated]
    assert people.find_person(store, make_identity_number(BORN, 987)) == []
    with pytest.raises(InvalidPersonnummerError):
        people.find_person(store, NUMBER[:-1] + str((int(NUMBER[-1]) + 1) % 10))
    lookups = store.audit.entries(action="person.lookup")
    assert lookups and all(NUMBER not in json.dumps(e.details) for e in lookups)
    assert {e.subject for e in lookups} >= {cases.get_case(store, wanted).case_number}


def test_relatives_strong_protection_and_changes(store: Store) -> None:
    case_id = _case(store, None, protection_level="protected_registration")
    relative = persons.add_relative(
        store, case_id, name="Mamma Sökt", relation="mor", personnummer=NUMBER
    )
    [hit] = people.find_person(store, NUMBER)
    assert hit.person_id == relative and hit.role is PersonRole.RELATIVE
    assert hit.summary.label == hit.case_number  # skyddad folkbokföring: number only
    persons.update_person(store, relative, personnummer=COORD)
    assert people.find_person(store, NUMBER) == []
    assert [h.person_id for h in people.find_person(store, COORD)] == [relative]
    persons.update_person(store, relative, personnummer=None)
    assert people.find_person(store, COORD) == []


def test_the_hash_is_keyed_per_store_and_checked_by_triggers(store: Store) -> None:
    case_id = _case(store, NUMBER)
    [row] = store.conn.execute("SELECT id_number, id_hash FROM persons").fetchall()
    key = bytes.fromhex(
        store.conn.execute("SELECT value FROM meta WHERE key = 'person_number_key'").fetchone()[0]
    )
    assert len(key) == 32 and row[1] == migration_hash(key, NUMBER) == people.number_hash(
        store, NUMBER
    )
    assert row[1] != hashlib.sha256(NUMBER.encode()).hexdigest()  # keyed
    pid = persons.principal_id(store, case_id)
    for sql in (
        "UPDATE persons SET id_number = '19860409-9830' WHERE id = ?",  # no new hash
        "UPDATE persons SET id_hash = NULL WHERE id = ?",
    ):
        with pytest.raises(sqlcipher.IntegrityError):
            store.conn.execute(sql, (pid,))
    with pytest.raises(sqlcipher.IntegrityError):
        store.conn.execute(
            "INSERT INTO persons (case_id, role, name, id_number, id_kind, gender, "
            "protection_level, created_at, updated_at) VALUES (?, 'relative', 'x', ?, "
            "'personnummer', 'unknown', 'none', 't', 't')",
            (case_id, NUMBER),
        )
    plan = " ".join(
        str(r[-1])
        for r in store.conn.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM persons WHERE id_hash = ?", ("x",)
        )
    )
    assert "persons_id_hash" in plan


def test_duplicate_check_and_link(store: Store) -> None:
    first = _case(store, NUMBER)
    assert people.duplicates(store, None) == [] and people.duplicates(store, " ") == []
    [dup] = people.duplicates(store, NUMBER.replace("-", "")[2:])
    assert dup.case_id == first and dup.case_number.startswith("UV-")
    second = _case(store, None, name="Sara Igen")
    assert people.duplicates(store, NUMBER, exclude_case_id=first) == []
    assert people.link_cases(store, second, first) is True
    assert people.link_cases(store, first, second) is False  # once
    assert people.linked_cases(store, first) == [second]
    assert people.linked_cases(store, second) == [first]
    before = snapshot(store)
    with pytest.raises(CaseLinkSelfError):
        people.link_cases(store, first, first)
    assert snapshot(store) == before
    assert people.unlink_cases(store, second, first) is True
    assert people.linked_cases(store, first) == []
    links = store.audit.entries(action="case.link")
    assert len(links) == 1 and links[0].details == {"case_id": second, "other": first}


def test_duplicates_of_an_import_before_and_after(store: Store) -> None:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    number = data["cases"][0]["person"]["personnummer"]
    ours = _case(store, number, name="Redan Här")
    [before] = people.duplicates_in_import(store, data)
    assert before.where == "cases[0].person" and before.match.case_id == ours
    broken = json.loads(json.dumps(data))
    broken["cases"][0]["person"]["personnummer"] = "123"  # invalid: the import refuses it
    assert people.duplicates_in_import(store, broken) == []
    assert people.duplicates_in_import(store, {"cases": "nonsense"}) == []
    ids = case_import.import_cases(store, data)
    [after] = people.duplicates_of_cases(store, ids)
    assert after.case_id == ids[0] and after.match.case_id == ours
    assert people.duplicates_of_cases(store, [*ids, ours]) == []
