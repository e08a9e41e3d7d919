"""Team sync (docs/sync.md): change bundles merged into a big store, and a unit's day.

Figures:

- sync of 1,000 operations (journal entries and field changes on one shared case) into a
  store with ``UTVAG_BENCH_TEAM_CASES`` (default 10,000) demo cases: importing the change
  bundle (open: age, signature, staging; then the merge in one transaction), against the
  merge alone (``apply_ops`` on the same operations);
- a unit's day: six caseworkers each make 50 changes on their shared cases, and one laptop
  imports the five other colleagues' change bundles.

Aim: at most a second each (issue 14).
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path
from typing import Any

from storage.casefile import cases, journal, persons
from storage.demo import build as demo
from storage.team import ops as team_ops
from storage.team.merge import apply_ops
from storage.vault.crypto import KdfParams
from storage.vault.opening import create_store
from storage.vault.store import Store
from sync.team import members
from sync.team.bundles import import_changes, write_changes
from sync.trust import contacts, identity

SECTION = "Team sync (sync/team)"
UNIT = ("Malmö", "Exit Malmö (fiktiv)")


def _store(path: Path, name: str) -> Store:
    store, _ = create_store(
        path, "benchmark passphrase", actor=name, use_device_key=False, kdf=KdfParams.minimum()
    )
    identity.ensure_identity(store, *UNIT, name)
    return store


def _know(a: Store, b: Store) -> tuple[int, int]:
    """(b's contact id at a, a's contact id at b), both verified."""
    b_at_a = contacts.import_card(a, identity.export_card(b))
    contacts.verify_contact(a, b_at_a, identity.get_identity(b).fingerprint)
    a_at_b = contacts.import_card(b, identity.export_card(a))
    contacts.verify_contact(b, a_at_b, identity.get_identity(a).fingerprint)
    return b_at_a, a_at_b


def _case(store: Store) -> int:
    case_id = cases.create_case(store, case_type="defector", home_municipality="Malmö")
    persons.add_person(store, case_id, name="Jonas Jönsson (fiktiv)", birth_year=1994)
    return case_id


def _changes(store: Store, case_id: int, n: int, tag: str) -> None:
    for i in range(n):
        if i % 3 == 2:
            cases.update_case(store, case_id, referral_source=f"Källa {tag} {i}")
        else:
            journal.add_journal_entry(store, case_id, f"Anteckning {tag} {i} (fiktiv)")


def _seconds(fn: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def _thousand_into_big(root: Path, report: Any) -> None:
    n_cases = int(os.environ.get("UTVAG_BENCH_TEAM_CASES", "10000"))
    big = _store(root / "big", "Bertil Berg")
    built, _ = _seconds(lambda: demo.build_demo(big, cases=n_cases, seed=14))
    source = _store(root / "source", "Anna Andersson")
    big_at_source, _source_at_big = _know(source, big)
    case_id = _case(source)
    members.share_case(source, case_id, big_at_source, "co")
    first = write_changes(source, big_at_source, root)  # the share itself
    assert first is not None
    import_changes(big, first.path)
    before = source.conn.execute("SELECT count(*) FROM team_ops").fetchone()[0]
    _changes(source, case_id, 1000, "a")
    made = source.conn.execute("SELECT count(*) FROM team_ops").fetchone()[0] - before
    written = write_changes(source, big_at_source, root)
    assert written is not None and written.operations >= made  # + the unacknowledged share
    took, result = _seconds(lambda: import_changes(big, written.path))
    assert result.operations == made
    report.add(
        SECTION,
        f"import a change bundle of {made:,} operations into a {n_cases:,}-case store",
        took * 1000,
        "ms",
        aim="≤ 1 s",
        note=f"open + verify + merge in one transaction; building the store took {built:.0f} s",
    )
    # the merge alone, on a fresh copy of the same operations into a third store
    third = _store(root / "third", "Cecilia Cruz")
    uid = members.share_case(source, case_id, _know(source, third)[0], "co")
    with third.transaction():
        from storage.team import shares

        shares.join_case(third, uid, "co", None, None, True)
    everything = team_ops.case_ops(source.conn, uid)
    merge, _ = _seconds(lambda: apply_ops(third, everything, origin=None))
    report.add(
        SECTION,
        f"merge alone ({len(everything):,} operations, apply_ops)",
        merge * 1000,
        "ms",
        note="the same operations without the bundle (into a small store)",
    )
    for s in (big, source, third):
        s.close()


def _unit_day(root: Path, report: Any) -> None:
    names = ["Anna", "Bertil", "Cecilia", "David", "Eva", "Fredrik"]
    stores = [_store(root / f"u{i}", f"{n} (fiktiv)") for i, n in enumerate(names)]
    ids: dict[tuple[int, int], int] = {}
    for i in range(6):
        for j in range(i + 1, 6):
            ids[(i, j)], ids[(j, i)] = _know(stores[i], stores[j])
    owner = stores[0]
    case_id = _case(owner)
    for j in range(1, 6):
        members.share_case(owner, case_id, ids[(0, j)], "co")
    for j in range(1, 6):  # everyone gets the case
        sealed = write_changes(owner, ids[(0, j)], root)
        assert sealed is not None
        import_changes(stores[j], sealed.path)
    for i, s in enumerate(stores):  # a day's work: 50 changes each, nobody syncs
        local = int(s.conn.execute("SELECT case_id FROM team_cases").fetchone()[0])
        _changes(s, local, 50, names[i])
    bundles = []
    for i in range(1, 6):  # each colleague's bundle for the owner
        sealed = write_changes(stores[i], ids[(i, 0)], root)
        assert sealed is not None
        bundles.append(sealed.path)

    def merge_all() -> int:
        return sum(import_changes(owner, p).operations for p in bundles)

    took, merged = _seconds(merge_all)
    report.add(
        SECTION,
        f"a unit's day: 6 caseworkers × 50 changes, {merged} operations merged on one laptop",
        took * 1000,
        "ms",
        aim="≤ 1 s",
        note="five change bundles opened, verified and merged",
    )
    for s in stores:
        s.close()


def run(report: Any) -> None:
    with tempfile.TemporaryDirectory(prefix="utvag-bench-team-") as tmp:
        root = Path(tmp)
        (root / "day").mkdir()
        _unit_day(root / "day", report)
        _thousand_into_big(root, report)
