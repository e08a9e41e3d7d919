"""Keyboard conventions shared by every window.

- **Ctrl+Enter** submits the dialog that has focus: it clicks the dialog's default button, or
  the accepting button of its button box (Enter alone inserts a new line in a text field, so
  a journal entry or a reason can be written and saved without the mouse).

:class:`DialogSubmitFilter` is installed once on the application (desktop/app.py).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QDialogButtonBox, QPushButton

_SUBMIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_ACCEPTING = (
    QDialogButtonBox.ButtonRole.AcceptRole,
    QDialogButtonBox.ButtonRole.YesRole,
    QDialogButtonBox.ButtonRole.ApplyRole,
)


def submit_button(dialog: QDialog) -> QAbstractButton | None:
    """The button Ctrl+Enter clicks in ``dialog``: its default push button, else the first
    enabled accepting button of a button box."""
    for push in dialog.findChildren(QPushButton):
        if push.isDefault() and push.isVisible() and push.isEnabled():
            return push
    for box in dialog.findChildren(QDialogButtonBox):
        for button in box.buttons():
            if box.buttonRole(button) in _ACCEPTING and button.isEnabled() and button.isVisible():
                return button
    return None


class DialogSubmitFilter(QObject):
    """Ctrl+Enter anywhere in a dialog presses its submitting button (when it is enabled)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.key() not in _SUBMIT_KEYS:
            return False
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return False
        window = QApplication.activeWindow()
        if not isinstance(window, QDialog):
            return False
        button = submit_button(window)
        if button is None:
            return False
        button.click()
        return True
