"""The vocabularies and read models of a case's needs and plan: needs assessments (behovs-
bedömning), contacts with psychiatry and addiction care, SIP (samordnad individuell plan),
decisions (beslut) with their provisions (lagrum) and appeals, the method register and the
reason a case ended (avslutsorsak).

Codes in English, Swedish labels as data (the rule of :mod:`storage.records.enums`). The scale
of a needs rating is :class:`NeedLevel`, 0 (inget behov) to 4 (akut behov); a domain rated
:data:`HIGH_NEED` or more is a high need. :data:`DOMAIN_INTERVENTIONS` says which
intervention types meet a need of each domain (the case overview points out a high need
that none meets, nor a running SIP, nor for health a care contact: docs/knowledge.md).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from storage.records.enums import Choice, InterventionType, _labelled


class NeedDomain(Choice):
    HOUSING = "housing"
    FINANCES = "finances"
    OCCUPATION = "occupation"
    EDUCATION = "education"
    SUBSTANCE_USE = "substance_use"
    MENTAL_HEALTH = "mental_health"
    PHYSICAL_HEALTH = "physical_health"
    FAMILY = "family"
    CRIMINALITY = "criminality"
    SAFETY = "safety"


_labelled(
    NeedDomain,
    {
        "housing": "boende",
        "finances": "försörjning och skulder",
        "occupation": "sysselsättning",
        "education": "utbildning",
        "substance_use": "missbruk",
        "mental_health": "psykisk hälsa",
        "physical_health": "fysisk hälsa",
        "family": "familj och relationer",
        "criminality": "kriminellt nätverk och kriminalitet",
        "safety": "säkerhet och hot",
    },
)


class NeedLevel(Choice):
    """The documented scale of a needs rating (0-4); :attr:`score` orders it."""

    NONE = "none"
    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"
    ACUTE = "acute"

    @property
    def score(self) -> int:
        return _SCORES[self.value]

    @property
    def is_high(self) -> bool:
        return self.score >= HIGH_NEED


_SCORES = {m.value: i for i, m in enumerate(NeedLevel)}
#: A rating of this score or more is a high need (stort or akut behov).
HIGH_NEED = 3
_labelled(
    NeedLevel,
    {
        "none": "inget behov",
        "low": "litet behov",
        "moderate": "måttligt behov",
        "high": "stort behov",
        "acute": "akut behov",
    },
)


class AssessmentOccasion(Choice):
    INTAKE = "intake"
    REASSESSMENT = "reassessment"
    FOLLOW_UP = "follow_up"
    CLOSING = "closing"


_labelled(
    AssessmentOccasion,
    {
        "intake": "vid inskrivning",
        "reassessment": "ny bedömning",
        "follow_up": "vid uppföljning",
        "closing": "vid avslut",
    },
)


class CareKind(Choice):
    PSYCHIATRY = "psychiatry"
    ADDICTION_CARE = "addiction_care"
    OTHER_HEALTH = "other_health"


_labelled(
    CareKind,
    {
        "psychiatry": "psykiatri",
        "addiction_care": "beroendevård",
        "other_health": "annan hälso- och sjukvård",
    },
)


class SipLead(Choice):
    """Who has the overall responsibility for a SIP (huvudansvar)."""

    MUNICIPALITY = "municipality"
    REGION = "region"


_labelled(SipLead, {"municipality": "kommunen", "region": "regionen"})


class DecisionOutcome(Choice):
    GRANTED = "granted"
    PARTLY_GRANTED = "partly_granted"
    REFUSED = "refused"


_labelled(
    DecisionOutcome,
    {"granted": "beviljat", "partly_granted": "delvis beviljat", "refused": "avslag"},
)


class AppealOutcome(Choice):
    REJECTED = "rejected"
    CHANGED = "changed"
    RETURNED = "returned"
    DISMISSED = "dismissed"
    WITHDRAWN = "withdrawn"


_labelled(
    AppealOutcome,
    {
        "rejected": "överklagandet avslogs",
        "changed": "beslutet ändrades",
        "returned": "återförvisat till nämnden",
        "dismissed": "överklagandet avvisades",
        "withdrawn": "överklagandet återkallades",
    },
)


class EvidenceLevel(Choice):
    RESEARCH_SUPPORT = "research_support"
    PROMISING = "promising"
    INSUFFICIENT = "insufficient"
    NOT_ASSESSED = "not_assessed"


_labelled(
    EvidenceLevel,
    {
        "research_support": "stöd i forskning",
        "promising": "lovande",
        "insufficient": "otillräckligt underlag",
        "not_assessed": "ej bedömd",
    },
)


class EndReason(Choice):
    """Why a case ended (avslutsorsak), beside its outcome."""

    PLAN_COMPLETED = "plan_completed"
    NO_LONGER_NEEDED = "no_longer_needed"
    PERSON_ENDED = "person_ended"
    RETURNED_TO_CRIME = "returned_to_crime"
    CONDITIONS_BROKEN = "conditions_broken"
    MOVED = "moved"
    DECEASED = "deceased"
    OTHER = "other"


_labelled(
    EndReason,
    {
        "plan_completed": "insatserna genomförda enligt plan",
        "no_longer_needed": "behovet av stöd och skydd har upphört",
        "person_ended": "den enskilde avslutade kontakten",
        "returned_to_crime": "återgång till kriminell miljö",
        "conditions_broken": "villkor brutna",
        "moved": "flyttat till annan kommun",
        "deceased": "avliden",
        "other": "annan orsak",
    },
)

_I = InterventionType
#: The intervention types that meet a need of each domain.
DOMAIN_INTERVENTIONS: dict[NeedDomain, frozenset[InterventionType]] = {
    NeedDomain.HOUSING: frozenset({_I.PROTECTED_HOUSING, _I.EMERGENCY_HOUSING}),
    NeedDomain.FINANCES: frozenset({_I.FINANCIAL_AID, _I.DEBT_RESTRUCTURING, _I.TRUSTEE}),
    NeedDomain.OCCUPATION: frozenset({_I.OCCUPATION}),
    NeedDomain.EDUCATION: frozenset({_I.OCCUPATION}),
    NeedDomain.SUBSTANCE_USE: frozenset({_I.ADDICTION_TREATMENT, _I.DRUG_TESTING}),
    NeedDomain.MENTAL_HEALTH: frozenset({_I.PSYCHIATRY, _I.COUNSELLING}),
    NeedDomain.PHYSICAL_HEALTH: frozenset(),
    NeedDomain.FAMILY: frozenset({_I.COUNSELLING, _I.CONTACT_PERSON}),
    NeedDomain.CRIMINALITY: frozenset({_I.COUNSELLING, _I.CONTACT_PERSON, _I.TATTOO_REMOVAL}),
    NeedDomain.SAFETY: frozenset(
        {_I.PROTECTED_HOUSING, _I.EMERGENCY_HOUSING, _I.RELOCATION_SUPPORT}
    ),
}
#: The kinds of care contact that meet a need of a health domain.
DOMAIN_CARE: dict[NeedDomain, frozenset[CareKind]] = {
    NeedDomain.SUBSTANCE_USE: frozenset({CareKind.ADDICTION_CARE}),
    NeedDomain.MENTAL_HEALTH: frozenset({CareKind.PSYCHIATRY}),
    NeedDomain.PHYSICAL_HEALTH: frozenset({CareKind.OTHER_HEALTH}),
}


# ---------------------------------------------------------------- read models


@dataclass(frozen=True)
class NeedRating:
    domain: NeedDomain
    level: NeedLevel
    note: str | None


@dataclass(frozen=True)
class NeedsAssessment:
    """Behovsbedömning: every domain rated on the scale, by whom and when."""

    id: int
    case_id: int
    assessed_on: dt.date
    occasion: AssessmentOccasion
    assessed_by: str
    next_review_on: dt.date | None
    note: str | None
    ratings: tuple[NeedRating, ...]
    created_at: str

    def level(self, domain: NeedDomain) -> NeedLevel | None:
        return next((r.level for r in self.ratings if r.domain is domain), None)

    @property
    def high(self) -> tuple[NeedDomain, ...]:
        return tuple(r.domain for r in self.ratings if r.level.is_high)


@dataclass(frozen=True)
class UnmetNeed:
    """A high need of the latest assessment that no running intervention, SIP or care
    contact meets."""

    domain: NeedDomain
    level: NeedLevel
    assessed_on: dt.date


@dataclass(frozen=True)
class CareContact:
    """A contact with psychiatry or addiction care, with its referral (remiss)."""

    id: int
    case_id: int
    kind: CareKind
    region: str
    unit: str
    contact_person: str | None
    started_on: dt.date
    ended_on: dt.date | None
    referral_sent_on: dt.date | None
    referral_answered_on: dt.date | None
    referral_answer: str | None
    notes: str | None

    @property
    def referral_waiting(self) -> bool:
        return self.referral_sent_on is not None and self.referral_answered_on is None


@dataclass(frozen=True)
class SipAction:
    id: int
    sip_id: int
    action: str
    responsible: str
    due_on: dt.date | None
    done_on: dt.date | None


@dataclass(frozen=True)
class Sip:
    """Samordnad individuell plan: who took part, who leads, what each does, the next
    follow-up, and the person's consent."""

    id: int
    case_id: int
    held_on: dt.date
    consent_on: dt.date
    lead: SipLead
    lead_name: str | None
    participants: tuple[str, ...]
    follow_up_on: dt.date | None
    followed_up_on: dt.date | None
    ended_on: dt.date | None
    notes: str | None
    actions: tuple[SipAction, ...]

    @property
    def running(self) -> bool:
        return self.ended_on is None


