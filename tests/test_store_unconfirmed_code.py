"""A recovery code kept inside the store until it is confirmed (storage/vault/unconfirmed_code.py):
kept in the transaction that creates the store or renews the code, so a kill at any point
after that leaves it to be shown again; bound to the recovery slot it opens, so a stale one
is never shown; wiped on confirmation; every step audited; never on disk in the clear."""

from __future__ import annotations

import json
import signal
from pathlib import Path

import pytest

from storage.vault import keyslots
from storage.vault.crypto import KdfParams
from storage.vault.errors import WrongRecoveryCodeError
from storage.vault.opening import (
    create_store,
    recover_store,
    store_info,
    unlock_store,
)
from storage.vault.store import Store
from storage.vault.unconfirmed_code import (
    META_KEY,
    confirm_recovery_code,
    has_unconfirmed_recovery_code,
    unconfirmed_recovery_code,
)
from tests.test_store_support import NEW_PASS, PASS, make_store, run_python

pytestmark = pytest.mark.usefixtures("keyring_backend")


def _create_kept(path: Path) -> tuple[Store, str]:
    return create_store(path, PASS, actor="t", kdf=KdfParams.minimum(), keep_code_unconfirmed=True)


def _on_disk(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(path.iterdir()) if p.is_file())


def test_kept_shown_and_wiped_on_confirmation(store_dir: Path) -> None:
    store, code = _create_kept(store_dir)
    with store:
        assert store.audit.entries()[0].details["recovery_code"] == "kept_until_confirmed"
        assert unconfirmed_recovery_code(store) == code
        assert unconfirmed_recovery_code(store) == code
        for text in (code, code.replace("-", "")):  # only ever encrypted
            assert text.encode() not in _on_disk(store_dir)
        confirm_recovery_code(store)
        assert unconfirmed_recovery_code(store) is None
        assert not has_unconfirmed_recovery_code(store)
        confirm_recovery_code(store)  # nothing kept: nothing happens, nothing audited
        entries = store.audit.entries()
        actions = [e.action for e in entries]
        for text in (code, code.replace("-", "")):  # the log names no secret
            assert not any(text in json.dumps(e.details) for e in entries)
        wal = store_dir / "store.db-wal"
        assert not wal.exists() or wal.stat().st_size == 0  # checkpointed and truncated
    assert actions.count("recovery_code.shown") == 2
    assert actions.count("recovery_code.confirmed") == 1
    recover_store(store_dir, code, NEW_PASS, actor="t").close()


def test_the_command_line_keeps_nothing(store_dir: Path) -> None:
    store, _code = make_store(store_dir)
    with store:
        assert not has_unconfirmed_recovery_code(store)
        assert unconfirmed_recovery_code(store) is None
        assert "recovery_code" not in store.audit.entries()[0].details


def test_a_kill_right_after_creation_leaves_the_code_to_show_again(store_dir: Path) -> None:
    """SIGKILL before anyone confirmed (the wizard's window was still showing the code)."""
    script = f"""
import os, signal, sys
from pathlib import Path
from storage.vault.crypto import KdfParams
from storage.vault.opening import create_store
store, code = create_store(Path({str(store_dir)!r}), {PASS!r}, actor="t",
                           use_device_key=False, kdf=KdfParams.minimum(),
                           keep_code_unconfirmed=True)
sys.stdout.write(code)
sys.stdout.flush()
os.kill(os.getpid(), signal.SIGKILL)
"""
    proc = run_python(script)
    assert proc.returncode == -signal.SIGKILL
    code = proc.stdout.strip()
    assert store_info(store_dir).exists
    with unlock_store(store_dir, PASS, actor="t") as store:
        assert unconfirmed_recovery_code(store) == code
    recover_store(store_dir, code, NEW_PASS, actor="t").close()


def test_a_renewed_code_is_kept_and_replaces_the_old_one(store_dir: Path) -> None:
    store, first = _create_kept(store_dir)
    with store:
        second = store.rekey(PASS, keep_code_unconfirmed=True)
        assert unconfirmed_recovery_code(store) == second != first
        rekey = store.audit.entries(action="rekey")[-1]
        assert rekey.details["kept_until_confirmed"] is True
    with pytest.raises(WrongRecoveryCodeError):
        recover_store(store_dir, first, NEW_PASS, actor="t")


def test_a_rekey_on_the_command_line_drops_a_kept_code(store_dir: Path) -> None:
    store, _first = _create_kept(store_dir)
    with store:
        printed = store.rekey(PASS)
        assert not has_unconfirmed_recovery_code(store)
    recover_store(store_dir, printed, NEW_PASS, actor="t").close()


def test_a_code_whose_slot_was_never_written_is_dropped_not_shown(
    store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rekey's last key-slot write dies after its transaction committed (the new code is
    kept, bound to a recovery slot that never reached the file): the old code still opens
    the store, and the new one is dropped at the next look, never shown."""
    store, old_code = make_store(store_dir)
    store.close()
    writes: list[int] = []
    real_write = keyslots.write

    def dying_write(path: Path, ks: keyslots.KeySlotFile) -> None:
        writes.append(1)
        if len(writes) == 2:  # step 1 writes `pending`; step 3 is the one that dies
            raise OSError("killed")
        real_write(path, ks)

    with unlock_store(store_dir, PASS, actor="t") as store:
        monkeypatch.setattr(keyslots, "write", dying_write)
        with pytest.raises(OSError):
            store.rekey(PASS, keep_code_unconfirmed=True)
        monkeypatch.setattr(keyslots, "write", real_write)
        assert has_unconfirmed_recovery_code(store)
    with unlock_store(store_dir, PASS, actor="t") as store:
        assert unconfirmed_recovery_code(store) is None
        assert not has_unconfirmed_recovery_code(store)
        dropped = store.audit.entries(action="recovery_code.dropped")
        assert [e.details for e in dropped] == [{"reason": "replaced"}]
        assert (
            store.conn.execute("SELECT 1 FROM meta WHERE key = ?", (META_KEY,)).fetchone() is None
        )
    recover_store(store_dir, old_code, NEW_PASS, actor="t").close()
