"""The statsbidrag summary for the application and the report back: per criterion how many
of the period's active cases meet it, and per intervention type the number and kronor of
interventions funded by the state grant that started in the period.

``grant_summary(store, start, end, municipality=None, threshold=5, *, pending=None,
only=None) -> GrantSummary`` — ``tables`` are decided like the statistics' (against every
earlier release, and against the statistics of the same period and municipality as if
they were released beside it: the two exports together reveal no more than each allows);
``cases`` holds one masked row per case for the unit's own work — never exported.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.casefile.summaries import case_summaries
from storage.records.enums import InterventionType
from storage.statistics import facts as data
from storage.statistics import periods
from storage.statistics.cells import CASE, GRANT, CellKey, Presence, canonical, criteria_values
from storage.statistics.grants import Criterion, criteria_met
from storage.statistics.release import Draft, Layout, decide, grid
from storage.statistics.tables import (
    THRESHOLD,
    TOTAL,
    TOTAL_LABEL,
    StatTable,
    add_grants,
    check_arguments,
    columns_of,
    make_table,
    shadow_of,
    start_draft,
    stats_draft,
)
from storage.statistics.world import Line


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
    requested: tuple[dt.date, dt.date]
    period_kind: str
    demo: bool
    earlier: int
    draft: Draft

    @property
    def snapped(self) -> bool:
        return self.requested != (self.start, self.end)


CRITERIA_ROWS = [(c.value, c.label) for c in Criterion] + [("all", "alla kriterier uppfyllda")]


def _criteria_layout(draft: Draft, summa: str) -> Layout:
    """The criteria of the cases active in the period, in one municipality or all."""
    s, e = draft.start.isoformat(), draft.end.isoformat()
    frame = CellKey(CASE, "active", s, e, summa)
    keys = [
        [
            CellKey(CASE, "active", s, e, summa, "criteria", f"{code}:met"),
            CellKey(CASE, "active", s, e, summa, "criteria", f"{code}:not_met"),
            frame,
        ]
        for code, _ in CRITERIA_ROWS
    ]
    return Layout(
        "grant.criteria",
        "Polisens kriterier för statsbidrag (antal ärenden)",
        "cases",
        list(CRITERIA_ROWS),
        ["uppfyllt", "ej uppfyllt", TOTAL_LABEL],
        keys,
        [Line(frame, (row[0], row[1]), "column") for row in keys],
        total_row=False,
        chart_column=0,
    )


def _criteria_rows(draft: Draft, places: list[str]) -> Layout:
    """Each criterion's "met" and "not met" across the municipalities (the rule's rows)."""
    s, e = draft.start.isoformat(), draft.end.isoformat()
    keys = [
        [CellKey(CASE, "active", s, e, p, "criteria", f"{code}:{v}") for p in [*places, ""]]
        for code, _ in CRITERIA_ROWS
        for v in ("met", "not_met")
    ]
    lines = [Line(row[-1], tuple(row[:-1]), "row") for row in keys] if len(places) >= 2 else []
    return Layout("grant.criteria.rows", "", "cases", [], [], keys, lines)


def _costs_layout(draft: Draft, summa: str) -> Layout:
    s, e = draft.start.isoformat(), draft.end.isoformat()
    frame = CellKey(GRANT, "started", s, e, summa)
    types = list(InterventionType.labels().items())
    keys = [[CellKey(GRANT, "started", s, e, summa, "type", code)] * 2 for code, _ in types]
    keys.append([frame, frame])
    return Layout(
        "grant.costs",
        "Insatser finansierade med statsbidrag, startade under perioden",
        "sek",
        [*types, (TOTAL, TOTAL_LABEL)],
        ["insatser", "kostnad (kr)"],
        keys,
        [Line(frame, tuple(row[0] for row in keys[:-1]), "column")],
        chart_column=1,
        column_units=("interventions", "sek"),
    )


def grant_summary(
    store: StoreLike,
    start: dt.date | str,
    end: dt.date | str,
    municipality: str | None = None,
    threshold: int = THRESHOLD,
    *,
    pending: Sequence[Draft] | None = None,
    only: Sequence[CellKey] | None = None,
) -> GrantSummary:
    choice = periods.snap(start, end)
    muni = check_arguments(municipality, threshold)
    shadow = shadow_of(store, threshold)
    if pending is None:  # decide as if the statistics of the same period were released too
        pending = [decide(store, stats_draft(store, choice, muni, threshold), shadow=shadow)]
    demo = data.demo_only(store)
    draft = start_draft("grant", choice, muni, threshold, demo)
    cases = data.case_facts(store, draft.start, draft.end, demo=demo)
    grants = data.grant_facts(store, draft.start, draft.end, demo=demo)
    met = criteria_met(store, {f.case_id for f in cases}, draft.end)
    s, e = draft.start.isoformat(), draft.end.isoformat()
    for f in cases:
        values = criteria_values({c.value for c in met[f.case_id]})
        frames = frozenset(CellKey(CASE, "active", s, e, p) for p in (f.span.municipality, ""))
        draft.add(f"c{f.case_id}", Presence(frames, {"criteria": values}), f.span)
    add_grants(draft, grants)
    places = [c for c, _ in columns_of(data.municipalities(store, demo=demo))]
    draft.layouts = [
        *(_criteria_layout(draft, p) for p in [*places, ""]),
        _criteria_rows(draft, places),
        grid(
            "grant.costs.rows",
            "",
            (GRANT, "started", s, e),
            [(p, p) for p in places],
            "",
            "type",
            list(InterventionType.labels().items()),
            unit="sek",
        ),
    ]
    draft.shown = [_criteria_layout(draft, draft.summa), _costs_layout(draft, draft.summa)]
    draft.count()
    decide(store, draft, pending=pending, only=only, shadow=shadow)
    per_case: dict[int, int] = {}
    for g in grants:
        per_case[g.case_id] = per_case.get(g.case_id, 0) + g.cost
    labels = {s.case_id: s.label for s in case_summaries(store, sorted(met))}
    wanted = canonical(muni) if muni else None
    rows = tuple(
        GrantCaseRow(
            f.case_id,
            labels.get(f.case_id, ""),
            f.municipality,
            met[f.case_id],
            len(met[f.case_id]) == len(Criterion),
            per_case.get(f.case_id, 0),
        )
        for f in cases
        if wanted is None or f.span.municipality == wanted
    )
    return GrantSummary(
        "grant",
        draft.start,
        draft.end,
        muni,
        threshold,
        repo.utc_now(),
        tuple(make_table(layout, draft) for layout in draft.shown),
        rows,
        draft.requested,
        draft.period_kind,
        draft.demo,
        draft.earlier,
        draft,
    )
