"""Every window and dialog is usable on a small laptop screen: 1024×768 (and 1280×720, a
1920×1080 screen at 150 %). Its minimum size fits 1024×700 (the screen less a task bar and
a title bar), and it opens no larger than the screen it is on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from pytestqt.qtbot import QtBot

from tests.case_ui_fixtures import demo_session  # noqa: F401 - fixture
from tests.ui_fixtures import app_sv, gateway, made_store  # noqa: F401 - fixtures
from tests.ui_windows import DemoFacts, all_windows, built_names, demo_facts, window_classes
from ui.kit.windows import available_size

MAX_W, MAX_H = 1024, 700


@pytest.fixture
def facts(demo_session: tuple[Any, Any]) -> Iterator[tuple[Any, DemoFacts]]:  # noqa: F811
    session, store = demo_session
    yield session, demo_facts(store)


def test_every_window_class_is_built(facts: tuple[Any, DemoFacts], tmp_path: Path) -> None:
    session, f = facts
    assert {c.__name__ for c in window_classes()} == built_names(session, f, tmp_path)


def test_every_window_fits_a_small_screen(
    qtbot: QtBot, facts: tuple[Any, DemoFacts], tmp_path: Path
) -> None:
    session, f = facts
    too_big = []
    room_w, room_h = 0, 0
    for name, window in all_windows(session, f, tmp_path):
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        room_w, room_h = available_size(window)
        hint, minimum = window.minimumSizeHint(), window.minimumSize()
        need_w = max(hint.width(), minimum.width())
        need_h = max(hint.height(), minimum.height())
        if need_w > MAX_W or need_h > MAX_H:
            too_big.append(f"{name}: needs at least {need_w}×{need_h}")
        if window.width() > room_w or window.height() > room_h:
            too_big.append(f"{name}: opened at {window.width()}×{window.height()}")
        window.close()
        if shiboken6.isValid(window):
            window.deleteLater()
    assert (room_w, room_h) != (0, 0)
    assert too_big == []
