"""sync.signing.minisign: format, refusals, fuzzing, and interop with the stock ``minisign`` CLI."""

from __future__ import annotations

import base64
import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storage.errors import UtvagError
from sync.signing.errors import (
    BadSignatureError,
    LegacySignatureError,
    PublicKeyFormatError,
    SignatureCommentError,
    SignatureFormatError,
    SignatureKeyMismatchError,
    TrustedCommentTamperedError,
)
from sync.signing.minisign import (
    PublicKey,
    SigningKey,
    sign,
    verify,
)

KEY = SigningKey.generate()
DATA = os.urandom(3000)
SIG = sign(DATA, KEY, "bundle 7f3a\tkind: handover ÅÄÖ")


def replace_line(text: str, index: int, line: str) -> str:
    lines = text.splitlines()
    lines[index] = line
    return "\n".join(lines) + "\n"


def legacy_signature(data: bytes, key: SigningKey, trusted: str) -> str:
    """A minisign ``Ed`` (non-prehashed) signature, as ``minisign -S -l`` makes."""
    private = key._key
    signature = private.sign(data)
    global_signature = private.sign(signature + trusted.encode())
    line = base64.b64encode(b"Ed" + key.key_id + signature).decode()
    return (
        f"untrusted comment: legacy\n{line}\ntrusted comment: {trusted}\n"
        f"{base64.b64encode(global_signature).decode()}\n"
    )


# ---------------------------------------------------------------- format and round trips


def test_sign_and_verify_return_the_trusted_comment() -> None:
    assert verify(DATA, SIG, KEY.public_key()) == "bundle 7f3a\tkind: handover ÅÄÖ"
    assert verify(io.BytesIO(DATA), SIG.encode(), KEY.public_key()).startswith("bundle 7f3a")
    assert sign(io.BytesIO(DATA), KEY, "x").splitlines()[1][:2] == "RU"  # base64 of "ED"
    lines = SIG.splitlines()
    assert lines[0] == "untrusted comment: signature from minisign secret key"
    assert lines[2] == "trusted comment: bundle 7f3a\tkind: handover ÅÄÖ"
    assert base64.b64decode(lines[1])[:10] == b"ED" + KEY.key_id
    assert verify(DATA, SIG.replace("\n", "\r\n"), KEY.public_key())  # CRLF tolerated


def test_public_key_text() -> None:
    public = KEY.public_key()
    text = public.to_minisign_text()
    first, second = text.splitlines()
    assert first == f"untrusted comment: minisign public key {public.key_id_hex}"
    assert public.key_id_hex == int.from_bytes(public.key_id, "little").to_bytes(8).hex().upper()
    assert base64.b64decode(second) == b"Ed" + public.key_id + public.public_bytes
    assert PublicKey.from_minisign_text(text) == public
    assert PublicKey.from_minisign_text(second) == public
    assert SigningKey.from_seed(KEY.seed()).public_key() == public
    assert KEY.seed().hex() not in repr(KEY)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "untrusted comment: x\n",
        "RWQ=\n",
        "comment: x\n" + KEY.public_key().to_base64() + "\n",
        "untrusted comment: x\n" + KEY.public_key().to_base64()[:-2] + "\n",
        "untrusted comment: x\n" + base64.b64encode(b"ED" + bytes(40)).decode() + "\n",
        "a\nb\nc\n",
        "x" * 10_000,
    ],
)
def test_malformed_public_keys(text: str) -> None:
    with pytest.raises(PublicKeyFormatError):
        PublicKey.from_minisign_text(text)


# ---------------------------------------------------------------- refusals


def test_refusals_each_have_their_own_error() -> None:
    public = KEY.public_key()
    with pytest.raises(BadSignatureError):
        verify(DATA + b"x", SIG, public)
    tampered = replace_line(SIG, 2, SIG.splitlines()[2].replace("7f3a", "7f3b"))
    with pytest.raises(TrustedCommentTamperedError):
        verify(DATA, tampered, public)
    with pytest.raises(SignatureKeyMismatchError) as caught:
        verify(DATA, SIG, SigningKey.generate().public_key())
    assert caught.value.params["found"] == public.key_id_hex
    impostor = SigningKey.generate(key_id=KEY.key_id)  # same key id, another key
    with pytest.raises(BadSignatureError):
        verify(DATA, SIG, impostor.public_key())
    with pytest.raises(LegacySignatureError):
        verify(DATA, legacy_signature(DATA, KEY, "old"), public)


@pytest.mark.parametrize(
    "mangle",
    [
        lambda s: "",
        lambda s: "\n".join(s.splitlines()[:3]),
        lambda s: s + "extra line\n",
        lambda s: replace_line(s, 0, "comment: x"),
        lambda s: replace_line(s, 2, "trusted: x"),
        lambda s: replace_line(s, 1, s.splitlines()[1][:-4]),
        lambda s: replace_line(s, 1, s.splitlines()[1] + "AAAA"),
        lambda s: replace_line(s, 3, "!" + s.splitlines()[3][1:]),
        lambda s: replace_line(s, 1, base64.b64encode(b"XX" + bytes(72)).decode()),
        lambda s: replace_line(s, 2, "trusted comment: " + "x" * 9000),
        lambda s: s.replace("=\n", "\n", 1),
        lambda s: s.encode() + b"\xff",
    ],
)
def test_malformed_signatures(mangle: object) -> None:
    with pytest.raises(SignatureFormatError):
        verify(DATA, mangle(SIG), KEY.public_key())  # type: ignore[operator]


