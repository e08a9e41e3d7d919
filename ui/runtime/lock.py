"""Locking support for the GUI: which views show data, and idle detection.

- :class:`LockGuard` — every widget or model that shows case data registers itself
  (``guard.register(view)``; the view implements ``clear_for_lock()`` and optionally
  ``has_unsaved_edits()``), every dialog that shows data is tracked
  (``guard.track_dialog(dialog)``). On lock the guard clears the views, closes the tracked
  dialogs and — as a safety net — every other open dialog, message box and popup menu, and
  takes a protected value off the clipboard. Unsaved edits are *discarded*; the guard reports
  whether there were any, so the caseworker can be told (see docs/desktop.md).
- :class:`IdleWatcher` — an application event filter: keyboard, mouse, wheel and touch input
  restart a timer; when it runs out, ``idle`` is emitted. Besides that timer (which does not
  run while the computer sleeps), the wall clock is compared with the time of the last
  activity on every tick, on every input event *before* it counts as activity, and when the
  application becomes active again: a gap past the timeout — a sleep the operating system
  did not announce, e.g. on macOS — emits ``slept`` at once, before the first key or mouse
  move after waking reaches a window.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable, Iterable
from typing import Any, Protocol, runtime_checkable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QWidget

from ui.runtime.clipboard import protected_clipboard


@runtime_checkable
class LockAware(Protocol):
    """A view or model that shows data and can forget it."""

    def clear_for_lock(self) -> None: ...


class LockGuard(QObject):
    """Remembers what shows data; clears and closes it all when the session locks."""

    cleared = Signal(bool)  # whether unsaved edits were discarded

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._views: dict[int, weakref.ref[Any]] = {}
        self._dialogs: dict[int, weakref.ref[QWidget]] = {}

    def register(self, view: LockAware) -> None:
        """Clear ``view`` (``view.clear_for_lock()``) when the session locks."""
        key = id(view)
        self._views[key] = weakref.ref(view, lambda _r: self._views.pop(key, None))

    def unregister(self, view: object) -> None:
        self._views.pop(id(view), None)

    def track_dialog(self, dialog: QWidget) -> None:
        """Close ``dialog`` when the session locks (it shows data)."""
        key = id(dialog)
        self._dialogs[key] = weakref.ref(dialog, lambda _r: self._dialogs.pop(key, None))
        dialog.destroyed.connect(lambda *_: self._dialogs.pop(key, None))

    def views(self) -> list[Any]:
        return [v for v in (r() for r in list(self._views.values())) if _alive(v)]

    def has_unsaved_edits(self) -> bool:
        return any(_unsaved(v) for v in self.views())

    def clear_all(self, keep: Iterable[QWidget] = ()) -> bool:
        """Close dialogs, clear views and the clipboard; return whether edits were dropped."""
        discarded = self.has_unsaved_edits()
        kept = {id(w) for w in keep}
        _close_popups()
        for ref in list(self._dialogs.values()):
            dialog = ref()
            if dialog is not None and _alive(dialog) and id(dialog) not in kept:
                _close(dialog)
        self._dialogs.clear()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible() and id(widget) not in kept:
                _close(widget)
        for view in self.views():
            view.clear_for_lock()
        protected_clipboard().clear_if_ours()
        self.cleared.emit(discarded)
        return discarded


def _alive(obj: object) -> bool:
    return obj is not None and (not isinstance(obj, QObject) or shiboken6.isValid(obj))


def _unsaved(view: object) -> bool:
    check = getattr(view, "has_unsaved_edits", None)
    return bool(check()) if callable(check) else False


def _close(widget: QWidget) -> None:
    if isinstance(widget, QDialog):
        widget.reject()
    widget.close()


def _close_popups() -> None:
    for _ in range(20):  # nested popups close one level at a time
        popup = QApplication.activePopupWidget()
        if popup is None:
            return
        popup.close()
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMenu) and widget.isVisible():
            widget.close()


#: The lock shortcut (Cmd+L on macOS, where Qt maps Ctrl to Cmd).
LOCK_KEYS = QKeySequence("Ctrl+L")

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.InputMethod,
    }
)


#: How often the wall clock is compared with the last activity.
CLOCK_TICK_MS = 5000
#: A gap this much past the timeout is a sleep (the timer or a tick would have fired in time).
SLEEP_SLACK_S = 2 * CLOCK_TICK_MS / 1000


class IdleWatcher(QObject):
    """Watches all input in the application while the session is open.

    Emits ``idle`` after ``timeout_ms`` without keyboard, mouse or touch input, ``slept``
    when the wall clock says the time since the last input jumped past the timeout (the
    computer slept; ``clock`` can be injected), and ``lock_key`` when Ctrl+L is pressed
    anywhere — also inside a modal dialog, where the main window's Ctrl+L action is blocked
    by Qt's shortcut map.
    """

    idle = Signal()
    slept = Signal()
    lock_key = Signal()

    def __init__(
        self,
        timeout_ms: int,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._last_activity = clock()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(timeout_ms, 1))
        self._timer.timeout.connect(self.idle.emit)
        self._tick = QTimer(self)
        self._tick.setInterval(CLOCK_TICK_MS)
        self._tick.timeout.connect(self.check_clock)
        self._filtering = False

    @property
    def timeout_ms(self) -> int:
        return self._timer.interval()

    def set_timeout_ms(self, timeout_ms: int) -> None:
        """A new timeout counts from now (as the timer does)."""
        self._timer.setInterval(max(timeout_ms, 1))
        if self._timer.isActive():
            self._last_activity = self._clock()
            self._timer.start()

    def is_active(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and not self._filtering:
            app.installEventFilter(self)
            if isinstance(app, QGuiApplication):
                app.applicationStateChanged.connect(self._state_changed)
            self._filtering = True
        self._last_activity = self._clock()
        self._timer.start()
        self._tick.start()

    def stop(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and self._filtering:
            app.removeEventFilter(self)
            if isinstance(app, QGuiApplication):
                app.applicationStateChanged.disconnect(self._state_changed)
        self._filtering = False
        self._timer.stop()
        self._tick.stop()

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.check_clock()

    def check_clock(self) -> bool:
        """Compare the wall clock with the last activity; past the timeout emit ``slept``
        (a jump: the computer slept) or ``idle`` (the tick came first); True when it did."""
        if not self._timer.isActive():
            return False
        elapsed = self._clock() - self._last_activity
        timeout = self._timer.interval() / 1000
        if elapsed < timeout:
            return False
        self._timer.stop()
        if elapsed > timeout + SLEEP_SLACK_S:
            self.slept.emit()
        else:
            self.idle.emit()
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _ACTIVITY and self._timer.isActive():
            if self.check_clock():
                return True  # the first input after a sleep locks; it reaches no window
            self._last_activity = self._clock()
            self._timer.start()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            pressed = QKeySequence(event.keyCombination())
            if pressed.matches(LOCK_KEYS) == QKeySequence.SequenceMatch.ExactMatch:
                self.lock_key.emit()
                return True
        return False
