"""What a handover carries: ``case.json`` built from our store, section by section.

``case.json`` is the case-import format of docs/case-import.md (one case), so the receiver
imports it through the same validation as any case file, plus the top-level object
``handover`` (format ``utvag-handover`` v1: the sender's case number, status and opening
date, the sections, what was withheld, and the documents, which travel as separate bundle
members ``documents/NNNN.bin`` instead of ``content_base64``). docs/handover.md has it all.

Data minimisation:
- only the chosen sections are written (:mod:`sync.handover.sections`; ``overview`` and
  ``persons`` are always sent: a case needs its type, municipality and principal);
- *protected fields* — the name and personnummer of a person whose protection level is
  sekretessmarkering or stronger, and every protected placement address — are sent only
  with ``include_protected``; a person's *fictitious identity* only with
  ``include_fictitious`` (the import format carries it for the principal only). The names
  of persons without protection are ordinary case data of the persons sections;
- journal entries marked erroneous are never sent; corrected ones as they read now, and so
  are decisions (with their signer, time, provision as signed, and appeals);
- contacts with psychiatry and addiction care and SIPs (section ``care``) are health
  information: sent only when chosen;
- group notes are not sent (name, environment and area are).

``case.json`` is written in version 1 of the case-import format when nothing of version 2
is in it (a receiver with an older Utväg can still read it), else in version 2.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from storage.case_import.reader import FORMAT
from storage.casefile import (
    assessments,
    consents,
    documents,
    interventions,
    journal,
    persons,
    placements,
)
from storage.casefile.cases import get_case
from storage.records.enums import PersonRole
from storage.registers import groups, methods
from storage.registers import providers as provider_register
from sync.handover import case_plan
from sync.handover.sections import (
    AGREEMENTS,
    CONSENTS,
    DECISIONS,
    DOCUMENT_MEMBER,
    DOCUMENTS,
    FOLLOW_UPS,
    HANDOVER_FORMAT,
    INTERVENTIONS,
    JOURNAL,
    NETWORK,
    PLACEMENTS,
    RELATIVES,
    THREAT,
    is_protected,
)

#: What version 2 of the case-import format adds (the rest is version 1).
V2_CASE_KEYS = frozenset({"needs_assessments", "care_contacts", "sips", "decisions"})
V2_ITEM_KEYS = frozenset(
    {"ref", "method", "decision", "result", "domains", "interventions", "entry_type", "event_date"}
)


@dataclass(frozen=True)
class DocumentRef:
    member: str
    document_id: int
    size: int
    sha256: str


@dataclass
class CaseContent:
    """``case.json`` (as a dict) plus what it leaves out and which protected data it holds."""

    data: dict[str, Any]
    documents: list[DocumentRef] = field(default_factory=list)
    withheld_names: int = 0  # protected persons whose name and personnummer stay home
    withheld_addresses: int = 0
    withheld_fictitious: int = 0
    protected_person_ids: list[int] = field(default_factory=list)  # sent: for the audit
    address_placement_ids: list[int] = field(default_factory=list)
    fictitious_person_ids: list[int] = field(default_factory=list)


def _journal_entry(e: Any) -> dict[str, Any]:
    """A journal entry as it reads now; its type and event date (version 2) only when they
    say more than "övrigt" and the day it was written."""
    entry = {"author": e.author, "written_at": e.written_at, "text": e.text}
    if e.entry_type.value != "other":
        entry["entry_type"] = e.entry_type.value
    if e.event_date is not None and e.event_date.isoformat() != e.written_at[:10]:
        entry["event_date"] = e.event_date.isoformat()
    return entry


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None and v != []}


def _iso(value: Any) -> str | None:
    return None if value is None else str(value.isoformat())


class _Builder:
    def __init__(
        self,
        store: Any,
        case_id: int,
        sections: tuple[str, ...],
        include_protected: bool,
        include_fictitious: bool,
    ) -> None:
        self.store, self.case_id, self.sections = store, case_id, sections
        self.protected, self.fictitious = include_protected, include_fictitious
        self.out = CaseContent({})

    def person(self, p: Any) -> dict[str, Any]:
        name, number = self.store.conn.execute(
            "SELECT name, id_number FROM persons WHERE id = ?", (p.id,)
        ).fetchone()
        item: dict[str, Any] = {
            "birth_year": p.birth_year,
            "gender": p.gender.value,
            "language": p.language,
            "protection_level": p.protection_level.value,
        }
        if not is_protected(p.protection_level) or self.protected:
            item.update(name=name, personnummer=number)
            if is_protected(p.protection_level):
                self.out.protected_person_ids.append(p.id)
        else:
            self.out.withheld_names += 1
        if p.has_fictitious_identity:
            row = self.store.conn.execute(
                "SELECT name, id_number, valid_from FROM fictitious_identities WHERE person_id = ?",
                (p.id,),
            ).fetchone()
            if self.fictitious and p.role is PersonRole.PRINCIPAL:
                item["fictitious_identity"] = _clean(
                    {"name": row[0], "personnummer": row[1], "valid_from": row[2]}
                )
                self.out.fictitious_person_ids.append(p.id)
            else:
                self.out.withheld_fictitious += 1
        if p.role is PersonRole.RELATIVE:
            item.update(relation=p.relation, accompanying_child=p.accompanying_child)
        return _clean(item)

    def case(self) -> dict[str, Any]:
        c = get_case(self.store, self.case_id)
        out: dict[str, Any] = {
            "case_type": c.case_type.value,
            "home_municipality": c.home_municipality,
            "stay_municipality": c.stay_municipality,
        }
        people = persons.persons(self.store, self.case_id)
        principal = [p for p in people if p.role is PersonRole.PRINCIPAL]
        out["person"] = self.person(principal[0]) if principal else {}
        s, st, cid = self.sections, self.store, self.case_id
        if RELATIVES in s:
            out["relatives"] = [self.person(p) for p in people if p.role is PersonRole.RELATIVE]
        if CONSENTS in s:
            out["consents"] = [
                _clean(
                    {
                        "agencies": list(k.agencies),
                        "municipalities": list(k.municipalities),
                        "signed_on": _iso(k.signed_on),
                        "expires_on": _iso(k.expires_on),
                        "revoked_on": _iso(k.revoked_on),
                        "revoked_reason": k.revoked_reason,
                    }
                )
                for k in consents.consents(st, cid)
            ]
        if AGREEMENTS in s:
            out["agreements"] = [
                _clean(
                    {
                        "signed_on": _iso(a.signed_on),
                        "valid_until": _iso(a.valid_until),
                        "summary": a.summary,
                        "conditions": [
                            _clean(
                                {
                                    "text": k.text,
                                    "breaches": [
                                        _clean(
                                            {
                                                "occurred_on": _iso(b.occurred_on),
                                                "description": b.description,
                                                "consequence": b.consequence,
                                            }
                                        )
                                        for b in k.breaches
                                    ],
                                }
                            )
                            for k in a.conditions
                        ],
                    }
                )
                for a in consents.agreements(st, cid)
            ]
        if THREAT in s:
            out["threat_assessments"] = [
                _clean(
                    {
                        "source_unit": t.source_unit,
                        "assessed_on": _iso(t.assessed_on),
                        "level": t.level.value,
                        "summary": t.summary,
                        "measures": t.measures,
                        "next_review_on": _iso(t.next_review_on),
                    }
                )
                for t in assessments.threat_assessments(st, cid)
            ]
        out.update(self.rest())
        return _clean(out)

    def rest(self) -> dict[str, Any]:
        s, st, cid, out = self.sections, self.store, self.case_id, {}
        names = {g.id: g for g in groups.groups(st)}
        if NETWORK in s:
            links = assessments.network_links(st, cid)
            out["network_links"] = [
                _clean(
                    {
                        "environment": n.environment.value,
                        "group": names[n.group_id].name if n.group_id is not None else None,
                        "role": n.role,
                        "left_on": _iso(n.left_on),
                    }
                )
                for n in links
            ]
            self.registers(names, {n.group_id for n in links if n.group_id is not None})
        if INTERVENTIONS in s:
            found = interventions.interventions(st, cid)
            by_id = {p.id: p for p in provider_register.providers(st)}
            codes = {m.id: m.code for m in methods.methods(st)}
            out["interventions"] = [
                _clean(
                    {
                        "ref": f"i{i.id}",
                        "method": codes.get(i.method_id) if i.method_id else None,
                        "decision": f"d{i.decision_id}"
                        if i.decision_id and DECISIONS in s
                        else None,
                        "type": i.type.value,
                        "started_on": _iso(i.started_on),
                        "ended_on": _iso(i.ended_on),
                        "provider": by_id[i.provider_id].name if i.provider_id else None,
                        "cost_sek": i.cost_sek,
                        "funding": i.funding.value if i.funding else None,
                        "control_interval_days": i.control_interval_days,
                        "notes": i.notes,
                        "controls": [
                            _clean(
                                {
                                    "planned_on": _iso(k.planned_on),
                                    "done_on": _iso(k.done_on),
                                    "notes": k.notes,
                                }
                            )
                            for k in i.controls
                        ],
                    }
                )
                for i in found
            ]
            used_codes = {codes[i.method_id] for i in found if i.method_id}
            self.out.data["methods"] = [
                e for e in methods.register_entries(st) if e["code"] in used_codes
            ]
            used = [by_id[i] for i in dict.fromkeys(i.provider_id for i in found) if i]
            self.out.data["providers"] = [
                _clean(
                    {
                        "name": p.name,
                        "kind": p.kind.value,
                        "org_number": p.org_number,
                        "municipality": p.municipality,
                    }
                )
                for p in used
            ]
        if PLACEMENTS in s:
            out["placements"] = [self.placement(p) for p in placements.placements(st, cid)]
        if JOURNAL in s:
            out["journal"] = [
                _journal_entry(t.current) for t in journal.journal(st, cid) if not t.is_erroneous
            ]
        if FOLLOW_UPS in s:
            out["follow_ups"] = case_plan.follow_ups(st, cid, s)
        referenced = {r for f in out.get("follow_ups", []) for r in f.get("interventions", [])}
        for item in out.get("interventions", []):
            if item.get("ref") not in referenced:
                item.pop("ref", None)
        out.update(case_plan.plan_sections(st, cid, s))
        if DOCUMENTS in s:
            for n, d in enumerate(documents.documents(st, cid), start=1):
                self.out.documents.append(
                    DocumentRef(DOCUMENT_MEMBER.format(n), d.id, d.size, d.sha256)
                )
        return out

    def placement(self, p: Any) -> dict[str, Any]:
        item: dict[str, Any] = {
            "municipality": p.municipality,
            "moved_in_on": _iso(p.moved_in_on),
            "moved_out_on": _iso(p.moved_out_on),
        }
        if p.has_address and self.protected:
            street, code, city = self.store.conn.execute(
                "SELECT street, postal_code, city FROM placement_addresses WHERE placement_id = ?",
                (p.id,),
            ).fetchone()
            item["address"] = _clean({"street": street, "postal_code": code, "city": city})
            self.out.address_placement_ids.append(p.id)
        elif p.has_address:
            self.out.withheld_addresses += 1
        return _clean(item)

    def registers(self, names: dict[int, Any], ids: set[int]) -> None:
        """The case's groups, their relations and the other groups those relations name."""
        relations = [
            r for r in groups.group_relations(self.store) if r.group_a in ids or r.group_b in ids
        ]
        wanted = ids | {r.group_a for r in relations} | {r.group_b for r in relations}
        self.out.data["groups"] = [
            _clean({"name": g.name, "environment": g.environment.value, "area": g.area})
            for g in sorted((names[i] for i in wanted), key=lambda g: g.name.casefold())
        ]
        self.out.data["group_relations"] = [
            _clean(
                {
                    "group_a": names[r.group_a].name,
                    "group_b": names[r.group_b].name,
                    "relation": r.relation.value,
                    "noted_on": _iso(r.noted_on),
                }
            )
            for r in relations
        ]


