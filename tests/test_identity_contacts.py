"""Identity, contact cards, fingerprints, verification, revocation and key rotation."""

from __future__ import annotations

import hashlib
import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from sync.age import (
    MLKEM768X25519Identity,
    X25519Identity,
)
from sync.bundle.manifest import CONTACT_UPDATE_MEMBER
from sync.bundle.open import open_bundle
from sync.bundle.seal import (
    seal_bundle,
    seal_contact_update,
)
from sync.signing.errors import BadSignatureError
from sync.signing.minisign import SigningKey
from sync.trust import (
    contacts,
    identity,
)
from sync.trust import fingerprint as fp
from sync.trust.card import (
    KeySet,
    build_card,
    parse_card,
)
from sync.trust.errors import (
    CardFormatError,
    ContactConflictError,
    ContactNotFoundError,
    ContactRevokedError,
    ContactUpdateError,
    FingerprintMismatchError,
    IdentityNameError,
    KeyConflictError,
    OwnCardError,
    RevokedKeyError,
    SupersededSenderKeyError,
    UnknownSenderError,
    UnverifiedSenderError,
)
from sync.wire.ustar import (
    read_small_archive,
    small_archive,
)
from tests.test_bundle_support import Pair, make_pair, pair

__all__ = ["pair"]

NOW = datetime(2025, 5, 1, 12, 0, tzinfo=UTC)


def fresh_keys(pq: bool = True) -> tuple[SigningKey, KeySet]:
    key = SigningKey.generate()
    age = X25519Identity.generate().recipient().to_str()
    age_pq = MLKEM768X25519Identity.generate().recipient().to_str() if pq else None
    return key, KeySet(key.public_key().to_base64(), age, age_pq)


def card_for(
    names: tuple[str, str, str], gen: int = 1, pq: bool = True
) -> tuple[SigningKey, KeySet, bytes]:
    key, keys = fresh_keys(pq)
    return key, keys, build_card(names, gen, NOW, keys, key)


# ---------------------------------------------------------------- identity and cards


def test_identity_is_created_once_and_audited(pair: Pair) -> None:
    info = identity.get_identity(pair.a)
    again = identity.ensure_identity(pair.a, "Other", "Other", "Other")
    assert again == info and info.generation == 1 and info.municipality == "Malmö"
    assert [e.action for e in pair.a.audit.entries(action="identity.create")] == ["identity.create"]
    assert "seed" not in repr(identity.current_keys(pair.a)).lower()
    for bad in ("", "  ", "a\nb", "x" * 101, "a\u202eb"):
        with pytest.raises(IdentityNameError):
            identity._clean_name(bad, "unit")


def test_card_is_self_signed_and_strict(pair: Pair) -> None:
    raw = identity.export_card(pair.a)
    card = parse_card(raw)
    me = identity.get_identity(pair.a)
    assert card.keys == me.keys and card.fingerprint == me.fingerprint and card.previous is None
    parts = dict(read_small_archive(raw, max_members=3, max_member_size=16384))
    assert set(parts) == {"card.json", "card.json.minisig"}
    body = parts["card.json"]
    with pytest.raises(BadSignatureError):
        parse_card(
            small_archive(
                [
                    ("card.json", body.replace(b"Anna", b"Anja")),
                    ("card.json.minisig", parts["card.json.minisig"]),
                ]
            )
        )
    for bad in (
        b"",
        b"junk" * 100,
        raw[:-1024],
        raw + b"x",
        raw * 40,
        small_archive([("card.json", body)]),
    ):
        with pytest.raises(CardFormatError):
            parse_card(bad)
    key, keys = fresh_keys()
    forged = build_card(("A", "B", "C"), 1, NOW, keys, key).replace(
        b'"generation": 1', b'"generation": 2'
    )
    with pytest.raises((CardFormatError, BadSignatureError)):
        parse_card(forged)


# ---------------------------------------------------------------- fingerprints


def test_fingerprint_derivation_is_documented_exactly() -> None:
    minisign, age = "RWQBAgMEBQYHCA" + "A" * 42, "age1qqqq"
    text = f"utvag-fingerprint v1\nminisign {minisign}\nage {age}\nage-pq -\n".encode()
    digest = hashlib.sha256(text).digest()
    groups = [int.from_bytes(digest[i : i + 4], "big") % 100_000 for i in range(0, 32, 4)]
    expected = " ".join(f"{g:05d}" for g in groups)
    assert fp.fingerprint(minisign, age, None) == expected
    assert fp.qr_payload(minisign, age, None) == "UTVAG:FP1:" + digest.hex().upper()
    assert fp.fingerprint(minisign, age, "age1pq1x") != expected


