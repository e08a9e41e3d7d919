"""Refusals inside the archive: members against the manifest, path tricks, sizes, layout.

Each bundle is assembled by hand (``make_bundle``), properly encrypted and signed, so the
archive reader and the manifest checks are what refuse it; the store stays unchanged.
"""

from __future__ import annotations

from typing import Any

import pytest

from storage.errors import UtvagError
from sync.bundle.errors import (
    ExtraMemberError,
    ManifestError,
    MemberHashError,
    MemberOrderError,
    MemberSizeError,
    MissingMemberError,
)
from sync.wire.errors import (
    BundleFormatError,
    BundleTooLargeError,
    UnsafeMemberNameError,
    UnsafeMemberTypeError,
)
from tests.test_bundle_support import Pair, make_bundle, pair, refused, tar_entry

__all__ = ["pair"]


# ---------------------------------------------------------------- members


def _entries(transform: Any) -> Any:
    def build(body: bytes, sig: bytes, members: list[tuple[str, bytes]]) -> list[bytes]:
        head = [tar_entry("manifest.json", body), tar_entry("manifest.json.minisig", sig)]
        return head + transform([tar_entry(n, d) for n, d in members])

    return build


def test_member_refusals(pair: Pair) -> None:
    path = pair.dir / "mem.utvag"
    make_bundle(pair, path, edit=lambda m: m["members"][1].update(sha256="0" * 64))
    refused(pair, path, MemberHashError)
    make_bundle(pair, path, edit=lambda m: m["members"][1].update(size=69_999))
    refused(pair, path, MemberSizeError)
    make_bundle(pair, path, entries=_entries(lambda e: [*e, tar_entry("extra.bin", b"x")]))
    refused(pair, path, ExtraMemberError)
    make_bundle(pair, path, entries=_entries(lambda e: [*e, e[0]]))
    refused(pair, path, UnsafeMemberNameError)  # a name twice
    make_bundle(pair, path, entries=_entries(lambda e: e[:1]))
    refused(pair, path, MissingMemberError)
    make_bundle(pair, path, entries=_entries(lambda e: e[::-1]))
    refused(pair, path, MemberOrderError)


@pytest.mark.parametrize(
    ("entry", "error"),
    [
        (tar_entry("../x", b"x"), UnsafeMemberNameError),
        (tar_entry("/etc/x", b"x"), UnsafeMemberNameError),
        (tar_entry("documents/../../x", b"x"), UnsafeMemberNameError),
        (tar_entry("Case.JSON", b"x"), UnsafeMemberNameError),
        (tar_entry("nul.txt", b"x"), UnsafeMemberNameError),
        (tar_entry("a\x00b", b"x"), UnsafeMemberNameError),
        (tar_entry("link", b"", typeflag=b"2", linkname=b"/etc/passwd"), UnsafeMemberTypeError),
        (tar_entry("hard", b"", typeflag=b"1", linkname=b"case.json"), UnsafeMemberTypeError),
        (tar_entry("documents", b"", typeflag=b"5"), UnsafeMemberTypeError),
        (tar_entry("dev", b"", typeflag=b"3"), UnsafeMemberTypeError),
        (tar_entry("fifo", b"", typeflag=b"6"), UnsafeMemberTypeError),
        (tar_entry("pax", b"20 path=../../etc/x\n", typeflag=b"x"), UnsafeMemberTypeError),
        (tar_entry("././@LongLink", b"../x\0", typeflag=b"L"), UnsafeMemberTypeError),
        (tar_entry("x", b"x", prefix=b"etc"), UnsafeMemberTypeError),
        (tar_entry("suid", b"x", mode=0o4755), UnsafeMemberTypeError),
    ],
    ids=[
        "dotdot",
        "absolute",
        "nested-dotdot",
        "upper",
        "windows-device",
        "nul",
        "symlink",
        "hardlink",
        "directory",
        "device",
        "fifo",
        "pax",
        "gnu-longname",
        "prefix",
        "setuid",
    ],
)
def test_path_tricks(pair: Pair, entry: bytes, error: type[UtvagError]) -> None:
    path = make_bundle(pair, pair.dir / "trick.utvag", entries=_entries(lambda e: [e[0], entry]))
    refused(pair, path, error)


def test_oversized_manifest_and_member(pair: Pair) -> None:
    path = pair.dir / "big.utvag"

    def big_manifest(body: bytes, sig: bytes, members: list[tuple[str, bytes]]) -> list[bytes]:
        return [tar_entry("manifest.json", body + b" " * (1024 * 1024))]

    make_bundle(pair, path, entries=big_manifest)
    refused(pair, path, BundleTooLargeError)
    huge = tar_entry("documents/0001.bin", b"", size=5 * 1024**3)
    make_bundle(pair, path, entries=_entries(lambda e: [e[0], huge]))
    refused(pair, path, BundleTooLargeError)


def test_archive_layout_refusals(pair: Pair) -> None:
    path = pair.dir / "layout.utvag"

    def swapped(body: bytes, sig: bytes, members: list[tuple[str, bytes]]) -> list[bytes]:
        return [tar_entry("manifest.json.minisig", sig), tar_entry("manifest.json", body)]

    make_bundle(pair, path, entries=swapped)
    refused(pair, path, BundleFormatError)
    make_bundle(pair, path, tail=b"")
    refused(pair, path, BundleFormatError)  # no end-of-archive blocks
    make_bundle(pair, path, tail=bytes(1024) + b"garbage".ljust(512, b"\0"))
    refused(pair, path, BundleFormatError)
    make_bundle(pair, path, members=[], edit=lambda m: m.update(members=[]))
    refused(pair, path, ManifestError)  # a handover carries at least one member
    make_bundle(pair, path, entries=lambda body, sig, members: [tar_entry("manifest.json", body)])
    refused(pair, path, BundleFormatError)
