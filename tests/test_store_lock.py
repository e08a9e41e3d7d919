"""One process per store: a real second process holds the store open."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from storage.vault.errors import StoreExistsError
from storage.vault.lock import (
    StoreInUseError,
    StoreLock,
)
from storage.vault.opening import (
    create_store,
    recover_store,
    unlock_store,
)
from tests.test_store_support import NEW_PASS, PASS, ROOT, changed, make_store, snapshot

pytestmark = pytest.mark.usefixtures("keyring_backend")

HOLDER = """
import sys
from pathlib import Path
from storage.vault.opening import unlock_store
store = unlock_store(Path(sys.argv[1]), sys.argv[2], actor="holder")
store.conn.execute("SELECT count(*) FROM audit_log").fetchone()
print("ready", flush=True)
sys.stdin.readline()
store.close()
print("closed", flush=True)
"""


@pytest.fixture
def holder(store_dir: Path) -> Iterator[tuple[subprocess.Popen[str], str]]:
    store, code = make_store(store_dir)
    store.close()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(store_dir), PASS],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    if line != "ready":
        proc.kill()
        pytest.fail(f"holder did not start: {line!r} {proc.stderr.read() if proc.stderr else ''}")
    yield proc, code
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=30)


def test_second_process_is_refused_and_nothing_changes(
    store_dir: Path, holder: tuple[subprocess.Popen[str], str]
) -> None:
    proc, code = holder
    before = snapshot(store_dir)
    with pytest.raises(StoreInUseError) as exc:
        unlock_store(store_dir, PASS, actor="me")
    assert "already open" in str(exc.value) and str(store_dir) in str(exc.value)
    with pytest.raises(StoreInUseError):
        unlock_store(store_dir, "even a wrong passphrase", actor="me")
    with pytest.raises(StoreInUseError):
        recover_store(store_dir, code, NEW_PASS, actor="me")
    with pytest.raises(StoreExistsError):
        create_store(store_dir, PASS, actor="me")
    assert changed(before, snapshot(store_dir)) == []
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write("\n")
    proc.stdin.flush()
    assert proc.stdout.readline().strip() == "closed"
    assert proc.wait(timeout=30) == 0
    with unlock_store(store_dir, PASS, actor="me") as store:
        assert [e.actor for e in store.audit.entries(action="lock")][-1] == "holder"


def test_a_killed_holder_leaves_no_stale_lock(
    store_dir: Path, holder: tuple[subprocess.Popen[str], str]
) -> None:
    proc, _ = holder
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    with unlock_store(store_dir, PASS, actor="me") as store:
        assert store.check().ok


def test_same_process_second_open_is_refused(store_dir: Path) -> None:
    store, _ = make_store(store_dir, device=False)
    with store, pytest.raises(StoreInUseError):
        unlock_store(store_dir, PASS, actor="me")
    lock = StoreLock(store_dir).acquire()
    assert lock.held
    with pytest.raises(StoreInUseError):
        StoreLock(store_dir).acquire()
    lock.release()
    lock.release()
    unlock_store(store_dir, PASS, actor="me").close()
