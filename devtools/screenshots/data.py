"""Fictional data for the screenshots of the handover, follow-up, statistics and provider
screens (devtools/screenshots/tools.py), made through the domain's public APIs in a temporary
store. Every name is invented and marked "(fiktiv)"; nothing here is used by the client.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from storage.casefile import (
    assessments,
    cases,
    consents,
    interventions,
    persons,
    placements,
)
from storage.casework.followup_results import (
    close_case,
    record_follow_up,
)
from storage.records.personnummer import make_identity_number
from storage.registers import groups
from storage.vault.crypto import KdfParams
from storage.vault.opening import create_store
from storage.vault.store import Store
from sync.trust import (
    contacts,
    identity,
)

TODAY = dt.date.today()
NORR, SODER = "Norrgänget (fiktiv)", "Södergänget (fiktiv)"


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def other_unit(path: Any, names: tuple[str, str, str]) -> Any:
    """A second installation (the receiving municipality), passphrase-only."""
    store, _code = create_store(
        path,
        "fiktiv lösenfras för bilder",
        actor=names[2],
        use_device_key=False,
        kdf=KdfParams.minimum(),
    )
    identity.ensure_identity(store, *names)
    return store


def exchange_cards(ours: Any, theirs: Any, *, verify: bool) -> int:
    """Import ``theirs``' card into ``ours`` (and ours into theirs, verified there)."""
    contact = contacts.import_card(ours, identity.export_card(theirs))
    if verify:
        contacts.verify_contact(ours, contact, identity.get_identity(theirs).fingerprint)
        back = contacts.import_card(theirs, identity.export_card(ours))
        contacts.verify_contact(theirs, back, identity.get_identity(ours).fingerprint)
    return contact


def rival_groups(store: Store) -> tuple[int, int]:
    norr = groups.add_group(store, name=NORR, environment="criminal_network")
    soder = groups.add_group(store, name=SODER, environment="criminal_network")
    groups.set_group_relation(store, norr, soder, "rival")
    return norr, soder


def handover_case(store: Store, receiving: str, group: int) -> int:
    """An open case ready to be handed over to ``receiving`` (consent on file)."""
    case_id = cases.create_case(
        store, case_type="defector", home_municipality="Exempelkommun", opened_on=days(-90)
    )
    number = make_identity_number(dt.date(1990, 3, 15), 987)
    principal = persons.add_person(
        store,
        case_id,
        name="Nils Fiktivsson",
        personnummer=number,
        gender="male",
        protection_level="protected_registration",
    )
    persons.add_relative(
        store, case_id, name="Eva Fiktivsson", relation="mor", birth_year=1966, gender="female"
    )
    consents.add_consent(
        store,
        case_id,
        agencies=["Polisen"],
        municipalities=["Exempelkommun", receiving],
        signed_on=days(-40),
        expires_on=days(300),
        person_id=principal,
    )
    assessments.add_network_link(
        store, case_id, environment="criminal_network", group_id=group, role="medlem"
    )
    placements.add_placement(
        store,
        case_id,
        municipality="Skyddsby",
        moved_in_on=days(-30),
        street="Demogatan 1",
        postal_code="999 90",
        city="Demostad",
    )
    cases.set_status(store, case_id, "emergency_protection")
    return case_id


def rival_in(store: Store, municipality: str, group: int) -> int:
    """A case linked to ``group`` placed in ``municipality`` (a network conflict there)."""
    case_id = cases.create_case(
        store, case_type="defector", home_municipality=municipality, opened_on=days(-400)
    )
    persons.add_person(store, case_id, name="Karl Demosson", birth_year=1993, gender="male")
    assessments.add_network_link(store, case_id, environment="criminal_network", group_id=group)
    placements.add_placement(store, case_id, municipality=municipality, moved_in_on=days(-380))
    return case_id


def followed_up_case(store: Store) -> int:
    """A case closed seven months ago, its 6-month follow-up due, with a history."""
    case_id = cases.create_case(
        store, case_type="defector", home_municipality="Exempelkommun", opened_on=days(-500)
    )
    persons.add_person(store, case_id, name="Omar Exempel", birth_year=1995, gender="male")
    consents.add_agreement(store, case_id, signed_on=days(-480), conditions=["Inga brott."])
    assessments.add_threat_assessment(
        store,
        case_id,
        source_unit="Polisregion Exempel",
        assessed_on=days(-470),
        level="high",
        summary="Hot från tidigare kamrater (fiktivt).",
    )
    interventions.add_intervention(
        store, case_id, type="counselling", started_on=days(-460), ended_on=days(-230)
    )
    placements.add_placement(store, case_id, municipality="Skyddsby", moved_in_on=days(-450))
    close_case(store, case_id, "completed", on=days(-214))
    return case_id


def statistics_cases(store: Store) -> None:
    """Non-demo cases in two municipalities, so that the tables have content: opened this
    year, and some opened last year and still open."""
    start = dt.date(TODAY.year, 1, 1)
    spec = (
        [("Exempelkommun", "defector", "male", 1994)] * 9
        + [("Exempelkommun", "defector", "female", 1998)] * 6
        + [("Exempelkommun", "relative", "female", 1970)] * 5
        + [("Grannby", "young_at_risk", "male", 2009)] * 3
        + [("Grannby", "defector", "male", 1990)] * 6
    )
    earlier = (
        [("Exempelkommun", "relative", "male", 1968)] * 5
        + [("Exempelkommun", "defector", "male", 1991)] * 5
        + [("Grannby", "relative", "female", 1975)] * 5
    )
    for i, (muni, kind, gender, born) in enumerate(earlier):
        opened = dt.date(TODAY.year - 1, 3 + i % 9, 1)
        case_id = cases.create_case(store, case_type=kind, home_municipality=muni, opened_on=opened)
        persons.add_person(
            store, case_id, name=f"Statistik Fiktiv F{i}", birth_year=born, gender=gender
        )
    for i, (muni, kind, gender, born) in enumerate(spec):
        opened = start + dt.timedelta(days=i % max((TODAY - start).days, 1))
        case_id = cases.create_case(store, case_type=kind, home_municipality=muni, opened_on=opened)
        persons.add_person(
            store, case_id, name=f"Statistik Fiktiv {i}", birth_year=born, gender=gender
        )
        if i % 3 == 0:
            interventions.add_intervention(
                store,
                case_id,
                type="psychiatry",
                started_on=opened,
                cost_sek=18_000,
                funding="state_grant",
            )
        if i % 2 == 0:
            interventions.add_intervention(store, case_id, type="counselling", started_on=opened)


def record_six_months(store: Store, case_id: int) -> None:
    record_follow_up(
        store,
        case_id,
        kind="six_months",
        done_on=days(-20),
        status="stable",
        housing="own_tenancy",
        occupation="studying",
        relapse="none",
    )
