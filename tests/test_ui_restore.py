"""Restore from a backup in the first-run wizard: a real backup of a real store (SQLCipher
files, the real Secret Service for the device key) restored through the dialog; a typo in
the recovery code refused before any work; a damaged backup and an existing store refused
with one translated message and nothing written; the keyring entry taken over only when
the core refuses because of it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from desktop.gateway import StoreGateway
from storage.backup import backups as backup
from storage.casefile.case_list import list_case_ids
from storage.casefile.summaries import case_summary
from storage.vault import device_key
from storage.vault.crypto import KdfParams
from storage.vault.errors import WrongPassphraseError
from storage.vault.keyslots import (
    RecoveryCodeInvalidError,
    parse_recovery_code,
)
from storage.vault.opening import (
    create_store,
    store_info,
)
from sync.trust.identity import (
    ensure_identity,
    get_identity,
)
from tests.case_fixtures import PASS, audit_actions, new_case
from tests.test_store_support import changed, snapshot
from tests.ui_fixtures import (  # noqa: F401 - fixtures
    IDENTITY,
    app_sv,
    closed_store,
    gateway,
    made_store,
    message_boxes,
    on_worker,
)
from ui.access.first_run import (
    PAGE_RESTORED,
    PAGE_WELCOME,
    FirstRunWizard,
)
from ui.access.restore import RestoreDialog

NEW = "ny losenfras pa den nya datorn"  # ASCII: typed with QTest
CASE_NAME = "Hemlig Hemligsson"


@dataclass(frozen=True)
class Made:
    path: Path
    code: str
    store_id: str
    label: str  # the case's masked label in the original store


def make_backup(root: Path, *, device: bool = False) -> Made:
    """A real store with an identity and one case, and a real backup of it."""
    store, code = create_store(
        root / "old-laptop" / "store",
        PASS,
        actor="Gammal Dator",
        use_device_key=device,
        kdf=KdfParams.minimum(),
    )
    try:
        ensure_identity(store, IDENTITY.municipality, IDENTITY.unit, IDENTITY.caseworker)
        label = case_summary(store, new_case(store, name=CASE_NAME)).label
        (root / "usb").mkdir()
        info = backup.create_backup(store, root / "usb" / "utvag-2026-03-01.backup", PASS)
    finally:
        store.close()
    return Made(info.path, code, info.manifest.store_id, label)


class Wizard:
    """The wizard with a counting ``restore`` (the real gateway's, on the worker)."""

    def __init__(self, gateway: StoreGateway) -> None:  # noqa: F811
        self.calls: list[Path] = []

        def restore(*args: Any) -> Any:
            self.calls.append(args[0])
            return gateway.restore(*args)

        self.wiz = FirstRunWizard(
            gateway.create,
            gateway.check_keyring,
            gateway.passphrase_context,
            restore=restore,
            store_path=gateway.path,
        )


@pytest.fixture
def wizard(qtbot: QtBot, gateway: StoreGateway, app_sv: Any) -> Iterator[Wizard]:  # noqa: F811
    holder = Wizard(gateway)
    qtbot.addWidget(holder.wiz)
    holder.wiz.show()
    yield holder
    for box in message_boxes():
        box.close()
    if holder.wiz.store is not None:
        on_worker(holder.wiz.store.close)


def open_dialog(qtbot: QtBot, wiz: FirstRunWizard) -> RestoreDialog:
    button = wiz.welcome.restore_button
    assert button.isVisible() and button.text() == "&Återställ från säkerhetskopia…"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = wiz.restore_dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.ok_button.isEnabled()
    assert not dialog.take_over.isVisible()
    return dialog


def fill(qtbot: QtBot, dialog: RestoreDialog, path: Path, code: str) -> None:
    dialog.set_backup_file(path)  # what choosing it in the file dialog does
    qtbot.keyClicks(dialog.code, code)
    qtbot.keyClicks(dialog.new_passphrase.first, NEW)
    qtbot.keyClicks(dialog.new_passphrase.second, NEW[:-1])
    assert not dialog.ok_button.isEnabled()  # the repetition differs
    qtbot.keyClicks(dialog.new_passphrase.second, NEW[-1])
    assert dialog.ok_button.isEnabled()


def one_error(qtbot: QtBot) -> str:
    qtbot.waitUntil(lambda: len(message_boxes()) == 1, timeout=60_000)
    box = message_boxes()[0]
    assert box.textFormat() == Qt.TextFormat.PlainText
    text = box.text()
    box.close()
    return text


def left_behind(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name not in ("old-laptop", "usb"))


def test_restore_opens_the_store_with_the_new_passphrase_and_the_original_data(
    qtbot: QtBot,
    wizard: Wizard,
    gateway: StoreGateway,  # noqa: F811
    tmp_path: Path,
) -> None:
    made = make_backup(tmp_path)
    wiz = wizard.wiz
    dialog = open_dialog(qtbot, wiz)
    assert str(gateway.path) in dialog.explain.text()
    fill(qtbot, dialog, made.path, made.code.lower())  # typed in lower case: still the same code
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wiz.currentId() == PAGE_RESTORED, timeout=60_000)
    assert wizard.calls == [made.path] and message_boxes() == []
    assert wiz.restored.summary.text().startswith("Säkerhetskopian från 20")
    assert not wiz.restored.note.isVisible()  # the audit log in the copy verified
    assert not wiz.button(QWizard.WizardButton.BackButton).isVisible()
    finish = wiz.button(QWizard.WizardButton.FinishButton)
    assert finish.isVisible() and finish.text() == "&Öppna Utväg"
    with qtbot.waitSignal(wiz.store_created) as created:
        qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    store = created.args[0]

    def facts() -> tuple[Any, ...]:
        ids = list_case_ids(store)
        ident = get_identity(store)
        return (
            store.store_id,
            len(ids),
            case_summary(store, ids[0]).label,
            ident,
            audit_actions(store),
        )

    restored_id, count, label, ident, actions = on_worker(facts)
    on_worker(store.close)
    assert (restored_id, count, label) == (made.store_id, 1, made.label)
    assert (ident.municipality, ident.unit, ident.caseworker) == (
        IDENTITY.municipality,
        IDENTITY.unit,
        IDENTITY.caseworker,
    )
    assert actions[-5:] == ["recover", "unlock", "backup.restore", "lock", "unlock"]
    assert store_info(gateway.path).exists
    reopened = on_worker(lambda: gateway.unlock(NEW))
    on_worker(reopened.close)
    with pytest.raises(WrongPassphraseError):  # the old passphrase was not carried over
        on_worker(lambda: gateway.unlock(PASS))


