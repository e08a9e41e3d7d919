"""Operations carry their author's signature (docs/sync.md §4, sync/team/signatures.py),
on three real stores: a colleague's operation passed on by another verifies against its
author's key, also when the relaying laptop masks protected details; a bundle whose
operation was changed after signing, names an author who is not a verified member of the
case, or is of an earlier, unsigned version is refused with one clear error and nothing
applied."""

from __future__ import annotations

import datetime as dt
import json
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storage.casefile import journal, persons
from storage.vault.store import Store
from sync.bundle.manifest import TEAM_CHANGES, TEAM_CHANGES_MEMBER
from sync.bundle.open import open_bundle
from sync.bundle.seal import seal_bundle
from sync.team import members
from sync.team.bundles import import_changes, write_changes
from sync.team.errors import OpAuthorUnknownError, OpSignatureError, OpsUnsignedError
from sync.team.members import author_key
from sync.trust.contacts import get_contact
from tests.case_fixtures import store_template
from tests.team_support import Team, case_id_of, make_team, team_case

__all__ = ["store_template"]
MARKER = secrets.token_hex(16)


@pytest.fixture
def team(store_template: Path, tmp_path: Path) -> Iterator[Team]:
    t = make_team(store_template, tmp_path / "team")
    yield t
    t.close()


def _counts(store: Store) -> tuple[int, ...]:
    return tuple(
        store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608
        for t in ("team_ops", "team_op_sigs", "journal_entries", "cases", "team_imported")
    )


def _changes(sender: Store, receiver: Store, contact: int, folder: Path) -> dict[str, Any]:
    """What ``sender`` would send ``receiver`` now, as JSON (read at the receiver without
    importing it)."""
    written = write_changes(sender, contact, folder)
    assert written is not None
    opened = open_bundle(receiver, written.path)
    try:
        data: dict[str, Any] = json.loads(opened.read_member_bytes(TEAM_CHANGES_MEMBER))
    finally:
        opened.discard()
    written.path.unlink()
    return data


def _reseal(sender: Store, contact: int, body: dict[str, Any], folder: Path) -> Path:
    """A new bundle, validly sealed and signed by ``sender``, carrying ``body``."""
    raw = (json.dumps(body, ensure_ascii=False, indent=1) + "\n").encode()
    out = folder / f"{secrets.token_hex(16)}.utvag"
    seal_bundle(
        sender,
        kind=TEAM_CHANGES,
        recipients=[contact],
        members=[(TEAM_CHANGES_MEMBER, raw, len(raw))],
        out=out,
        expires=dt.timedelta(days=30),
    )
    return out


def _shared(team: Team, folder: Path, *, with_c: bool = True) -> tuple[int, str]:
    a, b, c = team.stores
    case_id = team_case(a)
    uid = members.share_case(a, case_id, team.ids[0][1], "co")
    if with_c:
        members.share_case(a, case_id, team.ids[0][2], "co")
    for j, peer in ((1, b), (2, c)) if with_c else ((1, b),):
        written = write_changes(a, team.ids[0][j], folder)
        assert written is not None
        import_changes(peer, written.path)
    return case_id, uid


def test_a_relayed_operation_verifies_against_its_author(team: Team, tmp_path: Path) -> None:
    a, b, c = team.stores
    _case_id, uid = _shared(team, tmp_path)
    b_case = case_id_of(b, uid)
    assert b_case is not None
    journal.add_journal_entry(b, b_case, f"Samtal {MARKER} (fiktiv)")
    to_a = write_changes(b, team.ids[1][0], tmp_path)
    assert to_a is not None
    import_changes(a, to_a.path)
    body = _changes(a, c, team.ids[0][2], tmp_path)
    assert body["version"] == 3
    bertil = author_key(get_contact(a, team.ids[0][1]))
    relayed = [op for op in body["ops"] if op["author"] == bertil]
    assert relayed and all(len(op["sig"]) == 128 for op in relayed)
    to_c = write_changes(a, team.ids[0][2], tmp_path)  # Anna passes Bertil's note on
    assert to_c is not None
    import_changes(c, to_c.path)
    hits = c.conn.execute(
        "SELECT count(*) FROM journal_entries WHERE text LIKE ?", (f"%{MARKER}%",)
    ).fetchone()
    assert hits == (1,)
    signed = c.conn.execute(
        "SELECT count(*) FROM team_op_sigs s JOIN team_ops o ON o.op_id = s.op_id "
        "WHERE o.author = ?",
        (bertil,),
    ).fetchone()[0]
    assert signed == len(relayed)


