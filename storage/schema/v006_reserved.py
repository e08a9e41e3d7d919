"""Schema step 6: RESERVED for another branch — a no-op placeholder on branch ``stats``.

The statistics ledger is step 7 (``v007_stats_ledger.py``), assigned while step 6 was being
written elsewhere. The loader needs steps numbered without gaps, so this placeholder keeps
step 7 loadable on this branch. DELETE THIS FILE when the real ``v006_*.py`` is merged
(two modules with ``VERSION = 6`` make the loader fail loudly, so it cannot be missed).
"""

from __future__ import annotations

from typing import Any

VERSION = 6


def upgrade(conn: Any) -> None:
    del conn
