"""The case list in the desktop client on a large demo store (``UTVAG_BENCH_CASES``, default
10,000 cases, about 200,000 journal entries).

``run(report)`` builds the store here, then measures in a fresh process (offscreen Qt, the
real main window with the case work plugged in, the real session and store worker):

- unlock → case list shown, *beyond the KDF*: from handing the freshly unlocked store to the
  session until the list holds its rows, the first screenful of masked summaries has
  arrived and the table has painted. Baseline: the same store calls made directly
  (``list_case_ids`` + ``case_summaries`` of the first 100). Aim <= 300 ms.
- filtering that list: from choosing a status filter (and, apart, from a search after its
  debounce) until the new rows are painted. Baseline: the store calls alone. Aim <= 50 ms.

Each run measures the window, then the store calls alone: ``REPEAT`` interleaved pairs
(benchmarks/pairs.py; lock and unlock again between unlock runs), after a warm-up run.
Run alone: ``UTVAG_BENCH_CASES=2000 python -m benchmarks.run ui``.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.pairs import Pairs
from benchmarks.report import Report

ROOT = Path(__file__).resolve().parent.parent
PASSPHRASE = "benchmark passphrase, not secret"
REPEAT = 7
SEARCH = "samtal"


def _build(folder: Path, cases: int) -> Path:
    from storage.demo import build as demo
    from storage.vault.crypto import KdfParams
    from storage.vault.opening import create_store

    path = folder / "store"
    store, _ = create_store(
        path, PASSPHRASE, actor="bench", use_device_key=False, kdf=KdfParams.minimum()
    )
    with store:
        demo.build_demo(store, cases=cases, seed=2026)
    return path


def _child(path: str) -> None:
    """Runs in its own process: prints the measurements as JSON."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.app import configure_application
    from desktop.session import Session
    from storage.casefile.case_list import list_case_ids
    from storage.casefile.summaries import case_summaries
    from storage.records import CaseStatus
    from storage.vault.opening import unlock_store
    from ui.cases.case_list_model import OPEN_STATUSES
    from ui.cases.case_work import install_case_work
    from ui.runtime.operations import taskman
    from ui.window.main_window import MainWindow
    from ui.window.settings_dialog import UiPreferences

    app = QApplication(["utvag-bench"])
    configure_application(app)
    session = Session(Path(path))
    window = MainWindow(session, UiPreferences())
    work = install_case_work(window, session)
    window.resize(1440, 900)
    window.show()
    model = work.case_list.model
    table = work.case_list.table

    loop = QEventLoop()
    guard = QTimer()
    guard.setSingleShot(True)
    guard.setInterval(60_000)
    guard.timeout.connect(loop.quit)

    def until(signal: Any, action: Callable[[], object] = lambda: None) -> None:
        """Do ``action`` and run the event loop until ``signal`` arrives (event-driven: no
        polling, which would compete with the store worker for the GIL; and no
        processEvents(), which in PySide6 6.12 drops a reference to None on every call)."""
        signal.connect(loop.quit)
        guard.start()
        action()
        loop.exec()
        guard.stop()
        signal.disconnect(loop.quit)

    def wait(check: Callable[[], bool]) -> None:
        if not check():
            raise TimeoutError("the case list did not arrive in time")

    def shown() -> bool:
        return model.rowCount() > 0 and model.summary(0) is not None and not model.loading

    def painted() -> None:
        table.viewport().repaint()  # asks the model for every visible row

    unlock_ms, kdf_ms, direct_ms = [], [], []
    for _ in range(REPEAT + 1):  # the first pair warms up
        start = time.perf_counter()
        store = taskman().run_sync(lambda _c: unlock_store(Path(path), PASSPHRASE, actor="bench"))
        kdf_ms.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        session.attach(store)
        until(model.reloaded, window.session_opened)
        wait(shown)
        painted()
        unlock_ms.append((time.perf_counter() - start) * 1000)
        if not work.reminders.loaded:  # let the reminders finish before the next lock
            until(work.reminders.changed)
        start = time.perf_counter()
        taskman().run_sync(lambda _c, s=store: case_summaries(s, list_case_ids(s)[:100]))
        direct_ms.append((time.perf_counter() - start) * 1000)
        rows = model.rowCount()
        session.lock("manual")
        taskman().run_sync(lambda _c: None)

    store = taskman().run_sync(lambda _c: unlock_store(Path(path), PASSPHRASE, actor="bench"))
    session.attach(store)
    until(model.reloaded, window.session_opened)
    if not work.reminders.loaded:
        until(work.reminders.changed)
    widget = work.case_list
    combo = widget.status_filter
    open_index = next(i for i in range(combo.count()) if combo.itemData(i) == OPEN_STATUSES)
    filter_ms, search_ms, filter_direct, search_direct = [], [], [], []
    open_codes = [s.value for s in CaseStatus if not s.is_terminal]
    for _ in range(REPEAT + 1):  # the first pair warms up
        for index in (open_index, 0):  # filter, then back to all
            start = time.perf_counter()
            until(model.reloaded, lambda i=index: combo.setCurrentIndex(i))
            wait(shown)
            painted()
            if index == open_index:
                filter_ms.append((time.perf_counter() - start) * 1000)
                filtered = model.rowCount()
        start = time.perf_counter()
        widget.search.setText(SEARCH)
        until(model.reloaded, widget.apply_search)  # the moment the debounce runs out
        wait(shown)
        painted()
        search_ms.append((time.perf_counter() - start) * 1000)
        found = model.rowCount()
        widget.search.clear()
        until(model.reloaded, widget.apply_search)
        start = time.perf_counter()
        taskman().run_sync(
            lambda _c: case_summaries(store, list_case_ids(store, status=open_codes)[:100])
        )
        filter_direct.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        taskman().run_sync(lambda _c: case_summaries(store, list_case_ids(store, SEARCH)[:100]))
        search_direct.append((time.perf_counter() - start) * 1000)
    cached = model.cached_count()
    session.shutdown()
    print(
        json.dumps(
            {
                "unlock": [unlock_ms[1:], direct_ms[1:]],
                "kdf": statistics.median(kdf_ms),
                "rows": rows,
                "filter": [filter_ms[1:], filter_direct[1:]],
                "filtered": filtered,
                "search": [search_ms[1:], search_direct[1:]],
                "found": found,
                "cached": cached,
            }
        ),
        flush=True,
    )
    os._exit(0)  # PySide6 6.12 can crash in the interpreter's final garbage collection


