"""What a report says about itself, as translatable sentences (context ``"Statistics"``):
the period widened to the grid, demo data, and earlier exports taken into account.

``notices(report) -> [Notice]``: each with its English source ``text``, ``params`` for
``str.format`` (and ``n``, -1: no plural forms). The CLI, the GUI and the
PDF translate them (desktop/i18n.py, ``QCoreApplication.translate``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Protocol

from storage.errors import QT_TRANSLATE_NOOP
from storage.statistics.periods import SNAPPED

DEMO = QT_TRANSLATE_NOOP(
    "Statistics", "Fictional demo data: this store holds demo cases and nothing else."
)
EARLIER = QT_TRANSLATE_NOOP(
    "Statistics",
    "Numbers are also hidden where, together with earlier exports from this store "
    "({count} so far), they would reveal a small group.",
)


class Described(Protocol):
    @property
    def start(self) -> dt.date: ...

    @property
    def end(self) -> dt.date: ...

    @property
    def requested(self) -> tuple[dt.date, dt.date]: ...

    @property
    def snapped(self) -> bool: ...

    @property
    def demo(self) -> bool: ...

    @property
    def earlier(self) -> int: ...


@dataclass(frozen=True)
class Notice:
    code: str  # "snapped", "demo", "earlier"
    text: str
    params: dict[str, str] = field(default_factory=dict)
    n: int = -1


def _span(first: dt.date, last: dt.date) -> str:
    return f"{first.isoformat()} – {last.isoformat()}"


def notices(report: Described) -> list[Notice]:
    out = []
    if report.snapped:
        params = {"requested": _span(*report.requested), "period": _span(report.start, report.end)}
        out.append(Notice("snapped", SNAPPED, params))
    if report.demo:
        out.append(Notice("demo", DEMO))
    if report.earlier:
        out.append(Notice("earlier", EARLIER, {"count": str(report.earlier)}))
    return out
