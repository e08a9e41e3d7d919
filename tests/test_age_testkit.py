"""Conformance: the C2SP CCTV age testkit (143 vectors) and the spec's key examples.

Every vector is run. ``expect: success`` vectors must decrypt to the recorded payload hash
with the recorded file key; failure vectors must fail with the error class mapped to the
kit's failure kind (never another exception). Vectors for what the app refuses by design —
ASCII armor and passphrase (scrypt) files that the kit expects to open — are first checked
to be refused with our typed error, then reported as skipped with the reason.
"""

from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from storage.errors import UtvagError
from sync.age import (
    decrypt,
    parse_identity,
    parse_recipient,
)
from sync.age.errors import (
    AgeError,
    AgeHeaderError,
    ArmoredFileError,
    HeaderMacError,
    NoMatchingIdentityError,
    PayloadAuthError,
    UnsupportedRecipientError,
)
from sync.age.header import Stanza
from sync.age.keys import Identity

KIT = Path(__file__).resolve().parent / "fixtures" / "age-testkit"
VECTORS = sorted(p.name for p in KIT.iterdir() if p.is_file() and p.name != "README.md")

#: The kit's failure kinds and the error class each must raise.
EXPECTED_ERROR: dict[str, type[AgeError]] = {
    "header failure": AgeHeaderError,
    "HMAC failure": HeaderMacError,
    "no match": NoMatchingIdentityError,
    "payload failure": PayloadAuthError,
}

ARMOR_REASON = "ASCII armor is refused by design: bundles are binary age files only"
SCRYPT_REASON = (
    "{name}: passphrase (scrypt) files are refused by design, before any key derivation; "
    "the kit's expectation ({expect!r}) needs the passphrase to be tried"
)
#: Passphrase-only vectors whose expectation needs scrypt to run (others fail as expected).
SCRYPT_SKIPPED = {"scrypt", "scrypt_bad_tag", "scrypt_no_match", "scrypt_work_factor_wrong"}


@dataclass
class Vector:
    name: str
    expect: str
    payload_sha256: str | None
    file_key: bytes
    identities: list[str] = field(default_factory=list)
    passphrases: list[str] = field(default_factory=list)
    armored: bool = False
    body: bytes = b""


def load(path: Path) -> Vector:
    raw = path.read_bytes()
    head, _, body = raw.partition(b"\n\n")
    vector = Vector(path.name, "", None, b"")
    compressed = False
    for line in head.decode("utf-8").splitlines():
        key, _, value = line.partition(": ")
        if key == "expect":
            vector.expect = value
        elif key == "payload":
            vector.payload_sha256 = value
        elif key == "file key":
            vector.file_key = bytes.fromhex(value)
        elif key == "identity":
            vector.identities.append(value)
        elif key == "passphrase":
            vector.passphrases.append(value)
        elif key == "armored":
            vector.armored = value == "yes"
        elif key == "compressed":
            compressed = value == "zlib"
    vector.body = zlib.decompress(body) if compressed else body
    return vector


class RecordingIdentity:
    """Wraps an identity and records the file key it unwraps."""

    def __init__(self, inner: Identity) -> None:
        self.inner = inner
        self.file_keys: list[bytes] = []

    def unwrap(self, stanza: Stanza) -> bytes | None:
        key = self.inner.unwrap(stanza)
        if key is not None:
            self.file_keys.append(key)
        return key


def test_kit_is_complete() -> None:
    assert KIT.is_dir(), f"age testkit missing at {KIT}"
    assert len(VECTORS) == 143
    assert (KIT / "README.md").read_text(encoding="utf-8").count("1e3d286") >= 1


def test_failure_kinds_map_to_distinct_error_classes() -> None:
    classes = list(EXPECTED_ERROR.values())
    for a in classes:
        for b in classes:
            assert a is b or not issubclass(a, b), (a, b)


def test_skip_list_is_exactly_armor_and_scrypt_needing_vectors() -> None:
    vectors = [load(KIT / name) for name in VECTORS]
    armored = {v.name for v in vectors if v.armored}
    scrypt_needed = {
        v.name
        for v in vectors
        if v.passphrases and not v.identities and not v.armored
        if v.expect in ("success", "no match") and b"\n-> scrypt " in v.body
    }
    assert scrypt_needed == SCRYPT_SKIPPED
    assert len(armored) == 33
    assert len(armored | SCRYPT_SKIPPED) == 37


@pytest.mark.parametrize("name", VECTORS)
def test_vector(name: str) -> None:
    vector = load(KIT / name)
    identities = [RecordingIdentity(parse_identity(text)) for text in vector.identities]

    if vector.armored:
        with pytest.raises(AgeHeaderError):
            decrypt(vector.body, identities)
        pytest.skip(f"{name}: {ARMOR_REASON}")
    if name in SCRYPT_SKIPPED:
        with pytest.raises(UnsupportedRecipientError):
            decrypt(vector.body, identities)
        pytest.skip(SCRYPT_REASON.format(name=name, expect=vector.expect))

    if vector.expect == "success":
        plaintext = decrypt(vector.body, identities)
        assert hashlib.sha256(plaintext).hexdigest() == vector.payload_sha256
        assert [k for i in identities for k in i.file_keys] == [vector.file_key]
        return

    expected = EXPECTED_ERROR[vector.expect]
    try:
        decrypt(vector.body, identities)
    except UtvagError as error:
        assert isinstance(error, expected), f"{name}: {type(error).__name__}, not {expected}"
        for other in EXPECTED_ERROR.values():
            if other is not expected:
                assert not isinstance(error, other)
    else:
        pytest.fail(f"{name}: decrypted, but the kit expects {vector.expect!r}")


SPEC_X = "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX"
SPEC_X_RECIPIENT = "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj"
SPEC_PQ = "AGE-SECRET-KEY-PQ-1XX76JRALNLXDMEW0CRK45QMCCH4X06SE84UN3VPM33W6HWDX0H3SK3ZQFR"


def test_spec_example_keys() -> None:
    """The examples in the C2SP age spec (the PQ recipient is 1,959 characters: hashed)."""
    assert parse_identity(SPEC_X).recipient().to_str() == SPEC_X_RECIPIENT
    pq = parse_identity(SPEC_PQ)
    text = pq.recipient().to_str()
    assert text.startswith("age1pq1x34nzsvr0rxjsgdn8zgyhfe8j7ceq5r9r")
    assert hashlib.sha256(text.encode()).hexdigest() == (
        "a091dd7e0ee9d62b75173dcc98441a0424baa941e66a8776e570a4ae60ff61ea"
    )
    assert parse_recipient(text) == pq.recipient()


def test_armored_files_get_their_own_error() -> None:
    vector = load(KIT / "armor_x25519")
    with pytest.raises(ArmoredFileError):
        decrypt(vector.body, [parse_identity(vector.identities[0])])
