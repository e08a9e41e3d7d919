"""Checked fields of every signed document (manifests, cards, receipts, change bundles).

Each checker takes the error to raise, so that the document being read names what is wrong
with it; nothing here knows which document it serves.

- :func:`format_time` / :func:`parse_time`: UTC times as ``YYYY-MM-DDTHH:MM:SSZ``;
- :func:`check_text`: one line of printable text within a length;
- :func:`strict_json`: UTF-8 JSON without BOM, duplicate keys, floats, NaN or Infinity;
- patterns of fingerprints, key ids, SHA-256 digests and bundle ids.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from storage.json_input import (
    UntrustedJsonError,
    loads_untrusted,
)

NAME_MAX_CHARS = 100
TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
_TIME_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")
UUID4_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
FINGERPRINT_RE = re.compile(r"(?:[0-9]{5} ){7}[0-9]{5}")
KEY_ID_RE = re.compile(r"[0-9A-F]{16}")
SHA256_RE = re.compile(r"[0-9a-f]{64}")


def format_time(value: datetime) -> str:
    """``value`` in UTC as ``YYYY-MM-DDTHH:MM:SSZ`` (what every signed document carries)."""
    return value.astimezone(UTC).strftime(TIME_FORMAT)


def parse_time(untrusted: object, error: type[Exception]) -> datetime:
    """A UTC time written as ``YYYY-MM-DDTHH:MM:SSZ``; ``error`` otherwise."""
    if not isinstance(untrusted, str) or _TIME_RE.fullmatch(untrusted) is None:
        raise error()
    try:
        return datetime.strptime(untrusted, TIME_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        raise error() from None


def check_text(
    untrusted: object, *, limit: int, empty_ok: bool, error: Callable[[], Exception]
) -> str:
    """One line of printable text, at most ``limit`` characters, no surrounding spaces."""
    if not isinstance(untrusted, str) or len(untrusted) > limit:
        raise error()
    if not untrusted and not empty_ok:
        raise error()
    if untrusted != untrusted.strip():
        raise error()
    for ch in untrusted:
        cat = unicodedata.category(ch)
        if cat[0] == "C" or cat in ("Zl", "Zp"):
            raise error()
    return untrusted


def strict_json(untrusted_bytes: bytes, error: type[Exception]) -> Any:
    """UTF-8 JSON without BOM, duplicate keys, floats, NaN/Infinity; ``error`` otherwise."""

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in pairs:
            if key in out:
                raise ValueError("duplicate key")
            out[key] = value
        return out

    def refuse(_: str) -> Any:
        raise ValueError("not allowed")

    if untrusted_bytes.startswith(b"\xef\xbb\xbf"):  # a UTF-8 BOM
        raise error()
    try:
        return loads_untrusted(
            untrusted_bytes,
            object_pairs_hook=no_duplicates,
            parse_float=refuse,
            parse_constant=refuse,
        )
    except UntrustedJsonError:
        raise error() from None
