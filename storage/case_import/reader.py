"""Import of existing case files from JSON (docs/case-import.md describes the format).

``import_cases(store, data) -> list[int]`` takes the parsed JSON (or ``import_file(store,
path)`` the file) and creates every group, provider and case in it in ONE transaction: any
invalid field — an unknown field, a wrong type, a bad date, an invalid personnummer, a
status without its outcome, a reference to a group that does not exist — raises a
:class:`~storage.errors.ValidationError` whose ``field`` is the path in the file (e.g.
``cases[2].relatives[0].personnummer``), and nothing is stored. Every record goes through
the same repository functions, rules and audit entries as the GUI; journal entries keep
their original author and time and are marked imported. One ``case.import`` audit entry
records the count.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from storage.case_import.fields import (
    PERSON,
    at,
    call,
    group_ref,
    items,
    obj,
)
from storage.case_import.parts import Plan, add_parts
from storage.case_import.plan import CASE_V2, add_end_reason
from storage.casefile import (
    cases,
    persons,
    repo,
)
from storage.casefile.repo import StoreLike
from storage.casefile.search_bulk import deferred_search_index
from storage.json_input import (
    UntrustedJsonError,
    loads_untrusted,
)
from storage.records import validate as v
from storage.records.enums import (
    CaseStatus,
    Environment,
    Outcome,
    ProviderKind,
)
from storage.records.errors import (
    ImportCancelledError,
    ImportFormatError,
    ImportNotJsonError,
    InvalidChoiceError,
)
from storage.registers import (
    groups,
    providers,
)
from storage.registers.methods import adopt_methods, check_entries

FORMAT = "utvag-case-import"
VERSION = 2  # what this version writes; it reads SUPPORTED
SUPPORTED = (1, 2)
MAX_FILE_BYTES = 512 * 1024 * 1024
BULK_CACHE_KIB = -524288  # 512 MiB page cache while importing (docs/store.md)

CASE_FIELDS = {
    "case_number",
    "case_type",
    "status",
    "outcome",
    "home_municipality",
    "stay_municipality",
    "caseworker",
    "referral_source",
    "opened_on",
    "closed_on",
    "gallring_exempt_reason",
    "person",
    "relatives",
    "consents",
    "agreements",
    "threat_assessments",
    "network_links",
    "interventions",
    "placements",
    "journal",
    "documents",
    "follow_ups",
}


def _same(store: StoreLike, table: str, column: str, row_id: int, value: object, path: str) -> None:
    """A register entry named in the file must agree with the one in the store."""
    choice = Environment if column == "environment" else ProviderKind
    with at(path):
        wanted = choice.parse(value, column).value
    sql = f"SELECT {column} FROM {table} WHERE id = ?"  # noqa: S608 - constant names
    have = store.conn.execute(sql, (row_id,)).fetchone()[0]
    if have != wanted:
        raise InvalidChoiceError(field=f"{path}.{column}", choices=have)


def _names(store: StoreLike, data: dict[str, Any]) -> tuple[dict[str, int], dict[str, int]]:
    """Create the file's groups, relations and providers; return name -> id maps."""
    group_ids: dict[str, int] = {}
    for i, g in enumerate(items(data.get("groups"), "groups")):
        path = f"groups[{i}]"
        g = obj(g, path, {"name", "environment", "area", "notes"})
        name = str(g.get("name", "")).strip()
        found = groups.group_id_by_name(store, name) if name else None
        if found is None:
            found = call(groups.add_group, path, g, {"name", "environment"}, store)
        else:  # already in the register: reused, and it must be the same kind of group
            _same(store, "groups", "environment", found, g.get("environment"), path)
        group_ids[name.casefold()] = found
    for i, rel in enumerate(items(data.get("group_relations"), "group_relations")):
        path = f"group_relations[{i}]"
        rel = obj(rel, path, {"group_a", "group_b", "relation", "noted_on"})
        a = group_ref(store, group_ids, rel.get("group_a"), f"{path}.group_a")
        b = group_ref(store, group_ids, rel.get("group_b"), f"{path}.group_b")
        with at(path):
            groups.set_group_relation(store, a, b, rel.get("relation"), rel.get("noted_on"))  # type: ignore[arg-type]
    provider_ids: dict[str, int] = {}
    for i, p in enumerate(items(data.get("providers"), "providers")):
        path = f"providers[{i}]"
        p = obj(p, path, {"name", "kind", "org_number", "municipality"})
        name = str(p.get("name", "")).strip()
        found = providers.provider_id_by_name(store, name) if name else None
        if found is None:
            found = call(providers.add_provider, path, p, {"name", "kind"}, store)
        else:
            _same(store, "providers", "kind", found, p.get("kind"), path)
        provider_ids[name.casefold()] = found
    return group_ids, provider_ids


