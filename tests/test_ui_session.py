"""The whole client over a real store: unlock → main window; Ctrl+L, the idle timeout and an
OS screen lock close dialogs, clear views, close the store and show the unlock screen;
the language can be switched to English."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop import config
from desktop.app import AppController
from desktop.gateway import StoreGateway
from storage.errors import NotFoundError
from tests.ui_fixtures import (  # noqa: F401 - fixtures
    PASSPHRASE,
    app_sv,
    closed_store,
    gateway,
    made_store,
    message_boxes,
    on_worker,
)
from ui.runtime.error_dialog import show_error
from ui.runtime.os_lock import OsLockMonitor
from ui.window.main_window import MainWindow


class FakeEditor:
    """A view that shows data and has unsaved edits."""

    def __init__(self) -> None:
        self.text = "utkast till journalanteckning"
        self.cleared = False

    def has_unsaved_edits(self) -> bool:
        return bool(self.text)

    def clear_for_lock(self) -> None:
        self.text = ""
        self.cleared = True


@pytest.fixture
def controller(
    qtbot: QtBot,
    app_sv: QApplication,  # noqa: F811
    gateway: StoreGateway,  # noqa: F811
    closed_store: Any,  # noqa: F811
    tmp_path: Path,
) -> Iterator[AppController]:
    ctl = AppController(app_sv, gateway, tmp_path / "settings.json", watch_os_lock=False)
    ctl.start()
    yield ctl
    ctl.shutdown()
    for widget in (ctl.main_window, ctl.unlock_window):
        if widget is not None:
            widget.close()
            widget.deleteLater()
    ctl.deleteLater()


def _unlock(qtbot: QtBot, ctl: AppController) -> MainWindow:
    window = ctl.unlock_window
    assert window is not None and window.isVisible()
    window.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(window.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ctl.session.is_unlocked, timeout=30_000)
    # the main window follows once the store is found to keep no unconfirmed recovery code
    qtbot.waitUntil(
        lambda: ctl.main_window is not None and ctl.main_window.isVisible(), timeout=10_000
    )
    main = ctl.main_window
    assert main is not None and main.isVisible()
    assert main.windowTitle() == "Utväg"
    qtbot.waitUntil(lambda: bool(main.identity_label.text()), timeout=5000)
    assert main.identity_label.text() == "Test Handläggare · Avhopparverksamheten, Exempelkommun"
    return main


def _wait_locked(qtbot: QtBot, ctl: AppController) -> None:
    qtbot.waitUntil(lambda: not ctl.session.is_unlocked, timeout=5000)
    qtbot.waitUntil(lambda: ctl.unlock_window is not None and ctl.unlock_window.isVisible())
    assert ctl.main_window is not None and not ctl.main_window.isVisible()


def test_ctrl_l_closes_dialogs_clears_views_and_closes_the_store(
    qtbot: QtBot, controller: AppController
) -> None:
    main = _unlock(qtbot, controller)
    store = controller.session._store
    editor = FakeEditor()
    controller.session.guard.register(editor)
    main.open_audit_view()
    audit = main.audit_view
    assert audit is not None
    qtbot.waitUntil(lambda: audit.model.rowCount() > 0, timeout=5000)
    box = show_error(main, NotFoundError())
    assert message_boxes() == [box]
    box.activateWindow()
    with qtbot.waitSignal(controller.session.store_closed, timeout=5000):
        # Ctrl+L is an application shortcut: it works while a dialog has the focus
        qtbot.keyClick(box, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    _wait_locked(qtbot, controller)
    assert store.closed
    assert editor.cleared and editor.text == ""
    assert audit.model.rowCount() == 0
    visible_dialogs = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QDialog | QMessageBox) and w.isVisible()
    ]
    assert visible_dialogs == []
    notice = controller.unlock_window.notice  # type: ignore[union-attr]
    assert notice.text() == "Ändringar som inte hade sparats har gått förlorade."
    actions = on_worker(lambda: store_actions(controller))
    assert actions[-1] == "lock"
    _unlock(qtbot, controller)  # the store opens again after a lock


def store_actions(ctl: AppController) -> list[str]:
    from storage.vault.opening import unlock_store

    store = unlock_store(ctl.gateway.path, PASSPHRASE, actor="test")
    try:
        return [e.action for e in store.audit.entries()][:-1]  # without this unlock
    finally:
        store.close()


def test_idle_timeout_locks(qtbot: QtBot, controller: AppController) -> None:
    _unlock(qtbot, controller)
    controller.session.set_idle_timeout(0.3)
    with qtbot.waitSignal(controller.session.locked, timeout=5000) as locked:
        pass
    assert locked.args[0] == "idle"
    _wait_locked(qtbot, controller)
    assert "utan aktivitet" in controller.unlock_window.notice.text()  # type: ignore[union-attr]


def test_activity_postpones_the_idle_lock(qtbot: QtBot, controller: AppController) -> None:
    main = _unlock(qtbot, controller)
    controller.session.set_idle_timeout(0.5)
    for _ in range(6):
        qtbot.wait(200)
        qtbot.keyClick(main, Qt.Key.Key_Shift)
    assert controller.session.is_unlocked
    qtbot.waitUntil(lambda: not controller.session.is_unlocked, timeout=5000)


def test_a_screen_lock_on_d_bus_locks(
    qtbot: QtBot, controller: AppController, secret_service: Any
) -> None:
    _unlock(qtbot, controller)
    monitor = OsLockMonitor(session_bus=secret_service.address)
    assert "session:org.freedesktop.ScreenSaver" in monitor.sources
    monitor.os_locked.connect(controller.session.lock)
    subprocess.run(
        [
            "dbus-send",
            "--session",
            "--type=signal",
            "/org/freedesktop/ScreenSaver",
            "org.freedesktop.ScreenSaver.ActiveChanged",
            "boolean:true",
        ],
        env=secret_service.env,
        check=True,
        timeout=10,
    )
    _wait_locked(qtbot, controller)
    notice = controller.unlock_window.notice.text()  # type: ignore[union-attr]
    assert notice == "Utväg låstes eftersom datorns skärm låstes."


def test_the_os_lock_watch_starts_with_the_first_session(
    qtbot: QtBot,
    app_sv: QApplication,  # noqa: F811
    gateway: StoreGateway,  # noqa: F811
    closed_store: Any,  # noqa: F811
    secret_service: Any,
    tmp_path: Path,
) -> None:
    """Not at start-up (nothing to lock yet; the buses would hold up the unlock window):
    the first unlock starts it, and then a screen lock on D-Bus locks."""
    ctl = AppController(app_sv, gateway, tmp_path / "settings.json")  # watches the OS lock
    try:
        ctl.start()
        assert ctl.os_lock is None
        _unlock(qtbot, ctl)
        monitor = ctl.os_lock
        assert isinstance(monitor, OsLockMonitor)
        assert "session:org.freedesktop.ScreenSaver" in monitor.sources
        subprocess.run(
            [
                "dbus-send",
                "--session",
                "--type=signal",
                "/org/freedesktop/ScreenSaver",
                "org.freedesktop.ScreenSaver.ActiveChanged",
                "boolean:true",
            ],
            env=secret_service.env,
            check=True,
            timeout=10,
        )
        _wait_locked(qtbot, ctl)
        assert ctl.os_lock is monitor  # one watch for the whole run, not one per unlock
    finally:
        ctl.shutdown()
        for widget in (ctl.main_window, ctl.unlock_window):
            if widget is not None:
                widget.close()
                widget.deleteLater()
        ctl.deleteLater()


def test_language_switch_to_english(
    qtbot: QtBot, controller: AppController, tmp_path: Path
) -> None:
    main = _unlock(qtbot, controller)
    assert main.file_menu.title() == "&Arkiv"
    main.lang_en.trigger()
    qtbot.waitUntil(lambda: main.file_menu.title() == "&File")
    assert main.lock_action.text() == "&Lock"
    assert main.empty_state.text().startswith("There are no cases yet.")  # an empty store
    if "language" in config.ALLOWED_KEYS:
        assert config.load_settings(tmp_path / "settings.json")["language"] == "en"
    controller.session.lock()
    _wait_locked(qtbot, controller)
    assert controller.unlock_window.heading.text() == "Utväg is locked"  # type: ignore[union-attr]
    controller.set_language("sv")


def test_settings_change_the_idle_timeout(qtbot: QtBot, controller: AppController) -> None:
    main = _unlock(qtbot, controller)
    main.open_settings()
    dialog = next(
        w
        for w in QApplication.topLevelWidgets()
        if w.objectName() == "settingsDialog" and w.isVisible()
    )
    dialog.idle.setValue(12)  # type: ignore[attr-defined]
    dialog.accept()  # type: ignore[attr-defined]
    assert controller.prefs.idle_timeout_min == 12
    assert controller.session.idle_timeout_s == 12 * 60


def test_store_work_requested_after_the_lock_is_ignored(
    qtbot: QtBot, controller: AppController
) -> None:
    main = _unlock(qtbot, controller)
    controller.session.lock()
    _wait_locked(qtbot, controller)
    called: list[Any] = []
    assert controller.session.run(main, lambda store: called.append(store), called.append) == 0
    qtbot.wait(100)
    assert called == []
