"""sync.age: keys, header rules and caps, STREAM edge cases, tampering, memory, fuzzing."""

from __future__ import annotations

import hashlib
import io
import os
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storage.errors import UtvagError
from sync.age import (
    CHUNK_SIZE,
    HEADER_MAX_BYTES,
    MAX_STANZAS,
    MLKEM768X25519Identity,
    X25519Identity,
    X25519Recipient,
    bech32,
    decrypt,
    decrypt_stream,
    encrypt,
    encrypt_stream,
    parse_identity,
    parse_recipient,
)
from sync.age.errors import (
    AgeError,
    AgeHeaderError,
    AgeHeaderLineError,
    AgeHeaderTooLargeError,
    AgeKeyError,
    AgeMacLineError,
    AgeTooManyStanzasError,
    AgeTruncatedHeaderError,
    MixedRecipientsError,
    NoMatchingIdentityError,
    NoRecipientsError,
    PayloadAuthError,
    PayloadTrailingDataError,
    PayloadTruncatedError,
    TooManyRecipientsError,
    UnsupportedRecipientError,
)
from sync.age.header import (
    Stanza,
    b64decode,
    encode_header,
    encode_stanza,
    parse_header,
)
from sync.age.stream import (
    encrypt_payload,
    payload_key,
)

X = X25519Identity.generate()
PQ = MLKEM768X25519Identity.generate()
FUZZ = settings(max_examples=200, deadline=None)


def build(stanzas: list[Stanza], file_key: bytes, payload: bytes) -> bytes:
    """An age file with hand-made stanzas (for header rules the encoder never breaks)."""
    nonce = os.urandom(16)
    out = io.BytesIO()
    out.write(encode_header(stanzas, file_key) + nonce)
    encrypt_payload(io.BytesIO(payload), out, payload_key(file_key, nonce))
    return out.getvalue()


class CountingReader(io.BytesIO):
    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.bytes_read = 0

    def read(self, size: int | None = -1) -> bytes:
        data = super().read(size)
        self.bytes_read += len(data)
        return data


# ---------------------------------------------------------------- keys


@pytest.mark.parametrize("identity", [X, PQ], ids=["x25519", "pq"])
def test_key_strings_round_trip(identity: X25519Identity | MLKEM768X25519Identity) -> None:
    text = identity.to_str()
    assert text.isupper() and text.startswith("AGE-SECRET-KEY-")
    assert parse_identity(text).recipient() == identity.recipient()
    assert parse_identity(text.lower()).recipient() == identity.recipient()
    recipient = identity.recipient().to_str()
    assert parse_recipient(recipient) == identity.recipient()
    assert parse_recipient(recipient.upper()) == identity.recipient()
    assert text not in repr(identity) and text.lower() not in repr(identity)


def _flip_last(text: str) -> str:
    """The same string with another last character (so the Bech32 checksum cannot match)."""
    return text[:-1] + ("p" if text[-1] == "q" else "q")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "age1",
        _flip_last(X.recipient().to_str()),  # bad checksum
        X.recipient().to_str()[:10] + X.recipient().to_str()[10:].upper(),  # mixed case
        X.to_str().replace("AGE-SECRET-KEY-", "AGE-SECRET-KEX-"),
        bech32.encode("age", b"\x01" * 31),  # wrong length
        bech32.encode("age1pq", b"\x01" * 100),
        bech32.encode("AGE-SECRET-KEY-", b"\x01" * 33),
        "age1" + "q" * 5000,  # over the length cap
        X.recipient().to_str() + "\u00e5",
    ],
)
def test_bad_key_strings(text: str) -> None:
    with pytest.raises(AgeKeyError):
        parse_recipient(text)
    with pytest.raises(AgeKeyError):
        parse_identity(text)


def test_plugin_and_tag_recipients_are_unsupported() -> None:
    with pytest.raises(UnsupportedRecipientError):
        parse_recipient(bech32.encode("age1yubikey", b"\x02" * 33))
    with pytest.raises(UnsupportedRecipientError):
        parse_identity(bech32.encode("AGE-PLUGIN-YUBIKEY-", b"\x02" * 20))


# ---------------------------------------------------------------- header encoding


