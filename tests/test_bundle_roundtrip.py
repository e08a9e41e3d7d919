"""Sealing and opening between two stores: round trip, staging, sealing rules, receipts."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import stat
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from sync.age import X25519Identity
from sync.age.errors import (
    MixedRecipientsError,
    NoRecipientsError,
)
from sync.bundle.errors import (
    BundleReadError,
    MemberSizeError,
    ReceiptError,
    ReceiptMismatchError,
    SealChoiceError,
    SequenceRollbackError,
    StagedMemberError,
)
from sync.bundle.open import open_bundle
from sync.bundle.receipt import (
    ACCEPTED,
    REFUSED,
    make_receipt_members,
    parse_receipt,
    read_receipt,
    seal_receipt,
)
from sync.bundle.seal import seal_bundle
from sync.bundle.staging import (
    CHUNK_BYTES,
    CT_CHUNK,
    StagingSession,
    purge_staging,
)
from sync.signing.minisign import SigningKey
from sync.trust import contacts
from sync.trust.card import (
    KeySet,
    build_card,
)
from sync.trust.errors import (
    ContactNotFoundError,
    ContactNotVerifiedError,
    ContactRevokedError,
)
from sync.wire.errors import (
    MemberChangedError,
    UnsafeMemberNameError,
)
from tests.test_bundle_support import Pair, StoreState, pair

__all__ = ["pair"]


def seal(p: Pair, name: str, members: list[tuple[str, Any, int]], **kw: Any) -> Any:
    args: dict[str, Any] = {
        "kind": "handover",
        "recipients": [p.b_at_a],
        "out": p.dir / name,
        "expires": timedelta(days=14),
        "case_ref": "MAL-2025-0042",
        "legal_basis": "consent",
    }
    args.update(kw)
    return seal_bundle(p.a, members=members, **args)


def staged_rows(p: Pair) -> int:
    """Staged member files in the receiving store's folder."""
    return len(list(p.b.path.glob(".staging-*.tmp")))


def test_round_trip_with_documents(pair: Pair) -> None:
    docs = {
        "documents/0001.bin": os.urandom(CHUNK_BYTES + 1),
        "documents/0002.pdf": os.urandom(5 * 65_536 + 123),
        "documents/0003.txt": b"",
    }
    members = [("case.json", b'{"case": 1}', 11)]
    members += [(n, io.BytesIO(d), len(d)) for n, d in docs.items()]
    sealed = seal(pair, "round.utvag", members)
    path = pair.dir / "round.utvag"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in pair.dir.iterdir() if p.name.startswith(".")) == []
    assert pair.a.audit.entries()[-1].action == "bundle.seal"
    opened = open_bundle(pair.b, path)
    assert opened.bundle_id == sealed.bundle_id and opened.file_sha256 == sealed.sha256
    assert opened.sender.id == pair.a_at_b and opened.kind == "handover"
    assert [m.name for m in opened.members] == ["case.json", *docs]
    assert opened.manifest.case_ref == "MAL-2025-0042" and opened.manifest.legal_basis == "consent"
    assert opened.read_member_bytes("case.json") == b'{"case": 1}'
    for name, data in docs.items():
        stream, parts = opened.read_member(name), []
        while block := stream.read(10_000):
            parts.append(block)
        assert b"".join(parts) == data
    assert staged_rows(pair) == 1  # the bundle file, linked into the store folder
    with pair.b.transaction():
        opened.commit_seen()
    assert staged_rows(pair) == 0
    assert pair.b.audit.entries()[-1].action == "bundle.open"
    assert contacts.get_contact(pair.b, pair.a_at_b).last_sequence == sealed.sequence
    with pytest.raises(StagedMemberError):
        opened.read_member("case.json")
    with pytest.raises(StagedMemberError):
        opened.commit_seen()


