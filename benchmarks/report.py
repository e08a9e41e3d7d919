"""Benchmark results: every figure is measured in the same run as its baseline."""

from __future__ import annotations

import platform
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field


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

    @property
    def ratio(self) -> float | None:
        if self.baseline in (None, 0):
            return None
        return self.value / self.baseline


@dataclass
class Report:
    results: list[Result] = field(default_factory=list)

    def add(self, section: str, name: str, value: float, unit: str, **kw: object) -> Result:
        result = Result(section, name, value, unit, **kw)  # type: ignore[arg-type]
        self.results.append(result)
        print(
            f"  {section} / {name}: {value:.3f} {unit}"
            + (f" (x{result.ratio:.2f})" if result.ratio else "")
        )
        return result

    def markdown(self) -> str:
        lines = [
            "# Benchmarks",
            "",
            "Written by `make bench` (benchmarks/run.py). Each ratio compares a figure with a "
            "baseline measured in the same run on the same machine; absolute times vary by "
            "machine.",
            "",
            f"Machine: {platform.machine()}, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}; "
            f"run at {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.",
        ]
        sections: dict[str, list[Result]] = {}
        for r in self.results:
            sections.setdefault(r.section, []).append(r)
        for section, rows in sections.items():
            lines += [
                "",
                f"## {section}",
                "",
                "| measure | value | baseline | ratio | aim | note |",
                "|---|---|---|---|---|---|",
            ]
            for r in rows:
                base = (
                    f"{r.baseline:.3f} {r.unit} ({r.baseline_name})"
                    if r.baseline is not None
                    else ""
                )
                ratio = f"{r.ratio:.2f}" if r.ratio is not None else ""
                lines.append(
                    f"| {r.name} | {r.value:.3f} {r.unit} | {base} | {ratio} | {r.aim} | {r.note} |"
                )
        return "\n".join(lines) + "\n"


def timeit(fn: Callable[[], object], repeat: int = 5) -> float:
    """Median wall time of ``fn`` in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)
