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

from tests.case_ui_fixtures import demo_session, work  # noqa: F401 - fixtures
from tests.ui_fixtures import app_sv, gateway, made_store  # noqa: F401 - fixtures
from tests.ui_windows import (
    DemoFacts,
    all_windows,
    built_names,
    demo_facts,
    each_part,
    window_classes,
)
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
        window.show()
        qtbot.waitExposed(window)
        qtbot.wait(150)  # what loads on the store worker (the open case) is in the layout
        room_w, room_h = available_size(window)
        hint, minimum = window.minimumSizeHint(), window.minimumSize()
        need_w = max(hint.width(), minimum.width())
        need_h = max(hint.height(), minimum.height())
        for _part in each_part(window):  # the main window: every part of the case, loaded
            qtbot.wait(50)
            part = window.minimumSizeHint()
            need_w, need_h = max(need_w, part.width()), max(need_h, part.height())
        if need_w > MAX_W or need_h > MAX_H:
            too_big.append(f"{name}: needs at least {need_w}×{need_h}")
        if window.width() > max(room_w, need_w) or window.height() > max(room_h, need_h):
            too_big.append(f"{name}: opened at {window.width()}×{window.height()}")
        window.close()
        if shiboken6.isValid(window):
            window.deleteLater()
        qtbot.wait(10)
    assert (room_w, room_h) != (0, 0)
    assert "\n".join(too_big) == ""


def _left_share(window: Any) -> float:
    left, right = window.splitter.sizes()
    return left / (left + right)


def test_the_case_list_keeps_its_share_and_remembers_the_users(
    qtbot: QtBot,
    work: tuple[Any, Any],  # noqa: F811
) -> None:
    case_work, _store = work
    window = case_work.window
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: abs(_left_share(window) - 0.40) < 0.02, timeout=5000)
    case_work.open_case_and_select(case_work.case_list.model.case_id(0))
    view = case_work.case_view
    view.show_tab(view.journal)
    qtbot.waitUntil(lambda: view.journal.loaded, timeout=10_000)
    qtbot.waitUntil(lambda: abs(_left_share(window) - 0.40) < 0.02, timeout=5000)
    # the user drags the divider: the new share is kept and saved once
    saved: list[Any] = []
    window.preferences_changed.connect(saved.append)
    total = sum(window.splitter.sizes())
    window.splitter.moveSplitter(int(total * 0.44), 1)
    qtbot.waitUntil(lambda: len(saved) == 1, timeout=5000)
    assert saved[0].list_share == 44 and window.prefs.list_share == 44
    view.show_tab(view.overview)
    qtbot.wait(50)
    assert abs(_left_share(window) - 0.44) < 0.02
