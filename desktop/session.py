"""The GUI session: the unlocked store, the idle policy and locking.

A :class:`Session` holds the one open store while the client is unlocked. All store work
goes through ``session.run(parent, fn, on_success, ...)``: ``fn(store)`` runs on the single
store worker thread (ui/runtime/operations.py), never on the GUI thread, and nobody else keeps a
reference to the store.

``lock(reason)``:
1. ``guard.clear_all()`` — closes every dialog, message box and popup, clears every
   registered view (ui/runtime/lock.py), takes a protected value off the clipboard; unsaved edits
   are discarded (the return value says whether there were any);
2. stops the idle timer, cancels every queued store job and forgets their callbacks;
3. drops the store reference and closes the store *on the worker* (after the job running
   now, if any; ``store_closed`` is emitted when it is closed);
4. emits ``locked(reason, discarded_edits)`` — the app then shows the unlock screen.

Idle policy: ``idle_timeout_s`` (default 5 minutes, set in Settings) of no keyboard, mouse
or touch input anywhere in the application locks the session (``LOCK_IDLE``). The wall
clock is checked too (ui/runtime/lock.py): when the time since the last activity jumped
past the timeout — the computer slept without telling us — the session locks at once on
waking, as ``LOCK_SLEEP`` (which, like an OS lock or suspend, ends a quick re-unlock).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ui.runtime.lock import (
    IdleWatcher,
    LockGuard,
)
from ui.runtime.operations import (
    OpContext,
    TaskManager,
    taskman,
)

if TYPE_CHECKING:  # the store's module (SQLCipher, audit) loads at the first unlock
    from storage.vault.store import Store

log = logging.getLogger(__name__)

DEFAULT_IDLE_TIMEOUT_S = 5 * 60

LOCK_MANUAL = "manual"
LOCK_IDLE = "idle"
LOCK_EXIT = "exit"
LOCK_SLEEP = "sleep"  # the wall clock jumped past the idle timeout

T = TypeVar("T")


class _Closable(Protocol):
    def close(self) -> None: ...


class Session(QObject):
    unlocked = Signal()
    locked = Signal(str, bool)  # reason, whether unsaved edits were discarded
    store_closed = Signal()

    def __init__(
        self,
        store_path: Path,
        *,
        idle_timeout_s: float = DEFAULT_IDLE_TIMEOUT_S,
        tasks: TaskManager | None = None,
        parent: QObject | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        super().__init__(parent)
        self._path = Path(store_path)
        self._tasks = tasks if tasks is not None else taskman()
        self._store: Store | None = None
        self.guard = LockGuard(self)
        if clock is None:
            self.idle = IdleWatcher(int(idle_timeout_s * 1000), self)
        else:
            self.idle = IdleWatcher(int(idle_timeout_s * 1000), self, clock=clock)
        self.idle.idle.connect(self._idle_timeout)
        self.idle.slept.connect(self._slept)
        self.idle.lock_key.connect(self._lock_key)

    # ------------------------------------------------------------------ state
    @property
    def store_path(self) -> Path:
        return self._path

    @property
    def is_unlocked(self) -> bool:
        return self._store is not None

    @property
    def idle_timeout_s(self) -> float:
        return self.idle.timeout_ms / 1000

    def set_idle_timeout(self, seconds: float) -> None:
        self.idle.set_timeout_ms(int(seconds * 1000))

    def attach(self, store: Store) -> None:
        """Take over a store just opened on the worker (unlock, recovery, first run)."""
        if self._store is not None and self._store is not store:
            raise RuntimeError("a store is already attached to this session")
        self._store = store
        self.idle.start()
        self.unlocked.emit()

    # ------------------------------------------------------------------ running store work
    def run(
        self,
        parent: QWidget | None,
        fn: Callable[[Store], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        *,
        progress: bool = True,
        cancellable: bool = False,
        label: str = "",
    ) -> int:
        """Run ``fn(store)`` on the store worker; callbacks run on the GUI thread.

        While locked nothing runs and nothing is called back (returns 0): a timer or a
        late click after the lock must not reach the closed store.
        """
        store = self._store
        if store is None:
            log.debug("store work requested while locked; ignored")
            return 0
        return self._tasks.run_op(
            parent,
            lambda _ctx: fn(store),
            on_success,
            on_failure,
            progress=progress,
            cancellable=cancellable,
            label=label,
        )

    def run_with_context(
        self,
        parent: QWidget | None,
        fn: Callable[[Store, OpContext], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        *,
        progress: bool = True,
        cancellable: bool = True,
        label: str = "",
    ) -> int:
        """Like :meth:`run`, for long work that reports progress or can be cancelled."""
        store = self._store
        if store is None:
            log.debug("store work requested while locked; ignored")
            return 0
        return self._tasks.run_op(
            parent,
            lambda ctx: fn(store, ctx),
            on_success,
            on_failure,
            progress=progress,
            cancellable=cancellable,
            label=label,
        )

    # ------------------------------------------------------------------ locking
    def _idle_timeout(self) -> None:
        self.lock(LOCK_IDLE)

    def _slept(self) -> None:
        self.lock(LOCK_SLEEP)

    def _lock_key(self) -> None:
        self.lock(LOCK_MANUAL)

    def lock(self, reason: str = LOCK_MANUAL) -> None:
        """Clear every view, close the store on the worker, emit ``locked``."""
        if self._store is None:
            return
        discarded = self.guard.clear_all()
        self.idle.stop()
        self._tasks.cancel_all()
        store: _Closable = self._store
        self._store = None
        self._tasks.run_op(
            None,
            lambda _ctx: _close(store),
            lambda _r: self.store_closed.emit(),
            lambda _e: self.store_closed.emit(),
            progress=False,
        )
        log.info("session locked (%s)", reason)
        self.locked.emit(reason, discarded)

    def shutdown(self, timeout: float = 30.0) -> None:
        """Lock (closing the store) and wait until the worker has closed it."""
        self.lock(LOCK_EXIT)
        try:
            self._tasks.run_sync(lambda _ctx: None, timeout)
        except TimeoutError:
            log.error("the store worker did not finish closing in time")


def _close(store: _Closable) -> None:
    try:
        store.close()
    except Exception as exc:
        log.error("closing the store failed: %s", type(exc).__name__)
        raise
