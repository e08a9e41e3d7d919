"""The iCalendar export of reminders (RFC 5545), read back by a strict reader written here."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from storage.casefile import (
    assessments,
    cases,
    followups,
    persons,
)
from storage.casework import (
    ical,
    reminders,
)
from storage.records import ReminderKind
from storage.vault.store import Store
from tests.case_fixtures import (
    days,
    store,
    store_template,
)

__all__ = ["store", "store_template"]
_NAME = re.compile(r"^[A-Z][A-Z0-9-]*$")


def strict_parse(data: bytes) -> list[dict[str, tuple[dict[str, str], str]]]:
    """Read an iCalendar stream the way RFC 5545 says, refusing anything else.

    Checks: CRLF only, every physical line at most 75 octets, UTF-8, unfolding, property
    names, BEGIN/END nesting, required properties; returns each VEVENT's properties
    (name -> (params, unescaped value)), refusing duplicates of single-valued ones."""
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    physical = data[:-2].split(b"\r\n")
    for line in physical:
        assert len(line) <= 75, line
        line.decode("utf-8")  # every line alone is valid UTF-8: no character was split
    logical: list[bytes] = []
    for line in physical:
        if line.startswith((b" ", b"\t")):
            assert logical, "a continuation line cannot come first"
            logical[-1] += line[1:]
        else:
            logical.append(line)
    stack: list[str] = []
    events: list[dict[str, tuple[dict[str, str], str]]] = []
    calendar: dict[str, str] = {}
    for raw in logical:
        text = raw.decode("utf-8")
        head, sep, value = text.partition(":")
        assert sep, text
        name, *params = head.split(";")
        assert _NAME.match(name), name
        parsed = {}
        for p in params:
            key, eq, val = p.partition("=")
            assert eq and _NAME.match(key), p
            parsed[key] = val
        if name == "BEGIN":
            stack.append(value)
            if value == "VEVENT":
                events.append({})
            continue
        if name == "END":
            assert stack and stack.pop() == value, text
            continue
        assert stack, text
        if stack[-1] == "VCALENDAR":
            calendar[name] = value
        else:
            assert stack == ["VCALENDAR", "VEVENT"]
            assert name not in events[-1], f"{name} twice"
            events[-1][name] = (parsed, _unescape(value, list_value=name == "CATEGORIES"))
    assert stack == [] and logical[0] == b"BEGIN:VCALENDAR"
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    for event in events:
        for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
            assert required in event, required
        assert event["DTSTART"][0] == {"VALUE": "DATE"}
        assert re.fullmatch(r"\d{8}T\d{6}Z", event["DTSTAMP"][1])
    return events


def _unescape(value: str, *, list_value: bool = False) -> str:
    out, i = [], 0
    while i < len(value):
        ch = value[i]
        if ch == "\\":
            nxt = value[i + 1]
            assert nxt in "\\;,nN", value
            out.append("\n" if nxt in "nN" else nxt)
            i += 2
            continue
        assert ch != ";" and (list_value or ch != ","), f"unescaped {ch!r} in a TEXT value"
        out.append(ch)
        i += 1
    return "".join(out)


def test_folding_escaping_and_a_strict_read() -> None:
    long = "åäö, ;\\ " * 40 + "€"
    assert ical.escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    folded = ical.fold(f"SUMMARY:{ical.escape_text(long)}")
    assert all(len(line) <= 75 for line in folded.split(b"\r\n"))
    reminder_like = [
        (ReminderKind.MANUAL, 1, dt.date(2026, 3, 1), "Ring Jonas Jönsson, 0701234567"),
    ]
    rows = [
        reminders.Reminder(kind=k, case_id=c, due_on=d, label="UV-2026-0001 · J.J. · 1994", note=n)
        for k, c, d, n in reminder_like
    ]
    data = ical.reminders_ical(
        rows,
        {1: "UV-2026-0001"},
        store_id="s",
        labels={"manual": long},
        now=dt.datetime(2026, 2, 1, 8, 30, tzinfo=dt.UTC),
    )
    [event] = strict_parse(data)
    assert event["SUMMARY"][1] == f"UV-2026-0001: {long}"
    assert event["DTSTART"][1] == "20260301" and event["DTEND"][1] == "20260302"
    assert event["DTSTAMP"][1] == "20260201T083000Z" and event["CLASS"][1] == "CONFIDENTIAL"
    assert b"J.J." not in data and b"Jonas" not in data and b"0701234567" not in data


def test_export_of_a_store_only_case_number_and_type(store: Store, tmp_path: Path) -> None:
    case_id = cases.create_case(store, case_type="defector", home_municipality="Umeå")
    persons.add_person(store, case_id, name="Hemlig Person", birth_year=1990)
    assessments.add_threat_assessment(
        store,
        case_id,
        source_unit="Polisregion Nord",
        assessed_on=days(-10),
        level="high",
        summary="Hot",
        next_review_on=days(5),
    )
    followups.add_reminder(store, case_id, due_on=days(3), text="Ring Hemlig Person")
    rows = reminders.reminders(store, within_days=30)
    assert len(rows) == 2
    out = tmp_path / "paminnelser.ics"
    count = ical.write_reminders_ical(store, out, rows, yearly_due=days(40))
    assert count == 3 and out.stat().st_mode & 0o777 == 0o600
    events = strict_parse(out.read_bytes())
    number = cases.get_case(store, case_id).case_number
    assert [e["SUMMARY"][1] for e in events] == [
        f"{number}: påminnelse",
        f"{number}: ny hotbedömning",
        "Utväg: årlig gallring",
    ]
    text = out.read_text(encoding="utf-8")
    assert "Hemlig" not in text and "H.P." not in text and "1990" not in text
    again = tmp_path / "igen.ics"
    ical.write_reminders_ical(store, again, reminders.reminders(store, within_days=30))
    uids = [e["UID"][1] for e in events]
    assert len(set(uids)) == 3
    assert [e["UID"][1] for e in strict_parse(again.read_bytes())] == uids[:2]  # stable
    [entry, _] = store.audit.entries(action="reminders.export")
    assert entry.details == {"events": 3, "format": "ical"}


def test_the_reader_refuses_what_rfc_5545_refuses() -> None:
    row = reminders.Reminder(ReminderKind.MANUAL, 1, dt.date(2026, 3, 1), "x")
    good = ical.reminders_ical([row], {1: "UV-2026-0001"}, store_id="s")
    strict_parse(good)
    for bad in (
        good.replace(b"\r\n", b"\n"),
        good.replace(b"END:VCALENDAR\r\n", b""),
        good.replace(b"SUMMARY:UV-2026-0001", b"SUMMARY:UV,2026"),
        good.replace(b"DTSTART;VALUE=DATE", b"X-START;VALUE=DATE"),
        good.replace(b"PRODID:", b"PRODID:" + b"x" * 80),
    ):
        with pytest.raises(AssertionError):
            strict_parse(bad)
