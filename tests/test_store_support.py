"""Helpers shared by the store tests (snapshots, stores, the data key, subprocesses)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from storage.vault import (
    db,
    device_key,
    keyslots,
)
from storage.vault.crypto import KdfParams
from storage.vault.opening import create_store
from storage.vault.store import Store

ROOT = Path(__file__).resolve().parent.parent
PASS = "correct horse battery staple"
NEW_PASS = "a different passphrase 2"

Snapshot = dict[str, tuple[bytes, int, int]]


def snapshot(root: Path) -> Snapshot:
    """Every file under ``root`` (relative path -> bytes, mtime_ns, mode); dirs as entries."""
    out: Snapshot = {}
    if not root.exists():
        return out
    for path in sorted(root.rglob("*")):
        st = path.stat()
        rel = str(path.relative_to(root))
        data = path.read_bytes() if path.is_file() else b"<dir>"
        out[rel] = (data, st.st_mtime_ns, st.st_mode)
    return out


def changed(before: Snapshot, after: Snapshot) -> list[str]:
    names = set(before) | set(after)
    return sorted(n for n in names if before.get(n) != after.get(n))


def make_store(
    path: Path, *, device: bool = True, passphrase: str = PASS, actor: str = "tester"
) -> tuple[Store, str]:
    return create_store(
        path, passphrase, actor=actor, use_device_key=device, kdf=KdfParams.minimum()
    )


def keys(path: Path, passphrase: str = PASS) -> tuple[bytearray, bytearray, bytes | None]:
    """(KEK, current data key, device secret) the way an attacker who knows all would get them."""
    ks = keyslots.read(path)
    slot = ks.slot(keyslots.PASSPHRASE)
    secret = None
    if slot.device_key:
        secret = device_key.load_device_secret(device_key.resolve_backend(), ks.store_id)
    kek = keyslots.open_slot(ks.store_id, slot, passphrase, device_secret=secret)
    return kek, keyslots.unwrap_data_key(ks.store_id, kek, ks.current), secret


def open_raw(path: Path, data_key: bytes | bytearray) -> Any:
    """A second, raw connection to the database with the data key (the test plays attacker)."""
    return db.open_database(path / db.FILE_NAME, data_key)


def run_python(code: str, *, timeout: float = 120, **kw: Any) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        **kw,
    )


def test_snapshot_sees_bytes_and_mtime(tmp_path: Path) -> None:
    f = tmp_path / "a"
    f.write_bytes(b"1")
    before = snapshot(tmp_path)
    assert changed(before, snapshot(tmp_path)) == []
    os.utime(f, ns=(1, 1))
    assert changed(before, snapshot(tmp_path)) == ["a"]
    (tmp_path / "b").write_bytes(b"")
    assert changed(before, snapshot(tmp_path)) == ["a", "b"]