@pytest.mark.parametrize("comment", ["two\nlines", "cr\r", "x" * 8001])
def test_comments_must_be_one_bounded_line(comment: str) -> None:
    with pytest.raises(SignatureCommentError):
        sign(DATA, KEY, comment)
    with pytest.raises(SignatureCommentError):
        sign(DATA, KEY, "ok", untrusted_comment=comment)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=400), st.binary(max_size=400)))
def test_random_input_never_crashes(text: str | bytes) -> None:
    with pytest.raises(UtvagError):
        verify(DATA, text, KEY.public_key())
    try:
        PublicKey.from_minisign_text(text)
    except UtvagError:
        pass


@settings(max_examples=200, deadline=None)
@given(st.integers(0, len(SIG) - 1), st.integers(1, 0x7F))
def test_mutated_signatures_never_verify(position: int, flip: int) -> None:
    mutated = SIG[:position] + chr(ord(SIG[position]) ^ flip) + SIG[position + 1 :]
    try:
        comment = verify(DATA, mutated, KEY.public_key())
    except UtvagError:
        return
    if mutated.rstrip("\r\n") == SIG.rstrip("\r\n"):
        return  # the final LF became a CR: a line ending, trimmed as minisign trims it
    # Only the unsigned untrusted comment may change without detection.
    assert position < SIG.index("\n") and comment == verify(DATA, SIG, KEY.public_key())


# ---------------------------------------------------------------- interop with minisign


@pytest.fixture(scope="module")
def minisign_cli() -> str:
    path = shutil.which("minisign")
    if path is None:
        reason = "the minisign CLI is not installed (apt: minisign)"
        if os.environ.get("UTVAG_REQUIRE_MINISIGN") or os.environ.get("CI"):
            pytest.fail(reason + " — required in CI")
        pytest.skip(reason)
    return path


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, check=False, timeout=60)


@pytest.fixture
def cli_key(tmp_path: Path, minisign_cli: str) -> tuple[Path, Path]:
    pub, sec = tmp_path / "cli.pub", tmp_path / "cli.key"
    done = cli(minisign_cli, "-G", "-W", "-p", str(pub), "-s", str(sec))
    assert done.returncode == 0, done.stderr
    return pub, sec


def test_minisign_verifies_our_signature(tmp_path: Path, minisign_cli: str) -> None:
    data_file, pub = tmp_path / "manifest.json", tmp_path / "ours.pub"
    data_file.write_bytes(DATA)
    pub.write_text(KEY.public_key().to_minisign_text())
    sig_file = tmp_path / "manifest.json.minisig"
    sig_file.write_text(SIG)
    done = cli(minisign_cli, "-Vm", str(data_file), "-p", str(pub))
    assert done.returncode == 0, done.stderr
    assert "Trusted comment: bundle 7f3a\tkind: handover ÅÄÖ" in done.stdout
    sig_file.write_text(replace_line(SIG, 2, "trusted comment: forged"))
    assert cli(minisign_cli, "-Vm", str(data_file), "-p", str(pub)).returncode != 0


def test_we_verify_minisign_signatures(tmp_path: Path, cli_key: tuple[Path, Path]) -> None:
    pub, sec = cli_key
    data_file = tmp_path / "data.bin"
    data_file.write_bytes(DATA)
    sig_file = tmp_path / "data.minisig"
    args = [
        "-S",
        "-s",
        str(sec),
        "-m",
        str(data_file),
        "-x",
        str(sig_file),
        "-t",
        "bundle-id: 0f9c",
    ]
    done = cli("minisign", *args)
    assert done.returncode == 0, done.stderr
    public = PublicKey.from_minisign_text(pub.read_text())
    # minisign prints the key id with %X, so it drops leading zeros (one key in sixteen)
    printed = pub.read_text().splitlines()[0].rsplit(" ", 1)[1]
    assert printed.lstrip("0") == public.key_id_hex.lstrip("0")
    text = sig_file.read_text()
    with data_file.open("rb") as stream:
        assert verify(stream, text, public) == "bundle-id: 0f9c"
    comment_at = text.index("bundle-id")
    tampered = text[:comment_at] + "B" + text[comment_at + 1 :]
    with pytest.raises(TrustedCommentTamperedError):
        verify(DATA, tampered, public)
    with pytest.raises(SignatureKeyMismatchError):
        verify(DATA, text, KEY.public_key())


def test_legacy_minisign_signature_is_refused(tmp_path: Path, cli_key: tuple[Path, Path]) -> None:
    pub, sec = cli_key
    data_file = tmp_path / "data.bin"
    data_file.write_bytes(DATA)
    sig_file = tmp_path / "data.minisig"
    done = cli("minisign", "-S", "-l", "-s", str(sec), "-m", str(data_file), "-x", str(sig_file))
    assert done.returncode == 0, done.stderr
    assert base64.b64decode(sig_file.read_text().splitlines()[1])[:2] == b"Ed"
    with pytest.raises(LegacySignatureError):
        verify(DATA, sig_file.read_text(), PublicKey.from_minisign_text(pub.read_text()))
