"""Hostile bundles, manifests and contact cards: success or a typed error, bounded time and
memory. (tests/test_bundle_fuzz.py mutates whole bundles; this adds structure-aware
mutations of the manifest and the card — re-signed, so the checks behind the signature are
reached — and bombs: huge headers, many stanzas, deep JSON, huge declared sizes, many
members, with a tracemalloc bound on each.)
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, seed
from hypothesis import strategies as st

from storage.errors import UtvagError
from sync.age import (
    encrypt,
    parse_recipient,
)
from sync.bundle.manifest import parse_manifest
from sync.bundle.open import open_bundle
from sync.signing.minisign import sign
from sync.trust import (
    contacts,
    identity,
)
from sync.trust.card import (
    CARD_JSON,
    CARD_SIG,
    parse_card,
    self_comment,
)
from sync.wire.ustar import (
    read_small_archive,
    small_archive,
)
from tests.reliability import support
from tests.test_bundle_support import (
    DEFAULT_MEMBERS,
    Pair,
    StoreState,
    comment_for,
    make_bundle,
    manifest_dict,
    pair,
    tar_entry,
)

__all__ = ["pair"]
MiB = 1 << 20


def _open(p: Pair, path: Path) -> None:
    """Open as the receiver does; a refusal must leave the receiving store unchanged."""
    before = StoreState.of(p.b)
    try:
        opened = open_bundle(p.b, path)
    except UtvagError:
        if StoreState.of(p.b) != before:
            raise AssertionError("a refused bundle changed the store") from None
        raise
    opened.discard()


def test_manifest_structure(pair: Pair) -> None:
    base = manifest_dict(pair, DEFAULT_MEMBERS)
    outcome = support.Outcome()

    @support.fuzz_settings(200, 10000)
    @seed(support.SEED)
    @given(data=st.data())
    def inner(data: st.DataObject) -> None:
        raw = json.dumps(support.mutate_json(data, base, rounds=4)).encode()
        support.attempt(outcome, lambda: parse_manifest(raw), label=raw[:200].decode())
        assert not outcome.bad, outcome.bad[-1]

    start = time.perf_counter()
    inner()
    _record("fuzz-manifest", outcome, start)


def test_signed_manifest_mutations_through_open_bundle(pair: Pair) -> None:
    """The mutated manifest is signed by the real sender key: only the manifest checks stand."""
    outcome = support.Outcome()

    @support.fuzz_settings(60, 1000)
    @seed(support.SEED)
    @given(data=st.data())
    def inner(data: st.DataObject) -> None:
        path = pair.dir / "fuzz-manifest.utvag"
        base = manifest_dict(pair, DEFAULT_MEMBERS)
        comment = comment_for(base)
        mutated = support.mutate_json(data, base, rounds=2)
        body = (json.dumps(mutated, indent=2) + "\n").encode()
        sig = sign(body, pair.a_keys.signing_key, comment).encode()
        parts = [tar_entry("manifest.json", body), tar_entry("manifest.json.minisig", sig)]
        parts += [tar_entry(n, d) for n, d in DEFAULT_MEMBERS]
        path.write_bytes(_encrypted_tar(pair, b"".join(parts) + bytes(1024)))
        support.attempt(outcome, lambda: _open(pair, path), label="signed mutation", seconds=10)
        assert not outcome.bad, outcome.bad[-1]

    start = time.perf_counter()
    inner()
    _record("fuzz-bundle-signed-manifest", outcome, start)


def test_contact_cards(pair: Pair) -> None:
    raw_card = identity.export_card(pair.a)
    outcome = support.Outcome()

    @support.fuzz_settings(200, 10000)
    @seed(support.SEED)
    @given(data=st.data())
    def inner(data: st.DataObject) -> None:
        blob = support.mutate_bytes(data, raw_card)
        support.attempt(outcome, lambda: parse_card(blob), label=repr(blob[:80]))
        assert not outcome.bad, outcome.bad[-1]

    start = time.perf_counter()
    inner()
    _record("fuzz-card-bytes", outcome, start)


def test_self_signed_card_mutations(pair: Pair) -> None:
    """card.json mutated and re-signed with the card's own key, then imported."""
    keys = identity.current_keys(pair.a)
    body = json.loads(_card_json_bytes(pair))
    outcome = support.Outcome()

    @support.fuzz_settings(150, 3000)
    @seed(support.SEED)
    @given(data=st.data())
    def inner(data: st.DataObject) -> None:
        raw = json.dumps(support.mutate_json(data, body, rounds=3)).encode()
        comment = self_comment(keys.info.key_id_hex, keys.generation)
        card = small_archive(
            [(CARD_JSON, raw), (CARD_SIG, sign(raw, keys.signing_key, comment).encode())]
        )
        support.attempt(
            outcome, lambda: contacts.import_card(pair.b, card), label=raw[:200].decode()
        )
        assert not outcome.bad, outcome.bad[-1]

    start = time.perf_counter()
    inner()
    _record("fuzz-card-signed", outcome, start)


