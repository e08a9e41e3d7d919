"""The PKCS#11 binding (python-pkcs11): load a module, list the inserted tokens with the state
of their PIN, log in, find the private keys Utväg can use.

python-pkcs11 keeps one loaded library per path for the whole process and a PKCS#11 module
may be initialised only once at a time, so every operation here starts with
``C_Finalize`` + ``C_Initialize`` (:func:`open_module`): a card inserted or pulled out since
the last operation, or a changed configuration (SoftHSM2's ``SOFTHSM2_CONF``), is then seen.
All token work runs on the store worker, one operation at a time.

PKCS#11 does not report how many PIN tries are left, only the flags a token sets: wrong PINs
were given since the last login (``CKF_USER_PIN_COUNT_LOW``), the next wrong PIN locks it
(``CKF_USER_PIN_FINAL_TRY``), it is locked (``CKF_USER_PIN_LOCKED``). :class:`PinState` is
that, and it is what the screens show; a locked PIN is refused before any login.

Everything a module reports (labels, serials, names) is untrusted: it is cleaned with
:func:`storage.errors.clean_untrusted` and cut to a short length before it is shown, stored
or compared.
"""

from __future__ import annotations

import contextlib
import enum
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storage.errors import clean_untrusted
from storage.vault.token.errors import (
    TokenFailedError,
    TokenModuleError,
    TokenPinIncorrectError,
    TokenPinInvalidError,
    TokenPinLastTryError,
    TokenPinLockedError,
)

MAX_LABEL = 32
MAX_SERIAL = 32
MAX_PIN = 64

#: The key types and what Utväg derives its slot key with (docs/store.md, "Token slots").
RSA_OAEP_SHA256 = "rsa-oaep-sha256"
RSA_OAEP_SHA1 = "rsa-oaep-sha1"
ECDH = "ecdh"
RSA_SIGN = "rsa-pkcs1v15-sign"
MECHANISMS = (RSA_OAEP_SHA256, RSA_OAEP_SHA1, ECDH, RSA_SIGN)


class PinState(enum.Enum):
    """What the token says about its user PIN."""

    OK = "ok"
    COUNT_LOW = "count_low"  # a wrong PIN was given since the last successful login
    FINAL_TRY = "final_try"  # the next wrong PIN locks it
    LOCKED = "locked"


@dataclass(frozen=True)
class TokenInfo:
    """An inserted, initialised token (values cleaned)."""

    serial: str
    label: str
    manufacturer: str
    model: str
    pin_state: PinState


@dataclass(frozen=True)
class CardKey:
    """A private key on the token that Utväg can use, and the mechanism it would use."""

    key_id: str  # CKA_ID, hex
    label: str
    key_type: str  # "rsa" | "ec"
    mechanism: str
    size: int  # RSA modulus bits, or EC field bits


def _text(value: Any, limit: int) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return clean_untrusted(str(value).strip(), limit)


def clean_label(value: Any) -> str:
    """A label (or other short text from a card or a user) cleaned for showing and storing."""
    return _text(value, MAX_LABEL)


def pin_state(flags: int) -> PinState:
    from pkcs11.constants import TokenFlag

    if flags & TokenFlag.USER_PIN_LOCKED:
        return PinState.LOCKED
    if flags & TokenFlag.USER_PIN_FINAL_TRY:
        return PinState.FINAL_TRY
    if flags & TokenFlag.USER_PIN_COUNT_LOW:
        return PinState.COUNT_LOW
    return PinState.OK


def token_info(token: Any) -> TokenInfo:
    return TokenInfo(
        serial=_text(token.serial, MAX_SERIAL),
        label=_text(token.label, MAX_LABEL),
        manufacturer=_text(token.manufacturer_id, MAX_LABEL),
        model=_text(token.model, MAX_LABEL),
        pin_state=pin_state(int(token.flags)),
    )


@contextlib.contextmanager
def open_module(module: Path | str) -> Iterator[Any]:
    """The PKCS#11 library at ``module``, freshly initialised; :class:`TokenModuleError`
    when it cannot be loaded."""
    name = clean_untrusted(module)
    path = Path(module)
    if not path.is_file():
        raise TokenModuleError(module=name)
    try:
        import pkcs11

        lib = pkcs11.lib(str(path))
        lib.reinitialize()
    except Exception:  # noqa: BLE001 - dlopen, C_GetFunctionList and C_Initialize vary
        raise TokenModuleError(module=name) from None
    yield lib


