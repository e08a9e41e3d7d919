"""The tables of knowledge of needs, methods and outcomes (docs/statistics.md, "What is
counted"): great needs at intake and their change by domain, interventions by method and by
evidence level, the situation at the 6- and 12-month follow-ups by method, time in the
programme and reasons for ending. They are cells like every other table, decided by the
same rule in the same release (:mod:`storage.statistics.release`).

- ``case_dims(fact, end) -> {dimension: values}`` — what a case contributes to them;
- ``layouts(draft, cols, summa, methods) -> [Layout]`` — the tables: those of one line per
  category and municipality (:func:`release.grid`), and those of a category by a state
  (need change, follow-ups) for the report's place (all municipalities, or the filter's).
"""

from __future__ import annotations

from collections.abc import Sequence

from storage.records.knowledge import EndReason, EvidenceLevel, NeedDomain
from storage.statistics.cells import (
    ANY,
    CASE,
    DURATIONS,
    NO_METHOD,
    CellKey,
    duration_band,
    follow_up_values,
    interventions_values,
    need_change_values,
)
from storage.statistics.facts import CaseFact
from storage.statistics.release import SUMMA, Draft, Layout, grid
from storage.statistics.world import Line

#: the keys of the knowledge tables (a screen may show them apart from the others)
KEYS = (
    "new.needs",
    "needs.change",
    "interventions.method",
    "interventions.evidence",
    "followup.six_months",
    "followup.twelve_months",
    "closed.duration",
    "closed.end_reason",
)
DURATION_LABELS = {
    "under_6m": "kortare än 6 månader",
    "6_12m": "6–12 månader",
    "12_24m": "1–2 år",
    "24m_plus": "2 år eller längre",
}
CHANGE_LABELS = {
    "improved": "minskat behov",
    "unchanged": "oförändrat",
    "worsened": "ökat behov",
    "unknown": "ej bedömt igen",
}
STATUS_LABELS = {
    "stable": "stabil situation",
    "partly_stable": "delvis stabil",
    "unstable": "instabil situation",
    "not_reached": "ej nådd",
    "none": "ingen uppföljning registrerad",
}
NO_METHOD_LABEL = "ingen metod angiven"
FOLLOW_UPS = {
    "fu6": ("followup.six_months", "Avslutade ärenden: läget vid uppföljningen efter 6 månader"),
    "fu12": (
        "followup.twelve_months",
        "Avslutade ärenden: läget vid uppföljningen efter 12 månader",
    ),
}


def case_dims(f: CaseFact) -> dict[str, frozenset[str]]:
    """The knowledge dimensions of one case (:mod:`storage.statistics.cells`)."""
    return {
        "interventions": interventions_values(set(f.triples)),
        "needs": f.needs or frozenset({"none"}),
        "need_change": need_change_values(dict(f.need_change)),
        "fu6": follow_up_values(set(f.fu6[0]), f.fu6[1]),
        "fu12": follow_up_values(set(f.fu12[0]), f.fu12[1]),
        "end_reason": frozenset({f.end_reason}),
        "duration": frozenset({duration_band(f.opened, f.closed)}),
    }


def _by_state(
    key: str,
    title: str,
    frame: CellKey,
    rows: Sequence[tuple[str, str]],
    states: Sequence[tuple[str, str]],
    cell: str,
    *,
    dim: str,
    total: bool,
) -> Layout:
    """Rows × states for one place (``cell.format(row=, state=)`` makes the category); the
    last column is the row's total (``state`` ``*``), the totals row the frame's states."""
    s = ANY

    def key_of(row: str, state: str) -> CellKey:
        return frame._replace(dimension=dim, category=cell.format(row=row, state=state))

    keys = [[*(key_of(code, st) for st, _ in states), key_of(code, s)] for code, _ in rows]
    lines = [Line(r[-1], tuple(r[:-1]), "column") for r in keys]
    out_rows = list(rows)
    if total:
        totals = [*(key_of(s, st) for st, _ in states), frame]
        keys.append(totals)
        lines.append(Line(frame, tuple(totals[:-1]), "column"))
        out_rows.append(("total", SUMMA))
    return Layout(
        key,
        title,
        "cases",
        out_rows,
        [*(label for _, label in states), SUMMA],
        keys,
        lines,
        total_row=total,
    )


