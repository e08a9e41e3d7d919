"""Change bundles and a stand-in's signed confirmation through the outbox recipe
(docs/bundle-format.md §7, docs/sync.md §4): ``utvag sync --folder`` killed at the k-th
``rename``, ``fsync``, ``fdatasync`` and ``write`` it makes (strace injection, the machinery
of tests/reliability/test_fault_injection.py), with and without the temp file lost after
the kill (as when a sync tool or an unplugged stick takes it).

After every kill:

1. *the next unlock* (``desktop.commands.store.finish_interrupted``): the store passes
   ``check()``; no write is registered and no bundle owed; every change bundle the store
   recorded is in the folder byte for byte — renamed from its temp file, or written again
   from its recipe — and no recipe of a change bundle is left (it holds case content);
2. *the same command again*: exit 0, no temp file;
3. *the colleague syncs*: every change the killed run recorded as sent arrives once (the
   note with its marker exactly once, every operation of the sender), the bundle written
   again imports once (a second import is a replay), and for the stand-in the
   confirmation is recorded once.

Skipped, with the reason, where strace cannot inject.
"""

from __future__ import annotations

import collections
import contextlib
import io
import secrets
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.cli import main as cli_main
from desktop.commands.store import finish_interrupted
from storage.casefile import journal
from storage.vault.crypto import KdfParams
from storage.vault.opening import create_store, unlock_store
from storage.vault.outputs import pending_count
from storage.vault.store import Store
from sync.bundle import outbox, rewrite
from sync.bundle.errors import ReplayedBundleError, SequenceRollbackError
from sync.bundle.manifest import TEAM_CHANGES
from sync.team import members
from sync.team.bundles import import_changes, write_changes
from sync.team.folder import import_folder
from sync.trust import contacts, identity
from tests.reliability import support
from tests.reliability.test_fault_injection import (
    TRACED,
    kill_points,
    strace_problem,
    tally,
)
from tests.team_support import case_id_of, team_case

PASS = "team outbox passphrase (fiktiv)"
SYSCALLS = ("rename", "fsync", "fdatasync", "write")
MARKER = secrets.token_hex(16)


@dataclass(frozen=True)
class World:
    root: Path
    sender: Path  # the store whose ``utvag sync`` is killed
    receiver: Path  # the colleague
    passfile: Path
    case_uid: str
    stand_in: bool


def _store(path: Path, name: str) -> Store:
    store, _ = create_store(path, PASS, actor=name, use_device_key=False, kdf=KdfParams.minimum())
    identity.ensure_identity(store, "Malmö", "Exit Malmö (fiktiv)", name)
    return store


def _build(root: Path, stand_in: bool) -> World:
    root.mkdir(parents=True)
    a, b = _store(root / "a", "Anna Andersson"), _store(root / "b", "Bertil Berg")
    b_at_a = contacts.import_card(a, identity.export_card(b))
    contacts.verify_contact(a, b_at_a, identity.get_identity(b).fingerprint)
    a_at_b = contacts.import_card(b, identity.export_card(a))
    contacts.verify_contact(b, a_at_b, identity.get_identity(a).fingerprint)
    folder = root / "start"
    folder.mkdir()
    with a, b:
        case_id = team_case(a)
        role = "stand_in" if stand_in else "co"
        uid = members.share_case(
            a, case_id, b_at_a, role, valid_until="2099-12-31" if stand_in else None
        )
        first = write_changes(a, b_at_a, folder)
        assert first is not None
        import_changes(b, first.path)
        if stand_in:  # Bertil writes while standing in; Anna ends the share
            journal.add_journal_entry(b, case_id_of(b, uid), f"Hembesök {MARKER} (fiktiv)")
            members.end_share(a, case_id, b_at_a)
            told = write_changes(a, b_at_a, folder)
            assert told is not None
            import_changes(b, told.path)
        else:  # Anna writes; her sync is the one killed
            journal.add_journal_entry(a, case_id, f"Samtal {MARKER} (fiktiv)")
    passfile = root / "pass"
    passfile.write_text(PASS + "\n")
    sender, receiver = (root / "b", root / "a") if stand_in else (root / "a", root / "b")
    return World(root, sender, receiver, passfile, uid, stand_in)


@dataclass
class Run:
    dir: Path
    store: Path
    out: Path
    peer: Path

    def argv(self, world: World) -> list[str]:
        return [
            "sync",
            "--folder",
            str(self.out),
            "--store",
            str(self.store),
            "--passphrase-file",
            str(world.passfile),
        ]


def _fresh(world: World, label: str) -> Run:
    where = world.root / "runs" / label
    shutil.rmtree(where, ignore_errors=True)
    where.mkdir(parents=True)
    shutil.copytree(world.sender, where / "store")
    shutil.copytree(world.receiver, where / "peer")
    (where / "out").mkdir()
    return Run(where, where / "store", where / "out", where / "peer")


