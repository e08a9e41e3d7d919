"""MaskedField: a protected value shown masked until the caseworker reveals it with a reason.

Flow: masked text → "Visa" → a dialog asks for the reason → ``reveal(store, reason)`` runs on
the store worker (through ``session.run``; the domain's reveal writes the audit entry) →
the value is shown → it re-masks after ``remask_ms`` (30 s by default), on "Dölj", or when
the session locks. While shown, "Kopiera" copies it with ui/runtime/clipboard.py (markers, cleared
after 30 s). The clear value is held only by the label while shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.runtime.clipboard import copy_protected
from ui.runtime.error_dialog import show_error
from ui.runtime.session_api import SessionAPI

#: How long a revealed value stays visible (milliseconds).
REMASK_AFTER_MS = 30_000
MIN_REASON_LENGTH = 3

#: ``reveal(store, reason_or_grant) -> clear value or None``; runs on the store worker. The
#: second argument is the caseworker's reason, or a case-work grant (see
#: storage.casefile.protection.start_case_work) that stands for one.
RevealFn = Callable[[Any, Any], str | None]


class RevealReasonDialog(QDialog):
    """Asks why a protected value is needed; the reason goes to the audit log."""

    def __init__(
        self, what: str, parent: QWidget | None = None, *, intro_text: str | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("revealReasonDialog")
        self.setMinimumWidth(460)
        self.setWindowTitle(self.tr("Show protected information"))
        intro = QLabel(
            intro_text
            or self.tr(
                "{what} is protected. Write why you need to see it. The reason, your name "
                "and the time are written to the audit log."
            ).format(what=what),
            self,
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("revealReason")
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(self.tr("E.g. contact with the police about the threat"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Show"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self._update)
        self._update()

    def reason_text(self) -> str:
        return " ".join(self.reason.toPlainText().split())

    def _update(self) -> None:
        self.ok_button.setEnabled(len(self.reason_text()) >= MIN_REASON_LENGTH)


class MaskedField(QWidget):
    """A protected value: masked, revealed with a reason, re-masked after a while."""

    revealed = Signal()
    masked = Signal()

    def __init__(
        self,
        what: str,
        masked_text: str,
        reveal: RevealFn,
        session: SessionAPI,
        parent: QWidget | None = None,
        *,
        remask_ms: int = REMASK_AFTER_MS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("maskedField")
        self._what = what
        self._masked_text = masked_text
        self._reveal = reveal
        self._session = session
        self.reason_dialog: RevealReasonDialog | None = None
        self.value = QLabel(masked_text, self)
        self.value.setObjectName("maskedValue")
        self.value.setTextFormat(Qt.TextFormat.PlainText)
        self.value.setAccessibleName(what)
        self.value.setProperty("masked", True)
        self.show_button = QPushButton(self.tr("Show"), self)
        self.show_button.setObjectName("revealButton")
        self.show_button.setAccessibleName(self.tr("Show {what}").format(what=what))
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.copy_button.setObjectName("copyButton")
        self.copy_button.setAccessibleName(self.tr("Copy {what}").format(what=what))
        self.copy_button.setVisible(False)
        self.hide_button = QPushButton(self.tr("Hide"), self)
        self.hide_button.setObjectName("hideButton")
        self.hide_button.setVisible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.value, 1)
        layout.addWidget(self.show_button)
        layout.addWidget(self.copy_button)
        layout.addWidget(self.hide_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(remask_ms)
        self._timer.timeout.connect(self.remask)
        self._clear: str | None = None
        self.show_button.clicked.connect(self.ask_reason)
        self.copy_button.clicked.connect(self._copy)
        self.hide_button.clicked.connect(self.remask)
        session.guard.register(self)

    def is_revealed(self) -> bool:
        return self._clear is not None

    def ask_reason(self) -> None:
        """Open the reason dialog (window-modal, non-blocking)."""
        dialog = RevealReasonDialog(self._what, self)
        self.reason_dialog = dialog
        self._session.guard.track_dialog(dialog)
        dialog.accepted.connect(lambda: self._start_reveal(dialog.reason_text()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _start_reveal(self, reason: str) -> None:
        self.show_button.setEnabled(False)
        reveal = self._reveal
        self._session.run(
            self,
            lambda store: reveal(store, reason),
            self._show_value,
            self._reveal_failed,
            progress=False,
        )

    def _reveal_failed(self, exc: BaseException) -> None:
        self.show_button.setEnabled(True)
        show_error(self, exc)

    def reveal_with_grant(self, grant: object) -> None:
        """Show the value under a case-work grant: no reason asked, no re-mask timer (the
        grant's own end re-masks every field of the case)."""
        if self._clear is not None:
            self._timer.stop()  # already shown: it now stays while the grant lasts
            return
        self.show_button.setEnabled(False)
        reveal = self._reveal
        self._session.run(
            self,
            lambda store: reveal(store, grant),
            lambda value: self._show_value(value, timed=False),
            self._reveal_failed,
            progress=False,
        )

    def _show_value(self, value: object, *, timed: bool = True) -> None:
        self.show_button.setEnabled(True)
        if not self._session.is_unlocked:
            return
        self._clear = "" if value is None else str(value)
        self.value.setText(self._clear or self.tr("(not recorded)"))
        self.value.setProperty("masked", False)
        self._repolish()
        self.show_button.setVisible(False)
        self.copy_button.setVisible(bool(self._clear))
        self.hide_button.setVisible(True)
        if timed:
            self._timer.start()
        self.revealed.emit()

    def remask(self) -> None:
        """Hide the value again."""
        self._timer.stop()
        self._clear = None
        self.value.setText(self._masked_text)
        self.value.setProperty("masked", True)
        self._repolish()
        self.show_button.setVisible(True)
        self.copy_button.setVisible(False)
        self.hide_button.setVisible(False)
        self.masked.emit()

    def clear_for_lock(self) -> None:
        self.remask()

    def _copy(self) -> None:
        if self._clear:
            copy_protected(self._clear)

    def _repolish(self) -> None:
        self.value.style().unpolish(self.value)
        self.value.style().polish(self.value)
