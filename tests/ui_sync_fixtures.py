"""Fixtures for the GUI tests of contacts, handover, follow-up, statistics and backup.

Stores are copies of the session's empty template (tests/case_fixtures.py), opened and used
on the store worker like in the application, each with a desktop Session attached.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.session import Session
from tests.case_fixtures import copy_store
from tests.test_handover_support import World, make_world
from tests.ui_fixtures import on_worker
from ui.runtime.operations import taskman


def session_for(store: Any) -> Session:
    session = Session(store.path)
    session.attach(store)
    return session


@dataclass
class GuiWorld:
    """Malmö (a) sends to Lund (b); Trelleborg (c) is known to Malmö but not verified."""

    world: World
    sa: Session
    sb: Session

    @property
    def dir(self) -> Path:
        return self.world.dir


@pytest.fixture
def gui_world(store_template: Path, tmp_path: Path, app_sv: Any) -> Iterator[GuiWorld]:
    del app_sv
    world = on_worker(lambda: make_world(store_template, tmp_path))
    gw = GuiWorld(world, session_for(world.a), session_for(world.b))
    yield gw
    for session in (gw.sa, gw.sb):
        session.idle.stop()
    close_message_boxes()
    on_worker(world.close)


@pytest.fixture
def plain_store(store_template: Path, tmp_path: Path, app_sv: Any) -> Iterator[Any]:
    """One empty store (no identity), with a session: (store, session)."""
    del app_sv
    store = on_worker(lambda: copy_store(store_template, tmp_path / "store"))
    session = session_for(store)
    yield store, session
    session.idle.stop()
    close_message_boxes()
    taskman().run_sync(lambda _ctx: store.close() if not store.closed else None)


def close_message_boxes() -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            widget.close()


def message_texts() -> list[str]:
    return [
        w.text()
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.isVisible()
    ]
