"""The recovery-code drill: type the code; it is checked against the store's recovery slot
only (its check characters, then the slot's key) — nothing is opened with it — and the
date is recorded in the store (audited ``recovery_code.drill``). Offered every six months
after an unlock (the status bar), and from the backup dialog, where the last drill shows.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from storage.vault.key_access import recovery_drill
from storage.vault.store import Store
from ui.access.recovery import (
    recovery_code_input,
    recovery_code_problem,
)
from ui.kit.dialogs import plain_label, set_state
from ui.runtime.error_dialog import error_text
from ui.runtime.session_api import SessionAPI


class RecoveryDrillDialog(QDialog):
    """``drilled(utc_time)`` after a correct code."""

    drilled = Signal(str)

    def __init__(self, session: SessionAPI, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryDrillDialog")
        self.setWindowTitle(self.tr("Recovery code drill"))
        self.session = session
        session.guard.register(self)
        session.guard.track_dialog(self)
        self.explain = plain_label(
            self.tr(
                "Check that the recovery code you wrote down still opens Utväg: fetch the "
                "paper and type the code. Utväg only checks it — nothing is opened or "
                "changed — and notes today's date. Do this every six months, so that the "
                "code works the day the passphrase is forgotten or the computer is replaced."
            ),
            self,
            "intro",
        )
        self.code = recovery_code_input(self)
        self.outcome = plain_label("", self, "drillResult")
        self.outcome.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Check the code"))
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Recovery &code:"), self.code)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addLayout(form)
        layout.addWidget(self.outcome)
        layout.addWidget(self.buttons)
        self.code.textChanged.connect(self._update)
        self.setMinimumWidth(560)
        self._busy = False
        self._update()

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.code.text().strip()) and not self._busy)

    def _show(self, text: str, state: str) -> None:
        self.outcome.setText(text)
        set_state(self.outcome, state)
        self.outcome.setVisible(True)

    def start(self) -> None:
        if not self.ok_button.isEnabled():
            return
        code = self.code.text().strip()
        problem = recovery_code_problem(code)
        if problem:  # a typo: refused here, before any work
            self._show(problem, "error")
            return
        self._busy = True
        self._update()

        def drill(store: Store) -> str:
            return recovery_drill(store, code)

        self.session.run(self, drill, self._done, self._failed, progress=False)

    def _done(self, when: str) -> None:
        self._busy = False
        self.code.clear()
        self._show(self.tr("The recovery code is correct. Keep the paper where it was."), "ok")
        self.ok_button.setEnabled(False)
        self.drilled.emit(when)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self._show(error_text(exc), "error")
        self._update()

    def clear_for_lock(self) -> None:
        self.code.clear()
        self.outcome.clear()

    def reject(self) -> None:
        self.code.clear()
        super().reject()
