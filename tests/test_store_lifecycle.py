"""Create, unlock, lock; what lies on disk; passphrase change, recovery, rekey (real keyring)."""

from __future__ import annotations

import base64
import os
import stat
from pathlib import Path
from typing import Any

import pytest

from storage.vault import (
    db,
    device_key,
    keyslots,
)
from storage.vault.crypto import KdfParams
from storage.vault.errors import (
    StoreLockedError,
    WrongPassphraseError,
    WrongRecoveryCodeError,
)
from storage.vault.opening import (
    recover_store,
    store_info,
    unlock_store,
)
from tests.test_store_support import NEW_PASS, PASS, keys, make_store

pytestmark = pytest.mark.usefixtures("keyring_backend")
SQLITE_HEADER = b"SQLite format 3\x00"
PAGE = 4096


def _pages(path: Path) -> list[bytes]:
    raw = (path / db.FILE_NAME).read_bytes()
    return [raw[i : i + PAGE] for i in range(0, len(raw), PAGE)]


def _fill(store: Any, rows: int = 400) -> None:
    with store.transaction() as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v TEXT)")
        conn.executemany("INSERT INTO t (v) VALUES (?)", [(f"row {i} " * 20,) for i in range(rows)])


def test_create_unlock_close(store_dir: Path) -> None:
    store, code = make_store(store_dir)
    assert len(code) == 34 and store.schema_version >= 1
    info = store_info(store_dir)
    assert info.exists and info.device_key is True and info.store_id == store.store_id
    assert info.kdf == KdfParams.minimum() and info.failed_attempts == 0
    store.close()
    store.close()  # idempotent
    with pytest.raises(StoreLockedError):
        with store.transaction():
            pass
    with unlock_store(store_dir, PASS, actor="anna") as again:
        actions = [(e.action, e.actor) for e in again.audit.entries()]
        assert actions == [("create", "tester"), ("lock", "tester"), ("unlock", "anna")]
    assert store_info(store_dir / "nope").exists is False


def test_layout_and_modes(store_dir: Path) -> None:
    with make_store(store_dir)[0] as store:
        settings = db.settings(store.conn)
        assert db.cipher_version(store.conn).startswith("4.")
    assert settings["journal_mode"] == "wal" and settings["foreign_keys"] == 1
    assert settings["secure_delete"] == 1 and settings["temp_store"] == 2
    assert settings["synchronous"] == 2 and str(settings["cipher_memory_security"]) == "0"
    names = {p.name for p in store_dir.iterdir()}
    assert names == {"store.db", "keyslots.json", "store.lock"}
    assert stat.S_IMODE(store_dir.stat().st_mode) == 0o700
    for p in store_dir.iterdir():
        assert stat.S_IMODE(p.stat().st_mode) == 0o600, p.name


def test_transactions_nest_with_savepoints(store_dir: Path) -> None:
    with make_store(store_dir, device=False)[0] as store:
        with store.transaction() as conn:
            conn.execute("CREATE TABLE t (v TEXT)")
        with store.transaction() as conn:
            conn.execute("INSERT INTO t VALUES ('outer')")
            with pytest.raises(RuntimeError), store.transaction() as inner:
                inner.execute("INSERT INTO t VALUES ('inner')")
                raise RuntimeError("roll back the savepoint only")
            seq = store.audit.append("note", "t", {"n": 1})  # joins the open transaction
        assert [r[0] for r in store.conn.execute("SELECT v FROM t")] == ["outer"]
        assert store.audit.entries(action="note")[0].seq == seq
        with pytest.raises(RuntimeError), store.transaction() as conn:
            conn.execute("INSERT INTO t VALUES ('gone')")
            store.audit.append("note2")
            raise RuntimeError("roll back everything")
        assert store.audit.entries(action="note2") == []
        assert [r[0] for r in store.conn.execute("SELECT v FROM t")] == ["outer"]


