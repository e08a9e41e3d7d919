"""Protected clipboard: marked for clipboard managers, emptied after the timeout."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from tests.ui_fixtures import app_sv  # noqa: F401 - fixture
from ui.runtime.clipboard import (
    KDE_HINT_MIME,
    MARKER_MIME,
    ProtectedClipboard,
    protected_clipboard,
)
from ui.runtime.lock import LockGuard


def _text() -> str:
    return QGuiApplication.clipboard().text()


def test_copy_marks_the_value_and_clears_it_after_the_timeout(
    qtbot: QtBot,
    app_sv: Any,  # noqa: F811
) -> None:
    board = ProtectedClipboard(clear_after_ms=200)
    board.copy("19990101-1234")
    assert _text() == "19990101-1234"
    data = QGuiApplication.clipboard().mimeData()
    assert bytes(data.data(KDE_HINT_MIME).data()) == b"secret"
    formats = data.formats()
    for name in (
        "ExcludeClipboardContentFromMonitorProcessing",
        "CanIncludeInClipboardHistory",
        "CanUploadToCloudClipboard",
    ):
        assert any(name in f for f in formats), name
    win_history = 'application/x-qt-windows-mime;value="CanIncludeInClipboardHistory"'
    assert bytes(data.data(win_history).data()) == b"\x00\x00\x00\x00"
    assert bytes(data.data(MARKER_MIME).data())
    qtbot.waitUntil(lambda: _text() == "", timeout=2000)
    assert not board.holds_ours()


def test_a_later_copy_by_someone_else_is_left_alone(qtbot: QtBot, app_sv: Any) -> None:  # noqa: F811
    board = ProtectedClipboard(clear_after_ms=150)
    board.copy("hemlig adress")
    QGuiApplication.clipboard().setText("något annat")
    qtbot.wait(400)
    assert _text() == "något annat"


def test_locking_takes_a_protected_value_off_the_clipboard(app_sv: Any) -> None:  # noqa: F811
    protected_clipboard().copy("Kim Påhittad")
    assert _text() == "Kim Påhittad"
    LockGuard().clear_all()
    assert _text() == ""
