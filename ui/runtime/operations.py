"""The one way to run slow work off the GUI thread: a single worker thread for the store.

Every call into the store (unlock/KDF, queries, search, import, export, close) runs on ONE
worker thread, in submission order, so the SQLCipher connection is only ever used from the
thread that opened it. Widgets never run store code themselves; they call::

    run_op(parent, lambda ctx: store.audit.verify(), on_success=self._show_result)

``fn`` runs on the worker and receives an :class:`OpContext` (``ctx.cancelled``,
``ctx.check_cancelled()``, ``ctx.report(done, total, label)``). ``on_success(result)`` and
``on_failure(exc)`` run on the GUI thread. Without ``on_failure`` a failure is shown as a
plain-text message box: the translated message for a ``UtvagError``, a generic translated
message for anything else (never a traceback; the log gets the exception type and the
stack frames only, never the message, which could contain personal data). With
``progress=True`` a progress dialog appears when the work takes longer than a second; with
``cancellable=True`` it has a Cancel button that sets ``ctx.cancelled``; once the work
reports ``ctx.report(…, cancellable=False)`` (it is committing and will not stop), the
button is disabled and a cancel is ignored, so the dialog never promises what will not
happen.

The worker only emits signals; it never touches a widget. ``TaskManager.cancel_all()``
(used when the session locks) drops every queued job and every pending callback.
"""

from __future__ import annotations

import atexit
import itertools
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from ui.runtime.error_dialog import (
    log_failure,
    show_error,
)

__all__ = [
    "OpContext",
    "OperationCancelled",
    "TaskManager",
    "run_op",
    "shutdown_taskman",
    "taskman",
]

#: Work that takes longer than this shows the progress dialog (milliseconds).
PROGRESS_DELAY_MS = 1000

T = TypeVar("T")


class OperationCancelled(Exception):
    """Raised by work functions (via ``ctx.check_cancelled()``) when the user cancelled."""


class OpContext:
    """Given to a work function on the worker thread."""

    def __init__(self, job: _Job, signals: _Signals) -> None:
        self._job = job
        self._signals = signals
        self._last_report = 0.0

    @property
    def cancelled(self) -> bool:
        return self._job.cancel.is_set()

    def check_cancelled(self) -> None:
        if self._job.cancel.is_set():
            raise OperationCancelled

    def report(
        self, done: int, total: int = 0, label: str = "", *, cancellable: bool = True
    ) -> None:
        """Report progress (throttled); ``total == 0`` means unknown (busy indicator).
        ``cancellable=False``: from here on the work no longer stops when asked (it is
        committing), so the dialog's Cancel button is disabled and a cancel is ignored."""
        now = time.monotonic()
        if cancellable and now - self._last_report < 0.05 and done < total:
            return
        self._last_report = now
        self._signals.progress.emit(self._job.id, done, total, label, cancellable)


@dataclass(eq=False)
class _Job:
    id: int
    fn: Callable[[OpContext], Any]
    cancel: threading.Event = field(default_factory=threading.Event)
    done: threading.Event = field(default_factory=threading.Event)
    result: Any = None
    error: BaseException | None = None


@dataclass(eq=False)
class _Pending:
    job: _Job
    parent: QWidget | None
    on_success: Callable[[Any], None] | None
    on_failure: Callable[[BaseException], None] | None
    on_cancelled: Callable[[], None] | None
    label: str
    progress: bool
    cancellable: bool
    dialog: QProgressDialog | None = None


class _Signals(QObject):
    finished = Signal(int, object)
    failed = Signal(int, object)
    cancelled = Signal(int)
    progress = Signal(int, int, int, str, bool)


class _Worker(QThread):
    """The single store thread: runs jobs from a queue, reports by signals only."""

    def __init__(self, signals: _Signals) -> None:
        super().__init__()
        self.setObjectName("utvag-store-worker")
        self._signals = signals
        self.jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()

    def run(self) -> None:
        while True:
            job = self.jobs.get()
            if job is None:
                return
            try:
                if job.cancel.is_set():
                    raise OperationCancelled
                job.result = job.fn(OpContext(job, self._signals))
            except OperationCancelled:
                self._signals.cancelled.emit(job.id)
            except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread
                job.error = exc
                self._signals.failed.emit(job.id, exc)
            else:
                self._signals.finished.emit(job.id, job.result)
            finally:
                job.done.set()


