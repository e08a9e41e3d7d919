"""Gallring: weeding closed case files five years after their last entry.

Public API:

- ``gallring_candidates(store, on=None) -> list[GallringCandidate]`` — every closed
  (avslutad or överlämnad) case with its last entry, due date and why it would be kept.
- ``gallring_plan(store, on=None) -> GallringPlan`` — what a run on ``on`` would do: the
  cases due (case number, last entry, the rule) and the due cases it keeps, and why.
- ``due_for_gallring(store, on=None) -> list[GallringCandidate]`` — what a run on ``on``
  would delete (due and not kept).
- ``run_gallring(store, on=None, reason=DEFAULT_REASON, *, decision_ref=None,
  expected=None, progress=None) -> GallringResult`` — deletes the due cases for good in
  one transaction: the case, persons, fictitious identities, journal and drafts,
  documents, placements and addresses, every other record, and their search-index rows.
  The store runs with ``secure_delete``, and the FTS index with its ``secure-delete``
  option, so the freed pages are overwritten. With ``expected`` (the case ids of a plan
  the caseworker confirmed) the run refuses, changing nothing, when the cases due are no
  longer exactly those. What stays is the gallringsprotokoll, without personal data: the
  run (date, actor, decision reference, counts, reason), per deleted case a SHA-256 of
  its case number with its closing and last-entry dates, and per kept case its number and
  why (:mod:`storage.casework.gallring_protocol` reads it). Audited: ``gallring.case`` per
  case (subject: the hash) and ``gallring.run`` with the counts.

Rules: the last entry is the latest of the closing date, journal entries, documents and
follow-ups; a case is due on the same day five years later. Kept, in this order of
reasons: cases with a gallring exemption (set with a reason,
:func:`storage.casefile.cases.set_gallring_exemption`); cases with an open handover (a
bundle sent and no receipt yet: the receiver may still need us to answer for it); and the
research sample — principals born on the 5th, 15th or 25th of a month (by personnummer;
for a samordningsnummer the real day, minus 60). When cases are shared with colleagues
(the team-sync feature, not built yet), an open share must keep a case too: reason
``open_share`` is reserved for it in the protocol's schema.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.errors import (
    QT_TRANSLATE_NOOP,
    ValidationError,
)
from storage.records import validate as v

GALLRING_YEARS = 5
RESEARCH_SAMPLE_DAYS = frozenset({5, 15, 25})
DEFAULT_REASON = "Gallring av personakt fem år efter sista anteckningen"
RULE = "five_years_after_last_entry"
EXEMPTION, OPEN_HANDOVER, RESEARCH_SAMPLE = "exemption", "open_handover", "research_sample"
#: ``progress(done, total)`` while a run deletes cases.
Progress = Callable[[int, int], None]


class GallringPlanChangedError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The cases due for gallring have changed since the plan was shown; nothing was "
        "deleted. Look at the plan again and confirm it.",
    )
    code = "gallring_plan_changed"


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
    open_handover: bool = False
    exempt_reason: str | None = None

    @property
    def kept(self) -> bool:
        return self.exempt or self.research_sample or self.open_handover

    @property
    def kept_because(self) -> str | None:
        """Why the case is kept (the first reason: exemption, open handover, research
        sample), or ``None``."""
        if self.exempt:
            return EXEMPTION
        if self.open_handover:
            return OPEN_HANDOVER
        if self.research_sample:
            return RESEARCH_SAMPLE
        return None


@dataclass(frozen=True)
class GallringPlan:
    """What a run on ``on`` would do: ``due`` are deleted, ``kept`` are due but kept."""

    on: dt.date
    due: tuple[GallringCandidate, ...]
    kept: tuple[GallringCandidate, ...]
    rule: str = RULE
    years: int = GALLRING_YEARS

    @property
    def case_ids(self) -> tuple[int, ...]:
        return tuple(c.case_id for c in self.due)


@dataclass(frozen=True)
class GallringResult:
    run_id: int
    on: dt.date
    deleted: int
    kept_exempt: int
    kept_research_sample: int
    case_refs: tuple[str, ...]
    kept_open_handover: int = 0
    decision_ref: str | None = None


_CANDIDATES = """
SELECT c.id, c.case_number, c.closed_on, c.gallring_exempt, p.id_number,
  EXISTS (SELECT 1 FROM handovers h WHERE h.case_id = c.id AND h.state = 'awaiting_receipt'
          AND h.cancelled_at IS NULL),
  c.gallring_exempt_reason,
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
        last = repo.must_date(r[7])
        out.append(
            GallringCandidate(
                case_id=int(r[0]),
                case_number=r[1],
                closed_on=repo.must_date(r[2]),
                last_entry_on=last,
                due_on=add_years(last, GALLRING_YEARS),
                exempt=bool(r[3]),
                research_sample=research_sample_day(r[4]),
                open_handover=bool(r[5]),
                exempt_reason=r[6],
            )
        )
    return out


