"""Settings › *Snabbupplåsning*: choose the PIN that opens Utväg again after an idle lock.

The passphrase opens the key once more; the PIN then wraps it in memory only (docs/store.md,
"Quick re-unlock"): nothing derived from the PIN is written to disk. It works after an idle
lock only — not after Ctrl+L, an OS screen lock, sleep or a restart — and stops after three
wrong PINs or when the time limit (Settings) has passed. desktop/ hands in ``arm(store,
passphrase, pin, hours) -> end time`` (run on the store worker).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from storage.errors import UtvagError
from storage.vault.quick_unlock import (
    MAX_PIN_DIGITS,
    validate_quick_pin,
)
from ui.kit.dialogs import plain_label, set_state
from ui.runtime.error_dialog import error_text
from ui.runtime.session_api import SessionAPI

ArmFn = Callable[[Any, str, str, int], float]


def pin_field(parent: QWidget, name: str) -> QLineEdit:
    """Digits only, hidden, at most 12."""
    field = QLineEdit(parent)
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(MAX_PIN_DIGITS)
    field.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9]*"), field))
    return field


def until_text(deadline: float) -> str:
    return datetime.fromtimestamp(deadline).strftime("%H:%M")


class QuickPinDialog(QDialog):
    """``armed(deadline)`` when the PIN works (until the wall-clock time ``deadline``)."""

    armed = Signal(float)

    def __init__(
        self, session: SessionAPI, arm: ArmFn, hours: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("quickPinDialog")
        self.setWindowTitle(self.tr("Quick unlock with a PIN"))
        self.session = session
        self._arm = arm
        self._hours = hours
        session.guard.register(self)
        session.guard.track_dialog(self)
        self.explain = plain_label(
            self.tr(
                "After Utväg has locked itself because you were away from the computer, you "
                "can open it again with a short PIN instead of the passphrase, for {hours} "
                "hours. The PIN is kept only in Utväg's memory, never on disk. It does not "
                "work after Ctrl+L, when the computer's screen is locked or it has slept, or "
                "after a restart, and three wrong PINs end it: then only the passphrase (or "
                "the card) works."
            ).format(hours=hours),
            self,
            "intro",
        )
        self.pin = pin_field(self, "quickPin")
        self.pin.setAccessibleName(self.tr("PIN"))
        self.repeat = pin_field(self, "quickPinRepeat")
        self.repeat.setAccessibleName(self.tr("PIN again"))
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("quickPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.problem = plain_label("", self, "quickPinProblem")
        set_state(self.problem, "error")
        self.problem.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Use this PIN"))
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&PIN (6–12 digits):"), self.pin)
        form.addRow(self.tr("PIN &again:"), self.repeat)
        form.addRow(self.tr("Your pass&phrase:"), self.passphrase)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for field in (self.pin, self.repeat, self.passphrase):
            field.textChanged.connect(self._update)
        self.setMinimumWidth(520)
        self._busy = False
        self._update()

    def pin_problem(self) -> str:
        pin = self.pin.text()
        if not pin:
            return ""
        try:
            validate_quick_pin(pin)
        except UtvagError as exc:
            return error_text(exc)
        if self.repeat.text() and self.repeat.text() != pin:
            return self.tr("The two PINs differ.")
        return ""

    def _update(self) -> None:
        problem = self.pin_problem()
        if not self._busy:
            self.problem.setText(problem)
            self.problem.setVisible(bool(problem))
        ready = (
            not problem
            and bool(self.pin.text())
            and self.repeat.text() == self.pin.text()
            and bool(self.passphrase.text())
        )
        self.ok_button.setEnabled(ready and not self._busy)

    def start(self) -> None:
        if not self.ok_button.isEnabled():
            return
        pin, passphrase = self.pin.text(), self.passphrase.text()
        hours, arm = self._hours, self._arm
        self.passphrase.clear()
        self._busy = True
        self._update()

        def run(store: Any) -> float:
            return arm(store, passphrase, pin, hours)

        self.session.run(self, run, self._done, self._failed, progress=False)

    def _done(self, deadline: float) -> None:
        self._busy = False
        self.clear_for_lock()
        self.accept()
        self.armed.emit(float(deadline))

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.problem.setText(error_text(exc))
        self.problem.setVisible(True)
        self._update()

    def clear_for_lock(self) -> None:
        for field in (self.pin, self.repeat, self.passphrase):
            field.clear()

    def reject(self) -> None:
        self.clear_for_lock()
        super().reject()