def build_case_content(
    store: Any,
    case_id: int,
    sections: tuple[str, ...],
    *,
    include_protected: bool,
    include_fictitious: bool,
) -> CaseContent:
    """``case.json`` for ``case_id`` with only ``sections`` (see the module docstring)."""
    builder = _Builder(store, case_id, sections, include_protected, include_fictitious)
    case = builder.case()
    c = get_case(store, case_id)
    out = builder.out
    docs = documents.documents(store, case_id) if DOCUMENTS in sections else []
    v2 = bool(out.data.get("methods")) or bool(V2_CASE_KEYS & set(case))
    v2 = v2 or any(
        V2_ITEM_KEYS & set(item)
        for key in ("interventions", "follow_ups", "journal")
        for item in case.get(key, [])
    )
    if not out.data.get("methods"):
        out.data.pop("methods", None)
    out.data = {
        "format": FORMAT,
        "version": 2 if v2 else 1,
        **out.data,
        "cases": [case],
        "handover": {
            "format": HANDOVER_FORMAT,
            "version": 1,
            "case_ref": c.case_number,
            "case_status": c.status.value,
            "opened_on": _iso(c.opened_on),
            "sections": list(sections),
            "protected_included": include_protected,
            "fictitious_included": include_fictitious,
            "withheld": {
                "names": out.withheld_names,
                "addresses": out.withheld_addresses,
                "fictitious_identities": out.withheld_fictitious,
            },
            "documents": [
                _clean(
                    {
                        "member": ref.member,
                        "title": d.title,
                        "filename": d.filename,
                        "added_by": d.added_by,
                        "added_at": d.added_at,
                        "size": d.size,
                        "sha256": d.sha256,
                    }
                )
                for ref, d in zip(out.documents, docs, strict=True)
            ],
        },
    }
    return out