def test_same_fingerprint_on_both_sides(pair: Pair) -> None:
    a_at_b = contacts.get_contact(pair.b, pair.a_at_b)
    assert a_at_b.fingerprint == identity.get_identity(pair.a).fingerprint
    assert contacts.contact_fingerprint(pair.b, pair.a_at_b) == a_at_b.fingerprint
    assert len(a_at_b.fingerprint.split()) == 8 and a_at_b.status == "verified"


def test_verify_contact(pair: Pair) -> None:
    _key, keys, card = card_for(("Eslöv", "Exit", "Eva"))
    cid = contacts.import_card(pair.b, card)
    assert contacts.get_contact(pair.b, cid).status == "unverified"
    wrong = keys.fingerprint[:-1] + str((int(keys.fingerprint[-1]) + 1) % 10)
    for typed in (wrong, "", "12345", keys.fingerprint + "1"):
        with pytest.raises(FingerprintMismatchError):
            contacts.verify_contact(pair.b, cid, typed)
    assert contacts.get_contact(pair.b, cid).status == "unverified"
    assert pair.b.audit.entries()[-1].action == "contact.verify_failed"
    dashed = "-".join(keys.fingerprint.split()) + "\n"
    assert contacts.verify_contact(pair.b, cid, dashed).status == "verified"
    assert pair.b.audit.entries()[-1].action == "contact.verify"
    _key2, keys2, card2 = card_for(("Eslöv", "Exit", "Erik"))
    cid2 = contacts.import_card(pair.b, card2)
    contacts.verify_contact(pair.b, cid2, keys2.qr_payload.lower())
    assert contacts.get_contact(pair.b, cid2).usable


# ---------------------------------------------------------------- importing cards


def test_import_rules(pair: Pair) -> None:
    names = ("Hörby", "Exit", "Hanna")
    _key, keys, card = card_for(names)
    cid = contacts.import_card(pair.b, card)
    head = pair.b.audit.head()
    assert contacts.import_card(pair.b, card) == cid and pair.b.audit.head() == head
    with pytest.raises(OwnCardError):
        contacts.import_card(pair.b, identity.export_card(pair.b))
    _, _, other = card_for(("HÖRBY", "exit", "hanna"))  # same people, other keys
    with pytest.raises(ContactConflictError):
        contacts.import_card(pair.b, other)
    contacts.verify_contact(pair.b, cid, keys.fingerprint)
    with pytest.raises(ContactConflictError):
        contacts.import_card(pair.b, other)
    key3, _ = fresh_keys()
    stolen = KeySet(key3.public_key().to_base64(), keys.age, None)  # someone else's age key
    with pytest.raises(KeyConflictError):
        contacts.import_card(pair.b, build_card(("Sjöbo", "X", "Y"), 1, NOW, stolen, key3))
    contacts.revoke_contact(pair.b, cid, "left the unit")
    assert pair.b.audit.entries()[-1].action == "contact.revoke"
    assert contacts.get_contact(pair.b, cid).status == "revoked"
    with pytest.raises(RevokedKeyError):
        contacts.import_card(pair.b, card)
    with pytest.raises(ContactRevokedError):
        contacts.verify_contact(pair.b, cid, keys.fingerprint)
    new_id = contacts.import_card(pair.b, other)  # the revoked one no longer blocks the names
    assert new_id != cid
    listed = {c.id: c.status for c in contacts.list_contacts(pair.b)}
    assert listed[cid] == "revoked" and listed[new_id] == "unverified"
    assert cid not in {c.id for c in contacts.list_contacts(pair.b, include_revoked=False)}


# ---------------------------------------------------------------- rotation


def _seal(p: Pair, out: Path, *, reverse: bool = False) -> Path:
    store, to = (p.b, p.a_at_b) if reverse else (p.a, p.b_at_a)
    seal_bundle(
        store,
        kind="handover",
        recipients=[to],
        out=out,
        expires=timedelta(days=2),
        case_ref="X-1",
        legal_basis="transfer",
        members=[("case.json", io.BytesIO(b"{}"), 2)],
    )
    return out


