"""Cold start of `utvag` (from source) to the unlock window, against a bare PySide6 window.

Both are spawned as fresh processes, offscreen, in the same run; each reports "shown" on
stderr once its event loop runs with the window shown (desktop/app.py honours
``UTVAG_EXIT_AFTER_SHOWN=1``), then quits. The first run of each is reported apart (cold
file cache); the ratio uses the medians of the following runs. Aim: <= 2x.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.report import Report

ROOT = Path(__file__).resolve().parent.parent
REPEAT = 5
BARE = (
    "import sys\n"
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QLabel\n"
    "app = QApplication(sys.argv)\n"
    "w = QLabel('bare'); w.show()\n"
    "def done():\n"
    "    sys.stderr.write('shown bare\\n'); sys.stderr.flush(); app.quit()\n"
    "QTimer.singleShot(0, done)\n"
    "app.exec()\n"
)


def _to_shown_ms(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    try:
        for line in proc.stderr:
            if "shown" in line:
                return (time.perf_counter() - start) * 1000
        raise RuntimeError(f"{cmd[0]} exited ({proc.wait()}) without showing a window")
    finally:
        proc.wait(timeout=30)


def run(report: Report) -> None:
    from storage.vault.crypto import KdfParams
    from storage.vault.opening import create_store

    with tempfile.TemporaryDirectory() as tmp:
        store_dir = Path(tmp) / "store"
        store, _code = create_store(
            store_dir,
            "bench passphrase 12345",
            actor="bench",
            use_device_key=False,
            kdf=KdfParams.minimum(),
        )
        store.close()
        env = dict(
            os.environ,
            QT_QPA_PLATFORM="offscreen",
            UTVAG_EXIT_AFTER_SHOWN="1",
            UTVAG_STORE=str(store_dir),
            XDG_CONFIG_HOME=str(Path(tmp) / "cfg"),
        )
        utvag = [sys.executable, "-m", "desktop"]
        bare = [sys.executable, "-c", BARE]
        first_utvag = _to_shown_ms(utvag, env)
        first_bare = _to_shown_ms(bare, env)
        app_ms = statistics.median(_to_shown_ms(utvag, env) for _ in range(REPEAT))
        bare_ms = statistics.median(_to_shown_ms(bare, env) for _ in range(REPEAT))
    section = "Desktop start-up (from source)"
    report.add(
        section,
        "utvag to unlock window, first run",
        first_utvag,
        "ms",
        baseline=first_bare,
        baseline_name="bare PySide6 window, first run",
    )
    report.add(
        section,
        "utvag to unlock window, median",
        app_ms,
        "ms",
        baseline=bare_ms,
        baseline_name="bare PySide6 window, median",
        aim="<= 2x",
    )