def tokens(lib: Any) -> list[tuple[Any, TokenInfo]]:
    """The inserted, initialised tokens with what they say about themselves."""
    from pkcs11.constants import TokenFlag
    from pkcs11.exceptions import PKCS11Error

    found: list[tuple[Any, TokenInfo]] = []
    try:
        slots = lib.get_slots(token_present=True)
    except PKCS11Error:
        raise TokenFailedError() from None
    for slot in slots:
        try:
            token = slot.get_token()
            if not int(token.flags) & TokenFlag.TOKEN_INITIALIZED:
                continue
            found.append((token, token_info(token)))
        except PKCS11Error:
            continue  # pulled out while we looked, or not recognised
    return found


def check_pin_text(pin: str) -> None:
    if not pin or len(pin) > MAX_PIN or any(ord(ch) < 32 for ch in pin):
        raise TokenPinInvalidError()


@contextlib.contextmanager
def login(token: Any, pin: str, *, rw: bool = False) -> Iterator[Any]:
    """A logged-in session; the token's refusals as typed errors. A locked PIN is refused
    before any login is tried."""
    from pkcs11.exceptions import (
        PinIncorrect,
        PinLenRange,
        PinLocked,
        PKCS11Error,
    )

    check_pin_text(pin)
    if token_info(token).pin_state is PinState.LOCKED:
        raise TokenPinLockedError()
    try:
        session = token.open(rw=rw, user_pin=pin)
    except (PinIncorrect, PinLenRange):
        state = _fresh_state(token)
        if state is PinState.LOCKED:
            raise TokenPinLockedError() from None
        if state is PinState.FINAL_TRY:
            raise TokenPinLastTryError() from None
        raise TokenPinIncorrectError() from None
    except PinLocked:
        raise TokenPinLockedError() from None
    except PKCS11Error:
        raise TokenFailedError() from None
    try:
        yield session
    finally:
        with contextlib.suppress(Exception):
            session.close()


def _fresh_state(token: Any) -> PinState:
    """The PIN state after a failed login (the token's flags are read again)."""
    try:
        return token_info(token.slot.get_token()).pin_state
    except Exception:  # noqa: BLE001 - the token may be gone by now
        return PinState.COUNT_LOW


# ---------------------------------------------------------------- keys


def _attr(obj: Any, attribute: Any, default: Any = None) -> Any:
    from pkcs11.exceptions import PKCS11Error

    try:
        return obj[attribute]
    except (PKCS11Error, KeyError, NotImplementedError):
        return default


def private_keys(session: Any) -> list[Any]:
    from pkcs11.constants import ObjectClass
    from pkcs11.exceptions import PKCS11Error

    try:
        return list(session.get_objects({_class_attr(): ObjectClass.PRIVATE_KEY}))
    except PKCS11Error:
        raise TokenFailedError() from None


def _class_attr() -> Any:
    from pkcs11.constants import Attribute

    return Attribute.CLASS


def key_id(key: Any) -> str:
    from pkcs11.constants import Attribute

    value = _attr(key, Attribute.ID, b"")
    return bytes(value or b"").hex()


def find_private_key(session: Any, wanted_id: str) -> Any | None:
    for key in private_keys(session):
        if key_id(key) == wanted_id:
            return key
    return None


def public_key(session: Any, private: Any) -> Any | None:
    """The ``cryptography`` public key that goes with ``private``: from its public-key
    object, else its certificate, else (RSA) the private key's own modulus and exponent."""
    from pkcs11.constants import Attribute, ObjectClass

    wanted = bytes(_attr(private, Attribute.ID, b"") or b"")
    with contextlib.suppress(Exception):  # odd objects on a card are skipped, not fatal
        for obj in session.get_objects({Attribute.CLASS: ObjectClass.PUBLIC_KEY}):
            if bytes(_attr(obj, Attribute.ID, b"") or b"") == wanted:
                loaded = _load_public(obj)
                if loaded is not None:
                    return loaded
        for obj in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE}):
            if bytes(_attr(obj, Attribute.ID, b"") or b"") == wanted:
                from cryptography import x509

                der = _attr(obj, Attribute.VALUE)
                if der:
                    return x509.load_der_x509_certificate(bytes(der)).public_key()
    modulus = _attr(private, Attribute.MODULUS)
    exponent = _attr(private, Attribute.PUBLIC_EXPONENT)
    if modulus and exponent:
        from cryptography.hazmat.primitives.asymmetric import rsa

        numbers = rsa.RSAPublicNumbers(
            int.from_bytes(bytes(exponent), "big"), int.from_bytes(bytes(modulus), "big")
        )
        return numbers.public_key()
    return None


