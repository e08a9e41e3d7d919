"""Hostile key-slot files: every input ends in success or a typed error, fast, in bounded memory.

Three kinds of input: byte-level mutations of a real keyslots.json (the checksum catches them
before any KDF); structural mutations with the checksum recomputed (as an attacker who can
write the folder would), so the validators behind the checksum are reached; and bombs (deep
nesting, huge numbers, huge files). A sample of the structurally mutated files that still
parse is opened with ``unlock_store`` (the real passphrase; a KDF each).
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, seed
from hypothesis import strategies as st

from storage.vault import keyslots
from storage.vault.keyslots import _checksum
from storage.vault.opening import unlock_store
from tests.reliability import support
from tests.test_store_support import PASS, make_store

FILE = "keyslots.json"


@pytest.fixture(scope="module")
def closed_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fuzz-ks") / "store"
    make_store(path, device=False)[0].close()
    return path


def _parse(raw: bytes) -> Any:
    return keyslots.parse(raw, Path(FILE))


def test_mutated_bytes(closed_store: Path) -> None:
    original = (closed_store / FILE).read_bytes()
    outcome = support.Outcome()

    @support.fuzz_settings(300, 20000)
    @seed(support.SEED)
    @given(data=st.data())
    def inner(data: st.DataObject) -> None:
        raw = support.mutate_bytes(data, original)
        support.attempt(outcome, lambda: _parse(raw), label=repr(raw[:60]), seconds=2)
        assert not outcome.bad, outcome.bad[-1]

    start = time.perf_counter()
    inner()
    _record("fuzz-keyslots-bytes", outcome, start)
    assert outcome.refused > 0


def test_structural_mutations_with_a_valid_checksum(closed_store: Path, tmp_path: Path) -> None:
    doc = json.loads((closed_store / FILE).read_bytes())
    outcome = support.Outcome()
    parsed: list[bytes] = []

    @support.fuzz_settings(150, 5000)
    @seed(support.SEED)
    @given(data=st.data())
    def inner(data: st.DataObject) -> None:
        mutated = support.mutate_json(data, doc)
        if isinstance(mutated, dict):
            mutated["checksum"] = _checksum(mutated)
        raw = json.dumps(mutated).encode()
        result = support.attempt(outcome, lambda: _parse(raw), label=repr(mutated)[:200])
        assert not outcome.bad, outcome.bad[-1]
        if result is not None and raw != (closed_store / FILE).read_bytes():
            parsed.append(raw)

    start = time.perf_counter()
    inner()
    # Some mutations keep the file valid (e.g. a changed "created"); open a sample for real.
    opened = support.Outcome()
    for i, raw in enumerate(parsed[: support.budget(8, 100)]):
        copy = tmp_path / f"s{i}"
        copy.mkdir()
        for name in ("store.db", FILE):
            (copy / name).write_bytes((closed_store / name).read_bytes())
        (copy / FILE).write_bytes(raw)

        def go(path: Path = copy) -> None:
            unlock_store(path, PASS, actor="fuzz").close()

        support.attempt(opened, go, label=f"unlock {raw[:80]!r}", seconds=30, traced=False)
    assert not opened.bad, opened.bad
    _record(
        "fuzz-keyslots-structure",
        outcome,
        start,
        unlocked=opened.inputs,
        unlock_refused=opened.refused,
    )


BOMBS = {
    "64 KiB of whitespace": b" " * (64 * 1024 - 1),
    "just over the 64 KiB limit": b" " * (64 * 1024 + 1),
    "10 MiB file": b"{" + b" " * (10 << 20),
    "huge integer version": b'{"format": "utvag-keyslots", "version": ' + b"9" * 5000 + b"}",
    "float overflow": b'{"format": "utvag-keyslots", "version": 1e999999}',
    "NaN": b'{"format": "utvag-keyslots", "version": NaN}',
    "not UTF-8": b"\xff\xfe{\x00}",
    "UTF-16 BOM": '{"format": "utvag-keyslots"}'.encode("utf-16"),
}


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_bombs(name: str) -> None:
    outcome = support.Outcome()
    support.attempt(outcome, lambda: _parse(BOMBS[name]), label=name, max_bytes=48 << 20)
    assert not outcome.bad, outcome.bad


@pytest.mark.parametrize("kind", ["list", "dict"])
def test_deep_nesting_is_refused_as_damaged(kind: str) -> None:
    outcome = support.Outcome()
    raw = support.deep_json(30000 if kind == "list" else 10000, kind)
    support.attempt(outcome, lambda: _parse(raw), label=f"deep {kind}")
    assert not outcome.bad, outcome.bad


def _record(name: str, outcome: support.Outcome, start: float, **extra: Any) -> None:
    support.record(
        name,
        inputs=outcome.inputs,
        accepted=outcome.accepted,
        refused=outcome.refused,
        errors=outcome.errors,
        bad=len(outcome.bad),
        slowest_s=round(outcome.slowest, 3),
        peak_bytes=outcome.peak,
        seconds=round(time.perf_counter() - start, 1),
        **extra,
    )
