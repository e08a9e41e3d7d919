"""Search: diacritics, prefixes, escaping, ranking, never stale, always masked."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storage.casefile import (
    cases,
    documents,
    journal,
    persons,
    search,
)
from storage.casework import gallring
from storage.vault.store import Store
from tests.case_fixtures import closed_case, days, new_case, store, store_template

__all__ = ["store", "store_template"]


def ids(store: Store, text: str) -> list[int]:
    return [h.case_id for h in search.search(store, text)]


def test_fts_query_escapes_everything() -> None:
    assert search.fts_query('Jons "AND" (x* NEAR') == '"Jons"* "AND"* "x"* "NEAR"*'
    assert search.fts_query('" AND ( * ^ - : {}') == '"AND"*'
    assert search.fts_query("  ") is None and search.fts_query('"') is None
    assert search.fts_query("UV-2026-0001") == '"UV"* "2026"* "0001"*'
    decomposed = "Jo\u0308nsson"
    assert search.fts_query(decomposed) == '"Jönsson"*'


def test_diacritics_and_prefixes(store: Store) -> None:
    a = new_case(store, name="Jonas Jönsson")
    b = new_case(store, name="Sara Åberg")
    journal.add_journal_entry(store, b, "Flytt planeras till Östergötland.")
    assert ids(store, "ostergotland") == [b]
    assert ids(store, "Östergötland") == [b]
    assert ids(store, "Jons") == [a] and ids(store, "JÖNS") == [a] and ids(store, "jönsson") == [a]
    assert ids(store, "aberg") == [b] and ids(store, "Åb") == [b]
    assert ids(store, "flytt osterg") == [b]
    number = cases.get_case(store, a).case_number
    assert ids(store, number) == [a] and ids(store, number.lower()) == [a]
    assert set(ids(store, number[:7])) == {a, b}  # "UV-2026" is a prefix of both


@pytest.mark.parametrize(
    "text",
    [
        '"',
        "AND (",
        "NEAR(a b)",
        "*",
        "a:b",
        "^x",
        "-x",
        "''",
        "OR",
        "NOT x",
        "{x}",
        "\\",
        "x\x00y",
        "🙂",
        "ǅ",
        "o\u0308",
        "_",
        "a_b",
        "1/2",
        "½",
        "٣",
        "𝟘",
    ],
)
def test_odd_input_never_breaks_a_search(store: Store, text: str) -> None:
    new_case(store)
    assert isinstance(search.search(store, text), list)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=40))
def test_any_input_is_a_list_of_hits(store: Store, text: str) -> None:
    assert isinstance(search.search_case_ids(store, text), list)


def test_ranking(store: Store) -> None:
    weak = new_case(store, name="Anna Svensson")
    journal.add_journal_entry(
        store,
        weak,
        "Lång anteckning om många saker: boende, skola, "
        "ekonomi, arbete, hälsa och till sist även drogtest en gång.",
    )
    strong = new_case(store, name="Erik Berg")
    journal.add_journal_entry(store, strong, "Drogtest. Drogtest negativt.")
    hits = search.search(store, "drogtest")
    assert [h.case_id for h in hits] == [strong, weak]
    assert hits[0].score < hits[1].score < 0  # bm25: lower is better
    assert hits[0].matched == ("journal",)


def test_words_across_a_cases_texts(store: Store) -> None:
    a = new_case(store, name="Jonas Jönsson")
    journal.add_journal_entry(store, a, "Samtal om skuldsanering.")
    b = new_case(store, name="Jonas Ek")
    journal.add_journal_entry(store, b, "Samtal om boendet.")
    hits = search.search(store, "Jönsson skuldsanering")
    assert [h.case_id for h in hits] == [a] and set(hits[0].matched) == {"name", "journal"}
    assert ids(store, "Jonas samtal boendet") == [b]


def test_common_words_use_the_newest_matches(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "RANK_WINDOW", 3)
    old = new_case(store, name="Samir Ek")
    for _ in range(3):
        journal.add_journal_entry(store, old, "Samtal.")
    newer = new_case(store, name="Nils Holm")
    for _ in range(3):
        journal.add_journal_entry(store, newer, "Samtal igen.")
    hits = search.search(store, "sam")
    assert [h.case_id for h in hits] == [old, newer]  # the name hit first, then newest text
    assert hits[0].matched[0] == "name" and all(h.score == 0.0 for h in hits)
    assert len(search.search(store, "sam", limit=1)) == 1


def test_never_stale(store: Store) -> None:
    case_id = new_case(store, name="Jonas Jönsson")
    entry = journal.add_journal_entry(store, case_id, "Möte i Kalmar.")
    assert ids(store, "Kalmar") == [case_id]
    journal.correct_journal_entry(store, entry, "Möte i Växjö.", "Fel ort")
    assert ids(store, "Kalmar") == [] and ids(store, "Vaxjo") == [case_id]
    pid = persons.principal_id(store, case_id)
    assert pid is not None
    persons.update_person(store, pid, name="Jonas Lindqvist")
    assert ids(store, "Jönsson") == [] and ids(store, "Lindq") == [case_id]
    documents.add_document(
        store, case_id, title="Genomförandeplan", filename="p.txt", content=b"plan"
    )
    assert ids(store, "genomforande") == [case_id]
    rows = store.conn.execute("SELECT count(*) FROM search_index WHERE case_id = ?", (case_id,))
    # case number, name, current journal version, document title, the document's text
    assert rows.fetchone()[0] == 5


def test_gallring_removes_index_rows(store: Store) -> None:
    case_id = closed_case(
        store, days(-6 * 366), personnummer="811228-9874", text="Unikt ord: flygfisk."
    )
    keep = new_case(store, name="Kvar Kvarsson")
    assert ids(store, "flygfisk") == [case_id]
    gallring.run_gallring(store)
    assert ids(store, "flygfisk") == [] and ids(store, "Gallrad") == []
    left = {r[0] for r in store.conn.execute("SELECT DISTINCT case_id FROM search_index")}
    assert left == {keep}
    assert store.conn.execute(
        "INSERT INTO search_index(search_index, rank) VALUES ('integrity-check', 1)"
    )