def _load_public(obj: Any) -> Any | None:
    from cryptography.hazmat.primitives.asymmetric import ec, rsa
    from pkcs11.constants import Attribute
    from pkcs11.mechanisms import KeyType

    kind = _attr(obj, Attribute.KEY_TYPE)
    if kind == KeyType.RSA:
        modulus = _attr(obj, Attribute.MODULUS)
        exponent = _attr(obj, Attribute.PUBLIC_EXPONENT)
        if not modulus or not exponent:
            return None
        return rsa.RSAPublicNumbers(
            int.from_bytes(bytes(exponent), "big"), int.from_bytes(bytes(modulus), "big")
        ).public_key()
    if kind == KeyType.EC:
        curve = curve_of(_attr(obj, Attribute.EC_PARAMS))
        point = _attr(obj, Attribute.EC_POINT)
        if curve is None or not point:
            return None
        raw = unwrap_octet_string(bytes(point))
        return ec.EllipticCurvePublicKey.from_encoded_point(curve, raw)
    return None


def unwrap_octet_string(data: bytes) -> bytes:
    """CKA_EC_POINT is a DER OCTET STRING around the point on most tokens, bare on a few."""
    if (len(data) > 2 and data[0] == 0x04 and data[1] in (0x41, 0x61)) or (
        len(data) > 3 and data[0] == 0x04 and data[1] == 0x81
    ):
        from asn1crypto.core import OctetString

        with contextlib.suppress(Exception):
            return bytes(OctetString.load(data).native)
    return data


_CURVES = {
    "1.2.840.10045.3.1.7": "secp256r1",
    "1.3.132.0.34": "secp384r1",
    "1.3.132.0.35": "secp521r1",
}


def curve_of(params: Any) -> Any | None:
    """The ``cryptography`` curve named by DER-encoded EC parameters (P-256, P-384, P-521)."""
    if not params:
        return None
    from asn1crypto.keys import ECDomainParameters
    from cryptography.hazmat.primitives.asymmetric import ec

    try:
        parsed = ECDomainParameters.load(bytes(params))
        if parsed.name != "named":
            return None
        oid = parsed.chosen.dotted
    except Exception:  # noqa: BLE001 - explicit or unknown parameters are not supported
        return None
    name = _CURVES.get(oid)
    return {
        "secp256r1": ec.SECP256R1(),
        "secp384r1": ec.SECP384R1(),
        "secp521r1": ec.SECP521R1(),
    }.get(name or "")


def usable_keys(token: Any, session: Any) -> list[CardKey]:
    """The token's private keys Utväg can use, each with the mechanism it would use."""
    from pkcs11.constants import Attribute
    from pkcs11.mechanisms import KeyType, Mechanism

    try:
        offered = set(token.slot.get_mechanisms())
    except Exception:  # noqa: BLE001
        raise TokenFailedError() from None
    found: list[CardKey] = []
    for key in private_keys(session):
        kind = _attr(key, Attribute.KEY_TYPE)
        ident = key_id(key)
        label = _text(_attr(key, Attribute.LABEL, "") or "", MAX_LABEL)
        pub = public_key(session, key)
        if pub is None or not ident:
            continue
        if kind == KeyType.RSA:
            size = int(pub.key_size)
            if _attr(key, Attribute.DECRYPT) and Mechanism.RSA_PKCS_OAEP in offered:
                found.append(CardKey(ident, label, "rsa", RSA_OAEP_SHA256, size))
            elif _attr(key, Attribute.SIGN) and Mechanism.RSA_PKCS in offered:
                found.append(CardKey(ident, label, "rsa", RSA_SIGN, size))
        elif kind == KeyType.EC:
            if _attr(key, Attribute.DERIVE) and Mechanism.ECDH1_DERIVE in offered:
                found.append(CardKey(ident, label, "ec", ECDH, int(pub.curve.key_size)))
    return found
