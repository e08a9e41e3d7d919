"""Every refusal: one typed error with a clear message, and nothing changed on disk."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends import SecretService, chainer, fail, null
from keyrings.alt.file import EncryptedKeyring, PlaintextKeyring

from storage.vault import (
    device_key,
    keyslots,
)
from storage.vault.crypto import KdfParams
from storage.vault.db import StoreDamagedError
from storage.vault.device_key import (
    DeviceSecretMismatchError,
    DeviceSecretMissingError,
    InsecureKeyringError,
    NoSecureKeyringError,
)
from storage.vault.errors import (
    KdfTooWeakError,
    PassphraseTooShortError,
    StoreExistsError,
    StoreFolderNotEmptyError,
    StoreNotFoundError,
    WrongPassphraseError,
    WrongRecoveryCodeError,
)
from storage.vault.keyslots import (
    KeySlotsDamagedError,
    KeySlotsVersionError,
    RecoveryCodeInvalidError,
)
from storage.vault.opening import (
    create_store,
    recover_store,
    unlock_store,
)
from tests.test_store_support import NEW_PASS, PASS, changed, make_store, snapshot

pytestmark = pytest.mark.usefixtures("keyring_backend")


@pytest.fixture
def closed_store(store_dir: Path) -> Iterator[tuple[Path, str]]:
    store, code = make_store(store_dir)
    store.close()
    yield store_dir, code


@pytest.fixture
def no_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: Any) -> None:
        raise AssertionError("the KDF must not run for this refusal")

    monkeypatch.setattr(keyslots, "argon2id", boom)


def refused(
    root: Path, call: Callable[[], object], error: type[Exception], allowed: tuple[str, ...] = ()
) -> Exception:
    before = snapshot(root)
    with pytest.raises(error) as info:
        call()
    assert [c for c in changed(before, snapshot(root)) if c not in allowed] == []
    text = str(info.value)
    assert text and "\n" not in text and "{" not in text
    return info.value


def test_wrong_passphrase_only_counts_the_attempt(closed_store: tuple[Path, str]) -> None:
    path, _ = closed_store
    before = snapshot(path)
    exc = refused(
        path,
        lambda: unlock_store(path, "wrong passphrase!", actor="x"),
        WrongPassphraseError,
        allowed=("unlock-state.json",),
    )
    assert "not correct" in str(exc) and exc.params["failed_attempts"] == 1  # type: ignore[attr-defined]
    assert changed(before, snapshot(path)) == ["unlock-state.json"]


def test_device_secret_missing_points_to_recovery(
    closed_store: tuple[Path, str], no_kdf: None
) -> None:
    path, _ = closed_store
    backend = device_key.resolve_backend()
    store_id = keyslots.read(path).store_id
    assert device_key.delete_device_secret(backend, store_id)
    exc = refused(path, lambda: unlock_store(path, PASS, actor="x"), DeviceSecretMissingError)
    assert "utvag recover" in str(exc) and "recovery code" in str(exc)


def test_device_secret_of_another_setup_is_named(
    closed_store: tuple[Path, str], no_kdf: None
) -> None:
    path, _ = closed_store
    store_id = keyslots.read(path).store_id
    device_key.save_device_secret(device_key.resolve_backend(), store_id, b"\7" * 32)
    exc = refused(path, lambda: unlock_store(path, PASS, actor="x"), DeviceSecretMismatchError)
    assert "utvag recover" in str(exc)


@pytest.mark.parametrize("backend", [fail.Keyring, null.Keyring])
def test_no_keyring_backend(closed_store: tuple[Path, str], backend: Any, no_kdf: None) -> None:
    path, _ = closed_store
    keyring.set_keyring(backend())
    exc = refused(path, lambda: unlock_store(path, PASS, actor="x"), NoSecureKeyringError)
    assert "GNOME Keyring" in str(exc) and "--no-device-key" in str(exc)
    new = path.parent / "new"
    refused(path.parent, lambda: create_store(new, PASS, actor="x"), NoSecureKeyringError)
    assert not new.exists()


@pytest.mark.parametrize("backend", [PlaintextKeyring, EncryptedKeyring])
def test_plaintext_or_file_keyring_is_refused(
    closed_store: tuple[Path, str], backend: Any, no_kdf: None
) -> None:
    path, _ = closed_store
    insecure = backend.__new__(backend)  # EncryptedKeyring's __init__ wants pycryptodome
    keyring.set_keyring(insecure)
    key_file = Path(insecure.file_path)
    existed = key_file.exists()
    exc = refused(path, lambda: unlock_store(path, PASS, actor="x"), InsecureKeyringError)
    assert backend.__name__ in str(exc) and "plaintext" in str(exc)
    assert "Secret Service" in str(exc) and "--no-device-key" in str(exc)
    new = path.parent / "new"
    refused(path.parent, lambda: create_store(new, PASS, actor="x"), InsecureKeyringError)
    assert not new.exists() and key_file.exists() == existed


def test_chainer_uses_only_an_allowed_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    secure = SecretService.Keyring()
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [PlaintextKeyring(), secure])
    keyring.set_keyring(chainer.ChainerBackend())
    assert device_key.resolve_backend() is secure
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [PlaintextKeyring()])
    with pytest.raises(InsecureKeyringError):
        device_key.resolve_backend()
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [])
    with pytest.raises(NoSecureKeyringError):
        device_key.resolve_backend()
    assert device_key.describe_backend() == ("none", False)


def test_passphrase_only_store_ignores_the_keyring(store_dir: Path) -> None:
    make_store(store_dir, device=False)[0].close()
    keyring.set_keyring(PlaintextKeyring())
    unlock_store(store_dir, PASS, actor="x").close()


def _bit_flip(raw: bytes) -> bytes:
    i = raw.index(b'"wrapped_key": "') + 20
    flipped = bytearray(raw)
    flipped[i] ^= 0x01
    return bytes(flipped)


@pytest.mark.parametrize(
    ("mutate", "error"),
    [
        (lambda raw: b"{ this is not json", KeySlotsDamagedError),
        (lambda raw: raw.replace(b'"version": 1', b'"version": 7'), KeySlotsVersionError),
        (lambda raw: raw.replace(b'"version": 1', b'"version": 0'), KeySlotsDamagedError),
        (lambda raw: raw[: len(raw) // 3], KeySlotsDamagedError),
        (lambda raw: b"", KeySlotsDamagedError),
        (_bit_flip, KeySlotsDamagedError),
    ],
)
def test_damaged_key_slot_file(
    closed_store: tuple[Path, str], mutate: Callable[[bytes], bytes], error: type, no_kdf: None
) -> None:
    path, code = closed_store
    slots = path / "keyslots.json"
    slots.write_bytes(mutate(slots.read_bytes()))
    exc = refused(path, lambda: unlock_store(path, PASS, actor="x"), error)
    assert "keyslots.json" in str(exc)
    refused(path, lambda: recover_store(path, code, NEW_PASS, actor="x"), error)


def test_store_already_exists(closed_store: tuple[Path, str]) -> None:
    path, _ = closed_store
    exc = refused(path, lambda: create_store(path, PASS, actor="x"), StoreExistsError)
    assert str(path) in str(exc) and "not overwrite" in str(exc)
    other = path.parent / "other"
    other.mkdir()
    (other / "notes.txt").write_text("x")
    refused(other, lambda: create_store(other, PASS, actor="x"), StoreFolderNotEmptyError)


def test_store_not_found(tmp_path: Path) -> None:
    missing = tmp_path / "missing"
    exc = refused(tmp_path, lambda: unlock_store(missing, PASS, actor="x"), StoreNotFoundError)
    assert "utvag init" in str(exc) and "--store" in str(exc)
    assert not missing.exists()
    code, _ = keyslots.generate_recovery_code()
    refused(tmp_path, lambda: recover_store(missing, code, NEW_PASS, actor="x"), StoreNotFoundError)
    (tmp_path / "empty").mkdir()
    refused(tmp_path, lambda: unlock_store(tmp_path / "empty", PASS, actor="x"), StoreNotFoundError)


def test_database_missing_or_foreign(closed_store: tuple[Path, str], tmp_path: Path) -> None:
    path, _ = closed_store
    other = tmp_path / "other"
    make_store(other, device=False)[0].close()
    (path / "store.db").write_bytes((other / "store.db").read_bytes())
    exc = refused(path, lambda: unlock_store(path, PASS, actor="x"), StoreDamagedError)
    assert "backup" in str(exc)
    (path / "store.db").unlink()
    refused(path, lambda: unlock_store(path, PASS, actor="x"), StoreDamagedError)


def test_short_new_passphrase(store_dir: Path) -> None:
    exc = refused(
        store_dir.parent,
        lambda: create_store(store_dir, "short", actor="x"),
        PassphraseTooShortError,
    )
    assert "12" in str(exc)
    with make_store(store_dir)[0] as store:
        refused(
            store_dir, lambda: store.change_passphrase(PASS, "too short"), PassphraseTooShortError
        )


def test_kdf_below_the_floor_is_refused(store_dir: Path) -> None:
    weak = KdfParams(32768, 3, 4)
    refused(
        store_dir.parent,
        lambda: create_store(store_dir, PASS, actor="x", kdf=weak),
        KdfTooWeakError,
    )
    assert not store_dir.exists()


def test_recovery_code_typo_is_caught_before_any_kdf(
    closed_store: tuple[Path, str], no_kdf: None
) -> None:
    path, code = closed_store
    typo = ("X" if code[0] != "X" else "Y") + code[1:]
    exc = refused(
        path, lambda: recover_store(path, typo, NEW_PASS, actor="x"), RecoveryCodeInvalidError
    )
    assert "typos" in str(exc)


def test_wrong_recovery_code_is_counted(closed_store: tuple[Path, str]) -> None:
    path, _ = closed_store
    other, _ = keyslots.generate_recovery_code()
    refused(
        path,
        lambda: recover_store(path, other, NEW_PASS, actor="x"),
        WrongRecoveryCodeError,
        allowed=("unlock-state.json",),
    )
    state = json.loads((path / "unlock-state.json").read_text())
    assert state["failed_attempts"] == 1 and state["failures"][0]["kind"] == "recovery"
