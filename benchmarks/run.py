"""`make bench`: runs each benchmarks/bench_*.py ``run(report)``, writes docs/benchmarks.md.

``python -m benchmarks.run [NAME ...]`` runs only the named modules (e.g. ``store``).
``UTVAG_BENCH_OUT=FILE`` writes another page (``make bench-quick``: build/benchmarks-quick.md,
so its smaller sizes never mix with the page of record).
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
from pathlib import Path

from benchmarks.report import Report

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    wanted = set(argv)
    report = Report()
    names = sorted(m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)]))
    for name in names:
        if not name.startswith("bench_"):
            continue
        if wanted and name.removeprefix("bench_") not in wanted:
            continue
        print(f"{name}:")
        importlib.import_module(f"benchmarks.{name}").run(report)
    out = Path(os.environ.get("UTVAG_BENCH_OUT", ROOT / "docs" / "benchmarks.md"))
    out.parent.mkdir(parents=True, exist_ok=True)
    existing = out.read_text(encoding="utf-8") if out.exists() else ""
    out.write_text(report.markdown(existing), encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
