"""Finding people, partners and the relocation checklist in the GUI, over a real demo store:
a personnummer typed in the search finds exactly that person; adding a person whose number
is in another case asks "Personen finns redan i ärende UV-…" (link, save without a link, or
go back: nothing stored); the partner register (a refused phone number, a new partner, its
cases) and the case's partners (link with a role, change it, remove the link); the
relocation checklist of a placement (start, done, not done after all, another task)."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from storage.casefile import cases, persons, placements
from storage.casefile.people import linked_cases
from storage.casework.relocation import case_tasks
from storage.records.personnummer import make_identity_number
from storage.registers.partners import case_partners, partners
from tests.case_ui_fixtures import (  # noqa: F401 - fixtures
    app_sv,
    demo_session,
    gateway,
    made_store,
    on_worker,
    work,
)
from tests.test_ui_case_view import show
from ui.cases.case_work import CaseWork
from ui.cases.duplicates import DuplicateDialog
from ui.casework.partners_view import PartnersView
from ui.record_dialogs.form import RecordDialog


def marker() -> str:
    return secrets.token_hex(16)


def click(qtbot: QtBot, button: Any) -> None:
    assert button.isVisible() and button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def fill_and_save(qtbot: QtBot, dialog: RecordDialog | None, **values: Any) -> Any:
    assert dialog is not None and dialog.isVisible()
    for key, value in values.items():
        dialog.set_value(key, value)
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    return saved.args[0]


def a_case(store: Any, *, personnummer: str | None = None, name: str | None = None) -> int:
    def make() -> int:
        case_id = cases.create_case(store, case_type="defector", home_municipality="Exempelkommun")
        if personnummer is not None:
            persons.add_person(
                store, case_id, name=name or "Fiktiv Person", personnummer=personnummer
            )
        return case_id

    return int(on_worker(make))


def open_case(qtbot: QtBot, case_work: CaseWork, case_id: int) -> None:
    view = case_work.case_view
    view.show_tab(view.overview)
    case_work.open_case_and_select(case_id)
    qtbot.waitUntil(
        lambda: (
            view.summary is not None and view.summary.case_id == case_id and view.overview.loaded
        ),
        timeout=10_000,
    )


def visible_boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


# ---------------------------------------------------------------- finding people


def test_a_personnummer_in_the_search_finds_exactly_that_person(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    case_work, store = work
    number = make_identity_number(dt.date(1991, 4, 9), 982)
    neighbour = make_identity_number(dt.date(1991, 4, 9), 983)
    wanted = a_case(store, personnummer=number, name="Sökt Person")
    a_case(store, personnummer=neighbour, name="Granne Person")
    case_work.case_list.search.setText(number.replace("-", "")[2:])  # 10 digits, no hyphen
    qtbot.waitUntil(lambda: case_work.case_list.model.rowCount() == 1, timeout=10_000)
    assert case_work.case_list.model.case_id(0) == wanted
    actions = [e.action for e in on_worker(lambda: store.audit.entries())]
    assert actions[-1] == "person.lookup"  # who looked the person up is logged


def test_adding_a_person_who_is_in_another_case_asks_to_link(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    case_work, store = work
    number = make_identity_number(dt.date(1990, 5, 20), 984)
    first = a_case(store, personnummer=number)
    first_number = on_worker(lambda: cases.get_case(store, first).case_number)
    second = a_case(store)
    open_case(qtbot, case_work, second)
    tab = case_work.case_view.person
    show(qtbot, case_work, tab)

    def add_principal() -> DuplicateDialog:
        click(qtbot, tab.add_button)
        dialog = tab.dialog
        assert dialog is not None
        dialog.set_value("name", f"Samma Person {marker()}")
        dialog.set_value("personnummer", number[2:])  # another written form of the number
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.duplicate_dialog is not None, timeout=10_000)
        asked = dialog.duplicate_dialog
        assert isinstance(asked, DuplicateDialog) and asked.isVisible()
        return asked

    asked = add_principal()
    assert asked.text.text().startswith(f"Personen finns redan i ärende {first_number}")
    assert number not in asked.text.text() and "Fiktiv" not in asked.text.text()  # masked
    asked.reject()  # Avbryt: back to the form, nothing stored
    qtbot.wait(200)
    assert on_worker(lambda: persons.persons(store, second)) == []
    assert tab.dialog is not None and tab.dialog.isVisible()
    tab.dialog.reject()

    asked = add_principal()
    with qtbot.waitSignal(tab.dialog.saved, timeout=10_000):
        click(qtbot, asked.link_button)
    assert len(on_worker(lambda: persons.persons(store, second))) == 1
    assert on_worker(lambda: linked_cases(store, second)) == [first]
    actions = [e.action for e in on_worker(lambda: store.audit.entries())][-2:]
    assert actions == ["person.add", "case.link"]

    third = a_case(store)  # "save without a link": saved, not linked
    open_case(qtbot, case_work, third)
    show(qtbot, case_work, tab)
    asked = add_principal()
    assert asked.text.text().count("Personen finns redan") == 2  # both cases named
    with qtbot.waitSignal(tab.dialog.saved, timeout=10_000):
        click(qtbot, asked.go_on_button)
    assert len(on_worker(lambda: persons.persons(store, third))) == 1
    assert on_worker(lambda: linked_cases(store, third)) == []


def test_an_invalid_personnummer_is_refused_before_any_check(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    case_work, store = work
    case_id = a_case(store)
    open_case(qtbot, case_work, case_id)
    tab = case_work.case_view.person
    show(qtbot, case_work, tab)
    click(qtbot, tab.add_button)
    dialog = tab.dialog
    assert dialog is not None
    dialog.set_value("name", "Fel Nummer")
    dialog.set_value("personnummer", "19900520-0000")  # the control digit is wrong
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible, timeout=5000)
    assert "kontrollsiffra" in dialog.error.text().lower()
    assert "19900520" not in dialog.error.text()  # the number is never echoed
    assert dialog.inputs["personnummer"].property("invalid") is True
    assert on_worker(lambda: persons.persons(store, case_id)) == []
    dialog.reject()


# ---------------------------------------------------------------- partners


def test_the_partner_register_and_a_cases_partners(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    case_work, store = work
    view = case_work.window.casework.open_partners()  # type: ignore[attr-defined]
    assert isinstance(view, PartnersView)
    qtbot.waitUntil(lambda: view.count.text() != "", timeout=5000)
    before = view.model.rowCount()
    click(qtbot, view.new_button)
    dialog = view.dialog
    assert dialog is not None
    name = f"Kim Kontakt {marker()[:8]}"
    for key, value in (
        ("kind", "police"),
        ("name", name),
        ("organisation", "Polisregion Exempel"),
        ("phone", "ring mig"),
    ):
        dialog.set_value(key, value)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible, timeout=5000)
    assert dialog.error.text().startswith("Telefon")  # the field's own label
    assert len(on_worker(lambda: partners(store))) == before
    partner_id = fill_and_save(qtbot, dialog, phone="010-123 45 67", email="kim@example.invalid")
    qtbot.waitUntil(lambda: view.model.rowCount() == before + 1, timeout=5000)

    case_id = a_case(store, personnummer=make_identity_number(dt.date(1988, 1, 2), 985))
    open_case(qtbot, case_work, case_id)
    section = case_work.case_view.partners
    show(qtbot, case_work, section)
    assert section.link_button.isEnabled()
    click(qtbot, section.link_button)
    link = section.dialog
    fill_and_save(qtbot, link, partner_id=partner_id, role="kontaktpolis")
    qtbot.waitUntil(lambda: section.model.rowCount() == 1, timeout=5000)
    assert section.model.index(0, 1).data() == "kontaktpolis"
    assert section.model.index(0, 3).data() == "010-123 45 67"
    assert section.model.index(0, 4).data() == "kim@example.invalid"
    section.table.selectRow(0)
    click(qtbot, section.role_button)
    change = section.dialog
    assert change is not None and not change.inputs["partner_id"].isEnabled()
    fill_and_save(qtbot, change, role="kontaktpolis, personsäkerhet")
    qtbot.waitUntil(
        lambda: section.model.index(0, 1).data() == "kontaktpolis, personsäkerhet", timeout=5000
    )
    assert [p.role for p in on_worker(lambda: case_partners(store, case_id))] == [
        "kontaktpolis, personsäkerhet"
    ]

    row = next(r for r in range(view.model.rowCount()) if view.model.record(r).id == partner_id)
    view.table.selectRow(row)
    qtbot.waitUntil(lambda: view.cases_model.rowCount() == 1, timeout=5000)
    label = on_worker(lambda: cases.get_case(store, case_id).case_number)
    assert view.cases_model.index(0, 0).data().startswith(label)  # the masked label
    assert view.cases_title.text() == "Kopplad till 1 ärende"

    section.table.selectRow(0)
    click(qtbot, section.unlink_button)
    [box] = visible_boxes()
    assert box.objectName() == "unlinkPartnerQuestion" and name in box.text()
    yes = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    yes.click()
    qtbot.waitUntil(lambda: section.model.rowCount() == 0, timeout=5000)
    assert on_worker(lambda: case_partners(store, case_id)) == []
    assert any(p.id == partner_id for p in on_worker(lambda: partners(store)))  # kept
    view.reject()


# ---------------------------------------------------------------- relocation checklist


def test_the_relocation_checklist_of_a_placement(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    case_work, store = work
    case_id = a_case(store, personnummer=make_identity_number(dt.date(1987, 6, 7), 986))
    on_worker(
        lambda: placements.add_placement(
            store, case_id, municipality="Skyddsby", moved_in_on=dt.date.today()
        )
    )
    open_case(qtbot, case_work, case_id)
    tab = case_work.case_view.person
    show(qtbot, case_work, tab)
    section = tab.checklist
    assert section.note.text() == "Placeringen har ingen flyttchecklista än."
    click(qtbot, section.start_button)
    due = (dt.date.today() + dt.timedelta(days=7)).isoformat()
    fill_and_save(qtbot, tab.dialog, responsible="Alex Exempelsson", due_on=due)
    qtbot.waitUntil(lambda: section.model.rowCount() == 7, timeout=5000)
    assert not section.start_button.isVisible()  # started once
    assert section.note.text() == "7 uppgifter kvar"
    assert section.model.index(0, 0).data() == "skyddad folkbokföring sökt hos Skatteverket"
    assert section.model.index(0, 1).data() == "Alex Exempelsson"
    assert section.model.index(0, 2).data() == due

    section.table.selectRow(1)
    click(qtbot, section.done_button)
    fill_and_save(qtbot, tab.dialog)  # done today
    qtbot.waitUntil(lambda: section.note.text() == "6 uppgifter kvar", timeout=5000)
    done = [t for t in on_worker(lambda: case_tasks(store, case_id)) if t.done]
    assert len(done) == 1 and done[0].done_by == store.actor
    row = next(r for r in range(7) if section.model.record(r).done)
    section.table.selectRow(row)
    assert section.reopen_button.isEnabled() and not section.done_button.isEnabled()
    click(qtbot, section.reopen_button)
    qtbot.waitUntil(lambda: section.note.text() == "7 uppgifter kvar", timeout=5000)

    click(qtbot, section.add_button)
    dialog = tab.dialog
    assert dialog is not None
    dialog.set_value("task", "other")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible, timeout=5000)
    assert dialog.error.text().startswith("Beskrivning")
    assert len(on_worker(lambda: case_tasks(store, case_id))) == 7
    fill_and_save(qtbot, dialog, description="Byta bank (fiktivt)", responsible="Alex")
    qtbot.waitUntil(lambda: section.model.rowCount() == 8, timeout=5000)
    assert section.model.index(7, 0).data() == "annan uppgift: Byta bank (fiktivt)"
    case_work.reminders.reload()
    qtbot.waitUntil(
        lambda: any(
            r.kind.value == "relocation_task" and r.case_id == case_id
            for r in case_work.reminders.due(30)
        ),
        timeout=10_000,
    )
