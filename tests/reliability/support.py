"""Shared helpers of the reliability suite: scale, seeds, figures, side logs, bounds.

- ``UTVAG_RELIABILITY=long`` selects the long budgets (``make reliability``); the default is
  the short, seeded sample that ``make test`` runs.
- ``UTVAG_RELIABILITY_SEED`` fixes the master seed (default :data:`DEFAULT_SEED`); every
  failure message names it, so a failing run can be repeated exactly.
- ``UTVAG_RELIABILITY_RESULTS=FILE`` makes each test append its figures (runs, inputs, hits,
  detections, seconds) as one JSON line; scripts/reliability_report.py turns them into
  docs/reliability.md.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SEED = 20260607
LONG = os.environ.get("UTVAG_RELIABILITY", "").lower() == "long"
SEED = int(os.environ.get("UTVAG_RELIABILITY_SEED", DEFAULT_SEED))
RESULTS_ENV = "UTVAG_RELIABILITY_RESULTS"

T = TypeVar("T")


def budget(short: T, long: T) -> T:
    """The short value for ``make test``, the long one for ``make reliability``."""
    return long if LONG else short


def seed_for(*parts: object) -> int:
    """A stable seed derived from the master seed and ``parts`` (no Python hash salt)."""
    import hashlib

    text = ":".join(str(p) for p in (SEED, *parts))
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:6], "big")


def reproduce(test: str) -> str:
    scale = "UTVAG_RELIABILITY=long " if LONG else ""
    return f"reproduce: {scale}UTVAG_RELIABILITY_SEED={SEED} pytest {test}"


def record(name: str, **figures: Any) -> None:
    """Append this test's figures to the results file (when the report script asked for it)."""
    target = os.environ.get(RESULTS_ENV)
    line = {"name": name, "scale": "long" if LONG else "short", "seed": SEED, **figures}
    print(f"[reliability] {json.dumps(line, ensure_ascii=False, sort_keys=True)}")
    if target:
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")


def child_env(**extra: str) -> dict[str, str]:
    """The environment for subprocesses: the repo on the path, English messages."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    env["UTVAG_LANG"] = "en"
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.update(extra)
    return env


def run_cli(
    *args: str, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """``python -m desktop ARGS`` in a new process (the real command line)."""
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        cwd=ROOT,
        env=env or child_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def run_python_module(
    module: str, *args: str, env: dict[str, str] | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=ROOT,
        env=env or child_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


# ---------------------------------------------------------------- side log of intent / done


def read_side_log(path: Path) -> list[dict[str, Any]]:
    """The worker's fsynced JSON lines; a torn last line (killed mid-write) is dropped."""
    if not path.exists():
        return []
    out = []
    for line in path.read_bytes().split(b"\n"):
        if not line.strip():
            continue
        try:
            out.append(json.loads(line))
        except ValueError:
            continue  # only the last line can be torn; an unfinished intent means "not begun"
    return out


# ---------------------------------------------------------------- bounds for hostile input


class Hang(Exception):
    """Raised by the watchdog when one input takes longer than its bound."""


@contextlib.contextmanager
def time_bound(seconds: float) -> Iterator[None]:
    """Interrupt the main thread after ``seconds`` (SIGALRM): a hang becomes :class:`Hang`."""

    def fire(signum: int, frame: Any) -> None:
        raise Hang(f"no result after {seconds} s")

    old = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


@dataclass
class Outcome:
    """What one hostile input did: accepted, refused (typed), or something it must not do."""

    accepted: int = 0
    refused: int = 0
    bad: list[str] = field(default_factory=list)
    peak: int = 0
    slowest: float = 0.0
    errors: dict[str, int] = field(default_factory=dict)

    @property
    def inputs(self) -> int:
        return self.accepted + self.refused + len(self.bad)


