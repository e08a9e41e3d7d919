"""The search index of a bulk import, written once at its end instead of row by row.

The triggers of schema step 2 put a case's number, its persons' names, its journal text and
its documents' titles into ``search_index`` as each row is inserted. Its rowids run
*downwards* as records are added (``(2**40 - id) * 8 + kind``, so that an ascending scan
finds the newest texts first: storage/casefile/search.py), and FTS5 writes what it holds in
memory to disk whenever a rowid is not above the previous one — for a bulk import, after
every row: a 10,000-case import spent about 20 of its 61 seconds there (docs/benchmarks.md).

:func:`deferred_search_index`, inside a bulk write's one transaction (the case import, the
demo builder), drops the four insert triggers, lets the rows be written, then indexes every
row added since it began in one statement in ascending rowid order (the same rowids, texts
and case ids the triggers would have written), and creates the triggers again from their own
stored SQL. SQLite's DDL is part of the transaction: if the write fails, is cancelled or the
process dies, the rollback brings the triggers back with everything else. The update and
delete triggers stay active throughout, and a journal entry that corrects another removes
the corrected version's text at the end as its trigger would have done. The triggers are
dropped only when their SQL is the SQL this module reproduces; otherwise (a later schema step
changed them) the rows are simply indexed one by one as before.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

#: 2**40: the rowid base of schema step 2 (rowid = (BASE - id) * 8 + kind).
BASE = 1099511627776


@dataclass(frozen=True)
class Indexed:
    """One insert trigger of schema step 2: its table, kind, text column and case column,
    and its SQL as that step wrote it (compared with the stored SQL, whitespace folded)."""

    trigger: str
    table: str
    kind: int
    text: str
    case: str
    sql: str


INDEXED = (
    Indexed(
        "search_case_ins",
        "cases",
        1,
        "case_number",
        "id",
        """CREATE TRIGGER search_case_ins AFTER INSERT ON cases BEGIN
          INSERT INTO search_index(rowid, body, case_id)
            VALUES ((1099511627776 - NEW.id) * 8 + 1, NEW.case_number, NEW.id);
        END""",
    ),
    Indexed(
        "search_person_ins",
        "persons",
        2,
        "name",
        "case_id",
        """CREATE TRIGGER search_person_ins AFTER INSERT ON persons BEGIN
          INSERT INTO search_index(rowid, body, case_id)
            VALUES ((1099511627776 - NEW.id) * 8 + 2, NEW.name, NEW.case_id);
        END""",
    ),
    Indexed(
        "search_journal_ins",
        "journal_entries",
        3,
        "text",
        "case_id",
        """CREATE TRIGGER search_journal_ins AFTER INSERT ON journal_entries BEGIN
          DELETE FROM search_index WHERE NEW.corrects_id IS NOT NULL
            AND rowid = (1099511627776 - NEW.corrects_id) * 8 + 3;
          INSERT INTO search_index(rowid, body, case_id)
            VALUES ((1099511627776 - NEW.id) * 8 + 3, NEW.text, NEW.case_id);
        END""",
    ),
    Indexed(
        "search_document_ins",
        "documents",
        4,
        "title",
        "case_id",
        """CREATE TRIGGER search_document_ins AFTER INSERT ON documents BEGIN
          INSERT INTO search_index(rowid, body, case_id)
            VALUES ((1099511627776 - NEW.id) * 8 + 4, NEW.title, NEW.case_id);
        END""",
    ),
)

NO_DELETE = "utvag_bulk_no_delete_"
NO_DELETE_MESSAGE = "no row is deleted while the search index waits for the end of a bulk import"
_SPACE = re.compile(r"\s+")


def _folded(sql: str) -> str:
    return _SPACE.sub(" ", sql).strip()


def _stored_triggers(conn: Any) -> dict[str, str] | None:
    """The four triggers' stored SQL, or ``None`` unless each is exactly the known one."""
    names = tuple(t.trigger for t in INDEXED)
    rows = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (?, ?, ?, ?)",
        names,
    ).fetchall()
    stored = {str(name): str(sql) for name, sql in rows}
    for t in INDEXED:
        if t.trigger not in stored or _folded(stored[t.trigger]) != _folded(t.sql):
            return None
    return stored


def _index_rows(conn: Any, start: dict[str, int]) -> None:
    """What the dropped triggers would have written for every row added since ``start``."""
    selects = []
    args: list[int] = []
    for t in INDEXED:
        unused = ""
        if t.table == "journal_entries":  # a version corrected in this import: not indexed
            unused = " AND NOT EXISTS (SELECT 1 FROM journal_entries c WHERE c.corrects_id = r.id)"
        selects.append(
            f"SELECT ({BASE} - r.id) * 8 + {t.kind}, r.{t.text}, r.{t.case} "  # noqa: S608
            f"FROM {t.table} r WHERE r.id > ?{unused}"  # (table and column names: constants)
        )
        args.append(start[t.table])
    # The rows of older versions corrected by a journal entry of this import.
    conn.execute(
        "DELETE FROM search_index WHERE rowid IN (SELECT (? - corrects_id) * 8 + 3 "
        "FROM journal_entries WHERE id > ? AND corrects_id IS NOT NULL AND corrects_id <= ?)",
        (BASE, start["journal_entries"], start["journal_entries"]),
    )
    # OR REPLACE: an update trigger (a person's name changed later in the same import) may
    # already have written a row; the row as it stands now replaces it, as the trigger's would.
    conn.execute(
        "INSERT OR REPLACE INTO search_index(rowid, body, case_id) "
        + " UNION ALL ".join(selects)
        + " ORDER BY 1",
        args,
    )


def _last_id(conn: Any, table: str) -> int:
    sql = f"SELECT coalesce(max(id), 0) FROM {table}"  # noqa: S608 - a constant name
    return int(conn.execute(sql).fetchone()[0])


def _drop_guards(conn: Any) -> None:
    for t in INDEXED:
        conn.execute(f"DROP TRIGGER IF EXISTS temp.{NO_DELETE}{t.table}")


@contextmanager
def deferred_search_index(conn: Any) -> Iterator[bool]:
    """Inside an open transaction: index the rows added in the block at its end, in one
    statement. Yields whether it defers (``False``: the triggers were not the known ones, and
    rows are indexed one by one as always).

    The block may add and change rows of the four tables but not delete them: a deleted row
    could give its id to a new one, which would then not count as new, so deleting is
    refused while it runs (a temporary trigger of this connection; a bulk import deletes
    nothing). On an exception the
    caller's rollback restores the triggers with everything else."""
    stored = _stored_triggers(conn)
    if stored is None:
        yield False
        return
    start = {t.table: _last_id(conn, t.table) for t in INDEXED}
    for t in INDEXED:
        conn.execute(f"DROP TRIGGER {t.trigger}")
        conn.execute(
            f"CREATE TEMP TRIGGER {NO_DELETE}{t.table} BEFORE DELETE ON main.{t.table} "
            f"BEGIN SELECT RAISE(ABORT, '{NO_DELETE_MESSAGE}'); END"
        )
    try:
        yield True
    except BaseException:
        with contextlib.suppress(Exception):  # the rollback that follows is what matters
            _drop_guards(conn)
        raise
    _drop_guards(conn)
    _index_rows(conn, start)
    for t in INDEXED:
        conn.execute(stored[t.trigger])
