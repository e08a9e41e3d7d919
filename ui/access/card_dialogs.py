"""The card (smart card, security key) on the way in and in Settings.

- :class:`CardUnlockDialog` — from the unlock screen (*Använd kort…*, Ctrl+K): what the
  inserted card says about its PIN (the card's own state: wrong PINs given, the last try,
  locked), the PIN, and *Lås upp*. After a keyring change (``rebind=True``) it also asks for
  the passphrase to use from now on and binds the store to this computer's keyring.
- :class:`CardEnrolDialog` — from Settings (*Lägg till kort…*): the inserted card, its PIN,
  the key to use (the ones Utväg can use, with the mechanism), the passphrase, *Lägg till*.

The PIN is typed here only; it goes to the store worker, to the card, and the field is
cleared. All card work runs on the store worker. desktop/ hands in the functions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from storage.vault.token.binding import (
    ECDH,
    RSA_OAEP_SHA1,
    RSA_OAEP_SHA256,
    RSA_SIGN,
    PinState,
)
from storage.vault.token.enrol import (
    InsertedToken,
    card_keys,
    enrol_token,
    inserted_tokens,
)
from ui.kit.dialogs import plain_label, set_state
from ui.kit.passphrase import PassphraseInput
from ui.runtime.error_dialog import error_text
from ui.runtime.operations import run_op
from ui.runtime.session_api import SessionAPI

MAX_PIN_INPUT = 64


def pin_state_text(state: PinState) -> str:
    """What the card says about its PIN, in words (PKCS#11 gives states, not a count)."""
    texts = {
        PinState.OK: QCoreApplication.translate(
            "CardText", "The card counts wrong PINs and locks itself after a few tries."
        ),
        PinState.COUNT_LOW: QCoreApplication.translate(
            "CardText",
            "The card says a wrong PIN has been given since it was last used. It locks "
            "itself after a few wrong tries.",
        ),
        PinState.FINAL_TRY: QCoreApplication.translate(
            "CardText", "The card says one try is left: the next wrong PIN locks it."
        ),
        PinState.LOCKED: QCoreApplication.translate(
            "CardText",
            "The card's PIN is locked. Unlock it with the PUK code (ask your card "
            "administrator), or use the passphrase.",
        ),
    }
    return texts[state]


def mechanism_text(mechanism: str) -> str:
    texts = {
        RSA_OAEP_SHA256: QCoreApplication.translate("CardText", "RSA key that decrypts"),
        RSA_OAEP_SHA1: QCoreApplication.translate("CardText", "RSA key that decrypts"),
        ECDH: QCoreApplication.translate("CardText", "EC key (key agreement)"),
        RSA_SIGN: QCoreApplication.translate("CardText", "RSA key that only signs"),
    }
    return texts.get(mechanism, mechanism)


def pin_input(parent: QWidget) -> QLineEdit:
    field = QLineEdit(parent)
    field.setObjectName("cardPin")
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(MAX_PIN_INPUT)
    field.setAccessibleName(QCoreApplication.translate("CardText", "The card's PIN"))
    return field


def _busy(parent: QWidget) -> QProgressBar:
    bar = QProgressBar(parent)
    bar.setObjectName("busy")
    bar.setRange(0, 0)
    bar.setTextVisible(False)
    bar.setVisible(False)
    return bar


class CardUnlockDialog(QDialog):
    """``opened(store)`` when the card has opened the store."""

    opened = Signal(object)

    def __init__(
        self,
        module: str,
        unlock: Callable[[str], Any],
        rebind: Callable[[str, str], Any] | None = None,
        passphrase_context: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cardUnlockDialog")
        self.setWindowTitle(self.tr("Open with the card"))
        self._module = module
        self._unlock = unlock
        self._rebind = rebind
        intro = self.tr("Insert the card that was added to Utväg and type its PIN.")
        if rebind is not None:
            intro += " " + self.tr(
                "Utväg then binds the store to this computer's keyring again. Choose the "
                "passphrase to use from now on (it may be the one you had)."
            )
        self.intro = plain_label(intro, self, "intro")
        self.card = plain_label(self.tr("Looking for the card…"), self, "cardStatus")
        self.pin = pin_input(self)
        self.new_passphrase = PassphraseInput(passphrase_context, self)
        self.new_passphrase.setVisible(rebind is not None)
        self.busy = _busy(self)
        self.error = plain_label("", self, "cardError")
        set_state(self.error, "error")
        self.error.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Unlock") if rebind is None else self.tr("&Open and bind"))
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("The card's &PIN:"), self.pin)
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.card):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.new_passphrase)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.pin.textChanged.connect(self._update)
        self.new_passphrase.changed.connect(self._update)
        self.setMinimumWidth(520)
        self._update()
        self.look()

    def look(self) -> None:
        """Ask the module which cards are inserted and what they say about their PIN."""
        module = self._module
        run_op(
            self,
            lambda _ctx: inserted_tokens(module),
            self._looked,
            lambda exc: self._show_card(error_text(exc), "error"),
            progress=False,
        )

    def _looked(self, found: list[InsertedToken]) -> None:
        if not found:
            self._show_card(self.tr("No card is inserted."), "warning")
            return
        info = found[0].info
        name = info.label or info.model
        state = "error" if info.pin_state is PinState.LOCKED else ""
        if info.pin_state is PinState.FINAL_TRY:
            state = "warning"
        text = self.tr("Card: {name}. {state}").format(
            name=name, state=pin_state_text(info.pin_state)
        )
        self._show_card(text, state)

    def _show_card(self, text: str, state: str) -> None:
        self.card.setText(text)
        set_state(self.card, state)

    def _update(self) -> None:
        ready = bool(self.pin.text()) and not self.busy.isVisible()
        if self._rebind is not None:
            ready = ready and self.new_passphrase.is_acceptable()
        self.ok_button.setEnabled(ready)

    def start(self) -> None:
        if not self.ok_button.isEnabled():
            return
        pin = self.pin.text()
        self.pin.clear()
        self.busy.setVisible(True)
        self.error.setVisible(False)
        self._update()
        if self._rebind is not None:
            rebind, passphrase = self._rebind, self.new_passphrase.passphrase()
            run_op(self, lambda _ctx: rebind(pin, passphrase), self._done, self._failed, False)
        else:
            unlock = self._unlock
            run_op(self, lambda _ctx: unlock(pin), self._done, self._failed, False)

    def _done(self, store: object) -> None:
        self.busy.setVisible(False)
        self.new_passphrase.clear()
        self.accept()
        self.opened.emit(store)

    def _failed(self, exc: BaseException) -> None:
        self.busy.setVisible(False)
        self.error.setText(error_text(exc))
        self.error.setVisible(True)
        self._update()
        self.pin.setFocus()
        self.look()  # the card's PIN state after this try

    def reject(self) -> None:
        self.pin.clear()
        self.new_passphrase.clear()
        super().reject()


