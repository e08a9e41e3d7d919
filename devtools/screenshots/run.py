"""Render the desktop client's main screens to PNG: ``python -m devtools.screenshots OUT_DIR``.

Runs under ``QT_QPA_PLATFORM=offscreen`` (``make screenshots``) with a temporary,
passphrase-only store and fictional data only; nothing touches the user's store, settings
or keyring. The pictures are for docs/ and the README.
"""

from __future__ import annotations

import os
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
from storage.vault.opening import (
    create_store,
    unlock_store,
)
from storage.vault.passphrase import MIN_PASSPHRASE_LENGTH
from storage.vault.store import Store
from sync.trust.identity import caseworker_name, ensure_identity
from ui.access.first_run import (
    FirstRunWizard,
    Identity,
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
        )
        ensure_identity(store, identity.municipality, identity.unit, identity.caseworker)
        created["store"] = store
        return store, code

    wizard = FirstRunWizard(
        create,
        lambda: keyring_name("keyring.backends.SecretService.Keyring"),
        MIN_PASSPHRASE_LENGTH,
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
        MIN_PASSPHRASE_LENGTH,
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
        MIN_PASSPHRASE_LENGTH,
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
    window.close()


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication(["utvag-screenshots"])
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
        on_worker(store.close)
        unlock_shots(out, store_dir)
        taskman().shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
