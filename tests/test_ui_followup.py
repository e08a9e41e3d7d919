"""Follow-up form and plan, the case timeline (no protected municipality reaches the widget),
the provider register with overdue controls (plan and record), and the main window's
entries for these screens (opened once, closed by the lock)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from storage.casefile import (
    interventions,
    placements,
)
from storage.casework.followup_results import follow_up_results
from storage.registers import providers
from storage.registers.provider_control import provider_interventions
from tests.case_fixtures import closed_case, new_case, store_template
from tests.ui_fixtures import app_sv, on_worker
from tests.ui_sync_fixtures import plain_store
from ui.contacts.contacts_view import ContactsView
from ui.knowledge.followup_view import FollowUpDialog
from ui.knowledge.providers_view import ProvidersView
from ui.window.main_window import MainWindow
from ui.window.settings_dialog import UiPreferences

__all__ = ["app_sv", "plain_store", "store_template"]
TODAY = dt.date.today()


def _texts(table: Any) -> list[list[str]]:
    return [
        [table.model().index(r, c).data() for c in range(table.model().columnCount())]
        for r in range(table.model().rowCount())
    ]


def test_follow_up_plan_form_and_results(qtbot: QtBot, plain_store: tuple[Any, Any]) -> None:
    store, session = plain_store
    case_id = on_worker(lambda: closed_case(store, TODAY - dt.timedelta(days=200)))
    dialog = FollowUpDialog(session, case_id)
    qtbot.addWidget(dialog)
    dialog.show()
    panel = dialog.followup
    qtbot.waitUntil(lambda: panel.save_button.isEnabled(), timeout=5000)
    assert dialog.windowTitle() == "Uppföljning och tidslinje"
    lines = panel.plan.text().splitlines()
    assert lines[0].startswith("uppföljning 6 månader: senast ") and lines[0].endswith("FÖRSENAD")
    assert lines[1].endswith("inte dags än") and panel.plan.property("tone") == "warning"
    assert panel.kind.currentData() == "six_months"
    panel.status.setCurrentIndex(panel.status.findData("stable"))
    panel.housing.setCurrentIndex(panel.housing.findData("own_tenancy"))
    panel.notes.setPlainText("Bor kvar, arbetar heltid.")
    assert panel.has_unsaved_edits()
    with qtbot.waitSignal(panel.saved, timeout=5000):
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.results.model().rowCount() == 1, timeout=5000)
    assert _texts(panel.results)[0][1:4] == [
        "uppföljning 6 månader",
        "stabil situation",
        "eget kontrakt",
    ]
    assert "gjord" in panel.plan.text().splitlines()[0] and not panel.has_unsaved_edits()
    saved = on_worker(lambda: follow_up_results(store, case_id))
    assert saved[0].summary == "Bor kvar, arbetar heltid."
    session.lock()
    assert panel.results.model().rowCount() == 0 and panel.plan.text() == ""


def test_timeline_hides_where_someone_was_moved(qtbot: QtBot, plain_store: tuple[Any, Any]) -> None:
    store, session = plain_store
    case_id = on_worker(lambda: new_case(store))
    on_worker(
        lambda: placements.add_placement(
            store, case_id, municipality="Hemligstad", moved_in_on=TODAY
        )
    )
    dialog = FollowUpDialog(session, case_id)
    qtbot.addWidget(dialog)
    table = dialog.timeline.table
    qtbot.waitUntil(lambda: table.model().rowCount() == 2, timeout=5000)
    rows = _texts(table)
    assert rows[0][1] == "Aktualisering"
    assert rows[1][2].startswith("Flytt till ny placering (orten är skyddad")
    assert not any("Hemligstad" in cell for row in rows for cell in row)


def _provider_case(store: Any) -> tuple[int, int]:
    case_id = new_case(store, home_municipality="Malmö")
    provider = providers.add_provider(store, name="Trygga Hem AB (fiktiv)", kind="private")
    interventions.add_intervention(
        store,
        case_id,
        type="protected_housing",
        started_on=TODAY - dt.timedelta(days=60),
        provider_id=provider,
        control_interval_days=30,
    )
    return case_id, provider


def test_provider_register_overdue_plan_and_record(
    qtbot: QtBot, plain_store: tuple[Any, Any]
) -> None:
    store, session = plain_store
    _case, provider = on_worker(lambda: _provider_case(store))
    view = ProvidersView(session)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.provider_table.model().rowCount() == 1, timeout=5000)
    assert view.overdue.text().startswith("1 kontroll försenad: ")
    assert view.overdue.property("tone") == "warning"
    assert _texts(view.provider_table)[0][:5] == [
        "Trygga Hem AB (fiktiv)",
        "enskild",
        "1",
        "0",
        "1 försenad",
    ]
    view.provider_table.selectRow(0)
    qtbot.waitUntil(lambda: view.item_table.model().rowCount() == 1, timeout=5000)
    assert view.plan_button.isEnabled() and not view.record_button.isEnabled()
    assert _texts(view.item_table)[0][3] == "30 dagar"
    view.plan(provider, TODAY, "Oanmält besök")
    qtbot.waitUntil(lambda: view.message.text() == "1 kontroll planerad.", timeout=5000)
    qtbot.waitUntil(lambda: view.item_table.model().rowCount() == 1, timeout=5000)
    view.item_table.selectRow(0)
    qtbot.waitUntil(lambda: view.control_table.model().rowCount() == 1, timeout=5000)
    view.control_table.selectRow(0)
    assert view.record_button.isEnabled()
    control = view.current_control()
    view.record(control.id, TODAY, "Inga brister.", view.current_provider())
    qtbot.waitUntil(lambda: view.message.text() == "Kontrollen registrerades.", timeout=5000)
    items = on_worker(lambda: provider_interventions(store, provider))
    assert items[0].controls[0].done_on == TODAY and not items[0].overdue
    qtbot.waitUntil(lambda: view.overdue.text() == "Ingen kontroll är försenad.", timeout=5000)


def test_main_window_entries_open_once_and_close_on_lock(
    qtbot: QtBot, plain_store: tuple[Any, Any]
) -> None:
    store, session = plain_store
    from sync.trust.identity import ensure_identity

    on_worker(lambda: ensure_identity(store, "Malmö", "Exit", "Anna"))
    window = MainWindow(session, UiPreferences())
    qtbot.addWidget(window)
    window.show()
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("Ö&verlämning") == titles.index("Ve&rktyg") - 1  # then Verktyg
    assert titles.index("Ve&rktyg") == titles.index("&Språk") - 1
    assert window.tools.backup_action in window.file_menu.actions()
    window.session_opened()
    window.tools.contacts_action.trigger()
    window.tools.contacts_action.trigger()
    views = [w for w in window.findChildren(ContactsView) if w.isVisible()]
    assert len(views) == 1
    window.tools.open_providers()
    case_id = on_worker(lambda: closed_case(store, TODAY - dt.timedelta(days=200)))
    window.tools.open_followup(case_id)
    followup = window.tools.open[f"followup:{case_id}"]
    assert isinstance(followup, FollowUpDialog)
    panel = followup.followup
    qtbot.waitUntil(panel.save_button.isEnabled, timeout=5000)
    with qtbot.waitSignal(window.tools.caseChanged, timeout=5000) as changed:
        panel.save()
    assert changed.args == [case_id]
    assert window.tools.open.keys() == {"contacts", "providers", f"followup:{case_id}"}
    session.lock()
    assert not views[0].isVisible() and window.tools.open == {}
