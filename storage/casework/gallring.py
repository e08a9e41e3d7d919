"""Gallring: weeding closed case files five years after their last entry.

Public API:

- ``gallring_candidates(store, on=None) -> list[GallringCandidate]`` — every closed
  (avslutad or överlämnad) case with its last entry, due date and why it would be kept.
- ``due_for_gallring(store, on=None) -> list[GallringCandidate]`` — what a run on ``on``
  would delete (due, not exempt, not in the research sample).
- ``run_gallring(store, on=None, reason=DEFAULT_REASON) -> GallringResult`` — deletes the
  due cases for good in one transaction: the case, persons, fictitious identities, journal,
  documents, placements and addresses, every other record, and their search-index rows.
  The store runs with ``secure_delete``, and the FTS index with its ``secure-delete``
  option, so the freed pages are overwritten. What stays is a gallring record without
  personal data: the run (date, actor, counts, reason) and per case a SHA-256 of the case
  number with its closing and last-entry dates. Audited: ``gallring.case`` per case
  (subject: the hash) and ``gallring.run`` with the counts.

Rules: the last entry is the latest of the closing date, journal entries, documents and
follow-ups; a case is due on the same day five years later. Kept: cases with a gallring
exemption (set with a reason, :func:`storage.casefile.cases.set_gallring_exemption`) and
the research
sample — principals born on the 5th, 15th or 25th of a month (by personnummer; for a
samordningsnummer the real day, minus 60).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.records import validate as v

GALLRING_YEARS = 5
RESEARCH_SAMPLE_DAYS = frozenset({5, 15, 25})
DEFAULT_REASON = "Gallring av personakt fem år efter sista anteckningen"


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def research_sample_day(id_number: str | None) -> bool:
    """Whether a stored number (``YYYYMMDD-NNNC``) is born on a research-sample day."""
    if not id_number or len(id_number) < 8 or not id_number[6:8].isdigit():
        return False
    day = int(id_number[6:8])
    if day > 60:
        day -= 60
    return day in RESEARCH_SAMPLE_DAYS


@dataclass(frozen=True)
class GallringCandidate:
    case_id: int
    case_number: str
    closed_on: dt.date
    last_entry_on: dt.date
    due_on: dt.date
    exempt: bool
    research_sample: bool

    @property
    def kept(self) -> bool:
        return self.exempt or self.research_sample


@dataclass(frozen=True)
class GallringResult:
    run_id: int
    on: dt.date
    deleted: int
    kept_exempt: int
    kept_research_sample: int
    case_refs: tuple[str, ...]


_CANDIDATES = """
SELECT c.id, c.case_number, c.closed_on, c.gallring_exempt, p.id_number,
  max(c.closed_on,
      coalesce((SELECT substr(max(j.written_at), 1, 10) FROM journal_entries j
                WHERE j.case_id = c.id), ''),
      coalesce((SELECT substr(max(d.added_at), 1, 10) FROM documents d
                WHERE d.case_id = c.id), ''),
      coalesce((SELECT max(f.done_on) FROM follow_ups f WHERE f.case_id = c.id), ''))
