"""An audit entry's details in words: :func:`details_text`.

The core keeps details to ids, codes, counts, hashes and the caseworker's stated reasons
(storage/vault/audit.py: never personal data from a case file). Each key the code writes has
a rule here: a label and how its value reads (ui/kit/audit_values.py), a phrase for a yes/no,
a count with plural forms, an id phrase ("journal entry 12"), or a rule that reads two keys
together ("from investigation to decided"). The phrases follow the order of the rules below.

A key without a rule is shown as plain "key: value" (lists joined, never JSON) as a last
resort; tests/test_ui_audit_text.py finds every key the code writes and fails on one without a
rule (:func:`known_keys`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from storage.casework.followup_results import FollowUpStatus
from storage.errors import QT_TRANSLATE_NOOP
from storage.records.enums import (
    CaseStatus,
    CaseType,
    EntryType,
    Environment,
    FollowUpKind,
    GroupRelation,
    InterventionType,
    LegalBasis,
    Outcome,
    PersonRole,
    ProtectionLevel,
    ProviderKind,
    RelocationTaskKind,
    ThreatLevel,
)
from storage.records.knowledge import (
    AppealOutcome,
    AssessmentOccasion,
    CareKind,
    DecisionOutcome,
    EndReason,
    EvidenceLevel,
    SipLead,
)
from storage.statistics.grants import Criterion
from storage.vault.audit import AuditEntry
from ui.kit import audit_values as val
from ui.kit import labels, vocab
from ui.kit.audit_text import short_id

Values = dict[str, Any]

# ------------------------------------------------------------------ rules over several keys


def _from_to(action: str, v: Values) -> str:
    if action.endswith(".export"):  # statistics: the period's dates
        text = QT_TRANSLATE_NOOP("AuditDetail", "period {start} – {end}")
        return val.tr(text).format(start=val.plain(v.get("from")), end=val.plain(v.get("to")))
    return val.tr(QT_TRANSLATE_NOOP("AuditDetail", "from {old} to {new}")).format(
        old=val.choice(CaseStatus, v.get("from")), new=val.choice(CaseStatus, v.get("to"))
    )


def _kind(action: str, v: Values) -> str:
    value = v["kind"]
    if action == "follow_up.add":
        return val.choice(FollowUpKind, value)
    if action == "provider.add":
        return val.pair(
            QT_TRANSLATE_NOOP("AuditDetail", "operated by"), val.choice(ProviderKind, value)
        )
    if action.startswith("care."):
        return val.pair(QT_TRANSLATE_NOOP("AuditDetail", "care"), val.choice(CareKind, value))
    if action == "handover.basis":
        return val.pair(
            QT_TRANSLATE_NOOP("AuditDetail", "legal basis"), val.choice(LegalBasis, value)
        )
    if action.startswith("bundle."):
        return val.bundle_kind(value)
    return val.plain_pair("kind", value)


def _status(action: str, v: Values) -> str:
    value = v["status"]
    if action == "handover.receipt":
        return labels.handover_state(str(value))
    if action == "follow_up.result":
        return val.pair(
            QT_TRANSLATE_NOOP("AuditDetail", "situation"), val.choice(FollowUpStatus, value)
        )
    return val.plain_pair("status", value)


def _groups(_action: str, v: Values) -> str:
    return val.tr(QT_TRANSLATE_NOOP("AuditDetail", "groups {a} and {b}: {relation}")).format(
        a=val.plain(v.get("group_a")),
        b=val.plain(v.get("group_b")),
        relation=val.choice(GroupRelation, v.get("relation")),
    )


def _criterion(_action: str, v: Values) -> str:
    met = v.get("met")
    if isinstance(met, bool):
        state = val.tr(
            QT_TRANSLATE_NOOP("AuditDetail", "met")
            if met
            else QT_TRANSLATE_NOOP("AuditDetail", "not met")
        )
    else:
        state = val.plain(met)
    return val.tr(QT_TRANSLATE_NOOP("AuditDetail", "{criterion}: {state}")).format(
        criterion=val.choice(Criterion, v.get("criterion")), state=state
    )


def _count(action: str, v: Values) -> str:
    return val.count("failed" if action == "unlock_failed" else "entries", v["count"])


def _sections(value: Any) -> str:
    codes = value if isinstance(value, list | tuple) else [value]
    return ", ".join(vocab.section(str(code)) for code in codes)


#: (keys read together, rule(action, their values)); their phrases come first, in this order.
GROUPED: list[tuple[tuple[str, ...], Callable[[str, Values], str]]] = [
    (("case_id",), lambda _a, _v: ""),  # the entry's subject is the case number
    (("field",), lambda _a, v: val.reveal_field(v["field"])),
    (
        ("reason",),
        lambda _a, v: val.pair(QT_TRANSLATE_NOOP("AuditDetail", "reason"), val.quoted(v["reason"])),
    ),
    (("from", "to"), _from_to),
    (("kind",), _kind),
    (("status",), _status),
    (("group_a", "group_b", "relation"), _groups),
    (("criterion", "met"), _criterion),
    (("count",), _count),
]

#: key → (label, how its value reads).
LABELLED: dict[str, tuple[str, Callable[[Any], str]]] = {
    "fields": ("", val.fields),
    "minutes": (QT_TRANSLATE_NOOP("AuditDetail", "for"), val.minutes),
    "entry_type": (
        QT_TRANSLATE_NOOP("AuditDetail", "entry type"),
        lambda v: val.choice(EntryType, v),
    ),
    "task": (
        QT_TRANSLATE_NOOP("AuditDetail", "task"),
        lambda v: val.choice(RelocationTaskKind, v),
    ),
    "rule": (QT_TRANSLATE_NOOP("AuditDetail", "rule"), val.rule),
    "release": (QT_TRANSLATE_NOOP("AuditDetail", "release no."), val.plain),
    "recipient": (QT_TRANSLATE_NOOP("AuditDetail", "recipient"), val.quoted),
    "text": (QT_TRANSLATE_NOOP("AuditDetail", "wording"), val.quoted),
    "output": (QT_TRANSLATE_NOOP("AuditDetail", "to"), val.output),
    "decisions": (QT_TRANSLATE_NOOP("AuditDetail", "review"), val.decisions),
    "grounds": (QT_TRANSLATE_NOOP("AuditDetail", "grounds cited"), val.plain),
    "outcome": (QT_TRANSLATE_NOOP("AuditDetail", "outcome"), lambda v: val.choice(Outcome, v)),
    "decision_outcome": (
        QT_TRANSLATE_NOOP("AuditDetail", "decision"),
        lambda v: val.choice(DecisionOutcome, v),
    ),
    "appeal_outcome": ("", lambda v: val.choice(AppealOutcome, v)),
    "end_reason": (
        QT_TRANSLATE_NOOP("AuditDetail", "reason for ending"),
        lambda v: val.choice(EndReason, v),
    ),
    "occasion": ("", lambda v: val.choice(AssessmentOccasion, v)),
    "lead": (QT_TRANSLATE_NOOP("AuditDetail", "led by"), lambda v: val.choice(SipLead, v)),
    "evidence": (
        QT_TRANSLATE_NOOP("AuditDetail", "evidence"),
        lambda v: val.choice(EvidenceLevel, v),
    ),
    "code": (QT_TRANSLATE_NOOP("AuditDetail", "code"), val.plain),
    "case_type": (QT_TRANSLATE_NOOP("AuditDetail", "case type"), lambda v: val.choice(CaseType, v)),
    "role": (QT_TRANSLATE_NOOP("AuditDetail", "role"), lambda v: val.choice(PersonRole, v)),
    # sharing with colleagues (docs/sync.md)
    "team_role": (QT_TRANSLATE_NOOP("AuditDetail", "role on the case"), val.plain),
    "valid_from": (QT_TRANSLATE_NOOP("AuditDetail", "from"), val.plain),
    "valid_until": (QT_TRANSLATE_NOOP("AuditDetail", "until"), val.plain),
    "share_state": (QT_TRANSLATE_NOOP("AuditDetail", "share"), val.plain),
    "operations": (QT_TRANSLATE_NOOP("AuditDetail", "changes"), val.plain),
    "conflicts": (QT_TRANSLATE_NOOP("AuditDetail", "conflicts"), val.plain),
    "resent": (QT_TRANSLATE_NOOP("AuditDetail", "changes sent again unmasked"), val.plain),
    "unmasked": (QT_TRANSLATE_NOOP("AuditDetail", "masked changes given real values"), val.plain),
    "table": (QT_TRANSLATE_NOOP("AuditDetail", "part of the case"), val.plain),
    "register": (QT_TRANSLATE_NOOP("AuditDetail", "field"), val.plain),
    "case_uid": (QT_TRANSLATE_NOOP("AuditDetail", "case (shared id)"), val.plain),
    "removed_at": (QT_TRANSLATE_NOOP("AuditDetail", "removed"), val.local_time),
    "handed_over_at": (QT_TRANSLATE_NOOP("AuditDetail", "handed over"), val.local_time),
    "protection_level": (
        QT_TRANSLATE_NOOP("AuditDetail", "protection level"),
        lambda v: val.choice(ProtectionLevel, v),
    ),
    "type": (
        QT_TRANSLATE_NOOP("AuditDetail", "intervention"),
        lambda v: val.choice(InterventionType, v),
    ),
    "level": (
        QT_TRANSLATE_NOOP("AuditDetail", "threat level"),
        lambda v: val.choice(ThreatLevel, v),
    ),
    "environment": (
        QT_TRANSLATE_NOOP("AuditDetail", "environment"),
        lambda v: val.choice(Environment, v),
    ),
    "relapse": ("", val.relapse),
    "legal_basis": (
        QT_TRANSLATE_NOOP("AuditDetail", "legal basis"),
        lambda v: val.choice(LegalBasis, v),
    ),
    "sections": (QT_TRANSLATE_NOOP("AuditDetail", "sections"), _sections),
    "via": ("", val.via),
    "keyring": ("", val.keyring),
    "mechanism": ("", val.mechanism),
    "result": ("", val.drill_result),
    "slot_id": (QT_TRANSLATE_NOOP("AuditDetail", "card slot"), val.plain),
    "method": ("", val.method),
    "direction": ("", val.direction),
    "attempts": ("", val.attempts),
    "on": (QT_TRANSLATE_NOOP("AuditDetail", "date"), val.plain),
    "since": (QT_TRANSLATE_NOOP("AuditDetail", "from"), val.local_time),
    "until": (QT_TRANSLATE_NOOP("AuditDetail", "until"), val.local_time),
    "backup_created": (QT_TRANSLATE_NOOP("AuditDetail", "backup made"), val.local_time),
    "created": (QT_TRANSLATE_NOOP("AuditDetail", "file made"), val.local_time),
    "municipality": ("", val.municipality),
    "format": (QT_TRANSLATE_NOOP("AuditDetail", "format"), lambda v: val.plain(v).upper()),
    "threshold": ("", val.threshold),
    "purpose": (QT_TRANSLATE_NOOP("AuditDetail", "purpose"), val.quoted),
    "ethics_ref": (QT_TRANSLATE_NOOP("AuditDetail", "ethics approval"), val.plain),
    "k": (QT_TRANSLATE_NOOP("AuditDetail", "smallest group allowed"), val.plain),
    "rows": (QT_TRANSLATE_NOOP("AuditDetail", "rows"), val.plain),
    "reports": (QT_TRANSLATE_NOOP("AuditDetail", "reports merged"), val.plain),
    "grain": ("", val.grain),
    "destination": ("", val.destination),
    "report_id": (QT_TRANSLATE_NOOP("AuditDetail", "report"), short_id),
    "media_type": (QT_TRANSLATE_NOOP("AuditDetail", "file type"), val.plain),
    "file": (QT_TRANSLATE_NOOP("AuditDetail", "file"), val.plain),
    "size": (QT_TRANSLATE_NOOP("AuditDetail", "size"), val.size),
    "bytes": (QT_TRANSLATE_NOOP("AuditDetail", "size"), val.size),
    "schema": (QT_TRANSLATE_NOOP("AuditDetail", "database version"), val.plain),
    "kdf": ("", val.kdf),
    "generation": (QT_TRANSLATE_NOOP("AuditDetail", "key generation"), val.plain),
    "fingerprint": (QT_TRANSLATE_NOOP("AuditDetail", "fingerprint"), val.plain),
    "old_fingerprint": (QT_TRANSLATE_NOOP("AuditDetail", "old fingerprint"), val.plain),
    "new_fingerprint": (QT_TRANSLATE_NOOP("AuditDetail", "new fingerprint"), val.plain),
    "key_id": (QT_TRANSLATE_NOOP("AuditDetail", "key id"), val.plain),
    "old_key_id": (QT_TRANSLATE_NOOP("AuditDetail", "old key id"), val.plain),
    "new_key_id": (QT_TRANSLATE_NOOP("AuditDetail", "new key id"), val.plain),
    "bundle_id": (QT_TRANSLATE_NOOP("AuditDetail", "bundle"), short_id),
    "receipt_bundle_id": (QT_TRANSLATE_NOOP("AuditDetail", "receipt"), short_id),
    "previous_receipt_bundle_id": (
        QT_TRANSLATE_NOOP("AuditDetail", "earlier receipt"),
        short_id,
    ),
    "file_kind": (QT_TRANSLATE_NOOP("AuditDetail", "file"), val.output_purpose),
    "mode": ("", val.receipt_mode),
    "sha256": (QT_TRANSLATE_NOOP("AuditDetail", "SHA-256"), val.short_hash),
    "receipt_sha256": (
        QT_TRANSLATE_NOOP("AuditDetail", "SHA-256 of the receipt"),
        val.short_hash,
    ),
    "backup_sha256": (QT_TRANSLATE_NOOP("AuditDetail", "SHA-256 of the backup"), val.short_hash),
    "slots": (QT_TRANSLATE_NOOP("AuditDetail", "key file checksum"), val.short_hash),
    "expected": (QT_TRANSLATE_NOOP("AuditDetail", "logged key file"), val.short_hash),
    "found": (QT_TRANSLATE_NOOP("AuditDetail", "key file found"), val.short_hash),
}

#: key → (phrase when true, phrase when false or None to say nothing).
FLAGS: dict[str, tuple[str, str | None]] = {
    "exempt": (
        QT_TRANSLATE_NOOP("AuditDetail", "exempted from weeding"),
        QT_TRANSLATE_NOOP("AuditDetail", "exemption lifted"),
    ),
    "has_address": (
        QT_TRANSLATE_NOOP("AuditDetail", "with a protected address"),
        QT_TRANSLATE_NOOP("AuditDetail", "without an address"),
    ),
    "protected": (
        QT_TRANSLATE_NOOP("AuditDetail", "protected details included"),
        QT_TRANSLATE_NOOP("AuditDetail", "no protected details"),
    ),
    "fictitious": (QT_TRANSLATE_NOOP("AuditDetail", "fictitious identity included"), None),
    "status_changed": (QT_TRANSLATE_NOOP("AuditDetail", "the case's status was changed"), None),
    "was_cancelled": (QT_TRANSLATE_NOOP("AuditDetail", "the handover had been cancelled"), None),
    "device_key": (
        QT_TRANSLATE_NOOP("AuditDetail", "with a device key"),
        QT_TRANSLATE_NOOP("AuditDetail", "without a device key"),
    ),
    "post_quantum": (QT_TRANSLATE_NOOP("AuditDetail", "post-quantum encryption"), None),
    "kept": (
        QT_TRANSLATE_NOOP("AuditDetail", "kept"),
        QT_TRANSLATE_NOOP("AuditDetail", "removed after all"),
    ),
    "set": (
        QT_TRANSLATE_NOOP("AuditDetail", "folder chosen"),
        QT_TRANSLATE_NOOP("AuditDetail", "folder forgotten"),
    ),
    "update": (QT_TRANSLATE_NOOP("AuditDetail", "key-update card"), None),
    "replaced_unverified_contact": (
        QT_TRANSLATE_NOOP("AuditDetail", "replaced an unverified contact"),
        None,
    ),
    "audit_ok": (
        QT_TRANSLATE_NOOP("AuditDetail", "audit log intact"),
        QT_TRANSLATE_NOOP("AuditDetail", "the audit log did not verify"),
    ),
    "recovery_code": (QT_TRANSLATE_NOOP("AuditDetail", "new recovery code"), None),
    "by_case": (QT_TRANSLATE_NOOP("AuditDetail", "filtered by case"), None),
    "by_user": (QT_TRANSLATE_NOOP("AuditDetail", "filtered by user"), None),
    "decision": (
        QT_TRANSLATE_NOOP("AuditDetail", "with a decision reference"),
        QT_TRANSLATE_NOOP("AuditDetail", "without a decision reference"),
    ),
    "next": (QT_TRANSLATE_NOOP("AuditDetail", "next follow-up planned"), None),
    "imported": (QT_TRANSLATE_NOOP("AuditDetail", "signed in another system"), None),
    "changed": (QT_TRANSLATE_NOOP("AuditDetail", "changed from an earlier reason"), None),
    "kept_until_confirmed": (
        QT_TRANSLATE_NOOP("AuditDetail", "the code is kept until it is confirmed written down"),
        None,
    ),
}

#: ``{id}`` phrases for the ids the core writes.
ID_TEMPLATES = {
    "person_id": QT_TRANSLATE_NOOP("AuditDetail", "person {id}"),
    "placement_id": QT_TRANSLATE_NOOP("AuditDetail", "placement {id}"),
    "entry_id": QT_TRANSLATE_NOOP("AuditDetail", "journal entry {id}"),
    "corrects": QT_TRANSLATE_NOOP("AuditDetail", "corrects entry {id}"),
    "original": QT_TRANSLATE_NOOP("AuditDetail", "first version: entry {id}"),
    "document_id": QT_TRANSLATE_NOOP("AuditDetail", "document {id}"),
    "draft_id": QT_TRANSLATE_NOOP("AuditDetail", "draft {id}"),
    "template_id": QT_TRANSLATE_NOOP("AuditDetail", "template {id}"),
    "partner_id": QT_TRANSLATE_NOOP("AuditDetail", "partner {id}"),
    "task_id": QT_TRANSLATE_NOOP("AuditDetail", "task {id}"),
    "ground_id": QT_TRANSLATE_NOOP("AuditDetail", "ground {id}"),
    "other": QT_TRANSLATE_NOOP("AuditDetail", "the other case: {id}"),
    "consent_id": QT_TRANSLATE_NOOP("AuditDetail", "consent {id}"),
    "agreement_id": QT_TRANSLATE_NOOP("AuditDetail", "agreement {id}"),
    "condition_id": QT_TRANSLATE_NOOP("AuditDetail", "condition {id}"),
    "breach_id": QT_TRANSLATE_NOOP("AuditDetail", "breach {id}"),
    "intervention_id": QT_TRANSLATE_NOOP("AuditDetail", "intervention {id}"),
    "control_id": QT_TRANSLATE_NOOP("AuditDetail", "control {id}"),
    "threat_id": QT_TRANSLATE_NOOP("AuditDetail", "threat assessment {id}"),
    "link_id": QT_TRANSLATE_NOOP("AuditDetail", "network link {id}"),
    "group_id": QT_TRANSLATE_NOOP("AuditDetail", "group {id}"),
    "follow_up_id": QT_TRANSLATE_NOOP("AuditDetail", "follow-up {id}"),
    "assessment_id": QT_TRANSLATE_NOOP("AuditDetail", "needs assessment {id}"),
    "care_id": QT_TRANSLATE_NOOP("AuditDetail", "care contact {id}"),
    "sip_id": QT_TRANSLATE_NOOP("AuditDetail", "SIP {id}"),
    "action_id": QT_TRANSLATE_NOOP("AuditDetail", "action {id}"),
    "decision_id": QT_TRANSLATE_NOOP("AuditDetail", "decision {id}"),
    "corrects_decision": QT_TRANSLATE_NOOP("AuditDetail", "corrects decision {id}"),
    "original_decision": QT_TRANSLATE_NOOP("AuditDetail", "first version: decision {id}"),
    "appeal_id": QT_TRANSLATE_NOOP("AuditDetail", "appeal {id}"),
    "provision_id": QT_TRANSLATE_NOOP("AuditDetail", "provision {id}"),
    "method_id": QT_TRANSLATE_NOOP("AuditDetail", "method {id}"),
    "reminder_id": QT_TRANSLATE_NOOP("AuditDetail", "reminder {id}"),
    "handover_id": QT_TRANSLATE_NOOP("AuditDetail", "handover {id}"),
    "basis_id": QT_TRANSLATE_NOOP("AuditDetail", "legal basis {id}"),
    "provider_id": QT_TRANSLATE_NOOP("AuditDetail", "provider {id}"),
    "run_id": QT_TRANSLATE_NOOP("AuditDetail", "weeding run {id}"),
    "release": QT_TRANSLATE_NOOP("AuditDetail", "release {id} in the statistics ledger"),
    "national_release": QT_TRANSLATE_NOOP("AuditDetail", "national release {id}"),
    "project_id": QT_TRANSLATE_NOOP("AuditDetail", "research project {id}"),
    "contact_id": QT_TRANSLATE_NOOP("AuditDetail", "contact {id}"),
    "contact_ids": QT_TRANSLATE_NOOP("AuditDetail", "shares ended: contact {id}"),
    "sender": QT_TRANSLATE_NOOP("AuditDetail", "sender: contact {id}"),
    "recipients": QT_TRANSLATE_NOOP("AuditDetail", "recipients: contact {id}"),
    "case_ids": QT_TRANSLATE_NOOP("AuditDetail", "our cases (id): {id}"),
    "person_ids": QT_TRANSLATE_NOOP("AuditDetail", "persons {id}"),
    "placement_ids": QT_TRANSLATE_NOOP("AuditDetail", "addresses of placements {id}"),
    "fictitious_person_ids": QT_TRANSLATE_NOOP(
        "AuditDetail", "fictitious identities of persons {id}"
    ),
    "seed": QT_TRANSLATE_NOOP("AuditDetail", "demo seed {id}"),
    "sequence": QT_TRANSLATE_NOOP("AuditDetail", "sequence number {id}"),
    "head_seq": QT_TRANSLATE_NOOP("AuditDetail", "last entry: {id}"),
    "audit_seq": QT_TRANSLATE_NOOP("AuditDetail", "log up to entry {id}"),
}

#: Counts, with plural forms (ui/kit/audit_values.py ``AuditCount``).
COUNTED = tuple(k for k in val.COUNTED if k not in ("entries", "failed"))


def known_keys() -> set[str]:
    """Every detail key with a rule (tests: every key the code writes must be here)."""
    grouped = {key for keys, _rule in GROUPED for key in keys}
    return grouped | set(LABELLED) | set(FLAGS) | set(ID_TEMPLATES) | set(COUNTED)


def _phrase(action: str, key: str, value: Any) -> str:
    if key in LABELLED:
        label, render = LABELLED[key]
        return val.pair(label, render(value)) if label else render(value)
    if key in FLAGS:
        yes, no = FLAGS[key]
        return val.flag(value, yes, no)
    if key in COUNTED:
        return val.count(key, value)
    if key in ID_TEMPLATES:
        return "" if value is None else val.ids(ID_TEMPLATES[key], value)
    return val.plain_pair(key, value)  # the last resort: a key this version does not know


def _parts(action: str, details: Any) -> list[tuple[str, bool]]:
    """(phrase, from a rule) pairs: grouped rules first, then the other keys in rule order,
    and unknown keys last as plain "key: value"."""
    if not isinstance(details, dict):
        return [(val.plain(details), False)] if details not in (None, "", {}) else []
    rest = dict(details)
    parts: list[tuple[str, bool]] = []
    for keys, rule in GROUPED:
        picked = {key: rest.pop(key) for key in keys if key in rest}
        if picked:
            parts.append((rule(action, picked), True))
    order = [*LABELLED, *FLAGS, *COUNTED, *ID_TEMPLATES]
    parts.extend((_phrase(action, key, rest.pop(key)), True) for key in order if key in rest)
    parts.extend((_phrase(action, key, rest[key]), False) for key in sorted(rest))
    return [(text, known) for text, known in parts if text]


def detail_parts(action: str, details: Any) -> list[str]:
    """The details as phrases, in the order :func:`details_text` joins them."""
    return [text for text, _known in _parts(action, details)]


def details_text(entry: AuditEntry) -> str:
    """``Uppgift: personnummer; skäl: ”…”`` — one line; a phrase of ours starts with a
    capital (a key this version does not know is shown as written)."""
    parts = _parts(entry.action, entry.details)
    if parts and parts[0][1]:
        parts[0] = (parts[0][0][:1].upper() + parts[0][0][1:], True)
    return "; ".join(text for text, _known in parts)
