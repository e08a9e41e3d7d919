"""Statistics from a real store: the tables, the period grid, no personal data, CSV/PDF
export with its audit and its record in the ledger, refusals, `utvag stats`. The rule itself:
tests/test_stats_disclosure.py; the attack on sequences of exports: tests/test_stats_attack.py."""

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
from storage.casework.gallring import delete_case_for_good
from storage.records.errors import (
    DateOrderError,
    InvalidDateError,
)
from storage.registers import groups
from storage.statistics import tables as stats
from storage.statistics.errors import NothingToPublishError, StatsChangedError
from storage.statistics.export import (
    report_csv,
    save_export,
)
from storage.statistics.periods import snap
from storage.vault.store import Store
from tests.case_fixtures import PASS, audit_actions, store, store_template

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
    assert active.cells[-1][-1] == 15  # the demo case is not counted
    assert active.cells[0][-1] == 12 and active.cells[1] == (None, None, None)  # 3 relatives
    assert (1, 1) in active.primary
    assert report.table("interventions.type").cells[4][-1] == 6
    assert report.table("grant_money.type").cells[4] == (6000, 0, 6000)
    assert report.table("new.gender").cells[0][-1] is None  # 4 women
    for table in report.tables:
        assert all(table.cells[i][j] is None for i, j in table.suppressed)
        if table.unit == "cases":  # no published count of 1–4, anywhere
            assert not [v for row in table.cells for v in row if v is not None and 0 < v < 5]


def test_tables_of_one_population_share_their_totals(filled: Store) -> None:
    """new.case_type, new.gender, … count the same cases: their totals rows are the same
    cells, published or hidden alike."""
    report = stats.compute_stats(filled, "2025-01-01", "2025-06-30")
    for measure in ("new", "active", "closed"):
        keys = [f"{measure}.{d}" for d in stats.DIMENSIONS]
        keys += ["closed.outcome"] if measure == "closed" else []
        assert len({report.table(k).cells[-1] for k in keys}) == 1, measure


def test_periods_snap_to_the_grid(filled: Store) -> None:
    requests = {
        ("2025-01-01", "2025-03-31"): ("2025-01-01", "2025-03-31", "quarter"),
        ("2025-01-15", "2025-02-10"): ("2025-01-01", "2025-03-31", "quarter"),
        ("2025-02-01", "2025-02-28"): ("2025-02-01", "2025-02-28", "month"),
        ("2025-03-01", "2025-04-30"): ("2025-01-01", "2025-06-30", "half"),
        ("2025-01-01", "2025-11-30"): ("2025-01-01", "2025-12-31", "year"),
        ("2024-06-01", "2025-02-01"): ("2024-01-01", "2025-12-31", "years"),
    }
    for (first, last), (start, end, kind) in requests.items():
        period = snap(first, last).period
        assert (period.start.isoformat(), period.end.isoformat(), period.kind) == (start, end, kind)
    report = stats.compute_stats(filled, "2025-01-01", "2025-11-30")  # "the year without December"
    assert (report.start, report.end, report.snapped) == (D(2025, 1, 1), D(2025, 12, 31), True)
    assert report.to_json()["requested"] == {"from": "2025-01-01", "to": "2025-11-30"}


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
    table = report.table("new.case_type")
    assert table.columns == ("Linköping", "Summa") and table.cells[-1] == (12, 12)


def _releases(s: Store) -> int:
    return int(s.conn.execute("SELECT count(*) FROM stats_releases").fetchone()[0])


def test_export_is_recorded_audited_and_private(filled: Store, tmp_path: Path) -> None:
    report = stats.compute_stats(filled, "2025-01-01", "2025-06-30")
    data = report_csv(report).encode()
    result = save_export(filled, report, tmp_path / "s.csv", data, "csv")
    assert (tmp_path / "s.csv").read_bytes() == data
    assert (tmp_path / "s.csv").stat().st_mode & 0o777 == 0o600
    entry = filled.audit.entries(action="stats.export")[-1]
    assert entry.details["sha256"] == result.sha256 and entry.details["format"] == "csv"
    assert entry.details["release"] == result.release == 1 and _releases(filled) == 1
    published = filled.conn.execute(
        "SELECT count(*) FROM stats_release_cells WHERE published = 1"
    ).fetchone()[0]
    assert published == len(report.draft.published)
    head = filled.audit.head()
    again = stats.compute_stats(filled, "2025-01-01", "2025-06-30")
    assert again.draft.published == report.draft.published  # the same period, the same numbers
    with pytest.raises(Exception):
        save_export(filled, again, tmp_path / "missing" / "s.csv", data, "csv")
    assert filled.audit.head() == head and _releases(filled) == 1  # nothing recorded


def test_export_refused_when_the_numbers_changed(filled: Store, tmp_path: Path) -> None:
    report = stats.compute_stats(filled, "2025-01-01", "2025-06-30")
    _case(filled, "Linköping", "defector", D(2025, 3, 3), "male", 1990)
    head = filled.audit.head()
    with pytest.raises(StatsChangedError):
        save_export(filled, report, tmp_path / "s.csv", report_csv(report).encode(), "csv")
    assert not (tmp_path / "s.csv").exists() and filled.audit.head() == head
    assert _releases(filled) == 0


