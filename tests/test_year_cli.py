"""The command line for every daily step: case, journal, reminders, gallring, partner,
checklist, log — --json, exit codes 0/1/2, one language per run, a closed pipe."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from storage.casefile import placements
from storage.records.personnummer import make_identity_number
from storage.vault.opening import unlock_store
from tests.case_fixtures import (
    PASS,
    days,
    store_template,
)
from tests.conftest import ROOT

__all__ = ["store_template"]
NUMBER = make_identity_number(days(-30 * 365), 986)


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    # A GUI test earlier in this process may have left the Swedish catalogue on the app;
    # desktop.i18n.translate then goes standalone, in the language this run asks for.
    monkeypatch.setenv("UTVAG_LANG", "en")


@pytest.fixture
def cli(store_template: Path, tmp_path: Path) -> list[str]:
    path = tmp_path / "store"
    shutil.copytree(store_template, path)
    secret = tmp_path / "pass.txt"
    secret.write_text(PASS + "\n")
    return ["--store", str(path), "--passphrase-file", str(secret), "--actor", "Cli Tester"]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def ok_json(capsys: pytest.CaptureFixture[str], *args: str) -> object:
    code, out, err = run(capsys, *args, "--json")
    assert code == 0, err
    return json.loads(out)


def _new_case(capsys: pytest.CaptureFixture[str], cli: list[str], tmp_path: Path) -> str:
    person = tmp_path / "person.json"
    person.write_text(json.dumps({"name": "Tova Testsson", "personnummer": NUMBER}))
    made = ok_json(
        capsys,
        "case",
        "new",
        "--type",
        "defector",
        "--home",
        "Umeå",
        "--person-file",
        str(person),
        *cli,
    )
    assert isinstance(made, dict) and made["duplicates"] == []
    return str(made["case_number"])


def test_case_new_status_find_and_duplicates(
    capsys: pytest.CaptureFixture[str], cli: list[str], tmp_path: Path
) -> None:
    number = _new_case(capsys, cli, tmp_path)
    status = ok_json(capsys, "case", "status", number, *cli)
    assert status["status"] == "referred" and "preliminary_assessment" in status["next"]
    code, out, _ = run(capsys, "case", "status", number, "--set", "preliminary_assessment", *cli)
    assert code == 0 and "preliminary assessment" in out
    code, _, err = run(capsys, "case", "status", number, "--set", "decided", *cli)
    assert code == 1 and err.count("\n") == 1 and err.startswith("utvag: ")
    found_file = tmp_path / "nr.txt"
    found_file.write_text(NUMBER.replace("-", "")[2:] + "\n")  # YYMMDDNNNC
    [hit] = ok_json(capsys, "case", "find", "--number-file", str(found_file), *cli)
    assert hit["case_number"] == number and "Tova" not in json.dumps(hit)
    second = tmp_path / "again.json"
    second.write_text(json.dumps({"name": "Tova Igen", "personnummer": NUMBER}))
    code, out, _ = run(
        capsys,
        "case",
        "new",
        "--type",
        "relative",
        "--home",
        "Lund",
        "--person-file",
        str(second),
        "--link-duplicates",
        *cli,
    )
    assert code == 0 and f"The person already exists in case {number}." in out
    assert "now linked" in out
    listed = ok_json(capsys, "case", "list", "--query", NUMBER, *cli)
    assert len(listed) == 2  # a personnummer as query: exactly that person
    code, _, err = run(capsys, "case", "find", *cli)  # stdin is not a terminal here
    assert code == 2 and "never taken as an argument" in err
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"name": "X", "shoe_size": 44}))
    code, _, err = run(
        capsys,
        "case",
        "new",
        "--type",
        "defector",
        "--home",
        "Umeå",
        "--person-file",
        str(bad),
        *cli,
    )
    assert code == 1 and "shoe_size" in err
    assert len(ok_json(capsys, "case", "list", *cli)) == 2  # nothing stored


def test_journal_add_draft_sign_correct_mark_list(
    capsys: pytest.CaptureFixture[str], cli: list[str], tmp_path: Path
) -> None:
    number = _new_case(capsys, cli, tmp_path)
    text = tmp_path / "text.txt"
    text.write_text("Hembesök hos Tova, allt lugnt.\n")
    added = ok_json(
        capsys,
        "journal",
        "add",
        number,
        "--type",
        "home_visit",
        "--event-date",
        days(-2).isoformat(),
        "--text-file",
        str(text),
        *cli,
    )
    draft = ok_json(capsys, "journal", "add", number, "--draft", "--text-file", str(text), *cli)
    listed = ok_json(capsys, "journal", "list", number, "--drafts", *cli)
    assert [e["entry_type"] for e in listed["entries"]] == ["home_visit"]
    assert listed["entries"][0]["event_date"] == days(-2).isoformat()
    assert [d["draft_id"] for d in listed["drafts"]] == [draft["draft_id"]]
    signed = ok_json(capsys, "journal", "add", "--sign", str(draft["draft_id"]), *cli)
    assert signed["signed_draft"] == draft["draft_id"]
    corrected = ok_json(
        capsys,
        "journal",
        "correct",
        str(added["entry_id"]),
        "--reason",
        "Fel dag",
        "--event-date",
        days(-3).isoformat(),
        "--text-file",
        str(text),
        *cli,
    )
    ok_json(
        capsys, "journal", "mark-erroneous", str(signed["entry_id"]), "--reason", "Dubbel", *cli
    )
    listed = ok_json(capsys, "journal", "list", number, "--type", "home_visit", *cli)
    [entry] = listed["entries"]
    assert entry["id"] == corrected["entry_id"] and entry["event_date"] == days(-3).isoformat()
    code, out, _ = run(capsys, "journal", "list", number, *cli)
    assert code == 0 and "marked erroneous" in out and "Journal entries: 2" in out
    code, _, err = run(capsys, "journal", "add", number, "--type", "fika", *cli)
    assert code == 2
    code, _, err = run(
        capsys,
        "journal",
        "add",
        number,
        "--event-date",
        days(5).isoformat(),
        "--text-file",
        str(text),
        *cli,
    )
    assert code == 1 and "future" in err
    templates = ok_json(capsys, "template", "list", "--type", "phone", *cli)
    assert templates and templates[0]["entry_type"] == "phone"
    with unlock_store(Path(cli[1]), PASS, actor="checker") as store:
        opens = store.audit.entries(action="case.open")
    assert opens and all(e.details["via"] == "cli" for e in opens)


def test_reminders_gallring_partner_checklist_log(
    capsys: pytest.CaptureFixture[str], cli: list[str], tmp_path: Path
) -> None:
    number = _new_case(capsys, cli, tmp_path)
    with unlock_store(Path(cli[1]), PASS, actor="Cli Tester") as store:
        case_id = int(store.conn.execute("SELECT id FROM cases").fetchone()[0])
        placement = placements.add_placement(
            store, case_id, municipality="Lund", moved_in_on=days(-1)
        )
    tasks = ok_json(
        capsys,
        "checklist",
        "start",
        str(placement),
        "--responsible",
        "Karin",
        "--due",
        days(3).isoformat(),
        *cli,
    )
    assert len(tasks) == 7 and tasks[0]["task"] == "protected_registration"
    done = ok_json(capsys, "checklist", "done", str(tasks[0]["id"]), *cli)
    assert done["done_by"] == "Cli Tester"
    calendar = tmp_path / "kalender.ics"
    listed = ok_json(capsys, "reminders", "list", "--days", "10", "--ical", str(calendar), *cli)
    assert len(listed["reminders"]) == 6 and listed["ical"]["events"] == 7
    assert "Tova" not in calendar.read_text(encoding="utf-8")
    code, out, _ = run(capsys, "reminders", "list", "--days", "10", *cli)
    assert code == 0 and "relocation checklist: school" in out and "Reminders: 6" in out
    partner = ok_json(
        capsys,
        "partner",
        "add",
        "--kind",
        "police",
        "--name",
        "Kim Kontakt",
        "--phone",
        "010-123 45 67",
        *cli,
    )
    ok_json(capsys, "partner", "link", number, str(partner["id"]), "--role", "kontaktpolis", *cli)
    [linked] = ok_json(capsys, "partner", "list", "--case", number, *cli)
    assert linked["role"] == "kontaktpolis"
    code, _, err = run(
        capsys, "partner", "add", "--kind", "police", "--name", "X", "--email", "nope", *cli
    )
    assert code == 1 and err.count("\n") == 1
    plan = ok_json(capsys, "gallring", "plan", *cli)
    assert plan["due"] == [] and plan["rule"] == "five_years_after_last_entry"
    code, _, err = run(capsys, "gallring", "run", *cli)
    assert code == 2 and "--confirm" in err
    code, _, err = run(capsys, "gallring", "run", "--confirm", "--on", days(400).isoformat(), *cli)
    assert code == 1 and "future" in err
    result = ok_json(capsys, "gallring", "run", "--confirm", "--decision", "SN § 1", *cli)
    assert result["deleted"] == 0 and result["decision_ref"] == "SN § 1"
    [protocol] = ok_json(capsys, "gallring", "protocol", *cli)
    assert protocol["decision_ref"] == "SN § 1"
    ok_json(capsys, "case", "show", number, *cli)
    log = ok_json(capsys, "log", "--case", number, "--user", "Cli Tester", *cli)
    assert [e["action"] for e in log["entries"]] == ["case.open"]
    export = tmp_path / "logg.csv"
    code, out, _ = run(capsys, "log", "--case", number, "--export", str(export), *cli)
    assert code == 0 and "Log entries: 1" in out and export.read_text().count("\n") == 2


def _real(*args: str, lang: str = "en", **kw: object) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), UTVAG_LANG=lang, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        **kw,  # type: ignore[arg-type]
    )


def test_one_language_per_run(cli: list[str], tmp_path: Path) -> None:
    text = tmp_path / "t.txt"
    text.write_text("Samtal.")
    swedish = _real("demo", "--cases", "3", *cli, lang="sv")
    assert swedish.returncode == 0 and "Demodata (fiktiva)" in swedish.stdout
    listed = _real("case", "list", *cli, lang="sv")
    assert "Ärenden: 3" in listed.stdout and "Cases" not in listed.stdout
    assert any(w in listed.stdout for w in ("avslutad", "utredning", "aktualiserad", "beslutad"))
    refused = _real("gallring", "run", *cli, lang="sv")
    assert refused.returncode == 2 and "Gallring tar bort ärenden för gott" in refused.stderr
    english = _real("case", "list", *cli, lang="en")
    assert "Cases: 3" in english.stdout and "Ärenden" not in english.stdout
    plan = _real("gallring", "plan", *cli, lang="sv")
    assert "Gallras:" in plan.stdout and "To be deleted" not in plan.stdout


def test_a_closed_pipe_ends_quietly(cli: list[str]) -> None:
    # more output than a pipe holds (64 KiB), so the writer meets the closed end
    assert _real("demo", "--cases", "1500", *cli).returncode == 0
    env = dict(os.environ, PYTHONPATH=str(ROOT), UTVAG_LANG="en", QT_QPA_PLATFORM="offscreen")
    producer = subprocess.Popen(
        [sys.executable, "-m", "desktop", "case", "list", *cli],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert producer.stdout is not None and producer.stderr is not None
    first = producer.stdout.readline()  # like `| head -1`
    producer.stdout.close()
    err = producer.stderr.read().decode()
    code = producer.wait(timeout=120)
    assert first.startswith(b"UV-")
    assert "Traceback" not in err and "BrokenPipe" not in err and err == ""
    assert code == 1  # the closed pipe was met, and ended quietly
    shell = subprocess.run(
        [
            "bash",
            "-o",
            "pipefail",
            "-c",
            shlex.join([sys.executable, "-m", "desktop", "case", "list", *cli]) + " | head -1",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert shell.stdout.startswith("UV-") and shell.stderr == ""
