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
"""

from __future__ import annotations

import re
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


def reveal(
    store: StoreLike,
    case_id: int,
    field: RevealField | str,
    reason: str,
    *,
    person_id: int | None = None,
    placement_id: int | None = None,
) -> str | None:
    """Read one protected field; the read and its reason are audited in one transaction."""
    try:
        which = RevealField(field)
    except ValueError:
        raise InvalidChoiceError(
            field="field", choices=", ".join(f.value for f in RevealField)
        ) from None
    why = _reason(reason)
    with store.transaction():
        number = repo.case_number(store, case_id)
        value, ids = _read(store, int(case_id), which, person_id, placement_id)
        repo.audit(store, "reveal", number, field=which.value, reason=why, **ids)
    return value
