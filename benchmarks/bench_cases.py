"""Case files at scale: demo build time, search latency and case-list time, encrypted vs plain.

``run(report)`` builds a demo store of ``UTVAG_BENCH_CASES`` cases (default 10,000, about
200,000 journal entries), copies the same data into a plain (unencrypted) SQLite file with
``sqlcipher_export``, and measures in fresh processes, each with the same engine:

- search: a fixed query set (names, case numbers, places, rare and common words, several
  words), one warm-up and ``REPEAT`` timed runs each; median and p95 over all runs;
- case list: ``list_case_ids`` (all, newest first) plus the first 100 masked summaries,
  and a status-filtered list.

SQLCipher's ``cipher_memory_security`` is process-wide and is set by storage/vault/db.py; it is
measured both as the application sets it and switched off, so its cost is visible apart
from the cost of encryption. The store is built with it off (the note says so); the build
rate with the application's setting is measured on a smaller sample
(``UTVAG_BENCH_SAMPLE_CASES``, default 200).

Run alone: ``UTVAG_BENCH_CASES=1000 python -m benchmarks.run cases``.
"""

from __future__ import annotations

import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from storage.casefile.case_list import list_case_ids
from storage.casefile.summaries import (
    case_summaries,
    case_summary,
)

PASSPHRASE = "benchmark passphrase, not secret"
REPEAT = 7
LIST_REPEAT = 21
QUERIES = (
    "Jons",
    "Lindqvist",
    "Hassan",
    "Åberg",
    "ostergotland",
    "Norrköping",
    "samtal",
    "drogtest",
    "skuldsanering",
    "tatuering",
    "psykiatri",
    "hotbild polisen",
    "kronofogden skulder",
    "Sjöberg Linköping",
    "genomförandeplan",
    "UV-2019",
    "Motala",
)
ROOT = Path(__file__).resolve().parent.parent


class PlainStore:
    """Just enough of a store for the read paths: the plain copy's connection."""

    actor = "bench"

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    @property
    def audit(self) -> Any:  # pragma: no cover - the read paths never write
        raise RuntimeError("read only")

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Any]:  # pragma: no cover
        yield self.conn


def _worker_build(folder: Path, cases: int, memory_security: bool) -> dict[str, Any]:
    from storage.vault import db

    db.setup_process(memory_security=memory_security)
    from storage.demo import build as demo
    from storage.vault.crypto import KdfParams
    from storage.vault.opening import create_store

    store, _ = create_store(
        folder / "store", PASSPHRASE, actor="bench", use_device_key=False, kdf=KdfParams.minimum()
    )
    with store:
        result = demo.build_demo(store, cases=cases, seed=2026)
        if not memory_security:  # the plain copy of exactly the same data
            plain = folder / "plain.db"
            store.conn.execute(f"ATTACH DATABASE '{plain}' AS plaintext KEY ''")
            store.conn.execute("SELECT sqlcipher_export('plaintext')")
            store.conn.execute("DETACH DATABASE plaintext")
    return {"seconds": result.seconds, "cases": result.cases, "journal": result.journal_entries}


