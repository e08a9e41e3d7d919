"""A shared case handed over to another municipality, end to end through ``utvag`` only:
three colleagues of one unit (real stores, device secrets in the real Secret Service, a
shared folder) and the receiving municipality. Only the responsible caseworker can export
it; the export names the colleagues whose shares will end; when the receipt is imported
every share ends; at their next sync the colleagues' laptops remove their copies (no trace
of the content, a record that it was removed, a signed confirmation back), and a change
bundle a colleague wrote before the handover is refused for that case."""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storage.vault.opening import unlock_store
from sync.age.errors import NoMatchingIdentityError
from sync.team.bundles import import_changes
from sync.team.errors import ShareEndedError
from tests.case_fixtures import PASS
from tests.test_cli_team import Cli

TEAM = ("anna", "bertil", "cecilia")
NAMES = {
    "anna": "Anna Andersson",
    "bertil": "Bertil Berg",
    "cecilia": "Cecilia Cruz",
    "lund": "Lena Lind",
}
MARKER = secrets.token_hex(16)


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UTVAG_LANG", "en")


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], tmp_path: Path, keyring_backend: Any) -> Iterator[Cli]:
    (tmp_path / "pass").write_text(PASS + "\n")
    (tmp_path / "delad").mkdir()
    yield Cli(capsys, tmp_path)


def _cases_file(path: Path) -> Path:
    path.write_text(
        json.dumps(
            {
                "format": "utvag-case-import",
                "version": 1,
                "cases": [
                    {
                        "case_number": "UV-2026-4101",
                        "case_type": "defector",
                        "status": "implementation",
                        "home_municipality": "Malmö",
                        "opened_on": "2026-02-01",
                        "person": {"name": "Jonas Jönsson (fiktiv)", "birth_year": 1994},
                        "consents": [
                            {
                                "agencies": ["Polisen"],
                                "municipalities": ["Malmö", "Lund"],
                                "signed_on": "2026-02-02",
                                "expires_on": "2099-01-01",
                            }
                        ],
                    }
                ],
            }
        )
    )
    return path


def _sync(cli: Cli, rounds: int = 2) -> None:
    for _ in range(rounds):
        for who in TEAM:
            report = cli.ok(who, "sync", "--folder", str(cli.dir / "delad"))
            assert report["refused"] == [], report


def _link(cli: Cli, who: str, other: str) -> int:
    contact = cli.ok(who, "contact", "import", str(cli.dir / f"{other}.utvagkort"))
    fingerprint = cli.ok(other, "identity", "show")["fingerprint"]
    cli.ok(who, "contact", "verify", str(contact["id"]), "--fingerprint", fingerprint)
    return int(contact["id"])


def _setup(cli: Cli) -> tuple[dict[str, dict[str, int]], str]:
    ids: dict[str, dict[str, int]] = {w: {} for w in (*TEAM, "lund")}
    for who, name in NAMES.items():
        city, unit = ("Lund", "Avhopparverksamheten") if who == "lund" else ("Malmö", "Exit")
        cli.ok(who, "init", "--kdf-minimum")
        cli.ok(
            who,
            "identity",
            "init",
            "--municipality",
            city,
            "--unit",
            unit,
            "--caseworker",
            name,
        )
        cli.ok(who, "identity", "export-card", "--out", str(cli.dir / f"{who}.utvagkort"))
    for who in TEAM:
        for other in (*TEAM, "lund"):
            if other != who:
                ids[who][other] = _link(cli, who, other)
    ids["lund"]["anna"] = _link(cli, "lund", "anna")
    made = cli.ok("anna", "case", "import", str(_cases_file(cli.dir / "cases.json")))
    [number] = made["case_numbers"]
    cli.ok("anna", "share", number, "--with", str(ids["anna"]["bertil"]), "--role", "co")
    cli.ok(
        "anna",
        "share",
        number,
        "--with",
        str(ids["anna"]["cecilia"]),
        "--role",
        "stand-in",
        "--until",
        "2099-12-31",
    )
    _sync(cli)
    return ids, number


def _uid(cli: Cli, number: str) -> str:
    with unlock_store(cli.dir / "anna", PASS, actor="check") as store:
        row = store.conn.execute("SELECT uid FROM cases WHERE case_number = ?", (number,))
        return str(row.fetchone()[0])


