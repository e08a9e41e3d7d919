"""Case lists for the GUI's list model and the CLI: ids first, masked rows on demand.

- ``list_case_ids(store, query=None, status=None, case_type=None, order_by="opened_desc",
  limit=None) -> list[int]`` — with ``query`` the order is the search ranking.
- ``case_summaries(store, ids) -> list[CaseSummary]`` (in the order given; batched) and
  ``case_summary(store, case_id) -> CaseSummary`` — masked rows: case number, initials,
  birth year (only the case number under skyddad folkbokföring / fingerade personuppgifter).

Also importable from :mod:`storage.casefile.cases`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.records.case import CaseSummary
from storage.records.enums import (
    CaseStatus,
    CaseType,
    ProtectionLevel,
)
from storage.records.errors import InvalidChoiceError

ORDERS = {
    "opened_desc": "c.opened_on DESC, c.id DESC",
    "opened_asc": "c.opened_on ASC, c.id ASC",
    "number": "c.case_number ASC",
    "updated_desc": "c.updated_at DESC, c.id DESC",
    "status": "c.status ASC, c.opened_on DESC",
}

_SUMMARY_SQL = (
    "SELECT c.id, c.case_number, c.case_type, c.status, c.caseworker, c.opened_on, "
    "c.closed_on, c.demo, p.name, p.birth_year, p.protection_level "
    "FROM cases c LEFT JOIN persons p ON p.case_id = c.id AND p.role = 'principal'"
)


def list_case_ids(
    store: StoreLike,
    query: str | None = None,
    status: CaseStatus | str | Iterable[CaseStatus | str] | None = None,
    case_type: CaseType | str | None = None,
    order_by: str = "opened_desc",
    limit: int | None = None,
) -> list[int]:
    """Case ids matching the filters. With ``query`` the order is the search ranking."""
    if order_by not in ORDERS:
        raise InvalidChoiceError(field="order_by", choices=", ".join(ORDERS))
    where: list[str] = []
    params: list[Any] = []
    if status is not None:
        items = [status] if isinstance(status, str | CaseStatus) else list(status)
        codes = [CaseStatus.parse(s, "status").value for s in items]
        where.append(f"c.status IN ({', '.join('?' for _ in codes)})")
        params += codes
    if case_type is not None:
        where.append("c.case_type = ?")
        params.append(CaseType.parse(case_type, "case_type").value)
    if query is not None and query.strip():
        from storage.casefile.search import search_case_ids

        ranked = search_case_ids(store, query, limit=limit or 10_000)
        if not where:
            return ranked
        allowed = set(_filtered(store, where, params, ORDERS[order_by], None))
        return [i for i in ranked if i in allowed]
    return _filtered(store, where, params, ORDERS[order_by], limit)


def _filtered(
    store: StoreLike, where: list[str], params: list[Any], order: str, limit: int | None
) -> list[int]:
    sql = "SELECT c.id FROM cases c"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {order}"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [int(r[0]) for r in store.conn.execute(sql, params)]


def case_summaries(store: StoreLike, case_ids: Sequence[int]) -> list[CaseSummary]:
    """Masked summaries in the order of ``case_ids`` (unknown ids are skipped)."""
    from storage.casefile.protection import initials

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
            )
    return [out[i] for i in ids if i in out]


def case_summary(store: StoreLike, case_id: int) -> CaseSummary:
    found = case_summaries(store, [case_id])
    if not found:
        repo.case_row(store, case_id)  # raises CaseNotFoundError
    return found[0]
