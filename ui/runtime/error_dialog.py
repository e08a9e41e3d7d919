"""How a failed operation is shown and logged: translated, plain text, no personal data.

A ``UtvagError`` is shown with its translated message (the one translation function for
errors, ``desktop.i18n.translate_error``, is installed at start with
:func:`set_error_translator`); anything else gets a generic translated message. No
traceback is ever shown. The log gets the exception type and stack frames only — never the
message, which could carry personal data.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from storage.errors import UtvagError

log = logging.getLogger(__name__)


def _default_error_translator(exc: UtvagError) -> str:
    return exc.render(QCoreApplication.translate)


#: Turns a UtvagError into the user's language; desktop/ installs ``desktop.i18n.translate_error``.
_error_translator: Callable[[UtvagError], str] = _default_error_translator


def set_error_translator(func: Callable[[UtvagError], str]) -> None:
    """Install the one translation function for error messages (done by desktop/app.py)."""
    global _error_translator
    _error_translator = func


def error_text(exc: BaseException) -> str:
    """What the user is told about ``exc``: its translated message, or a generic one."""
    if isinstance(exc, UtvagError):
        return _error_translator(exc)
    return QCoreApplication.translate(
        "Operations",
        "Something went wrong and the operation was not completed. Try again; if it "
        "happens again, contact your IT support.",
    )


def log_failure(exc: BaseException) -> None:
    """Log a failure without its message (messages can carry personal data)."""
    if isinstance(exc, UtvagError):
        log.info("operation refused: %s (%s)", type(exc).__name__, exc.code)
        return
    frames = traceback.extract_tb(exc.__traceback__)
    where = " <- ".join(
        f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno}:{f.name}" for f in frames[::-1]
    )
    log.error("operation failed unexpectedly: %s at %s", type(exc).__name__, where)


def show_error(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """Show ``exc`` as a plain-text, window-modal message box (non-blocking)."""
    box = QMessageBox(parent)
    box.setObjectName("operationError")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Utväg")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(error_text(exc))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
