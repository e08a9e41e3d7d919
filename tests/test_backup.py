"""Encrypted backup: create while writing, verify (structural and deep), restore with the
recovery code (also on a fresh keyring), refusals that change nothing, the reminder, CLI."""

from __future__ import annotations

import io
import json
import secrets
import sqlite3
import tarfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from desktop import i18n
from storage.backup import backups as backup
from storage.backup.archive import (
    BackupDamagedError,
    BackupTamperedError,
    BackupVersionError,
)
from storage.backup.restore import (
    KeyringEntryExistsError,
    restore_backup,
)
from storage.casefile import (
    documents,
    journal,
)
from storage.records.errors import NumberRangeError
from storage.schema import LATEST
from storage.vault import device_key
from storage.vault.crypto import KdfParams
from storage.vault.errors import (
    PassphraseTooShortError,
    StoreExistsError,
    StoreFolderNotEmptyError,
    WrongPassphraseError,
    WrongRecoveryCodeError,
)
from storage.vault.keyslots import RecoveryCodeInvalidError
from storage.vault.lock import StoreInUseError
from storage.vault.opening import (
    create_store,
    unlock_store,
)
from storage.vault.store import Store
from tests.case_fixtures import PASS, audit_actions, new_case, store_template
from tests.test_stats import run
from tests.test_store_support import changed, snapshot

__all__ = ["store_template"]

NEW = "a brand new passphrase"
#: A name that occurs nowhere by chance: 16 random bytes (32 hex digits) after a word.
MARKER = "Hemlig " + secrets.token_hex(16)


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("UTVAG_LANG", "en")
    app = QCoreApplication.instance()
    if app is None:
        yield
        return
    # A GUI test earlier in this process left the Swedish catalogue installed on the app,
    # which error messages go through while an app exists: English for these tests.
    previous = i18n.current_language()
    i18n.install_translators(app, "en")
    yield
    i18n.install_translators(app, previous)


@pytest.fixture
def made(tmp_path: Path) -> tuple[Store, str]:
    """A fresh store (no device key) with one case, and its recovery code."""
    store, code = create_store(
        tmp_path / "store",
        PASS,
        actor="Backup Tester",
        use_device_key=False,
        kdf=KdfParams.minimum(),
    )
    new_case(store, name=MARKER)
    return store, code


def _members(path: Path) -> dict[str, bytes]:
    with tarfile.open(path) as tar:
        return {m.name: tar.extractfile(m).read() for m in tar.getmembers()}  # type: ignore[union-attr]


def _write_tar(path: Path, members: dict[str, bytes]) -> None:
    with tarfile.open(path, "w", format=tarfile.PAX_FORMAT) as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))


def _rehash(members: dict[str, bytes], **manifest_changes: object) -> dict[str, bytes]:
    """Manifest hashes that fit the members (what an attacker without the key can do)."""
    import hashlib

    doc = json.loads(members["manifest.json"])
    for m in doc["members"]:
        data = members[m["name"]]
        m["size"], m["sha256"] = len(data), hashlib.sha256(data).hexdigest()
    doc.update(manifest_changes)
    return {**members, "manifest.json": json.dumps(doc).encode()}


# ---------------------------------------------------------------- create


def test_create_writes_one_private_encrypted_file(made: tuple[Store, str], tmp_path: Path) -> None:
    store, _ = made
    out_dir = tmp_path / "usb"
    out_dir.mkdir()
    info = backup.create_backup(store, out_dir / "utvag.backup", PASS)
    assert sorted(p.name for p in out_dir.iterdir()) == ["utvag.backup"]  # no temp left
    assert info.path.stat().st_mode & 0o777 == 0o600 and info.audit_ok
    members = _members(info.path)
    assert list(members) == ["manifest.json", "keyslots.json", "store.db"]
    assert not members["store.db"].startswith(b"SQLite format 3")
    raw = info.path.read_bytes()
    assert MARKER.encode() not in raw
    manifest = json.loads(members["manifest.json"])
    assert manifest["store_id"] == store.store_id and manifest["schema_version"] == LATEST
    entry = store.audit.entries(action="backup.create")[-1]
    assert entry.details["sha256"] == info.sha256 and entry.details["file"] == "utvag.backup"
    store.close()


