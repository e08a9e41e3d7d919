"""Needs, care, SIP and decisions travel: the case-import format's version 2 (with its saved
example), version 1 still read, and handovers carrying the new sections — written in
version 1 when nothing of version 2 is in them — between two real stores."""

from __future__ import annotations

import copy
import json
import re
import secrets
from pathlib import Path
from typing import Any

import pytest

from storage.case_import import reader as case_import
from storage.casefile import cases, interventions, journal
from storage.caseplan import care, decisions, endings, needs, sip
from storage.caseplan.followup_links import follow_up_links, set_follow_up_links
from storage.casework import followup_results
from storage.errors import ValidationError
from storage.records.enums import CaseStatus
from storage.records.knowledge import EvidenceLevel, NeedDomain
from storage.registers import methods, provisions
from storage.vault.store import Store
from sync.bundle.manifest import Manifest, MemberEntry, Sender
from sync.handover.case import build_case_content
from sync.handover.content import read_incoming_case
from sync.handover.exporting import ExportRequest, export_handover
from sync.handover.importing import accept_import, preview_import
from sync.handover.sections import DEFAULT_SECTIONS, SECTIONS
from tests.case_fixtures import shared_store, snapshot, store, store_template
from tests.test_handover_support import World, days, rich_case, world

__all__ = ["shared_store", "store", "store_template", "world"]
ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "tests" / "fixtures" / "case-import-v2.json"
HANDOVER_CASE = ROOT / "tests" / "fixtures" / "handover-case-v2.json"
ALL_LOW = {d.value: "low" for d in NeedDomain}


def example() -> dict[str, Any]:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def test_docs_show_the_tested_version_2_example() -> None:
    doc = (ROOT / "docs" / "case-import.md").read_text(encoding="utf-8")
    part = doc.split("## Example, version 2", 1)[1]
    block = re.search(r"```json\n(.*?)\n```", part, re.S)
    assert block and json.loads(block.group(1)) == example()


def test_version_2_example_imports(store: Store) -> None:
    [case_id] = case_import.import_file(store, EXAMPLE)
    c = cases.get_case(store, case_id)
    assert c.status is CaseStatus.CLOSED and c.case_number == "UV-2024-0077"
    first, second = needs.needs_assessments(store, case_id)
    assert first.high == (
        NeedDomain.HOUSING,
        NeedDomain.FINANCES,
        NeedDomain.OCCUPATION,
        NeedDomain.MENTAL_HEALTH,
        NeedDomain.CRIMINALITY,
        NeedDomain.SAFETY,
    )
    assert first.ratings[0].note == "Bor hos bekant." and second.high == ()
    [contact] = care.care_contacts(store, case_id)
    assert contact.referral_answer == "Antagen, första besök 1 mars."
    [plan] = sip.sips(store, case_id)
    assert plan.followed_up_on is not None and plan.follow_up_on is None
    assert [a.done_on is not None for a in plan.actions] == [True, False]
    [thread] = decisions.decisions(store, case_id)
    d = thread.current
    assert d.imported and (d.signed_by, d.signed_at) == ("Karin Lind", "2024-03-20T13:05:00Z")
    assert d.provision_id == next(
        p.id for p in provisions.provisions(store) if p.code == "sol-2001-4-1"
    )  # our own provision of that code
    assert [a.outcome.value for a in thread.appeals if a.outcome] == ["rejected"]
    talk, work = interventions.interventions(store, case_id)  # by start date
    ours = methods.method_by_code(store, "ips")
    assert ours is not None and work.method_id == ours.id
    assert ours.evidence_level is EvidenceLevel.RESEARCH_SUPPORT  # ours, never overwritten
    assert work.decision_id == d.original_id and talk.decision_id is None
    added = methods.method_by_code(store, "samtal-med-stodperson-fiktiv")
    assert added is not None and added.origin == "imported" and talk.method_id == added.id
    [links] = follow_up_links(store, case_id).values()
    assert links.intervention_ids == (work.id,)
    [result] = followup_results.follow_up_results(store, case_id)
    assert result.status is not None and result.status.value == "stable"
    ending = endings.end_reason(store, case_id)
    assert ending is not None and ending.reason.value == "plan_completed"
    texts = json.dumps([e.details for e in store.audit.entries()], ensure_ascii=False)
    assert "Sömnproblem" not in texts and "Ekström" not in texts