def gallring_plan(store: StoreLike, on: dt.date | None = None) -> GallringPlan:
    day = on or repo.today()
    candidates = [c for c in gallring_candidates(store) if c.due_on <= day]
    return GallringPlan(
        day,
        tuple(c for c in candidates if not c.kept),
        tuple(c for c in candidates if c.kept),
    )


def due_for_gallring(store: StoreLike, on: dt.date | None = None) -> list[GallringCandidate]:
    return list(gallring_plan(store, on).due)


_DELETES = (
    # a shared case's operation log holds its content too (docs/sync.md)
    "DELETE FROM team_sent WHERE op_id IN (SELECT op_id FROM team_ops "
    "WHERE case_uid = (SELECT uid FROM cases WHERE id = :c))",
    "DELETE FROM team_delivered WHERE op_id IN (SELECT op_id FROM team_ops "
    "WHERE case_uid = (SELECT uid FROM cases WHERE id = :c))",
    "DELETE FROM team_heads WHERE record_uid IN (SELECT record_uid FROM team_ops "
    "WHERE case_uid = (SELECT uid FROM cases WHERE id = :c))",
    "DELETE FROM team_ops WHERE case_uid = (SELECT uid FROM cases WHERE id = :c)",
    "DELETE FROM team_cases WHERE case_id = :c",
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
    "DELETE FROM relocation_tasks WHERE placement_id IN "
    "(SELECT id FROM placements WHERE case_id = :c)",
    "DELETE FROM placement_addresses WHERE placement_id IN "
    "(SELECT id FROM placements WHERE case_id = :c)",
    "DELETE FROM placements WHERE case_id = :c",
    "DELETE FROM follow_ups WHERE case_id = :c",
    "DELETE FROM reminders WHERE case_id = :c",
    "DELETE FROM journal_drafts WHERE case_id = :c",
    "DELETE FROM case_partners WHERE case_id = :c",
    "DELETE FROM case_links WHERE case_a = :c OR case_b = :c",
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


def _keep_record(store: StoreLike, run_id: int, c: GallringCandidate) -> None:
    repo.insert(
        store,
        "gallring_kept",
        {
            "run_id": run_id,
            "case_ref": repo.case_ref_hash(c.case_number),
            "case_number": c.case_number,
            "reason": c.kept_because,
            "due_on": c.due_on.isoformat(),
        },
    )


def run_gallring(
    store: StoreLike,
    on: dt.date | None = None,
    reason: str = DEFAULT_REASON,
    *,
    decision_ref: str | None = None,
    expected: Iterable[int] | None = None,
    progress: Progress | None = None,
) -> GallringResult:
    """Delete every case due on ``on`` (default today), in one audited transaction."""
    day = on or repo.today()
    why = v.required_text("reason", reason, limit=500)
    decision = v.text("decision_ref", decision_ref, required=False, limit=200)
    with store.transaction():
        plan = gallring_plan(store, day)
        if expected is not None and sorted(int(i) for i in expected) != sorted(plan.case_ids):
            raise GallringPlanChangedError()
        reasons = [c.kept_because for c in plan.kept]
        counts = {r: reasons.count(r) for r in (EXEMPTION, OPEN_HANDOVER, RESEARCH_SAMPLE)}
        run_id = repo.insert(
            store,
            "gallring_runs",
            {
                "run_at": repo.utc_now(),
                "run_on": day.isoformat(),
                "actor": store.actor,
                "deleted": len(plan.due),
                "kept_exempt": counts[EXEMPTION],
                "kept_research_sample": counts[RESEARCH_SAMPLE],
                "reason": why,
                "decision_ref": decision,
                "kept_open_handover": counts[OPEN_HANDOVER],
            },
        )
        for c in plan.kept:
            _keep_record(store, run_id, c)
        refs = []
        for done, c in enumerate(plan.due, start=1):
            ref = repo.case_ref_hash(c.case_number)
            refs.append(ref)
            delete_case_for_good(store, c.case_id)
            store.conn.execute(  # a protocol keeps no number of a case that is gone
                "UPDATE gallring_kept SET case_number = NULL WHERE case_ref = ?", (ref,)
            )
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
            if progress is not None:
                progress(done, len(plan.due))
        repo.audit(
            store,
            "gallring.run",
            "",
            run_id=run_id,
            on=day.isoformat(),
            deleted=len(plan.due),
            kept_exempt=counts[EXEMPTION],
            kept_research_sample=counts[RESEARCH_SAMPLE],
            kept_open_handover=counts[OPEN_HANDOVER],
            decision=decision is not None,
        )
    return GallringResult(
        run_id,
        day,
        len(plan.due),
        counts[EXEMPTION],
        counts[RESEARCH_SAMPLE],
        tuple(refs),
        counts[OPEN_HANDOVER],
        decision,
    )
