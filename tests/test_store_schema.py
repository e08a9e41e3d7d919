"""Schema versions: migrate from 0, upgrade the saved v001 fixture, refuse a newer schema.

The v001 fixture was made by ``python -m tests.test_store_schema`` (commit 8e0fc83); it
refuses to run while the fixture exists, because a saved fixture is never regenerated
(tests/fixtures/README.md).
"""

from __future__ import annotations

import contextlib
import json
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storage.schema import (
    LATEST,
    SchemaTooNewError,
    current_version,
    migrate,
)
from storage.vault import (
    db,
    keyslots,
)
from storage.vault.audit import (
    AuditLog,
    utc_now,
)
from storage.vault.crypto import (
    KdfParams,
    random_key,
)
from storage.vault.keyslots import KeySlotFile
from storage.vault.opening import (
    recover_store,
    unlock_store,
)
from tests.test_store_support import PASS, ROOT, changed, keys, make_store, open_raw, snapshot

FIXTURES = ROOT / "tests" / "fixtures"
V001 = FIXTURES / "store-v001"
V001_INFO = FIXTURES / "store-v001.json"


def test_migrate_from_zero(tmp_path: Path) -> None:
    db.create_database_file(tmp_path / "x.db")
    conn = db.open_database(tmp_path / "x.db", random_key())
    assert current_version(conn) == 0
    assert migrate(conn) == list(range(1, LATEST + 1))
    assert current_version(conn) == LATEST and migrate(conn) == []
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert {"meta", "audit_log", "audit_log_no_update", "audit_log_no_delete"} <= names
    conn.close()


def test_v001_fixture_is_upgraded(tmp_path: Path) -> None:
    info = json.loads(V001_INFO.read_text())
    path = tmp_path / "store"
    shutil.copytree(V001, path)
    for p in (path, *path.iterdir()):  # as a git checkout leaves it: 0755 / 0644
        p.chmod(0o755 if p.is_dir() else 0o644)
    conn = open_raw(path, keys(path, info["passphrase"])[1])
    assert current_version(conn) == 1
    conn.close()
    with unlock_store(path, info["passphrase"], actor="upgrader") as store:
        assert store.schema_version == LATEST
        assert store.conn.execute("SELECT v FROM marker").fetchone()[0] == info["marker"]
        entries = store.audit.entries()
        assert entries[0].action == "create" and entries[0].actor == "fixture"
        assert store.check().ok  # unlocking tightened the modes again
    recover_store(path, info["recovery_code"], "a brand new passphrase", actor="r").close()


def test_a_newer_schema_is_refused(store_dir: Path) -> None:
    make_store(store_dir, device=False)[0].close()
    conn = open_raw(store_dir, keys(store_dir)[1])
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    before = snapshot(store_dir)
    for _ in range(2):  # the second try is not "in use": the lock was released
        with pytest.raises(SchemaTooNewError) as exc:
            unlock_store(store_dir, PASS, actor="x")
        assert "newer version of Utväg" in str(exc.value)
    assert changed(before, snapshot(store_dir)) == []


# ---------------------------------------------------------------- fixture generator


def make_v001_fixture(path: Path, passphrase: str, marker: str) -> str:
    """A passphrase-only store at schema 1, closed cleanly; returns its recovery code."""
    store_id = str(uuid.uuid4())
    kek, dk = random_key(), random_key()
    code, code_bytes = keyslots.generate_recovery_code()
    floor = KdfParams.minimum()
    slots = (
        keyslots.make_slot(store_id, keyslots.PASSPHRASE, kek, passphrase, floor),
        keyslots.make_slot(store_id, keyslots.RECOVERY, kek, code_bytes, floor),
    )
    wrapped = keyslots.wrap_data_key(store_id, kek, dk)
    path.mkdir(parents=True, mode=0o700)
    db.create_database_file(path / db.FILE_NAME)
    conn = db.open_database(path / db.FILE_NAME, dk)
    migrate(conn, target=1)

    @contextlib.contextmanager
    def transaction() -> Iterator[Any]:
        if conn.in_transaction:  # nested: join the open transaction
            yield conn
            return
        conn.execute("BEGIN IMMEDIATE")
        yield conn
        conn.execute("COMMIT")

    created = utc_now()
    with transaction():
        conn.execute("INSERT INTO meta VALUES ('store_id', ?), ('created', ?)", (store_id, created))
        conn.execute("CREATE TABLE marker (v TEXT)")
        conn.execute("INSERT INTO marker VALUES (?)", (marker,))
        AuditLog(conn, store_id, "fixture", transaction).append("create", details={"schema": 1})
    conn.close()
    keyslots.write(path, KeySlotFile(store_id, created, slots, wrapped, None))
    return code


if __name__ == "__main__":
    if V001.exists() or V001_INFO.exists():
        raise SystemExit(f"refusing to overwrite {V001}: a saved fixture is never regenerated")
    info = {"passphrase": "fixture passphrase v001", "marker": "fixture marker v001"}
    info["recovery_code"] = make_v001_fixture(V001, info["passphrase"], info["marker"])
    V001_INFO.write_text(json.dumps(info, indent=2) + "\n")
    print(f"wrote {V001}")
