"""The access log (loggkontroll): who opened which case, and when — never what they read.

Opening a case — in the case view, or ``utvag case show``, ``case status`` or ``journal
list`` — appends a ``case.open`` entry to the store's audit log: who (the actor), which case
(subject: the case number; details: the case id and where it was opened, ``gui`` or
``cli``), when (the entry's time). No content: no name, no personnummer, no text.

Why the audit log and not a table of its own (docs/data-model.md, "Access log"): the audit
log is already the place a log follow-up reads, it is hash-chained and append-only by
trigger (an access record that can be quietly edited or removed is worth little), it is
never weeded (logs are kept at least five years, after a case is gone too), and the reveal
entries that a follow-up also needs (``reveal``, ``reveal.case_work``, ``document.open``,
``person.lookup``) are already there with the same subject. Schema step 6 indexes it by
subject and by actor so that filtering by case or by user stays fast.

Public API:

- ``log_case_open(store, case_id, via="gui") -> None``
- ``access_log(store, *, case=None, user=None, since=None, until=None, limit=None,
  reads_only=True) -> list[AccessEntry]`` — ``case`` is an id or a case number (a case that
  has been weeded can still be asked for by its number); ``reads_only`` keeps the entries
  that read a case (:data:`READ_ACTIONS`), otherwise every entry about it.
- ``users(store) -> list[str]`` — everyone who appears in the log (for a filter).
- ``export_access_log(store, out, entries, *, case=None, user=None) -> int`` — CSV (UTF-8,
  one header line), written atomically with mode 0600; audited ``access_log.export``.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storage.atomic import atomic_write_bytes
from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.records import validate as v

#: The audit actions that read a case file (what a loggkontroll asks about).
READ_ACTIONS: tuple[str, ...] = (
    "case.open",
    "reveal",
    "reveal.case_work",
    "document.open",
    "person.lookup",
)
VIA = ("gui", "cli")
CSV_COLUMNS = ("time_utc", "user", "action", "case_number", "details")


@dataclass(frozen=True)
class AccessEntry:
    seq: int
    ts: str  # UTC
    actor: str
    action: str
    case_number: str
    details: dict[str, Any]


def log_case_open(store: StoreLike, case_id: int, via: str = "gui") -> None:
    """Note that ``store.actor`` opened a case (no content is logged)."""
    where = via if via in VIA else "gui"
    with store.transaction():
        number = repo.case_number(store, case_id)
        repo.audit(store, "case.open", number, case_id=int(case_id), via=where)


def _case_number(store: StoreLike, case: int | str) -> str:
    if isinstance(case, int) or str(case).strip().isdigit():
        return repo.case_number(store, int(case))
    return v.required_text("case", case, limit=40).upper()


def access_log(
    store: StoreLike,
    *,
    case: int | str | None = None,
    user: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
    reads_only: bool = True,
) -> list[AccessEntry]:
    """Log entries, oldest first, filtered by case, user, time (``since`` inclusive,
    ``until`` exclusive, UTC ``YYYY-MM-DD...``) and, with ``reads_only``, to reads."""
    where: list[str] = []
    args: list[Any] = []
    if case is not None:
        where.append("subject = ?")
        args.append(_case_number(store, case))
    if user is not None and user.strip():
        where.append("actor = ?")
        args.append(user.strip())
    if since:
        where.append("ts >= ?")
        args.append(since)
    if until:
        where.append("ts < ?")
        args.append(until)
    if reads_only:
        where.append(f"action IN ({', '.join('?' for _ in READ_ACTIONS)})")
        args += READ_ACTIONS
    sql = "SELECT seq, ts, actor, action, subject, details FROM audit_log"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY seq"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    out = []
    for seq, ts, actor, action, subject, details in store.conn.execute(sql, args):
        try:
            parsed = json.loads(details)
        except ValueError:
            parsed = {}
        out.append(
            AccessEntry(
                int(seq), ts, actor, action, subject, parsed if isinstance(parsed, dict) else {}
            )
        )
    return out


def users(store: StoreLike) -> list[str]:
    rows = store.conn.execute("SELECT DISTINCT actor FROM audit_log ORDER BY actor")
    return [str(r[0]) for r in rows]


def to_csv(entries: Sequence[AccessEntry]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for e in entries:
        details = json.dumps(e.details, ensure_ascii=False, sort_keys=True)
        writer.writerow([e.ts, _cell(e.actor), e.action, _cell(e.case_number), _cell(details)])
    return buf.getvalue()


def _cell(text: str) -> str:
    """No formula injection when the file is opened in a spreadsheet."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def export_access_log(
    store: StoreLike,
    out: Path,
    entries: Sequence[AccessEntry],
    *,
    case: str | None = None,
    user: str | None = None,
) -> int:
    """Write ``entries`` as CSV to ``out`` (atomic, 0600); the export is audited."""
    target = Path(out)
    atomic_write_bytes(target, to_csv(entries).encode("utf-8"))
    try:
        repo.audit(
            store,
            "access_log.export",
            case or "",
            count=len(entries),
            by_case=case is not None,
            by_user=user is not None,
        )
    except BaseException:  # an export that is not in the log must not stay behind
        with contextlib.suppress(OSError):
            target.unlink()
        raise
    return len(entries)
