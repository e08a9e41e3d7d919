"""Store benchmarks: unlock split into its parts; encrypted vs plain SQLite with the same code.

``cipher_memory_security`` is process-wide and cannot be switched off once on, so the
database workload runs in two worker processes (``python -m benchmarks.bench_store --worker
on|off``); each measures the encrypted store and a plain SQLite file (the same SQLite
build, unkeyed, the same pragmas) with the same code.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from benchmarks.pairs import (
    Pairs,
    interleaved,
)
from benchmarks.report import Report

ROOT = Path(__file__).resolve().parent.parent
ROWS = 100_000
BATCH = 1_000
LOOKUPS = 20_000
#: Pairs of fills with memory security off (the chosen setting, the one with a ratio): one
#: fsync per commit makes single pairs range 0.9–1.9, and 7 pairs left the median between
#: 1.25 and 1.47 from run to run (docs/benchmarks.md, fourth round).
INSERT_PAIRS = 31
#: Unlocks timed, each with its own KDF.
UNLOCKS = 7
PASSPHRASE = "benchmark passphrase 1"
UNLOCK = "Store: unlock"
DB = "Store: encrypted vs plain SQLite"


def _ms(fn: Callable[[], object], repeat: int = 5) -> float:
    """The fastest of ``repeat`` runs in ms: the one least disturbed by other load."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return min(times)


def _timed(fn: Callable[[], object], after: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    elapsed = (time.perf_counter() - start) * 1000
    after()
    return elapsed


# ---------------------------------------------------------------- database workload (worker)

BODY = "journalanteckning " * 12


def _fill(conn: Any, table: str) -> None:
    conn.execute(
        f"CREATE TABLE {table} (id INTEGER PRIMARY KEY, case_number TEXT NOT NULL, "
        "name TEXT NOT NULL, body TEXT NOT NULL)"
    )
    conn.execute(f"CREATE INDEX {table}_case ON {table}(case_number)")
    for first in range(0, ROWS, BATCH):
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            f"INSERT INTO {table} (case_number, name, body) VALUES (?, ?, ?)",  # noqa: S608
            [(f"AV-{i:07d}", f"Person {i}", BODY) for i in range(first, first + BATCH)],
        )
        conn.execute("COMMIT")


