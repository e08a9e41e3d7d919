"""Reminders by date: threat review, consent, provider control, follow-up, gallring, manual."""

from __future__ import annotations

import datetime as dt

from storage.casefile import (
    assessments,
    cases,
    consents,
    followups,
    interventions,
)
from storage.casefile.summaries import case_summary
from storage.casework import reminders
from storage.casework.reminders import add_months
from storage.records import ReminderKind
from storage.registers.providers import add_provider
from storage.vault.store import Store
from tests.case_fixtures import TODAY, closed_case, days, new_case, store, store_template

__all__ = ["store", "store_template"]


def kinds(store: Store, on: dt.date, within: int = 30, case_id: int | None = None) -> list:
    return [(r.kind, r.due_on) for r in reminders.reminders(store, on, within, case_id=case_id)]


def test_add_months() -> None:
    assert add_months(dt.date(2025, 8, 31), 6) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2025, 1, 15), 12) == dt.date(2026, 1, 15)


def test_threat_review(store: Store) -> None:
    case_id = new_case(store)
    assessments.add_threat_assessment(
        store,
        case_id,
        source_unit="Polisregion Öst",
        assessed_on=days(-100),
        level="high",
        summary="Hot",
        next_review_on=days(20),
    )
    assert kinds(store, TODAY) == [(ReminderKind.THREAT_REVIEW, days(20))]
    assert kinds(store, TODAY, within=10) == []
    assert kinds(store, days(25), within=0) == [(ReminderKind.THREAT_REVIEW, days(20))]  # overdue
    # a newer assessment replaces the review date
    assessments.add_threat_assessment(
        store,
        case_id,
        source_unit="Polisregion Öst",
        assessed_on=days(-1),
        level="low",
        summary="Lugnare",
        next_review_on=days(90),
    )
    assert kinds(store, TODAY) == [] and kinds(store, days(80)) == [
        (ReminderKind.THREAT_REVIEW, days(90))
    ]
    r = reminders.reminders(store, days(80))[0]
    assert r.case_id == case_id and r.label == case_summary(store, case_id).label
    assert r.kind.label == "ny hotbedömning" and r.ref_id is not None


def test_consent_expiring(store: Store) -> None:
    case_id = new_case(store)
    first = consents.add_consent(
        store,
        case_id,
        agencies=["Polisen"],
        municipalities=["Umeå"],
        signed_on=days(-340),
        expires_on=days(25),
    )
    assert kinds(store, TODAY) == [(ReminderKind.CONSENT_EXPIRING, days(25))]
    consents.revoke_consent(store, first, revoked_on=TODAY, reason="Återkallat")
    assert kinds(store, TODAY) == []
    c = consents.consents(store, case_id)[0]
    assert not c.is_valid_on(TODAY) and c.is_valid_on(days(-1))
    assert c.covers_municipality("umeå", days(-1)) and not c.covers_municipality("Malmö", days(-1))


def test_provider_control(store: Store) -> None:
    case_id = new_case(store)
    private = add_provider(store, name="Boende AB", kind="private")
    municipal = add_provider(store, name="Kommunen", kind="municipal")
    insats = interventions.add_intervention(
        store, case_id, type="protected_housing", started_on=days(-80), provider_id=private
    )
    interventions.add_intervention(
        store, case_id, type="counselling", started_on=days(-80), provider_id=municipal
    )
    assert interventions.interventions(store, case_id)[0].control_interval_days == 90
    assert interventions.interventions(store, case_id)[1].control_interval_days is None
    assert kinds(store, TODAY) == [(ReminderKind.PROVIDER_CONTROL, days(10))]
    planned = interventions.plan_provider_control(store, insats, days(5))
    assert kinds(store, TODAY) == [(ReminderKind.PROVIDER_CONTROL, days(5))]
    interventions.record_provider_control(store, planned, TODAY, notes="Utan anmärkning")
    assert kinds(store, TODAY) == [] and kinds(store, days(90), 0) == [
        (ReminderKind.PROVIDER_CONTROL, days(90))
    ]
    interventions.end_intervention(store, insats, days(30))
    assert kinds(store, days(90), 0) == []


def test_follow_up_after_closing(store: Store) -> None:
    closed_on = days(-170)
    case_id = closed_case(store, closed_on)
    six, twelve = add_months(closed_on, 6), add_months(closed_on, 12)
    assert kinds(store, TODAY) == [(ReminderKind.FOLLOW_UP, six)]
    followups.add_follow_up(store, case_id, kind="six_months", done_on=TODAY, summary="Bra")
    assert kinds(store, TODAY) == [] and kinds(store, twelve, 0) == [
        (ReminderKind.FOLLOW_UP, twelve)
    ]
    assert reminders.reminders(store, twelve, 0)[0].note == "twelve_months"
    closed_case(store, closed_on, outcome="not_applicable")  # ej aktuellt: no follow-up
    assert len(kinds(store, twelve, 0)) == 1


def test_gallring_due_and_manual(store: Store) -> None:
    closed_on = days(-5 * 365)
    case_id = closed_case(store, closed_on, outcome="not_applicable")
    due = closed_on.replace(year=closed_on.year + 5)
    assert (ReminderKind.GALLRING, due) in kinds(store, TODAY, 30)
    cases.set_gallring_exemption(store, case_id, True, "Forskning")
    assert kinds(store, TODAY, 30) == []
    open_case = new_case(store)
    reminder = followups.add_reminder(store, open_case, due_on=days(3), text="Ring soc")
    [r] = reminders.reminders(store, TODAY, 30)
    assert (r.kind, r.due_on, r.note, r.ref_id) == (
        ReminderKind.MANUAL,
        days(3),
        "Ring soc",
        reminder,
    )
    followups.complete_reminder(store, reminder)
    assert reminders.reminders(store, TODAY, 30) == []


def test_filters_and_order(store: Store) -> None:
    a, b = new_case(store), new_case(store)
    followups.add_reminder(store, a, due_on=days(9), text="Senare")
    followups.add_reminder(store, b, due_on=days(2), text="Först")
    assert [r.case_id for r in reminders.reminders(store, TODAY)] == [b, a]
    assert kinds(store, TODAY, case_id=a) == [(ReminderKind.MANUAL, days(9))]
    assert reminders.reminders(store, TODAY, kinds=["threat_review"]) == []
