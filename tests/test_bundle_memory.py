"""Memory stays flat: sealing and opening a 64 MiB bundle peaks about like an 8 MiB one.

Measured with ``tracemalloc`` (Python allocations; SQLCipher's page cache is bounded by
its own settings). The documents come from a file on disk (random bytes, not case data).
"""

from __future__ import annotations

import hashlib
import os
import tracemalloc
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from sync.bundle.open import open_bundle
from sync.bundle.seal import seal_bundle
from sync.wire.offload import BATCH_BYTES, DEPTH
from tests.test_bundle_support import Pair, pair

__all__ = ["pair"]
MiB = 1024 * 1024


def peak(fn: Callable[[], Any]) -> tuple[int, Any]:
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        result = fn()
        return tracemalloc.get_traced_memory()[1], result
    finally:
        tracemalloc.stop()


def _round(p: Pair, size: int) -> tuple[int, int]:
    src = p.dir / f"doc-{size}.bin"
    with src.open("wb") as f:
        for _ in range(size // MiB):
            f.write(os.urandom(MiB))
    out = p.dir / f"mem-{size}.utvag"

    def seal() -> None:
        with src.open("rb") as stream:
            seal_bundle(
                p.a,
                kind="handover",
                recipients=[p.b_at_a],
                out=out,
                expires=timedelta(days=1),
                case_ref="M-1",
                legal_basis="consent",
                members=[("case.json", b"{}", 2), ("documents/0001.bin", stream, size)],
            )

    def open_and_read() -> str:
        opened = open_bundle(p.b, out)
        digest = hashlib.sha256()
        stream = opened.read_member("documents/0001.bin")
        while block := stream.read(256 * 1024):
            digest.update(block)
        opened.discard()
        return digest.hexdigest()

    seal_peak, _ = peak(seal)
    open_peak, digest = peak(open_and_read)
    with src.open("rb") as f:
        assert digest == hashlib.file_digest(f, "sha256").hexdigest()
    src.unlink()
    out.unlink()
    return seal_peak, open_peak


#: What the background threads may hold at once, whatever the size: two streams of blocks
#: (the plaintext being re-hashed, the ciphertext being hashed and written) of at most
#: ``DEPTH`` queued batches, one being gathered and one being worked on each. How much of it
#: is in use at the peak depends on timing, so the sizes are compared with it as the margin.
QUEUED = 2 * (DEPTH + 2) * BATCH_BYTES


@pytest.mark.slow
def test_memory_is_flat(pair: Pair) -> None:
    small_seal, small_open = _round(pair, 8 * MiB)
    big_seal, big_open = _round(pair, 64 * MiB)
    print(f"peaks: seal {small_seal} / {big_seal}, open {small_open} / {big_open}")
    assert QUEUED <= 6 * MiB  # the bound itself stays small
    for small, big in ((small_seal, big_seal), (small_open, big_open)):
        assert big < 8 * MiB  # a 64 MiB bundle, never held whole
        assert big < small + QUEUED + MiB  # eight times the data: no more than the queues
