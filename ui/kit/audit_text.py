"""The audit log in words: what each entry's action, subject and actor mean to a caseworker.

The core writes stable codes (``reveal``, ``case.status``, ``contact:3``) and details with
ids, codes and counts only (storage/vault/audit.py). The audit view and a case's Logg tab
show them through these functions, never as codes or JSON:

- :func:`describe` — the action as a short sentence ("Skyddad uppgift visades");
- :func:`subject_text` — what the entry concerns (a case number, "paket 1a2b3c4d", …);
- :func:`actor_text` — who (the caseworker's name; "(unknown)" before an unlock);
- :func:`ui.kit.audit_details.details_text` — the details in words.

Every action the code can write has a sentence in :data:`ACTIONS`; tests/test_ui_audit_text.py
finds the actions by scanning the sources and fails on one without a sentence. An action
this version does not know (a newer version's, or a test's) is shown as "Annan händelse"
with its code. The code itself stays available as a tooltip for logguppföljning.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from storage.errors import QT_TRANSLATE_NOOP, clean_untrusted
from storage.vault.audit import AuditEntry

#: Written by storage.vault.opening for failed unlocks (no key, so no name, existed then).
UNKNOWN_ACTOR = "(unknown)"

ACTIONS: dict[str, str] = {
    # the store and its keys
    "create": QT_TRANSLATE_NOOP("AuditAction", "Encrypted database created"),
    "unlock": QT_TRANSLATE_NOOP("AuditAction", "Utväg unlocked"),
    "unlock_failed": QT_TRANSLATE_NOOP("AuditAction", "Failed attempts to unlock"),
    "lock": QT_TRANSLATE_NOOP("AuditAction", "Utväg locked"),
    "recover": QT_TRANSLATE_NOOP("AuditAction", "New passphrase chosen with the recovery code"),
    "passphrase_change": QT_TRANSLATE_NOOP("AuditAction", "Passphrase changed"),
    "rekey": QT_TRANSLATE_NOOP("AuditAction", "Encryption keys and recovery code renewed"),
    "rekey_completed": QT_TRANSLATE_NOOP("AuditAction", "Interrupted key renewal completed"),
    "rekey_abandoned": QT_TRANSLATE_NOOP(
        "AuditAction", "Interrupted key renewal undone (the old keys apply)"
    ),
    "key_change_not_applied": QT_TRANSLATE_NOOP(
        "AuditAction", "A logged key change never took effect"
    ),
    "audit_export": QT_TRANSLATE_NOOP("AuditAction", "Audit log exported for log follow-up"),
    "keyring.rebound": QT_TRANSLATE_NOOP(
        "AuditAction", "Store bound to this computer's keyring again (new device key)"
    ),
    "keyslot.token_added": QT_TRANSLATE_NOOP("AuditAction", "Card added as a way to unlock"),
    "keyslot.token_reenrolled": QT_TRANSLATE_NOOP("AuditAction", "Card added again"),
    "keyslot.token_removed": QT_TRANSLATE_NOOP("AuditAction", "Card removed as a way to unlock"),
    "keyslot.list": QT_TRANSLATE_NOOP("AuditAction", "Ways to unlock listed"),
    "quick_unlock.armed": QT_TRANSLATE_NOOP("AuditAction", "Quick-unlock PIN chosen"),
    "recovery_code.drill": QT_TRANSLATE_NOOP("AuditAction", "Recovery code practised"),
    "recovery_code.shown": QT_TRANSLATE_NOOP(
        "AuditAction", "Recovery code not yet confirmed shown again"
    ),
    "recovery_code.confirmed": QT_TRANSLATE_NOOP(
        "AuditAction", "Recovery code confirmed written down"
    ),
    "recovery_code.dropped": QT_TRANSLATE_NOOP(
        "AuditAction", "A kept recovery code that no longer works was removed"
    ),
    "backup.create": QT_TRANSLATE_NOOP("AuditAction", "Backup made"),
    "backup.interval": QT_TRANSLATE_NOOP("AuditAction", "Backup reminder interval changed"),
    "backup.restore": QT_TRANSLATE_NOOP("AuditAction", "Restored from a backup"),
    "demo.create": QT_TRANSLATE_NOOP("AuditAction", "Fictional demo cases created"),
    # a case file
    "case.create": QT_TRANSLATE_NOOP("AuditAction", "Case opened"),
    "case.open": QT_TRANSLATE_NOOP("AuditAction", "Case looked at"),
    "case.link": QT_TRANSLATE_NOOP("AuditAction", "Cases linked as the same person"),
    "case.unlink": QT_TRANSLATE_NOOP("AuditAction", "Link between cases removed"),
    "person.lookup": QT_TRANSLATE_NOOP("AuditAction", "Person looked up by personal number"),
    "partner.add": QT_TRANSLATE_NOOP("AuditAction", "Partner added to the register"),
    "partner.update": QT_TRANSLATE_NOOP("AuditAction", "Partner in the register changed"),
    "partner.link": QT_TRANSLATE_NOOP("AuditAction", "Partner linked to the case"),
    "partner.unlink": QT_TRANSLATE_NOOP("AuditAction", "Partner removed from the case"),
    "relocation.checklist": QT_TRANSLATE_NOOP("AuditAction", "Relocation checklist started"),
    "relocation.task_add": QT_TRANSLATE_NOOP(
        "AuditAction", "Task added to the relocation checklist"
    ),
    "relocation.task_update": QT_TRANSLATE_NOOP(
        "AuditAction", "Task in the relocation checklist changed"
    ),
    "relocation.task_done": QT_TRANSLATE_NOOP(
        "AuditAction", "Task in the relocation checklist done"
    ),
    "relocation.task_reopen": QT_TRANSLATE_NOOP(
        "AuditAction", "Task in the relocation checklist reopened"
    ),
    "access_log.export": QT_TRANSLATE_NOOP("AuditAction", "Access log exported"),
    "document.print": QT_TRANSLATE_NOOP("AuditAction", "Document printed"),
    "document.export": QT_TRANSLATE_NOOP("AuditAction", "Document exported as a file"),
    "extract.save": QT_TRANSLATE_NOOP("AuditAction", "Extract saved as a PDF file"),
    "extract.print": QT_TRANSLATE_NOOP("AuditAction", "Extract printed"),
    "extract.lookup": QT_TRANSLATE_NOOP("AuditAction", "Cases looked up for a register extract"),
    "ground.add": QT_TRANSLATE_NOOP("AuditAction", "Ground for withholding added"),
    "ground.update": QT_TRANSLATE_NOOP("AuditAction", "Ground for withholding changed"),
    "reminders.export": QT_TRANSLATE_NOOP("AuditAction", "Reminders exported as a calendar"),
    "case.update": QT_TRANSLATE_NOOP("AuditAction", "Case details changed"),
    "case.status": QT_TRANSLATE_NOOP("AuditAction", "Case status changed"),
    "case.gallring_exemption": QT_TRANSLATE_NOOP("AuditAction", "Exemption from weeding changed"),
    "case.import": QT_TRANSLATE_NOOP("AuditAction", "Cases imported from another system"),
    "person.add": QT_TRANSLATE_NOOP("AuditAction", "Person added"),
    "person.update": QT_TRANSLATE_NOOP("AuditAction", "Personal details changed"),
    "person.remove": QT_TRANSLATE_NOOP("AuditAction", "Relative entered by mistake removed"),
    "person.new_identity": QT_TRANSLATE_NOOP("AuditAction", "Fictitious identity recorded"),
    "reveal": QT_TRANSLATE_NOOP("AuditAction", "Protected detail shown"),
    "reveal.case_work": QT_TRANSLATE_NOOP(
        "AuditAction", "Working on the case: its protected details shown"
    ),
    "journal.add": QT_TRANSLATE_NOOP("AuditAction", "Journal entry written"),
    "journal.draft_add": QT_TRANSLATE_NOOP("AuditAction", "Journal draft started"),
    "journal.draft_update": QT_TRANSLATE_NOOP("AuditAction", "Journal draft changed"),
    "journal.draft_delete": QT_TRANSLATE_NOOP("AuditAction", "Journal draft deleted"),
    "journal.sign": QT_TRANSLATE_NOOP("AuditAction", "Journal draft signed"),
    "journal.template_add": QT_TRANSLATE_NOOP("AuditAction", "Journal template added"),
    "journal.template_update": QT_TRANSLATE_NOOP("AuditAction", "Journal template changed"),
    "journal.template_delete": QT_TRANSLATE_NOOP("AuditAction", "Journal template deleted"),
    "journal.correct": QT_TRANSLATE_NOOP("AuditAction", "Journal entry corrected"),
    "journal.mark_erroneous": QT_TRANSLATE_NOOP("AuditAction", "Journal entry marked as erroneous"),
    "document.add": QT_TRANSLATE_NOOP("AuditAction", "Document added"),
    "document.open": QT_TRANSLATE_NOOP("AuditAction", "Document opened"),
    "consent.add": QT_TRANSLATE_NOOP("AuditAction", "Consent recorded"),
    "consent.revoke": QT_TRANSLATE_NOOP("AuditAction", "Consent revoked"),
    "agreement.add": QT_TRANSLATE_NOOP("AuditAction", "Agreement recorded"),
    "condition.add": QT_TRANSLATE_NOOP("AuditAction", "Condition added to an agreement"),
    "condition.breach": QT_TRANSLATE_NOOP("AuditAction", "Breach of a condition recorded"),
    "intervention.add": QT_TRANSLATE_NOOP("AuditAction", "Intervention added"),
    "intervention.end": QT_TRANSLATE_NOOP("AuditAction", "Intervention ended"),
    "control.plan": QT_TRANSLATE_NOOP("AuditAction", "Provider control planned"),
    "control.done": QT_TRANSLATE_NOOP("AuditAction", "Provider control recorded"),
    "threat.add": QT_TRANSLATE_NOOP("AuditAction", "Threat assessment recorded"),
    "network.add": QT_TRANSLATE_NOOP("AuditAction", "Network link added"),
    "network.end": QT_TRANSLATE_NOOP("AuditAction", "Network link ended"),
    "placement.add": QT_TRANSLATE_NOOP("AuditAction", "Placement added"),
    "placement.address": QT_TRANSLATE_NOOP("AuditAction", "Protected address of a placement set"),
    "placement.end": QT_TRANSLATE_NOOP("AuditAction", "Placement ended"),
    "follow_up.add": QT_TRANSLATE_NOOP("AuditAction", "Follow-up recorded"),
    "follow_up.result": QT_TRANSLATE_NOOP("AuditAction", "Follow-up results recorded"),
    "reminder.add": QT_TRANSLATE_NOOP("AuditAction", "Reminder added"),
    "reminder.done": QT_TRANSLATE_NOOP("AuditAction", "Reminder marked as done"),
    "grant.confirm": QT_TRANSLATE_NOOP("AuditAction", "State grant criterion assessed"),
    "needs.assess": QT_TRANSLATE_NOOP("AuditAction", "Needs assessment recorded"),
    "care.add": QT_TRANSLATE_NOOP("AuditAction", "Contact with psychiatry or addiction care added"),
    "care.update": QT_TRANSLATE_NOOP(
        "AuditAction", "Contact with psychiatry or addiction care changed"
    ),
    "sip.add": QT_TRANSLATE_NOOP("AuditAction", "Coordinated individual plan (SIP) recorded"),
    "sip.action_add": QT_TRANSLATE_NOOP("AuditAction", "Action added to a SIP"),
    "sip.action_done": QT_TRANSLATE_NOOP("AuditAction", "Action of a SIP done"),
    "sip.follow_up": QT_TRANSLATE_NOOP("AuditAction", "SIP followed up"),
    "sip.end": QT_TRANSLATE_NOOP("AuditAction", "SIP ended"),
    "decision.add": QT_TRANSLATE_NOOP("AuditAction", "Decision signed"),
    "decision.correct": QT_TRANSLATE_NOOP("AuditAction", "Decision corrected"),
    "decision.notified": QT_TRANSLATE_NOOP("AuditAction", "Notification date of a decision added"),
    "decision.appeal": QT_TRANSLATE_NOOP("AuditAction", "Appeal of a decision recorded"),
    "decision.appeal_outcome": QT_TRANSLATE_NOOP("AuditAction", "Outcome of an appeal recorded"),
    "intervention.links": QT_TRANSLATE_NOOP(
        "AuditAction", "Method and decision of an intervention set"
    ),
    "follow_up.links": QT_TRANSLATE_NOOP("AuditAction", "What a follow-up evaluates recorded"),
    "case.end_reason": QT_TRANSLATE_NOOP("AuditAction", "Reason the case ended recorded"),
    # registers, statistics, gallring
    "group.add": QT_TRANSLATE_NOOP("AuditAction", "Group added to the register"),
    "group.relation": QT_TRANSLATE_NOOP("AuditAction", "Relation between groups recorded"),
    "provider.add": QT_TRANSLATE_NOOP("AuditAction", "Provider added to the register"),
    "provision.add": QT_TRANSLATE_NOOP("AuditAction", "Provision added to the register"),
    "provision.update": QT_TRANSLATE_NOOP("AuditAction", "Provision in the register changed"),
    "method.add": QT_TRANSLATE_NOOP("AuditAction", "Method added to the register"),
    "method.update": QT_TRANSLATE_NOOP("AuditAction", "Method in the register changed"),
    "method.import": QT_TRANSLATE_NOOP("AuditAction", "Shared method register imported"),
    "method.export": QT_TRANSLATE_NOOP("AuditAction", "Method register exported as a signed file"),
    "stats.export": QT_TRANSLATE_NOOP("AuditAction", "Statistics exported"),
    "grant.export": QT_TRANSLATE_NOOP("AuditAction", "State grant summary exported"),
    "national.export": QT_TRANSLATE_NOOP("AuditAction", "National report exported"),
    "national.receive": QT_TRANSLATE_NOOP("AuditAction", "National report received"),
    "national.release": QT_TRANSLATE_NOOP("AuditAction", "National tables exported"),
    "research.project_add": QT_TRANSLATE_NOOP("AuditAction", "Research project added"),
    "research.extract": QT_TRANSLATE_NOOP("AuditAction", "Pseudonymised research extract made"),
    "gallring.case": QT_TRANSLATE_NOOP("AuditAction", "Case weeded (deleted for good)"),
    "gallring.run": QT_TRANSLATE_NOOP("AuditAction", "Weeding carried out"),
    # sharing cases with colleagues (docs/sync.md)
    "team.share": QT_TRANSLATE_NOOP("AuditAction", "Case shared with a colleague"),
    "team.end": QT_TRANSLATE_NOOP("AuditAction", "A colleague's share of the case ended"),
    "team.responsible": QT_TRANSLATE_NOOP(
        "AuditAction", "Responsibility for the case handed to a colleague"
    ),
    "team.apply": QT_TRANSLATE_NOOP("AuditAction", "Changes from a colleague applied"),
    "team.resolve": QT_TRANSLATE_NOOP("AuditAction", "Conflicting changes resolved"),
    "team.removed": QT_TRANSLATE_NOOP(
        "AuditAction",
        "This laptop's copy of a shared case removed (stand-in share ended or case handed over)",
    ),
    "team.removal_confirmed": QT_TRANSLATE_NOOP(
        "AuditAction", "A colleague confirmed removing their copy of the case"
    ),
    "team.handed_over": QT_TRANSLATE_NOOP(
        "AuditAction", "Shared case handed over to another municipality: every share ended"
    ),
    "team.handed_over_told": QT_TRANSLATE_NOOP(
        "AuditAction", "Told that a shared case was handed over to another municipality"
    ),
    "team.folder": QT_TRANSLATE_NOOP("AuditAction", "Sync folder chosen"),
    # handover, bundles, contacts, our identity
    "handover.basis": QT_TRANSLATE_NOOP("AuditAction", "Legal basis for a handover recorded"),
    "handover.export": QT_TRANSLATE_NOOP("AuditAction", "Case handed over (bundle sealed)"),
    "handover.protected": QT_TRANSLATE_NOOP(
        "AuditAction", "Protected details included in a handover"
    ),
    "handover.conflicts_acknowledged": QT_TRANSLATE_NOOP(
        "AuditAction", "Network conflict acknowledged"
    ),
    "handover.accept": QT_TRANSLATE_NOOP("AuditAction", "Handed-over case received"),
    "handover.refuse": QT_TRANSLATE_NOOP("AuditAction", "Handed-over case refused"),
    "handover.receipt": QT_TRANSLATE_NOOP("AuditAction", "Receipt for a handover imported"),
    "handover.cancel": QT_TRANSLATE_NOOP(
        "AuditAction", "Handover cancelled before its bundle was written"
    ),
    "handover.written_again": QT_TRANSLATE_NOOP("AuditAction", "Handover bundle written again"),
    "handover.receipt_written": QT_TRANSLATE_NOOP(
        "AuditAction", "Receipt for a received handover written"
    ),
    "bundle.placed": QT_TRANSLATE_NOOP(
        "AuditAction", "A bundle owed after an interruption written at unlock"
    ),
    "output.completed": QT_TRANSLATE_NOOP(
        "AuditAction", "An interrupted file write finished at unlock"
    ),
    "output.not_placed": QT_TRANSLATE_NOOP(
        "AuditAction", "An interrupted file write could not be put in place"
    ),
    "bundle.open": QT_TRANSLATE_NOOP("AuditAction", "Bundle opened and checked"),
    "bundle.seal": QT_TRANSLATE_NOOP("AuditAction", "Bundle sealed"),
    "contact.import": QT_TRANSLATE_NOOP("AuditAction", "Contact card imported"),
    "contact.verify": QT_TRANSLATE_NOOP("AuditAction", "Contact verified (fingerprint compared)"),
    "contact.verify_failed": QT_TRANSLATE_NOOP(
        "AuditAction", "Contact not verified: the fingerprint did not match"
    ),
    "contact.revoke": QT_TRANSLATE_NOOP("AuditAction", "Contact revoked"),
    "contact.rotate": QT_TRANSLATE_NOOP("AuditAction", "Contact's keys updated"),
    "identity.create": QT_TRANSLATE_NOOP("AuditAction", "Our identity and keys created"),
    "identity.export_card": QT_TRANSLATE_NOOP("AuditAction", "Our contact card exported"),
    "identity.rotate": QT_TRANSLATE_NOOP("AuditAction", "Our keys replaced"),
    "identity.export_secret_key": QT_TRANSLATE_NOOP("AuditAction", "Our secret key exported"),
}


def action_text(action: str) -> str:
    """The action as a short sentence in the user's language (never the bare code)."""
    source = ACTIONS.get(action)
    if source is not None:
        return QCoreApplication.translate("AuditAction", source)
    return QCoreApplication.translate("AuditText", "Other event ({code})").format(
        code=clean_untrusted(action, 80)
    )