def _strace(run: Run, world: World, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["strace", "-f", "-qq", *options, "--", sys.executable, "-m", "desktop", *run.argv(world)],
        cwd=support.ROOT,
        env=support.child_env(),
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def _count(world: World) -> tuple[dict[str, int], dict[str, int]]:
    run = _fresh(world, "count")
    trace = run.dir / "trace"
    proc = _strace(run, world, "-e", f"trace={','.join(TRACED)}", "-o", str(trace))
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = tally(trace.read_text(), SYSCALLS)
    shutil.rmtree(run.dir, ignore_errors=True)
    return result


def _temps(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def _after_next_unlock(run: Run) -> list[outbox.OutboxEntry]:
    """Invariant 1; returns the change bundles the killed run recorded."""
    with unlock_store(run.store, PASS, actor="verifier") as store:
        finish_interrupted(store)
        report = store.check()
        assert report.ok, report.problems
        assert pending_count(store) == 0, "a write is still registered"
        assert outbox.entries(store, state=outbox.SEALED) == [], "a bundle is still owed"
        recorded = [
            e for e in outbox.entries(store, kind=TEAM_CHANGES) if e.target.parent == run.out
        ]
        for entry in recorded:
            assert rewrite.in_place(entry), f"{entry.bundle_id} is not in the folder as sealed"
            assert not entry.rewritable, "a placed change bundle kept its recipe"
        kept = store.conn.execute(
            "SELECT count(*) FROM sync_outbox_members m JOIN sync_outbox o "
            "ON o.bundle_id = m.bundle_id WHERE o.kind = ?",
            (TEAM_CHANGES,),
        ).fetchone()[0]
        assert kept == 0
    assert _temps(run.out) == [], _temps(run.out)
    return recorded


def _rerun(run: Run, world: World) -> int:
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        rc = cli_main(run.argv(world))
    assert rc == 0, stderr.getvalue()
    return rc


def _at_the_colleague(run: Run, world: World, killed: list[outbox.OutboxEntry]) -> None:
    """Invariant 3."""
    with unlock_store(run.peer, PASS, actor="colleague") as peer:
        report = import_folder(peer, run.out)
        assert report.refused == [], report.refused
        assert report.imported, "nothing imported"
        for entry in killed:  # the bundle the kill interrupted imports once only
            with pytest.raises((ReplayedBundleError, SequenceRollbackError)):
                import_changes(peer, entry.target)
        if world.stand_in:
            confirmed = peer.audit.entries(action="team.removal_confirmed")
            assert len(confirmed) == 1, confirmed
            notes = peer.conn.execute(
                "SELECT count(*) FROM journal_entries WHERE text LIKE ?", (f"%{MARKER}%",)
            ).fetchone()[0]
            assert notes == 1, "the stand-in's last note did not arrive exactly once"
        else:
            notes = peer.conn.execute(
                "SELECT count(*) FROM journal_entries WHERE text LIKE ?", (f"%{MARKER}%",)
            ).fetchone()[0]
            assert notes == 1, f"the note arrived {notes} times"
        peer_ops = {r[0] for r in peer.conn.execute("SELECT op_id FROM team_ops")}
    with unlock_store(run.store, PASS, actor="verifier") as store:
        ours = {
            r[0]
            for r in store.conn.execute(
                "SELECT op_id FROM team_ops WHERE case_uid = ?", (world.case_uid,)
            )
        }
        if world.stand_in:  # removed for good, with the record that it was
            assert ours == set()
            reasons = store.conn.execute("SELECT reason FROM team_removed").fetchall()
            assert [r[0] for r in reasons] == ["stand_in_ended"]
    assert ours <= peer_ops, "an operation recorded as sent never arrived"


@pytest.fixture(scope="module")
def worlds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, World]:
    problem = strace_problem()
    if problem is not None:
        pytest.skip(problem)
    root = tmp_path_factory.mktemp("team-outbox")
    return {
        "change bundle": _build(root / "co", stand_in=False),
        "stand-in confirmation": _build(root / "stand-in", stand_in=True),
    }


@pytest.mark.parametrize("name", ["change bundle", "stand-in confirmation"])
def test_sync_killed_at_every_window_loses_and_doubles_nothing(
    worlds: dict[str, World], name: str
) -> None:
    world = worlds[name]
    calls, before = _count(world)
    assert calls["rename"] >= 1, "the sync wrote no bundle"
    kills: collections.Counter[str] = collections.Counter()
    rewritten = 0
    for syscall in SYSCALLS:
        for k in kill_points(calls[syscall], before.get(syscall), syscall):
            lose_temp = syscall == "rename"  # each rename kill is tried both ways
            for lost in (False, True) if lose_temp else (False,):
                where = f"{name}: {syscall} k={k} lost={lost}; " + support.reproduce(
                    "tests/reliability/test_team_outbox.py"
                )
                run = _fresh(world, f"{syscall}-{k}-{lost}")
                proc = _strace(
                    run,
                    world,
                    "-e",
                    f"trace={syscall}",
                    "-e",
                    f"inject={syscall}:signal=SIGKILL:when={k}",
                )
                assert proc.returncode in (0, -9), f"{proc.stderr[-1500:]}\n{where}"
                if proc.returncode == -9:
                    kills[syscall] += 1
                if lost:
                    for temp in _temps(run.out):
                        temp.unlink()
                try:
                    killed = _after_next_unlock(run)
                    if lost and killed:
                        rewritten += 1
                    _rerun(run, world)
                    assert _temps(run.out) == []
                    _at_the_colleague(run, world, killed)
                except AssertionError as exc:
                    raise AssertionError(f"{exc}\n{where}") from exc
                shutil.rmtree(run.dir, ignore_errors=True)
    support.record(f"team outbox {name}", calls=calls, kills=dict(kills), written_again=rewritten)
    assert kills["rename"] >= 1, "no kill landed at a rename"
    assert rewritten >= 1, "no bundle was written again from its recipe"
