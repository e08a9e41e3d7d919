"""Schema step 2 on an existing store: the saved schema-1 fixture opens and is upgraded."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from storage.casefile import (
    cases,
    journal,
    persons,
    search,
)
from storage.casefile.case_list import list_case_ids
from storage.schema import (
    LATEST,
    current_version,
    migrate,
    v002_cases,
)
from storage.vault.opening import unlock_store

ROOT = Path(__file__).resolve().parent.parent
V001 = ROOT / "tests" / "fixtures" / "store-v001"
V001_INFO = ROOT / "tests" / "fixtures" / "store-v001.json"


def _copy(tmp_path: Path) -> tuple[Path, str]:
    info = json.loads(V001_INFO.read_text())
    path = tmp_path / "store"
    shutil.copytree(V001, path)
    return path, str(info["passphrase"])


def test_schema_one_store_is_upgraded_and_usable(tmp_path: Path) -> None:
    path, passphrase = _copy(tmp_path)
    with unlock_store(path, passphrase, actor="upgrader") as store:
        assert LATEST >= v002_cases.VERSION == 2 and store.schema_version == LATEST
        names = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
        assert {"cases", "journal_entries", "search_index", "journal_no_update"} <= names
        secure = store.conn.execute(
            "SELECT v FROM search_index_config WHERE k = 'secure-delete'"
        ).fetchone()
        assert secure == (1,)
        case_id = cases.create_case(store, case_type="defector", home_municipality="Umeå")
        persons.add_person(store, case_id, name="Efter Uppgradering")
        journal.add_journal_entry(store, case_id, "Första anteckningen efter uppgraderingen.")
        assert search.search_case_ids(store, "uppgrad") == [case_id]
        assert store.check().ok
    with unlock_store(path, passphrase, actor="again") as store:  # opens again, no re-run
        assert list_case_ids(store) == [case_id]


def test_a_failing_step_two_leaves_schema_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, passphrase = _copy(tmp_path)
    monkeypatch.setattr(v002_cases, "TRIGGERS", v002_cases.TRIGGERS + "\nNOT SQL;\n")
    with pytest.raises(Exception):
        unlock_store(path, passphrase, actor="upgrader")
    monkeypatch.undo()
    from tests.test_store_support import keys, open_raw

    conn = open_raw(path, keys(path, passphrase)[1])
    try:
        assert current_version(conn) == 1
        assert (
            conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'cases'").fetchone()[0]
            == 0
        )
        assert migrate(conn)[0] == 2
    finally:
        conn.close()
