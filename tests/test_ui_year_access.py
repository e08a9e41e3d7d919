"""The access log, reminder notifications, the calendar file and a received case, in the GUI
over real stores: "Vem har öppnat ärendet?" shows who opened the case (filtered by case and
by user) and exports CSV after a warning; due reminders are told at unlock and when one
falls due, by number and kind only; the calendar export writes case numbers and types only;
a case received with consent asks whether the person now lives here, and the duplicate check
offers to link it to our case about the same person."""

from __future__ import annotations

import csv
import datetime as dt
import stat
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from storage.casefile import cases, persons
from storage.casefile.access_log import log_case_open
from storage.casefile.followups import add_reminder
from storage.casefile.people import linked_cases
from sync.handover.exporting import ExportRequest, export_handover
from tests.case_fixtures import store_template
from tests.case_ui_fixtures import (  # noqa: F401 - fixtures
    app_sv,
    demo_session,
    gateway,
    made_store,
    on_worker,
    open_case_with_principal,
    work,
)
from tests.test_handover_support import rich_case
from tests.test_ui_case_view import show
from tests.ui_sync_fixtures import GuiWorld, gui_world
from ui.cases.case_work import CaseWork
from ui.cases.duplicates import DuplicateDialog
from ui.casework.access_log_view import AccessLogView
from ui.casework.calendar_export import CalendarExportDialog
from ui.handover.import_dialog import ImportDialog
from ui.handover.import_support import HomeMunicipalityDialog

__all__ = ["gui_world", "store_template"]


# ---------------------------------------------------------------- the access log


def test_who_has_opened_the_case_filtered_and_exported(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
    tmp_path: Path,
) -> None:
    case_work, store = work
    case_id = open_case_with_principal(case_work, qtbot, store)
    number = on_worker(lambda: cases.get_case(store, case_id).case_number)
    me = store.actor

    def colleague_opens() -> None:
        store.act_as("Kim Kollega")
        try:
            log_case_open(store, case_id, via="cli")
        finally:
            store.act_as(me)

    on_worker(colleague_opens)
    view = case_work.case_view
    show(qtbot, case_work, view.log)
    assert view.log.access_button.isVisible()
    qtbot.mouseClick(view.log.access_button, Qt.MouseButton.LeftButton)
    log = case_work.window.casework.open.get("access")  # type: ignore[attr-defined]
    assert isinstance(log, AccessLogView) and log.case.text() == number
    qtbot.waitUntil(lambda: log.model.rowCount() >= 2, timeout=10_000)
    rows = log.model.records()
    assert {r.subject for r in rows} == {number}
    assert {r.actor for r in rows} >= {me, "Kim Kollega"}
    assert (
        log.model.index(0, 3).data() == "Ärendet öppnades för läsning"
    )  # in words, not "case.open"

    log.user.setCurrentIndex(log.user.findData("Kim Kollega"))
    log.refresh()
    qtbot.waitUntil(lambda: {r.actor for r in log.model.records()} == {"Kim Kollega"}, timeout=5000)
    assert log.model.rowCount() == 1

    out = tmp_path / "logg.csv"
    log.export_to(out)
    qtbot.waitUntil(lambda: log.status.property("tone") == "ok", timeout=10_000)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    with out.open(encoding="utf-8", newline="") as f:
        lines = list(csv.reader(f))
    assert lines[0] == ["time_utc", "user", "action", "case_number", "details"]
    assert [(r[1], r[2], r[3]) for r in lines[1:]] == [("Kim Kollega", "case.open", number)]
    last = on_worker(lambda: store.audit.entries())[-1]
    assert (last.action, last.subject, last.details["count"]) == ("access_log.export", number, 1)
    log.reject()


# ---------------------------------------------------------------- notifications


def test_due_reminders_are_told_at_unlock_and_when_one_falls_due(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    case_work, store = work
    notifier = case_work.window.casework.notifier  # type: ignore[attr-defined]
    assert notifier is not None and notifier.tray is None  # no system tray offscreen
    due = case_work.reminders.due(0)
    assert due, "the demo store has reminders due"
    qtbot.waitUntil(notifier.bar.isVisible, timeout=10_000)
    text = notifier.bar.text.text()
    count = len(due)
    assert text.startswith(f"{count} påminnelse")
    assert "UV-" not in text and "·" not in text  # no case numbers, no masked labels
    assert all(r.note not in text for r in due if r.note and len(r.note) > 3)

    case_id = case_work.case_list.model.case_id(0)
    on_worker(
        lambda: add_reminder(store, case_id, due_on=dt.date.today(), text="Ring skolan (fiktivt)")
    )
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    notifier.bar.dismiss()
    notifier.today = lambda: tomorrow  # the day changes while unlocked
    notifier.check_day()
    qtbot.waitUntil(notifier.bar.isVisible, timeout=10_000)
    assert notifier.bar.text.text() == "1 påminnelse till förfaller nu: påminnelse."
    assert "Ring skolan" not in notifier.bar.text.text()
    notifier.check_day()  # the same day again: nothing more is told
    qtbot.wait(300)
    assert notifier.bar.text.text() == "1 påminnelse till förfaller nu: påminnelse."

    case_work.session.lock("manual")
    assert not notifier.bar.isVisible() and notifier.bar.text.text() == ""


# ---------------------------------------------------------------- the calendar file


def test_the_calendar_file_holds_case_numbers_and_types_only(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
    tmp_path: Path,
) -> None:
    case_work, store = work
    case_id = case_work.case_list.model.case_id(0)
    secret = "Samtal med Kim om flytten (fiktivt)"
    on_worker(lambda: add_reminder(store, case_id, due_on=dt.date.today(), text=secret))
    dialog = case_work.window.casework.export_calendar()  # type: ignore[attr-defined]
    assert isinstance(dialog, CalendarExportDialog)
    assert (
        "utanför den krypterade databasen"
        in dialog.findChild(type(dialog.status), "calendarWarning").text()
    )
    dialog.export_to(tmp_path / "kalender")
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=10_000)
    path = tmp_path / "kalender.ics"
    assert dialog.written == path and stat.S_IMODE(path.stat().st_mode) == 0o600
    data = path.read_bytes().decode("utf-8")
    assert data.startswith("BEGIN:VCALENDAR\r\n")
    number = on_worker(lambda: cases.get_case(store, case_id).case_number)
    assert f"SUMMARY:{number}: påminnelse" in data
    assert "Samtal med Kim" not in data and "·" not in data
    events = data.count("BEGIN:VEVENT")
    assert dialog.status.text().startswith(f"{events} händelse")
    last = on_worker(lambda: store.audit.entries())[-1]
    assert (last.action, last.details["events"]) == ("reminders.export", events)
    dialog.reject()