class TaskManager(QObject):
    """Owns the worker thread and the callbacks of the jobs still running."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._signals = _Signals()
        self._signals.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self._signals.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self._signals.cancelled.connect(self._on_cancelled, Qt.ConnectionType.QueuedConnection)
        self._signals.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._worker = _Worker(self._signals)
        self._worker.start()

    # ------------------------------------------------------------------ submitting work

    def run_op(
        self,
        parent: QWidget | None,
        fn: Callable[[OpContext], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        *,
        progress: bool = True,
        cancellable: bool = False,
        label: str = "",
        on_cancelled: Callable[[], None] | None = None,
    ) -> int:
        """Run ``fn(ctx)`` on the worker; callbacks run on the GUI thread. Returns a job id."""
        job = _Job(next(self._ids), fn)
        self._pending[job.id] = _Pending(
            job, parent, on_success, on_failure, on_cancelled, label, progress, cancellable
        )
        if progress:
            QTimer.singleShot(PROGRESS_DELAY_MS, self, lambda: self._show_progress(job.id))
        self._worker.jobs.put(job)
        return job.id

    def run_sync(self, fn: Callable[[OpContext], T], timeout: float = 30.0) -> T:
        """Run ``fn`` on the worker and wait for it (blocks the GUI; shutdown paths only)."""
        job = _Job(next(self._ids), fn)
        if QThread.currentThread() is self._worker:
            return fn(OpContext(job, self._signals))
        self._worker.jobs.put(job)
        if not job.done.wait(timeout):
            raise TimeoutError("the store worker did not finish in time")
        if job.error is not None:
            raise job.error
        return cast(T, job.result)  # the job ran ``fn``: its result is fn's

    def cancel(self, job_id: int) -> None:
        pending = self._pending.get(job_id)
        if pending is not None:
            pending.job.cancel.set()

    def cancel_all(self) -> None:
        """Cancel every job and forget every callback (the session is locking)."""
        pending, self._pending = self._pending, {}
        for item in pending.values():
            item.job.cancel.set()
            self._close_dialog(item)

    def busy(self) -> bool:
        return bool(self._pending)

    def on_worker_thread(self) -> bool:
        return QThread.currentThread() is self._worker

    def shutdown(self, timeout_ms: int = 5000) -> None:
        self.cancel_all()
        if self._worker.isRunning():
            self._worker.jobs.put(None)
            self._worker.wait(timeout_ms)

    # ------------------------------------------------------------------ GUI-thread side

    def _take(self, job_id: int) -> _Pending | None:
        item = self._pending.pop(job_id, None)
        if item is not None:
            self._close_dialog(item)
            if item.parent is not None and not shiboken6.isValid(item.parent):
                return None  # the widget that asked is gone; nobody to tell
        return item

    @Slot(int, object)
    def _on_finished(self, job_id: int, result: object) -> None:
        item = self._take(job_id)
        if item is not None and item.on_success is not None:
            item.on_success(result)

    @Slot(int, object)
    def _on_failed(self, job_id: int, exc: object) -> None:
        assert isinstance(exc, BaseException)
        log_failure(exc)
        item = self._take(job_id)
        if item is None:
            return
        if item.on_failure is not None:
            item.on_failure(exc)
        else:
            show_error(item.parent, exc)

    @Slot(int)
    def _on_cancelled(self, job_id: int) -> None:
        item = self._take(job_id)
        if item is not None and item.on_cancelled is not None:
            item.on_cancelled()

    @Slot(int, int, int, str, bool)
    def _on_progress(
        self, job_id: int, done: int, total: int, label: str, cancellable: bool
    ) -> None:
        item = self._pending.get(job_id)
        if item is None:
            return
        if not cancellable and item.cancellable:
            item.cancellable = False
            if item.dialog is not None:  # its Cancel button and Esc no longer do anything
                for button in item.dialog.findChildren(QPushButton):
                    button.setEnabled(False)
                for shortcut in item.dialog.findChildren(QShortcut):
                    shortcut.setEnabled(False)
        if item.dialog is None:
            return
        item.dialog.setRange(0, max(total, 0))
        if total:
            item.dialog.setValue(min(done, total))
        if label:
            item.dialog.setLabelText(label)

    def _show_progress(self, job_id: int) -> None:
        item = self._pending.get(job_id)
        if item is None or not item.progress or item.dialog is not None:
            return
        parent = item.parent if item.parent is not None and shiboken6.isValid(item.parent) else None
        label = item.label or QCoreApplication.translate("Operations", "Working…")
        cancel_text = QCoreApplication.translate("Operations", "Cancel") if item.cancellable else ""
        dialog = QProgressDialog(label, cancel_text, 0, 0, parent)
        dialog.setObjectName("operationProgress")
        dialog.setWindowTitle("Utväg")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not item.cancellable:
            dialog.setCancelButton(None)
        dialog.canceled.connect(lambda: self._user_cancelled(job_id))
        item.dialog = dialog
        dialog.show()

    def _user_cancelled(self, job_id: int) -> None:
        item = self._pending.get(job_id)
        if item is None or not item.cancellable:  # past the point of no return (report)
            return
        item.job.cancel.set()
        if item.dialog is not None:
            item.dialog.setLabelText(QCoreApplication.translate("Operations", "Cancelling…"))

    @staticmethod
    def _close_dialog(item: _Pending) -> None:
        dialog, item.dialog = item.dialog, None
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.blockSignals(True)
            dialog.close()
            dialog.deleteLater()


_taskman: TaskManager | None = None


def taskman() -> TaskManager:
    """The application's task manager (created on first use, stopped at exit)."""
    global _taskman
    if _taskman is None:
        _taskman = TaskManager()
        atexit.register(shutdown_taskman)
    return _taskman


def shutdown_taskman() -> None:
    global _taskman
    if _taskman is not None:
        manager, _taskman = _taskman, None
        if shiboken6.isValid(manager):
            manager.shutdown()


def run_op(
    parent: QWidget | None,
    fn: Callable[[OpContext], T],
    on_success: Callable[[T], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    progress: bool = True,
    cancellable: bool = False,
    *,
    label: str = "",
    on_cancelled: Callable[[], None] | None = None,
) -> int:
    """Run ``fn(ctx)`` on the store worker thread; see the module docstring."""
    return taskman().run_op(
        parent,
        fn,
        on_success,
        on_failure,
        progress=progress,
        cancellable=cancellable,
        label=label,
        on_cancelled=on_cancelled,
    )
