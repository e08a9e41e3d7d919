"""Read models of the case itself: the case, its masked summary, persons, journal, documents.

Protected fields (name, personnummer, protected address, fictitious identity) are never
part of these records; they are read one at a time with :func:`storage.casefile.protection.reveal`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from storage.records.enums import (
    CaseStatus,
    CaseType,
    EntryType,
    Gender,
    Outcome,
    PersonRole,
    ProtectionLevel,
)

MASK = "••"


@dataclass(frozen=True)
class Case:
    """Ärende."""

    id: int
    case_number: str
    case_type: CaseType
    status: CaseStatus
    outcome: Outcome | None
    home_municipality: str  # bosättningskommun
    stay_municipality: str | None  # vistelsekommun
    caseworker: str  # ansvarig handläggare
    referral_source: str | None  # aktualiserad av
    opened_on: dt.date
    closed_on: dt.date | None
    gallring_exempt: bool
    gallring_exempt_reason: str | None
    demo: bool
    created_at: str
    updated_at: str

    @property
    def is_closed(self) -> bool:
        return self.status.is_terminal


@dataclass(frozen=True)
class CaseSummary:
    """One row of a case list or search result: masked, safe to show without a reveal.

    ``initials`` and ``birth_year`` are ``None`` when the principal's protection level is
    skyddad folkbokföring or fingerade personuppgifter (or there is no principal yet).
    """

    case_id: int
    case_number: str
    case_type: CaseType
    status: CaseStatus
    protection_level: ProtectionLevel
    initials: str | None
    birth_year: int | None
    caseworker: str
    opened_on: dt.date
    closed_on: dt.date | None
    demo: bool = False
    has_person: bool = True  # False while the case has no principal person yet
    team_role: str | None = None  # this laptop's role when the case is shared (docs/sync.md)

    @property
    def label(self) -> str:
        """``UV-2026-0001 · A.S. · 1994`` — or only the case number under strong protection."""
        if self.initials is None and self.birth_year is None:
            return self.case_number
        parts = [self.case_number, self.initials or MASK]
        if self.birth_year is not None:
            parts.append(str(self.birth_year))
        return " · ".join(parts)


@dataclass(frozen=True)
class Person:
    """Person (huvudperson) or närstående, masked: no name, no personnummer."""

    id: int
    case_id: int
    role: PersonRole
    birth_year: int | None
    gender: Gender
    language: str | None
    protection_level: ProtectionLevel
    id_kind: str | None  # "personnummer", "samordningsnummer" or None
    relation: str | None  # närstående: relation to the principal
    accompanying_child: bool  # medföljande barn
    has_fictitious_identity: bool


@dataclass(frozen=True)
class JournalEntry:
    """One version of a journalanteckning."""

    id: int
    case_id: int
    original_id: int  # the first version's id (its own id for a first version)
    corrects_id: int | None  # the version this one replaces
    version: int
    author: str
    written_at: str  # UTC, YYYY-MM-DDTHH:MM:SSZ
    text: str
    correction_reason: str | None
    imported: bool
    erroneous_by: str | None
    erroneous_at: str | None
    erroneous_reason: str | None
    entry_type: EntryType = EntryType.OTHER  # anteckningstyp
    event_date: dt.date | None = None  # händelsedatum; None on entries older than schema 6

    @property
    def is_erroneous(self) -> bool:
        return self.erroneous_at is not None

    @property
    def event_on(self) -> dt.date:
        """The day the entry is about: its event date, else the day it was written (UTC)."""
        return self.event_date or dt.date.fromisoformat(self.written_at[:10])


@dataclass(frozen=True)
class JournalDraft:
    """Utkast: a journal entry not yet signed; editable by its author, outside the journal."""

    id: int
    case_id: int
    author: str
    entry_type: EntryType
    event_date: dt.date | None
    text: str
    created_at: str
    updated_at: str


@dataclass(frozen=True)
class JournalTemplate:
    """Mall: a starting text for a journal entry of one type."""

    id: int
    entry_type: EntryType
    name: str
    text: str


@dataclass(frozen=True)
class JournalThread:
    """An entry as it reads now, with every earlier version (oldest first) still readable."""

    current: JournalEntry
    earlier: tuple[JournalEntry, ...] = field(default_factory=tuple)

    @property
    def original_id(self) -> int:
        return self.current.original_id

    @property
    def is_corrected(self) -> bool:
        return bool(self.earlier)

    @property
    def is_erroneous(self) -> bool:
        return any(v.is_erroneous for v in (self.current, *self.earlier))


@dataclass(frozen=True)
class Document:
    """Handling: metadata; the content is read with
    :func:`storage.casefile.documents.document_content`."""

    id: int
    case_id: int
    title: str
    filename: str
    media_type: str
    size: int
    sha256: str
    added_by: str
    added_at: str
