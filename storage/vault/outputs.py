"""Files the store writes outside its folder, safe against a kill at any point.

A bundle, a receipt, a backup or a contact card goes to a folder the caseworker chose. The
write is a temp file beside the target (0600), fsync, rename, directory fsync — and the
store must know about the temp file *before* it exists, or a kill leaves it behind for
ever (issue 19). So every such write has a row in ``pending_outputs`` (schema step 9):

1. :func:`begin_output` commits the row — temp name (``.<target name>.<random>.tmp``),
   target, purpose, whether the target may be replaced — and only then creates the temp
   file (or, ``folder=True``, a private scratch folder that is never placed);
2. the caller writes and fsyncs it; :func:`mark_ready` records its SHA-256 and size *in the
   transaction that records the operation* (the bundle, the audit entry of a backup): from
   that commit on, the file is owed to the caseworker;
3. :func:`place_output` renames it into place, fsyncs the folder and deletes the row.
   :func:`discard_output` removes the temp file and the row when the operation failed.

:func:`reconcile_outputs` runs at every unlock (``storage.vault.opening``), under the store
lock, so no write of ours is in flight: a row without a hash is an interrupted write (its
temp file or folder is removed: the operation never committed); a row with a hash is a
committed write whose rename was interrupted (the temp file, if it has that hash and size,
is renamed into place — unless the target now holds another file that may not be
replaced — and ``output.completed`` is audited; otherwise ``output.not_placed``). Nothing
but names, sizes and hashes is recorded; the temp files hold only what the target would.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import secrets
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storage.atomic import (
    PRIVATE_DIR_MODE,
    PRIVATE_FILE_MODE,
    fsync_dir,
)
from storage.errors import (
    DiskFullError,
    StorageError,
    UtvagError,
)
from storage.vault.audit import utc_now

_READ = 1024 * 1024


@dataclass(frozen=True)
class Output:
    """A registered write: its row id, temp file (or folder) and target."""

    id: int
    temp: Path
    target: Path | None
    purpose: str
    overwrite: bool


@dataclass
class OutputsReconciled:
    """What the unlock found of interrupted writes."""

    removed: int = 0  # temp files or folders of writes that never committed
    completed: list[str] = field(default_factory=list)  # purposes placed at this unlock
    not_placed: list[str] = field(default_factory=list)  # committed, but could not be placed
    kept: int = 0  # folder not reachable now (unmounted disk): tried again at the next unlock


def io_error(exc: OSError) -> StorageError:
    """The typed error of an I/O failure while writing an output."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return DiskFullError()
    return StorageError()


def temp_name(target: Path) -> Path:
    """A fresh temp name beside ``target``: ``.<name>.<random>.tmp``."""
    return target.parent / f".{target.name}.{secrets.token_hex(6)}.tmp"


def begin_output(
    store: Any,
    target: Path | None,
    purpose: str,
    *,
    overwrite: bool = True,
    folder: bool = False,
    beside: Path | None = None,
) -> Output:
    """Record, commit, then create the temp file (0600) or scratch folder (0700).

    ``target``: the file asked for (absolute), or None for a scratch folder (``beside`` the
    file it serves). Raises the typed error of a full disk or an unwritable folder; then
    nothing is left.
    """
    where = Path(os.path.abspath(target if target is not None else beside or "."))
    temp = temp_name(where)
    with store.transaction() as conn:
        row = conn.execute(
            "INSERT INTO pending_outputs (temp, target, purpose, overwrite, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (
                str(temp),
                None if target is None else str(where),
                purpose,
                int(overwrite),
                utc_now(),
            ),
        )
        output = Output(
            int(row.lastrowid), temp, None if target is None else where, purpose, overwrite
        )
    try:
        if folder:
            os.mkdir(temp, PRIVATE_DIR_MODE)
        else:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
            os.close(fd)
        fsync_dir(temp.parent)  # the name outlives a power cut as well as a kill
    except OSError as exc:
        _forget(store, output)
        raise io_error(exc) from exc
    except BaseException:
        _forget(store, output)
        raise
    return output


def mark_ready(store: Any, output: Output, sha256: str, size: int) -> None:
    """Inside the operation's transaction: from its commit on, the file is owed."""
    store.conn.execute(
        "UPDATE pending_outputs SET sha256 = ?, size = ? WHERE id = ?",
        (sha256, int(size), output.id),
    )


