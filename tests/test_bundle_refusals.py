"""Every refusal of ``open_bundle``: its exact typed error, and the store left unchanged.

"Unchanged" (``StoreState``): the audit head, the row counts of every sync table
(staging included), each contact's last sequence, and the files in the store folder and
in the folder holding the bundles.
"""

from __future__ import annotations

import base64
import io
import os
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from sync.age import (
    X25519Identity,
    decrypt,
    encrypt,
)
from sync.age.errors import (
    AgeError,
    AgeHeaderError,
    AgeHeaderTooLargeError,
    AgeTooManyStanzasError,
    ArmoredFileError,
    NoMatchingIdentityError,
    PayloadAuthError,
    PayloadTruncatedError,
    UnsupportedRecipientError,
)
from sync.age.header import (
    Stanza,
    encode_header,
)
from sync.bundle.errors import (
    BundleExpiredError,
    BundleReadError,
    ManifestError,
    NotARecipientError,
    ReplayedBundleError,
    SenderMismatchError,
    SequenceRollbackError,
    TrustedCommentMismatchError,
)
from sync.bundle.open import open_bundle
from sync.bundle.seal import seal_bundle
from sync.signing.errors import (
    LegacySignatureError,
    TrustedCommentTamperedError,
)
from sync.signing.minisign import SigningKey
from sync.trust import (
    contacts,
    identity,
)
from sync.trust.card import (
    KeySet,
    build_card,
)
from sync.trust.errors import (
    RevokedSenderError,
    UnknownSenderError,
    UnverifiedSenderError,
)
from tests.test_bundle_support import (
    Pair,
    StoreState,
    make_bundle,
    pair,
    refused,
)

__all__ = ["pair"]


def sealed(p: Pair, name: str, size: int = 200_000, **kw: Any) -> Path:
    doc = os.urandom(size)
    out = p.dir / name
    seal_bundle(
        p.a,
        kind="handover",
        recipients=[p.b_at_a],
        out=out,
        expires=timedelta(days=3),
        case_ref="MAL-2025-0042",
        legal_basis="consent",
        members=[("case.json", b"{}", 2), ("documents/0001.bin", io.BytesIO(doc), size)],
        **kw,
    )
    return out


# ---------------------------------------------------------------- damage to the file


def test_tampered_byte_anywhere_is_refused(pair: Pair) -> None:
    path = sealed(pair, "sweep.utvag")
    data = path.read_bytes()
    header_end = data.index(b"\n--- ") + 49
    payload = header_end + 16
    positions = [
        0,
        5,
        30,
        200,
        header_end - 10,
        header_end - 2,
        header_end + 3,
        payload,
        payload + 700,
        payload + 1500,
        payload + 3000,
        payload + 65_552 + 100,
        payload + 2 * 65_552 + 7,
        len(data) - 17,
        len(data) - 1,
    ]
    for pos in positions:
        bad = bytearray(data)
        bad[pos] ^= 0x01
        target = pair.dir / "tampered.utvag"
        target.write_bytes(bytes(bad))
        refused(pair, target, AgeError, exact=False)
    path.unlink()
    (pair.dir / "tampered.utvag").unlink()


def test_truncated_file_is_refused(pair: Pair) -> None:
    path = sealed(pair, "cut.utvag")
    data = path.read_bytes()
    payload = data.index(b"\n--- ") + 49 + 16
    cuts = {
        0: AgeHeaderError,
        40: AgeHeaderError,
        payload - 3: AgeHeaderError,
        payload: PayloadTruncatedError,
        payload + 65_552: PayloadTruncatedError,
        len(data) - 1: PayloadAuthError,
    }
    for cut, error in cuts.items():
        path.write_bytes(data[:cut])
        refused(pair, path, error, exact=False)
    path.write_bytes(data + b"\0")
    refused(pair, path, PayloadAuthError, exact=False)


