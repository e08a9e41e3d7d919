"""The access log: case opens in the audit log, filtered by case and by user, exported."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from storage.casefile import (
    access_log,
    cases,
)
from storage.casefile.protection import reveal
from storage.casework import gallring
from storage.vault.opening import unlock_store
from storage.vault.store import Store
from tests.case_fixtures import (
    PASS,
    days,
    new_case,
    store,
    store_template,
)

__all__ = ["store", "store_template"]


def test_opens_are_logged_without_content_and_filtered(store: Store, tmp_path: Path) -> None:
    first = new_case(store, name="Anna Andersson")
    second = new_case(store, name="Bertil Berg")
    access_log.log_case_open(store, first)
    reveal(store, first, "name", "Samordning")
    path, me = store.path, store.actor
    store.close()
    with unlock_store(path, PASS, actor="Vikarie Vikariesson") as other:
        access_log.log_case_open(other, first, via="cli")
        access_log.log_case_open(other, second)
        number = cases.get_case(other, first).case_number
        about_first = access_log.access_log(other, case=number)
        assert [(e.actor, e.action) for e in about_first] == [
            (me, "case.open"),
            (me, "reveal"),
            ("Vikarie Vikariesson", "case.open"),
        ]
        assert about_first[2].details == {"case_id": first, "via": "cli"}
        assert access_log.access_log(other, case=first) == about_first  # by id too
        by_user = access_log.access_log(other, user="Vikarie Vikariesson")
        assert [e.case_number for e in by_user] == [
            number,
            cases.get_case(other, second).case_number,
        ]
        everything = access_log.access_log(other, case=number, reads_only=False)
        assert "case.create" in [e.action for e in everything]
        assert set(access_log.users(other)) >= {me, "Vikarie Vikariesson"}
        for e in access_log.access_log(other):
            assert "Anna" not in json.dumps(e.details) and "Bertil" not in json.dumps(e.details)
        out = tmp_path / "logg.csv"
        assert access_log.export_access_log(other, out, about_first, case=number) == 3
        rows = list(csv.reader(out.read_text(encoding="utf-8").splitlines()))
        assert rows[0] == list(access_log.CSV_COLUMNS) and len(rows) == 4
        assert out.stat().st_mode & 0o777 == 0o600
        [export] = other.audit.entries(action="access_log.export")
        assert export.subject == number and export.details["count"] == 3


def test_the_log_outlives_the_case(store: Store) -> None:
    case_id = new_case(store, opened_on=days(-7 * 366))
    number = cases.get_case(store, case_id).case_number
    access_log.log_case_open(store, case_id)
    cases.set_status(store, case_id, "closed", outcome="completed", on=days(-6 * 366))
    assert gallring.run_gallring(store).deleted == 1
    [entry] = access_log.access_log(store, case=number)
    assert entry.action == "case.open" and entry.actor == store.actor


def test_spreadsheet_formulas_are_defused() -> None:
    entry = access_log.AccessEntry(1, "t", "=HYPERLINK(1)", "case.open", "UV-2026-0001", {})
    text = access_log.to_csv([entry])
    assert "'=HYPERLINK(1)" in text and text.endswith("\r\n")