def _card_json_bytes(p: Pair) -> bytes:
    members = dict(
        read_small_archive(identity.export_card(p.a), max_members=3, max_member_size=64 * 1024)
    )
    return members[CARD_JSON]


# ---------------------------------------------------------------- bombs


def _encrypted_tar(p: Pair, tar: bytes) -> bytes:
    return encrypt(tar, [parse_recipient(identity.get_identity(p.b).keys.age)])


def bombs(p: Pair) -> dict[str, Any]:
    def deep_manifest(path: Path) -> None:
        make_bundle(
            p,
            path,
            entries=lambda body, sig, members: [
                tar_entry("manifest.json", b"[" * 200000),
                tar_entry(
                    "manifest.json.minisig",
                    sign(
                        b"[" * 200000,
                        p.a_keys.signing_key,
                        "utvag-bundle v1 id=x kind=handover seq=1",
                    ).encode(),
                ),
            ],
        )

    def huge_manifest(path: Path) -> None:
        m = manifest_dict(p, DEFAULT_MEMBERS)
        m["case_ref"] = "x" * (8 * MiB)
        body = json.dumps(m).encode()
        sig = sign(body, p.a_keys.signing_key, comment_for(m)).encode()
        tar = tar_entry("manifest.json", body) + tar_entry("manifest.json.minisig", sig)
        path.write_bytes(_encrypted_tar(p, tar + bytes(1024)))

    def declared_size(path: Path) -> None:
        make_bundle(
            p,
            path,
            entries=lambda body, sig, members: [
                tar_entry("manifest.json", body),
                tar_entry("manifest.json.minisig", sig),
                tar_entry("case.json", b"{}", size=8 << 30),
            ],
        )

    def many_members(path: Path) -> None:
        make_bundle(
            p,
            path,
            entries=lambda body, sig, members: [
                tar_entry("manifest.json", body),
                tar_entry("manifest.json.minisig", sig),
                *[tar_entry(f"documents/{i:06d}.bin", b"") for i in range(20000)],
            ],
        )

    return {
        "age header line of 16 MiB": lambda path: path.write_bytes(
            b"age-encryption.org/v1\n-> X25519 " + b"A" * (16 * MiB)
        ),
        "100 000 age stanzas": lambda path: path.write_bytes(
            b"age-encryption.org/v1\n" + b"-> X25519 AAAA\nAAAA\n" * 100000
        ),
        "manifest of 200 000 '['": deep_manifest,
        "8 MiB manifest": huge_manifest,
        "member declaring 8 GiB": declared_size,
        "20 000 members": many_members,
        "32 MiB of zeros": lambda path: path.write_bytes(bytes(32 * MiB)),
    }


BOMB_NAMES = [
    "age header line of 16 MiB",
    "100 000 age stanzas",
    "manifest of 200 000 '['",
    "8 MiB manifest",
    "member declaring 8 GiB",
    "20 000 members",
    "32 MiB of zeros",
]


@pytest.mark.parametrize("name", BOMB_NAMES)
def test_bundle_bombs(pair: Pair, name: str) -> None:
    path = pair.dir / "bomb.utvag"
    bombs(pair)[name](path)
    outcome = support.Outcome()
    support.attempt(outcome, lambda: _open(pair, path), label=name, seconds=20, max_bytes=32 * MiB)
    support.record(
        f"bundle-bomb {name}",
        inputs=1,
        refused=outcome.refused,
        accepted=outcome.accepted,
        errors=outcome.errors,
        bad=len(outcome.bad),
        peak_bytes=outcome.peak,
        seconds=round(outcome.slowest, 2),
        file_bytes=path.stat().st_size,
    )
    assert not outcome.bad, outcome.bad
    assert outcome.refused == 1


CARD_BOMBS = {
    "card of 16 MiB": lambda: tar_entry(CARD_JSON, b"{" + b" " * (16 * MiB)) + bytes(1024),
    "card declaring 8 GiB": lambda: tar_entry(CARD_JSON, b"{}", size=8 << 30) + bytes(1024),
    "deep card.json": lambda: small_archive([(CARD_JSON, b"[" * 15000), (CARD_SIG, b"x")]),
    "10 000 members": lambda: b"".join(tar_entry(f"m{i}", b"") for i in range(10000)),
}


@pytest.mark.parametrize("name", sorted(CARD_BOMBS))
def test_card_bombs(name: str) -> None:
    blob = CARD_BOMBS[name]()
    outcome = support.Outcome()
    support.attempt(outcome, lambda: parse_card(blob), label=name, max_bytes=4 * MiB + len(blob))
    assert not outcome.bad, outcome.bad
    assert outcome.refused == 1


def _record(name: str, outcome: support.Outcome, start: float) -> None:
    support.record(
        name,
        inputs=outcome.inputs,
        accepted=outcome.accepted,
        refused=outcome.refused,
        errors=dict(sorted(outcome.errors.items(), key=lambda kv: -kv[1])[:8]),
        bad=len(outcome.bad),
        slowest_s=round(outcome.slowest, 3),
        peak_bytes=outcome.peak,
        seconds=round(time.perf_counter() - start, 1),
    )
