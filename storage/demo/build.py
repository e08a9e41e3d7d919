"""Demo data: realistic, clearly fictional case files for newcomers, screenshots and benchmarks.

``build_demo(store, cases=50, seed=1, today=None) -> DemoResult`` adds ``cases`` cases with
persons (some with protection, some with fictitious identities), närstående, consents,
agreements with conditions and breaches, threat assessments, network links to a fictional
group register with rival and allied groups, interventions with providers and provider
controls, placements with protected addresses, a journal (about 20 entries per case, some
corrected or marked erroneous), small text and PDF documents, follow-ups and reminders;
and (storage/demo/plans.py) needs assessments with their change over time, signed decisions
(some refused and appealed) that interventions link to with their method, care contacts
with referrals and SIPs.

Everything is fictional: names are combined at random from common first names and surnames;
every personnummer is *valid in format only* (real calendar date, correct control digit) and
uses the birth numbers 980-999, the range Utväg reserves for demo data; addresses use the
postal code range 999 xx, which Posten does not use; caseworkers, groups and providers carry
"(demo)" or "(fiktiv)". Every demo case has ``demo = 1``. The same seed and ``today`` give
the same data. Rows are written in bulk in one transaction (one audit entry, ``demo.create``),
so 10,000 cases with ~200,000 journal entries take well under a minute (see
docs/benchmarks.md).
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

from storage.casefile import repo
from storage.casefile.documents import index_missing_texts
from storage.casefile.repo import StoreLike
from storage.casefile.search_bulk import deferred_search_index
from storage.demo.builder import Builder
from storage.demo.cases import add_demo_case
from storage.demo.plans import add_demo_plans

BULK_CACHE_KIB = -131072  # 128 MiB page cache while building


@dataclass(frozen=True)
class DemoResult:
    cases: int
    persons: int
    journal_entries: int
    documents: int
    seconds: float


def build_demo(
    store: StoreLike, cases: int = 50, seed: int = 1, today: dt.date | None = None
) -> DemoResult:
    """Add ``cases`` fictional demo cases in one transaction; see the module docstring."""
    started = time.perf_counter()
    day = today or repo.today()
    cache = store.conn.execute("PRAGMA cache_size").fetchone()[0]
    store.conn.execute(f"PRAGMA cache_size = {BULK_CACHE_KIB}")  # a bulk write: more cache
    try:
        result = _build(store, int(cases), seed, day)
    finally:
        store.conn.execute(f"PRAGMA cache_size = {int(cache)}")
    seconds = time.perf_counter() - started
    return DemoResult(
        result.cases, result.persons, result.journal_entries, result.documents, round(seconds, 3)
    )


def _build(store: StoreLike, cases: int, seed: int, day: dt.date) -> DemoResult:
    with store.transaction() as conn, deferred_search_index(conn):
        builder = Builder(store, seed, day)
        first_case, first_person = builder.next["cases"], builder.next["persons"]
        first_entry, first_doc = builder.next["journal_entries"], builder.next["documents"]
        for _ in range(int(cases)):
            add_demo_case(builder)
            if len(builder.rows["journal_entries"]) > 50_000:
                builder.flush()
        builder.flush()
        index_missing_texts(store.conn)  # the bulk rows bypass add_document's text index
        add_demo_plans(store, first_case, seed, day)
        result = DemoResult(
            cases=builder.next["cases"] - first_case,
            persons=builder.next["persons"] - first_person,
            journal_entries=builder.next["journal_entries"] - first_entry,
            documents=builder.next["documents"] - first_doc,
            seconds=0.0,
        )
        repo.audit(
            store,
            "demo.create",
            "",
            seed=int(seed),
            cases=result.cases,
            journal_entries=result.journal_entries,
        )
    return result
