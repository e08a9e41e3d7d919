"""What the statistics read from the case files: one :class:`CaseFact` per case active in a
period, and the interventions funded by the state grant that started in it.

Only what the tables count is read: case type, status and outcome, bosättningskommun,
opened and closed dates, the principal person's gender and birth year, the environments of
the case's network links (never the groups), the types and dates of its interventions,
the dates its placements began (never where), the cost and type of grant-funded
interventions, and for the knowledge tables: the domains of a great need at intake and how
each domain changed by the period's end, the method and evidence level of each running
intervention, the situation at the 6- and 12-month follow-ups with the methods they
evaluate, and the reason a case ended. Demo cases are left out — unless the store holds
nothing else, in which case the statistics show the demo data and say so (``demo_only``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.records.enums import Gender
from storage.records.knowledge import NeedLevel
from storage.statistics.cells import CASE, DOMAINS, GRANT, Span, canonical, triple


@dataclass(frozen=True)
class CaseFact:
    case_id: int
    case_type: str
    outcome: str | None
    status: str
    municipality: str  # as written (trimmed)
    opened: dt.date
    closed: dt.date | None
    gender: str
    birth_year: int | None
    environments: frozenset[str]
    running: frozenset[str]  # intervention types running in the period
    moved: bool  # a placement began in the period
    triples: frozenset[str] = frozenset()  # running interventions: type|method|level
    needs: frozenset[str] = frozenset()  # domains of a great need at intake
    need_change: tuple[tuple[str, str], ...] = ()  # (domain, change) by the period's end
    fu6: tuple[frozenset[str], str] = (frozenset(), "none")  # (methods evaluated, status)
    fu12: tuple[frozenset[str], str] = (frozenset(), "none")
    end_reason: str = "not_recorded"

    @property
    def span(self) -> Span:
        return Span(CASE, canonical(self.municipality), self.opened, self.closed)


@dataclass(frozen=True)
class GrantFact:
    intervention_id: int
    case_id: int
    type: str
    started: dt.date
    cost: int
    municipality: str

    @property
    def span(self) -> Span:
        return Span(GRANT, canonical(self.municipality), self.started, None)


def demo_only(store: StoreLike) -> bool:
    """True when the store holds demo cases and nothing else."""
    row = store.conn.execute(
        "SELECT coalesce(sum(demo = 0), 0), coalesce(sum(demo = 1), 0) FROM cases"
    ).fetchone()
    return int(row[0]) == 0 and int(row[1]) > 0


def _wanted(municipality: str | None) -> str | None:
    return canonical(municipality) if municipality else None


def case_facts(
    store: StoreLike,
    start: dt.date,
    end: dt.date,
    municipality: str | None = None,
    *,
    demo: bool = False,
) -> list[CaseFact]:
    """The cases active in the period (opened by its end, not closed before its start)."""
    s, e = start.isoformat(), end.isoformat()
    rows = store.conn.execute(
        "SELECT c.id, c.case_type, c.outcome, c.status, c.home_municipality, c.opened_on, "
        "c.closed_on, p.gender, p.birth_year FROM cases c "
        "LEFT JOIN persons p ON p.case_id = c.id AND p.role = 'principal' "
        "WHERE c.demo = ? AND c.opened_on <= ? AND (c.closed_on IS NULL OR c.closed_on >= ?) "
        "ORDER BY c.id",
        (int(demo), e, s),
    ).fetchall()
    wanted = _wanted(municipality)
    picked = [r for r in rows if wanted is None or canonical(r[4]) == wanted]
    ids = {int(r[0]) for r in picked}
    envs: dict[int, set[str]] = {}
    for case_id, env in store.conn.execute("SELECT case_id, environment FROM network_links"):
        if int(case_id) in ids:
            envs.setdefault(int(case_id), set()).add(str(env))
    running: dict[int, set[str]] = {}
    triples: dict[int, set[str]] = {}
    for case_id, kind, method, level in store.conn.execute(
        "SELECT i.case_id, i.type, m.code, m.evidence_level FROM interventions i "
        "LEFT JOIN methods m ON m.id = i.method_id WHERE i.started_on <= ? "
        "AND (i.ended_on IS NULL OR i.ended_on >= ?)",
        (e, s),
    ):
        if int(case_id) in ids:
            running.setdefault(int(case_id), set()).add(str(kind))
            triples.setdefault(int(case_id), set()).add(triple(str(kind), method, level))
    plan = _plan(store, ids, end)
    moved = {
        int(c)
        for (c,) in store.conn.execute(
            "SELECT DISTINCT case_id FROM placements WHERE moved_in_on BETWEEN ? AND ?", (s, e)
        )
    }
    return [
        CaseFact(
            int(r[0]),
            str(r[1]),
            r[2],
            str(r[3]),
            str(r[4]).strip(),
            repo.must_date(r[5]),
            repo.to_date(r[6]),
            r[7] or Gender.UNKNOWN.value,
            None if r[8] is None else int(r[8]),
            frozenset(envs.get(int(r[0]), ())),
            frozenset(running.get(int(r[0]), ())),
            int(r[0]) in moved,
            frozenset(triples.get(int(r[0]), ())),
            **plan.get(int(r[0]), NO_PLAN)._asdict(),
        )
        for r in picked
    ]


class CasePlan(NamedTuple):
    """What the knowledge tables read of a case (the last fields of :class:`CaseFact`)."""

    needs: frozenset[str] = frozenset()
    need_change: tuple[tuple[str, str], ...] = ()
    fu6: tuple[frozenset[str], str] = (frozenset(), "none")
    fu12: tuple[frozenset[str], str] = (frozenset(), "none")
    end_reason: str = "not_recorded"


NO_PLAN = CasePlan()
_SCORE = {level.value: level.score for level in NeedLevel}


def _need_change(first: int, last: int) -> str:
    return "improved" if last < first else "worsened" if last > first else "unchanged"


def _plan(store: StoreLike, ids: set[int], end: dt.date) -> dict[int, CasePlan]:
    """Per case: needs at intake, their change by ``end``, the 6- and 12-month follow-ups
    with the methods they evaluate, and the reason it ended (in :class:`CaseFact` order)."""
    ratings: dict[int, dict[int, dict[str, int]]] = {}
    dates: dict[int, list[tuple[str, int]]] = {}
    for case_id, aid, day, domain, level in store.conn.execute(
        "SELECT a.case_id, a.id, a.assessed_on, r.domain, r.level FROM needs_assessments a "
        "JOIN need_ratings r ON r.assessment_id = a.id"
    ):
        if int(case_id) in ids:
            ratings.setdefault(int(case_id), {}).setdefault(int(aid), {})[domain] = _SCORE[level]
            if (day, int(aid)) not in dates.setdefault(int(case_id), []):
                dates[int(case_id)].append((str(day), int(aid)))
    follow: dict[tuple[int, str], tuple[set[str], str]] = {}
    for case_id, fid, kind, status in store.conn.execute(
        "SELECT f.case_id, f.id, f.kind, r.status FROM follow_ups f "
        "LEFT JOIN follow_up_results r ON r.follow_up_id = f.id "
        "WHERE f.kind IN ('six_months', 'twelve_months') ORDER BY f.done_on, f.id"
    ):
        if int(case_id) in ids:
            methods = {
                str(code)
                for (code,) in store.conn.execute(
                    "SELECT m.code FROM follow_up_interventions l "
                    "JOIN interventions i ON i.id = l.intervention_id "
                    "JOIN methods m ON m.id = i.method_id WHERE l.follow_up_id = ?",
                    (int(fid),),
                )
            }
            follow[(int(case_id), str(kind))] = (methods, str(status or "none"))
    reasons = {
        int(c): str(r)
        for c, r in store.conn.execute("SELECT case_id, reason FROM case_endings")
        if int(c) in ids
    }
    out: dict[int, CasePlan] = {}
    for case_id in ids:
        order = sorted(dates.get(case_id, []))
        needs: frozenset[str] = frozenset()
        change: tuple[tuple[str, str], ...] = ()
        if order:
            first = ratings[case_id][order[0][1]]
            needs = frozenset(d for d, score in first.items() if score >= 3)
            until = [aid for day, aid in order if day <= end.isoformat()]
            if len(until) >= 2:
                last = ratings[case_id][until[-1]]
                change = tuple(
                    (d, _need_change(first[d], last[d]))
                    for d in DOMAINS
                    if d in first and d in last
                )
        six = follow.get((case_id, "six_months"), (set(), "none"))
        twelve = follow.get((case_id, "twelve_months"), (set(), "none"))
        out[case_id] = CasePlan(
            needs,
            change,
            (frozenset(six[0]), six[1]),
            (frozenset(twelve[0]), twelve[1]),
            reasons.get(case_id, "not_recorded"),
        )
    return out


def grant_facts(
    store: StoreLike,
    start: dt.date,
    end: dt.date,
    municipality: str | None = None,
    *,
    demo: bool = False,
) -> list[GrantFact]:
    """Interventions funded by the state grant that started in the period."""
    rows = store.conn.execute(
        "SELECT i.id, i.case_id, i.type, i.started_on, i.cost_sek, c.home_municipality "
        "FROM interventions i JOIN cases c ON c.id = i.case_id "
        "WHERE i.funding = 'state_grant' AND i.started_on BETWEEN ? AND ? AND c.demo = ? "
        "ORDER BY i.id",
        (start.isoformat(), end.isoformat(), int(demo)),
    ).fetchall()
    wanted = _wanted(municipality)
    return [
        GrantFact(
            int(r[0]),
            int(r[1]),
            str(r[2]),
            repo.must_date(r[3]),
            int(r[4] or 0),
            str(r[5]).strip(),
        )
        for r in rows
        if wanted is None or canonical(r[5]) == wanted
    ]


def age_band(birth_year: int | None, end: dt.date) -> str:
    if birth_year is None:
        return "unknown"
    age = end.year - int(birth_year)
    return "under_18" if age < 18 else "18_29" if age < 30 else "30_plus"


def spans(store: StoreLike, units: Iterable[str]) -> dict[str, Span]:
    """Where and when units of the ledger are now (``c<id>`` cases, ``i<id>`` grant
    interventions); units whose case is gone are left out."""
    wanted = set(units)
    out: dict[str, Span] = {}
    for case_id, muni, opened, closed in store.conn.execute(
        "SELECT id, home_municipality, opened_on, closed_on FROM cases"
    ):
        uid = f"c{int(case_id)}"
        if uid in wanted:
            out[uid] = Span(CASE, canonical(muni), repo.must_date(opened), repo.to_date(closed))
    for iid, muni, started in store.conn.execute(
        "SELECT i.id, c.home_municipality, i.started_on FROM interventions i "
        "JOIN cases c ON c.id = i.case_id"
    ):
        uid = f"i{int(iid)}"
        if uid in wanted:
            out[uid] = Span(GRANT, canonical(muni), repo.must_date(started), None)
    return out


def municipalities(store: StoreLike, *, demo: bool = False) -> list[str]:
    """Every bosättningskommun the store's cases have, whatever the period: the columns of
    every table, so that whether a municipality is shown says nothing about a period."""
    rows = store.conn.execute(
        "SELECT home_municipality FROM cases WHERE demo = ? ORDER BY id", (int(demo),)
    )
    return list(dict.fromkeys(str(r[0]).strip() for r in rows))