def test_rotation_followed_by_contacts(tmp_path: Path) -> None:
    p = make_pair(tmp_path)
    try:
        early = _seal(p, p.dir / "to-old-keys.utvag", reverse=True)  # B seals to A's gen-1 keys
        old_bundle = _seal(p, p.dir / "old-key.utvag")
        old_fp = identity.get_identity(p.a).fingerprint
        rotation = identity.rotate_identity(p.a, caseworker="Anna Nilsson")
        assert rotation.new.generation == 2 and rotation.new.fingerprint != old_fp
        assert identity.export_update_card(p.a) == rotation.update_card
        card = parse_card(rotation.update_card)
        assert card.previous is not None and card.previous_fingerprint == old_fp
        # unchanged for B until it follows: bundles from A's new key are from nobody
        with pytest.raises(UnknownSenderError):
            open_bundle(p.b, _seal(p, p.dir / "new-key.utvag"))
        copy = contacts.import_card(p.b, identity.export_card(p.a))  # the plain new card:
        assert copy != p.a_at_b  # a separate, unverified contact; never a silent replace
        assert contacts.get_contact(p.b, p.a_at_b).fingerprint == old_fp
        assert contacts.apply_contact_update(p.b, rotation.update_card) == p.a_at_b
        with pytest.raises(ContactNotFoundError):
            contacts.get_contact(p.b, copy)  # the authenticated update absorbed the copy
        moved = contacts.get_contact(p.b, p.a_at_b)
        assert moved.usable and moved.fingerprint == rotation.new.fingerprint
        assert moved.caseworker == "Anna Nilsson" and moved.generation == 2
        assert p.b.audit.entries()[-1].action == "contact.rotate"
        assert contacts.apply_contact_update(p.b, rotation.update_card) == p.a_at_b  # no-op
        open_bundle(p.b, p.dir / "new-key.utvag").commit_seen()
        with pytest.raises(SupersededSenderKeyError):
            open_bundle(p.b, old_bundle)
        opened = open_bundle(p.a, early)  # retired keys still decrypt what was sealed to them
        assert opened.recipient_generation == 1
        opened.discard()
        second = identity.rotate_identity(p.a)
        contacts.apply_contact_update(p.b, second.update_card)
        with pytest.raises(SupersededSenderKeyError):
            contacts.apply_contact_update(p.b, rotation.update_card)  # a stale update
    finally:
        p.close()


def test_contact_update_bundle(tmp_path: Path) -> None:
    p = make_pair(tmp_path)
    try:
        rotation = identity.rotate_identity(p.a)
        seal_contact_update(
            p.a, recipients=[p.b_at_a], out=p.dir / "u.utvag", expires=timedelta(days=7)
        )
        opened = open_bundle(p.b, p.dir / "u.utvag")  # signed by the key B still trusts
        assert opened.kind == "contact-update"
        with p.b.transaction():
            contacts.apply_contact_update(p.b, opened.read_member_bytes(CONTACT_UPDATE_MEMBER))
            opened.commit_seen()
        assert contacts.get_contact(p.b, p.a_at_b).fingerprint == rotation.new.fingerprint
    finally:
        p.close()


def test_update_refusals(pair: Pair) -> None:
    names = ("Kävlinge", "Exit", "Karl")
    key1, keys1, card1 = card_for(names)
    cid = contacts.import_card(pair.b, card1)
    key2, keys2 = fresh_keys()
    update = build_card(names, 2, NOW, keys2, key2, (keys1, key1))
    with pytest.raises(UnverifiedSenderError):
        contacts.apply_contact_update(pair.b, update)
    contacts.verify_contact(pair.b, cid, keys1.fingerprint)
    with pytest.raises(ContactUpdateError):
        contacts.apply_contact_update(pair.b, build_card(names, 2, NOW, keys2, key2))  # unsigned
    stranger, stranger_keys = fresh_keys()
    with pytest.raises(UnknownSenderError):
        contacts.apply_contact_update(
            pair.b, build_card(names, 2, NOW, keys2, key2, (stranger_keys, stranger))
        )
    with pytest.raises(CardFormatError):  # generation 1 cannot have a predecessor
        contacts.apply_contact_update(pair.b, build_card(names, 1, NOW, keys2, key2, (keys1, key1)))
    # the endorsement must be by the previous key over this very card.json
    parts = read_small_archive(update, max_members=3, max_member_size=16384)
    key3, keys3 = fresh_keys()
    other = build_card(names, 2, NOW, keys3, key3, (keys1, key1))
    endorsement = read_small_archive(other, max_members=3, max_member_size=16384)[2]
    swapped = small_archive([parts[0], parts[1], endorsement])
    with pytest.raises(BadSignatureError):
        contacts.apply_contact_update(pair.b, swapped)
    assert contacts.get_contact(pair.b, cid).fingerprint == keys1.fingerprint
    assert contacts.apply_contact_update(pair.b, update) == cid
    assert contacts.get_contact(pair.b, cid).status == "verified"
