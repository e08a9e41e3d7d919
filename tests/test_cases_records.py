"""Cases and persons: fields, status flow, outcome rule; invalid input names the field and
stores nothing."""

from __future__ import annotations

from typing import Any

import pytest

from storage.casefile import (
    cases,
    persons,
)
from storage.casefile.case_list import list_case_ids
from storage.casefile.repo import resolve_case
from storage.casefile.summaries import case_summaries
from storage.errors import ValidationError
from storage.records import (
    STATUS_TRANSITIONS,
    CaseStatus,
    CaseType,
    Choice,
    Environment,
    Funding,
    GroupRelation,
    InterventionType,
    LegalBasis,
    Outcome,
    ProtectionLevel,
    ProviderKind,
)
from storage.records.errors import (
    CaseClosedError,
    CaseNotFoundError,
    OutcomeNotAllowedError,
    OutcomeRequiredError,
    PrincipalExistsError,
    StatusTransitionError,
)
from storage.vault.store import Store
from tests.case_fixtures import (
    ACTOR,
    audit_actions,
    days,
    new_case,
    shared_store,
    snapshot,
    store,
    store_template,
)

__all__ = ["shared_store", "store", "store_template"]


def test_enums_carry_swedish_labels() -> None:
    assert [t.label for t in CaseType] == ["avhoppare", "närstående", "ung i riskzon"]
    assert CaseStatus.EMERGENCY_PROTECTION.label == "akut skydd / flytt"
    assert [o.label for o in Outcome] == [
        "fullföljt",
        "avbrutet av individen",
        "villkor brutna",
        "ej aktuellt",
    ]
    assert ProtectionLevel.FICTITIOUS_IDENTITY.label == "fingerade personuppgifter"
    assert ProviderKind.NON_PROFIT.label == "idéburen" and ProviderKind.PRIVATE.needs_control
    assert GroupRelation.RIVAL.label == "rivaliserande"
    assert Environment.HONOUR_CONTEXT.label == "hedersrelaterad miljö"
    assert InterventionType.TATTOO_REMOVAL.label == "tatueringsborttagning"
    assert Funding.STATE_GRANT.label == "statsbidrag"
    assert LegalBasis.TRANSFER.label == "överflyttning av ärende"
    assert CaseType.parse("Närstående", "x") is CaseType.RELATIVE  # a label works too
    assert CaseType.labels()["young_at_risk"] == "ung i riskzon"


def test_every_choice_has_a_label() -> None:
    for cls in Choice.__subclasses__():
        for member in cls:
            assert member.label


def test_status_flow_table() -> None:
    assert set(STATUS_TRANSITIONS) == set(CaseStatus)
    for status, targets in STATUS_TRANSITIONS.items():
        if status.is_terminal:
            assert targets == frozenset()
        else:
            assert CaseStatus.CLOSED in targets and status not in targets
    assert CaseStatus.HANDED_OVER in STATUS_TRANSITIONS[CaseStatus.IMPLEMENTATION]


def test_create_case_defaults_and_number(store: Store) -> None:
    first = cases.create_case(store, case_type="defector", home_municipality="Linköping")
    second = cases.create_case(
        store,
        case_type="relative",
        home_municipality="Motala",
        stay_municipality="Norrköping",
        referral_source="Polisen",
    )
    c1, c2 = cases.get_case(store, first), cases.get_case(store, second)
    year = c1.opened_on.year
    assert (c1.case_number, c2.case_number) == (f"UV-{year}-0001", f"UV-{year}-0002")
    assert c1.status is CaseStatus.REFERRED and c1.caseworker == ACTOR and c1.outcome is None
    assert c2.stay_municipality == "Norrköping" and c2.case_type is CaseType.RELATIVE
    assert resolve_case(store, f"uv-{year}-0002") == second
    assert resolve_case(store, str(first)) == first
    with pytest.raises(CaseNotFoundError):
        resolve_case(store, "UV-1999-0001")
    assert audit_actions(store).count("case.create") == 2
    entry = store.audit.entries(action="case.create")[0]
    assert entry.subject == c1.case_number and set(entry.details) == {"case_id", "case_type"}


