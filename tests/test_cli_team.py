"""Three colleagues end to end through ``utvag`` only, with real stores (device secrets in
the real Secret Service) and a shared folder: share, sync rounds, edits on every laptop,
a conflict shown and resolved, a stand-in end; exit codes 0 / 1 / 2 with one line on
stderr, and refused commands store nothing."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main
from storage.team.canonical import canonical_bytes
from storage.vault.opening import unlock_store
from tests.case_fixtures import PASS

WHO = ("anna", "bertil", "cecilia")
NAMES = ("Anna Andersson", "Bertil Berg", "Cecilia Cruz")
TODAY = dt.date.today()


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UTVAG_LANG", "en")


@dataclass
class Cli:
    capsys: pytest.CaptureFixture[str]
    dir: Path

    def run(self, who: str, *args: str) -> tuple[int, str, str]:
        opts = ["--store", str(self.dir / who), "--passphrase-file", str(self.dir / "pass")]
        try:
            code = main([*args, *opts, "--actor", who])
        except SystemExit as exc:
            code = int(exc.code or 0)
        out, err = self.capsys.readouterr()
        return code, out, err

    def ok(self, who: str, *args: str) -> Any:
        code, out, err = self.run(who, *args, "--json")
        assert code == 0, err
        return json.loads(out)

    def counts(self, who: str) -> dict[str, int]:
        with unlock_store(self.dir / who, PASS, actor="check") as store:
            return {
                t: store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608
                for t in ("cases", "journal_entries", "team_ops", "team_members", "team_cases")
            }

    def fails(self, who: str, *args: str, code: int = 1) -> str:
        before = self.counts(who)
        got, _out, err = self.run(who, *args)
        assert got == code, err
        if code == 1:
            assert err.startswith("utvag") and err.count("\n") == 1, err
        assert self.counts(who) == before
        return err


@pytest.fixture(scope="module")
def cli_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("team-cli")
    (path / "pass").write_text(PASS + "\n")
    (path / "delad").mkdir()
    return path


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], cli_dir: Path, keyring_backend: Any) -> Iterator[Cli]:
    yield Cli(capsys, cli_dir)


def sync_all(cli: Cli, rounds: int = 2) -> None:
    for _ in range(rounds):
        for who in WHO:
            report = cli.ok(who, "sync", "--folder", str(cli.dir / "delad"))
            assert report["refused"] == []


def _case_uid(cli: Cli, who: str, number: str) -> str:
    with unlock_store(cli.dir / who, PASS, actor="check") as store:
        return str(store.conn.execute("SELECT uid FROM cases").fetchone()[0])


def make_team(cli: Cli) -> dict[str, dict[str, int]]:
    """Three stores with identities of one unit that have verified each other's cards:
    ``ids[who][other]`` is the contact id of ``other`` in ``who``'s store."""
    ids: dict[str, dict[str, int]] = {w: {} for w in WHO}
    for who, name in zip(WHO, NAMES, strict=True):
        cli.ok(who, "init", "--kdf-minimum")  # with a device secret in the real keyring
        cli.ok(
            who,
            "identity",
            "init",
            "--municipality",
            "Malmö",
            "--unit",
            "Exit Malmö (fiktiv)",
            "--caseworker",
            name,
        )
        cli.ok(who, "identity", "export-card", "--out", str(cli.dir / f"{who}.utvagkort"))
    for who in WHO:
        for other in WHO:
            if other != who:
                c = cli.ok(who, "contact", "import", str(cli.dir / f"{other}.utvagkort"))
                fp = cli.ok(other, "identity", "show")["fingerprint"]
                cli.ok(who, "contact", "verify", str(c["id"]), "--fingerprint", fp)
                ids[who][other] = int(c["id"])
    return ids


def test_team_of_three(cli: Cli) -> None:
    ids = make_team(cli)
    person = cli.dir / "person.json"
    person.write_text(json.dumps({"name": "Jonas Jönsson (fiktiv)", "birth_year": 1994}))
    made = cli.ok(
        "anna", "case", "new", "--type", "defector", "--home", "Malmö", "--person-file", str(person)
    )
    number = made["case_number"]
    # usage errors (2) and refusals (1) store nothing
    cli.fails("anna", "share", number, code=2)
    cli.fails(
        "anna",
        "share",
        number,
        "--with",
        str(ids["anna"]["bertil"]),
        "--role",
        "co",
        "--include-protected",
    )  # no --reason: refused
    cli.fails(
        "anna", "share", number, "--with", str(ids["anna"]["cecilia"]), "--role", "stand-in"
    )  # no end date
    cli.fails("anna", "sync", code=2)
    shared = cli.ok("anna", "share", number, "--with", str(ids["anna"]["bertil"]), "--role", "co")
    assert [m["role"] for m in shared["members"]] == ["co"]
    until = (TODAY + dt.timedelta(days=14)).isoformat()
    cli.ok(
        "anna",
        "share",
        number,
        "--with",
        str(ids["anna"]["cecilia"]),
        "--role",
        "stand-in",
        "--until",
        until,
        "--include-protected",
        "--reason",
        "Semester (fiktiv)",
    )
    sync_all(cli)
    files = sorted(p.name for p in (cli.dir / "delad").iterdir())
    assert files and all(len(Path(f).stem) == 32 for f in files)  # random names only
    for who in ("bertil", "cecilia"):
        cases = cli.ok(who, "case", "list")
        assert [c["case_number"] for c in cases] == [number]
    # everyone writes; a conflict on the same field
    text = cli.dir / "text.txt"
    for who in WHO:
        text.write_text(f"Anteckning av {who} (fiktiv)")
        cli.ok(who, "journal", "add", number, "--text-file", str(text))
    cli.ok("anna", "case", "status", number, "--set", "preliminary_assessment")
    cli.ok("bertil", "case", "status", number, "--set", "emergency_protection")
    sync_all(cli, 3)
    uid = _case_uid(cli, "anna", number)
    states = set()
    for who in WHO:
        with unlock_store(cli.dir / who, PASS, actor="check") as store:
            states.add(canonical_bytes(store, uid))
    assert len(states) == 1
    entries = cli.ok("cecilia", "journal", "list", number)["entries"]
    assert len(entries) == 3
    found = cli.ok("cecilia", "conflicts", number)
    assert len(found) == 1 and found[0]["register"] == "status"
    assert {v["by"] for v in found[0]["versions"]} == {"Anna Andersson", "Bertil Berg"}
    cli.fails("cecilia", "conflicts", number, "--resolve", "1", code=2)  # no --choose
    left = cli.ok("cecilia", "conflicts", number, "--resolve", "1", "--choose", "1")
    assert left == []
    sync_all(cli)
    for who in WHO:
        assert cli.ok(who, "conflicts", number) == []
    members = cli.ok("anna", "share", number, "--list")["members"]
    assert all(m["has_our_changes_up_to"] for m in members)
    # the stand-in's share ends early: Cecilia's laptop removes the case and confirms
    cli.ok("anna", "share", number, "--end", str(ids["anna"]["cecilia"]))
    sync_all(cli)
    assert cli.ok("cecilia", "case", "list") == []
    cli.fails("cecilia", "case", "show", number)  # exit 1, one line, nothing stored
    members = cli.ok("anna", "share", number, "--list")["members"]
    ended = [m for m in members if m["contact"] == ids["anna"]["cecilia"]]
    assert ended[0]["state"] == "ended" and ended[0]["removed_at"]
