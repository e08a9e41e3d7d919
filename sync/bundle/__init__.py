"""Bundles (``.utvag``): signed, encrypted files that carry a case between municipalities.

Format: docs/bundle-format.md (age v1 binary -> strict POSIX ustar -> ``manifest.json``,
``manifest.json.minisig``, members). Public API for the handover service:

- :func:`seal_bundle` -> :class:`SealedBundle`; :func:`seal_contact_update`;
- :func:`open_bundle` -> :class:`OpenedBundle` (``.manifest``, ``.sender``, ``.members``,
  ``.read_member(name)`` streaming from staging, ``.read_member_bytes``, ``.commit_seen()``,
  ``.discard()``); :func:`discard`; :func:`purge_staging` (after unlock);
- receipts: :func:`make_receipt_members`, :func:`seal_receipt`, :func:`parse_receipt`,
  :func:`read_receipt`, :class:`Receipt`;
- the manifest model: :class:`Manifest`, :class:`MemberEntry`, kinds and limits.

Identity and contacts live in :mod:`sync.identity` and :mod:`sync.contacts`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sync.bundle.manifest import (
        CONTACT_UPDATE,
        CONTACT_UPDATE_MEMBER,
        HANDOVER,
        KINDS,
        LEGAL_BASES,
        RECEIPT,
        RECEIPT_MEMBER,
        Manifest,
        MemberEntry,
        RecipientEntry,
        Sender,
    )
    from sync.bundle.open import (
        OpenedBundle,
        discard,
        open_bundle,
    )
    from sync.bundle.receipt import (
        ACCEPTED,
        REFUSED,
        Receipt,
        make_receipt_members,
        parse_receipt,
        read_receipt,
        seal_receipt,
    )
    from sync.bundle.seal import (
        SealedBundle,
        seal_bundle,
        seal_contact_update,
    )
    from sync.bundle.staging import (
        purge_staging,
    )

BUNDLE_EXTENSION = ".utvag"

# Loaded lazily: sync.card and sync.contacts import sync.bundle's submodules.
_EXPORTS = {
    "CONTACT_UPDATE": "sync.bundle.manifest",
    "CONTACT_UPDATE_MEMBER": "sync.bundle.manifest",
    "HANDOVER": "sync.bundle.manifest",
    "KINDS": "sync.bundle.manifest",
    "LEGAL_BASES": "sync.bundle.manifest",
    "RECEIPT": "sync.bundle.manifest",
    "RECEIPT_MEMBER": "sync.bundle.manifest",
    "Manifest": "sync.bundle.manifest",
    "MemberEntry": "sync.bundle.manifest",
    "RecipientEntry": "sync.bundle.manifest",
    "Sender": "sync.bundle.manifest",
    "OpenedBundle": "sync.bundle.open",
    "discard": "sync.bundle.open",
    "open_bundle": "sync.bundle.open",
    "ACCEPTED": "sync.bundle.receipt",
    "REFUSED": "sync.bundle.receipt",
    "Receipt": "sync.bundle.receipt",
    "make_receipt_members": "sync.bundle.receipt",
    "parse_receipt": "sync.bundle.receipt",
    "read_receipt": "sync.bundle.receipt",
    "seal_receipt": "sync.bundle.receipt",
    "SealedBundle": "sync.bundle.seal",
    "seal_bundle": "sync.bundle.seal",
    "seal_contact_update": "sync.bundle.seal",
    "purge_staging": "sync.bundle.staging",
}

__all__ = [
    "ACCEPTED",
    "BUNDLE_EXTENSION",
    "CONTACT_UPDATE",
    "CONTACT_UPDATE_MEMBER",
    "HANDOVER",
    "KINDS",
    "LEGAL_BASES",
    "RECEIPT",
    "RECEIPT_MEMBER",
    "REFUSED",
    "Manifest",
    "MemberEntry",
    "OpenedBundle",
    "Receipt",
    "RecipientEntry",
    "SealedBundle",
    "Sender",
    "discard",
    "make_receipt_members",
    "open_bundle",
    "parse_receipt",
    "purge_staging",
    "read_receipt",
    "seal_bundle",
    "seal_contact_update",
    "seal_receipt",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'sync.bundle' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
