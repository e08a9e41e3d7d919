"""The search index of a bulk import, written at its end (storage/casefile/search_bulk.py):
the same rows as the triggers write one by one, the triggers back afterwards, nothing changed
by a failed or cancelled import."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from storage.case_import import reader as case_import
from storage.casefile import cases, documents, journal, persons, search, search_bulk
from storage.demo.build import build_demo
from storage.records.errors import ImportCancelledError
from storage.schema import v002_cases
from storage.vault import db
from storage.vault.store import Store
from tests.case_fixtures import copy_store, store, store_template

__all__ = ["store", "store_template"]
ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "tests" / "fixtures" / "case-import-v1.json"
MARKER = "ordmarkör3f9a1c2e7b5d4086"  # a word of at least 16 random bytes, found only here


def index_rows(store: Store) -> list[tuple[Any, ...]]:
    return [
        tuple(r)
        for r in store.conn.execute("SELECT rowid, body, case_id FROM search_index ORDER BY rowid")
    ]


def triggers(store: Store) -> list[tuple[Any, ...]]:
    return [
        tuple(r)
        for r in store.conn.execute(
            "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        )
    ]


def integrity(store: Store) -> None:
    store.conn.execute("INSERT INTO search_index(search_index) VALUES ('integrity-check')")


def many_cases() -> dict[str, Any]:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    extra = [copy.deepcopy(c) for _ in range(3) for c in data["cases"]]
    for i, c in enumerate(extra):
        c["case_number"] = f"UV-2024-{7000 + i}"
        c["person"].pop("personnummer", None)
        c.setdefault("journal", []).append(
            {"written_at": "2024-05-02T09:00:00Z", "author": "Karin", "text": f"{MARKER} {i}"}
        )
    data["cases"] += extra
    return data


def test_the_reproduced_triggers_are_schema_step_2s() -> None:
    for t in search_bulk.INDEXED:
        written = re.search(rf"CREATE TRIGGER {t.trigger} .*?\nEND;", v002_cases.TRIGGERS, re.S)
        assert written is not None
        assert search_bulk._folded(written.group(0).removesuffix(";")) == search_bulk._folded(t.sql)


def test_an_import_indexes_what_the_triggers_would(
    store: Store, store_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = triggers(store)
    assert search_bulk._stored_triggers(store.conn) is not None  # it defers on this schema
    ids = case_import.import_cases(store, many_cases())
    assert triggers(store) == before
    integrity(store)
    row_by_row = copy_store(store_template, tmp_path / "row-by-row")
    try:
        with monkeypatch.context() as m:  # the triggers as they are: indexed row by row
            m.setattr(search_bulk, "_stored_triggers", lambda conn: None)
            assert case_import.import_cases(row_by_row, many_cases()) == ids
        assert index_rows(store) == index_rows(row_by_row)
        assert triggers(row_by_row) == before
    finally:
        row_by_row.close()
    assert len(search.search_case_ids(store, MARKER)) == 6
    # Rows written after the import are indexed by the triggers again.
    case_id = cases.create_case(store, case_type="defector", home_municipality="Linköping")
    journal.add_journal_entry(store, case_id, f"{MARKER} efteråt")
    assert case_id in search.search_case_ids(store, f"{MARKER} efteråt")


def _writes(store: Store, old_entry: int, old_person: int) -> None:
    """Inserts, a correction of a new and of an old entry, a rename of a new and of an old
    person, a document: each kind of change the triggers and the deferral must agree on."""
    case_id = cases.create_case(store, case_type="defector", home_municipality="Linköping")
    person = persons.add_person(store, case_id, name="Sixten Ödmark", birth_year=1990)
    persons.update_person(store, person, name="Sixten Ödmarksson")
    persons.update_person(store, old_person, name="Vera Vinterlind")
    first = journal.add_journal_entry(store, case_id, "första versionen om skolan")
    journal.correct_journal_entry(store, first, "andra versionen om skolan", "stavfel")
    journal.correct_journal_entry(store, old_entry, "rättad text om boendet", "fel datum")
    documents.add_document(
        store, case_id, title="Beslut om insats", filename="beslut.txt", content=b"Beslut.\n"
    )


def _old_records(store: Store) -> tuple[int, int]:
    case_id = cases.create_case(store, case_type="defector", home_municipality="Malmö")
    person = persons.add_person(store, case_id, name="Vera Vinter", birth_year=1988)
    entry = journal.add_journal_entry(store, case_id, "ursprunglig text om boendet")
    return entry, person


def test_corrections_and_renames_inside_the_block_match_the_triggers(
    store: Store, store_template: Path, tmp_path: Path
) -> None:
    other = copy_store(store_template, tmp_path / "triggers")
    try:
        for s, deferred in ((store, True), (other, False)):
            old_entry, old_person = _old_records(s)
            with s.transaction() as conn:
                if deferred:
                    with search_bulk.deferred_search_index(conn) as defers:
                        assert defers
                        _writes(s, old_entry, old_person)
                else:
                    _writes(s, old_entry, old_person)
            integrity(s)
        assert index_rows(store) == index_rows(other)
        assert triggers(store) == triggers(other)
        bodies = [r[1] for r in index_rows(store)]
        assert "Sixten Ödmarksson" in bodies and "Vera Vinterlind" in bodies
        assert "andra versionen om skolan" in bodies and "första versionen om skolan" not in bodies
        assert "ursprunglig text om boendet" not in bodies
    finally:
        other.close()


def test_deleting_inside_the_block_is_refused_and_undone(store: Store) -> None:
    _, old_person = _old_records(store)
    before, rows = triggers(store), index_rows(store)
    with pytest.raises(db.SQLError, match="no row is deleted"), store.transaction() as conn:
        with search_bulk.deferred_search_index(conn):
            conn.execute("DELETE FROM persons WHERE id = ?", (old_person,))
    assert triggers(store) == before and index_rows(store) == rows
    temp = store.conn.execute("SELECT count(*) FROM temp.sqlite_master").fetchone()[0]
    assert temp == 0


def test_a_cancelled_import_leaves_the_triggers_and_the_index(store: Store) -> None:
    _old_records(store)
    before, rows = triggers(store), index_rows(store)
    with pytest.raises(ImportCancelledError):
        case_import.import_cases(store, many_cases(), cancelled=lambda: True)
    assert triggers(store) == before and index_rows(store) == rows
    integrity(store)


def test_the_demo_builder_indexes_what_the_triggers_would(
    store: Store, store_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The demo builder writes its rows in bulk too (corrections and erroneous entries
    included); its index is the one the triggers write."""
    day = dt.date(2026, 12, 1)
    build_demo(store, 12, seed=5, today=day)
    row_by_row = copy_store(store_template, tmp_path / "row-by-row")
    try:
        with monkeypatch.context() as m:
            m.setattr(search_bulk, "_stored_triggers", lambda conn: None)
            build_demo(row_by_row, 12, seed=5, today=day)
        assert index_rows(store) == index_rows(row_by_row)
        assert triggers(store) == triggers(row_by_row)
    finally:
        row_by_row.close()
    integrity(store)
