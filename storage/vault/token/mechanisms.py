"""What the card computes for a token slot, by key type (docs/store.md, "Token slots").

- **RSA key that decrypts: RSA-OAEP.** At enrolment 32 random bytes are encrypted in software
  to the card's public key (OAEP with SHA-256, or SHA-1 where the card's OAEP knows only
  that; OAEP's security does not rest on the hash's collision resistance) and the
  ciphertext is kept in the slot. Unlocking asks the card to decrypt it: only the card's
  private key gives the 32 bytes back.
- **EC key that derives: ECDH.** At enrolment an ephemeral key pair is made in software on
  the card key's curve; the shared secret with the card's public key is computed, the
  ephemeral private key is thrown away and its public point kept in the slot. Unlocking
  asks the card for ECDH with that point (``CKM_ECDH1_DERIVE``, no KDF, the secret read back
  as a generic secret): only the card's private key gives the same shared secret.
- **RSA key that can only sign: PKCS#1 v1.5 over a challenge.** At enrolment a random
  32-byte challenge is kept in the slot; the card signs SHA-256("utvag/v1/token-challenge",
  store id, slot id, challenge) with ``CKM_RSA_PKCS`` (the DigestInfo is built here). An
  RSA PKCS#1 v1.5 signature is a deterministic function of key and message — the same
  challenge always gives the same signature — and nobody without the private key can
  compute it (that would be a forgery), so HKDF over it gives a key only the card can
  rebuild. At enrolment the card signs twice, the two signatures must be equal, and the
  signature must verify under the card's public key. This is sound only for a deterministic
  scheme: ECDSA (or RSA-PSS) signs with fresh randomness, so its signature cannot be
  rebuilt, and an EC key that can only sign is not offered.

In every case the answer goes through HKDF (:func:`storage.vault.token.slots.slot_key`) and
is wiped after use. An enrolment proves the round trip on the card before the slot is
written.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa, utils

from storage.vault.token.binding import (
    ECDH,
    RSA_OAEP_SHA1,
    RSA_OAEP_SHA256,
    RSA_SIGN,
    CardKey,
    curve_of,
    public_key,
)
from storage.vault.token.errors import (
    TokenFailedError,
    TokenNoUsableKeyError,
)

SECRET_BYTES = 32
CHALLENGE_DOMAIN = b"utvag/v1/token-challenge\0"
#: DER DigestInfo prefix for SHA-256 (RFC 8017, 9.2 note 1).
SHA256_DIGEST_INFO = bytes.fromhex("3031300d060960864801650304020105000420")


def _oaep_param(mechanism: str) -> tuple[Any, Any, None]:
    from pkcs11.mechanisms import MGF, Mechanism

    if mechanism == RSA_OAEP_SHA1:
        return (Mechanism.SHA_1, MGF.SHA1, None)
    return (Mechanism.SHA256, MGF.SHA256, None)


def _oaep_padding(mechanism: str) -> padding.OAEP:
    algorithm: hashes.HashAlgorithm = (
        hashes.SHA1() if mechanism == RSA_OAEP_SHA1 else hashes.SHA256()  # noqa: S303
    )
    return padding.OAEP(mgf=padding.MGF1(algorithm), algorithm=algorithm, label=None)


def challenge_digest(store_id: str, slot_id: str, challenge: bytes) -> bytes:
    """What the card signs (as a SHA-256 DigestInfo): bound to this store and slot."""
    return hashlib.sha256(
        CHALLENGE_DOMAIN + store_id.encode("ascii") + b"\0" + slot_id.encode("ascii") + challenge
    ).digest()


def _decrypt(key: Any, ciphertext: bytes, mechanism: str) -> bytearray:
    from pkcs11.mechanisms import Mechanism

    out = key.decrypt(
        ciphertext, mechanism=Mechanism.RSA_PKCS_OAEP, mechanism_param=_oaep_param(mechanism)
    )
    return bytearray(out)


def _derive(key: Any, point: bytes) -> bytearray:
    from pkcs11.constants import Attribute
    from pkcs11.mechanisms import KDF, KeyType, Mechanism

    curve = curve_of(key[Attribute.EC_PARAMS]) if _has(key, Attribute.EC_PARAMS) else None
    bits = 8 * ((curve.key_size + 7) // 8) if curve is not None else 8 * ((len(point) - 1) // 2)
    secret = key.derive_key(
        KeyType.GENERIC_SECRET,
        bits,
        mechanism=Mechanism.ECDH1_DERIVE,
        mechanism_param=(KDF.NULL, None, point),
        template={
            Attribute.SENSITIVE: False,
            Attribute.EXTRACTABLE: True,
            Attribute.TOKEN: False,
        },
    )
    try:
        return bytearray(secret[Attribute.VALUE])
    finally:
        secret.destroy()


def _has(key: Any, attribute: Any) -> bool:
    try:
        return bool(key[attribute])
    except Exception:  # noqa: BLE001
        return False


def _sign(key: Any, digest: bytes) -> bytearray:
    from pkcs11.mechanisms import Mechanism

    return bytearray(key.sign(SHA256_DIGEST_INFO + digest, mechanism=Mechanism.RSA_PKCS))


def card_answer(
    key: Any, mechanism: str, material: bytes, store_id: str, slot_id: str
) -> bytearray:
    """What the card computes for an existing slot (the secret HKDF turns into its key)."""
    from pkcs11.exceptions import PKCS11Error

    try:
        if mechanism in (RSA_OAEP_SHA256, RSA_OAEP_SHA1):
            return _decrypt(key, material, mechanism)
        if mechanism == ECDH:
            return _derive(key, material)
        if mechanism == RSA_SIGN:
            return _sign(key, challenge_digest(store_id, slot_id, material))
    except PKCS11Error:
        raise TokenFailedError() from None
    raise TokenNoUsableKeyError()


def enrol(
    session: Any, key: Any, card: CardKey, store_id: str, slot_id: str
) -> tuple[str, bytes, bytearray]:
    """(mechanism, material, answer) for a new slot, the round trip proven on the card."""
    from pkcs11.exceptions import PKCS11Error

    pub = public_key(session, key)
    if pub is None:
        raise TokenNoUsableKeyError()
    try:
        if card.mechanism in (RSA_OAEP_SHA256, RSA_OAEP_SHA1) and isinstance(pub, rsa.RSAPublicKey):
            return _enrol_oaep(key, pub)
        if card.mechanism == ECDH and isinstance(pub, ec.EllipticCurvePublicKey):
            return _enrol_ecdh(key, pub)
        if card.mechanism == RSA_SIGN and isinstance(pub, rsa.RSAPublicKey):
            return _enrol_sign(key, pub, store_id, slot_id)
    except PKCS11Error:
        raise TokenFailedError() from None
    raise TokenNoUsableKeyError()


def _enrol_oaep(key: Any, pub: rsa.RSAPublicKey) -> tuple[str, bytes, bytearray]:
    from pkcs11.exceptions import PKCS11Error

    secret = bytearray(os.urandom(SECRET_BYTES))
    for mechanism in (RSA_OAEP_SHA256, RSA_OAEP_SHA1):
        ciphertext = pub.encrypt(bytes(secret), _oaep_padding(mechanism))
        try:
            answer = _decrypt(key, ciphertext, mechanism)
        except PKCS11Error:
            continue  # the card's OAEP may know only SHA-1
        if hmac.compare_digest(bytes(answer), bytes(secret)):
            _wipe(answer)
            return mechanism, ciphertext, secret
        _wipe(answer)
    _wipe(secret)
    raise TokenFailedError()


def _enrol_ecdh(key: Any, pub: ec.EllipticCurvePublicKey) -> tuple[str, bytes, bytearray]:
    ephemeral = ec.generate_private_key(pub.curve)
    shared = bytearray(ephemeral.exchange(ec.ECDH(), pub))
    point = ephemeral.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    del ephemeral  # never stored: only the card can compute the shared secret again
    answer = _derive(key, point)
    try:
        if not hmac.compare_digest(bytes(answer), bytes(shared)):
            _wipe(shared)
            raise TokenFailedError()
    finally:
        _wipe(answer)
    return ECDH, point, shared


def _enrol_sign(
    key: Any, pub: rsa.RSAPublicKey, store_id: str, slot_id: str
) -> tuple[str, bytes, bytearray]:
    challenge = os.urandom(SECRET_BYTES)
    digest = challenge_digest(store_id, slot_id, challenge)
    first = _sign(key, digest)
    second = _sign(key, digest)
    try:
        if not hmac.compare_digest(bytes(first), bytes(second)):
            raise TokenNoUsableKeyError()  # not deterministic: no stable key from it
        pub.verify(bytes(first), digest, padding.PKCS1v15(), utils.Prehashed(hashes.SHA256()))
    except InvalidSignature:
        _wipe(first)
        raise TokenFailedError() from None
    except BaseException:
        _wipe(first)
        raise
    finally:
        _wipe(second)
    return RSA_SIGN, challenge, first


def _wipe(buf: bytearray) -> None:
    for i in range(len(buf)):
        buf[i] = 0
