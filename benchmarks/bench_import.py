"""`utvag case import` of a large file (``UTVAG_BENCH_IMPORT_CASES``, default 10,000 cases in
the demo's shape: benchmarks/import_data.py), with the application's own settings.

The real command runs as a new process on a new store (the application's pragmas:
synchronous FULL, secure_delete, cipher_memory_security as storage/vault/db.py sets it; the
KDF at its minimum, since the unlock is not what is measured). Reported: the wall time of
the whole command (start-up, unlock, JSON parsing, the one transaction, the commit) against
the aim of 60 s for 10,000 cases — a figure without a baseline, so no pairs — the rate per
1,000 cases, and the command's CPU time (on a shared machine the wall time includes waiting
for the CPU).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.import_data import (
    JOURNAL_ENTRIES,
    write_demo_import,
)
from benchmarks.report import Report

ROOT = Path(__file__).resolve().parent.parent
SECTION = "Case import (`utvag case import`)"
PASSPHRASE = "bench passphrase 12345"


def run(report: Report) -> None:
    from storage.vault.crypto import KdfParams
    from storage.vault.opening import create_store

    n = int(os.environ.get("UTVAG_BENCH_IMPORT_CASES", "10000"))
    with tempfile.TemporaryDirectory(prefix="utvag-bench-import-") as tmp:
        folder = Path(tmp)
        data = write_demo_import(folder / "cases.json", n)
        store, _ = create_store(
            folder / "store",
            PASSPHRASE,
            actor="bench",
            use_device_key=False,
            kdf=KdfParams.minimum(),
        )
        store.close()
        (folder / "pass").write_text(PASSPHRASE + "\n", encoding="utf-8")
        cmd = [sys.executable, "-m", "desktop", "case", "import", "--json"]
        cmd += ["--store", str(folder / "store"), "--passphrase-file", str(folder / "pass")]
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(
            [*cmd, str(data)], cwd=ROOT, capture_output=True, text=True, check=False
        )
        seconds = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - used.ru_utime) + (after.ru_stime - used.ru_stime)
        if done.returncode != 0:
            raise RuntimeError(f"case import failed: {done.stderr[-2000:]}")
        size = data.stat().st_size
    report.add(
        SECTION,
        f"import {n:,} cases ({n * JOURNAL_ENTRIES:,} journal entries), one transaction",
        seconds,
        "s",
        aim="<= 60 s for 10,000",
        note=f"{1000 * seconds / n:.2f} s per 1,000 cases; CPU time {cpu:.1f} s (the wall "
        f"time less what other work on the machine took); file {size / 2**20:.0f} MiB; "
        "whole command: start, unlock (minimum KDF), parse, import, commit",
    )