def run(report: Report) -> None:
    cases = int(os.environ.get("UTVAG_BENCH_CASES", "10000"))
    section = f"Desktop case list ({cases:,} demo cases)".replace(",", " ")
    with tempfile.TemporaryDirectory() as tmp:
        path = _build(Path(tmp), cases)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", UTVAG_LANG="sv")
        code = f"from benchmarks.bench_ui import _child; _child({str(path)!r})"
        done = subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"bench_ui child failed: {done.stderr[-2000:]}")
        r: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])

    def pairs(key: str) -> Pairs:
        return Pairs(tuple(r[key][0]), tuple(r[key][1]))

    report.add_pairs(
        section,
        "unlock → case list shown, beyond the KDF",
        pairs("unlock"),
        "the same store calls alone",
        aim="<= 300 ms (the value)",
        note=f"{r['rows']} rows; KDF itself {r['kdf']:.0f} ms (minimum parameters)",
    )
    report.add_pairs(
        section,
        "filter by status (open cases)",
        pairs("filter"),
        "store calls alone",
        aim="<= 50 ms (the value)",
        note=f"{r['filtered']} rows",
    )
    report.add_pairs(
        section,
        f"search “{SEARCH}” (after the 250 ms debounce)",
        pairs("search"),
        "store calls alone",
        aim="<= 50 ms (the value)",
        note=f"{r['found']} rows; summaries held after all runs: {r['cached']}",
    )