def describe(entry: AuditEntry) -> str:
    return action_text(entry.action)


def action_tooltip(entry: AuditEntry) -> str:
    """The sentence and the stable code, for logguppföljning (filters, exports, scripts)."""
    return QCoreApplication.translate("AuditText", "{text}\nCode in the log: {code}").format(
        text=action_text(entry.action), code=clean_untrusted(entry.action, 80)
    )


def actor_text(actor: str) -> str:
    if actor == UNKNOWN_ACTOR:
        return QCoreApplication.translate("AuditText", "unknown (before unlocking)")
    return clean_untrusted(actor, 100) if actor else "–"


def subject_text(subject: str) -> str:
    """A case number as it is; the core's ``kind:id`` subjects in words."""
    kind, sep, rest = subject.partition(":")
    if not subject:
        return "–"
    if sep and kind == "bundle":
        return QCoreApplication.translate("AuditText", "bundle {id}").format(id=short_id(rest))
    if sep and kind == "contact":
        return QCoreApplication.translate("AuditText", "contact {id}").format(
            id=clean_untrusted(rest, 20)
        )
    if sep and kind == "identity":
        return QCoreApplication.translate("AuditText", "our identity, key generation {n}").format(
            n=clean_untrusted(rest, 20)
        )
    if len(subject) == 64 and all(c in "0123456789abcdef" for c in subject):
        # gallring.case: a one-way reference to the deleted case's number
        return QCoreApplication.translate("AuditText", "weeded case (reference {ref})").format(
            ref=subject[:12]
        )
    return clean_untrusted(subject, 100)


def short_id(value: object) -> str:
    """The first eight characters of a bundle id (enough to tell files apart on screen)."""
    return clean_untrusted(value, 40)[:8]