BROKEN: list[tuple[str, Any, str]] = [
    ("version", 3, "(file)"),
    ("methods.0.evidence_level", "great", "methods[0].evidence_level"),
    ("methods.1.evidence_level", "promising", "methods[1].evidence_source"),
    ("cases.0.needs_assessments.0.ratings.9", ..., "ratings"),
    ("cases.0.needs_assessments.1.ratings.housing", "huge", "ratings.housing"),
    ("cases.0.care_contacts.0.referral_sent_on", ..., "cases[0].care_contacts[0].referral_sent_on"),
    ("cases.0.sips.0.consent_on", "2024-03-16", "cases[0].sips[0].held_on"),
    ("cases.0.decisions.0.reasons", ..., "cases[0].decisions[0].reasons"),
    ("cases.0.decisions.0.signed_at", "2024-03-20", "cases[0].decisions[0].signed_at"),
    ("cases.0.decisions.0.provision", {"code": "x"}, "cases[0].decisions[0].provision.law"),
    ("cases.0.interventions.0.decision", "d9", "cases[0].interventions[0].decision"),
    ("cases.0.interventions.1.method", "okand", "cases[0].interventions[1].method"),
    ("cases.0.follow_ups.0.interventions.0", "i9", "cases[0].follow_ups[0].interventions[0]"),
    ("cases.0.follow_ups.0.result.status", "fine", "cases[0].follow_ups[0].status"),
    ("cases.0.end_reason.reason", "tired", "cases[0].end_reason.reason"),
]


def _set(data: dict[str, Any], path: str, value: Any) -> None:
    keys = [int(k) if k.isdigit() else k for k in path.split(".")]
    target: Any = data
    for key in keys[:-1]:
        target = target[key]
    if value is ...:
        del target[keys[-1]]
    else:
        target[keys[-1]] = value


@pytest.mark.parametrize(("path", "value", "field"), BROKEN)
def test_any_invalid_version_2_field_stores_nothing(
    shared_store: Store, path: str, value: Any, field: str
) -> None:
    data = copy.deepcopy(example())
    data["cases"][0].pop("case_number")  # the shared store imports the example repeatedly
    _set(data, path, value)
    before = snapshot(shared_store)
    with pytest.raises(ValidationError) as exc:
        case_import.import_cases(shared_store, data)
    assert str(exc.value.params.get("field", "(file)")).endswith(field)
    assert snapshot(shared_store) == before


def test_version_1_knows_nothing_of_version_2(shared_store: Store) -> None:
    data = copy.deepcopy(example())
    data["cases"][0].pop("case_number")
    data["version"] = 1
    with pytest.raises(ValidationError) as exc:
        case_import.import_cases(shared_store, data)
    assert exc.value.params["field"] == "(file).methods"
    data.pop("methods")
    with pytest.raises(ValidationError) as exc:
        case_import.import_cases(shared_store, data)
    assert exc.value.params["field"] == "cases[0].needs_assessments"


# ---------------------------------------------------------------- handovers


def _plan(store: Store, case_id: int) -> None:
    """Needs, care, SIP, a decision and its intervention with a method, a follow-up."""
    needs.add_needs_assessment(
        store,
        case_id,
        assessed_on=days(-40),
        occasion="intake",
        ratings={**ALL_LOW, "mental_health": ("high", "Fiktiv anteckning om oro.")},
    )
    care.add_care_contact(
        store,
        case_id,
        kind="psychiatry",
        region="Region Skåne (fiktiv)",
        unit="Öppenvård",
        started_on=days(-35),
    )
    sip.add_sip(
        store,
        case_id,
        held_on=days(-30),
        consent_on=days(-31),
        lead="region",
        participants=["Socialtjänsten", "Psykiatrin"],
        follow_up_on=days(30),
    )
    provision = next(p.id for p in provisions.provisions(store) if p.code == "sol-2025-bistand")
    first = decisions.record_decision(
        store,
        case_id,
        provision_id=provision,
        outcome="granted",
        subject="Stöd till arbete",
        delegation="4.2 (fiktiv)",
        decided_on=days(-20),
    )
    decision = decisions.correct_decision(store, first, "Stavfel", subject="Stöd till arbete.")
    ips = methods.method_by_code(store, "ips")
    assert ips is not None
    iid = interventions.add_intervention(
        store,
        case_id,
        type="occupation",
        started_on=days(-19),
        decision_id=decision,
        method_id=ips.id,
    )
    fid = followup_results.record_follow_up(
        store,
        case_id,
        kind="other",
        done_on=days(-2),
        status="partly_stable",
        housing="protected_housing",
        occupation="labour_market_programme",
        relapse="none",
    )
    set_follow_up_links(store, fid, domains=["occupation"], intervention_ids=[iid])


def test_a_plain_handover_stays_in_version_1(world: World) -> None:
    case_id = rich_case(world.a)
    content = build_case_content(
        world.a, case_id, tuple(SECTIONS), include_protected=False, include_fictitious=False
    )
    assert content.data["version"] == 1 and "methods" not in content.data


