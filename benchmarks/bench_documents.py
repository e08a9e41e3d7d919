"""Documents read into the search, and extracts: the two figures issue 15 names.

- search in ``UTVAG_BENCH_CASES`` demo cases (default 10,000) whose PDF and text documents
  are indexed (storage/demo/build.py indexes them as add_document would): the text-index
  build time, then median and p95 of a query set that includes words found only inside
  documents; aim: median <= 20 ms;
- an extract of one case with ``UTVAG_BENCH_ENTRIES`` journal entries (default 1,000):
  ``build_extract`` (every section, the default sekretessprövning) plus ``render_pdf`` (in
  memory), median of 3; aim <= 2 s. The page count is in the note.

Both in an encrypted store as the application opens it (minimum KDF). Run alone:
``python -m benchmarks.run documents``.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.report import Report

SECTION = "Documents in the search, and extracts"
QUERIES = (
    "demodokument",  # inside every demo text document
    "genomförandeplan",
    "fiktivt",
    "samtal",
    "polisen",
    "Lindqvist",
    "ostergotland",
    "kronofogden skulder",
)
REPEAT = 7


def _store(folder: Path) -> Any:
    from storage.vault.crypto import KdfParams
    from storage.vault.opening import create_store

    secret = "benchmark passphrase, not secret"
    kdf = KdfParams.minimum()
    store, _ = create_store(folder, secret, actor="bench", use_device_key=False, kdf=kdf)
    return store


def _search(report: Report, cases: int) -> None:
    from storage.casefile import search
    from storage.demo import build as demo

    with tempfile.TemporaryDirectory(prefix="utvag-bench-docs-") as tmp:
        store = _store(Path(tmp) / "store")
        with store:
            start = time.perf_counter()
            result = demo.build_demo(store, cases=cases, seed=2026)
            built = time.perf_counter() - start
            indexed = store.conn.execute(
                "SELECT count(*), sum(chars) FROM document_texts WHERE status = 'indexed'"
            ).fetchone()
            report.add(
                SECTION,
                f"build {result.cases:,} demo cases with {result.documents:,} documents, "
                "text indexed",
                built,
                "s",
                note=f"{indexed[0]:,} documents with text, {indexed[1] or 0:,} characters",
            )
            times: list[float] = []
            empty = []
            for query in QUERIES:
                if not search.search(store, query):
                    empty.append(query)
                for _ in range(REPEAT):
                    t = time.perf_counter()
                    search.search(store, query)
                    times.append((time.perf_counter() - t) * 1000)
            times.sort()
            note = f"{len(QUERIES)} queries x {REPEAT}"
            if empty:
                note += f"; no hits: {', '.join(empty)}"
            report.add(
                SECTION,
                f"search median, {result.cases:,} cases with documents indexed",
                statistics.median(times),
                "ms",
                aim="<= 20 ms",
                note=note,
            )
            report.add(
                SECTION,
                "search p95, the same",
                times[int(len(times) * 0.95) - 1],
                "ms",
            )


def _extract(report: Report, entries: int) -> None:
    from storage.casefile import cases, journal, persons
    from storage.casefile.document_text import PdfPages
    from storage.extract.build import build_extract
    from storage.extract.model import SECTIONS, ExtractRequest
    from ui.extract.render import ensure_app, render_pdf

    ensure_app()
    with tempfile.TemporaryDirectory(prefix="utvag-bench-extract-") as tmp:
        store = _store(Path(tmp) / "store")
        with store:
            case_id = cases.create_case(store, case_type="defector", home_municipality="Umeå")
            persons.add_person(store, case_id, name="Bänk Testsson", birth_year=1990)
            with store.transaction():
                for i in range(entries):
                    journal.add_journal_entry(
                        store,
                        case_id,
                        f"Anteckning {i}: samtal om boende, sysselsättning och stöd. "
                        * (1 + i % 5),
                        written_at=f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}T10:{i % 60:02d}:00Z",
                    )
            request = ExtractRequest(
                case_ids=(case_id,), sections=tuple(SECTIONS), recipient="Bänk", reason="Mätning"
            )
            times, pages, size = [], 0, 0
            for _ in range(3):
                t = time.perf_counter()
                pdf = render_pdf(build_extract(store, request))
                times.append(time.perf_counter() - t)
                size = len(pdf)
                reader = PdfPages(pdf)
                pages = reader.count
                reader.close()
            report.add(
                SECTION,
                f"extract of a case with {entries:,} journal entries (build + PDF in memory)",
                statistics.median(times),
                "s",
                aim="<= 2 s",
                note=f"median of 3; {pages} pages, {size / 1024:.0f} KiB",
            )


def run(report: Report) -> None:
    _extract(report, int(os.environ.get("UTVAG_BENCH_ENTRIES", "1000")))
    _search(report, int(os.environ.get("UTVAG_BENCH_CASES", "10000")))
