"""First run: the wizard that creates the encrypted store.

Pages: welcome → keyring check → passphrase → identity (commit: the store is created on the
worker) → recovery code (confirmation checkbox, print). The welcome page also offers
*Restore from a backup…* (ui/access/restore.py): after a restore the wizard goes straight to
its last page, :class:`~ui.access.restore.RestoredPage` (the identity is in the restored
store; there is no new recovery code to show). The wizard does not know where the store
lives or how it is created: desktop/ hands in ``check_keyring``, ``create`` and ``restore``
(all run on the store worker).

``create`` keeps the recovery code inside the new store until *Öppna Utväg* confirms it
(storage/vault/unconfirmed_code.py), so no way out loses it: *Avbryt* while the store is
being created waits for it and closes it; *Avbryt* on the recovery-code page asks first and
closes it; a crash or kill does the same. Each time, the code is shown again after the next
unlock (desktop/app.py), until it is confirmed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from storage.vault.store import Store
from storage.vault.unconfirmed_code import confirm_recovery_code
from sync.wire.fields import NAME_MAX_CHARS
from ui.access.keyring_check import (
    KeyringCheckFn,
    KeyringPage,
)
from ui.access.recovery_code import RecoveryCodePage
from ui.access.restore import (
    RestoreDialog,
    RestoredPage,
    RestoreFn,
    add_restore_offer,
)
from ui.kit.passphrase import PassphraseInput
from ui.runtime.error_dialog import show_error
from ui.runtime.operations import run_op


@dataclass(frozen=True)
class Identity:
    """This installation's identity: who works with the store."""

    municipality: str
    unit: str
    caseworker: str


#: ``create(passphrase, use_device_key, identity) -> (store, recovery_code)``; on the worker.
CreateFn = Callable[[str, bool, Identity], tuple[Any, str]]

PAGE_WELCOME, PAGE_KEYRING, PAGE_PASSPHRASE, PAGE_IDENTITY, PAGE_RECOVERY, PAGE_RESTORED = range(6)


def _one_line(text: str) -> str:
    """Printable text on one line, single spaces (what the identity accepts)."""
    printable = "".join(ch if ch.isprintable() else " " for ch in text)
    return " ".join(printable.split())


def _label(text: str, parent: QWidget, name: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if name:
        label.setObjectName(name)
    return label


class WelcomePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Welcome to Utväg"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            _label(
                self.tr(
                    "Utväg keeps case files encrypted on this computer. Nothing is stored on "
                    "a server. This guide creates your encrypted store in four steps:"
                ),
                self,
            )
        )
        steps = [
            self.tr("1. Check that the computer can protect the store's device key."),
            self.tr("2. Choose a passphrase."),
            self.tr("3. Enter your municipality, unit and name."),
            self.tr(
                "4. Write down the recovery code. It is shown until you confirm that you have "
                "written it down."
            ),
        ]
        for step in steps:
            layout.addWidget(_label(step, self))
        layout.addStretch(1)
        self.restore_button = add_restore_offer(layout, self)  # the second way in


