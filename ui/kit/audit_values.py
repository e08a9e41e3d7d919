"""How one value of an audit entry's details reads: plain text, a vocabulary's label, a count
with Qt's plural forms, a shortened hash, a local time. Used by ui/kit/audit_details.py,
which decides which key gets which treatment.

Nothing here ever shows JSON: lists are joined, mappings become "key: value" pairs, and
every string passes :func:`storage.errors.clean_untrusted` (one line, printable, bounded).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from storage.casework.followup_results import Relapse
from storage.errors import QT_TRANSLATE_NOOP, clean_untrusted
from storage.records.enums import Choice
from ui.kit import labels, vocab
from ui.kit.dialogs import human_size


def tr(text: str) -> str:
    """``text`` (marked with ``QT_TRANSLATE_NOOP("AuditDetail", ...)``) translated."""
    return QCoreApplication.translate("AuditDetail", text)


class AuditCount(QObject):
    """Counts in the audit texts with Qt's plural forms. lupdate marks a message as plural
    (numerus) only for ``self.tr(text, "", n)``, so they live on this small object; its class
    name is their translation context."""

    def phrase(self, key: str, n: int) -> str | None:
        texts = {
            "entries": lambda: self.tr("%n entry(ies)", "", n),
            "failed": lambda: self.tr("%n failed attempt(s)", "", n),
            "cases": lambda: self.tr("%n case(s)", "", n),
            "journal_entries": lambda: self.tr("%n journal entry(ies)", "", n),
            "conditions": lambda: self.tr("%n condition(s)", "", n),
            "documents": lambda: self.tr("%n document(s)", "", n),
            "members": lambda: self.tr("%n part(s)", "", n),
            "tables": lambda: self.tr("%n table(s)", "", n),
            "deleted": lambda: self.tr("%n case(s) deleted", "", n),
            "kept_exempt": lambda: self.tr("%n kept (exempt)", "", n),
            "kept_research_sample": lambda: self.tr("%n kept for research", "", n),
            "days": lambda: self.tr("interval: %n day(s)", "", n),
            "window_months": lambda: self.tr("within %n month(s)", "", n),
            "events": lambda: self.tr("%n calendar event(s)", "", n),
            "tasks": lambda: self.tr("%n task(s)", "", n),
            "kept_open_handover": lambda: self.tr("%n kept (handover open)", "", n),
            "token_slots": lambda: self.tr("%n card slot(s)", "", n),
            "token_slots_removed": lambda: self.tr("%n card slot(s) removed", "", n),
            "high": lambda: self.tr("%n domain(s) with a great need", "", n),
            "participants": lambda: self.tr("%n participant(s)", "", n),
            "actions": lambda: self.tr("%n action(s)", "", n),
            "added": lambda: self.tr("%n added", "", n),
            "updated": lambda: self.tr("%n changed", "", n),
            "unchanged": lambda: self.tr("%n unchanged", "", n),
            "domains": lambda: self.tr("%n need domain(s)", "", n),
            "interventions": lambda: self.tr("%n intervention(s)", "", n),
            "methods": lambda: self.tr("%n method(s)", "", n),
        }
        make = texts.get(key)
        return make() if make is not None else None


COUNTED = (
    "entries",
    "failed",
    "cases",
    "journal_entries",
    "conditions",
    "documents",
    "members",
    "tables",
    "deleted",
    "kept_exempt",
    "kept_research_sample",
    "days",
    "window_months",
    "events",
    "tasks",
    "kept_open_handover",
    "token_slots",
    "token_slots_removed",
    "high",
    "participants",
    "actions",
    "added",
    "updated",
    "unchanged",
    "domains",
    "interventions",
    "methods",
)


def count(key: str, value: Any) -> str:
    """``3 ärenden``: the count phrase of ``key`` (plain "key: value" if not a number)."""
    if isinstance(value, bool) or not isinstance(value, int):
        return plain_pair(key, value)
    return AuditCount().phrase(key, value) or plain_pair(key, value)


def plain(value: Any) -> str:
    """A value as plain text: lists joined, mappings as "key: value", never JSON."""
    if isinstance(value, bool):
        return labels.yes_no(value)
    if value is None:
        return labels.EMPTY
    if isinstance(value, list | tuple):
        return ", ".join(plain(v) for v in value) or labels.EMPTY
    if isinstance(value, dict):
        return ", ".join(f"{plain(k)}: {plain(v)}" for k, v in value.items())
    return clean_untrusted(" ".join(str(value).split()), 300)


def plain_pair(key: str, value: Any) -> str:
    """The last resort for a key without a rule: ``key: value`` in plain text."""
    return f"{clean_untrusted(key, 60)}: {plain(value)}"


def word(words: dict[str, str], key: str, value: Any) -> str:
    """The translated word for a code the core writes; an unknown code as "key: value"."""
    text = words.get(str(value))
    return tr(text) if text else plain_pair(key, value)


def pair(label: str, value: Any) -> str:
    """``label: value`` with ``label`` marked for translation."""
    return tr(QT_TRANSLATE_NOOP("AuditDetail", "{label}: {value}")).format(
        label=tr(label), value=value
    )


def quoted(value: Any) -> str:
    """The caseworker's own words (a reason), quoted."""
    return tr(QT_TRANSLATE_NOOP("AuditDetail", "“{text}”")).format(text=plain(value))


