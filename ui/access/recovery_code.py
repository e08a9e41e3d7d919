"""The recovery code, shown once: big and readable, "I have written it down", and print.

Printing goes through QPrintDialog to a real printer: the dialog's "print to file" option is
switched off, so the code never lands in a PDF on disk by accident.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)


class RecoveryCodePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Recovery code"))
        intro = QLabel(
            self.tr(
                "With this code the store can be opened if you forget the passphrase or move "
                "to a new computer. It is shown only this once."
            ),
            self,
        )
        intro.setWordWrap(True)

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
        layout.addWidget(self.code_label)
        layout.addWidget(advice)
        layout.addLayout(row)
        layout.addStretch(1)
        layout.addWidget(self.confirm)

    def set_code(self, code: str) -> None:
        self._code = code
        self.code_label.setText(code)
        self.confirm.setChecked(False)

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
