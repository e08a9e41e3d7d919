"""The signed manifest (``manifest.json``): its model, serialisation and strict parsing.

Every field is documented in docs/bundle-format.md ("The manifest"). Parsing happens only
after the signature over the exact manifest bytes has been verified against a verified
contact's key; it is strict all the same: exact key sets, types, lengths, no duplicate
keys, no floats, no control characters, per-kind rules. Any violation is a
:class:`~sync.errors.ManifestError`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sync.bundle.errors import (
    ManifestError,
    TrustedCommentMismatchError,
)
from sync.wire.errors import UnsafeMemberNameError
from sync.wire.fields import (
    FINGERPRINT_RE,
    KEY_ID_RE,
    NAME_MAX_CHARS,
    SHA256_RE,
    UUID4_RE,
    check_text,
    format_time,
    parse_time,
    strict_json,
)
from sync.wire.ustar import (
    check_member_name,
    check_member_set,
)

FORMAT = "utvag-bundle"
BUNDLE_EXTENSION = ".utvag"
VERSION = 1
HANDOVER, RECEIPT, CONTACT_UPDATE = "handover", "receipt", "contact-update"
#: A unit's national report to a coordinator (docs/national-report.md): its own kind, kept
#: apart so that other kinds can be added beside it.
NATIONAL_REPORT = "national-report"
NATIONAL_REPORT_MEMBER = "national-report.json"
#: Changes of a shared case between colleagues (docs/sync.md §4).
TEAM_CHANGES = "team-changes"
KINDS = (HANDOVER, RECEIPT, CONTACT_UPDATE, NATIONAL_REPORT, TEAM_CHANGES)
LEGAL_BASES = ("consent", "transfer", "request_for_help")
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.json.minisig"
RECEIPT_MEMBER = "receipt.json"
CONTACT_UPDATE_MEMBER = "contact-update.utvagkort"
TEAM_CHANGES_MEMBER = "changes.json"
TEAM_BLOB_PREFIX = "blobs/"
#: A change bundle's content at most (docs/sync.md §4): changes.json plus documents.
TEAM_CONTENT_MAX_BYTES = 256 * 1024**2
TEAM_CHANGES_MAX_BYTES = 16 * 1024**2
RESERVED_NAMES = frozenset({MANIFEST_NAME, SIGNATURE_NAME})

MANIFEST_MAX_BYTES = 1024 * 1024
SIGNATURE_MAX_BYTES = 16 * 1024
MAX_MEMBERS = 10_000
MEMBER_MAX_BYTES = 4 * 1024**3
CONTENT_MAX_BYTES = 16 * 1024**3
MAX_RECIPIENTS = 20
MAX_VALIDITY = timedelta(days=366)
MAX_CLOCK_SKEW = timedelta(hours=1)
CASE_REF_MAX_CHARS = 100
MAX_SEQUENCE = 2**53

TRUSTED_COMMENT_RE = re.compile(
    r"utvag-bundle v1 id=("
    + UUID4_RE.pattern
    + r") kind=("
    + "|".join(re.escape(k) for k in KINDS)
    + ")"
    r" seq=([1-9][0-9]{0,15})"
)


def _obj(untrusted: object, keys: set[str]) -> dict[str, Any]:
    if not isinstance(untrusted, dict) or set(untrusted) != keys:
        raise ManifestError()
    return untrusted


def _int(untrusted: object, low: int, high: int) -> int:
    if type(untrusted) is not int or not low <= untrusted <= high:
        raise ManifestError()
    return untrusted


def _match(untrusted: object, pattern: re.Pattern[str]) -> str:
    if not isinstance(untrusted, str) or pattern.fullmatch(untrusted) is None:
        raise ManifestError()
    return untrusted


def _name(untrusted: object, empty_ok: bool = False) -> str:
    return check_text(untrusted, limit=NAME_MAX_CHARS, empty_ok=empty_ok, error=ManifestError)


@dataclass(frozen=True)
class Sender:
    municipality: str
    unit: str
    caseworker: str
    key_id: str
    public_key: str
    fingerprint: str


@dataclass(frozen=True)
class RecipientEntry:
    municipality: str
    unit: str
    caseworker: str
    fingerprint: str
    age_recipients: tuple[str, ...]


@dataclass(frozen=True)
class MemberEntry:
    name: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    kind: str
    bundle_id: str
    created: datetime
    expires: datetime
    sequence: int
    sender: Sender
    recipients: tuple[RecipientEntry, ...]
    case_ref: str
    legal_basis: str
    members: tuple[MemberEntry, ...]

    @property
    def content_size(self) -> int:
        return sum(m.size for m in self.members)

    def trusted_comment(self) -> str:
        return f"utvag-bundle v1 id={self.bundle_id} kind={self.kind} seq={self.sequence}"

    def to_json(self) -> dict[str, Any]:
        s = self.sender
        return {
            "format": FORMAT,
            "version": VERSION,
            "kind": self.kind,
            "bundle_id": self.bundle_id,
            "created": format_time(self.created),
            "expires": format_time(self.expires),
            "sequence": self.sequence,
            "sender": {
                "municipality": s.municipality,
                "unit": s.unit,
                "caseworker": s.caseworker,
                "key_id": s.key_id,
                "public_key": s.public_key,
                "fingerprint": s.fingerprint,
            },
            "recipients": [
                {
                    "municipality": r.municipality,
                    "unit": r.unit,
                    "caseworker": r.caseworker,
                    "fingerprint": r.fingerprint,
                    "age_recipients": list(r.age_recipients),
                }
                for r in self.recipients
            ],
            "case_ref": self.case_ref,
            "legal_basis": self.legal_basis,
            "members": [{"name": m.name, "size": m.size, "sha256": m.sha256} for m in self.members],
        }

    def to_bytes(self) -> bytes:
        """UTF-8 JSON, indented by two spaces, keys in documented order, final newline."""
        data = json.dumps(self.to_json(), indent=2, ensure_ascii=False) + "\n"
        return data.encode("utf-8")


_TOP = {
    "format",
    "version",
    "kind",
    "bundle_id",
    "created",
    "expires",
    "sequence",
    "sender",
    "recipients",
    "case_ref",
    "legal_basis",
    "members",
}
_SENDER = {"municipality", "unit", "caseworker", "key_id", "public_key", "fingerprint"}
_RECIPIENT = {"municipality", "unit", "caseworker", "fingerprint", "age_recipients"}
_MEMBER = {"name", "size", "sha256"}


def parse_trusted_comment(untrusted: str) -> tuple[str, str, int]:
    """(bundle_id, kind, sequence) from a verified trusted comment, before the JSON is read."""
    match = TRUSTED_COMMENT_RE.fullmatch(untrusted)
    if match is None:
        raise TrustedCommentMismatchError()
    return match.group(1), match.group(2), int(match.group(3))


def parse_manifest(untrusted_bytes: bytes) -> Manifest:
    """Parse verified manifest bytes strictly (shape, types, per-kind rules)."""
    top = _obj(strict_json(untrusted_bytes, ManifestError), _TOP)
    if top["format"] != FORMAT or type(top["version"]) is not int or top["version"] != VERSION:
        raise ManifestError()
    kind = top["kind"]
    if kind not in KINDS:
        raise ManifestError()
    s = _obj(top["sender"], _SENDER)
    sender = Sender(
        _name(s["municipality"]),
        _name(s["unit"]),
        _name(s["caseworker"]),
        _match(s["key_id"], KEY_ID_RE),
        check_text(s["public_key"], limit=80, empty_ok=False, error=ManifestError),
        _match(s["fingerprint"], FINGERPRINT_RE),
    )
    recipients = tuple(_recipient(r) for r in _list(top["recipients"], 1, MAX_RECIPIENTS))
    if len({r.fingerprint for r in recipients}) != len(recipients):
        raise ManifestError()
    members = tuple(_member(m) for m in _list(top["members"], 0, MAX_MEMBERS))
    try:
        check_member_set(m.name for m in members)
    except UnsafeMemberNameError:
        raise ManifestError() from None
    created = parse_time(top["created"], ManifestError)
    expires = parse_time(top["expires"], ManifestError)
    if not created < expires <= created + MAX_VALIDITY:
        raise ManifestError()
    manifest = Manifest(
        kind,
        _match(top["bundle_id"], UUID4_RE),
        created,
        expires,
        _int(top["sequence"], 1, MAX_SEQUENCE),
        sender,
        recipients,
        check_text(top["case_ref"], limit=CASE_REF_MAX_CHARS, empty_ok=True, error=ManifestError),
        _match_legal_basis(top["legal_basis"]),
        members,
    )
    check_kind_rules(manifest)
    return manifest


def _list(untrusted: object, low: int, high: int) -> list[Any]:
    if not isinstance(untrusted, list) or not low <= len(untrusted) <= high:
        raise ManifestError()
    return untrusted


def _recipient(untrusted: object) -> RecipientEntry:
    r = _obj(untrusted, _RECIPIENT)
    ages = _list(r["age_recipients"], 1, 2)
    for age in ages:
        check_text(age, limit=2000, empty_ok=False, error=ManifestError)
        if not age.startswith("age1"):
            raise ManifestError()
    return RecipientEntry(
        _name(r["municipality"]),
        _name(r["unit"]),
        _name(r["caseworker"]),
        _match(r["fingerprint"], FINGERPRINT_RE),
        tuple(ages),
    )


def _member(untrusted: object) -> MemberEntry:
    m = _obj(untrusted, _MEMBER)
    name = m["name"]
    try:
        check_member_name(name)
    except UnsafeMemberNameError:
        raise ManifestError() from None
    if name in RESERVED_NAMES:
        raise ManifestError()
    return MemberEntry(name, _int(m["size"], 0, MEMBER_MAX_BYTES), _match(m["sha256"], SHA256_RE))


def _match_legal_basis(untrusted: object) -> str:
    if untrusted != "" and untrusted not in LEGAL_BASES:
        raise ManifestError()
    return str(untrusted)


def check_kind_rules(manifest: Manifest) -> None:
    """Per-kind rules: what a handover, a receipt, a contact update, a national report and a
    change bundle (docs/sync.md §4) must look like."""
    names = [m.name for m in manifest.members]
    if manifest.content_size > CONTENT_MAX_BYTES:
        raise ManifestError()
    if manifest.kind == HANDOVER:
        ok = bool(manifest.case_ref) and manifest.legal_basis in LEGAL_BASES and bool(names)
    elif manifest.kind == TEAM_CHANGES:
        ok = (
            not manifest.case_ref
            and not manifest.legal_basis
            and len(manifest.recipients) == 1
            and bool(names)
            and names[0] == TEAM_CHANGES_MEMBER
            and manifest.members[0].size <= TEAM_CHANGES_MAX_BYTES
            and all(n.startswith(TEAM_BLOB_PREFIX) for n in names[1:])
            and manifest.content_size <= TEAM_CONTENT_MAX_BYTES
        )
    elif manifest.kind == RECEIPT:
        ok = manifest.legal_basis == "" and names == [RECEIPT_MEMBER]
    elif manifest.kind == NATIONAL_REPORT:
        ok = not manifest.case_ref and not manifest.legal_basis
        ok = ok and names == [NATIONAL_REPORT_MEMBER]
    else:
        ok = not manifest.case_ref and not manifest.legal_basis and names == [CONTACT_UPDATE_MEMBER]
    if not ok:
        raise ManifestError()
