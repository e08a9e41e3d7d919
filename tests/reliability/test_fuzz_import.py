"""Hostile case-import files (``utvag case import``): success or a typed error, never another
exception, a hang or unbounded memory; a refused import stores nothing (all or nothing).

Inputs: structural mutations of a valid import file (every field of a case may be replaced,
dropped, duplicated or retyped), byte-level mutations of its JSON text, and bombs (deep
nesting, huge numbers, huge strings, many cases, an oversized base64 document).
"""

from __future__ import annotations

import base64
import json
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, seed
from hypothesis import strategies as st

from storage.case_import import reader as case_import
from storage.vault.store import Store
from tests.case_fixtures import PASS, new_store, snapshot
from tests.reliability import support

VALID: dict[str, Any] = {
    "format": "utvag-case-import",
    "version": 1,
    "groups": [{"name": "Fuzzgruppen", "environment": "criminal_network"}],
    "providers": [{"name": "Fuzz Boende", "kind": "private"}],
    "cases": [
        {
            "case_type": "defector",
            "home_municipality": "Linköping",
            "status": "referred",
            "opened_on": "2024-01-01",
            "person": {
                "name": "Fuzz Fuzzsson",
                "birth_year": 1990,
                "gender": "male",
                "fictitious_identity": {"name": "Ny Person"},
            },
            "relatives": [{"name": "Mor Fuzzsson", "relation": "mor"}],
            "consents": [
                {"agencies": ["police"], "municipalities": ["Lund"], "signed_on": "2024-01-02"}
            ],
            "threat_assessments": [
                {
                    "source_unit": "Polisen",
                    "assessed_on": "2024-01-03",
                    "level": "high",
                    "summary": "Hot",
                }
            ],
            "network_links": [{"environment": "criminal_network", "group": "Fuzzgruppen"}],
            "interventions": [
                {
                    "type": "protected_housing",
                    "provider": "Fuzz Boende",
                    "started_on": "2024-01-04",
                    "controls": [{"planned_on": "2024-02-01"}],
                }
            ],
            "placements": [
                {
                    "municipality": "Lund",
                    "moved_in_on": "2024-01-05",
                    "address": {"street": "Gatan 1", "city": "Lund"},
                }
            ],
            "journal": [
                {"author": "Import", "written_at": "2024-01-06T10:00:00Z", "text": "Anteckning"}
            ],
            "documents": [
                {
                    "title": "PM",
                    "filename": "pm.txt",
                    "content_base64": base64.b64encode(b"PM text\n").decode(),
                }
            ],
            "follow_ups": [{"kind": "six_months", "done_on": "2024-02-01", "summary": "Ok"}],
        }
    ],
}


@pytest.fixture(scope="module")
def fuzz_store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    store = new_store(tmp_path_factory.mktemp("fuzz-import") / "store")
    yield store
    store.close()


def _import(store: Store, raw: bytes) -> Any:
    """As ``utvag case import`` does: load, then import, all or nothing."""
    before = snapshot(store)
    try:
        return case_import.import_cases(store, case_import.load(raw))
    except Exception:
        if snapshot(store) != before:
            raise AssertionError("a refused import changed the store") from None
        raise


def test_the_valid_file_imports(fuzz_store: Store) -> None:
    """The seed of the mutations is itself valid, so mutations start from a real case."""
    ids = case_import.import_cases(fuzz_store, VALID)
    assert len(ids) == 1


def test_structural_mutations(fuzz_store: Store) -> None:
    outcome = support.Outcome()

    @support.fuzz_settings(250, 3000)
    @seed(support.SEED)
    @given(data=st.data())
    def inner(data: st.DataObject) -> None:
        doc = support.mutate_json(data, VALID, rounds=4)
        raw = json.dumps(doc, ensure_ascii=data.draw(st.booleans())).encode()
        support.attempt(
            outcome,
            lambda: _import(fuzz_store, raw),
            label=raw[:300].decode(errors="replace"),
            seconds=10,
        )
        assert not outcome.bad, outcome.bad[-1]

    start = time.perf_counter()
    inner()
    _record("fuzz-import-structure", outcome, start)
    assert outcome.refused > 0


