"""TEMPORARY placeholder for schema step 8, which another branch defines.

Only here so that the schema package (steps numbered 1..n without gaps) loads on the
``year`` branch while step 9 is developed; it changes nothing. Drop this file when the
branches are merged: the real step 8 takes its place.
"""

from __future__ import annotations

from typing import Any

VERSION = 8


def upgrade(conn: Any) -> None:
    del conn
