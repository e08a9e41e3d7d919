"""The parts of an imported case that version 2 of the format adds (docs/case-import.md):
needs assessments, care contacts, SIPs, decisions with their provisions and appeals, the
method and decision of each intervention, what a follow-up evaluates and its results, and
the reason a closed case ended. Every record goes through the same repository functions
and rules as by hand; a decision keeps its signer and time and is marked imported.
"""

from __future__ import annotations

from typing import Any

from storage.case_import.fields import at, call, items, obj
from storage.casefile.repo import StoreLike
from storage.caseplan import care, decisions, endings, needs, sip
from storage.records import validate as v
from storage.records.errors import FieldTypeError, UnknownReferenceError
from storage.registers import provisions as provision_register
from storage.registers.provisions import provisions

NEEDS = {"assessed_on", "occasion", "assessed_by", "next_review_on", "note", "ratings"}
CARE = {
    "kind",
    "region",
    "unit",
    "contact_person",
    "started_on",
    "ended_on",
    "referral_sent_on",
    "referral_answered_on",
    "referral_answer",
    "notes",
}
SIP = {
    "held_on",
    "consent_on",
    "lead",
    "lead_name",
    "participants",
    "follow_up_on",
    "followed_up_on",
    "ended_on",
    "notes",
    "actions",
}
SIP_ACTION = {"action", "responsible", "due_on", "done_on"}
PROVISION = {"code", "law", "reference", "title", "source", "source_date"}
DECISION = {
    "ref",
    "provision",
    "provision_text",
    "outcome",
    "subject",
    "intervention_type",
    "reasons",
    "decided_by",
    "delegation",
    "decided_on",
    "notified_on",
    "appeal_info",
    "signed_by",
    "signed_at",
    "appeals",
}
APPEAL = {"lodged_on", "court", "outcome", "outcome_on", "note"}
#: Keys of a case that only version 2 knows.
CASE_V2 = {"needs_assessments", "care_contacts", "sips", "decisions", "end_reason"}
INTERVENTION_V2 = {"ref", "method", "decision"}
FOLLOW_UP_V2 = {"result", "domains", "interventions"}
RESULT = {"status", "housing", "occupation", "relapse"}


def add_needs_and_care(store: StoreLike, c: dict[str, Any], path: str, case_id: int) -> None:
    for i, item in enumerate(items(c.get("needs_assessments"), f"{path}.needs_assessments")):
        where = f"{path}.needs_assessments[{i}]"
        call(
            needs.add_needs_assessment,
            where,
            obj(item, where, NEEDS),
            {"assessed_on", "occasion", "ratings"},
            store,
            case_id,
        )
    for i, item in enumerate(items(c.get("care_contacts"), f"{path}.care_contacts")):
        where = f"{path}.care_contacts[{i}]"
        call(
            care.add_care_contact,
            where,
            obj(item, where, CARE),
            {"kind", "region", "unit", "started_on"},
            store,
            case_id,
        )
    for i, item in enumerate(items(c.get("sips"), f"{path}.sips")):
        _sip(store, obj(item, f"{path}.sips[{i}]", SIP), f"{path}.sips[{i}]", case_id)


def _sip(store: StoreLike, item: dict[str, Any], where: str, case_id: int) -> None:
    fields = dict(item)
    followed, ended = fields.pop("followed_up_on", None), fields.pop("ended_on", None)
    actions = [
        obj(a, f"{where}.actions[{j}]", SIP_ACTION)
        for j, a in enumerate(items(fields.pop("actions", None), f"{where}.actions"))
    ]
    fields["actions"] = [
        {k: a.get(k) for k in ("action", "responsible", "due_on")} for a in actions
    ]
    sip_id = call(
        sip.add_sip,
        where,
        fields,
        {"held_on", "consent_on", "lead", "participants"},
        store,
        case_id,
    )
    with at(where):
        rows = store.conn.execute(
            "SELECT id FROM sip_actions WHERE sip_id = ? ORDER BY id", (sip_id,)
        ).fetchall()
        for (action_id,), action in zip(rows, actions, strict=True):
            if action.get("done_on") is not None:
                sip.complete_sip_action(store, int(action_id), action["done_on"])
        if followed is not None:
            sip.record_sip_follow_up(
                store,
                sip_id,
                held_on=followed,
                next_follow_up_on=item.get("follow_up_on")
                if item.get("follow_up_on") and str(item["follow_up_on"]) > str(followed)
                else None,
            )
        if ended is not None:
            sip.end_sip(store, sip_id, ended)


def _provision(store: StoreLike, value: object, where: str) -> int:
    """The provision a decision names: ours by code, else added to our register."""
    item = obj(value, where, PROVISION)
    code = v.required_text(f"{where}.code", item.get("code"), limit=40)
    for p in provisions(store):
        if p.code == code:
            return p.id
    fields = {k: item.get(k) for k in ("law", "title", "reference", "source_date")}
    fields["source"] = item.get("source") or "Från ett importerat ärende"
    return int(
        call(
            provision_register.add_provision,
            where,
            {**fields, "code": code},
            {"law", "title", "source"},
            store,
        )
    )


def add_decisions(store: StoreLike, c: dict[str, Any], path: str, case_id: int) -> dict[str, int]:
    """The case's decisions; returns their file references -> decision ids."""
    refs: dict[str, int] = {}
    for i, item in enumerate(items(c.get("decisions"), f"{path}.decisions")):
        where = f"{path}.decisions[{i}]"
        fields = dict(obj(item, where, DECISION))
        ref = fields.pop("ref", None)
        appeals = items(fields.pop("appeals", None), f"{where}.appeals")
        fields["provision_id"] = _provision(
            store, fields.pop("provision", None), f"{where}.provision"
        )
        decision_id = call(
            decisions.import_decision,
            where,
            fields,
            {
                "signed_by",
                "signed_at",
                "provision_text",
                "outcome",
                "subject",
                "delegation",
                "decided_on",
            },
            store,
            case_id,
        )
        if ref is not None:
            key = v.required_text(f"{where}.ref", ref, limit=40)
            refs[key] = decision_id
        for j, appeal in enumerate(appeals):
            apath = f"{where}.appeals[{j}]"
            appeal = dict(obj(appeal, apath, APPEAL))
            outcome, on = appeal.pop("outcome", None), appeal.pop("outcome_on", None)
            appeal_id = call(decisions.add_appeal, apath, appeal, {"lodged_on"}, store, decision_id)
            if outcome is not None or on is not None:
                with at(apath):
                    decisions.record_appeal_outcome(
                        store,
                        appeal_id,
                        outcome=outcome,
                        decided_on=on,
                    )
    return refs


def reference(refs: dict[str, int], value: object, path: str, record: str) -> int:
    if not isinstance(value, str) or not value.strip():
        raise FieldTypeError(field=path, expected=f"a {record} reference")
    found = refs.get(value.strip())
    if found is None:
        raise UnknownReferenceError(field=path, record=record)
    return found


def add_end_reason(store: StoreLike, c: dict[str, Any], path: str, case_id: int) -> None:
    if c.get("end_reason") is None:
        return
    where = f"{path}.end_reason"
    item = obj(c["end_reason"], where, {"reason", "note"})
    call(endings.set_end_reason, where, item, {"reason"}, store, case_id)