FROM cases c LEFT JOIN persons p ON p.case_id = c.id AND p.role = 'principal'
WHERE c.status IN ('closed', 'handed_over')
ORDER BY c.id
"""


def gallring_candidates(store: StoreLike, on: dt.date | None = None) -> list[GallringCandidate]:
    del on  # every closed case is a candidate; ``due_on`` says when
    out = []
    for r in store.conn.execute(_CANDIDATES):
        last = repo.must_date(r[5])
        out.append(
            GallringCandidate(
                case_id=int(r[0]),
                case_number=r[1],
                closed_on=repo.must_date(r[2]),
                last_entry_on=last,
                due_on=add_years(last, GALLRING_YEARS),
                exempt=bool(r[3]),
                research_sample=research_sample_day(r[4]),
            )
        )
    return out


def due_for_gallring(store: StoreLike, on: dt.date | None = None) -> list[GallringCandidate]:
    day = on or repo.today()
    return [c for c in gallring_candidates(store) if c.due_on <= day and not c.kept]


_DELETES = (
    "DELETE FROM document_contents WHERE document_id IN "
    "(SELECT id FROM documents WHERE case_id = :c)",
    "DELETE FROM documents WHERE case_id = :c",
    "DELETE FROM journal_entries WHERE case_id = :c",
    "DELETE FROM condition_breaches WHERE condition_id IN (SELECT k.id FROM conditions k "
    "JOIN agreements a ON a.id = k.agreement_id WHERE a.case_id = :c)",
    "DELETE FROM conditions WHERE agreement_id IN (SELECT id FROM agreements WHERE case_id = :c)",
    "DELETE FROM agreements WHERE case_id = :c",
    "DELETE FROM handovers WHERE case_id = :c",
    "DELETE FROM consents WHERE case_id = :c",
    "DELETE FROM threat_assessments WHERE case_id = :c",
    "DELETE FROM network_links WHERE case_id = :c",
    "DELETE FROM provider_controls WHERE intervention_id IN "
    "(SELECT id FROM interventions WHERE case_id = :c)",
    "DELETE FROM interventions WHERE case_id = :c",
    "DELETE FROM placement_addresses WHERE placement_id IN "
    "(SELECT id FROM placements WHERE case_id = :c)",
    "DELETE FROM placements WHERE case_id = :c",
    "DELETE FROM follow_ups WHERE case_id = :c",
    "DELETE FROM reminders WHERE case_id = :c",
    "DELETE FROM fictitious_identities WHERE person_id IN "
    "(SELECT id FROM persons WHERE case_id = :c)",
    "DELETE FROM persons WHERE case_id = :c",
    "DELETE FROM cases WHERE id = :c",
)


def delete_case_for_good(store: StoreLike, case_id: int) -> None:
    """Remove every trace of a case (inside the caller's transaction; gallring only)."""
    conn = store.conn
    conn.execute("INSERT INTO gallring_pending (case_id) VALUES (?)", (int(case_id),))
    for statement in _DELETES:
        conn.execute(statement, {"c": int(case_id)})
    conn.execute("DELETE FROM gallring_pending WHERE case_id = ?", (int(case_id),))


def run_gallring(
    store: StoreLike, on: dt.date | None = None, reason: str = DEFAULT_REASON
) -> GallringResult:
    """Delete every case due on ``on`` (default today), in one audited transaction."""
    day = on or repo.today()
    why = v.required_text("reason", reason, limit=500)
    with store.transaction():
        candidates = [c for c in gallring_candidates(store) if c.due_on <= day]
        due = [c for c in candidates if not c.kept]
        exempt = sum(1 for c in candidates if c.exempt)
        sample = sum(1 for c in candidates if c.research_sample and not c.exempt)
        run_id = repo.insert(
            store,
            "gallring_runs",
            {
                "run_at": repo.utc_now(),
                "run_on": day.isoformat(),
                "actor": store.actor,
                "deleted": len(due),
                "kept_exempt": exempt,
                "kept_research_sample": sample,
                "reason": why,
            },
        )
        refs = []
        for c in due:
            ref = repo.case_ref_hash(c.case_number)
            refs.append(ref)
            delete_case_for_good(store, c.case_id)
            repo.insert(
                store,
                "gallring_log",
                {
                    "run_id": run_id,
                    "case_ref": ref,
                    "closed_on": c.closed_on.isoformat(),
                    "last_entry_on": c.last_entry_on.isoformat(),
                },
            )
            repo.audit(store, "gallring.case", ref, run_id=run_id)
        repo.audit(
            store,
            "gallring.run",
            "",
            run_id=run_id,
            on=day.isoformat(),
            deleted=len(due),
            kept_exempt=exempt,
            kept_research_sample=sample,
        )
    return GallringResult(run_id, day, len(due), exempt, sample, tuple(refs))
