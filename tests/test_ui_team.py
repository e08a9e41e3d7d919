"""The Kollegor part of the case view, in Swedish, on a real store shared with a real
colleague's store: the role badge, the colleague with what they have of our changes, a
conflict shown as "Ändrat av båda: …" with both versions and resolved by a click (the
choice is a change that syncs), "Dela med kollega…" refusing a stand-in without an end
date, and the contacts view showing colleagues apart."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.session import Session
from storage.casefile import cases, persons, placements
from storage.team.conflicts import case_conflicts
from sync.team import members
from sync.team.folder import set_sync_folder, sync_folder
from sync.trust import contacts, identity
from tests.case_fixtures import copy_store, store_template
from tests.ui_fixtures import IDENTITY, app_sv, gateway, made_store, on_worker  # noqa: F401
from ui.cases.case_work import CaseWork, install_case_work
from ui.contacts.contacts_view import ContactsView
from ui.window.main_window import MainWindow
from ui.window.settings_dialog import UiPreferences

__all__ = ["store_template"]


@pytest.fixture
def shared(
    made_store: tuple[Any, str],  # noqa: F811
    app_sv: Any,  # noqa: F811
    store_template: Path,
    tmp_path: Path,
) -> Iterator[tuple[Any, Any, int, Path]]:
    """Our store (in a session) and a colleague's, one case shared with a conflict on it."""
    store, _code = made_store
    colleague = copy_store(store_template, tmp_path / "kollega", actor="Bertil Berg")
    identity.ensure_identity(colleague, IDENTITY.municipality, IDENTITY.unit, "Bertil Berg")
    folder = tmp_path / "delad"
    folder.mkdir()

    def setup() -> int:
        theirs = contacts.import_card(store, identity.export_card(colleague))
        contacts.verify_contact(store, theirs, identity.get_identity(colleague).fingerprint)
        ours = contacts.import_card(colleague, identity.export_card(store))
        contacts.verify_contact(colleague, ours, identity.get_identity(store).fingerprint)
        case_id = cases.create_case(store, case_type="defector", home_municipality="Malmö")
        persons.add_person(store, case_id, name="Jonas Jönsson (fiktiv)", birth_year=1994)
        members.share_case(store, case_id, theirs, "co")
        sync_folder(store, folder)
        sync_folder(colleague, folder)
        their_case = int(colleague.conn.execute("SELECT max(id) FROM cases").fetchone()[0])
        cases.update_case(store, case_id, stay_municipality="Ystad (fiktiv)")
        cases.update_case(colleague, their_case, stay_municipality="Eslöv (fiktiv)")
        for s in (store, colleague, store):
            sync_folder(s, folder)
        return case_id

    case_id = int(on_worker(setup))
    session = Session(store.path)
    session.attach(store)
    yield session, store, case_id, folder
    session.idle.stop()
    colleague.close()


def test_team_part_shows_roles_and_resolves_a_conflict(
    qtbot: QtBot, shared: tuple[Any, Any, int, Path]
) -> None:
    session, store, case_id, _folder = shared
    window = MainWindow(session, UiPreferences())
    qtbot.addWidget(window)
    work: CaseWork = install_case_work(window, session)
    window.resize(1280, 720)
    window.show()
    work.open_case_and_select(case_id)
    view = work.case_view
    assert "Kollegor" in view.section_titles()
    tab = view.team
    view.show_tab(tab)
    qtbot.waitUntil(lambda: tab.loaded, timeout=10_000)
    assert tab.role_badge.text() == "Din roll: Ansvarig handläggare"
    qtbot.waitUntil(lambda: view.badge.text().endswith(" · ansvarig"), timeout=10_000)
    work.case_list.load()
    model_rows = work.case_list.model
    qtbot.waitUntil(lambda: model_rows.rowCount() > 0, timeout=10_000)
    statuses = [model_rows.index(r, 3).data() for r in range(model_rows.rowCount())]
    assert "aktualiserad · ansvarig" in statuses  # the role badge in the case list
    model = tab.members_model
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "Bertil Berg"
    assert model.index(0, 1).data() == "Medhandläggare"
    assert model.index(0, 5).data() != "–"  # Bertil has our changes up to a time
    rows = tab.conflicts_model
    assert rows.rowCount() == 2
    assert rows.index(0, 0).data() == "Ändrat av båda: Vistelsekommun"
    assert {rows.index(r, 3).data() for r in range(2)} == {"Ystad (fiktiv)", "Eslöv (fiktiv)"}
    assert {rows.index(r, 1).data() for r in range(2)} == {"Bertil Berg", IDENTITY.caseworker}
    keep = next(r for r in range(2) if rows.index(r, 3).data() == "Eslöv (fiktiv)")
    tab.conflicts.selectRow(keep)
    assert tab.keep_button.isEnabled()
    qtbot.mouseClick(tab.keep_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.conflicts_model.rowCount() == 0, timeout=10_000)
    assert on_worker(lambda: case_conflicts(store, case_id)) == []
    got = on_worker(lambda: cases.get_case(store, case_id).stay_municipality)
    assert got == "Eslöv (fiktiv)"
    # "Dela med kollega…": a stand-in without an end date is refused in the dialog
    dialog = tab.open_share()
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    dialog.set_value("role", "stand_in")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "ersättare" in dialog.error.text(), timeout=10_000)
    assert dialog.isVisible()
    dialog.reject()


