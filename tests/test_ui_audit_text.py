"""The audit log in words (ui/kit/audit_text.py, audit_details.py, audit_values.py).

The actions and detail keys are not listed by hand: the test reads every module of the four
packages and collects what each audit call can write — ``<x>.audit.append(action, subject,
details)``, ``repo.audit(store, action, subject, **details)``, ``write_key_change(action,
new, details)`` and ``_audit_unlock(store, state, action, details)``. An action the scan
cannot name (a variable outside those wrappers, an unknown f-string) fails the test, so a
new kind of audit call must be taught here first; a new action or detail key without words
fails it too. Then a real store is put through the audited operations that touch protected
data, and every entry is rendered in Swedish: no code, no JSON, no protected value.
"""

from __future__ import annotations

import ast
import datetime as dt
import json
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from devtools.build_translations import ROOT, source_files
from storage.casefile import cases, journal, persons, placements
from storage.casefile.protection import RevealField, reveal
from storage.records.personnummer import make_identity_number
from storage.vault import throttle
from storage.vault.audit import AuditEntry
from storage.vault.crypto import KdfParams
from storage.vault.opening import create_store, unlock_store
from tests.ui_fixtures import app_sv  # noqa: F401 - fixture
from ui.kit.audit_details import details_text, known_keys
from ui.kit.audit_text import ACTIONS, action_tooltip, actor_text, describe, subject_text

#: Functions that pass an action (and details) through from their callers
#: (``_change``: storage/casework/relocation.py, a checklist task's change).
WRAPPERS = {"audit", "write_key_change", "_audit_unlock", "_change"}
#: Where the action is an argument: call name -> index of the action, of the details.
CALLS = {
    "append": (0, 2),
    "audit": (1, None),
    "write_key_change": (0, 2),
    "_audit_unlock": (2, 3),
    "_change": (2, None),
}
#: Actions built at run time: storage/statistics/export.py audits f"{report.kind}.export"; the
#: report kinds are the first argument of StatsReport(...) and GrantSummary(...) (checked below).
DYNAMIC = {"{report.kind}.export": {"stats.export", "grant.export"}}
REPORT_CLASSES = {"StatsReport": "stats", "GrantSummary": "grant"}
#: ``**name`` details the scan cannot resolve in their function, and the keys they hold.
UNRESOLVED = {
    ("storage/casefile/protection.py", "ids"): {"person_id", "placement_id"},
    # storage.extract.output.audit_details; test_extract_audit_keys_are_known checks them
    ("storage/extract/output.py", "details"): {
        "kind",
        "output",
        "cases",
        "sections",
        "from",
        "to",
        "recipient",
        "reason",
        "decisions",
        "grounds",
        "size",
        "sha256",
    },
}


def _call_name(node: ast.Call) -> str | None:
    func = node.func
    if isinstance(func, ast.Attribute):
        if func.attr == "append":  # only the audit log's append: <x>.audit.append(...)
            inner = func.value
            return "append" if isinstance(inner, ast.Attribute) and inner.attr == "audit" else None
        if func.attr == "audit" and isinstance(func.value, ast.Name) and func.value.id == "repo":
            return "audit"
        return func.attr if func.attr in CALLS else None
    if isinstance(func, ast.Name) and func.id in CALLS and func.id != "append":
        return func.id
    return None


def _argument(node: ast.Call, index: int | None, keyword: str) -> ast.expr | None:
    for kw in node.keywords:
        if kw.arg == keyword:
            return kw.value
    if index is not None and len(node.args) > index:
        return node.args[index]
    return None