def test_mutated_bytes(fuzz_store: Store) -> None:
    text = json.dumps(VALID, indent=1).encode()
    outcome = support.Outcome()

    @support.fuzz_settings(150, 3000)
    @seed(support.SEED)
    @given(data=st.data())
    def inner(data: st.DataObject) -> None:
        raw = support.mutate_bytes(data, text)
        support.attempt(
            outcome, lambda: _import(fuzz_store, raw), label=repr(raw[:120]), seconds=10
        )
        assert not outcome.bad, outcome.bad[-1]

    start = time.perf_counter()
    inner()
    _record("fuzz-import-bytes", outcome, start)


def _big_case(**fields: Any) -> bytes:
    doc = json.loads(json.dumps(VALID))
    doc["cases"][0].update(fields)
    return json.dumps(doc).encode()


NAME_MIB = support.budget(2, 10)
ENTRIES = support.budget(3000, 100000)
BOMBS: dict[str, Any] = {
    f"{NAME_MIB} MiB name": lambda: _big_case(person={"name": "A" * (NAME_MIB << 20)}),
    "20 000 invalid cases": lambda: json.dumps(
        {"format": "utvag-case-import", "version": 1, "cases": [{"case_type": "x"}] * 20000}
    ).encode(),
    "40 MiB base64 document (30 MiB > the 25 MiB limit)": lambda: _big_case(
        documents=[
            {
                "title": "x",
                "filename": "x.txt",
                "content_base64": base64.b64encode(b"a" * (30 << 20)).decode(),
            }
        ]
    ),
    "float overflow": lambda: _big_case(opened_on=1e999999),
    f"{ENTRIES} journal entries with a bad one last": lambda: _big_case(
        journal=[{"author": "a", "written_at": "2024-01-06T10:00:00Z", "text": "t"}] * ENTRIES
        + [{"text": 1}]
    ),
}
#: Python allocations allowed (tracemalloc peak): a few times the input, never unbounded.
BOMB_MEMORY = {
    "40 MiB base64 document (30 MiB > the 25 MiB limit)": 400 << 20,
    f"{NAME_MIB} MiB name": 40 * (NAME_MIB << 20),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(BOMBS))
def test_bombs(fuzz_store: Store, name: str) -> None:
    raw = BOMBS[name]()
    outcome = support.Outcome()
    support.attempt(
        outcome,
        lambda: _import(fuzz_store, raw),
        label=name,
        seconds=300,
        max_bytes=BOMB_MEMORY.get(name, 100 << 20),
    )
    support.record(
        f"import-bomb {name}",
        inputs=1,
        refused=outcome.refused,
        bad=len(outcome.bad),
        peak_bytes=outcome.peak,
        seconds=round(outcome.slowest, 2),
    )
    assert not outcome.bad, outcome.bad


@pytest.mark.parametrize("name", ["deep list", "deep object", "5000-digit integer"])
def test_parser_bombs_are_typed(fuzz_store: Store, name: str) -> None:
    raw = {
        "deep list": support.deep_json(100000),
        "deep object": support.deep_json(50000, "dict"),
        "5000-digit integer": b'{"format": "utvag-case-import", "version": ' + b"1" * 5000 + b"}",
    }[name]
    outcome = support.Outcome()
    support.attempt(outcome, lambda: _import(fuzz_store, raw), label=name)
    assert not outcome.bad, outcome.bad


def test_the_cli_reports_a_deep_file_in_one_line(tmp_path: Path) -> None:
    store = new_store(tmp_path / "store")
    store.close()
    bomb = tmp_path / "deep.json"
    bomb.write_bytes(support.deep_json(100000))
    pass_file = tmp_path / "pass"
    pass_file.write_text(PASS + "\n")
    proc = support.run_cli(
        "case",
        "import",
        str(bomb),
        "--store",
        str(tmp_path / "store"),
        "--passphrase-file",
        str(pass_file),
    )
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr[-500:]
    assert len(proc.stderr.strip().splitlines()) == 1


def _record(name: str, outcome: support.Outcome, start: float) -> None:
    support.record(
        name,
        inputs=outcome.inputs,
        accepted=outcome.accepted,
        refused=outcome.refused,
        errors=dict(sorted(outcome.errors.items(), key=lambda kv: -kv[1])[:8]),
        bad=len(outcome.bad),
        slowest_s=round(outcome.slowest, 3),
        peak_bytes=outcome.peak,
        seconds=round(time.perf_counter() - start, 1),
    )