class PassphrasePage(QWizardPage):
    def __init__(self, context: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Passphrase"))
        intro = _label(
            self.tr(
                "You type the passphrase every time you open Utväg. Choose one that nobody "
                "can guess, and do not write it on the computer."
            ),
            self,
            "intro",
        )
        self.input = PassphraseInput(context, self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.input)
        layout.addStretch(1)
        self.input.changed.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return self.input.is_acceptable()


class IdentityPage(QWizardPage):
    """Who works with this store; leaving it creates the store (a commit page)."""

    created = Signal(object, str)  # store, recovery code

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("This installation"))
        intro = _label(
            self.tr(
                "Your municipality, unit and name are shown to receiving municipalities when "
                "you hand over a case, and written in the audit log."
            ),
            self,
            "intro",
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Create the store"))
        self.municipality = QLineEdit(self)
        self.municipality.setObjectName("municipality")
        self.unit = QLineEdit(self)
        self.unit.setObjectName("unit")
        self.caseworker = QLineEdit(self)
        self.caseworker.setObjectName("caseworker")
        self.busy = QProgressBar(self)
        self.busy.setObjectName("busy")
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.busy_label = _label(self.tr("Creating the encrypted store…"), self)
        self.busy_label.setVisible(False)
        form = QFormLayout()
        form.addRow(self.tr("&Municipality:"), self.municipality)
        form.addRow(self.tr("&Unit:"), self.unit)
        form.addRow(self.tr("Your &name:"), self.caseworker)
        for field, name in (
            (self.municipality, self.tr("Municipality")),
            (self.unit, self.tr("Unit")),
            (self.caseworker, self.tr("Your name")),
        ):
            field.setAccessibleName(name)
            field.setMaxLength(NAME_MAX_CHARS)
            field.textChanged.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.busy_label)
        layout.addWidget(self.busy)
        self.on_create: Callable[[Identity], None] | None = None
        self.done = False
        self.working = False

    def identity(self) -> Identity:
        return Identity(
            *(_one_line(f.text()) for f in (self.municipality, self.unit, self.caseworker))
        )

    def isComplete(self) -> bool:
        ident = self.identity()
        return bool(ident.municipality and ident.unit and ident.caseworker) and not self.working

    def validatePage(self) -> bool:
        if self.done:
            return True
        if not self.working and self.on_create is not None:
            self.set_working(True)
            self.on_create(self.identity())
        return False

    def set_working(self, working: bool) -> None:
        self.working = working
        self.busy.setVisible(working)
        self.busy_label.setVisible(working)
        self.busy_label.setText(self.tr("Creating the encrypted store…"))
        for field in (self.municipality, self.unit, self.caseworker):
            field.setEnabled(not working)
        self.completeChanged.emit()
        wizard = self.wizard()
        if wizard is not None:  # no way back to the passphrase while it is being used
            wizard.button(QWizard.WizardButton.BackButton).setEnabled(not working)


