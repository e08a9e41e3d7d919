"""A growing delay after failed unlock attempts that survives a restart (``unlock-state.json``).

After 3 failures in a row the next attempt must wait ``min(2 ** (n - 3), 300)`` seconds
after the last failure. An attempt inside the delay is refused *before* any KDF runs.
A successful unlock audits the recorded failures and removes the file.

Honest limit: this slows guessing through Utväg on this machine. Someone who can write
the store folder can delete the file, and someone who copied the files runs Argon2id
offline without it; against them the protection is Argon2id plus the device secret.
"""

from __future__ import annotations

import contextlib
import json
import math
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from storage.atomic import (
    atomic_write_bytes,
    fsync_dir,
)
from storage.errors import (
    QT_TRANSLATE_NOOP,
    UtvagError,
)
from storage.json_input import loads_untrusted

FILE_NAME = "unlock-state.json"
FORMAT = "utvag-unlock-state"
FREE_ATTEMPTS = 3
MAX_DELAY_SECONDS = 300.0
MAX_REMEMBERED = 50


class UnlockThrottledError(UtvagError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Too many failed attempts to open the store. Wait {retry_after} seconds and try again.",
    )
    code = "unlock_throttled"

    def __init__(self, *, retry_after: float) -> None:
        self.retry_after = float(retry_after)
        super().__init__(retry_after=max(1, math.ceil(retry_after)))


@dataclass(frozen=True)
class UnlockState:
    failed_attempts: int = 0
    last_failure: float | None = None
    #: (UTC ISO time, kind) of failures not yet written to the audit log.
    failures: tuple[tuple[str, str], ...] = field(default_factory=tuple)

    def retry_after(self, now: float | None = None) -> float:
        """Seconds until the next attempt is allowed (0 when it is allowed now)."""
        delay = delay_for(self.failed_attempts)
        if delay <= 0 or self.last_failure is None:
            return 0.0
        now = time.time() if now is None else now
        if now < self.last_failure:  # the clock went back: wait the full delay
            return delay
        return max(0.0, self.last_failure + delay - now)


def delay_for(failed_attempts: int) -> float:
    if failed_attempts < FREE_ATTEMPTS:
        return 0.0
    return min(2.0 ** (failed_attempts - FREE_ATTEMPTS), MAX_DELAY_SECONDS)


def _parse(data: Any) -> UnlockState:
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("version") != 1:
        raise ValueError("unlock state")
    count, last, failures = data["failed_attempts"], data["last_failure"], data["failures"]
    if type(count) is not int or count < 0 or not isinstance(last, int | float):
        raise ValueError("unlock state values")
    pairs = tuple((str(f["at"]), str(f["kind"])) for f in failures)
    return UnlockState(count, float(last), pairs[-MAX_REMEMBERED:])


def read_state(store_dir: Path) -> UnlockState:
    """The recorded failures; an absent file means none.

    A damaged file is treated as no failures: anyone able to damage it could as well
    delete it, so refusing to open would only lock out the rightful user.
    """
    try:
        raw = (store_dir / FILE_NAME).read_bytes()
    except FileNotFoundError:
        return UnlockState()
    except OSError:
        return UnlockState()
    try:
        return _parse(loads_untrusted(raw))
    except (ValueError, KeyError, TypeError):
        return UnlockState()


def check(store_dir: Path, now: float | None = None) -> UnlockState:
    """Raise :class:`UnlockThrottledError` inside the delay; otherwise return the state."""
    state = read_state(store_dir)
    wait = state.retry_after(now)
    if wait > 0:
        raise UnlockThrottledError(retry_after=wait)
    return state


def record_failure(store_dir: Path, kind: str, now: float | None = None) -> UnlockState:
    """Count one failed attempt (the only write a refused unlock makes)."""
    now = time.time() if now is None else now
    old = read_state(store_dir)
    at = datetime.fromtimestamp(now, UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    state = UnlockState(
        old.failed_attempts + 1, now, ((*old.failures, (at, kind)))[-MAX_REMEMBERED:]
    )
    doc = {
        "format": FORMAT,
        "version": 1,
        "failed_attempts": state.failed_attempts,
        "last_failure": state.last_failure,
        "failures": [{"at": a, "kind": k} for a, k in state.failures],
    }
    atomic_write_bytes(store_dir / FILE_NAME, (json.dumps(doc, indent=2) + "\n").encode())
    return state


def reset(store_dir: Path) -> None:
    """Forget the failures (after a successful unlock has audited them)."""
    path = store_dir / FILE_NAME
    if path.exists():
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        fsync_dir(store_dir)
