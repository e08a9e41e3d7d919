"""TEMPORARY placeholder for schema step 9, which another branch adds in parallel.

It exists only so that step 10 (document text, disclosure grounds) can be numbered 10 and
tested on this branch (steps must be numbered 1..n without gaps). The lead drops this file
when the real step 9 is merged; it changes nothing.
"""

from __future__ import annotations

from typing import Any

VERSION = 9


def upgrade(conn: Any) -> None:
    del conn
