"""The receiving side of ``case.json``: strict reading, a masked summary, import data.

:func:`read_incoming_case` checks the handover frame of ``case.json`` (docs/handover.md)
against the signed manifest — one case, the ``handover`` object, sections, the documents
list naming exactly the other members with their signed sizes and hashes — and returns an
:class:`IncomingCase`: what the import preview shows (masked) and ``import_data``, the
case-import object that :func:`storage.case_import.reader.import_cases` validates field by field
when the caseworker accepts. Names the sender withheld become :data:`WITHHELD_NAME`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storage.case_import.reader import (
    FORMAT,
    MAX_FILE_BYTES,
    SUPPORTED,
)
from storage.casefile.protection import initials
from storage.errors import ValidationError
from storage.records.case import MASK
from storage.records.enums import (
    CaseType,
    GroupRelation,
    ProtectionLevel,
)
from sync.bundle.manifest import Manifest
from sync.handover.errors import HandoverContentError
from sync.handover.sections import (
    AGREEMENTS,
    CARE,
    CASE_MEMBER,
    CONSENTS,
    DECISIONS,
    FOLLOW_UPS,
    HANDOVER_FORMAT,
    INTERVENTIONS,
    JOURNAL,
    NEEDS,
    NETWORK,
    OVERVIEW,
    PERSONS,
    PLACEMENTS,
    RELATIVES,
    REQUIRED_SECTIONS,
    SECTIONS,
    THREAT,
)
from sync.wire.fields import strict_json

#: Stored as the name of a person whose name the sender withheld (initials show "?").
WITHHELD_NAME = MASK
_TOP = {
    "format",
    "version",
    "groups",
    "group_relations",
    "providers",
    "methods",
    "cases",
    "handover",
}
_FRAME = {
    "format",
    "version",
    "case_ref",
    "case_status",
    "opened_on",
    "sections",
    "protected_included",
    "fictitious_included",
    "withheld",
    "documents",
}
_DOC = {"member", "title", "filename", "added_by", "added_at", "size", "sha256"}
#: case.json key -> the section it belongs to.
_KEYS = {
    "case_type": OVERVIEW,
    "home_municipality": OVERVIEW,
    "stay_municipality": OVERVIEW,
    "person": PERSONS,
    "relatives": RELATIVES,
    "consents": CONSENTS,
    "agreements": AGREEMENTS,
    "threat_assessments": THREAT,
    "network_links": NETWORK,
    "interventions": INTERVENTIONS,
    "placements": PLACEMENTS,
    "journal": JOURNAL,
    "follow_ups": FOLLOW_UPS,
    "needs_assessments": NEEDS,
    "care_contacts": CARE,
    "sips": CARE,
    "decisions": DECISIONS,
}


@dataclass(frozen=True)
class IncomingDocument:
    member: str
    title: str
    filename: str
    added_by: str | None
    added_at: str | None
    size: int


@dataclass(frozen=True)
class IncomingCase:
    import_data: dict[str, Any]
    case_ref: str
    case_status: str
    opened_on: str
    sections: tuple[str, ...]
    protected_included: bool
    fictitious_included: bool
    withheld_names: int
    withheld_addresses: int
    withheld_fictitious: int
    documents: tuple[IncomingDocument, ...]
    case_type: CaseType
    protection_level: ProtectionLevel
    label: str  # masked, like a case list row: the sender's case number (+ initials, year)
    counts: dict[str, int]  # case.json list -> number of records
    groups: tuple[str, ...]
    group_relations: tuple[tuple[str, str, str], ...]


def _fail(detail: str) -> HandoverContentError:
    return HandoverContentError(detail=detail)


def _dict(value: object, detail: str, allowed: set[str] | None = None) -> dict[str, Any]:
    if not isinstance(value, dict) or (allowed is not None and not set(value) <= allowed):
        raise _fail(detail)
    return value


def _list(value: object, detail: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise _fail(detail)
    return value


def _text(value: object, detail: str) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > 1000:
        raise _fail(detail)
    return value


def _documents(frame: dict[str, Any], manifest: Manifest) -> tuple[IncomingDocument, ...]:
    members = [m for m in manifest.members if m.name != CASE_MEMBER]
    listed = _list(frame.get("documents"), "handover.documents")
    if len(listed) != len(members) or (
        manifest.members and manifest.members[0].name != CASE_MEMBER
    ):
        raise _fail("handover.documents")
    out = []
    for item, member in zip(listed, members, strict=True):
        d = _dict(item, "handover.documents", _DOC)
        if (d.get("member"), d.get("size"), d.get("sha256")) != (
            member.name,
            member.size,
            member.sha256,
        ):
            raise _fail("handover.documents")
        added_by, added_at = d.get("added_by"), d.get("added_at")
        out.append(
            IncomingDocument(
                member.name,
                _text(d.get("title"), "handover.documents.title"),
                _text(d.get("filename"), "handover.documents.filename"),
                added_by if isinstance(added_by, str) else None,
                added_at if isinstance(added_at, str) else None,
                member.size,
            )
        )
    return tuple(out)


def _persons(case: dict[str, Any]) -> None:
    """Fill withheld names in place."""
    people = [_dict(case.get("person"), "cases[0].person")]
    people += [_dict(r, "cases[0].relatives") for r in _list(case.get("relatives"), "relatives")]
    for person in people:
        if "name" not in person:
            if "personnummer" in person:
                raise _fail("cases[0].person")
            person["name"] = WITHHELD_NAME


Relations = tuple[tuple[str, str, str], ...]


def _registers(top: dict[str, Any], case: dict[str, Any]) -> tuple[tuple[str, ...], Relations]:
    names = [
        _dict(link, "network_links").get("group")
        for link in _list(case.get("network_links"), "network_links")
    ]
    group_names = tuple(dict.fromkeys(n for n in names if isinstance(n, str) and n.strip()))
    relations = []
    for item in _list(top.get("group_relations"), "group_relations"):
        rel = _dict(item, "group_relations")
        try:
            kind = GroupRelation.parse(rel.get("relation"), "relation").value
        except ValidationError:
            raise _fail("group_relations") from None
        relations.append(
            (
                _text(rel.get("group_a"), "group_relations"),
                _text(rel.get("group_b"), "group_relations"),
                kind,
            )
        )
    return group_names, tuple(relations)


def read_incoming_case(
    untrusted: bytes, manifest: Manifest, sender_municipality: str
) -> IncomingCase:
    """Check ``case.json`` of a verified handover bundle; see the module docstring."""
    if len(untrusted) > MAX_FILE_BYTES:
        raise _fail("size")
    top = _dict(strict_json(untrusted, HandoverContentError), "JSON", _TOP)
    version = top.get("version")
    if top.get("format") != FORMAT or type(version) is not int or version not in SUPPORTED:
        raise _fail("format")
    if version < 2 and "methods" in top:
        raise _fail("methods")
    frame = _dict(top.get("handover"), "handover", _FRAME)
    if frame.get("format") != HANDOVER_FORMAT or frame.get("version") != 1:
        raise _fail("handover.format")
    if frame.get("case_ref") != manifest.case_ref:
        raise _fail("handover.case_ref")
    sections = _list(frame.get("sections"), "handover.sections")
    if not set(REQUIRED_SECTIONS) <= set(sections) or not set(sections) <= set(SECTIONS):
        raise _fail("handover.sections")
    cases = _list(top.get("cases"), "cases")
    if len(cases) != 1:
        raise _fail("cases")
    case = _dict(cases[0], "cases[0]", set(_KEYS))
    if any(_KEYS[key] not in sections for key in case):
        raise _fail("cases[0]: content outside the listed sections")
    withheld = _dict(
        frame.get("withheld"), "handover.withheld", {"names", "addresses", "fictitious_identities"}
    )
    counts = [withheld.get(k, 0) for k in ("names", "addresses", "fictitious_identities")]
    if any(type(n) is not int or n < 0 for n in counts):
        raise _fail("handover.withheld")
    flags = (frame.get("protected_included"), frame.get("fictitious_included"))
    if any(type(f) is not bool for f in flags):
        raise _fail("handover.protected_included")
    docs = _documents(frame, manifest)
    groups, relations = _registers(top, case)
    _persons(case)
    person = case["person"]
    try:
        kind = CaseType.parse(case.get("case_type"), "case_type")
        level = ProtectionLevel.parse(person.get("protection_level", "none"), "protection_level")
    except ValidationError:
        raise _fail("cases[0].case_type") from None
    label = manifest.case_ref
    if not level.hides_label:
        year = person.get("birth_year")
        parts = [label, initials(person["name"]) if person["name"] != WITHHELD_NAME else MASK]
        label = " · ".join([*parts, str(year)] if isinstance(year, int) else parts)
    case["referral_source"] = f"Överlämnat från {sender_municipality}"[:200]
    data = {k: v for k, v in top.items() if k != "handover"}
    return IncomingCase(
        data,
        manifest.case_ref,
        str(frame.get("case_status", "")),
        str(frame.get("opened_on", "")),
        tuple(s for s in SECTIONS if s in sections),
        bool(flags[0]),
        bool(flags[1]),
        counts[0],
        counts[1],
        counts[2],
        docs,
        kind,
        level,
        label,
        {k: len(v) for k, v in case.items() if isinstance(v, list)},
        groups,
        relations,
    )
