"""Journal drafts (utkast) and templates (mallar).

A draft is a journal entry that is not yet signed. It lives in ``journal_drafts``, a table of
its own, so that nothing that reads the journal — the case view's history, search, handover,
team sync, extracts, statistics — can meet one: a draft is never synced, exported or handed
over. Only its author may change, sign or delete it (``store.actor``; anyone else gets
:class:`DraftNotYoursError`). Signing writes an ordinary journal entry with the draft's
type, event date and text, written now by its author, and removes the draft in the same
transaction; from then on the entry is append-only under the journal's triggers.

Public API:

- ``add_draft(store, case_id, text, *, entry_type="other", event_date=None) -> int``
- ``update_draft(store, draft_id, *, text=None, entry_type=None, event_date=None)``
- ``delete_draft(store, draft_id)`` — a draft never became part of the journal.
- ``sign_draft(store, draft_id) -> int`` — the new journal entry's id.
- ``drafts(store, case_id) -> list[JournalDraft]``, ``draft(store, draft_id)``
- ``templates(store, entry_type=None) -> list[JournalTemplate]``, ``template(store, id)``,
  ``add_template(store, *, entry_type, name, text) -> int``,
  ``update_template(store, template_id, *, name=None, text=None)``,
  ``delete_template(store, template_id)``.

Like journal entries, drafts can be written on closed cases too (notes after closing).
Audit actions: ``journal.draft_add``, ``journal.draft_update``,
``journal.draft_delete``, ``journal.sign`` (details: ids and type codes, never the text),
``journal.template_add``, ``journal.template_update``, ``journal.template_delete``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from storage.casefile import repo
from storage.casefile.journal import (
    add_journal_entry,
    event_day,
)
from storage.casefile.repo import StoreLike
from storage.records import validate as v
from storage.records.case import (
    JournalDraft,
    JournalTemplate,
)
from storage.records.enums import EntryType
from storage.records.errors import (
    DraftNotYoursError,
    DuplicateNameError,
    RecordNotFoundError,
)

_DRAFT_COLUMNS = "id, case_id, author, entry_type, event_date, text, created_at, updated_at"
TEMPLATE_LIMIT = 20_000


def _draft(row: Sequence[Any]) -> JournalDraft:
    return JournalDraft(
        id=int(row[0]),
        case_id=int(row[1]),
        author=row[2],
        entry_type=EntryType(row[3]),
        event_date=repo.to_date(row[4]),
        text=row[5],
        created_at=row[6],
        updated_at=row[7],
    )


def draft(store: StoreLike, draft_id: int) -> JournalDraft:
    row = store.conn.execute(
        f"SELECT {_DRAFT_COLUMNS} FROM journal_drafts WHERE id = ?",  # noqa: S608 - constant
        (int(draft_id),),
    ).fetchone()
    if row is None:
        raise RecordNotFoundError(record="journal draft", id=int(draft_id))
    return _draft(row)


def drafts(store: StoreLike, case_id: int) -> list[JournalDraft]:
    """The drafts of a case (every author's; only the author may change them), oldest first."""
    repo.case_row(store, case_id)
    rows = store.conn.execute(
        f"SELECT {_DRAFT_COLUMNS} FROM journal_drafts WHERE case_id = ? "  # noqa: S608
        "ORDER BY created_at, id",
        (int(case_id),),
    )
    return [_draft(r) for r in rows]


def _own(store: StoreLike, draft_id: int) -> JournalDraft:
    found = draft(store, draft_id)
    if found.author != store.actor:
        raise DraftNotYoursError(draft=found.id)
    return found


def add_draft(
    store: StoreLike,
    case_id: int,
    text: str,
    *,
    entry_type: EntryType | str = EntryType.OTHER,
    event_date: dt.date | str | None = None,
) -> int:
    """Start a draft; its author is ``store.actor``."""
    body = v.required_text("text", text, limit=v.JOURNAL_LIMIT, multiline=True)
    kind = EntryType.parse(entry_type, "entry_type")
    day = event_day(event_date)
    with store.transaction():
        number = repo.case_number(store, case_id)
        now = repo.utc_now()
        draft_id = repo.insert(
            store,
            "journal_drafts",
            {
                "case_id": int(case_id),
                "author": store.actor,
                "entry_type": kind.value,
                "event_date": day.isoformat(),
                "text": body,
                "created_at": now,
                "updated_at": now,
            },
        )
        repo.audit(
            store,
            "journal.draft_add",
            number,
            case_id=int(case_id),
            draft_id=draft_id,
            entry_type=kind.value,
        )
    return draft_id


def update_draft(
    store: StoreLike,
    draft_id: int,
    *,
    text: str | None = None,
    entry_type: EntryType | str | None = None,
    event_date: dt.date | str | None = None,
) -> None:
    """Change a draft's text, type or event date (its author only)."""
    values: dict[str, Any] = {}
    if text is not None:
        values["text"] = v.required_text("text", text, limit=v.JOURNAL_LIMIT, multiline=True)
    if entry_type is not None:
        values["entry_type"] = EntryType.parse(entry_type, "entry_type").value
    if event_date is not None:
        values["event_date"] = event_day(event_date).isoformat()
    with store.transaction():
        found = _own(store, draft_id)
        number = repo.case_number(store, found.case_id)
        repo.update(store, "journal_drafts", found.id, {**values, "updated_at": repo.utc_now()})
        repo.audit(
            store,
            "journal.draft_update",
            number,
            case_id=found.case_id,
            draft_id=found.id,
            fields=sorted(values),
        )


def delete_draft(store: StoreLike, draft_id: int) -> None:
    """Throw a draft away (its author only); it never was part of the journal."""
    with store.transaction():
        found = _own(store, draft_id)
        number = repo.case_number(store, found.case_id)
        store.conn.execute("DELETE FROM journal_drafts WHERE id = ?", (found.id,))
        repo.audit(store, "journal.draft_delete", number, case_id=found.case_id, draft_id=found.id)


def sign_draft(store: StoreLike, draft_id: int) -> int:
    """Sign a draft (its author only): it becomes an append-only journal entry."""
    with store.transaction():
        found = _own(store, draft_id)
        number = repo.case_number(store, found.case_id)
        entry_id = add_journal_entry(
            store,
            found.case_id,
            found.text,
            entry_type=found.entry_type,
            event_date=found.event_date,
        )
        store.conn.execute("DELETE FROM journal_drafts WHERE id = ?", (found.id,))
        repo.audit(
            store,
            "journal.sign",
            number,
            case_id=found.case_id,
            draft_id=found.id,
            entry_id=entry_id,
        )
    return entry_id


# ---------------------------------------------------------------- templates


def _template(row: Sequence[Any]) -> JournalTemplate:
    return JournalTemplate(int(row[0]), EntryType(row[1]), row[2], row[3])


def template(store: StoreLike, template_id: int) -> JournalTemplate:
    row = store.conn.execute(
        "SELECT id, entry_type, name, text FROM journal_templates WHERE id = ?",
        (int(template_id),),
    ).fetchone()
    if row is None:
        raise RecordNotFoundError(record="template", id=int(template_id))
    return _template(row)


def templates(store: StoreLike, entry_type: EntryType | str | None = None) -> list[JournalTemplate]:
    """The templates, of one entry type or all, by type and name."""
    sql = "SELECT id, entry_type, name, text FROM journal_templates"
    args: tuple[Any, ...] = ()
    if entry_type is not None:
        sql += " WHERE entry_type = ?"
        args = (EntryType.parse(entry_type, "entry_type").value,)
    order = {t.value: i for i, t in enumerate(EntryType)}
    found = [_template(r) for r in store.conn.execute(sql, args)]
    return sorted(found, key=lambda t: (order[t.entry_type.value], t.name.casefold(), t.id))


def _name_free(store: StoreLike, kind: str, name: str, but: int | None = None) -> None:
    row = store.conn.execute(
        "SELECT id FROM journal_templates WHERE entry_type = ? AND name = ?", (kind, name)
    ).fetchone()
    if row is not None and int(row[0]) != but:
        raise DuplicateNameError(field="name")


def add_template(store: StoreLike, *, entry_type: EntryType | str, name: str, text: str) -> int:
    kind = EntryType.parse(entry_type, "entry_type").value
    clean_name = v.required_text("name", name, limit=100)
    body = v.text("text", text, required=False, limit=TEMPLATE_LIMIT, multiline=True) or ""
    with store.transaction():
        _name_free(store, kind, clean_name)
        now = repo.utc_now()
        template_id = repo.insert(
            store,
            "journal_templates",
            {
                "entry_type": kind,
                "name": clean_name,
                "text": body,
                "created_by": store.actor,
                "created_at": now,
                "updated_at": now,
            },
        )
        repo.audit(store, "journal.template_add", "", template_id=template_id, entry_type=kind)
    return template_id


def update_template(
    store: StoreLike, template_id: int, *, name: str | None = None, text: str | None = None
) -> None:
    values: dict[str, Any] = {}
    if name is not None:
        values["name"] = v.required_text("name", name, limit=100)
    if text is not None:
        values["text"] = (
            v.text("text", text, required=False, limit=TEMPLATE_LIMIT, multiline=True) or ""
        )
    with store.transaction():
        found = template(store, template_id)
        if "name" in values:
            _name_free(store, found.entry_type.value, values["name"], but=found.id)
        repo.update(store, "journal_templates", found.id, {**values, "updated_at": repo.utc_now()})
        repo.audit(
            store, "journal.template_update", "", template_id=found.id, fields=sorted(values)
        )


def delete_template(store: StoreLike, template_id: int) -> None:
    with store.transaction():
        found = template(store, template_id)
        store.conn.execute("DELETE FROM journal_templates WHERE id = ?", (found.id,))
        repo.audit(store, "journal.template_delete", "", template_id=found.id)
