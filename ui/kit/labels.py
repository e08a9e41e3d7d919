"""The case-file vocabularies as the UI shows them, and date and time formatting.

The domain's enums carry stable codes and Swedish labels (``storage.records.enums``). The UI
shows them through Qt's translation system so English can be chosen: each code has an
English source text here (one translation context per enum); the Swedish catalogue
translates it to exactly the domain's Swedish label (tests/test_ui_case_list.py checks that
they agree).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QLocale

from storage.errors import QT_TRANSLATE_NOOP
from storage.records.enums import (
    CaseStatus,
    CaseType,
    Choice,
    EntryType,
    Environment,
    FollowUpKind,
    Funding,
    Gender,
    GroupRelation,
    InterventionType,
    LegalBasis,
    Outcome,
    PartnerKind,
    PersonRole,
    ProtectionLevel,
    ProviderKind,
    RelocationTaskKind,
    ReminderKind,
    ThreatLevel,
)

EMPTY = "–"

SOURCES: dict[type[Choice], dict[str, str]] = {
    CaseType: {
        "defector": QT_TRANSLATE_NOOP("CaseType", "defector"),
        "relative": QT_TRANSLATE_NOOP("CaseType", "threatened relative"),
        "young_at_risk": QT_TRANSLATE_NOOP("CaseType", "young person at risk"),
    },
    CaseStatus: {
        "referred": QT_TRANSLATE_NOOP("CaseStatus", "referred"),
        "preliminary_assessment": QT_TRANSLATE_NOOP("CaseStatus", "preliminary assessment"),
        "joint_assessment": QT_TRANSLATE_NOOP("CaseStatus", "joint assessment"),
        "investigation": QT_TRANSLATE_NOOP("CaseStatus", "investigation"),
        "decided": QT_TRANSLATE_NOOP("CaseStatus", "decided"),
        "emergency_protection": QT_TRANSLATE_NOOP("CaseStatus", "emergency protection / move"),
        "implementation": QT_TRANSLATE_NOOP("CaseStatus", "implementation"),
        "follow_up": QT_TRANSLATE_NOOP("CaseStatus", "follow-up"),
        "handed_over": QT_TRANSLATE_NOOP("CaseStatus", "handed over"),
        "closed": QT_TRANSLATE_NOOP("CaseStatus", "closed"),
    },
    Outcome: {
        "completed": QT_TRANSLATE_NOOP("Outcome", "completed"),
        "discontinued_by_person": QT_TRANSLATE_NOOP("Outcome", "discontinued by the person"),
        "conditions_broken": QT_TRANSLATE_NOOP("Outcome", "conditions broken"),
        "not_applicable": QT_TRANSLATE_NOOP("Outcome", "not applicable"),
    },
    ProtectionLevel: {
        "none": QT_TRANSLATE_NOOP("ProtectionLevel", "none"),
        "confidentiality_marking": QT_TRANSLATE_NOOP("ProtectionLevel", "confidentiality marking"),
        "protected_registration": QT_TRANSLATE_NOOP(
            "ProtectionLevel", "protected population registration"
        ),
        "fictitious_identity": QT_TRANSLATE_NOOP("ProtectionLevel", "fictitious personal details"),
    },
    Gender: {
        "female": QT_TRANSLATE_NOOP("Gender", "female"),
        "male": QT_TRANSLATE_NOOP("Gender", "male"),
        "other": QT_TRANSLATE_NOOP("Gender", "other"),
        "unknown": QT_TRANSLATE_NOOP("Gender", "unknown"),
    },
    PersonRole: {
        "principal": QT_TRANSLATE_NOOP("PersonRole", "principal"),
        "relative": QT_TRANSLATE_NOOP("PersonRole", "relative"),
    },
    Environment: {
        "criminal_network": QT_TRANSLATE_NOOP("Environment", "criminal network"),
        "violent_extremism": QT_TRANSLATE_NOOP("Environment", "violent extremism"),
        "honour_context": QT_TRANSLATE_NOOP("Environment", "honour-related context"),
    },
    GroupRelation: {
        "same": QT_TRANSLATE_NOOP("GroupRelation", "same"),
        "allied": QT_TRANSLATE_NOOP("GroupRelation", "allied"),
        "rival": QT_TRANSLATE_NOOP("GroupRelation", "rival"),
    },
    ThreatLevel: {
        "low": QT_TRANSLATE_NOOP("ThreatLevel", "low"),
        "medium": QT_TRANSLATE_NOOP("ThreatLevel", "medium"),
        "high": QT_TRANSLATE_NOOP("ThreatLevel", "high"),
        "very_high": QT_TRANSLATE_NOOP("ThreatLevel", "very high"),
    },
    InterventionType: {
        "protected_housing": QT_TRANSLATE_NOOP("InterventionType", "protected housing"),
        "emergency_housing": QT_TRANSLATE_NOOP("InterventionType", "emergency housing"),
        "counselling": QT_TRANSLATE_NOOP("InterventionType", "counselling"),
        "addiction_treatment": QT_TRANSLATE_NOOP("InterventionType", "addiction treatment"),
        "psychiatry": QT_TRANSLATE_NOOP("InterventionType", "psychiatric care"),
        "financial_aid": QT_TRANSLATE_NOOP("InterventionType", "financial aid"),
        "occupation": QT_TRANSLATE_NOOP("InterventionType", "occupation"),
        "debt_restructuring": QT_TRANSLATE_NOOP("InterventionType", "debt restructuring"),
        "tattoo_removal": QT_TRANSLATE_NOOP("InterventionType", "tattoo removal"),
        "trustee": QT_TRANSLATE_NOOP("InterventionType", "trustee"),
        "contact_person": QT_TRANSLATE_NOOP("InterventionType", "contact person"),
        "relocation_support": QT_TRANSLATE_NOOP("InterventionType", "relocation support"),
        "drug_testing": QT_TRANSLATE_NOOP("InterventionType", "drug testing"),
        "other": QT_TRANSLATE_NOOP("InterventionType", "other intervention"),
    },
    ProviderKind: {
        "municipal": QT_TRANSLATE_NOOP("ProviderKind", "municipal"),
        "private": QT_TRANSLATE_NOOP("ProviderKind", "private"),
        "non_profit": QT_TRANSLATE_NOOP("ProviderKind", "non-profit"),
    },
    Funding: {
        "municipal_budget": QT_TRANSLATE_NOOP("Funding", "municipal budget"),
        "state_grant": QT_TRANSLATE_NOOP("Funding", "state grant"),
        "other": QT_TRANSLATE_NOOP("Funding", "other"),
    },
    LegalBasis: {
        "consent": QT_TRANSLATE_NOOP("LegalBasis", "consent"),
        "transfer": QT_TRANSLATE_NOOP("LegalBasis", "transfer of the case"),
        "request_for_help": QT_TRANSLATE_NOOP("LegalBasis", "request for help"),
    },
    FollowUpKind: {
        "six_months": QT_TRANSLATE_NOOP("FollowUpKind", "follow-up at 6 months"),
        "twelve_months": QT_TRANSLATE_NOOP("FollowUpKind", "follow-up at 12 months"),
        "other": QT_TRANSLATE_NOOP("FollowUpKind", "follow-up"),
    },
    ReminderKind: {
        "threat_review": QT_TRANSLATE_NOOP("ReminderKind", "new threat assessment"),
        "consent_expiring": QT_TRANSLATE_NOOP("ReminderKind", "consent expires"),
        "provider_control": QT_TRANSLATE_NOOP("ReminderKind", "provider control"),
        "follow_up": QT_TRANSLATE_NOOP("ReminderKind", "follow-up"),
        "gallring": QT_TRANSLATE_NOOP("ReminderKind", "weeding (gallring)"),
        "manual": QT_TRANSLATE_NOOP("ReminderKind", "reminder"),
        "relocation_task": QT_TRANSLATE_NOOP("ReminderKind", "relocation checklist"),
        "needs_review": QT_TRANSLATE_NOOP("ReminderKind", "new needs assessment"),
        "sip_follow_up": QT_TRANSLATE_NOOP("ReminderKind", "follow-up of the SIP"),
    },
    EntryType: {
        "conversation": QT_TRANSLATE_NOOP("EntryType", "conversation"),
        "home_visit": QT_TRANSLATE_NOOP("EntryType", "home visit"),
        "phone": QT_TRANSLATE_NOOP("EntryType", "phone"),
        "network_meeting": QT_TRANSLATE_NOOP("EntryType", "network meeting"),
        "authority_contact": QT_TRANSLATE_NOOP("EntryType", "contact with an authority"),
        "other": QT_TRANSLATE_NOOP("EntryType", "other"),
    },
    PartnerKind: {
        "police": QT_TRANSLATE_NOOP("PartnerKind", "police"),
        "probation": QT_TRANSLATE_NOOP("PartnerKind", "Prison and Probation Service"),
        "lawyer": QT_TRANSLATE_NOOP("PartnerKind", "lawyer or counsel"),
        "school": QT_TRANSLATE_NOOP("PartnerKind", "school"),
        "employer": QT_TRANSLATE_NOOP("PartnerKind", "employer"),
        "psychiatry": QT_TRANSLATE_NOOP("PartnerKind", "regional psychiatry"),
        "other": QT_TRANSLATE_NOOP("PartnerKind", "other"),
    },
    RelocationTaskKind: {
        "protected_registration": QT_TRANSLATE_NOOP(
            "RelocationTaskKind", "protected registration applied for at the Tax Agency"
        ),
        "school": QT_TRANSLATE_NOOP("RelocationTaskKind", "school"),
        "social_insurance": QT_TRANSLATE_NOOP("RelocationTaskKind", "Social Insurance Agency"),
        "employment_service": QT_TRANSLATE_NOOP("RelocationTaskKind", "Employment Service"),
        "health_care": QT_TRANSLATE_NOOP("RelocationTaskKind", "health care"),
        "police_security": QT_TRANSLATE_NOOP(
            "RelocationTaskKind", "the police's personal-security contact"
        ),
        "housing_provider": QT_TRANSLATE_NOOP(
            "RelocationTaskKind", "landlord or housing at the new place"
        ),
        "other": QT_TRANSLATE_NOOP("RelocationTaskKind", "other task"),
    },
}

HANDOVER_STATES = {
    "awaiting_receipt": QT_TRANSLATE_NOOP("HandoverState", "handed over, awaiting receipt"),
    "accepted": QT_TRANSLATE_NOOP("HandoverState", "accepted by the receiver"),
    "refused": QT_TRANSLATE_NOOP("HandoverState", "refused by the receiver"),
    "expired": QT_TRANSLATE_NOOP("HandoverState", "expired without a receipt"),
    "cancelled": QT_TRANSLATE_NOOP("HandoverState", "cancelled, the bundle was never written"),
    "not_written": QT_TRANSLATE_NOOP("HandoverState", "interrupted: the bundle is not written yet"),
}


#: The OS keyrings Utväg accepts (storage.vault.device_key.ALLOWED_BACKENDS), by the names
#: their users know; never the Python class name.
KEYRINGS = {
    "keyring.backends.SecretService.Keyring": QT_TRANSLATE_NOOP(
        "Keyring", "Secret Service (GNOME Keyring or KWallet)"
    ),
    "keyring.backends.libsecret.Keyring": QT_TRANSLATE_NOOP(
        "Keyring", "Secret Service (GNOME Keyring or KWallet)"
    ),
    "keyring.backends.kwallet.DBusKeyring": QT_TRANSLATE_NOOP("Keyring", "KWallet"),
    "keyring.backends.kwallet.DBusKeyringKWallet4": QT_TRANSLATE_NOOP("Keyring", "KWallet"),
    "keyring.backends.Windows.WinVaultKeyring": QT_TRANSLATE_NOOP(
        "Keyring", "Windows Credential Manager"
    ),
    "keyring.backends.macOS.Keyring": QT_TRANSLATE_NOOP("Keyring", "macOS Keychain"),
}


def keyring_name(backend: str) -> str:
    """The keyring as its users know it (an unknown backend: "the operating system's")."""
    source = KEYRINGS.get(backend)
    if source is None:
        return QCoreApplication.translate("Keyring", "the operating system's keyring")
    return QCoreApplication.translate("Keyring", source)


def label(value: Choice | None) -> str:
    """The code's text in the user's language ("–" for ``None``)."""
    if value is None:
        return EMPTY
    kind = type(value)
    return QCoreApplication.translate(kind.__name__, SOURCES[kind][value.value])


def choices(kind: type[Choice]) -> list[tuple[str, str]]:
    """(code, text) for a combo box, in the domain's order."""
    return [(member.value, label(member)) for member in kind]