def test_no_plaintext_on_disk(store_dir: Path) -> None:
    markers = [f"UTVAG-MARKER-{i}-ÅÄÖ-personnummer" for i in range(50)]
    store, _ = make_store(store_dir)
    with store.transaction() as conn:
        conn.execute("CREATE TABLE secret_things (v TEXT)")
        conn.executemany("INSERT INTO secret_things VALUES (?)", [(m,) for m in markers])
    wal = store_dir / "store.db-wal"
    assert wal.exists() and wal.stat().st_size > 0  # the markers sit in the WAL right now
    files = [store_dir / "store.db", wal]
    needles = [m.encode() for m in markers] + [b"secret_things", b"CREATE TABLE", b"audit_log"]
    needles += [m.encode("utf-16-le") for m in markers[:3]]
    for f in files:
        raw = f.read_bytes()
        assert not raw.startswith(SQLITE_HEADER)
        assert [n for n in needles if n in raw] == [], f.name
    store.close()
    raw = (store_dir / "store.db").read_bytes()
    assert not raw.startswith(SQLITE_HEADER)
    assert [n for n in needles if n in raw] == []
    assert not any(p.name.startswith("etilqs") for p in store_dir.iterdir())  # no temp files


def test_key_slot_file_holds_no_secret(store_dir: Path) -> None:
    store, code = make_store(store_dir)
    store.close()
    kek, dk, secret = keys(store_dir)
    assert secret is not None
    raw = (store_dir / "keyslots.json").read_bytes()
    code_bytes = keyslots.parse_recovery_code(code)
    for key in (bytes(kek), bytes(dk), secret, code_bytes):
        for form in (key, key.hex().encode(), key.hex().upper().encode(), base64.b64encode(key)):
            assert form not in raw
        assert base64.b64encode(key)[:16] not in raw
    assert code.encode() not in raw and code.replace("-", "").encode() not in raw
    assert PASS.encode() not in raw


def test_change_passphrase_rewraps_without_re_encrypting(store_dir: Path) -> None:
    store, _ = make_store(store_dir)
    _fill(store)
    store.close()
    before_pages, before_dk = _pages(store_dir), keys(store_dir)[1]
    with unlock_store(store_dir, PASS, actor="anna") as store:
        with pytest.raises(WrongPassphraseError):
            store.change_passphrase("not the passphrase", NEW_PASS)
        store.change_passphrase(PASS, NEW_PASS)
        assert store.audit.entries(action="passphrase_change")
    after = _pages(store_dir)
    same = sum(1 for a, b in zip(before_pages, after, strict=False) if a == b)
    assert len(before_pages) - same <= 8  # only the pages the audit entries touched
    assert keys(store_dir, NEW_PASS)[1] == before_dk  # the same data key
    with pytest.raises(WrongPassphraseError):
        unlock_store(store_dir, PASS, actor="anna")
    unlock_store(store_dir, NEW_PASS, actor="anna").close()


def test_recover_on_a_fresh_keyring_entry(store_dir: Path) -> None:
    store, code = make_store(store_dir)
    _fill(store, 10)
    store_id = store.store_id
    store.close()
    backend = device_key.resolve_backend()
    old_secret = device_key.load_device_secret(backend, store_id)
    assert device_key.delete_device_secret(backend, store_id)
    with pytest.raises(WrongRecoveryCodeError):
        other, _ = keyslots.generate_recovery_code()
        recover_store(store_dir, other, NEW_PASS, actor="bo")
    with recover_store(store_dir, code.lower(), NEW_PASS, actor="bo") as store:
        assert store.conn.execute("SELECT count(*) FROM t").fetchone()[0] == 10
        # the keyring had lost the device secret: the recovery binds the store to it again
        assert [e.action for e in store.audit.entries()][-3:] == [
            "keyring.rebound",
            "unlock_failed",
            "unlock",
        ]
    new_secret = device_key.load_device_secret(backend, store_id)
    assert new_secret != old_secret
    with pytest.raises(WrongPassphraseError):
        unlock_store(store_dir, PASS, actor="bo")
    with unlock_store(store_dir, NEW_PASS, actor="bo") as store:
        assert store.audit.verify().ok


