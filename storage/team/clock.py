"""The hybrid logical clock, persisted in the store (``team_clock``, docs/sync.md §2).

A timestamp is ``PPPPPPPPPPPPP-LLLL``: milliseconds since 1970 (UTC, 13 digits) and a
counter (4 digits), so text order is time order. :func:`tick` returns a timestamp later than
every one this store has made or seen, whatever the wall clock does (set back, restarted);
:func:`observe` moves the clock past a colleague's. A trigger keeps the row from going back.
"""

from __future__ import annotations

import re
import time
from typing import Any

CLOCK_RE = re.compile(r"[0-9]{13}-[0-9]{4}")
_MAX_LOGICAL = 9999
MAX_AHEAD_MS = 60 * 60 * 1000  # a colleague's clock may be at most an hour ahead of ours


def format_clock(physical: int, logical: int) -> str:
    return f"{physical:013d}-{logical:04d}"


def parse_clock(value: str) -> tuple[int, int]:
    physical, logical = value.split("-")
    return int(physical), int(logical)


def wall_ms() -> int:
    return int(time.time() * 1000)


def _read(conn: Any) -> tuple[int, int]:
    row = conn.execute("SELECT physical, logical FROM team_clock WHERE id = 1").fetchone()
    return int(row[0]), int(row[1])


def _write(conn: Any, physical: int, logical: int) -> None:
    conn.execute(
        "UPDATE team_clock SET physical = ?, logical = ? WHERE id = 1", (physical, logical)
    )


def tick(conn: Any, now_ms: int | None = None) -> str:
    """The next timestamp (call inside the transaction that uses it)."""
    wall = wall_ms() if now_ms is None else now_ms
    physical, logical = _read(conn)
    if wall > physical:
        physical, logical = wall, 0
    elif logical < _MAX_LOGICAL:
        logical += 1
    else:
        physical, logical = physical + 1, 0
    _write(conn, physical, logical)
    return format_clock(physical, logical)


def observe(conn: Any, remote: str) -> None:
    """Move our clock to a colleague's timestamp if it is later (never back)."""
    theirs = parse_clock(remote)
    if theirs > _read(conn):
        _write(conn, *theirs)


def current(conn: Any) -> str:
    return format_clock(*_read(conn))
