"""Open the store with the recovery code and choose a new passphrase.

The recovery-code field and its check are shared with the restore dialog
(ui/access/restore.py): :func:`recovery_code_input` — a field that accepts only what a
recovery code is written with (:class:`RecoveryCodeValidator`: its alphabet, dashes and
spaces, at most 28 code characters) at the size of every other field — and
:func:`recovery_code_problem`, which catches a typo on the GUI thread before any work is
started (no key derivation, nothing written, no failed attempt counted).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from storage.errors import UtvagError
from storage.vault.keyslots import (
    CROCKFORD,
    RECOVERY_CODE_CHARS,
    parse_recovery_code,
)
from ui.kit.passphrase import PassphraseInput
from ui.runtime.error_dialog import error_text
from ui.runtime.operations import run_op

#: ``recover(code, new_passphrase) -> store``; runs on the store worker.
RecoverFn = Callable[[str, str], Any]

CODE_PLACEHOLDER = "XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"
#: Separators a code may be typed with (parse_recovery_code ignores them).
SEPARATORS = "- "
#: The code's alphabet in either case, the letters read as digits (O as 0, I and L as 1),
#: and the separators: nothing else can be typed into the field.
CODE_INPUT_CHARACTERS = frozenset(CROCKFORD + CROCKFORD.lower() + "OoIiLl" + SEPARATORS)
#: 28 characters in 7 groups of 4 with dashes is 34; room for spaces around the dashes.
MAX_CODE_INPUT = 48


class RecoveryCodeValidator(QValidator):
    """Only a recovery code's characters, and no more than 28 of them (separators aside)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if len(text) > MAX_CODE_INPUT or any(ch not in CODE_INPUT_CHARACTERS for ch in text):
            return QValidator.State.Invalid, text, pos
        chars = sum(1 for ch in text if ch not in SEPARATORS)
        if chars > RECOVERY_CODE_CHARS:
            return QValidator.State.Invalid, text, pos
        if chars == RECOVERY_CODE_CHARS:
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos


def recovery_code_input(parent: QWidget) -> QLineEdit:
    """The field a recovery code is typed into (unlock screen's recovery, restore)."""
    field = QLineEdit(parent)
    field.setObjectName("recoveryCodeInput")
    field.setAccessibleName(QCoreApplication.translate("RecoverDialog", "Recovery code"))
    field.setPlaceholderText(CODE_PLACEHOLDER)
    field.setValidator(RecoveryCodeValidator(field))
    field.setMaxLength(MAX_CODE_INPUT)
    return field


def recovery_code_problem(text: str) -> str:
    """'' for a well-formed code, else the translated refusal (a typo: wrong length, a
    character that cannot occur, or a check value that does not fit). Cheap, no KDF."""
    try:
        parse_recovery_code(text)
    except UtvagError as exc:
        return error_text(exc)
    return ""


class RecoverDialog(QDialog):
    """``recovered(store)`` when the store is open with its new passphrase."""

    recovered = Signal(object)

    def __init__(
        self,
        recover: RecoverFn,
        passphrase_context: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recoverDialog")
        self.setWindowTitle(self.tr("Use recovery code"))
        self._recover = recover
        intro = QLabel(
            self.tr(
                "Type the recovery code you wrote down when the store was created, and "
                "choose a new passphrase. The old passphrase stops working."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.code = recovery_code_input(self)
        self.setMinimumWidth(560)
        self.new_passphrase = PassphraseInput(passphrase_context, self)
        self.busy = QProgressBar(self)
        self.busy.setObjectName("busy")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setVisible(False)
        self.error = QLabel(self)
        self.error.setObjectName("recoverError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Open with the recovery code"))
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Recovery &code:"), self.code)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.new_passphrase)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.code.textChanged.connect(self._update)
        self.new_passphrase.changed.connect(self._update)
        self._update()

    def _update(self) -> None:
        ready = bool(self.code.text().strip()) and self.new_passphrase.is_acceptable()
        self.ok_button.setEnabled(ready and not self.busy.isVisible())

    def start(self) -> None:
        if not self.ok_button.isEnabled():
            return
        code = self.code.text().strip()
        problem = recovery_code_problem(code)
        if problem:  # a typo: refused here, before any work
            self.error.setText(problem)
            self.error.setVisible(True)
            self.code.setFocus()
            return
        passphrase = self.new_passphrase.passphrase()
        recover = self._recover
        self._set_busy(True)
        self.error.setVisible(False)
        run_op(self, lambda _ctx: recover(code, passphrase), self._done, self._failed, False)

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.code.setEnabled(not busy)
        self.new_passphrase.setEnabled(not busy)
        self._update()

    def _done(self, store: object) -> None:
        self._set_busy(False)
        self.code.clear()
        self.new_passphrase.clear()
        self.accept()
        self.recovered.emit(store)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.error.setText(error_text(exc))
        self.error.setVisible(True)
