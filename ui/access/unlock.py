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
- optionally ``quick_unlock(pin) -> store`` (after an idle lock with a quick-unlock PIN
  chosen: the window then starts with the PIN field, the only field that takes keys, and
  *Använd lösenfrasen i stället* goes back to the passphrase), a :class:`CardAccess` (the
  card: *Använd kort…*, Ctrl+K), and ``keyring_state() -> str`` (asked before anything is
  typed: when this computer's keyring no longer holds the store's device secret, the window
  says so in plain words — it is not a wrong passphrase — and offers the recovery code or
  the card, which bind the store to this keyring again).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QShortcut
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

from ui.access.keyring_notice import (
    KEYRING_CODES,
    CardAccess,
    keyring_change_text,
)
from ui.kit.tone import set_state
from ui.runtime.error_dialog import error_text
from ui.runtime.operations import run_op

if TYPE_CHECKING:  # the card dialogs (PKCS#11), the recovery dialog (with the strength meter
    # and the key code) and the quick-unlock limits load when used, not at start-up (issue 17)
    from ui.access.card_dialogs import CardUnlockDialog
    from ui.access.recovery import RecoverDialog

UnlockFn = Callable[[str], Any]
RetryAfterFn = Callable[[], float]
RecoverFn = Callable[[str, str], Any]
QuickUnlockFn = Callable[[str], Any]
KeyringStateFn = Callable[[], str]


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
        *,
        quick_unlock: QuickUnlockFn | None = None,
        card: CardAccess | None = None,
        keyring_state: KeyringStateFn | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unlockWindow")
        self.setWindowTitle("Utväg")
        self._unlock = unlock
        self._retry_after = retry_after
        self._recover = recover
        self._quick_unlock = quick_unlock
        self._card = card
        self._keyring_state = keyring_state
        self._context = tuple(passphrase_context)
        self._remaining = 0
        self.keyring_problem = ""
        self.recover_dialog: RecoverDialog | None = None
        self.card_dialog: CardUnlockDialog | None = None

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
        self.pin.returnPressed.connect(self.try_pin)
        self.passphrase_instead.clicked.connect(self.end_quick_unlock)
        self.card_button.clicked.connect(self.open_card)
        self.card_shortcut = QShortcut(QKeySequence("Ctrl+K"), self)  # ⌘K on macOS
        self.card_shortcut.activated.connect(self.open_card)
        self.set_notice("")
        self._set_pin_mode(quick_unlock is not None)
        self.resize(760, 560)

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
        self.passphrase_label = QLabel(self.tr("&Passphrase:"), self)
        self.passphrase_label.setBuddy(self.passphrase)
        self.keyring_notice = self._plain_label("keyringNotice")
        set_state(self.keyring_notice, "warning")
        self.pin = QLineEdit(self)
        self.pin.setObjectName("quickPin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9]*"), self.pin))
        self.pin.setAccessibleName(self.tr("PIN"))
        self.pin.setPlaceholderText(self.tr("PIN"))
        self.pin_label = QLabel(self.tr("Quick unlock, your &PIN:"), self)
        self.pin_label.setBuddy(self.pin)
        self.passphrase_instead = self._link(
            self.tr("Use the passphrase instead"), "passphraseInstead"
        )
        self.card_button = self._link(self.tr("Use the &card…"), "cardButton")
        self.card_button.setAccessibleDescription(
            self.tr("Opens with Ctrl+K, or Alt and the underlined letter.")
        )
        self.card_button.setVisible(self._card is not None)
        row = QHBoxLayout()
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.pin, 1)
        row.addWidget(self.unlock_button)
        card = QWidget(self)
        card.setObjectName("card")
        inner = QVBoxLayout(card)
        inner.setSpacing(10)
        inner.setContentsMargins(28, 24, 28, 24)
        for top in (
            self.heading,
            self.subheading,
            self.notice,
            self.keyring_notice,
            self.passphrase_label,
            self.pin_label,
        ):
            inner.addWidget(top)
        inner.addLayout(row)
        for below in (self.busy, self.error, self.countdown):
            inner.addWidget(below)
        for link in (self.passphrase_instead, self.card_button, self.recover_button):
            inner.addWidget(link, 0, Qt.AlignmentFlag.AlignLeft)
        card.setFixedWidth(500)
        return card

    def _link(self, text: str, name: str) -> QPushButton:
        """A flat button that never takes focus (a passphrase's Space cannot press it)."""
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setFlat(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

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
        """Ask the store for a running delay (e.g. after a restart) and count it down, and
        whether this computer's keyring still holds the store's device secret."""
        check = self._retry_after
        run_op(self, lambda _ctx: check(), self._start_countdown, lambda _exc: None, False)
        keyring = self._keyring_state
        if keyring is not None:
            run_op(self, lambda _ctx: keyring(), self.show_keyring_state, lambda _e: None, False)

    def show_keyring_state(self, state: object) -> None:
        """``missing`` / ``mismatch``: say it plainly and offer the ways that bind the store
        to this keyring again; anything else: nothing to say."""
        self.keyring_problem = str(state) if state in ("missing", "mismatch") else ""
        if not self.keyring_problem:
            self.keyring_notice.setVisible(False)
            return
        self.keyring_notice.setText(keyring_change_text(self._card is not None))
        self.keyring_notice.setVisible(True)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.secret_field().setFocus()

    # ------------------------------------------------------------------ quick unlock
    def secret_field(self) -> QLineEdit:
        """The one field that takes keys: the PIN after an idle lock, else the passphrase."""
        return self.pin if self.pin_mode else self.passphrase

    @property
    def pin_mode(self) -> bool:
        return not self.pin.isHidden()

    def _set_pin_mode(self, on: bool) -> None:
        on = on and self._quick_unlock is not None
        if on:  # a PIN was armed, so the quick-unlock module is loaded already
            from storage.vault.quick_unlock import MAX_PIN_DIGITS

            self.pin.setMaxLength(MAX_PIN_DIGITS)
        for widget in (self.pin, self.pin_label, self.passphrase_instead):
            widget.setVisible(on)
        for widget in (self.passphrase, self.passphrase_label):
            widget.setVisible(not on)
        self.subheading.setText(
            self.tr("Type your PIN to open Utväg again.")
            if on
            else self.tr("Type your passphrase to open the case files.")
        )

    def end_quick_unlock(self) -> None:
        """Back to the passphrase (chosen, or the PIN no longer works); nothing is wiped
        here — the core decides whether the PIN still works."""
        self.pin.clear()
        self._set_pin_mode(False)
        self.focus_passphrase()

    def try_pin(self) -> None:
        quick = self._quick_unlock
        if quick is None or self.busy.isVisible() or self._remaining > 0:
            return
        pin = self.pin.text()
        if not pin:
            self._show_error(self.tr("Type your PIN."))
            return
        self.pin.clear()
        self._set_busy(True)
        self._show_error("")
        run_op(self, lambda _ctx: quick(pin), self._opened, self._pin_failed, False)

    def _pin_failed(self, exc: BaseException) -> None:
        if getattr(exc, "code", "") == "quick_pin_gone":
            self._quick_unlock = None
            self._set_pin_mode(False)
        self._failed(exc)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.focus_passphrase()

    def focus_passphrase(self) -> None:
        """Back to the passphrase field — the PIN field in quick-unlock mode — after a dialog
        closed, or on activation."""
        field = self.secret_field()
        if self.isVisible() and field.isEnabled():
            self.activateWindow()
            field.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------ unlocking
    def try_unlock(self) -> None:
        if self.pin_mode:
            self.try_pin()
            return
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
        self.pin.clear()
        self.set_notice("")
        self.unlocked.emit(store)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.secret_field().selectAll()
        self.secret_field().setFocus()
        wait = getattr(exc, "retry_after", None)
        if isinstance(wait, int | float) and wait > 0:
            self._show_error("")
            self._start_countdown(wait)
            return
        keyring = KEYRING_CODES.get(str(getattr(exc, "code", "")))
        if keyring is not None:  # not a wrong passphrase: the keyring changed
            self._show_error("")
            self.show_keyring_state(keyring)
            return
        self._show_error(error_text(exc))
        self.refresh()

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.passphrase.setEnabled(not busy)
        self.pin.setEnabled(not busy)
        self.recover_button.setEnabled(not busy)
        self.card_button.setEnabled(not busy)
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
        from ui.access.recovery import RecoverDialog

        dialog = RecoverDialog(self._recover, self._context, self)
        self.recover_dialog = dialog
        dialog.recovered.connect(self._opened)
        self.open_dialog(dialog)

    def open_card(self) -> None:
        card = self._card
        if card is None or not self.card_button.isEnabled() or self.card_dialog is not None:
            return
        rebind = card.rebind if self.keyring_problem else None
        from ui.access.card_dialogs import CardUnlockDialog  # PKCS#11: only when a card is used

        dialog = CardUnlockDialog(card.module, card.unlock, rebind, self._context, self)
        self.card_dialog = dialog
        dialog.opened.connect(self._opened)
        self.open_dialog(dialog)

    def open_dialog(self, dialog: QDialog) -> None:
        """Every dialog of this window: focus returns to the passphrase when it closes,
        however it closes (accepted, rejected, Esc)."""
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: QDialog) -> None:
        if dialog is self.recover_dialog:
            self.recover_dialog = None
        if dialog is self.card_dialog:
            self.card_dialog = None
        dialog.deleteLater()
        self.focus_passphrase()
