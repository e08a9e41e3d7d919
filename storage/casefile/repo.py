"""Shared plumbing of the case-file repositories (not a public API of its own).

The repositories take a *store*: anything with ``conn`` (a DB-API connection in autocommit
mode, ``isolation_level=None``), ``actor`` (the caseworker's name), ``transaction()`` (a
context manager; nested calls become savepoints) and ``audit.append(action, subject,
details)``. That is :class:`storage.vault.opening.Store`; the protocol keeps the repositories
testable on a plain connection and usable by the benchmark's plain-SQLite baseline.

Audit details never carry personal data: ids, field names, codes and counts only.

``insert`` and ``update`` also record the change as an operation when the case is shared
with colleagues (:mod:`storage.team.capture`, docs/sync.md); a repository that writes a
case-file table by a statement of its own calls the capture itself.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from contextlib import AbstractContextManager
from typing import Any, Protocol

from storage.errors import ValidationError
from storage.records.enums import CaseStatus
from storage.records.errors import (
    CaseClosedError,
    CaseNotFoundError,
    RecordNotFoundError,
)
from storage.team import capture
from storage.team.guard import check_case_shown, new_in_bulk


class AuditLike(Protocol):
    def append(
        self, action: str, subject: str = "", details: dict[str, Any] | None = None
    ) -> Any: ...


class StoreLike(Protocol):
    @property
    def conn(self) -> Any: ...

    @property
    def actor(self) -> str: ...

    @property
    def audit(self) -> AuditLike: ...

    def transaction(self) -> AbstractContextManager[Any]: ...


def utc_now() -> str:
    """Now, UTC, to the second: ``YYYY-MM-DDTHH:MM:SSZ``."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds").removesuffix("+00:00") + "Z"


def today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


def iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def to_date(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def must_date(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def case_ref_hash(case_number: str) -> str:
    """The hash a gallring record keeps instead of the case number."""
    return hashlib.sha256(case_number.encode("utf-8")).hexdigest()


def case_row(store: StoreLike, case_id: int) -> tuple[int, str, CaseStatus]:
    """``(id, case_number, status)`` of a case, or :class:`CaseNotFoundError`; a case whose
    stand-in share has ended here is refused (:mod:`storage.team.guard`)."""
    row = store.conn.execute(
        "SELECT id, case_number, status FROM cases WHERE id = ?", (int(case_id),)
    ).fetchone()
    if row is None:
        raise CaseNotFoundError(case=int(case_id))
    if not new_in_bulk(store, int(row[0])):
        check_case_shown(store.conn, int(row[0]))
    return int(row[0]), str(row[1]), CaseStatus(row[2])


def case_number(store: StoreLike, case_id: int) -> str:
    return case_row(store, case_id)[1]


def open_case_number(store: StoreLike, case_id: int) -> str:
    """The case number of a case that may still be changed (not closed / handed over)."""
    _, number, status = case_row(store, case_id)
    if status.is_terminal:
        raise CaseClosedError(case=number)
    return number


def resolve_case(store: StoreLike, ref: int | str) -> int:
    """A case id from an id or a case number (``UV-2026-0001``, any letter case)."""
    if isinstance(ref, int) or (isinstance(ref, str) and ref.strip().isdigit()):
        return case_row(store, int(ref))[0]
    row = store.conn.execute(
        "SELECT id FROM cases WHERE case_number = ?", (str(ref).strip().upper(),)
    ).fetchone()
    if row is None:
        raise CaseNotFoundError(case=str(ref)[:40])
    return int(row[0])


def record_case(store: StoreLike, table: str, record_id: int, record: str) -> int:
    """The case a record of ``table`` belongs to, or :class:`RecordNotFoundError`."""
    row = store.conn.execute(
        f"SELECT case_id FROM {table} WHERE id = ?",  # noqa: S608 - table is a constant
        (int(record_id),),
    ).fetchone()
    if row is None:
        raise RecordNotFoundError(record=record, id=int(record_id))
    return int(row[0])


def touch_case(store: StoreLike, case_id: int) -> None:
    # A row whose updated_at already holds this second is not written again (the same
    # value; an import touches each case once per record: a fifth of its time). A case
    # created in the running bulk import keeps the second it was created in: its records
    # are written within milliseconds of it, in the same transaction.
    if new_in_bulk(store, int(case_id)):
        return
    store.conn.execute(
        "UPDATE cases SET updated_at = ?1 WHERE id = ?2 AND updated_at IS NOT ?1",
        (utc_now(), int(case_id)),
    )


def audit(store: StoreLike, action: str, subject: str, **details: Any) -> None:
    """Append an audit entry in the current transaction (details: no personal data)."""
    store.audit.append(action, subject, details or None)


def with_field_prefix(exc: ValidationError, prefix: str) -> ValidationError:
    """Re-label a validation error's field as ``prefix.field`` (for the import format)."""
    field = exc.params.get("field")
    exc.params["field"] = f"{prefix}.{field}" if field else prefix
    exc.args = (exc.render(),)
    return exc


def insert(store: StoreLike, table: str, values: dict[str, Any]) -> int:
    """INSERT one row; ``table`` and the keys are constants of the calling repository."""
    cols = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    cur = store.conn.execute(
        f"INSERT INTO {table} ({cols}) VALUES ({marks})",  # noqa: S608 - constant names
        tuple(values.values()),
    )
    record_id = int(cur.lastrowid)
    capture.on_insert(store, table, record_id, values)
    return record_id


def changed(store: StoreLike, table: str, record_id: int, fields: tuple[str, ...]) -> None:
    """After a write that did not go through :func:`insert` or :func:`update` (a side table
    such as need ratings or follow-up links, a direct UPDATE): record it for colleagues when
    the case is shared (``fields``: the synced fields written, docs/sync.md §2)."""
    capture.on_update(store, table, int(record_id), fields)


def update(store: StoreLike, table: str, record_id: int, values: dict[str, Any]) -> None:
    """UPDATE one row by id; ``table`` and the keys are constants of the calling repository."""
    if not values:
        return
    sets = ", ".join(f"{k} = ?" for k in values)
    store.conn.execute(
        f"UPDATE {table} SET {sets} WHERE id = ?",  # noqa: S608 - constant names
        (*values.values(), int(record_id)),
    )
    capture.on_update(store, table, int(record_id), values)
