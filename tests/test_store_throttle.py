"""The growing delay after failed unlocks: survives a restart, never runs the KDF while waiting."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from storage.vault import (
    keyslots,
    throttle,
)
from storage.vault.errors import WrongPassphraseError
from storage.vault.opening import (
    store_info,
    unlock_store,
)
from storage.vault.throttle import (
    UnlockState,
    UnlockThrottledError,
    delay_for,
)
from tests.test_store_support import PASS, changed, make_store, run_python, snapshot


@pytest.fixture
def closed(store_dir: Path) -> Path:
    make_store(store_dir, device=False)[0].close()
    return store_dir


def _no_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: Any) -> None:
        raise AssertionError("KDF ran during the delay")

    monkeypatch.setattr(keyslots, "argon2id", boom)


def test_delay_schedule() -> None:
    assert [delay_for(n) for n in range(6)] == [0, 0, 0, 1, 2, 4]
    assert delay_for(11) == 256 and delay_for(12) == 300 and delay_for(1000) == 300


def test_retry_after_and_a_clock_that_goes_back() -> None:
    state = UnlockState(4, 1000.0)
    assert state.retry_after(1000.5) == 1.5
    assert state.retry_after(1003.0) == 0
    assert state.retry_after(900.0) == 2  # clock went back: the full delay
    assert UnlockState(2, 1000.0).retry_after(1000.0) == 0


def test_failures_lead_to_a_delay_that_skips_the_kdf(
    closed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in (1, 2, 3):
        with pytest.raises(WrongPassphraseError) as exc:
            unlock_store(closed, f"wrong passphrase {n}", actor="x")
        assert exc.value.params["failed_attempts"] == n
    info = store_info(closed)
    assert info.failed_attempts == 3 and 0 < info.retry_after <= 1
    _no_kdf(monkeypatch)
    before = snapshot(closed)
    with pytest.raises(UnlockThrottledError) as exc2:
        unlock_store(closed, PASS, actor="x")
    assert 0 < exc2.value.retry_after <= 1 and exc2.value.params["retry_after"] == 1
    assert "Wait 1 seconds" in str(exc2.value)
    assert changed(before, snapshot(closed)) == []  # not even the counter


def test_the_delay_survives_a_restart(closed: Path) -> None:
    for _ in range(5):
        throttle.record_failure(closed, "passphrase")
    code = f"""
import storage.vault.keyslots as k
from pathlib import Path
from storage.vault.opening import unlock_store
from storage.vault.throttle import UnlockThrottledError
def boom(*a):
    raise SystemExit("KDF ran")
k.argon2id = boom
try:
    unlock_store(Path({str(closed)!r}), {PASS!r}, actor="x")
except UnlockThrottledError as exc:
    print(exc.code, exc.retry_after)
"""
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    name, wait = result.stdout.split()
    assert name == "unlock_throttled" and 2 < float(wait) <= 4


def test_waiting_out_the_delay_then_success_audits_and_clears(closed: Path) -> None:
    past = time.time() - 2.5
    for _ in range(4):
        throttle.record_failure(closed, "passphrase", now=past)
    assert throttle.read_state(closed).retry_after() == 0
    with unlock_store(closed, PASS, actor="anna") as store:
        failed = store.audit.entries(action="unlock_failed")
        assert len(failed) == 1 and failed[0].actor == "(unknown)"
        assert failed[0].details["count"] == 4 and len(failed[0].details["attempts"]) == 4
    assert not (closed / "unlock-state.json").exists()
    assert store_info(closed).failed_attempts == 0


def test_a_damaged_state_file_counts_as_no_failures(closed: Path) -> None:
    (closed / "unlock-state.json").write_text("{ damaged")
    assert throttle.read_state(closed) == UnlockState()
    (closed / "unlock-state.json").write_text(json.dumps({"format": "x"}))
    unlock_store(closed, PASS, actor="x").close()
