"""The method register: the methods interventions name, with the evidence behind them.

Each method has a stable ``code`` (shared across stores that exchange the register), a
name, a short description, its target group and an evidence level — stöd i forskning,
lovande, otillräckligt underlag, ej bedömd — with the source of that level (required for
any level but "ej bedömd"). The register ships with the entries whose level this version
can cite (docs/knowledge.md); users add and edit entries; a unit or a coordinator shares
it as a signed file (:mod:`sync.knowledge.methods_file`), which :func:`merge_methods`
applies.

Public API:

- ``add_method(store, *, name, evidence_level="not_assessed", description=None,
  target_group=None, evidence_source=None, code=None) -> int``
  Without ``code``, a method added here gets one of its own: its name as a slug and eight
  random hex digits (``samtalsstod-3f9a0c1e``), so that two units that each add "the same"
  method never report it under one code by chance; sharing the register file (or a case
  file) carries the code to others, who then count it as the same method.
- ``update_method(store, method_id, **fields)`` — name, description, target_group,
  evidence_level, evidence_source (the code never changes).
- ``methods(store) -> [Method]``, ``method(store, id)``, ``method_by_code(store, code)``
- ``register_entries(store) -> [dict]`` — the register as the shared file carries it.
- ``check_entries(untrusted) -> [dict]``, ``merge_methods(store, entries, *, contact_id)
  -> MergeResult`` — apply a verified shared register: new codes added, changed entries
  updated, in one transaction.
- ``adopt_methods(store, entries) -> {code: id}`` — the methods a case file names (case
  import, handover): a code already here is used as it is here (never overwritten), one
  whose name is here under another code is that method, and the rest are added.

Audit actions: ``method.add``, ``method.update``, ``method.import`` (ids, codes, counts).
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.errors import QT_TRANSLATE_NOOP, ValidationError
from storage.records import validate as v
from storage.records.errors import (
    DuplicateNameError,
    FieldRequiredError,
    FieldTypeError,
    RecordNotFoundError,
    UnknownFieldError,
)
from storage.records.knowledge import EvidenceLevel, Method
from storage.registers.provisions import slug

FIELDS = ("name", "description", "target_group", "evidence_level", "evidence_source")
ENTRY_KEYS = frozenset({"code", *FIELDS})
MAX_ENTRIES = 2000
_COLUMNS = (
    "id, code, name, description, target_group, evidence_level, evidence_source, origin, updated_at"
)


class MethodCodeError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "{field}: a method code is 1-40 lower-case letters, digits and hyphens.",
    )
    code = "method_code"


class MethodNameConflictError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "{field}: the register already has a method by this name under another code "
        "({code}); nothing was imported.",
    )
    code = "method_name_conflict"


def name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _code(value: object, field: str) -> str:
    text = v.required_text(field, value, limit=40)
    if not all(c.isascii() and (c.islower() or c.isdigit() or c == "-") for c in text):
        raise MethodCodeError(field=field)
    return text


def _clean(fields: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in fields.items():
        field = f"{prefix}{name}"
        if name not in FIELDS:
            raise UnknownFieldError(field=field)
        if name == "name":
            out[name] = v.required_text(field, value, limit=200)
        elif name == "evidence_level":
            out[name] = EvidenceLevel.parse(value, field).value
        elif name == "target_group":
            out[name] = v.text(field, value, required=False, limit=1000, multiline=True)
        else:
            out[name] = v.text(field, value, required=False, limit=2000, multiline=True)
    return out


def _check_source(values: dict[str, Any], prefix: str = "") -> None:
    if values.get("evidence_level") != EvidenceLevel.NOT_ASSESSED.value and not values.get(
        "evidence_source"
    ):
        raise FieldRequiredError(field=f"{prefix}evidence_source")


def _row(r: Any) -> Method:
    return Method(int(r[0]), r[1], r[2], r[3], r[4], EvidenceLevel(r[5]), r[6], r[7], r[8])


def methods(store: StoreLike) -> list[Method]:
    return [
        _row(r)
        for r in store.conn.execute(
            f"SELECT {_COLUMNS} FROM methods ORDER BY name COLLATE NOCASE"  # noqa: S608
        )
    ]


def method(store: StoreLike, method_id: int) -> Method:
    row = store.conn.execute(
        f"SELECT {_COLUMNS} FROM methods WHERE id = ?",  # noqa: S608 - constant
        (int(method_id),),
    ).fetchone()
    if row is None:
        raise RecordNotFoundError(record="method", id=int(method_id))
    return _row(row)


def method_by_code(store: StoreLike, code: str) -> Method | None:
    row = store.conn.execute(
        f"SELECT {_COLUMNS} FROM methods WHERE code = ?",  # noqa: S608 - constant
        (str(code),),
    ).fetchone()
    return None if row is None else _row(row)


def _name_taken(store: StoreLike, name: str, except_id: int | None = None) -> bool:
    row = store.conn.execute(
        "SELECT id FROM methods WHERE name_key = ?", (name_key(name),)
    ).fetchone()
    return row is not None and int(row[0]) != except_id


def add_method(
    store: StoreLike,
    *,
    name: str,
    evidence_level: EvidenceLevel | str = EvidenceLevel.NOT_ASSESSED,
    description: str | None = None,
    target_group: str | None = None,
    evidence_source: str | None = None,
    code: str | None = None,
) -> int:
    values = _clean(
        {
            "name": name,
            "description": description,
            "target_group": target_group,
            "evidence_level": evidence_level,
            "evidence_source": evidence_source,
        }
    )
    _check_source(values)
    wanted = _code(code, "code") if code is not None else None
    with store.transaction():
        if _name_taken(store, values["name"]):
            raise DuplicateNameError(field="name")
        if wanted is not None and method_by_code(store, wanted) is not None:
            raise DuplicateNameError(field="code")
        chosen = wanted or _free_code(store, slug(values["name"], 31))
        now = repo.utc_now()
        method_id = repo.insert(
            store,
            "methods",
            {
                "code": chosen,
                **values,
                "name_key": name_key(values["name"]),
                "origin": "local",
                "created_by": store.actor,
                "created_at": now,
                "updated_at": now,
            },
        )
        repo.audit(
            store,
            "method.add",
            "",
            method_id=method_id,
            code=chosen,
            evidence=values["evidence_level"],
        )
    return method_id


def _free_code(store: StoreLike, base: str) -> str:
    """``base`` and eight random hex digits: a code no other installation will choose."""
    while True:
        code = f"{base}-{secrets.token_hex(4)}"
        if method_by_code(store, code) is None:
            return code


def update_method(store: StoreLike, method_id: int, **fields: Any) -> None:
    values = _clean(fields)
    with store.transaction():
        old = method(store, method_id)
        merged = {
            "evidence_level": old.evidence_level.value,
            "evidence_source": old.evidence_source,
            **values,
        }
        _check_source(merged)
        if "name" in values:
            if _name_taken(store, values["name"], except_id=old.id):
                raise DuplicateNameError(field="name")
            values["name_key"] = name_key(values["name"])
        repo.update(store, "methods", method_id, {**values, "updated_at": repo.utc_now()})
        repo.audit(
            store,
            "method.update",
            "",
            method_id=int(method_id),
            code=old.code,
            fields=sorted(fields),
        )


def register_entries(store: StoreLike) -> list[dict[str, Any]]:
    """Every method as the shared register file carries it (code order)."""
    return [
        {
            "code": m.code,
            "name": m.name,
            "description": m.description,
            "target_group": m.target_group,
            "evidence_level": m.evidence_level.value,
            "evidence_source": m.evidence_source,
        }
        for m in sorted(methods(store), key=lambda m: m.code)
    ]


def check_entries(untrusted: object) -> list[dict[str, Any]]:
    """Validate the entries of a shared register (each field named by its path)."""
    if not isinstance(untrusted, list) or len(untrusted) > MAX_ENTRIES:
        raise FieldTypeError(field="methods", expected="a list of methods")
    out: list[dict[str, Any]] = []
    codes: set[str] = set()
    names: set[str] = set()
    for i, item in enumerate(untrusted):
        path = f"methods[{i}]"
        if not isinstance(item, dict) or set(item) != ENTRY_KEYS:
            raise FieldTypeError(field=path, expected="a method")
        code = _code(item["code"], f"{path}.code")
        values = _clean({k: item[k] for k in FIELDS}, f"{path}.")
        _check_source(values, f"{path}.")
        key = name_key(values["name"])
        if code in codes or key in names:
            raise DuplicateNameError(field=path)
        codes.add(code)
        names.add(key)
        out.append({"code": code, **values})
    return out


def adopt_methods(store: StoreLike, entries: Sequence[dict[str, Any]]) -> dict[str, int]:
    """Ids for checked entries a case file names (see the module docstring)."""
    out: dict[str, int] = {}
    added = 0
    with store.transaction():
        now = repo.utc_now()
        for entry in entries:
            old = method_by_code(store, entry["code"])
            if old is None:
                row = store.conn.execute(
                    "SELECT id FROM methods WHERE name_key = ?", (name_key(entry["name"]),)
                ).fetchone()
                if row is not None:
                    out[entry["code"]] = int(row[0])
                    continue
                out[entry["code"]] = repo.insert(
                    store,
                    "methods",
                    {
                        "code": entry["code"],
                        **{k: entry[k] for k in FIELDS},
                        "name_key": name_key(entry["name"]),
                        "origin": "imported",
                        "created_by": store.actor,
                        "created_at": now,
                        "updated_at": now,
                    },
                )
                added += 1
            else:
                out[entry["code"]] = old.id
        if added:
            repo.audit(store, "method.import", "", contact_id=None, added=added)
    return out


@dataclass(frozen=True)
class MergeResult:
    added: int
    updated: int
    unchanged: int


def merge_methods(
    store: StoreLike, entries: Sequence[dict[str, Any]], *, contact_id: int | None
) -> MergeResult:
    """Apply checked entries (:func:`check_entries`) in one transaction."""
    added = updated = unchanged = 0
    with store.transaction():
        now = repo.utc_now()
        for i, entry in enumerate(entries):
            old = method_by_code(store, entry["code"])
            taken = store.conn.execute(
                "SELECT code FROM methods WHERE name_key = ?", (name_key(entry["name"]),)
            ).fetchone()
            if taken is not None and taken[0] != entry["code"]:
                raise MethodNameConflictError(field=f"methods[{i}].name", code=taken[0])
            values = {k: entry[k] for k in FIELDS}
            if old is None:
                repo.insert(
                    store,
                    "methods",
                    {
                        "code": entry["code"],
                        **values,
                        "name_key": name_key(entry["name"]),
                        "origin": "imported",
                        "created_by": store.actor,
                        "created_at": now,
                        "updated_at": now,
                    },
                )
                added += 1
                continue
            current = {
                "name": old.name,
                "description": old.description,
                "target_group": old.target_group,
                "evidence_level": old.evidence_level.value,
                "evidence_source": old.evidence_source,
            }
            if current == values:
                unchanged += 1
                continue
            repo.update(
                store,
                "methods",
                old.id,
                {
                    **values,
                    "name_key": name_key(entry["name"]),
                    "origin": "imported",
                    "updated_at": now,
                },
            )
            updated += 1
        repo.audit(
            store,
            "method.import",
            "",
            contact_id=contact_id,
            added=added,
            updated=updated,
            unchanged=unchanged,
        )
    return MergeResult(added, updated, unchanged)
