"""`utvag extract` through desktop.cli.main: the PDF (looked at page by page as text with
pdftotext), the audit entry, decisions, registerutdrag, grounds, refusals and exit codes."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from storage.casefile import persons
from storage.vault.opening import unlock_store
from tests.case_fixtures import PASS, store_template
from tests.test_cases_cli import run
from tests.test_extract import PNR, _case

__all__ = ["store_template"]


@pytest.fixture(autouse=True)
def swedish(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UTVAG_LANG", "sv")


@pytest.fixture
def setup(store_template: Path, tmp_path: Path) -> tuple[list[str], dict[str, str], str]:
    path = tmp_path / "store"
    shutil.copytree(store_template, path)
    with unlock_store(path, PASS, actor="Karin Handläggare") as store:
        case_id, markers = _case(store)
        number = store.conn.execute(
            "SELECT case_number FROM cases WHERE id = ?", (case_id,)
        ).fetchone()[0]
    secret = tmp_path / "pass.txt"
    secret.write_text(PASS + "\n")
    cli = ["--store", str(path), "--passphrase-file", str(secret), "--actor", "Cli Tester"]
    return cli, markers, number


def pdf_text(path: Path) -> str:
    """The PDF's text; NFKC undoes the ligatures Qt sets (ﬀ, ﬁ)."""
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return unicodedata.normalize("NFKC", out)


def test_extract_to_pdf_with_decisions_and_audit(
    capsys: pytest.CaptureFixture[str], setup: tuple[list[str], dict[str, str], str], tmp_path: Path
) -> None:
    cli, m, number = setup
    out = tmp_path / "utdrag.pdf"
    code, listed, err = run(
        capsys, "extract", number, "--sections", "all", "--list-items", "--json", *cli
    )
    assert code == 0, err
    items = json.loads(listed)
    assert {i["kind"] for i in items} >= {"subject_identity", "third_party", "placement"}
    assert not any(value in listed for value in m.values())
    code, got, err = run(
        capsys,
        "extract",
        number,
        "--sections",
        "case,persons,placements,journal",
        "--out",
        str(out),
        "--recipient",
        "Den enskilde själv",
        "--reason",
        "Begäran om partsinsyn",
        "--decide",
        "subject_identity=include",
        "--decide",
        "journal=withhold:OSL 26 kap. 1 §",
        "--json",
        *cli,
    )
    assert code == 0, err
    result = json.loads(got)
    assert result["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
    assert out.stat().st_mode & 0o777 == 0o600
    text = pdf_text(out)
    assert "Utdrag ur personakt" in text and "SEKRETESS" in text
    assert "Mottagare: Den enskilde själv" in text and number in text
    assert "Sida 1 av" in text
    assert m["name"] in text and PNR in text  # included, through the reveal
    for key in ("relative", "street", "journal", "secret", "reporter"):
        assert m[key] not in text, key
    assert "Undantaget från utlämnande" in text and "OSL 26 kap. 1 §" in text
    with unlock_store(Path(cli[1]), PASS, actor="Testare") as store:
        entries = store.audit.entries()
        [saved] = [e for e in entries if e.action == "extract.save"]
        assert saved.subject == number and saved.actor == "Cli Tester"
        assert saved.details["sha256"] == result["sha256"]
        assert saved.details["decisions"]["journal"]["withhold"] == 3
        assert {e.details["field"] for e in entries if e.action == "reveal"} == {
            "name",
            "personnummer",
        }


def test_registerutdrag_from_a_file_and_grounds(
    capsys: pytest.CaptureFixture[str], setup: tuple[list[str], dict[str, str], str], tmp_path: Path
) -> None:
    cli, m, number = setup
    with unlock_store(Path(cli[1]), PASS, actor="Testare") as store:
        other = store.conn.execute("SELECT max(id) FROM cases").fetchone()[0]
        persons.add_relative(store, other, name="Samma person", relation="syster")
    person_file = tmp_path / "pnr.txt"
    person_file.write_text(PNR + "\n")
    out = tmp_path / "register.pdf"
    code, _, err = run(
        capsys,
        "extract",
        "--person-file",
        str(person_file),
        "--sections",
        "all",
        "--out",
        str(out),
        "--recipient",
        "Den registrerade",
        "--reason",
        "Begäran enligt artikel 15",
        *cli,
    )
    assert code == 0, err
    text = pdf_text(out)
    assert "Registerutdrag" in text and number in text
    assert m["name"] not in text  # masked by default
    code, got, _ = run(capsys, "extract", "--grounds", "--json", *cli)
    assert code == 0 and [g["label"] for g in json.loads(got)][:3] == [
        "OSL 26 kap. 1 §",
        "OSL 26 kap. 5 §",
        "OSL 21 kap. 3 §",
    ]
    code, got, err = run(
        capsys,
        "extract",
        "--add-ground",
        "Egen grund",
        "--provision",
        "Kommunens exempel (fiktivt)",
        "--description",
        "Bara för testet.",
        "--json",
        *cli,
    )
    assert code == 0, err and "Egen grund" in got


@pytest.mark.parametrize(
    ("extra", "code", "words"),
    [
        ([], 2, "--sections"),
        (["--sections", "all", "--out", "x.pdf", "--recipient", "R"], 2, "--reason"),
        (
            ["--sections", "hemligt", "--out", "x.pdf", "--recipient", "R", "--reason", "R"],
            1,
            "hemligt",
        ),
        (
            [
                "--sections",
                "all",
                "--out",
                "x.pdf",
                "--recipient",
                "R",
                "--reason",
                "R",
                "--decide",
                "journal",
            ],
            2,
            "--decide",
        ),
        (
            [
                "--sections",
                "all",
                "--out",
                "x.pdf",
                "--recipient",
                "R",
                "--reason",
                "R",
                "--decide",
                "journal=mask:Ingen sådan",
            ],
            1,
            "Ingen sådan",
        ),
    ],
)
def test_refusals_write_nothing(
    capsys: pytest.CaptureFixture[str],
    setup: tuple[list[str], dict[str, str], str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    extra: list[str],
    code: int,
    words: str,
) -> None:
    cli, _, number = setup
    monkeypatch.chdir(tmp_path)
    got, _, err = run(capsys, "extract", number, *extra, *cli)
    assert got == code, err
    assert words in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "x.pdf").exists()
    with unlock_store(Path(cli[1]), PASS, actor="Testare") as store:
        assert not [e for e in store.audit.entries() if e.action == "extract.save"]
