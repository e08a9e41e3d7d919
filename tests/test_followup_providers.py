"""Follow-up (closing, the 6/12-month plan and form), the case timeline, and the provider
register with its control visits and overdue controls."""

from __future__ import annotations

import datetime as dt

import pytest

from storage.casefile import (
    assessments,
    cases,
    interventions,
    placements,
    repo,
)
from storage.casework import (
    followup_results,
    reminders,
    timeline,
)
from storage.casework.followup_results import (
    FollowUpStatus,
    Housing,
)
from storage.casework.gallring import delete_case_for_good
from storage.records.errors import (
    CaseNotFoundError,
    DateInFutureError,
    InvalidChoiceError,
    OutcomeRequiredError,
    RecordNotFoundError,
)
from storage.registers import provider_control as providers_control
from storage.registers import providers
from storage.vault.store import Store
from tests.case_fixtures import audit_actions, days, new_case, snapshot, store, store_template

__all__ = ["store", "store_template"]

D = dt.date
TODAY = dt.date.today()


# ---------------------------------------------------------------- follow-up


def test_close_with_outcome_gives_the_plan(store: Store) -> None:
    case_id = new_case(store, opened_on=D(2024, 1, 1))
    plan = followup_results.close_case(store, case_id, "fullföljt", on=D(2024, 8, 31))
    assert [(p.kind.value, p.due_on) for p in plan] == [
        ("six_months", D(2025, 2, 28)),
        ("twelve_months", D(2025, 8, 31)),
    ]
    assert all(p.overdue(TODAY) for p in plan)
    due = reminders.reminders(store, kinds=["follow_up"], case_id=case_id)
    assert [r.note for r in due] == ["six_months", "twelve_months"]


def test_no_plan_without_follow_up(store: Store) -> None:
    open_case = new_case(store)
    assert followup_results.follow_up_plan(store, open_case) == []
    other = new_case(store, name="Other Person")
    followup_results.close_case(store, other, "not_applicable")
    assert followup_results.follow_up_plan(store, other) == []
    head = store.audit.head()
    with pytest.raises(OutcomeRequiredError):
        followup_results.close_case(store, open_case, None)  # type: ignore[arg-type]
    with pytest.raises(CaseNotFoundError):
        followup_results.follow_up_plan(store, 4242)
    assert store.audit.head() == head


def test_record_the_form(store: Store) -> None:
    case_id = new_case(store, opened_on=D(2024, 1, 1))
    followup_results.close_case(store, case_id, "completed", on=D(2024, 6, 1))
    fid = followup_results.record_follow_up(
        store,
        case_id,
        kind="six_months",
        done_on=D(2024, 12, 3),
        status="stable",
        housing="eget kontrakt",
        occupation="studying",
        relapse="none",
    )
    [result] = followup_results.follow_up_results(store, case_id)
    assert result.follow_up_id == fid and result.status is FollowUpStatus.STABLE
    assert result.housing is Housing.OWN_TENANCY and "eget kontrakt" in result.summary
    plan = followup_results.follow_up_plan(store, case_id)
    assert plan[0].done and plan[0].done_on == D(2024, 12, 3) and not plan[1].done
    due = reminders.reminders(store, kinds=["follow_up"], case_id=case_id)
    assert [r.note for r in due] == ["twelve_months"]
    assert audit_actions(store)[-2:] == ["follow_up.add", "follow_up.result"]
    entry = store.audit.entries(action="follow_up.result")[-1]
    assert set(entry.details) == {"case_id", "follow_up_id", "status", "relapse"}


def test_form_refusals_store_nothing(store: Store) -> None:
    case_id = new_case(store)
    followup_results.close_case(store, case_id, "completed")
    before = snapshot(store)
    form = {
        "kind": "six_months",
        "done_on": TODAY,
        "status": "stable",
        "housing": "castle",
        "occupation": "none",
        "relapse": "none",
    }
    with pytest.raises(InvalidChoiceError):
        followup_results.record_follow_up(store, case_id, **form)
    form |= {"housing": "unknown", "done_on": days(3)}
    with pytest.raises(DateInFutureError):
        followup_results.record_follow_up(store, case_id, **form)
    assert snapshot(store) == before
    count = store.conn.execute("SELECT count(*) FROM follow_up_results").fetchone()[0]
    assert count == 0


def test_results_weeded_with_the_case(store: Store) -> None:
    case_id = new_case(store)
    followup_results.close_case(store, case_id, "completed")
    form = {"status": "unstable", "housing": "homeless", "occupation": "none"}
    followup_results.record_follow_up(
        store, case_id, kind="other", done_on=TODAY, relapse="suspected", notes="Oro", **form
    )
    with store.transaction():
        delete_case_for_good(store, case_id)
    assert store.conn.execute("SELECT count(*) FROM follow_up_results").fetchone()[0] == 0


# ---------------------------------------------------------------- timeline


