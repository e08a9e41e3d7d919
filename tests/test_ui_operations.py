"""The operation API: work on the one store worker, results on the GUI thread, failures as
plain-text translated message boxes, progress with cancel for slow work."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

import ui.runtime.operations as ops
from storage.errors import NotFoundError
from tests.ui_fixtures import app_sv, message_boxes  # noqa: F401 - fixtures
from ui.runtime.operations import (
    OpContext,
    OperationCancelled,
    run_op,
    taskman,
)


@pytest.fixture
def parent(qtbot: QtBot, app_sv: Any) -> QWidget:  # noqa: F811
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _close_boxes() -> None:
    for box in message_boxes():
        box.close()


def test_work_runs_on_the_single_worker_and_the_result_on_the_gui_thread(
    qtbot: QtBot, parent: QWidget
) -> None:
    threads: list[int] = []
    results: list[Any] = []
    gui = threading.get_ident()

    def work(_ctx: OpContext) -> int:
        threads.append(threading.get_ident())
        return 42

    for _ in range(3):
        run_op(parent, work, lambda r: results.append((r, threading.get_ident())), progress=False)
    qtbot.waitUntil(lambda: len(results) == 3)
    assert results == [(42, gui)] * 3
    assert len(set(threads)) == 1 and threads[0] != gui


def test_a_utvag_error_is_shown_translated_as_plain_text(qtbot: QtBot, parent: QWidget) -> None:
    def fail(_ctx: OpContext) -> None:
        raise NotFoundError()

    run_op(parent, fail, lambda _r: None, progress=False)
    qtbot.waitUntil(lambda: bool(message_boxes()))
    box = message_boxes()[0]
    assert box.text() == "Det efterfrågade hittades inte."
    assert box.textFormat() == Qt.TextFormat.PlainText
    _close_boxes()


def test_an_unexpected_error_shows_a_generic_message_and_logs_no_details(
    qtbot: QtBot, parent: QWidget, caplog: pytest.LogCaptureFixture
) -> None:
    secret = "Kim Påhittad 19990101-1234"

    def fail(_ctx: OpContext) -> None:
        raise ValueError(secret)

    with caplog.at_level(logging.INFO, logger="ui"):
        run_op(parent, fail, lambda _r: None, progress=False)
        qtbot.waitUntil(lambda: bool(message_boxes()))
    text = message_boxes()[0].text()
    assert text.startswith("Något gick fel")
    assert secret not in text and "Traceback" not in text
    assert "ValueError" in caplog.text and secret not in caplog.text
    _close_boxes()


def test_on_failure_replaces_the_message_box(qtbot: QtBot, parent: QWidget) -> None:
    caught: list[BaseException] = []
    run_op(parent, lambda _c: 1 / 0, None, caught.append, progress=False)
    qtbot.waitUntil(lambda: bool(caught))
    assert isinstance(caught[0], ZeroDivisionError)
    assert not message_boxes()


def _cancellable_op(
    qtbot: QtBot, parent: QWidget, work: Callable[[OpContext], str]
) -> tuple[QProgressDialog, QPushButton, list[bool], list[Any]]:
    """Run ``work`` as a cancellable operation and wait for its progress dialog: the dialog,
    its cancel button, and the lists ``on_cancelled`` and the success callback fill."""
    cancelled: list[bool] = []
    succeeded: list[Any] = []
    run_op(
        parent,
        work,
        succeeded.append,
        cancellable=True,
        on_cancelled=lambda: cancelled.append(True),
    )
    qtbot.waitUntil(lambda: bool(parent.findChildren(QProgressDialog)), timeout=3000)
    dialog = parent.findChildren(QProgressDialog)[0]
    (button,) = dialog.findChildren(QPushButton)
    return dialog, button, cancelled, succeeded


def test_slow_work_shows_progress_and_can_be_cancelled(
    qtbot: QtBot, parent: QWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ops, "PROGRESS_DELAY_MS", 100)

    def slow(ctx: OpContext) -> str:
        for step in range(200):
            ctx.check_cancelled()
            ctx.report(step, 200, "Steg")
            time.sleep(0.02)
        return "done"

    dialog, button, cancelled, succeeded = _cancellable_op(qtbot, parent, slow)
    qtbot.waitUntil(lambda: dialog.value() > 0)
    assert dialog.labelText() == "Steg"
    assert button.text() == "Avbryt"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(cancelled), timeout=3000)
    assert not succeeded
    qtbot.waitUntil(lambda: not parent.findChildren(QProgressDialog))


def test_past_the_point_of_no_return_cancel_is_disabled_and_ignored(
    qtbot: QtBot, parent: QWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A report with ``cancellable=False`` (the work is committing): the button is disabled,
    Esc and a late cancel change nothing, and the work's result arrives as a success."""
    monkeypatch.setattr(ops, "PROGRESS_DELAY_MS", 100)
    committing = threading.Event()
    finish = threading.Event()

    def work(ctx: OpContext) -> str:
        ctx.report(1, 2, "Steg")
        time.sleep(0.3)  # the dialog appears, cancellable
        ctx.report(2, 2, "Sparar", cancellable=False)
        committing.set()
        finish.wait(timeout=10)
        return "saved"

    dialog, button, cancelled, succeeded = _cancellable_op(qtbot, parent, work)
    assert committing.wait(timeout=5)
    qtbot.waitUntil(lambda: dialog.labelText() == "Sparar" and not button.isEnabled())
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.canceled.emit()  # as closing the dialog's window would
    assert dialog.labelText() == "Sparar"  # not "Avbryter…"
    finish.set()
    qtbot.waitUntil(lambda: succeeded == ["saved"], timeout=3000)
    assert not cancelled