def _staged(p: Pair) -> list[Path]:
    return sorted(p.b.path.glob(".staging-*.tmp"), key=lambda f: int(f.stem.rsplit("-", 1)[1]))


def test_staged_members_are_encrypted_under_a_key_in_memory(pair: Pair) -> None:
    marker = b"STAGING-MARKER-Tallbacka-1979 " * 70_000  # about 2 MiB: three chunks
    members = [("case.json", b'{"note": "STAGING-MARKER-case"}', 31)]
    members += [("documents/0001.txt", io.BytesIO(marker), len(marker))]
    seal(pair, "s.utvag", members)
    opened = open_bundle(pair.b, pair.dir / "s.utvag", link=False)
    files = _staged(pair)
    assert len(files) == 2
    for f in files:
        assert stat.S_IMODE(f.stat().st_mode) == 0o600
        assert b"STAGING-MARKER" not in f.read_bytes()
    assert opened.read_member_bytes("documents/0001.txt") == marker
    opened.discard()
    assert _staged(pair) == []
    with pytest.raises(StagedMemberError):
        opened.read_member_bytes("case.json")


@pytest.mark.parametrize("damage", ["flip", "truncate", "drop last chunk", "swap members"])
def test_a_changed_staged_file_is_refused(pair: Pair, damage: str) -> None:
    doc = os.urandom(2 * CHUNK_BYTES + 10)
    members = [("a.bin", io.BytesIO(doc), len(doc)), ("b.bin", io.BytesIO(doc), len(doc))]
    seal(pair, "t.utvag", members)
    opened = open_bundle(pair.b, pair.dir / "t.utvag", link=False)
    first, second = _staged(pair)
    data = first.read_bytes()
    if damage == "flip":
        first.write_bytes(data[:100] + bytes([data[100] ^ 1]) + data[101:])
    elif damage == "truncate":
        first.write_bytes(data[:-7])
    elif damage == "drop last chunk":
        first.write_bytes(data[: (len(data) - 1) // CT_CHUNK * CT_CHUNK])
    else:
        first.write_bytes(second.read_bytes())
    with pytest.raises(BundleReadError):
        opened.read_member_bytes("a.bin")
    assert opened.read_member_bytes("b.bin") == doc  # the other member is untouched
    opened.discard()


def test_staged_files_hold_only_the_bundles_own_ciphertext(pair: Pair) -> None:
    """Staging by copy copies authenticated age chunks: no new ciphertext, and no age
    header, so a staged file alone is no more readable than the bundle it came from."""
    marker = b"STAGING-MARKER-Tallbacka-1979 " * 9_000
    members = [("case.json", b'{"note": "STAGING-MARKER-case"}', 31)]
    members += [("documents/0001.txt", io.BytesIO(marker), len(marker))]
    seal(pair, "c.utvag", members)
    bundle = (pair.dir / "c.utvag").read_bytes()
    opened = open_bundle(pair.b, pair.dir / "c.utvag", link=False)
    files = _staged(pair)
    assert len(files) == 2
    for f in files:
        staged = f.read_bytes()
        assert staged and stat.S_IMODE(f.stat().st_mode) == 0o600
        assert staged in bundle  # a run of the bundle's own chunks…
        assert b"age-encryption.org" not in staged  # …without the header
    assert opened.read_member_bytes("documents/0001.txt") == marker
    opened.discard()


def _member_chunks(opened: Any, name: str) -> tuple[Path, int]:
    """The staged file that holds member ``name``'s chunks, and where the first one starts
    (the bundle itself when linked, a file of the member's own when copied)."""
    session = opened._session
    return session.source(session._members[opened._index(name)])


@pytest.mark.parametrize("link", [True, False], ids=["linked", "copied"])
def test_staged_bytes_that_authenticate_but_are_not_the_signed_member_are_refused(
    pair: Pair, link: bool
) -> None:
    """Defence in depth: whoever knows the file key (the sender) and could write the store
    folder could re-encrypt a staged chunk; the member's signed SHA-256 still refuses it."""
    doc = os.urandom(3 * CHUNK_BYTES + 77)
    seal(pair, "f.utvag", [("a.bin", io.BytesIO(doc), len(doc))])
    opened = open_bundle(pair.b, pair.dir / "f.utvag", link=link)
    staged, start = _member_chunks(opened, "a.bin")
    data = bytearray(staged.read_bytes())
    aead = opened._session.aead("a.bin")  # the payload key, as the sender has it
    nonce = (1).to_bytes(11, "big") + b"\0"  # the second chunk of the payload
    at = start + CT_CHUNK
    plain = bytearray(aead.decrypt(nonce, bytes(data[at : at + CT_CHUNK]), None))
    plain[100] ^= 1
    data[at : at + CT_CHUNK] = aead.encrypt(nonce, bytes(plain), None)
    with staged.open("r+b") as f:  # in place: a linked bundle keeps its inode
        f.write(bytes(data))
    stream = opened.read_member("a.bin")
    with pytest.raises(BundleReadError):
        while stream.read(10_000):
            pass
    opened.discard()


def test_staging_links_the_bundle_instead_of_copying_it(pair: Pair) -> None:
    """On the store's file system the bundle is hard-linked into the store folder: one
    staged name, the bundle's own bytes, nothing written; the members read back even after
    the bundle file was deleted, and the link goes with the commit."""
    marker = b"STAGING-MARKER-Kvarnholmen-1983 " * 70_000
    members = [("case.json", b'{"note": "STAGING-MARKER-case"}', 31)]
    members += [("documents/0001.txt", io.BytesIO(marker), len(marker))]
    seal(pair, "l.utvag", members)
    path = pair.dir / "l.utvag"
    opened = open_bundle(pair.b, path)
    (link,) = pair.b.path.glob(".staging-*.tmp")
    assert link.name.endswith("-bundle.tmp") and link.samefile(path)
    assert b"STAGING-MARKER" not in link.read_bytes()
    path.unlink()  # the caseworker deletes the file while the preview is open
    assert opened.read_member_bytes("documents/0001.txt") == marker
    assert opened.read_member_bytes("case.json") == b'{"note": "STAGING-MARKER-case"}'
    with pair.b.transaction():
        opened.commit_seen()
    assert staged_rows(pair) == 0


@pytest.mark.parametrize("damage", ["flip", "truncate"])
def test_a_linked_bundle_changed_after_opening_is_refused(pair: Pair, damage: str) -> None:
    doc = os.urandom(2 * CHUNK_BYTES + 10)
    members = [("a.bin", io.BytesIO(doc), len(doc)), ("b.bin", io.BytesIO(doc), len(doc))]
    seal(pair, "k.utvag", members)
    path = pair.dir / "k.utvag"
    opened = open_bundle(pair.b, path)
    staged, start = _member_chunks(opened, "b.bin")
    assert staged.samefile(path)
    with path.open("r+b") as f:  # changed in place (a synchronising folder, a hand)
        if damage == "flip":
            f.seek(start + CT_CHUNK + 100)
            byte = f.read(1)
            f.seek(-1, os.SEEK_CUR)
            f.write(bytes([byte[0] ^ 1]))
        else:
            f.truncate(start + CT_CHUNK + 7)
    with pytest.raises(BundleReadError):
        opened.read_member_bytes("b.bin")
    assert opened.read_member_bytes("a.bin") == doc  # its chunks come before the damage
    opened.discard()
    assert staged_rows(pair) == 0 and path.exists()


def test_a_bundle_that_cannot_be_linked_is_copied(pair: Pair) -> None:
    """The link must be the very file being read: a name that meant another file by then
    (or one that cannot be linked at all) is not used, and the members are copied."""
    doc = os.urandom(CHUNK_BYTES + 5)
    seal(pair, "m.utvag", [("a.bin", io.BytesIO(doc), len(doc))])
    other = pair.dir / "other.bin"
    other.write_bytes(b"not the bundle")
    with (pair.dir / "m.utvag").open("rb") as read:
        swapped = StagingSession(pair.b.path, (other, read.fileno()))
        missing = StagingSession(pair.b.path, (pair.dir / "gone.utvag", read.fileno()))
    assert swapped.linked is None and missing.linked is None
    assert staged_rows(pair) == 0  # the wrong link was removed again
    swapped.delete()
    missing.delete()


def test_a_bundle_on_another_file_system_is_copied(pair: Pair) -> None:
    """A bundle on another file system (a USB stick; here a tmpfs) cannot be linked: its
    members are copied into files of their own, and read back the same."""
    elsewhere = _other_file_system(pair.b.path)
    doc = os.urandom(2 * CHUNK_BYTES + 3)
    seal(pair, "u.utvag", [("a.bin", io.BytesIO(doc), len(doc))])
    with tempfile.TemporaryDirectory(dir=elsewhere) as tmp:
        path = Path(tmp) / "u.utvag"
        shutil.copyfile(pair.dir / "u.utvag", path)
        opened = open_bundle(pair.b, path)
        (staged,) = _staged(pair)
        assert not staged.name.endswith("-bundle.tmp")
        assert stat.S_IMODE(staged.stat().st_mode) == 0o600
        assert opened.read_member_bytes("a.bin") == doc
        opened.discard()
    assert staged_rows(pair) == 0


def _other_file_system(folder: Path) -> Path:
    device = os.stat(folder).st_dev
    for candidate in (Path("/dev/shm"), Path(f"/run/user/{os.getuid()}"), Path("/tmp")):
        with contextlib.suppress(OSError):
            if candidate.is_dir() and os.access(candidate, os.W_OK):
                if os.stat(candidate).st_dev != device:
                    return candidate
    pytest.skip("no writable folder on another file system than the test store")


def test_discard_and_purge_leave_nothing(pair: Pair) -> None:
    seal(pair, "d.utvag", [("case.json", b"{}", 2)])
    before = StoreState.of(pair.b)
    opened = open_bundle(pair.b, pair.dir / "d.utvag")
    opened.discard()
    assert StoreState.of(pair.b) == before
    opened = open_bundle(pair.b, pair.dir / "d.utvag")  # not a replay: never committed
    assert purge_staging(pair.b) >= 1 and staged_rows(pair) == 0
    with pytest.raises(StagedMemberError):
        opened.read_member_bytes("x.bin")


def test_commit_rechecks_sequence(pair: Pair) -> None:
    seal(pair, "s1.utvag", [("case.json", b"{}", 2)])
    seal(pair, "s2.utvag", [("case.json", b"{}", 2)])
    first, second = (
        open_bundle(pair.b, pair.dir / "s1.utvag"),
        open_bundle(pair.b, pair.dir / "s2.utvag"),
    )
    second.commit_seen()
    with pytest.raises(SequenceRollbackError):
        first.commit_seen()
    first.discard()
    assert staged_rows(pair) == 0


def _foreign_verified(p: Pair) -> int:
    key, age = SigningKey.generate(), X25519Identity.generate().recipient().to_str()
    keys = KeySet(key.public_key().to_base64(), age, None)
    card = build_card(("Ystad", "Enhet", f"P {age[-8:]}"), 1, datetime.now(UTC), keys, key)
    cid = contacts.import_card(p.a, card)
    contacts.verify_contact(p.a, cid, keys.fingerprint)
    return cid


def test_post_quantum_choice(pair: Pair) -> None:
    pq = seal(pair, "pq.utvag", [("case.json", b"{}", 2)])
    assert pq.post_quantum and b"-> mlkem768x25519 " in (pair.dir / "pq.utvag").read_bytes()[:4096]
    classic = seal(pair, "x.utvag", [("case.json", b"{}", 2)], post_quantum=False)
    head = (pair.dir / "x.utvag").read_bytes()[:4096]
    assert not classic.post_quantum and b"-> X25519 " in head and b"mlkem" not in head
    other = _foreign_verified(pair)
    both = seal(pair, "two.utvag", [("case.json", b"{}", 2)], recipients=[pair.b_at_a, other])
    assert not both.post_quantum and len(both.manifest.recipients) == 2
    open_bundle(pair.b, pair.dir / "two.utvag").discard()
    with pytest.raises(MixedRecipientsError):
        seal(pair, "no.utvag", [("case.json", b"{}", 2)], recipients=[other], post_quantum=True)
    assert not (pair.dir / "no.utvag").exists()


class _Changing(io.BytesIO):
    """A stream whose content changes after the first full read (hash pass)."""

    def seek(self, pos: int, whence: int = 0) -> int:
        self.getbuffer()[0] ^= 1
        return super().seek(pos, whence)


def test_seal_refusals_leave_no_file_and_no_record(pair: Pair) -> None:
    unverified = contacts.import_card(pair.a, _card())
    revoked = contacts.import_card(pair.a, _card())
    contacts.revoke_contact(pair.a, revoked)
    ok = [("case.json", b"{}", 2)]
    cases: list[tuple[dict[str, Any], type[Exception]]] = [
        ({"recipients": [unverified]}, ContactNotVerifiedError),
        ({"recipients": [revoked]}, ContactRevokedError),
        ({"recipients": [99_999]}, ContactNotFoundError),
        ({"recipients": []}, NoRecipientsError),
        ({"members": [("../x", b"{}", 2)]}, UnsafeMemberNameError),
        ({"members": [("manifest.json", b"{}", 2)]}, UnsafeMemberNameError),
        ({"members": [("a", b"{}", 2), ("a/b", b"{}", 2)]}, UnsafeMemberNameError),
        ({"members": [("case.json", b"{}", 3)]}, MemberSizeError),
        ({"members": [("case.json", _Changing(b"abc"), 3)]}, MemberChangedError),
        ({"expires": datetime.now(UTC) - timedelta(days=1)}, SealChoiceError),
        ({"expires": timedelta(days=400)}, SealChoiceError),
        ({"legal_basis": ""}, SealChoiceError),
        ({"kind": "gossip"}, SealChoiceError),
    ]
    for extra, error in cases:
        kw = {"members": ok, **extra}
        members = kw.pop("members")
        before = pair.a.audit.head(), sorted(os.listdir(pair.dir))
        with pytest.raises(error):
            seal(pair, "refused.utvag", members, **kw)
        assert (pair.a.audit.head(), sorted(os.listdir(pair.dir))) == before, extra

    def boom(_: Any) -> None:
        raise RuntimeError("recording the handover failed")

    before = pair.a.audit.head(), sorted(os.listdir(pair.dir))
    with pytest.raises(RuntimeError):
        seal(pair, "refused.utvag", ok, on_sealed=boom)
    assert (pair.a.audit.head(), sorted(os.listdir(pair.dir))) == before


def _card() -> bytes:
    key, age = SigningKey.generate(), X25519Identity.generate().recipient().to_str()
    keys = KeySet(key.public_key().to_base64(), age, None)
    return build_card(("Höör", "Enhet", f"P {age[-8:]}"), 1, datetime.now(UTC), keys, key)


def test_receipt_round_trip(pair: Pair) -> None:
    sealed = seal(pair, "h.utvag", [("case.json", b"{}", 2)])
    opened = open_bundle(pair.b, pair.dir / "h.utvag")
    with pytest.raises(ReceiptError):
        make_receipt_members(pair.b, opened, status=REFUSED)  # a refusal needs a reason
    with pair.b.transaction():
        opened.commit_seen()
    seal_receipt(pair.b, opened, status=ACCEPTED, out=pair.dir / "r.utvag")
    back = open_bundle(pair.a, pair.dir / "r.utvag")
    receipt = read_receipt(pair.a, back)
    assert receipt.bundle_id == sealed.bundle_id and receipt.bundle_sha256 == sealed.sha256
    assert receipt.status == ACCEPTED and receipt.receiver_municipality == "Lund"
    assert back.manifest.case_ref == "MAL-2025-0042"
    back.commit_seen()


def test_receipt_must_match_what_we_sent(pair: Pair) -> None:
    seal(pair, "h2.utvag", [("case.json", b"{}", 2)])
    opened = open_bundle(pair.b, pair.dir / "h2.utvag")
    opened.commit_seen()
    object.__setattr__(opened, "file_sha256", "0" * 64)
    seal_receipt(pair.b, opened, status=REFUSED, reason="Fel kommun", out=pair.dir / "r2.utvag")
    back = open_bundle(pair.a, pair.dir / "r2.utvag")
    with pytest.raises(ReceiptMismatchError):
        read_receipt(pair.a, back)
    back.discard()
    data = make_receipt_members(pair.b, opened, status=ACCEPTED)[0][1]
    assert isinstance(data, bytes)
    assert parse_receipt(data).status == ACCEPTED
    for bad in (data.replace(b'"accepted"', b'"maybe"'), data + b"{", data.replace(b"1,", b"1.0,")):
        with pytest.raises(ReceiptError):
            parse_receipt(bad)


def test_store_files_hold_no_plaintext(pair: Pair, tmp_path: Path) -> None:
    marker = b"PLAINTEXT-MARKER-" + os.urandom(8).hex().encode()
    seal(pair, "p.utvag", [("case.json", marker * 100, len(marker) * 100)])
    opened = open_bundle(pair.b, pair.dir / "p.utvag")
    assert marker in opened.read_member_bytes("case.json")
    for f in [*pair.b.path.iterdir(), *pair.dir.iterdir()]:
        if f.is_file():
            assert marker not in f.read_bytes(), f
    opened.discard()


def test_known_hashes_and_output_paths(pair: Pair) -> None:
    import hashlib

    from storage.errors import StorageError

    doc = os.urandom(100_000)
    good = hashlib.sha256(doc).hexdigest()
    sealed = seal(pair, "k.utvag", [("documents/0001.bin", io.BytesIO(doc), len(doc), good)])
    assert sealed.manifest.members[0].sha256 == good
    before = pair.a.audit.head(), sorted(os.listdir(pair.dir))
    for known, error in (("0" * 64, MemberChangedError), ("not-a-hash", SealChoiceError)):
        with pytest.raises(error):
            seal(pair, "k2.utvag", [("documents/0001.bin", io.BytesIO(doc), len(doc), known)])
    with pytest.raises(StorageError):
        seal(pair, "missing-folder/k3.utvag", [("case.json", b"{}", 2)])
    assert (pair.a.audit.head(), sorted(os.listdir(pair.dir))) == before
    again = seal(pair, "k.utvag", [("case.json", b"{}", 2)])  # replaces the file atomically
    assert hashlib.sha256((pair.dir / "k.utvag").read_bytes()).hexdigest() == again.sha256


def test_import_transaction_rolled_back(pair: Pair) -> None:
    seal(pair, "rb.utvag", [("case.json", b"{}", 2)])
    before = StoreState.of(pair.b)
    opened = open_bundle(pair.b, pair.dir / "rb.utvag")
    with pytest.raises(RuntimeError), pair.b.transaction():
        opened.commit_seen()
        raise RuntimeError("the case import failed")
    opened.discard()
    assert StoreState.of(pair.b) == before  # nothing recorded, nothing staged
    again = open_bundle(pair.b, pair.dir / "rb.utvag")  # so it can be tried again
    again.commit_seen()
