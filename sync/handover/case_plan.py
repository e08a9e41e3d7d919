"""What a handover carries of a case's follow-ups and plan (docs/handover.md): follow-up
results and what each follow-up evaluates, needs assessments, contacts with psychiatry and
addiction care, SIPs, and decisions as they read now with their provision as signed and
their appeals. ``case.json`` carries them in version 2 of the case-import format."""

from __future__ import annotations

from typing import Any

from storage.casefile import followups
from storage.caseplan import care, decisions, needs, sip
from storage.caseplan.followup_links import follow_up_links
from storage.casework.followup_results import follow_up_results
from storage.registers.provisions import provisions
from sync.handover.sections import CARE, DECISIONS, INTERVENTIONS, NEEDS


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None and v != []}


def _iso(value: Any) -> str | None:
    return None if value is None else str(value.isoformat())


def follow_ups(st: Any, cid: int, sections: tuple[str, ...]) -> list[dict[str, Any]]:
    """The follow-ups, with their results and what each evaluates."""
    results = {r.follow_up_id: r for r in follow_up_results(st, cid)}
    links = follow_up_links(st, cid)
    out = []
    for f in followups.follow_ups(st, cid):
        item: dict[str, Any] = {
            "kind": f.kind.value,
            "done_on": _iso(f.done_on),
            "summary": f.summary,
        }
        r = results.get(f.id)
        if r is not None and r.status is not None:
            item["result"] = {
                "status": r.status.value,
                "housing": r.housing.value if r.housing else None,
                "occupation": r.occupation.value if r.occupation else None,
                "relapse": r.relapse.value if r.relapse else None,
            }
        link = links.get(f.id)
        if link is not None:
            item["domains"] = [d.value for d in link.domains]
            if INTERVENTIONS in sections:
                item["interventions"] = [f"i{i}" for i in link.intervention_ids]
        out.append(_clean(item))
    return out


def plan_sections(st: Any, cid: int, s: tuple[str, ...]) -> dict[str, Any]:
    """Needs, care and SIP, decisions: the sections version 2 adds."""
    out: dict[str, Any] = {}
    if NEEDS in s:
        out["needs_assessments"] = [
            _clean(
                {
                    "assessed_on": _iso(a.assessed_on),
                    "occasion": a.occasion.value,
                    "assessed_by": a.assessed_by,
                    "next_review_on": _iso(a.next_review_on),
                    "note": a.note,
                    "ratings": [
                        _clean({"domain": r.domain.value, "level": r.level.value, "note": r.note})
                        for r in a.ratings
                    ],
                }
            )
            for a in needs.needs_assessments(st, cid)
        ]
    if CARE in s:
        out["care_contacts"] = [
            _clean(
                {
                    "kind": k.kind.value,
                    "region": k.region,
                    "unit": k.unit,
                    "contact_person": k.contact_person,
                    "started_on": _iso(k.started_on),
                    "ended_on": _iso(k.ended_on),
                    "referral_sent_on": _iso(k.referral_sent_on),
                    "referral_answered_on": _iso(k.referral_answered_on),
                    "referral_answer": k.referral_answer,
                    "notes": k.notes,
                }
            )
            for k in care.care_contacts(st, cid)
        ]
        out["sips"] = [_sip(p) for p in sip.sips(st, cid)]
    if DECISIONS in s:
        registered = {p.id: p for p in provisions(st)}
        out["decisions"] = [_decision(t, registered) for t in decisions.decisions(st, cid)]
    return out


def _sip(p: Any) -> dict[str, Any]:
    return _clean(
        {
            "held_on": _iso(p.held_on),
            "consent_on": _iso(p.consent_on),
            "lead": p.lead.value,
            "lead_name": p.lead_name,
            "participants": list(p.participants),
            "follow_up_on": _iso(p.follow_up_on),
            "followed_up_on": _iso(p.followed_up_on),
            "ended_on": _iso(p.ended_on),
            "notes": p.notes,
            "actions": [
                _clean(
                    {
                        "action": a.action,
                        "responsible": a.responsible,
                        "due_on": _iso(a.due_on),
                        "done_on": _iso(a.done_on),
                    }
                )
                for a in p.actions
            ],
        }
    )


def _decision(t: Any, registered: dict[int, Any]) -> dict[str, Any]:
    """A decision as it reads now (its current version), with its appeals."""
    d, where = t.current, registered[t.current.provision_id]
    return _clean(
        {
            "ref": f"d{t.original_id}",
            "provision": _clean(
                {
                    "code": where.code,
                    "law": where.law,
                    "reference": where.reference,
                    "title": where.title,
                    "source": where.source,
                    "source_date": _iso(where.source_date),
                }
            ),
            "provision_text": d.provision_text,
            "outcome": d.outcome.value,
            "subject": d.subject,
            "intervention_type": d.intervention_type.value if d.intervention_type else None,
            "reasons": d.reasons,
            "decided_by": d.decided_by,
            "delegation": d.delegation,
            "decided_on": _iso(d.decided_on),
            "notified_on": _iso(d.notified_on),
            "appeal_info": d.appeal_info,
            "signed_by": d.signed_by,
            "signed_at": d.signed_at,
            "appeals": [
                _clean(
                    {
                        "lodged_on": _iso(a.lodged_on),
                        "court": a.court,
                        "outcome": a.outcome.value if a.outcome else None,
                        "outcome_on": _iso(a.outcome_on),
                        "note": a.note,
                    }
                )
                for a in t.appeals
            ],
        }
    )
