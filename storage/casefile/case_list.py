"""Case lists for the GUI's list model and the CLI: ids first, masked rows on demand.

- ``list_case_ids(store, query=None, status=None, case_type=None, order_by="opened_desc",
  limit=None) -> list[int]`` — with ``query`` the order is the search ranking. A query that
  is shaped like a personnummer or samordningsnummer (10 or 12 digits, with or without
  ``-``, ``+`` or a space before the last four) is looked up exactly instead
  (:func:`storage.casefile.people.find_person`; an invalid number raises its error).
- the masked rows for those ids come from :mod:`storage.casefile.summaries`.

Also importable from :mod:`storage.casefile.cases`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from storage.casefile.people import find_person
from storage.casefile.repo import StoreLike
from storage.casefile.search import search_case_ids
from storage.records.enums import (
    CaseStatus,
    CaseType,
)
from storage.records.errors import InvalidChoiceError
from storage.team.guard import HIDDEN_CASES_SQL

ORDERS = {
    "opened_desc": "c.opened_on DESC, c.id DESC",
    "opened_asc": "c.opened_on ASC, c.id ASC",
    "number": "c.case_number ASC",
    "updated_desc": "c.updated_at DESC, c.id DESC",
    "status": "c.status ASC, c.opened_on DESC",
}
NUMBER_SHAPE = re.compile(r"^\s*(\d{6}|\d{8})[-+ ]?\d{4}\s*$")


def looks_like_number(query: str) -> bool:
    """Whether a search is a personnummer or samordningsnummer (looked up exactly)."""
    return NUMBER_SHAPE.match(query) is not None


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
        if looks_like_number(query):
            ranked = list(dict.fromkeys(m.case_id for m in find_person(store, query)))
        else:
            ranked = search_case_ids(store, query, limit=limit or 10_000)
        hidden = {int(r[0]) for r in store.conn.execute(HIDDEN_CASES_SQL)}
        ranked = [i for i in ranked if i not in hidden]
        if not where:
            return ranked
        allowed = set(_filtered(store, where, params, ORDERS[order_by], None))
        return [i for i in ranked if i in allowed]
    return _filtered(store, where, params, ORDERS[order_by], limit)


def _filtered(
    store: StoreLike, where: list[str], params: list[Any], order: str, limit: int | None
) -> list[int]:
    sql = "SELECT c.id FROM cases c"
    where = [*where, f"c.id NOT IN ({HIDDEN_CASES_SQL})"]  # an ended stand-in share
    sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {order}"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [int(r[0]) for r in store.conn.execute(sql, params)]
