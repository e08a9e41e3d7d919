"""No honest flow leaves a colleague's sync stuck (issue 14, docs/sync.md §3 and §4).

Three real stores (tests/team_support.py) through real change bundles:

- a colleague without the protected details cannot change them: refused before anything is
  written, no operation recorded, and its other edits of the person still sync;
- a share given the protected details later: the values that reached the colleague masked
  (••) are sent again and the colleague's store takes the real ones;
- an operation by a colleague whose contact was revoked afterwards is taken when another
  colleague relays it; one clocked after the revocation is refused.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from storage.casefile import journal, persons, placements
from storage.team.conflicts import case_conflicts, resolve
from storage.team.errors import ProtectedNotHeldError
from storage.vault.store import Store
from sync.team import members
from sync.team.bundles import import_changes, write_changes
from sync.team.errors import OpAuthorUnknownError
from sync.team.folder import sync_folder
from sync.trust import contacts
from tests.case_fixtures import store_template
from tests.team_support import Team, case_id_of, make_team, team_case

__all__ = ["store_template"]


@pytest.fixture
def team(store_template: Path, tmp_path: Path) -> Iterator[Team]:
    t = make_team(store_template, tmp_path / "team")
    yield t
    t.close()


def _rounds(team: Team, folder: Path, n: int = 2) -> None:
    for _ in range(n):
        for s in team.stores:
            report = sync_folder(s, folder)
            assert report.refused == []


def _values(store: Store) -> str:
    """Every text value of every table of the decrypted store, joined (to search it)."""
    out: list[str] = []
    tables = [
        r[0]
        for r in store.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    for table in tables:
        for row in store.conn.execute(f'SELECT * FROM "{table}"'):  # noqa: S608 - own names
            for v in row:
                if isinstance(v, bytes | memoryview):
                    out.append(bytes(v).decode("utf-8", "replace"))
                elif v is not None:
                    out.append(str(v))
    return "\n".join(out)


def _protected_case(a: Store, marker: str) -> tuple[int, int, int]:
    """A case with a protected relative named with ``marker`` and a placement whose
    protected address holds it; returns case, relative and placement ids."""
    case_id = team_case(a)
    relative = persons.add_relative(
        a,
        case_id,
        name=f"Lisa {marker} (fiktiv)",
        relation="syster",
        personnummer=None,
        protection_level="protected_registration",
    )
    placement = placements.add_placement(
        a,
        case_id,
        municipality="Eslöv",
        moved_in_on="2026-11-01",
        street=f"Skyddade gatan {marker} 1",
        city="Eslöv",
    )
    return case_id, relative, placement


def _counts(store: Store) -> tuple[int, ...]:
    conn = store.conn
    return tuple(
        conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608 - constants
        for t in ("team_ops", "persons", "placement_addresses", "fictitious_identities")
    )


def test_without_the_protected_details_a_change_of_them_is_refused_at_the_source(
    team: Team, tmp_path: Path
) -> None:
    folder = tmp_path / "delad"
    folder.mkdir()
    a, b, _c = team.stores
    marker = secrets.token_hex(16)
    case_id, relative, placement = _protected_case(a, marker)
    uid = members.share_case(a, case_id, team.ids[0][1], "co")
    _rounds(team, folder)
    b_case = case_id_of(b, uid)
    assert b_case is not None
    [b_relative] = [p.id for p in persons.persons(b, b_case) if p.relation == "syster"]
    [b_placement] = [p.id for p in placements.placements(b, b_case)]
    before = _counts(b)
    attempts = [
        lambda: persons.update_person(b, b_relative, name="Ny Namn (fiktiv)"),
        lambda: persons.update_person(b, b_relative, personnummer="19900101-0017"),
        lambda: persons.set_fictitious_identity(b, b_relative, name="Annan Identitet (fiktiv)"),
        lambda: placements.set_placement_address(b, b_placement, street="Ny väg 2", city="Lund"),
        lambda: persons.add_relative(
            b,
            b_case,
            name="Ny Skyddad (fiktiv)",
            relation="bror",
            protection_level="protected_registration",
        ),
        lambda: placements.add_placement(
            b, b_case, municipality="Lund", moved_in_on="2026-11-20", street="Gata 3", city="Lund"
        ),
    ]
    for attempt in attempts:
        with pytest.raises(ProtectedNotHeldError) as refused:
            attempt()
        assert refused.value.code == "team_protected_not_held"
        assert _counts(b) == before  # nothing written, no operation recorded
    name = b.conn.execute("SELECT name FROM persons WHERE id = ?", (b_relative,)).fetchone()[0]
    assert name == "••"
    # an editor saving the whole person (the masked number unchanged) changes the rest
    persons.update_person(b, b_relative, gender="female", birth_year=1990, language="sv")
    ops_after = b.conn.execute(
        "SELECT body FROM team_ops WHERE origin IS NULL AND table_name = 'persons'"
    ).fetchall()
    assert ops_after and all('"id_number"' not in r[0] and '"name"' not in r[0] for r in ops_after)
    _rounds(team, folder)  # A takes it: nothing refused
    row = a.conn.execute(
        "SELECT gender, birth_year, language, name FROM persons WHERE id = ?", (relative,)
    ).fetchone()
    assert tuple(row) == ("female", 1990, "sv", f"Lisa {marker} (fiktiv)")
    street = a.conn.execute(
        "SELECT street FROM placement_addresses WHERE placement_id = ?", (placement,)
    ).fetchone()[0]
    assert street == f"Skyddade gatan {marker} 1"


def test_a_share_given_the_protected_details_sends_the_real_values(
    team: Team, tmp_path: Path
) -> None:
    folder = tmp_path / "delad"
    folder.mkdir()
    a, _b, c = team.stores
    marker = secrets.token_hex(16)
    case_id, _relative, _placement = _protected_case(a, marker)
    uid = members.share_case(a, case_id, team.ids[0][2], "co")
    _rounds(team, folder)
    c_case = case_id_of(c, uid)
    assert c_case is not None
    assert marker not in _values(c)
    names = [r[0] for r in c.conn.execute("SELECT name FROM persons WHERE case_id = ?", (c_case,))]
    assert "••" in names
    members.share_case(
        a, case_id, team.ids[0][2], "co", include_protected=True, reason="Samråd (fiktivt)"
    )
    written = write_changes(a, team.ids[0][2], folder)
    assert written is not None and written.operations >= 2
    import_changes(c, written.path)  # one sync
    names = [r[0] for r in c.conn.execute("SELECT name FROM persons WHERE case_id = ?", (c_case,))]
    assert f"Lisa {marker} (fiktiv)" in names and "••" not in names
    street = c.conn.execute(
        "SELECT a.street FROM placement_addresses a JOIN placements p ON p.id = a.placement_id "
        "WHERE p.case_id = ?",
        (c_case,),
    ).fetchone()[0]
    assert street == f"Skyddade gatan {marker} 1"
    # C now holds the real values and may change them; A takes the change
    [c_relative] = [p.id for p in persons.persons(c, c_case) if p.relation == "syster"]
    persons.update_person(c, c_relative, name=f"Lisa {marker} II (fiktiv)")
    _rounds(team, folder)
    assert f"Lisa {marker} II (fiktiv)" in [
        r[0] for r in a.conn.execute("SELECT name FROM persons")
    ]


def test_a_revoked_colleagues_earlier_operation_is_taken_when_relayed(
    team: Team, tmp_path: Path
) -> None:
    folder = tmp_path / "delad"
    folder.mkdir()
    a, b, c = team.stores
    case_id = team_case(a)
    members.share_case(a, case_id, team.ids[0][1], "co")
    uid = members.share_case(a, case_id, team.ids[0][2], "co")
    _rounds(team, folder)
    c_case = case_id_of(c, uid)
    assert c_case is not None
    before = f"Före återkallelsen {secrets.token_hex(16)} (fiktiv)"
    journal.add_journal_entry(c, c_case, before)
    to_b = write_changes(c, team.ids[2][1], tmp_path)  # C's note reaches B only
    assert to_b is not None
    import_changes(b, to_b.path)
    contacts.revoke_contact(a, team.ids[0][2], "Slutat (fiktivt)")
    relayed = write_changes(b, team.ids[1][0], tmp_path)
    assert relayed is not None
    import_changes(a, relayed.path)  # B's bundle is taken, C's note with it
    texts = [r[0] for r in a.conn.execute("SELECT text FROM journal_entries")]
    assert before in texts
    # a note C writes after A revoked it is refused when relayed, changing nothing
    after = f"Efter återkallelsen {secrets.token_hex(16)} (fiktiv)"
    journal.add_journal_entry(c, c_case, after)
    to_b = write_changes(c, team.ids[2][1], tmp_path)
    assert to_b is not None
    import_changes(b, to_b.path)
    relayed = write_changes(b, team.ids[1][0], tmp_path)
    assert relayed is not None
    count = a.conn.execute("SELECT count(*) FROM team_ops").fetchone()
    with pytest.raises(OpAuthorUnknownError):
        import_changes(a, relayed.path)
    assert a.conn.execute("SELECT count(*) FROM team_ops").fetchone() == count
    assert after not in [r[0] for r in a.conn.execute("SELECT text FROM journal_entries")]


def test_without_the_protected_details_a_conflict_of_them_is_not_resolved_there(
    team: Team, tmp_path: Path
) -> None:
    folder = tmp_path / "delad"
    folder.mkdir()
    a, b, c = team.stores
    marker = secrets.token_hex(16)
    case_id, relative, _placement = _protected_case(a, marker)
    members.share_case(a, case_id, team.ids[0][1], "co", include_protected=True, reason="Samråd")
    uid = members.share_case(a, case_id, team.ids[0][2], "co")
    _rounds(team, folder)
    b_case = case_id_of(b, uid)
    assert b_case is not None
    [b_relative] = [p.id for p in persons.persons(b, b_case) if p.relation == "syster"]
    persons.update_person(a, relative, name=f"Lisa A {marker} (fiktiv)")
    persons.update_person(b, b_relative, name=f"Lisa B {marker} (fiktiv)")
    _rounds(team, folder, 3)
    c_case = case_id_of(c, uid)
    assert c_case is not None
    [conflict] = [x for x in case_conflicts(c, c_case) if x.register == "name"]
    before = _counts(c)
    with pytest.raises(ProtectedNotHeldError):
        resolve(c, conflict, conflict.versions[0].op_id)
    assert _counts(c) == before
    assert marker not in _values(c)
    # the responsible caseworker resolves it; every laptop syncs on without a refusal
    [at_a] = [x for x in case_conflicts(a, case_id) if x.register == "name"]
    resolve(a, at_a, at_a.versions[0].op_id)
    _rounds(team, folder, 3)
    assert [x for x in case_conflicts(c, c_case) if x.register == "name"] == []