def choice(kind: type[Choice], value: Any) -> str:
    """A vocabulary code as its label (ui/kit/labels.py, ui/kit/vocab.py)."""
    try:
        member = kind(value)
    except ValueError:
        return plain(value)
    return vocab.text(member)


def short_hash(value: Any) -> str:
    """The first 16 characters of a hash or checksum (the export has the whole value)."""
    text = plain(value)
    return f"{text[:16]}…" if len(text) > 16 else text


def ids(template: str, value: Any) -> str:
    """``journal entry {id}`` for one id; a list of ids joined."""
    values = value if isinstance(value, list | tuple) else [value]
    shown = ", ".join(plain(v) for v in values) or labels.EMPTY
    return tr(template).format(id=shown)


def flag(value: Any, yes: str, no: str | None) -> str:
    """The phrase for a yes/no detail ("" when no phrase is worth showing)."""
    if value is True:
        return tr(yes)
    if value is False:
        return tr(no) if no is not None else ""
    return plain(value)


def output(value: Any) -> str:
    where = {
        "file": QT_TRANSLATE_NOOP("AuditDetail", "a file"),
        "printer": QT_TRANSLATE_NOOP("AuditDetail", "the printer"),
    }
    text = where.get(str(value))
    return tr(text) if text else plain(value)


def decisions(value: Any) -> str:
    """The extract's review per item kind: how many included, masked, withheld."""
    if not isinstance(value, dict):
        return plain(value)
    totals = {"include": 0, "mask": 0, "withhold": 0}
    for counts in value.values():
        if isinstance(counts, dict):
            for key in totals:
                count = counts.get(key, 0)
                totals[key] += count if isinstance(count, int) else 0
    return tr(
        QT_TRANSLATE_NOOP("AuditDetail", "{include} included, {mask} masked, {withhold} withheld")
    ).format(**totals)


def rule(value: Any) -> str:
    rules = {
        "handover_accept": QT_TRANSLATE_NOOP(
            "AuditDetail", "the municipalities of a received case"
        ),
    }
    text = rules.get(str(value))
    return tr(text) if text else plain(value)


def minutes(value: Any) -> str:
    """A duration in minutes ("60 min")."""
    return f"{plain(value)} min"


def local_time(value: Any) -> str:
    return labels.local_time(str(value)) if value else labels.EMPTY


def size(value: Any) -> str:
    return human_size(int(value)) if isinstance(value, int) else plain(value)


# ---------------------------------------------------------------- values of particular keys


def reveal_field(value: Any) -> str:
    names = {
        "name": QT_TRANSLATE_NOOP("AuditDetail", "name"),
        "personnummer": QT_TRANSLATE_NOOP("AuditDetail", "personnummer"),
        "address": QT_TRANSLATE_NOOP("AuditDetail", "protected address"),
        "new_identity": QT_TRANSLATE_NOOP("AuditDetail", "fictitious personal details"),
        "handover_municipality": QT_TRANSLATE_NOOP("AuditDetail", "receiving municipality"),
    }
    name = names.get(str(value))
    return pair(QT_TRANSLATE_NOOP("AuditDetail", "detail"), tr(name) if name else plain(value))