def test_rekey_re_encrypts_keeps_data_and_renews_the_recovery_code(store_dir: Path) -> None:
    store, old_code = make_store(store_dir)
    _fill(store)
    store.close()
    before_pages, (old_kek, old_dk, _) = _pages(store_dir), keys(store_dir)
    with unlock_store(store_dir, PASS, actor="anna") as store:
        with pytest.raises(WrongPassphraseError):
            store.rekey("not the passphrase")
        new_code = store.rekey(PASS)
        assert store.conn.execute("SELECT count(*) FROM t").fetchone()[0] == 400
    after = _pages(store_dir)
    assert sum(1 for a, b in zip(before_pages, after, strict=False) if a == b) == 0
    new_kek, new_dk, _ = keys(store_dir)
    assert new_dk != old_dk and new_kek != old_kek and new_code != old_code
    assert (
        not (store_dir / "store.db-wal").exists()
        or (store_dir / "store.db-wal").stat().st_size == 0
    )
    with pytest.raises(db.WrongDataKey):
        db.open_database(store_dir / db.FILE_NAME, old_dk)
    with pytest.raises(WrongRecoveryCodeError):
        recover_store(store_dir, old_code, NEW_PASS, actor="anna")
    with recover_store(store_dir, new_code, NEW_PASS, actor="anna") as store:
        assert store.conn.execute("SELECT count(*) FROM t").fetchone()[0] == 400
        assert store.check().ok


@pytest.mark.parametrize("stop_after", ["begin", "reencrypt"])
def test_rekey_interrupted_between_steps_still_opens(store_dir: Path, stop_after: str) -> None:
    store, code = make_store(store_dir)
    _fill(store, 50)
    _, old_dk, _ = keys(store_dir)
    state = store._rekey_begin(PASS)
    assert keyslots.read(store_dir).pending is not None
    if stop_after == "reencrypt":
        store._rekey_reencrypt(state)
    state.wipe()
    store.close()  # "crash": the third step never ran
    with unlock_store(store_dir, PASS, actor="anna") as store:
        assert store.conn.execute("SELECT count(*) FROM t").fetchone()[0] == 50
        expected = "rekey_completed" if stop_after == "reencrypt" else "rekey_abandoned"
        assert store.audit.entries(action=expected)
    ks = keyslots.read(store_dir)
    assert ks.pending is None
    assert (keys(store_dir)[1] != old_dk) is (stop_after == "reencrypt")
    # the recovery code the user holds still works after either interruption
    recover_store(store_dir, code, NEW_PASS, actor="anna").close()


def test_no_device_key_store_is_passphrase_only(store_dir: Path) -> None:
    store, _ = make_store(store_dir, device=False)
    store.close()
    info = store_info(store_dir)
    assert info.device_key is False
    slot = keyslots.read(store_dir).slot("passphrase")
    assert slot.device_key is False and slot.device_key_id is None
    unlock_store(store_dir, PASS, actor="x").close()


def test_check_reports_loose_permissions(store_dir: Path) -> None:
    with make_store(store_dir, device=False)[0] as store:
        assert store.check().ok
        os.chmod(store_dir / "keyslots.json", 0o644)
        report = store.check()
        assert not report.ok and any("keyslots.json" in p for p in report.problems)


def test_a_full_disk_is_a_typed_error_and_rolls_back(store_dir: Path) -> None:
    from storage.errors import DiskFullError

    with make_store(store_dir, device=False)[0] as store:
        _fill(store, 10)
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # SQLite reports SQLITE_FULL
        with pytest.raises(DiskFullError) as exc, store.transaction() as conn:
            conn.executemany("INSERT INTO t (v) VALUES (?)", [("x" * 500,)] * 200)
        assert "disk is full" in str(exc.value)
        assert store.conn.execute("SELECT count(*) FROM t").fetchone()[0] == 10
        store.conn.execute("PRAGMA max_page_count = 1073741823")
