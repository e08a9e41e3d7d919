"""The national report's merge (storage/statistics/combine.py): the exports of two
fictional units, read back from their CSV and combined, publish only sums of published
numbers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from storage.casefile import cases, persons
from storage.statistics.combine import combine, read_csv
from storage.statistics.export import report_csv, save_export
from storage.statistics.tables import compute_stats
from storage.vault.store import Store
from tests.case_fixtures import copy_store, store_template

__all__ = ["store_template"]
D = dt.date


def _unit(template: Path, folder: Path, muni: str, men: int, women: int) -> Store:
    store = copy_store(template, folder)
    for i in range(men + women):
        case_id = cases.create_case(
            store, case_type="defector", home_municipality=muni, opened_on=D(2025, 2, 1 + i)
        )
        persons.add_person(
            store,
            case_id,
            name=f"Fiktiv {i}",
            birth_year=1990,
            gender="male" if i < men else "female",
        )
    return store


def test_combined_tables_show_only_sums_of_what_each_source_published(
    store_template: Path, tmp_path: Path
) -> None:
    exported = []
    for muni, men, women in (("Alby", 9, 6), ("Bestad", 7, 2)):
        store = _unit(store_template, tmp_path / muni, muni, men, women)
        try:
            report = compute_stats(store, "2025-01-01", "2025-06-30")
            data = report_csv(report).encode()
            save_export(store, report, tmp_path / f"{muni}.csv", data, "csv")
        finally:
            store.close()
        exported.append({t.key: t for t in read_csv((tmp_path / f"{muni}.csv").read_text())})
    both = combine([exported[0]["new.gender"], exported[1]["new.gender"]])
    assert both.columns == ("Alby", "Bestad", "Summa")
    rows = {code: row for (code, _), row in zip(both.rows, both.cells, strict=True)}
    assert rows["male"] == (9, 7, 16)  # published by both: summed
    assert rows["female"] == (6, None, None)  # Bestad's 2 women hidden there: hidden here
    assert rows["total"] == (15, 9, 24)
    for i, row in enumerate(both.cells):
        for j, value in enumerate(row):
            parts = [
                t.cells[i][t.columns.index(both.columns[j])]
                for t in (exported[0]["new.gender"], exported[1]["new.gender"])
                if both.columns[j] in t.columns
            ]
            assert (value is None) == (None in parts)


def test_only_the_same_table_combines() -> None:
    text = "from,to,table,title,unit,row,row_label,column,value,suppressed\r\n"
    a = read_csv(text + "2025-01-01,2025-06-30,new.gender,T,cases,male,man,Summa,5,0\r\n")
    b = read_csv(text + "2025-01-01,2025-06-30,new.age_band,T,cases,18_29,x,Summa,5,0\r\n")
    with pytest.raises(ValueError):
        combine([a[0], b[0]])