def test_a_typo_in_the_recovery_code_is_refused_before_any_work(
    qtbot: QtBot,
    wizard: Wizard,
    gateway: StoreGateway,  # noqa: F811
    tmp_path: Path,
) -> None:
    made = make_backup(tmp_path)
    path, code = made.path, made.code
    typo = ("1" if code[0] != "1" else "2") + code[1:]
    with pytest.raises(RecoveryCodeInvalidError):
        parse_recovery_code(typo)  # one wrong character is always caught
    dialog = open_dialog(qtbot, wizard.wiz)
    fill(qtbot, dialog, path, typo)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.code_error.isVisible()
    assert dialog.code_error.text().startswith("Det här är ingen giltig återställningskod")
    assert wizard.calls == []  # nothing reached the worker
    assert not dialog.busy.isVisible() and dialog.ok_button.isEnabled()
    assert message_boxes() == [] and left_behind(tmp_path) == []
    dialog.code.clear()
    qtbot.keyClicks(dialog.code, code)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.code_error.isVisible()  # the corrected code goes through
    qtbot.waitUntil(lambda: wizard.wiz.currentId() == PAGE_RESTORED, timeout=60_000)
    assert wizard.calls == [path]


def test_a_damaged_backup_gives_one_clear_error_and_no_store_folder(
    qtbot: QtBot,
    wizard: Wizard,
    gateway: StoreGateway,  # noqa: F811
    tmp_path: Path,
) -> None:
    made = make_backup(tmp_path)
    truncated = made.path.with_name("avbruten-kopiering.backup")
    truncated.write_bytes(made.path.read_bytes()[: made.path.stat().st_size // 2])
    dialog = open_dialog(qtbot, wizard.wiz)
    fill(qtbot, dialog, truncated, made.code)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    text = one_error(qtbot)
    assert text.startswith("Filen ") and "är inte en hel säkerhetskopia av Utväg" in text
    assert "Traceback" not in text
    qtbot.wait(50)
    assert message_boxes() == []  # one message, not two
    assert wizard.calls == [truncated] and left_behind(tmp_path) == []
    assert not gateway.path.exists() and not store_info(gateway.path).exists
    assert wizard.wiz.currentId() == PAGE_WELCOME and wizard.wiz.store is None
    assert dialog.isVisible() and dialog.ok_button.isEnabled()  # another file can be tried


@pytest.mark.parametrize("occupied", ["store", "folder"])
def test_an_existing_store_or_folder_is_never_overwritten(
    qtbot: QtBot,
    wizard: Wizard,
    gateway: StoreGateway,  # noqa: F811
    tmp_path: Path,
    occupied: str,
    request: pytest.FixtureRequest,
) -> None:
    if occupied == "store":
        request.getfixturevalue("closed_store")  # a real store where the wizard would put it
    else:
        gateway.path.mkdir()
        (gateway.path / "anteckningar.txt").write_text("någon annans filer")
    made = make_backup(tmp_path)
    before = snapshot(tmp_path)
    dialog = open_dialog(qtbot, wizard.wiz)
    fill(qtbot, dialog, made.path, made.code)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    text = one_error(qtbot)
    if occupied == "store":
        assert text == f"Det finns redan en databas i {gateway.path}; Utväg skriver inte över den."
    else:
        assert text.startswith(f"Mappen {gateway.path} är inte tom.")
    assert changed(before, snapshot(tmp_path)) == []  # nothing written, moved or added
    assert wizard.wiz.store is None and not dialog.take_over.isVisible()


def test_the_keyring_entry_is_taken_over_only_when_the_core_refuses(
    qtbot: QtBot,
    wizard: Wizard,
    gateway: StoreGateway,  # noqa: F811
    tmp_path: Path,
    keyring_backend: Any,
) -> None:
    made = make_backup(tmp_path, device=True)
    store_id = made.store_id
    backend = device_key.resolve_backend()
    original = device_key.load_device_secret(backend, store_id)
    try:
        dialog = open_dialog(qtbot, wizard.wiz)
        fill(qtbot, dialog, made.path, made.code)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(dialog.take_over.isVisible, timeout=60_000)
        assert message_boxes() == [] and dialog.keyring_note.isVisible()
        assert "--" not in dialog.keyring_note.text()  # no command-line options in the GUI
        assert not dialog.take_over.isChecked() and left_behind(tmp_path) == []
        assert device_key.load_device_secret(backend, store_id) == original
        dialog.take_over.setFocus()
        qtbot.keyClick(dialog.take_over, Qt.Key.Key_Space)
        assert dialog.take_over.isChecked()
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: wizard.wiz.currentId() == PAGE_RESTORED, timeout=60_000)
        assert "enhetsnyckel" in wizard.wiz.restored.summary.text()
        assert len(wizard.calls) == 2
        fresh = device_key.load_device_secret(backend, store_id)
        assert fresh != original  # a new device secret for the restored store
        assert store_info(gateway.path).device_key is True
        store = wizard.wiz.store
        wizard.wiz.reject()  # cancelling now closes the store; next start: the unlock screen
        assert wizard.wiz.store is None and not wizard.wiz.isVisible()
        assert on_worker(lambda: store.closed) is True
        reopened = on_worker(lambda: gateway.unlock(NEW))
        on_worker(reopened.close)
    finally:
        device_key.delete_device_secret(backend, store_id)
