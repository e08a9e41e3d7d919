"""Reminders as an iCalendar file (RFC 5545) for the calendar the municipality uses.

An event carries the case number and the reminder type, and nothing else: no name, no
initials, no birth year, no text of a manual reminder (it is the caseworker's own words and
may name someone). A calendar lives outside the encrypted store — on a server, a phone —
so this is all it may learn. Each event is a whole day (``DTSTART;VALUE=DATE``), marked
``CLASS:CONFIDENTIAL`` and ``TRANSP:TRANSPARENT`` (it does not block time).

UIDs are stable: a hash of this store's id, the reminder's kind, case and the record it is
about — not of its date — so importing a newer export updates an event whose date moved
instead of adding a second one. The hash reveals nothing (the store id is random).

Lines end in CRLF and are folded at 75 octets, never inside a UTF-8 character; TEXT values
are escaped (``\\\\``, ``\\;``, ``\\,``, ``\\n``).

- ``reminders_ical(rows, case_numbers, *, store_id, labels=None, now=None,
  yearly_due=None, yearly_label=...) -> bytes``
- ``write_reminders_ical(store, out, rows, *, labels=None, yearly_due=None,
  yearly_label=...) -> int`` — the file written atomically (0600), the export audited
  (``reminders.export``: how many, never which).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from pathlib import Path

from storage.atomic import atomic_write_bytes
from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.records.parts import Reminder

PRODID = "-//Utväg//Påminnelser//SV"
LINE_OCTETS = 75
YEARLY_LABEL = "årlig gallring"


def escape_text(value: str) -> str:
    """An RFC 5545 TEXT value (section 3.3.11)."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> bytes:
    """One content line, folded at 75 octets (section 3.1), ending in CRLF."""
    data = line.encode("utf-8")
    out: list[bytes] = []
    limit = LINE_OCTETS
    while len(data) > limit:
        cut = limit
        while cut > 0 and (data[cut] & 0xC0) == 0x80:  # never inside a UTF-8 character
            cut -= 1
        out.append(data[:cut])
        data = data[cut:]
        limit = LINE_OCTETS - 1  # the leading space of a continuation line counts
    out.append(data)
    return b"\r\n ".join(out) + b"\r\n"


def reminder_uid(store_id: str, kind: str, case_number: str, ref: str) -> str:
    digest = hashlib.sha256(
        "\x1f".join(("utvag-reminder/v1", store_id, kind, case_number, ref)).encode("utf-8")
    ).hexdigest()
    return f"{digest[:40]}@utvag"


def _stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _event(uid: str, stamp: str, day: dt.date, summary: str, category: str) -> list[str]:
    return [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{day.strftime('%Y%m%d')}",
        f"DTEND;VALUE=DATE:{(day + dt.timedelta(days=1)).strftime('%Y%m%d')}",
        f"SUMMARY:{escape_text(summary)}",
        f"CATEGORIES:{escape_text(category)}",
        "CLASS:CONFIDENTIAL",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def reminders_ical(
    rows: Sequence[Reminder],
    case_numbers: Mapping[int, str],
    *,
    store_id: str,
    labels: Mapping[str, str] | None = None,
    now: dt.datetime | None = None,
    yearly_due: dt.date | None = None,
    yearly_label: str = YEARLY_LABEL,
) -> bytes:
    """The calendar: one all-day event per reminder (``labels``: kind code -> the type's
    text in the user's language; default the Swedish labels)."""
    stamp = _stamp(now or dt.datetime.now(dt.UTC))
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Utväg",
    ]
    for r in rows:
        number = case_numbers.get(r.case_id)
        if number is None:
            continue
        kind = (labels or {}).get(r.kind.value) or r.kind.label
        ref = str(r.ref_id) if r.ref_id is not None else hashlib.sha256(r.note.encode()).hexdigest()
        uid = reminder_uid(store_id, r.kind.value, number, ref)
        lines += _event(uid, stamp, r.due_on, f"{number}: {kind}", kind)
    if yearly_due is not None:
        uid = reminder_uid(store_id, "gallring_run", "", "")
        lines += _event(uid, stamp, yearly_due, f"Utväg: {yearly_label}", yearly_label)
    lines.append("END:VCALENDAR")
    return b"".join(fold(line) for line in lines)


def case_numbers(store: StoreLike, case_ids: Sequence[int]) -> dict[int, str]:
    ids = sorted({int(i) for i in case_ids})
    out: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        for case_id, number in store.conn.execute(
            f"SELECT id, case_number FROM cases WHERE id IN ({marks})",  # noqa: S608
            chunk,
        ):
            out[int(case_id)] = str(number)
    return out


def write_reminders_ical(
    store: StoreLike,
    out: Path,
    rows: Sequence[Reminder],
    *,
    labels: Mapping[str, str] | None = None,
    yearly_due: dt.date | None = None,
    yearly_label: str = YEARLY_LABEL,
) -> int:
    """Write the calendar to ``out`` (atomic, 0600) and audit the export; returns the
    number of events."""
    numbers = case_numbers(store, [r.case_id for r in rows])
    data = reminders_ical(
        rows,
        numbers,
        store_id=str(getattr(store, "store_id", "")),
        labels=labels,
        yearly_due=yearly_due,
        yearly_label=yearly_label,
    )
    count = sum(1 for r in rows if r.case_id in numbers) + (yearly_due is not None)
    target = Path(out)
    atomic_write_bytes(target, data)
    try:
        repo.audit(store, "reminders.export", "", events=count, format="ical")
    except BaseException:  # an export that is not in the log must not stay behind
        with contextlib.suppress(OSError):
            target.unlink()
        raise
    return count
