"""Change bundles between three real stores through a shared folder: sharing, sync rounds
until every store holds the same case, acknowledgements, and the refusals of docs/sync.md §5
(each changes nothing)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from storage.casefile import cases, journal, persons
from storage.errors import UtvagError
from storage.team import capture, shares
from storage.team.canonical import canonical_bytes
from storage.team.errors import ProtectedNotHeldError
from storage.team.merge import apply_ops
from storage.team.tables import SPECS
from storage.vault.store import Store
from sync.bundle.errors import ReplayedBundleError
from sync.team import members
from sync.team.bundles import FILE_MAX_BYTES, import_changes, write_changes
from sync.team.errors import (
    ChangeBundleTooLargeError,
    NotAColleagueError,
    NotSharedError,
    ProtectedNotSharedError,
    ProtectedReasonError,
    ShareChoiceError,
    ShareEndedError,
)
from sync.team.folder import sync_folder
from sync.trust import contacts, identity
from tests.case_fixtures import copy_store, store_template
from tests.team_support import Team, case_id_of, log_json, make_team, parse_log, team_case

__all__ = ["store_template"]
TODAY = dt.date.today()


@pytest.fixture(scope="module")
def team(store_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Team]:
    t = make_team(store_template, tmp_path_factory.mktemp("team"))
    yield t
    t.close()


def _state(store: Store) -> tuple[int, int]:
    conn = store.conn
    return (
        conn.execute("SELECT count(*) FROM team_ops").fetchone()[0],
        conn.execute("SELECT count(*) FROM cases").fetchone()[0],
    )


def _rounds(team: Team, folder: Path, n: int = 2) -> None:
    for _ in range(n):
        for s in team.stores:
            report = sync_folder(s, folder)
            assert report.refused == []


def _share_all(team: Team, folder: Path) -> tuple[int, str]:
    a = team.stores[0]
    case_id = team_case(a)
    members.share_case(a, case_id, team.ids[0][1], "co")
    uid = members.share_case(
        a,
        case_id,
        team.ids[0][2],
        "stand_in",
        valid_until=TODAY + dt.timedelta(days=30),
        include_protected=True,
        reason="Semester (fiktiv)",
    )
    _rounds(team, folder)
    return case_id, uid


def test_share_and_sync_through_a_folder(team: Team, tmp_path: Path) -> None:
    folder = tmp_path / "delad"
    folder.mkdir()
    case_id, uid = _share_all(team, folder)
    a, b, c = team.stores
    for s in (b, c):
        assert case_id_of(s, uid) is not None
    b_case, c_case = case_id_of(b, uid), case_id_of(c, uid)
    assert b_case is not None and c_case is not None
    journal.add_journal_entry(b, b_case, "Samtal med B (fiktiv)")
    cases.update_case(c, c_case, referral_source="Polisen (fiktiv)")
    journal.add_journal_entry(a, case_id, "Samtal med A (fiktiv)")
    _rounds(team, folder, 3)
    states = {canonical_bytes(s, uid) for s in team.stores}
    assert len(states) == 1
    texts = {t.current.text for t in journal.journal(c, c_case)}
    assert {"Samtal med B (fiktiv)", "Samtal med A (fiktiv)"} <= texts
    # acknowledgements: A knows what B has of A's changes
    on_case = {m.contact_id: m for m in members.members(a, uid)}
    assert on_case[team.ids[0][1]].acked_clock is not None
    assert on_case[team.ids[0][2]].role == "stand_in"
    # quiet when nothing is new: no more files
    before = sorted(p.name for p in folder.iterdir())
    _rounds(team, folder)
    assert sorted(p.name for p in folder.iterdir()) == before
    # the names on the folder say nothing
    for p in folder.iterdir():
        assert len(p.stem) == 32 and int(p.stem, 16) >= 0
    actions = [e.action for e in b.audit.entries()]
    assert "team.apply" in actions


def test_refusals_change_nothing(tmp_path: Path, store_template: Path) -> None:
    team = make_team(store_template, tmp_path / "own")  # its stores end up forged
    try:
        _refusals(team, tmp_path)
    finally:
        team.close()


def _refusals(team: Team, tmp_path: Path) -> None:
    folder = tmp_path / "delad"
    folder.mkdir()
    case_id, uid = _share_all(team, folder)
    a, b, c = team.stores
    journal.add_journal_entry(a, case_id, "Ny anteckning (fiktiv)")
    written = write_changes(a, team.ids[0][1], tmp_path)
    assert written is not None
    data = written.path.read_bytes()
    before = _state(b)
    # tampered: any byte
    bad = tmp_path / "tampered.utvag"
    for offset in (len(data) // 2, len(data) - 1):
        bad.write_bytes(data[:offset] + bytes([data[offset] ^ 1]) + data[offset + 1 :])
        with pytest.raises(UtvagError):
            import_changes(b, bad)
        assert _state(b) == before
    # too large for the cap: refused before it is read
    huge = tmp_path / "huge.utvag"
    with huge.open("wb") as f:
        f.truncate(FILE_MAX_BYTES + 1)
    with pytest.raises(ChangeBundleTooLargeError):
        import_changes(b, huge)
    # the real one imports once; again is a replay
    import_changes(b, written.path)
    after = _state(b)
    with pytest.raises(ReplayedBundleError):
        import_changes(b, written.path)
    assert _state(b) == after
    # a case not shared with the receiver by this sender: A shares Y with B only; C got
    # Y's operations some other way and claims B in its own store
    other_case = team_case(a)
    y = members.share_case(a, other_case, team.ids[0][1], "co")
    _rounds(team, folder)
    with c.transaction():
        shares.join_case(c, y, "responsible", None, None, True)
        c.conn.execute(
            "INSERT INTO team_members (case_uid, contact_id, role, added_at) "
            "VALUES (?, ?, 'co', 'x')",
            (y, team.ids[2][1]),
        )
    apply_ops(c, parse_log(log_json(a, y)), origin=None)
    journal.add_journal_entry(c, int(case_id_of(c, y) or 0), "Från C (fiktiv)")
    forged = write_changes(c, team.ids[2][1], tmp_path)
    assert forged is not None
    before = _state(b)
    with pytest.raises(NotSharedError):
        import_changes(b, forged.path)
    assert _state(b) == before
    # a revoked share: B's later bundles are refused by A
    members.end_share(a, case_id, team.ids[0][1], revoke=True)
    b_case = case_id_of(b, uid)
    assert b_case is not None
    journal.add_journal_entry(b, b_case, "Efter återkallelsen (fiktiv)")
    late = write_changes(b, team.ids[1][0], tmp_path)
    assert late is not None
    before = _state(a)
    with pytest.raises(ShareEndedError):
        import_changes(a, late.path)
    assert _state(a) == before


def test_share_choices_are_checked(team: Team, store_template: Path, tmp_path: Path) -> None:
    a = team.stores[0]
    case_id = team_case(a)
    with pytest.raises(ShareChoiceError):
        members.share_case(a, case_id, team.ids[0][1], "stand_in")  # no end date
    with pytest.raises(ShareChoiceError):
        members.share_case(a, case_id, team.ids[0][1], "co", valid_until=TODAY)
    with pytest.raises(ProtectedReasonError):
        members.share_case(a, case_id, team.ids[0][1], "co", include_protected=True)
    # another municipality's verified contact is not a colleague
    other = copy_store(store_template, tmp_path / "other", actor="Olle Ort")
    try:
        identity.ensure_identity(other, "Lund", "Avhopparverksamheten", "Olle Ort")
        cid = contacts.import_card(a, identity.export_card(other))
        contacts.verify_contact(a, cid, identity.get_identity(other).fingerprint)
        with pytest.raises(NotAColleagueError):
            members.share_case(a, case_id, cid, "co")
        assert a.conn.execute(
            "SELECT count(*) FROM team_cases WHERE case_id = ?", (case_id,)
        ).fetchone() == (0,)
    finally:
        other.close()


def test_protected_fields_stay_home_without_the_choice(team: Team, tmp_path: Path) -> None:
    folder = tmp_path / "delad"
    folder.mkdir()
    a, b = team.stores[0], team.stores[1]
    case_id = team_case(a)
    principal = persons.principal_id(a, case_id)
    assert principal is not None
    persons.update_person(a, principal, protection_level="protected_registration")
    uid = members.share_case(a, case_id, team.ids[0][1], "co")
    _rounds(team, folder)
    b_case = case_id_of(b, uid)
    assert b_case is not None
    name = b.conn.execute(
        "SELECT name FROM persons WHERE case_id = ? AND role = 'principal'", (b_case,)
    ).fetchone()[0]
    assert name == "••"
    # C has the protected details; B (without) never passes A's masked values on to C
    uid_c = members.share_case(
        a, case_id, team.ids[0][2], "co", include_protected=True, reason="Samråd (fiktivt)"
    )
    assert uid_c == uid
    journal.add_journal_entry(a, case_id, "Efter delningen (fiktiv)")
    _rounds(team, folder, 3)
    c = team.stores[2]
    c_case = case_id_of(c, uid)
    assert c_case is not None
    real = c.conn.execute(
        "SELECT name FROM persons WHERE case_id = ? AND role = 'principal'", (c_case,)
    ).fetchone()[0]
    assert real == "Jonas Jönsson (fiktiv)"
    # B cannot change the masked name (refused at the source, tests/test_team_protected.py);
    # a tampered laptop that writes the operation anyway is refused by A, the responsible
    b_principal = persons.principal_id(b, b_case)
    assert b_principal is not None
    with pytest.raises(ProtectedNotHeldError):
        persons.update_person(b, b_principal, name="Fel Namn (fiktiv)")
    with b.transaction():
        b.conn.execute("UPDATE persons SET name = 'Fel Namn (fiktiv)' WHERE id = ?", (b_principal,))
        capture.write_put(b.conn, SPECS["persons"], b_principal, ["name"], uid)
    forged = write_changes(b, team.ids[1][0], tmp_path)
    assert forged is not None
    before = _state(a)
    with pytest.raises(ProtectedNotSharedError):
        import_changes(a, forged.path)
    assert _state(a) == before
