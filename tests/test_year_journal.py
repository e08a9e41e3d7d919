"""A fuller journal: event date and entry type, drafts, templates (schema step 6)."""

from __future__ import annotations

import secrets

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from storage.casefile import (
    cases,
    drafts,
    journal,
    search,
)
from storage.records import EntryType
from storage.records.errors import (
    DateInFutureError,
    DraftNotYoursError,
    DuplicateNameError,
    InvalidChoiceError,
    RecordNotFoundError,
)
from storage.vault.opening import unlock_store
from storage.vault.store import Store
from tests.case_fixtures import (
    PASS,
    TODAY,
    days,
    new_case,
    snapshot,
    store,
    store_template,
)

__all__ = ["store", "store_template"]


def marker() -> str:
    return f"markör{secrets.token_hex(16)}"


def test_event_date_and_type_are_kept_and_filtered(store: Store) -> None:
    case_id = new_case(store)
    visit = journal.add_journal_entry(
        store, case_id, "Hembesök i lägenheten.", entry_type="home_visit", event_date=days(-3)
    )
    call = journal.add_journal_entry(store, case_id, "Ringde skolan.", entry_type="telefon")
    plain = journal.add_journal_entry(store, case_id, "Övrigt.")
    entry = journal.journal_entry(store, visit)
    assert entry.entry_type is EntryType.HOME_VISIT and entry.event_date == days(-3)
    assert entry.event_on == days(-3) and entry.written_at[:10] == TODAY.isoformat()
    assert journal.journal_entry(store, call).entry_type is EntryType.PHONE  # Swedish label
    assert journal.journal_entry(store, plain).event_date == TODAY
    only = [t.current.id for t in journal.journal(store, case_id, entry_type="home_visit")]
    assert only == [visit]
    both = journal.journal(store, case_id, entry_type=["home_visit", EntryType.PHONE])
    assert [t.current.id for t in both] == [visit, call]
    assert len(journal.journal(store, case_id)) == 3
    details = store.audit.entries(action="journal.add")[0].details
    assert details["entry_type"] == "home_visit" and "text" not in details


def test_bad_type_or_future_event_date_changes_nothing(store: Store) -> None:
    case_id = new_case(store)
    before = snapshot(store)
    with pytest.raises(InvalidChoiceError) as info:
        journal.add_journal_entry(store, case_id, "x", entry_type="fika")
    assert info.value.params["field"] == "entry_type"
    with pytest.raises(DateInFutureError):
        journal.add_journal_entry(store, case_id, "x", event_date=days(1))
    assert snapshot(store) == before


def test_a_correction_keeps_or_changes_type_and_event_date(store: Store) -> None:
    case_id = new_case(store)
    first = journal.add_journal_entry(
        store, case_id, "Samtal.", entry_type="conversation", event_date=days(-5)
    )
    second = journal.correct_journal_entry(store, first, "Samtal med mamman.", "Förtydligat")
    kept = journal.journal_entry(store, second)
    assert (kept.entry_type, kept.event_date) == (EntryType.CONVERSATION, days(-5))
    third = journal.correct_journal_entry(
        store,
        second,
        "Telefonsamtal.",
        "Fel typ och datum",
        entry_type="phone",
        event_date=days(-4),
    )
    [thread] = journal.journal(store, case_id)
    assert thread.current.id == third and thread.current.entry_type is EntryType.PHONE
    assert thread.current.event_date == days(-4)
    assert [e.entry_type for e in thread.earlier] == [EntryType.CONVERSATION] * 2
    assert journal.journal(store, case_id, entry_type="conversation") == []


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE journal_entries SET text = 'ändrad' WHERE id = ?",
        "UPDATE journal_entries SET entry_type = 'phone' WHERE id = ?",
        "UPDATE journal_entries SET event_date = '2001-01-01' WHERE id = ?",
        "UPDATE journal_entries SET event_date = NULL WHERE id = ?",
        "UPDATE journal_entries SET author = 'någon annan' WHERE id = ?",
        "DELETE FROM journal_entries WHERE id = ?",
    ],
)
def test_sql_cannot_change_a_signed_entry(store: Store, sql: str) -> None:
    case_id = new_case(store)
    draft_id = drafts.add_draft(store, case_id, "Utkast.", entry_type="conversation")
    entry_id = drafts.sign_draft(store, draft_id)
    before = journal.journal_entry(store, entry_id)
    with pytest.raises(sqlcipher.IntegrityError):
        store.conn.execute(sql, (entry_id,))
    assert journal.journal_entry(store, entry_id) == before


