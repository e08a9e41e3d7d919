"""The first-run wizard's keyring page: is there a secure keyring for the device key?

When there is none, the page says what is wrong (the translated refusal from
storage/vault/device_key.py) and offers — clearly marked as weaker — a passphrase-only store
(the CLI's ``--no-device-key``); the wizard can only go on with one of the two.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QVBoxLayout, QWidget, QWizardPage

from ui.runtime.error_dialog import error_text
from ui.runtime.operations import run_op

#: ``check_keyring() -> backend name``; raises a UtvagError explaining the problem.
KeyringCheckFn = Callable[[], str]


def _label(text: str, parent: QWidget, name: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if name:
        label.setObjectName(name)
    return label


class KeyringPage(QWizardPage):
    """Checks the OS keyring; offers the weaker passphrase-only store only when it fails."""

    def __init__(self, check: KeyringCheckFn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._check = check
        self.ok: bool | None = None
        self.setTitle(self.tr("Device key"))
        intro = _label(
            self.tr(
                "The store is bound to this computer with a device key kept in the "
                "operating system's keyring. A copy of the store files is then useless "
                "without this computer or the recovery code."
            ),
            self,
            "intro",
        )
        self.status = _label(self.tr("Checking the keyring…"), self, "keyringStatus")
        self.problem = _label("", self, "keyringProblem")
        self.weaker = QCheckBox(
            self.tr("Create the store WITHOUT a device key (weaker protection)"), self
        )
        self.weaker.setObjectName("noDeviceKey")
        self.weaker_note = _label(
            self.tr(
                "Weaker: then the passphrase alone opens the store, also on another computer. "
                "Anyone who copies the store files can try to guess the passphrase. Choose "
                "this only if your IT support cannot provide a keyring, and use a long "
                "passphrase."
            ),
            self,
            "warning",
        )
        self.recheck = QPushButton(self.tr("Check again"), self)
        self.recheck.setObjectName("recheckKeyring")
        self.recheck.setAutoDefault(False)
        self.recheck.clicked.connect(self.run_check)
        layout = QVBoxLayout(self)
        for label in (intro, self.status, self.problem):
            layout.addWidget(label)
        layout.addWidget(self.recheck, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.weaker)
        layout.addWidget(self.weaker_note)
        layout.addStretch(1)
        self.weaker.toggled.connect(self.completeChanged)
        self._show_result(None, "")

    def initializePage(self) -> None:
        self.run_check()

    def run_check(self) -> None:
        self.ok = None
        self.status.setText(self.tr("Checking the keyring…"))
        check = self._check
        run_op(
            self,
            lambda _ctx: check(),
            lambda name: self._show_result(True, str(name)),
            lambda exc: self._show_result(False, error_text(exc)),
            progress=False,
        )

    def _show_result(self, ok: bool | None, detail: str) -> None:
        self.ok = ok
        failed = ok is False
        if ok:
            self.status.setText(
                self.tr(
                    "The keyring is available ({backend}). The store will be bound to "
                    "this computer."
                ).format(backend=detail)
            )
        elif failed:
            self.status.setText(self.tr("No secure keyring is available."))
        self.problem.setText(detail if failed else "")
        self.problem.setVisible(failed)
        self.recheck.setVisible(failed)
        self.weaker.setVisible(failed)
        self.weaker_note.setVisible(failed)
        if not failed:
            self.weaker.setChecked(False)
        self.completeChanged.emit()

    def use_device_key(self) -> bool:
        return not self.weaker.isChecked()

    def isComplete(self) -> bool:
        return bool(self.ok) or (self.ok is False and self.weaker.isChecked())