def _timed(fn: Any) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def _worker_measure(folder: Path, variant: str, memory_security: bool) -> dict[str, Any]:
    from storage.vault import db

    db.setup_process(memory_security=memory_security)
    from storage.casefile import search

    store: Any
    if variant == "plain":
        import sqlcipher3.dbapi2 as sqlcipher

        conn = sqlcipher.connect(str(folder / "plain.db"), isolation_level=None)
        for name, value in db.PRAGMAS:
            conn.execute(f"PRAGMA {name} = {value}")
        store = PlainStore(conn)
    else:
        from storage.vault.opening import unlock_store

        store = unlock_store(folder / "store", PASSPHRASE, actor="bench")
    ids = list_case_ids(store, order_by="number")
    picked = (ids[len(ids) // 7], ids[len(ids) // 2], ids[-1])
    numbers = [case_summary(store, i).case_number for i in picked]
    samples, empty = [], []
    for query in (*QUERIES, *numbers):
        if not search.search(store, query):  # warm-up, and a sanity check
            empty.append(query)
        samples += [_timed(lambda q=query: search.search(store, q)) for _ in range(REPEAT)]

    def case_list() -> None:
        case_summaries(store, list_case_ids(store)[:100])

    def filtered() -> None:
        case_summaries(store, list_case_ids(store, status="implementation")[:100])

    case_list()
    lists = [_timed(case_list) for _ in range(LIST_REPEAT)]
    filters = [_timed(filtered) for _ in range(LIST_REPEAT)]
    setting = store.conn.execute("PRAGMA cipher_memory_security").fetchone()[0]
    store.conn.close() if variant == "plain" else store.close()
    samples.sort()
    return {
        "search_median": statistics.median(samples),
        "search_p95": samples[int(len(samples) * 0.95) - 1],
        "list": statistics.median(lists),
        "filtered": statistics.median(filters),
        "empty": empty,
        "memory_security": str(setting),
    }


def _spawn(*args: str) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_cases", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        raise RuntimeError(f"bench worker {args} failed:\n{out.stderr[-2000:]}")
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def run(report: Any) -> None:
    n = int(os.environ.get("UTVAG_BENCH_CASES", "10000"))
    sample = int(os.environ.get("UTVAG_BENCH_SAMPLE_CASES", "200"))
    section = f"Case files ({n:,} demo cases)"
    with tempfile.TemporaryDirectory(prefix="utvag-bench-cases-") as tmp:
        folder = Path(tmp)
        built = _spawn("build", str(folder), str(n), "0")
        report.add(
            section,
            f"build demo store ({built['cases']:,} cases, {built['journal']:,} journal entries)",
            built["seconds"],
            "s",
            aim="reasonable (minutes)",
            note="one transaction; cipher_memory_security off while building",
        )
        (folder / "sample").mkdir()
        small = _spawn("build", str(folder / "sample"), str(sample), "1")
        report.add(
            section,
            f"build with the application's settings ({small['cases']} cases)",
            small["seconds"],
            "s",
            note=f"{1000 * small['seconds'] / max(1, small['cases']):.1f} s per 1,000 cases",
        )
        plain = _spawn("measure", str(folder), "plain", "0")
        variants = (
            ("memory security off, as the application sets it", "0"),
            ("memory security on, not chosen", "1"),
        )
        for label, memsec in variants:
            enc = _spawn("measure", str(folder), "encrypted", memsec)
            note = f"cipher_memory_security={enc['memory_security']}"
            if enc["empty"]:
                note += f"; no hits: {', '.join(enc['empty'])}"
            base = {"baseline_name": "plain SQLite, same engine and data"}
            report.add(
                section,
                f"search median, encrypted ({label})",
                enc["search_median"],
                "ms",
                baseline=plain["search_median"],
                aim="<= 20 ms, x <= 1.3",
                note=note,
                **base,
            )
            report.add(
                section,
                f"search p95, encrypted ({label})",
                enc["search_p95"],
                "ms",
                baseline=plain["search_p95"],
                **base,
            )
            report.add(
                section,
                f"case list + 100 rows, encrypted ({label})",
                enc["list"],
                "ms",
                baseline=plain["list"],
                aim="x <= 1.3",
                **base,
            )
            report.add(
                section,
                f"filtered case list, encrypted ({label})",
                enc["filtered"],
                "ms",
                baseline=plain["filtered"],
                **base,
            )


def _main(argv: list[str]) -> int:
    kind, folder = argv[0], Path(argv[1])
    if kind == "build":
        result = _worker_build(folder, int(argv[2]), argv[3] == "1")
    else:
        result = _worker_measure(folder, argv[2], argv[3] == "1")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
