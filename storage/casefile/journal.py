"""The journal (journalanteckningar): append-only, corrected by new versions, never erased.

Public API:

- ``add_journal_entry(store, case_id, text, *, entry_type="other", event_date=None) -> int``
  — author ``store.actor``, time now (UTC); the event date (händelsedatum, the day the
  contact happened) defaults to today and may not lie in the future.
- ``correct_journal_entry(store, entry_id, text, reason, *, entry_type=None,
  event_date=None) -> int`` — a rättelse: a new version linked to the one it replaces (which
  must be the latest version of its entry and not felmarkerad); the earlier version stays
  readable with who/when/why on the new one. Type and event date are kept unless given.
- ``mark_journal_erroneous(store, entry_id, reason)`` — felmarkera the latest version, once.
- ``journal(store, case_id, entry_type=None) -> list[JournalThread]`` — each entry as it
  reads now, with its earlier versions, oldest entry first; ``entry_type`` (one or several)
  keeps the entries whose current version has that type.
- ``journal_entry(store, entry_id) -> JournalEntry`` — one version.

The SQL triggers of schema steps 2 and 9 refuse any UPDATE of text, author, time, links,
type or event date and any DELETE outside a gallring run, whatever code tries. Drafts
(utkast) are not journal entries until signed: :mod:`storage.casefile.drafts`. Audit
actions: ``journal.add``, ``journal.correct``, ``journal.mark_erroneous`` (details: ids and
the type code only, never the text).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.records import validate as v
from storage.records.case import (
    JournalEntry,
    JournalThread,
)
from storage.records.enums import EntryType
from storage.records.errors import (
    JournalEntryErroneousError,
    JournalEntrySupersededError,
    RecordNotFoundError,
)
from storage.team import capture

_COLUMNS = (
    "id, case_id, coalesce(original_id, id), corrects_id, version, author, written_at, text, "
    "correction_reason, imported, erroneous_by, erroneous_at, erroneous_reason, entry_type, "
    "event_date"
)
REASON_LIMIT = 1000


def _entry(row: Sequence[Any]) -> JournalEntry:
    return JournalEntry(
        id=int(row[0]),
        case_id=int(row[1]),
        original_id=int(row[2]),
        corrects_id=row[3],
        version=int(row[4]),
        author=row[5],
        written_at=row[6],
        text=row[7],
        correction_reason=row[8],
        imported=bool(row[9]),
        erroneous_by=row[10],
        erroneous_at=row[11],
        erroneous_reason=row[12],
        entry_type=EntryType(row[13]),
        event_date=repo.to_date(row[14]),
    )


def event_day(value: object, default: dt.date | None = None) -> dt.date:
    """A valid event date (händelsedatum): a date, not in the future; else ``default``
    (today when not given)."""
    today = repo.today()
    chosen = v.date("event_date", value, required=False)
    return v.not_future("event_date", chosen, today) or default or today


def journal_entry(store: StoreLike, entry_id: int) -> JournalEntry:
    row = store.conn.execute(
        f"SELECT {_COLUMNS} FROM journal_entries WHERE id = ?",  # noqa: S608 - constant
        (int(entry_id),),
    ).fetchone()
    if row is None:
        raise RecordNotFoundError(record="journal entry", id=int(entry_id))
    return _entry(row)


def add_journal_entry(
    store: StoreLike,
    case_id: int,
    text: str,
    *,
    author: str | None = None,
    written_at: str | None = None,
    imported: bool = False,
    entry_type: EntryType | str = EntryType.OTHER,
    event_date: dt.date | str | None = None,
) -> int:
    """Append an entry. ``author``/``written_at`` are for imports of existing case files only."""
    body = v.required_text("text", text, limit=v.JOURNAL_LIMIT, multiline=True)
    who = v.required_text("author", author or store.actor, limit=100)
    when = v.utc_time("written_at", written_at) if written_at else repo.utc_now()
    kind = EntryType.parse(entry_type, "entry_type")
    day = event_day(event_date, repo.must_date(when[:10]))
    with store.transaction():
        number = repo.case_number(store, case_id)
        entry_id = repo.insert(
            store,
            "journal_entries",
            {
                "case_id": int(case_id),
                "author": who,
                "written_at": when,
                "text": body,
                "imported": int(imported),
                "entry_type": kind.value,
                "event_date": day.isoformat(),
            },
        )
        repo.touch_case(store, case_id)
        repo.audit(
            store,
            "journal.add",
            number,
            case_id=int(case_id),
            entry_id=entry_id,
            entry_type=kind.value,
        )
    return entry_id


def _latest_check(store: StoreLike, entry: JournalEntry) -> None:
    newer = store.conn.execute(
        "SELECT id FROM journal_entries WHERE corrects_id = ?", (entry.id,)
    ).fetchone()
    if newer is not None:
        raise JournalEntrySupersededError(entry=entry.id, newer=int(newer[0]))
    if entry.is_erroneous:
        raise JournalEntryErroneousError(entry=entry.id)


def correct_journal_entry(
    store: StoreLike,
    entry_id: int,
    text: str,
    reason: str,
    *,
    entry_type: EntryType | str | None = None,
    event_date: dt.date | str | None = None,
) -> int:
    """Write a rättelse of ``entry_id``; returns the new version's id."""
    body = v.required_text("text", text, limit=v.JOURNAL_LIMIT, multiline=True)
    why = v.required_text("reason", reason, limit=REASON_LIMIT, multiline=True)
    kind = None if entry_type is None else EntryType.parse(entry_type, "entry_type")
    day = None if event_date is None else event_day(event_date)
    with store.transaction():
        old = journal_entry(store, entry_id)
        _latest_check(store, old)
        number = repo.case_number(store, old.case_id)
        kind = kind or old.entry_type
        day = day or old.event_date
        new_id = repo.insert(
            store,
            "journal_entries",
            {
                "case_id": old.case_id,
                "original_id": old.original_id,
                "corrects_id": old.id,
                "version": old.version + 1,
                "author": store.actor,
                "written_at": repo.utc_now(),
                "text": body,
                "correction_reason": why,
                "entry_type": kind.value,
                "event_date": repo.iso(day),
            },
        )
        repo.touch_case(store, old.case_id)
        repo.audit(
            store,
            "journal.correct",
            number,
            case_id=old.case_id,
            entry_id=new_id,
            corrects=old.id,
            original=old.original_id,
        )
    return new_id


