"""The self-test's report: one :class:`Check` per step and the :class:`SelftestReport`."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from storage.errors import UtvagError

OK, WARN, FAIL, SKIP = "ok", "warn", "FAIL", "skip"


@dataclass
class Check:
    name: str
    title: str
    status: str = OK
    detail: str = ""
    seconds: float = 0.0

    @property
    def line(self) -> str:
        """``ok  store: create/unlock - detail`` (one line, as printed)."""
        text = f"{self.status:<3} {self.name}: {self.title}"
        return f"{text} - {self.detail}" if self.detail else text


@dataclass
class SelftestReport:
    version: str
    frozen: bool
    python: str
    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(c.status != FAIL for c in self.checks)

    def check(self, name: str) -> Check:
        return next(c for c in self.checks if c.name == name)

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "version": self.version,
            "frozen": self.frozen,
            "python": self.python,
            "checks": [asdict(c) for c in self.checks],
        }


class CheckFailed(Exception):
    """A check's own finding (its message is the detail line)."""


def describe(exc: BaseException) -> str:
    if isinstance(exc, UtvagError):
        return f"{type(exc).__name__}: {exc.render()}"
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__
