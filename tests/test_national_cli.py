"""The command line of the national report, coordinator mode and the research extract
(docs/national-report.md, docs/statistics.md): exit 0 with --json, 1 with one line on
stderr and nothing stored when refused, 2 for usage errors."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main
from storage.casefile import cases, persons
from storage.vault.opening import unlock_store
from sync.trust import contacts, identity
from tests.case_fixtures import PASS, copy_store, store_template

__all__ = ["store_template"]

YEAR = ["--from", "2025-01-01", "--to", "2025-12-31"]


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UTVAG_LANG", "en")


@pytest.fixture(scope="module")
def folder(store_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("ncli")
    (root / "pass").write_text(PASS + "\n")
    stores = {}
    for name, who in (
        ("unit", ("Linköping", "Avhopparverksamheten", "Lina Lind")),
        ("hub", ("Stockholm", "Nationell samordning (fiktiv)", "Sam Samordnare")),
    ):
        stores[name] = copy_store(store_template, root / name, actor=who[2])
        identity.ensure_identity(stores[name], *who)
    unit, hub = stores["unit"], stores["hub"]
    at_unit = contacts.import_card(unit, identity.export_card(hub))
    contacts.verify_contact(unit, at_unit, identity.get_identity(hub).fingerprint)
    at_hub = contacts.import_card(hub, identity.export_card(unit))
    contacts.verify_contact(hub, at_hub, identity.get_identity(unit).fingerprint)
    (root / "contact").write_text(str(at_unit))
    for i in range(14):
        case_id = cases.create_case(
            unit,
            case_type="defector",
            home_municipality="Linköping",
            opened_on=dt.date(2025, 2, 3),
        )
        persons.add_person(unit, case_id, name=f"Fiktiv Person {i}", birth_year=1990, gender="male")
    for s in stores.values():
        s.close()
    return root


def run(folder: Path, who: str, *args: str) -> tuple[int, str, str, Any]:
    opts = ["--store", str(folder / who), "--passphrase-file", str(folder / "pass")]
    try:
        code = main([*args, *opts])
    except SystemExit as exc:
        code = int(exc.code or 0)
    return code, *_captured()


_capsys: list[pytest.CaptureFixture[str]] = []


def _captured() -> tuple[str, str, Any]:
    out, err = _capsys[0].readouterr()
    try:
        data = json.loads(out)
    except ValueError:
        data = None
    return out, err, data


@pytest.fixture(autouse=True)
def capture(capsys: pytest.CaptureFixture[str]) -> Any:
    _capsys[:] = [capsys]
    yield


def _audit(folder: Path, who: str) -> list[str]:
    with unlock_store(folder / who, PASS, actor="check") as store:
        return [e.action for e in store.audit.entries() if e.action not in ("unlock", "lock")]


def test_export_receive_list_merge(folder: Path) -> None:
    contact = (folder / "contact").read_text()
    bundle = folder / "report.utvag"
    code, _, err, data = run(
        folder,
        "unit",
        "national",
        "export",
        *YEAR,
        "--coordinator",
        contact,
        "--out",
        str(bundle),
        "--json",
    )
    assert code == 0, err
    assert data["format"] == "bundle" and bundle.exists() and data["from"] == "2025-01-01"
    code, _, err, data = run(
        folder, "unit", "national", "export", *YEAR, "--out", str(folder / "report.json"), "--json"
    )
    assert code == 0, err
    doc = json.loads((folder / "report.json").read_text())
    assert doc["format"] == "utvag-national-report" and "Fiktiv" not in json.dumps(doc)
    pdf = folder / "report.pdf"
    code, _, err, data = run(folder, "unit", "national", "export", *YEAR, "--out", str(pdf))
    assert code == 0, err
    assert pdf.read_bytes().startswith(b"%PDF") and oct(pdf.stat().st_mode & 0o777) == "0o600"
    assert _audit(folder, "unit").count("national.export") == 3

    code, _, err, data = run(folder, "hub", "national", "receive", str(bundle), "--json")
    assert code == 0, err
    assert data["municipality"] == "Linköping"
    before = _audit(folder, "hub")
    code, _, err, _ = run(folder, "hub", "national", "receive", str(bundle))
    assert code == 1 and err.startswith("utvag:") and err.count("\n") == 1
    assert _audit(folder, "hub") == before  # the replay stored nothing
    code, _, err, data = run(folder, "hub", "national", "list", "--json")
    assert code == 0 and [r["municipality"] for r in data] == ["Linköping"]

    out = folder / "national.csv"
    code, _, err, data = run(folder, "hub", "national", "merge", *YEAR, "--out", str(out), "--json")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    male = [r for r in rows if r["table"] == "new.gender" and r["row"] == "male"]
    assert {r["column"]: r["value"] for r in male} == {"Linköping": "14", "Summa": "14"}
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    assert "national.release" in _audit(folder, "hub")
    code, _, err, _ = run(
        folder, "hub", "national", "merge", "--from", "2024-01-01", "--to", "2024-12-31"
    )
    assert code == 1 and "2024-01-01" in err
    assert data["left_out"] == []  # one report, of exactly the year
    # a half-year: only the year's report overlaps it, and periods never mix: refused
    code, _, err, _ = run(
        folder, "hub", "national", "merge", "--from", "2025-01-01", "--to", "2025-06-30"
    )
    assert code == 1 and err.count("\n") == 1
    assert "2025-01-01 – 2025-12-31" in err and "2025-01-01 – 2025-06-30" in err


def test_usage_errors(folder: Path) -> None:
    code, _, err, _ = run(
        folder, "unit", "national", "export", *YEAR, "--format", "bundle", "--out", "x.utvag"
    )
    assert code == 2 and "--coordinator" in err
    code, _, err, _ = run(
        folder,
        "unit",
        "national",
        "export",
        "--from",
        "2025-13-01",
        "--to",
        "2025-12-31",
        "--out",
        "x.json",
    )
    assert code == 2


def test_research_commands(folder: Path) -> None:
    code, _, err, data = run(
        folder,
        "unit",
        "research",
        "project-add",
        "--name",
        "Fiktivt projekt",
        "--purpose",
        "Att lära av utfall (fiktivt).",
        "--ethics-ref",
        "Dnr 2026-00000-01",
        "--json",
    )
    assert code == 0, err
    project = str(data["id"])
    out = folder / "research.csv"
    code, _, err, data = run(
        folder,
        "unit",
        "research",
        "extract",
        "--project",
        project,
        *YEAR,
        "--out",
        str(out),
        "--json",
    )
    assert code == 0, err
    assert data["rows"] == 14 and data["k"] == 5 and data["smallest_group"] >= 5
    assert "# ethics approval: Dnr 2026-00000-01" in out.read_text(encoding="utf-8")
    code, _, err, data = run(folder, "unit", "research", "projects", "--json")
    assert code == 0 and data[0]["ethics_ref"] == "Dnr 2026-00000-01" and "key" not in data[0]
    refused = folder / "refused.csv"
    code, _, err, _ = run(
        folder,
        "unit",
        "research",
        "extract",
        "--project",
        project,
        "--from",
        "2024-01-01",
        "--to",
        "2024-12-31",
        "--out",
        str(refused),
    )
    assert code == 1 and not refused.exists() and err.count("\n") == 1