def test_contacts_show_colleagues_apart(qtbot: QtBot, shared: tuple[Any, Any, int, Path]) -> None:
    session, _store, _case_id, _folder = shared
    view = ContactsView(session)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10_000)
    assert view.model.index(0, 2).data() == "Bertil Berg · kollega i din enhet"


def test_sync_now_uses_the_chosen_folder(qtbot: QtBot, shared: tuple[Any, Any, int, Path]) -> None:
    session, store, _case_id, folder = shared
    window = MainWindow(session, UiPreferences())
    qtbot.addWidget(window)
    install_case_work(window, session)
    window.show()
    team = window.tools.team
    on_worker(lambda: set_sync_folder(store, folder))
    with qtbot.waitSignal(team.synced, timeout=20_000) as synced:
        team.sync_action.trigger()
    report = synced.args[0]
    assert report.refused == []
    assert team.status.text().startswith("Synkat ")
    actions = on_worker(lambda: [e.action for e in store.audit.entries()])
    assert "team.folder" in actions


@pytest.fixture
def shared_to_us(
    made_store: tuple[Any, str],  # noqa: F811
    app_sv: Any,  # noqa: F811
    store_template: Path,
    tmp_path: Path,
) -> Iterator[tuple[Any, Any, int]]:
    """A colleague's case with a protected principal and a placement, shared with us (the
    session's store) as co-caseworker without the protected details."""
    store, _code = made_store
    colleague = copy_store(store_template, tmp_path / "kollega", actor="Bertil Berg")
    identity.ensure_identity(colleague, IDENTITY.municipality, IDENTITY.unit, "Bertil Berg")
    folder = tmp_path / "delad"
    folder.mkdir()

    def setup() -> int:
        theirs = contacts.import_card(store, identity.export_card(colleague))
        contacts.verify_contact(store, theirs, identity.get_identity(colleague).fingerprint)
        ours = contacts.import_card(colleague, identity.export_card(store))
        contacts.verify_contact(colleague, ours, identity.get_identity(store).fingerprint)
        case_id = cases.create_case(colleague, case_type="defector", home_municipality="Malmö")
        persons.add_person(
            colleague,
            case_id,
            name="Skyddad Person (fiktiv)",
            birth_year=1994,
            protection_level="protected_registration",
        )
        placements.add_placement(
            colleague,
            case_id,
            municipality="Eslöv",
            moved_in_on="2026-11-01",
            street="Hemliga vägen 1 (fiktiv)",
            city="Eslöv",
        )
        members.share_case(colleague, case_id, ours, "co")
        sync_folder(colleague, folder)
        sync_folder(store, folder)
        return int(store.conn.execute("SELECT max(id) FROM cases").fetchone()[0])

    case_id = int(on_worker(setup))
    session = Session(store.path)
    session.attach(store)
    yield session, store, case_id
    session.idle.stop()
    colleague.close()


def test_without_the_protected_details_their_edits_are_not_offered(
    qtbot: QtBot, shared_to_us: tuple[Any, Any, int]
) -> None:
    session, _store, case_id = shared_to_us
    window = MainWindow(session, UiPreferences())
    qtbot.addWidget(window)
    work: CaseWork = install_case_work(window, session)
    window.show()
    work.open_case_and_select(case_id)
    view = work.case_view
    tab = view.person
    view.show_tab(tab)
    qtbot.waitUntil(lambda: tab.loaded and tab.principal is not None, timeout=10_000)
    assert not tab.identity_button.isEnabled()
    assert "skyddade uppgifterna" in tab.identity_button.toolTip()
    qtbot.waitUntil(lambda: tab.placements_model.rowCount() == 1, timeout=10_000)
    tab.placements_table.selectRow(0)
    assert not tab.address_button.isEnabled()
    assert tab.edit_button.isEnabled()  # the rest of the person can still be edited
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    assert "name" not in dialog.inputs and "personnummer" not in dialog.inputs
    assert "gender" in dialog.inputs
    dialog.reject()
    tab._placement_dialog()
    placement_dialog = tab.dialog
    assert placement_dialog is not None
    assert "street" not in placement_dialog.inputs and "municipality" in placement_dialog.inputs
    placement_dialog.reject()