# ---------------------------------------------------------------- a received case


def _received(qtbot: QtBot, gw: GuiWorld, name: str) -> tuple[ImportDialog, int]:
    w = gw.world
    case_id = on_worker(lambda: rich_case(w.a))  # consent covers Lund; home: Malmö
    out = gw.dir / name
    request = ExportRequest(
        case_id, w.b_at_a, include_protected=True, reason="Lund ska folkbokföra (fiktivt)"
    )
    on_worker(lambda: export_handover(w.a, request, out))
    dialog = ImportDialog(gw.sb)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.open_file(out)
    qtbot.waitUntil(lambda: dialog.facts is not None, timeout=20_000)
    assert dialog.facts is not None and dialog.facts.legal_basis_code == "consent"
    dialog.accept_to(gw.dir / f"kvitto-{name}")
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=30_000)
    return dialog, dialog.outcome.case_id


def test_a_case_received_with_consent_asks_where_the_person_lives_and_links(
    qtbot: QtBot, gui_world: GuiWorld
) -> None:
    w = gui_world.world

    def ours() -> int:  # Lund already has a case about the same person
        case_id = cases.create_case(w.b, case_type="defector", home_municipality="Lund")
        persons.add_person(w.b, case_id, name="Jonas Jönsson", personnummer="19850202-9807")
        return case_id

    existing = on_worker(ours)
    dialog, new = _received(qtbot, gui_world, "samtycke.utvag")
    qtbot.waitUntil(lambda: isinstance(dialog.question, HomeMunicipalityDialog), timeout=10_000)
    asked = dialog.question
    assert isinstance(asked, HomeMunicipalityDialog)
    case = on_worker(lambda: cases.get_case(w.b, new))
    assert (case.home_municipality, case.stay_municipality) == ("Malmö", "Lund")
    assert asked.yes_button.text() == "&Ja, Lund blir bosättningskommun"
    qtbot.mouseClick(asked.yes_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(dialog.question, DuplicateDialog), timeout=10_000)
    duplicate = dialog.question
    assert isinstance(duplicate, DuplicateDialog) and duplicate.case_ids() == [existing]
    assert "19850202" not in duplicate.text.text() and "Jonas" not in duplicate.text.text()
    qtbot.mouseClick(duplicate.link_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: on_worker(lambda: linked_cases(w.b, new)) == [existing], timeout=10_000)
    assert on_worker(lambda: cases.get_case(w.b, new)).home_municipality == "Lund"
    actions = [(e.action, e.details.get("fields")) for e in on_worker(lambda: w.b.audit.entries())]
    assert ("case.update", ["home_municipality"]) in actions


def test_no_keeps_the_senders_municipality_of_residence(qtbot: QtBot, gui_world: GuiWorld) -> None:
    w = gui_world.world
    dialog, new = _received(qtbot, gui_world, "nej.utvag")
    qtbot.waitUntil(lambda: isinstance(dialog.question, HomeMunicipalityDialog), timeout=10_000)
    asked = dialog.question
    assert isinstance(asked, HomeMunicipalityDialog)
    before = len(on_worker(lambda: w.b.audit.entries()))
    qtbot.mouseClick(asked.no_button, Qt.MouseButton.LeftButton)
    qtbot.wait(300)
    case = on_worker(lambda: cases.get_case(w.b, new))
    assert (case.home_municipality, case.stay_municipality) == ("Malmö", "Lund")
    assert len(on_worker(lambda: w.b.audit.entries())) == before  # nothing changed or logged
    assert not isinstance(dialog.question, DuplicateDialog)  # no other case has the person


def test_a_lock_closes_and_clears_every_window_of_the_year(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    case_work, _store = work
    casework = case_work.window.casework  # type: ignore[attr-defined]
    opened = [
        casework.open_gallring(),
        casework.open_access_log(""),
        casework.open_partners(),
        casework.open_templates(),
        casework.export_calendar(),
    ]
    log = opened[1]
    assert isinstance(log, AccessLogView)
    log.reads_only.setChecked(False)  # every event of the last 30 days: the demo's
    log.refresh()
    qtbot.waitUntil(lambda: log.model.rowCount() > 0, timeout=10_000)
    gallring = opened[0]
    qtbot.waitUntil(lambda: gallring.plan is not None, timeout=10_000)  # type: ignore[union-attr]
    models = [log.model, gallring.due_model, gallring.kept_model]  # type: ignore[union-attr]
    case_work.session.lock("manual")
    assert all(
        not shiboken6.isValid(d) or not d.isVisible() for d in opened if d is not None
    )  # closed (and deleted once closed)
    assert all(not shiboken6.isValid(m) or m.rowCount() == 0 for m in models)
    assert casework.open == {}
    assert casework.open_gallring() is None  # nothing opens while locked
