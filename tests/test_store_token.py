"""Token (PKCS#11) key slots against SoftHSM2, a real PKCS#11 module (tests/softhsm.py):
enrolment of each key type, unlocking with the card, wrong PIN with the card's own state, a
locked PIN, a removed card, a different card, re-enrolment and removal (audited), and the
passphrase and recovery code still working next to a card slot."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from storage.vault import keyslots, throttle
from storage.vault.crypto import UnwrapError, b64encode, wipe
from storage.vault.key_access import unlock_with_token
from storage.vault.opening import recover_store, unlock_store
from storage.vault.store import Store
from storage.vault.token import binding, mechanisms
from storage.vault.token.binding import ECDH, RSA_OAEP_SHA1, RSA_OAEP_SHA256, RSA_SIGN, PinState
from storage.vault.token.enrol import (
    TokenChoiceError,
    card_keys,
    enrol_token,
    inserted_tokens,
    list_key_slots,
    remove_token_slot,
)
from storage.vault.token.errors import (
    NoTokenSlotError,
    TokenKeyMissingError,
    TokenNotPresentError,
    TokenPinIncorrectError,
    TokenPinLockedError,
    WrongTokenError,
    WrongTokenKeyError,
)
from storage.vault.token.slots import open_with_answer
from tests.softhsm import PIN_A, PIN_B, SoftHsm
from tests.test_store_support import NEW_PASS, PASS, changed, make_store, snapshot

MARKER = "fiktiv-markör-7f3a9c2e61d04b58a1"  # 16+ random bytes, fictional


def _audit(store: Store) -> list[tuple[str, Any]]:
    rows = store.conn.execute("SELECT action, details FROM audit_log ORDER BY seq").fetchall()
    return [(a, json.loads(d) if d else None) for a, d in rows]


def _store_with_marker(path: Path) -> str:
    store, code = make_store(path, device=False)
    with store.transaction() as conn:
        conn.execute("INSERT INTO meta (key, value) VALUES ('test_marker', ?)", (MARKER,))
    store.close()
    return code


def _marker(store: Store) -> str:
    row = store.conn.execute("SELECT value FROM meta WHERE key = 'test_marker'").fetchone()
    return str(row[0])


def _enrol(path: Path, hsm: SoftHsm, key_id: str = "01") -> str:
    with unlock_store(path, PASS, actor="tester") as store:
        slot = enrol_token(store, PASS, hsm.module, PIN_A, slot=hsm.index("Kort A"), key_id=key_id)
    return slot.slot_id


@pytest.mark.parametrize(
    ("key_id", "mechanisms"),
    [("01", {RSA_OAEP_SHA256, RSA_OAEP_SHA1}), ("02", {RSA_SIGN}), ("03", {ECDH})],
)
def test_each_key_type_enrols_and_unlocks(
    tmp_path: Path, softhsm: SoftHsm, key_id: str, mechanisms: set[str]
) -> None:
    path = tmp_path / "store"
    code = _store_with_marker(path)
    slot_id = _enrol(path, softhsm, key_id)
    ks = keyslots.read(path)
    assert ks.token(slot_id) is not None and ks.token(slot_id).mechanism in mechanisms  # type: ignore[union-attr]
    raw = json.loads((path / "keyslots.json").read_text())
    assert raw["version"] == 2 and len(raw["token_slots"]) == 1
    with unlock_with_token(path, softhsm.module, PIN_A, actor="tester") as store:
        assert _marker(store) == MARKER
        assert _audit(store)[-1] == ("unlock", {"via": "token"})
    # the passphrase and the recovery code still open it
    with unlock_store(path, PASS, actor="tester") as store:
        assert _marker(store) == MARKER
    with recover_store(path, code, NEW_PASS, actor="tester") as store:
        assert _marker(store) == MARKER
    # the recovery kept the card slot (same KEK): the card still opens it
    with unlock_with_token(path, softhsm.module, PIN_A, actor="tester") as store:
        assert _marker(store) == MARKER


def test_the_usable_keys_and_pin_state_are_listed(softhsm: SoftHsm) -> None:
    found = inserted_tokens(softhsm.module)
    assert sorted(t.info.label for t in found) == ["Kort A", "Kort B"]
    assert all(t.info.pin_state is PinState.OK for t in found)
    with pytest.raises(TokenChoiceError):
        card_keys(softhsm.module, PIN_A)  # two cards: one must be chosen
    index = next(t.index for t in found if t.info.label == "Kort A")
    info, keys = card_keys(softhsm.module, PIN_A, index)
    assert info.label == "Kort A"
    assert {(k.key_id, k.mechanism) for k in keys} == {
        ("01", RSA_OAEP_SHA256),
        ("02", RSA_SIGN),
        ("03", ECDH),
    }


def test_wrong_pin_is_counted_shows_the_cards_state_and_is_audited(
    tmp_path: Path, softhsm: SoftHsm
) -> None:
    path = tmp_path / "store"
    _store_with_marker(path)
    _enrol(path, softhsm)
    before = snapshot(path)
    with pytest.raises(TokenPinIncorrectError) as info:
        unlock_with_token(path, softhsm.module, "000000", actor="tester")
    assert "PIN" in str(info.value)
    assert changed(before, snapshot(path)) == ["unlock-state.json"]
    assert throttle.read_state(path).failures[-1][1] == "token"
    card = next(t for t in inserted_tokens(softhsm.module) if t.info.label == "Kort A")
    assert card.info.pin_state is PinState.COUNT_LOW  # what the card itself says
    with unlock_with_token(path, softhsm.module, PIN_A, actor="tester") as store:
        failed = [d for a, d in _audit(store) if a == "unlock_failed"]
        assert failed[-1]["attempts"][0]["kind"] == "token"


def test_a_locked_pin_is_refused_before_any_login(tmp_path: Path, softhsm: SoftHsm) -> None:
    path = tmp_path / "store"
    _store_with_marker(path)
    _enrol(path, softhsm)
    softhsm.lock_pin("Kort A")
    before = snapshot(path)
    with pytest.raises(TokenPinLockedError) as info:
        unlock_with_token(path, softhsm.module, PIN_A, actor="tester")  # even the right PIN
    assert "PUK" in str(info.value)
    assert changed(before, snapshot(path)) == []
    with unlock_store(path, PASS, actor="tester") as store:  # the passphrase still works
        assert _marker(store) == MARKER


@pytest.mark.parametrize(
    ("change", "error"),
    [
        (lambda hsm: hsm.remove("Kort A") or hsm.remove("Kort B"), TokenNotPresentError),
        (lambda hsm: hsm.only("Kort B"), WrongTokenError),
    ],
    ids=["removed", "different-card"],
)
def test_a_removed_or_different_card_is_named_and_changes_nothing(
    tmp_path: Path,
    softhsm: SoftHsm,
    change: Callable[[SoftHsm], None],
    error: type[Exception],
) -> None:
    path = tmp_path / "store"
    _store_with_marker(path)
    _enrol(path, softhsm)
    change(softhsm)
    before = snapshot(path)
    with pytest.raises(error) as info:
        unlock_with_token(path, softhsm.module, PIN_B, actor="tester")
    assert changed(before, snapshot(path)) == []
    if error is WrongTokenError:
        assert "Kort B" in str(info.value)


def _rewrite_token_slot(path: Path, **fields: Any) -> None:
    doc = json.loads((path / "keyslots.json").read_text())
    doc["token_slots"][0].update(fields)
    doc.pop("checksum")
    doc["checksum"] = keyslots._checksum(doc)
    (path / "keyslots.json").write_text(json.dumps(doc))


def test_a_card_without_the_key_or_with_another_key(tmp_path: Path, softhsm: SoftHsm) -> None:
    path = tmp_path / "store"
    _store_with_marker(path)
    _enrol(path, softhsm, "02")  # the signature slot: its material is the challenge
    original = (path / "keyslots.json").read_bytes()
    _rewrite_token_slot(path, key_id="7f")  # the card has no key 7f (renewed card)
    with pytest.raises(TokenKeyMissingError):
        unlock_with_token(path, softhsm.module, PIN_A, actor="tester")
    (path / "keyslots.json").write_bytes(original)
    challenge = bytearray(keyslots.b64decode(json.loads(original)["token_slots"][0]["material"]))
    challenge[0] ^= 1  # the card signs another challenge: its answer does not open the slot
    _rewrite_token_slot(path, material=b64encode(bytes(challenge)))
    with pytest.raises(WrongTokenKeyError):
        unlock_with_token(path, softhsm.module, PIN_A, actor="tester")
    (path / "keyslots.json").write_bytes(original)
    with unlock_with_token(path, softhsm.module, PIN_A, actor="tester") as store:
        assert _marker(store) == MARKER


def test_every_bound_parameter_breaks_the_unwrap(tmp_path: Path, softhsm: SoftHsm) -> None:
    """With the card's true answer, a slot whose store id, card serial, key id, slot id,
    mechanism or material was changed does not open (the AEAD's associated data)."""
    path = tmp_path / "store"
    _store_with_marker(path)
    _enrol(path, softhsm, "03")
    ks = keyslots.read(path)
    slot = ks.tokens[0]
    with binding.open_module(softhsm.module) as lib:
        token = next(t for t, info in binding.tokens(lib) if info.serial == slot.token_serial)
        with binding.login(token, PIN_A) as session:
            key = binding.find_private_key(session, slot.key_id)
            answer = mechanisms.card_answer(
                key, slot.mechanism, slot.material, ks.store_id, slot.slot_id
            )
    wipe(open_with_answer(slot, ks.store_id, answer))  # the true slot opens
    other_store = "00000000-0000-4000-8000-000000000000"
    changes = [
        ("slot_id", "0" * 16),
        ("token_serial", "0000"),
        ("key_id", "01"),
        ("key_type", "rsa"),
        ("mechanism", RSA_SIGN),
        ("material", bytes(slot.material[:-1]) + bytes([slot.material[-1] ^ 1])),
    ]
    for name, value in changes:
        with pytest.raises(UnwrapError):
            open_with_answer(replace(slot, **{name: value}), ks.store_id, answer)
    with pytest.raises(UnwrapError):
        open_with_answer(slot, other_store, answer)


def test_reenrol_and_remove_are_audited_and_listing_too(tmp_path: Path, softhsm: SoftHsm) -> None:
    path = tmp_path / "store"
    _store_with_marker(path)
    first = _enrol(path, softhsm)
    second = _enrol(path, softhsm)  # the same card and key again: replaces the slot
    ks = keyslots.read(path)
    assert [t.slot_id for t in ks.tokens] == [second] and first != second
    with unlock_store(path, PASS, actor="tester") as store:
        kinds = [s.kind for s in list_key_slots(store)]
        assert kinds == ["passphrase", "recovery", "token"]
        remove_token_slot(store, second)
        actions = [a for a, _d in _audit(store)]
    assert actions.count("keyslot.token_added") == 1
    assert actions.count("keyslot.token_reenrolled") == 1
    assert "keyslot.list" in actions and "keyslot.token_removed" in actions
    raw = json.loads((path / "keyslots.json").read_text())
    assert raw["version"] == 1 and "token_slots" not in raw  # readable by older versions again
    with pytest.raises(NoTokenSlotError):
        unlock_with_token(path, softhsm.module, PIN_A, actor="tester")


def test_a_rekey_removes_the_card_slots(tmp_path: Path, softhsm: SoftHsm) -> None:
    """A rekey retires the KEK the card slots wrap; they go, audited, the card must be
    added again."""
    path = tmp_path / "store"
    _store_with_marker(path)
    _enrol(path, softhsm)
    with unlock_store(path, PASS, actor="tester") as store:
        store.rekey(PASS)
        rekey = [d for a, d in _audit(store) if a == "rekey"][-1]
    assert rekey["token_slots_removed"] == 1
    assert keyslots.read(path).tokens == ()
    with pytest.raises(NoTokenSlotError):
        unlock_with_token(path, softhsm.module, PIN_A, actor="tester")