def test_not_a_file_or_not_age(pair: Pair) -> None:
    refused(pair, pair.dir / "missing.utvag", BundleReadError)
    junk = pair.dir / "junk.utvag"
    junk.write_bytes(os.urandom(5000))
    refused(pair, junk, AgeHeaderError)
    junk.write_bytes(
        b"-----BEGIN AGE ENCRYPTED FILE-----\nYWdl\n-----END AGE ENCRYPTED FILE-----\n"
    )
    refused(pair, junk, ArmoredFileError)


# ---------------------------------------------------------------- age header and recipients


def test_wrong_recipient(pair: Pair) -> None:
    other = X25519Identity.generate().recipient().to_str()
    path = make_bundle(pair, pair.dir / "other.utvag", recipients=[other])
    refused(pair, path, NoMatchingIdentityError)


def _header_file(stanzas: list[bytes], tail: bytes = b"--- " + b"A" * 43 + b"\n") -> bytes:
    return b"age-encryption.org/v1\n" + b"".join(stanzas) + tail + os.urandom(64)


def test_junk_stanzas_and_oversized_header_refused_before_work(pair: Pair) -> None:
    path = pair.dir / "junk.utvag"
    body = base64.b64encode(os.urandom(45)) + b"\n"  # 60 columns: the stanza ends here
    path.write_bytes(_header_file([b"-> junk a b\n" + body] * 21))
    refused(pair, path, AgeTooManyStanzasError)
    big = b"".join(base64.b64encode(os.urandom(48)) + b"\n" for _ in range(6000)) + b"\n"
    path.write_bytes(_header_file([b"-> junk x\n" + big]))
    start = time.perf_counter()
    refused(pair, path, AgeHeaderTooLargeError)
    assert time.perf_counter() - start < 2


def test_junk_stanza_within_caps_is_no_match(pair: Pair) -> None:
    file_key = os.urandom(16)
    junk = Stanza("junk-type", ("arg",), os.urandom(40))
    header = encode_header([junk], file_key)
    path = pair.dir / "junk2.utvag"
    path.write_bytes(header + os.urandom(16 + 40))
    refused(pair, path, NoMatchingIdentityError)


def test_scrypt_stanza_is_refused_before_any_kdf(pair: Pair) -> None:
    salt = base64.b64encode(os.urandom(16)).rstrip(b"=")
    body = base64.b64encode(os.urandom(32)).rstrip(b"=")
    path = pair.dir / "scrypt.utvag"
    path.write_bytes(_header_file([b"-> scrypt " + salt + b" 22\n" + body + b"\n"]))
    start = time.perf_counter()
    refused(pair, path, UnsupportedRecipientError)
    assert time.perf_counter() - start < 1


def test_forwarded_bundle_is_refused(pair: Pair, tmp_path: Path) -> None:
    """B re-encrypts A's bundle to C, who also trusts A: C is not a named recipient."""
    from tests.test_bundle_support import link, new_store

    c = new_store(tmp_path / "store-c", "cecilia", ("Lomma", "Socialtjänsten", "Cecilia"))
    try:
        link(pair.a, c)
        original = sealed(pair, "forward.utvag", post_quantum=False)
        plain = decrypt(original.read_bytes(), [pair.b_keys.x25519])
        forwarded = tmp_path / "forwarded.utvag"
        forwarded.write_bytes(encrypt(plain, [identity.current_keys(c).x25519.recipient()]))
        before = StoreState.of(c, tmp_path)
        with pytest.raises(NotARecipientError):
            open_bundle(c, forwarded)
        assert StoreState.of(c, tmp_path) == before
    finally:
        c.close()

    def unlisted(m: dict[str, Any]) -> None:
        m["recipients"][0]["fingerprint"] = "12345 " * 7 + "12345"

    refused(pair, make_bundle(pair, pair.dir / "unlisted.utvag", edit=unlisted), NotARecipientError)


# ---------------------------------------------------------------- sender


