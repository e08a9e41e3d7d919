"""Files written outside the store (storage/vault/outputs.py): the unlock after a kill
removes what never committed and places what did — and nothing else.

Each state is the one a kill leaves at that step (the process stops; the rows and files
stay as they are); tests/reliability/test_fault_injection.py kills real commands there.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from storage.vault.opening import unlock_store
from storage.vault.outputs import (
    begin_output,
    mark_ready,
    pending_count,
    write_output,
)
from storage.vault.store import Store
from tests.case_fixtures import PASS, store_template
from tests.case_fixtures import store as store

__all__ = ["store", "store_template"]
MARKER = os.urandom(24).hex().encode()  # random: never in a file by chance


def _reopen(store: Store) -> Store:
    path = store.path
    store.close()
    return unlock_store(path, PASS, actor="t")


def _ready(store: Store, target: Path, data: bytes, *, overwrite: bool = True) -> Path:
    """Committed, its temp file written and fsynced, then killed before the rename."""
    output = begin_output(store, target, "test", overwrite=overwrite)
    output.temp.write_bytes(data)
    with store.transaction():
        mark_ready(store, output, hashlib.sha256(data).hexdigest(), len(data))
    return output.temp


def test_the_unlock_removes_writes_that_never_committed(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    half = begin_output(store, out / "a.utvag", "test")
    half.temp.write_bytes(MARKER[:10])  # killed while writing
    scratch = begin_output(store, None, "scratch", folder=True, beside=out / "b.bak")
    (scratch.temp / "copy.db").write_bytes(MARKER)
    assert oct(half.temp.stat().st_mode & 0o777) == "0o600"
    assert oct(scratch.temp.stat().st_mode & 0o777) == "0o700"
    assert half.temp.name.startswith(".a.utvag.") and half.temp.name.endswith(".tmp")
    store = _reopen(store)
    try:
        assert sorted(p.name for p in out.iterdir()) == []
        assert pending_count(store) == 0
        assert not [e for e in store.audit.entries() if e.action.startswith("output.")]
    finally:
        store.close()


def test_the_unlock_places_committed_writes(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    _ready(store, out / "placed.utvag", MARKER)
    _ready(store, out / "lost.utvag", MARKER + b"2").unlink()  # temp removed by someone
    (out / "taken.bak").write_bytes(b"the caseworker's own file")
    _ready(store, out / "taken.bak", MARKER + b"3", overwrite=False)
    damaged = _ready(store, out / "damaged.utvag", MARKER + b"4")
    damaged.write_bytes(MARKER + b"5")  # not the committed bytes
    store = _reopen(store)
    try:
        assert (out / "placed.utvag").read_bytes() == MARKER
        assert (out / "taken.bak").read_bytes() == b"the caseworker's own file"
        assert sorted(p.name for p in out.iterdir()) == ["placed.utvag", "taken.bak"]
        entries = [e for e in store.audit.entries() if e.action.startswith("output.")]
        assert [e.action for e in entries] == [
            "output.completed",
            "output.not_placed",
            "output.not_placed",
            "output.not_placed",
        ]
        assert entries[0].details == {
            "file_kind": "test",
            "sha256": hashlib.sha256(MARKER).hexdigest(),
            "bytes": len(MARKER),
        }
        assert pending_count(store) == 0 and store.check().ok
    finally:
        store.close()


def test_a_folder_out_of_reach_keeps_its_row_until_it_is_back(store: Store, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    _ready(store, stick / "k.utvag", MARKER)
    stick.rename(tmp_path / "unplugged")
    store = _reopen(store)
    assert pending_count(store) == 1  # not there now: tried again later
    (tmp_path / "unplugged").rename(stick)
    store = _reopen(store)
    try:
        assert (stick / "k.utvag").read_bytes() == MARKER and pending_count(store) == 0
    finally:
        store.close()


def test_a_small_file_is_written_through_the_registry(store: Store, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "card.utvagkort"
    target.write_bytes(b"old")
    digest = write_output(store, target, MARKER, "card")
    assert target.read_bytes() == MARKER and digest == hashlib.sha256(MARKER).hexdigest()
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    assert pending_count(store) == 0 and [p.name for p in target.parent.iterdir()] == [target.name]
