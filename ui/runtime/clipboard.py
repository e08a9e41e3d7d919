"""Copying a protected value: marked so clipboard managers skip it, cleared after 30 s.

The copied data carries the markers clipboard tools honour:

- ``x-kde-passwordManagerHint: secret`` — Klipper (KDE) and several Linux clipboard
  managers do not record it;
- on Windows, the registered formats ``ExcludeClipboardContentFromMonitorProcessing``,
  ``CanIncludeInClipboardHistory`` = 0 and ``CanUploadToCloudClipboard`` = 0 keep it out of
  clipboard monitors, the Win+V history and the cloud clipboard;
- a random token under ``application/x-utvag-protected``: after the timeout (and when the
  session locks) the clipboard is cleared only if it still holds *our* value, identified by
  that token — the value itself is not kept anywhere.

macOS has no marker Qt can set (``org.nspasteboard.ConcealedType`` would need a native
pasteboard type); the 30-second clearing applies there too.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QObject, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

#: Default time a protected value stays on the clipboard (milliseconds).
CLEAR_AFTER_MS = 30_000

MARKER_MIME = "application/x-utvag-protected"
KDE_HINT_MIME = "x-kde-passwordManagerHint"
_WIN = 'application/x-qt-windows-mime;value="{}"'
_DWORD_ZERO = b"\x00\x00\x00\x00"


def protected_mime_data(text: str, token: bytes) -> QMimeData:
    """Mime data for ``text`` with every "do not record" marker we know of."""
    data = QMimeData()
    data.setText(text)
    data.setData(KDE_HINT_MIME, b"secret")
    data.setData(_WIN.format("ExcludeClipboardContentFromMonitorProcessing"), b"\x01")
    data.setData(_WIN.format("CanIncludeInClipboardHistory"), _DWORD_ZERO)
    data.setData(_WIN.format("CanUploadToCloudClipboard"), _DWORD_ZERO)
    data.setData(MARKER_MIME, token)
    return data


class ProtectedClipboard(QObject):
    """Puts protected values on the clipboard and takes them off again."""

    def __init__(self, clear_after_ms: int = CLEAR_AFTER_MS, parent: QObject | None = None):
        super().__init__(parent)
        self.clear_after_ms = clear_after_ms
        self._token: bytes | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear_if_ours)

    def copy(self, text: str) -> None:
        """Copy ``text`` with the markers; clear it after ``clear_after_ms``."""
        import secrets  # with hashlib, on the first copy: not at start-up (issue 17)

        self._token = secrets.token_bytes(16)
        clipboard = QGuiApplication.clipboard()
        clipboard.setMimeData(protected_mime_data(text, self._token), QClipboard.Mode.Clipboard)
        self._timer.start(self.clear_after_ms)

    def holds_ours(self) -> bool:
        if self._token is None:
            return False
        data = QGuiApplication.clipboard().mimeData(QClipboard.Mode.Clipboard)
        return data is not None and bytes(data.data(MARKER_MIME).data()) == self._token

    def clear_if_ours(self) -> bool:
        """Empty the clipboard if it still holds the value we put there."""
        self._timer.stop()
        ours = self.holds_ours()
        if ours:
            QGuiApplication.clipboard().clear(QClipboard.Mode.Clipboard)
        self._token = None
        return ours


_instance: ProtectedClipboard | None = None


def protected_clipboard() -> ProtectedClipboard:
    """The application's protected clipboard (one timer for the whole app)."""
    global _instance
    if _instance is None:
        _instance = ProtectedClipboard(parent=QGuiApplication.instance())
    return _instance


def copy_protected(text: str) -> None:
    """Copy a protected value; see the module docstring."""
    protected_clipboard().copy(text)
