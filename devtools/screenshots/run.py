"""Render the desktop client's main screens to PNG: ``python -m devtools.screenshots OUT_DIR``.

Runs under ``QT_QPA_PLATFORM=offscreen`` (``make screenshots``) with a temporary,
passphrase-only store and fictional data only; nothing touches the user's store, settings
or keyring. The pictures are for docs/ and the README.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from desktop.app import App
from devtools.screenshots.cases import case_shots
from devtools.screenshots.harness import (
    DEMO_IDENTITY,
    PASSPHRASE,
    UI_DIR,
    DemoSession,
    install_swedish,
    on_worker,
    shoot,
    wait_until,
)
from devtools.screenshots.keys import key_shots
from devtools.screenshots.team import team_shots
from devtools.screenshots.tools import tool_shots
from storage.backup.restore import KeyringEntryExistsError
from storage.casefile.case_list import list_case_ids
from storage.casefile.protection import (
    RevealField,
    reveal,
)
from storage.casefile.summaries import case_summary
from storage.demo.build import build_demo
from storage.vault import throttle
from storage.vault.crypto import KdfParams
from storage.vault.keyslots import format_recovery_code
from storage.vault.opening import (
    create_store,
    unlock_store,
)
from storage.vault.store import Store
from sync.trust.identity import caseworker_name, ensure_identity
from ui.access.first_run import (
    FirstRunWizard,
    Identity,
)
from ui.access.recovery_code import (
    RecoveryCodeWizard,
    renewed_notice,
    shown_again_notice,
)
from ui.access.unlock import UnlockWindow
from ui.kit.labels import keyring_name
from ui.kit.masking import MaskedField
from ui.runtime.operations import taskman
from ui.window.audit_view import AuditView
from ui.window.main_window import MainWindow
from ui.window.settings_dialog import UiPreferences

#: Fictional: where the wizard would put the store on a caseworker's Windows laptop.
DEMO_STORE_PATH = Path(r"C:\Users\alex.exempelsson\AppData\Local\Utväg\store")
#: Fictional: the account name a new passphrase must not be built on.
DEMO_CONTEXT = ("alex.exempelsson",)
#: Fictional: a recovery code for the pictures of the recovery-code page on its own.
DEMO_CODE = format_recovery_code(bytes(range(16)))


def _no_restore(*_args: Any) -> tuple[Any, Any]:
    raise RuntimeError("the pictures never restore")


def wizard_shots(out: Path, store_dir: Path) -> Any:
    created: dict[str, Any] = {}

    def create(passphrase: str, use_device_key: bool, identity: Identity) -> tuple[Any, str]:
        store, code = create_store(  # as desktop.gateway does: the caseworker is who works
            store_dir,
            passphrase,
            actor=identity.caseworker,
            use_device_key=use_device_key,
            kdf=KdfParams.minimum(),
            keep_code_unconfirmed=True,
        )
        ensure_identity(store, identity.municipality, identity.unit, identity.caseworker)
        created["store"] = store
        return store, code

    wizard = FirstRunWizard(
        create,
        lambda: keyring_name("keyring.backends.SecretService.Keyring"),
        DEMO_CONTEXT,
        restore=_no_restore,
        store_path=DEMO_STORE_PATH,
    )
    shoot(wizard, out, "first-run-1-welcome")
    wizard.next()
    wait_until(lambda: wizard.keyring.ok is True)
    shoot(wizard, out, "first-run-2-keyring")
    wizard.keyring._show_result(False, _no_keyring_text())
    wizard.keyring.weaker.setChecked(True)
    shoot(wizard, out, "first-run-2b-no-keyring")
    wizard.next()
    wizard.passphrase.input.first.setText("Sommar2026!!")
    wizard.passphrase.input.second.setText("Sommar2026!!")
    wizard.passphrase.input.show_box.setChecked(True)  # a fictional weak one, for the picture
    shoot(wizard, out, "first-run-3b-weak-passphrase")
    wizard.passphrase.input.show_box.setChecked(False)
    wizard.passphrase.input.first.setText(PASSPHRASE)
    wizard.passphrase.input.second.setText(PASSPHRASE)
    shoot(wizard, out, "first-run-3-passphrase")
    wizard.next()
    wizard.identity.municipality.setText(DEMO_IDENTITY.municipality)
    wizard.identity.unit.setText(DEMO_IDENTITY.unit)
    wizard.identity.caseworker.setText(DEMO_IDENTITY.caseworker)
    shoot(wizard, out, "first-run-4-identity")
    wizard.next()
    wait_until(lambda: wizard.currentId() == 4)
    shoot(wizard, out, "first-run-5-recovery-code")
    wizard.recovery.confirm.setChecked(True)
    wizard.accept()
    return created["store"]


def restore_shots(out: Path) -> None:
    """The restore dialog (filled in, and after the keyring refusal) and the last page."""
    from types import SimpleNamespace

    wizard = FirstRunWizard(
        lambda *_a: (None, ""),
        lambda: "",
        DEMO_CONTEXT,
        restore=_no_restore,
        store_path=DEMO_STORE_PATH,
    )
    wizard.show()
    wizard.open_restore()
    dialog = wizard.restore_dialog
    assert dialog is not None
    dialog.set_backup_file(Path(r"E:\utvag-2026-03-01.backup"))
    dialog.code.setText("ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345")
    dialog.new_passphrase.first.setText(PASSPHRASE)
    dialog.new_passphrase.second.setText(PASSPHRASE)
    shoot(dialog, out, "first-run-1b-restore")
    dialog._failed(KeyringEntryExistsError())
    shoot(dialog, out, "first-run-1c-restore-keyring")
    dialog.reject()
    wizard._restored(
        cast("Store", object()),  # the page after a restore is pictured; no store is read
        SimpleNamespace(backup_created="2026-03-01T09:12:00Z", device_key=True, audit_ok=True),
    )
    shoot(wizard, out, "first-run-6-restored")
    wizard.store = None
    wizard.close()


def _no_keyring_text() -> str:
    from storage.vault.device_key import NoSecureKeyringError

    return NoSecureKeyringError().render(QCoreApplication.translate)


def add_demo_cases(store: Store) -> tuple[int, str]:
    """Fictional demo cases (storage.demo.build); returns a case id and its masked label."""
    build_demo(store, cases=12, seed=7)
    case_id = list_case_ids(store, order_by="number")[0]
    label = case_summary(store, case_id).label
    reveal(store, case_id, RevealField.NAME, "Samråd med polisen om hotbilden")
    return case_id, label


def unlock_shots(out: Path, store_dir: Path) -> None:
    def unlock(passphrase: str) -> Any:
        return unlock_store(store_dir, passphrase, actor="alex", actor_from=caseworker_name)

    window = UnlockWindow(
        unlock,
        lambda: throttle.read_state(store_dir).retry_after(),
        lambda c, p: None,
        DEMO_CONTEXT,
    )
    window.set_notice(App().idle_notice(5))
    shoot(window, out, "unlock-1-locked")
    window.set_notice("")
    long_ago = time.time() - 3600
    for _ in range(7):  # earlier failures, their delay long over
        throttle.record_failure(store_dir, "passphrase", now=long_ago)
    window.passphrase.setText("fel lösenfras 1234")
    window.try_unlock()
    wait_until(lambda: window.seconds_left() > 0 and not window.busy.isVisible())
    shoot(window, out, "unlock-2-error-countdown")
    window.open_recovery()
    dialog = window.recover_dialog
    assert dialog is not None
    dialog.code.setText("ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345")
    shoot(dialog, out, "unlock-3-recovery")
    dialog.reject()
    window.close()
    throttle.reset(store_dir)


def main_shots(out: Path, store: Store, case_id: int, label: str) -> None:
    session = DemoSession(store)
    window = MainWindow(session, UiPreferences())
    window.set_identity_text(f"{DEMO_IDENTITY.caseworker} · {DEMO_IDENTITY.unit}")
    shoot(window, out, "main-1-frame")
    field = MaskedField(
        "Namn",
        label,
        lambda s, reason: reveal(s, case_id, RevealField.NAME, reason),
        session,
    )
    field.setMinimumWidth(520)
    field.ask_reason()
    dialog = field.reason_dialog
    assert dialog is not None
    dialog.reason.setPlainText("Samråd med polisen om hotbilden")
    shoot(dialog, out, "main-2-reveal-reason")
    dialog.accept()
    wait_until(field.is_revealed)
    shoot(field, out, "main-3-revealed")
    window.open_audit_view()
    audit = window.audit_view
    assert isinstance(audit, AuditView)
    wait_until(lambda: audit.model.rowCount() > 0)
    audit.verify()
    wait_until(lambda: bool(audit.status.property("state")))
    shoot(audit, out, "main-4-audit-log")
    audit.reject()
    recovery_code_shots(out, window, session)
    window.close()


def recovery_code_shots(out: Path, window: MainWindow, session: DemoSession) -> None:
    """Settings with *Ny återställningskod…*, its dialog, the new code, and a kept code shown
    again after unlocking (fictional code; nothing is re-encrypted for the pictures)."""
    window.open_settings()
    settings = window.settings_dialog
    assert settings is not None
    shoot(settings, out, "settings-1-dialog")
    settings.reject()
    dialog = window.open_new_recovery_code()
    assert dialog is not None
    dialog.passphrase.setText(PASSPHRASE)
    shoot(dialog, out, "settings-2-new-recovery-code")
    dialog.reject()
    for name, notice in (
        ("settings-3-new-code-shown", renewed_notice()),
        ("unlock-4-code-shown-again", shown_again_notice()),
    ):
        wizard = RecoveryCodeWizard(session, DEMO_CODE, notice)
        shoot(wizard, out, name)
        wizard.reject()


#: The screens every picture is made for: a 1920×1080 laptop at 150 % and a 1024×768 one.
SIZES = ((1280, 720), (1024, 768))


def main(argv: list[str]) -> int:
    """``OUT_DIR``: every screen at every size of :data:`SIZES`, one process per size (the
    offscreen screen's size is fixed when Qt starts), into ``OUT_DIR/<width>x<height>/``."""
    out = Path(argv[0] if argv else "docs/screenshots")
    if len(argv) >= 3 and argv[1] == "--one":
        width, height = (int(v) for v in argv[2].split("x"))
        return shoot_all(out, width, height)
    for width, height in SIZES:
        with tempfile.TemporaryDirectory(prefix="utvag-screen-") as tmp:
            config = Path(tmp) / "screen.json"
            screen = {"name": "shots", "x": 0, "y": 0, "width": width, "height": height}
            screen |= {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
            config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
            env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
            size = f"{width}x{height}"
            cmd = [sys.executable, "-m", "devtools.screenshots", str(out), "--one", size]
            print(f"screenshots at {size} ...", flush=True)
            done = subprocess.run(cmd, env=env, check=False)
            if done.returncode != 0:
                return done.returncode
    return 0


def shoot_all(base: Path, width: int, height: int) -> int:
    out = base / f"{width}x{height}"
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication(["utvag-screenshots"])
    screen = app.primaryScreen().availableGeometry()
    if (screen.width(), screen.height()) != (width, height):
        print(f"the screen is {screen.width()}x{screen.height()}, not {width}x{height}")
        return 1
    app.setStyle("Fusion")
    app.setStyleSheet((UI_DIR / "styles" / "app.qss").read_text(encoding="utf-8"))
    install_swedish(app)
    with tempfile.TemporaryDirectory(prefix="utvag-shots-") as tmp:
        store_dir = Path(tmp) / "store"
        store = wizard_shots(out, store_dir)
        restore_shots(out)
        case_id, label = on_worker(lambda: add_demo_cases(store))
        main_shots(out, store, case_id, label)
        case_shots(out, DemoSession(store), on_worker, shoot, wait_until)
        tool_shots(out, store, Path(tmp), pdf_renderer=lambda _report: b"")  # shows the button
        team_shots(out, store, Path(tmp))  # after tool_shots: it adds two colleagues
        key_shots(out, store, Path(tmp))
        on_worker(store.close)
        unlock_shots(out, store_dir)
        taskman().shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
