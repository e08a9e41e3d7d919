"""The relocation checklist, the received-case municipality rule, and the partner register."""

from __future__ import annotations

import json

import pytest

from storage.casefile import (
    cases,
    placements,
)
from storage.casework import (
    relocation,
    reminders,
)
from storage.records import (
    PartnerKind,
    RelocationTaskKind,
    ReminderKind,
)
from storage.records.errors import (
    AlreadyDoneError,
    CaseClosedError,
    ChecklistExistsError,
    DateInFutureError,
    FieldRequiredError,
    FieldTypeError,
    InvalidChoiceError,
)
from storage.registers import partners
from storage.vault.store import Store
from tests.case_fixtures import (
    TODAY,
    days,
    new_case,
    snapshot,
    store,
    store_template,
)

__all__ = ["store", "store_template"]


def _placement(store: Store) -> tuple[int, int]:
    case_id = new_case(store)
    placement = placements.add_placement(store, case_id, municipality="Umeå", moved_in_on=days(-3))
    return case_id, placement


def test_checklist_tasks_who_when_done_and_reminders(store: Store) -> None:
    case_id, placement = _placement(store)
    ids = relocation.start_checklist(store, placement, responsible="Karin", due_on=days(7))
    tasks = relocation.checklist(store, placement)
    assert [t.id for t in tasks] == ids
    assert [t.task for t in tasks] == list(relocation.STANDARD_TASKS)
    assert tasks[0].task is RelocationTaskKind.PROTECTED_REGISTRATION
    assert all(t.responsible == "Karin" and t.due_on == days(7) and not t.done for t in tasks)
    with pytest.raises(ChecklistExistsError):
        relocation.start_checklist(store, placement)
    with pytest.raises(FieldRequiredError):
        relocation.add_task(store, placement, "other")
    extra = relocation.add_task(
        store, placement, "other", description="Flytta bilen", due_on=days(2)
    )
    relocation.update_task(store, ids[1], responsible="Pelle", due_on=days(-1))
    relocation.complete_task(store, ids[0])
    with pytest.raises(AlreadyDoneError):
        relocation.complete_task(store, ids[0])
    with pytest.raises(DateInFutureError):
        relocation.complete_task(store, ids[2], done_on=days(1))
    done = relocation.task(store, ids[0])
    assert done.done_on == TODAY and done.done_by == store.actor
    due = reminders.reminders(store, within_days=3, kinds=["relocation_task"])
    assert [(r.ref_id, r.note) for r in due] == [(ids[1], "school"), (extra, "other")]
    assert all(r.kind is ReminderKind.RELOCATION_TASK and r.case_id == case_id for r in due)
    relocation.reopen_task(store, ids[0])
    assert not relocation.task(store, ids[0]).done
    assert [t.id for t in relocation.case_tasks(store, case_id)] == [*ids, extra]
    actions = [e.action for e in store.audit.entries() if e.action.startswith("relocation.")]
    assert actions[0] == "relocation.checklist" and "relocation.task_reopen" in actions
    assert all("Flytta" not in json.dumps(e.details) for e in store.audit.entries())
    cases.set_status(store, case_id, "closed", outcome="completed")
    assert reminders.reminders(store, kinds=["relocation_task"]) == []
    before = snapshot(store)
    with pytest.raises(CaseClosedError):
        relocation.complete_task(store, ids[1])
    assert snapshot(store) == before


@pytest.mark.parametrize(
    ("basis", "home", "ask"),
    [("transfer", "Lund", False), ("request_for_help", "Umeå", False), ("consent", "Umeå", True)],
)
def test_an_accepted_handover_places_the_case_here(
    store: Store, basis: str, home: str, ask: bool
) -> None:
    case_id = cases.create_case(
        store, case_type="defector", home_municipality="Umeå", stay_municipality="Umeå"
    )
    change = relocation.apply_receiving_municipality(store, case_id, "Lund", basis)
    c = cases.get_case(store, case_id)
    assert (c.home_municipality, c.stay_municipality) == (home, "Lund")
    assert (change.home_before, change.stay_before, change.ask_home) == ("Umeå", "Umeå", ask)
    entry = store.audit.entries(action="case.update")[-1]
    assert entry.details["rule"] == "handover_accept" and entry.details["legal_basis"] == basis
    if ask:
        relocation.set_home_municipality(store, case_id, "Lund")
        assert cases.get_case(store, case_id).home_municipality == "Lund"


def test_partner_register_and_links(store: Store) -> None:
    case_id = new_case(store)
    police = partners.add_partner(
        store,
        kind="police",
        name="Kim Kontakt",
        organisation="Polisregion Nord, personsäkerhet",
        phone="010-123 45 67",
        email="kim.kontakt@example.invalid",
    )
    school = partners.add_partner(store, kind="skola", name="Rektor Fiktiv")
    before = snapshot(store)
    for bad, error in (
        ({"phone": "ring mig"}, FieldTypeError),
        ({"email": "inte-en-adress"}, FieldTypeError),
        ({"kind": "grannen"}, InvalidChoiceError),
    ):
        with pytest.raises(error):
            partners.add_partner(store, **{"kind": "other", "name": "X", **bad})
    assert snapshot(store) == before
    partners.link_partner(store, case_id, police, "kontaktpolis")
    partners.link_partner(store, case_id, school)
    partners.link_partner(store, case_id, police, "personsäkerhetshandläggare")  # new role
    linked = partners.case_partners(store, case_id)
    assert [(p.partner.kind, p.role) for p in linked] == [
        (PartnerKind.POLICE, "personsäkerhetshandläggare"),
        (PartnerKind.SCHOOL, None),
    ]
    assert partners.partner_cases(store, police) == [case_id]
    partners.update_partner(store, police, phone="010-765 43 21")
    assert partners.partner(store, police).phone == "010-765 43 21"
    assert partners.unlink_partner(store, case_id, school) is True
    assert partners.unlink_partner(store, case_id, school) is False
    assert [p.id for p in partners.partners(store, "police")] == [police]
    logged = json.dumps([e.details for e in store.audit.entries()], ensure_ascii=False)
    assert "Kim" not in logged and "010-" not in logged and "example.invalid" not in logged
