"""The network-conflict check (sync/handover/conflicts.py) on one store: which cases clash, when."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from storage.casefile import cases
from storage.casefile.summaries import case_summary
from storage.registers import groups
from storage.vault.store import Store
from sync.handover.conflicts import (
    check_case_conflicts,
    check_conflicts,
)
from tests.case_fixtures import copy_store, store_template
from tests.test_handover_support import EAST, IRON, SOUTH, days, placed_case

__all__ = ["store_template"]
ALIAS, ALLY = "Järnflocken (fiktiv)", "Västra vänner (fiktiv)"


@pytest.fixture(scope="module")
def store(store_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    s = copy_store(store_template, tmp_path_factory.mktemp("conflicts") / "store")
    gid = {
        n: groups.add_group(s, name=n, environment="criminal_network")
        for n in (IRON, EAST, SOUTH, ALIAS, ALLY)
    }
    groups.set_group_relation(s, gid[IRON], gid[EAST], "rival")
    groups.set_group_relation(s, gid[IRON], gid[ALIAS], "same")
    groups.set_group_relation(s, gid[IRON], gid[ALLY], "allied")
    yield s
    s.close()


def test_same_and_rival_groups_in_the_municipality_are_named(store: Store) -> None:
    same = placed_case(store, IRON, "Lund")
    rival = placed_case(store, EAST, "lund")  # names compare case-insensitively
    placed_case(store, SOUTH, "Lund")  # unrelated group
    placed_case(store, EAST, "Ystad")  # another municipality
    report = check_conflicts(store, municipality="Lund", groups=[IRON])
    assert report.checked and report.has_conflicts
    found = {(m.case_id, m.relation, m.their_group, m.via_group) for m in report.matches}
    assert found == {(same, "same", IRON, IRON), (rival, "rival", EAST, IRON)}
    labels = {case_summary(store, i).label for i in (same, rival)}
    assert set(report.case_labels) == labels
    assert all(m.current and m.source == "placement" for m in report.matches)
    assert "rival: Östra ligan (fiktiv)" in report.summary()
    # seen from the rival's side the same two cases clash
    seen = check_conflicts(store, municipality="LUND", groups=[EAST]).case_ids
    assert set(seen) == {same, rival}


def test_unrelated_groups_and_empty_cases_give_no_warning(store: Store) -> None:
    report = check_conflicts(store, municipality="Lund", groups=[SOUTH.upper()])
    assert [m.relation for m in report.matches] == ["same"]  # only its own group
    assert not check_conflicts(store, municipality="Lund", groups=["Okänd grupp"]).has_conflicts
    empty = check_conflicts(store, municipality="Lund", groups=[])
    assert not empty.checked and not empty.has_conflicts


def test_window_aliases_allies_and_extra_relations(store: Store) -> None:
    old = placed_case(store, EAST, "Höör", moved_out=days(-30 * 30))
    recent = placed_case(store, EAST, "Höör", moved_out=days(-30 * 12))
    report = check_conflicts(store, municipality="Höör", groups=[IRON])
    assert report.case_ids == (recent,) and report.matches[0].until == days(-30 * 12)
    assert check_conflicts(store, municipality="Höör", groups=[IRON], window_months=36).case_ids
    assert (
        old in check_conflicts(store, municipality="Höör", groups=[IRON], window_months=36).case_ids
    )
    # an alias (register relation "same") of IRON counts as IRON
    alias = placed_case(store, ALIAS, "Hörby")
    assert check_conflicts(store, municipality="Hörby", groups=[IRON]).case_ids == (alias,)
    assert check_conflicts(store, municipality="Hörby", groups=[EAST]).case_ids == (alias,)
    # allies only when asked for
    ally = placed_case(store, ALLY, "Sjöbo")
    assert not check_conflicts(store, municipality="Sjöbo", groups=[IRON]).has_conflicts
    wide = check_conflicts(
        store, municipality="Sjöbo", groups=[IRON], relations=("same", "rival", "allied")
    )
    assert wide.case_ids == (ally,) and wide.matches[0].relation == "allied"
    # relations that arrive with a bundle, by group name
    south = placed_case(store, SOUTH, "Tomelilla")
    assert not check_conflicts(store, municipality="Tomelilla", groups=["Ny grupp"]).has_conflicts
    extra = check_conflicts(
        store,
        municipality="Tomelilla",
        groups=["Ny grupp"],
        extra_relations=[("Ny grupp", SOUTH, "rival")],
    )
    assert extra.case_ids == (south,)


def test_case_municipalities_and_the_case_itself(store: Store) -> None:
    here = cases.create_case(
        store, case_type="defector", home_municipality="Malmö", stay_municipality="Skurup"
    )
    from storage.casefile import (
        assessments,
        persons,
    )

    persons.add_person(store, here, name="Sven Stay", birth_year=1991)
    assessments.add_network_link(
        store, here, environment="criminal_network", group_id=groups.group_id_by_name(store, EAST)
    )
    report = check_conflicts(store, municipality="Skurup", groups=[IRON])
    assert report.case_ids == (here,) and report.matches[0].source == "stay_municipality"
    own = placed_case(store, IRON, "Svedala")
    assert check_case_conflicts(store, own, "Svedala").case_ids == ()
    other = placed_case(store, IRON, "Svedala")
    assert check_case_conflicts(store, own, "Svedala").case_ids == (other,)
    # a case closed long ago is no longer present
    cases.set_status(store, other, "closed", outcome="completed")
    assert check_case_conflicts(store, own, "Svedala").case_ids == (other,)  # closed today
    assert not check_case_conflicts(store, own, "Svedala", on=days(800)).has_conflicts
