"""Masked summaries of cases, the row every list and search result shows.

``case_summaries(store, ids) -> list[CaseSummary]`` (in the order given; batched) and
``case_summary(store, case_id) -> CaseSummary``: case number, initials, birth year (only the
case number under skyddad folkbokföring / fingerade personuppgifter). Also importable from
:mod:`storage.casefile.cases`.
"""

from __future__ import annotations

from collections.abc import Sequence

from storage.casefile import repo
from storage.casefile.protection import initials
from storage.casefile.repo import StoreLike
from storage.records.case import CaseSummary
from storage.records.enums import (
    CaseStatus,
    CaseType,
    ProtectionLevel,
)
from storage.team.guard import check_case_shown

_SUMMARY_SQL = (
    "SELECT c.id, c.case_number, c.case_type, c.status, c.caseworker, c.opened_on, "
    "c.closed_on, c.demo, p.name, p.birth_year, p.protection_level, t.role "
    "FROM cases c LEFT JOIN persons p ON p.case_id = c.id AND p.role = 'principal' "
    "LEFT JOIN team_cases t ON t.case_id = c.id"
)


def case_summaries(store: StoreLike, case_ids: Sequence[int]) -> list[CaseSummary]:
    """Masked summaries in the order of ``case_ids`` (unknown ids are skipped)."""
    out: dict[int, CaseSummary] = {}
    ids = [int(i) for i in case_ids]
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        rows = store.conn.execute(f"{_SUMMARY_SQL} WHERE c.id IN ({marks})", chunk)
        for r in rows:
            level = ProtectionLevel(r[10]) if r[10] else ProtectionLevel.NONE
            hidden = level.hides_label or r[8] is None
            out[int(r[0])] = CaseSummary(
                case_id=int(r[0]),
                case_number=r[1],
                case_type=CaseType(r[2]),
                status=CaseStatus(r[3]),
                protection_level=level,
                initials=None if hidden else initials(r[8]),
                birth_year=None if level.hides_label or r[9] is None else int(r[9]),
                caseworker=r[4],
                opened_on=repo.must_date(r[5]),
                closed_on=repo.to_date(r[6]),
                demo=bool(r[7]),
                has_person=r[8] is not None,
                team_role=r[11],
            )
    return [out[i] for i in ids if i in out]


def case_summary(store: StoreLike, case_id: int) -> CaseSummary:
    check_case_shown(store.conn, int(case_id))
    found = case_summaries(store, [case_id])
    if not found:
        repo.case_row(store, case_id)  # raises CaseNotFoundError
    return found[0]
