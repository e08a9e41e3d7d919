"""Brute force: the unlock delay across restarts, and what one guess costs an attacker.

Online (at the laptop, through Utväg): every guess is a new ``utvag check`` process; the
attacker waits out each delay (read from ``utvag status --json``). Measured: the delay after
each failure, that a guess inside the delay is refused before any KDF (fast), and what a
guess costs. Offline (a copied store folder): the passphrase slot does not open without the
device secret (256 random bits, only in this machine's keyring), so guessing the passphrase
alone is useless; for a ``--no-device-key`` store each guess costs one Argon2id at the
slot's parameters (time measured here, memory from the parameters).
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path
from typing import Any

import pytest

from storage.vault import (
    keyslots,
    throttle,
)
from storage.vault.crypto import (
    KdfParams,
    UnwrapError,
    argon2id,
)
from storage.vault.opening import unlock_store
from tests.reliability import support
from tests.test_store_support import PASS, make_store

GUESSES = support.budget(4, 9)


def _kdf_seconds(params: KdfParams, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        argon2id(b"guess", os.urandom(16), params)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.usefixtures("keyring_backend")
def test_online_guessing_is_slowed_across_restarts(tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    make_store(store_dir, device=True)[0].close()
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase 1\n")
    right = tmp_path / "right.txt"
    right.write_text(PASS + "\n")
    args = ["--store", str(store_dir), "--passphrase-file"]
    schedule, refused_fast, guess_times = [], [], []
    for n in range(1, GUESSES + 1):
        # right after the last failure: a guess inside the delay is refused before any KDF
        if throttle.read_state(store_dir).retry_after() > 0.2:
            start = time.perf_counter()
            with pytest.raises(throttle.UnlockThrottledError):
                unlock_store(store_dir, "not the passphrase 1", actor="attacker")
            refused_fast.append(time.perf_counter() - start)
        expected = throttle.delay_for(n - 1)
        schedule.append(expected)
        if expected or n == 1:  # the free attempts need no status process
            asked = time.time()
            out = support.run_cli("status", "--store", str(store_dir), "--json").stdout
            answered = time.time()
            wait = float(json.loads(out)["retry_after"])
            last = throttle.read_state(store_dir).last_failure or asked
            # A new process computed retry_after = max(0, delay - (t - last)) at some t in
            # [asked, answered]: with wait > 0 the delay lies in [wait + asked - last, wait +
            # answered - last]; with wait = 0 it had already passed by `answered`.
            if wait > 0:
                assert wait + asked - last - 0.05 <= expected <= wait + answered - last + 0.05
            else:
                assert expected <= answered - last + 0.05, (n, expected)
            time.sleep(throttle.read_state(store_dir).retry_after() + 0.05)
        start = time.perf_counter()
        proc = support.run_cli("check", *args, str(wrong))
        guess_times.append(time.perf_counter() - start)
        assert proc.returncode == 1 and "passphrase is not correct" in proc.stderr, proc.stderr
        assert throttle.read_state(store_dir).failed_attempts == n
    assert refused_fast and max(refused_fast) < 0.1  # no KDF ran
    st = json.loads(support.run_cli("status", "--store", str(store_dir), "--json").stdout)
    time.sleep(st["retry_after"] + 0.05)
    ok = support.run_cli("check", *args, str(right))
    assert ok.returncode == 0, ok.stderr
    with unlock_store(store_dir, PASS, actor="t") as store:
        failed = store.audit.entries(action="unlock_failed")
        assert failed and failed[0].details["count"] == GUESSES
    cost_1000 = sum(throttle.delay_for(n) for n in range(1000))
    support.record(
        "bruteforce-online",
        runs=GUESSES,
        delays_checked_s=schedule,
        refused_inside_delay=len(refused_fast),
        refusal_inside_delay_s=round(max(refused_fast), 4) if refused_fast else None,
        guess_process_s=round(min(guess_times), 2),
        wait_for_1000_guesses_h=round(cost_1000 / 3600, 1),
        guesses_per_day_at_cap=int(86400 / throttle.MAX_DELAY_SECONDS),
    )


@pytest.mark.usefixtures("keyring_backend")
def test_offline_cost_per_guess(tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    make_store(store_dir, device=True)[0].close()
    copied = tmp_path / "copied"
    shutil.copytree(store_dir, copied)  # the thief's copy: the files, not the keyring
    ks = keyslots.read(copied)
    slot = ks.slot(keyslots.PASSPHRASE)
    assert slot.device_key
    # the right passphrase without the device secret, or with a wrong one, opens nothing
    for secret in (None, os.urandom(32)):
        with pytest.raises(UnwrapError):
            keyslots.open_slot(ks.store_id, slot, PASS, device_secret=secret)
    floor = KdfParams.minimum()
    calibrated = KdfParams.calibrate()
    t_floor, t_cal = _kdf_seconds(floor), _kdf_seconds(calibrated)
    # a passphrase-only store: the files and the passphrase suffice, one Argon2id per guess
    plain = tmp_path / "plain"
    make_store(plain, device=False)[0].close()
    ks2 = keyslots.read(plain)
    start = time.perf_counter()
    keyslots.open_slot(ks2.store_id, ks2.slot(keyslots.PASSPHRASE), PASS).clear()
    t_guess = time.perf_counter() - start
    with pytest.raises(UnwrapError):
        keyslots.open_slot(ks2.store_id, ks2.slot(keyslots.PASSPHRASE), "wrong guess 123")
    support.record(
        "bruteforce-offline",
        device_secret_bits=256,
        recovery_code_bits=128,
        floor={
            "memory_mib": floor.memory_kib // 1024,
            "passes": floor.iterations,
            "lanes": floor.lanes,
            "seconds": round(t_floor, 3),
        },
        calibrated={
            "memory_mib": calibrated.memory_kib // 1024,
            "passes": calibrated.iterations,
            "lanes": calibrated.lanes,
            "seconds": round(t_cal, 3),
        },
        passphrase_only_guess_s=round(t_guess, 3),
        guesses_per_core_hour_floor=int(3600 / t_floor),
    )


def test_quick_unlock_pin_cost_and_lockout(tmp_path: Path) -> None:
    """The quick-unlock PIN: three guesses at the laptop, then only the passphrase; offline
    (a memory image of the locked process) one Argon2id at the floor per PIN."""
    from storage.vault.crypto import random_key
    from storage.vault.quick_unlock import (
        MAX_FAILURES,
        MIN_PIN_DIGITS,
        QuickUnlock,
        QuickUnlockGoneError,
        WrongQuickPinError,
    )

    quick = QuickUnlock()
    quick.arm("store", random_key(), "731946", 3600)
    outcomes, times = [], []
    for guess in range(100000, 100000 + MAX_FAILURES + 2):
        start = time.perf_counter()
        try:
            quick.open("store", str(guess))
        except WrongQuickPinError:
            outcomes.append("wrong")
        except QuickUnlockGoneError:
            outcomes.append("gone")
        times.append(time.perf_counter() - start)
    # the third wrong PIN wipes the key; later guesses run no KDF at all
    assert outcomes == ["wrong"] * (MAX_FAILURES - 1) + ["gone"] * 3
    assert not quick.is_armed() and times[-1] < 0.05
    per_guess = _kdf_seconds(KdfParams.minimum())
    space = 10**MIN_PIN_DIGITS
    support.record(
        "bruteforce-pin",
        online_guesses=MAX_FAILURES,
        online_success_6_digits=MAX_FAILURES / space,
        refused_after_lockout_s=round(times[-1], 4),
        offline_guess_s=round(per_guess, 3),
        offline_all_6_digit_pins_core_h=round(space * per_guess / 3600, 1),
    )


def test_token_pin_cost_and_lockout(tmp_path: Path, softhsm: Any) -> None:
    """A card slot: every guess is a PIN the card itself counts (SoftHSM2 here does not
    lock; a SITHS card or a PIV key locks after 3 to 5 wrong PINs); Utväg counts it too.
    Offline the slot's key comes from the card's private key: the files alone give no
    guess to try."""
    from storage.vault.key_access import unlock_with_token
    from storage.vault.token.enrol import enrol_token
    from storage.vault.token.errors import TokenPinIncorrectError, TokenPinLockedError
    from tests.softhsm import PIN_A

    store_dir = tmp_path / "store"
    store, _ = make_store(store_dir, device=False)
    with store:
        enrol_token(store, PASS, softhsm.module, PIN_A, slot=softhsm.index("Kort A"), key_id="01")
    times = []
    for guess in ("000001", "000002", "000003"):
        start = time.perf_counter()
        with pytest.raises(TokenPinIncorrectError):
            unlock_with_token(store_dir, softhsm.module, guess, actor="attacker")
        times.append(time.perf_counter() - start)
    assert throttle.read_state(store_dir).failed_attempts == 3
    # from the fourth failure the delay applies before the card is even asked
    with pytest.raises(throttle.UnlockThrottledError):
        unlock_with_token(store_dir, softhsm.module, "000004", actor="attacker")
    softhsm.lock_pin("Kort A")
    throttle.reset(store_dir)
    start = time.perf_counter()
    with pytest.raises(TokenPinLockedError):
        unlock_with_token(store_dir, softhsm.module, PIN_A, actor="attacker")
    locked_s = time.perf_counter() - start
    support.record(
        "bruteforce-token",
        guess_s=round(min(times), 3),
        utvag_counts=True,
        refused_when_locked_s=round(locked_s, 3),
    )
