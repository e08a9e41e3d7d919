"""The JSON import: the documented example imports; any invalid field names its path and
nothing at all is stored."""

from __future__ import annotations

import copy
import io
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop.commands import cases as cases_cli
from storage.case_import import reader as case_import
from storage.casefile import (
    assessments,
    cases,
    consents,
    documents,
    followups,
    interventions,
    journal,
    persons,
    placements,
)
from storage.casefile.case_list import list_case_ids
from storage.casefile.protection import reveal
from storage.errors import ValidationError
from storage.records import (
    CaseStatus,
    ProtectionLevel,
)
from storage.records.errors import ImportCancelledError
from storage.vault.store import Store
from tests.case_fixtures import shared_store, snapshot, store, store_template

__all__ = ["shared_store", "store", "store_template"]
ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "tests" / "fixtures" / "case-import-v1.json"


def example() -> dict[str, Any]:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def test_docs_show_the_tested_example() -> None:
    doc = (ROOT / "docs" / "case-import.md").read_text(encoding="utf-8")
    block = re.search(r"```json\n(.*?)\n```", doc, re.S)
    assert block and json.loads(block.group(1)) == example()


def test_example_imports(store: Store) -> None:
    first, second = case_import.import_file(store, EXAMPLE)
    c = cases.get_case(store, first)
    assert (c.case_number, c.status, c.stay_municipality) == (
        "UV-2024-0042",
        CaseStatus.IMPLEMENTATION,
        "Linköping",
    )
    principal, mother, child = persons.persons(store, first)
    assert principal.protection_level is ProtectionLevel.PROTECTED_REGISTRATION
    assert principal.birth_year == 1994 and mother.relation == "mor" and child.accompanying_child
    assert reveal(store, first, "personnummer", "test") == "19940315-9818"
    assert reveal(store, first, "address", "test") == "Lönnvägen 4, 999 12 Demostad"
    assert consents.consents(store, first)[0].municipalities == ("Norrköping", "Linköping")
    [agreement] = consents.agreements(store, first)
    assert agreement.conditions[1].breaches[0].description == "Positivt drogtest."
    assert assessments.network_links(store, first)[0].role == "medlem"
    housing, psychiatry = interventions.interventions(store, first)
    assert housing.controls[0].done_on is not None and psychiatry.ended_on is not None
    assert len(placements.placements(store, first)) == 1
    entries = journal.journal(store, first)
    assert entries[0].current.author == "Karin Lind" and entries[0].current.imported
    assert entries[0].current.written_at == "2024-03-04T09:15:00Z"
    doc = documents.documents(store, first)[0]
    assert documents.document_content(store, doc.id).decode() == "Genomförandeplan (fiktiv)\n"
    closed = cases.get_case(store, second)
    assert closed.status is CaseStatus.CLOSED and closed.gallring_exempt
    assert followups.follow_ups(store, second)[0].kind.value == "six_months"
    assert "case.import" in [e.action for e in store.audit.entries()]
    assert "Jönsson" not in json.dumps([e.details for e in store.audit.entries()])


def _set(data: dict[str, Any], path: str, value: Any) -> None:
    """Set ``cases.0.person.name``-style paths; ``value`` ... to delete."""
    keys = [int(k) if k.isdigit() else k for k in path.split(".")]
    target: Any = data
    for key in keys[:-1]:
        target = target[key]
    if value is ...:
        del target[keys[-1]]
    else:
        target[keys[-1]] = value


