"""Schema step 7: the statistics ledger — what this store has released, so that every new
release is checked against all earlier ones (docs/statistics.md, "The ledger").

- ``stats_releases`` — one row per export of statistics (``stats``) or of a grant summary
  (``grant``): period, municipality filter, threshold, format, SHA-256 of the file, who
  and when. The audit entry of the export names the release.
- ``stats_release_cells`` — every cell of the release (published or hidden), numbered
  within it: its canonical key (storage/statistics/cells.py), whether it was published,
  and the number of units behind it (and their kronor, for grant money).
- ``stats_units`` — the units the releases counted: a case or a grant-funded
  intervention. When gallring removes the case or intervention, the unit stays (its
  reference becomes NULL): what was released about it stays released.
- ``stats_release_units`` — how one release saw one unit: the numbers of the frames it lay
  in, its dimension values (JSON: gender, case type, ...) and, for grant money, its cost.
  No names, dates or places: only what the released cells count.
- ``stats_release_lines`` — the lines of the release's tables (a column or a row: its
  total and its other cells), for the rule on zeros.

Everything is append-only (triggers); the only change allowed is a unit losing its
reference when its case is weeded.
"""

from __future__ import annotations

from typing import Any

VERSION = 7

STATEMENTS = (
    """
    CREATE TABLE stats_releases (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL CHECK (kind IN ('stats','grant')),
        period_start TEXT NOT NULL,
        period_end TEXT NOT NULL,
        municipality TEXT,
        threshold INTEGER NOT NULL CHECK (threshold >= 2),
        format TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        released_by TEXT NOT NULL,
        released_at TEXT NOT NULL,
        CHECK (period_end >= period_start)
    ) STRICT
    """,
    """
    CREATE TABLE stats_release_cells (
        release_id INTEGER NOT NULL REFERENCES stats_releases(id),
        number INTEGER NOT NULL,
        key TEXT NOT NULL,
        published INTEGER NOT NULL CHECK (published IN (0, 1)),
        units INTEGER NOT NULL CHECK (units >= 0),
        amount INTEGER,
        PRIMARY KEY (release_id, number),
        UNIQUE (release_id, key)
    ) STRICT
    """,
    """
    CREATE TABLE stats_units (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        case_id INTEGER UNIQUE REFERENCES cases(id) ON DELETE SET NULL,
        intervention_id INTEGER UNIQUE REFERENCES interventions(id) ON DELETE SET NULL,
        kind TEXT NOT NULL CHECK (kind IN ('case','grant')),
        CHECK (case_id IS NULL OR intervention_id IS NULL)
    ) STRICT
    """,
    """
    CREATE TABLE stats_release_units (
        release_id INTEGER NOT NULL REFERENCES stats_releases(id),
        unit_id INTEGER NOT NULL REFERENCES stats_units(id),
        frames TEXT NOT NULL,
        dims TEXT NOT NULL,
        amount INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (release_id, unit_id)
    ) STRICT
    """,
    """
    CREATE TABLE stats_release_lines (
        release_id INTEGER NOT NULL REFERENCES stats_releases(id),
        number INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('column','row')),
        cells TEXT NOT NULL,
        PRIMARY KEY (release_id, number)
    ) STRICT
    """,
    "CREATE INDEX stats_units_case ON stats_units(case_id)",
    "CREATE INDEX stats_units_intervention ON stats_units(intervention_id)",
)

APPEND_ONLY = (
    "stats_releases",
    "stats_release_cells",
    "stats_release_units",
    "stats_release_lines",
)


def upgrade(conn: Any) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
    for table in APPEND_ONLY:
        for event in ("UPDATE", "DELETE"):
            conn.execute(
                f"CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table} "
                "BEGIN SELECT RAISE(ABORT, 'the statistics ledger is append-only'); END"
            )
    conn.execute(
        "CREATE TRIGGER stats_units_fixed BEFORE UPDATE ON stats_units "
        "WHEN NEW.id IS NOT OLD.id OR NEW.kind IS NOT OLD.kind "
        "OR (NEW.case_id IS NOT NULL AND NEW.case_id IS NOT OLD.case_id) "
        "OR (NEW.intervention_id IS NOT NULL AND NEW.intervention_id IS NOT OLD.intervention_id) "
        "BEGIN SELECT RAISE(ABORT, 'the statistics ledger is append-only'); END"
    )
    conn.execute(
        "CREATE TRIGGER stats_units_no_delete BEFORE DELETE ON stats_units "
        "BEGIN SELECT RAISE(ABORT, 'the statistics ledger is append-only'); END"
    )