INVALID_CASES: list[tuple[dict[str, Any], str]] = [
    ({"case_type": "gangster"}, "case_type"),
    ({"case_type": None}, "case_type"),
    ({"home_municipality": ""}, "home_municipality"),
    ({"home_municipality": "x" * 101}, "home_municipality"),
    ({"home_municipality": 12}, "home_municipality"),
    ({"stay_municipality": "Tab\x07bell"}, "stay_municipality"),
    ({"caseworker": "   ", "home_municipality": "X"}, "caseworker"),
    ({"referral_source": "y" * 201}, "referral_source"),
    ({"opened_on": "2024-13-01"}, "opened_on"),
    ({"opened_on": "1/2/2024"}, "opened_on"),
    ({"opened_on": days(3).isoformat()}, "opened_on"),
    ({"case_number": "UV-24-1"}, "case_number"),
    ({"status": "done"}, "status"),
    ({"status": "closed"}, "outcome"),
    ({"status": "closed", "outcome": "completed"}, "closed_on"),
    ({"outcome": "completed"}, "outcome"),
    ({"status": "decided", "closed_on": days(-1).isoformat()}, "closed_on"),
    ({"status": "closed", "outcome": "won", "closed_on": days(-1).isoformat()}, "outcome"),
    (
        {
            "status": "closed",
            "outcome": "completed",
            "opened_on": days(-5).isoformat(),
            "closed_on": days(-9).isoformat(),
        },
        "closed_on",
    ),
]


@pytest.mark.parametrize(("changes", "field"), INVALID_CASES)
def test_invalid_case_fields_are_refused(
    shared_store: Store, changes: dict[str, Any], field: str
) -> None:
    fields = {"case_type": "defector", "home_municipality": "Linköping"} | changes
    before = snapshot(shared_store)
    with pytest.raises(ValidationError) as exc:
        cases.create_case(shared_store, **fields)
    assert exc.value.params["field"] == field
    assert field in str(exc.value)
    assert snapshot(shared_store) == before


def test_duplicate_case_number(store: Store) -> None:
    cases.create_case(
        store, case_type="defector", home_municipality="X", case_number="UV-2020-0007"
    )
    before = snapshot(store)
    with pytest.raises(ValidationError) as exc:
        cases.create_case(
            store, case_type="defector", home_municipality="X", case_number="uv-2020-0007"
        )
    assert exc.value.code == "duplicate_case_number" and snapshot(store) == before


def test_status_flow_and_outcome(store: Store) -> None:
    case_id = new_case(store)
    for status in (
        "preliminary_assessment",
        "joint_assessment",
        "investigation",
        "decided",
        "emergency_protection",
        "implementation",
        "follow_up",
    ):
        cases.set_status(store, case_id, status)
    before = snapshot(store)
    with pytest.raises(StatusTransitionError) as exc:
        cases.set_status(store, case_id, "referred")
    assert "uppföljning" in str(exc.value) and "aktualiserad" in str(exc.value)
    with pytest.raises(OutcomeRequiredError):
        cases.set_status(store, case_id, "closed")
    with pytest.raises(OutcomeNotAllowedError):
        cases.set_status(store, case_id, "implementation", outcome="completed")
    assert snapshot(store) == before
    cases.set_status(store, case_id, CaseStatus.CLOSED, outcome=Outcome.COMPLETED)
    c = cases.get_case(store, case_id)
    assert c.status is CaseStatus.CLOSED and c.outcome is Outcome.COMPLETED and c.closed_on
    assert c.is_closed
    with pytest.raises(StatusTransitionError):
        cases.set_status(store, case_id, "implementation")
    with pytest.raises(CaseClosedError):
        cases.update_case(store, case_id, stay_municipality="Umeå")
    details = store.audit.entries(action="case.status")[-1].details
    assert details == {
        "case_id": case_id,
        "from": "follow_up",
        "to": "closed",
        "outcome": "completed",
    }


def test_handed_over_has_no_outcome(store: Store) -> None:
    case_id = new_case(store)
    cases.set_status(store, case_id, "emergency_protection")
    cases.set_status(store, case_id, "handed_over")
    c = cases.get_case(store, case_id)
    assert c.outcome is None and c.closed_on is not None and c.is_closed