def _reads(conn: Any) -> dict[str, Callable[[], None]]:
    rng = random.Random(7)
    ids = [rng.randrange(1, ROWS + 1) for _ in range(LOOKUPS)]
    numbers = [f"AV-{rng.randrange(ROWS):07d}" for _ in range(LOOKUPS // 4)]
    starts = [rng.randrange(1, ROWS - 1000) for _ in range(50)]

    def by_id() -> None:
        for i in ids:
            conn.execute("SELECT name, body FROM t0 WHERE id = ?", (i,)).fetchone()

    def by_index() -> None:
        for n in numbers:
            conn.execute("SELECT id, name FROM t0 WHERE case_number = ?", (n,)).fetchone()

    def listing() -> None:
        for s in starts:
            conn.execute("SELECT id, name FROM t0 WHERE id >= ? LIMIT 1000", (s,)).fetchall()

    return {"by_id": by_id, "by_index": by_index, "listing": listing}


def _commits(conn: Any) -> float:
    start = time.perf_counter()
    for i in range(200):
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE t0 SET name = ? WHERE id = ?", (f"x{i}", i + 1))
        conn.execute("COMMIT")
    return (time.perf_counter() - start) * 1000


def _worker(memory_security: bool, rounds: int = 7) -> dict[str, dict[str, list[float]]]:
    """Encrypted and plain as interleaved pairs (benchmarks/pairs.py), after a warm-up round:
    each figure's lists hold one time per pair, in the same order on both sides."""
    import sqlcipher3.dbapi2 as sqlcipher

    from storage.vault import db
    from storage.vault.crypto import random_key

    db.setup_process(memory_security=memory_security)
    times: dict[str, dict[str, list[float]]] = {"encrypted": {}, "plain": {}}
    with tempfile.TemporaryDirectory(prefix="utvag-bench-") as tmp:
        db.create_database_file(Path(tmp) / "enc.db")
        conns = {
            "encrypted": db.open_database(Path(tmp) / "enc.db", random_key()),
            "plain": sqlcipher.connect(str(Path(tmp) / "plain.db"), isolation_level=None),
        }
        for name, value in db.PRAGMAS:
            conns["plain"].execute(f"PRAGMA {name} = {value}")

        def fill(kind: str) -> Callable[[], None]:
            tables = iter(range(1000))  # t0, t1, … in each database (reads use t0)
            return lambda: _fill(conns[kind], f"t{next(tables)}")

        fills = INSERT_PAIRS if not memory_security else rounds
        pairs = interleaved(fill("encrypted"), fill("plain"), pairs=fills)
        times["encrypted"]["insert"], times["plain"]["insert"] = list(pairs.a), list(pairs.b)
        reads = {kind: _reads(conn) for kind, conn in conns.items()}
        for key in reads["plain"]:
            pairs = interleaved(reads["encrypted"][key], reads["plain"][key], pairs=rounds)
            times["encrypted"][key], times["plain"][key] = list(pairs.a), list(pairs.b)
        conn = conns["encrypted"]

        def synchronous(mode: str) -> Callable[[], float]:
            def run() -> float:
                conn.execute(f"PRAGMA synchronous = {mode}")
                return _commits(conn)

            return run

        pairs = interleaved(
            synchronous("FULL"), synchronous("NORMAL"), pairs=rounds, self_timed=True
        )
        times["encrypted"]["commit_full"] = list(pairs.a)
        times["encrypted"]["commit_normal"] = list(pairs.b)
        for c in conns.values():
            c.close()
    return times


def _run_worker(mode: str) -> dict[str, dict[str, list[float]]]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_store", "--worker", mode],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=1800,
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


# ---------------------------------------------------------------- unlock


@contextmanager
def _keyring() -> Iterator[str]:
    """A usable secure keyring: the user's, else a private Secret Service (as in the tests)."""
    from storage.vault import device_key

    try:
        yield device_key.backend_name(device_key.resolve_backend())
        return
    except device_key.KeyringProblem:
        pass
    if not (shutil.which("dbus-daemon") and shutil.which("gnome-keyring-daemon")):
        yield ""
        return
    import keyring
    import keyring.backends.SecretService

    from tests.conftest import SecretService

    service = SecretService()
    old = os.environ.get("DBUS_SESSION_BUS_ADDRESS")
    os.environ["DBUS_SESSION_BUS_ADDRESS"] = service.address
    keyring.set_keyring(keyring.backends.SecretService.Keyring())  # type: ignore[no-untyped-call]
    try:
        yield "private gnome-keyring (Secret Service)"
    finally:
        if old is None:
            os.environ.pop("DBUS_SESSION_BUS_ADDRESS", None)
        else:
            os.environ["DBUS_SESSION_BUS_ADDRESS"] = old
        service.close()


@contextmanager
def _timing_argon2id(keyslots: Any) -> Iterator[list[float]]:
    """While open, the key-slot module's Argon2id also appends its time (ms) to the list
    yielded, so an unlock's KDF is timed inside the unlock (two separate measurements of a
    ~0.5 s KDF differ by more than the ~20 ms around it)."""
    real = keyslots.argon2id
    runs: list[float] = []

    def timed(*args: Any) -> Any:
        start = time.perf_counter()
        try:
            return real(*args)
        finally:
            runs.append((time.perf_counter() - start) * 1000)

    keyslots.argon2id = timed
    try:
        yield runs
    finally:
        keyslots.argon2id = real


def _unlock(report: Report) -> None:
    from storage.schema import migrate
    from storage.vault import (
        db,
        device_key,
        keyslots,
    )
    from storage.vault.crypto import (
        KdfParams,
        wipe,
    )
    from storage.vault.opening import (
        create_store,
        unlock_store,
    )

    with _keyring() as backend_label, tempfile.TemporaryDirectory(prefix="utvag-bench-") as tmp:
        path = Path(tmp) / "store"
        use_device = bool(backend_label)
        kdf = KdfParams.calibrate()
        store, _ = create_store(path, PASSPHRASE, actor="bench", use_device_key=use_device, kdf=kdf)
        with store.transaction() as conn:
            conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
            conn.executemany("INSERT INTO t (v) VALUES (?)", [(f"v{i}",) for i in range(10_000)])
        store.close()
        opened: list[Any] = []

        def unlock() -> None:
            opened.append(unlock_store(path, PASSPHRASE, actor="bench"))

        totals, kdfs, overheads = [], [], []
        with _timing_argon2id(keyslots) as kdf_runs:
            for _ in range(UNLOCKS):
                totals.append(_timed(unlock, lambda: opened.pop().close()))
                # the KDF of this very unlock, timed inside it: their difference is the rest
                (kdf_run,) = kdf_runs  # one Argon2id per unlock (the passphrase slot's)
                kdf_runs.clear()
                kdfs.append(kdf_run)
                overheads.append(totals[-1] - kdf_run)
        ks = keyslots.read(path)
        slot = ks.slot(keyslots.PASSPHRASE)
        secret: list[bytes | None] = [None]

        def keyring_read() -> None:
            if use_device:
                backend = device_key.resolve_backend()
                secret[0] = device_key.load_device_secret(backend, ks.store_id)

        keyring_ms = _ms(keyring_read)
        kek = keyslots.open_slot(ks.store_id, slot, PASSPHRASE, device_secret=secret[0])
        dk = keyslots.unwrap_data_key(ks.store_id, kek, ks.current)
        conns: list[Any] = []

        def open_step() -> None:
            conn = db.open_database(path / db.FILE_NAME, dk)
            migrate(conn)
            conns.append(conn)

        open_ms = _ms(open_step)
        query_ms = _ms(lambda: conns[-1].execute("SELECT v FROM t WHERE id = 5000").fetchone())
        for conn in conns:
            conn.close()
        wipe(dk)
        wipe(kek)
    params = f"Argon2id {kdf.memory_kib // 1024} MiB x {kdf.iterations} passes x {kdf.lanes} lanes"
    report.add(
        UNLOCK,
        "KDF (calibrated, ~0.5 s aim)",
        statistics.median(kdfs),
        "ms",
        note=f"{params}; median of the {UNLOCKS} unlocks' own",
    )
    report.add(
        UNLOCK, "keyring: read device secret", keyring_ms, "ms", note=backend_label or "none"
    )
    report.add(UNLOCK, "open: key + pragmas + schema check", open_ms, "ms")
    report.add(UNLOCK, "first query", query_ms, "ms")
    report.add(
        UNLOCK, "unlock_store total", statistics.median(totals), "ms", note=f"median of {UNLOCKS}"
    )
    report.add(
        UNLOCK,
        "overhead beyond the KDF",
        statistics.median(overheads),
        "ms",
        aim="<= 100 ms",
        note=f"median of {UNLOCKS} unlocks ({min(overheads):.1f}–{max(overheads):.1f}), each "
        "less its own KDF (timed inside it): lock, key slots, keyring, open, audit entries",
    )


# ---------------------------------------------------------------- report


def run(report: Report) -> None:
    _unlock(report)
    on, off = _run_worker("on"), _run_worker("off")
    labels = {
        "insert": f"insert {ROWS:,} rows ({ROWS // BATCH} transactions)",
        "by_id": f"{LOOKUPS:,} point queries by primary key",
        "by_index": f"{LOOKUPS // 4:,} point queries by indexed text",
        "listing": "50 lists of 1,000 rows",
    }
    for key, label in labels.items():
        report.add_pairs(
            DB,
            f"{label}: encrypted (cipher_memory_security OFF, as chosen)",
            Pairs(tuple(off["encrypted"][key]), tuple(off["plain"][key])),
            "plain SQLite, same engine and pragmas",
            aim="<= 1.3",
            note="encryption alone",
        )
        report.add(
            DB,
            f"{label}: encrypted, memory security ON (not chosen)",
            statistics.median(on["encrypted"][key]),
            "ms",
            note="no ratio: the wiping is process-wide, so it has no plain partner in its "
            f"process; the plain figure of the other process is "
            f"{statistics.median(off['plain'][key]):.1f} ms",
        )
    report.add_pairs(
        DB,
        "200 one-row commits, synchronous=FULL (chosen)",
        Pairs(tuple(off["encrypted"]["commit_full"]), tuple(off["encrypted"]["commit_normal"])),
        "synchronous=NORMAL",
        note="fsync per commit; noisy on shared disks",
    )


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--worker":
        print(json.dumps(_worker(sys.argv[2] == "on")))
    else:
        report = Report()
        run(report)
        print(report.markdown())