def mark_journal_erroneous(store: StoreLike, entry_id: int, reason: str) -> None:
    """Felmarkera the latest version of an entry (who, when, why); it stays readable."""
    why = v.required_text("reason", reason, limit=REASON_LIMIT, multiline=True)
    with store.transaction():
        entry = journal_entry(store, entry_id)
        _latest_check(store, entry)
        number = repo.case_number(store, entry.case_id)
        store.conn.execute(
            "UPDATE journal_entries SET erroneous_by = ?, erroneous_at = ?, "
            "erroneous_reason = ? WHERE id = ?",
            (store.actor, repo.utc_now(), why, entry.id),
        )
        capture.on_update(store, "journal_entries", entry.id, ("erroneous_by",))
        repo.touch_case(store, entry.case_id)
        repo.audit(
            store, "journal.mark_erroneous", number, case_id=entry.case_id, entry_id=entry.id
        )


def journal(
    store: StoreLike,
    case_id: int,
    entry_type: EntryType | str | Iterable[EntryType | str] | None = None,
) -> list[JournalThread]:
    """Every entry of a case as it reads now, with earlier versions; oldest entry first.

    With ``entry_type`` only the entries whose current version has (one of) that type."""
    wanted: set[EntryType] | None = None
    if entry_type is not None:
        items = [entry_type] if isinstance(entry_type, str) else list(entry_type)
        wanted = {EntryType.parse(t, "entry_type") for t in items}
    repo.case_row(store, case_id)
    rows = store.conn.execute(
        f"SELECT {_COLUMNS} FROM journal_entries WHERE case_id = ? "  # noqa: S608 - constant
        "ORDER BY coalesce(original_id, id), version, written_at, uid",
        (int(case_id),),
    )
    versions: dict[int, list[JournalEntry]] = {}
    for row in rows:
        entry = _entry(row)
        versions.setdefault(entry.original_id, []).append(entry)
    threads = [JournalThread(current=vs[-1], earlier=tuple(vs[:-1])) for vs in versions.values()]
    if wanted is not None:
        threads = [t for t in threads if t.current.entry_type in wanted]
    threads.sort(key=lambda t: (t.earlier[0] if t.earlier else t.current).written_at)
    return threads
