"""Team sync under crashes and a full disk (docs/sync.md, docs/reliability.md).

- SIGKILL during the import of a change bundle, at seeded points (every 50 SQLite VM steps
  counted): the store opens, passes ``check()``, holds all of the bundle's operations or none
  of them (never half a merge), and a bundle that was not recorded imports again.
- A full disk (``RLIMIT_FSIZE``, EFBIG) while a change bundle is written: a typed refusal,
  no file and no temp file on the sync folder, nothing recorded as sent, and the next write
  carries the same operations.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from storage.casefile import documents, journal
from storage.vault.crypto import KdfParams
from storage.vault.opening import create_store, unlock_store
from storage.vault.store import Store
from sync.bundle.errors import ReplayedBundleError
from sync.team import members
from sync.team.bundles import import_changes, write_changes
from sync.trust import contacts, identity
from tests.reliability import support
from tests.reliability.team_worker import PASS
from tests.team_support import team_case

ROOT = Path(__file__).resolve().parents[2]
KILLS = support.budget(4, 24)


def _store(path: Path, name: str) -> Store:
    store, _ = create_store(path, PASS, actor=name, use_device_key=False, kdf=KdfParams.minimum())
    identity.ensure_identity(store, "Malmö", "Exit Malmö (fiktiv)", name)
    return store


def _pair(root: Path) -> tuple[Store, Store, int, int]:
    a, b = _store(root / "a", "Anna Andersson"), _store(root / "b", "Bertil Berg")
    b_at_a = contacts.import_card(a, identity.export_card(b))
    contacts.verify_contact(a, b_at_a, identity.get_identity(b).fingerprint)
    a_at_b = contacts.import_card(b, identity.export_card(a))
    contacts.verify_contact(b, a_at_b, identity.get_identity(a).fingerprint)
    return a, b, b_at_a, a_at_b


def _worker(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tests.reliability.team_worker", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _ops(store: Store) -> int:
    return int(store.conn.execute("SELECT count(*) FROM team_ops").fetchone()[0])


def _entries(store: Store) -> int:
    return int(store.conn.execute("SELECT count(*) FROM journal_entries").fetchone()[0])


def test_sigkill_during_a_sync_import(tmp_path: Path) -> None:
    a, b, b_at_a, _ = _pair(tmp_path)
    case_id = team_case(a)
    members.share_case(a, case_id, b_at_a, "co")
    first = write_changes(a, b_at_a, tmp_path)
    assert first is not None
    import_changes(b, first.path)
    for i in range(120):
        journal.add_journal_entry(a, case_id, f"Anteckning {i} (fiktiv)")
    bundle = write_changes(a, b_at_a, tmp_path)
    assert bundle is not None
    sent = 120  # new to B (the bundle also repeats the share's operations, not yet acknowledged)
    assert bundle.operations >= sent
    a.close()
    before = _ops(b)
    entries_before = _entries(b)
    b.close()
    rng = random.Random(support.seed_for("team-kill"))
    outcomes = []
    for _ in range(KILLS):
        after = rng.randint(1, 400)
        run = _worker("import", str(tmp_path / "b"), str(bundle.path), str(after))
        store = unlock_store(tmp_path / "b", PASS, actor="check")
        try:
            store.check()
            count = _ops(store)
            assert count in (before, before + sent), (after, count)  # all or nothing
            assert _entries(store) == entries_before + (0 if count == before else 120)
            outcomes.append("imported" if count == before + sent else "nothing")
            if count == before + sent:
                assert run.returncode in (0, -9)
                break
        finally:
            store.close()
        assert run.returncode == -9, run.stderr[-2000:]
    store = unlock_store(tmp_path / "b", PASS, actor="check")
    try:
        if _ops(store) == before:  # importable again after every kill
            import_changes(store, bundle.path)
        assert _ops(store) == before + sent
        with pytest.raises(ReplayedBundleError):
            import_changes(store, bundle.path)
        store.check()
    finally:
        store.close()
    support.record("team_sigkill_import", kills=len(outcomes), outcomes=outcomes)


def test_full_disk_while_writing_a_change_bundle(tmp_path: Path) -> None:
    a, b, b_at_a, _ = _pair(tmp_path)
    b.close()
    case_id = team_case(a)
    members.share_case(a, case_id, b_at_a, "co")
    big = bytes(random.Random(7).getrandbits(8) for _ in range(3 * 1024 * 1024))
    documents.add_document(a, case_id, title="Plan (fiktiv)", filename="plan.bin", content=big)
    sent_before = a.conn.execute("SELECT count(*) FROM team_sent").fetchone()[0]
    sealed_before = a.conn.execute("SELECT count(*) FROM sync_sealed_bundles").fetchone()[0]
    a.close()
    folder = tmp_path / "delad"
    folder.mkdir()
    # the WAL (where the store writes) stays far below the limit; the 3 MiB bundle cannot
    limit = 1024 * 1024
    run = _worker("write", str(tmp_path / "a"), str(b_at_a), str(folder), str(limit))
    assert run.returncode == 0, run.stderr[-2000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result == {"result": "refused", "code": "disk_full"}
    assert list(folder.iterdir()) == []  # no bundle, no temp file
    store = unlock_store(tmp_path / "a", PASS, actor="check")
    try:
        store.check()
        assert store.conn.execute("SELECT count(*) FROM team_sent").fetchone()[0] == sent_before
        sealed = store.conn.execute("SELECT count(*) FROM sync_sealed_bundles").fetchone()[0]
        assert sealed == sealed_before
        again = write_changes(store, b_at_a, folder)  # the disk has room again
        assert again is not None and again.operations > 0
        assert [p.name for p in folder.iterdir()] == [again.path.name]
    finally:
        store.close()