@dataclass(frozen=True)
class Provision:
    """Lagrum in the provision register: a law's chapter and section (``reference``, empty
    when it has not been checked), with its source and the date it was checked."""

    id: int
    code: str
    law: str
    reference: str | None
    title: str
    source: str
    source_date: dt.date | None
    note: str | None
    active: bool

    @property
    def text(self) -> str:
        """``Socialtjänstlag (2025:400), …`` as a decision names it."""
        where = f" {self.reference}" if self.reference else ""
        return f"{self.law}{where} – {self.title}"


@dataclass(frozen=True)
class Decision:
    """One version of a beslut: signed by its author when recorded, never changed after
    (a correction is a new version; only the notification date can be added once)."""

    id: int
    case_id: int
    original_id: int
    corrects_id: int | None
    version: int
    provision_id: int
    outcome: DecisionOutcome
    subject: str
    intervention_type: InterventionType | None
    reasons: str | None
    decided_by: str
    delegation: str
    decided_on: dt.date
    notified_on: dt.date | None
    appeal_info: bool
    signed_by: str
    signed_at: str
    correction_reason: str | None
    provision_text: str = ""  # the provision as it read when this version was signed
    imported: bool = False  # from another system or municipality, with its signer and time


@dataclass(frozen=True)
class Appeal:
    """An appeal of a decision (överklagande) and its outcome once decided."""

    id: int
    decision_id: int  # the decision's first version (its thread)
    lodged_on: dt.date
    court: str | None
    outcome: AppealOutcome | None
    outcome_on: dt.date | None
    note: str | None


@dataclass(frozen=True)
class DecisionThread:
    """A decision as it reads now, its earlier versions and its appeals."""

    current: Decision
    earlier: tuple[Decision, ...]
    appeals: tuple[Appeal, ...]

    @property
    def original_id(self) -> int:
        return self.current.original_id


@dataclass(frozen=True)
class Method:
    """A method in the method register; ``code`` is its stable name across stores."""

    id: int
    code: str
    name: str
    description: str | None
    target_group: str | None
    evidence_level: EvidenceLevel
    evidence_source: str | None
    origin: str  # "shipped", "local" or "imported"
    updated_at: str


@dataclass(frozen=True)
class CaseEnding:
    """Avslutsorsak of a closed or handed-over case."""

    case_id: int
    reason: EndReason
    note: str | None
    recorded_by: str
    recorded_at: str
