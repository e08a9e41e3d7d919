"""The sections a handover can carry, which are always sent and which are chosen by default,
the bundle member names, and the protection rule (docs/handover.md)."""

from __future__ import annotations

from collections.abc import Iterable

from storage.records.enums import ProtectionLevel
from sync.handover.errors import UnknownSectionError

HANDOVER_FORMAT = "utvag-handover"
OVERVIEW, PERSONS, RELATIVES, CONSENTS = "overview", "persons", "relatives", "consents"
AGREEMENTS, THREAT, NETWORK, INTERVENTIONS = "agreements", "threat", "network", "interventions"
PLACEMENTS, JOURNAL, DOCUMENTS, FOLLOW_UPS = "placements", "journal", "documents", "follow_ups"
DECISIONS, NEEDS, CARE = "decisions", "needs", "care"
#: Section code -> Swedish label, in the order they are shown and written.
SECTIONS: dict[str, str] = {
    OVERVIEW: "översikt (ärendetyp, kommuner)",
    PERSONS: "huvudperson",
    RELATIVES: "närstående",
    CONSENTS: "samtycken",
    AGREEMENTS: "överenskommelser och villkor",
    THREAT: "hotbedömningar",
    NETWORK: "nätverkskopplingar",
    INTERVENTIONS: "insatser",
    DECISIONS: "beslut",
    NEEDS: "behovsbedömningar",
    CARE: "psykiatri, beroendevård och SIP",
    PLACEMENTS: "placeringar",
    JOURNAL: "journal",
    DOCUMENTS: "handlingar",
    FOLLOW_UPS: "uppföljningar",
}
REQUIRED_SECTIONS = (OVERVIEW, PERSONS)
DEFAULT_SECTIONS = (
    *REQUIRED_SECTIONS,
    RELATIVES,
    CONSENTS,
    AGREEMENTS,
    THREAT,
    NETWORK,
    INTERVENTIONS,
    DECISIONS,
    NEEDS,
)
DOCUMENT_MEMBER = "documents/{:04d}.bin"
CASE_MEMBER = "case.json"


def parse_sections(chosen: Iterable[str] | None) -> tuple[str, ...]:
    """Canonical order, the required sections always in; unknown names refused."""
    wanted = set(DEFAULT_SECTIONS if chosen is None else chosen)
    for name in wanted:
        if name not in SECTIONS:
            raise UnknownSectionError(name=str(name)[:40], choices=", ".join(SECTIONS))
    return tuple(s for s in SECTIONS if s in wanted or s in REQUIRED_SECTIONS)


def is_protected(level: ProtectionLevel) -> bool:
    """Name and personnummer are protected fields from sekretessmarkering upwards."""
    return level.rank >= ProtectionLevel.CONFIDENTIALITY_MARKING.rank
