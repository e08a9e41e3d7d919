"""Work handed to one background thread, in order: hashing and writing beside encryption.

hashlib (for blocks of more than 2 KiB) and file writes release the GIL, so a SHA-256 or a
write of one block can run while the calling thread encrypts or decrypts the next. An
:class:`Offload` runs ``fn(block)`` for each block given to :meth:`put`, in order, on its own
thread; blocks are gathered into batches of about 512 KiB so the queue is touched rarely, and
the queue is bounded (``depth`` batches), so memory stays flat however large the stream.

Blocks must not change after :meth:`put` (``bytes``, or a view of ``bytes``: anything else is
copied). An exception in ``fn`` is raised again in the caller at its next :meth:`put` or at
:meth:`finish`; :meth:`cancel` stops the thread without running what is left. Always end an
offload with :meth:`finish` or :meth:`cancel` (a ``with`` block cancels on error).
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import queue
import sys
import threading
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import Any

BATCH_BYTES = 512 * 1024
DEPTH = 3
#: Below this, hashing on the calling thread is cheaper than starting a thread for it.
THREAD_MIN_BYTES = 1024 * 1024

Block = bytes | memoryview


def frozen(data: bytes | bytearray | memoryview) -> Block:
    """``data`` as something that cannot change under the worker (copied only if need be)."""
    if isinstance(data, bytes):
        return data
    if isinstance(data, memoryview) and isinstance(data.obj, bytes):
        return data
    return bytes(data)


class Offload:
    """Runs ``fn`` on each block, in order, in one background thread."""

    def __init__(
        self, fn: Callable[[list[Block]], None], *, depth: int = DEPTH, name: str = "offload"
    ) -> None:
        self._fn = fn
        self._queue: queue.Queue[list[Block] | None] = queue.Queue(maxsize=depth)
        self._batch: list[Block] = []
        self._batched = 0
        self._error: BaseException | None = None
        self._cancelled = False
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            batch = self._queue.get()
            if batch is None:
                return
            if self._error is not None or self._cancelled:
                continue  # drain without work, so the producer never blocks
            try:
                self._fn(batch)
            except BaseException as exc:  # noqa: BLE001 - raised again in the caller
                self._error = exc

    def _raise(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            self.cancel()
            raise error

    def put(self, data: bytes | bytearray | memoryview) -> None:
        """Queue ``data`` (frozen first); raises the worker's exception if it failed."""
        self._raise()
        block = frozen(data)
        self._batch.append(block)
        self._batched += len(block)
        if self._batched >= BATCH_BYTES:
            self._flush()

    def mark(self, marker: object) -> None:
        """Queue an object that is not data (``fn`` tells it apart): it keeps its place."""
        self._raise()
        self._batch.append(marker)  # type: ignore[arg-type]
        if self._batched >= BATCH_BYTES:
            self._flush()

    def _flush(self) -> None:
        if self._batch:
            self._queue.put(self._batch)
            self._batch, self._batched = [], 0

    def finish(self) -> None:
        """Run what is queued, stop the thread; raises the worker's exception if it failed."""
        if self._thread.is_alive():
            self._flush()
            self._queue.put(None)
            self._thread.join()
        self._raise()

    def cancel(self) -> None:
        """Stop without running what is still queued (safe to call again)."""
        self._cancelled = True
        self._batch, self._batched = [], 0
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()

    def __enter__(self) -> Offload:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if kind is None:
            self.finish()
        else:
            self.cancel()


class BackgroundHash:
    """A hashlib object fed in the background: ``update`` returns at once, ``hexdigest``
    waits for the blocks given so far."""

    def __init__(self, hasher: Any, *, name: str = "hash") -> None:
        self._hasher = hasher
        self.size = 0
        self._offload = Offload(self._update, name=name)
        self._digest: str | None = None

    def _update(self, blocks: list[Block]) -> None:
        for block in blocks:
            self._hasher.update(block)

    def update(self, data: bytes | bytearray | memoryview) -> None:
        self.size += len(data)
        self._offload.put(data)

    def hexdigest(self) -> str:
        if self._digest is None:
            self._offload.finish()
            self._digest = str(self._hasher.hexdigest())
        return self._digest

    def cancel(self) -> None:
        self._offload.cancel()


class InlineHash:
    """The same interface as :class:`BackgroundHash`, hashing on the calling thread."""

    def __init__(self, hasher: Any) -> None:
        self._hasher = hasher
        self.size = 0

    def update(self, data: bytes | bytearray | memoryview) -> None:
        self.size += len(data)
        self._hasher.update(data)

    def hexdigest(self) -> str:
        return str(self._hasher.hexdigest())

    def cancel(self) -> None:
        pass


def sha256_for(size: int, *, name: str = "hash") -> BackgroundHash | InlineHash:
    """A SHA-256 of ``size`` bytes to come: in the background when it is large enough to be
    worth a thread (a bundle may have thousands of small members)."""
    if size >= THREAD_MIN_BYTES:
        return BackgroundHash(hashlib.sha256(), name=name)
    return InlineHash(hashlib.sha256())


def write_all(fd: int, blocks: Sequence[Block]) -> None:
    """Write ``blocks`` to ``fd`` with as few ``os.writev`` calls as it takes (a short write
    continues where it stopped)."""
    views = [memoryview(b) for b in blocks if len(b)]
    while views:
        done = os.writev(fd, views[:1024])
        while views and done >= len(views[0]):
            done -= len(views[0])
            views.pop(0)
        if views and done:
            views[0] = views[0][done:]


def _libc_sync_file_range() -> Callable[[int, int, int], None] | None:
    """Linux's ``sync_file_range(fd, offset, n, SYNC_FILE_RANGE_WRITE)`` (os has none)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        call = libc.sync_file_range
    except (OSError, AttributeError):
        return None
    call.argtypes = (ctypes.c_int, ctypes.c_int64, ctypes.c_int64, ctypes.c_uint)
    call.restype = ctypes.c_int

    def start(fd: int, offset: int, count: int) -> None:
        call(fd, offset, count, 2)  # SYNC_FILE_RANGE_WRITE: start writing back, do not wait

    return start


_START_WRITEBACK = _libc_sync_file_range()


def start_writeback(fd: int, offset: int, count: int) -> None:
    """Ask the kernel to start writing ``count`` bytes from ``offset`` to the disk now,
    without waiting, so the ``fsync`` at the end finds less to do. Durability still comes
    from that ``fsync`` only; where this is not available it does nothing."""
    if _START_WRITEBACK is not None:
        _START_WRITEBACK(fd, offset, count)