def test_create_refusals_change_nothing(made: tuple[Store, str], tmp_path: Path) -> None:
    store, _ = made
    (tmp_path / "exists.backup").write_bytes(b"old")
    before, head = snapshot(tmp_path), store.audit.head()
    with pytest.raises(WrongPassphraseError):
        backup.create_backup(store, tmp_path / "new.backup", "not the passphrase")
    with pytest.raises(backup.BackupExistsError):
        backup.create_backup(store, tmp_path / "exists.backup", PASS)
    with pytest.raises(backup.BackupLocationError):
        backup.create_backup(store, store.path / "inside.backup", PASS)
    with pytest.raises(backup.BackupLocationError):
        backup.create_backup(store, tmp_path / "missing" / "x.backup", PASS)
    assert store.audit.head() == head
    after = snapshot(tmp_path)
    assert [n for n in changed(before, after) if not n.startswith("store/")] == []
    store.close()


def test_backup_during_writes_is_consistent(made: tuple[Store, str], tmp_path: Path) -> None:
    store, code = made
    case_id = new_case(store, name="Skriv Skrivsson")
    for i in range(6):  # some megabytes, so that the copy takes a while
        documents.add_document(
            store,
            case_id,
            title=f"Bilaga {i}",
            filename=f"{i}.txt",
            content=(f"rad {i} " * 200_000).encode(),
        )
    stop, written, errors = threading.Event(), [], []

    def writer() -> None:
        while not stop.is_set():
            try:
                written.append(journal.add_journal_entry(store, case_id, "Anteckning under backup"))
            except Exception as exc:
                errors.append(exc)
                return

    thread = threading.Thread(target=writer)
    thread.start()
    infos, during = [], []
    try:
        for i in range(3):
            start = len(written)
            infos.append(backup.create_backup(store, tmp_path / f"b{i}.backup", PASS))
            during.append(len(written) - start)
    finally:
        stop.set()
        thread.join()
    assert errors == [] and max(during) > 0  # the writer went on while copying
    live = {e.seq: e.hash for e in store.audit.entries()}
    for info in infos:
        report = backup.verify_backup(info.path, recovery_code=code)
        assert report.ok and report.deep, report.problems
        # the copy holds a prefix of the live audit chain, cut at one commit
        assert live[info.manifest.audit_seq] == info.manifest.audit_hash
    store.close()


# ---------------------------------------------------------------- verify


def test_verify_structural_and_deep(made: tuple[Store, str], tmp_path: Path) -> None:
    store, code = made
    info = backup.create_backup(store, tmp_path / "b.backup", PASS)
    store.close()
    shallow = backup.verify_backup(info.path)
    assert shallow.ok and not shallow.deep
    deep = backup.verify_backup(info.path, recovery_code=code.lower().replace("-", " "))
    assert deep.ok and deep.deep
    assert backup.verify_backup(info.path, passphrase=PASS).ok  # passphrase-only store
    with pytest.raises(WrongRecoveryCodeError):
        backup.verify_backup(info.path, recovery_code="0000-0000-0000-0000-0000-0000-0000")
    with pytest.raises(RecoveryCodeInvalidError):
        backup.verify_backup(info.path, recovery_code="not a code")
    with pytest.raises(backup.BackupNotFoundError):
        backup.verify_backup(tmp_path / "nothing.backup")


