"""Deterministic fault injection (issue 19): kill each command at the k-th fsync, fdatasync,
rename and write it makes, for every k, with strace, and check the invariant after each kill.

The commands, each through the real command line (``python -m desktop``) on a fresh copy
of the stores of tests/reliability/fault_world.py: ``handover export``, ``handover import
--accept``, ``handover import --refuse``, ``receipt import``, ``backup create``, ``identity
export-card``. First each runs once under ``strace -f -e trace=…`` to count its calls of
``fsync``, ``fdatasync``, ``rename`` (also ``renameat``/``renameat2``), ``write``,
``writev`` (a bundle's and the staging's batched writes, issue 17) and ``pwrite64``
(SQLite's writes). Then, for every k (``UTVAG_RELIABILITY=long``; the short
sample of ``make test`` takes k = 1, the calls just before and just after the command's
rename — its crash window — the last one, and every rename), it runs again under
``strace -e inject=SYSCALL:signal=SIGKILL:when=k``: the process dies at the k-th call of
that syscall, before the call is made.

After every kill, the invariant of issue 19 (point 1):

1. *the next unlock* (``unlock_store`` and what every command does after it,
   ``desktop.commands.store.finish_interrupted``): the store passes ``check()``; no write is
   left registered (``pending_outputs``) and no bundle owed (``sync_outbox`` "sealed");
   every handover awaiting a receipt has its bundle, and every handover we decided on its
   receipt, where it was asked for, byte for byte; no temp file of ours is left in the
   output folder or the store folder;
2. *the next run of the same command*: it succeeds — or, for ``receipt import`` and
   ``backup create`` whose work the kill had already committed, says so — and then the
   file asked for is there and is the one the store recorded: exactly one bundle sealed
   for the exported case, exactly one decision (and one imported case for an accept) for
   the received bundle, the receipt recorded once, one ``backup.create`` whose file is
   intact, the card's bytes; again no temp file anywhere;
3. the file works at the other end: the receiver opens the exported bundle, the sender
   imports the receipt, the backup reads back with every hash.

Skipped, with the reason, where strace is missing or cannot inject (no ptrace).
"""

from __future__ import annotations

import collections
import contextlib
import hashlib
import io
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from desktop.cli import main as cli_main
from desktop.commands.store import finish_interrupted
from storage.backup.archive import read_container
from storage.vault.opening import unlock_store
from storage.vault.outputs import pending_count
from storage.vault.store import Store
from sync.bundle import (
    outbox,
    rewrite,
)
from sync.handover.importing import preview_import
from sync.handover.receipts import import_receipt
from sync.handover.received import (
    received_handovers,
)
from sync.handover.records import (
    AWAITING,
    handovers,
)
from tests.reliability import support
from tests.reliability.fault_world import (
    PASS,
    FaultWorld,
    build,
)

#: The syscalls killed at; renameat/renameat2 are counted with rename (whichever libc uses).
SYSCALLS = ("fsync", "fdatasync", "rename", "write", "writev", "pwrite64")
RENAMES = ("rename", "renameat", "renameat2")
TRACED = ("fsync", "fdatasync", *RENAMES, "write", "writev", "pwrite64")
_CALL = re.compile(r"^(?:\[pid\s+\d+\]\s+|\d+\s+)?(\w+)\(")


