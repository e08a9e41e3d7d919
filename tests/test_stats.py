"""Statistics from a real store: the tables, linked suppression, no personal data, CSV/PDF
export and its audit, `utvag stats`. The suppression rules themselves:
tests/test_stats_suppression.py."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from desktop.cli import main
from storage.casefile import (
    assessments,
    cases,
    interventions,
    persons,
    placements,
)
from storage.records.errors import (
    DateOrderError,
    InvalidDateError,
)
from storage.registers import groups
from storage.statistics import tables as stats
from storage.statistics.export import (
    report_csv,
    save_export,
)
from storage.vault.store import Store
from tests.case_fixtures import PASS, audit_actions, store, store_template
from tests.test_stats_suppression import derivable, joint_derivable

__all__ = ["store", "store_template"]

D = dt.date

# ---------------------------------------------------------------- a real store


def _case(s: Store, muni: str, kind: str, opened: dt.date, gender: str, born: int | None) -> int:
    case_id = cases.create_case(s, case_type=kind, home_municipality=muni, opened_on=opened)
    persons.add_person(s, case_id, name=f"Hemlig Person {case_id}", birth_year=born, gender=gender)
    return case_id


@pytest.fixture
def filled(store: Store) -> Store:
    """Linköping: 12 defectors (8 men, 4 women); Motala: 3 relatives; one demo case."""
    for i in range(12):
        cid = _case(
            store,
            "Linköping",
            "defector",
            D(2025, 2, 1) + dt.timedelta(days=i),
            "male" if i < 8 else "female",
            1990 if i < 10 else 2010,
        )
        if i < 6:
            interventions.add_intervention(
                store,
                cid,
                type="psychiatry",
                started_on=D(2025, 3, 1),
                cost_sek=1000,
                funding="state_grant",
            )
        if i == 0:
            gid = groups.add_group(store, name="Gängnamn Hemligt", environment="criminal_network")
            assessments.add_network_link(store, cid, environment="criminal_network", group_id=gid)
            placements.add_placement(
                store, cid, municipality="Hemligstad", moved_in_on=D(2025, 4, 1)
            )
        if i < 2:
            cases.set_status(store, cid, "closed", outcome="completed", on=D(2025, 5, 1))
    for _ in range(3):
        _case(store, "Motala", "relative", D(2024, 12, 1), "female", 1985)
    demo = cases.create_case(
        store,
        case_type="defector",
        home_municipality="Linköping",
        opened_on=D(2025, 2, 1),
        demo=True,
    )
    assert demo
    return store


def test_tables_from_a_store(filled: Store) -> None:
    report = stats.compute_stats(filled, "2025-01-01", "2025-06-30")
    active = report.table("active.case_type")
    assert active.columns == ("Linköping", "Motala", "Summa")
    assert active.cells[0] == (12, 0, 12)  # the demo case is not counted
    assert active.cells[1] == (None, None, None)  # 3 relatives in Motala
    assert (1, 1) in active.primary and (1, 0) in active.complementary
    new = report.table("new.case_type")
    assert new.cells[0] == (12, 0, 12) and new.cells[-1] == (12, 0, 12)  # Motala: 2024
    gender = report.table("active.gender")
    assert gender.cells[0][0] is None and gender.cells[1][0] == 8  # 4 women hidden
    assert report.table("active.age_band").cells[0][0] is None  # two under 18
    assert report.table("closed.outcome").cells[0][0] is None  # two fullföljt
    assert report.table("interventions.type").cells[4] == (6, 0, 6)
    assert report.table("grant_money.type").cells[4] == (6000, 0, 6000)
    assert report.table("relocations.case_type").cells[0][0] is None
    for table in report.tables:
        assert all(table.cells[i][j] is None for i, j in table.suppressed)


def test_linked_tables_hide_the_same_totals(filled: Store) -> None:
    report = stats.compute_stats(filled, "2025-01-01", "2025-06-30")
    for measure in ("new", "active", "closed"):
        keys = [f"{measure}.{d}" for d in stats.LINKED]
        keys += ["closed.outcome"] if measure == "closed" else []
        patterns = {tuple(v is None for v in report.table(k).cells[-1]) for k in keys}
        assert len(patterns) == 1, measure


def test_no_table_leaks_a_suppressed_cell(filled: Store) -> None:
    """Each table alone, and each group of linked tables together (their totals rows are
    the same unknowns): no suppressed cell follows from what is published."""
    first, last = D(2025, 1, 1), D(2025, 6, 30)
    facts = stats.active_facts(filled, first, last)
    cols = sorted({f.municipality for f in facts})
    report = stats.compute_stats(filled, first, last)
    drafts = stats._drafts(filled, facts, cols, first, last)
    for draft in drafts:
        assert derivable(draft.grid, report.table(draft.key).suppressed) == [], draft.key
    for group in ("new", "active", "closed"):
        members = [d for d in drafts if d.group == group]
        assert len(members) == len(stats.LINKED) + (group == "closed")
        assert joint_derivable(members, report) == [], group


def test_no_personal_data_in_exports(filled: Store) -> None:
    report = stats.compute_stats(filled, "2025-01-01", "2025-06-30")
    text = report_csv(report) + json.dumps(report.to_json(), ensure_ascii=False)
    for secret in ("Hemlig", "Gängnamn", "Hemligstad", "1990", "2010", "UV-"):
        assert secret not in text
    rows = list(csv.DictReader(io.StringIO(report_csv(report))))
    assert {r["value"] for r in rows if r["suppressed"] == "1"} == {".."}
    assert len(rows) == sum(len(t.rows) * len(t.columns) for t in report.tables)


def test_municipality_filter_and_demo_left_out(filled: Store) -> None:
    report = stats.compute_stats(filled, "2025-01-01", "2025-06-30", municipality="linköping")
    table = report.table("active.case_type")
    assert table.columns == ("Linköping", "Summa") and table.cells[-1][-1] == 12


def test_export_is_audited_and_private(filled: Store, tmp_path: Path) -> None:
    report = stats.compute_stats(filled, "2025-01-01", "2025-06-30")
    data = report_csv(report).encode()
    result = save_export(filled, report, tmp_path / "s.csv", data, "csv")
    assert (tmp_path / "s.csv").read_bytes() == data
    assert (tmp_path / "s.csv").stat().st_mode & 0o777 == 0o600
    entry = filled.audit.entries(action="stats.export")[-1]
    assert entry.details["sha256"] == result.sha256 and entry.details["format"] == "csv"
    head = filled.audit.head()
    with pytest.raises(Exception):
        save_export(filled, report, tmp_path / "missing" / "s.csv", data, "csv")
    assert filled.audit.head() == head  # nothing written, nothing audited


def test_invalid_period_refused(filled: Store) -> None:
    head = filled.audit.head()
    with pytest.raises(DateOrderError):
        stats.compute_stats(filled, "2025-06-30", "2025-01-01")
    with pytest.raises(InvalidDateError):
        stats.compute_stats(filled, "2025-02-30", "2025-06-01")
    assert filled.audit.head() == head


# ---------------------------------------------------------------- command line


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def cli(filled: Store, tmp_path: Path) -> list[str]:
    path = filled.path
    filled.close()
    secret = tmp_path / "pass.txt"
    secret.write_text(PASS + "\n")
    return ["--store", str(path), "--passphrase-file", str(secret), "--actor", "Stat Tester"]


def test_cli_show_export_pdf(
    capsys: pytest.CaptureFixture[str], cli: list[str], tmp_path: Path
) -> None:
    period = ["--from", "2025-01-01", "--to", "2025-06-30"]
    code, out, err = run(capsys, "stats", "show", *period, "--json", *cli)
    assert code == 0, err
    assert json.loads(out)["tables"][0]["key"] == "new.case_type"
    code, out, err = run(
        capsys, "stats", "export", *period, "--out", str(tmp_path / "r.csv"), "--json", *cli
    )
    assert code == 0, err and json.loads(out)["format"] == "csv"
    pdf = tmp_path / "r.pdf"
    code, out, err = run(capsys, "stats", "export", *period, "--out", str(pdf), *cli)
    assert code == 0, err
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_mode & 0o777 == 0o600
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "page")],
            check=True,
            timeout=60,
        )
        assert (tmp_path / "page-1.png").stat().st_size > 1000
    from storage.vault.opening import unlock_store

    with unlock_store(Path(cli[1]), PASS, actor="x") as s:
        assert audit_actions(s).count("stats.export") == 2


def test_cli_usage_errors(capsys: pytest.CaptureFixture[str], cli: list[str]) -> None:
    code, _, err = run(capsys, "stats", "show", "--from", "2025-06-30", "--to", "2025-01-01", *cli)
    assert code == 2 and err.count("\n") == 1
    code, _, err = run(capsys, "stats", "show", "--from", "nope", "--to", "2025-01-01", *cli)
    assert code == 2 and "--from" in err
    code, _, _ = run(capsys, "stats", "export", "--from", "2025-01-01", "--to", "2025-02-01", *cli)
    assert code == 2  # --out is required
