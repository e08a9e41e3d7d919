"""The ways in besides the passphrase, through the whole client over a real store: the quick
re-unlock PIN (after an idle lock only; gone after an OS lock, three wrong PINs or its time),
the wall-clock check that locks on waking from a sleep nobody announced (an injected clock,
no sleeps), and the keyring change told before anything is typed (real Secret Service)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.app import AppController
from desktop.gateway import StoreGateway
from desktop.session import LOCK_IDLE, LOCK_SLEEP
from storage.vault import device_key, keyslots, throttle
from storage.vault.crypto import KdfParams
from storage.vault.opening import unlock_store
from storage.vault.quick_unlock import QuickUnlock
from tests.ui_fixtures import (  # noqa: F401 - fixtures
    IDENTITY,
    PASSPHRASE,
    app_sv,
    closed_store,
    gateway,
    made_store,
    on_worker,
)
from ui.access.unlock import UnlockWindow

PIN = "482915"


class Clock:
    """An injected clock: wall and monotonic time move only when the test says so."""

    def __init__(self) -> None:
        self.wall = 1_800_000_000.0
        self.mono = 1000.0

    def advance(self, seconds: float, *, asleep: bool = False) -> None:
        self.wall += seconds
        if not asleep:  # the monotonic clock stops while the computer sleeps
            self.mono += seconds


def _controller(app: QApplication, gw: StoreGateway, tmp_path: Path) -> AppController:
    ctl = AppController(app, gw, tmp_path / "settings.json", watch_os_lock=False)
    ctl.start()
    return ctl


def _close(ctl: AppController) -> None:
    ctl.shutdown()
    ctl.deleteLater()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def controller(
    qtbot: QtBot,
    app_sv: QApplication,  # noqa: F811
    gateway: StoreGateway,  # noqa: F811
    closed_store: Any,  # noqa: F811
    tmp_path: Path,
    clock: Clock,
) -> Iterator[AppController]:
    gateway.quick = QuickUnlock(clock=lambda: clock.wall, monotonic=lambda: clock.mono)
    ctl = _controller(app_sv, gateway, tmp_path)
    yield ctl
    _close(ctl)


def _unlock(qtbot: QtBot, ctl: AppController) -> None:
    window = ctl.unlock_window
    assert window is not None
    window.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(window.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: ctl.main_window is not None and ctl.main_window.isVisible(), timeout=30_000
    )


def _arm(ctl: AppController) -> None:
    store = ctl.session._store
    on_worker(lambda: ctl.gateway.arm_quick_unlock(store, PASSPHRASE, PIN, 4))
    assert ctl.gateway.quick_ready()


def _window(ctl: AppController) -> UnlockWindow:
    window = ctl.unlock_window
    assert window is not None and window.isVisible()
    return window


def _type_pin(qtbot: QtBot, window: UnlockWindow, pin: str) -> None:
    window.pin.setText(pin)
    qtbot.keyClick(window.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: not shiboken6.isValid(window) or not window.busy.isVisible(), timeout=30_000
    )


def _actions(ctl: AppController) -> list[tuple[str, Any]]:
    store = on_worker(lambda: unlock_store(ctl.gateway.path, PASSPHRASE, actor="test"))
    try:
        return [(e.action, e.details) for e in store.audit.entries()]
    finally:
        on_worker(store.close)


def test_after_an_idle_lock_the_pin_opens_utvag(qtbot: QtBot, controller: AppController) -> None:
    _unlock(qtbot, controller)
    _arm(controller)
    controller.session.lock(LOCK_IDLE)
    window = _window(controller)
    assert window.pin_mode and window.passphrase.isHidden()
    qtbot.waitUntil(lambda: window.pin.hasFocus() or not window.isActiveWindow(), timeout=2000)
    assert window.secret_field() is window.pin
    _type_pin(qtbot, window, "000000")
    assert "PIN" in window.error.text() and not controller.session.is_unlocked
    _type_pin(qtbot, window, PIN)
    qtbot.waitUntil(lambda: controller.session.is_unlocked, timeout=30_000)
    controller.session.lock("manual")
    entries = _actions(controller)
    assert ("unlock", {"via": "quick_pin"}) in entries
    armed = [d for a, d in entries if a == "quick_unlock.armed"]
    assert armed == [{"minutes": 240}]
    failed = [d for a, d in entries if a == "unlock_failed"]
    assert failed and failed[-1]["attempts"][-1]["kind"] == "quick_pin"


@pytest.mark.parametrize("reason", ["os-lock", "suspend", "screensaver"])
def test_an_os_lock_ends_the_pin(qtbot: QtBot, controller: AppController, reason: str) -> None:
    _unlock(qtbot, controller)
    _arm(controller)
    controller.os_locked(reason)
    window = _window(controller)
    assert not window.pin_mode and not window.passphrase.isHidden()
    assert not controller.gateway.quick_ready()


def test_an_os_lock_while_locked_ends_the_pin_too(qtbot: QtBot, controller: AppController) -> None:
    _unlock(qtbot, controller)
    _arm(controller)
    controller.session.lock(LOCK_IDLE)
    assert _window(controller).pin_mode
    controller.os_locked("suspend")  # the laptop is closed while Utväg waits for the PIN
    assert not _window(controller).pin_mode and not controller.gateway.quick_ready()


def test_ctrl_l_ends_the_pin(qtbot: QtBot, controller: AppController) -> None:
    _unlock(qtbot, controller)
    _arm(controller)
    controller.session.lock("manual")
    assert not _window(controller).pin_mode and not controller.gateway.quick_ready()


def test_three_wrong_pins_end_it(qtbot: QtBot, controller: AppController) -> None:
    _unlock(qtbot, controller)
    _arm(controller)
    controller.session.lock(LOCK_IDLE)
    window = _window(controller)
    for wrong in ("111111", "222222"):
        _type_pin(qtbot, window, wrong)
        assert window.pin_mode
    _type_pin(qtbot, window, "333333")
    assert not window.pin_mode and not controller.gateway.quick_ready()
    assert "lösenfras" in window.error.text()
    kinds = [kind for _at, kind in throttle.read_state(controller.gateway.path).failures]
    assert kinds == ["quick_pin"] * 3
    # the right PIN is no use now: only the passphrase works
    with pytest.raises(Exception) as info:
        on_worker(lambda: controller.gateway.unlock_with_pin(PIN))
    assert getattr(info.value, "code", "") == "quick_pin_gone"


def test_the_pin_expires_with_its_time(
    qtbot: QtBot, controller: AppController, clock: Clock
) -> None:
    _unlock(qtbot, controller)
    _arm(controller)
    clock.advance(4 * 3600 - 60)
    controller.session.lock(LOCK_IDLE)
    assert _window(controller).pin_mode  # still within its four hours
    clock.advance(120)
    with pytest.raises(Exception) as info:
        on_worker(lambda: controller.gateway.unlock_with_pin(PIN))
    assert getattr(info.value, "code", "") == "quick_pin_gone"
    assert not controller.gateway.quick_ready()


def test_a_sleep_nobody_announced_ends_the_pin(
    qtbot: QtBot, controller: AppController, clock: Clock
) -> None:
    _unlock(qtbot, controller)
    _arm(controller)
    controller.session.lock(LOCK_IDLE)
    clock.advance(30 * 60, asleep=True)  # the wall clock ran on, the monotonic clock did not
    assert not controller.gateway.quick_ready()


def test_the_wall_clock_locks_at_once_on_waking(
    qtbot: QtBot,
    app_sv: QApplication,  # noqa: F811
    gateway: StoreGateway,  # noqa: F811
    closed_store: Any,  # noqa: F811
    tmp_path: Path,
    clock: Clock,
) -> None:
    """The idle timer does not run while the computer sleeps; the wall clock does. The first
    input after waking locks (reason "sleep") and reaches no window."""
    from desktop.session import Session

    gateway.quick = QuickUnlock(clock=lambda: clock.wall, monotonic=lambda: clock.mono)
    ctl = _controller(app_sv, gateway, tmp_path)
    try:
        old = ctl.session
        ctl.session = Session(gateway.path, idle_timeout_s=300, clock=lambda: clock.wall)
        ctl.session.locked.connect(ctl._on_locked)
        old.deleteLater()
        _unlock(qtbot, ctl)
        _arm(ctl)
        main = ctl.main_window
        assert main is not None
        clock.advance(60)
        assert not ctl.session.idle.check_clock()  # a tick within the timeout: nothing
        clock.advance(2 * 3600, asleep=True)  # the lid was closed; no signal came
        with qtbot.waitSignal(ctl.session.locked, timeout=5000) as locked:
            move = QMouseEvent(
                QEvent.Type.MouseMove,
                QPointF(10, 10),
                QPointF(10, 10),
                Qt.MouseButton.NoButton,
                Qt.MouseButton.NoButton,
                Qt.KeyboardModifier.NoModifier,
            )
            QApplication.sendEvent(main, move)
        assert locked.args[0] == LOCK_SLEEP
        assert not ctl.session.is_unlocked and not gateway.quick_ready()
        window = _window(ctl)
        assert not window.pin_mode and "sovit" in window.notice.text()
    finally:
        _close(ctl)


def test_a_tick_past_the_timeout_is_an_idle_lock(
    qtbot: QtBot,
    app_sv: QApplication,  # noqa: F811
    gateway: StoreGateway,  # noqa: F811
    closed_store: Any,  # noqa: F811
    tmp_path: Path,
    clock: Clock,
) -> None:
    from desktop.session import Session

    ctl = _controller(app_sv, gateway, tmp_path)
    try:
        old = ctl.session
        ctl.session = Session(gateway.path, idle_timeout_s=300, clock=lambda: clock.wall)
        ctl.session.locked.connect(ctl._on_locked)
        old.deleteLater()
        _unlock(qtbot, ctl)
        clock.advance(301)  # the tick just after the timeout (the timer may come later)
        with qtbot.waitSignal(ctl.session.locked, timeout=5000) as locked:
            assert ctl.session.idle.check_clock()
        assert locked.args[0] == LOCK_IDLE
    finally:
        _close(ctl)


@pytest.mark.usefixtures("keyring_backend")
@pytest.mark.parametrize("problem", ["missing", "mismatch"])
def test_a_keyring_change_is_told_before_anything_is_typed(
    qtbot: QtBot,
    app_sv: QApplication,  # noqa: F811
    tmp_path: Path,
    problem: str,
) -> None:
    gw = StoreGateway(tmp_path / "store", actor="test.user", kdf=KdfParams.minimum())
    store, code = on_worker(lambda: gw.create(PASSPHRASE, True, IDENTITY))
    on_worker(lambda: gw.confirm_code(store))
    on_worker(store.close)
    store_id = keyslots.read(gw.path).store_id
    backend = device_key.resolve_backend()
    if problem == "missing":
        assert device_key.delete_device_secret(backend, store_id)
    else:
        device_key.save_device_secret(backend, store_id, b"\x07" * 32)
    ctl = _controller(app_sv, gw, tmp_path)
    try:
        window = _window(ctl)
        qtbot.waitUntil(lambda: window.keyring_notice.isVisible(), timeout=10_000)
        text = window.keyring_notice.text()
        assert "nyckelring" in text and "inte fel" in text and "återställningskod" in text
        assert window.passphrase.hasFocus() or not window.isActiveWindow()
        # the passphrase alone is refused before any key derivation, with the same words
        window.passphrase.setText(PASSPHRASE)
        qtbot.keyClick(window.passphrase, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not window.busy.isVisible(), timeout=10_000)
        assert window.error.isHidden() and window.keyring_notice.isVisible()
        # the recovery code binds the store to this keyring again (audited)
        opened = on_worker(lambda: gw.recover(code, PASSPHRASE))
        on_worker(opened.close)
        assert gw.keyring_state() == "ok"
        again = on_worker(lambda: gw.unlock(PASSPHRASE))
        try:
            entries = [(e.action, e.details) for e in again.audit.entries()]
        finally:
            on_worker(again.close)
        rebound = [d for a, d in entries if a == "keyring.rebound"]
        assert rebound and rebound[0]["keyring"] == problem and rebound[0]["via"] == "recovery_code"
    finally:
        _close(ctl)