def test_care_is_sent_only_when_chosen(world: World) -> None:
    case_id = rich_case(world.a)
    _plan(world.a, case_id)
    assert "care" not in DEFAULT_SECTIONS and {"decisions", "needs"} <= set(DEFAULT_SECTIONS)
    content = build_case_content(
        world.a, case_id, DEFAULT_SECTIONS, include_protected=False, include_fictitious=False
    )
    case = content.data["cases"][0]
    assert content.data["version"] == 2
    assert {"needs_assessments", "decisions"} <= set(case)
    assert "care_contacts" not in case and "sips" not in case
    assert "follow_ups" not in case  # not a default section either
    assert [i.get("decision") for i in case["interventions"]][-1].startswith("d")


def test_the_plan_travels_in_a_handover(world: World) -> None:
    w = world
    case_id = rich_case(w.a)
    _plan(w.a, case_id)
    path = w.dir / "plan.utvag"
    export_handover(
        w.a,
        ExportRequest(case_id, w.b_at_a, sections=tuple(SECTIONS), include_protected=False),
        path,
        acknowledge_conflicts=True,
    )
    preview = preview_import(w.b, path)
    assert {"needs", "care", "decisions"} <= set(preview.case.sections)
    assert preview.case.counts["decisions"] == 1 and preview.case.counts["sips"] == 1
    result = accept_import(
        w.b, preview, receipt_out=w.dir / "plan-kvitto.utvag", acknowledge_conflicts=True
    )
    new = result.case_id
    [assessment] = needs.needs_assessments(w.b, new)
    assert assessment.ratings[5].note == "Fiktiv anteckning om oro."
    assert care.care_contacts(w.b, new)[0].unit == "Öppenvård"
    assert sip.sips(w.b, new)[0].participants == ("Socialtjänsten", "Psykiatrin")
    [thread] = decisions.decisions(w.b, new)
    assert thread.current.subject == "Stöd till arbete." and thread.current.imported
    assert thread.current.signed_by == "Anna Andersson" and not thread.earlier
    work = next(i for i in interventions.interventions(w.b, new) if i.type.value == "occupation")
    assert work.decision_id == thread.original_id
    [links] = follow_up_links(w.b, new).values()
    assert links.intervention_ids == (work.id,) and links.domains == (NeedDomain.OCCUPATION,)


def test_journal_type_and_event_date_travel(world: World) -> None:
    """A journal entry's type and event date go with it (version 2); an entry of the
    defaults adds nothing, so a plain case stays in version 1 (the test above)."""
    w = world
    case_id = rich_case(w.a)
    marker = "Hembesök " + secrets.token_hex(16)
    journal.add_journal_entry(w.a, case_id, marker, entry_type="home_visit", event_date=days(-3))
    content = build_case_content(
        w.a, case_id, tuple(SECTIONS), include_protected=False, include_fictitious=False
    )
    assert content.data["version"] == 2
    [sent] = [e for e in content.data["cases"][0]["journal"] if e["text"] == marker]
    assert sent["entry_type"] == "home_visit" and sent["event_date"] == days(-3).isoformat()
    path = w.dir / "journal.utvag"
    export_handover(
        w.a,
        ExportRequest(case_id, w.b_at_a, sections=tuple(SECTIONS), include_protected=False),
        path,
        acknowledge_conflicts=True,
    )
    result = accept_import(
        w.b,
        preview_import(w.b, path),
        receipt_out=w.dir / "journal-kvitto.utvag",
        acknowledge_conflicts=True,
    )
    [entry] = [t.current for t in journal.journal(w.b, result.case_id) if t.current.text == marker]
    assert entry.entry_type.value == "home_visit" and entry.event_date == days(-3)
    assert entry.imported


def test_the_saved_version_2_handover_case_is_read(store: Store) -> None:
    raw = HANDOVER_CASE.read_bytes()
    manifest = Manifest(
        "handover",
        "3f0c9a4e-6f0b-4d55-9d1c-2b8f0e7f4a11",
        None,
        None,
        1,  # type: ignore[arg-type]
        Sender("Motala", "Avhopp Motala", "Karin Lind", "0" * 16, "x", "0"),
        (),
        "UV-2024-0077",
        "consent",
        (MemberEntry("case.json", len(raw), "0" * 64),),
    )
    incoming = read_incoming_case(raw, manifest, "Motala")
    assert incoming.counts["decisions"] == 1 and incoming.counts["needs_assessments"] == 2
    [case_id] = case_import.import_cases(store, incoming.import_data)
    assert len(decisions.decisions(store, case_id)) == 1
    assert len(needs.needs_assessments(store, case_id)) == 2
