"""Texts for the vocabularies of the handover, follow-up, statistics and grant screens that
ui/kit/labels.py does not carry, with the same rule: an English source text per code (one
translation context per vocabulary) that the Swedish catalogue translates to exactly the
domain's Swedish label (tests/test_ui_stats_backup.py checks that they agree).

:func:`text` takes any :class:`storage.records.enums.Choice`; the case-file vocabularies go
to :func:`ui.kit.labels.label`. :func:`section` names a handover section;
:func:`stat_title` / :func:`stat_row` the statistics tables and their rows (falling back to
the core's Swedish text for anything unknown).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from storage.casework.followup_results import (
    FollowUpStatus,
    Housing,
    Occupation,
    Relapse,
)
from storage.errors import QT_TRANSLATE_NOOP
from storage.records.enums import (
    CaseType,
    Choice,
    Environment,
    Gender,
    InterventionType,
    Outcome,
)
from storage.records.knowledge import (
    AppealOutcome,
    AssessmentOccasion,
    CareKind,
    DecisionOutcome,
    EndReason,
    EvidenceLevel,
    NeedDomain,
    NeedLevel,
    SipLead,
)
from storage.statistics.grants import Criterion
from ui.kit import labels

EXTRA: dict[type[Choice], dict[str, str]] = {
    FollowUpStatus: {
        "stable": QT_TRANSLATE_NOOP("FollowUpStatus", "stable situation"),
        "partly_stable": QT_TRANSLATE_NOOP("FollowUpStatus", "partly stable"),
        "unstable": QT_TRANSLATE_NOOP("FollowUpStatus", "unstable situation"),
        "not_reached": QT_TRANSLATE_NOOP("FollowUpStatus", "not reached"),
    },
    Housing: {
        "own_tenancy": QT_TRANSLATE_NOOP("Housing", "own tenancy"),
        "sublet": QT_TRANSLATE_NOOP("Housing", "sublet"),
        "with_family": QT_TRANSLATE_NOOP("Housing", "with relatives"),
        "supported_housing": QT_TRANSLATE_NOOP("Housing", "supported housing"),
        "protected_housing": QT_TRANSLATE_NOOP("Housing", "protected housing"),
        "institution": QT_TRANSLATE_NOOP("Housing", "institution"),
        "homeless": QT_TRANSLATE_NOOP("Housing", "homeless"),
        "unknown": QT_TRANSLATE_NOOP("Housing", "unknown"),
    },
    Occupation: {
        "employed": QT_TRANSLATE_NOOP("Occupation", "work"),
        "studying": QT_TRANSLATE_NOOP("Occupation", "studies"),
        "labour_market_programme": QT_TRANSLATE_NOOP("Occupation", "labour-market programme"),
        "sick_leave": QT_TRANSLATE_NOOP("Occupation", "on sick leave"),
        "none": QT_TRANSLATE_NOOP("Occupation", "no occupation"),
        "unknown": QT_TRANSLATE_NOOP("Occupation", "unknown"),
    },
    Relapse: {
        "none": QT_TRANSLATE_NOOP("Relapse", "no relapse"),
        "suspected": QT_TRANSLATE_NOOP("Relapse", "suspected relapse"),
        "confirmed": QT_TRANSLATE_NOOP("Relapse", "relapse"),
        "unknown": QT_TRANSLATE_NOOP("Relapse", "unknown"),
    },
    Criterion: {
        "motivation": QT_TRANSLATE_NOOP("Criterion", "motivation to leave the environment"),
        "threat": QT_TRANSLATE_NOOP("Criterion", "threat"),
        "consent": QT_TRANSLATE_NOOP("Criterion", "consent"),
        "signed_conditions": QT_TRANSLATE_NOOP("Criterion", "signed conditions"),
        "not_witness": QT_TRANSLATE_NOOP("Criterion", "not a witness in a pending case"),
        "social_services_decision": QT_TRANSLATE_NOOP("Criterion", "social services' decision"),
    },
    NeedDomain: {
        "housing": QT_TRANSLATE_NOOP("NeedDomain", "housing"),
        "finances": QT_TRANSLATE_NOOP("NeedDomain", "income and debts"),
        "occupation": QT_TRANSLATE_NOOP("NeedDomain", "occupation"),
        "education": QT_TRANSLATE_NOOP("NeedDomain", "education"),
        "substance_use": QT_TRANSLATE_NOOP("NeedDomain", "substance use"),
        "mental_health": QT_TRANSLATE_NOOP("NeedDomain", "mental health"),
        "physical_health": QT_TRANSLATE_NOOP("NeedDomain", "physical health"),
        "family": QT_TRANSLATE_NOOP("NeedDomain", "family and relationships"),
        "criminality": QT_TRANSLATE_NOOP("NeedDomain", "criminal network and crime"),
        "safety": QT_TRANSLATE_NOOP("NeedDomain", "safety and threats"),
    },
    NeedLevel: {
        "none": QT_TRANSLATE_NOOP("NeedLevel", "no need"),
        "low": QT_TRANSLATE_NOOP("NeedLevel", "small need"),
        "moderate": QT_TRANSLATE_NOOP("NeedLevel", "moderate need"),
        "high": QT_TRANSLATE_NOOP("NeedLevel", "great need"),
        "acute": QT_TRANSLATE_NOOP("NeedLevel", "acute need"),
    },
    AssessmentOccasion: {
        "intake": QT_TRANSLATE_NOOP("AssessmentOccasion", "at intake"),
        "reassessment": QT_TRANSLATE_NOOP("AssessmentOccasion", "new assessment"),
        "follow_up": QT_TRANSLATE_NOOP("AssessmentOccasion", "at a follow-up"),
        "closing": QT_TRANSLATE_NOOP("AssessmentOccasion", "at closing"),
    },
    CareKind: {
        "psychiatry": QT_TRANSLATE_NOOP("CareKind", "psychiatry"),
        "addiction_care": QT_TRANSLATE_NOOP("CareKind", "addiction care"),
        "other_health": QT_TRANSLATE_NOOP("CareKind", "other health care"),
    },
    SipLead: {
        "municipality": QT_TRANSLATE_NOOP("SipLead", "the municipality"),
        "region": QT_TRANSLATE_NOOP("SipLead", "the region"),
    },
    DecisionOutcome: {
        "granted": QT_TRANSLATE_NOOP("DecisionOutcome", "granted"),
        "partly_granted": QT_TRANSLATE_NOOP("DecisionOutcome", "partly granted"),
        "refused": QT_TRANSLATE_NOOP("DecisionOutcome", "refused"),
    },
    AppealOutcome: {
        "rejected": QT_TRANSLATE_NOOP("AppealOutcome", "the appeal was rejected"),
        "changed": QT_TRANSLATE_NOOP("AppealOutcome", "the decision was changed"),
        "returned": QT_TRANSLATE_NOOP("AppealOutcome", "returned to the board"),
        "dismissed": QT_TRANSLATE_NOOP("AppealOutcome", "the appeal was dismissed"),
        "withdrawn": QT_TRANSLATE_NOOP("AppealOutcome", "the appeal was withdrawn"),
    },
    EvidenceLevel: {
        "research_support": QT_TRANSLATE_NOOP("EvidenceLevel", "supported by research"),
        "promising": QT_TRANSLATE_NOOP("EvidenceLevel", "promising"),
        "insufficient": QT_TRANSLATE_NOOP("EvidenceLevel", "insufficient evidence"),
        "not_assessed": QT_TRANSLATE_NOOP("EvidenceLevel", "not assessed"),
    },
    EndReason: {
        "plan_completed": QT_TRANSLATE_NOOP("EndReason", "interventions carried out as planned"),
        "no_longer_needed": QT_TRANSLATE_NOOP(
            "EndReason", "the need for support and protection has ended"
        ),
        "person_ended": QT_TRANSLATE_NOOP("EndReason", "the person ended the contact"),
        "returned_to_crime": QT_TRANSLATE_NOOP("EndReason", "returned to a criminal environment"),
        "conditions_broken": QT_TRANSLATE_NOOP("EndReason", "conditions broken"),
        "moved": QT_TRANSLATE_NOOP("EndReason", "moved to another municipality"),
        "deceased": QT_TRANSLATE_NOOP("EndReason", "deceased"),
        "other": QT_TRANSLATE_NOOP("EndReason", "other reason"),
    },
}

SECTIONS = {
    "overview": QT_TRANSLATE_NOOP("Section", "overview (case type, municipalities)"),
    "persons": QT_TRANSLATE_NOOP("Section", "principal person"),
    "relatives": QT_TRANSLATE_NOOP("Section", "relatives"),
    "consents": QT_TRANSLATE_NOOP("Section", "consents"),
    "agreements": QT_TRANSLATE_NOOP("Section", "agreements and conditions"),
    "threat": QT_TRANSLATE_NOOP("Section", "threat assessments"),
    "network": QT_TRANSLATE_NOOP("Section", "network links"),
    "interventions": QT_TRANSLATE_NOOP("Section", "interventions"),
    "decisions": QT_TRANSLATE_NOOP("Section", "decisions"),
    "needs": QT_TRANSLATE_NOOP("Section", "needs assessments"),
    "care": QT_TRANSLATE_NOOP("Section", "psychiatry, addiction care and SIP"),
    "placements": QT_TRANSLATE_NOOP("Section", "placements"),
    "journal": QT_TRANSLATE_NOOP("Section", "journal"),
    "documents": QT_TRANSLATE_NOOP("Section", "documents"),
    "follow_ups": QT_TRANSLATE_NOOP("Section", "follow-ups"),
}

MEASURES = {
    "new": QT_TRANSLATE_NOOP("StatTitle", "New cases"),
    "active": QT_TRANSLATE_NOOP("StatTitle", "Active cases"),
    "closed": QT_TRANSLATE_NOOP("StatTitle", "Closed cases"),
}
DIMENSIONS = {
    "case_type": QT_TRANSLATE_NOOP("StatTitle", "{measure} by case type"),
    "gender": QT_TRANSLATE_NOOP("StatTitle", "{measure} by gender"),
    "age_band": QT_TRANSLATE_NOOP("StatTitle", "{measure} by age group"),
    "environment": QT_TRANSLATE_NOOP("StatTitle", "{measure} by environment"),
    "outcome": QT_TRANSLATE_NOOP("StatTitle", "{measure} by outcome"),
}
TITLES = {
    "interventions.type": QT_TRANSLATE_NOOP(
        "StatTitle", "Cases with an intervention in the period, by type"
    ),
    "relocations.case_type": QT_TRANSLATE_NOOP(
        "StatTitle", "Cases with a move in the period, by case type"
    ),
    "grant_money.type": QT_TRANSLATE_NOOP(
        "StatTitle", "Cost of interventions funded by the state grant (SEK), by type"
    ),
    "grant.criteria": QT_TRANSLATE_NOOP(
        "StatTitle", "The police's criteria for the state grant (number of cases)"
    ),
    "grant.costs": QT_TRANSLATE_NOOP(
        "StatTitle", "Interventions funded by the state grant, started in the period"
    ),
    "new.needs": QT_TRANSLATE_NOOP("StatTitle", "New cases by great need at intake, by domain"),
    "needs.change": QT_TRANSLATE_NOOP(
        "StatTitle", "Active cases: change in needs since intake, by domain"
    ),
    "interventions.method": QT_TRANSLATE_NOOP(
        "StatTitle", "Cases with an intervention in the period, by method"
    ),
    "interventions.evidence": QT_TRANSLATE_NOOP(
        "StatTitle", "Cases with an intervention in the period, by the method's evidence level"
    ),
    "followup.six_months": QT_TRANSLATE_NOOP(
        "StatTitle", "Closed cases: the situation at the 6-month follow-up, by method"
    ),
    "followup.twelve_months": QT_TRANSLATE_NOOP(
        "StatTitle", "Closed cases: the situation at the 12-month follow-up, by method"
    ),
    "closed.duration": QT_TRANSLATE_NOOP("StatTitle", "Closed cases by time in the programme"),
    "closed.end_reason": QT_TRANSLATE_NOOP("StatTitle", "Closed cases by reason for ending"),
}
ROWS = {
    "total": QT_TRANSLATE_NOOP("StatRow", "Total"),
    "under_18": QT_TRANSLATE_NOOP("StatRow", "under 18"),
    "18_29": QT_TRANSLATE_NOOP("StatRow", "18–29"),
    "30_plus": QT_TRANSLATE_NOOP("StatRow", "30 and over"),
    "none": QT_TRANSLATE_NOOP("StatRow", "not recorded"),
    "handed_over": QT_TRANSLATE_NOOP("StatRow", "handed over"),
    "all": QT_TRANSLATE_NOOP("StatRow", "all criteria met"),
    "age_unknown": QT_TRANSLATE_NOOP("StatRow", "age unknown"),
    "no_great_need": QT_TRANSLATE_NOOP("StatRow", "no great need assessed"),
    "no_method": QT_TRANSLATE_NOOP("StatRow", "no method given"),
    "-": QT_TRANSLATE_NOOP("StatRow", "no method given"),
    "not_recorded": QT_TRANSLATE_NOOP("StatRow", "no reason recorded"),
    "under_6m": QT_TRANSLATE_NOOP("StatRow", "less than 6 months"),
    "6_12m": QT_TRANSLATE_NOOP("StatRow", "6–12 months"),
    "12_24m": QT_TRANSLATE_NOOP("StatRow", "1–2 years"),
    "24m_plus": QT_TRANSLATE_NOOP("StatRow", "2 years or more"),
}
#: The core's Swedish column names (other columns are municipalities).
COLUMNS = {
    "Summa": QT_TRANSLATE_NOOP("StatColumn", "Total"),
    "uppfyllt": QT_TRANSLATE_NOOP("StatColumn", "met"),
    "ej uppfyllt": QT_TRANSLATE_NOOP("StatColumn", "not met"),
    "ärenden": QT_TRANSLATE_NOOP("StatColumn", "cases"),
    "insatser": QT_TRANSLATE_NOOP("StatColumn", "interventions"),
    "kostnad (kr)": QT_TRANSLATE_NOOP("StatColumn", "cost (SEK)"),
    "minskat behov": QT_TRANSLATE_NOOP("StatColumn", "smaller need"),
    "oförändrat": QT_TRANSLATE_NOOP("StatColumn", "unchanged"),
    "ökat behov": QT_TRANSLATE_NOOP("StatColumn", "greater need"),
    "ej bedömt igen": QT_TRANSLATE_NOOP("StatColumn", "not assessed again"),
    "stabil situation": QT_TRANSLATE_NOOP("StatColumn", "stable situation"),
    "delvis stabil": QT_TRANSLATE_NOOP("StatColumn", "partly stable"),
    "instabil situation": QT_TRANSLATE_NOOP("StatColumn", "unstable situation"),
    "ej nådd": QT_TRANSLATE_NOOP("StatColumn", "not reached"),
    "ingen uppföljning registrerad": QT_TRANSLATE_NOOP("StatColumn", "no follow-up recorded"),
}
_ROW_KINDS: dict[str, type[Choice]] = {
    "case_type": CaseType,
    "gender": Gender,
    "environment": Environment,
    "outcome": Outcome,
    "type": InterventionType,
    "costs": InterventionType,
    "criteria": Criterion,
    "needs": NeedDomain,
    "change": NeedDomain,
    "evidence": EvidenceLevel,
    "end_reason": EndReason,
}


def text(value: Choice | None) -> str:
    if value is None:
        return labels.EMPTY
    kind = type(value)
    if kind in EXTRA:
        return QCoreApplication.translate(kind.__name__, EXTRA[kind][value.value])
    return labels.label(value)


def choices(kind: type[Choice]) -> list[tuple[str, str]]:
    return [(member.value, text(member)) for member in kind]


def section(code: str) -> str:
    source = SECTIONS.get(code)
    return QCoreApplication.translate("Section", source) if source else code


def stat_title(key: str, fallback: str) -> str:
    if key in TITLES:
        return QCoreApplication.translate("StatTitle", TITLES[key])
    measure, _, dim = key.partition(".")
    if measure in MEASURES and dim in DIMENSIONS:
        name = QCoreApplication.translate("StatTitle", MEASURES[measure])
        return QCoreApplication.translate("StatTitle", DIMENSIONS[dim]).format(measure=name)
    return fallback


def stat_row(key: str, code: str, fallback: str) -> str:
    """A row of table ``key`` in the user's language (the core's Swedish text if unknown)."""
    if key.endswith(".age_band") and code == "unknown":
        code = "age_unknown"
    if key == "new.needs" and code == "none":
        code = "no_great_need"
    if code in ROWS:
        return QCoreApplication.translate("StatRow", ROWS[code])
    kind = _ROW_KINDS.get(key.rpartition(".")[2])
    if kind is not None:
        try:
            return text(kind(code))
        except ValueError:
            pass
    return fallback


def stat_column(name: str) -> str:
    source = COLUMNS.get(name)
    return QCoreApplication.translate("StatColumn", source) if source else name