def test_drafts_are_editable_by_their_author_and_signing_makes_an_entry(store: Store) -> None:
    case_id = new_case(store)
    text = marker()
    draft_id = drafts.add_draft(
        store, case_id, f"Första utkastet {text}", entry_type="network_meeting", event_date=days(-2)
    )
    assert journal.journal(store, case_id) == []  # a draft is not in the journal
    assert search.search_case_ids(store, text) == []  # nor in the search index
    drafts.update_draft(store, draft_id, text=f"Andra utkastet {text}", event_date=days(-1))
    [d] = drafts.drafts(store, case_id)
    assert d.text.startswith("Andra") and d.event_date == days(-1) and d.author == store.actor
    entry_id = drafts.sign_draft(store, draft_id)
    assert drafts.drafts(store, case_id) == []
    entry = journal.journal_entry(store, entry_id)
    assert entry.text == f"Andra utkastet {text}" and entry.author == store.actor
    assert entry.entry_type is EntryType.NETWORK_MEETING and entry.event_date == days(-1)
    assert search.search_case_ids(store, text) == [case_id]
    actions = [e.action for e in store.audit.entries() if e.action.startswith("journal.")]
    assert actions == ["journal.draft_add", "journal.draft_update", "journal.add", "journal.sign"]
    for e in store.audit.entries():
        assert text not in str(e.details)
    with pytest.raises(RecordNotFoundError):
        drafts.sign_draft(store, draft_id)  # signed once


def test_only_the_author_changes_signs_or_deletes_a_draft(store: Store) -> None:
    case_id = new_case(store)
    draft_id = drafts.add_draft(store, case_id, "Mitt utkast.")
    path, actor = store.path, store.actor
    store.close()
    with unlock_store(path, PASS, actor="Annan Handläggare") as other:
        before = snapshot(other)
        for attempt in (
            lambda: drafts.update_draft(other, draft_id, text="Ändrat"),
            lambda: drafts.sign_draft(other, draft_id),
            lambda: drafts.delete_draft(other, draft_id),
        ):
            with pytest.raises(DraftNotYoursError):
                attempt()
        assert snapshot(other) == before
        assert [d.id for d in drafts.drafts(other, case_id)] == [draft_id]  # others see it
    with unlock_store(path, PASS, actor=actor) as mine:
        drafts.delete_draft(mine, draft_id)
        assert drafts.drafts(mine, case_id) == [] and journal.journal(mine, case_id) == []
        assert mine.audit.entries(action="journal.draft_delete")[0].details["draft_id"] == draft_id


def test_drafts_on_a_closed_case(store: Store) -> None:
    case_id = new_case(store)
    cases.set_status(store, case_id, "closed", outcome="completed")
    draft_id = drafts.add_draft(store, case_id, "Efter avslut.")
    assert drafts.sign_draft(store, draft_id) > 0


def test_templates_per_type_editable(store: Store) -> None:
    seeded = drafts.templates(store)
    assert {t.entry_type for t in seeded} == set(EntryType)  # one starting template per type
    [home] = drafts.templates(store, "home_visit")
    assert "Närvarande:" in home.text
    new_id = drafts.add_template(
        store, entry_type="home_visit", name="Kort hembesök", text="Närvarande:\n"
    )
    with pytest.raises(DuplicateNameError):
        drafts.add_template(store, entry_type="home_visit", name="Kort hembesök", text="")
    drafts.update_template(store, home.id, text="Närvarande:\nBoendet:\n")
    assert drafts.template(store, home.id).text == "Närvarande:\nBoendet:"
    with pytest.raises(DuplicateNameError):
        drafts.update_template(store, new_id, name=home.name)
    drafts.delete_template(store, new_id)
    assert [t.id for t in drafts.templates(store, "home_visit")] == [home.id]
    assert [e.action for e in store.audit.entries() if "template" in e.action] == [
        "journal.template_add",
        "journal.template_update",
        "journal.template_delete",
    ]
