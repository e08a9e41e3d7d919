"""Case files at scale: demo build time, search latency and case-list time, encrypted vs plain.

``run(report)`` builds a demo store of ``UTVAG_BENCH_CASES`` cases (default 10,000, about
200,000 journal entries), copies the same data into a plain (unencrypted) SQLite file with
``sqlcipher_export``, and measures in fresh processes, each with the same engine:

- search: a fixed query set (names, case numbers, places, rare and common words, several
  words), each as ``REPEAT`` interleaved pairs after a warm-up; p95 over all runs;
- case list: ``list_case_ids`` (all, newest first) plus the first 100 masked summaries,
  and a status-filtered list.

Encrypted and plain are measured in one process, as interleaved pairs (benchmarks/pairs.py),
with SQLCipher's process-wide ``cipher_memory_security`` as the application sets it
(storage/vault/db.py). The store is built with the application's settings. (Until issue 17
a "build with the application's settings" sample ran with ``cipher_memory_security`` ON,
which the application does not set: its 57 s per 1,000 cases was that setting's cost.)

Run alone: ``UTVAG_BENCH_CASES=1000 python -m benchmarks.run cases``.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from benchmarks.pairs import (
    Pairs,
    interleaved,
)
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


def _open_both(folder: Path) -> tuple[Any, Any]:
    """The encrypted store as the application opens it, and the plain copy."""
    import sqlcipher3.dbapi2 as sqlcipher

    from storage.vault import db
    from storage.vault.opening import unlock_store

    conn = sqlcipher.connect(str(folder / "plain.db"), isolation_level=None)
    for name, value in db.PRAGMAS:
        conn.execute(f"PRAGMA {name} = {value}")
    return unlock_store(folder / "store", PASSPHRASE, actor="bench"), PlainStore(conn)


def _worker_measure(folder: Path) -> dict[str, Any]:
    """Encrypted against plain in one process (the application's settings), as interleaved
    pairs: each query, case list and filtered list runs on one, then the other."""
    from storage.vault import db

    db.setup_process()
    from storage.casefile import search

    store, plain = _open_both(folder)
    ids = list_case_ids(store, order_by="number")
    picked = (ids[len(ids) // 7], ids[len(ids) // 2], ids[-1])
    numbers = [case_summary(store, i).case_number for i in picked]
    enc_search: list[float] = []
    plain_search: list[float] = []
    empty = []
    for query in (*QUERIES, *numbers):
        if not search.search(store, query):  # a sanity check (the pairs warm up)
            empty.append(query)
        pairs = interleaved(
            lambda q=query: search.search(store, q),
            lambda q=query: search.search(plain, q),
            pairs=REPEAT,
        )
        enc_search += pairs.a
        plain_search += pairs.b

    def case_list(s: Any) -> Any:
        return lambda: case_summaries(s, list_case_ids(s)[:100])

    def filtered(s: Any) -> Any:
        return lambda: case_summaries(s, list_case_ids(s, status="implementation")[:100])

    lists = interleaved(case_list(store), case_list(plain), pairs=LIST_REPEAT)
    filters = interleaved(filtered(store), filtered(plain), pairs=LIST_REPEAT)
    setting = store.conn.execute("PRAGMA cipher_memory_security").fetchone()[0]
    plain.conn.close()
    store.close()
    return {
        "search": [enc_search, plain_search],
        "list": [lists.a, lists.b],
        "filtered": [filters.a, filters.b],
        "empty": empty,
        "memory_security": str(setting),
    }


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[int(len(ordered) * 0.95) - 1]


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
            note="one transaction (storage/demo/build.py); the application's settings "
            "(cipher_memory_security off, as storage/vault/db.py sets it)",
        )
        enc = _spawn("measure", str(folder))
        note = f"cipher_memory_security={enc['memory_security']} (as the application sets it)"
        if enc["empty"]:
            note += f"; no hits: {', '.join(enc['empty'])}"
        base = "plain SQLite, same engine and data"

        def pairs(key: str) -> Pairs:
            return Pairs(tuple(enc[key][0]), tuple(enc[key][1]))

        report.add_pairs(
            section,
            f"search, {len(QUERIES) + 3} queries x {REPEAT}",
            pairs("search"),
            base,
            aim="median <= 20 ms, x <= 1.3",
            note=note,
        )
        report.add(
            section,
            "search p95, encrypted",
            _p95(enc["search"][0]),
            "ms",
            note=f"plain p95 {_p95(enc['search'][1]):.3f} ms (percentiles: no pairs, no ratio)",
        )
        report.add_pairs(section, "case list + 100 rows", pairs("list"), base, aim="x <= 1.3")
        report.add_pairs(
            section,
            "filtered case list (status) + 100 rows",
            pairs("filtered"),
            base,
            aim="x <= 1.3",
        )


def _main(argv: list[str]) -> int:
    kind, folder = argv[0], Path(argv[1])
    if kind == "build":
        result = _worker_build(folder, int(argv[2]), argv[3] == "1")
    else:
        result = _worker_measure(folder)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
