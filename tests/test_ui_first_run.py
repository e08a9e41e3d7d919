"""First run: the wizard creates a real store (device key in the real Secret Service, or
deliberately without one when no secure keyring exists), refuses a weak passphrase with the
reason, shows the recovery code and only finishes after "I have written it down". No way
out loses the code: cancelling while the store is created, or on the recovery-code page,
leaves a closed store that keeps its code for the next unlock."""

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
from storage.vault.opening import (
    recover_store,
    store_info,
)
from sync.trust.identity import get_identity
from tests.ui_fixtures import app_sv, gateway, message_boxes, on_worker  # noqa: F401
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
    wiz = FirstRunWizard(gateway.create, gateway.check_keyring, gateway.passphrase_context)
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
    qtbot.keyClicks(field.first, "Sommar2024!!")  # long enough, and among the first guesses
    qtbot.keyClicks(field.second, "Sommar2024!!")
    assert not wiz.button(QWizard.WizardButton.NextButton).isEnabled()
    verdict = field.verdict.text()
    assert verdict.startswith("Styrka: Svag — Den nya lösenfrasen består av vanliga ord")
    assert verdict.endswith(f"till exempel: {field.suggestion}")
    field.first.clear()
    field.second.clear()
    qtbot.keyClicks(field.first, "sommar vinter var")  # above the floor, not strong
    qtbot.keyClicks(field.second, "sommar vinter var")
    assert wiz.button(QWizard.WizardButton.NextButton).isEnabled()
    assert field.verdict.text() == (
        "Styrka: Godtagbar — Godtas, men den kan bli starkare: ett eller två ord till gör den "
        "mycket svårare att gissa."
    )
    field.first.clear()
    field.second.clear()
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
    wiz.reject()  # Avbryt asks first; "Tillbaka till koden" stays
    box = wiz.leave_box
    assert box is not None and box.isVisible()
    qtbot.mouseClick(box.buttons()[1], Qt.MouseButton.LeftButton)
    assert box.clickedButton().text() == "&Tillbaka till koden"
    qtbot.waitUntil(lambda: wiz.leave_box is None)
    assert wiz.isVisible() and wiz.recovery.code_label.text() == code
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
    actions = on_worker(lambda: [e.action for e in store.audit.entries()])
    assert actions[:2] == ["create", "identity.create"]
    assert actions[-1] == "recovery_code.confirmed"  # "Öppna Utväg" wiped the kept code
    assert on_worker(lambda: gateway.unconfirmed_code(store)) is None
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


def _to_identity_page(qtbot: QtBot, wiz: FirstRunWizard) -> None:
    _next(qtbot, wiz)
    qtbot.waitUntil(lambda: wiz.keyring.ok is True, timeout=10_000)
    _next(qtbot, wiz)
    wiz.passphrase.input.first.setText(TYPED_PASSPHRASE)
    wiz.passphrase.input.second.setText(TYPED_PASSPHRASE)
    _next(qtbot, wiz)
    assert wiz.currentId() == PAGE_IDENTITY
    for field, text in (
        (wiz.identity.municipality, "Exempelkommun"),
        (wiz.identity.unit, "Avhopparverksamheten"),
        (wiz.identity.caseworker, "Test Handlaggare"),
    ):
        field.setText(text)


def _the_kept_code(gateway: StoreGateway) -> str:  # noqa: F811
    """Unlock the store the wizard left behind (so it was closed) and read its kept code."""
    store = on_worker(lambda: gateway.unlock(TYPED_PASSPHRASE))
    try:
        code = on_worker(lambda: gateway.unconfirmed_code(store))
    finally:
        on_worker(store.close)
    assert isinstance(code, str)
    return code


def test_cancel_while_the_store_is_created_keeps_its_code_for_the_next_unlock(
    qtbot: QtBot,
    wizard: FirstRunWizard,
    gateway: StoreGateway,  # noqa: F811
    keyring_backend: Any,
) -> None:
    _to_identity_page(qtbot, wizard)
    _next(qtbot, wizard)  # "Skapa databasen": the store is being created on the worker
    assert wizard.identity.working
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    with qtbot.waitSignal(wizard.rejected, timeout=60_000):
        wizard.reject()  # Avbryt: waits for the creation, then closes the store
        assert wizard.isVisible()  # still there while the store is created
        assert wizard.identity.busy_label.text().startswith("Avbryter. Databasen håller på")
        assert not wizard.button(QWizard.WizardButton.CancelButton).isEnabled()
    assert wizard.store is None and wizard.recovery.code_label.text() == ""
    assert store_info(gateway.path).exists
    code = _the_kept_code(gateway)  # shown again after the next unlock
    # it is the store's real recovery code
    new = "ny losenfras efter avbrottet"
    on_worker(lambda: recover_store(gateway.path, code, new, actor="t").close())
    recovered = on_worker(lambda: gateway.unlock(new))
    actions = on_worker(lambda: [e.action for e in recovered.audit.entries()])
    on_worker(recovered.close)
    assert "recovery_code.shown" in actions and "recovery_code.confirmed" not in actions


def test_cancel_on_the_recovery_page_asks_then_closes_and_keeps_the_code(
    qtbot: QtBot,
    wizard: FirstRunWizard,
    gateway: StoreGateway,  # noqa: F811
    keyring_backend: Any,
) -> None:
    _to_identity_page(qtbot, wizard)
    _next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentId() == PAGE_RECOVERY, timeout=60_000)
    code = wizard.recovery.code_label.text()
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)  # Esc is Avbryt too
    box = wizard.leave_box
    assert box is not None and box.isVisible()
    assert box.text().startswith("Databasen är skapad, men du har inte bekräftat")
    with qtbot.waitSignal(wizard.rejected, timeout=10_000):
        qtbot.mouseClick(box.buttons()[0], Qt.MouseButton.LeftButton)
    assert box.clickedButton().text() == "&Stäng Utväg"
    assert wizard.store is None and wizard.recovery.code_label.text() == ""
    qtbot.waitUntil(lambda: not message_boxes())
    assert _the_kept_code(gateway) == code
