"""Cases (ärenden): create, change status, list and summarise.

Public API (``store`` is a :class:`storage.vault.opening.Store`):

- ``create_case(store, *, case_type, home_municipality, ...) -> int`` — new case, number
  ``UV-<year>-<nnnn>`` unless given; starts as aktualiserad unless a status is given (import).
- ``update_case(store, case_id, **fields)`` — bosättningskommun, vistelsekommun, handläggare,
  referral source.
- ``set_status(store, case_id, status, *, outcome=None, on=None)`` — along
  :data:`storage.records.STATUS_TRANSITIONS`; closing (avslutad) needs an outcome, and only
  closing takes one.
- ``set_gallring_exemption(store, case_id, exempt, reason=None)``.
- ``get_case(store, case_id) -> Case`` (no protected fields).
- ``list_case_ids(store, query=None, status=None, case_type=None, order_by="opened_desc")``
  ``-> list[int]`` — for a list model that fetches rows on demand with
- ``case_summary(store, case_id)`` / ``case_summaries(store, ids)`` ``-> CaseSummary`` (masked).
- ``resolve_case(store, id_or_case_number) -> int``.

Every change is audited (``case.create``, ``case.update``, ``case.status``,
``case.gallring_exemption``) with the case number as subject and no personal data.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.records import validate as v
from storage.records.case import Case
from storage.records.enums import (
    STATUS_TRANSITIONS,
    CaseStatus,
    CaseType,
    Outcome,
)
from storage.records.errors import (
    ClosedDateNotAllowedError,
    DuplicateCaseNumberError,
    FieldRequiredError,
    InvalidCaseNumberError,
    OutcomeNotAllowedError,
    OutcomeRequiredError,
    StatusTransitionError,
    UnknownFieldError,
)
from storage.team.guard import check_case_shown

__all__ = [
    "create_case",
    "get_case",
    "set_gallring_exemption",
    "set_status",
    "update_case",
]

CASE_NUMBER = re.compile(r"^UV-(\d{4})-(\d{4,6})$")
_UPDATABLE = {"home_municipality", "stay_municipality", "caseworker", "referral_source"}
_COLUMNS = (
    "id, case_number, case_type, status, outcome, home_municipality, stay_municipality, "
    "caseworker, referral_source, opened_on, closed_on, gallring_exempt, "
    "gallring_exempt_reason, demo, created_at, updated_at"
)


def next_case_number(store: StoreLike, year: int) -> str:
    prefix = f"UV-{year:04d}-"
    row = store.conn.execute(
        "SELECT max(CAST(substr(case_number, 9) AS INTEGER)) FROM cases WHERE case_number LIKE ?",
        (prefix + "%",),
    ).fetchone()
    return f"{prefix}{(row[0] or 0) + 1:04d}"


def check_status_fields(
    status: CaseStatus,
    outcome: Outcome | None,
    opened: dt.date,
    closed: dt.date | None,
) -> None:
    if status is CaseStatus.CLOSED and outcome is None:
        raise OutcomeRequiredError(field="outcome", choices=", ".join(Outcome.codes()))
    if status is not CaseStatus.CLOSED and outcome is not None:
        raise OutcomeNotAllowedError(field="outcome")
    if status.is_terminal and closed is None:
        raise FieldRequiredError(field="closed_on")
    if not status.is_terminal and closed is not None:
        raise ClosedDateNotAllowedError(field="closed_on")
    v.ordered("closed_on", closed, "opened_on", opened)


def create_case(
    store: StoreLike,
    *,
    case_type: CaseType | str,
    home_municipality: str,
    caseworker: str | None = None,
    stay_municipality: str | None = None,
    referral_source: str | None = None,
    opened_on: dt.date | str | None = None,
    case_number: str | None = None,
    status: CaseStatus | str = CaseStatus.REFERRED,
    outcome: Outcome | str | None = None,
    closed_on: dt.date | str | None = None,
    demo: bool = False,
) -> int:
    """Create a case and return its id. Validates every field; nothing is stored on error."""
    today = repo.today()
    kind = CaseType.parse(case_type, "case_type")
    home = v.required_text("home_municipality", home_municipality, limit=100)
    worker = v.required_text("caseworker", caseworker or store.actor, limit=100)
    stay = v.text("stay_municipality", stay_municipality, required=False, limit=100)
    source = v.text("referral_source", referral_source, required=False)
    opened = v.not_future("opened_on", v.date("opened_on", opened_on, required=False), today)
    opened = opened or today
    state = CaseStatus.parse(status, "status")
    result = Outcome.parse(outcome, "outcome") if outcome is not None else None
    closed = v.not_future("closed_on", v.date("closed_on", closed_on, required=False), today)
    check_status_fields(state, result, opened, closed)
    with store.transaction():
        if case_number is None:
            number = next_case_number(store, opened.year)
        else:
            number = v.required_text("case_number", case_number, limit=20).upper()
            if not CASE_NUMBER.match(number):
                raise InvalidCaseNumberError(field="case_number")
            if store.conn.execute(
                "SELECT 1 FROM cases WHERE case_number = ?", (number,)
            ).fetchone():
                raise DuplicateCaseNumberError(field="case_number")
        now = repo.utc_now()
        case_id = repo.insert(
            store,
            "cases",
            {
                "case_number": number,
                "case_type": kind.value,
                "status": state.value,
                "outcome": result.value if result else None,
                "home_municipality": home,
                "stay_municipality": stay,
                "caseworker": worker,
                "referral_source": source,
                "opened_on": opened.isoformat(),
                "closed_on": repo.iso(closed),
                "demo": int(bool(demo)),
                "created_at": now,
                "updated_at": now,
            },
        )
        repo.audit(store, "case.create", number, case_id=case_id, case_type=kind.value)
    return case_id


def update_case(store: StoreLike, case_id: int, **fields: Any) -> None:
    """Change bosättningskommun, vistelsekommun, handläggare or referral source."""
    clean: dict[str, Any] = {}
    for name, value in fields.items():
        if name not in _UPDATABLE:
            raise UnknownFieldError(field=name)
        if name in ("home_municipality", "caseworker"):
            clean[name] = v.required_text(name, value, limit=100)
        else:
            clean[name] = v.text(name, value, required=False, limit=100 if "muni" in name else 200)
    with store.transaction():
        number = repo.open_case_number(store, case_id)
        repo.update(store, "cases", case_id, {**clean, "updated_at": repo.utc_now()})
        repo.audit(store, "case.update", number, case_id=case_id, fields=sorted(clean))


def set_status(
    store: StoreLike,
    case_id: int,
    status: CaseStatus | str,
    *,
    outcome: Outcome | str | None = None,
    on: dt.date | None = None,
) -> None:
    """Move a case along the allowed status flow (closing needs an outcome)."""
    new = CaseStatus.parse(status, "status")
    result = Outcome.parse(outcome, "outcome") if outcome is not None else None
    day = on or repo.today()
    with store.transaction():
        _, number, old = repo.case_row(store, case_id)
        if new not in STATUS_TRANSITIONS[old]:
            raise StatusTransitionError(old=old.label, new=new.label)
        opened = repo.must_date(
            store.conn.execute("SELECT opened_on FROM cases WHERE id = ?", (case_id,)).fetchone()[0]
        )
        closed = day if new.is_terminal else None
        check_status_fields(new, result, opened, closed)
        repo.update(
            store,
            "cases",
            case_id,
            {
                "status": new.value,
                "outcome": result.value if result else None,
                "closed_on": repo.iso(closed),
                "updated_at": repo.utc_now(),
            },
        )
        details: dict[str, Any] = {"case_id": case_id, "from": old.value, "to": new.value}
        if result:
            details["outcome"] = result.value
        repo.audit(store, "case.status", number, **details)


def set_gallring_exemption(
    store: StoreLike, case_id: int, exempt: bool, reason: str | None = None
) -> None:
    """Exempt a case from gallring (with a reason) or lift the exemption."""
    why = v.required_text("reason", reason, limit=500) if exempt else None
    with store.transaction():
        number = repo.case_number(store, case_id)
        repo.update(
            store,
            "cases",
            case_id,
            {
                "gallring_exempt": int(exempt),
                "gallring_exempt_reason": why,
                "updated_at": repo.utc_now(),
            },
        )
        repo.audit(store, "case.gallring_exemption", number, case_id=case_id, exempt=exempt)


def _case(row: Sequence[Any]) -> Case:
    return Case(
        id=int(row[0]),
        case_number=row[1],
        case_type=CaseType(row[2]),
        status=CaseStatus(row[3]),
        outcome=Outcome(row[4]) if row[4] else None,
        home_municipality=row[5],
        stay_municipality=row[6],
        caseworker=row[7],
        referral_source=row[8],
        opened_on=repo.must_date(row[9]),
        closed_on=repo.to_date(row[10]),
        gallring_exempt=bool(row[11]),
        gallring_exempt_reason=row[12],
        demo=bool(row[13]),
        created_at=row[14],
        updated_at=row[15],
    )


def get_case(store: StoreLike, case_id: int) -> Case:
    check_case_shown(store.conn, int(case_id))
    row = store.conn.execute(
        f"SELECT {_COLUMNS} FROM cases WHERE id = ?",  # noqa: S608 - constant columns
        (int(case_id),),
    ).fetchone()
    if row is None:
        repo.case_row(store, case_id)  # raises CaseNotFoundError
    return _case(row)


def apply_imported_status(
    store: StoreLike,
    case_id: int,
    status: CaseStatus,
    outcome: Outcome | None,
    closed_on: dt.date | None,
) -> None:
    """Set an imported case's status as it was in its source (no transition check; the
    fields were checked with :func:`check_status_fields`). For :mod:`storage.case_import.reader`."""
    with store.transaction():
        repo.update(
            store,
            "cases",
            case_id,
            {
                "status": status.value,
                "outcome": outcome.value if outcome else None,
                "closed_on": repo.iso(closed_on),
            },
        )