def test_handover_of_a_shared_case_ends_every_share(cli: Cli) -> None:
    ids, number = _setup(cli)
    uid = _uid(cli, number)
    for who in ("bertil", "cecilia"):
        assert [c["case_number"] for c in cli.ok(who, "case", "list")] == [number]
    # Bertil writes a note and seals it for his colleagues before he learns of the handover
    note = cli.dir / "note.txt"
    note.write_text(f"Anteckning {MARKER} (fiktiv)")
    cli.ok("bertil", "journal", "add", number, "--text-file", str(note))
    stale = cli.dir / "stale"
    stale.mkdir()
    cli.ok("bertil", "sync", "--out", str(stale))
    # only the responsible caseworker hands a shared case over
    err = cli.fails(
        "bertil",
        "handover",
        "export",
        number,
        "--to",
        str(ids["bertil"]["lund"]),
        "--out",
        str(cli.dir / "b.utvag"),
    )
    assert "responsible caseworker" in err
    assert not (cli.dir / "b.utvag").exists()
    sent = cli.ok(
        "anna",
        "handover",
        "export",
        number,
        "--to",
        str(ids["anna"]["lund"]),
        "--out",
        str(cli.dir / "h.utvag"),
    )
    assert sorted(sent["shared_with"]) == sorted([ids["anna"]["bertil"], ids["anna"]["cecilia"]])
    cli.ok(
        "lund",
        "handover",
        "import",
        str(cli.dir / "h.utvag"),
        "--accept",
        "--receipt-out",
        str(cli.dir / "k.utvag"),
    )
    receipt = cli.ok("anna", "receipt", "import", str(cli.dir / "k.utvag"))
    assert receipt["status"] == "accepted"
    assert sorted(receipt["shares_ended"]) == sorted(sent["shared_with"])
    members = cli.ok("anna", "share", number, "--list")["members"]
    assert {m["state"] for m in members} == {"ended"}
    # nothing more is accepted for the case: Bertil's earlier bundle is refused, unchanged
    for path in sorted(stale.iterdir()):
        with unlock_store(cli.dir / "anna", PASS, actor="check") as store:
            before = store.conn.execute("SELECT count(*) FROM team_ops").fetchone()[0]
            try:
                import_changes(store, path)
            except NoMatchingIdentityError:
                continue  # the one for Cecilia
            except ShareEndedError:
                after = store.conn.execute("SELECT count(*) FROM team_ops").fetchone()[0]
                assert after == before
                hits = store.conn.execute(
                    "SELECT count(*) FROM journal_entries WHERE text LIKE ?", (f"%{MARKER}%",)
                ).fetchone()[0]
                assert hits == 0
                break
    else:
        pytest.fail("no stale bundle for Anna was refused")
    _sync(cli)
    for who in ("bertil", "cecilia"):
        assert cli.ok(who, "case", "list") == []
        err = cli.fails(who, "case", "show", number)
        assert err.count("\n") == 1
        with unlock_store(cli.dir / who, PASS, actor="check") as store:
            conn = store.conn
            assert conn.execute("SELECT count(*) FROM cases").fetchone() == (0,)
            assert conn.execute("SELECT count(*) FROM journal_entries").fetchone() == (0,)
            left = conn.execute("SELECT count(*) FROM team_ops WHERE case_uid = ?", (uid,))
            assert left.fetchone() == (0,)
            assert conn.execute("SELECT count(*) FROM team_op_sigs").fetchone() == (0,)
            hits = conn.execute(
                "SELECT count(*) FROM search_index WHERE search_index MATCH ?", (f'"{MARKER}"',)
            ).fetchone()
            assert hits == (0,)
            removed = conn.execute("SELECT case_uid, reason FROM team_removed").fetchall()
            assert [tuple(r) for r in removed] == [(uid, "handed_over")]
            recipes = conn.execute(
                "SELECT count(*) FROM sync_outbox_members m JOIN sync_outbox o "
                "ON o.bundle_id = m.bundle_id WHERE o.kind = 'team-changes'"
            ).fetchone()
            assert recipes == (0,)  # no copy of the case in a change bundle's recipe
            actions = [(e.action, e.details) for e in store.audit.entries()]
            assert ("team.removed", {"reason": "handed_over", "case_uid": uid}) in actions
            assert "team.handed_over_told" in [a for a, _ in actions]
    members = cli.ok("anna", "share", number, "--list")["members"]
    assert all(m["state"] == "ended" and m["removed_at"] for m in members), members
    with unlock_store(cli.dir / "anna", PASS, actor="check") as store:
        told = store.audit.entries(action="team.handed_over")
        assert len(told) == 1 and sorted(told[0].details["contact_ids"]) == sorted(
            sent["shared_with"]
        )
        confirmed = store.audit.entries(action="team.removal_confirmed")
        assert len(confirmed) == 2
    # Anna's later syncs tell nobody again: every colleague confirmed
    _sync(cli, 1)
    with unlock_store(cli.dir / "anna", PASS, actor="check") as store:
        assert len(store.audit.entries(action="team.removal_confirmed")) == 2
