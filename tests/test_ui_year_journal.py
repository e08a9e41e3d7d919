"""The journal of a working year in the GUI, over a real demo store: an entry's type and event
date (shown in the table, filtered by type, a future date refused), a template that starts
the text, drafts (saved, continued, signed in the dialog or from the list, thrown away; only
the author's are listed), a correction that changes type and event date, and the templates
dialog (add, a duplicate name refused, change, remove)."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from storage.casefile.drafts import add_draft, add_template, drafts, templates
from storage.casefile.journal import journal
from tests.case_ui_fixtures import (  # noqa: F401 - fixtures
    app_sv,
    demo_session,
    gateway,
    made_store,
    on_worker,
    open_case_with_principal,
    work,
)
from ui.case_view.journal_model import COL_EVENT, COL_TEXT
from ui.cases.case_work import CaseWork
from ui.casework.templates_dialog import TemplatesDialog
from ui.record_dialogs.journal_dialogs import JournalEntryDialog


def marker() -> str:
    return secrets.token_hex(16)


def show_journal(qtbot: QtBot, case_work: CaseWork) -> Any:
    tab = case_work.case_view.journal
    tab.loaded = False if tab.stale else tab.loaded
    case_work.case_view.show_tab(tab)
    qtbot.waitUntil(lambda: tab.loaded and not tab.stale, timeout=10_000)
    return tab


def new_entry(qtbot: QtBot, tab: Any) -> JournalEntryDialog:
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, JournalEntryDialog) and dialog.isVisible()
    qtbot.waitUntil(lambda: bool(dialog.templates), timeout=5000)  # the store's templates
    return dialog


def question(name: str) -> QMessageBox:
    found = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.isVisible() and w.objectName() == name
    ]
    assert len(found) == 1, name
    return found[0]


def answer_yes(box: QMessageBox) -> None:
    yes = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    yes.click()


def test_an_entry_has_a_type_and_an_event_date_shown_and_filtered(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    case_work, store = work
    case_id = open_case_with_principal(case_work, qtbot, store)
    tab = show_journal(qtbot, case_work)
    before = tab.model.rowCount()
    text = f"Hembesök hos personen {marker()}"
    day = dt.date.today() - dt.timedelta(days=3)
    dialog = new_entry(qtbot, tab)
    assert dialog.value("event_date") == dt.date.today().isoformat()  # today by default
    for key, value in (("entry_type", "home_visit"), ("event_date", day.isoformat())):
        dialog.set_value(key, value)
    dialog.set_value("text", text)
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # Signera
    qtbot.waitUntil(lambda: tab.model.rowCount() == before + 1, timeout=5000)
    thread = on_worker(lambda: journal(store, case_id))[-1]
    assert thread.current.text == text
    assert (thread.current.entry_type.value, thread.current.event_date) == ("home_visit", day)
    row = tab.model.rowCount() - 1
    assert tab.model.index(row, COL_EVENT).data().startswith(f"{day.isoformat()} hembesök\n")
    assert tab.model.index(row, COL_EVENT).data().endswith(f"\n{store.actor}")
    header = tab.model.headerData(COL_EVENT, Qt.Orientation.Horizontal)
    assert header == "Händelse och signering"

    tab.type_filter.setCurrentIndex(tab.type_filter.findData("home_visit"))
    shown = [tab.model.record(r) for r in range(tab.model.rowCount())]
    assert shown and all(t.current.entry_type.value == "home_visit" for t in shown)
    assert any(t.current.text == text for t in shown)
    assert "av den här typen" in tab.count.text()
    tab.type_filter.setCurrentIndex(tab.type_filter.findData("phone"))
    assert all(
        tab.model.record(r).current.entry_type.value == "phone" for r in range(tab.model.rowCount())
    )
    tab.type_filter.setCurrentIndex(0)
    assert tab.model.rowCount() == before + 1


def test_a_future_event_date_is_refused_and_nothing_is_stored(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    case_work, store = work
    case_id = open_case_with_principal(case_work, qtbot, store)
    tab = show_journal(qtbot, case_work)
    before = len(on_worker(lambda: journal(store, case_id)))
    dialog = new_entry(qtbot, tab)
    dialog.set_value("event_date", (dt.date.today() + dt.timedelta(days=2)).isoformat())
    dialog.set_value("text", f"Telefonsamtal {marker()}")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible, timeout=5000)
    assert "Händelsedatum" in dialog.error.text()
    assert dialog.inputs["event_date"].property("invalid") is True
    dialog.save_draft()  # a draft is refused the same way
    qtbot.waitUntil(lambda: dialog.draft_button.isEnabled(), timeout=5000)
    assert dialog.isVisible()
    assert len(on_worker(lambda: journal(store, case_id))) == before
    assert on_worker(lambda: drafts(store, case_id)) == []
    dialog.reject()


def test_a_template_starts_the_text_and_never_overwrites_what_was_typed(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    case_work, store = work
    open_case_with_principal(case_work, qtbot, store)
    body = f"Samtal om skolan.\nNästa steg: {marker()}"
    on_worker(lambda: add_template(store, entry_type="conversation", name="Skolsamtal", text=body))
    tab = show_journal(qtbot, case_work)
    dialog = new_entry(qtbot, tab)
    combo = dialog.template_combo
    dialog.set_value("entry_type", "phone")
    phone_names = {combo.itemText(i) for i in range(combo.count())}
    assert "Skolsamtal" not in phone_names  # the templates of the chosen type only
    dialog.set_value("entry_type", "conversation")
    index = combo.findText("Skolsamtal")
    assert index > 0 and combo.isEnabled()
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert dialog.value("text") == body
    combo.activated.emit(index)  # the template's own text again: replaced, not doubled
    assert dialog.value("text") == body
    typed = f"Egen text {marker()}"
    dialog.set_value("text", typed)
    combo.activated.emit(index)
    assert dialog.value("text") == f"{typed}\n\n{body}"  # what was typed stays first
    dialog.reject()


def test_a_draft_is_saved_continued_and_signed_and_only_its_author_sees_it(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    case_work, store = work
    case_id = open_case_with_principal(case_work, qtbot, store)
    me = store.actor

    def someone_elses() -> int:
        store.act_as("Annan Handläggare")
        try:
            return add_draft(store, case_id, f"Någon annans utkast {marker()}")
        finally:
            store.act_as(me)

    theirs = on_worker(someone_elses)
    tab = show_journal(qtbot, case_work)
    assert tab.drafts_model.rowCount() == 0 and not tab.drafts_box.isVisible()
    entries = len(on_worker(lambda: journal(store, case_id)))

    first = f"Utkast om boendet {marker()}"
    dialog = new_entry(qtbot, tab)
    dialog.set_value("entry_type", "network_meeting")
    dialog.set_value("text", first)
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.draft_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.drafts_model.rowCount() == 1, timeout=5000)
    assert tab.drafts_box.isVisible()
    mine = tab.drafts_model.record(0)
    assert mine.text == first and mine.author == me
    assert len(on_worker(lambda: journal(store, case_id))) == entries  # not in the journal
    assert {d.id for d in on_worker(lambda: drafts(store, case_id))} == {mine.id, theirs}

    tab.drafts_table.selectRow(0)
    qtbot.mouseClick(tab.continue_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, JournalEntryDialog) and dialog.draft is not None
    assert dialog.windowTitle() == "Utkast till journalanteckning"
    assert dialog.value("text") == first and dialog.value("entry_type") == "network_meeting"
    final = f"{first}\nKompletterat efter mötet."
    dialog.set_value("text", final)
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # Signera
    qtbot.waitUntil(lambda: tab.drafts_model.rowCount() == 0, timeout=5000)
    thread = on_worker(lambda: journal(store, case_id))[-1]
    assert thread.current.text == final and thread.current.author == me
    assert thread.current.entry_type.value == "network_meeting"
    assert [d.id for d in on_worker(lambda: drafts(store, case_id))] == [theirs]


def test_sign_or_throw_away_a_draft_from_the_list_after_a_question(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    case_work, store = work
    case_id = open_case_with_principal(case_work, qtbot, store)
    keep, drop = f"Signeras {marker()}", f"Slängs {marker()}"
    on_worker(lambda: add_draft(store, case_id, keep, entry_type="phone"))
    on_worker(lambda: add_draft(store, case_id, drop))
    tab = show_journal(qtbot, case_work)
    assert tab.drafts_model.rowCount() == 2
    tab.drafts_table.selectRow(0)
    qtbot.mouseClick(tab.sign_button, Qt.MouseButton.LeftButton)
    box = question("signDraftQuestion")
    assert keep[:20] in box.text()
    box.reject()  # Avbryt: nothing happens
    qtbot.wait(200)
    assert len(on_worker(lambda: drafts(store, case_id))) == 2
    qtbot.mouseClick(tab.sign_button, Qt.MouseButton.LeftButton)
    answer_yes(question("signDraftQuestion"))
    qtbot.waitUntil(lambda: tab.drafts_model.rowCount() == 1, timeout=5000)
    assert on_worker(lambda: journal(store, case_id))[-1].current.text == keep
    tab.drafts_table.selectRow(0)
    qtbot.mouseClick(tab.discard_button, Qt.MouseButton.LeftButton)
    answer_yes(question("discardDraftQuestion"))
    qtbot.waitUntil(lambda: tab.drafts_model.rowCount() == 0, timeout=5000)
    assert on_worker(lambda: drafts(store, case_id)) == []
    texts = [t.current.text for t in on_worker(lambda: journal(store, case_id))]
    assert drop not in texts  # thrown away, never part of the journal
    actions = [e.action for e in on_worker(lambda: store.audit.entries())][-3:]
    assert actions[-1] == "journal.draft_delete" and "journal.sign" in actions


def test_a_correction_can_change_the_type_and_the_event_date(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    case_work, store = work
    case_id = open_case_with_principal(case_work, qtbot, store)
    tab = show_journal(qtbot, case_work)
    row = next(
        r for r in range(tab.model.rowCount()) if not tab.model.record(r).current.is_erroneous
    )
    entry = tab.model.record(row).current
    tab.table.selectRow(row)
    qtbot.mouseClick(tab.correct_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None and dialog.value("event_date") == entry.event_on.isoformat()
    day = dt.date.today() - dt.timedelta(days=10)
    for key, value in (
        ("entry_type", "authority_contact"),
        ("event_date", day.isoformat()),
        ("reason", "Fel typ och datum angavs."),
    ):
        dialog.set_value(key, value)
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    thread = next(
        t
        for t in on_worker(lambda: journal(store, case_id))
        if t.current.original_id == entry.original_id
    )
    assert thread.is_corrected
    assert (thread.current.entry_type.value, thread.current.event_date) == (
        "authority_contact",
        day,
    )
    assert thread.earlier[-1].entry_type == entry.entry_type  # the earlier version unchanged

    def shown_row() -> int | None:
        for r in range(tab.model.rowCount()):
            item = tab.model.record(r)
            if item.current.original_id == entry.original_id and item.is_corrected:
                return r
        return None

    qtbot.waitUntil(lambda: shown_row() is not None, timeout=5000)
    now = shown_row()
    assert tab.model.index(now, COL_EVENT).data().startswith(f"{day.isoformat()} myndighetskontakt")
    assert "Rättad" in tab.model.index(now, COL_TEXT).data()


def test_templates_are_added_refused_changed_and_removed(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    case_work, store = work
    open_case_with_principal(case_work, qtbot, store)
    tab = show_journal(qtbot, case_work)
    dialog = tab.edit_templates()
    assert isinstance(dialog, TemplatesDialog)
    start = len(on_worker(lambda: templates(store)))
    qtbot.waitUntil(lambda: dialog.model.rowCount() == start, timeout=5000)
    name, body = f"Hembesök {marker()[:8]}", f"Vilka var där?\n{marker()}"
    dialog.start_new()
    dialog.kind.setCurrentIndex(dialog.kind.findData("home_visit"))
    dialog.name.setText(name)
    dialog.text.setPlainText(body)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == start + 1, timeout=5000)
    added = next(t for t in on_worker(lambda: templates(store)) if t.name == name)
    assert (added.entry_type.value, added.text) == ("home_visit", body)
    assert dialog.current is not None and dialog.current.id == added.id  # chosen after saving

    dialog.start_new()  # the same name for the same type is refused, in words
    dialog.kind.setCurrentIndex(dialog.kind.findData("home_visit"))
    dialog.name.setText(name)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.property("tone") == "error", timeout=5000)
    assert "Namn" in dialog.status.text()
    assert len(on_worker(lambda: templates(store))) == start + 1

    row = next(r for r in range(dialog.model.rowCount()) if dialog.model.record(r).id == added.id)
    dialog.table.selectRow(row)
    assert dialog.name.text() == name and not dialog.kind.isEnabled()
    dialog.text.setPlainText("Ny text")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.property("tone") == "ok", timeout=5000)
    assert (
        next(t for t in on_worker(lambda: templates(store)) if t.id == added.id).text == "Ny text"
    )
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    answer_yes(question("deleteTemplateQuestion"))
    qtbot.waitUntil(lambda: dialog.model.rowCount() == start, timeout=5000)
    assert all(t.id != added.id for t in on_worker(lambda: templates(store)))
    dialog.reject()
