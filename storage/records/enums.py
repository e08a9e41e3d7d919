"""The closed vocabularies of a case file: codes in English, Swedish labels kept as data.

Every enum is a :class:`Choice` (a ``StrEnum``): the value is the stable code stored in the
database and used in the import format; ``.label`` is the Swedish term the UI shows (the UI
may translate it further). ``Choice.parse(value, field)`` turns a code (or a Swedish label,
case-insensitively) into the member, or raises :class:`InvalidChoiceError` naming the field.

:data:`STATUS_TRANSITIONS` is the allowed status flow of a case.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self

from storage.records.errors import InvalidChoiceError

_LABELS: dict[type, dict[str, str]] = {}


class Choice(StrEnum):
    """A code with a Swedish label."""

    @property
    def label(self) -> str:
        return _LABELS[type(self)][self.value]

    @classmethod
    def labels(cls) -> dict[str, str]:
        """Code -> Swedish label, in declaration order (for combo boxes)."""
        return {m.value: m.label for m in cls}

    @classmethod
    def codes(cls) -> list[str]:
        return [m.value for m in cls]

    @classmethod
    def parse(cls, value: object, field: str) -> Self:
        if isinstance(value, cls):
            return value
        if isinstance(value, str):
            text = value.strip()
            for member in cls:
                if text == member.value or text.casefold() == member.label.casefold():
                    return member
        raise InvalidChoiceError(field=field, choices=", ".join(cls.codes()))


def _labelled(cls: type[Choice], labels: dict[str, str]) -> None:
    missing = set(cls.codes()) ^ set(labels)
    if missing:  # pragma: no cover - a programming error caught at import
        raise RuntimeError(f"{cls.__name__}: labels do not match codes: {missing}")
    _LABELS[cls] = labels


class CaseType(Choice):
    DEFECTOR = "defector"
    RELATIVE = "relative"
    YOUNG_AT_RISK = "young_at_risk"


_labelled(
    CaseType,
    {"defector": "avhoppare", "relative": "närstående", "young_at_risk": "ung i riskzon"},
)


class CaseStatus(Choice):
    REFERRED = "referred"
    PRELIMINARY_ASSESSMENT = "preliminary_assessment"
    JOINT_ASSESSMENT = "joint_assessment"
    INVESTIGATION = "investigation"
    DECIDED = "decided"
    EMERGENCY_PROTECTION = "emergency_protection"
    IMPLEMENTATION = "implementation"
    FOLLOW_UP = "follow_up"
    HANDED_OVER = "handed_over"
    CLOSED = "closed"

    @property
    def is_terminal(self) -> bool:
        return self in (CaseStatus.HANDED_OVER, CaseStatus.CLOSED)


_labelled(
    CaseStatus,
    {
        "referred": "aktualiserad",
        "preliminary_assessment": "förhandsbedömning",
        "joint_assessment": "gemensam bedömning",
        "investigation": "utredning",
        "decided": "beslutad",
        "emergency_protection": "akut skydd / flytt",
        "implementation": "genomförande",
        "follow_up": "uppföljning",
        "handed_over": "överlämnad",
        "closed": "avslutad",
    },
)

_S = CaseStatus
#: Allowed moves. Closing (avslutad) is possible from every open status; acute protection
#: (akut skydd / flytt) can interrupt any stage before the follow-up when a threat becomes
#: acute. Överlämnad and avslutad are final: a case that comes back is a new case.
STATUS_TRANSITIONS: dict[CaseStatus, frozenset[CaseStatus]] = {
    _S.REFERRED: frozenset({_S.PRELIMINARY_ASSESSMENT, _S.EMERGENCY_PROTECTION, _S.CLOSED}),
    _S.PRELIMINARY_ASSESSMENT: frozenset(
        {_S.JOINT_ASSESSMENT, _S.INVESTIGATION, _S.EMERGENCY_PROTECTION, _S.CLOSED}
    ),
    _S.JOINT_ASSESSMENT: frozenset({_S.INVESTIGATION, _S.EMERGENCY_PROTECTION, _S.CLOSED}),
    _S.INVESTIGATION: frozenset({_S.DECIDED, _S.EMERGENCY_PROTECTION, _S.CLOSED}),
    _S.DECIDED: frozenset({_S.EMERGENCY_PROTECTION, _S.IMPLEMENTATION, _S.CLOSED}),
    _S.EMERGENCY_PROTECTION: frozenset(
        {_S.INVESTIGATION, _S.DECIDED, _S.IMPLEMENTATION, _S.HANDED_OVER, _S.CLOSED}
    ),
    _S.IMPLEMENTATION: frozenset(
        {_S.EMERGENCY_PROTECTION, _S.FOLLOW_UP, _S.HANDED_OVER, _S.CLOSED}
    ),
    _S.FOLLOW_UP: frozenset({_S.IMPLEMENTATION, _S.HANDED_OVER, _S.CLOSED}),
    _S.HANDED_OVER: frozenset(),
    _S.CLOSED: frozenset(),
}
#: The order in which statuses are shown (and the usual path through a case).
STATUS_ORDER: tuple[CaseStatus, ...] = tuple(CaseStatus)


class Outcome(Choice):
    COMPLETED = "completed"
    DISCONTINUED = "discontinued_by_person"
    CONDITIONS_BROKEN = "conditions_broken"
    NOT_APPLICABLE = "not_applicable"


_labelled(
    Outcome,
    {
        "completed": "fullföljt",
        "discontinued_by_person": "avbrutet av individen",
        "conditions_broken": "villkor brutna",
        "not_applicable": "ej aktuellt",
    },
)


class ProtectionLevel(Choice):
    """Ordered from weakest to strongest; :attr:`rank` compares them."""

    NONE = "none"
    CONFIDENTIALITY_MARKING = "confidentiality_marking"
    PROTECTED_REGISTRATION = "protected_registration"
    FICTITIOUS_IDENTITY = "fictitious_identity"

    @property
    def rank(self) -> int:
        return _LEVEL_RANKS[self.value]

    @property
    def hides_label(self) -> bool:
        """Strong protection: lists show the case number only (no initials, no birth year)."""
        return self.rank >= ProtectionLevel.PROTECTED_REGISTRATION.rank


_LEVEL_RANKS = {m.value: i for i, m in enumerate(ProtectionLevel)}
_labelled(
    ProtectionLevel,
    {
        "none": "ingen",
        "confidentiality_marking": "sekretessmarkering",
        "protected_registration": "skyddad folkbokföring",
        "fictitious_identity": "fingerade personuppgifter",
    },
)


class Gender(Choice):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNKNOWN = "unknown"


_labelled(Gender, {"female": "kvinna", "male": "man", "other": "annat", "unknown": "okänt"})


class PersonRole(Choice):
    PRINCIPAL = "principal"
    RELATIVE = "relative"


_labelled(PersonRole, {"principal": "huvudperson", "relative": "närstående"})


class Environment(Choice):
    CRIMINAL_NETWORK = "criminal_network"
    VIOLENT_EXTREMISM = "violent_extremism"
    HONOUR_CONTEXT = "honour_context"


_labelled(
    Environment,
    {
        "criminal_network": "kriminellt nätverk",
        "violent_extremism": "våldsbejakande extremism",
        "honour_context": "hedersrelaterad miljö",
    },
)


class GroupRelation(Choice):
    SAME = "same"
    ALLIED = "allied"
    RIVAL = "rival"


_labelled(GroupRelation, {"same": "samma", "allied": "allierad", "rival": "rivaliserande"})


class ThreatLevel(Choice):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    VERY_HIGH = "very_high"


_labelled(ThreatLevel, {"low": "låg", "medium": "medel", "high": "hög", "very_high": "mycket hög"})


class InterventionType(Choice):
    PROTECTED_HOUSING = "protected_housing"
    EMERGENCY_HOUSING = "emergency_housing"
    COUNSELLING = "counselling"
    ADDICTION_TREATMENT = "addiction_treatment"
    PSYCHIATRY = "psychiatry"
    FINANCIAL_AID = "financial_aid"
    OCCUPATION = "occupation"
    DEBT_RESTRUCTURING = "debt_restructuring"
    TATTOO_REMOVAL = "tattoo_removal"
    TRUSTEE = "trustee"
    CONTACT_PERSON = "contact_person"
    RELOCATION_SUPPORT = "relocation_support"
    DRUG_TESTING = "drug_testing"
    OTHER = "other"


_labelled(
    InterventionType,
    {
        "protected_housing": "skyddat boende",
        "emergency_housing": "akutboende",
        "counselling": "samtalsstöd",
        "addiction_treatment": "missbruksbehandling",
        "psychiatry": "psykiatri",
        "financial_aid": "ekonomiskt bistånd",
        "occupation": "sysselsättning",
        "debt_restructuring": "skuldsanering",
        "tattoo_removal": "tatueringsborttagning",
        "trustee": "god man",
        "contact_person": "kontaktperson",
        "relocation_support": "flyttstöd",
        "drug_testing": "drogtest",
        "other": "annan insats",
    },
)


class ProviderKind(Choice):
    MUNICIPAL = "municipal"
    PRIVATE = "private"
    NON_PROFIT = "non_profit"

    @property
    def needs_control(self) -> bool:
        """Private and non-profit providers must be controlled while an insats runs."""
        return self is not ProviderKind.MUNICIPAL


_labelled(ProviderKind, {"municipal": "kommunal", "private": "enskild", "non_profit": "idéburen"})


class Funding(Choice):
    MUNICIPAL_BUDGET = "municipal_budget"
    STATE_GRANT = "state_grant"
    OTHER = "other"


_labelled(
    Funding,
    {"municipal_budget": "kommunens budget", "state_grant": "statsbidrag", "other": "annan"},
)


class LegalBasis(Choice):
    """Grounds for handing a case to another municipality."""

    CONSENT = "consent"
    TRANSFER = "transfer"
    REQUEST_FOR_HELP = "request_for_help"


_labelled(
    LegalBasis,
    {
        "consent": "samtycke",
        "transfer": "överflyttning av ärende",
        "request_for_help": "begäran om hjälp",
    },
)


class FollowUpKind(Choice):
    SIX_MONTHS = "six_months"
    TWELVE_MONTHS = "twelve_months"
    OTHER = "other"


_labelled(
    FollowUpKind,
    {
        "six_months": "uppföljning 6 månader",
        "twelve_months": "uppföljning 12 månader",
        "other": "uppföljning",
    },
)


class ReminderKind(Choice):
    THREAT_REVIEW = "threat_review"
    CONSENT_EXPIRING = "consent_expiring"
    PROVIDER_CONTROL = "provider_control"
    FOLLOW_UP = "follow_up"
    GALLRING = "gallring"
    MANUAL = "manual"
    RELOCATION_TASK = "relocation_task"
    NEEDS_REVIEW = "needs_review"
    SIP_FOLLOW_UP = "sip_follow_up"


_labelled(
    ReminderKind,
    {
        "threat_review": "ny hotbedömning",
        "consent_expiring": "samtycke löper ut",
        "provider_control": "kontroll av utförare",
        "follow_up": "uppföljning",
        "gallring": "gallring",
        "manual": "påminnelse",
        "relocation_task": "flyttchecklista",
        "needs_review": "ny behovsbedömning",
        "sip_follow_up": "uppföljning av SIP",
    },
)


class EntryType(Choice):
    """Journal entry type (anteckningstyp)."""

    CONVERSATION = "conversation"
    HOME_VISIT = "home_visit"
    PHONE = "phone"
    NETWORK_MEETING = "network_meeting"
    AUTHORITY_CONTACT = "authority_contact"
    OTHER = "other"


_labelled(
    EntryType,
    {
        "conversation": "samtal",
        "home_visit": "hembesök",
        "phone": "telefon",
        "network_meeting": "nätverksmöte",
        "authority_contact": "myndighetskontakt",
        "other": "övrigt",
    },
)


class PartnerKind(Choice):
    """The kind of an external contact in the partner register (samverkanspart)."""

    POLICE = "police"
    PROBATION = "probation"
    LAWYER = "lawyer"
    SCHOOL = "school"
    EMPLOYER = "employer"
    PSYCHIATRY = "psychiatry"
    OTHER = "other"


_labelled(
    PartnerKind,
    {
        "police": "polisen",
        "probation": "Kriminalvården/frivården",
        "lawyer": "advokat/ombud",
        "school": "skola",
        "employer": "arbetsgivare",
        "psychiatry": "regionpsykiatrin",
        "other": "annan",
    },
)


class RelocationTaskKind(Choice):
    """A task of the relocation checklist (flyttchecklista) of a placement."""

    PROTECTED_REGISTRATION = "protected_registration"
    SCHOOL = "school"
    SOCIAL_INSURANCE = "social_insurance"
    EMPLOYMENT_SERVICE = "employment_service"
    HEALTH_CARE = "health_care"
    POLICE_SECURITY = "police_security"
    HOUSING_PROVIDER = "housing_provider"
    OTHER = "other"


_labelled(
    RelocationTaskKind,
    {
        "protected_registration": "skyddad folkbokföring sökt hos Skatteverket",
        "school": "skola",
        "social_insurance": "Försäkringskassan",
        "employment_service": "Arbetsförmedlingen",
        "health_care": "hälso- och sjukvård",
        "police_security": "polisens personsäkerhetskontakt",
        "housing_provider": "hyresvärd eller boende på nya orten",
        "other": "annan uppgift",
    },
)
