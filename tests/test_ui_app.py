"""`utvag` without arguments: the desktop client starts with the first-run wizard when there
is no store, else with the unlock window; titles never name anyone; quitting closes cleanly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop.app import configure_application
from desktop.cli import main
from tests.ui_fixtures import app_sv, closed_store, gateway, made_store  # noqa: F401 - fixtures
from ui.access.first_run import FirstRunWizard
from ui.access.unlock import UnlockWindow
from ui.kit.shortcuts import DialogSubmitFilter


def _run_and_capture(monkeypatch: pytest.MonkeyPatch, store_dir: Path, tmp: Path) -> list[Any]:
    monkeypatch.setenv("UTVAG_STORE", str(store_dir))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp / "config"))
    seen: list[Any] = []

    def look() -> None:
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and isinstance(widget, FirstRunWizard | UnlockWindow):
                seen.append((type(widget).__name__, widget.windowTitle()))
        app = QApplication.instance()
        assert app is not None
        app.quit()

    QTimer.singleShot(500, look)
    assert main([]) == 0
    return seen


def test_without_a_store_the_wizard_opens(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    app_sv: Any,  # noqa: F811
) -> None:
    seen = _run_and_capture(monkeypatch, tmp_path / "store", tmp_path)
    assert seen == [("FirstRunWizard", "Utväg")]


def test_with_a_store_the_unlock_window_opens(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    closed_store: Any,  # noqa: F811
    gateway: Any,  # noqa: F811
    app_sv: Any,  # noqa: F811
) -> None:
    seen = _run_and_capture(monkeypatch, gateway.path, tmp_path)
    assert seen == [("UnlockWindow", "Utväg")]


def _style_in_a_fresh_process(code: str) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_STYLE_OVERRIDE="windows")
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_application_is_made_in_fusion_from_its_command_line() -> None:
    """The client's application is made in Fusion by its own command line (``-style``, so
    that no QStyle is wrapped for Python before the unlock window, issue 17): it wins over a
    style the environment asks for, which a plain application would take."""
    ours = "from desktop.app import new_application; print(new_application([]).style().name())"
    plain = "from PySide6.QtWidgets import QApplication; print(QApplication(['x']).style().name())"
    assert _style_in_a_fresh_process(plain) == "windows"  # the environment's, by default
    assert _style_in_a_fresh_process(ours) == "fusion"


def test_the_command_shows_the_unlock_window(
    tmp_path: Path,
    closed_store: Any,  # noqa: F811
    gateway: Any,  # noqa: F811
) -> None:
    """``utvag`` as the caseworker starts it, in a process of its own: the unlock window."""
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        UTVAG_EXIT_AFTER_SHOWN="1",
        UTVAG_STORE=str(gateway.path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    done = subprocess.run(
        [sys.executable, "-m", "desktop"], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "utvag: shown UnlockWindow" in done.stderr


def test_configuring_again_keeps_one_ctrl_enter_filter(app_sv: Any) -> None:  # noqa: F811
    """The fixture configured the application already (every GUI test does): once more adds
    no second Ctrl+Enter filter (which would submit a dialog twice)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    configure_application(app)
    configure_application(app)
    assert len(app.findChildren(DialogSubmitFilter)) == 1