def strace_problem() -> str | None:
    """Why strace cannot inject here, or None."""
    if shutil.which("strace") is None:
        return "strace is not installed (apt-get install strace)"
    probe = subprocess.run(
        [
            "strace",
            "-f",
            "-qq",
            "-e",
            "trace=fsync",
            "-e",
            "inject=fsync:error=EIO:when=1",
            sys.executable,
            "-c",
            "import os, sys; sys.exit(0 if os.fsync(1) is None else 3)",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    if "PTRACE" in probe.stderr.upper() or "Operation not permitted" in probe.stderr:
        return f"strace cannot trace here: {probe.stderr.strip()[:200]}"
    if probe.returncode != 1:  # os.fsync(1) must have failed with the injected EIO
        return f"strace did not inject a fault (exit {probe.returncode}): {probe.stderr[:200]}"
    return None


# ---------------------------------------------------------------- the commands


@dataclass
class Run:
    """One copy of the stores and an output folder, for one command and one kill."""

    dir: Path
    store: Path
    out: Path
    world: FaultWorld
    stdout: str = ""
    stderr: str = ""

    def argv(self, cmd: Command) -> list[str]:
        args = [a.replace("{out}", str(self.out)) for a in cmd.argv(self.world)]
        return [*args, "--store", str(self.store), "--passphrase-file", str(self.world.passfile)]


@dataclass(frozen=True)
class Command:
    name: str
    who: str  # "a" (Malmö, the sender) or "b" (Lund, the receiver)
    argv: Callable[[FaultWorld], list[str]]
    output: str | None  # the file asked for, in the output folder
    check: Callable[[Run, int], str]  # after the rerun (its exit status): the outcome's name


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _open(run: Run) -> Store:
    return unlock_store(run.store, PASS, actor="verifier")


def _check_export(run: Run, rc: int) -> str:
    assert rc == 0, run.stderr
    out = run.out / "e.utvag"
    with _open(run) as store:
        case_id = int(
            store.conn.execute(
                "SELECT id FROM cases WHERE case_number = ?", (run.world.export_case,)
            ).fetchone()[0]
        )
        rows = handovers(store, case_id)
        sealed = store.conn.execute(
            "SELECT count(*) FROM sync_sealed_bundles WHERE kind = 'handover' AND case_ref = ?",
            (run.world.export_case,),
        ).fetchone()[0]
    assert len(rows) == 1 and rows[0].state == AWAITING, rows
    assert sealed == 1, f"{sealed} bundles sealed for one handover"
    assert rows[0].bundle_sha256 == _sha(out), "the file is not the recorded bundle"
    peer = run.dir / "peer"
    shutil.copytree(run.world.b, peer)
    with unlock_store(peer, PASS, actor="peer") as receiver:
        preview = preview_import(receiver, out)
        assert preview.bundle_id == rows[0].bundle_id
        preview.discard()
    return "resumed" if "Samma överlämning" in run.stdout else "exported"


def _check_decision(accepted: bool) -> Callable[[Run, int], str]:
    def check(run: Run, rc: int) -> str:
        assert rc == 0, run.stderr
        out = run.out / "k.utvag"
        with _open(run) as store:
            [received] = [r for r in received_handovers(store)]
            cases = store.conn.execute("SELECT count(*) FROM case_provenance").fetchone()[0]
            latest = outbox.entry(store, str(received.receipt_bundle_id))
        assert received.status == ("accepted" if accepted else "refused")
        assert cases == (1 if accepted else 0)
        assert latest is not None and latest.sha256 == _sha(out), "not the recorded receipt"
        peer = run.dir / "peer"
        shutil.copytree(run.world.a, peer)
        with unlock_store(peer, PASS, actor="peer") as sender:
            assert import_receipt(sender, out).accepted is accepted
        return "resumed" if "redan avgjord" in run.stdout else "decided"

    return check


def _check_receipt(run: Run, rc: int) -> str:
    assert rc in (0, 1), run.stderr
    with _open(run) as store:
        states = [h.state for h in handovers(store)]
        recorded = len(store.audit.entries(action="handover.receipt"))
    assert states.count("accepted") == 1 and recorded == 1, (states, recorded)
    if rc == 1:
        assert "already recorded" in run.stderr or "registrerades redan" in run.stderr
        return "already recorded"
    return "recorded"


def _check_backup(run: Run, rc: int) -> str:
    assert rc in (0, 1), run.stderr
    out = run.out / "b.backup"
    with _open(run) as store:
        made = store.audit.entries(action="backup.create")
    assert len(made) == 1, f"{len(made)} backups recorded"
    assert made[0].details["sha256"] == _sha(out)
    read_container(out)  # every member's hash, the key slots, no plaintext database
    if rc == 1:
        assert "b.backup" in run.stderr
        return "already made"
    return "made"


def _check_card(run: Run, rc: int) -> str:
    assert rc == 0, run.stderr
    assert (run.out / "c.utvagkort").read_bytes() == run.world.card
    return "written"


COMMANDS = (
    Command(
        "handover export",
        "a",
        lambda w: ["handover", "export", w.export_case, "--to", "1", "--out", "{out}/e.utvag"],
        "e.utvag",
        _check_export,
    ),
    Command(
        "handover import --accept",
        "b",
        lambda w: [
            "handover",
            "import",
            str(w.bundle),
            "--accept",
            "--receipt-out",
            "{out}/k.utvag",
        ],
        "k.utvag",
        _check_decision(True),
    ),
    Command(
        "handover import --refuse",
        "b",
        lambda w: [
            "handover",
            "import",
            str(w.bundle),
            "--refuse",
            "Ingen plats i boendet",
            "--receipt-out",
            "{out}/k.utvag",
        ],
        "k.utvag",
        _check_decision(False),
    ),
    Command(
        "receipt import", "a", lambda w: ["receipt", "import", str(w.receipt)], None, _check_receipt
    ),
    Command(
        "backup create",
        "a",
        lambda w: ["backup", "create", "--out", "{out}/b.backup"],
        "b.backup",
        _check_backup,
    ),
    Command(
        "identity export-card",
        "a",
        lambda w: ["identity", "export-card", "--out", "{out}/c.utvagkort"],
        "c.utvagkort",
        _check_card,
    ),
)


# ---------------------------------------------------------------- running under strace


def _fresh(world: FaultWorld, cmd: Command, label: str) -> Run:
    where = world.root / "runs" / f"{cmd.name.replace(' ', '_')}-{label}"
    shutil.rmtree(where, ignore_errors=True)
    where.mkdir(parents=True)
    shutil.copytree(world.a if cmd.who == "a" else world.b, where / "store")
    (where / "out").mkdir()
    return Run(where, where / "store", where / "out", world)


def _strace(run: Run, cmd: Command, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            "strace",
            "-f",
            "-qq",
            *options,
            "--",
            sys.executable,
            "-m",
            "desktop",
            *run.argv(cmd),
        ],
        cwd=support.ROOT,
        env=support.child_env(),
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def count_calls(world: FaultWorld, cmd: Command) -> tuple[dict[str, int], dict[str, int]]:
    """How often the command calls each syscall, and how many of each come before its first
    rename (the commit-to-rename window lies there)."""
    run = _fresh(world, cmd, "count")
    trace = run.dir / "trace"
    proc = _strace(run, cmd, "-e", f"trace={','.join(TRACED)}", "-o", str(trace))
    assert proc.returncode == 0, proc.stderr[-2000:]
    return tally(trace.read_text(), SYSCALLS)


def tally(trace: str, syscalls: tuple[str, ...]) -> tuple[dict[str, int], dict[str, int]]:
    """From an strace log: how often each of ``syscalls`` was called (every rename variant
    as ``rename``), and the counts of each before the first rename."""
    counts: collections.Counter[str] = collections.Counter()
    before: dict[str, int] = {}
    for line in trace.splitlines():
        match = _CALL.match(line)
        if match is None:
            continue
        name = "rename" if match.group(1) in RENAMES else match.group(1)
        if name == "rename" and not before:
            before = dict(counts)
        counts[name] += 1
    return {s: counts[s] for s in syscalls}, before


def kill_points(calls: int, before_rename: int | None, syscall: str) -> list[int]:
    """Every k (long), or the sample of ``make test``: the first call, the calls on either
    side of the command's rename, the last call, and every rename."""
    if calls == 0:
        return []
    if support.LONG or syscall == "rename":
        return list(range(1, calls + 1))
    picks = {1, calls}
    if before_rename is not None:
        picks |= {before_rename, before_rename + 1}
    else:
        picks.add((calls + 1) // 2)
    return sorted(k for k in picks if 1 <= k <= calls)


def _temp_files(*folders: Path) -> list[str]:
    return [p.name for d in folders for p in d.iterdir() if p.name.endswith(".tmp")]


def after_next_unlock(run: Run) -> None:
    """Invariant 1: after the next unlock nothing is owed, nothing half-written is left."""
    with _open(run) as store:
        finish_interrupted(store)
        report = store.check()
        assert report.ok, report.problems
        assert pending_count(store) == 0, "a write is still registered"
        owed = outbox.entries(store, state=outbox.SEALED)
        assert owed == [], f"bundles owed after the next unlock: {owed}"
        for h in handovers(store):
            if h.display_state == AWAITING and h.bundle_id:
                entry = outbox.entry(store, h.bundle_id)
                assert entry is not None and rewrite.in_place(entry), (
                    "a case awaits a receipt for a bundle that is not where it was written"
                )
        for r in received_handovers(store):
            entry = outbox.entry(store, str(r.receipt_bundle_id))
            assert entry is not None and rewrite.in_place(entry), "a decision lacks its receipt"
    assert _temp_files(run.out, run.store) == [], _temp_files(run.out, run.store)


def rerun(run: Run, cmd: Command) -> int:
    """Invariant 2: the same command again (in this process: the real CLI entry point)."""
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        rc = cli_main(run.argv(cmd))
    run.stdout, run.stderr = stdout.getvalue(), stderr.getvalue()
    return rc


@dataclass
class Tally:
    calls: dict[str, int] = field(default_factory=dict)
    tried: dict[str, int] = field(default_factory=dict)
    kills: dict[str, int] = field(default_factory=dict)
    finished: dict[str, int] = field(default_factory=dict)
    holds: dict[str, int] = field(default_factory=dict)
    outcomes: collections.Counter[str] = field(default_factory=collections.Counter)


def sweep(world: FaultWorld, cmd: Command) -> Tally:
    tally = Tally()
    calls, before = count_calls(world, cmd)
    for syscall in SYSCALLS:
        tally.calls[syscall] = calls[syscall]
        points = kill_points(calls[syscall], before.get(syscall), syscall)
        tally.tried[syscall] = len(points)
        for k in points:
            where = f"{cmd.name}: {syscall} k={k} of {calls[syscall]}; " + support.reproduce(
                "tests/reliability/test_fault_injection.py"
            )
            run = _fresh(world, cmd, f"{syscall}-{k}")
            proc = _strace(
                run,
                cmd,
                "-e",
                f"trace={syscall}",
                "-e",
                f"inject={syscall}:signal=SIGKILL:when={k}",
            )
            if proc.returncode == -9:
                tally.kills[syscall] = tally.kills.get(syscall, 0) + 1
            elif proc.returncode == 0:
                tally.finished[syscall] = tally.finished.get(syscall, 0) + 1
            else:
                pytest.fail(f"exit {proc.returncode}: {proc.stderr[-1500:]}\n{where}")
            try:
                after_next_unlock(run)
                outcome = cmd.check(run, rerun(run, cmd))
                assert _temp_files(run.out, run.store) == [], "temp files after the rerun"
            except AssertionError as exc:
                raise AssertionError(f"{exc}\n{where}") from exc
            tally.holds[syscall] = tally.holds.get(syscall, 0) + 1
            tally.outcomes[outcome] += 1
            shutil.rmtree(run.dir, ignore_errors=True)
    return tally


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> FaultWorld:
    problem = strace_problem()
    if problem is not None:
        pytest.skip(problem)
    return build(tmp_path_factory.mktemp("fault"), support.seed_for("fault-world"))


@pytest.mark.parametrize("cmd", COMMANDS, ids=[c.name for c in COMMANDS])
def test_kill_at_every_fsync_rename_and_write(world: FaultWorld, cmd: Command) -> None:
    start = time.perf_counter()
    tally = sweep(world, cmd)
    support.record(
        f"fault-injection {cmd.name}",
        command=cmd.name,
        calls=tally.calls,
        tried=tally.tried,
        kills=tally.kills,
        finished=tally.finished,
        holds=tally.holds,
        outcomes=dict(tally.outcomes),
        seconds=round(time.perf_counter() - start, 1),
    )
    assert sum(tally.kills.values()) > 0, "no kill landed (strace did not inject?)"
    for syscall in ("fsync", "rename", "write", "writev", "pwrite64"):
        if tally.calls.get(syscall):
            assert tally.kills.get(syscall), f"no kill at {syscall} landed"
