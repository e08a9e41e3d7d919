"""Helpers for the identity, contact and bundle tests: two stores, hand-made bundles.

Two real SQLCipher stores play two municipalities (A = Malmö sends, B = Lund receives);
each has an identity and the other as a verified contact. ``make_bundle`` assembles a
bundle from parts (manifest dict, signature, raw tar entries, age recipients) so each
refusal can be produced precisely; ``StoreState`` captures what must not change.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from storage.errors import UtvagError
from storage.vault.crypto import KdfParams
from storage.vault.opening import create_store
from storage.vault.store import Store
from sync.age import (
    encrypt,
    parse_recipient,
)
from sync.bundle import replay
from sync.bundle.open import open_bundle
from sync.signing.minisign import (
    SigningKey,
    sign,
)
from sync.trust import (
    contacts,
    identity,
)
from sync.trust.identity import IdentityKeys
from sync.wire.fields import format_time
from sync.wire.ustar import (
    BLOCK,
    end_of_archive,
    padding,
)

ROOT = Path(__file__).resolve().parent.parent
PASS = "correct horse battery staple"
SYNC_TABLES = (
    "sync_identity",
    "sync_contacts",
    "sync_contact_keys",
    "sync_state",
    "sync_sealed_bundles",
    "sync_seen_bundles",
    "sync_staging",
    "audit_log",
)


def new_store(path: Path, actor: str, names: tuple[str, str, str]) -> Store:
    store, _code = create_store(
        path, PASS, actor=actor, use_device_key=False, kdf=KdfParams.minimum()
    )
    identity.ensure_identity(store, *names)
    return store


def link(x: Store, y: Store, *, verify: bool = True) -> tuple[int, int]:
    """Exchange cards (and verify both ways); returns (y's id at x, x's id at y)."""
    y_at_x = contacts.import_card(x, identity.export_card(y))
    x_at_y = contacts.import_card(y, identity.export_card(x))
    if verify:
        contacts.verify_contact(x, y_at_x, identity.get_identity(y).fingerprint)
        contacts.verify_contact(y, x_at_y, identity.get_identity(x).fingerprint)
    return y_at_x, x_at_y


@dataclass
class Pair:
    a: Store
    b: Store
    b_at_a: int
    a_at_b: int
    dir: Path

    @property
    def a_keys(self) -> IdentityKeys:
        return identity.current_keys(self.a)

    @property
    def b_keys(self) -> IdentityKeys:
        return identity.current_keys(self.b)

    def close(self) -> None:
        self.a.close()
        self.b.close()


def make_pair(root: Path) -> Pair:
    root.mkdir(parents=True, exist_ok=True)
    a = new_store(root / "store-a", "anna", ("Malmö", "Exit Malmö", "Anna Andersson"))
    b = new_store(root / "store-b", "bertil", ("Lund", "Avhopparverksamheten", "Bertil Berg"))
    b_at_a, a_at_b = link(a, b)
    out = root / "out"
    out.mkdir()
    return Pair(a, b, b_at_a, a_at_b, out)


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pair]:
    p = make_pair(tmp_path_factory.mktemp("pair"))
    yield p
    p.close()


# ---------------------------------------------------------------- what must not change


@dataclass(frozen=True)
class StoreState:
    head: tuple[int, str]
    counts: dict[str, int]
    sequences: tuple[tuple[int, int], ...]
    files: frozenset[str]

    @classmethod
    def of(cls, store: Store, *dirs: Path) -> StoreState:
        counts = {
            t: int(store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0])  # noqa: S608
            for t in SYNC_TABLES
        }
        seqs = tuple(store.conn.execute("SELECT id, last_sequence FROM sync_contacts ORDER BY id"))
        files = frozenset(str(p) for d in (store.path, *dirs) for p in d.rglob("*"))
        return cls(store.audit.head(), counts, seqs, files)


# ---------------------------------------------------------------- hand-made bundles


def tar_entry(
    name: str | bytes,
    data: bytes,
    *,
    typeflag: bytes = b"0",
    linkname: bytes = b"",
    prefix: bytes = b"",
    mode: int = 0o600,
    size: int | None = None,
) -> bytes:
    """A ustar header (any name/type, checksum right) followed by data and padding."""
    raw_name = name.encode() if isinstance(name, str) else name
    h = bytearray(BLOCK)
    h[0 : len(raw_name)] = raw_name
    h[100:108] = b"%07o\0" % mode
    h[108:116] = h[116:124] = b"0000000\0"
    h[124:136] = b"%011o\0" % (len(data) if size is None else size)
    h[136:148] = b"00000000000\0"
    h[148:156] = b" " * 8
    h[156:157] = typeflag
    h[157 : 157 + len(linkname)] = linkname
    h[257:265] = b"ustar\x0000"
    h[329:345] = b"0000000\0" * 2
    h[345 : 345 + len(prefix)] = prefix
    h[148:156] = b"%06o\0 " % sum(h)
    return bytes(h) + data + padding(len(data))


def manifest_dict(
    p: Pair, members: list[tuple[str, bytes]], *, kind: str = "handover", pq: bool = False
) -> dict[str, Any]:
    import hashlib

    me, them = identity.get_identity(p.a), identity.get_identity(p.b)
    now = datetime.now(UTC).replace(microsecond=0)
    return {
        "format": "utvag-bundle",
        "version": 1,
        "kind": kind,
        "bundle_id": str(uuid.uuid4()),
        "created": format_time(now),
        "expires": format_time(now + timedelta(days=7)),
        "sequence": replay.reserve_sequence(p.a),
        "sender": {
            "municipality": me.municipality,
            "unit": me.unit,
            "caseworker": me.caseworker,
            "key_id": me.key_id_hex,
            "public_key": me.keys.minisign,
            "fingerprint": me.fingerprint,
        },
        "recipients": [
            {
                "municipality": them.municipality,
                "unit": them.unit,
                "caseworker": them.caseworker,
                "fingerprint": them.fingerprint,
                "age_recipients": [them.keys.age_pq if pq else them.keys.age],
            }
        ],
        "case_ref": "MAL-2025-0042",
        "legal_basis": "consent",
        "members": [
            {"name": n, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()} for n, d in members
        ],
    }


def comment_for(m: dict[str, Any]) -> str:
    return f"utvag-bundle v1 id={m['bundle_id']} kind={m['kind']} seq={m['sequence']}"


DEFAULT_MEMBERS = [
    ("case.json", b'{"case": "MAL-2025-0042"}\n'),
    ("documents/0001.bin", b"x" * 70_000),
]


def make_bundle(
    p: Pair,
    path: Path,
    *,
    members: list[tuple[str, bytes]] | None = None,
    edit: Callable[[dict[str, Any]], None] | None = None,
    comment: str | None = None,
    signer: SigningKey | None = None,
    entries: Callable[[bytes, bytes, list[tuple[str, bytes]]], list[bytes]] | None = None,
    recipients: list[str] | None = None,
    signature: Callable[[bytes], bytes] | None = None,
    tail: bytes | None = None,
) -> Path:
    """Assemble a bundle from A to B from parts; each keyword lets a test break one thing."""
    members = DEFAULT_MEMBERS if members is None else members
    m = manifest_dict(p, members)
    if edit is not None:
        edit(m)
    body = (json.dumps(m, indent=2, ensure_ascii=False) + "\n").encode()
    key = signer or p.a_keys.signing_key
    sig = sign(body, key, comment if comment is not None else comment_for(m)).encode()
    if signature is not None:
        sig = signature(sig)
    if entries is None:
        parts = [tar_entry("manifest.json", body), tar_entry("manifest.json.minisig", sig)]
        parts += [tar_entry(n, d) for n, d in members]
    else:
        parts = entries(body, sig, members)
    tar = b"".join(parts) + (end_of_archive() if tail is None else tail)
    ages = recipients or [identity.get_identity(p.b).keys.age]
    path.write_bytes(encrypt(tar, [parse_recipient(a) for a in ages]))
    return path


def refused(
    p: Pair, path: Path, error: type[UtvagError], *, exact: bool = True, **kw: Any
) -> UtvagError:
    """Open must fail with ``error`` (exactly, unless ``exact=False``); nothing changes."""
    before = StoreState.of(p.b, p.dir)
    with pytest.raises(error) as info:
        open_bundle(p.b, path, **kw)
    assert not exact or type(info.value) is error, repr(info.value)
    assert StoreState.of(p.b, p.dir) == before
    return info.value


def test_tar_entry_matches_our_writer() -> None:
    from sync.wire.ustar import ustar_header

    assert tar_entry("case.json", b"abc")[:BLOCK] == ustar_header("case.json", 3)
