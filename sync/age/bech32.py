"""Bech32 (BIP 173) as age uses it: no length limit on the data part, all-upper or all-lower.

The checksum is always computed over the lower-case string. We cap the length at
:data:`MAX_LENGTH` characters (a post-quantum recipient is about 1,960) so an untrusted
string cannot make us do unbounded work.
"""

from __future__ import annotations

import functools
import operator

from sync.age.errors import AgeKeyError

CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_CHARSET_REV = {c: i for i, c in enumerate(CHARSET)}
_GENERATOR = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
#: For each value of the checksum's top five bits, the generators they select, XORed.
_MIX = tuple(
    functools.reduce(operator.xor, (g for i, g in enumerate(_GENERATOR) if top >> i & 1), 0)
    for top in range(32)
)
MAX_LENGTH = 4096


def _polymod(values: list[int]) -> int:
    chk = 1
    for value in values:
        chk = ((chk & 0x1FFFFFF) << 5 ^ value) ^ _MIX[chk >> 25]
    return chk


def _hrp_expand(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def _convert_bits(data: bytes | list[int], from_bits: int, to_bits: int, pad: bool) -> list[int]:
    acc = 0
    bits = 0
    out: list[int] = []
    maxv = (1 << to_bits) - 1
    for value in data:
        acc = (acc << from_bits) | value
        bits += from_bits
        while bits >= to_bits:
            bits -= to_bits
            out.append((acc >> bits) & maxv)
    if pad:
        if bits:
            out.append((acc << (to_bits - bits)) & maxv)
    elif bits >= from_bits or (acc << (to_bits - bits)) & maxv:
        # Non-zero padding or a whole extra group: not a canonical encoding.
        raise AgeKeyError()
    return out


def encode(hrp: str, data: bytes) -> str:
    """Encode ``data`` under ``hrp``; the result is lower case unless ``hrp`` is upper case."""
    upper = hrp.isupper()
    low_hrp = hrp.lower()
    values = _convert_bits(data, 8, 5, pad=True)
    polymod = _polymod([*_hrp_expand(low_hrp), *values, 0, 0, 0, 0, 0, 0]) ^ 1
    checksum = [(polymod >> 5 * (5 - i)) & 31 for i in range(6)]
    text = low_hrp + "1" + "".join(CHARSET[v] for v in values + checksum)
    return text.upper() if upper else text


def decode(untrusted_text: str) -> tuple[str, bytes]:
    """Decode a Bech32 string into ``(lower-case hrp, data)``; :class:`AgeKeyError` if invalid."""
    text = untrusted_text
    if not 8 <= len(text) <= MAX_LENGTH or not text.isascii():
        raise AgeKeyError()
    if text.lower() != text and text.upper() != text:
        raise AgeKeyError()  # mixed case
    if any(not 33 <= ord(c) <= 126 for c in text):
        raise AgeKeyError()
    text = text.lower()
    pos = text.rfind("1")
    if pos < 1 or pos + 7 > len(text):
        raise AgeKeyError()
    hrp = text[:pos]
    try:
        values = [_CHARSET_REV[c] for c in text[pos + 1 :]]
    except KeyError:
        raise AgeKeyError() from None
    if _polymod(_hrp_expand(hrp) + values) != 1:
        raise AgeKeyError()
    return hrp, bytes(_convert_bits(values[:-6], 5, 8, pad=False))
