"""One process per store: an OS lock on ``store.lock`` (flock on POSIX, msvcrt on Windows).

The lock is taken before anything else that could write, and held until the store is
closed. ``flock`` locks belong to the open file description, so a second open in the same
process is refused too. The OS drops the lock when the process dies, so a crash never
leaves a stale lock behind. Nothing is written into the file, so a refused attempt
changes nothing on disk.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from storage.errors import (
    QT_TRANSLATE_NOOP,
    StorageError,
    clean_untrusted,
)

FILE_NAME = "store.lock"


class StoreInUseError(StorageError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The store {path} is already open in another Utväg window or process. Close it there "
        "first.",
    )
    code = "store_in_use"


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows CI
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover
        import msvcrt

        with contextlib.suppress(OSError):
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    with contextlib.suppress(OSError):
        fcntl.flock(fd, fcntl.LOCK_UN)


class StoreLock:
    """An exclusive, non-blocking lock on a store directory."""

    def __init__(self, store_dir: Path) -> None:
        self.path = Path(store_dir) / FILE_NAME
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> StoreLock:
        """Take the lock or raise :class:`StoreInUseError` at once (never waits)."""
        if self._fd is not None:
            return self
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
        try:
            fd = os.open(self.path, flags, 0o600)
        except OSError as exc:
            raise StorageError() from exc
        if not _try_lock(fd):
            os.close(fd)
            raise StoreInUseError(path=clean_untrusted(self.path.parent))
        self._fd = fd
        return self

    def release(self) -> None:
        """Release the lock; idempotent."""
        fd, self._fd = self._fd, None
        if fd is not None:
            _unlock(fd)
            os.close(fd)

    def __enter__(self) -> StoreLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()
