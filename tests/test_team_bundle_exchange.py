"""Convergence through real change bundles (signed, sealed, sequence-checked) on three real
stores: seeded random edits on every laptop, bundles delivered in random order, some twice,
some never; a bundle older than one already read is refused as a rollback and a second
delivery as a replay, both changing nothing. After everyone syncs with everyone the
canonical JSON of the case is the same on all three and every journal entry is there."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from storage.casefile import cases, journal, persons
from storage.errors import UtvagError
from storage.team.canonical import canonical_bytes
from sync.bundle.errors import ReplayedBundleError, SequenceRollbackError
from sync.team import members
from sync.team.bundles import import_changes, write_changes
from sync.team.folder import sync_folder
from tests.case_fixtures import store_template
from tests.reliability import support
from tests.team_support import Team, case_id_of, make_team, team_case

__all__ = ["store_template"]
ROUNDS = support.budget(20, 80)


@pytest.fixture(scope="module")
def team(store_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Team]:
    t = make_team(store_template, tmp_path_factory.mktemp("team"))
    yield t
    t.close()


def _edit(rng: random.Random, team: Team, i: int, uid: str, texts: set[str]) -> None:
    store = team.stores[i]
    case_id = case_id_of(store, uid)
    assert case_id is not None
    pick = rng.randrange(4)
    if pick == 0:
        text = f"Anteckning {rng.getrandbits(64):016x} (fiktiv)"
        journal.add_journal_entry(store, case_id, text)
        texts.add(text)
    elif pick == 1:
        cases.update_case(store, case_id, stay_municipality=f"Ort {rng.randrange(5)} (fiktiv)")
    elif pick == 2:
        principal = persons.principal_id(store, case_id)
        assert principal is not None
        persons.update_person(store, principal, language=f"språk {rng.randrange(5)}")
    else:
        persons.add_relative(store, case_id, name=f"Släkting {rng.randrange(99)}", relation="kusin")


def test_bundles_in_random_order_converge(team: Team, tmp_path: Path) -> None:
    rng = random.Random(support.seed_for("team-bundle-exchange"))
    folder = tmp_path / "delad"
    folder.mkdir()
    a = team.stores[0]
    case_id = team_case(a)
    members.share_case(a, case_id, team.ids[0][1], "co")
    uid = members.share_case(a, case_id, team.ids[0][2], "co")
    for _ in range(2):
        for s in team.stores:
            sync_folder(s, folder)
    texts: set[str] = set()
    pool: list[tuple[int, Path]] = []  # (receiver, bundle)
    refused = {"replayed": 0, "rollback": 0}
    for _ in range(ROUNDS):
        for _ in range(rng.randrange(1, 4)):
            _edit(rng, team, rng.randrange(3), uid, texts)
        i, j = rng.sample(range(3), 2)
        written = write_changes(team.stores[i], team.ids[i][j], tmp_path)
        if written is not None:
            pool.append((j, written.path))
        rng.shuffle(pool)
        for _ in range(rng.randrange(len(pool) + 1)):
            j, path = pool[rng.randrange(len(pool))]
            before = canonical_bytes(team.stores[j], uid)
            try:
                import_changes(team.stores[j], path)
            except ReplayedBundleError:
                refused["replayed"] += 1
                assert canonical_bytes(team.stores[j], uid) == before
            except SequenceRollbackError:
                refused["rollback"] += 1
                assert canonical_bytes(team.stores[j], uid) == before
            except UtvagError as exc:  # pragma: no cover - would be a bug
                raise AssertionError(exc.code) from exc
        if pool and rng.random() < 0.3:
            pool.pop(rng.randrange(len(pool)))  # lost
    for _ in range(3):  # a full exchange through the folder
        for s in team.stores:
            assert sync_folder(s, folder).refused == []
    states = {canonical_bytes(s, uid) for s in team.stores}
    assert len(states) == 1
    for s in team.stores:
        local = case_id_of(s, uid)
        assert local is not None
        assert texts <= {t.current.text for t in journal.journal(s, local)}
    assert refused["replayed"] + refused["rollback"] > 0  # the run did meet both refusals
    support.record("team_bundle_exchange", rounds=ROUNDS, **refused)
