"""Interop with the stock ``age`` CLI (X25519), both ways.

Skipped, with the reason, only where ``age``/``age-keygen`` are not installed; CI installs
them (``UTVAG_REQUIRE_AGE=1`` or ``CI`` turns the skip into a failure).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from sync.age import (
    CHUNK_SIZE,
    X25519Identity,
    decrypt,
    encrypt,
    parse_identity,
    parse_recipient,
)
from sync.age.errors import (
    AgeError,
    PayloadTruncatedError,
)

SIZES = [0, 1, CHUNK_SIZE, 200 * 1024]
SIZE_IDS = ["empty", "one-byte", "one-full-chunk", "200KiB"]


@pytest.fixture(scope="module")
def age_cli() -> str:
    missing = [tool for tool in ("age", "age-keygen") if shutil.which(tool) is None]
    if missing:
        reason = f"the age CLI is not installed ({', '.join(missing)}; apt: age)"
        if os.environ.get("UTVAG_REQUIRE_AGE") or os.environ.get("CI"):
            pytest.fail(reason + " — required in CI")
        pytest.skip(reason)
    return str(shutil.which("age"))


def run(*args: str, data: bytes = b"") -> bytes:
    done = subprocess.run(args, input=data, capture_output=True, check=False, timeout=60)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    return done.stdout


@pytest.fixture
def cli_key(tmp_path: Path, age_cli: str) -> tuple[Path, X25519Identity]:
    """A key made by ``age-keygen``, and the same key parsed by us."""
    key_file = tmp_path / "key.txt"
    run("age-keygen", "-o", str(key_file))
    lines = key_file.read_text().splitlines()
    secret = next(line for line in lines if line.startswith("AGE-SECRET-KEY-1"))
    public = next(line for line in lines if line.startswith("# public key: "))
    identity = parse_identity(secret)
    assert isinstance(identity, X25519Identity)
    assert identity.recipient().to_str() == public.removeprefix("# public key: ")
    return key_file, identity


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_we_encrypt_age_decrypts(size: int, cli_key: tuple[Path, X25519Identity]) -> None:
    key_file, identity = cli_key
    data = os.urandom(size)
    sealed = encrypt(data, [identity.recipient()])
    assert run("age", "-d", "-i", str(key_file), data=sealed) == data


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_age_encrypts_we_decrypt(size: int, cli_key: tuple[Path, X25519Identity]) -> None:
    _, identity = cli_key
    data = os.urandom(size)
    sealed = run("age", "-r", identity.recipient().to_str(), data=data)
    assert decrypt(sealed, [identity]) == data


def test_our_identity_strings_work_with_age(tmp_path: Path, age_cli: str) -> None:
    ours = X25519Identity.generate()
    other = X25519Identity.generate()
    key_file = tmp_path / "ours.txt"
    key_file.write_text(ours.to_str() + "\n")
    data = os.urandom(3 * CHUNK_SIZE + 5)
    sealed = run(
        "age", "-r", other.recipient().to_str(), "-r", ours.recipient().to_str(), data=data
    )
    assert decrypt(sealed, [ours]) == data == decrypt(sealed, [other])
    assert run("age", "-d", "-i", str(key_file), data=encrypt(data, [ours.recipient()])) == data
    recipients_file = tmp_path / "recipients.txt"
    recipients_file.write_text(f"{ours.recipient().to_str()}\n")
    sealed = run("age", "-R", str(recipients_file), data=data)
    assert parse_recipient(ours.recipient().to_str()) == ours.recipient()
    assert decrypt(sealed, [ours]) == data


def test_both_refuse_a_truncated_file(cli_key: tuple[Path, X25519Identity]) -> None:
    key_file, identity = cli_key
    sealed = run("age", "-r", identity.recipient().to_str(), data=os.urandom(2 * CHUNK_SIZE))
    truncated = sealed[: len(sealed) - (CHUNK_SIZE + 16)]  # cut at a chunk boundary
    with pytest.raises(PayloadTruncatedError):
        decrypt(truncated, [identity])
    done = subprocess.run(
        ["age", "-d", "-i", str(key_file)], input=truncated, capture_output=True, check=False
    )
    assert done.returncode != 0
    with pytest.raises(AgeError):
        decrypt(sealed[:-1], [identity])
