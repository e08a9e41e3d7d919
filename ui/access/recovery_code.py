"""The recovery code: big and readable, "I have written it down", and print.

:class:`RecoveryCodePage` is the first-run wizard's last page; :class:`RecoveryCodeWizard`
shows the same page on its own, after unlocking, for a code the store keeps until it is
confirmed (storage/vault/unconfirmed_code.py): one made at a first run that was cancelled
or killed before the confirmation, or a new one from *Ny återställningskod…*
(ui/access/new_recovery_code.py). Confirming wipes the kept code on the store worker.

Printing goes through QPrintDialog to a real printer: the dialog's "print to file" option is
switched off, so the code never lands in a PDF on disk by accident.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from storage.vault.unconfirmed_code import confirm_recovery_code
from ui.kit.dialogs import (
    plain_label,
    set_state,
)
from ui.runtime.error_dialog import show_error
from ui.runtime.privacy import set_exclude_from_capture
from ui.runtime.session_api import SessionAPI


class RecoveryCodePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Recovery code"))
        intro = QLabel(
            self.tr(
                "With this code the store can be opened if you forget the passphrase or move "
                "to a new computer. Until you confirm that you have written it down, it is "
                "shown again each time Utväg is unlocked; after that, never again."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.notice = plain_label("", self, "recoveryCodeNotice")
        set_state(self.notice, "warning")
        self.notice.setVisible(False)

        self._code = ""
        self.code_label = QLabel(self)
        self.code_label.setObjectName("recoveryCode")
        self.code_label.setTextFormat(Qt.TextFormat.PlainText)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setAccessibleName(self.tr("Recovery code"))
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        advice = QLabel(
            self.tr(
                "Write the code on paper, or print it, and keep it locked away from the "
                "computer — for example in the unit's safe. Never save it in a file, an "
                "e-mail or a photo. Anyone with the code and a copy of the store can read it."
            ),
            self,
        )
        advice.setWordWrap(True)
        advice.setTextFormat(Qt.TextFormat.PlainText)
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.setObjectName("printRecoveryCode")
        self.print_button.setAutoDefault(False)
        self.print_button.clicked.connect(self.print_code)
        self.confirm = QCheckBox(self.tr("I have &written it down"), self)
        self.confirm.setObjectName("confirmWrittenDown")
        self.confirm.toggled.connect(self.completeChanged)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.notice)
        layout.addWidget(self.code_label)
        layout.addWidget(advice)
        layout.addLayout(row)
        layout.addStretch(1)
        layout.addWidget(self.confirm)

    def set_code(self, code: str) -> None:
        self._code = code
        self.code_label.setText(code)
        self.confirm.setChecked(False)

    def code(self) -> str:
        return self._code

    def set_notice(self, text: str) -> None:
        """Why the code is shown here (again, or new); hidden when empty."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def isComplete(self) -> bool:
        return bool(self._code) and self.confirm.isChecked()

    def document(self) -> QTextDocument:
        """The printed page: the code, the date and what to do with it."""
        doc = QTextDocument(self)
        title = html.escape(self.tr("Utväg — recovery code"))
        when = html.escape(self.tr("Printed {date}").format(date=dt.date.today().isoformat()))
        advice = html.escape(
            self.tr(
                "Keep this paper locked away from the computer. With the code, the store can "
                "be opened without the passphrase."
            )
        )
        doc.setHtml(
            f"<h2>{title}</h2><p style='font-family:monospace;font-size:20pt'>"
            f"{html.escape(self._code)}</p><p>{when}</p><p>{advice}</p>"
        )
        return doc

    def print_code(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
        printer.setOutputFileName("")
        dialog = QPrintDialog(printer, self)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, False)
        dialog.setWindowTitle(self.tr("Print the recovery code"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            if printer.outputFileName():
                return  # refuse: the code must not be written to a file
            self.document().print_(printer)


def shown_again_notice() -> str:
    return QCoreApplication.translate(
        "RecoveryCodeWizard",
        "Utväg was closed before you confirmed that you had written down the store's recovery "
        "code, so it is shown again. The code has not changed.",
    )


def renewed_notice() -> str:
    return QCoreApplication.translate(
        "RecoveryCodeWizard",
        "This is the store's new recovery code. The old code no longer opens the store. "
        "Backups made before now still open only with the code that was valid when they were "
        "made: keep the old code locked away as long as you keep those backups, or make a new "
        "backup now.",
    )


class RecoveryCodeWizard(QWizard):
    """The recovery-code page on its own, for a code the store keeps until it is confirmed.

    *Klar* (enabled once "I have written it down" is ticked) wipes the kept code on the store
    worker, then ``confirmed`` is emitted. *Senare* closes without confirming: the store
    keeps the code and shows it after the next unlock. Tracked by the lock guard: a lock
    closes it (the code stays kept) and clears the code from the page.
    """

    confirmed = Signal()

    def __init__(
        self,
        session: SessionAPI,
        code: str,
        notice: str,
        parent: QWidget | None = None,
        *,
        exclude_from_capture: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryCodeWizard")
        self.setWindowTitle("Utväg")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Done"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("&Later"))
        self.session = session
        self.code_page = RecoveryCodePage(self)
        self.code_page.set_code(code)
        self.code_page.set_notice(notice)
        self.addPage(self.code_page)
        self.confirming = False
        session.guard.register(self)
        session.guard.track_dialog(self)
        self.setMinimumSize(640, 520)
        set_exclude_from_capture(self, exclude_from_capture)

    def clear_for_lock(self) -> None:
        self.code_page.set_code("")

    def accept(self) -> None:
        if self.confirming or not self.code_page.isComplete():
            return
        self.confirming = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.session.run(self, confirm_recovery_code, self._confirmed, self._failed, progress=False)

    def _confirmed(self, _result: object) -> None:
        self.code_page.set_code("")
        super().accept()
        self.confirmed.emit()

    def _failed(self, exc: BaseException) -> None:
        self.confirming = False
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        show_error(self, exc)

    def reject(self) -> None:
        """Closes at once, also while a confirmation runs (a lock must close it): if that
        never ran, the code is still kept and shown after the next unlock."""
        self.code_page.set_code("")
        super().reject()
