"""A case's needs and plan in a real store: needs assessments and what the overview points
out, care contacts, SIP, decisions (signed, corrected, appealed), the provision and method
registers, follow-up links, the reason a case ended, reminders and gallring."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from storage.casefile import cases, interventions
from storage.caseplan import care, decisions, endings, needs, sip
from storage.caseplan.errors import (
    AppealDecidedError,
    CaseStillOpenError,
    DecisionNotifiedError,
    DecisionSupersededError,
    InactiveProvisionError,
    NeedsIncompleteError,
    NeedsOccasionError,
    ReasonsRequiredError,
    WrongCaseError,
)
from storage.caseplan.followup_links import follow_up_links, set_follow_up_links
from storage.casework import followup_results, gallring, reminders
from storage.records.errors import (
    DateOrderError,
    DuplicateNameError,
    FieldRequiredError,
    InvalidChoiceError,
)
from storage.records.knowledge import (
    DOMAIN_INTERVENTIONS,
    EvidenceLevel,
    NeedDomain,
    NeedLevel,
)
from storage.registers import methods, provisions
from storage.registers.methods import MethodNameConflictError
from storage.vault.store import Store
from tests.case_fixtures import audit_actions, days, new_case, snapshot, store, store_template

__all__ = ["store", "store_template"]

D = dt.date
ALL_LOW = {d.value: "low" for d in NeedDomain}


def rated(**levels: str) -> dict[str, object]:
    return {**ALL_LOW, **levels}


def provision_id(store: Store, code: str = "hsl-16-4") -> int:
    return next(p.id for p in provisions.provisions(store) if p.code == code)


# ---------------------------------------------------------------- needs


def test_every_domain_is_rated_or_nothing_is_stored(store: Store) -> None:
    case_id = new_case(store)
    before = snapshot(store)
    partial = dict(ALL_LOW)
    del partial["safety"]
    with pytest.raises(NeedsIncompleteError) as caught:
        needs.add_needs_assessment(
            store, case_id, assessed_on=days(-1), occasion="intake", ratings=partial
        )
    assert "säkerhet och hot" in str(caught.value)
    with pytest.raises(InvalidChoiceError):
        needs.add_needs_assessment(
            store, case_id, assessed_on=days(-1), occasion="intake", ratings=rated(housing="7")
        )
    assert snapshot(store) == before


def test_assessment_scale_history_and_review(store: Store) -> None:
    case_id = new_case(store, opened_on=D(2025, 1, 2))
    first = needs.add_needs_assessment(
        store,
        case_id,
        assessed_on=D(2025, 1, 10),
        occasion="intake",
        ratings=[
            {"domain": d.value, "level": "high" if d is NeedDomain.HOUSING else "low"}
            for d in NeedDomain
        ],
    )
    needs.add_needs_assessment(
        store,
        case_id,
        assessed_on=D(2025, 7, 1),
        occasion="reassessment",
        ratings=rated(housing=("low", "Eget kontrakt sedan juni.")),
        next_review_on=D(2025, 12, 1),
    )
    found = needs.needs_assessments(store, case_id)
    assert found[0].id == first
    assert found[0].next_review_on == D(2025, 7, 10)  # six months by default
    assert found[0].high == (NeedDomain.HOUSING,)
    assert found[1].level(NeedDomain.HOUSING) is NeedLevel.LOW
    assert found[1].ratings[0].note == "Eget kontrakt sedan juni."
    assert needs.need_history(store, case_id)[NeedDomain.HOUSING] == [
        (D(2025, 1, 10), 3),
        (D(2025, 7, 1), 1),
    ]
    due = reminders.reminders(store, on=D(2025, 11, 20), kinds=["needs_review"])
    assert [(r.case_id, r.due_on, r.ref_id) for r in due] == [
        (case_id, D(2025, 12, 1), found[1].id)
    ]  # only the latest assessment reminds
    with pytest.raises(DateOrderError):
        needs.add_needs_assessment(
            store,
            case_id,
            assessed_on=D(2025, 8, 1),
            occasion="reassessment",
            ratings=ALL_LOW,
            next_review_on=D(2025, 8, 1),
        )


def test_assessments_are_never_changed(store: Store) -> None:
    case_id = new_case(store)
    needs.add_needs_assessment(
        store, case_id, assessed_on=days(-2), occasion="intake", ratings=ALL_LOW
    )
    for sql in (
        "UPDATE needs_assessments SET note = 'x'",
        "UPDATE need_ratings SET level = 'acute'",
        "DELETE FROM need_ratings",
        "DELETE FROM needs_assessments",
    ):
        with pytest.raises(sqlcipher.IntegrityError):
            store.conn.execute(sql)


def test_closed_case_takes_follow_up_assessments_only(store: Store) -> None:
    case_id = new_case(store, opened_on=D(2025, 1, 2))
    cases.set_status(store, case_id, "closed", outcome="completed", on=D(2025, 3, 1))
    with pytest.raises(NeedsOccasionError):
        needs.add_needs_assessment(
            store, case_id, assessed_on=D(2025, 4, 1), occasion="reassessment", ratings=ALL_LOW
        )
    needs.add_needs_assessment(
        store, case_id, assessed_on=D(2025, 9, 1), occasion="follow_up", ratings=ALL_LOW
    )
    assert reminders.reminders(store, on=D(2026, 6, 1), kinds=["needs_review"]) == []


def test_a_high_need_nothing_meets_is_pointed_out(store: Store) -> None:
    case_id = new_case(store, opened_on=D(2025, 1, 2))
    needs.add_needs_assessment(
        store,
        case_id,
        assessed_on=D(2025, 1, 5),
        occasion="intake",
        ratings=rated(housing="acute", mental_health="high", finances="moderate"),
    )
    on = D(2025, 2, 1)
    assert {u.domain for u in needs.unmet_needs(store, case_id, on)} == {
        NeedDomain.HOUSING,
        NeedDomain.MENTAL_HEALTH,
    }
    interventions.add_intervention(
        store, case_id, type="emergency_housing", started_on=D(2025, 1, 6), ended_on=D(2025, 1, 20)
    )
    assert len(needs.unmet_needs(store, case_id, on)) == 2  # ended before the day
    interventions.add_intervention(
        store, case_id, type="protected_housing", started_on=D(2025, 1, 21)
    )
    assert [u.domain for u in needs.unmet_needs(store, case_id, on)] == [NeedDomain.MENTAL_HEALTH]
    care.add_care_contact(
        store,
        case_id,
        kind="addiction_care",
        region="Region Fiktiv",
        unit="Beroende",
        started_on=D(2025, 1, 10),
    )
    assert [u.domain for u in needs.unmet_needs(store, case_id, on)] == [NeedDomain.MENTAL_HEALTH]
    care.add_care_contact(
        store,
        case_id,
        kind="psychiatry",
        region="Region Fiktiv",
        unit="Psykiatrisk mottagning",
        started_on=D(2025, 1, 25),
    )
    assert needs.unmet_needs(store, case_id, on) == []
    assert all(domain in DOMAIN_INTERVENTIONS for domain in NeedDomain)


def test_a_running_sip_meets_every_high_need(store: Store) -> None:
    case_id = new_case(store, opened_on=D(2025, 1, 2))
    needs.add_needs_assessment(
        store,
        case_id,
        assessed_on=D(2025, 1, 5),
        occasion="intake",
        ratings=rated(physical_health="high"),
    )
    assert len(needs.unmet_needs(store, case_id, D(2025, 3, 1))) == 1
    sip_id = sip.add_sip(
        store,
        case_id,
        held_on=D(2025, 2, 1),
        consent_on=D(2025, 1, 30),
        lead="region",
        participants=["Socialsekreterare", "Vårdcentral"],
    )
    assert needs.unmet_needs(store, case_id, D(2025, 3, 1)) == []
    sip.end_sip(store, sip_id, D(2025, 2, 20))
    assert len(needs.unmet_needs(store, case_id, D(2025, 3, 1))) == 1


# ---------------------------------------------------------------- care and SIP


def test_care_contacts_and_referrals(store: Store) -> None:
    case_id = new_case(store)
    before = snapshot(store)
    with pytest.raises(FieldRequiredError) as caught:
        care.add_care_contact(
            store,
            case_id,
            kind="psychiatry",
            region="R",
            unit="U",
            started_on=days(-9),
            referral_answered_on=days(-2),
        )
    assert caught.value.params["field"] == "referral_sent_on"
    with pytest.raises(DateOrderError):
        care.add_care_contact(
            store,
            case_id,
            kind="psychiatry",
            region="R",
            unit="U",
            started_on=days(-9),
            referral_sent_on=days(-3),
            referral_answered_on=days(-4),
        )
    assert snapshot(store) == before
    contact = care.add_care_contact(
        store,
        case_id,
        kind="psykiatri",
        region="Region Fiktiv",
        unit="Öppenvård",
        started_on=days(-9),
        referral_sent_on=days(-8),
        contact_person="Kurator (fiktiv)",
    )
    assert care.care_contacts(store, case_id)[0].referral_waiting
    care.update_care_contact(
        store, contact, referral_answered_on=days(-1), referral_answer="Antagen."
    )
    found = care.care_contacts(store, case_id)[0]
    assert not found.referral_waiting and found.referral_answer == "Antagen."
    entry = store.audit.entries()[-1]
    assert entry.action == "care.update"
    assert entry.details["fields"] == ["referral_answer", "referral_answered_on"]
    assert "Antagen" not in json.dumps(entry.details)


def test_sip_needs_consent_before_the_meeting(store: Store) -> None:
    case_id = new_case(store)
    before = snapshot(store)
    with pytest.raises(DateOrderError):
        sip.add_sip(
            store,
            case_id,
            held_on=days(-5),
            consent_on=days(-4),
            lead="municipality",
            participants=["Socialtjänsten"],
        )
    with pytest.raises(FieldRequiredError):
        sip.add_sip(
            store,
            case_id,
            held_on=days(-5),
            consent_on=days(-6),
            lead="municipality",
            participants=[],
        )
    assert snapshot(store) == before


def test_sip_actions_and_follow_up_reminder(store: Store) -> None:
    case_id = new_case(store, opened_on=D(2025, 1, 2))
    sip_id = sip.add_sip(
        store,
        case_id,
        held_on=D(2025, 2, 1),
        consent_on=D(2025, 2, 1),
        lead="municipality",
        lead_name="Avhopparsamordnare (fiktiv)",
        participants=["Socialtjänsten", "Psykiatrin"],
        follow_up_on=D(2025, 4, 1),
        actions=[
            {
                "action": "Remiss till psykiatrin",
                "responsible": "Socialtjänsten",
                "due_on": "2025-02-15",
            }
        ],
    )
    added = sip.add_sip_action(store, sip_id, action="Läkarbesök", responsible="Regionen")
    sip.complete_sip_action(store, added, D(2025, 3, 1))
    found = sip.sips(store, case_id)[0]
    assert [a.done_on for a in found.actions] == [None, D(2025, 3, 1)]
    due = reminders.reminders(store, on=D(2025, 3, 20), kinds=["sip_follow_up"])
    assert [(r.due_on, r.ref_id) for r in due] == [(D(2025, 4, 1), sip_id)]
    sip.record_sip_follow_up(store, sip_id, held_on=D(2025, 4, 2), next_follow_up_on=D(2025, 8, 1))
    due = reminders.reminders(store, on=D(2025, 7, 20), kinds=["sip_follow_up"])
    assert [r.due_on for r in due] == [D(2025, 8, 1)]
    sip.record_sip_follow_up(store, sip_id, held_on=D(2025, 8, 1))
    assert reminders.reminders(store, on=D(2026, 1, 1), kinds=["sip_follow_up"]) == []
    assert {"sip.add", "sip.action_add", "sip.action_done", "sip.follow_up"} <= set(
        audit_actions(store)
    )


# ---------------------------------------------------------------- decisions


def test_decision_rules(store: Store) -> None:
    case_id = new_case(store)
    before = snapshot(store)
    with pytest.raises(ReasonsRequiredError):
        decisions.record_decision(
            store,
            case_id,
            provision_id=provision_id(store),
            outcome="refused",
            subject="Skyddat boende",
            delegation="3.1",
            decided_on=days(-1),
        )
    with pytest.raises(DateOrderError):
        decisions.record_decision(
            store,
            case_id,
            provision_id=provision_id(store),
            outcome="granted",
            subject="Skyddat boende",
            delegation="3.1",
            decided_on=days(-1),
            notified_on=days(-2),
        )
    provisions.update_provision(store, provision_id(store, "sol-2001-4-1"), active=False)
    before = snapshot(store)
    with pytest.raises(InactiveProvisionError):
        decisions.record_decision(
            store,
            case_id,
            provision_id=provision_id(store, "sol-2001-4-1"),
            outcome="granted",
            subject="x",
            delegation="3.1",
            decided_on=days(-1),
        )
    assert snapshot(store) == before


def test_a_signed_decision_is_corrected_never_changed(store: Store) -> None:
    case_id = new_case(store)
    pid = provision_id(store)
    first = decisions.record_decision(
        store,
        case_id,
        provision_id=pid,
        outcome="partly_granted",
        subject="Boende och stöd",
        reasons="Boende beviljas, stödperson avslås.",
        delegation="Delegationsordning 4.2",
        decided_on=days(-10),
        intervention_type="protected_housing",
    )
    provisions.update_provision(store, pid, title="Ändrad titel i registret")
    for sql in (
        "UPDATE decisions SET reasons = 'x'",
        "UPDATE decisions SET provision_text = 'x'",
        "DELETE FROM decisions",
    ):
        with pytest.raises(sqlcipher.IntegrityError):
            store.conn.execute(sql)
    second = decisions.correct_decision(store, first, "Fel delegationspunkt", delegation="4.3")
    with pytest.raises(DecisionSupersededError):
        decisions.correct_decision(store, first, "igen", delegation="4.4")
    decisions.set_notified(store, second, days(-8))
    with pytest.raises(DecisionNotifiedError):
        decisions.set_notified(store, second, days(-7))
    [thread] = decisions.decisions(store, case_id)
    assert (thread.current.id, thread.current.version, thread.original_id) == (second, 2, first)
    assert (
        thread.current.delegation == "4.3"
        and thread.earlier[0].delegation == "Delegationsordning 4.2"
    )
    assert thread.current.notified_on == days(-8) and thread.earlier[0].notified_on is None
    assert "Samordnad individuell plan" in decisions.provision_text(store, second)
    assert "Ändrad titel" not in decisions.provision_text(store, second)  # as signed
    appeal = decisions.add_appeal(
        store, first, lodged_on=days(-5), court="Förvaltningsrätten (fiktiv)"
    )
    decisions.record_appeal_outcome(store, appeal, outcome="changed", decided_on=days(-1))
    with pytest.raises(AppealDecidedError):
        decisions.record_appeal_outcome(store, appeal, outcome="rejected", decided_on=days(-1))
    with pytest.raises(sqlcipher.IntegrityError):
        store.conn.execute("UPDATE decision_appeals SET outcome = 'rejected'")
    [thread] = decisions.decisions(store, case_id)
    assert [(a.outcome.value, a.decision_id) for a in thread.appeals] == [("changed", first)]
    texts = json.dumps([e.details for e in store.audit.entries()], ensure_ascii=False)
    assert "Boende och stöd" not in texts and "Fel delegationspunkt" not in texts


def test_interventions_link_their_decision_and_method(store: Store) -> None:
    case_id, other = new_case(store), new_case(store, name="Anna Annan")
    first = decisions.record_decision(
        store,
        case_id,
        provision_id=provision_id(store),
        outcome="granted",
        subject="Stöd till arbete",
        delegation="4.2",
        decided_on=days(-10),
    )
    second = decisions.correct_decision(store, first, "Rättelse", subject="Stöd till arbete (IPS)")
    ips = methods.method_by_code(store, "ips")
    assert ips is not None and ips.evidence_level is EvidenceLevel.RESEARCH_SUPPORT
    iid = interventions.add_intervention(
        store,
        case_id,
        type="occupation",
        started_on=days(-9),
        decision_id=second,
        method_id=ips.id,
    )
    found = interventions.interventions(store, case_id)[0]
    assert (found.decision_id, found.method_id) == (first, ips.id)  # the thread's first id
    with pytest.raises(WrongCaseError):
        interventions.add_intervention(
            store, other, type="occupation", started_on=days(-9), decision_id=first
        )
    interventions.set_intervention_links(store, iid, method_id=None, decision_id=None)
    found = interventions.interventions(store, case_id)[0]
    assert (found.decision_id, found.method_id) == (None, None)


# ---------------------------------------------------------------- registers


def test_the_shipped_registers_cite_their_sources(store: Store) -> None:
    found = {p.code: p for p in provisions.provisions(store)}
    assert found["hsl-16-4"].reference == "16 kap. 4 §"
    for code in ("sol-2025-bistand", "sol-2025-sip"):  # could not be checked: left empty
        assert found[code].reference is None and "kunde inte kontrolleras" in (
            found[code].note or ""
        )
    for m in methods.methods(store):
        assert m.evidence_level is EvidenceLevel.NOT_ASSESSED or m.evidence_source
    graded = [
        m.code for m in methods.methods(store) if m.evidence_level is not EvidenceLevel.NOT_ASSESSED
    ]
    assert graded == ["ips"]


def test_method_register_rules(store: Store) -> None:
    with pytest.raises(FieldRequiredError) as caught:
        methods.add_method(store, name="Ny metod", evidence_level="promising")
    assert caught.value.params["field"] == "evidence_source"
    mid = methods.add_method(store, name="Återfallsprevention för unga (fiktiv)")
    code = methods.method(store, mid).code
    # the name as a slug (at most 31 characters) and 8 random hex digits: its own code
    assert re.fullmatch(r"aterfallsprevention-for-unga-fi-[0-9a-f]{8}", code), code
    with pytest.raises(DuplicateNameError):
        methods.add_method(store, name="  återfallsprevention  för unga (FIKTIV)")
    methods.update_method(
        store, mid, evidence_level="promising", evidence_source="Fiktiv källa 2025"
    )
    with pytest.raises(FieldRequiredError):
        methods.update_method(store, mid, evidence_source=None)
    assert methods.method(store, mid).evidence_level is EvidenceLevel.PROMISING
    assert methods.method(store, mid).code == code  # the code never changes


def test_a_shared_register_is_merged_by_code(store: Store) -> None:
    entries = methods.register_entries(store)
    entries[0] = {**entries[0], "description": "Ändrad hos samordnaren."}
    entries.append(
        {
            "code": "fiktiv-metod",
            "name": "Fiktiv metod",
            "description": None,
            "target_group": None,
            "evidence_level": "not_assessed",
            "evidence_source": None,
        }
    )
    result = methods.merge_methods(store, methods.check_entries(entries), contact_id=None)
    assert (result.added, result.updated) == (1, 1)
    assert methods.method_by_code(store, "fiktiv-metod") is not None
    clash = [{**entries[-1], "code": "annan-kod"}]
    before = snapshot(store)
    with pytest.raises(MethodNameConflictError):
        methods.merge_methods(store, methods.check_entries(clash), contact_id=None)
    assert snapshot(store) == before
    with pytest.raises(DuplicateNameError):
        methods.check_entries([entries[-1], entries[-1]])


# ---------------------------------------------------------------- endings, follow-up links


def test_end_reason_only_on_a_closed_case(store: Store) -> None:
    case_id = new_case(store, opened_on=D(2025, 1, 2))
    with pytest.raises(CaseStillOpenError):
        endings.set_end_reason(store, case_id, "plan_completed")
    cases.set_status(store, case_id, "closed", outcome="discontinued_by_person", on=D(2025, 5, 1))
    endings.set_end_reason(store, case_id, "person_ended")
    endings.set_end_reason(store, case_id, "returned_to_crime", note="Rättat.")
    found = endings.end_reason(store, case_id)
    assert found is not None and found.reason.value == "returned_to_crime"
    assert store.audit.entries()[-1].details["changed"] is True


def test_follow_up_links(store: Store) -> None:
    case_id, other = new_case(store, opened_on=D(2025, 1, 2)), new_case(store, name="Per Annan")
    mine = interventions.add_intervention(
        store, case_id, type="occupation", started_on=D(2025, 1, 5)
    )
    theirs = interventions.add_intervention(
        store, other, type="occupation", started_on=D(2025, 1, 5)
    )
    followup_results.close_case(store, case_id, "completed", on=D(2025, 3, 1))
    fid = followup_results.record_follow_up(
        store,
        case_id,
        kind="six_months",
        done_on=D(2025, 9, 1),
        status="stable",
        housing="own_tenancy",
        occupation="employed",
        relapse="none",
        domains=["occupation", "housing"],
        intervention_ids=[mine],
    )
    assert follow_up_links(store, case_id)[fid].intervention_ids == (mine,)
    assert follow_up_links(store, case_id)[fid].domains == (
        NeedDomain.HOUSING,
        NeedDomain.OCCUPATION,
    )
    with pytest.raises(WrongCaseError):
        set_follow_up_links(store, fid, intervention_ids=[theirs])
    assert follow_up_links(store, case_id)[fid].intervention_ids == (mine,)


def test_gallring_removes_the_plan_with_its_case(store: Store) -> None:
    case_id = new_case(store, opened_on=D(2015, 1, 2))
    pid = provision_id(store)
    needs.add_needs_assessment(
        store, case_id, assessed_on=D(2015, 1, 5), occasion="intake", ratings=ALL_LOW
    )
    first = decisions.record_decision(
        store,
        case_id,
        provision_id=pid,
        outcome="granted",
        subject="x",
        delegation="1",
        decided_on=D(2015, 1, 6),
    )
    decisions.add_appeal(store, first, lodged_on=D(2015, 2, 1))
    interventions.add_intervention(
        store, case_id, type="counselling", started_on=D(2015, 1, 7), decision_id=first
    )
    sip.add_sip(
        store,
        case_id,
        held_on=D(2015, 2, 1),
        consent_on=D(2015, 2, 1),
        lead="region",
        participants=["x"],
        actions=[{"action": "a", "responsible": "b"}],
    )
    care.add_care_contact(
        store, case_id, kind="psychiatry", region="r", unit="u", started_on=D(2015, 1, 9)
    )
    cases.set_status(store, case_id, "closed", outcome="completed", on=D(2015, 6, 1))
    endings.set_end_reason(store, case_id, "plan_completed")
    result = gallring.run_gallring(store, on=D(2021, 1, 1))
    assert result.deleted == 1
    for table in (
        "needs_assessments",
        "need_ratings",
        "decisions",
        "decision_appeals",
        "sips",
        "sip_actions",
        "care_contacts",
        "case_endings",
    ):
        assert store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0  # noqa: S608
    assert provisions.provisions(store) and methods.methods(store)  # registers stay