FIELD_NAMES = {
    "home_municipality": QT_TRANSLATE_NOOP("AuditDetail", "municipality of residence"),
    "stay_municipality": QT_TRANSLATE_NOOP("AuditDetail", "municipality of stay"),
    "caseworker": QT_TRANSLATE_NOOP("AuditDetail", "caseworker responsible"),
    "referral_source": QT_TRANSLATE_NOOP("AuditDetail", "referred by"),
    "name": QT_TRANSLATE_NOOP("AuditDetail", "name"),
    "personnummer": QT_TRANSLATE_NOOP("AuditDetail", "personnummer"),
    "birth_year": QT_TRANSLATE_NOOP("AuditDetail", "year of birth"),
    "gender": QT_TRANSLATE_NOOP("AuditDetail", "gender"),
    "language": QT_TRANSLATE_NOOP("AuditDetail", "language"),
    "protection_level": QT_TRANSLATE_NOOP("AuditDetail", "protection level"),
    "relation": QT_TRANSLATE_NOOP("AuditDetail", "relation"),
    "accompanying_child": QT_TRANSLATE_NOOP("AuditDetail", "accompanying child"),
    "kind": QT_TRANSLATE_NOOP("AuditDetail", "kind"),
    "region": QT_TRANSLATE_NOOP("AuditDetail", "region"),
    "unit": QT_TRANSLATE_NOOP("AuditDetail", "unit"),
    "contact_person": QT_TRANSLATE_NOOP("AuditDetail", "contact person"),
    "started_on": QT_TRANSLATE_NOOP("AuditDetail", "start date"),
    "ended_on": QT_TRANSLATE_NOOP("AuditDetail", "end date"),
    "referral_sent_on": QT_TRANSLATE_NOOP("AuditDetail", "referral sent"),
    "referral_answered_on": QT_TRANSLATE_NOOP("AuditDetail", "referral answered"),
    "referral_answer": QT_TRANSLATE_NOOP("AuditDetail", "answer to the referral"),
    "notes": QT_TRANSLATE_NOOP("AuditDetail", "notes"),
    "law": QT_TRANSLATE_NOOP("AuditDetail", "law"),
    "reference": QT_TRANSLATE_NOOP("AuditDetail", "chapter and section"),
    "title": QT_TRANSLATE_NOOP("AuditDetail", "title"),
    "source": QT_TRANSLATE_NOOP("AuditDetail", "source"),
    "source_date": QT_TRANSLATE_NOOP("AuditDetail", "date of the source"),
    "note": QT_TRANSLATE_NOOP("AuditDetail", "note"),
    "active": QT_TRANSLATE_NOOP("AuditDetail", "in use"),
    "description": QT_TRANSLATE_NOOP("AuditDetail", "description"),
    "target_group": QT_TRANSLATE_NOOP("AuditDetail", "target group"),
    "evidence_level": QT_TRANSLATE_NOOP("AuditDetail", "evidence level"),
    "evidence_source": QT_TRANSLATE_NOOP("AuditDetail", "source of the evidence level"),
}


def fields(value: Any) -> str:
    """The names of changed fields (never their values: the core writes none)."""
    names = [
        tr(FIELD_NAMES[str(v)]) if str(v) in FIELD_NAMES else plain(v)
        for v in (value if isinstance(value, list | tuple) else [value])
    ]
    return pair(QT_TRANSLATE_NOOP("AuditDetail", "fields"), ", ".join(names))


def kdf(value: Any) -> str:
    if not isinstance(value, dict):
        return plain_pair("kdf", value)
    text = QT_TRANSLATE_NOOP(
        "AuditDetail", "key derivation: {memory} MiB, {passes} passes, {lanes} lanes"
    )
    return tr(text).format(
        memory=int(value.get("memory_kib", 0)) // 1024,
        passes=plain(value.get("iterations")),
        lanes=plain(value.get("lanes")),
    )


def attempts(value: Any) -> str:
    """When each failed unlock happened, and with what (never what was typed)."""
    kinds = {
        "passphrase": QT_TRANSLATE_NOOP("AuditDetail", "passphrase"),
        "recovery": QT_TRANSLATE_NOOP("AuditDetail", "recovery code"),
        "token": QT_TRANSLATE_NOOP("AuditDetail", "card PIN"),
        "quick_pin": QT_TRANSLATE_NOOP("AuditDetail", "quick-unlock PIN"),
    }
    items = []
    for attempt in value if isinstance(value, list) else []:
        if isinstance(attempt, dict):
            kind = kinds.get(str(attempt.get("kind")))
            what = tr(kind) if kind else plain(attempt.get("kind"))
            items.append(f"{local_time(attempt.get('at'))} ({what})")
    return pair(QT_TRANSLATE_NOOP("AuditDetail", "when"), ", ".join(items) or labels.EMPTY)


def method(value: Any) -> str:
    methods = {
        "digits": QT_TRANSLATE_NOOP("AuditDetail", "by comparing the digits"),
        "qr": QT_TRANSLATE_NOOP("AuditDetail", "by scanning the QR code"),
    }
    return word(methods, "method", value)


def output_purpose(value: Any) -> str:
    purposes = {
        "bundle": QT_TRANSLATE_NOOP("AuditDetail", "a bundle"),
        "backup": QT_TRANSLATE_NOOP("AuditDetail", "a backup"),
        "backup-copy": QT_TRANSLATE_NOOP("AuditDetail", "a backup's working copy"),
        "card": QT_TRANSLATE_NOOP("AuditDetail", "a contact card"),
        "document": QT_TRANSLATE_NOOP("AuditDetail", "an exported document"),
    }
    return word(purposes, "file_kind", value)


