"""Atomic, private file writes: temp file in the same folder, chmod 600, fsync, os.replace."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from storage.errors import (
    DiskFullError,
    StorageError,
)

PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700


def fsync_dir(path: Path) -> None:
    """Flush a directory entry to disk (no-op where the OS does not allow it)."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def make_private_dir(path: Path) -> None:
    """Create ``path`` (and parents) with mode 0700 for the leaf; tighten it if it exists."""
    path.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(path, PRIVATE_DIR_MODE)


def remove_stale_temp_files(folder: Path, pattern: str = ".*.tmp") -> list[str]:
    """Remove the temp files of atomic writes that a killed process never finished
    (``.<name>.<random>.tmp``; ``pattern`` narrows it). Call only while holding the
    folder's lock, or for files only this process writes."""
    removed = []
    for tmp in Path(folder).glob(pattern):
        with contextlib.suppress(OSError):
            tmp.unlink()
            removed.append(tmp.name)
    return removed


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that readers see the old or the new file, never half.

    Raises :class:`DiskFullError` when the disk is full, :class:`StorageError` on other I/O
    errors; in both cases the old file is left as it was and no temp file remains.
    """
    path = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        try:
            if os.name == "posix":
                os.fchmod(fd, PRIVATE_FILE_MODE)
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            raise DiskFullError() from exc
        raise StorageError() from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
