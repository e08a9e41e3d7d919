"""The search index of a bulk write, written once at its end instead of row by row.

The triggers of schema step 2 put a case's number, its persons' names, its journal text and
its documents' titles into ``search_index`` as each row is inserted. Its rowids run
*downwards* as records are added (``(2**40 - id) * 8 + kind``, so that an ascending scan
finds the newest texts first: storage/casefile/search.py), and FTS5 writes what it holds in
memory to disk whenever a rowid is not above the previous one — for a bulk write, after
every row: a 10,000-case import spent about 20 of its 61 seconds there, a colleague's 1,000
changes merged into a 10,000-case store about half of its time (docs/benchmarks.md).

:func:`deferred_search_index`, inside a bulk write's one transaction (the case import, the
demo builder, a team merge), drops the four insert triggers and records instead, in a
temporary table of the connection, what each would have done: "index this row", and for a
journal entry that corrects another, "the corrected version leaves the index" first. At the
end the last such event of each record decides: a row added and still there is indexed, in
one statement in ascending rowid order (the same rowids, texts and case ids the triggers
write); a corrected version's text is removed. Then the triggers are created again from
their own stored SQL. The update and delete triggers stay active throughout, so renames and
deletes inside the block (a merged removal; an id given again after one) come out as they
would row by row. SQLite's DDL is part of the transaction: if the write fails, is cancelled
or the process dies, the rollback brings the triggers back with everything else. The
triggers are dropped only when their SQL is the SQL this module reproduces; otherwise (a
later schema step changed them) the rows are simply indexed one by one as before.
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
    """One insert trigger of schema step 2: its table, kind, text column and case column."""

    trigger: str
    table: str
    kind: int
    text: str
    case: str

    @property
    def corrects(self) -> bool:
        """Whether a row can correct an earlier one (``corrects_id``): journal entries."""
        return self.table == "journal_entries"

    @property
    def sql(self) -> str:
        """The trigger as schema step 2 wrote it (compared with the stored SQL, whitespace
        folded; tests/test_search_bulk.py compares it with the step's text too)."""
        corrected = (
            "DELETE FROM search_index WHERE NEW.corrects_id IS NOT NULL "  # noqa: S608
            f"AND rowid = ({BASE} - NEW.corrects_id) * 8 + {self.kind}; "
            if self.corrects
            else ""
        )
        return (
            f"CREATE TRIGGER {self.trigger} AFTER INSERT ON {self.table} BEGIN "  # noqa: S608
            f"{corrected}INSERT INTO search_index(rowid, body, case_id) "
            f"VALUES (({BASE} - NEW.id) * 8 + {self.kind}, NEW.{self.text}, NEW.{self.case}); END"
        )


INDEXED = (
    Indexed("search_case_ins", "cases", 1, "case_number", "id"),
    Indexed("search_person_ins", "persons", 2, "name", "case_id"),
    Indexed("search_journal_ins", "journal_entries", 3, "text", "case_id"),
    Indexed("search_document_ins", "documents", 4, "title", "case_id"),
)

#: What the dropped triggers would have done, in order, kept by this connection only: for
#: each insert, "index this row" (``indexed = 1``), and before it, for a journal entry that
#: corrects another, "the corrected version leaves the index" (``indexed = 0``).
EVENTS = "utvag_search_events"
LAST = "utvag_search_last"
_SPACE = re.compile(r"\s+")


def _folded(sql: str) -> str:
    return _SPACE.sub(" ", sql).strip()


def _stored_triggers(conn: Any) -> dict[str, str] | None:
    """The four triggers' stored SQL, or ``None`` unless each is exactly the known one."""
    names = tuple(t.trigger for t in INDEXED)
    marks = ", ".join("?" for _ in names)
    where = f"type = 'trigger' AND name IN ({marks})"
    query = f"SELECT name, sql FROM sqlite_master WHERE {where}"  # noqa: S608 - only "?"s
    rows = conn.execute(query, names).fetchall()
    stored = {str(name): str(sql) for name, sql in rows}
    for t in INDEXED:
        if t.trigger not in stored or _folded(stored[t.trigger]) != _folded(t.sql):
            return None
    return stored


def _record(t: Indexed) -> str:
    """The temporary trigger that records what ``t``'s trigger would have done."""
    corrected = (
        f"INSERT INTO temp.{EVENTS} (kind, id, indexed) "
        f"SELECT {t.kind}, NEW.corrects_id, 0 WHERE NEW.corrects_id IS NOT NULL; "
        if t.corrects
        else ""
    )
    return (
        f"CREATE TEMP TRIGGER {EVENTS}_{t.table} AFTER INSERT ON main.{t.table} "  # noqa: S608
        f"BEGIN {corrected}INSERT INTO temp.{EVENTS} (kind, id, indexed) "
        f"VALUES ({t.kind}, NEW.id, 1); END"
    )


def _index_rows(conn: Any) -> None:
    """The index as the dropped triggers would have left it: for each record the last thing
    they would have done to it decides — a row added (and still there) is indexed, a version
    corrected leaves the index."""
    # SQLite takes a bare column of a max() aggregate from the row that has the max.
    conn.execute(
        f"CREATE TEMP TABLE {LAST} (kind INTEGER, id INTEGER, indexed INTEGER, "
        f"seq INTEGER, PRIMARY KEY (kind, id)) WITHOUT ROWID"
    )
    conn.execute(
        f"INSERT INTO temp.{LAST} SELECT kind, id, indexed, max(seq) "  # noqa: S608
        f"FROM temp.{EVENTS} GROUP BY kind, id"
    )
    conn.execute(
        f"DELETE FROM search_index WHERE rowid IN "  # noqa: S608 - constant names
        f"(SELECT ({BASE} - id) * 8 + kind FROM temp.{LAST} WHERE indexed = 0)"
    )
    selects = [
        f"SELECT ({BASE} - r.id) * 8 + {t.kind}, r.{t.text}, r.{t.case} "  # noqa: S608
        f"FROM temp.{LAST} l JOIN {t.table} r ON r.id = l.id "
        f"WHERE l.kind = {t.kind} AND l.indexed = 1"  # (table and column names: constants)
        for t in INDEXED
    ]
    # OR REPLACE: an update trigger (a person renamed after being added in the same block)
    # may already have written a row; the row as it stands now replaces it, as it would have.
    conn.execute(
        "INSERT OR REPLACE INTO search_index(rowid, body, case_id) "
        + " UNION ALL ".join(selects)
        + " ORDER BY 1"
    )


def _drop_recording(conn: Any) -> None:
    for t in INDEXED:
        conn.execute(f"DROP TRIGGER IF EXISTS temp.{EVENTS}_{t.table}")
    conn.execute(f"DROP TABLE IF EXISTS temp.{EVENTS}")
    conn.execute(f"DROP TABLE IF EXISTS temp.{LAST}")


@contextmanager
def deferred_search_index(conn: Any) -> Iterator[bool]:
    """Inside an open transaction: index the rows added in the block at its end, in one
    statement. Yields whether it defers (``False``: the triggers were not the known ones, and
    rows are indexed one by one as always).

    While the block runs, temporary triggers of this connection record what the dropped
    triggers would have done, in order (deletes and renames need nothing: their own triggers
    stay). On an exception the caller's rollback restores the triggers with everything
    else."""
    stored = _stored_triggers(conn)
    if stored is None:
        yield False
        return
    conn.execute(
        f"CREATE TEMP TABLE {EVENTS} (seq INTEGER PRIMARY KEY, kind INTEGER NOT NULL, "
        "id INTEGER NOT NULL, indexed INTEGER NOT NULL)"
    )
    for t in INDEXED:
        conn.execute(f"DROP TRIGGER {t.trigger}")
        conn.execute(_record(t))
    try:
        yield True
    except BaseException:
        with contextlib.suppress(Exception):  # the rollback that follows is what matters
            _drop_recording(conn)
        raise
    _index_rows(conn)
    _drop_recording(conn)
    for t in INDEXED:
        conn.execute(stored[t.trigger])