def test_timeline_in_order(store: Store) -> None:
    case_id = new_case(store, opened_on=D(2024, 1, 2))
    for status in ("preliminary_assessment", "investigation", "decided", "implementation"):
        cases.set_status(store, case_id, status)
    assessments.add_threat_assessment(
        store,
        case_id,
        source_unit="Polisen",
        level="high",
        assessed_on=D(2024, 1, 20),
        summary="Hot",
    )
    iid = interventions.add_intervention(
        store, case_id, type="psychiatry", started_on=D(2024, 2, 1)
    )
    interventions.end_intervention(store, iid, D(2024, 5, 1))
    placements.add_placement(
        store,
        case_id,
        municipality="Hemligstad",
        moved_in_on=D(2024, 3, 1),
        street="Gatan 1",
        city="Hemligstad",
    )
    with store.transaction():
        repo.insert(
            store,
            "handovers",
            {
                "case_id": case_id,
                "receiving_municipality": "Hemligstad",
                "legal_basis": "consent",
                "created_by": "t",
                "created_at": "2024-03-05T10:00:00Z",
            },
        )
    followup_results.close_case(store, case_id, "completed", on=D(2024, 6, 1))
    followup_results.record_follow_up(
        store,
        case_id,
        kind="six_months",
        done_on=D(2024, 12, 1),
        status="stable",
        housing="sublet",
        occupation="employed",
        relapse="none",
    )
    events = timeline.case_timeline(store, case_id)
    kinds = [e.kind for e in events]
    assert kinds[0] == "intake" and events[0].on == D(2024, 1, 2)
    # status changes are dated by their audit entry (today here; the rest is back-dated)
    assert [e.label for e in events if e.kind == "status"] == [
        "Förhandsbedömning",
        "Utredning",
        "Beslutad",
        "Genomförande",
    ]
    assert all(e.on == dt.datetime.now(dt.UTC).date() for e in events if e.kind == "status")
    assert kinds.index("closing") < kinds.index("follow_up")
    assert [e.on for e in events] == sorted(e.on for e in events)
    moved = [e for e in events if e.kind in ("placement_in", "handover")]
    assert all(e.protected and e.detail == "Hemligstad" for e in moved)
    assert all("Hemligstad" not in e.label and "Gatan" not in (e.detail or "") for e in events)
    closing = next(e for e in events if e.kind == "closing")
    assert closing.label == "Avslutat: fullföljt" and closing.kind_label == "Avslut"
    assert [e.kind for e in events if e.on == D(2024, 5, 1)] == ["intervention_end"]


# ---------------------------------------------------------------- providers


@pytest.fixture
def register(store: Store) -> dict[str, int]:
    private = providers.add_provider(store, name="Stödhem AB", kind="private")
    municipal = providers.add_provider(store, name="Kommunens öppenvård", kind="kommunal")
    a, b = new_case(store), new_case(store, name="Anna Andersson")
    ia = interventions.add_intervention(
        store,
        a,
        type="protected_housing",
        started_on=TODAY - dt.timedelta(days=120),
        provider_id=private,
    )
    ib = interventions.add_intervention(
        store, b, type="counselling", started_on=days(-10), provider_id=private
    )
    im = interventions.add_intervention(
        store, b, type="counselling", started_on=days(-10), provider_id=municipal
    )
    return {"private": private, "municipal": municipal, "ia": ia, "ib": ib, "im": im}


def test_register_and_overdue(store: Store, register: dict[str, int]) -> None:
    overview = {o.provider.name: o for o in providers_control.provider_register(store)}
    private = overview["Stödhem AB"]
    assert private.running == 2 and private.overdue == 1 and private.planned == 0
    assert private.next_due == TODAY - dt.timedelta(days=30)  # 120 days ago + 90
    assert overview["Kommunens öppenvård"].next_due is None  # no interval: not controlled
    overdue = providers_control.overdue_controls(store)
    assert [o.intervention_id for o in overdue] == [register["ia"]]
    assert "Jonas" not in overdue[0].label
    due = reminders.reminders(store, kinds=["provider_control"], within_days=0)
    assert [r.ref_id for r in due] == [register["ia"]]


def test_control_visit_planned_and_recorded(store: Store, register: dict[str, int]) -> None:
    ids = providers_control.plan_control_visit(store, register["private"], TODAY, "Besök")
    assert len(ids) == 2 and audit_actions(store).count("control.plan") == 2
    items = providers_control.provider_interventions(store, register["private"])
    assert all(i.next_due == TODAY and not i.overdue for i in items)
    for control_id in ids:
        interventions.record_provider_control(store, control_id, TODAY, "Allt i ordning")
    items = providers_control.provider_interventions(store, register["private"])
    done = items[0].controls[0]
    assert done.done_by == store.actor and done.notes == "Besök\nAllt i ordning"
    assert items[0].last_done == TODAY and items[0].next_due == days(90)


def test_provider_refusals(store: Store, register: dict[str, int]) -> None:
    before = snapshot(store)
    with pytest.raises(RecordNotFoundError):
        providers_control.provider_interventions(store, 999)
    with pytest.raises(RecordNotFoundError):
        providers_control.plan_control_visit(store, 999, TODAY)
    with pytest.raises(InvalidChoiceError):
        providers.add_provider(store, name="X", kind="commercial")
    assert snapshot(store) == before
    cases.set_status(store, new_case(store, name="Closed Case"), "closed", outcome="completed")
    ended = providers_control.provider_interventions(store, register["private"], include_ended=True)
    assert len(ended) == 2
