"""The unlock screen over a real store: translated errors, the countdown after repeated
failures (button disabled), the recovery-code path with a new passphrase; what is typed
always lands in the passphrase field — no key opens a dialog, focus comes back after one —
and the recovery-code field takes only a code's characters, at normal size."""

from __future__ import annotations

import string
import time
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop.gateway import StoreGateway
from desktop.i18n import translate_error
from storage.vault import throttle
from storage.vault.errors import WrongPassphraseError
from tests.ui_fixtures import (  # noqa: F401 - fixtures
    PASSPHRASE,
    app_sv,
    closed_store,
    gateway,
    made_store,
    on_worker,
)
from ui.access.keyring_notice import CardAccess
from ui.access.unlock import UnlockWindow

NEW_PASSPHRASE = "ny lang losenfras efter aterstallning"


@pytest.fixture
def window(
    qtbot: QtBot,
    gateway: StoreGateway,  # noqa: F811
    closed_store: Any,  # noqa: F811
    app_sv: Any,  # noqa: F811
) -> Iterator[UnlockWindow]:
    win = UnlockWindow(
        gateway.unlock, gateway.retry_after, gateway.recover, gateway.passphrase_context
    )
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    opened: list[Any] = []
    win.unlocked.connect(opened.append)
    win.opened_stores = opened  # type: ignore[attr-defined]
    yield win
    for store in opened:
        on_worker(store.close)


def _attempt(qtbot: QtBot, win: UnlockWindow, passphrase: str) -> None:
    win.passphrase.clear()
    qtbot.keyClicks(win.passphrase, passphrase)
    qtbot.keyClick(win.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not win.busy.isVisible(), timeout=30_000)


def test_wrong_passphrase_shows_the_translated_error(qtbot: QtBot, window: UnlockWindow) -> None:
    assert window.windowTitle() == "Utväg"
    _attempt(qtbot, window, "fel losenfras helt enkelt")
    qtbot.waitUntil(window.error.isVisible)
    expected = translate_error(WrongPassphraseError())
    assert window.error.text() == expected
    assert expected != WrongPassphraseError.message  # Swedish, not the English source
    assert expected.startswith("Lösenfrasen")
    assert window.unlock_button.isEnabled()
    assert window.opened_stores == []  # type: ignore[attr-defined]


def test_right_passphrase_opens_the_store(qtbot: QtBot, window: UnlockWindow) -> None:
    window.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(window.unlocked, timeout=30_000) as opened:
        qtbot.keyClick(window.passphrase, Qt.Key.Key_Return)
    assert opened.args[0].closed is False
    assert window.passphrase.text() == ""


def test_countdown_disables_the_button_during_the_delay(
    qtbot: QtBot,
    window: UnlockWindow,
    gateway: StoreGateway,  # noqa: F811
) -> None:
    for _ in range(4):  # 4 failures in a row: the next attempt must wait 2 s
        throttle.record_failure(gateway.path, "passphrase", now=time.time())
    window.refresh()
    qtbot.waitUntil(window.countdown.isVisible, timeout=5000)
    assert not window.unlock_button.isEnabled()
    assert "Du kan försöka igen om" in window.countdown.text()
    first = window.seconds_left()
    assert 1 <= first <= 2
    window.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(window.passphrase, Qt.Key.Key_Return)  # ignored during the countdown
    assert not window.busy.isVisible()
    qtbot.waitUntil(lambda: window.unlock_button.isEnabled(), timeout=5000)
    assert not window.countdown.isVisible()


def test_an_attempt_inside_the_delay_shows_the_countdown(
    qtbot: QtBot,
    window: UnlockWindow,
    gateway: StoreGateway,  # noqa: F811
) -> None:
    for _ in range(6):
        throttle.record_failure(gateway.path, "passphrase", now=time.time())
    window.passphrase.setText(PASSPHRASE)
    window.try_unlock()  # the screen does not know yet; the store refuses before any KDF
    qtbot.waitUntil(window.countdown.isVisible, timeout=5000)
    assert window.seconds_left() > 0 and not window.unlock_button.isEnabled()
    assert not window.error.isVisible()


def test_recovery_code_opens_the_store_with_a_new_passphrase(
    qtbot: QtBot,
    window: UnlockWindow,
    gateway: StoreGateway,  # noqa: F811
    closed_store: tuple[Any, str],  # noqa: F811
) -> None:
    _store, code = closed_store
    qtbot.mouseClick(window.recover_button, Qt.MouseButton.LeftButton)
    dialog = window.recover_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.code, "AAAA-BBBB")
    qtbot.keyClicks(dialog.new_passphrase.first, NEW_PASSPHRASE)
    qtbot.keyClicks(dialog.new_passphrase.second, NEW_PASSPHRASE)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible, timeout=30_000)
    assert dialog.error.text().startswith("Det här är ingen giltig återställningskod")
    dialog.code.clear()
    qtbot.keyClicks(dialog.code, code)
    with qtbot.waitSignal(window.unlocked, timeout=60_000) as opened:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    store = opened.args[0]
    actions = on_worker(lambda: [e.action for e in store.audit.entries()])
    assert "recover" in actions
    on_worker(store.close)
    window.opened_stores.clear()  # type: ignore[attr-defined]
    reopened = on_worker(lambda: gateway.unlock(NEW_PASSPHRASE))
    on_worker(reopened.close)


def _dialogs() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def _focused() -> QWidget | None:
    return QApplication.focusWidget()