def test_fast_work_shows_no_progress_dialog(qtbot: QtBot, parent: QWidget) -> None:
    done: list[Any] = []
    run_op(parent, lambda _c: "quick", done.append)
    qtbot.waitUntil(lambda: bool(done))
    qtbot.wait(50)
    assert not parent.findChildren(QProgressDialog)


def test_cancel_all_drops_queued_work_and_callbacks(qtbot: QtBot, parent: QWidget) -> None:
    ran: list[str] = []
    delivered: list[Any] = []
    gate, started = threading.Event(), threading.Event()

    def blocker(ctx: OpContext) -> str:
        started.set()
        gate.wait(5)
        ran.append(f"blocker cancelled={ctx.cancelled}")
        return "blocker"

    run_op(parent, blocker, delivered.append, progress=False)
    run_op(parent, lambda _c: ran.append("queued"), delivered.append, progress=False)
    assert started.wait(5)
    taskman().cancel_all()
    gate.set()
    taskman().run_sync(lambda _c: None)
    qtbot.wait(100)
    assert ran == ["blocker cancelled=True"] and delivered == []


def test_callbacks_of_a_deleted_widget_are_skipped(qtbot: QtBot, app_sv: Any) -> None:  # noqa: F811
    widget = QWidget()
    called: list[Any] = []
    gate = threading.Event()
    run_op(widget, lambda _c: gate.wait(5), called.append, progress=False)
    widget.deleteLater()
    qtbot.wait(20)
    gate.set()
    taskman().run_sync(lambda _c: None)
    qtbot.wait(100)
    assert called == []


def test_cancelled_raised_by_the_work_is_not_an_error(qtbot: QtBot, parent: QWidget) -> None:
    outcome: list[str] = []

    def stop(_ctx: OpContext) -> None:
        raise OperationCancelled

    run_op(
        parent,
        stop,
        lambda _r: outcome.append("ok"),
        lambda _e: outcome.append("error"),
        on_cancelled=lambda: outcome.append("cancelled"),
    )
    qtbot.waitUntil(lambda: bool(outcome))
    assert outcome == ["cancelled"] and not message_boxes()
