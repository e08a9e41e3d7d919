"""The statistics ledger: what this store has released (schema step 7).

- ``load(store) -> History`` — every earlier release as the disclosure planner sees it:
  its cells (published or not, with the units behind each), the lines of its tables, and
  how it saw each unit (frames, dimension values, cost).
- ``record(store, draft, *, kind, fmt, sha256) -> int`` — add a release (in the caller's
  transaction: an export writes its file, its audit entry and its ledger rows together).

Units are named ``c<case id>`` and ``i<intervention id>`` while their case exists, and
``u<unit id>`` once gallring has removed it: what was released about a unit stays
released, so it keeps counting in every later check.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.statistics.cells import CellKey, Presence
from storage.statistics.world import Hist, Line, Release


class Recordable(Protocol):
    """What a release being exported must tell the ledger."""

    @property
    def start(self) -> Any: ...

    @property
    def end(self) -> Any: ...

    @property
    def municipality(self) -> str | None: ...

    @property
    def threshold(self) -> int: ...

    @property
    def counts(self) -> dict[CellKey, int]: ...

    @property
    def amounts(self) -> dict[CellKey, int]: ...

    @property
    def published(self) -> set[CellKey]: ...

    @property
    def lines(self) -> Sequence[Line]: ...

    @property
    def presences(self) -> dict[str, Presence]: ...


@dataclass
class History:
    releases: list[Release] = field(default_factory=list)
    units: dict[str, Hist] = field(default_factory=dict)

    @property
    def published(self) -> set[CellKey]:
        return {k for r in self.releases for k in r.published}


def _uid(row: Sequence[Any]) -> str:
    unit_id, case_id, intervention_id = row
    if case_id is not None:
        return f"c{int(case_id)}"
    if intervention_id is not None:
        return f"i{int(intervention_id)}"
    return f"u{int(unit_id)}"


def load(store: StoreLike) -> History:
    conn = store.conn
    history = History()
    names = {
        int(r[0]): _uid(r)
        for r in conn.execute("SELECT id, case_id, intervention_id FROM stats_units")
    }
    keys_of: dict[int, dict[int, CellKey]] = {}
    for release_id, threshold in conn.execute(
        "SELECT id, threshold FROM stats_releases ORDER BY id"
    ).fetchall():
        counts: dict[CellKey, int] = {}
        published: set[CellKey] = set()
        numbered: dict[int, CellKey] = {}
        for number, text, shown, units in conn.execute(
            "SELECT number, key, published, units FROM stats_release_cells WHERE release_id = ?",
            (int(release_id),),
        ):
            key = CellKey.parse(str(text))
            numbered[int(number)] = key
            counts[key] = int(units)
            if shown:
                published.add(key)
        lines = []
        for kind, cells in conn.execute(
            "SELECT kind, cells FROM stats_release_lines WHERE release_id = ? ORDER BY number",
            (int(release_id),),
        ):
            numbers = [int(n) for n in str(cells).split(",")]
            keys = [numbered[n] for n in numbers]
            lines.append(Line(keys[0], tuple(keys[1:]), str(kind)))
        keys_of[int(release_id)] = numbered
        history.releases.append(
            Release(int(release_id), int(threshold), counts, published, tuple(lines))
        )
    for release_id, unit_id, frames, dims, amount in conn.execute(
        "SELECT release_id, unit_id, frames, dims, amount FROM stats_release_units"
    ):
        numbered = keys_of[int(release_id)]
        presence = Presence(
            frozenset(numbered[int(n)] for n in str(frames).split(",") if n),
            {d: frozenset(v) for d, v in json.loads(str(dims)).items()},
            int(amount),
        )
        history.units.setdefault(names[int(unit_id)], {})[int(release_id)] = presence
    return history


def _unit(store: StoreLike, uid: str) -> int:
    column, kind = ("case_id", "case") if uid[0] == "c" else ("intervention_id", "grant")
    ref = int(uid[1:])
    row = store.conn.execute(
        f"SELECT id FROM stats_units WHERE {column} = ?",  # noqa: S608 - fixed column names
        (ref,),
    ).fetchone()
    if row is not None:
        return int(row[0])
    cursor = store.conn.execute(
        f"INSERT INTO stats_units ({column}, kind) VALUES (?, ?)",  # noqa: S608
        (ref, kind),
    )
    return int(cursor.lastrowid)


def record(store: StoreLike, draft: Recordable, *, kind: str, fmt: str, sha256: str) -> int:
    """Add ``draft`` (its cells, lines and units) to the ledger; returns the release id."""
    conn = store.conn
    cursor = conn.execute(
        "INSERT INTO stats_releases (kind, period_start, period_end, municipality, threshold, "
        "format, sha256, released_by, released_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            kind,
            draft.start.isoformat(),
            draft.end.isoformat(),
            draft.municipality,
            int(draft.threshold),
            fmt,
            sha256,
            store.actor,
            repo.utc_now(),
        ),
    )
    release_id = int(cursor.lastrowid)
    keys = sorted(set(draft.counts) | {f for p in draft.presences.values() for f in p.frames})
    number = {key: i for i, key in enumerate(keys)}
    conn.executemany(
        "INSERT INTO stats_release_cells (release_id, number, key, published, units, amount) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [
            (
                release_id,
                number[key],
                key.text(),
                int(key in draft.published),
                int(draft.counts.get(key, 0)),
                draft.amounts.get(key),
            )
            for key in keys
        ],
    )
    conn.executemany(
        "INSERT INTO stats_release_lines (release_id, number, kind, cells) VALUES (?, ?, ?, ?)",
        [
            (
                release_id,
                i,
                line.kind,
                ",".join(str(number[k]) for k in (line.group, *line.categories)),
            )
            for i, line in enumerate(draft.lines)
        ],
    )
    rows = []
    for uid in sorted(draft.presences):
        presence = draft.presences[uid]
        frames = ",".join(str(number[f]) for f in sorted(presence.frames))
        dims = json.dumps(
            {d: sorted(v) for d, v in sorted(presence.dims.items())}, separators=(",", ":")
        )
        rows.append((release_id, _unit(store, uid), frames, dims, int(presence.amount)))
    conn.executemany(
        "INSERT INTO stats_release_units (release_id, unit_id, frames, dims, amount) "
        "VALUES (?, ?, ?, ?, ?)",
        rows,
    )
    return release_id


def earlier(store: StoreLike) -> int:
    """How many releases the ledger holds."""
    return int(store.conn.execute("SELECT count(*) FROM stats_releases").fetchone()[0])
