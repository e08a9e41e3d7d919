"""Cold start of `utvag` (from source) to the unlock window, against a bare PySide6 window.

Both are spawned as fresh processes, offscreen, in the same run; each reports "shown" on
stderr once its event loop runs with the window shown (desktop/app.py honours
``UTVAG_EXIT_AFTER_SHOWN=1``), then quits. The first run of each is reported apart (cold
file cache, and no bytecode yet: it is compiled into a pycache folder of the run's own, as
pip does at install, whatever ``PYTHONDONTWRITEBYTECODE`` says); then REPEAT interleaved
pairs (benchmarks/pairs.py). Aim: <= 1.5x.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.pairs import interleaved
from benchmarks.report import Report

ROOT = Path(__file__).resolve().parent.parent
REPEAT = 15
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
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env = dict(
            env,
            # Bytecode cached as an installed application has it (pip compiles it), in a
            # folder of its own: the first run of each compiles, the pairs then load it.
            PYTHONPYCACHEPREFIX=str(Path(tmp) / "pycache"),
            QT_QPA_PLATFORM="offscreen",
            UTVAG_EXIT_AFTER_SHOWN="1",
            UTVAG_STORE=str(store_dir),
            XDG_CONFIG_HOME=str(Path(tmp) / "cfg"),
        )
        utvag = [sys.executable, "-m", "desktop"]
        bare = [sys.executable, "-c", BARE]
        first_utvag = _to_shown_ms(utvag, env)
        first_bare = _to_shown_ms(bare, env)
        pairs = interleaved(
            lambda: _to_shown_ms(utvag, env),
            lambda: _to_shown_ms(bare, env),
            pairs=REPEAT,
            self_timed=True,
        )
    section = "Desktop start-up (from source)"
    report.add(
        section,
        "utvag to unlock window, first run",
        first_utvag,
        "ms",
        note=f"bare PySide6 window, first run: {first_bare:.0f} ms (one run each, no ratio)",
    )
    report.add_pairs(
        section,
        "utvag to unlock window",
        pairs,
        "bare PySide6 window",
        aim="<= 1.5x",
    )