class FirstRunWizard(QWizard):
    """Creates the store; ``store_created(store)`` is emitted when the caseworker finishes."""

    store_created = Signal(object)

    def __init__(
        self,
        create: CreateFn,
        check_keyring: KeyringCheckFn,
        passphrase_context: Sequence[str] = (),
        parent: QWidget | None = None,
        *,
        restore: RestoreFn | None = None,
        store_path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
        self.setWindowTitle("Utväg")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("&Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Open Utväg"))
        self._create = create
        self._restore = restore
        self._store_path = store_path
        self._context = tuple(passphrase_context)
        self.store: Store | None = None
        self.restore_dialog: RestoreDialog | None = None
        self.leave_box: QMessageBox | None = None
        self.cancel_requested = False  # Avbryt while the store was being created
        self.confirming = False
        self.welcome = WelcomePage(self)
        self.keyring = KeyringPage(check_keyring, self)
        self.passphrase = PassphrasePage(self._context, self)
        self.identity = IdentityPage(self)
        self.recovery = RecoveryCodePage(self)
        self.restored = RestoredPage(self)
        pages = (self.welcome, self.keyring, self.passphrase, self.identity, self.recovery)
        for page_id, page in enumerate((*pages, self.restored)):
            self.setPage(page_id, page)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.identity.on_create = self._start_create
        self.welcome.restore_button.setVisible(restore is not None)
        self.welcome.restore_button.clicked.connect(self.open_restore)
        self.currentIdChanged.connect(self._focus_next)
        self.setMinimumSize(640, 520)

    def _start_create(self, identity: Identity) -> None:
        passphrase = self.passphrase.input.passphrase()
        use_device_key = self.keyring.use_device_key()
        create = self._create
        run_op(
            self,
            lambda _ctx: create(passphrase, use_device_key, identity),
            self._created,
            self._create_failed,
            progress=False,
        )

    def _created(self, result: object) -> None:
        assert isinstance(result, tuple)
        store, code = result
        self.passphrase.input.clear()
        self.identity.done = True
        if self.cancel_requested:  # the store keeps its code; the next unlock shows it
            self._close_store_and_leave(store)
            return
        self.store = store
        self.recovery.set_code(str(code))
        self.identity.set_working(False)
        self.next()

    def _create_failed(self, exc: BaseException) -> None:
        self.identity.set_working(False)
        if self.cancel_requested:  # nothing was created; nothing to say
            QWizard.reject(self)
            return
        show_error(self, exc)

    def _close_store_and_leave(self, store: Store) -> None:
        self.store = None
        self.recovery.set_code("")
        run_op(None, lambda _ctx: store.close(), progress=False)
        QWizard.reject(self)

    def nextId(self) -> int:
        current = self.currentId()
        if current == PAGE_WELCOME and self.store is not None:
            return PAGE_RESTORED  # restored: identity and recovery code came with the store
        if current in (PAGE_RECOVERY, PAGE_RESTORED):
            return -1
        return super().nextId()

    def _focus_next(self, page_id: int) -> None:
        if page_id == PAGE_WELCOME:  # Qt would focus the secondary action, the first button
            self.button(QWizard.WizardButton.NextButton).setFocus()

    # ------------------------------------------------------------------ restore
    def open_restore(self) -> None:
        if self._restore is None or self.store is not None:
            return
        dialog = RestoreDialog(self._restore, self._context, self._store_path, self)
        self.restore_dialog = dialog
        dialog.restored.connect(self._restored)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _restored(self, store: Store, result: object) -> None:
        self.store = store
        self.restored.set_result(result)
        self.next()

    def accept(self) -> None:
        """*Öppna Utväg*: a new store's kept recovery code is wiped first (on the worker)."""
        store = self.store
        if store is not None and self.currentId() == PAGE_RECOVERY and not self.confirming:
            self.confirming = True
            self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
            run_op(
                self,
                lambda _ctx: confirm_recovery_code(store),
                lambda _r: self._finish(),
                self._confirm_failed,
                progress=False,
            )
            return
        if store is not None and self.currentId() == PAGE_RECOVERY:
            return  # the confirmation is being written
        self._finish()

    def _confirm_failed(self, exc: BaseException) -> None:
        self.confirming = False
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        show_error(self, exc)

    def _finish(self) -> None:
        store, self.store = self.store, None
        self.recovery.set_code("")
        super().accept()
        if store is not None:
            self.store_created.emit(store)

    def reject(self) -> None:
        """*Avbryt*, Esc or closing the window, on any page."""
        if self.store is not None and self.currentId() == PAGE_RESTORED:
            self._close_store_and_leave(self.store)  # restored: the unlock screen is next
        elif self.identity.working:
            self._cancel_while_creating()
        elif self.store is not None:
            if not self.confirming:
                self._ask_before_leaving()
        else:
            super().reject()

    def _cancel_while_creating(self) -> None:
        """The creation cannot be stopped half-way: wait for it, then close the store."""
        if self.cancel_requested:
            return
        self.cancel_requested = True
        self.identity.busy_label.setText(
            self.tr(
                "Cancelling. The store is being created and is then closed. Its recovery code "
                "is shown the next time you unlock Utväg."
            )
        )
        self.button(QWizard.WizardButton.CancelButton).setEnabled(False)

    def _ask_before_leaving(self) -> None:
        """*Avbryt* on the recovery-code page: the store exists; the code stays in it."""
        if self.leave_box is not None:
            return
        box = QMessageBox(self)
        box.setObjectName("leaveWithoutConfirming")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Utväg")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            self.tr(
                "The store has been created, but you have not confirmed that you have written "
                "down the recovery code. If you close Utväg now, the code is shown again the "
                "next time you unlock it."
            )
        )
        leave_role, stay_role = QMessageBox.ButtonRole.AcceptRole, QMessageBox.ButtonRole.RejectRole
        self.leave_button = box.addButton(self.tr("&Close Utväg"), leave_role)
        stay = box.addButton(self.tr("&Back to the code"), stay_role)
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r: self._left_or_stayed(box))
        self.leave_box = box
        box.open()

    def _left_or_stayed(self, box: QMessageBox) -> None:
        self.leave_box = None
        if box.clickedButton() is self.leave_button and self.store is not None:
            self._close_store_and_leave(self.store)