def _foreign(p: Pair, *, verify: bool, revoke: bool) -> SigningKey:
    key = SigningKey.generate()
    age = X25519Identity.generate().recipient().to_str()
    keys = KeySet(key.public_key().to_base64(), age, None)
    card = build_card(("Ystad", "Enhet", f"Person {age[-6:]}"), 1, datetime.now(UTC), keys, key)
    cid = contacts.import_card(p.b, card)
    if verify:
        contacts.verify_contact(p.b, cid, keys.fingerprint)
    if revoke:
        contacts.revoke_contact(p.b, cid, "test")
    return key


def test_unknown_unverified_and_revoked_senders(pair: Pair) -> None:
    path = make_bundle(pair, pair.dir / "s.utvag", signer=SigningKey.generate())
    refused(pair, path, UnknownSenderError)
    path = make_bundle(pair, path, signer=_foreign(pair, verify=False, revoke=False))
    refused(pair, path, UnverifiedSenderError)
    path = make_bundle(pair, path, signer=_foreign(pair, verify=True, revoke=True))
    refused(pair, path, RevokedSenderError)


def test_sender_block_must_match_signing_key(pair: Pair) -> None:
    def other_sender(m: dict[str, Any]) -> None:
        m["sender"]["fingerprint"] = "00000 " * 7 + "00000"

    refused(pair, make_bundle(pair, pair.dir / "sm.utvag", edit=other_sender), SenderMismatchError)


# ---------------------------------------------------------------- signature


def _legacy(p: Pair) -> Any:
    key = p.a_keys.signing_key

    def make(sig: bytes) -> bytes:
        lines = sig.decode().splitlines()
        body_sig = key._key.sign(b"ignored")
        line = base64.b64encode(b"Ed" + key.key_id + body_sig).decode()
        glob = base64.b64encode(key._key.sign(body_sig + lines[2][17:].encode())).decode()
        return f"{lines[0]}\n{line}\n{lines[2]}\n{glob}\n".encode()

    return make


def test_signature_refusals(pair: Pair) -> None:
    path = make_bundle(pair, pair.dir / "sig.utvag", signature=_legacy(pair))
    refused(pair, path, LegacySignatureError)

    def tamper(sig: bytes) -> bytes:
        return sig.replace(b" seq=", b" seq=9")

    make_bundle(pair, path, signature=tamper)
    refused(pair, path, TrustedCommentTamperedError)
    make_bundle(pair, path, comment="utvag-bundle v1 something else")
    refused(pair, path, TrustedCommentMismatchError)
    other = "utvag-bundle v1 id=0b9e7a4c-1d2e-4f00-8a00-000000000000 kind=handover seq=1"
    make_bundle(pair, path, comment=other)
    refused(pair, path, TrustedCommentMismatchError)  # well-formed, but names another bundle


def test_manifest_refusals(pair: Pair) -> None:
    path = pair.dir / "m.utvag"
    for edit in (
        lambda m: m.update(extra=1),
        lambda m: m.update(version=2),
        lambda m: m.update(legal_basis="because"),
        lambda m: m.update(case_ref="a\u202eb"),
        lambda m: m["members"][0].update(size=-1),
        lambda m: m["members"][0].update(name="manifest.json"),
        lambda m: m.update(expires=m["created"]),
        lambda m: m.update(created="2999-01-01T00:00:00Z", expires="2999-02-01T00:00:00Z"),
    ):
        make_bundle(pair, path, edit=edit)
        refused(pair, path, ManifestError)


def test_expired(pair: Pair) -> None:
    path = make_bundle(pair, pair.dir / "exp.utvag")
    refused(pair, path, BundleExpiredError, now=datetime.now(UTC) + timedelta(days=8))


# ---------------------------------------------------------------- replay and rollback


def test_replayed_and_older_sequence(pair: Pair) -> None:
    first, second = sealed(pair, "one.utvag", 10), sealed(pair, "two.utvag", 10)
    opened = open_bundle(pair.b, second)
    opened.commit_seen()
    refused(pair, second, ReplayedBundleError)
    refused(pair, first, SequenceRollbackError)
