"""SoftHSM2, a real PKCS#11 module, with private tokens in a temporary folder.

``softhsm`` (a fixture) points ``SOFTHSM2_CONF`` at a configuration of its own whose token
folder is a fresh copy of tokens made once per test session:

- "Kort A" (PIN 246810): key 01 RSA-2048 that decrypts and signs, key 02 RSA-2048 that can
  only sign (CKA_DECRYPT false, as many identity cards), key 03 EC P-256 that derives;
- "Kort B" (PIN 135790): key 01 RSA-2048 — a different card.

Skipped with a clear reason only where softhsm2 is missing, and never in CI
(``UTVAG_REQUIRE_SOFTHSM=1``, set by .ci/run, turns the skip into a failure).

SoftHSM2 has no PIN lockout of its own: :meth:`SoftHsm.lock_pin` sets the "user PIN locked"
flag in the token's stored state, which SoftHSM reports through ``C_GetTokenInfo`` just as a
card does after its last wrong PIN (the test double is that one stored flag; the module, its
sessions and keys are real).
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

MODULE_CANDIDATES = (
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/local/lib/softhsm/libsofthsm2.so",
)
PIN_A = "246810"
PIN_B = "135790"
SO_PIN = "11223344"
#: CKA_VENDOR_DEFINED + 0x5348 + 3: SoftHSM's token-flags attribute in token.object.
_TOKEN_FLAGS_ATTRIBUTE = 0x80000000 + 0x5348 + 3
CKF_USER_PIN_LOCKED = 0x00040000


def module_path() -> str | None:
    return next((p for p in MODULE_CANDIDATES if Path(p).is_file()), None)


def _config(folder: Path) -> Path:
    conf = folder / "softhsm2.conf"
    conf.write_text(
        f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\n"
        "log.level = ERROR\nslots.removable = false\n",
        encoding="utf-8",
    )
    return conf


def _init_token(label: str, pin: str, env: dict[str, str]) -> None:
    subprocess.run(
        [
            "softhsm2-util",
            "--init-token",
            "--free",
            "--label",
            label,
            "--pin",
            pin,
            "--so-pin",
            SO_PIN,
        ],
        env=env,
        check=True,
        capture_output=True,
        timeout=60,
    )


def _make_keys(module: str) -> None:
    import pkcs11
    from pkcs11 import Attribute, KeyType
    from pkcs11.util.ec import encode_named_curve_parameters

    lib = pkcs11.lib(module)
    lib.reinitialize()
    with lib.get_token(token_label="Kort A").open(rw=True, user_pin=PIN_A) as session:
        session.generate_keypair(KeyType.RSA, 2048, id=b"\x01", label="auth", store=True)
        session.generate_keypair(
            KeyType.RSA,
            2048,
            id=b"\x02",
            label="sign only",
            store=True,
            private_template={Attribute.DECRYPT: False},
        )
        params = session.create_domain_parameters(
            KeyType.EC,
            {Attribute.EC_PARAMS: encode_named_curve_parameters("secp256r1")},
            local=True,
        )
        params.generate_keypair(store=True, id=b"\x03", label="ec")
    with lib.get_token(token_label="Kort B").open(rw=True, user_pin=PIN_B) as session:
        session.generate_keypair(KeyType.RSA, 2048, id=b"\x01", label="auth", store=True)


@dataclass
class SoftHsm:
    module: str
    folder: Path

    @property
    def tokens(self) -> Path:
        return self.folder / "tokens"

    def _token_dir(self, label: str) -> Path:
        for child in self.tokens.iterdir():
            obj = child / "token.object"
            if obj.is_file() and label.encode() in obj.read_bytes()[:200]:
                return child
        raise LookupError(label)

    def index(self, label: str) -> int:
        """The card's index among the inserted cards (``--slot``; the order is SoftHSM's)."""
        from storage.vault.token.enrol import inserted_tokens

        return next(t.index for t in inserted_tokens(self.module) if t.info.label == label)

    def remove(self, label: str) -> None:
        """Take the card out (its token folder goes away)."""
        shutil.rmtree(self._token_dir(label))

    def only(self, label: str) -> None:
        """Leave only this card inserted."""
        keep = self._token_dir(label)
        for child in list(self.tokens.iterdir()):
            if child.is_dir() and child != keep:
                shutil.rmtree(child)

    def lock_pin(self, label: str) -> None:
        """Set the token's stored "user PIN locked" flag (see the module docstring)."""
        path = self._token_dir(label) / "token.object"
        data = bytearray(path.read_bytes())
        marker = struct.pack(">QQ", _TOKEN_FLAGS_ATTRIBUTE, 2)  # attribute, ULONG
        at = data.index(marker) + len(marker)
        (flags,) = struct.unpack(">Q", data[at : at + 8])
        data[at : at + 8] = struct.pack(">Q", flags | CKF_USER_PIN_LOCKED)
        path.write_bytes(bytes(data))


def _softhsm_missing() -> str | None:
    if shutil.which("softhsm2-util") is None or module_path() is None:
        return "SoftHSM2 is not installed (apt: softhsm2)"
    try:
        import pkcs11  # noqa: F401
    except ImportError:
        return "python-pkcs11 is not installed"
    return None


@pytest.fixture(scope="session")
def softhsm_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tokens, made once per test session (RSA key generation takes a moment)."""
    reason = _softhsm_missing()
    if reason:
        if os.environ.get("UTVAG_REQUIRE_SOFTHSM") or os.environ.get("CI"):
            pytest.fail(reason + " — required in CI")
        pytest.skip(reason)
    folder = tmp_path_factory.mktemp("softhsm-template")
    (folder / "tokens").mkdir()
    conf = _config(folder)
    env = dict(os.environ, SOFTHSM2_CONF=str(conf))
    _init_token("Kort A", PIN_A, env)
    _init_token("Kort B", PIN_B, env)
    old = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    try:
        module = module_path()
        assert module is not None
        _make_keys(module)
    finally:
        if old is None:
            os.environ.pop("SOFTHSM2_CONF", None)
        else:
            os.environ["SOFTHSM2_CONF"] = old
    return folder / "tokens"


@pytest.fixture
def softhsm(
    softhsm_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[SoftHsm]:
    """Both cards inserted, in a token folder of this test's own."""
    folder = tmp_path / "softhsm"
    folder.mkdir()
    shutil.copytree(softhsm_template, folder / "tokens")
    monkeypatch.setenv("SOFTHSM2_CONF", str(_config(folder)))
    module = module_path()
    assert module is not None
    yield SoftHsm(module, folder)
