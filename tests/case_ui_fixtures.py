"""Fixtures for the case-work UI tests: a real store filled by storage.demo.build (small, fixed
seed), an attached Session, and the main window with the case work plugged in."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desktop.session import Session
from storage.casefile.case_list import list_case_ids
from storage.casefile.journal import journal
from storage.casefile.persons import persons
from storage.demo.build import build_demo
from storage.records import PersonRole
from tests.ui_fixtures import app_sv, gateway, made_store, on_worker  # noqa: F401 - fixtures
from ui.cases.case_work import (
    CaseWork,
    install_case_work,
)
from ui.window.main_window import MainWindow
from ui.window.settings_dialog import UiPreferences

DEMO_CASES = 12
DEMO_SEED = 5


class CancelAfterFirstCase:
    """Test double of the worker's OpContext (no dialog to press *Avbryt* on; the real one
    appears only after a second): records the progress reported (``reports``, ``labels``,
    ``cancellable``) and is cancelled once a report says one case is done."""

    def __init__(self) -> None:
        self.reports: list[tuple[int, int]] = []
        self.labels: list[str] = []
        self.cancellable: list[bool] = []

    @property
    def cancelled(self) -> bool:
        return any(done >= 1 for done, _total in self.reports)

    def report(
        self, done: int, total: int = 0, label: str = "", *, cancellable: bool = True
    ) -> None:
        self.reports.append((done, total))
        self.labels.append(label)
        self.cancellable.append(cancellable)


@pytest.fixture
def demo_session(
    made_store: tuple[Any, str],  # noqa: F811
    app_sv: Any,  # noqa: F811
) -> Iterator[tuple[Session, Any]]:
    """A session over a store with fictional demo cases."""
    store, _code = made_store
    on_worker(lambda: build_demo(store, cases=DEMO_CASES, seed=DEMO_SEED))
    session = Session(store.path)
    session.attach(store)
    yield session, store
    session.idle.stop()


@pytest.fixture
def work(qtbot: QtBot, demo_session: tuple[Session, Any]) -> Iterator[tuple[CaseWork, Any]]:
    """The main window with the case list, reminders and case view, unlocked and loaded."""
    session, store = demo_session
    window = MainWindow(session, UiPreferences())
    qtbot.addWidget(window)
    case_work = install_case_work(window, session)
    window.resize(1440, 900)
    window.show()
    window.session_opened()
    qtbot.waitUntil(lambda: case_work.case_list.model.rowCount() > 0, timeout=10_000)
    qtbot.waitUntil(lambda: case_work.reminders.loaded, timeout=10_000)
    yield case_work, store


def open_case_with_principal(work: CaseWork, qtbot: QtBot, store: Any) -> int:
    """Open an open (not closed) demo case that has a principal and relatives."""

    def pick() -> int:
        for case_id in list_case_ids(
            store,
            status=[
                "implementation",
                "decided",
                "follow_up",
                "emergency_protection",
                "investigation",
                "referred",
                "preliminary_assessment",
                "joint_assessment",
            ],
        ):
            people = persons(store, case_id)
            if any(p.role is PersonRole.PRINCIPAL for p in people) and journal(store, case_id):
                return case_id
        raise AssertionError("no open demo case with a principal")

    case_id = int(on_worker(pick))
    work.open_case_and_select(case_id)
    view = work.case_view
    qtbot.waitUntil(lambda: view.summary is not None and view.overview.loaded, timeout=10_000)
    return case_id


def count(store: Any, fn: Callable[[Any], Any]) -> int:
    return len(on_worker(lambda: fn(store)))
