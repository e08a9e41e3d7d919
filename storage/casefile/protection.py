"""Protected fields: masking and the one way to read them (reveal).

A person's name and personnummer, a placement's protected address and a fictitious identity
are *protected fields*. Lists, search results and :class:`~storage.records.Person` never carry
them; a masked label (case number, initials, birth year — only the case number under
skyddad folkbokföring or fingerade personuppgifter) stands in for the person.

``reveal(store, case_id, field, reason, *, person_id=None, placement_id=None) -> str | None``
reads one protected field. ``reason`` must be given; the reveal is written to the audit log
(action ``reveal``, subject the case number, details: field, reason, record id) in the same
transaction as the read, so no read goes unlogged. ``field`` is a :class:`RevealField`:

- ``name`` / ``personnummer`` — of ``person_id`` (default: the case's principal);
- ``new_identity`` — the fictitious identity of ``person_id``, as ``name (YYYYMMDD-NNNC)``;
- ``address`` — the protected address of ``placement_id`` (default: the latest placement
  with an address), as ``street, postal code city``.

Returns ``None`` when the field is empty (e.g. no personnummer recorded).

**Working on a case.** A caseworker who works with one case all day need not give a reason
for every look: ``start_case_work(store, case_id, reason) -> CaseWorkGrant`` writes *one*
audit entry (action ``reveal.case_work``: the reason, that every protected field of the case
may be shown, and for how long) and returns a grant. ``reveal(..., reason=grant)`` then reads
that case's protected fields without a new reason or entry, until the grant ends: after
:data:`CASE_WORK_SECONDS` (an hour), or earlier when the client forgets it (the caseworker
leaves the case, or the client locks: ``end_case_work``). A grant is known only to this
process (a random token in memory), is bound to one store and one case, and cannot be made
without the audited ``start_case_work``.
"""

from __future__ import annotations

import re
import secrets
import time
from dataclasses import dataclass, field
from enum import StrEnum

from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.records import validate as v
from storage.records.errors import (
    InvalidChoiceError,
    ReasonRequiredError,
    RecordNotFoundError,
)

REASON_LIMIT = 500
#: How long "Jag arbetar med ärendet" shows a case's protected fields without a new reason.
CASE_WORK_SECONDS = 60 * 60


@dataclass(frozen=True)
class CaseWorkGrant:
    """Permission to show one case's protected fields for a while (see the module docstring).

    Only :func:`start_case_work` registers grants; one made by hand is refused.
    """

    store_id: str
    case_id: int
    expires_at: float  # time.monotonic()
    token: str = field(repr=False)

    def seconds_left(self) -> float:
        return max(0.0, self.expires_at - time.monotonic())


_GRANTS: dict[str, CaseWorkGrant] = {}


class RevealField(StrEnum):
    NAME = "name"
    PERSONNUMMER = "personnummer"
    ADDRESS = "address"
    NEW_IDENTITY = "new_identity"


_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def initials(name: str | None) -> str:
    """``Anna-Karin Svensson`` → ``A.S.``: first letters of the first and last name."""
    words = _WORD.findall(name or "")
    if not words:
        return "?"
    letters = [words[0][0]] + ([words[-1][0]] if len(words) > 1 else [])
    return "".join(f"{ch.upper()}." for ch in letters)


def _reason(reason: object) -> str:
    if reason is None or (isinstance(reason, str) and not reason.strip()):
        raise ReasonRequiredError(field="reason")
    return v.required_text("reason", reason, limit=REASON_LIMIT)


def _person(store: StoreLike, case_id: int, person_id: int | None) -> int:
    if person_id is None:
        row = store.conn.execute(
            "SELECT id FROM persons WHERE case_id = ? AND role = 'principal'", (case_id,)
        ).fetchone()
        if row is None:
            raise RecordNotFoundError(record="person", id=0)
        return int(row[0])
    if repo.record_case(store, "persons", person_id, "person") != case_id:
        raise RecordNotFoundError(record="person", id=int(person_id))
    return int(person_id)


