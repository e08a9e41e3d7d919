"""The other ways in, in the core and on the command line: the quick-unlock key in memory
(its rule, three wrong PINs, its time by an injected clock, a renewed key), the recovery-code
drill (checked without opening anything, the date recorded), the keyring state before any
KDF and binding a store to a new keyring with a card (real Secret Service, SoftHSM2), and
``utvag keyslot``."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main
from storage.vault import device_key, keyslots
from storage.vault.crypto import random_key
from storage.vault.errors import WrongRecoveryCodeError
from storage.vault.key_access import (
    check_recovery_code,
    keyring_state,
    last_recovery_drill,
    recover_with_token,
    recovery_drill,
    recovery_drill_due,
    unlock_with_kek,
    unlock_with_token,
)
from storage.vault.keyslots import KeySlotsDamagedError, RecoveryCodeInvalidError
from storage.vault.opening import unlock_store
from storage.vault.quick_unlock import (
    QuickPinRuleError,
    QuickUnlock,
    QuickUnlockGoneError,
    WrongQuickPinError,
    kek_from_passphrase,
    validate_quick_pin,
)
from storage.vault.token.enrol import enrol_token
from tests.softhsm import PIN_A, SoftHsm
from tests.test_store_support import NEW_PASS, PASS, changed, make_store, snapshot

PIN = "731946"


class Clock:
    def __init__(self) -> None:
        self.wall, self.mono = 1_800_000_000.0, 50.0

    def advance(self, seconds: float, *, asleep: bool = False) -> None:
        self.wall += seconds
        if not asleep:
            self.mono += seconds


def _quick(clock: Clock) -> QuickUnlock:
    return QuickUnlock(clock=lambda: clock.wall, monotonic=lambda: clock.mono)


# ---------------------------------------------------------------- quick unlock


@pytest.mark.parametrize("pin", ["12345", "1234567890123", "12a456", "000000", "123456", "987654"])
def test_the_pin_rule(pin: str) -> None:
    with pytest.raises(QuickPinRuleError):
        validate_quick_pin(pin)


def test_a_good_pin_passes_the_rule() -> None:
    for pin in ("731946", "1029384756", "901234"[::-1] + "5"):
        validate_quick_pin(pin)


def test_the_pin_opens_the_key_held_in_memory_only() -> None:
    clock = Clock()
    quick = _quick(clock)
    kek = random_key()
    quick.arm("store-a", kek, PIN, 4 * 3600)
    opened = quick.open("store-a", PIN)
    assert opened == kek
    assert quick.open("store-a", PIN) == kek  # again: it lasts until its time is up
    with pytest.raises(QuickUnlockGoneError):
        quick.open("store-b", PIN)  # bound to its store


def test_three_wrong_pins_wipe_the_key() -> None:
    quick = _quick(Clock())
    quick.arm("s", random_key(), PIN, 3600)
    with pytest.raises(WrongQuickPinError) as first:
        quick.open("s", "111111")
    assert first.value.params["remaining"] == 2
    with pytest.raises(WrongQuickPinError):
        quick.open("s", "222222")
    with pytest.raises(QuickUnlockGoneError):
        quick.open("s", "333333")
    assert not quick.is_armed()
    with pytest.raises(QuickUnlockGoneError):
        quick.open("s", PIN)  # the right PIN is no use now


@pytest.mark.parametrize(
    ("step", "asleep", "armed"),
    [
        (4 * 3600 - 1, False, True),
        (4 * 3600 + 1, False, False),
        (-60, False, False),  # the wall clock went back
        (10 * 60, True, False),  # slept: the wall clock ran, the monotonic clock did not
    ],
)
def test_the_time_limit_by_an_injected_clock(step: float, asleep: bool, armed: bool) -> None:
    clock = Clock()
    quick = _quick(clock)
    quick.arm("s", random_key(), PIN, 4 * 3600)
    if step < 0:
        clock.wall += step
    else:
        clock.advance(step, asleep=asleep)
    assert quick.is_armed() is armed


def test_a_renewed_key_ends_the_pin(tmp_path: Path) -> None:
    """The KEK held in memory opens the store; after a rekey it no longer fits."""
    path = tmp_path / "store"
    store, _ = make_store(path, device=False)
    store.close()
    store_id, kek = kek_from_passphrase(path, PASS)
    with unlock_with_kek(path, kek, via="quick_pin", actor="tester") as store:
        assert store.audit.entries()[-1].details == {"via": "quick_pin"}
        store.rekey(PASS)
    with pytest.raises(KeySlotsDamagedError):
        unlock_with_kek(path, kek, via="quick_pin", actor="tester")
    assert store_id == keyslots.read(path).store_id


# ---------------------------------------------------------------- the drill


def test_the_drill_checks_the_code_without_opening_anything(tmp_path: Path) -> None:
    path = tmp_path / "store"
    store, code = make_store(path, device=False)
    store.close()
    before = snapshot(path)
    assert check_recovery_code(path, code) is True
    wrong = keyslots.format_recovery_code(bytes(16))
    assert check_recovery_code(path, wrong) is False
    with pytest.raises(RecoveryCodeInvalidError):
        check_recovery_code(path, code[:-1] + ("0" if code[-1] != "0" else "1"))
    assert changed(before, snapshot(path)) == []  # nothing written, no failure counted


def test_the_drill_records_its_date_and_is_audited(tmp_path: Path) -> None:
    path = tmp_path / "store"
    store, code = make_store(path, device=False)
    with store:
        assert last_recovery_drill(store) is None
        created = dt.datetime.now(dt.UTC)
        assert not recovery_drill_due(store, created + dt.timedelta(days=100))
        assert recovery_drill_due(store, created + dt.timedelta(days=183))
        with pytest.raises(WrongRecoveryCodeError):
            recovery_drill(store, keyslots.format_recovery_code(bytes(16)))
        when = recovery_drill(store, code)
        assert last_recovery_drill(store) == when
        then = dt.datetime.fromisoformat(when.replace("Z", "+00:00"))
        assert not recovery_drill_due(store, then + dt.timedelta(days=181))
        assert recovery_drill_due(store, then + dt.timedelta(days=182))
        drills = [e.details for e in store.audit.entries() if e.action == "recovery_code.drill"]
    assert drills == [{"result": "wrong"}, {"result": "ok"}]
    assert not (path / "unlock-state.json").exists()


# ---------------------------------------------------------------- keyring and cards


@pytest.mark.usefixtures("keyring_backend")
def test_the_keyring_state_is_read_before_any_kdf(tmp_path: Path, monkeypatch: Any) -> None:
    path = tmp_path / "store"
    store, _ = make_store(path)
    store.close()
    ks = keyslots.read(path)

    def no_kdf(*_a: Any) -> None:
        raise AssertionError("no KDF for the keyring state")

    monkeypatch.setattr(keyslots, "argon2id", no_kdf)
    assert keyring_state(ks) == "ok"
    backend = device_key.resolve_backend()
    assert device_key.delete_device_secret(backend, ks.store_id)
    assert keyring_state(ks) == "missing"
    device_key.save_device_secret(backend, ks.store_id, b"\x05" * 32)
    assert keyring_state(ks) == "mismatch"


@pytest.mark.usefixtures("keyring_backend")
def test_a_card_binds_the_store_to_a_new_keyring(tmp_path: Path, softhsm: SoftHsm) -> None:
    path = tmp_path / "store"
    store, _ = make_store(path)
    with store:
        enrol_token(store, PASS, softhsm.module, PIN_A, slot=softhsm.index("Kort A"), key_id="03")
    ks = keyslots.read(path)
    old_id = ks.slot(keyslots.PASSPHRASE).device_key_id
    assert device_key.delete_device_secret(device_key.resolve_backend(), ks.store_id)
    # the card alone still opens it (it does not use the keyring)
    with unlock_with_token(path, softhsm.module, PIN_A, actor="tester"):
        pass
    with recover_with_token(path, softhsm.module, PIN_A, NEW_PASS, actor="tester") as store:
        entry = [e for e in store.audit.entries() if e.action == "keyring.rebound"][-1]
    assert entry.details["keyring"] == "missing" and entry.details["via"] == "token"
    assert entry.details["old_key_id"] == old_id != entry.details["new_key_id"]
    assert keyring_state(keyslots.read(path)) == "ok"
    with unlock_store(path, NEW_PASS, actor="tester"):
        pass
    assert keyslots.read(path).tokens  # the card slot stays


# ---------------------------------------------------------------- utvag keyslot


@pytest.fixture
def cli_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.setenv("UTVAG_LANG", "en")
    out = {}
    for name, text in {"pass": PASS, "new": NEW_PASS, "pin": PIN_A, "bad": "999999"}.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(text + "\n")
        out[name] = str(path)
    return out


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, Any, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    try:
        return code, json.loads(out), err
    except json.JSONDecodeError:
        return code, out, err


@pytest.mark.usefixtures("keyring_backend")
def test_the_keyslot_commands(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    softhsm: SoftHsm,
    cli_files: dict[str, str],
) -> None:
    store = str(tmp_path / "store")
    f = cli_files
    code, out, err = _run(
        capsys, "init", "--store", store, "--passphrase-file", f["pass"], "--kdf-minimum", "--json"
    )
    assert code == 0, err
    recovery = out["recovery_code"]
    (tmp_path / "code.txt").write_text(recovery + "\n")
    code, out, err = _run(capsys, "keyslot", "tokens", "--module", softhsm.module, "--json")
    assert code == 0 and sorted(t["label"] for t in out["tokens"]) == ["Kort A", "Kort B"]
    slot_a = next(t["slot"] for t in out["tokens"] if t["label"] == "Kort A")
    common = ("--store", store, "--passphrase-file", f["pass"], "--json")
    # two cards and no --slot: a usage error (exit 2), one line
    code, _out, err = _run(
        capsys, "keyslot", "add-token", *common, "--module", softhsm.module, "--pin-file", f["pin"]
    )
    assert code == 2 and err.count("\n") == 1
    code, out, err = _run(
        capsys,
        "keyslot",
        "add-token",
        *common,
        "--module",
        softhsm.module,
        "--slot",
        str(slot_a),
        "--pin-file",
        f["pin"],
    )
    assert code == 0, err
    slot_id = out["slot_id"]
    code, out, err = _run(capsys, "keyslot", "list", *common)
    assert [s["kind"] for s in out["slots"]] == ["passphrase", "recovery", "token"]
    open_args = ("keyslot", "open-with-token", "--store", store, "--module", softhsm.module)
    code, _out, err = _run(capsys, *open_args, "--pin-file", f["bad"])
    assert code == 1 and "PIN" in err and err.count("\n") == 1
    code, out, err = _run(capsys, *open_args, "--pin-file", f["pin"], "--json")
    assert code == 0 and out["opened"], err
    code, out, err = _run(
        capsys, "keyslot", "drill", *common, "--recovery-code-file", str(tmp_path / "code.txt")
    )
    assert code == 0 and out["drill"] == "ok", err
    # a keyring change: the recovery code (or the card) binds the store to this keyring again
    ks = keyslots.read(Path(store))
    assert device_key.delete_device_secret(device_key.resolve_backend(), ks.store_id)
    code, _out, err = _run(capsys, "check", *common)
    assert code == 1 and "keyring" in err and "not wrong" in err
    code, out, err = _run(
        capsys,
        "keyslot",
        "bind-keyring",
        "--store",
        store,
        "--module",
        softhsm.module,
        "--pin-file",
        f["pin"],
        "--new-passphrase-file",
        f["pass"],
        "--json",
    )
    assert code == 0 and out["bound"], err
    code, out, err = _run(capsys, "keyslot", "remove-token", *common, slot_id)
    assert code == 0 and out["removed"] == slot_id, err
    code, _out, err = _run(capsys, *open_args, "--pin-file", f["pin"])
    assert code == 1 and "No card has been added" in err
