"""*Ny återställningskod…* (Settings): a new recovery code from the desktop client.

It is the command line's ``utvag rekey``: a new data key, a new key-encryption key and a new
recovery code, the database re-encrypted (docs/store.md, "rekey"; audited ``rekey``). The
dialog says what that means — the old code stops working at once, and backups made before
now still open only with the code that was valid when they were made (docs/backup.md) —
asks for the passphrase, and runs :meth:`storage.vault.store.Store.rekey` on the store
worker through the session, keeping the new code inside the store until it is confirmed.
The new code is then shown on the first run's recovery-code page
(:class:`~ui.access.recovery_code.RecoveryCodeWizard`); should the client be locked, close
or crash before the confirmation, the next unlock shows it again.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from storage.vault.store import Store
from ui.access.recovery_code import (
    RecoveryCodeWizard,
    renewed_notice,
)
from ui.kit.dialogs import (
    plain_label,
    set_state,
)
from ui.runtime.error_dialog import (
    error_text,
    show_error,
)
from ui.runtime.session_api import SessionAPI


class NewRecoveryCodeDialog(QDialog):
    """Passphrase → rekey on the worker → the new code on the recovery-code page.
    ``renewed(wizard)`` hands over the page that shows the new code."""

    renewed = Signal(object)

    def __init__(
        self,
        session: SessionAPI,
        parent: QWidget | None = None,
        *,
        exclude_from_capture: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newRecoveryCodeDialog")
        self.setWindowTitle(self.tr("New recovery code"))
        self.session = session
        self.exclude_from_capture = exclude_from_capture
        self.code_wizard: RecoveryCodeWizard | None = None
        session.guard.register(self)
        session.guard.track_dialog(self)
        self.explain = plain_label(
            self.tr(
                "Utväg makes a new recovery code and re-encrypts the store with new keys. The "
                "current recovery code stops working at once, also on paper. Backups made "
                "before now still open only with the code that was valid when they were made: "
                "keep the old code as long as you keep those backups, or make a new backup "
                "afterwards. This can take a while for a large store."
            ),
            self,
        )
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("rekeyPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.error = plain_label("", self, "rekeyError")
        set_state(self.error, "error")
        self.error.setVisible(False)
        self.busy = QProgressBar(self)
        self.busy.setObjectName("busy")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(self.tr("Making a new recovery code"))
        self.busy.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Make a new recovery code"))
        self.ok_button.setObjectName("makeNewRecoveryCode")
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Your &passphrase:"), self.passphrase)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.passphrase.textChanged.connect(self._update)
        self.setMinimumWidth(560)
        self._update()

    def working(self) -> bool:
        return not self.busy.isHidden()

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.passphrase.text()) and not self.working())

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.passphrase.setEnabled(not busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(not busy)
        self._update()

    def start(self) -> None:
        if not self.ok_button.isEnabled():
            return
        passphrase = self.passphrase.text()
        self.passphrase.clear()
        self.error.setVisible(False)
        self._set_busy(True)

        def rekey(store: Store) -> str:
            return store.rekey(passphrase, keep_code_unconfirmed=True)

        self.session.run(
            self,
            rekey,
            self._done,
            self._failed,
            label=self.tr("Re-encrypting the store and making a new recovery code…"),
        )

    def _done(self, code: str) -> None:
        self._set_busy(False)
        if self.isVisible():
            self.accept()
        wizard = RecoveryCodeWizard(
            self.session,
            code,
            renewed_notice(),
            self.parentWidget(),
            exclude_from_capture=self.exclude_from_capture,
        )
        wizard.finished.connect(wizard.deleteLater)
        self.code_wizard = wizard
        self.renewed.emit(wizard)
        wizard.open()
        self.deleteLater()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not self.isVisible():  # closed during the rekey: say it in a box of its own
            show_error(self.parentWidget(), exc)
            self.deleteLater()
            return
        self.error.setText(error_text(exc))
        self.error.setVisible(True)
        self.passphrase.setFocus()

    def clear_for_lock(self) -> None:
        self.passphrase.clear()

    def reject(self) -> None:
        """Closes at once, also during the rekey (a lock must close it): the rekey runs to
        its end on the worker and its code is shown then — or, after a lock, at the next
        unlock, since the store keeps it."""
        self.passphrase.clear()
        super().reject()
