"""Interleaved pairs: the one way every ratio in docs/benchmarks.md is measured.

A ratio of two medians measured one after the other is at the mercy of the machine: on a
shared machine a slow minute can land on one side only. Here the two sides run alternately
(A, B, A, B, …) after a warm-up of each, and the ratio reported is the median of the
pairwise ratios A_i / B_i, with their minimum and maximum, so a slow moment hits both sides
of the pair it falls in and the spread shows how far a single pair can be trusted.

The helper times each call with ``perf_counter``; with ``self_timed=True`` the calls return
their own figure in milliseconds instead (a child process reporting when its window was
shown, a step timed inside a larger call).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

#: At least this many pairs after the warm-up (the issue's rule: five).
MIN_PAIRS = 5

Measure = Callable[[], object]


@dataclass(frozen=True)
class Pairs:
    """The figures of ``pairs`` interleaved runs of A and B (milliseconds)."""

    a: tuple[float, ...]
    b: tuple[float, ...]

    @property
    def ratios(self) -> tuple[float, ...]:
        return tuple(x / y for x, y in zip(self.a, self.b, strict=True) if y > 0)

    @property
    def a_median(self) -> float:
        return statistics.median(self.a)

    @property
    def b_median(self) -> float:
        return statistics.median(self.b)

    @property
    def ratio(self) -> float:
        return statistics.median(self.ratios)

    @property
    def low(self) -> float:
        return min(self.ratios)

    @property
    def high(self) -> float:
        return max(self.ratios)

    def text(self) -> str:
        """``1.02 (0.95–1.10, 7 pairs)``: median of the pairwise ratios, min–max, count."""
        return f"{self.ratio:.2f} ({self.low:.2f}–{self.high:.2f}, {len(self.a)} pairs)"


def _run(measure: Measure, self_timed: bool) -> float:
    start = time.perf_counter()
    own = measure()
    elapsed = (time.perf_counter() - start) * 1000
    return float(own) if self_timed else elapsed  # type: ignore[arg-type]


def interleaved(
    measure_a: Measure,
    measure_b: Measure,
    *,
    pairs: int = 7,
    warmup: int = 1,
    between: Callable[[], object] | None = None,
    self_timed: bool = False,
) -> Pairs:
    """Run ``warmup`` unrecorded rounds of A then B, then ``pairs`` recorded rounds, the
    order alternating (A, B), (B, A), … so neither side always runs second (after the
    other has warmed or cooled a cache). ``between`` runs untimed after every call (clean-up:
    remove an output file, close a store)."""
    if pairs < MIN_PAIRS:
        raise ValueError(f"at least {MIN_PAIRS} pairs")
    a: list[float] = []
    b: list[float] = []

    def one(measure: Measure) -> float:
        figure = _run(measure, self_timed)
        if between is not None:
            between()
        return figure

    for _ in range(warmup):
        one(measure_a)
        one(measure_b)
    for i in range(pairs):
        if i % 2 == 0:
            a.append(one(measure_a))
            b.append(one(measure_b))
        else:
            b.append(one(measure_b))
            a.append(one(measure_a))
    return Pairs(tuple(a), tuple(b))
