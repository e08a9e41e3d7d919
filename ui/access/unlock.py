"""The unlock screen: passphrase, clear errors, the countdown after failures, recovery.

The key derivation runs on the store worker with a busy indicator. After repeated failures
the store imposes a growing delay (``retry_after``); the screen counts it down with the
button disabled. "Use recovery code" opens ui/access/recovery.py.

What is typed here is a passphrase, so nothing typed may land anywhere else: the passphrase
field is the window's only widget that takes keyboard focus (the buttons are NoFocus, so
Space or Enter typed as part of a passphrase can never press one and open a dialog), and
focus returns to it whenever a dialog of this window closes or the window is activated.
*Lås upp* is Enter in the field; the recovery code is reached deliberately with its
mnemonic (Alt + the underlined letter: Alt+Å in Swedish, Alt+R in English) or Ctrl+R
(⌘R on macOS), or by mouse. desktop/ hands in the functions that touch the store (all run
on the worker):

- ``unlock(passphrase) -> store``
- ``retry_after() -> seconds`` (0 when an attempt is allowed now)
- ``recover(code, new_passphrase) -> store``
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.access.recovery import RecoverDialog
from ui.runtime.error_dialog import error_text
from ui.runtime.operations import run_op

UnlockFn = Callable[[str], Any]
RetryAfterFn = Callable[[], float]
RecoverFn = Callable[[str, str], Any]


class UnlockWindow(QWidget):
    """A top-level window; ``unlocked(store)`` once the store is open."""

    unlocked = Signal(object)

    def __init__(
        self,
        unlock: UnlockFn,
        retry_after: RetryAfterFn,
        recover: RecoverFn,
        passphrase_context: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unlockWindow")
        self.setWindowTitle("Utväg")
        self._unlock = unlock
        self._retry_after = retry_after
        self._recover = recover
        self._context = tuple(passphrase_context)
        self._remaining = 0
        self.recover_dialog: RecoverDialog | None = None

        centred = QHBoxLayout()  # not an alignment flag: wrapped labels keep their height
        centred.addStretch(1)
        centred.addWidget(self._build_card())
        centred.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(centred)
        outer.addStretch(2)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._count_down)
        self.passphrase.returnPressed.connect(self.try_unlock)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.recover_button.clicked.connect(self.open_recovery)
        self.recover_shortcut = QShortcut(QKeySequence("Ctrl+R"), self)  # ⌘R on macOS
        self.recover_shortcut.activated.connect(self.open_recovery)
        self.set_notice("")
        self.resize(760, 520)

    def _build_card(self) -> QWidget:
        """The card in the middle: heading, why it is locked, the passphrase, what went wrong,
        the countdown, and the way in with the recovery code."""
        self.heading = QLabel(self.tr("Utväg is locked"), self)
        self.heading.setObjectName("heading")
        self.subheading = QLabel(self.tr("Type your passphrase to open the case files."), self)
        self.subheading.setWordWrap(True)
        self.subheading.setObjectName("hint")
        self.notice = self._plain_label("unlockNotice")
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.unlock_button = QPushButton(self.tr("&Unlock"), self)
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.unlock_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Enter in the field
        self.error = self._plain_label("unlockError")
        self.error.setAccessibleName(self.tr("Error"))
        self.countdown = self._plain_label("countdown")
        self.busy = QProgressBar(self)
        self.busy.setObjectName("busy")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(self.tr("Opening the store"))
        self.busy.setVisible(False)
        self.recover_button = QPushButton(self.tr("Use &recovery code…"), self)
        self.recover_button.setObjectName("recoverButton")
        self.recover_button.setFlat(True)
        self.recover_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # never Space in a passphrase
        self.recover_button.setAccessibleDescription(
            self.tr("Opens with Ctrl+R, or Alt and the underlined letter.")
        )
        label = QLabel(self.tr("&Passphrase:"), self)
        label.setBuddy(self.passphrase)
        row = QHBoxLayout()
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.unlock_button)
        card = QWidget(self)
        card.setObjectName("card")
        inner = QVBoxLayout(card)
        inner.setSpacing(10)
        inner.setContentsMargins(28, 24, 28, 24)
        for top in (self.heading, self.subheading, self.notice, label):
            inner.addWidget(top)
        inner.addLayout(row)
        for below in (self.busy, self.error, self.countdown):
            inner.addWidget(below)
        inner.addWidget(self.recover_button, 0, Qt.AlignmentFlag.AlignLeft)
        card.setFixedWidth(500)
        return card

    def _plain_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setVisible(False)
        return label

    # ------------------------------------------------------------------ public
    def set_notice(self, text: str) -> None:
        """Why the client is locked (e.g. idle timeout; unsaved changes discarded)."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def refresh(self) -> None:
        """Ask the store for a running delay (e.g. after a restart) and count it down."""
        check = self._retry_after
        run_op(self, lambda _ctx: check(), self._start_countdown, lambda _exc: None, False)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.passphrase.setFocus()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.focus_passphrase()

    def focus_passphrase(self) -> None:
        """Back to the passphrase field (after a dialog closed, or on activation)."""
        if self.isVisible() and self.passphrase.isEnabled():
            self.activateWindow()
            self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------ unlocking
    def try_unlock(self) -> None:
        if self._remaining > 0 or self.busy.isVisible():
            return
        passphrase = self.passphrase.text()
        if not passphrase:
            self._show_error(self.tr("Type your passphrase."))
            return
        self._set_busy(True)
        self._show_error("")
        unlock = self._unlock
        run_op(self, lambda _ctx: unlock(passphrase), self._opened, self._failed, False)

    def _opened(self, store: object) -> None:
        self._set_busy(False)
        self.passphrase.clear()
        self.set_notice("")
        self.unlocked.emit(store)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.passphrase.selectAll()
        self.passphrase.setFocus()
        wait = getattr(exc, "retry_after", None)
        if isinstance(wait, int | float) and wait > 0:
            self._show_error("")
            self._start_countdown(wait)
            return
        self._show_error(error_text(exc))
        self.refresh()

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.passphrase.setEnabled(not busy)
        self.recover_button.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy and self._remaining <= 0)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    # ------------------------------------------------------------------ countdown
    def _start_countdown(self, seconds: object) -> None:
        remaining = math.ceil(float(seconds)) if isinstance(seconds, int | float) else 0
        if remaining <= 0:
            return
        self._remaining = remaining
        self.unlock_button.setEnabled(False)
        self._render_countdown()
        self._tick.start()

    def _count_down(self) -> None:
        self._remaining -= 1
        if self._remaining <= 0:
            self._remaining = 0
            self._tick.stop()
            self.countdown.setVisible(False)
            self.unlock_button.setEnabled(not self.busy.isVisible())
            return
        self._render_countdown()

    def _render_countdown(self) -> None:
        self.countdown.setText(
            self.tr("Too many failed attempts. You can try again in {seconds} s.").format(
                seconds=self._remaining
            )
        )
        self.countdown.setVisible(True)

    def seconds_left(self) -> int:
        return self._remaining

    # ------------------------------------------------------------------ recovery
    def open_recovery(self) -> None:
        if not self.recover_button.isEnabled() or self.recover_dialog is not None:
            return
        dialog = RecoverDialog(self._recover, self._context, self)
        self.recover_dialog = dialog
        dialog.recovered.connect(self._opened)
        self.open_dialog(dialog)

    def open_dialog(self, dialog: QDialog) -> None:
        """Every dialog of this window: focus returns to the passphrase when it closes,
        however it closes (accepted, rejected, Esc)."""
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: QDialog) -> None:
        if dialog is self.recover_dialog:
            self.recover_dialog = None
        dialog.deleteLater()
        self.focus_passphrase()