def test_a_masked_operation_still_verifies(team: Team, tmp_path: Path) -> None:
    a, b, _c = team.stores
    case_id, uid = _shared(team, tmp_path, with_c=False)
    secret_name = f"Skyddad {MARKER} (fiktiv)"
    person = persons.add_relative(
        a, case_id, name=secret_name, relation="bror", protection_level="protected_registration"
    )
    persons.update_person(a, person, name=f"{secret_name} II")
    body = _changes(a, b, team.ids[0][1], tmp_path)
    masked = [op for op in body["ops"] if op["set"].get("name") == {"name": "••"}]
    assert len(masked) == 2  # the relative added, then renamed
    assert all("name" in op["digests"] and "name" not in op["salts"] for op in masked)
    assert MARKER not in json.dumps(body)  # neither the name nor a salt to try it against
    written = write_changes(a, team.ids[0][1], tmp_path)
    assert written is not None
    import_changes(b, written.path)
    names = [r[0] for r in b.conn.execute("SELECT name FROM persons")]
    assert "••" in names and all(MARKER not in n for n in names)
    assert case_id_of(b, uid) is not None


@pytest.mark.parametrize("change", ["value", "author", "unknown author", "signature"])
def test_a_changed_operation_is_refused(team: Team, tmp_path: Path, change: str) -> None:
    a, b, c = team.stores
    case_id, _uid = _shared(team, tmp_path, with_c=False)
    journal.add_journal_entry(a, case_id, f"Anteckning {MARKER} (fiktiv)")
    body = _changes(a, b, team.ids[0][1], tmp_path)
    [op] = [o for o in body["ops"] if o["table"] == "journal_entries"]
    if change == "value":
        text_reg = next(r for r, v in op["set"].items() if "text" in v)
        op["set"][text_reg]["text"] = "Ändrad i efterhand (fiktiv)"
        expected: type[Exception] = OpSignatureError
    elif change == "author":  # Cecilia is a verified colleague, but not on this case
        op["author"] = author_key(get_contact(a, team.ids[0][2]))
        expected = OpAuthorUnknownError
    elif change == "unknown author":
        op["author"] = secrets.token_hex(8)
        expected = OpAuthorUnknownError
    else:
        op["sig"] = secrets.token_hex(64)
        expected = OpSignatureError
    path = _reseal(a, team.ids[0][1], body, tmp_path)
    before = _counts(b)
    with pytest.raises(expected) as refused:
        import_changes(b, path)
    assert refused.value.code in ("team_op_signature", "team_op_author_unknown")
    assert _counts(b) == before
    assert c.conn.execute("SELECT count(*) FROM team_ops").fetchone() == (0,)


def test_an_unsigned_bundle_of_an_earlier_version_is_refused(team: Team, tmp_path: Path) -> None:
    a, b, _c = team.stores
    case_id, _uid = _shared(team, tmp_path, with_c=False)
    journal.add_journal_entry(a, case_id, f"Anteckning {MARKER} (fiktiv)")
    body = _changes(a, b, team.ids[0][1], tmp_path)
    body["version"] = 1
    del body["handed_over"]
    for op in body["ops"]:
        for key in ("salts", "digests", "sig"):
            del op[key]
    path = _reseal(a, team.ids[0][1], body, tmp_path)
    before = _counts(b)
    with pytest.raises(OpsUnsignedError):
        import_changes(b, path)
    assert _counts(b) == before
