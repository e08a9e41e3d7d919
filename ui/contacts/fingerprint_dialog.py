"""Fingerprint verification: our digits (and QR code) to read out, theirs to type in.

The dialog never shows the *contact's* fingerprint before it is verified: the caseworker
types the eight groups the other unit reads aloud over the phone (or, in person, scans the
other screen's QR code with a scanner that types the ``UTVAG:FP1:…`` payload). What was
typed is compared by :func:`sync.trust.contacts.verify_contact` on the store worker, which also
audits every attempt. Our own fingerprint is shown large, with its QR code when segno is
installed (ui/contacts/qr.py), so the other unit can do the same with ours.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from sync.trust.contacts import verify_contact
from sync.trust.fingerprint import (
    DIGITS,
    normalise_typed,
)
from ui.contacts.qr import (
    QrCodeWidget,
    qr_available,
)
from ui.kit.dialogs import (
    plain_label,
    set_state,
)
from ui.kit.windows import fit_to_screen
from ui.runtime.error_dialog import error_text
from ui.runtime.session_api import SessionAPI


def two_lines(digits: str) -> str:
    """``"11111 22222 33333 44444\\n55555 …"``: eight groups on two lines of four."""
    groups = digits.split()
    return " ".join(groups[:4]) + "\n" + " ".join(groups[4:])


class FingerprintPanel(QWidget):
    """A fingerprint in large digit groups, with its QR code when it can be drawn."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fingerprintPanel")
        self.title = QLabel(title, self)
        self.title.setObjectName("panelTitle")
        self.digits = plain_label("", self, "fingerprintDigits")
        self.digits.setWordWrap(False)
        self.digits.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.digits.setAccessibleName(title)
        self.qr = QrCodeWidget(self)
        self.no_qr = plain_label("", self, "hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.digits)
        layout.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.no_qr)
        layout.addStretch(1)

    def set_fingerprint(self, digits: str, qr_payload: str) -> None:
        self.digits.setText(two_lines(digits))
        self.qr.set_payload(qr_payload)
        self.no_qr.setVisible(not qr_available())
        self.no_qr.setText(
            self.tr("(No QR code: compare the digits.)") if not qr_available() else ""
        )

    def clear(self) -> None:
        self.digits.clear()
        self.qr.clear()


class VerifyContactDialog(QDialog):
    """Type the contact's fingerprint as read aloud; verified on the store worker."""

    verified = Signal(object)  # sync.trust.contacts.Contact

    def __init__(
        self,
        session: SessionAPI,
        contact_id: int,
        contact_name: str,
        ours: tuple[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("verifyContactDialog")
        self.setWindowTitle(self.tr("Verify contact"))
        self.session = session
        self.contact_id = contact_id
        session.guard.track_dialog(self)
        intro = plain_label(
            self.tr(
                "Call {name} on a number you already know (not one from the card or an "
                "e-mail), or meet in person. Read your fingerprint to them, and type the "
                "eight groups they read to you. Only if they match can cases be sent to them "
                "or accepted from them."
            ).format(name=contact_name),
            self,
        )
        self.ours = FingerprintPanel(self.tr("Your fingerprint — read it to them"), self)
        self.ours.set_fingerprint(*ours)
        theirs_title = QLabel(self.tr("Their fingerprint — as they read it"), self)
        theirs_title.setObjectName("panelTitle")
        self.typed = QLineEdit(self)
        self.typed.setObjectName("typedFingerprint")
        self.typed.setPlaceholderText("12345 67890 12345 67890 12345 67890 12345 67890")
        self.typed.setAccessibleName(self.tr("Their fingerprint"))
        theirs_title.setBuddy(self.typed)
        self.count = plain_label("", self, "hint")
        self.status = plain_label("", self, "verifyStatus")
        scan_hint = plain_label(
            self.tr("A QR scanner that types can scan their code into this field."), self, "hint"
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.verify_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.verify_button.setText(self.tr("&Verify"))
        self.verify_button.setObjectName("verifyButton")
        theirs = QVBoxLayout()
        theirs.setContentsMargins(0, 0, 0, 0)
        for widget in (theirs_title, self.typed, self.count, scan_hint):
            theirs.addWidget(widget)
        theirs.addStretch(1)
        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addWidget(self.ours)
        columns.addLayout(theirs, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(columns, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.verify)
        self.buttons.rejected.connect(self.reject)
        self.typed.textChanged.connect(self._update)
        self._update()
        fit_to_screen(self, 900, 420)

    def _update(self) -> None:
        text = self.typed.text()
        ok = normalise_typed(text) is not None
        digits = sum(ch.isdigit() for ch in text)
        if text.strip().upper().startswith("UTVAG"):
            self.count.setText(self.tr("QR code payload") if ok else self.tr("Incomplete"))
        else:
            self.count.setText(self.tr("{n} of {total} digits").format(n=digits, total=DIGITS))
        self.verify_button.setEnabled(ok)

    def verify(self) -> None:
        typed = self.typed.text()
        if normalise_typed(typed) is None:
            return
        contact_id = self.contact_id
        self.verify_button.setEnabled(False)
        self.session.run(
            self,
            lambda store: verify_contact(store, contact_id, typed),
            self._done,
            self._failed,
            progress=False,
        )

    def _done(self, contact: Any) -> None:
        self.verified.emit(contact)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(error_text(exc))
        set_state(self.status, "error")
        self.typed.selectAll()
        self.typed.setFocus()
        self._update()

    def clear_for_lock(self) -> None:
        self.typed.clear()
        self.ours.clear()