def attempt(
    outcome: Outcome,
    fn: Callable[[], Any],
    *,
    label: str,
    seconds: float = 5.0,
    max_bytes: int = 64 * 1024 * 1024,
    traced: bool = True,
) -> Any:
    """Run ``fn`` on one input: success or a UtvagError; never another exception, a hang or
    more than ``max_bytes`` of Python allocations (tracemalloc peak)."""
    from storage.errors import UtvagError

    result = None
    start = time.perf_counter()
    if traced:
        tracemalloc.start()
        tracemalloc.reset_peak()
    try:
        with time_bound(seconds):
            result = fn()
        outcome.accepted += 1
    except UtvagError as exc:
        outcome.refused += 1
        outcome.errors[type(exc).__name__] = outcome.errors.get(type(exc).__name__, 0) + 1
    except Hang as exc:
        outcome.bad.append(f"{label}: hang ({exc})")
    except BaseException as exc:
        if isinstance(exc, KeyboardInterrupt):
            raise
        outcome.bad.append(f"{label}: {type(exc).__name__}: {str(exc)[:120]}")
    finally:
        elapsed = time.perf_counter() - start
        outcome.slowest = max(outcome.slowest, elapsed)
        if traced:
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            outcome.peak = max(outcome.peak, peak)
            if peak > max_bytes:
                outcome.bad.append(f"{label}: Python allocations peaked at {peak} bytes")
    return result


# ---------------------------------------------------------------- Hypothesis helpers


def fuzz_settings(short: int, long: int) -> Any:
    """Seeded, deterministic Hypothesis settings; our own watchdog bounds each example."""
    from hypothesis import HealthCheck, settings

    return settings(
        max_examples=budget(short, long),
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )


def json_values() -> Any:
    """Any JSON value, including the awkward ones (huge, negative, unicode tricks)."""
    from hypothesis import strategies as st

    texts = st.one_of(
        st.text(max_size=40),
        st.sampled_from(
            [
                "",
                "0",
                "-1",
                "1e309",
                "\u202e",
                "../../x",
                "\x00",
                "ä" * 300,
                "2024-02-30",
                "9999-12-31",
                "UV-2024-0001",
                "x" * 5000,
            ]
        ),
    )
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.sampled_from([0, -1, 2**31, 2**63, 10**30, -(10**30)]),
        st.floats(allow_nan=False),
        texts,
    )
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4),
        max_leaves=12,
    )


def mutate_json(data: Any, doc: Any, *, rounds: int = 3) -> Any:
    """A structural mutation of ``doc`` (a deep copy): replace, delete, add or retype nodes."""
    import copy

    from hypothesis import strategies as st

    doc = copy.deepcopy(doc)
    for _ in range(data.draw(st.integers(1, rounds))):
        parent: Any = None
        key: Any = None
        node = doc
        while isinstance(node, (dict, list)) and node and data.draw(st.integers(0, 3)) > 0:
            keys = list(node) if isinstance(node, dict) else list(range(len(node)))
            parent, key = node, data.draw(st.sampled_from(keys))
            node = node[key]
        action = data.draw(st.sampled_from(["replace", "delete", "add", "duplicate"]))
        if parent is None:
            if action == "replace":
                doc = data.draw(json_values())
            continue
        if action == "replace":
            parent[key] = data.draw(json_values())
        elif action == "delete":
            del parent[key]
        elif action == "add" and isinstance(parent, dict):
            parent[data.draw(st.text(max_size=12))] = data.draw(json_values())
        elif action == "add":
            parent.append(data.draw(json_values()))
        elif isinstance(parent, list):
            parent.extend([parent[key]] * data.draw(st.integers(1, 50)))
    return doc


def mutate_bytes(data: Any, blob: bytes) -> bytes:
    """Bit flips, byte sets, cuts and insertions."""
    from hypothesis import strategies as st

    out = bytearray(blob)
    for _ in range(data.draw(st.integers(1, 4))):
        choice = data.draw(st.sampled_from(["flip", "set", "cut", "insert"]))
        pos = data.draw(st.integers(0, max(0, len(out) - 1)))
        if choice == "flip" and out:
            out[pos] ^= 1 << data.draw(st.integers(0, 7))
        elif choice == "set" and out:
            out[pos] = data.draw(st.integers(0, 255))
        elif choice == "cut":
            del out[pos : pos + data.draw(st.integers(1, 600))]
        else:
            out[pos:pos] = data.draw(st.binary(min_size=1, max_size=64))
    return bytes(out)


def deep_json(depth: int, kind: str = "list") -> bytes:
    return (
        (b"[" * depth + b"]" * depth)
        if kind == "list"
        else (b'{"a":' * depth + b"1" + b"}" * depth)
    )