def _status(c: dict[str, Any], path: str) -> tuple[CaseStatus, Outcome | None, dt.date | None]:
    with at(path):
        status = CaseStatus.parse(c.get("status", CaseStatus.REFERRED.value), "status")
        outcome = Outcome.parse(c["outcome"], "outcome") if c.get("outcome") else None
        opened = v.date("opened_on", c.get("opened_on"), required=False) or repo.today()
        closed = v.date("closed_on", c.get("closed_on"), required=False)
        v.not_future("closed_on", closed, repo.today())
        cases.check_status_fields(status, outcome, opened, closed)
    return status, outcome, closed


def _case(
    store: StoreLike,
    c: object,
    path: str,
    group_ids: dict[str, int],
    provider_ids: dict[str, int],
    plan: Plan,
) -> int:
    c = obj(c, path, CASE_FIELDS | (CASE_V2 if plan.version >= 2 else set()))
    status, outcome, closed = _status(c, path)
    head = {
        k: c[k]
        for k in ("case_number", "stay_municipality", "caseworker", "referral_source", "opened_on")
        if k in c
    }
    case_id: int = call(
        cases.create_case,
        path,
        head | {k: c.get(k) for k in ("case_type", "home_municipality")},
        {"case_type", "home_municipality"},
        store,
    )
    person = obj(c.get("person"), f"{path}.person", PERSON | {"fictitious_identity"})
    alias = person.pop("fictitious_identity", None)
    principal = call(persons.add_person, f"{path}.person", person, {"name"}, store, case_id)
    if alias is not None:
        ident = obj(
            alias, f"{path}.person.fictitious_identity", {"name", "personnummer", "valid_from"}
        )
        call(
            persons.set_fictitious_identity,
            f"{path}.person.fictitious_identity",
            ident,
            {"name"},
            store,
            principal,
        )
    add_parts(store, c, path, case_id, principal, group_ids, provider_ids, plan)
    if c.get("gallring_exempt_reason") is not None:
        with at(path):
            cases.set_gallring_exemption(store, case_id, True, c["gallring_exempt_reason"])
    if status is not CaseStatus.REFERRED:
        cases.apply_imported_status(store, case_id, status, outcome, closed)
    if plan.version >= 2:
        add_end_reason(store, c, path, case_id)
    return case_id


#: ``progress(done, total)``: called after each case (and once with 0 before the first).
Progress = Callable[[int, int], None]


def all_read(done: int, total: int) -> bool:
    """Whether a ``progress`` report is the one after the file's last case: the search index
    and the commit follow, which take seconds for a large file and are no longer cancelled."""
    return total > 0 and done == total


def import_cases(
    store: StoreLike,
    data: object,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[int]:
    """Import everything in ``data`` in one transaction; returns the new case ids.

    ``progress`` hears how far it got; when ``cancelled()`` turns true (checked after each
    case) :class:`ImportCancelledError` is raised and — like any error, or a Ctrl+C — the
    transaction rolls back: nothing of the import is stored. Nested repository calls take
    no savepoints inside it (``Store.all_or_nothing``): the outer transaction undoes all.
    """
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ImportFormatError()
    version = data.get("version")
    if type(version) is not int or version not in SUPPORTED:
        raise ImportFormatError()
    keys = {"format", "version", "groups", "group_relations", "providers", "cases"}
    top = obj(data, "(file)", keys | ({"methods"} if version >= 2 else set()))
    listed = items(top.get("cases"), "cases")
    bulk = getattr(store, "all_or_nothing", None)
    cache = store.conn.execute("PRAGMA cache_size").fetchone()[0]
    store.conn.execute(f"PRAGMA cache_size = {BULK_CACHE_KIB}")  # one large write: more cache
    try:
        return _import(store, top, listed, Plan(version), bulk, progress, cancelled)
    finally:
        store.conn.execute(f"PRAGMA cache_size = {int(cache)}")


def _import(
    store: StoreLike,
    top: dict[str, Any],
    listed: list[Any],
    plan: Plan,
    bulk: Any,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> list[int]:
    with bulk() if bulk is not None else store.transaction(), deferred_search_index(store.conn):
        group_ids, provider_ids = _names(store, top)
        if plan.version >= 2 and top.get("methods") is not None:
            plan.methods = adopt_methods(store, check_entries(top["methods"]))
        ids: list[int] = []
        if progress is not None:
            progress(0, len(listed))
        for i, c in enumerate(listed):
            ids.append(_case(store, c, f"cases[{i}]", group_ids, provider_ids, plan))
            if cancelled is not None and cancelled():
                raise ImportCancelledError()
            if progress is not None:
                progress(i + 1, len(listed))
        repo.audit(store, "case.import", "", cases=len(ids))
    return ids


def load(text: str | bytes) -> object:
    try:
        return loads_untrusted(text)
    except UntrustedJsonError as exc:
        raise ImportNotJsonError(line=exc.line, column=exc.column) from None


def import_file(
    store: StoreLike,
    path: Path,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[int]:
    with Path(path).open("rb") as fh:
        raw = fh.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        raise ImportFormatError()
    return import_cases(store, load(raw), progress=progress, cancelled=cancelled)
