"""Privacy measures for windows: keep them out of screen capture where the OS allows it.

Windows 10 2004+ honours ``SetWindowDisplayAffinity(hwnd, WDA_EXCLUDEFROMCAPTURE)``: the
window is left out of screenshots, screen recording and screen sharing. Older Windows
versions get ``WDA_MONITOR`` (the window shows black in captures). Other systems offer no
such call; there the function returns False and does nothing.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

WDA_NONE = 0x00
WDA_MONITOR = 0x01
WDA_EXCLUDEFROMCAPTURE = 0x11


def capture_exclusion_supported() -> bool:
    return sys.platform == "win32"


def set_exclude_from_capture(window: QWidget, exclude: bool) -> bool:
    """Exclude ``window`` from screen capture (Windows only); True when it took effect."""
    if sys.platform != "win32":
        return False
    import ctypes  # Windows only: not at start-up elsewhere (issue 17)

    try:
        user32 = ctypes.WinDLL("user32")
        hwnd = ctypes.c_void_p(int(window.winId()))
        if not exclude:
            return bool(user32.SetWindowDisplayAffinity(hwnd, WDA_NONE))
        if user32.SetWindowDisplayAffinity(hwnd, WDA_EXCLUDEFROMCAPTURE):
            return True
        return bool(user32.SetWindowDisplayAffinity(hwnd, WDA_MONITOR))
    except (OSError, AttributeError):
        log.warning("SetWindowDisplayAffinity is not available")
        return False