@pytest.mark.parametrize("how", ["escape", "cancel"])
def test_focus_returns_to_the_passphrase_when_the_recovery_dialog_closes(
    qtbot: QtBot, window: UnlockWindow, how: str
) -> None:
    """The reported leak: the link kept the focus after Esc, and the space in a passphrase
    typed next reopened the dialog, the rest landing in clear text in the code field."""
    qtbot.mouseClick(window.recover_button, Qt.MouseButton.LeftButton)
    dialog = window.recover_dialog
    assert dialog is not None and dialog.isVisible()
    if how == "escape":
        qtbot.keyClick(dialog.code, Qt.Key.Key_Escape)
    else:
        qtbot.mouseClick(dialog.buttons.buttons()[1], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: _focused() is window.passphrase)
    typed = "hemlig fras med mellanslag och mer"
    qtbot.keyClicks(_focused(), typed)
    assert _dialogs() == []
    assert window.passphrase.text() == typed


def test_only_the_passphrase_field_takes_keys(qtbot: QtBot, window: UnlockWindow) -> None:
    focusable = [
        w
        for w in window.findChildren(QWidget)
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.isVisibleTo(window)
    ]
    assert focusable == [window.passphrase]
    qtbot.mouseClick(window.recover_button, Qt.MouseButton.LeftButton)  # a click gives no focus
    dialog = window.recover_dialog
    assert dialog is not None
    dialog.reject()
    qtbot.waitUntil(lambda: _focused() is window.passphrase)
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)  # nowhere else to go
    assert _focused() is window.passphrase
    printable = string.ascii_letters + string.digits + string.punctuation + " "
    qtbot.keyClicks(_focused(), printable)
    assert window.passphrase.text() == printable and _dialogs() == []
    window.passphrase.clear()
    qtbot.keyClick(_focused(), Qt.Key.Key_Return)  # Enter unlocks (empty: a hint), no dialog
    assert window.error.text() == "Skriv din lösenfras." and _dialogs() == []


def test_the_recovery_code_is_reached_deliberately_with_ctrl_r(
    qtbot: QtBot, window: UnlockWindow
) -> None:
    qtbot.keyClick(window.passphrase, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.recover_dialog is not None)
    dialog = window.recover_dialog
    assert dialog is not None and dialog.isVisible()
    assert window.passphrase.text() == ""
    dialog.reject()
    qtbot.waitUntil(lambda: _focused() is window.passphrase)


def test_the_code_field_takes_only_a_codes_characters_at_normal_size(
    qtbot: QtBot, window: UnlockWindow
) -> None:
    window.open_recovery()
    dialog = window.recover_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.code, "abcu!? U,.def-0123 4")  # U is not in the code's alphabet
    assert dialog.code.text() == "abc def-0123 4"
    dialog.code.clear()
    qtbot.keyClicks(dialog.code, "A" * 40)
    assert dialog.code.text() == "A" * 28  # a code has 28 characters
    dialog.code.clear()
    qtbot.keyClicks(dialog.code, "oOiIlL")  # read as 0 and 1, as the check does
    assert dialog.code.text() == "oOiIlL"
    dialog.code.ensurePolished()
    dialog.new_passphrase.first.ensurePolished()
    size = dialog.code.font().pointSizeF()
    assert size == dialog.new_passphrase.first.font().pointSizeF()
    assert size == window.passphrase.font().pointSizeF()
    dialog.reject()


@pytest.fixture
def full_window(
    qtbot: QtBot,
    gateway: StoreGateway,  # noqa: F811
    closed_store: Any,  # noqa: F811
    app_sv: Any,  # noqa: F811
) -> Iterator[UnlockWindow]:
    """The unlock window with every way in: the quick-unlock PIN and a card."""

    def never(*_args: Any) -> Any:
        raise AssertionError("nothing may be tried here")

    card = CardAccess(str(gateway.path / "no-module.so"), never, never)
    win = UnlockWindow(
        gateway.unlock,
        gateway.retry_after,
        gateway.recover,
        gateway.passphrase_context,
        quick_unlock=never,
        card=card,
        keyring_state=gateway.keyring_state,
    )
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    yield win


def test_with_a_pin_and_a_card_still_only_one_field_takes_keys(
    qtbot: QtBot, full_window: UnlockWindow
) -> None:
    win = full_window
    assert win.pin_mode and win.card_button.isVisible()
    focusable = [
        w
        for w in win.findChildren(QWidget)
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.isVisibleTo(win)
    ]
    assert focusable == [win.pin]
    qtbot.waitUntil(lambda: _focused() is win.pin)
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
    assert _focused() is win.pin
    qtbot.keyClicks(_focused(), "k 12ab34 56")  # only digits land; no key opens a dialog
    assert win.pin.text() == "123456" and _dialogs() == []
    win.pin.clear()
    # the card is reached deliberately (Ctrl+K or the mouse); focus returns after it
    qtbot.keyClick(win, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = win.card_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: win.card_dialog is None and _focused() is win.pin)
    # back to the passphrase: again the only field that takes keys
    qtbot.mouseClick(win.passphrase_instead, Qt.MouseButton.LeftButton)
    assert not win.pin_mode
    qtbot.waitUntil(lambda: _focused() is win.passphrase)
    focusable = [
        w
        for w in win.findChildren(QWidget)
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.isVisibleTo(win)
    ]
    assert focusable == [win.passphrase]
