"""`utvag` without arguments: the desktop client starts with the first-run wizard when there
is no store, else with the unlock window; titles never name anyone; quitting closes cleanly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop.cli import main
from tests.ui_fixtures import app_sv, closed_store, gateway, made_store  # noqa: F401 - fixtures
from ui.access.first_run import FirstRunWizard
from ui.access.unlock import UnlockWindow


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
