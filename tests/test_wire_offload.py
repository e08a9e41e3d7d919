"""The background worker that hashes and writes beside encryption (sync/wire/offload.py)."""

from __future__ import annotations

import hashlib
import os
import random
from pathlib import Path

import pytest

from sync.wire.offload import (
    THREAD_MIN_BYTES,
    BackgroundHash,
    InlineHash,
    Offload,
    frozen,
    sha256_for,
    start_writeback,
    write_all,
)


def test_blocks_arrive_in_order_and_the_hash_is_hashlibs() -> None:
    rng = random.Random(17)
    blocks = [rng.randbytes(rng.randrange(0, 300_000)) for _ in range(60)]
    seen: list[bytes] = []
    with Offload(lambda batch: seen.extend(bytes(b) for b in batch)) as offload:
        for block in blocks:
            offload.put(block)
    assert seen == blocks
    background = BackgroundHash(hashlib.sha256())
    for block in blocks:
        background.update(memoryview(block)[1:])
    expected = hashlib.sha256(b"".join(b[1:] for b in blocks)).hexdigest()
    assert background.hexdigest() == expected == background.hexdigest()


def test_a_workers_error_reaches_the_caller_and_stops_the_work() -> None:
    done: list[int] = []

    def fail(batch: list[object]) -> None:
        done.append(len(batch))
        raise OSError(28, "No space left on device")

    offload = Offload(fail)
    with pytest.raises(OSError, match="No space"):
        for _ in range(100):
            offload.put(bytes(300_000))
        offload.finish()
    assert len(done) == 1  # nothing after the failure ran
    offload.cancel()  # safe again


def test_a_mutable_buffer_is_copied_before_it_is_queued() -> None:
    buf = bytearray(b"before")
    block = frozen(buf)
    buf[:] = b"after!"
    assert block == b"before"
    data = b"immutable"
    assert frozen(data) is data


def test_small_members_are_hashed_inline_large_ones_in_the_background() -> None:
    data = random.Random(23).randbytes(THREAD_MIN_BYTES + 5)
    for size in (5, THREAD_MIN_BYTES + 5):
        digest = sha256_for(size)
        assert isinstance(digest, InlineHash if size < THREAD_MIN_BYTES else BackgroundHash)
        digest.update(data[:size])
        assert digest.hexdigest() == hashlib.sha256(data[:size]).hexdigest()
        digest.cancel()


def test_starting_writeback_changes_nothing_but_timing(tmp_path: Path) -> None:
    path = tmp_path / "f.bin"
    data = random.Random(29).randbytes(3 * 1024 * 1024)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        write_all(fd, [data[:1000], memoryview(data)[1000:]])
        start_writeback(fd, 0, len(data))  # a request to the kernel; no error, no change
        os.fsync(fd)
    finally:
        os.close(fd)
    assert path.read_bytes() == data
