"""Bundles: seal and open of a case with documents against the ``age`` CLI, and flat memory.

Figures (all in the same run, on the same data):

- seal of a case with documents (default 256 MiB) vs ``age -r`` encrypting the same bytes;
- open (decrypt, verify, stage encrypted under an in-memory key) vs ``age -d`` decrypting them
  to a file;
- peak Python memory (tracemalloc) opening a 64 MiB vs a 1 GiB bundle, and sealing them.

``UTVAG_BENCH_BUNDLE_MB`` (default 256) and ``UTVAG_BENCH_BUNDLE_BIG_MB`` (default 1024) shrink
the sizes for a quick run. Our seal uses the hybrid post-quantum recipient (the default
between Utväg stores); the age 1.1.1 CLI only has X25519 — the header cost is negligible.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
import tracemalloc
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from benchmarks.pairs import interleaved
from benchmarks.report import Report
from storage.vault.crypto import KdfParams
from storage.vault.opening import create_store
from storage.vault.store import Store
from sync.age import decrypt_stream
from sync.bundle.open import open_bundle
from sync.bundle.seal import seal_bundle
from sync.trust import (
    contacts,
    identity,
)
from sync.wire.ustar import (
    TarMember,
    TarReader,
)

SECTION = "Bundles (sync)"
MiB = 1024 * 1024
DOCS = 4
PEAK_RUNS = 3
#: Pairs per speed row. With 7, the seal's median moved between 0.85 and 1.06 from run to
#: run of the same code (docs/benchmarks.md, fourth round); 21 pin it down.
SPEED_PAIRS = 21


def _store(path: Path, names: tuple[str, str, str]) -> Store:
    store, _ = create_store(
        path, "benchmark passphrase", actor="bench", use_device_key=False, kdf=KdfParams.minimum()
    )
    identity.ensure_identity(store, *names)
    return store


def _pair(root: Path) -> tuple[Store, Store, int]:
    a = _store(root / "a", ("Malmö", "Exit", "Anna"))
    b = _store(root / "b", ("Lund", "Exit", "Bertil"))
    b_at_a = contacts.import_card(a, identity.export_card(b))
    a_at_b = contacts.import_card(b, identity.export_card(a))
    contacts.verify_contact(a, b_at_a, identity.get_identity(b).fingerprint)
    contacts.verify_contact(b, a_at_b, identity.get_identity(a).fingerprint)
    return a, b, b_at_a


def _docs(root: Path, total: int) -> list[tuple[Path, str]]:
    """Random documents on disk, with their SHA-256 (the store keeps one per document)."""
    out = []
    for i in range(DOCS):
        path, digest = root / f"doc{i}.bin", hashlib.sha256()
        with path.open("wb") as f:
            for _ in range(max(1, total // DOCS // MiB)):
                block = os.urandom(MiB)
                digest.update(block)
                f.write(block)
        out.append((path, digest.hexdigest()))
    return out


def _seal(a: Store, to: int, docs: list[tuple[Path, str]], out: Path) -> None:
    streams = [p.open("rb") for p, _ in docs]
    try:
        members: list[Any] = [("case.json", b'{"case": "bench"}', 17)]
        members += [
            (f"documents/{i + 1:04d}.bin", s, docs[i][0].stat().st_size, docs[i][1])
            for i, s in enumerate(streams)
        ]
        seal_bundle(
            a,
            kind="handover",
            recipients=[to],
            out=out,
            expires=timedelta(days=1),
            case_ref="BENCH-1",
            legal_basis="consent",
            members=members,
        )
    finally:
        for s in streams:
            s.close()


def _open(b: Store, path: Path) -> None:
    opened = open_bundle(b, path)
    opened.discard()


class _Hashing:
    """A consumer that only hashes members: open without the store (for the breakdown)."""

    def __init__(self) -> None:
        self.digest = hashlib.sha256()

    def member_start(self, member: TarMember) -> None:
        pass

    def member_data(self, data: memoryview) -> None:
        self.digest.update(data)

    def member_end(self) -> None:
        pass


def _decrypt_only(b: Store, path: Path) -> None:
    keys = identity.current_keys(b)
    reader = TarReader(_Hashing(), max_members=100, max_member_size=1 << 40)
    with path.open("rb") as f:
        decrypt_stream(f, reader, [keys.pq, keys.x25519])  # type: ignore[arg-type]
    reader.finish()


def _peak(fn: Callable[[], object]) -> float:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / MiB
    finally:
        tracemalloc.stop()


def _age_cli(root: Path, docs: list[tuple[Path, str]], recipient: str, key: Path) -> Any:
    """The stock ``age`` commands on the same bytes: (encrypt, encrypt + fsync, decrypt)."""
    plain, sealed, back = root / "plain.bin", root / "cli.age", root / "cli.out"
    with plain.open("wb") as out:
        for d, _ in docs:
            with d.open("rb") as f:
                shutil.copyfileobj(f, out, MiB)

    def encrypt() -> None:
        subprocess.run(["age", "-r", recipient, "-o", str(sealed), str(plain)], check=True)

    def encrypt_durably() -> None:
        encrypt()
        subprocess.run(["sync", str(sealed)], check=True)  # fsync, as seal_bundle does

    def decrypt() -> None:
        subprocess.run(["age", "-d", "-i", str(key), "-o", str(back), str(sealed)], check=True)

    encrypt()  # the file ``decrypt`` reads
    return encrypt, encrypt_durably, decrypt


def _speed(report: Report, root: Path, a: Store, b: Store, to: int, size: int) -> None:
    docs = _docs(root, size)
    out = root / "case.utvag"
    label = f"{size // MiB} MiB case, {DOCS} documents"

    def seal() -> None:
        out.unlink(missing_ok=True)
        _seal(a, to, docs, out)

    seal()  # the bundle ``open`` reads
    if shutil.which("age") is None:
        print("  (no age CLI: bundle ratios skipped)")
        return
    key = root / "key.txt"
    key.write_text(identity.export_age_identity(b))
    encrypt, encrypt_durably, decrypt = _age_cli(root, docs, identity.get_identity(b).keys.age, key)
    sealed_copy = root / "sealed.utvag"
    shutil.copyfile(out, sealed_copy)

    def seal_again() -> None:
        _seal(a, to, docs, root / "again.utvag")

    def drop_again() -> None:
        (root / "again.utvag").unlink(missing_ok=True)

    rows = [
        (
            f"seal {label}",
            interleaved(seal_again, encrypt, between=drop_again, pairs=SPEED_PAIRS),
            "age -r (CLI)",
            "ratio ≤ 1",
            "tar + age (hybrid PQ) + SHA-256 + fsync; document hashes known",
        ),
        (
            f"seal {label} (durable baseline)",
            interleaved(seal_again, encrypt_durably, between=drop_again, pairs=SPEED_PAIRS),
            "age -r + sync FILE",
            "",
            "the same, against age followed by an fsync of its output",
        ),
        (
            f"open {label}",
            interleaved(lambda: _open(b, sealed_copy), decrypt, pairs=SPEED_PAIRS),
            "age -d (CLI)",
            "ratio ≤ 1",
            "age + tar + signature + SHA-256 per member and of the file + staging",
        ),
        (
            f"open {label}, without staging",
            interleaved(lambda: _decrypt_only(b, sealed_copy), decrypt, pairs=SPEED_PAIRS),
            "age -d (CLI)",
            "",
            "age + tar + SHA-256 only: the rest of 'open' is staging and checks",
        ),
    ]
    for name, pairs, base_name, aim, note in rows:
        report.add_pairs(SECTION, name, pairs, base_name, aim=aim, note=note)
    for p in (out, sealed_copy, key, root / "plain.bin", root / "cli.age", root / "cli.out"):
        p.unlink(missing_ok=True)
    for d, _ in docs:
        d.unlink()


def _memory(report: Report, root: Path, a: Store, b: Store, to: int, big: int) -> None:
    peaks = {}
    for total in (64 * MiB, big):
        docs = _docs(root, total)
        path = root / f"mem-{total}.utvag"

        def seal(docs: list[tuple[Path, str]] = docs, path: Path = path) -> None:
            path.unlink(missing_ok=True)
            _seal(a, to, docs, path)

        seal_peak = max(_peak(seal) for _ in range(PEAK_RUNS))

        def open_(path: Path = path) -> None:
            _open(b, path)

        open_peak = max(_peak(open_) for _ in range(PEAK_RUNS))
        peaks[total] = (seal_peak, open_peak)
        path.unlink()
        for d, _ in docs:
            d.unlink()
    for i, what in enumerate(("seal", "open")):
        report.add(
            SECTION,
            f"peak memory, {what} {big // MiB} MiB",
            peaks[big][i],
            "MiB",
            baseline=peaks[64 * MiB][i],
            baseline_name=f"{what} 64 MiB",
            aim="ratio ≈ 1 (flat)",
            note=f"tracemalloc peak, the highest of {PEAK_RUNS} runs each (no pairs): how "
            "full the bounded background queues are at the peak depends on timing",
        )


def run(report: Report) -> None:
    size = int(os.environ.get("UTVAG_BENCH_BUNDLE_MB", "256")) * MiB
    big = int(os.environ.get("UTVAG_BENCH_BUNDLE_BIG_MB", "1024")) * MiB
    with tempfile.TemporaryDirectory(prefix="utvag-bench-bundle-") as tmp:
        root = Path(tmp)
        a, b, to = _pair(root)
        try:
            _speed(report, root, a, b, to, size)
            _memory(report, root, a, b, to, big)
        finally:
            a.close()
            b.close()


if __name__ == "__main__":
    run(Report())
