"""Two municipalities end to end through ``utvag`` only: init, identity, cards, verified
contacts, case import, handover export / import / receipt, refusal, conflicts; exit codes
0 / 1 / 2 with one line on stderr; refused commands store nothing."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main
from storage.vault.opening import unlock_store
from tests.case_fixtures import PASS
from tests.test_handover_support import EAST, IRON

Run = tuple[int, str, str]


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UTVAG_LANG", "en")


def _case(
    number: str,
    consent: list[str],
    *,
    group: str = IRON,
    placed: str | None = None,
    level: str = "protected_registration",
) -> dict[str, Any]:
    case: dict[str, Any] = {
        "case_number": number,
        "case_type": "defector",
        "status": "implementation",
        "home_municipality": "Malmö",
        "opened_on": "2025-01-02",
        "person": {
            "name": "Jonas Jönsson",
            "personnummer": "19850202-9807",
            "gender": "male",
            "protection_level": level,
        },
        "consents": [
            {
                "agencies": ["Polisen"],
                "municipalities": consent,
                "signed_on": "2025-01-10",
                "expires_on": "2099-01-01",
            }
        ],
        "network_links": [{"environment": "criminal_network", "group": group}],
        "journal": [
            {
                "author": "Anna Andersson",
                "written_at": "2025-01-03T09:00:00Z",
                "text": "Första samtal (fiktivt).",
            }
        ],
    }
    if placed:
        case["placements"] = [
            {
                "municipality": placed,
                "moved_in_on": "2025-02-01",
                "address": {"street": "Lönnvägen 4", "city": "Demostad"},
            }
        ]
    return case


def _file(path: Path, cases: list[dict[str, Any]]) -> str:
    data = {
        "format": "utvag-case-import",
        "version": 1,
        "groups": [
            {"name": IRON, "environment": "criminal_network"},
            {"name": EAST, "environment": "criminal_network"},
        ],
        "group_relations": [{"group_a": IRON, "group_b": EAST, "relation": "rival"}],
        "cases": cases,
    }
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


@dataclass
class Cli:
    capsys: pytest.CaptureFixture[str]
    dir: Path

    def run(self, who: str, *args: str) -> Run:
        opts = [
            "--store",
            str(self.dir / who),
            "--passphrase-file",
            str(self.dir / "pass"),
            "--actor",
            who,
        ]
        try:
            code = main([*args, *opts])
        except SystemExit as exc:
            code = int(exc.code or 0)
        out, err = self.capsys.readouterr()
        return code, out, err

    def ok(self, who: str, *args: str) -> Any:
        code, out, err = self.run(who, *args, "--json")
        assert code == 0, err
        return json.loads(out)

    def fails(self, who: str, *args: str, code: int = 1) -> str:
        before = self.state(who)
        got, _out, err = self.run(who, *args)
        assert got == code, err
        assert err.startswith("utvag") and err.count("\n") == 1 if code == 1 else err
        assert self.state(who) == before
        return err

    def state(self, who: str) -> tuple[Any, ...]:
        """Row counts and audit actions (less unlock/lock): what a command stored."""
        with unlock_store(self.dir / who, PASS, actor="check") as store:
            tables = [
                r[0]
                for r in store.conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' "
                    "AND name NOT LIKE 'search_index%'"
                )
            ]
            counts = {
                t: store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608
                for t in tables
                if t not in ("audit_log", "meta")
            }
            acts = [e.action for e in store.audit.entries() if e.action not in ("unlock", "lock")]
        files = sorted(p.name for p in self.dir.iterdir())
        return counts, acts, files


@pytest.fixture(scope="module")
def cli_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli")
    (path / "pass").write_text(PASS + "\n")
    return path


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], cli_dir: Path) -> Iterator[Cli]:
    yield Cli(capsys, cli_dir)


def test_identity_and_contacts(cli: Cli) -> None:
    for who, names in (
        ("a", ("Malmö", "Exit Malmö", "Anna Andersson")),
        ("b", ("Lund", "Avhopparverksamheten", "Bertil Berg")),
    ):
        cli.ok(who, "init", "--no-device-key", "--kdf-minimum")
        args = ["--municipality", names[0], "--unit", names[1], "--caseworker", names[2]]
        me = cli.ok(who, "identity", "init", *args)
        assert cli.ok(who, "identity", "init", *args) == me  # once; the same again is fine
        assert cli.ok(who, "identity", "show")["fingerprint"] == me["fingerprint"]
        cli.fails(
            who, "identity", "init", "--municipality", "Ystad", "--unit", "X", "--caseworker", "Y"
        )
        card = cli.ok(who, "identity", "export-card", "--out", str(cli.dir / f"{who}.utvagkort"))
        assert card["fingerprint"] == me["fingerprint"]
    a_fp = cli.ok("a", "identity", "show")["fingerprint"]
    b_fp = cli.ok("b", "identity", "show")["fingerprint"]
    b = cli.ok("a", "contact", "import", str(cli.dir / "b.utvagkort"))
    assert (b["id"], b["status"], b["fingerprint"]) == (1, "unverified", b_fp)
    cli.ok(
        "a",
        "case",
        "import",
        _file(
            cli.dir / "a-cases.json",
            [
                _case("UV-2025-0101", ["Malmö", "Lund"], placed="Eslöv"),
                _case("UV-2025-0102", ["Malmö"]),
                _case("UV-2025-0103", ["Lund"]),
                _case("UV-2025-0104", ["Lund"]),
            ],
        ),
    )
    err = cli.fails(
        "a", "handover", "export", "UV-2025-0101", "--to", "1", "--out", str(cli.dir / "x.utvag")
    )
    assert "not been verified" in err
    code, _, err = cli.run("a", "contact", "verify", "1", "--fingerprint", a_fp)  # wrong digits
    assert code == 1 and "does not match" in err  # (audited as contact.verify_failed)
    assert cli.ok("a", "contact", "verify", "1", "--fingerprint", b_fp)["status"] == "verified"
    a = cli.ok("b", "contact", "import", str(cli.dir / "a.utvagkort"))
    cli.ok("b", "contact", "verify", str(a["id"]), "--fingerprint", a_fp)
    assert [c["status"] for c in cli.ok("b", "contact", "list")] == ["verified"]
    code, out, _ = cli.run("a", "contact", "list")
    assert code == 0 and "Lund / Avhopparverksamheten / Bertil Berg" in out


def test_export_import_receipt(cli: Cli) -> None:
    bundle, receipt = str(cli.dir / "h1.utvag"), str(cli.dir / "h1-receipt.utvag")
    export = ["handover", "export", "UV-2025-0101", "--to", "1"]
    assert "Lund" in cli.fails(
        "a", "handover", "export", "UV-2025-0102", "--to", "1", "--out", bundle
    )
    cli.fails("a", *export, "--out", bundle, "--include-protected", code=2)  # no --reason
    cli.fails("a", *export, "--out", bundle, "--sections", "persons,secrets", code=2)
    cli.fails("a", *export, code=2)  # no --out
    preview = cli.ok("a", *export, "--preview", "--sections", "persons,placements")
    assert preview["withheld"] == {"names": 1, "addresses": 1, "fictitious_identities": 0}
    assert preview["legal_basis"] == "consent" and not preview["conflicts"]["matches"]
    sent = cli.ok(
        "a",
        *export,
        "--out",
        bundle,
        "--sections",
        "persons,placements,journal",
        "--include-protected",
        "--reason",
        "Flytt beslutad",
    )
    rows = cli.ok("a", "handover", "list", "UV-2025-0101")
    assert [(r["state"], r["bundle_id"]) for r in rows] == [("awaiting_receipt", sent["bundle_id"])]

    code, out, _ = cli.run("b", "handover", "import", bundle)
    assert code == 0 and "Malmö / Exit Malmö / Anna Andersson" in out and "nothing imported" in out
    shown = cli.ok("b", "handover", "import", bundle)
    assert shown["sender"]["fingerprint"] == cli.ok("a", "identity", "show")["fingerprint"]
    assert shown["case_ref"] == "UV-2025-0101" and shown["sections"][-1] == "journal"
    assert cli.ok("b", "case", "list") == []
    got = cli.ok("b", "handover", "import", bundle, "--accept", "--receipt-out", receipt)
    assert got["status"] == "accepted" and Path(got["receipt_path"]).exists()
    assert [c["case_number"] for c in cli.ok("b", "case", "list")] == [got["case_number"]]
    cli.fails("b", "handover", "import", bundle, "--accept", "--receipt-out", receipt + "2")

    done = cli.ok("a", "receipt", "import", receipt)
    assert (done["status"], done["case_status"], done["status_changed"]) == (
        "accepted",
        "handed_over",
        True,
    )
    assert cli.ok("a", "handover", "list")[0]["state"] == "accepted"
    cli.fails("a", "receipt", "import", receipt)  # replayed


def test_refusal(cli: Cli) -> None:
    bundle, receipt = str(cli.dir / "h3.utvag"), str(cli.dir / "h3-receipt.utvag")
    cli.ok("a", "handover", "export", "UV-2025-0103", "--to", "1", "--out", bundle)
    code, out, _ = cli.run(
        "b", "handover", "import", bundle, "--refuse", "Ingen plats.", "--receipt-out", receipt
    )
    assert code == 0 and "refused" in out and Path(receipt).exists()
    code, out, _ = cli.run("a", "receipt", "import", receipt)
    assert code == 0 and "REFUSED" in out and "Ingen plats." in out
    rows = cli.ok("a", "handover", "list", "UV-2025-0103")
    assert rows[0]["state"] == "refused" and rows[0]["receipt_reason"] == "Ingen plats."


def test_conflicts(cli: Cli) -> None:
    cli.ok(
        "a",
        "case",
        "import",
        _file(cli.dir / "a-more.json", [_case("UV-2025-0105", [], placed="Lund", level="none")]),
    )
    export = ["handover", "export", "UV-2025-0104", "--to", "1", "--out", str(cli.dir / "h4.utvag")]
    before = cli.state("a")
    code, out, err = cli.run("a", *export)
    assert code == 1 and "UV-2025-0105 · J.J. · 1985" in out and "UV-2025-0105" in err
    assert err.count("\n") == 1 and cli.state("a") == before
    assert cli.ok("a", *export, "--acknowledge-conflicts")["conflicts_acknowledged"] == 1

    cli.ok(
        "b",
        "case",
        "import",
        _file(
            cli.dir / "b-cases.json",
            [_case("UV-2025-0900", [], group=EAST, placed="Lund", level="none")],
        ),
    )
    accept = ["handover", "import", str(cli.dir / "h4.utvag"), "--accept"]
    before = cli.state("b")
    code, out, err = cli.run("b", *accept, "--json")
    assert code == 1 and json.loads(out)["conflicts"]["matches"][0]["relation"] == "rival"
    assert "UV-2025-0900" in err and cli.state("b") == before
    got = cli.ok("b", *accept, "--acknowledge-conflicts")
    assert got["conflicts_acknowledged"] == 1 and Path(cli.dir / "h4-kvitto.utvag").exists()


def test_run_again_receipt_write_and_cancel(cli: Cli) -> None:
    """docs/handover.md §8 through the command line: the same export again is the same
    bundle; a lost receipt is written again as it was; a written bundle is not cancellable."""
    cli.ok(
        "a",
        "case",
        "import",
        _file(cli.dir / "a-again.json", [_case("UV-2025-0106", ["Lund"])]),
    )
    out = str(cli.dir / "h6.utvag")
    export = ["handover", "export", "UV-2025-0106", "--to", "1", "--acknowledge-conflicts"]
    export += ["--out", out]
    first = cli.ok("a", *export)
    again = cli.ok("a", *export)  # e.g. after an interruption: the same handover, no new bundle
    assert again["resumed"] and not first["resumed"]
    assert (again["bundle_id"], again["sha256"]) == (first["bundle_id"], first["sha256"])
    code, text, _ = cli.run("a", *export)
    assert code == 0 and "Samma överlämning" in text
    err = cli.fails("a", *export[:-1], str(cli.dir / "h6-other.utvag"))
    assert first["bundle_id"] in err and "awaits a receipt" in err
    [row] = [r for r in cli.ok("a", "handover", "list", "UV-2025-0106")]
    assert row["bundle_file"] == "placed" and row["state"] == "awaiting_receipt"
    err = cli.fails("a", "handover", "cancel", str(row["id"]), "--reason", "Fel val")
    assert "cannot be cancelled" in err

    received = {r["bundle_id"]: r for r in cli.ok("b", "receipt", "list")}
    assert {r["status"] for r in received.values()} == {"accepted", "refused"}
    assert all(r["receipt_written"] for r in received.values())
    accepted = next(r for r in received.values() if r["status"] == "accepted")
    copy = cli.dir / "receipt-again.utvag"
    written = cli.ok("b", "receipt", "write", accepted["case_number"], "--out", str(copy))
    assert (
        written["mode"] == "identical"
        and written["receipt_bundle_id"] == (accepted["receipt_bundle_id"])
    )
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == written["sha256"]
    refused = next(r for r in received.values() if r["status"] == "refused")
    code, text, _ = cli.run(
        "b", "receipt", "write", refused["bundle_id"], "--out", str(cli.dir / "nej-igen.utvag")
    )
    assert code == 0 and "written again, unchanged" in text and "refused" in text
    assert "matches UV-1999-0001" in cli.fails(
        "b", "receipt", "write", "UV-1999-0001", "--out", str(cli.dir / "none.utvag")
    )
