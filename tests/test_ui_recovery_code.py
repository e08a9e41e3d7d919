"""The recovery code after the first run, over a real store and the whole client: a code the
store still keeps (the first run ended before "I have written it down") is shown after the
next unlock, before the main window, until it is confirmed; *Ny återställningskod…* in
Settings rekeys on the store worker and shows the new code on the same page, which a lock
does not lose."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from desktop.app import AppController
from desktop.gateway import StoreGateway
from storage.vault.errors import WrongRecoveryCodeError
from storage.vault.opening import recover_store
from tests.ui_fixtures import (  # noqa: F401 - fixtures
    PASSPHRASE,
    app_sv,
    closed_store,
    gateway,
    made_store,
    on_worker,
    unconfirmed_store,
)
from ui.access.recovery_code import RecoveryCodeWizard
from ui.window.main_window import MainWindow


def _controller(app: QApplication, gateway: StoreGateway, tmp: Path) -> AppController:  # noqa: F811
    ctl = AppController(app, gateway, tmp / "settings.json", watch_os_lock=False)
    ctl.start()
    return ctl


def _close(ctl: AppController) -> None:
    ctl.shutdown()
    ctl.deleteLater()


@pytest.fixture
def kept(
    app_sv: QApplication,  # noqa: F811
    gateway: StoreGateway,  # noqa: F811
    unconfirmed_store: tuple[Any, str],  # noqa: F811
    tmp_path: Path,
) -> Iterator[tuple[AppController, str]]:
    ctl = _controller(app_sv, gateway, tmp_path)
    yield ctl, unconfirmed_store[1]
    _close(ctl)


@pytest.fixture
def confirmed(
    app_sv: QApplication,  # noqa: F811
    gateway: StoreGateway,  # noqa: F811
    closed_store: tuple[Any, str],  # noqa: F811
    tmp_path: Path,
) -> Iterator[tuple[AppController, str]]:
    ctl = _controller(app_sv, gateway, tmp_path)
    yield ctl, closed_store[1]
    _close(ctl)


def _type_passphrase(qtbot: QtBot, ctl: AppController) -> None:
    qtbot.waitUntil(lambda: ctl.unlock_window is not None and ctl.unlock_window.isVisible())
    window = ctl.unlock_window
    assert window is not None
    window.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(window.passphrase, Qt.Key.Key_Return)


def _code_page(qtbot: QtBot, ctl: AppController) -> RecoveryCodeWizard:
    qtbot.waitUntil(lambda: ctl.code_wizard is not None, timeout=30_000)
    wizard = ctl.code_wizard
    assert wizard is not None and wizard.isVisible()
    assert ctl.main_window is None or not ctl.main_window.isVisible()
    assert ctl.unlock_window is None or not ctl.unlock_window.isVisible()
    return wizard


def _main(qtbot: QtBot, ctl: AppController) -> MainWindow:
    qtbot.waitUntil(
        lambda: ctl.main_window is not None and ctl.main_window.isVisible(), timeout=30_000
    )
    assert ctl.main_window is not None
    return ctl.main_window


def _confirm(qtbot: QtBot, wizard: RecoveryCodeWizard) -> None:
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    wizard.code_page.confirm.setChecked(True)
    assert finish.text() == "&Klar" and finish.isEnabled()
    with qtbot.waitSignal(wizard.confirmed, timeout=10_000):
        qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)


def _actions(gateway: StoreGateway) -> list[str]:  # noqa: F811
    store = on_worker(lambda: gateway.unlock(PASSPHRASE))
    try:
        return on_worker(lambda: [e.action for e in store.audit.entries()])  # type: ignore[no-any-return]
    finally:
        on_worker(store.close)


def test_a_kept_code_is_shown_after_each_unlock_until_confirmed(
    qtbot: QtBot,
    kept: tuple[AppController, str],
    gateway: StoreGateway,  # noqa: F811
) -> None:
    ctl, code = kept
    _type_passphrase(qtbot, ctl)
    wizard = _code_page(qtbot, ctl)
    assert wizard.code_page.code_label.text() == code
    assert wizard.code_page.notice.text().startswith("Utväg stängdes innan du hade bekräftat")
    later = wizard.button(QWizard.WizardButton.CancelButton)
    assert later.text() == "Sen&are"
    qtbot.mouseClick(later, Qt.MouseButton.LeftButton)  # not now: locks again
    qtbot.waitUntil(lambda: not ctl.session.is_unlocked, timeout=10_000)
    assert ctl.main_window is None
    _type_passphrase(qtbot, ctl)
    wizard = _code_page(qtbot, ctl)
    assert wizard.code_page.code_label.text() == code  # still kept, the same code
    _confirm(qtbot, wizard)
    _main(qtbot, ctl)
    assert ctl.code_wizard is None
    ctl.session.lock()
    qtbot.waitUntil(lambda: ctl.unlock_window is not None and ctl.unlock_window.isVisible())
    _type_passphrase(qtbot, ctl)
    _main(qtbot, ctl)  # confirmed: straight to the main window
    assert ctl.code_wizard is None
    ctl.session.lock()
    qtbot.waitUntil(lambda: not ctl.session.is_unlocked)
    actions = _actions(gateway)
    assert actions.count("recovery_code.shown") == 2
    assert actions.count("recovery_code.confirmed") == 1


def test_a_new_recovery_code_from_settings(
    qtbot: QtBot,
    confirmed: tuple[AppController, str],
    gateway: StoreGateway,  # noqa: F811
) -> None:
    ctl, old_code = confirmed
    _type_passphrase(qtbot, ctl)
    main = _main(qtbot, ctl)
    main.open_settings()
    settings = main.settings_dialog
    assert settings is not None and settings.isVisible()
    assert settings.new_code_button.text() == "&Ny återställningskod…"
    qtbot.mouseClick(settings.new_code_button, Qt.MouseButton.LeftButton)
    dialog = main.new_code_dialog
    assert dialog is not None and dialog.isVisible() and not settings.isVisible()
    assert "återställningskoden slutar gälla direkt" in dialog.explain.text()
    assert "bara med den kod som gällde när de gjordes" in dialog.explain.text()
    dialog.passphrase.setText("inte den ratta losenfrasen")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible, timeout=30_000)
    assert dialog.error.text().startswith("Lösenfrasen är inte rätt")
    assert dialog.passphrase.text() == ""
    dialog.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.renewed, timeout=60_000) as renewed:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wizard = renewed.args[0]
    new_code = wizard.code_page.code_label.text()
    assert new_code and new_code != old_code
    assert "Den gamla koden öppnar inte längre databasen" in wizard.code_page.notice.text()
    assert "bara med den kod som gällde när de gjordes" in wizard.code_page.notice.text()
    # a lock while the new code is on screen closes the page and does not lose the code
    ctl.session.lock()
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert wizard.code_page.code_label.text() == ""
    _type_passphrase(qtbot, ctl)
    again = _code_page(qtbot, ctl)
    assert again.code_page.code_label.text() == new_code
    _confirm(qtbot, again)
    _main(qtbot, ctl)
    ctl.session.lock()
    qtbot.waitUntil(lambda: not ctl.session.is_unlocked)
    actions = _actions(gateway)
    after_rekey = actions[len(actions) - actions[::-1].index("rekey") :]
    assert after_rekey.count("recovery_code.shown") == 1  # after the unlock that followed
    assert after_rekey.count("recovery_code.confirmed") == 1
    with pytest.raises(WrongRecoveryCodeError):
        on_worker(
            lambda: recover_store(gateway.path, old_code, "en helt ny losenfras har", actor="t")
        )
    on_worker(
        lambda: recover_store(gateway.path, new_code, "en helt ny losenfras har", actor="t").close()
    )