def _need_change(frame: CellKey) -> Layout:
    rows = list(NeedDomain.labels().items())
    layout = _by_state(
        "needs.change",
        "Aktiva ärenden: förändring i behov sedan inskrivningen, efter område",
        frame,
        rows,
        list(CHANGE_LABELS.items()),
        "{row}:{state}",
        dim="need_change",
        total=False,
    )
    for i, row in enumerate(layout.keys):  # each row's total is the frame: every case
        row[-1] = frame
        layout.lines[i] = Line(frame, tuple(row[:-1]), "column")
    return layout


def _follow_up(dim: str, frame: CellKey, methods: Sequence[tuple[str, str]]) -> Layout:
    key, title = FOLLOW_UPS[dim]
    return _by_state(
        key,
        f"{title}, efter metod",
        frame,
        [*methods, (NO_METHOD, NO_METHOD_LABEL)],
        list(STATUS_LABELS.items()),
        "{row}|{state}",
        dim=dim,
        total=True,
    )


def _place_views(draft: Draft, summa: str, methods: Sequence[tuple[str, str]]) -> list[Layout]:
    s, e = draft.start.isoformat(), draft.end.isoformat()
    active = CellKey(CASE, "active", s, e, summa)
    closed = CellKey(CASE, "closed", s, e, summa)
    return [
        _need_change(active),
        _follow_up("fu6", closed, methods),
        _follow_up("fu12", closed, methods),
    ]


def layouts(
    draft: Draft,
    cols: list[tuple[str, str]],
    summa: str,
    methods: Sequence[tuple[str, str]],
    *,
    shown_only: bool = False,
) -> list[Layout]:
    """The knowledge tables over ``cols``. The tables by state (need change, follow-ups) are
    shown, and decided, for the report's place only (all municipalities, or the filter's):
    every other release of the store is in the ledger, so two of them are still decided
    together; ``shown_only`` is kept for the caller's symmetry."""
    s, e = draft.start.isoformat(), draft.end.isoformat()
    new, active, closed = ((CASE, m, s, e) for m in ("new", "active", "closed"))
    out = [
        grid(
            "new.needs",
            "Nya ärenden efter stort behov vid inskrivning, efter område",
            new,
            cols,
            summa,
            "needs",
            [*NeedDomain.labels().items(), ("none", "inget stort behov bedömt")],
        ),
        grid(
            "interventions.method",
            "Ärenden med insats under perioden, efter metod",
            active,
            cols,
            summa,
            "interventions",
            list(methods),
            total=ANY,
            prefix="m:",
        ),
        grid(
            "interventions.evidence",
            "Ärenden med insats under perioden, efter metodens evidensnivå",
            active,
            cols,
            summa,
            "interventions",
            [*EvidenceLevel.labels().items(), ("no_method", NO_METHOD_LABEL)],
            total=ANY,
            prefix="e:",
        ),
        grid(
            "closed.duration",
            "Avslutade ärenden efter tid i verksamheten",
            closed,
            cols,
            summa,
            "duration",
            [(d, DURATION_LABELS[d]) for d in DURATIONS],
        ),
        grid(
            "closed.end_reason",
            "Avslutade ärenden efter avslutsorsak",
            closed,
            cols,
            summa,
            "end_reason",
            [*EndReason.labels().items(), ("not_recorded", "ingen orsak registrerad")],
        ),
        *_place_views(draft, draft.summa, methods),
    ]
    del shown_only
    return out
