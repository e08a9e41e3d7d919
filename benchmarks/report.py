"""Benchmark results: every figure is measured in the same run as its baseline.

A figure with a baseline is measured as interleaved pairs (benchmarks/pairs.py): the value
and baseline shown are the medians of each side, the ratio is the median of the pairwise
ratios with its min–max. Writing docs/benchmarks.md replaces only the sections measured in
this run (each carries its own date), keeps the others, and keeps the hand-written notes
at the end (from the heading ``## Where the time went`` on).
"""

from __future__ import annotations

import platform
import re
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from benchmarks.pairs import Pairs

NOTES_HEADING = "## Where the time went"


@dataclass
class Result:
    section: str
    name: str
    value: float
    unit: str
    baseline: float | None = None
    baseline_name: str = ""
    aim: str = ""
    note: str = ""
    pairs: Pairs | None = None
    measured: float = field(default_factory=time.time)

    @property
    def ratio(self) -> float | None:
        if self.pairs is not None:
            return self.pairs.ratio
        if self.baseline in (None, 0):
            return None
        return self.value / self.baseline

    def ratio_text(self) -> str:
        if self.pairs is not None:
            return self.pairs.text()
        return f"{self.ratio:.2f}" if self.ratio is not None else ""


def _intro() -> list[str]:
    return [
        "# Benchmarks",
        "",
        "Written by `make bench` (benchmarks/run.py; `make bench-quick` for smaller sizes, "
        "into build/benchmarks-quick.md; "
        "`python -m benchmarks.run NAME` for one module, which rewrites only its sections). "
        "Every ratio compares a figure with a baseline measured in the same run on the same "
        "machine as **interleaved pairs** (benchmarks/pairs.py): after a warm-up of each side, "
        "A and B run alternately (A B, B A, …, at least 5 pairs); the value and baseline "
        "columns are the medians of each side, the ratio column is the **median of the "
        "pairwise ratios A/B with its min–max** and the number of pairs. A slow moment of a "
        "shared machine therefore hits both sides of the pair it falls in. Absolute times "
        "vary by machine; the aims are on the ratios.",
    ]


def _machine() -> str:
    return (
        f"{platform.machine()}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )


@dataclass
class Report:
    results: list[Result] = field(default_factory=list)

    def add(self, section: str, name: str, value: float, unit: str, **kw: object) -> Result:
        result = Result(section, name, value, unit, **kw)  # type: ignore[arg-type]
        self.results.append(result)
        print(
            f"  {section} / {name}: {value:.3f} {unit}"
            + (f" (x{result.ratio_text()})" if result.ratio else ""),
            flush=True,
        )
        return result

    def add_pairs(
        self, section: str, name: str, pairs: Pairs, baseline_name: str, **kw: object
    ) -> Result:
        """A figure against its baseline from interleaved pairs (milliseconds)."""
        return self.add(
            section,
            name,
            pairs.a_median,
            "ms",
            baseline=pairs.b_median,
            baseline_name=baseline_name,
            pairs=pairs,
            **kw,
        )

    def sections(self) -> dict[str, list[str]]:
        """Each measured section as markdown lines (heading first)."""
        grouped: dict[str, list[Result]] = {}
        for r in self.results:
            grouped.setdefault(r.section, []).append(r)
        out: dict[str, list[str]] = {}
        for section, rows in grouped.items():
            stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(rows[0].measured))
            lines = [
                f"## {section}",
                "",
                f"Measured {stamp} on {_machine()}.",
                "",
                "| measure | value | baseline | ratio (median of pairs, min–max) | aim | note |",
                "|---|---|---|---|---|---|",
            ]
            for r in rows:
                base = (
                    f"{r.baseline:.3f} {r.unit} ({r.baseline_name})"
                    if r.baseline is not None
                    else ""
                )
                lines.append(
                    f"| {r.name} | {r.value:.3f} {r.unit} | {base} | {r.ratio_text()} "
                    f"| {r.aim} | {r.note} |"
                )
            out[section] = lines
        return out

    def markdown(self, existing: str = "") -> str:
        """The whole page: this run's sections replace their namesakes in ``existing``."""
        blocks, notes = _split(existing)
        fresh = self.sections()
        for title, lines in fresh.items():
            blocks[title] = lines
        lines = _intro()
        for block in blocks.values():
            lines += ["", *block]
        if notes:
            lines += ["", *notes]
        return "\n".join(lines).rstrip("\n") + "\n"


def _split(text: str) -> tuple[dict[str, list[str]], list[str]]:
    """(sections by title, the notes part) of an existing page; the intro is dropped."""
    blocks: dict[str, list[str]] = {}
    notes: list[str] = []
    current: list[str] | None = None
    for line in text.splitlines():
        if line.startswith(NOTES_HEADING) or notes:
            notes.append(line)
            continue
        heading = re.match(r"## (.+)$", line)
        if heading:
            current = blocks.setdefault(heading.group(1), [])
            current.append(line)
        elif current is not None:
            current.append(line)
    for title, block in blocks.items():
        while block and not block[-1].strip():
            block.pop()
        blocks[title] = block
    while notes and not notes[-1].strip():
        notes.pop()
    return blocks, notes


def timeit(fn: Callable[[], object], repeat: int = 5) -> float:
    """Median wall time of ``fn`` in milliseconds (a figure without a baseline)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)