class CardEnrolDialog(QDialog):
    """Settings › *Lägg till kort…*: ``added(slot)`` when the card slot is written."""

    added = Signal(object)

    def __init__(self, session: SessionAPI, module: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cardEnrolDialog")
        self.setWindowTitle(self.tr("Add a card"))
        self.session = session
        self._module = module
        self._slot: int | None = None
        session.guard.register(self)
        session.guard.track_dialog(self)
        self.explain = plain_label(
            self.tr(
                "A card (for example your SITHS card or a security key) becomes one more way "
                "to open Utväg, next to the passphrase and the recovery code, which keep "
                "working: a lost card is not a lost store. Insert the card, type its PIN and "
                "choose the key."
            ),
            self,
            "intro",
        )
        self.card = plain_label(self.tr("Looking for the card…"), self, "cardStatus")
        self.pin = pin_input(self)
        self.keys = QComboBox(self)
        self.keys.setObjectName("cardKeys")
        self.keys.setAccessibleName(self.tr("Key on the card"))
        self.keys.setEnabled(False)
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("enrolPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.busy = _busy(self)
        self.error = plain_label("", self, "cardError")
        set_state(self.error, "error")
        self.error.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.read_button = self.buttons.addButton(
            self.tr("&Read the card's keys"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.read_button.setAutoDefault(False)
        self.read_button.clicked.connect(self.read_keys)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Add the card"))
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("The card's &PIN:"), self.pin)
        form.addRow(self.tr("&Key:"), self.keys)
        form.addRow(self.tr("Your pass&phrase:"), self.passphrase)
        layout = QVBoxLayout(self)
        for widget in (self.explain, self.card):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        for field in (self.pin, self.passphrase):
            field.textChanged.connect(self._update)
        self.setMinimumWidth(560)
        self._update()
        self.look()

    def look(self) -> None:
        module = self._module
        run_op(
            self,
            lambda _ctx: inserted_tokens(module),
            self._looked,
            lambda exc: self._show_card(error_text(exc), "error"),
            progress=False,
        )

    def _looked(self, found: list[InsertedToken]) -> None:
        if not found:
            self._slot = None
            self._show_card(self.tr("No card is inserted."), "warning")
            return
        first = found[0]
        self._slot = first.index
        name = first.info.label or first.info.model
        text = self.tr("Card: {name}. {state}").format(
            name=name, state=pin_state_text(first.info.pin_state)
        )
        self._show_card(text, "error" if first.info.pin_state is PinState.LOCKED else "")

    def _show_card(self, text: str, state: str) -> None:
        self.card.setText(text)
        set_state(self.card, state)
        self._update()

    def _update(self) -> None:
        idle = not self.busy.isVisible()
        self.read_button.setEnabled(idle and bool(self.pin.text()) and self._slot is not None)
        ready = self.keys.count() > 0 and bool(self.pin.text()) and bool(self.passphrase.text())
        self.ok_button.setEnabled(idle and ready)

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.error.setVisible(False)
        self._update()

    def read_keys(self) -> None:
        pin, module, slot = self.pin.text(), self._module, self._slot
        self._set_busy(True)
        run_op(
            self, lambda _ctx: card_keys(module, pin, slot), self._keys_read, self._failed, False
        )

    def _keys_read(self, result: Any) -> None:
        self.busy.setVisible(False)
        _info, keys = result
        self.keys.clear()
        for key in keys:
            text = self.tr("{kind}, {bits} bits — key {key_id} {label}").format(
                kind=mechanism_text(key.mechanism),
                bits=key.size,
                key_id=key.key_id,
                label=key.label,
            )
            self.keys.addItem(text.strip(), key.key_id)
        self.keys.setEnabled(bool(keys))
        if not keys:
            self._failed_text(self.tr("The card holds no key Utväg can use."))
        self._update()

    def start(self) -> None:
        if not self.ok_button.isEnabled():
            return
        pin, passphrase = self.pin.text(), self.passphrase.text()
        key_id, module, slot = str(self.keys.currentData()), self._module, self._slot
        self.passphrase.clear()
        self._set_busy(True)

        def enrol(store: Any) -> Any:
            return enrol_token(store, passphrase, module, pin, slot=slot, key_id=key_id)

        self.session.run(self, enrol, self._done, self._failed, progress=False)

    def _done(self, slot: object) -> None:
        self.busy.setVisible(False)
        self.pin.clear()
        self.accept()
        self.added.emit(slot)

    def _failed(self, exc: BaseException) -> None:
        self.busy.setVisible(False)
        self._failed_text(error_text(exc))
        self.look()

    def _failed_text(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)
        self._update()

    def clear_for_lock(self) -> None:
        self.pin.clear()
        self.passphrase.clear()
        self.keys.clear()

    def reject(self) -> None:
        self.clear_for_lock()
        super().reject()
