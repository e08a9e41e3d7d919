"""Statsbidrag (state grant via Polismyndigheten): the criteria checklist and the summary.

The police's criteria for an individual in an exit programme: motivation to leave, a
threat, consent, signed conditions, not a witness in a pending case, a social-services
decision. Four are derived from the case file where it can tell; every criterion can be
confirmed (or denied) by hand, with who and when. The latest confirmation of a criterion
wins over what the data says; a criterion with neither is *not met*.

Public API:

- ``grant_checklist(store, case_id, on=None) -> GrantChecklist`` — ``items`` in
  :class:`Criterion` order, each with ``met``, ``source`` ("manual" | "data" | None), the
  derived evidence and the latest confirmation.
- ``confirm_criterion(store, case_id, criterion, *, met=True, note=None) -> int`` — audited
  ``grant.confirm``; history kept (``confirmations(store, case_id)``).
- ``grant_summary(store, start, end, municipality=None, threshold=5) -> GrantSummary`` —
  ``tables`` (suppressed like the statistics, fit to leave the unit; export with
  :mod:`storage.statistics.export`, audited ``grant.export``) and ``cases`` (one masked row per
  case, for the unit's own work only — never exported by Utväg).

Derived: *consent* — a consent valid on the day; *signed_conditions* — an agreement signed
by the day with at least one condition; *threat* — a threat assessment made by the day;
*social_services_decision* — the case is beslutad, genomförande or uppföljning, or the
audit log shows it was moved to beslutad. *motivation* and *not_witness* are manual only.
Population of the summary: cases active in the period (as in
:mod:`storage.statistics.tables`); costs:
interventions funded by statsbidrag that started in the period. The summary never shows a
number that the statistics of the same period and municipality hide (the number of active
cases, the grant money per intervention type), so the two exports cannot be combined to
undo each other's suppression.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.casefile.summaries import case_summaries
from storage.records import validate as v
from storage.records.enums import (
    Choice,
    InterventionType,
    _labelled,
)
from storage.statistics.suppress import (
    THRESHOLD,
    Grid,
    suppress,
)
from storage.statistics.tables import (
    TOTAL,
    TOTAL_LABEL,
    StatsReport,
    StatTable,
    active_facts,
    check_period,
    compute_stats,
)


class Criterion(Choice):
    MOTIVATION = "motivation"
    THREAT = "threat"
    CONSENT = "consent"
    SIGNED_CONDITIONS = "signed_conditions"
    NOT_WITNESS = "not_witness"
    SOCIAL_SERVICES_DECISION = "social_services_decision"


_labelled(
    Criterion,
    {
        "motivation": "motivation att lämna miljön",
        "threat": "hotbild",
        "consent": "samtycke",
        "signed_conditions": "undertecknade villkor",
        "not_witness": "inte vittne i pågående mål",
        "social_services_decision": "socialtjänstens beslut",
    },
)

DERIVED = {
    Criterion.THREAT: "hotbedömning finns",
    Criterion.CONSENT: "giltigt samtycke finns",
    Criterion.SIGNED_CONDITIONS: "undertecknad överenskommelse med villkor finns",
    Criterion.SOCIAL_SERVICES_DECISION: "ärendet har beslutats",
}


@dataclass(frozen=True)
class Confirmation:
    id: int
    case_id: int
    criterion: Criterion
    met: bool
    note: str | None
    confirmed_by: str
    confirmed_at: str


@dataclass(frozen=True)
class CriterionStatus:
    criterion: Criterion
    met: bool
    source: str | None  # "manual", "data" or None (nothing known: not met)
    derived: bool | None  # what the case file says; None = cannot be derived
    evidence: str | None  # Swedish text for what the data shows
    confirmation: Confirmation | None


@dataclass(frozen=True)
class GrantChecklist:
    case_id: int
    on: dt.date
    items: tuple[CriterionStatus, ...]

    @property
    def all_met(self) -> bool:
        return all(i.met for i in self.items)


@dataclass(frozen=True)
class GrantCaseRow:
    case_id: int
    label: str  # masked case label
    municipality: str
    met: tuple[Criterion, ...]
    all_met: bool
    grant_cost_sek: int


@dataclass(frozen=True)
class GrantSummary:
    kind: str  # "grant"
    start: dt.date
    end: dt.date
    municipality: str | None
    threshold: int
    generated: str
    tables: tuple[StatTable, ...]
    cases: tuple[GrantCaseRow, ...]


def _confirmation(r: Sequence[Any]) -> Confirmation:
    note = None if r[4] is None else str(r[4])
    return Confirmation(
        int(r[0]), int(r[1]), Criterion(r[2]), bool(r[3]), note, str(r[5]), str(r[6])
    )


def confirmations(store: StoreLike, case_id: int) -> list[Confirmation]:
    """Every confirmation of the case, oldest first."""
    repo.case_row(store, case_id)
    rows = store.conn.execute(
        "SELECT id, case_id, criterion, met, note, confirmed_by, confirmed_at "
        "FROM grant_confirmations WHERE case_id = ? ORDER BY id",
        (int(case_id),),
    )
    return [_confirmation(r) for r in rows]


def confirm_criterion(
    store: StoreLike,
    case_id: int,
    criterion: Criterion | str,
    *,
    met: bool = True,
    note: str | None = None,
) -> int:
    which = Criterion.parse(criterion, "criterion")
    flag = v.boolean("met", met)
    text = v.text("note", note, required=False, limit=2000, multiline=True)
    with store.transaction():
        number = repo.case_number(store, case_id)
        row_id = repo.insert(
            store,
            "grant_confirmations",
            {
                "case_id": int(case_id),
                "criterion": which.value,
                "met": int(flag),
                "note": text,
                "confirmed_by": store.actor,
                "confirmed_at": repo.utc_now(),
            },
        )
        repo.audit(
            store, "grant.confirm", number, case_id=int(case_id), criterion=which.value, met=flag
        )
    return row_id


def _derived(store: StoreLike, ids: set[int], day: dt.date) -> dict[int, set[Criterion]]:
    """The criteria the case files show as met on ``day``, per case."""
    d = day.isoformat()
    out: dict[int, set[Criterion]] = {i: set() for i in ids}

    def mark(criterion: Criterion, sql: str, params: tuple[str, ...]) -> None:
        for (case_id,) in store.conn.execute(sql, params):
            if int(case_id) in out:
                out[int(case_id)].add(criterion)

    mark(Criterion.THREAT, "SELECT case_id FROM threat_assessments WHERE assessed_on <= ?", (d,))
    mark(
        Criterion.CONSENT,
        "SELECT case_id FROM consents WHERE signed_on <= ? AND (expires_on IS NULL OR "
        "expires_on >= ?) AND (revoked_on IS NULL OR revoked_on > ?)",
        (d, d, d),
    )
    mark(
        Criterion.SIGNED_CONDITIONS,
        "SELECT a.case_id FROM agreements a JOIN conditions k ON k.agreement_id = a.id "
        "WHERE a.signed_on <= ?",
        (d,),
    )
    mark(
        Criterion.SOCIAL_SERVICES_DECISION,
        "SELECT id FROM cases WHERE status IN ('decided', 'implementation', 'follow_up')",
        (),
    )
    mark(
        Criterion.SOCIAL_SERVICES_DECISION,
        "SELECT c.id FROM cases c JOIN audit_log l ON l.subject = c.case_number "
        "WHERE l.action = 'case.status' AND json_extract(l.details, '$.to') = 'decided' "
        "AND json_extract(l.details, '$.case_id') = c.id "
        "AND substr(l.ts, 1, 19) >= substr(c.created_at, 1, 19) AND substr(l.ts, 1, 10) <= ?",
        (d,),
    )
    return out


def _latest(store: StoreLike, ids: set[int]) -> dict[tuple[int, Criterion], Confirmation]:
    latest: dict[tuple[int, Criterion], Confirmation] = {}
    for r in store.conn.execute(
        "SELECT id, case_id, criterion, met, note, confirmed_by, confirmed_at "
        "FROM grant_confirmations ORDER BY id"
    ):
        c = _confirmation(r)
        if c.case_id in ids:
            latest[(c.case_id, c.criterion)] = c
    return latest


def _items(
    case_id: int, derived: set[Criterion], latest: dict[tuple[int, Criterion], Confirmation]
) -> tuple[CriterionStatus, ...]:
    items = []
    for criterion in Criterion:
        known = criterion in DERIVED
        has = criterion in derived
        conf = latest.get((case_id, criterion))
        met = conf.met if conf is not None else has
        source: str | None = "manual" if conf is not None else "data" if has else None
        evidence = DERIVED[criterion] if has else None
        items.append(
            CriterionStatus(criterion, met, source, has if known else None, evidence, conf)
        )
    return tuple(items)


def grant_checklist(store: StoreLike, case_id: int, on: dt.date | None = None) -> GrantChecklist:
    repo.case_row(store, case_id)
    day = on or repo.today()
    ids = {int(case_id)}
    items = _items(int(case_id), _derived(store, ids, day)[int(case_id)], _latest(store, ids))
    return GrantChecklist(int(case_id), day, items)


def _criteria_table(rows: list[GrantCaseRow], threshold: int, total_hidden: bool) -> StatTable:
    """Per criterion: met, not met, and the number of cases (the same in every row).

    A row with a small "met" or "not met" hides both (the total is published). When the
    total itself is small, or the statistics of the same period hide it (the number of
    active cases), the whole table is hidden: otherwise met + not met would reveal it."""
    labels = [(c.value, c.label) for c in Criterion] + [("all", "alla kriterier uppfyllda")]
    total = len(rows)
    values = []
    for code, _ in labels:
        met = sum(1 for r in rows if (r.all_met if code == "all" else Criterion(code) in r.met))
        values.append((met, total - met, total))
    small = {(i, j) for i, row in enumerate(values) for j, x in enumerate(row) if 0 < x < threshold}
    if total_hidden or 0 < total < threshold:
        hidden = {(i, j) for i in range(len(values)) for j in range(3)}
    else:
        hidden = {(i, j) for i, _ in small for j in (0, 1)}
    cells = tuple(
        tuple(None if (i, j) in hidden else x for j, x in enumerate(row))
        for i, row in enumerate(values)
    )
    return StatTable(
        "grant.criteria",
        "Polisens kriterier för statsbidrag (antal ärenden)",
        "cases",
        tuple(labels),
        ("uppfyllt", "ej uppfyllt", TOTAL_LABEL),
        cells,
        frozenset(small),
        frozenset(hidden - small),
        total_row=False,
        chart_column=0,
    )


def _cost_table(
    store: StoreLike, ids: set[int], report: StatsReport, threshold: int
) -> tuple[StatTable, dict[int, int]]:
    """Cases and costs per intervention type (statsbidrag, started in the period). The
    costs are the totals column of the statistics' grant-money table, suppressed as there
    (so this summary never shows a number the statistics hide); the case counts are
    suppressed on their own."""
    per_type: dict[str, set[int]] = {t.value: set() for t in InterventionType}
    per_case: dict[int, int] = {}
    for case_id, kind, cost in store.conn.execute(
        "SELECT case_id, type, cost_sek FROM interventions WHERE funding = 'state_grant' "
        "AND started_on BETWEEN ? AND ?",
        (report.start.isoformat(), report.end.isoformat()),
    ):
        if int(case_id) in ids:
            per_type[kind].add(int(case_id))
            per_case[int(case_id)] = per_case.get(int(case_id), 0) + int(cost or 0)
    counts = [[len(c)] for c in per_type.values()]
    counts.append([sum(n for (n,) in counts)])  # the column's sum, as in the statistics
    people = [*counts[:-1], [len(per_case)]]  # distinct cases behind each cell
    grid = Grid(tuple(map(tuple, counts)), tuple(map(tuple, people)), False, True)
    hidden = suppress(grid, threshold=threshold)
    money = [row[-1] for row in report.table("grant_money.type").cells]
    cells = tuple(
        (None if (i, 0) in hidden.cells else n[0], money[i]) for i, n in enumerate(counts)
    )
    table = StatTable(
        "grant.costs",
        "Insatser finansierade med statsbidrag, startade under perioden",
        "sek",
        (*InterventionType.labels().items(), (TOTAL, TOTAL_LABEL)),
        ("ärenden", "kostnad (kr)"),
        cells,
        hidden.primary,
        frozenset(hidden.cells - hidden.primary),
        chart_column=1,
        column_units=("cases", "sek"),
    )
    return table, per_case


def grant_summary(
    store: StoreLike,
    start: dt.date | str,
    end: dt.date | str,
    municipality: str | None = None,
    threshold: int = THRESHOLD,
) -> GrantSummary:
    first, last = check_period(start, end)
    muni = v.text("municipality", municipality, required=False, limit=100)
    v.integer("threshold", threshold, low=2, high=100)
    facts = {f.case_id: f for f in active_facts(store, first, last, muni)}
    ids = set(facts)
    derived, latest = _derived(store, ids, last), _latest(store, ids)
    report = compute_stats(store, first, last, muni, threshold)
    costs, per_case = _cost_table(store, ids, report, threshold)
    total_hidden = report.table("active.case_type").cells[-1][-1] is None
    labels = {s.case_id: s.label for s in case_summaries(store, sorted(ids))}
    rows = []
    for case_id in sorted(ids):
        items = _items(case_id, derived[case_id], latest)
        met = tuple(i.criterion for i in items if i.met)
        muni_of = facts[case_id].municipality
        row = GrantCaseRow(
            case_id,
            labels.get(case_id, ""),
            muni_of,
            met,
            len(met) == len(items),
            per_case.get(case_id, 0),
        )
        rows.append(row)
    tables = (_criteria_table(rows, threshold, total_hidden), costs)
    return GrantSummary("grant", first, last, muni, threshold, repo.utc_now(), tables, tuple(rows))
