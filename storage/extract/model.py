"""What an extract is made of: the request (sections, period, recipient, reason, decisions)
and the result (per case, sections of blocks of lines, each shown, masked or withheld).

Texts the extract prints are English source strings marked ``QT_TRANSLATE_NOOP("Extract",
...)``: the core never translates; the renderer (ui/extract/render.py) does. Values from the
case file (dates, the domain's Swedish labels, journal text) are printed as they are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from storage.errors import QT_TRANSLATE_NOOP

MASKED = "—"  # what a masked or missing value prints as


class Decision(StrEnum):
    INCLUDE = "include"
    MASK = "mask"
    WITHHOLD = "withhold"


class Status(StrEnum):
    SHOWN = "shown"
    MASKED = "masked"
    WITHHELD = "withheld"


#: The sections an extract can hold, in the order they are printed, with their headings.
SECTIONS: dict[str, str] = {
    "case": QT_TRANSLATE_NOOP("Extract", "The case"),
    "persons": QT_TRANSLATE_NOOP("Extract", "Persons"),
    "consents": QT_TRANSLATE_NOOP("Extract", "Consents"),
    "agreements": QT_TRANSLATE_NOOP("Extract", "Agreements and conditions"),
    "threats": QT_TRANSLATE_NOOP("Extract", "Threat assessments"),
    "network": QT_TRANSLATE_NOOP("Extract", "Network links"),
    "interventions": QT_TRANSLATE_NOOP("Extract", "Interventions"),
    "partners": QT_TRANSLATE_NOOP("Extract", "Partners"),
    "placements": QT_TRANSLATE_NOOP("Extract", "Placements"),
    "journal": QT_TRANSLATE_NOOP("Extract", "Journal"),
    "documents": QT_TRANSLATE_NOOP("Extract", "Documents"),
    "follow_ups": QT_TRANSLATE_NOOP("Extract", "Follow-ups"),
}

#: Kinds of item that need a sekretessprövning, with their names, whether the item is a
#: protected field (read through the audited reveal when included), and the default
#: decision with its default ground (by label) — the safe choice, shown for review.
ITEM_KINDS: dict[str, tuple[str, bool, Decision, str | None]] = {
    "subject_identity": (
        QT_TRANSLATE_NOOP("Extract", "Name and personnummer of the person the extract is about"),
        True,
        Decision.MASK,
        "OSL 21 kap. 3 §",
    ),
    "third_party": (
        QT_TRANSLATE_NOOP("Extract", "Another person (närstående, third party)"),
        True,
        Decision.MASK,
        "OSL 26 kap. 1 §",
    ),
    "partner": (
        QT_TRANSLATE_NOOP("Extract", "An external contact (samverkanspart): name and how to reach"),
        False,
        Decision.MASK,
        "OSL 26 kap. 1 §",
    ),
    "new_identity": (
        QT_TRANSLATE_NOOP("Extract", "Fictitious identity"),
        True,
        Decision.WITHHOLD,
        "OSL 21 kap. 3 §",
    ),
    "placement": (
        QT_TRANSLATE_NOOP("Extract", "Placement: municipality and protected address"),
        True,
        Decision.WITHHOLD,
        "OSL 21 kap. 3 §",
    ),
    "referral_source": (
        QT_TRANSLATE_NOOP("Extract", "Who referred the case (reporter)"),
        False,
        Decision.WITHHOLD,
        "OSL 26 kap. 5 §",
    ),
    "threat": (
        QT_TRANSLATE_NOOP("Extract", "Threat assessment (source and summary)"),
        False,
        Decision.INCLUDE,
        None,
    ),
    "journal": (
        QT_TRANSLATE_NOOP("Extract", "Journal entry"),
        False,
        Decision.INCLUDE,
        None,
    ),
}


@dataclass(frozen=True)
class Choice:
    decision: Decision
    ground_id: int | None = None


@dataclass(frozen=True)
class ReviewItem:
    """Something in the extract that needs a decision. ``label`` is safe to show before
    anything is revealed (kind, dates, relation, author — never a name or an address)."""

    key: str  # "<kind>:<record id>"
    kind: str
    case_id: int
    case_number: str
    label: str
    default: Decision
    default_ground: str | None


@dataclass(frozen=True)
class ExtractRequest:
    case_ids: tuple[int, ...]
    sections: tuple[str, ...]
    recipient: str
    reason: str
    start: dt.date | None = None
    end: dt.date | None = None
    choices: Mapping[str, Choice] = field(default_factory=dict)
    #: ``case`` (utdrag ur personakt) or ``register`` (registerutdrag, GDPR art. 15).
    kind: str = "case"
    #: The persons the extract is about; every other person is a third party. Empty: the
    #: principal of each case.
    subject_person_ids: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Line:
    label: str  # source string, context "Extract"
    value: str
    status: Status = Status.SHOWN
    ground: str | None = None


@dataclass(frozen=True)
class Block:
    heading: str  # a value (a date, a label) — printed as it is
    lines: tuple[Line, ...] = ()
    body: str | None = None  # long text (a journal entry), printed as it is
    status: Status = Status.SHOWN
    ground: str | None = None
    kind_label: str | None = None  # source string naming what was withheld


@dataclass(frozen=True)
class Section:
    code: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class CaseExtract:
    case_id: int
    case_number: str
    sections: tuple[Section, ...]


@dataclass(frozen=True)
class Extract:
    kind: str
    recipient: str
    reason: str
    actor: str
    created_at: str  # UTC
    start: dt.date | None
    end: dt.date | None
    sections: tuple[str, ...]
    cases: tuple[CaseExtract, ...]
    #: per item kind: {"include": n, "mask": n, "withhold": n} — what the audit entry lists.
    decisions: dict[str, dict[str, int]]
    grounds: tuple[str, ...]  # labels of the grounds cited, in order of first use

    @property
    def case_numbers(self) -> tuple[str, ...]:
        return tuple(c.case_number for c in self.cases)
