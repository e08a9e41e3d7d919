"""The case view over a demo store: every tab renders; the journal shows a correction beside
its original and a felmarkerad entry struck and labelled; a reveal asks for a reason and is
audited; invalid input shows the domain's error and stores nothing; a lock clears every view,
model and dialog. (Creating each record type: tests/test_ui_case_records.py.)"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from storage.casefile.assessments import threat_assessments
from storage.casefile.cases import get_case
from storage.casefile.journal import journal
from storage.casefile.protection import (
    RevealField,
    reveal,
)
from storage.caseplan.endings import end_reason
from tests.case_ui_fixtures import (  # noqa: F401 - fixtures
    app_sv,
    demo_session,
    gateway,
    made_store,
    on_worker,
    open_case_with_principal,
    work,
)
from ui.case_view.journal_model import (
    COL_EARLIER,
    COL_TEXT,
)
from ui.cases.case_work import CaseWork
from ui.kit.masking import MaskedField
from ui.kit.tables import HTML_ROLE, TableModel
from ui.record_dialogs.form import RecordDialog

TAB_TITLES = [
    "Översikt",
    "Person och skydd",
    "Närstående",
    "Hotbild",
    "Nätverk",
    "Behov",
    "Insatser",
    "Beslut",
    "Vård och SIP",
    "Journal",
    "Handlingar",
    "Överlämning",
    "Samverkan",
    "Kollegor",
    "Logg",
]


def save(qtbot: QtBot, dialog: RecordDialog | None, **values: Any) -> Any:
    assert dialog is not None and dialog.isVisible()
    for key, value in values.items():
        dialog.set_value(key, value)
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    return saved.args[0]


def show(qtbot: QtBot, case_work: CaseWork, tab: Any) -> None:
    tab.loaded = False if tab.stale else tab.loaded
    case_work.case_view.show_tab(tab)
    qtbot.waitUntil(lambda: tab.loaded and not tab.stale, timeout=10_000)


def test_every_tab_renders_for_a_demo_case(qtbot: QtBot, work: tuple[CaseWork, Any]) -> None:  # noqa: F811
    case_work, store = work
    case_id = open_case_with_principal(case_work, qtbot, store)
    view = case_work.case_view
    assert view.section_titles() == TAB_TITLES
    case = on_worker(lambda: get_case(store, case_id))
    assert view.overview.values["number"].text().startswith(case.case_number)
    assert view.overview.values["home"].text() == case.home_municipality
    assert view.title.text().startswith(case.case_number)
    for tab in view.all_tabs():
        show(qtbot, case_work, tab)
        assert tab.isVisible()
    assert view.person.name.field is not None  # masked, with "Visa"
    assert view.person.name.field.value.text() == "••••••"
    assert view.journal.model.rowCount() == len(on_worker(lambda: journal(store, case_id)))
    assert view.threat.model.rowCount() == len(
        on_worker(lambda: threat_assessments(store, case_id))
    )
    assert view.network.groups_model.rowCount() > 0  # the demo group register
    for model in view.findChildren(TableModel):
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                assert isinstance(model.index(row, column).data(), str)


def test_journal_entry_then_correction_shown_beside_the_original(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    case_work, store = work
    case_id = open_case_with_principal(case_work, qtbot, store)
    tab = case_work.case_view.journal
    show(qtbot, case_work, tab)
    before = tab.model.rowCount()
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    save(qtbot, tab.dialog, text="Samtal med personen om boendet.\nNästa möte om två veckor.")
    qtbot.waitUntil(lambda: tab.model.rowCount() == before + 1, timeout=5000)
    last = tab.model.rowCount() - 1
    assert tab.model.index(last, COL_TEXT).data().endswith("Nästa möte om två veckor.")
    tab.table.selectRow(last)
    assert tab.correct_button.isEnabled()
    qtbot.mouseClick(tab.correct_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None and dialog.value("text").startswith("Samtal med personen")
    save(qtbot, dialog, text="Samtal med personen om boendet i Gävle.", reason="Fel ort angavs.")
    qtbot.waitUntil(lambda: "Gävle" in (tab.model.index(last, COL_TEXT).data() or ""), timeout=5000)
    assert tab.model.rowCount() == before + 1  # the same entry, a new version
    now = tab.model.index(last, COL_TEXT).data()
    earlier = tab.model.index(last, COL_EARLIER).data()
    assert "Rättad" in now and "Fel ort angavs." in now
    assert "Version 1" in earlier and "Nästa möte om två veckor." in earlier  # still readable
    thread = on_worker(lambda: journal(store, case_id))[-1]
    assert thread.is_corrected and thread.earlier[0].text.startswith("Samtal med personen")
    assert "&lt;" not in now  # plain text for screen readers; the rich text is escaped


def test_felmarkerad_entry_is_struck_and_labelled(qtbot: QtBot, work: tuple[CaseWork, Any]) -> None:  # noqa: F811
    case_work, store = work
    open_case_with_principal(case_work, qtbot, store)
    tab = case_work.case_view.journal
    show(qtbot, case_work, tab)
    row = next(r for r in range(tab.model.rowCount()) if not tab.model.record(r).is_erroneous)
    tab.table.selectRow(row)
    qtbot.mouseClick(tab.erroneous_button, Qt.MouseButton.LeftButton)
    save(qtbot, tab.dialog, reason="Anteckningen hör till ett annat ärende.")
    qtbot.waitUntil(lambda: tab.model.record(row).current.is_erroneous, timeout=5000)
    assert tab.model.index(row, COL_TEXT).data().startswith("Felmarkerad")
    assert "<s>" in tab.model.index(row, COL_TEXT).data(HTML_ROLE)
    tab.table.selectRow(row)
    assert not tab.correct_button.isEnabled() and not tab.erroneous_button.isEnabled()


def test_journal_html_escapes_the_text(qtbot: QtBot, work: tuple[CaseWork, Any]) -> None:  # noqa: F811
    case_work, store = work
    open_case_with_principal(case_work, qtbot, store)
    tab = case_work.case_view.journal
    show(qtbot, case_work, tab)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    save(qtbot, tab.dialog, text="<b>inte fet</b> & <img src=x>")
    qtbot.waitUntil(
        lambda: "inte fet" in str(tab.model.index(tab.model.rowCount() - 1, COL_TEXT).data())
    )
    html = tab.model.index(tab.model.rowCount() - 1, COL_TEXT).data(HTML_ROLE)
    assert "&lt;b&gt;inte fet&lt;/b&gt; &amp; &lt;img src=x&gt;" in html


def test_reveal_asks_for_a_reason_and_writes_an_audit_entry(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    case_work, store = work
    case_id = open_case_with_principal(case_work, qtbot, store)
    view = case_work.case_view
    show(qtbot, case_work, view.person)
    field = view.person.name.field
    assert field is not None and not field.is_revealed()
    qtbot.mouseClick(field.show_button, Qt.MouseButton.LeftButton)
    dialog = field.reason_dialog
    assert dialog is not None and not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.reason, "Samrad med polisen")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(field.is_revealed, timeout=5000)
    name = on_worker(lambda: reveal(store, case_id, RevealField.NAME, "testets kontroll"))
    assert field.value.text() == name
    number = on_worker(lambda: get_case(store, case_id)).case_number
    reveals = [
        e for e in on_worker(lambda: store.audit.entries(action="reveal")) if e.subject == number
    ]
    assert reveals[0].details["reason"] == "Samrad med polisen"
    assert reveals[0].details["field"] == "name"
    show(qtbot, case_work, view.log)  # the Logg tab shows who looked, and why
    model = view.log.model
    rows = [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    shown = [row for row in rows if row[3] == "Skyddad uppgift visades"]  # in words
    assert shown and shown[0][5] == "Uppgift: namn; skäl: ”Samrad med polisen”; person " + str(
        reveals[0].details["person_id"]
    )
    assert name not in " ".join(" ".join(row) for row in rows)  # never the value itself
    tip = model.index(rows.index(shown[0]), 3).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.endswith("reveal")  # the code, for logguppföljning


def test_invalid_input_shows_the_domain_error_and_stores_nothing(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    case_work, store = work
    case_id = open_case_with_principal(case_work, qtbot, store)
    tab = case_work.case_view.threat
    show(qtbot, case_work, tab)
    before = on_worker(lambda: len(threat_assessments(store, case_id)))
    audit_before = on_worker(lambda: len(store.audit.entries()))
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None
    for key, value in {
        "source_unit": "Polisen",
        "assessed_on": "2026-13-40",
        "summary": "x",
    }.items():
        dialog.set_value(key, value)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible, timeout=5000)
    assert dialog.isVisible()  # stays open with the input
    assert dialog.error.text().startswith("Bedömd är inte ett giltigt datum")
    assert dialog.inputs["assessed_on"].property("invalid") is True
    dialog.set_value("assessed_on", "2026-01-10")
    dialog.set_value("summary", "")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Sammanfattning" in dialog.error.text(), timeout=5000)
    assert on_worker(lambda: len(threat_assessments(store, case_id))) == before
    assert on_worker(lambda: len(store.audit.entries())) == audit_before
    assert message_boxes_open() == []  # shown in the dialog, not as an extra box
    dialog.reject()


def message_boxes_open() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def test_closing_a_case_needs_an_outcome(qtbot: QtBot, work: tuple[CaseWork, Any]) -> None:  # noqa: F811
    case_work, store = work
    case_id = open_case_with_principal(case_work, qtbot, store)
    tab = case_work.case_view.overview
    qtbot.mouseClick(tab.status_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None
    dialog.set_value("status", "closed")
    assert dialog.inputs["outcome"].isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible, timeout=5000)
    assert "utfall" in dialog.error.text().lower()
    assert not on_worker(lambda: get_case(store, case_id)).is_closed
    assert dialog.inputs["end_reason"].isEnabled()
    save(qtbot, dialog, outcome="completed", end_reason="plan_completed")
    case = on_worker(lambda: get_case(store, case_id))
    assert case.status.value == "closed" and case.outcome is not None
    ending = on_worker(lambda: end_reason(store, case_id))
    assert ending is not None and ending.reason.value == "plan_completed"
    qtbot.waitUntil(lambda: "avslutad" in tab.values["status"].text(), timeout=5000)
    assert "fullföljt" in tab.values["status"].text()
    qtbot.waitUntil(lambda: "avslutad" in case_work.case_view.badge.text(), timeout=5000)


def test_lock_clears_every_case_view_model_and_dialog(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    case_work, store = work
    open_case_with_principal(case_work, qtbot, store)
    view = case_work.case_view
    for tab in view.all_tabs():
        show(qtbot, case_work, tab)
    show(qtbot, case_work, view.person)
    field = view.person.name.field
    assert field is not None
    field.ask_reason()
    assert field.reason_dialog is not None
    field.reason_dialog.reason.setPlainText("kontroll")
    field.reason_dialog.accept()
    qtbot.waitUntil(field.is_revealed, timeout=5000)
    show(qtbot, case_work, view.journal)
    qtbot.mouseClick(view.journal.add_button, Qt.MouseButton.LeftButton)
    draft = view.journal.dialog
    assert draft is not None
    draft.set_value("text", "Ett utkast som inte har sparats")
    session = case_work.session
    with qtbot.waitSignal(session.locked, timeout=5000) as locked:  # type: ignore[attr-defined]
        session.lock("idle")
    assert locked.args == ["idle", True]  # the unsaved journal draft was discarded
    assert not draft.isVisible() and draft.value("text") is None
    assert not shiboken6.isValid(field) or not field.is_revealed()
    assert view.person.name.field is None  # the revealed value is gone with its widget
    models = [
        *view.findChildren(TableModel),
        view.journal.model,
        view.log.model,
        case_work.case_list.model,
        case_work.reminders_panel.model,
    ]
    assert all(m.rowCount() == 0 for m in models)
    assert view.title.text() == "" and view.case_id is None
    assert all(label.text() == "" for label in view.overview.values.values())
    assert view.interventions.agreements.tree.topLevelItemCount() == 0
    assert view.needs.chart.history == {} and view.needs.due.text() == ""
    assert view.decisions.detail.toPlainText() == "" and view.care.sip_detail.text() == ""
    assert case_work.window.case_stack.currentWidget() is not view  # type: ignore[attr-defined]
    visible = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
    ]
    assert visible == []


def test_handover_and_follow_up_buttons_pass_the_case_on(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    case_work, store = work
    case_id = open_case_with_principal(case_work, qtbot, store)
    view = case_work.case_view
    view.set_handover_available(True)
    view.set_follow_up_available(True)
    show(qtbot, case_work, view.handover)
    view.handoverRequested.disconnect()
    view.followUpRequested.disconnect()
    with qtbot.waitSignal(view.handoverRequested, timeout=2000) as handover:
        qtbot.mouseClick(view.handover.handover_button, Qt.MouseButton.LeftButton)
    assert handover.args == [case_id]
    show(qtbot, case_work, view.overview)
    with qtbot.waitSignal(view.followUpRequested, timeout=2000) as follow:
        qtbot.mouseClick(view.overview.follow_up_button, Qt.MouseButton.LeftButton)
    assert follow.args == [case_id]


def test_working_on_a_case_shows_its_protected_fields_until_it_is_left(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    case_work, store = work
    case_id = open_case_with_principal(case_work, qtbot, store)
    view = case_work.case_view
    show(qtbot, case_work, view.person)
    field = view.person.name.field
    assert field is not None and not field.is_revealed()
    number = on_worker(lambda: get_case(store, case_id)).case_number
    qtbot.mouseClick(view.work_button, Qt.MouseButton.LeftButton)
    dialog = view.work_dialog
    assert dialog is not None and not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.reason, "Hembesok idag")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(field.is_revealed, timeout=5000)
    assert view.work_note.isVisible() and view.work_grant is not None
    show(qtbot, case_work, view.relatives)  # a part loaded later shows its fields too
    relatives = [f for f in view.relatives.findChildren(MaskedField) if f.parentWidget()]
    qtbot.waitUntil(lambda: all(f.is_revealed() for f in relatives), timeout=5000)
    qtbot.wait(100)
    assert field.is_revealed()  # no 30-second re-mask while working on the case
    entries = [e for e in on_worker(lambda: store.audit.entries()) if e.subject == number]
    assert [e.action for e in entries].count("reveal.case_work") == 1
    assert "reveal" not in [e.action for e in entries]  # one reason, logged once
    other = next(
        i
        for i in range(case_work.case_list.model.rowCount())
        if case_work.case_list.model.case_id(i) != case_id
    )
    case_work.open_case_and_select(case_work.case_list.model.case_id(other))
    qtbot.waitUntil(lambda: view.case_id != case_id, timeout=5000)
    assert view.work_grant is None and not view.work_note.isVisible()
    assert not any(f.is_revealed() for f in view.findChildren(MaskedField))
