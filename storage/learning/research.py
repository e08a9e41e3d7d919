"""The pseudonymised research extract: one row per case, for a research project with its
purpose and ethics approval, written only when every combination of quasi-identifiers is
shared by at least k cases (docs/statistics.md, "The research extract").

- ``add_project(store, *, name, purpose, ethics_ref) -> int`` — a project gets a random
  256-bit pseudonym key kept inside the store and never exported; ``projects(store)``.
- ``research_extract(store, project_id, start, end, out, *, k=5) -> ExtractResult`` — the
  cases active in the period (demo cases only in a store of nothing else), each as:
  ``pseudonym`` = HMAC-SHA256(project key, the case number), the quasi-identifiers case
  type, gender, age band, place (the municipality; its county where a group would be
  smaller than k) and the opening and closing months, and what research needs: outcome,
  reason for ending, needs at intake and at the last assessment (0-4 per domain), the
  types, methods and evidence levels of the interventions, contacts with psychiatry and
  addiction care, SIP, decisions, and the 6- and 12-month follow-ups. Dates are months.
  If some group stays under k with counties, the dates become quarters, then years, for
  every row (the file says which); if it still does, the extract is refused
  (:class:`KAnonymityError`) and nothing is written. The file is CSV (UTF-8, CRLF) after
  ``#`` lines that state the project, purpose, ethics approval, period, k, the
  quasi-identifiers and the coarsening; written atomically with mode 0600; audited
  ``research.extract`` (project, purpose, ethics reference, period, rows, k, coarsening,
  SHA-256) and recorded in ``research_extracts``.

No name, personnummer, case number, exact date, group or placement ever enters the file.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import hmac
import io
import secrets
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storage.atomic import atomic_write_bytes
from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.errors import QT_TRANSLATE_NOOP, ValidationError
from storage.learning.regions import region_of
from storage.records import validate as v
from storage.records.errors import DuplicateNameError, RecordNotFoundError
from storage.records.knowledge import NeedDomain, NeedLevel
from storage.statistics import facts
from storage.statistics.periods import snap

FORMAT = "utvag-research-extract"
VERSION = 1
K = 5
QUASI = ("case_type", "gender", "age_band", "place", "opened", "closed")
GRAINS = ("month", "quarter", "year")
SCORE = {level.value: level.score for level in NeedLevel}


class KAnonymityError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The research extract was not written: some groups of cases would have fewer than "
        "{k} cases (groups too small: {groups}), even with counties instead of municipalities "
        "and years instead of months. Choose a longer period, or ask for an extract of more "
        "cases.",
    )
    code = "research_k_anonymity"


class ExtractEmptyError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "There are no cases in {period}; no research extract was written."
    )
    code = "research_empty"


@dataclass(frozen=True)
class Project:
    id: int
    name: str
    purpose: str
    ethics_ref: str
    created_by: str
    created_at: str


@dataclass(frozen=True)
class ExtractResult:
    path: Path
    rows: int
    k: int
    smallest: int  # the smallest group of quasi-identifiers in the file
    grain: str  # month, quarter or year
    counties: int  # rows whose municipality became its county
    sha256: str


def add_project(store: StoreLike, *, name: str, purpose: str, ethics_ref: str) -> int:
    clean = v.required_text("name", name, limit=200)
    why = v.required_text("purpose", purpose, limit=2000, multiline=True)
    ref = v.required_text("ethics_ref", ethics_ref, limit=200)
    with store.transaction():
        if store.conn.execute(
            "SELECT 1 FROM research_projects WHERE name = ?", (clean,)
        ).fetchone():
            raise DuplicateNameError(field="name")
        project_id = repo.insert(
            store,
            "research_projects",
            {
                "name": clean,
                "purpose": why,
                "ethics_ref": ref,
                "pseudonym_key": secrets.token_bytes(32),
                "created_by": store.actor,
                "created_at": repo.utc_now(),
            },
        )
        repo.audit(
            store, "research.project_add", "", project_id=project_id, purpose=why, ethics_ref=ref
        )
    return project_id


def projects(store: StoreLike) -> list[Project]:
    return [
        Project(int(r[0]), r[1], r[2], r[3], r[4], r[5])
        for r in store.conn.execute(
            "SELECT id, name, purpose, ethics_ref, created_by, created_at FROM research_projects "
            "ORDER BY id"
        )
    ]


def _project(store: StoreLike, project_id: int) -> tuple[Project, bytes]:
    row = store.conn.execute(
        "SELECT id, name, purpose, ethics_ref, created_by, created_at, pseudonym_key "
        "FROM research_projects WHERE id = ?",
        (int(project_id),),
    ).fetchone()
    if row is None:
        raise RecordNotFoundError(record="research project", id=int(project_id))
    return Project(int(row[0]), row[1], row[2], row[3], row[4], row[5]), bytes(row[6])


def _when(day: dt.date | None, grain: str) -> str:
    if day is None:
        return ""
    if grain == "month":
        return f"{day.year}-{day.month:02d}"
    if grain == "quarter":
        return f"{day.year}-K{(day.month - 1) // 3 + 1}"
    return str(day.year)


def _scores(store: StoreLike, ids: set[int]) -> dict[int, tuple[dict[str, int], dict[str, int]]]:
    """(first, last) assessment per case: domain -> score."""
    by_case: dict[int, dict[tuple[str, int], dict[str, int]]] = {}
    for case_id, aid, day, domain, level in store.conn.execute(
        "SELECT a.case_id, a.id, a.assessed_on, r.domain, r.level FROM needs_assessments a "
        "JOIN need_ratings r ON r.assessment_id = a.id"
    ):
        if int(case_id) in ids:
            by_case.setdefault(int(case_id), {}).setdefault((str(day), int(aid)), {})[domain] = (
                SCORE[level]
            )
    return {c: (found[min(found)], found[max(found)]) for c, found in by_case.items()}


def _joined(store: StoreLike, sql: str, ids: set[int]) -> dict[int, str]:
    out: dict[int, set[str]] = {}
    for case_id, value in store.conn.execute(sql):
        if int(case_id) in ids and value is not None:
            out.setdefault(int(case_id), set()).add(str(value))
    return {c: ";".join(sorted(values)) for c, values in out.items()}


def _research(store: StoreLike, ids: set[int]) -> dict[int, dict[str, Any]]:
    """The research columns of each case (codes and counts only)."""
    scores = _scores(store, ids)
    lists = {
        "intervention_types": "SELECT case_id, type FROM interventions",
        "methods": "SELECT i.case_id, m.code FROM interventions i JOIN methods m "
        "ON m.id = i.method_id",
        "evidence_levels": "SELECT i.case_id, coalesce(m.evidence_level, 'no_method') "
        "FROM interventions i LEFT JOIN methods m ON m.id = i.method_id",
        "care": "SELECT case_id, kind FROM care_contacts",
        "end_reason": "SELECT case_id, reason FROM case_endings",
    }
    joined = {name: _joined(store, sql, ids) for name, sql in lists.items()}
    counts: dict[str, Counter[int]] = {"sips": Counter(), "decisions": Counter()}
    refused: Counter[int] = Counter()
    for (case_id,) in store.conn.execute("SELECT case_id FROM sips"):
        counts["sips"][int(case_id)] += 1
    for case_id, outcome in store.conn.execute(
        "SELECT d.case_id, d.outcome FROM decisions d WHERE NOT EXISTS "
        "(SELECT 1 FROM decisions n WHERE n.corrects_id = d.id)"
    ):
        counts["decisions"][int(case_id)] += 1
        refused[int(case_id)] += outcome == "refused"
    follow: dict[tuple[int, str], tuple[str, str]] = {}
    for case_id, kind, status, relapse in store.conn.execute(
        "SELECT f.case_id, f.kind, r.status, r.relapse FROM follow_ups f JOIN "
        "follow_up_results r ON r.follow_up_id = f.id "
        "WHERE f.kind IN ('six_months', 'twelve_months') ORDER BY f.done_on, f.id"
    ):
        follow[(int(case_id), str(kind))] = (str(status), str(relapse))
    out: dict[int, dict[str, Any]] = {}
    for case_id in ids:
        first, last = scores.get(case_id, ({}, {}))
        row: dict[str, Any] = {name: joined[name].get(case_id, "") for name in lists}
        row["end_reason"] = row["end_reason"] or "not_recorded"
        for d in NeedDomain.codes():
            row[f"intake_{d}"] = first.get(d, "")
            row[f"latest_{d}"] = last.get(d, "")
        row["sips"] = counts["sips"][case_id]
        row["decisions"] = counts["decisions"][case_id]
        row["decisions_refused"] = refused[case_id]
        for kind, prefix in (("six_months", "fu6"), ("twelve_months", "fu12")):
            status, relapse = follow.get((case_id, kind), ("", ""))
            row[f"{prefix}_status"], row[f"{prefix}_relapse"] = status, relapse
        out[case_id] = row
    return out


def _groups(rows: Sequence[dict[str, Any]]) -> Counter[tuple[Any, ...]]:
    return Counter(tuple(r[q] for q in QUASI) for r in rows)


def _coarsen(base: list[dict[str, Any]], k: int) -> tuple[list[dict[str, Any]], str, int] | None:
    """Counties where a group is small, then coarser dates; ``None`` if k is not reached."""
    for grain in GRAINS:
        rows = [
            {**r, "opened": _when(r["_opened"], grain), "closed": _when(r["_closed"], grain)}
            for r in base
        ]
        small = {g for g, n in _groups(rows).items() if n < k}
        counties = 0
        for r in rows:
            if tuple(r[q] for q in QUASI) in small:
                r["place"] = region_of(r["place"])
                r["place_level"] = "county"
                counties += 1
        if all(n >= k for n in _groups(rows).values()):
            return rows, grain, counties
    return None


def _csv(
    project: Project,
    start: dt.date,
    end: dt.date,
    k: int,
    grain: str,
    smallest: int,
    rows: Sequence[dict[str, Any]],
    columns: Sequence[str],
) -> bytes:
    out = io.StringIO()
    for line in (
        f"format: {FORMAT} {VERSION}",
        f"project: {project.name}",
        f"purpose: {' '.join(project.purpose.split())}",
        f"ethics approval: {project.ethics_ref}",
        f"period: {start.isoformat()} – {end.isoformat()}",
        f"k-anonymity: every combination of the quasi-identifiers ({', '.join(QUASI)}) is "
        f"shared by at least {k} rows (smallest group: {smallest})",
        f"coarsening: dates by {grain}; municipality replaced by its county where a group "
        "would be smaller than k (place_level)",
        "pseudonym: HMAC-SHA256 of the case under this project's key; no names, numbers, "
        "exact dates, groups or placements",
        f"made: {repo.utc_now()}",
    ):
        out.write(f"# {line}\r\n")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for r in rows:
        writer.writerow([r[c] for c in columns])
    return out.getvalue().encode("utf-8")


def research_extract(
    store: StoreLike,
    project_id: int,
    start: dt.date | str,
    end: dt.date | str,
    out: Path,
    *,
    k: int = K,
) -> ExtractResult:
    """Check k-anonymity, then write, audit and record the extract (module docstring)."""
    period = snap(start, end).period
    level = v.integer("k", k, low=K, high=100)
    assert level is not None
    project, key = _project(store, project_id)
    demo = facts.demo_only(store)
    found = facts.case_facts(store, period.start, period.end, demo=demo)
    numbers = dict(store.conn.execute("SELECT id, case_number FROM cases").fetchall())
    research = _research(store, {f.case_id for f in found})
    base = []
    for f in found:
        pseudonym = hmac.new(key, str(numbers[f.case_id]).encode(), hashlib.sha256).hexdigest()
        base.append(
            {
                "pseudonym": pseudonym[:32],
                "case_type": f.case_type,
                "gender": f.gender,
                "age_band": facts.age_band(f.birth_year, period.end),
                "place": f.municipality,
                "place_level": "municipality",
                "_opened": f.opened,
                "_closed": f.closed,
                "outcome": (f.outcome or "handed_over") if f.closed else "",
                **research[f.case_id],
            }
        )
    if not base:
        raise ExtractEmptyError(period=period.text())
    coarse = _coarsen(base, level)
    if coarse is None:
        groups = sum(1 for n in _groups(_coarsen_all(base)).values() if n < level)
        raise KAnonymityError(groups=groups, k=level)
    rows, grain, counties = coarse
    rows.sort(key=lambda r: r["pseudonym"])
    smallest = min(_groups(rows).values())
    columns = ["pseudonym", *QUASI, "place_level"] + [
        c for c in rows[0] if c not in {"pseudonym", *QUASI, "place_level", "_opened", "_closed"}
    ]
    data = _csv(project, period.start, period.end, level, grain, smallest, rows, columns)
    digest = hashlib.sha256(data).hexdigest()
    target = Path(out)
    with store.transaction():
        repo.insert(
            store,
            "research_extracts",
            {
                "project_id": project.id,
                "period_start": period.start.isoformat(),
                "period_end": period.end.isoformat(),
                "rows": len(rows),
                "k": level,
                "generalisation": f"{grain};counties={counties}",
                "sha256": digest,
                "made_by": store.actor,
                "made_at": repo.utc_now(),
            },
        )
        details: dict[str, Any] = {
            "project_id": project.id,
            "purpose": project.purpose,
            "ethics_ref": project.ethics_ref,
            "from": period.start.isoformat(),
            "to": period.end.isoformat(),
            "rows": len(rows),
            "k": level,
            "grain": grain,
            "sha256": digest,
        }
        repo.audit(store, "research.extract", "", **details)
        atomic_write_bytes(target, data)
    return ExtractResult(target, len(rows), level, smallest, grain, counties, digest)


def _coarsen_all(base: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every row at its coarsest (counties, years): to count the groups still too small."""
    return [
        {
            **r,
            "place": region_of(r["place"]),
            "opened": _when(r["_opened"], "year"),
            "closed": _when(r["_closed"], "year"),
        }
        for r in base
    ]