def test_export_refused_when_nothing_can_be_published(store: Store, tmp_path: Path) -> None:
    for _ in range(3):
        _case(store, "Motala", "relative", D(2025, 2, 1), "female", 1985)
    report = stats.compute_stats(store, "2025-01-01", "2025-06-30")
    assert all(v is None or v == 0 for t in report.tables for row in t.cells for v in row)
    head = store.audit.head()
    with pytest.raises(NothingToPublishError) as refused:
        save_export(store, report, tmp_path / "s.csv", report_csv(report).encode(), "csv")
    assert "fewer than 5" in str(refused.value)
    assert not (tmp_path / "s.csv").exists() and store.audit.head() == head
    assert _releases(store) == 0


def test_ledger_is_append_only_and_outlives_gallring(filled: Store, tmp_path: Path) -> None:
    report = stats.compute_stats(filled, "2025-01-01", "2025-06-30")
    save_export(filled, report, tmp_path / "s.csv", report_csv(report).encode(), "csv")
    for sql in (
        "UPDATE stats_release_cells SET published = 0",
        "DELETE FROM stats_release_units",
        "DELETE FROM stats_releases",
        "UPDATE stats_units SET case_id = case_id + 1000",
    ):
        with pytest.raises(Exception, match="append-only"):
            filled.conn.execute(sql)
    case_id = int(filled.conn.execute("SELECT min(case_id) FROM stats_units").fetchone()[0])
    count = "SELECT count(*), count(case_id) FROM stats_units WHERE kind = 'case'"
    units = filled.conn.execute(count).fetchone()[0]
    with filled.transaction():
        delete_case_for_good(filled, case_id)
    rows = filled.conn.execute(count).fetchone()
    assert rows == (units, units - 1)  # the unit stays, without its case
    later = stats.compute_stats(filled, "2025-01-01", "2025-06-30")
    assert later.earlier == 1


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


def test_cli_snaps_an_off_grid_period(capsys: pytest.CaptureFixture[str], cli: list[str]) -> None:
    args = ["--from", "2025-01-01", "--to", "2025-11-30", "--json", *cli]
    code, out, err = run(capsys, "stats", "show", *args)
    assert code == 0, err
    data = json.loads(out)
    assert (data["from"], data["to"], data["snapped"]) == ("2025-01-01", "2025-12-31", True)
    assert data["requested"]["to"] == "2025-11-30" and data["period_kind"] == "year"
    assert err.count("\n") == 1 and "2025-01-01 – 2025-12-31" in err  # the reason, one line


def test_cli_refuses_an_export_of_nothing(
    capsys: pytest.CaptureFixture[str], store: Store, tmp_path: Path
) -> None:
    for _ in range(3):
        _case(store, "Motala", "relative", D(2025, 2, 1), "female", 1985)
    path = store.path
    store.close()
    secret = tmp_path / "pass.txt"
    secret.write_text(PASS + "\n")
    opens = ["--store", str(path), "--passphrase-file", str(secret)]
    out_file = tmp_path / "r.csv"
    period = ["--from", "2025-01-01", "--to", "2025-06-30"]
    code, _, err = run(capsys, "stats", "export", *period, "--out", str(out_file), *opens)
    assert code == 1 and err.count("\n") == 1 and not out_file.exists()


def test_a_late_registration_does_not_show(filled: Store, tmp_path: Path) -> None:
    """Exported, then a case of that period registered late: numbers that changed by
    fewer than 5 are not published again (the difference would be that case)."""
    first = stats.compute_stats(filled, "2025-01-01", "2025-06-30")
    save_export(filled, first, tmp_path / "1.csv", report_csv(first).encode(), "csv")
    _case(filled, "Linköping", "defector", D(2025, 3, 3), "male", 1990)
    second = stats.compute_stats(filled, "2025-01-01", "2025-06-30")
    before, now = first.draft, second.draft
    changed = {k for k in before.published if before.counts[k] != now.counts[k]}
    assert changed and not changed & now.published  # e.g. the 12 new cases, now 13
    kept = {k for k in before.published if before.counts[k] == now.counts[k]}
    assert kept & now.published  # unchanged numbers are shown again
    save_export(filled, second, tmp_path / "2.csv", report_csv(second).encode(), "csv")
    assert _releases(filled) == 2


def test_a_demo_store_shows_its_statistics_as_fictional(store: Store, tmp_path: Path) -> None:
    """A store of demo cases only (make demo) counts them, and says so everywhere."""
    from storage.demo.build import build_demo
    from storage.statistics.notices import DEMO, notices

    build_demo(store, cases=40, seed=3)
    year = dt.date.today().year
    report = stats.compute_stats(store, f"{year}-01-01", f"{year}-12-31")
    assert report.demo and report.table("active.case_type").cells[-1][-1]
    assert DEMO in [n.text for n in notices(report)]
    assert "(fiktiva demodata)" in report_csv(report).splitlines()[1]
    _case(store, "Linköping", "defector", D(year, 1, 2), "male", 1990)  # one real case
    assert not stats.compute_stats(store, f"{year}-01-01", f"{year}-12-31").demo


def test_deciding_again_takes_the_rules_order_not_the_callers(filled: Store) -> None:
    """Re-checking an export decides the cells it showed again; whatever order they are
    handed in (a dict built from a set differs between processes), the same cells come out
    — else an export fails with "the numbers changed" at random."""
    report = stats.compute_stats(filled, "2025-01-01", "2025-06-30")
    shown = [k for k in report.draft.counts if k in report.draft.published]
    assert shown
    for order in (shown, shown[::-1], sorted(shown, key=repr)):
        again = stats.compute_stats(filled, "2025-01-01", "2025-06-30", only=order)
        assert again.draft.published == report.draft.published