BROKEN: list[tuple[str, Any, str]] = [
    ("format", "something", "(file)"),
    ("version", 3, "(file)"),
    ("extra", 1, "(file).extra"),
    ("groups.0.environment", "sports", "groups[0].environment"),
    ("groups.1.name", "", "groups[1].name"),
    ("group_relations.0.relation", "cousins", "group_relations[0].relation"),
    ("group_relations.0.group_b", "Okänd grupp", "group_relations[0].group_b"),
    ("providers.0.kind", "state", "providers[0].kind"),
    ("cases.0.nickname", "x", "cases[0].nickname"),
    ("cases.0.case_number", "42", "cases[0].case_number"),
    ("cases.0.case_type", "gangster", "cases[0].case_type"),
    ("cases.0.status", "closed", "cases[0].outcome"),
    ("cases.0.home_municipality", ..., "cases[0].home_municipality"),
    ("cases.0.opened_on", "2024-02-30", "cases[0].opened_on"),
    ("cases.0.person", ..., "cases[0].person"),
    ("cases.0.person.name", "", "cases[0].person.name"),
    ("cases.0.person.personnummer", "19940315-9819", "cases[0].person.personnummer"),
    ("cases.0.person.shoe_size", 44, "cases[0].person.shoe_size"),
    ("cases.0.relatives.0.relation", ..., "cases[0].relatives[0].relation"),
    ("cases.0.relatives.1.accompanying_child", "ja", "cases[0].relatives[1].accompanying_child"),
    ("cases.0.relatives", {"a": 1}, "cases[0].relatives"),
    ("cases.0.consents.0.municipalities", "Umeå", "cases[0].consents[0].municipalities"),
    ("cases.0.consents.0.expires_on", "2020-01-01", "cases[0].consents[0].expires_on"),
    (
        "cases.0.agreements.0.conditions.1.breaches.0.occurred_on",
        "x",
        "cases[0].agreements[0].conditions[1].breaches[0].occurred_on",
    ),
    ("cases.0.agreements.0.conditions.0.text", "", "cases[0].agreements[0].conditions[0]"),
    ("cases.0.threat_assessments.0.level", "red", "cases[0].threat_assessments[0].level"),
    ("cases.0.network_links.0.group", "Okänd", "cases[0].network_links[0].group"),
    ("cases.0.interventions.0.provider", "Okänd AB", "cases[0].interventions[0].provider"),
    ("cases.0.interventions.0.cost_sek", "mycket", "cases[0].interventions[0].cost_sek"),
    (
        "cases.0.interventions.0.controls.0.planned_on",
        None,
        "cases[0].interventions[0].controls[0].planned_on",
    ),
    ("cases.0.placements.0.address.city", "", "cases[0].placements[0].address.city"),
    ("cases.0.placements.0.address.floor", 3, "cases[0].placements[0].address.floor"),
    ("cases.0.journal.0.written_at", "2024-03-04 09:15", "cases[0].journal[0].written_at"),
    ("cases.0.journal.1.text", "", "cases[0].journal[1].text"),
    ("cases.0.documents.0.content_base64", "not base64!", "cases[0].documents[0].content_base64"),
    ("cases.0.documents.0.content_base64", "TVqQAAMAAAAEAAAA", "cases[0].documents[0].content"),
    ("cases.1.follow_ups.0.kind", "yearly", "cases[1].follow_ups[0].kind"),
    ("cases.1.closed_on", ..., "cases[1].closed_on"),
    ("cases.1.gallring_exempt_reason", "  ", "cases[1].reason"),
]


@pytest.mark.parametrize(("path", "value", "field"), BROKEN)
def test_any_invalid_field_stores_nothing(
    shared_store: Store, path: str, value: Any, field: str
) -> None:
    data = copy.deepcopy(example())
    data["cases"][0].pop("case_number")  # the shared store imports the example repeatedly
    _set(data, path, value)
    before = snapshot(shared_store)
    with pytest.raises(ValidationError) as exc:
        case_import.import_cases(shared_store, data)
    assert exc.value.params.get("field", "(file)") == field
    assert snapshot(shared_store) == before


def test_the_last_case_failing_undoes_the_first(store: Store) -> None:
    data = example()
    data["cases"][1]["person"]["personnummer"] = "8112289875"
    before = snapshot(store)
    with pytest.raises(ValidationError) as exc:
        case_import.import_cases(store, data)
    assert "cases[1].person.personnummer" in str(exc.value) and "control digit" in str(exc.value)
    assert snapshot(store) == before


