"""End to end through ``utvag share`` and ``utvag sync`` with three real stores (device
secrets in the real Secret Service) and a shared folder: a colleague's change to a SIP and
to a protected address arrives at the responsible caseworker, and a share without the
protected details never carries the address or the fictitious identity — checked on the
decrypted content of every change bundle addressed to that colleague, with random markers
(and, as the control, found in the bundles of the colleague who has them)."""

from __future__ import annotations

import datetime as dt
import json
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storage.casefile import persons, placements
from storage.caseplan import sip
from storage.errors import UtvagError
from storage.team.canonical import canonical_bytes
from storage.vault.opening import unlock_store
from sync.bundle.open import open_bundle
from tests.case_fixtures import PASS
from tests.test_cli_team import Cli, english, make_team, sync_all

__all__ = ["english"]
TODAY = dt.date.today()


def marker() -> str:
    return secrets.token_hex(16)


@pytest.fixture(scope="module")
def cli_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("team-cli-parts")
    (path / "pass").write_text(PASS + "\n")
    (path / "delad").mkdir()
    return path


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], cli_dir: Path, keyring_backend: Any) -> Iterator[Cli]:
    yield Cli(capsys, cli_dir)


def _contents_for(cli: Cli, who: str) -> list[bytes]:
    """The decrypted members of every bundle on the folder addressed to ``who``."""
    out = []
    with unlock_store(cli.dir / who, PASS, actor="check") as store:
        for path in sorted((cli.dir / "delad").iterdir()):
            try:
                opened = open_bundle(store, path)
            except UtvagError:
                continue  # not addressed to this laptop (or already read)
            try:
                out.append(b"".join(opened.read_member_bytes(m.name) for m in opened.members))
            finally:
                opened.discard()
    return out


def test_a_colleagues_sip_and_address_arrive(cli: Cli) -> None:
    ids = make_team(cli)
    person = cli.dir / "person.json"
    person.write_text(json.dumps({"name": "Jonas Jönsson (fiktiv)", "birth_year": 1994}))
    number = cli.ok(
        "anna", "case", "new", "--type", "defector", "--home", "Malmö", "--person-file", str(person)
    )["case_number"]
    street, identity_name = f"Skyddad väg {marker()}", f"Nils Nilsson {marker()}"
    with unlock_store(cli.dir / "anna", PASS, actor="anna") as a:
        case_id = a.conn.execute("SELECT id FROM cases").fetchone()[0]
        principal = persons.principal_id(a, case_id)
        assert principal is not None
        persons.set_fictitious_identity(a, principal, name=identity_name)
        placements.add_placement(
            a, case_id, municipality="Lund", moved_in_on=TODAY, street=street, city="Lund"
        )
        sip.add_sip(
            a,
            case_id,
            held_on=TODAY,
            consent_on=TODAY,
            lead="municipality",
            participants=["Socialtjänsten", "Psykiatrin"],
        )
    cli.ok(
        "anna",
        "share",
        number,
        "--with",
        str(ids["anna"]["bertil"]),
        "--role",
        "co",
        "--include-protected",
        "--reason",
        "Samråd om skyddat boende (fiktivt)",
    )
    cli.ok("anna", "share", number, "--with", str(ids["anna"]["cecilia"]), "--role", "co")
    written = cli.ok("anna", "sync", "--out", str(cli.dir / "delad"))
    assert len(written["written"]) == 2
    to_bertil, to_cecilia = _contents_for(cli, "bertil"), _contents_for(cli, "cecilia")
    assert len(to_bertil) == 1 and len(to_cecilia) == 1
    assert street.encode() in to_bertil[0] and identity_name.encode() in to_bertil[0]
    for secret in (street, identity_name):
        assert secret.split()[-1].encode() not in to_cecilia[0]
    assert b"Socialtj" in to_cecilia[0]  # the SIP itself travels to her

    sync_all(cli)
    # Bertil (with the protected details) adds a SIP action and moves the person
    action, new_street = f"Boka läkartid {marker()}", f"Ny skyddad väg {marker()}"
    with unlock_store(cli.dir / "bertil", PASS, actor="bertil") as b:
        b_case = b.conn.execute("SELECT id FROM cases").fetchone()[0]
        [plan] = sip.sips(b, b_case)
        sip.add_sip_action(b, plan.id, action=action, responsible="Socialtjänsten")
        [placement] = placements.placements(b, b_case)
        placements.set_placement_address(b, placement.id, street=new_street, city="Eslöv")
    sync_all(cli, 3)

    shown = cli.ok("anna", "case", "show", number, "--reveal", "--reason", "Kontroll (fiktiv)")
    assert new_street in json.dumps(shown, ensure_ascii=False)
    with unlock_store(cli.dir / "anna", PASS, actor="check") as a:
        [plan] = sip.sips(a, case_id)
        assert action in {x.action for x in plan.actions}
        uid = str(a.conn.execute("SELECT uid FROM cases").fetchone()[0])
        state = canonical_bytes(a, uid)
    with unlock_store(cli.dir / "bertil", PASS, actor="check") as b:
        assert canonical_bytes(b, uid) == state
    with unlock_store(cli.dir / "cecilia", PASS, actor="check") as c:
        c_case = c.conn.execute("SELECT id FROM cases").fetchone()[0]
        [plan] = sip.sips(c, c_case)
        assert action in {x.action for x in plan.actions}
        held = " ".join(
            str(r)
            for table in ("placement_addresses", "fictitious_identities", "team_ops")
            for r in c.conn.execute(f"SELECT * FROM {table}")  # noqa: S608
        )
    for secret in (street, new_street, identity_name):
        assert secret.split()[-1] not in held
    for content in _contents_for(cli, "cecilia"):
        for secret in (street, new_street, identity_name):
            assert secret.split()[-1].encode() not in content
