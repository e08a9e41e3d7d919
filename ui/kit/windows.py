"""Window sizes that fit the screen: a window opens at its preferred size, never larger than
the screen it is on (a 1280×720 laptop at 150 % scaling, a 1024×768 projector), and its
layouts shrink from there. No window has a fixed size."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

#: Room left for the window frame and the task bar, as a share of the available area.
_WIDTH_SHARE = 0.96
_HEIGHT_SHARE = 0.92


def available_size(widget: QWidget) -> tuple[int, int]:
    """The usable area of the screen ``widget`` is on (the primary screen before it is shown)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    return area.width(), area.height()


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to ``width`` × ``height``, or to what the screen has room for if that is less."""
    room_w, room_h = available_size(widget)
    widget.resize(
        max(1, min(width, int(room_w * _WIDTH_SHARE))),
        max(1, min(height, int(room_h * _HEIGHT_SHARE))),
    )
