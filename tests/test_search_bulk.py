"""The search index of a bulk import, written at its end (storage/casefile/search_bulk.py):
the same rows as the triggers write one by one, the triggers back afterwards, nothing changed
by a failed or cancelled import."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from storage.case_import import reader as case_import
from storage.casefile import cases, documents, journal, persons, search, search_bulk
from storage.demo.build import build_demo
from storage.records.errors import ImportCancelledError
from storage.schema import v002_cases
from storage.team import shares
from storage.team.merge import apply_ops
from storage.vault.store import Store
from tests.case_fixtures import copy_store, store, store_template
from tests.team_support import blobs_of, log_json, make_team, parse_log, team_case

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


def _both_ways(
    store: Store,
    other: Store,
    prepare: Callable[[Store], tuple[int, ...]],
    write: Callable[..., None],
) -> list[str]:
    """``write(s, *prepare(s))`` in one transaction, in ``store`` with the deferral and in
    ``other`` row by row (closed afterwards); the two indexes must be equal, each passing
    FTS5's check, with no temporary object left. Returns the texts in ``store``'s index."""
    try:
        for s, deferred in ((store, True), (other, False)):
            args = prepare(s)
            with s.transaction() as conn:
                if deferred:
                    with search_bulk.deferred_search_index(conn) as defers:
                        assert defers
                        write(s, *args)
                else:
                    write(s, *args)
            integrity(s)
            assert s.conn.execute("SELECT count(*) FROM temp.sqlite_master").fetchone()[0] == 0
        assert index_rows(store) == index_rows(other)
        assert triggers(store) == triggers(other)
    finally:
        other.close()
    return [str(r[1]) for r in index_rows(store)]


def _deletes(store: Store, case_id: int, old_relative: int) -> None:
    """Deletes inside the block, and ids given again: an old relative removed and a new one
    added (it gets the old one's id), a new relative added and removed, another added."""
    persons.remove_relative(store, old_relative)
    persons.add_relative(store, case_id, name="Ebba Ek", relation="syster")
    gone = persons.add_relative(store, case_id, name="Frans Fur", relation="bror")
    persons.remove_relative(store, gone)
    persons.add_relative(store, case_id, name="Greta Gran", relation="mor")


def _case_with_relative(store: Store) -> tuple[int, int]:
    case_id = cases.create_case(store, case_type="defector", home_municipality="Lund")
    return case_id, persons.add_relative(store, case_id, name="Dora Dal", relation="moster")


@pytest.mark.parametrize(
    ("before", "inside", "indexed", "not_indexed"),
    [
        pytest.param(
            _old_records,
            _writes,
            ("Sixten Ödmarksson", "Vera Vinterlind", "andra versionen om skolan"),
            ("första versionen om skolan", "ursprunglig text om boendet"),
            id="corrections-and-renames",
        ),
        pytest.param(
            _case_with_relative,
            _deletes,
            ("Ebba Ek", "Greta Gran"),
            ("Dora Dal", "Frans Fur"),
            id="deletes-and-reused-ids",
        ),
    ],
)
def test_writes_inside_the_block_match_the_triggers(
    store: Store,
    store_template: Path,
    tmp_path: Path,
    before: Callable[[Store], tuple[int, ...]],
    inside: Callable[..., None],
    indexed: tuple[str, ...],
    not_indexed: tuple[str, ...],
) -> None:
    """Corrections (of a new and an old entry), renames, deletes and ids given again inside
    the block leave the index the triggers would have written, row for row."""
    other = copy_store(store_template, tmp_path / "triggers")
    bodies = _both_ways(store, other, before, inside)
    assert [t for t in indexed if t not in bodies] == []
    assert [t for t in not_indexed if t in bodies] == []


def test_a_failure_inside_the_block_leaves_the_triggers_and_the_index(store: Store) -> None:
    _old_records(store)
    before, rows = triggers(store), index_rows(store)
    with pytest.raises(RuntimeError, match="marker-5c1e9a7f3b2d4e60"), store.transaction() as conn:
        with search_bulk.deferred_search_index(conn):
            cases.create_case(store, case_type="defector", home_municipality="Lund")
            raise RuntimeError("marker-5c1e9a7f3b2d4e60")
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


def test_a_team_merge_indexes_what_the_triggers_would(
    store_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A colleague's operations merged in two rounds — new entries, a correction of one
    merged earlier, a rename, a relative removed and one added — give the index the
    triggers give, row for row."""
    team = make_team(store_template, tmp_path)
    a, deferred, row_by_row = team.stores
    try:
        case_id = team_case(a)
        with a.transaction():
            uid = shares.start_sharing(a, case_id)
        first = journal.add_journal_entry(a, case_id, "första samtalet om skolan")
        for s in (deferred, row_by_row):
            with s.transaction():
                shares.join_case(s, uid, "co", None, None, True)
        rounds = [parse_log(log_json(a, uid))]
        done = len(rounds[0])
        journal.correct_journal_entry(a, first, "första samtalet om skolan och boendet", "tillägg")
        journal.add_journal_entry(a, case_id, "andra samtalet")
        principal = persons.principal_id(a, case_id)
        assert principal is not None
        persons.update_person(a, principal, name="Jonas Jönsson Ek (fiktiv)")
        relative = next(p.id for p in persons.persons(a, case_id) if p.id != principal)
        persons.remove_relative(a, relative)
        persons.add_relative(a, case_id, name="Ola Ek (fiktiv)", relation="bror")
        rounds.append(parse_log(log_json(a, uid, done)))
        written: list[object] = []
        index_rows_at_end = search_bulk._index_rows

        def counted(conn: object) -> None:
            written.append(conn)
            index_rows_at_end(conn)

        for n, batch in enumerate(rounds, start=1):
            with monkeypatch.context() as m:  # the merge defers: the index is written once
                m.setattr(search_bulk, "_index_rows", counted)
                apply_ops(deferred, batch, origin=None, blobs=blobs_of(a))
            assert len(written) == n
            with monkeypatch.context() as m:
                m.setattr(search_bulk, "_stored_triggers", lambda conn: None)
                apply_ops(row_by_row, batch, origin=None, blobs=blobs_of(a))
            assert index_rows(deferred) == index_rows(row_by_row)
            assert triggers(deferred) == triggers(row_by_row)
        integrity(deferred)
        bodies = [r[1] for r in index_rows(deferred)]
        assert "första samtalet om skolan och boendet" in bodies
        assert "första samtalet om skolan" not in bodies and "Maria Jönsson (fiktiv)" not in bodies
        assert "Jonas Jönsson Ek (fiktiv)" in bodies and "Ola Ek (fiktiv)" in bodies
    finally:
        team.close()
