"""Notice when the operating system locks the screen or suspends, so Utväg locks too.

What is detectable (see docs/desktop.md):

- Linux (D-Bus, through QtDBus): systemd-logind ``PrepareForSleep(true)`` (suspend /
  hibernate) and ``Lock`` on the user's session (``loginctl lock-session``, most desktops'
  lock screens) on the system bus; ``ActiveChanged(true)`` of the screen savers on the
  session bus (``org.freedesktop.ScreenSaver`` — KDE, Xfce and others — and the GNOME,
  Cinnamon and MATE variants).
- Windows: ``WM_WTSSESSION_CHANGE`` / ``WTS_SESSION_LOCK`` (Win+L, lock screen) after
  ``WTSRegisterSessionNotification``, and ``WM_POWERBROADCAST`` / ``PBT_APMSUSPEND``.
- macOS: not detectable without native (PyObjC) code; the idle timeout covers it.

Every source only ever *locks*; nothing here can unlock.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import Any

from PySide6.QtCore import SLOT, QAbstractNativeEventFilter, QCoreApplication, QObject, Signal, Slot

log = logging.getLogger(__name__)

_SCREENSAVERS = (
    "org.freedesktop.ScreenSaver",
    "org.gnome.ScreenSaver",
    "org.cinnamon.ScreenSaver",
    "org.mate.ScreenSaver",
)
_LOGIN1 = "org.freedesktop.login1"


def _slot(signature: str) -> Any:
    """A receiver slot for QDBusConnection.connect (Qt's SLOT() macro).

    PySide6 wants the str SLOT() returns; its type stubs claim bytes, hence ``Any``.
    """
    return SLOT(signature)


class OsLockMonitor(QObject):
    """Emits ``os_locked(reason)`` when the screen locks or the machine is about to sleep."""

    os_locked = Signal(str)

    def __init__(self, parent: QObject | None = None, *, session_bus: str | None = None) -> None:
        super().__init__(parent)
        self.sources: list[str] = []
        self._native: _WindowsFilter | None = None
        if sys.platform.startswith("linux"):
            self._watch_dbus(session_bus or os.environ.get("DBUS_SESSION_BUS_ADDRESS"))

    # ------------------------------------------------------------------ Linux
    def _watch_dbus(self, session_address: str | None) -> None:
        try:
            from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage
        except ImportError:  # pragma: no cover - QtDBus ships with PySide6-Essentials
            log.info("QtDBus not available; OS lock detection off")
            return
        if session_address:
            bus = QDBusConnection.connectToBus(session_address, f"utvag-session-{id(self)}")
            if bus.isConnected():
                for iface in _SCREENSAVERS:
                    if bus.connect("", "", iface, "ActiveChanged", self, _slot("_saver(bool)")):
                        self.sources.append(f"session:{iface}")
        system = QDBusConnection.systemBus()
        if not system.isConnected():
            return
        if system.connect(
            _LOGIN1,
            "/org/freedesktop/login1",
            f"{_LOGIN1}.Manager",
            "PrepareForSleep",
            self,
            _slot("_sleep(bool)"),
        ):
            self.sources.append("system:PrepareForSleep")
        path = ""
        manager = QDBusInterface(_LOGIN1, "/org/freedesktop/login1", f"{_LOGIN1}.Manager", system)
        if manager.isValid():
            reply = manager.call("GetSessionByPID", os.getpid())
            args = reply.arguments()
            if reply.type() == QDBusMessage.MessageType.ReplyMessage and args:
                path = str(args[0].path() if hasattr(args[0], "path") else args[0])
        if system.connect(_LOGIN1, path, f"{_LOGIN1}.Session", "Lock", self, _slot("_locked()")):
            self.sources.append("system:Session.Lock")

    @Slot(bool)
    def _saver(self, active: bool) -> None:
        if active:
            self.os_locked.emit("screensaver")

    @Slot(bool)
    def _sleep(self, going_to_sleep: bool) -> None:
        if going_to_sleep:
            self.os_locked.emit("suspend")

    @Slot()
    def _locked(self) -> None:
        self.os_locked.emit("os-lock")

    # ------------------------------------------------------------------ Windows
    def watch_window(self, win_id: int) -> None:
        """Windows: ask for session notifications for the top-level window ``win_id``."""
        if sys.platform != "win32" or self._native is not None:
            return
        import ctypes  # Windows only: not at start-up elsewhere (issue 17)

        try:
            wtsapi = ctypes.WinDLL("wtsapi32")
            notify_for_this_session = 0
            if not wtsapi.WTSRegisterSessionNotification(
                ctypes.c_void_p(win_id), notify_for_this_session
            ):
                return
        except (OSError, AttributeError):
            log.info("WTSRegisterSessionNotification unavailable; OS lock detection off")
            return
        self._native = _WindowsFilter(self.os_locked.emit)
        app = QCoreApplication.instance()
        if app is not None:
            app.installNativeEventFilter(self._native)
            self.sources.append("windows:WTS+power")


class _WindowsFilter(QAbstractNativeEventFilter):
    WM_WTSSESSION_CHANGE = 0x02B1
    WTS_SESSION_LOCK = 0x7
    WM_POWERBROADCAST = 0x0218
    PBT_APMSUSPEND = 0x4

    def __init__(self, emit: Any) -> None:
        super().__init__()
        self._emit = emit

    def nativeEventFilter(self, event_type: Any, message: Any) -> Any:
        if bytes(event_type) not in (b"windows_generic_MSG", b"windows_dispatcher_MSG"):
            return False, 0
        from ctypes import wintypes

        msg = wintypes.MSG.from_address(int(message))
        if msg.message == self.WM_WTSSESSION_CHANGE and msg.wParam == self.WTS_SESSION_LOCK:
            self._emit("os-lock")
        elif msg.message == self.WM_POWERBROADCAST and msg.wParam == self.PBT_APMSUSPEND:
            self._emit("suspend")
        return False, 0
