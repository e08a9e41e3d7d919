"""Hostile backup files (``utvag backup verify``): success or a typed error, bounded memory.

Byte mutations of a real backup, checked without a secret (structure and hashes) and, for a
sample, deeply with the recovery code; and tar bombs (many members, a pax header that
declares a huge size).
"""

from __future__ import annotations

import tarfile
import time
from pathlib import Path

import pytest
from hypothesis import given, seed
from hypothesis import strategies as st

from storage.backup.backups import (
    create_backup,
    verify_backup,
)
from storage.casefile import (
    cases,
    journal,
)
from tests.reliability import support
from tests.test_bundle_support import tar_entry
from tests.test_store_support import PASS, make_store

MiB = 1 << 20


@pytest.fixture(scope="module")
def backup(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("fuzz-backup")
    store, code = make_store(root / "store", device=False)
    with store:
        cid = cases.create_case(store, case_type="defector", home_municipality="Lund")
        journal.add_journal_entry(store, cid, "backup fuzz")
        create_backup(store, root / "b.utvagbackup", PASS)
    return root / "b.utvagbackup", code


def test_mutated_backups(backup: tuple[Path, str], tmp_path: Path) -> None:
    path, code = backup
    original = path.read_bytes()
    outcome = support.Outcome()
    deep = support.Outcome()
    target = tmp_path / "x.utvagbackup"

    @support.fuzz_settings(150, 3000)
    @seed(support.SEED)
    @given(data=st.data())
    def inner(data: st.DataObject) -> None:
        target.write_bytes(support.mutate_bytes(data, original))
        result = support.attempt(
            outcome, lambda: verify_backup(target), label="mutated", max_bytes=16 * MiB
        )
        assert not outcome.bad, outcome.bad[-1]
        if result is not None and deep.inputs < support.budget(5, 50):
            support.attempt(
                deep,
                lambda: verify_backup(target, recovery_code=code),
                label="deep",
                seconds=30,
                traced=False,
            )
            assert not deep.bad, deep.bad[-1]

    start = time.perf_counter()
    inner()
    support.record(
        "fuzz-backup",
        inputs=outcome.inputs,
        accepted=outcome.accepted,
        refused=outcome.refused,
        errors=outcome.errors,
        bad=len(outcome.bad),
        deep_checked=deep.inputs,
        deep_refused=deep.refused,
        peak_bytes=outcome.peak,
        seconds=round(time.perf_counter() - start, 1),
    )


def _many_members(path: Path) -> None:
    with path.open("wb") as fh:
        for i in range(support.budget(20000, 200000)):
            fh.write(tar_entry(f"m{i}", b""))
        fh.write(bytes(1024))


def _pax_bomb(path: Path, declared: int) -> None:
    path.write_bytes(
        tar_entry("././@PaxHeader", b"", typeflag=b"x", size=declared)
        + b"30 path="
        + b"a" * 1000
        + b"\n"
    )


def test_many_members(tmp_path: Path) -> None:
    path = tmp_path / "many.utvagbackup"
    _many_members(path)
    outcome = support.Outcome()
    support.attempt(
        outcome,
        lambda: verify_backup(path),
        label="many members",
        seconds=60,
        max_bytes=2 * path.stat().st_size,
    )
    support.record(
        "backup-bomb many members",
        inputs=1,
        refused=outcome.refused,
        bad=len(outcome.bad),
        peak_bytes=outcome.peak,
        file_bytes=path.stat().st_size,
        seconds=round(outcome.slowest, 2),
    )
    assert not outcome.bad, outcome.bad
    assert outcome.refused == 1


def test_pax_header_bomb(tmp_path: Path) -> None:
    path = tmp_path / "pax.utvagbackup"
    _pax_bomb(path, 256 * MiB)
    outcome = support.Outcome()
    support.attempt(outcome, lambda: verify_backup(path), label="pax bomb", max_bytes=16 * MiB)
    assert not outcome.bad, outcome.bad


def test_the_bomb_files_are_what_they_claim(tmp_path: Path) -> None:
    """Sanity: the pax bomb really is a tar whose pax header declares the size."""
    path = tmp_path / "pax.tar"
    _pax_bomb(path, 4096)
    with pytest.raises(tarfile.TarError):
        with tarfile.open(path, "r:") as tar:
            tar.getmembers()
