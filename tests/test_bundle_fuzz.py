"""Hypothesis against ``open_bundle``: mutated bundles and random bytes.

The only outcomes allowed are success (an unchanged bundle) or one typed
:class:`~storage.errors.UtvagError`, each within a time bound, and the store unchanged
after every refusal. Mutations are applied both to the sealed file (age must catch them)
and to the plaintext archive before encryption (the archive reader, signature and manifest
checks must catch them).
"""

from __future__ import annotations

import io
import time
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storage.errors import UtvagError
from sync.age import (
    encrypt,
    parse_recipient,
)
from sync.bundle.open import open_bundle
from sync.bundle.seal import seal_bundle
from sync.trust import identity
from tests.test_bundle_support import Pair, StoreState, comment_for, manifest_dict, pair, tar_entry

__all__ = ["pair"]

FUZZ = settings(
    max_examples=60,
    deadline=5000,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
_cache: dict[str, bytes] = {}


def _sealed(p: Pair) -> bytes:
    if "sealed" not in _cache:
        out = p.dir / "fuzz-base.utvag"
        doc = bytes(range(256)) * 300
        seal_bundle(
            p.a,
            kind="handover",
            recipients=[p.b_at_a],
            out=out,
            expires=timedelta(days=5),
            case_ref="F-1",
            legal_basis="consent",
            members=[("case.json", b"{}", 2), ("documents/0001.bin", io.BytesIO(doc), len(doc))],
        )
        _cache["sealed"] = out.read_bytes()
    return _cache["sealed"]


def _plain(p: Pair) -> bytes:
    if "plain" not in _cache:
        import json

        from sync.signing.minisign import sign

        members = [("case.json", b'{"x": 1}'), ("documents/0001.bin", b"d" * 3000)]
        m = manifest_dict(p, members)
        body = (json.dumps(m, indent=2) + "\n").encode()
        sig = sign(body, p.a_keys.signing_key, comment_for(m)).encode()
        parts = [tar_entry("manifest.json", body), tar_entry("manifest.json.minisig", sig)]
        _cache["plain"] = b"".join(parts + [tar_entry(n, d) for n, d in members]) + bytes(1024)
    return _cache["plain"]


def _attempt(p: Pair, path: Path, data: bytes) -> None:
    path.write_bytes(data)
    before = StoreState.of(p.b)
    start = time.perf_counter()
    try:
        opened = open_bundle(p.b, path)
    except UtvagError:
        assert StoreState.of(p.b) == before
    else:
        opened.discard()
    assert time.perf_counter() - start < 3


def _mutate(data: st.DataObject, blob: bytes) -> bytes:
    out = bytearray(blob)
    for _ in range(data.draw(st.integers(1, 4))):
        choice = data.draw(st.sampled_from(["flip", "set", "cut", "insert"]))
        pos = data.draw(st.integers(0, max(0, len(out) - 1)))
        if choice == "flip" and out:
            out[pos] ^= 1 << data.draw(st.integers(0, 7))
        elif choice == "set" and out:
            out[pos] = data.draw(st.integers(0, 255))
        elif choice == "cut":
            del out[pos : pos + data.draw(st.integers(1, 600))]
        else:
            out[pos:pos] = data.draw(st.binary(min_size=1, max_size=64))
    return bytes(out)


@FUZZ
@given(data=st.data())
def test_mutated_sealed_bundles(pair: Pair, data: st.DataObject) -> None:
    _attempt(pair, pair.dir / "fuzz.utvag", _mutate(data, _sealed(pair)))


@FUZZ
@given(data=st.data())
def test_mutated_archives_inside_valid_encryption(pair: Pair, data: st.DataObject) -> None:
    plain = _mutate(data, _plain(pair))
    age = parse_recipient(identity.get_identity(pair.b).keys.age)
    _attempt(pair, pair.dir / "fuzz2.utvag", encrypt(plain, [age]))


@FUZZ
@given(blob=st.binary(max_size=2048))
def test_random_bytes(pair: Pair, blob: bytes) -> None:
    _attempt(pair, pair.dir / "fuzz3.utvag", blob)
    _attempt(pair, pair.dir / "fuzz4.utvag", b"age-encryption.org/v1\n" + blob)
