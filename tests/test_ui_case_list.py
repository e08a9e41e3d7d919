"""The case list over a demo store: the model passes Qt's model tester, fetches summaries on
demand, searches as you type (debounced), sorts and filters by re-querying the store; the
reminders panel opens cases; the vocabularies translate to the domain's Swedish labels."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from pytestqt.qtbot import QtBot

import ui.cases.case_list_model as list_model
from storage.casefile.case_list import list_case_ids
from storage.casefile.protection import (
    RevealField,
    reveal,
)
from storage.casefile.summaries import case_summaries
from storage.records import (
    CaseStatus,
    CaseType,
)
from tests.case_ui_fixtures import (  # noqa: F401 - fixtures
    app_sv,
    demo_session,
    gateway,
    made_store,
    on_worker,
    work,
)
from ui.cases.case_list import SEARCH_DEBOUNCE_MS
from ui.cases.case_list_model import (
    COL_NUMBER,
    COL_REMINDER,
    COL_STATUS,
    CaseListModel,
)
from ui.cases.case_work import CaseWork
from ui.cases.reminder_index import REMINDER_OVERDUE
from ui.kit import labels


def _ids(model: CaseListModel) -> list[int]:
    return model.ids()


def _wait_reload(qtbot: QtBot, model: CaseListModel, action: Any) -> None:
    with qtbot.waitSignal(model.reloaded, timeout=10_000):
        action()


def test_model_passes_the_qt_model_tester(qtmodeltester: Any, work: tuple[CaseWork, Any]) -> None:  # noqa: F811
    case_work, _store = work
    qtmodeltester.check(case_work.case_list.model)


def test_list_shows_masked_rows_in_the_store_order(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    case_work, store = work
    model = case_work.case_list.model
    expected = on_worker(lambda: list_case_ids(store))
    assert _ids(model) == expected
    summaries = on_worker(lambda: case_summaries(store, expected))
    for row, summary in enumerate(summaries):
        assert model.index(row, COL_NUMBER).data() == summary.case_number
        assert model.index(row, COL_STATUS).data() == summary.status.label  # Swedish UI
        person = model.index(row, 1).data()
        if summary.protection_level.hides_label:
            assert person == "(skyddad)"
        else:
            assert person == f"{summary.initials} · {summary.birth_year}"
    assert case_work.case_list.count.text() == f"Visade ärenden: {len(expected)}"


def test_rows_are_fetched_on_demand_in_batches(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    case_work, _store = work
    monkeypatch.setattr(list_model, "BATCH", 4)
    model = CaseListModel(case_work.session, case_work.reminders)  # no view asks for rows
    _wait_reload(qtbot, model, model.reload)
    assert model.rowCount() == 12
    assert model.cached_count() == 4  # the first batch comes with the ids
    assert model.summary(9) is None
    assert model.index(9, COL_NUMBER).data() == "…"  # asking starts the fetch of its batch
    with qtbot.waitSignal(model.rows_fetched, timeout=5000):
        pass
    assert model.summary(9) is not None
    assert model.cached_count() == 8  # rows 8-11 only, not everything


def test_search_filters_the_list_after_a_pause(qtbot: QtBot, work: tuple[CaseWork, Any]) -> None:  # noqa: F811
    case_work, store = work
    widget = case_work.case_list
    model = widget.model
    first = _ids(model)[0]
    name = on_worker(lambda: reveal(store, first, RevealField.NAME, "test av sökning"))
    surname = str(name).split()[-1]
    expected = on_worker(lambda: list_case_ids(store, query=surname))
    assert first in expected and len(expected) < model.rowCount()
    widget.search.setText(surname)  # (keyClicks aborts on some non-ASCII letters)
    assert _ids(model) != expected  # not yet: the search waits for a pause in the typing
    with qtbot.waitSignal(model.reloaded, timeout=SEARCH_DEBOUNCE_MS + 5000):
        pass
    assert _ids(model) == expected
    assert widget.table.horizontalHeader().sortIndicatorSection() == -1  # search ranking
    widget.search.clear()
    with qtbot.waitSignal(model.reloaded, timeout=SEARCH_DEBOUNCE_MS + 5000):
        pass
    assert _ids(model) == on_worker(lambda: list_case_ids(store))


def test_a_search_for_nothing_shows_an_empty_list(qtbot: QtBot, work: tuple[CaseWork, Any]) -> None:  # noqa: F811
    widget = work[0].case_list
    widget.search.setText('"NEAR ( *')  # FTS syntax is just text
    _wait_reload(qtbot, widget.model, widget.apply_search)
    assert widget.model.rowCount() == 0


def test_header_sorts_by_requerying_the_store(qtbot: QtBot, work: tuple[CaseWork, Any]) -> None:  # noqa: F811
    case_work, store = work
    widget = case_work.case_list
    model = widget.model
    header = widget.table.horizontalHeader()
    by_number = on_worker(lambda: list_case_ids(store, order_by="number"))
    _wait_reload(
        qtbot, model, lambda: header.setSortIndicator(COL_NUMBER, Qt.SortOrder.AscendingOrder)
    )
    assert _ids(model) == by_number
    _wait_reload(
        qtbot, model, lambda: header.setSortIndicator(COL_NUMBER, Qt.SortOrder.DescendingOrder)
    )
    assert _ids(model) == by_number[::-1]
    by_status = on_worker(lambda: list_case_ids(store, order_by="status"))
    _wait_reload(qtbot, model, lambda: model.sort(COL_STATUS, Qt.SortOrder.AscendingOrder))
    assert _ids(model) == by_status
    _wait_reload(qtbot, model, lambda: model.sort(COL_REMINDER, Qt.SortOrder.AscendingOrder))
    dues = [case_work.reminders.next_for(i) for i in _ids(model)]
    dated = [r.due_on for r in dues if r is not None]
    assert dated == sorted(dated) and dues[: len(dated)] == [r for r in dues if r is not None]
    before = _ids(model)
    header.setSortIndicator(1, Qt.SortOrder.AscendingOrder)  # the masked label: not sortable
    qtbot.wait(100)
    assert _ids(model) == before
    assert header.sortIndicatorSection() == COL_REMINDER


def test_filters_by_status_type_and_reminder(qtbot: QtBot, work: tuple[CaseWork, Any]) -> None:  # noqa: F811
    case_work, store = work
    widget = case_work.case_list
    model = widget.model
    open_index = widget.status_filter.findText("Öppna ärenden")
    _wait_reload(qtbot, model, lambda: widget.status_filter.setCurrentIndex(open_index))
    statuses = {s.status for s in on_worker(lambda: case_summaries(store, _ids(model)))}
    assert statuses and not any(s.is_terminal for s in statuses)
    type_index = widget.type_filter.findData(CaseType.DEFECTOR.value)
    _wait_reload(qtbot, model, lambda: widget.type_filter.setCurrentIndex(type_index))
    open_statuses = [s for s in CaseStatus if not s.is_terminal]
    expected = on_worker(lambda: list_case_ids(store, status=open_statuses, case_type="defector"))
    assert _ids(model) == expected
    widget.status_filter.setCurrentIndex(0)
    overdue = widget.reminder_filter.findData(REMINDER_OVERDUE)
    _wait_reload(qtbot, model, lambda: widget.reminder_filter.setCurrentIndex(overdue))
    today = dt.date.today()
    assert model.rowCount() > 0
    for case_id in _ids(model):
        item = case_work.reminders.next_for(case_id)
        assert item is not None and item.due_on < today
    text = model.index(0, COL_REMINDER).data()
    assert text.startswith(labels.OVERDUE_MARK)  # not by colour alone


def test_keyboard_search_down_enter_opens_the_case(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    case_work, _store = work
    widget = case_work.case_list
    widget.focus_search()
    qtbot.keyClick(widget.search, Qt.Key.Key_Down)
    assert widget.table.hasFocus() or widget.table.currentIndex().row() == 0
    with qtbot.waitSignal(widget.caseActivated, timeout=5000) as opened:
        qtbot.keyClick(widget.table, Qt.Key.Key_Return)
    assert opened.args == [widget.model.case_id(0)]
    qtbot.waitUntil(lambda: case_work.case_view.summary is not None, timeout=5000)
    assert case_work.window.case_stack.currentWidget() is case_work.case_view  # type: ignore[attr-defined]
    for name in ("caseSearch", "caseStatusFilter", "caseTypeFilter", "caseReminderFilter"):
        child = widget.findChild(object, name)
        assert child is not None and child.accessibleName()


def test_reminders_panel_lists_due_reminders_and_opens_the_case(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    case_work, _store = work
    panel = case_work.reminders_panel
    model = panel.model
    assert model.rowCount() == len(case_work.reminders.due(30))
    # plural forms: "1 påminnelse, 1 försenad", "3 påminnelser, 0 försenade"
    assert re.fullmatch(
        r"(1 påminnelse|\d+ påminnelser), (1 försenad|\d+ försenade)", panel.status.text()
    ), panel.status.text()
    with qtbot.waitSignal(panel.caseRequested, timeout=2000) as opened:
        panel.table.activated.emit(model.index(0, 0))
    assert opened.args == [model.reminder(0).case_id]
    qtbot.waitUntil(lambda: case_work.case_view.case_id == opened.args[0], timeout=5000)


def test_lock_clears_the_list_the_search_and_the_reminders(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    case_work, _store = work
    widget = case_work.case_list
    widget.search.setText("Svensson")
    session = case_work.session
    with qtbot.waitSignal(session.locked, timeout=5000):  # type: ignore[attr-defined]
        session.lock()
    assert widget.model.rowCount() == 0
    assert widget.search.text() == "" and not widget.search.isUndoAvailable()
    assert case_work.reminders_panel.model.rowCount() == 0
    assert not case_work.reminders.loaded
    assert widget.model.data(widget.model.index(0, 0)) is None


@pytest.mark.parametrize("kind", sorted(labels.SOURCES, key=lambda k: k.__name__))
def test_vocabulary_translates_to_the_domains_swedish_labels(app_sv: Any, kind: Any) -> None:  # noqa: F811
    for member in kind:
        assert labels.label(member) == member.label, f"{kind.__name__}.{member.name}"
    english = {
        code: QCoreApplication.translate(kind.__name__, src)
        for code, src in labels.SOURCES[kind].items()
    }
    assert set(english) == set(kind.codes())
