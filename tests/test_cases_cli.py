"""`utvag case list|show|import` and `utvag demo` through desktop.cli.main: output, exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from desktop.cli import main
from storage.vault.opening import unlock_store
from tests.case_fixtures import PASS, store_template
from tests.test_cases_import import EXAMPLE

__all__ = ["store_template"]


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UTVAG_LANG", "en")


@pytest.fixture
def cli(store_template: Path, tmp_path: Path) -> list[str]:
    """``--store DIR --passphrase-file FILE --actor NAME`` for a fresh empty store."""
    path = tmp_path / "store"
    shutil.copytree(store_template, path)
    secret = tmp_path / "pass.txt"
    secret.write_text(PASS + "\n")
    return ["--store", str(path), "--passphrase-file", str(secret), "--actor", "Cli Tester"]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse's usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_demo_list_show(capsys: pytest.CaptureFixture[str], cli: list[str]) -> None:
    code, out, err = run(capsys, "demo", "--cases", "4", "--seed", "7", "--json", *cli)
    assert code == 0, err
    assert json.loads(out)["cases"] == 4
    code, out, _ = run(capsys, "case", "list", "--json", *cli)
    rows = json.loads(out)
    assert code == 0 and len(rows) == 4 and all(r["demo"] for r in rows)
    code, out, _ = run(capsys, "case", "list", *cli)
    assert code == 0 and "Cases: 4" in out and "ärenden" not in out
    number = rows[0]["case_number"]
    code, out, _ = run(capsys, "case", "list", "--query", number, "--json", *cli)
    assert [r["case_number"] for r in json.loads(out)] == [number]
    code, out, _ = run(capsys, "case", "show", number, "--json", *cli)
    shown = json.loads(out)
    assert code == 0 and shown["case_number"] == number and "revealed" not in shown
    assert shown["persons"] and "name" not in shown["persons"][0]
    code, out, _ = run(capsys, "case", "show", str(shown["id"]), *cli)
    assert code == 0 and "(hidden)" in out and "Journal entries" in out


def test_reveal_needs_a_reason_and_is_logged(
    capsys: pytest.CaptureFixture[str], cli: list[str]
) -> None:
    assert run(capsys, "case", "import", str(EXAMPLE), *cli)[0] == 0
    code, _, err = run(capsys, "case", "show", "UV-2024-0042", "--reveal", *cli)
    assert code == 2 and "--reason" in err and len(err.strip().splitlines()) == 1
    code, out, err = run(
        capsys,
        "case",
        "show",
        "UV-2024-0042",
        "--reveal",
        "--reason",
        "Samordning med polisen",
        *cli,
    )
    assert code == 0, err
    assert "Jonas Jönsson 19940315-9818" in out and "Lönnvägen 4" in out
    code, out, _ = run(
        capsys, "case", "show", "UV-2024-0042", "--reveal", "--reason", "x", "--json", *cli
    )
    revealed = json.loads(out)["revealed"]
    assert revealed["address"] == "Lönnvägen 4, 999 12 Demostad"
    with unlock_store(Path(cli[1]), PASS, actor="checker") as store:
        reveals = store.audit.entries(action="reveal")
    assert {e.actor for e in reveals} == {"Cli Tester"}
    assert {e.details["field"] for e in reveals} == {"name", "personnummer", "address"}
    assert reveals[0].details["reason"] == "Samordning med polisen"


def test_import_output_and_refusal(
    capsys: pytest.CaptureFixture[str], cli: list[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "case", "import", str(EXAMPLE), "--json", *cli)
    assert code == 0 and json.loads(out) == {
        "imported": 2,
        "case_numbers": ["UV-2024-0042", json.loads(out)["case_numbers"][1]],
        "duplicates": [],
        "linked": [],
    }
    bad = json.loads(EXAMPLE.read_text())
    bad["cases"][0]["case_number"] = "UV-2024-0043"
    bad["cases"][1]["relatives"] = [{"name": "X", "relation": "mor", "personnummer": "123"}]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad))
    code, out, err = run(capsys, "case", "import", str(path), *cli)
    assert code == 1 and out == ""
    assert err.startswith("utvag: cases[1].relatives[0].personnummer: a personnummer has 10")
    assert len(err.strip().splitlines()) == 1
    code, out, _ = run(capsys, "case", "list", "--json", *cli)
    assert len(json.loads(out)) == 2  # nothing of the refused file was stored


def test_errors_and_usage(capsys: pytest.CaptureFixture[str], cli: list[str]) -> None:
    code, _, err = run(capsys, "case", "show", "UV-1999-0001", *cli)
    assert code == 1 and "There is no case" in err
    code, _, err = run(capsys, "case", "list", "--status", "finished", *cli)
    assert code == 2
    code, _, err = run(capsys, "demo", "--cases", "0", *cli)
    assert code == 2 and "--cases" in err
    code, _, _ = run(capsys, "case", *cli)
    assert code == 2
    wrong = list(cli)
    wrong[3] = str(Path(cli[3]).with_name("wrong.txt"))
    Path(wrong[3]).write_text("not the passphrase\n")
    code, _, err = run(capsys, "case", "list", *wrong)
    assert code == 1 and "passphrase is not correct" in err