def test_damage_is_caught_without_a_secret(made: tuple[Store, str], tmp_path: Path) -> None:
    store, _ = made
    info = backup.create_backup(store, tmp_path / "b.backup", PASS)
    store.close()
    raw = bytearray(info.path.read_bytes())
    flipped = tmp_path / "flipped.backup"
    raw[len(raw) // 2] ^= 0x01
    flipped.write_bytes(bytes(raw))
    truncated = tmp_path / "truncated.backup"
    truncated.write_bytes(info.path.read_bytes()[:5000])
    junk = tmp_path / "junk.backup"
    junk.write_bytes(b"this is not a backup")
    for bad in (flipped, truncated, junk):
        with pytest.raises(BackupDamagedError):
            backup.verify_backup(bad)
    newer = tmp_path / "newer.backup"
    _write_tar(newer, _rehash(_members(info.path), version=2))
    with pytest.raises(BackupVersionError):
        backup.verify_backup(newer)


def test_plaintext_database_refused(made: tuple[Store, str], tmp_path: Path) -> None:
    store, _ = made
    info = backup.create_backup(store, tmp_path / "b.backup", PASS)
    store.close()
    plain = tmp_path / "plain.db"
    with sqlite3.connect(plain) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    members = _members(info.path)
    members["store.db"] = plain.read_bytes()
    forged = tmp_path / "plain.backup"
    _write_tar(forged, _rehash(members))
    with pytest.raises(BackupDamagedError, match="not encrypted"):
        backup.verify_backup(forged)


def test_swapped_database_caught_by_the_mac(made: tuple[Store, str], tmp_path: Path) -> None:
    """An older copy of the same store's database with fixed-up hashes passes the
    structural check but not the MAC, and is never restored."""
    store, code = made
    old = backup.create_backup(store, tmp_path / "old.backup", PASS)
    new_case(store, name="Senare Person")
    new = backup.create_backup(store, tmp_path / "new.backup", PASS)
    store.close()
    members = _members(new.path)
    members["store.db"] = _members(old.path)["store.db"]
    forged = tmp_path / "forged.backup"
    _write_tar(forged, _rehash(members))
    assert backup.verify_backup(forged).ok  # structure alone cannot tell
    report = backup.verify_backup(forged, recovery_code=code)
    assert not report.ok and report.problems == ("manifest MAC mismatch",)
    before = snapshot(tmp_path)
    with pytest.raises(BackupTamperedError):
        restore_backup(forged, tmp_path / "restored", code, NEW, actor="r")
    assert changed(before, snapshot(tmp_path)) == []


# ---------------------------------------------------------------- restore


def test_restore_with_the_recovery_code(made: tuple[Store, str], tmp_path: Path) -> None:
    store, code = made
    info = backup.create_backup(store, tmp_path / "b.backup", PASS)
    store.close()
    result = restore_backup(
        info.path, tmp_path / "elsewhere" / "store", code, NEW, actor="Ny Dator"
    )
    assert result.store_id == info.manifest.store_id and result.moved_aside is None
    assert not result.device_key and result.audit_ok
    assert sorted(p.name for p in (tmp_path / "elsewhere").iterdir()) == ["store"]
    with unlock_store(result.path, NEW, actor="Ny Dator") as restored:
        assert restored.check().ok
        actions = audit_actions(restored)
        assert actions[-5:] == ["recover", "unlock", "backup.restore", "lock", "unlock"]
        assert "backup.create" not in actions  # the copy was taken before that entry
        assert restored.conn.execute("SELECT count(*) FROM cases").fetchone()[0] == 1
    with pytest.raises(WrongPassphraseError):
        unlock_store(result.path, PASS, actor="x")  # the old passphrase is not carried over


def test_restore_refusals_write_nothing(made: tuple[Store, str], tmp_path: Path) -> None:
    store, code = made
    info = backup.create_backup(store, tmp_path / "b.backup", PASS)
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "notes.txt").write_text("someone's files")
    before = snapshot(tmp_path)
    wrong = "0000-0000-0000-0000-0000-0000-0000"
    with pytest.raises(WrongRecoveryCodeError):
        restore_backup(info.path, tmp_path / "new", wrong, NEW, actor="r")
    with pytest.raises(RecoveryCodeInvalidError):
        restore_backup(info.path, tmp_path / "new", "typo", NEW, actor="r")
    with pytest.raises(PassphraseTooShortError):
        restore_backup(info.path, tmp_path / "new", code, "short", actor="r")
    with pytest.raises(StoreFolderNotEmptyError):
        restore_backup(info.path, tmp_path / "full", code, NEW, actor="r")
    with pytest.raises(StoreExistsError):
        restore_backup(info.path, store.path, code, NEW, actor="r")
    with pytest.raises(StoreInUseError):  # --replace, but the store is open
        restore_backup(info.path, store.path, code, NEW, actor="r", replace=True)
    after = snapshot(tmp_path)
    assert [n for n in changed(before, after) if not n.startswith("store/")] == []
    store.close()


def test_replace_moves_the_old_store_aside(made: tuple[Store, str], tmp_path: Path) -> None:
    store, code = made
    info = backup.create_backup(store, tmp_path / "b.backup", PASS)
    new_case(store, name="Efter Backup")
    store.close()
    old_db = (store.path / "store.db").read_bytes()
    result = restore_backup(info.path, store.path, code, NEW, actor="r", replace=True)
    assert result.moved_aside is not None and result.moved_aside.name.startswith("store.replaced-")
    assert (result.moved_aside / "store.db").read_bytes() == old_db  # kept, never deleted
    with unlock_store(store.path, NEW, actor="r") as restored:
        assert restored.conn.execute("SELECT count(*) FROM cases").fetchone()[0] == 1


