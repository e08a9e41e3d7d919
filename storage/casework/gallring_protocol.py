"""The gallringsprotokoll, the yearly gallring reminder, and backups that still hold weeded
cases.

- ``protocols(store) -> list[GallringProtocol]`` — every run, newest first: date, who, the
  decision it rests on (``decision_ref``, e.g. the board's gallringsbeslut), the reason,
  counts, and what was kept and why (case number and reason; the number is blanked if a
  later run weeds that case). ``protocol(store, run_id)`` — one run, with the hashes of
  the cases it deleted.
- ``yearly_gallring(store, today=None) -> YearlyGallring`` — gallring is a yearly routine:
  due a year after the last run (or, never run, a year after the store was created), with
  how many cases a run today would delete. Meta ``gallring_interval_days`` changes the
  interval (default 365).
- ``weeded_after(store, created) -> int`` — how many cases gallring has deleted since a
  moment (a backup manifest's ``created``): a backup made before a gallring still holds
  those cases, and restoring it would bring them back; the backup view flags such backups
  and says they should be destroyed or kept only as long as the rules allow.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.casework.gallring import due_for_gallring
from storage.records.errors import RecordNotFoundError

INTERVAL_KEY = "gallring_interval_days"
DEFAULT_INTERVAL_DAYS = 365


@dataclass(frozen=True)
class KeptCase:
    case_number: str | None  # None once a later run has weeded it
    case_ref: str
    reason: str  # exemption | open_handover | research_sample | open_share
    due_on: dt.date


@dataclass(frozen=True)
class GallringProtocol:
    run_id: int
    run_at: str  # UTC
    run_on: dt.date
    actor: str
    decision_ref: str | None
    reason: str
    deleted: int
    kept_exempt: int
    kept_research_sample: int
    kept_open_handover: int
    kept: tuple[KeptCase, ...]
    deleted_refs: tuple[str, ...] = ()


_RUNS = (
    "SELECT id, run_at, run_on, actor, decision_ref, reason, deleted, kept_exempt, "
    "kept_research_sample, kept_open_handover FROM gallring_runs"
)


def _kept(store: StoreLike, run_id: int) -> tuple[KeptCase, ...]:
    rows = store.conn.execute(
        "SELECT case_number, case_ref, reason, due_on FROM gallring_kept WHERE run_id = ? "
        "ORDER BY id",
        (run_id,),
    )
    return tuple(KeptCase(r[0], r[1], r[2], repo.must_date(r[3])) for r in rows)


def _protocol(store: StoreLike, r: tuple[object, ...], refs: bool) -> GallringProtocol:
    run_id = int(str(r[0]))
    deleted_refs: tuple[str, ...] = ()
    if refs:
        deleted_refs = tuple(
            str(x[0])
            for x in store.conn.execute(
                "SELECT case_ref FROM gallring_log WHERE run_id = ? ORDER BY id", (run_id,)
            )
        )
    return GallringProtocol(
        run_id=run_id,
        run_at=str(r[1]),
        run_on=repo.must_date(str(r[2])),
        actor=str(r[3]),
        decision_ref=None if r[4] is None else str(r[4]),
        reason=str(r[5]),
        deleted=int(str(r[6])),
        kept_exempt=int(str(r[7])),
        kept_research_sample=int(str(r[8])),
        kept_open_handover=int(str(r[9])),
        kept=_kept(store, run_id),
        deleted_refs=deleted_refs,
    )


def protocols(store: StoreLike) -> list[GallringProtocol]:
    rows = store.conn.execute(f"{_RUNS} ORDER BY id DESC").fetchall()
    return [_protocol(store, tuple(r), refs=False) for r in rows]


def protocol(store: StoreLike, run_id: int) -> GallringProtocol:
    row = store.conn.execute(f"{_RUNS} WHERE id = ?", (int(run_id),)).fetchone()
    if row is None:
        raise RecordNotFoundError(record="gallring run", id=int(run_id))
    return _protocol(store, tuple(row), refs=True)


@dataclass(frozen=True)
class YearlyGallring:
    last_run_on: dt.date | None
    interval_days: int
    due_on: dt.date
    due: bool
    cases_due: int  # what a run today would delete


def _interval(store: StoreLike) -> int:
    row = store.conn.execute("SELECT value FROM meta WHERE key = ?", (INTERVAL_KEY,)).fetchone()
    try:
        return max(1, int(row[0])) if row else DEFAULT_INTERVAL_DAYS
    except ValueError:
        return DEFAULT_INTERVAL_DAYS


def yearly_gallring(store: StoreLike, today: dt.date | None = None) -> YearlyGallring:
    day = today or repo.today()
    days = _interval(store)
    row = store.conn.execute("SELECT max(run_on) FROM gallring_runs").fetchone()
    last = repo.to_date(row[0]) if row and row[0] else None
    if last is None:
        created = store.conn.execute("SELECT value FROM meta WHERE key = 'created'").fetchone()
        since = dt.date.fromisoformat(str(created[0])[:10]) if created else day
    else:
        since = last
    due_on = since + dt.timedelta(days=days)
    return YearlyGallring(last, days, due_on, day >= due_on, len(due_for_gallring(store, day)))


def _moment(value: str) -> dt.datetime:
    text = value.strip().replace("Z", "+00:00")
    moment = dt.datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def weeded_after(store: StoreLike, created: str) -> int:
    """Cases deleted by gallring runs after ``created`` (ISO UTC, e.g. a backup's manifest
    time); more than 0 means a backup made then still holds weeded cases. A run's time is
    kept to the second: a run in the same second as the backup counts as after it (a
    warning too many is safer than a backup of weeded cases going unnoticed)."""
    since = _moment(created).replace(microsecond=0)
    total = 0
    for run_at, deleted in store.conn.execute(
        "SELECT run_at, deleted FROM gallring_runs WHERE deleted > 0"
    ):
        if _moment(str(run_at)) >= since:
            total += int(deleted)
    return total