def handover_state(state: str) -> str:
    source = HANDOVER_STATES.get(state)
    return QCoreApplication.translate("HandoverState", source) if source else state


def day(value: dt.date | None) -> str:
    """``2026-03-01`` (ISO dates are what Swedish case files use) or "–"."""
    return value.isoformat() if value is not None else EMPTY


#: Marks an overdue date in lists, so that it is not told by colour alone.
OVERDUE_MARK = "⚠"


def due_text(value: dt.date, overdue: bool) -> str:
    """``⚠ 2026-03-01`` when overdue, else the date."""
    return f"{OVERDUE_MARK} {day(value)}" if overdue else day(value)


def due_words(value: dt.date, overdue: bool) -> str:
    """The same for screen readers and tooltips: ``2026-03-01, overdue``."""
    if not overdue:
        return day(value)
    return QCoreApplication.translate("Labels", "{date}, overdue").format(date=day(value))


def local_time(ts: str | None) -> str:
    """A stored UTC time (``YYYY-MM-DDTHH:MM:SSZ``) in local time, to the minute."""
    if not ts:
        return EMPTY
    for pattern in ("%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%dT%H:%M:%S.%fZ"):
        try:
            when = dt.datetime.strptime(ts, pattern).replace(tzinfo=dt.UTC)
        except ValueError:
            continue
        return when.astimezone().strftime("%Y-%m-%d %H:%M")
    return ts


def yes_no(value: bool) -> str:
    if value:
        return QCoreApplication.translate("Labels", "yes")
    return QCoreApplication.translate("Labels", "no")


def sek(amount: int | None) -> str:
    """``168 000 kr``."""
    if amount is None:
        return EMPTY
    return QCoreApplication.translate("Labels", "{amount} SEK").format(amount=number(amount))


def number(value: int) -> str:
    """``168 000``: grouped as the UI's locale groups digits (desktop.i18n sets it)."""
    return QLocale().toString(value)


def team_role_text(role: str) -> str:
    """A role on a shared case as a short badge (docs/sync.md)."""
    names = {
        "responsible": QT_TRANSLATE_NOOP("Labels", "responsible"),
        "co": QT_TRANSLATE_NOOP("Labels", "co-caseworker"),
        "stand_in": QT_TRANSLATE_NOOP("Labels", "stand-in"),
    }
    text = names.get(role)
    return QCoreApplication.translate("Labels", text) if text else role