def receipt_mode(value: Any) -> str:
    modes = {
        "identical": QT_TRANSLATE_NOOP("AuditDetail", "byte-identical to the first"),
        "resealed": QT_TRANSLATE_NOOP("AuditDetail", "sealed afresh with the same content"),
    }
    return word(modes, "mode", value)


def direction(value: Any) -> str:
    directions = {
        "export": QT_TRANSLATE_NOOP("AuditDetail", "when handing over"),
        "import": QT_TRANSLATE_NOOP("AuditDetail", "when receiving"),
    }
    return word(directions, "direction", value)


def via(value: Any) -> str:
    ways = {
        "recovery_code": QT_TRANSLATE_NOOP("AuditDetail", "with the recovery code"),
        "token": QT_TRANSLATE_NOOP("AuditDetail", "with the card"),
        "quick_pin": QT_TRANSLATE_NOOP("AuditDetail", "with the quick-unlock PIN"),
        "gui": QT_TRANSLATE_NOOP("AuditDetail", "in the program"),
        "cli": QT_TRANSLATE_NOOP("AuditDetail", "on the command line"),
    }
    return word(ways, "via", value)


def keyring(value: Any) -> str:
    states = {
        "missing": QT_TRANSLATE_NOOP("AuditDetail", "the keyring no longer held the device key"),
        "mismatch": QT_TRANSLATE_NOOP("AuditDetail", "the keyring held another setup's device key"),
    }
    return word(states, "keyring", value)


def mechanism(value: Any) -> str:
    kinds = {
        "rsa-oaep-sha256": QT_TRANSLATE_NOOP("AuditDetail", "RSA key that decrypts"),
        "rsa-oaep-sha1": QT_TRANSLATE_NOOP("AuditDetail", "RSA key that decrypts"),
        "ecdh": QT_TRANSLATE_NOOP("AuditDetail", "EC key (key agreement)"),
        "rsa-pkcs1v15-sign": QT_TRANSLATE_NOOP("AuditDetail", "RSA key that only signs"),
    }
    return word(kinds, "mechanism", value)


def drill_result(value: Any) -> str:
    results = {
        "ok": QT_TRANSLATE_NOOP("AuditDetail", "the code was correct"),
        "wrong": QT_TRANSLATE_NOOP("AuditDetail", "the code did not fit"),
    }
    return word(results, "result", value)


def municipality(value: Any) -> str:
    shown = tr(QT_TRANSLATE_NOOP("AuditDetail", "all")) if value in (None, "") else plain(value)
    return pair(QT_TRANSLATE_NOOP("AuditDetail", "municipality"), shown)


def threshold(value: Any) -> str:
    text = QT_TRANSLATE_NOOP("AuditDetail", "numbers below {n} hidden")
    return tr(text).format(n=plain(value))


def relapse(value: Any) -> str:
    return pair(QT_TRANSLATE_NOOP("AuditDetail", "relapse"), choice(Relapse, value))


def grain(value: Any) -> str:
    grains = {
        "month": QT_TRANSLATE_NOOP("AuditDetail", "dates by month"),
        "quarter": QT_TRANSLATE_NOOP("AuditDetail", "dates by quarter"),
        "year": QT_TRANSLATE_NOOP("AuditDetail", "dates by year"),
    }
    text = grains.get(str(value))
    return tr(text) if text else plain(value)


def destination(value: Any) -> str:
    """Where a national report went: a file, or a contact (``contact:3``)."""
    text = str(value)
    if text.startswith("contact:") and text[8:].isdigit():
        return tr(QT_TRANSLATE_NOOP("AuditDetail", "sent to contact {id}")).format(id=text[8:])
    return tr(QT_TRANSLATE_NOOP("AuditDetail", "saved as a file"))


def bundle_kind(value: Any) -> str:
    kinds = {
        "handover": QT_TRANSLATE_NOOP("AuditDetail", "a handover"),
        "receipt": QT_TRANSLATE_NOOP("AuditDetail", "a receipt"),
        "contact-update": QT_TRANSLATE_NOOP("AuditDetail", "a key update for a contact"),
        "national-report": QT_TRANSLATE_NOOP("AuditDetail", "a national report"),
        "team-changes": QT_TRANSLATE_NOOP("AuditDetail", "changes to a shared case"),
    }
    text = kinds.get(str(value))
    return pair(QT_TRANSLATE_NOOP("AuditDetail", "contents"), tr(text) if text else plain(value))
