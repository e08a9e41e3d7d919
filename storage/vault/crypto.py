"""Cryptographic building blocks of the store: Argon2id, HKDF, AEAD key wrapping.

Everything here is a thin, typed layer over ``cryptography``:
- Argon2id (RFC 9106) turns a passphrase or recovery code into 32 bytes;
- HKDF-SHA256 (RFC 5869) combines that with the device secret into a slot key;
- ChaCha20-Poly1305 (RFC 8439) wraps 32-byte keys, with a fresh random 12-byte nonce
  each time and associated data that binds the context (store id, slot kind, parameters).

Key material that we create or derive lives in ``bytearray`` buffers (written in place by
``derive_into`` / ``decrypt_into``) so that :func:`wipe` can zero it after use. Python
``str`` and ``bytes`` objects (a typed passphrase, a keyring value) cannot be wiped; see
docs/store.md for the limits of wiping in Python.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import time
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_BYTES = 32
NONCE_BYTES = 12
TAG_BYTES = 16
SALT_BYTES = 16

#: Argon2id floor (refused below): 64 MiB, 3 passes, 4 lanes.
FLOOR_MEMORY_KIB = 65536
FLOOR_ITERATIONS = 3
FLOOR_LANES = 4
#: Ceilings: a crafted key-slot file must not make us allocate or spin without bound.
MAX_MEMORY_KIB = 4 * 1024 * 1024
MAX_ITERATIONS = 64
MAX_LANES = 16
#: Calibration raises memory up to this first, then passes.
CALIBRATION_MAX_MEMORY_KIB = 1024 * 1024


class UnwrapError(Exception):
    """Internal: the AEAD tag did not verify (wrong key, or changed data or parameters)."""


class KdfParamsError(ValueError):
    """Internal: Argon2id parameters outside the accepted range."""


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost parameters, stored in each slot."""

    memory_kib: int
    iterations: int
    lanes: int

    @classmethod
    def minimum(cls) -> KdfParams:
        """The floor: 64 MiB, 3 passes, 4 lanes (real, accepted parameters)."""
        return cls(FLOOR_MEMORY_KIB, FLOOR_ITERATIONS, FLOOR_LANES)

    @classmethod
    def calibrate(cls, target_seconds: float = 0.5) -> KdfParams:
        """Parameters that take about ``target_seconds`` here: memory first, then passes."""
        floor = cls.minimum()
        runs = []
        for _ in range(2):  # the faster of two: less disturbed by other load
            start = time.perf_counter()
            wipe(argon2id(b"utvag calibration", b"\0" * SALT_BYTES, floor))
            runs.append(time.perf_counter() - start)
        elapsed = max(min(runs), 1e-3)
        if elapsed >= target_seconds:
            return floor
        factor = target_seconds / elapsed
        memory = int(floor.memory_kib * factor) // 1024 * 1024
        memory = max(floor.memory_kib, min(memory, CALIBRATION_MAX_MEMORY_KIB))
        # Argon2id time grows about linearly with memory x passes.
        per_pass = elapsed * memory / floor.memory_kib / floor.iterations
        passes = max(floor.iterations, min(int(target_seconds / per_pass), MAX_ITERATIONS))
        return cls(memory, passes, floor.lanes)

    def check(self) -> None:
        """Raise :class:`KdfParamsError` below the floor or above the ceilings."""
        if not FLOOR_MEMORY_KIB <= self.memory_kib <= MAX_MEMORY_KIB:
            raise KdfParamsError("memory_kib")
        if not FLOOR_ITERATIONS <= self.iterations <= MAX_ITERATIONS:
            raise KdfParamsError("iterations")
        if not FLOOR_LANES <= self.lanes <= MAX_LANES:
            raise KdfParamsError("lanes")

    def to_json(self) -> dict[str, Any]:
        return {
            "algorithm": "argon2id",
            "memory_kib": self.memory_kib,
            "iterations": self.iterations,
            "lanes": self.lanes,
        }

    @classmethod
    def from_json(cls, data: Any) -> KdfParams:
        if not isinstance(data, dict) or set(data) != {
            "algorithm",
            "memory_kib",
            "iterations",
            "lanes",
        }:
            raise KdfParamsError("shape")
        if data["algorithm"] != "argon2id":
            raise KdfParamsError("algorithm")
        values = [data["memory_kib"], data["iterations"], data["lanes"]]
        if not all(type(v) is int for v in values):
            raise KdfParamsError("type")
        params = cls(*values)
        params.check()
        return params


def random_key() -> bytearray:
    """A fresh 256-bit key from the OS CSPRNG."""
    return bytearray(os.urandom(KEY_BYTES))


def wipe(buf: bytearray | None) -> None:
    """Overwrite a buffer we own with zeros (no-op for ``None``)."""
    if buf is not None:
        for i in range(len(buf)):
            buf[i] = 0


def argon2id(secret: bytes | bytearray, salt: bytes, params: KdfParams) -> bytearray:
    """Argon2id(secret, salt) -> 32 bytes in a wipeable buffer."""
    params.check()
    out = bytearray(KEY_BYTES)
    Argon2id(
        salt=salt,
        length=KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    ).derive_into(bytes(secret), out)
    return out


def hkdf(ikm: bytes | bytearray, *, salt: bytes, info: bytes, length: int = KEY_BYTES) -> bytearray:
    """HKDF-SHA256 -> ``length`` bytes in a wipeable buffer."""
    out = bytearray(length)
    HKDF(algorithm=hashes.SHA256(), length=length, salt=salt, info=info).derive_into(ikm, out)
    return out


@dataclass(frozen=True)
class Wrapped:
    """A key sealed with ChaCha20-Poly1305: the nonce and the ciphertext with its tag."""

    nonce: bytes
    ciphertext: bytes

    def to_json(self) -> dict[str, str]:
        return {"nonce": b64encode(self.nonce), "wrapped_key": b64encode(self.ciphertext)}

    @classmethod
    def from_json(cls, data: Any) -> Wrapped:
        nonce = b64decode(data["nonce"])
        ciphertext = b64decode(data["wrapped_key"])
        if len(nonce) != NONCE_BYTES or len(ciphertext) != KEY_BYTES + TAG_BYTES:
            raise ValueError("wrapped key has the wrong size")
        return cls(nonce, ciphertext)


def wrap_key(wrapping_key: bytes | bytearray, key: bytes | bytearray, ad: bytes) -> Wrapped:
    """Seal ``key`` under ``wrapping_key`` with a fresh random nonce, binding ``ad``."""
    nonce = os.urandom(NONCE_BYTES)
    return Wrapped(nonce, ChaCha20Poly1305(wrapping_key).encrypt(nonce, bytes(key), ad))


def unwrap_key(wrapping_key: bytes | bytearray, wrapped: Wrapped, ad: bytes) -> bytearray:
    """Open a sealed key into a wipeable buffer; :class:`UnwrapError` if the tag fails."""
    out = bytearray(len(wrapped.ciphertext) - TAG_BYTES)
    try:
        ChaCha20Poly1305(wrapping_key).decrypt_into(wrapped.nonce, wrapped.ciphertext, ad, out)
    except InvalidTag as exc:
        wipe(out)
        raise UnwrapError() from exc
    return out


def canonical_json(data: Any) -> bytes:
    """Deterministic JSON: sorted keys, no spaces, UTF-8 (used for hashes and AEAD data)."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def b64encode(data: bytes | bytearray) -> str:
    return base64.b64encode(bytes(data)).decode("ascii")


def b64decode(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("expected base64 text")
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError) as exc:
        raise ValueError("bad base64") from exc
