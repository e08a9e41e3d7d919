"""Read models of the other parts of a case file and of the shared registers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from storage.records.enums import (
    Environment,
    FollowUpKind,
    Funding,
    GroupRelation,
    InterventionType,
    LegalBasis,
    PartnerKind,
    ProviderKind,
    RelocationTaskKind,
    ReminderKind,
    ThreatLevel,
)


@dataclass(frozen=True)
class Group:
    """A group in the group register (gruppregister)."""

    id: int
    name: str
    environment: Environment
    area: str | None
    notes: str | None


@dataclass(frozen=True)
class GroupLink:
    """How two groups relate: samma, allierad, rivaliserande."""

    group_a: int
    group_b: int
    relation: GroupRelation
    noted_on: dt.date | None


@dataclass(frozen=True)
class Provider:
    """Utförare in the provider register."""

    id: int
    name: str
    kind: ProviderKind
    org_number: str | None
    municipality: str | None


@dataclass(frozen=True)
class Consent:
    """Samtycke: which agencies and municipalities it covers."""

    id: int
    case_id: int
    person_id: int | None
    agencies: tuple[str, ...]
    municipalities: tuple[str, ...]
    signed_on: dt.date
    expires_on: dt.date | None
    revoked_on: dt.date | None
    revoked_reason: str | None

    def is_valid_on(self, day: dt.date) -> bool:
        if day < self.signed_on:
            return False
        if self.revoked_on is not None and day >= self.revoked_on:
            return False
        return self.expires_on is None or day <= self.expires_on

    def covers_municipality(self, municipality: str, day: dt.date) -> bool:
        wanted = municipality.casefold()
        return self.is_valid_on(day) and any(m.casefold() == wanted for m in self.municipalities)


@dataclass(frozen=True)
class Breach:
    """Brott mot villkor."""

    id: int
    condition_id: int
    occurred_on: dt.date
    description: str
    consequence: str | None


@dataclass(frozen=True)
class Condition:
    """Villkor in an överenskommelse, with its breaches."""

    id: int
    agreement_id: int
    text: str
    breaches: tuple[Breach, ...]


@dataclass(frozen=True)
class Agreement:
    """Överenskommelse."""

    id: int
    case_id: int
    signed_on: dt.date
    valid_until: dt.date | None
    summary: str | None
    conditions: tuple[Condition, ...]


@dataclass(frozen=True)
class ThreatAssessment:
    """Hotbedömning (usually from the police)."""

    id: int
    case_id: int
    source_unit: str
    assessed_on: dt.date
    level: ThreatLevel
    summary: str
    measures: str | None
    next_review_on: dt.date | None


@dataclass(frozen=True)
class NetworkLink:
    """Nätverkskoppling: environment, group, role."""

    id: int
    case_id: int
    person_id: int | None
    environment: Environment
    group_id: int | None
    role: str | None
    left_on: dt.date | None


@dataclass(frozen=True)
class ProviderControl:
    """Kontroll av utförare while an insats runs."""

    id: int
    intervention_id: int
    planned_on: dt.date
    done_on: dt.date | None
    done_by: str | None
    notes: str | None


@dataclass(frozen=True)
class Intervention:
    """Insats."""

    id: int
    case_id: int
    type: InterventionType
    provider_id: int | None
    started_on: dt.date
    ended_on: dt.date | None
    cost_sek: int | None
    funding: Funding | None
    control_interval_days: int | None
    notes: str | None
    controls: tuple[ProviderControl, ...]
    method_id: int | None = None  # from the method register
    decision_id: int | None = None  # the decision (its first version) it rests on


@dataclass(frozen=True)
class Placement:
    """Placering; the protected address is kept in its own table and read by a reveal."""

    id: int
    case_id: int
    municipality: str
    moved_in_on: dt.date
    moved_out_on: dt.date | None
    has_address: bool


@dataclass(frozen=True)
class FollowUp:
    """Uppföljning."""

    id: int
    case_id: int
    kind: FollowUpKind
    done_on: dt.date
    summary: str
    created_by: str


@dataclass(frozen=True)
class Reminder:
    """A reminder due on a date; ``label`` is the masked case label."""

    kind: ReminderKind
    case_id: int
    due_on: dt.date
    label: str
    ref_id: int | None = None  # the record it is about (assessment, consent, control, ...)
    note: str = ""


@dataclass(frozen=True)
class Handover:
    """Överlämning (the table; the handover workflow lives in sync/)."""

    id: int
    case_id: int
    receiving_municipality: str
    legal_basis: LegalBasis
    consent_id: int | None
    bundle_id: str | None
    bundle_sha256: str | None
    sent_at: str | None
    receipt_at: str | None
    receipt_sha256: str | None
    created_by: str
    created_at: str


@dataclass(frozen=True)
class RelocationTask:
    """One task of a placement's flyttchecklista: what, who, when, done."""

    id: int
    placement_id: int
    case_id: int
    task: RelocationTaskKind
    description: str | None  # what to do, for an "other" task (or a detail)
    responsible: str | None  # vem
    due_on: dt.date | None  # när
    done_on: dt.date | None
    done_by: str | None
    note: str | None

    @property
    def done(self) -> bool:
        return self.done_on is not None


@dataclass(frozen=True)
class Partner:
    """An external contact in the partner register (samverkanspart)."""

    id: int
    kind: PartnerKind
    name: str
    organisation: str | None
    phone: str | None
    email: str | None
    notes: str | None


@dataclass(frozen=True)
class CasePartner:
    """A partner linked to a case, with its role there (e.g. "kontaktpolis")."""

    partner: Partner
    case_id: int
    role: str | None
    linked_by: str
    linked_at: str
