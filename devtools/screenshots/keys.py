"""Pictures of the other ways in: Settings › Inloggning, adding a card, the PIN after an idle
lock, unlocking with a card, the keyring-change notice and the recovery-code drill.

The card is a SoftHSM2 token made in a temporary folder (fictional label "SITHS-exempel",
PIN 123456) when SoftHSM2 is installed; otherwise the card dialogs show "no card inserted".
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

from devtools.screenshots.harness import (
    PASSPHRASE,
    DemoSession,
    settle,
    shoot,
    wait_until,
)
from storage.vault.store import Store
from ui.access.card_dialogs import CardEnrolDialog, CardUnlockDialog
from ui.access.drill import RecoveryDrillDialog
from ui.access.keyring_notice import CardAccess
from ui.access.unlock import UnlockWindow
from ui.window.settings_dialog import SettingsDialog, UiPreferences

CARD_PIN = "123456"
SOFTHSM_MODULES = (
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
)
#: Fictional: where a caseworker's OpenSC module would be.
DEMO_MODULE = "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so"


def _softhsm_card(tmp: Path) -> str | None:
    """A fictional card in a temporary SoftHSM2 token folder; its module, or None."""
    module = next((m for m in SOFTHSM_MODULES if Path(m).is_file()), None)
    if module is None or shutil.which("softhsm2-util") is None:
        return None
    folder = tmp / "softhsm"
    (folder / "tokens").mkdir(parents=True)
    conf = folder / "softhsm2.conf"
    conf.write_text(
        f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\n"
        "log.level = ERROR\n",
        encoding="utf-8",
    )
    os.environ["SOFTHSM2_CONF"] = str(conf)
    subprocess.run(
        [
            "softhsm2-util",
            "--init-token",
            "--free",
            "--label",
            "SITHS-exempel",
            "--pin",
            CARD_PIN,
            "--so-pin",
            "87654321",
        ],
        check=True,
        capture_output=True,
    )
    import pkcs11
    from pkcs11 import Attribute, KeyType

    lib = pkcs11.lib(module)
    lib.reinitialize()
    token = lib.get_token(token_label="SITHS-exempel")  # noqa: S106 - a label
    with token.open(rw=True, user_pin=CARD_PIN) as session:
        session.generate_keypair(KeyType.RSA, 2048, id=b"\x01", label="Legitimering", store=True)
        session.generate_keypair(
            KeyType.RSA,
            2048,
            id=b"\x02",
            label="Underskrift",
            store=True,
            private_template={Attribute.DECRYPT: False},
        )
    return module


def _never(*_args: Any) -> Any:
    raise RuntimeError("the pictures never unlock")


def key_shots(out: Path, store: Store, tmp: Path) -> None:
    session = DemoSession(store)
    module = _softhsm_card(tmp) or DEMO_MODULE
    prefs = UiPreferences(pkcs11_module=DEMO_MODULE)
    settings = SettingsDialog(prefs, session=session, quick_until=time.time() + 3 * 3600)
    settings.tabs.setCurrentIndex(1)
    settle(300)
    shoot(settings, out, "keys-1-settings-signing-in")
    settings.reject()

    enrol = CardEnrolDialog(session, module)
    wait_until(lambda: "Letar" not in enrol.card.text())
    enrol.pin.setText(CARD_PIN)
    if module != DEMO_MODULE:
        enrol.read_keys()
        wait_until(lambda: enrol.keys.count() > 0)
    enrol.passphrase.setText(PASSPHRASE)
    shoot(enrol, out, "keys-2-add-card")
    enrol.reject()

    card = CardAccess(module, _never, _never)
    pin_window = UnlockWindow(_never, lambda: 0.0, _never, quick_unlock=_never, card=card)
    pin_window.set_notice("Utväg låste sig efter 5 minuter utan aktivitet.")
    pin_window.pin.setText("2580")
    shoot(pin_window, out, "keys-3-pin-unlock")

    dialog = CardUnlockDialog(module, _never, None, (), pin_window)
    wait_until(lambda: "Letar" not in dialog.card.text())
    dialog.pin.setText(CARD_PIN)
    shoot(dialog, out, "keys-4-card-unlock")
    dialog.reject()
    pin_window.close()

    keyring_window = UnlockWindow(
        _never, lambda: 0.0, _never, card=card, keyring_state=lambda: "missing"
    )
    keyring_window.show()
    keyring_window.refresh()
    wait_until(keyring_window.keyring_notice.isVisible)
    shoot(keyring_window, out, "keys-5-keyring-changed")
    keyring_window.close()

    drill = RecoveryDrillDialog(session)
    drill.code.setText("7K2M-9QXD-4HTR-W8PN-3JFV-6BCS-1EYZ")
    drill._done("2026-06-01T09:00:00.000000Z")  # the result as it reads after a right code
    shoot(drill, out, "keys-6-drill")
    drill.reject()
