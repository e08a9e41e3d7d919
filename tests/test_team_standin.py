"""Stand-ins and responsibility on real stores through a shared folder: the end of a
stand-in share (what is left is sent, the copy removed as gallring removes, a signed
confirmation the responsible caseworker sees), the guard that refuses an ended case even
offline, ending a share early, and handing on the responsibility."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from storage.casefile import cases, journal, summaries
from storage.casefile.case_list import list_case_ids
from storage.team import shares
from storage.team.errors import CaseEndedError
from storage.vault.store import Store
from sync.team import members
from sync.team.errors import NotResponsibleError
from sync.team.folder import sync_folder
from sync.team.standin import finish_ended_shares, hand_over_responsibility
from tests.case_fixtures import store_template
from tests.team_support import Team, case_id_of, make_team, team_case

__all__ = ["store_template"]
TODAY = dt.date.today()


@pytest.fixture
def team(store_template: Path, tmp_path: Path) -> Iterator[Team]:
    t = make_team(store_template, tmp_path / "team")
    yield t
    t.close()


def _rounds(team: Team, folder: Path, n: int = 2) -> None:
    for _ in range(n):
        for s in team.stores:
            assert sync_folder(s, folder).refused == []


def _stand_in_case(team: Team, folder: Path, until: dt.date) -> tuple[int, str]:
    a = team.stores[0]
    case_id = team_case(a)
    journal.add_journal_entry(a, case_id, "Före semestern (fiktiv)")
    uid = members.share_case(a, case_id, team.ids[0][2], "stand_in", valid_until=until)
    _rounds(team, folder)
    return case_id, uid


def _no_trace(store: Store, uid: str, text: str) -> None:
    conn = store.conn
    assert case_id_of(store, uid) is None
    assert conn.execute("SELECT count(*) FROM team_ops WHERE case_uid = ?", (uid,)).fetchone() == (
        0,
    )
    hits = conn.execute(
        "SELECT count(*) FROM search_index WHERE search_index MATCH ?", (f'"{text}"',)
    ).fetchone()
    assert hits == (0,)


def test_stand_in_end_sends_what_is_left_removes_and_confirms(team: Team, tmp_path: Path) -> None:
    folder = tmp_path / "delad"
    folder.mkdir()
    a, c = team.stores[0], team.stores[2]
    case_id, uid = _stand_in_case(team, folder, TODAY + dt.timedelta(days=1))
    c_case = case_id_of(c, uid)
    assert c_case is not None
    journal.add_journal_entry(c, c_case, "Hembesök under semestern (fiktiv)")
    indexed = "SELECT count(*) FROM search_index WHERE search_index MATCH '\"Hembesök\"'"
    assert c.conn.execute(indexed).fetchone() == (1,)  # so _no_trace can see it gone
    removed = finish_ended_shares(c, folder, today=TODAY + dt.timedelta(days=2))
    assert removed == [uid]
    _no_trace(c, uid, "Hembesök")
    record = c.conn.execute("SELECT case_uid, reason FROM team_removed").fetchall()
    assert [tuple(r) for r in record] == [(uid, "stand_in_ended")]
    assert "team.removed" in [e.action for e in c.audit.entries()]
    assert sync_folder(a, folder).refused == []
    texts = {t.current.text for t in journal.journal(a, case_id)}
    assert "Hembesök under semestern (fiktiv)" in texts  # what was left arrived
    [stand_in] = [m for m in members.members(a, uid) if m.contact_id == team.ids[0][2]]
    assert stand_in.removed_at is not None and stand_in.state == "ended"
    assert "team.removal_confirmed" in [e.action for e in a.audit.entries()]


def test_the_guard_refuses_an_ended_case_even_offline(team: Team, tmp_path: Path) -> None:
    folder = tmp_path / "delad"
    folder.mkdir()
    c = team.stores[2]
    _case_id, uid = _stand_in_case(team, folder, TODAY + dt.timedelta(days=3))
    c_case = case_id_of(c, uid)
    assert c_case is not None
    assert c_case in list_case_ids(c)
    cases.get_case(c, c_case)
    # days pass without a sync: the end date is behind us
    c.conn.execute(
        "UPDATE team_cases SET valid_until = ? WHERE case_uid = ?",
        ((TODAY - dt.timedelta(days=1)).isoformat(), uid),
    )
    for read in (
        lambda: cases.get_case(c, c_case),
        lambda: summaries.case_summary(c, c_case),
        lambda: journal.journal(c, c_case),
        lambda: journal.add_journal_entry(c, c_case, "Efter slutdatum"),
    ):
        with pytest.raises(CaseEndedError):
            read()
    assert c_case not in list_case_ids(c)
    assert c_case not in list_case_ids(c, query="Jönsson")


def test_ending_a_share_early(team: Team, tmp_path: Path) -> None:
    folder = tmp_path / "delad"
    folder.mkdir()
    a, c = team.stores[0], team.stores[2]
    case_id, uid = _stand_in_case(team, folder, TODAY + dt.timedelta(days=30))
    c_case = case_id_of(c, uid)
    assert c_case is not None
    members.end_share(a, case_id, team.ids[0][2])
    sync_folder(a, folder)
    c.conn.execute("UPDATE team_cases SET state = 'ended' WHERE case_uid = ?", (uid,))
    with pytest.raises(CaseEndedError):  # ended here before the copy is gone: hidden
        cases.get_case(c, c_case)
    c.conn.execute("UPDATE team_cases SET state = 'active' WHERE case_uid = ?", (uid,))
    report = sync_folder(c, folder)  # learns that it ended, sends what is left, removes
    assert report.removed == [uid]
    _no_trace(c, uid, "semestern")
    assert finish_ended_shares(c, folder) == []
    sync_folder(a, folder)
    [stand_in] = [m for m in members.members(a, uid) if m.contact_id == team.ids[0][2]]
    assert stand_in.state == "ended" and stand_in.removed_at is not None


def test_handing_on_the_responsibility(team: Team, tmp_path: Path) -> None:
    folder = tmp_path / "delad"
    folder.mkdir()
    a, b, c = team.stores
    case_id = team_case(a)
    members.share_case(a, case_id, team.ids[0][1], "co")
    uid = members.share_case(a, case_id, team.ids[0][2], "co")
    _rounds(team, folder)
    hand_over_responsibility(a, case_id, team.ids[0][1])
    _rounds(team, folder)
    assert shares.shared_case(b, uid).role == "responsible"  # type: ignore[union-attr]
    assert shares.shared_case(a, uid).role == "co"  # type: ignore[union-attr]
    roles_at_c = {m.contact_id: m.role for m in members.members(c, uid)}
    assert roles_at_c == {team.ids[2][0]: "co", team.ids[2][1]: "responsible"}
    with pytest.raises(NotResponsibleError):
        members.end_share(a, case_id, team.ids[0][2])
    b_case = case_id_of(b, uid)
    assert b_case is not None
    members.end_share(b, b_case, team.ids[1][2])  # the new responsible can
    assert "team.responsible" in [e.action for e in a.audit.entries()]