def test_restore_on_a_fresh_keyring(keyring_backend: object, tmp_path: Path) -> None:
    store, code = create_store(
        tmp_path / "store", PASS, actor="Maskin A", use_device_key=True, kdf=KdfParams.minimum()
    )
    new_case(store)
    info = backup.create_backup(store, tmp_path / "b.backup", PASS)
    store.close()
    backend = device_key.resolve_backend()
    original = device_key.load_device_secret(backend, info.manifest.store_id)
    before = snapshot(tmp_path)
    # the store is set up on this machine: restoring elsewhere would cut it off
    with pytest.raises(KeyringEntryExistsError):
        restore_backup(info.path, tmp_path / "copy", code, NEW, actor="Maskin B")
    assert changed(before, snapshot(tmp_path)) == []
    assert device_key.load_device_secret(backend, info.manifest.store_id) == original
    # another machine: its keyring knows nothing of this store
    assert device_key.delete_device_secret(backend, info.manifest.store_id)
    result = restore_backup(info.path, tmp_path / "copy", code, NEW, actor="Maskin B")
    assert result.device_key
    fresh = device_key.load_device_secret(backend, info.manifest.store_id)
    assert fresh != original
    with unlock_store(result.path, NEW, actor="Maskin B") as restored:
        assert restored.check().ok and "backup.restore" in audit_actions(restored)
    device_key.delete_device_secret(backend, info.manifest.store_id)


# ---------------------------------------------------------------- reminder


def test_backup_due(made: tuple[Store, str], tmp_path: Path) -> None:
    import datetime as dt

    store, _ = made
    today = dt.datetime.now(dt.UTC).date()
    due = backup.backup_due(store, today)
    assert due.last_backup is None and due.interval_days == 7 and not due.due
    assert backup.backup_due(store, today + dt.timedelta(days=7)).due
    backup.create_backup(store, tmp_path / "b.backup", PASS)
    due = backup.backup_due(store, today + dt.timedelta(days=6))
    assert due.last_backup is not None and not due.due
    backup.set_backup_interval(store, 3)
    assert backup.backup_due(store, today + dt.timedelta(days=3)).due
    head = store.audit.head()
    with pytest.raises(NumberRangeError):
        backup.set_backup_interval(store, 0)
    assert store.audit.head() == head and backup.backup_interval(store) == 3
    store.close()


# ---------------------------------------------------------------- command line


def test_cli_backup(
    capsys: pytest.CaptureFixture[str], made: tuple[Store, str], tmp_path: Path
) -> None:
    store, code = made
    store.close()
    secret, code_file, new_file = tmp_path / "p", tmp_path / "c", tmp_path / "n"
    secret.write_text(PASS + "\n")
    code_file.write_text(code + "\n")
    new_file.write_text(NEW + "\n")
    opens = ["--store", str(store.path), "--passphrase-file", str(secret)]
    out_file = str(tmp_path / "cli.backup")
    rc, out, err = run(capsys, "backup", "create", "--out", out_file, "--json", *opens)
    assert rc == 0, err and json.loads(out)["out"] == out_file
    rc, _, err = run(capsys, "backup", "create", "--out", out_file, *opens)
    assert rc == 1 and err.count("\n") == 1
    assert "cli.backup" in err and ("backup made at" in err or "säkerhetskopian" in err), err
    rc, out, _ = run(capsys, "backup", "verify", out_file)
    assert rc == 0 and "Only the structure was checked" in out
    rc, out, _ = run(
        capsys, "backup", "verify", out_file, "--recovery-code-file", str(code_file), "--json"
    )
    assert rc == 0 and json.loads(out)["deep"] is True
    rc, out, _ = run(capsys, "backup", "status", "--set-interval", "14", "--json", *opens)
    assert rc == 0 and json.loads(out)["interval_days"] == 14 and not json.loads(out)["due"]
    restore = [
        "backup",
        "restore",
        out_file,
        "--recovery-code-file",
        str(code_file),
        "--new-passphrase-file",
        str(new_file),
    ]
    rc, _, err = run(capsys, *restore, "--store", str(store.path))
    assert rc == 1 and "will not overwrite" in err
    rc, out, err = run(capsys, *restore, "--store", str(tmp_path / "restored"), "--json")
    assert rc == 0, err and json.loads(out)["moved_aside"] is None
    damaged = tmp_path / "damaged.backup"
    damaged.write_bytes(b"nope")
    rc, _, err = run(capsys, "backup", "verify", str(damaged))
    assert rc == 1 and err.startswith("utvag: ")
    rc, _, _ = run(capsys, "backup", "create", *opens)
    assert rc == 2  # --out is required