def _strings(node: ast.expr) -> set[str] | None:
    """The strings an action expression can have (None: cannot tell)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        a, b = _strings(node.body), _strings(node.orelse)
        return None if a is None or b is None else a | b
    if isinstance(node, ast.JoinedStr):
        pattern = "".join(
            v.value if isinstance(v, ast.Constant) else "{" + ast.unparse(v.value) + "}"  # type: ignore[attr-defined]
            for v in node.values
        )
        return DYNAMIC.get(pattern)
    return None


class _Scan(ast.NodeVisitor):
    def __init__(self, path: Path) -> None:
        self.path = path.relative_to(ROOT).as_posix()
        self.functions: list[ast.FunctionDef] = []
        self.actions: set[str] = set()
        self.keys: set[str] = set()
        self.problems: list[str] = []

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self.functions.append(node)
        self.generic_visit(node)
        self.functions.pop()

    def _where(self, node: ast.AST) -> str:
        return f"{self.path}:{getattr(node, 'lineno', '?')}"

    def _in_wrapper(self) -> bool:
        return bool(self.functions) and self.functions[-1].name in WRAPPERS

    def visit_Call(self, node: ast.Call) -> None:
        name = _call_name(node)
        if name is not None:
            action_at, details_at = CALLS[name]
            action = _argument(node, action_at, "action")
            found = _strings(action) if action is not None else None
            if found is not None:
                self.actions |= found
            elif not (isinstance(action, ast.Name) and self._in_wrapper()):
                self.problems.append(f"{self._where(node)}: cannot tell the action")
            self._details(node, name, details_at)
        self.generic_visit(node)

    def _details(self, node: ast.Call, name: str, index: int | None) -> None:
        if name == "audit":  # repo.audit(store, action, subject, **details)
            for kw in node.keywords:
                if kw.arg is not None:
                    self.keys.add(kw.arg)
                else:
                    self._unpacked(kw.value, node)
            return
        details = _argument(node, index, "details")
        if details is None:
            return
        if isinstance(details, ast.Dict):
            self._dict(details, node)
        elif isinstance(details, ast.Name) and not self._in_wrapper():
            self._unpacked(details, node)
        elif not (isinstance(details, ast.Name | ast.BoolOp) and self._in_wrapper()):
            self.problems.append(f"{self._where(node)}: cannot tell the detail keys")

    def _dict(self, node: ast.Dict, call: ast.Call) -> None:
        for key, value in zip(node.keys, node.values, strict=True):
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                self.keys.add(key.value)
            elif key is None and not self._in_wrapper():
                self._unpacked(value, call)

    def _unpacked(self, value: ast.expr, call: ast.Call) -> None:
        """``**name``: the keys given to ``name`` in the same function."""
        if not isinstance(value, ast.Name):
            self.problems.append(f"{self._where(call)}: cannot tell the detail keys")
            return
        known = UNRESOLVED.get((self.path, value.id))
        if known is not None:
            self.keys |= known
            return
        found = False
        for node in ast.walk(self.functions[-1]) if self.functions else ():
            if isinstance(node, ast.Assign | ast.AnnAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if any(isinstance(t, ast.Name) and t.id == value.id for t in targets):
                    if isinstance(node.value, ast.Dict):
                        self._dict(node.value, call)
                        found = True
            if (
                isinstance(node, ast.Subscript)
                and isinstance(node.ctx, ast.Store)
                and isinstance(node.value, ast.Name)
                and node.value.id == value.id
                and isinstance(node.slice, ast.Constant)
            ):
                self.keys.add(str(node.slice.value))
        if not found:
            self.problems.append(f"{self._where(call)}: cannot tell the keys of **{value.id}")


def _scan() -> _Scan:
    total = _Scan(ROOT)
    for path in source_files():
        scan = _Scan(path)
        scan.visit(ast.parse(path.read_text(encoding="utf-8")))
        total.actions |= scan.actions
        total.keys |= scan.keys
        total.problems += scan.problems
    return total


@pytest.fixture(scope="module")
def scanned() -> _Scan:
    return _scan()


def test_the_scan_finds_the_audit_calls(scanned: _Scan) -> None:
    assert not scanned.problems, "audit calls the test cannot read:\n" + "\n".join(scanned.problems)
    # a sample the scan must see, from each kind of call
    assert {"reveal", "unlock", "unlock_failed", "passphrase_change", "bundle.seal"} <= (
        scanned.actions
    )
    assert {"stats.export", "grant.export", "contact.verify", "contact.verify_failed"} <= (
        scanned.actions
    )
    assert {"reason", "field", "slots", "attempts", "from", "outcome", "person_id"} <= (
        scanned.keys
    )


def test_the_report_kinds_are_the_ones_expanded() -> None:
    found: dict[str, str] = {}
    for path in source_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in REPORT_CLASSES
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found[node.func.id] = str(node.args[0].value)
    assert found == REPORT_CLASSES


def test_every_action_the_code_writes_has_a_sentence(scanned: _Scan) -> None:
    missing = sorted(scanned.actions - set(ACTIONS))
    assert not missing, f"audit actions without a sentence in ui/kit/audit_text.py: {missing}"


def test_every_detail_key_the_code_writes_has_words(scanned: _Scan) -> None:
    missing = sorted(scanned.keys - known_keys())
    assert not missing, f"audit detail keys without a rule in ui/kit/audit_details.py: {missing}"


def _entry(action: str, details: dict[str, Any], subject: str = "UV-2026-0001") -> AuditEntry:
    return AuditEntry(
        1,
        "2026-03-01T09:12:00.000000Z",
        "Alex Exempelsson",
        action,
        subject,
        details,
        "0" * 64,
        "1" * 64,
    )


def test_every_action_reads_as_swedish(app_sv: Any) -> None:  # noqa: F811
    for code, source in ACTIONS.items():
        text = describe(_entry(code, {}))
        assert text and text != source and code not in text, (code, text)
    assert describe(_entry("reveal", {})) == "Skyddad uppgift visades"
    assert describe(_entry("x.new_in_a_later_version", {})) == (
        "Annan händelse (x.new_in_a_later_version)"
    )
    assert action_tooltip(_entry("reveal", {})).endswith("reveal")


def test_details_read_as_words(app_sv: Any) -> None:  # noqa: F811
    reason = "Samråd med polisen om hotbilden"
    assert (
        details_text(_entry("reveal", {"field": "personnummer", "reason": reason, "person_id": 4}))
        == f"Uppgift: personnummer; skäl: ”{reason}”; person 4"
    )
    assert (
        details_text(
            _entry(
                "case.status",
                {"case_id": 3, "from": "investigation", "to": "closed", "outcome": "completed"},
            )
        )
        == "Från utredning till avslutad; utfall: fullföljt"
    )
    assert details_text(_entry("provider.add", {"provider_id": 2, "kind": "non_profit"})) == (
        "Regi: idéburen; utförare 2"
    )
    assert details_text(_entry("unlock_failed", {"count": 1, "attempts": []})) == (
        "1 misslyckat försök; när: –"
    )
    assert details_text(_entry("audit_export", {"count": 2, "head_seq": 9})) == (
        "2 poster; senaste post: 9"
    )
    assert details_text(
        _entry("document.add", {"size": 1_990_000, "media_type": "image/png", "document_id": 5})
    ).startswith("Filtyp: image/png; storlek: 1,9 MB")
    # a key this version has no words for: plain "key: value" as the last resort, no JSON
    text = details_text(_entry("case.update", {"fields": ["caseworker"], "later": {"a": [1, 2]}}))
    assert text == "Fält: ansvarig handläggare; later: a: 1, 2"
    assert details_text(_entry("case.open", {"case_id": 3, "via": "gui"})) == "I programmet"
    assert actor_text("(unknown)") == "okänd (före upplåsning)"
    assert subject_text("contact:3") == "kontakt 3"
    assert subject_text("bundle:0a1b2c3d-0000-4000-8000-000000000000") == "paket 0a1b2c3d"


# ---------------------------------------------------------------- a real store, rendered


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Any]:
    made, _code = create_store(
        tmp_path / "store",
        "exempel lösenfras för loggen",
        actor="Alex Exempelsson",
        use_device_key=False,
        kdf=KdfParams.minimum(),
    )
    yield made
    if not made.closed:
        made.close()


def test_a_real_log_reads_without_codes_json_or_protected_values(
    app_sv: Any,  # noqa: F811
    store: Any,
) -> None:
    marker = secrets.token_hex(16)  # protected values nobody else could have written
    name = f"Fiktiv Person {marker}"
    number = make_identity_number(dt.date(1990, 3, 15), 987)
    street = f"Påhittade gatan {marker}"
    case_id = cases.create_case(store, case_type="defector", home_municipality="Exempelkommun")
    person_id = persons.add_person(
        store,
        case_id,
        name=name,
        personnummer=number,
        gender="female",
        protection_level="protected_registration",
    )
    placement_id = placements.add_placement(
        store,
        case_id,
        municipality="Skyddsby",
        moved_in_on=dt.date(2026, 1, 10),
        street=street,
        postal_code="999 91",
        city="Demostad",
    )
    assert reveal(store, case_id, RevealField.NAME, "Samråd med polisen") == name
    assert number in (reveal(store, case_id, RevealField.PERSONNUMMER, "Kontroll") or "")
    reveal(store, case_id, RevealField.ADDRESS, "Hembesök", placement_id=placement_id)
    persons.update_person(store, person_id, name=f"Ny {name}")
    entry_id = journal.add_journal_entry(store, case_id, f"Samtal med {name}.")
    journal.correct_journal_entry(store, entry_id, "Samtal.", "Namnet ska inte stå här")
    cases.set_status(store, case_id, "preliminary_assessment")
    path = store.path
    store.close()
    throttle.record_failure(path, "passphrase")
    store_again = unlock_store(path, "exempel lösenfras för loggen", actor="Alex Exempelsson")
    try:
        entries = store_again.audit.entries()
    finally:
        store_again.close()

    actions = {e.action for e in entries}
    assert {"reveal", "unlock_failed", "journal.correct", "person.update"} <= actions
    for entry in entries:
        shown = [
            describe(entry),
            details_text(entry),
            subject_text(entry.subject),
            actor_text(entry.actor),
        ]
        for text in shown:
            assert marker not in text and number not in text, (entry.action, text)
            assert entry.action not in text or entry.action == "lock", (entry.action, text)
            assert "{" not in text and '"' not in text, (entry.action, text)
        assert "_" not in details_text(entry), (entry.action, details_text(entry))
    reveals = [details_text(e) for e in entries if e.action == "reveal"]
    assert reveals[0].startswith("Uppgift: namn; skäl: ”Samråd med polisen”")
    assert reveals[2].startswith("Uppgift: skyddad adress; skäl: ”Hembesök”")
    failed = next(e for e in entries if e.action == "unlock_failed")
    assert actor_text(failed.actor) == "okänd (före upplåsning)"
    assert details_text(failed).startswith("1 misslyckat försök; när: ")
    assert json.dumps(failed.details)  # the raw details are still there for the export


def test_extract_audit_keys_are_known() -> None:
    """The keys written through ``**details`` in storage/extract/output.py are those above."""
    import datetime as dt

    from storage.extract.model import Extract
    from storage.extract.output import audit_details

    sample = Extract(
        kind="case",
        recipient="Mottagare",
        reason="Begäran",
        actor="Test",
        created_at="2026-01-31T12:00:00Z",
        start=dt.date(2026, 1, 1),
        end=dt.date(2026, 1, 31),
        sections=(),
        cases=(),
        decisions={},
        grounds=(),
    )
    keys = set(audit_details(sample, b"%PDF", "file"))
    assert keys == UNRESOLVED[("storage/extract/output.py", "details")]