@pytest.mark.parametrize("size", [0, 1, 47, 48, 49, 96, 200])
def test_stanza_body_wraps_at_64_columns(size: int) -> None:
    body = os.urandom(size)
    encoded = encode_stanza(Stanza("test", ("a", "b"), body))
    lines = encoded.decode().split("\n")[1:-1]
    assert all(len(line) == 64 for line in lines[:-1]) and len(lines[-1]) < 64
    header = parse_header(b"age-encryption.org/v1\n" + encoded + b"--- " + b"A" * 43 + b"\n")
    assert header.stanzas == (Stanza("test", ("a", "b"), body),)


@pytest.mark.parametrize("text", ["AA==", "AB", "A", "A-", "QQ=", "QR", " QQ"])
def test_base64_must_be_canonical_and_unpadded(text: str) -> None:
    with pytest.raises(AgeHeaderError):
        b64decode(text)
    assert b64decode("QQ") == b"A"


# ---------------------------------------------------------------- round trips and recipients


@pytest.mark.parametrize("size", [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 3 * CHUNK_SIZE])
@pytest.mark.parametrize("identity", [X, PQ], ids=["x25519", "pq"])
def test_round_trip(size: int, identity: X25519Identity | MLKEM768X25519Identity) -> None:
    data = os.urandom(size)
    sealed = encrypt(data, [identity.recipient()])
    assert decrypt(sealed, [identity]) == data
    chunks = max(1, -(-size // CHUNK_SIZE))
    assert len(sealed) == sealed.index(b"\n---") + 49 + 16 + size + 16 * chunks


def test_several_recipients_and_identities() -> None:
    other = X25519Identity.generate()
    sealed = encrypt(b"data", [other.recipient(), X.recipient()])
    assert decrypt(sealed, [PQ, X]) == b"data"
    assert decrypt(sealed, [other]) == b"data"
    with pytest.raises(NoMatchingIdentityError):
        decrypt(sealed, [X25519Identity.generate(), PQ])
    with pytest.raises(NoMatchingIdentityError):
        decrypt(sealed, [])


def test_recipient_rules() -> None:
    with pytest.raises(MixedRecipientsError):
        encrypt(b"x", [PQ.recipient(), X.recipient()])
    with pytest.raises(NoRecipientsError):
        encrypt(b"x", [])
    with pytest.raises(TooManyRecipientsError):
        encrypt(b"x", [X.recipient()] * (MAX_STANZAS + 1))
    assert decrypt(encrypt(b"x", [PQ.recipient()] * MAX_STANZAS), [PQ]) == b"x"
    with pytest.raises(AgeKeyError):
        encrypt(b"x", [X25519Recipient(bytes(32))])  # low-order point


# ---------------------------------------------------------------- refusals before any work


def test_scrypt_refused_before_any_identity_or_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("scrypt must never run")

    monkeypatch.setattr(hashlib, "scrypt", forbidden)
    from cryptography.hazmat.primitives.kdf import scrypt

    monkeypatch.setattr(scrypt.Scrypt, "derive", forbidden)
    calls: list[Stanza] = []

    class Spy:
        def unwrap(self, stanza: Stanza) -> bytes | None:
            calls.append(stanza)
            return None

    key = os.urandom(16)
    good = X.recipient().wrap(key)
    scrypt_stanza = Stanza("scrypt", ("rF0/NwblUHHTpgQgRpe5CQ", "10"), os.urandom(32))
    for stanzas in ([scrypt_stanza], [*good, scrypt_stanza], [scrypt_stanza, *good]):
        with pytest.raises(UnsupportedRecipientError):
            decrypt(build(stanzas, key, b"secret"), [Spy(), X])
    assert calls == []


@pytest.mark.parametrize(
    ("junk", "error"),
    [
        (b"-> junk\n\n" * (383 * 1024 // 9), AgeTooManyStanzasError),  # many tiny stanzas
        (b"-> junk " + b"A" * 64 * 1024 + b"\n\n", AgeHeaderTooLargeError),  # one huge line
        (
            (b"-> junk " + b"x" * 60 + b"\n" + (b"A" * 64 + b"\n") * 50 + b"\n") * 110,
            (AgeHeaderTooLargeError, AgeTooManyStanzasError),
        ),
        # a body line longer than 64 columns, or junk where a stanza must start: named as a
        # damaged line where it is, not read up to the cap
        (b"-> junk\n" + b"A" * 64 * 1024 + b"\n\n", AgeHeaderLineError),
        (b"x" * 383 * 1024, AgeHeaderLineError),
    ],
    ids=["stanzas", "long-stanza-line", "big-bodies", "long-body-line", "no-newline"],
)
def test_junk_header_refused_at_the_cap(junk: bytes, error: type[AgeHeaderError]) -> None:
    data = b"age-encryption.org/v1\n" + junk + b"--- " + b"A" * 43 + b"\n" + b"\0" * 1000
    assert len(data) > 300 * 1024 or len(junk) > HEADER_MAX_BYTES
    src = CountingReader(data)
    with pytest.raises(error):
        decrypt_stream(src, io.BytesIO(), [X])
    assert src.bytes_read <= HEADER_MAX_BYTES + 1


def _damaged(sealed: bytes, line: bytes, replacement: bytes) -> bytes:
    start = sealed.index(line)
    return sealed[:start] + replacement + sealed[start + len(line) :]


@pytest.mark.parametrize(
    "damage",
    [
        lambda mac: b"--x" + mac[3:],  # the dashes
        lambda mac: b"-+-" + mac[3:],
        lambda mac: b"x--" + mac[3:],
        lambda mac: b"---" + mac[4:],  # the space lost: too short
        lambda mac: b"---_" + mac[4:],
        lambda mac: mac[:20] + b"*" + mac[21:],  # a byte of the MAC that is not base64
        lambda mac: mac[:-1],  # one character short
        lambda mac: mac + b"Q",  # one too many: runs into the nonce
        lambda mac: mac[:-1] + b"\x00\n",  # the newline lost
        lambda mac: b"---",  # the MAC lost
    ],
    ids=[
        "dash",
        "plus",
        "first",
        "no-space",
        "underscore",
        "mac-byte",
        "short",
        "long",
        "newline",
        "no-mac",
    ],
)
@pytest.mark.parametrize("size", [100, 3 * CHUNK_SIZE], ids=["small", "big"])
def test_a_damaged_closing_line_is_named_not_too_large_or_incomplete(
    damage: object, size: int
) -> None:
    """The ``---`` line, damaged in any way, is refused as exactly that, whatever follows
    (the issue: "header larger than 65536 bytes" or "file incomplete" for a damaged line)."""
    sealed = encrypt(os.urandom(size), [X.recipient()])
    start = sealed.index(b"\n---") + 1
    mac = sealed[start : sealed.index(b"\n", start)]
    assert len(mac) == 47
    damaged = sealed[:start] + damage(mac) + sealed[start + 47 :]  # type: ignore[operator]
    with pytest.raises(AgeMacLineError) as info:
        decrypt(damaged, [X])
    assert not isinstance(info.value, (AgeHeaderTooLargeError, AgeTruncatedHeaderError))
    assert info.value.params == {"line": 4}  # version, stanza, body, then the closing line
    assert "line 4" in str(info.value) and "65536" not in str(info.value)


def test_a_damaged_stanza_line_is_named() -> None:
    sealed = encrypt(os.urandom(3 * CHUNK_SIZE), [X.recipient()])
    lines = sealed[: sealed.index(b"\n---") + 1].split(b"\n")
    body = lines[2]  # version, "-> X25519 …", the wrapped file key
    for bad, number in (
        (lines[1].replace(b"-> ", b"=> ", 1), 2),
        (lines[1].replace(b"-> ", b"->_", 1), 2),
        (body[:10] + b"!" + body[11:], 3),
        (body + b"A" * 40, 3),  # longer than 64 columns
    ):
        damaged = sealed.replace(lines[number - 1], bad, 1)
        with pytest.raises(AgeHeaderLineError) as info:
            decrypt(damaged, [X])
        assert info.value.params == {"line": number}
    # a line lost: the closing line now sits where the body must be
    no_body = sealed.replace(body + b"\n", b"", 1)
    with pytest.raises(AgeHeaderLineError):
        decrypt(no_body, [X])


def test_stanza_count_cap_is_exact() -> None:
    key = os.urandom(16)
    grease = [Stanza("grease", (str(i),), b"") for i in range(MAX_STANZAS - 1)]
    ok = build([*grease, *X.recipient().wrap(key)], key, b"ok")
    assert decrypt(ok, [X]) == b"ok"
    too_many = build([Stanza("grease", ("x",), b""), *grease, *X.recipient().wrap(key)], key, b"")
    with pytest.raises(AgeTooManyStanzasError):
        decrypt(too_many, [X])


# ---------------------------------------------------------------- payload damage


def test_truncation_at_every_chunk_boundary_is_detected() -> None:
    sealed = encrypt(os.urandom(3 * CHUNK_SIZE + 100), [X.recipient()])
    start = sealed.index(b"\n---") + 49 + 16
    for chunks in range(4):
        with pytest.raises(PayloadTruncatedError):
            decrypt(sealed[: start + chunks * (CHUNK_SIZE + 16)], [X])


def test_truncation_anywhere_is_a_typed_error() -> None:
    sealed = encrypt(os.urandom(CHUNK_SIZE + 100), [X.recipient()])
    for cut in [*range(0, 120), *range(len(sealed) - 200, len(sealed)), CHUNK_SIZE // 2]:
        with pytest.raises(AgeError):
            decrypt(sealed[:cut], [X])


def test_trailing_data_is_refused() -> None:
    for size in (10, CHUNK_SIZE):
        sealed = encrypt(os.urandom(size), [X.recipient()])
        for extra in (b"\0", os.urandom(CHUNK_SIZE + 16)):
            with pytest.raises(PayloadAuthError):
                decrypt(sealed + extra, [X])
    # A full final chunk followed by more data is recognised as such.
    sealed = encrypt(os.urandom(2 * CHUNK_SIZE), [X.recipient()])
    with pytest.raises(PayloadTrailingDataError):
        decrypt(sealed + os.urandom(40), [X])


@pytest.mark.parametrize("identity", [X, PQ], ids=["x25519", "pq"])
def test_every_flipped_byte_is_refused(identity: X25519Identity | MLKEM768X25519Identity) -> None:
    sealed = encrypt(os.urandom(100), [identity.recipient()])
    step = 1 if identity is X else 5
    for i in range(0, len(sealed), step):
        tampered = bytearray(sealed)
        tampered[i] ^= 0x01
        with pytest.raises(AgeError):
            decrypt(bytes(tampered), [identity])


# ---------------------------------------------------------------- streaming


class Endless(io.RawIOBase):
    """A readable stream of ``size`` zero bytes produced on demand, in short reads."""

    def __init__(self, size: int) -> None:
        self.left = size

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        n = min(len(buffer), self.left, 10_000)
        buffer[:n] = bytes(n)
        self.left -= n
        return n


class Sink:
    def __init__(self) -> None:
        self.digest = hashlib.sha256()

    def write(self, data: bytes) -> int:
        self.digest.update(data)
        return len(data)


def test_streaming_memory_stays_flat(tmp_path: Path) -> None:
    size = 16 * 1024 * 1024
    sink = Sink()
    tracemalloc.start()
    try:
        with open(tmp_path / "sealed.age", "w+b") as sealed:
            encrypt_stream(Endless(size), sealed, [X.recipient()])  # type: ignore[arg-type]
            _, peak_encrypt = tracemalloc.get_traced_memory()
            sealed.seek(0)
            tracemalloc.reset_peak()
            decrypt_stream(sealed, sink, [X])  # type: ignore[arg-type]
            _, peak_decrypt = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert sink.digest.digest() == hashlib.sha256(bytes(size)).digest()
    assert peak_encrypt < 1024 * 1024  # a few 64 KiB chunks, not 16 MiB
    assert peak_decrypt < 1024 * 1024


# ---------------------------------------------------------------- fuzzing

VALID = encrypt(b"fuzz payload " * 20, [X.recipient()])


@FUZZ
@given(st.binary(max_size=4096))
def test_random_bytes_never_crash(data: bytes) -> None:
    for candidate in (data, b"age-encryption.org/v1\n" + data, VALID[:200] + data):
        with pytest.raises(UtvagError):
            decrypt(candidate, [X, PQ])


@FUZZ
@given(st.data())
def test_mutated_files_never_crash(data: st.DataObject) -> None:
    mutated = bytearray(VALID)
    for _ in range(data.draw(st.integers(1, 4))):
        pos = data.draw(st.integers(0, len(mutated)))
        action = data.draw(st.sampled_from(["flip", "insert", "delete"]))
        if action == "flip" and pos < len(mutated):
            mutated[pos] ^= data.draw(st.integers(1, 255))
        elif action == "insert":
            mutated[pos:pos] = data.draw(st.binary(min_size=1, max_size=8))
        else:
            del mutated[pos : pos + data.draw(st.integers(1, 8))]
    try:
        result = decrypt(bytes(mutated), [X])
    except UtvagError:
        return
    assert bytes(mutated) == VALID and result == b"fuzz payload " * 20


@FUZZ
@given(st.text(max_size=300))
def test_random_key_strings_never_crash(text: str) -> None:
    for parse in (parse_identity, parse_recipient):
        try:
            parse(text)
        except UtvagError:
            pass
