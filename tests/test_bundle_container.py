"""The strict ustar reader and writer, the manifest parser, and fuzzing of both.

Hypothesis feeds mutated and random archives and manifests: the only outcomes allowed are
success or a typed :class:`~storage.errors.UtvagError`, within a time bound.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import time
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storage.errors import UtvagError
from sync.bundle.errors import ManifestError
from sync.bundle.manifest import (
    Manifest,
    MemberEntry,
    RecipientEntry,
    Sender,
    parse_manifest,
)
from sync.wire.errors import (
    BundleFormatError,
    BundleTooLargeError,
    MemberChangedError,
    UnsafeMemberNameError,
)
from sync.wire.ustar import (
    BLOCK,
    IterReader,
    TarMember,
    TarReader,
    check_member_name,
    member_blocks,
    read_small_archive,
    small_archive,
    ustar_header,
)

FUZZ = settings(
    max_examples=300, deadline=1000, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
SAMPLE = small_archive([("case.json", b'{"a": 1}'), ("documents/0001.bin", bytes(range(256)) * 5)])


class Events:
    def __init__(self) -> None:
        self.log: list[tuple[str, int]] = []
        self.data: dict[str, bytearray] = {}

    def member_start(self, member: TarMember) -> None:
        self.log.append((member.name, member.size))
        self.data[member.name] = bytearray()

    def member_data(self, data: memoryview) -> None:
        self.data[self.log[-1][0]] += data

    def member_end(self) -> None:
        pass


def feed(data: bytes, step: int) -> Events:
    events = Events()
    reader = TarReader(events, max_members=10, max_member_size=1 << 20)
    for i in range(0, len(data), step):
        reader.write(data[i : i + step])
    reader.finish()
    return events


@pytest.mark.parametrize("step", [1, 7, 511, 512, 513, 4096, 1 << 20])
def test_reader_is_independent_of_how_bytes_arrive(step: int) -> None:
    events = feed(SAMPLE, step)
    assert events.log == [("case.json", 8), ("documents/0001.bin", 1280)]
    assert bytes(events.data["documents/0001.bin"]) == bytes(range(256)) * 5


def test_names() -> None:
    for ok in ("case.json", "documents/0001.bin", "a/b/c/d.e.f", "x-1_2", "manifest.json.minisig"):
        assert check_member_name(ok) == ok
    bad_names = ["", ".", "..", "../x", "/x", "a//b", "a/", "A.json", "a b", "a/../b", ".hidden"]
    bad_names += ["x.", "a..b", "con", "aux.txt", "a/b/c/d/e", "é", "a\\b", "x" * 65, "a:b"]
    for bad in bad_names:
        with pytest.raises(UnsafeMemberNameError):
            check_member_name(bad)


def test_structure_refusals() -> None:
    head = ustar_header("a.bin", 3)
    with pytest.raises(BundleFormatError):
        feed(head + b"abc" + b"\x01" + bytes(508) + bytes(1024), 512)  # non-zero padding
    with pytest.raises(BundleFormatError):
        feed(head[:148] + b"0000000\0" + head[156:] + b"abc".ljust(512, b"\0") + bytes(1024), 512)
    with pytest.raises(BundleFormatError):
        feed(SAMPLE[:-1], 512)  # not on a block boundary
    with pytest.raises(BundleFormatError):
        feed(SAMPLE + bytes(BLOCK * 19), 512)  # more than 20 trailing zero blocks
    feed(SAMPLE + bytes(BLOCK * 18), 512)
    with pytest.raises(BundleFormatError):
        feed(SAMPLE[:-BLOCK], 512)  # a lone zero block
    gnu = head[:257] + b"ustar  \0" + head[265:]
    with pytest.raises(BundleFormatError):
        feed(gnu, 512)
    with pytest.raises(BundleTooLargeError):
        TarReader(Events(), max_members=1, max_member_size=10).write(SAMPLE)


@pytest.mark.skipif(shutil.which("tar") is None, reason="tar is not installed")
def test_gnu_tar_ustar_is_read_and_other_formats_refused(tmp_path: Path) -> None:
    (tmp_path / "documents").mkdir()
    (tmp_path / "case.json").write_bytes(b"{}")
    (tmp_path / "documents" / "0001.bin").write_bytes(b"z" * 10_000)
    base = ["tar", "--owner=0", "--group=0", "--numeric-owner", "-C", str(tmp_path), "-cf", "-"]
    files = ["case.json", "documents/0001.bin"]
    ustar = subprocess.run(
        [*base[:1], "--format=ustar", *base[1:], *files], capture_output=True, check=True
    )
    events = feed(ustar.stdout, 10240)
    assert [n for n, _ in events.log] == files
    for fmt in ("gnu", "pax", "oldgnu"):
        other = subprocess.run(
            [*base[:1], f"--format={fmt}", *base[1:], *files], capture_output=True, check=True
        )
        with pytest.raises(UtvagError):
            feed(other.stdout, 10240)
    with_dir = subprocess.run(
        [*base[:1], "--format=ustar", *base[1:], "documents"], capture_output=True, check=True
    )
    with pytest.raises(UtvagError):
        feed(with_dir.stdout, 10240)


def test_writer_reads_exactly_size_and_reports_short_streams() -> None:
    blocks = list(member_blocks("a.bin", io.BytesIO(b"abcdef"), 4))
    assert b"".join(blocks)[BLOCK : BLOCK + 4] == b"abcd" and len(b"".join(blocks)) == 2 * BLOCK
    with pytest.raises(MemberChangedError):
        list(member_blocks("a.bin", io.BytesIO(b"ab"), 4))
    reader = IterReader(iter([b"ab", b"", b"cde"]))
    assert reader.read(4) == b"abcd" and reader.read() == b"e" and reader.read(3) == b""


@FUZZ
@given(st.data())
def test_fuzz_mutated_archives(data: st.DataObject) -> None:
    blob = bytearray(SAMPLE)
    for _ in range(data.draw(st.integers(1, 6))):
        pos = data.draw(st.integers(0, len(blob) - 1))
        blob[pos] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        blob = blob[: data.draw(st.integers(0, len(blob)))]
    start = time.perf_counter()
    try:
        read_small_archive(bytes(blob), max_members=10, max_member_size=1 << 20)
    except UtvagError:
        pass
    assert time.perf_counter() - start < 0.5


@FUZZ
@given(st.binary(max_size=4096))
def test_fuzz_random_archives(blob: bytes) -> None:
    try:
        read_small_archive(blob, max_members=10, max_member_size=1 << 20)
    except UtvagError:
        pass


def _manifest() -> bytes:
    fp = "12345 67890 12345 67890 12345 67890 12345 67890"
    from datetime import UTC, datetime, timedelta

    now = datetime(2025, 5, 1, tzinfo=UTC)
    return Manifest(
        "handover",
        str(uuid.uuid4()),
        now,
        now + timedelta(days=3),
        5,
        Sender("Malmö", "Exit", "Anna", "0011223344556677", "RWQ" + "A" * 53, fp),
        (RecipientEntry("Lund", "Avhopp", "Bertil", fp.replace("1", "9"), ("age1xyz",)),),
        "MAL-1",
        "consent",
        (MemberEntry("case.json", 2, hashlib.sha256(b"{}").hexdigest()),),
    ).to_bytes()


def test_manifest_round_trip_and_strictness() -> None:
    raw = _manifest()
    assert parse_manifest(raw).to_bytes() == raw
    for bad in (
        raw.replace(b'"version": 1', b'"version": 1.0'),
        raw.replace(b'"version": 1', b'"version": true'),
        raw.replace(b'"kind": "handover"', b'"kind": "handover", "kind": "handover"'),
        b"\xef\xbb\xbf" + raw,
        raw.replace(b"Malm\xc3\xb6", b"Malm\xf6"),
        b"[" * 100_000,
        raw.replace(b'"sequence": 5', b'"sequence": 0'),
        raw.replace(b'"sequence": 5', b'"sequence": NaN'),
    ):
        with pytest.raises(ManifestError):
            parse_manifest(bad)


@FUZZ
@given(st.data())
def test_fuzz_manifest(data: st.DataObject) -> None:
    blob = bytearray(_manifest())
    for _ in range(data.draw(st.integers(1, 4))):
        pos = data.draw(st.integers(0, len(blob) - 1))
        blob[pos] = data.draw(st.integers(32, 126))
    try:
        parse_manifest(bytes(blob))
    except UtvagError:
        pass
