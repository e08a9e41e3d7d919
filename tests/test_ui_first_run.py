"""First run: the wizard creates a real store (device key in the real Secret Service, or
deliberately without one when no secure keyring exists), shows the recovery code once and
only finishes after "I have written it down"."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QWizard
from pytestqt.qtbot import QtBot

from desktop.gateway import StoreGateway
from storage.vault.opening import store_info
from storage.vault.passphrase import MIN_PASSPHRASE_LENGTH
from sync.trust.identity import get_identity
from tests.ui_fixtures import app_sv, gateway, on_worker  # noqa: F401 - fixtures
from ui.access.first_run import (
    PAGE_IDENTITY,
    PAGE_KEYRING,
    PAGE_PASSPHRASE,
    PAGE_RECOVERY,
    FirstRunWizard,
)

TYPED_PASSPHRASE = "korrekt hast batteri haftklammer"


@pytest.fixture
def wizard(qtbot: QtBot, gateway: StoreGateway, app_sv: Any) -> Iterator[FirstRunWizard]:  # noqa: F811
    wiz = FirstRunWizard(gateway.create, gateway.check_keyring, MIN_PASSPHRASE_LENGTH)
    qtbot.addWidget(wiz)
    wiz.show()
    yield wiz
    if wiz.store is not None:
        on_worker(wiz.store.close)


def _next(qtbot: QtBot, wiz: FirstRunWizard) -> None:
    button = wiz.button(QWizard.WizardButton.NextButton)
    if wiz.currentPage().isCommitPage():
        button = wiz.button(QWizard.WizardButton.CommitButton)
    assert button.isEnabled(), f"Next is disabled on page {wiz.currentId()}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _tick(qtbot: QtBot, box: QCheckBox) -> None:
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked()


def _fill_passphrase(qtbot: QtBot, wiz: FirstRunWizard) -> None:
    assert wiz.currentId() == PAGE_PASSPHRASE
    field = wiz.passphrase.input
    qtbot.keyClicks(field.first, "kort")
    assert not wiz.button(QWizard.WizardButton.NextButton).isEnabled()
    assert "För kort: 4 av minst 12 tecken." in field.verdict.text()
    field.first.clear()
    qtbot.keyClicks(field.first, TYPED_PASSPHRASE)
    qtbot.keyClicks(field.second, TYPED_PASSPHRASE[:-1])
    assert not wiz.button(QWizard.WizardButton.NextButton).isEnabled()
    qtbot.keyClicks(field.second, TYPED_PASSPHRASE[-1])
    assert field.verdict.text().startswith("Styrka:")
    _next(qtbot, wiz)


def _fill_identity_and_create(qtbot: QtBot, wiz: FirstRunWizard) -> None:
    assert wiz.currentId() == PAGE_IDENTITY
    qtbot.keyClicks(wiz.identity.municipality, "Exempelkommun")
    qtbot.keyClicks(wiz.identity.unit, "Avhopparverksamheten")
    qtbot.keyClicks(wiz.identity.caseworker, "Test Handlaggare")
    assert wiz.button(QWizard.WizardButton.CommitButton).text() == "&Skapa databasen"
    _next(qtbot, wiz)
    qtbot.waitUntil(lambda: wiz.currentId() == PAGE_RECOVERY, timeout=60_000)


def _confirm_and_finish(qtbot: QtBot, wiz: FirstRunWizard) -> Any:
    code = wiz.recovery.code_label.text()
    assert len(code.replace("-", "")) == 28
    finish = wiz.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    wiz.reject()  # closing now would lose the code: refused
    assert wiz.isVisible()
    _tick(qtbot, wiz.recovery.confirm)
    assert finish.isEnabled()
    with qtbot.waitSignal(wiz.store_created) as created:
        qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert wiz.recovery.code_label.text() == ""
    return created.args[0]


def test_first_run_creates_a_store_bound_to_the_keyring(
    qtbot: QtBot,
    wizard: FirstRunWizard,
    gateway: StoreGateway,  # noqa: F811
    keyring_backend: Any,
) -> None:
    assert wizard.windowTitle() == "Utväg"
    _next(qtbot, wizard)
    assert wizard.currentId() == PAGE_KEYRING
    qtbot.waitUntil(lambda: wizard.keyring.ok is True, timeout=10_000)
    assert "Nyckelringen är tillgänglig" in wizard.keyring.status.text()
    assert not wizard.keyring.weaker.isVisible()
    _next(qtbot, wizard)
    _fill_passphrase(qtbot, wizard)
    _fill_identity_and_create(qtbot, wizard)
    store = _confirm_and_finish(qtbot, wizard)
    info = store_info(gateway.path)
    assert info.exists and info.device_key is True
    assert on_worker(lambda: [e.action for e in store.audit.entries()])[:2] == [
        "create",
        "identity.create",
    ]
    identity = on_worker(lambda: get_identity(store))
    assert (identity.municipality, identity.unit, identity.caseworker) == (
        "Exempelkommun",
        "Avhopparverksamheten",
        "Test Handlaggare",
    )
    on_worker(store.close)
    reopened = on_worker(lambda: gateway.unlock(TYPED_PASSPHRASE))
    on_worker(reopened.close)


def test_without_a_secure_keyring_the_weaker_store_must_be_chosen_deliberately(
    qtbot: QtBot,
    wizard: FirstRunWizard,
    gateway: StoreGateway,  # noqa: F811
) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        _next(qtbot, wizard)
        qtbot.waitUntil(lambda: wizard.keyring.ok is False, timeout=10_000)
        assert wizard.keyring.problem.text().startswith("Det finns ingen säker nyckelring")
        next_button = wizard.button(QWizard.WizardButton.NextButton)
        assert not next_button.isEnabled()
        assert wizard.keyring.weaker.isVisible() and wizard.keyring.weaker_note.isVisible()
        _tick(qtbot, wizard.keyring.weaker)
        _next(qtbot, wizard)
        _fill_passphrase(qtbot, wizard)
        _fill_identity_and_create(qtbot, wizard)
        store = _confirm_and_finish(qtbot, wizard)
    finally:
        keyring.set_keyring(previous)
    assert store_info(gateway.path).device_key is False
    on_worker(store.close)


def test_cancelling_before_creation_leaves_nothing(
    qtbot: QtBot,
    wizard: FirstRunWizard,
    gateway: StoreGateway,  # noqa: F811
) -> None:
    with qtbot.waitSignal(wizard.rejected):
        wizard.reject()
    assert not store_info(gateway.path).exists
