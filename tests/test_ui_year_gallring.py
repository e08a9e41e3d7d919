"""Gallring in the GUI, over a real store with demo cases and cases closed six years ago: the
plan (due and kept, with the reasons), the two-step confirmation with the decision typed in,
the run (the cases are gone, an open one closes, the list reloads), the protocol, a plan that
changed meanwhile (refused, nothing deleted), a cancelled run (nothing deleted), the yearly
reminder in the status bar, and the backup view saying a backup still holds weeded cases."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from storage.backup.backups import create_backup
from storage.casefile import cases
from storage.casefile.case_list import list_case_ids
from storage.casework.gallring import gallring_plan
from storage.casework.gallring_protocol import protocols
from storage.errors import NotFoundError
from storage.records.personnummer import make_identity_number
from tests.case_fixtures import closed_case, days
from tests.case_ui_fixtures import (  # noqa: F401 - fixtures
    CancelAfterFirstCase,
    app_sv,
    demo_session,
    gateway,
    made_store,
    on_worker,
    work,
)
from tests.ui_fixtures import PASSPHRASE
from ui.cases.case_work import CaseWork
from ui.casework.gallring_view import (
    GallringCancelledError,
    GallringConfirmDialog,
    GallringView,
    gallring_work,
)
from ui.window.backup_dialog import BackupDialog

OLD = days(-6 * 366)
SAMPLE = make_identity_number(dt.date(1980, 3, 15), 981)  # born on the 15th: research sample
NOT_SAMPLE = make_identity_number(dt.date(1980, 3, 16), 983)


def exists(store: Any, case_id: int) -> bool:
    def check() -> bool:
        try:
            cases.get_case(store, case_id)
        except NotFoundError:
            return False
        return True

    return bool(on_worker(check))


def old_cases(store: Any) -> dict[str, int]:
    def make() -> dict[str, int]:
        due = closed_case(store, OLD, text="Avslut", personnummer=NOT_SAMPLE)
        exempt = closed_case(store, OLD, name="Undan Tagen")
        cases.set_gallring_exemption(store, exempt, True, "Begärt av IVO (fiktivt)")
        sample = closed_case(store, OLD, personnummer=SAMPLE, name="Född Femtonde")
        return {"due": due, "exempt": exempt, "sample": sample}

    return dict(on_worker(make))


def open_view(qtbot: QtBot, case_work: CaseWork) -> GallringView:
    view = case_work.window.casework.open_gallring()  # type: ignore[attr-defined]
    assert isinstance(view, GallringView)
    qtbot.waitUntil(lambda: view.plan is not None, timeout=10_000)
    return view


def number(store: Any, case_id: int) -> str:
    return str(on_worker(lambda: cases.get_case(store, case_id).case_number))


def test_plan_confirmation_run_and_protocol(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    case_work, store = work
    w = old_cases(store)
    case_work.case_list.load()
    qtbot.waitUntil(lambda: w["due"] in on_worker(lambda: list_case_ids(store)), timeout=5000)
    due_number = number(store, w["due"])
    case_work.open_case(w["due"])  # the case about to be weeded is open
    qtbot.waitUntil(lambda: case_work.case_view.summary is not None, timeout=10_000)
    rows_before = on_worker(lambda: len(list_case_ids(store)))

    plan = on_worker(lambda: gallring_plan(store))  # the demo has old closed cases too
    due = len(plan.due)
    assert due_number in [c.case_number for c in plan.due] and due >= 2

    view = open_view(qtbot, case_work)
    assert [c.case_number for c in view.due_model.records()] == [c.case_number for c in plan.due]
    kept = {
        view.kept_model.index(r, 0).data(): view.kept_model.index(r, 2).data()
        for r in range(view.kept_model.rowCount())
    }
    assert kept[number(store, w["exempt"])] == "undantag: Begärt av IVO (fiktivt)"
    assert kept[number(store, w["sample"])] == "forskningsurval (född den 5, 15 eller 25)"
    assert view.due_title.text() == f"Gallras: {due} ärenden"
    assert view.run_button.text() == f"&Gallra {due} ärenden…" and view.run_button.isEnabled()

    qtbot.mouseClick(view.run_button, Qt.MouseButton.LeftButton)
    confirm = view.confirm
    assert isinstance(confirm, GallringConfirmDialog) and confirm.isVisible()
    assert not confirm.run_button.isEnabled()  # the decision must be typed in
    confirm.decision.setText("   ")
    assert not confirm.run_button.isEnabled()
    confirm.decision.setText("Socialnämnden 2026-02-14 § 12 (fiktivt)")
    assert confirm.run_button.isEnabled()
    assert exists(store, w["due"])  # nothing happened before the second step
    with qtbot.waitSignal(view.weeded, timeout=20_000) as weeded:
        qtbot.mouseClick(confirm.run_button, Qt.MouseButton.LeftButton)
    assert weeded.args[0].deleted == due
    assert not any(exists(store, c.case_id) for c in plan.due)
    assert exists(store, w["exempt"]) and exists(store, w["sample"])
    assert view.status.property("tone") == "ok"
    assert f"{due} ärenden raderades" in view.status.text()
    [run] = on_worker(lambda: protocols(store))
    assert run.decision_ref == "Socialnämnden 2026-02-14 § 12 (fiktivt)" and run.deleted == due
    qtbot.waitUntil(lambda: view.run_model.rowCount() == 1, timeout=5000)
    assert view.run_model.index(0, 2).data() == run.decision_ref
    assert view.run_kept_model.rowCount() == len(plan.kept)  # what the run kept, and why
    assert view.due_model.rowCount() == 0 and not view.run_button.isEnabled()
    # the weeded case was open: its view closed; the list lost a row
    qtbot.waitUntil(lambda: case_work.case_view.case_id is None, timeout=5000)
    window = case_work.window
    assert window.case_stack.currentWidget() is window.empty_state
    qtbot.waitUntil(
        lambda: case_work.case_list.model.rowCount() == rows_before - due, timeout=10_000
    )
    view.reject()


def test_a_plan_that_changed_is_refused_and_nothing_is_deleted(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    case_work, store = work
    w = old_cases(store)
    view = open_view(qtbot, case_work)
    due = view.due_model.rowCount()
    assert due >= 1
    later = on_worker(lambda: closed_case(store, OLD, name="Kom Till Sedan"))  # due now too
    confirm = view.ask_run()
    assert confirm is not None
    confirm.decision.setText("Beslut (fiktivt)")
    qtbot.mouseClick(confirm.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.status.property("tone") == "error", timeout=20_000)
    assert "har ändrats" in view.status.text()
    assert exists(store, w["due"]) and exists(store, later)
    assert on_worker(lambda: protocols(store)) == []
    qtbot.waitUntil(lambda: view.due_model.rowCount() == due + 1, timeout=5000)  # read again
    assert view.run_button.text() == f"&Gallra {due + 1} ärenden…"
    view.reject()


def test_a_cancelled_run_deletes_nothing(
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    _case_work, store = work
    w = old_cases(store)
    second = on_worker(lambda: closed_case(store, OLD, name="Andra Gallrad"))
    plan = on_worker(lambda: gallring_plan(store))
    assert {w["due"], second} <= set(plan.case_ids)
    ctx = CancelAfterFirstCase()
    run = gallring_work(plan, "Beslut (fiktivt)", "Gallrar…")
    with pytest.raises(GallringCancelledError):
        on_worker(lambda: run(store, ctx))  # type: ignore[arg-type]
    assert ctx.reports == [(1, len(plan.due))]  # one case was deleted in the transaction …
    assert all(exists(store, c) for c in plan.case_ids)  # … and rolled back
    assert on_worker(lambda: protocols(store)) == []


def test_the_yearly_gallring_is_named_in_the_status_bar_and_opens_gallring(
    qtbot: QtBot,
    demo_session: tuple[Any, Any],  # noqa: F811
) -> None:
    session, store = demo_session

    def long_ago() -> None:  # the store was created more than a year ago (fictional setup)
        with store.transaction():
            store.conn.execute(
                "UPDATE meta SET value = ? WHERE key = 'created'", (f"{days(-400)}T08:00:00Z",)
            )

    on_worker(long_ago)
    from ui.cases.case_work import install_case_work
    from ui.window.main_window import MainWindow
    from ui.window.settings_dialog import UiPreferences

    window = MainWindow(session, UiPreferences())
    qtbot.addWidget(window)
    install_case_work(window, session)
    window.show()
    window.session_opened()
    hint = window.casework.gallring_hint
    qtbot.waitUntil(hint.isVisible, timeout=10_000)
    assert hint.text().startswith("Det är dags för den årliga gallringen")
    notifier = window.casework.notifier
    assert notifier is not None and "årliga gallringen" in notifier.last_text
    qtbot.mouseClick(hint, Qt.MouseButton.LeftButton)
    assert isinstance(window.casework.open.get("gallring"), GallringView)
    session.lock("manual")
    assert not hint.isVisible() and window.casework.open == {}


def test_the_backup_view_says_a_backup_still_holds_weeded_cases(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
    tmp_path: Path,
) -> None:
    case_work, store = work
    old_cases(store)
    backup = tmp_path / "fore-gallring.backup"
    on_worker(lambda: create_backup(store, backup, PASSPHRASE))
    dialog = BackupDialog(case_work.session)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: bool(dialog.due.text()), timeout=10_000)
    assert "gallrade" not in dialog.due.text()

    view = open_view(qtbot, case_work)
    with qtbot.waitSignal(view.weeded, timeout=20_000) as weeded:
        view.run(view.plan, "Beslut (fiktivt)")  # type: ignore[arg-type]
    dialog.refresh()
    qtbot.waitUntil(lambda: "gallrade ärenden" in dialog.due.text(), timeout=10_000)
    assert f"({weeded.args[0].deleted} ärenden)" in dialog.due.text()
    assert dialog.due.property("tone") == "warning"
    dialog.verify_file(backup)
    qtbot.waitUntil(lambda: "gallrade ärenden" in dialog.status.text(), timeout=20_000)
    assert dialog.status.property("tone") == "warning"
    view.reject()
