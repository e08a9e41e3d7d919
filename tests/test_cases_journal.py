"""The journal: append-only at the SQL level; corrections keep the original; felmarkering."""

from __future__ import annotations

import re

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from storage.casefile import (
    cases,
    journal,
)
from storage.errors import ValidationError
from storage.records.errors import (
    CaseNotFoundError,
    JournalEntryErroneousError,
    JournalEntrySupersededError,
    RecordNotFoundError,
)
from storage.vault.store import Store
from tests.case_fixtures import ACTOR, new_case, snapshot, store, store_template

__all__ = ["store", "store_template"]
UTC = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


def test_add_correct_and_read(store: Store) -> None:
    case_id = new_case(store)
    first = journal.add_journal_entry(store, case_id, "Samtal med klienten.\nBra möte.")
    other = journal.add_journal_entry(store, case_id, "Hembesök.")
    v2 = journal.correct_journal_entry(store, first, "Samtal med klienten i Motala.", "Fel ort")
    v3 = journal.correct_journal_entry(store, v2, "Samtal med klienten i Mjölby.", "Fel igen")
    threads = journal.journal(store, case_id)
    assert [t.original_id for t in threads] == [first, other]
    t = threads[0]
    assert t.current.id == v3 and t.current.version == 3 and t.is_corrected
    assert [e.id for e in t.earlier] == [first, v2]
    assert t.earlier[0].text == "Samtal med klienten.\nBra möte."  # the original stays readable
    assert t.current.correction_reason == "Fel igen" and t.current.corrects_id == v2
    assert t.current.author == ACTOR and UTC.match(t.current.written_at)
    assert not threads[1].is_corrected
    actions = [(e.action, e.details) for e in store.audit.entries() if e.action.startswith("j")]
    assert actions[-1] == (
        "journal.correct",
        {"case_id": case_id, "entry_id": v3, "corrects": v2, "original": first},
    )
    assert all("Samtal" not in str(d) for _, d in actions)  # no journal text in the audit log


def test_only_the_latest_version_can_be_corrected(store: Store) -> None:
    case_id = new_case(store)
    first = journal.add_journal_entry(store, case_id, "Text")
    journal.correct_journal_entry(store, first, "Text 2", "Stavfel")
    before = snapshot(store)
    with pytest.raises(JournalEntrySupersededError):
        journal.correct_journal_entry(store, first, "Text 3", "Again")
    assert snapshot(store) == before


def test_mark_erroneous(store: Store) -> None:
    case_id = new_case(store)
    entry = journal.add_journal_entry(store, case_id, "Fel ärende")
    journal.mark_journal_erroneous(store, entry, "Hör till ett annat ärende")
    e = journal.journal_entry(store, entry)
    assert e.is_erroneous and e.erroneous_by == ACTOR and e.erroneous_reason
    assert e.text == "Fel ärende" and UTC.match(e.erroneous_at or "")
    before = snapshot(store)
    with pytest.raises(JournalEntryErroneousError):
        journal.mark_journal_erroneous(store, entry, "again")
    with pytest.raises(JournalEntryErroneousError):
        journal.correct_journal_entry(store, entry, "x", "y")
    assert snapshot(store) == before
    assert journal.journal(store, case_id)[0].is_erroneous


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda s, c, e: journal.add_journal_entry(s, c, ""), "text"),
        (lambda s, c, e: journal.add_journal_entry(s, c, "x" * 100_001), "text"),
        (lambda s, c, e: journal.add_journal_entry(s, c, "bell\x07"), "text"),
        (
            lambda s, c, e: journal.add_journal_entry(s, c, "x", written_at="yesterday"),
            "written_at",
        ),
        (lambda s, c, e: journal.correct_journal_entry(s, e, "new", ""), "reason"),
        (lambda s, c, e: journal.correct_journal_entry(s, e, " ", "why"), "text"),
        (lambda s, c, e: journal.mark_journal_erroneous(s, e, "  "), "reason"),
    ],
)
def test_invalid_journal_input(store: Store, call: object, field: str) -> None:
    case_id = new_case(store)
    entry = journal.add_journal_entry(store, case_id, "Text")
    before = snapshot(store)
    with pytest.raises(ValidationError) as exc:
        call(store, case_id, entry)  # type: ignore[operator]
    assert exc.value.params["field"] == field and snapshot(store) == before


def test_unknown_case_and_entry(store: Store) -> None:
    with pytest.raises(CaseNotFoundError):
        journal.add_journal_entry(store, 42, "x")
    with pytest.raises(RecordNotFoundError):
        journal.correct_journal_entry(store, 42, "x", "y")


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE journal_entries SET text = 'changed'",
        "UPDATE journal_entries SET author = 'someone else'",
        "UPDATE journal_entries SET written_at = '2000-01-01T00:00:00Z'",
        "UPDATE journal_entries SET case_id = case_id + 1",
        "UPDATE journal_entries SET correction_reason = 'x'",
        "DELETE FROM journal_entries",
        "DELETE FROM cases",
        "DELETE FROM documents",
        "UPDATE cases SET case_number = 'UV-1999-0001'",
    ],
)
def test_sql_triggers_refuse_changes(store: Store, sql: str) -> None:
    case_id = new_case(store)
    new_case(store)
    journal.add_journal_entry(store, case_id, "Original")
    from storage.casefile.documents import add_document

    add_document(store, case_id, title="Plan", filename="plan.txt", content=b"Plan\n")
    before = snapshot(store)
    with pytest.raises(sqlcipher.IntegrityError):
        store.conn.execute(sql)
    assert snapshot(store) == before
    assert journal.journal(store, case_id)[0].current.text == "Original"


def test_erroneous_mark_is_once_only_at_sql_level(store: Store) -> None:
    case_id = new_case(store)
    entry = journal.add_journal_entry(store, case_id, "Text")
    journal.mark_journal_erroneous(store, entry, "why")
    with pytest.raises(sqlcipher.IntegrityError):
        store.conn.execute(
            "UPDATE journal_entries SET erroneous_reason = 'other', "
            "erroneous_by = 'x', erroneous_at = 'y'"
        )
    with pytest.raises(sqlcipher.IntegrityError):
        store.conn.execute("UPDATE journal_entries SET erroneous_reason = NULL")


def test_sql_refuses_a_forked_or_foreign_correction(store: Store) -> None:
    a, b = new_case(store), new_case(store)
    first = journal.add_journal_entry(store, a, "A")
    journal.correct_journal_entry(store, first, "A2", "why")
    insert = (
        "INSERT INTO journal_entries (case_id, original_id, corrects_id, version, author, "
        "written_at, text, correction_reason) VALUES (?, ?, ?, ?, 'x', 't', 'fork', 'r')"
    )
    for params in ((a, first, first, 2), (b, first, first + 1, 3), (a, first, first + 1, 7)):
        with pytest.raises(sqlcipher.IntegrityError):
            store.conn.execute(insert, params)


def test_journal_on_closed_case_is_allowed(store: Store) -> None:
    case_id = new_case(store)
    cases.set_status(store, case_id, "closed", outcome="not_applicable")
    entry = journal.add_journal_entry(store, case_id, "Uppföljning efter avslut.")
    assert journal.journal_entry(store, entry).case_id == case_id