def place_output(store: Any, output: Output) -> None:
    """Rename the temp file into place, fsync the folder, forget the row.

    Raises the typed error if the rename fails (the row stays: the next unlock tries
    again). A failure to forget the row afterwards is not an error: the next unlock finds
    the file in place and forgets it then.
    """
    if output.target is None:
        raise StorageError()
    try:
        os.replace(output.temp, output.target)
    except OSError as exc:
        raise io_error(exc) from exc
    with contextlib.suppress(OSError):
        fsync_dir(output.target.parent)
    with contextlib.suppress(UtvagError):
        _forget(store, output)


def discard_output(store: Any, output: Output) -> None:
    """The operation failed (nothing committed): remove the temp file or folder and the row.
    Never raises; what it cannot remove now, the next unlock removes."""
    if _remove(output.temp):
        with contextlib.suppress(UtvagError):
            _forget(store, output)


def write_output(store: Any, target: Path, data: bytes, purpose: str) -> str:
    """Write a small file (a card, an exported document) through the steps above; its
    SHA-256. The row is marked ready before the rename, so once the bytes are on disk a
    kill leaves the file for the next unlock to place; a rename that fails with an error
    removes the temp file at once (no operation is left owing it)."""
    output = begin_output(store, target, purpose)
    digest = hashlib.sha256(data).hexdigest()
    try:
        _write_all(output.temp, data)
        with store.transaction():
            mark_ready(store, output, digest, len(data))
        place_output(store, output)
    except OSError as exc:
        discard_output(store, output)
        raise io_error(exc) from exc
    except BaseException:
        discard_output(store, output)  # nothing else waits for it: never placed later
        raise
    return digest


def _write_all(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_TRUNC)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def file_sha256(path: Path) -> tuple[str, int]:
    """(SHA-256, size) of a file, read in 1 MiB blocks."""
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(_READ), b""):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size


def _forget(store: Any, output: Output) -> None:
    with store.transaction() as conn:
        conn.execute("DELETE FROM pending_outputs WHERE id = ?", (output.id,))


def _remove(path: Path) -> bool:
    """Remove a temp file or folder; True when it is gone (or never was)."""
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return True


# ---------------------------------------------------------------- at unlock


def _rows(store: Any) -> Iterator[tuple[Output, str | None, int | None]]:
    rows = store.conn.execute(
        "SELECT id, temp, target, purpose, overwrite, sha256, size FROM pending_outputs ORDER BY id"
    ).fetchall()
    for r in rows:
        target = None if r[2] is None else Path(r[2])
        yield Output(int(r[0]), Path(r[1]), target, str(r[3]), bool(r[4])), r[5], r[6]


def pending_count(store: Any) -> int:
    return int(store.conn.execute("SELECT count(*) FROM pending_outputs").fetchone()[0])


def reconcile_outputs(store: Any) -> OutputsReconciled:
    """Finish or remove what killed writes left (see the module doc). Never raises for a
    file it cannot reach; a folder that is not there now (an unplugged USB stick) keeps its
    row for the next unlock."""
    report = OutputsReconciled()
    for output, sha256, size in list(_rows(store)):
        if not output.temp.parent.is_dir():
            report.kept += 1
            continue
        if sha256 is None or size is None:
            if _remove(output.temp):
                _forget(store, output)
                report.removed += 1
            else:
                report.kept += 1
            continue
        placed = _complete(output, sha256, int(size))
        with store.transaction():
            store.audit.append(
                "output.completed" if placed else "output.not_placed",
                details={"file_kind": output.purpose, "sha256": sha256, "bytes": int(size)},
            )
            store.conn.execute("DELETE FROM pending_outputs WHERE id = ?", (output.id,))
        (report.completed if placed else report.not_placed).append(output.purpose)
    return report


def _complete(output: Output, sha256: str, size: int) -> bool:
    """Rename a committed temp file into place if it is intact; True when the target now
    holds exactly those bytes."""
    assert output.target is not None
    target = output.target
    if _same(target, sha256, size):
        _remove(output.temp)
        return True
    if not _same(output.temp, sha256, size):
        _remove(output.temp)
        return False
    if target.exists() and not output.overwrite:
        _remove(output.temp)  # another file took the name meanwhile: it stays
        return False
    try:
        os.replace(output.temp, target)
    except OSError:
        _remove(output.temp)
        return False
    with contextlib.suppress(OSError):
        fsync_dir(target.parent)
    return True


def _same(path: Path, sha256: str, size: int) -> bool:
    try:
        if not path.is_file() or path.stat().st_size != size:
            return False
        return file_sha256(path)[0] == sha256
    except OSError:
        return False
