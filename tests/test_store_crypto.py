"""Building blocks: Argon2id parameters, AEAD wrapping, the key-slot file, the recovery code."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storage.vault import (
    crypto,
    keyslots,
)
from storage.vault.crypto import (
    KdfParams,
    KdfParamsError,
    UnwrapError,
)
from storage.vault.keyslots import (
    KeySlotFile,
    KeySlotsDamagedError,
    KeySlotsVersionError,
    RecoveryCodeInvalidError,
)

STORE_ID = str(uuid.uuid4())


def test_floor_is_64_mib_3_passes_4_lanes() -> None:
    floor = KdfParams.minimum()
    assert (floor.memory_kib, floor.iterations, floor.lanes) == (65536, 3, 4)
    floor.check()
    for weak in (KdfParams(65535, 3, 4), KdfParams(65536, 2, 4), KdfParams(65536, 3, 3)):
        with pytest.raises(KdfParamsError):
            weak.check()
    for huge in (KdfParams(8 * 1024 * 1024, 3, 4), KdfParams(65536, 1000, 4)):
        with pytest.raises(KdfParamsError):
            huge.check()


def test_calibration_never_goes_below_the_floor() -> None:
    params = KdfParams.calibrate(target_seconds=0.01)
    assert params == KdfParams.minimum()
    params = KdfParams.calibrate(target_seconds=0.5)
    params.check()
    assert params.memory_kib >= 65536 and params.memory_kib % 1024 == 0
    assert params.memory_kib <= crypto.CALIBRATION_MAX_MEMORY_KIB


def test_kdf_params_json_is_strict() -> None:
    good = KdfParams.minimum().to_json()
    assert KdfParams.from_json(good) == KdfParams.minimum()
    for bad in (
        {**good, "algorithm": "argon2i"},
        {**good, "memory_kib": "65536"},
        {**good, "memory_kib": 1024},
        {**good, "extra": 1},
        {k: v for k, v in good.items() if k != "lanes"},
    ):
        with pytest.raises(KdfParamsError):
            KdfParams.from_json(bad)


def test_wrap_binds_associated_data_and_uses_fresh_nonces() -> None:
    kek, dk = crypto.random_key(), crypto.random_key()
    a = crypto.wrap_key(kek, dk, b"context-a")
    b = crypto.wrap_key(kek, dk, b"context-a")
    assert a.nonce != b.nonce and a.ciphertext != b.ciphertext
    assert crypto.unwrap_key(kek, a, b"context-a") == dk
    with pytest.raises(UnwrapError):
        crypto.unwrap_key(kek, a, b"context-b")
    with pytest.raises(UnwrapError):
        crypto.unwrap_key(crypto.random_key(), a, b"context-a")


def test_wipe_zeroes_the_buffer() -> None:
    key = crypto.random_key()
    crypto.wipe(key)
    assert key == bytearray(32)


def _slot_file() -> tuple[KeySlotFile, bytearray, bytes]:
    kek, dk = crypto.random_key(), crypto.random_key()
    _code, code_bytes = keyslots.generate_recovery_code()
    slots = (
        keyslots.make_slot(
            STORE_ID, keyslots.PASSPHRASE, kek, "pass phrase 1", KdfParams.minimum()
        ),
        keyslots.make_slot(STORE_ID, keyslots.RECOVERY, kek, code_bytes, KdfParams.minimum()),
    )
    ks = KeySlotFile(
        STORE_ID, "2026-01-01T00:00:00Z", slots, keyslots.wrap_data_key(STORE_ID, kek, dk), None
    )
    return ks, kek, code_bytes


@pytest.fixture(scope="module")
def slot_file() -> tuple[KeySlotFile, bytearray, bytes]:
    return _slot_file()


def test_slots_open_with_the_right_secret_only(
    slot_file: tuple[KeySlotFile, bytearray, bytes],
) -> None:
    ks, kek, code_bytes = slot_file
    parsed = keyslots.parse(ks.to_bytes(), Path("keyslots.json"))
    assert parsed == ks
    assert keyslots.open_slot(STORE_ID, ks.slot("passphrase"), "pass phrase 1") == kek
    assert keyslots.open_slot(STORE_ID, ks.slot("recovery"), code_bytes) == kek
    with pytest.raises(UnwrapError):
        keyslots.open_slot(STORE_ID, ks.slot("passphrase"), "pass phrase 2")
    # The same passphrase with a device secret the slot was not made with: no.
    with pytest.raises(UnwrapError):
        keyslots.open_slot(
            STORE_ID, ks.slot("passphrase"), "pass phrase 1", device_secret=b"\1" * 32
        )


def test_changing_a_slot_parameter_breaks_the_unwrap(
    slot_file: tuple[KeySlotFile, bytearray, bytes],
) -> None:
    ks, _, _ = slot_file
    slot = ks.slot("passphrase")
    from dataclasses import replace

    with pytest.raises(UnwrapError):  # another store id in the associated data
        keyslots.open_slot(str(uuid.uuid4()), slot, "pass phrase 1")
    with pytest.raises(UnwrapError):  # the device-key id is bound too
        keyslots.open_slot(STORE_ID, replace(slot, device_key_id="00" * 8), "pass phrase 1")
    stronger = KdfParams(65536 + 1024, 3, 4)
    with pytest.raises(UnwrapError):  # and the KDF parameters
        keyslots.open_slot(STORE_ID, replace(slot, kdf=stronger), "pass phrase 1")


def test_every_single_bit_flip_is_refused_before_any_kdf(
    slot_file: tuple[KeySlotFile, bytearray, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keyslots, "argon2id", lambda *a: pytest.fail("KDF ran"))
    raw = slot_file[0].to_bytes()
    for i in range(len(raw)):
        for bit in range(8):
            flipped = bytearray(raw)
            flipped[i] ^= 1 << bit
            with pytest.raises((KeySlotsDamagedError, KeySlotsVersionError)):
                keyslots.parse(bytes(flipped), Path("keyslots.json"))


@pytest.mark.parametrize(
    "mutate",
    [
        lambda raw: raw[: len(raw) // 2],
        lambda raw: b"",
        lambda raw: b"{not json",
        lambda raw: raw.replace(b'"format": "utvag-keyslots"', b'"format": "other"'),
        lambda raw: raw.replace(b'"version": 1', b'"version": 0'),
        lambda raw: b"\xff\xfe" + raw,
    ],
)
def test_damaged_files_are_refused(
    slot_file: tuple[KeySlotFile, bytearray, bytes], mutate: object
) -> None:
    raw = slot_file[0].to_bytes()
    with pytest.raises(KeySlotsDamagedError) as exc:
        keyslots.parse(mutate(raw), Path("/s/keyslots.json"))  # type: ignore[operator]
    assert "keyslots.json" in str(exc.value) and "backup" in str(exc.value)


def test_newer_version_is_named(slot_file: tuple[KeySlotFile, bytearray, bytes]) -> None:
    doc = json.loads(slot_file[0].to_bytes())
    newer = keyslots.TOKEN_VERSION + 1  # version 2 (with card slots) is known
    doc["version"] = newer
    with pytest.raises(KeySlotsVersionError) as exc:
        keyslots.parse(json.dumps(doc).encode(), Path("keyslots.json"))
    assert f"version {newer}" in str(exc.value)


def test_a_slot_below_the_floor_is_refused_even_with_a_valid_checksum(
    slot_file: tuple[KeySlotFile, bytearray, bytes],
) -> None:
    doc = json.loads(slot_file[0].to_bytes())
    doc["slots"][0]["kdf"]["memory_kib"] = 32768
    del doc["checksum"]
    doc["checksum"] = keyslots._checksum(doc)
    with pytest.raises(KeySlotsDamagedError):
        keyslots.parse(json.dumps(doc).encode(), Path("keyslots.json"))


# ---------------------------------------------------------------- recovery code


def test_recovery_code_shape_and_normalisation() -> None:
    code, data = keyslots.generate_recovery_code()
    groups = code.split("-")
    assert len(groups) == 7 and all(len(g) == 4 for g in groups)
    assert keyslots.parse_recovery_code(code) == data
    sloppy = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert keyslots.parse_recovery_code(f"  {sloppy}\n") == data
    assert keyslots.parse_recovery_code(code.replace("-", "")) == data


CODES = st.binary(min_size=16, max_size=16)


@settings(max_examples=60, deadline=None)
@given(data=CODES, pos=st.integers(0, 27), char=st.sampled_from(keyslots.CROCKFORD))
def test_any_single_wrong_character_is_caught(data: bytes, pos: int, char: str) -> None:
    text = keyslots.format_recovery_code(data).replace("-", "")
    if text[pos] == char:
        return
    typo = text[:pos] + char + text[pos + 1 :]
    with pytest.raises(RecoveryCodeInvalidError):
        keyslots.parse_recovery_code(typo)


@settings(max_examples=60, deadline=None)
@given(data=CODES, pos=st.integers(0, 24))
def test_any_swap_of_neighbouring_data_characters_is_caught(data: bytes, pos: int) -> None:
    text = keyslots.format_recovery_code(data).replace("-", "")
    if text[pos] == text[pos + 1]:
        return
    swapped = text[:pos] + text[pos + 1] + text[pos] + text[pos + 2 :]
    with pytest.raises(RecoveryCodeInvalidError):
        keyslots.parse_recovery_code(swapped)


@pytest.mark.parametrize("bad", ["", "ABCD", "U" * 28, "!" * 28, "0" * 29])
def test_malformed_recovery_codes(bad: str) -> None:
    with pytest.raises(RecoveryCodeInvalidError) as exc:
        keyslots.parse_recovery_code(bad)
    assert "7 groups of 4" in str(exc.value)
