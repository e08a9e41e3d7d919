"""The sync folder: write each colleague's change bundle there, import every one for us.

The folder is any directory both laptops see (the unit's network share, a USB stick, a
folder Syncthing keeps in step). :func:`sync_folder` first writes again any bundle a killed
run recorded but never got into place (sync/bundle/rewrite.py), imports every ``*.utvag`` file
not dealt with before (remembered by file hash in ``team_files``), then writes a change
bundle for each colleague who has something new. A file not addressed to us is left alone;
one from an earlier sequence than a bundle already imported from its sender is superseded
(its operations came in the later one) and remembered as such; any other refusal is
reported, one line per file, and remembered so it is not read again. Nothing is ever
written to the folder but whole, sealed bundles with random names.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storage.errors import UtvagError
from storage.team.capture import catch_up
from sync.age.errors import NoMatchingIdentityError
from sync.bundle.errors import BundleExpiredError, ReplayedBundleError, SequenceRollbackError
from sync.bundle.manifest import BUNDLE_EXTENSION
from sync.bundle.rewrite import reconcile_outbox
from sync.team.bundles import Imported, Written, import_changes, write_changes
from sync.team.members import colleagues
from sync.team.standin import finish_ended_shares


@dataclass
class SyncReport:
    imported: list[Imported] = field(default_factory=list)
    written: list[Written] = field(default_factory=list)
    refused: list[tuple[str, UtvagError]] = field(default_factory=list)
    superseded: int = 0
    not_ours: int = 0
    removed: list[str] = field(default_factory=list)  # cases removed: a stand-in's end


def _written_order(path: Path) -> tuple[int, str]:
    """Oldest first, so a sender's bundles are usually read in the order they were sealed
    (a later one read first makes the earlier one a superseded rollback: its changes are in
    the later one too, docs/sync.md §4)."""
    try:
        return path.stat().st_mtime_ns, path.name
    except OSError:
        return 0, path.name


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def _remember(store: Any, sha: str, outcome: str) -> None:
    with store.transaction():
        store.conn.execute(
            "INSERT OR IGNORE INTO team_files (file_sha256, outcome, seen_at) VALUES (?, ?, ?)",
            (sha, outcome, dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")),
        )


def _dealt_with(store: Any, sha: str) -> bool:
    conn = store.conn
    return bool(
        conn.execute("SELECT 1 FROM team_files WHERE file_sha256 = ?", (sha,)).fetchone()
        or conn.execute(
            "SELECT 1 FROM sync_sealed_bundles WHERE file_sha256 = ?", (sha,)
        ).fetchone()
    )


def import_folder(store: Any, folder: Path, report: SyncReport | None = None) -> SyncReport:
    report = report or SyncReport()
    for path in sorted(Path(folder).glob(f"*{BUNDLE_EXTENSION}"), key=_written_order):
        if not path.is_file() or path.name.startswith("."):
            continue
        try:
            sha = _sha256(path)
        except OSError:
            continue  # still being copied in, or gone: next time
        if _dealt_with(store, sha):
            continue
        try:
            report.imported.append(import_changes(store, path))
            outcome = "imported"
        except NoMatchingIdentityError:
            report.not_ours += 1
            outcome = "not_ours"
        except (SequenceRollbackError, ReplayedBundleError, BundleExpiredError):
            report.superseded += 1
            outcome = "superseded"
        except UtvagError as exc:
            report.refused.append((path.name, exc))
            outcome = f"refused:{exc.code}"
        _remember(store, sha, outcome)
    return report


def write_folder(store: Any, folder: Path, report: SyncReport | None = None) -> SyncReport:
    report = report or SyncReport()
    catch_up(store)
    for contact in colleagues(store):
        written = write_changes(store, contact.id, Path(folder))
        if written is not None:
            report.written.append(written)
    return report


def sync_folder(store: Any, folder: Path) -> SyncReport:
    """Write again what a killed run owed (the outbox, docs/bundle-format.md §7), import
    what is there for us, finish ended shares (sync/team/standin.py), then write what each
    colleague lacks."""
    with contextlib.suppress(UtvagError):
        reconcile_outbox(store)  # as after every unlock; a file it cannot write stays owed
    report = import_folder(store, folder)
    report.removed = finish_ended_shares(store, folder)
    return write_folder(store, folder, report)


FOLDER_KEY = "team.sync_folder"


def sync_folder_path(store: Any) -> Path | None:
    """The sync folder chosen for this store (kept inside the encrypted store), or None."""
    row = store.conn.execute("SELECT value FROM meta WHERE key = ?", (FOLDER_KEY,)).fetchone()
    return None if row is None or not row[0] else Path(row[0])


def set_sync_folder(store: Any, folder: Path | None) -> None:
    """Choose (or with None forget) the sync folder; audited ``team.folder``."""
    with store.transaction():
        if folder is None:
            store.conn.execute("DELETE FROM meta WHERE key = ?", (FOLDER_KEY,))
        else:
            store.conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (FOLDER_KEY, str(Path(folder))),
            )
        store.audit.append("team.folder", "team", {"set": folder is not None})


def sync_now(store: Any, folder: Path | None = None) -> SyncReport | None:
    """What "Synka nu" and the automatic sync do: import, finish ended stand-in shares,
    write; None when no folder is chosen."""
    chosen = folder or sync_folder_path(store)
    return None if chosen is None else sync_folder(store, chosen)