def test_update_case(store: Store) -> None:
    case_id = new_case(store)
    cases.update_case(store, case_id, stay_municipality="Umeå", caseworker="Peter")
    c = cases.get_case(store, case_id)
    assert (c.stay_municipality, c.caseworker) == ("Umeå", "Peter")
    assert store.audit.entries(action="case.update")[-1].details["fields"] == [
        "caseworker",
        "stay_municipality",
    ]
    before = snapshot(store)
    for bad, field in (({"status": "closed"}, "status"), ({"caseworker": ""}, "caseworker")):
        with pytest.raises(ValidationError) as exc:
            cases.update_case(store, case_id, **bad)
        assert exc.value.params["field"] == field
    assert snapshot(store) == before


def test_list_and_filter(store: Store) -> None:
    a = new_case(store)
    b = new_case(store, case_type="young_at_risk", name="Sara Åberg")
    cases.set_status(store, b, "preliminary_assessment")
    assert set(list_case_ids(store)) == {a, b}
    assert list_case_ids(store, status="preliminary_assessment") == [b]
    assert list_case_ids(
        store, status=["referred", "preliminary_assessment"], order_by="number"
    ) == [a, b]
    assert list_case_ids(store, case_type="young_at_risk") == [b]
    assert list_case_ids(store, query="Åberg") == [b]
    assert list_case_ids(store, query="Åberg", status="referred") == []
    with pytest.raises(ValidationError):
        list_case_ids(store, order_by="name; DROP TABLE cases")
    assert [s.case_id for s in case_summaries(store, [b, 999, a])] == [b, a]


def test_person_rules(store: Store) -> None:
    case_id = cases.create_case(store, case_type="defector", home_municipality="Linköping")
    pid = persons.add_person(
        store,
        case_id,
        name="  Anna  Svensson ",
        personnummer="8112289874",
        gender="kvinna",
        language="svenska",
        protection_level="sekretessmarkering",
    )
    rel = persons.add_relative(
        store,
        case_id,
        name="Lilly Svensson",
        relation="barn",
        birth_year=2019,
        accompanying_child=True,
    )
    found = persons.persons(store, case_id)
    assert [p.id for p in found] == [pid, rel]
    p, r = found
    assert p.birth_year == 1981 and p.id_kind == "personnummer" and p.relation is None
    assert p.protection_level is ProtectionLevel.CONFIDENTIALITY_MARKING
    assert r.relation == "barn" and r.accompanying_child and r.id_kind is None
    assert not hasattr(p, "name")  # masked records never carry the name
    with pytest.raises(PrincipalExistsError):
        persons.add_person(store, case_id, name="Another Principal")
    persons.update_person(store, pid, protection_level="protected_registration")
    entry = store.audit.entries(action="person.update")[-1]
    assert entry.details["fields"] == ["protection_level"]
    assert "Svensson" not in str([e.details for e in store.audit.entries()])


INVALID_PERSONS: list[tuple[dict[str, Any], str]] = [
    ({"name": ""}, "name"),
    ({"name": "A" * 201}, "name"),
    ({"name": "Bad\nName"}, "name"),
    ({"personnummer": "811228-9875"}, "personnummer"),
    ({"personnummer": "811328-9874"}, "personnummer"),
    ({"personnummer": "8112"}, "personnummer"),
    ({"personnummer": "8112289874", "birth_year": 1980}, "birth_year"),
    ({"birth_year": 1850}, "birth_year"),
    ({"birth_year": "1990"}, "birth_year"),
    ({"gender": "robot"}, "gender"),
    ({"language": "x" * 51}, "language"),
    ({"protection_level": "top secret"}, "protection_level"),
    ({"role": "boss"}, "role"),
    ({"role": "relative"}, "relation"),
    ({"role": "relative", "relation": ""}, "relation"),
    ({"role": "relative", "relation": "mor", "accompanying_child": "yes"}, "accompanying_child"),
    ({"relation": "mor"}, "relation"),
]


@pytest.mark.parametrize(("changes", "field"), INVALID_PERSONS)
def test_invalid_person_fields_are_refused(
    shared_store: Store, changes: dict[str, Any], field: str
) -> None:
    case_id = cases.create_case(shared_store, case_type="defector", home_municipality="X")
    before = snapshot(shared_store)
    with pytest.raises(ValidationError) as exc:
        persons.add_person(shared_store, case_id, **({"name": "Test Person"} | changes))
    assert exc.value.params["field"] == field
    assert snapshot(shared_store) == before
