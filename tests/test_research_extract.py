"""The pseudonymised research extract in a real store: per-project keyed pseudonyms, months
(or coarser), counties where a group would be small, k >= 5 checked before anything is
written and stated in the file, refused with its reason when it cannot be reached, audited
with its purpose and ethics approval — and, with Hypothesis over generated case sets, no
written file ever holds a group of quasi-identifiers smaller than k."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storage.casefile import cases, persons
from storage.learning import research
from storage.learning.regions import COUNTIES, UNKNOWN, region_of
from storage.records.errors import DuplicateNameError
from storage.vault.store import Store
from tests.case_fixtures import copy_store, snapshot, store, store_template

__all__ = ["store", "store_template"]

D = dt.date


def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    text = path.read_text(encoding="utf-8")
    comments = [line[2:] for line in text.splitlines() if line.startswith("# ")]
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    return comments, list(csv.DictReader(io.StringIO(body)))


def _cases(store: Store, n: int, **kw: Any) -> list[int]:
    out = []
    for i in range(n):
        fields = {
            "case_type": "defector",
            "home_municipality": "Motala",
            "opened_on": D(2025, 2, 3),
        }
        case_id = cases.create_case(store, **(fields | kw))
        persons.add_person(
            store, case_id, name=f"Hemlig Forskningsperson {i}", birth_year=1990, gender="male"
        )
        out.append(case_id)
    return out


def test_regions_are_sweden_s_counties() -> None:
    assert sum(len(m) for m in COUNTIES.values()) == 290 and len(COUNTIES) == 21
    assert region_of(" motala ") == "Östergötlands län" and region_of("Demostad") == UNKNOWN


def test_an_extract_of_a_project(store: Store, tmp_path: Path) -> None:
    _cases(store, 6)
    _cases(store, 5, home_municipality="Norrköping", opened_on=D(2025, 2, 20))
    project = research.add_project(
        store,
        name="Vägar ut (fiktivt projekt)",
        purpose="Att följa hur det går efter avhopp.",
        ethics_ref="Dnr 2025-00000-01 (fiktivt)",
    )
    with pytest.raises(DuplicateNameError):
        research.add_project(store, name="Vägar ut (fiktivt projekt)", purpose="x", ethics_ref="y")
    result = research.research_extract(
        store, project, "2025-01-01", "2025-12-31", tmp_path / "a.csv"
    )
    assert (result.rows, result.k, result.grain, result.smallest) == (11, 5, "month", 5)
    comments, rows = _read(tmp_path / "a.csv")
    assert "ethics approval: Dnr 2025-00000-01 (fiktivt)" in comments
    assert any("k-anonymity" in c and "at least 5 rows" in c for c in comments)
    assert {r["place"] for r in rows} == {"Motala", "Norrköping"}
    assert {r["opened"] for r in rows} == {"2025-02"}
    text = (tmp_path / "a.csv").read_text(encoding="utf-8")
    assert "Hemlig" not in text and "UV-" not in text and "2025-02-03" not in text
    assert oct((tmp_path / "a.csv").stat().st_mode & 0o777) == "0o600"
    again = research.research_extract(
        store, project, "2025-01-01", "2025-12-31", tmp_path / "b.csv"
    )
    assert again.sha256 != "" and {r["pseudonym"] for r in _read(tmp_path / "b.csv")[1]} == {
        r["pseudonym"] for r in rows
    }  # stable within a project
    other = research.add_project(store, name="Annat projekt", purpose="p", ethics_ref="Dnr x")
    research.research_extract(store, other, "2025-01-01", "2025-12-31", tmp_path / "c.csv")
    assert not {r["pseudonym"] for r in _read(tmp_path / "c.csv")[1]} & {
        r["pseudonym"] for r in rows
    }  # unlinkable across projects
    entry = next(e for e in store.audit.entries() if e.action == "research.extract")
    assert entry.details["ethics_ref"] == "Dnr 2025-00000-01 (fiktivt)"
    assert entry.details["purpose"] == "Att följa hur det går efter avhopp."
    key = store.conn.execute("SELECT pseudonym_key FROM research_projects").fetchone()[0]
    assert bytes(key).hex() not in text and len(bytes(key)) == 32


def test_small_places_become_counties_and_dates_coarser(store: Store, tmp_path: Path) -> None:
    _cases(store, 3, home_municipality="Motala", opened_on=D(2025, 2, 3))
    _cases(store, 2, home_municipality="Vadstena", opened_on=D(2025, 3, 3))
    project = research.add_project(store, name="P", purpose="p", ethics_ref="e")
    result = research.research_extract(
        store, project, "2025-01-01", "2025-12-31", tmp_path / "x.csv"
    )
    assert (result.grain, result.counties) == ("quarter", 5)
    _, rows = _read(tmp_path / "x.csv")
    assert {(r["place"], r["place_level"], r["opened"]) for r in rows} == {
        ("Östergötlands län", "county", "2025-K1")
    }


def test_refused_when_k_cannot_be_reached(store: Store, tmp_path: Path) -> None:
    _cases(store, 4)
    project = research.add_project(store, name="P", purpose="p", ethics_ref="e")
    before = snapshot(store)
    extracts = store.conn.execute("SELECT count(*) FROM research_extracts").fetchone()
    with pytest.raises(research.KAnonymityError) as caught:
        research.research_extract(store, project, "2025-01-01", "2025-12-31", tmp_path / "x.csv")
    assert caught.value.params == {"groups": 1, "k": 5}
    assert not (tmp_path / "x.csv").exists() and snapshot(store) == before
    assert store.conn.execute("SELECT count(*) FROM research_extracts").fetchone() == extracts


DAYS = (D(2025, 2, 3), D(2025, 2, 20), D(2025, 3, 10), D(2025, 8, 5))


@st.composite
def a_case(draw: st.DrawFn) -> dict[str, Any]:
    """Few values, so that groups form and coarsening has something to join."""
    return {
        "kind": draw(st.sampled_from(("defector", "defector", "relative"))),
        "muni": draw(st.sampled_from(("Motala", "Vadstena", "Linköping", "Umeå"))),
        "gender": draw(st.sampled_from(("male", "male", "female"))),
        "born": draw(st.sampled_from((1980, 1980, 2009))),
        "opened": draw(st.sampled_from(DAYS)),
        "closed": draw(st.one_of(st.none(), st.none(), st.sampled_from((30, 200)))),
    }


@pytest.mark.slow
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    world=st.lists(st.tuples(a_case(), st.integers(1, 7)), min_size=1, max_size=7).map(
        lambda groups: [c for c, n in groups for _ in range(n)]  # alike cases, and strays
    )
)
def test_no_written_extract_has_a_group_under_k(
    store_template: Path, tmp_path_factory: pytest.TempPathFactory, world: list[dict[str, Any]]
) -> None:
    folder = tmp_path_factory.mktemp("extract")
    store = copy_store(store_template, folder / "store")
    out = folder / "extract.csv"
    try:
        for i, c in enumerate(world):
            case_id = cases.create_case(
                store, case_type=c["kind"], home_municipality=c["muni"], opened_on=c["opened"]
            )
            persons.add_person(
                store, case_id, name=f"Person {i}", birth_year=c["born"], gender=c["gender"]
            )
            if c["closed"] is not None:
                on = min(c["opened"] + dt.timedelta(days=c["closed"]), D(2025, 12, 31))
                cases.set_status(store, case_id, "closed", outcome="completed", on=on)
        project = research.add_project(store, name="P", purpose="p", ethics_ref="e")
        try:
            result = research.research_extract(store, project, "2025-01-01", "2025-12-31", out)
        except research.KAnonymityError:
            assert not out.exists()
            return
        comments, rows = _read(out)
        groups = Counter(tuple(r[q] for q in research.QUASI) for r in rows)
        assert min(groups.values()) >= 5 and result.smallest == min(groups.values())
        assert len(rows) == len(world) and len({r["pseudonym"] for r in rows}) == len(rows)
        assert any(f"dates by {result.grain}" in c for c in comments)
    finally:
        store.close()
        shutil.rmtree(folder)
