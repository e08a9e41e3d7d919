"""The method register as a signed file (``.utvagmetoder``), so a unit or a coordinator can
share it (docs/method-register-file.md).

The file is strict JSON: ``{"format": "utvag-method-register", "document": D,
"signature": S}``. ``D`` is the register as text — strict JSON of ``{"format":
"utvag-method-register", "version": 1, "created": UTC time, "signer": {municipality,
unit, caseworker, key_id}, "methods": [entries]}`` (entries as
:func:`storage.registers.methods.register_entries` gives them) — and ``S`` is a
minisign-compatible signature of ``D``'s UTF-8 bytes by this installation's signing key
(the trusted comment names the format, version and time). Save ``D`` and ``S`` as two files
and stock ``minisign -V`` checks them.

Reading verifies before it trusts anything: the signature's key must be the current key of
a *verified* contact (:func:`sync.trust.contacts.find_signer`), the signature must match,
and only then is ``D`` parsed and every entry checked
(:func:`storage.registers.methods.check_entries`). :func:`read_methods_file` returns a
preview (who signed, when, what would be added or changed) that changes nothing;
:func:`import_methods_file` applies it in one transaction (``method.import``, audited with
the contact).

A file cannot be replayed: the newest ``created`` time imported from each contact is kept
(``method_files_seen``, schema step 14), and a file from that contact whose signed time is
not later is refused (:class:`MethodsFileNotNewerError`) by both the preview and the import,
so an older register can never roll entries back after a newer one. The signer side keeps
its times increasing: a register is signed at least a second after the last one it signed
(``method_files_issued``).

Public API: ``export_methods_file(store) -> bytes``, ``read_methods_file(store, data) ->
MethodsPreview``, ``import_methods_file(store, data) -> MergeResult``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from storage.casefile import repo
from storage.registers.methods import (
    MergeResult,
    check_entries,
    merge_methods,
    method_by_code,
    register_entries,
)
from sync.knowledge.errors import (
    MethodsFileError,
    MethodsFileNotNewerError,
    MethodsFileSignatureError,
)
from sync.signing.errors import SignatureError
from sync.signing.minisign import sign, verify
from sync.trust.contacts import find_signer
from sync.trust.identity import current_keys
from sync.wire.fields import check_text, format_time, parse_time, strict_json

FORMAT = "utvag-method-register"
VERSION = 1
FILE_MAX_BYTES = 4 * 1024 * 1024
SUFFIX = ".utvagmetoder"
_ENVELOPE_KEYS = {"format", "document", "signature"}
_DOCUMENT_KEYS = {"format", "version", "created", "signer", "methods"}
_SIGNER_KEYS = {"municipality", "unit", "caseworker", "key_id"}


def _trusted_comment(created: str) -> str:
    return f"{FORMAT} version:{VERSION} created:{created}"


def _issue_time(store: Any) -> str:
    """Now, or a second after the last register this installation signed (whichever is
    later): the times of our files always increase."""
    now = datetime.now(UTC).replace(microsecond=0)
    row = store.conn.execute("SELECT created FROM method_files_issued WHERE id = 1").fetchone()
    if row is not None:
        last = parse_time(str(row[0]), MethodsFileError)
        now = max(now, last + timedelta(seconds=1))
    return format_time(now)


def export_methods_file(store: Any) -> bytes:
    """The whole register, signed by this installation (no identity: the typed refusal)."""
    keys = current_keys(store)
    created = _issue_time(store)
    info = keys.info
    document = json.dumps(
        {
            "format": FORMAT,
            "version": VERSION,
            "created": created,
            "signer": {
                "municipality": info.municipality,
                "unit": info.unit,
                "caseworker": info.caseworker,
                "key_id": info.key_id_hex,
            },
            "methods": register_entries(store),
        },
        ensure_ascii=False,
        indent=1,
        sort_keys=True,
    )
    signature = sign(document.encode("utf-8"), keys.signing_key, _trusted_comment(created))
    envelope = {"format": FORMAT, "document": document, "signature": signature}
    with store.transaction():
        store.conn.execute(
            "INSERT INTO method_files_issued (id, created) VALUES (1, ?) "
            "ON CONFLICT (id) DO UPDATE SET created = excluded.created",
            (created,),
        )
        repo.audit(
            store,
            "method.export",
            "",
            methods=len(json.loads(document)["methods"]),
            created=created,
        )
    return (json.dumps(envelope, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _bad() -> MethodsFileError:
    return MethodsFileError()


def _key_id(untrusted_signature: str) -> str:
    """The key id the signature names (checked by :func:`verify` afterwards)."""
    lines = untrusted_signature.split("\n")
    if len(lines) < 2:
        raise MethodsFileSignatureError()
    try:
        raw = base64.b64decode(lines[1].strip(), validate=True)
    except (binascii.Error, ValueError):
        raise MethodsFileSignatureError() from None
    if len(raw) != 74 or raw[:2] != b"ED":
        raise MethodsFileSignatureError()
    return raw[2:10][::-1].hex().upper()


@dataclass(frozen=True)
class MethodsPreview:
    """A verified register file, not yet applied."""

    contact_id: int
    signer: str  # "caseworker, unit, municipality" of the verified contact
    created: str
    entries: list[dict[str, Any]]
    added: list[str]  # names of methods new here
    changed: list[str]  # names of methods whose entry differs here
    unchanged: int


@dataclass(frozen=True)
class _Verified:
    contact_id: int
    signer: str
    document: dict[str, Any]
    sha256: str


def _check_newer(store: Any, verified: _Verified) -> None:
    """Refuse a file not made after the newest one imported from the same contact."""
    created = str(verified.document["created"])
    row = store.conn.execute(
        "SELECT created FROM method_files_seen WHERE contact_id = ?", (verified.contact_id,)
    ).fetchone()
    if row is None:
        return
    seen = str(row[0])
    if parse_time(created, MethodsFileError) <= parse_time(seen, MethodsFileError):
        raise MethodsFileNotNewerError(signer=verified.signer, created=created, seen=seen)


def _verified_document(store: Any, untrusted_data: bytes) -> _Verified:
    if len(untrusted_data) > FILE_MAX_BYTES:
        raise MethodsFileError()
    untrusted_envelope = strict_json(untrusted_data, MethodsFileError)
    if not isinstance(untrusted_envelope, dict) or set(untrusted_envelope) != _ENVELOPE_KEYS:
        raise MethodsFileError()
    if untrusted_envelope["format"] != FORMAT:
        raise MethodsFileError()
    untrusted_document = untrusted_envelope["document"]
    untrusted_signature = untrusted_envelope["signature"]
    if not isinstance(untrusted_document, str) or not isinstance(untrusted_signature, str):
        raise MethodsFileError()
    contact = find_signer(store, _key_id(untrusted_signature))
    document_bytes = untrusted_document.encode("utf-8")
    try:
        comment = verify(document_bytes, untrusted_signature, contact.keys.public_key)
    except SignatureError:
        raise MethodsFileSignatureError() from None
    document = strict_json(document_bytes, MethodsFileError)  # signed by a verified contact
    if not isinstance(document, dict) or set(document) != _DOCUMENT_KEYS:
        raise MethodsFileError()
    version = document["version"]
    if document["format"] != FORMAT or type(version) is not int or version != VERSION:
        raise MethodsFileError()
    parse_time(document["created"], MethodsFileError)
    if comment != _trusted_comment(document["created"]):
        raise MethodsFileSignatureError()
    signer = document["signer"]
    if not isinstance(signer, dict) or set(signer) != _SIGNER_KEYS:
        raise MethodsFileError()
    if signer["key_id"] != contact.key_id_hex:
        raise MethodsFileSignatureError()
    for key in ("municipality", "unit", "caseworker"):
        check_text(signer[key], limit=200, empty_ok=False, error=_bad)
    who = f"{contact.caseworker}, {contact.unit}, {contact.municipality}"
    return _Verified(contact.id, who, document, hashlib.sha256(document_bytes).hexdigest())


def read_methods_file(store: Any, untrusted_data: bytes) -> MethodsPreview:
    """Verify a shared register and say what importing it would do (changes nothing)."""
    return _preview(store, _verified_document(store, untrusted_data))


def _preview(store: Any, verified: _Verified) -> MethodsPreview:
    _check_newer(store, verified)
    document = verified.document
    entries = check_entries(document["methods"])
    added: list[str] = []
    changed: list[str] = []
    unchanged = 0
    for entry in entries:
        old = method_by_code(store, entry["code"])
        if old is None:
            added.append(entry["name"])
            continue
        now = {
            "name": old.name,
            "description": old.description,
            "target_group": old.target_group,
            "evidence_level": old.evidence_level.value,
            "evidence_source": old.evidence_source,
        }
        if now == {k: entry[k] for k in now}:
            unchanged += 1
        else:
            changed.append(entry["name"])
    return MethodsPreview(
        verified.contact_id,
        verified.signer,
        str(document["created"]),
        entries,
        added,
        changed,
        unchanged,
    )


def import_methods_file(store: Any, untrusted_data: bytes) -> MergeResult:
    """Verify a shared register and apply it in one transaction (see the module docstring):
    the entries, and the file as the newest seen from its signer."""
    verified = _verified_document(store, untrusted_data)
    with store.transaction():
        preview = _preview(store, verified)  # again inside the transaction: no race
        result = merge_methods(store, preview.entries, contact_id=preview.contact_id)
        store.conn.execute(
            "INSERT INTO method_files_seen (contact_id, created, sha256, imported_at) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (contact_id) DO UPDATE SET "
            "created = excluded.created, sha256 = excluded.sha256, "
            "imported_at = excluded.imported_at",
            (preview.contact_id, preview.created, verified.sha256, repo.utc_now()),
        )
    return result
