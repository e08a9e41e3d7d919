"""The parts of one imported case (see :mod:`storage.case_import.reader`, docs/case-import.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from storage.case_import.fields import (
    PERSON,
    at,
    call,
    decode_base64,
    group_ref,
    items,
    obj,
    provider_ref,
)
from storage.case_import.plan import (
    FOLLOW_UP_V2,
    INTERVENTION_V2,
    RESULT,
    add_decisions,
    add_needs_and_care,
    reference,
)
from storage.casefile import (
    assessments,
    consents,
    documents,
    followups,
    interventions,
    journal,
    persons,
    placements,
)
from storage.casefile.repo import StoreLike
from storage.caseplan.followup_links import set_follow_up_links
from storage.casework import followup_results

CONSENT = {"agencies", "municipalities", "signed_on", "expires_on", "revoked_on", "revoked_reason"}
THREAT = {"source_unit", "assessed_on", "level", "summary", "measures", "next_review_on"}
INTERVENTION = {
    "type",
    "provider",
    "started_on",
    "ended_on",
    "cost_sek",
    "funding",
    "control_interval_days",
    "notes",
    "controls",
}


def _relatives(store: StoreLike, c: dict[str, Any], path: str, case_id: int) -> None:
    allowed = PERSON | {"relation", "accompanying_child"}
    for i, item in enumerate(items(c.get("relatives"), f"{path}.relatives")):
        where = f"{path}.relatives[{i}]"
        call(
            persons.add_relative,
            where,
            obj(item, where, allowed),
            {"name", "relation"},
            store,
            case_id,
        )


def _consents(store: StoreLike, c: dict[str, Any], path: str, case_id: int, pid: int) -> None:
    for i, item in enumerate(items(c.get("consents"), f"{path}.consents")):
        where = f"{path}.consents[{i}]"
        item = dict(obj(item, where, CONSENT))
        revoked_on, reason = item.pop("revoked_on", None), item.pop("revoked_reason", None)
        consent_id = call(
            consents.add_consent,
            where,
            item | {"person_id": pid},
            {"agencies", "municipalities", "signed_on"},
            store,
            case_id,
        )
        if revoked_on is not None or reason is not None:
            with at(where):
                consents.revoke_consent(store, consent_id, revoked_on=revoked_on, reason=reason)


def _agreements(store: StoreLike, c: dict[str, Any], path: str, case_id: int) -> None:
    for i, item in enumerate(items(c.get("agreements"), f"{path}.agreements")):
        where = f"{path}.agreements[{i}]"
        item = obj(item, where, {"signed_on", "valid_until", "summary", "conditions"})
        conditions = items(item.get("conditions"), f"{where}.conditions")
        texts, breaches = [], []
        for j, cond in enumerate(conditions):
            cond = obj(cond, f"{where}.conditions[{j}]", {"text", "breaches"})
            texts.append(cond.get("text"))
            breaches.append(items(cond.get("breaches"), f"{where}.conditions[{j}].breaches"))
        agreement_id = call(
            consents.add_agreement,
            where,
            {**item, "conditions": texts},
            {"signed_on", "conditions"},
            store,
            case_id,
        )
        condition_ids = [
            int(r[0])
            for r in store.conn.execute(
                "SELECT id FROM conditions WHERE agreement_id = ? ORDER BY id", (agreement_id,)
            )
        ]
        for j, (cond_id, found) in enumerate(zip(condition_ids, breaches, strict=False)):
            for k, breach in enumerate(found):
                bpath = f"{where}.conditions[{j}].breaches[{k}]"
                breach = obj(breach, bpath, {"occurred_on", "description", "consequence"})
                call(
                    consents.record_breach,
                    bpath,
                    breach,
                    {"occurred_on", "description"},
                    store,
                    cond_id,
                )


def _threats_and_network(
    store: StoreLike,
    c: dict[str, Any],
    path: str,
    case_id: int,
    pid: int,
    group_ids: dict[str, int],
) -> None:
    for i, item in enumerate(items(c.get("threat_assessments"), f"{path}.threat_assessments")):
        where = f"{path}.threat_assessments[{i}]"
        call(
            assessments.add_threat_assessment,
            where,
            obj(item, where, THREAT),
            {"source_unit", "assessed_on", "level", "summary"},
            store,
            case_id,
        )
    for i, item in enumerate(items(c.get("network_links"), f"{path}.network_links")):
        where = f"{path}.network_links[{i}]"
        item = dict(obj(item, where, {"environment", "group", "role", "left_on"}))
        if "group" in item:
            item["group_id"] = group_ref(store, group_ids, item.pop("group"), f"{where}.group")
        call(
            assessments.add_network_link,
            where,
            item | {"person_id": pid},
            {"environment"},
            store,
            case_id,
        )


def _interventions(
    store: StoreLike,
    c: dict[str, Any],
    path: str,
    case_id: int,
    provider_ids: dict[str, int],
    plan: Plan,
) -> dict[str, int]:
    refs: dict[str, int] = {}
    allowed = INTERVENTION | (INTERVENTION_V2 if plan.version >= 2 else set())
    for i, item in enumerate(items(c.get("interventions"), f"{path}.interventions")):
        where = f"{path}.interventions[{i}]"
        item = dict(obj(item, where, allowed))
        controls = items(item.pop("controls", None), f"{where}.controls")
        if "provider" in item:
            name = item.pop("provider")
            item["provider_id"] = provider_ref(store, provider_ids, name, f"{where}.provider")
        ref = item.pop("ref", None)
        if "method" in item:
            item["method_id"] = reference(
                plan.methods, item.pop("method"), f"{where}.method", "method"
            )
        if "decision" in item:
            item["decision_id"] = reference(
                plan.decisions, item.pop("decision"), f"{where}.decision", "decision"
            )
        iid = call(
            interventions.add_intervention, where, item, {"type", "started_on"}, store, case_id
        )
        for j, ctl in enumerate(controls):
            cpath = f"{where}.controls[{j}]"
            ctl = obj(ctl, cpath, {"planned_on", "done_on", "notes"})
            planned: dict[str, Any] = {k: ctl[k] for k in ("planned_on", "notes") if k in ctl}
            control_id = call(
                interventions.plan_provider_control, cpath, planned, {"planned_on"}, store, iid
            )
            if ctl.get("done_on") is not None:
                with at(cpath):
                    interventions.record_provider_control(store, control_id, ctl["done_on"])
        if ref is not None:
            refs[str(ref).strip()] = iid
    return refs


def _placements_and_rest(
    store: StoreLike, c: dict[str, Any], path: str, case_id: int, plan: Plan, done: dict[str, int]
) -> None:
    for i, item in enumerate(items(c.get("placements"), f"{path}.placements")):
        where = f"{path}.placements[{i}]"
        item = dict(obj(item, where, {"municipality", "moved_in_on", "moved_out_on", "address"}))
        address = item.pop("address", None)
        placement_id = call(
            placements.add_placement, where, item, {"municipality", "moved_in_on"}, store, case_id
        )
        if address is not None:
            apath = f"{where}.address"
            address = obj(address, apath, {"street", "postal_code", "city"})
            call(
                placements.set_placement_address,
                apath,
                address,
                {"street", "city"},
                store,
                placement_id,
            )
    for i, item in enumerate(items(c.get("journal"), f"{path}.journal")):
        where = f"{path}.journal[{i}]"
        extra = {"entry_type", "event_date"} if plan is not None and plan.version >= 2 else set()
        item = obj(item, where, {"author", "written_at", "text"} | extra)
        call(
            journal.add_journal_entry,
            where,
            item | {"imported": True},
            {"text", "author", "written_at"},
            store,
            case_id,
        )
    for i, item in enumerate(items(c.get("documents"), f"{path}.documents")):
        where = f"{path}.documents[{i}]"
        item = dict(obj(item, where, {"title", "filename", "content_base64"}))
        content = decode_base64(item.pop("content_base64", None), f"{where}.content_base64")
        call(
            documents.add_document,
            where,
            item | {"content": content},
            {"title", "filename"},
            store,
            case_id,
        )
    allowed = {"kind", "done_on", "summary"} | (FOLLOW_UP_V2 if plan.version >= 2 else set())
    for i, item in enumerate(items(c.get("follow_ups"), f"{path}.follow_ups")):
        where = f"{path}.follow_ups[{i}]"
        item = dict(obj(item, where, allowed))
        result = item.pop("result", None)
        domains = items(item.pop("domains", None), f"{where}.domains")
        ids = [
            reference(done, ref, f"{where}.interventions[{j}]", "intervention")
            for j, ref in enumerate(
                items(item.pop("interventions", None), f"{where}.interventions")
            )
        ]
        if result is None:
            follow_up_id = call(
                followups.add_follow_up,
                where,
                item,
                {"kind", "done_on", "summary"},
                store,
                case_id,
            )
            if domains or ids:
                with at(where):
                    set_follow_up_links(store, follow_up_id, domains=domains, intervention_ids=ids)
            continue
        form = obj(result, f"{where}.result", RESULT)
        call(
            followup_results.record_follow_up,
            where,
            {
                **form,
                "kind": item.get("kind"),
                "done_on": item.get("done_on"),
                "notes": item.get("summary"),
                "domains": domains,
                "intervention_ids": ids,
            },
            {"kind", "done_on", *RESULT},
            store,
            case_id,
        )


@dataclass
class Plan:
    """What version 2 of the format adds to one import: its version, the file's methods
    (code -> id) and, while a case is imported, its decisions (reference -> id)."""

    version: int = 1
    methods: dict[str, int] = field(default_factory=dict)
    decisions: dict[str, int] = field(default_factory=dict)


def add_parts(
    store: StoreLike,
    c: dict[str, Any],
    path: str,
    case_id: int,
    principal: int,
    group_ids: dict[str, int],
    provider_ids: dict[str, int],
    plan: Plan | None = None,
) -> None:
    """Everything of a case but the case row, the principal person and (version 2) the
    reason it ended."""
    plan = plan or Plan()
    _relatives(store, c, path, case_id)
    _consents(store, c, path, case_id, principal)
    _agreements(store, c, path, case_id)
    _threats_and_network(store, c, path, case_id, principal, group_ids)
    if plan.version >= 2:
        add_needs_and_care(store, c, path, case_id)
        plan.decisions = add_decisions(store, c, path, case_id)
    done = _interventions(store, c, path, case_id, provider_ids, plan)
    _placements_and_rest(store, c, path, case_id, plan, done)