def _read(
    store: StoreLike,
    case_id: int,
    field: RevealField,
    person_id: int | None,
    placement_id: int | None,
) -> tuple[str | None, dict[str, int]]:
    conn = store.conn
    if field in (RevealField.NAME, RevealField.PERSONNUMMER):
        pid = _person(store, case_id, person_id)
        column = "name" if field is RevealField.NAME else "id_number"
        sql = f"SELECT {column} FROM persons WHERE id = ?"  # noqa: S608 - constant column
        row = conn.execute(sql, (pid,)).fetchone()
        return row[0], {"person_id": pid}
    if field is RevealField.NEW_IDENTITY:
        pid = _person(store, case_id, person_id)
        row = conn.execute(
            "SELECT name, id_number FROM fictitious_identities WHERE person_id = ?", (pid,)
        ).fetchone()
        if row is None:
            return None, {"person_id": pid}
        return (f"{row[0]} ({row[1]})" if row[1] else str(row[0])), {"person_id": pid}
    if placement_id is None:
        found = conn.execute(
            "SELECT p.id FROM placements p JOIN placement_addresses a ON a.placement_id = p.id "
            "WHERE p.case_id = ? ORDER BY p.moved_in_on DESC, p.id DESC LIMIT 1",
            (case_id,),
        ).fetchone()
        if found is None:
            return None, {}
        placement_id = int(found[0])
    elif repo.record_case(store, "placements", placement_id, "placement") != case_id:
        raise RecordNotFoundError(record="placement", id=int(placement_id))
    row = conn.execute(
        "SELECT street, postal_code, city FROM placement_addresses WHERE placement_id = ?",
        (placement_id,),
    ).fetchone()
    if row is None:
        return None, {"placement_id": int(placement_id)}
    city = f"{row[1]} {row[2]}" if row[1] else str(row[2])
    return f"{row[0]}, {city}", {"placement_id": int(placement_id)}


def start_case_work(store: StoreLike, case_id: int, reason: str) -> CaseWorkGrant:
    """Begin working on ``case_id``: one audited reason for every protected field of it."""
    why = _reason(reason)
    with store.transaction():
        number = repo.case_number(store, case_id)
        repo.audit(
            store,
            "reveal.case_work",
            number,
            reason=why,
            minutes=CASE_WORK_SECONDS // 60,
        )
    grant = CaseWorkGrant(
        store_id=_store_id(store),
        case_id=int(case_id),
        expires_at=time.monotonic() + CASE_WORK_SECONDS,
        token=secrets.token_hex(16),
    )
    _GRANTS[grant.token] = grant
    return grant


def end_case_work(grant: CaseWorkGrant | None) -> None:
    """Forget a grant (the caseworker left the case, or the client locked)."""
    if grant is not None:
        _GRANTS.pop(grant.token, None)


def _store_id(store: StoreLike) -> str:
    return str(getattr(store, "store_id", ""))


def _check_grant(store: StoreLike, grant: CaseWorkGrant, case_id: int) -> None:
    known = _GRANTS.get(grant.token)
    if (
        known != grant
        or grant.case_id != int(case_id)
        or grant.store_id != _store_id(store)
        or grant.seconds_left() <= 0
    ):
        _GRANTS.pop(grant.token, None)
        raise ReasonRequiredError(field="reason")


def reveal(
    store: StoreLike,
    case_id: int,
    field: RevealField | str,
    reason: str | CaseWorkGrant,
    *,
    person_id: int | None = None,
    placement_id: int | None = None,
) -> str | None:
    """Read one protected field; the read and its reason are audited in one transaction.

    With a :class:`CaseWorkGrant` of this case (from :func:`start_case_work`) instead of a
    reason, the field is read without a new entry: the grant's entry covers it. An expired,
    ended or foreign grant is refused as a missing reason.
    """
    try:
        which = RevealField(field)
    except ValueError:
        raise InvalidChoiceError(
            field="field", choices=", ".join(f.value for f in RevealField)
        ) from None
    if isinstance(reason, CaseWorkGrant):
        _check_grant(store, reason, case_id)
        with store.transaction():
            value, _ids = _read(store, int(case_id), which, person_id, placement_id)
        return value
    why = _reason(reason)
    with store.transaction():
        number = repo.case_number(store, case_id)
        value, ids = _read(store, int(case_id), which, person_id, placement_id)
        repo.audit(store, "reveal", number, field=which.value, reason=why, **ids)
    return value