def test_progress_is_reported_case_by_case_and_the_audit_chain_holds(store: Store) -> None:
    data = example()
    data["cases"] += copy.deepcopy(data["cases"])
    for i, c in enumerate(data["cases"][2:]):
        c["case_number"] = f"UV-2024-{9000 + i}"
        c["person"].pop("personnummer", None)
    heard: list[tuple[int, int]] = []
    ids = case_import.import_cases(store, data, progress=lambda d, t: heard.append((d, t)))
    assert len(ids) == 4 and heard == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]
    checked = store.audit.verify()
    assert checked.ok and (checked.head_seq, checked.head_hash) == store.audit.head()
    assert store.audit.entries()[-1].action == "case.import"
    store.audit.append("test.after_import")  # the head in meta is where the chain ends
    assert store.audit.verify().ok


def test_cancel_leaves_nothing_half_imported(store: Store) -> None:
    data = example()
    before = snapshot(store)
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) == 2  # after the second (last) case: all work done, still undone

    with pytest.raises(ImportCancelledError):
        case_import.import_cases(store, data, cancelled=cancelled)
    assert snapshot(store) == before and store.audit.verify().ok
    nested = store.transaction()  # the store is usable again, savepoints and all
    with nested:
        store.audit.append("test.after_cancel")
    assert store.audit.verify().ok


def test_an_error_inside_all_or_nothing_undoes_every_nested_step(store: Store) -> None:
    before = snapshot(store)
    with pytest.raises(RuntimeError, match="marker-7f3c2a91e5d04b68"), store.all_or_nothing():
        case_import.import_cases(store, example())  # nested: takes no savepoints
        raise RuntimeError("marker-7f3c2a91e5d04b68")
    assert snapshot(store) == before and store.audit.verify().ok


def test_the_terminal_line_counts_cases(monkeypatch: pytest.MonkeyPatch) -> None:
    class TerminalDouble(io.StringIO):  # a test double: no terminal in the test run
        def isatty(self) -> bool:
            return True

    terminal = TerminalDouble()
    monkeypatch.setattr(sys, "stderr", terminal)
    line = cases_cli._ProgressLine()
    for done in range(0, 1201, 100):
        line(done, 1200)
    line.end()
    shown = terminal.getvalue()
    assert shown.startswith("\r") and shown.endswith("\n")
    assert "0" in shown.split("\r")[1]
    last = shown.rsplit("\r", 1)[-1]  # all read in: then the index and the commit
    assert last == "Inlästa ärenden: 1\u00a0200. Sparar…" + cases_cli.CLEAR_TO_END + "\n"


def test_not_json_and_not_an_object(store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "utvag-case-import",\n "version": 1,,}')
    with pytest.raises(ValidationError) as exc:
        case_import.import_file(store, bad)
    assert exc.value.code == "import_not_json" and exc.value.params["line"] == 2
    with pytest.raises(ValidationError):
        case_import.import_cases(store, [1, 2])
    assert list_case_ids(store) == []


def test_registers_are_reused_when_they_agree(store: Store) -> None:
    data = example()
    case_import.import_cases(store, data)
    data["cases"][0]["case_number"] = "UV-2024-0043"
    assert len(case_import.import_cases(store, data)) == 2  # same groups and provider: reused
    data["cases"][0]["case_number"] = "UV-2024-0044"
    data["providers"][0]["kind"] = "municipal"
    before = snapshot(store)
    with pytest.raises(ValidationError) as exc:
        case_import.import_cases(store, data)
    assert exc.value.params["field"] == "providers[0].kind" and snapshot(store) == before


def test_only_cases_made_in_the_bulk_transaction_skip_the_team_lookups(store: Store) -> None:
    """Inside an import's all-or-nothing transaction a case created in it has no team state
    (storage/team/guard.py skips its lookups); a case that was there before does not, and the
    set is gone with the transaction."""
    from storage.team.guard import new_in_bulk

    before = case_import.import_file(store, EXAMPLE)[0]
    data = example()
    for case in data["cases"]:
        case.pop("case_number", None)
    seen: list[tuple[bool, bool]] = []
    with store.all_or_nothing():
        (made, *_rest) = case_import.import_cases(store, data)
        seen.append((new_in_bulk(store, made), new_in_bulk(store, before)))
    assert seen == [(True, False)]
    assert store.new_cases is None and not new_in_bulk(store, made)
    c = cases.get_case(store, made)
    assert c.updated_at is not None and c.updated_at >= c.created_at
