"""Finding people: a personnummer in any common form, the duplicate check, linked cases.

A personnummer or samordningsnummer is stored normalised (``YYYYMMDD-NNNC``) in the protected
column ``persons.id_number``, which is never indexed and read only through the audited
reveal. Beside it, ``persons.id_hash`` holds HMAC-SHA256 of the normalised number under a
random key of this store (``meta`` ``person_number_key``, schema step 6), with an index.
Looking a number up normalises what was typed (:mod:`storage.records.personnummer`: 10 or
12 digits, with or without the century, ``-``, ``+`` or a space before the last four),
hashes it and compares hashes: it finds exactly that person, never a prefix or a
neighbour, and the lookup never reads a protected column. Why a keyed hash rather than an
index on the number: docs/data-model.md ("Finding a person by personnummer").

Public API:

- ``number_hash(store, normalised) -> str`` — the keyed hash (repositories store it).
- ``find_person(store, text) -> list[PersonMatch]`` — every person with that number, as
  masked case rows (an invalid number raises the personnummer's own error).
- ``duplicates(store, personnummer, exclude_case_id=None) -> list[PersonMatch]`` — the
  duplicate check before a person is added: who already has this number in another case.
- ``duplicates_of_cases(store, case_ids) -> list[Duplicate]`` — after an import: persons of
  these cases whose number is already in a case outside them.
- ``duplicates_in_import(store, data) -> list[Duplicate]`` — before an import (a case file
  or a handover's ``case.json`` as import data): numbers in it already in our cases.
- ``link_cases(store, case_id, other_case_id)`` / ``unlink_cases`` / ``linked_cases(store,
  case_id) -> list[int]`` — "the same person" between two cases (``case_links``).

Audit: ``person.lookup`` per case found (subject: the case number, so a log follow-up sees
who looked the person up; never the number),
``case.link`` / ``case.unlink`` (subject: the case number; details: both case ids).
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.casefile.summaries import case_summaries
from storage.errors import StorageError
from storage.records.case import CaseSummary
from storage.records.enums import PersonRole
from storage.records.errors import CaseLinkSelfError
from storage.records.personnummer import (
    InvalidPersonnummerError,
    parse_identity_number,
)

PERSON_KEY = "person_number_key"
_SPACED = re.compile(r"^(\d{6}|\d{8})\s+(\d{4})$")


@dataclass(frozen=True)
class PersonMatch:
    """A person found by number: the case (masked) and the person's role in it."""

    case_id: int
    person_id: int
    role: PersonRole
    summary: CaseSummary

    @property
    def case_number(self) -> str:
        return self.summary.case_number


@dataclass(frozen=True)
class Duplicate:
    """A person of a new (or incoming) case whose number is already in one of our cases.

    ``where`` says which person: ``cases[n].person`` or ``cases[n].relatives[i]`` in import
    data, ``person <id>`` in a stored case (then ``case_id`` is that case)."""

    where: str
    match: PersonMatch
    case_id: int | None = None


def _key(store: StoreLike) -> bytes:
    row = store.conn.execute("SELECT value FROM meta WHERE key = ?", (PERSON_KEY,)).fetchone()
    if row is None:  # a store below schema 6 cannot be open here
        raise StorageError()
    return bytes.fromhex(str(row[0]))


def number_hash(store: StoreLike, normalised: str) -> str:
    """HMAC-SHA256 of a normalised number (``YYYYMMDD-NNNC``) under this store's key."""
    return hmac.new(_key(store), normalised.encode("ascii"), hashlib.sha256).hexdigest()


def normalise(text: str, field: str = "personnummer") -> str:
    """Any common written form to the stored one; a space before the last four is allowed."""
    raw = str(text or "").strip()
    spaced = _SPACED.match(raw)
    if spaced:
        raw = f"{spaced.group(1)}-{spaced.group(2)}"
    return parse_identity_number(raw, field, repo.today()).normalised


def _matches(store: StoreLike, hashes: Sequence[str]) -> dict[str, list[PersonMatch]]:
    found: dict[str, list[tuple[int, int, PersonRole]]] = {}
    for start in range(0, len(hashes), 500):
        chunk = list(hashes[start : start + 500])
        marks = ", ".join("?" for _ in chunk)
        for h, case_id, person_id, role in store.conn.execute(
            "SELECT id_hash, case_id, id, role FROM persons "  # noqa: S608 - marks only
            f"WHERE id_hash IN ({marks}) ORDER BY case_id, id",
            chunk,
        ):
            found.setdefault(str(h), []).append((int(case_id), int(person_id), PersonRole(role)))
    ids = sorted({c for rows in found.values() for c, _, _ in rows})
    summaries = {s.case_id: s for s in case_summaries(store, ids)}
    return {
        h: [PersonMatch(c, p, r, summaries[c]) for c, p, r in rows if c in summaries]
        for h, rows in found.items()
    }


def find_person(store: StoreLike, text: str) -> list[PersonMatch]:
    """Every person whose personnummer or samordningsnummer is ``text`` (any common form)."""
    digest = number_hash(store, normalise(text))
    found = _matches(store, [digest]).get(digest, [])
    if found:
        with store.transaction():
            for m in found:
                repo.audit(store, "person.lookup", m.case_number, case_id=m.case_id)
    return found


def duplicates(
    store: StoreLike, personnummer: str | None, exclude_case_id: int | None = None
) -> list[PersonMatch]:
    """Persons in other cases with this number (none for an empty number)."""
    if personnummer is None or not str(personnummer).strip():
        return []
    digest = number_hash(store, normalise(personnummer))
    return [
        m
        for m in _matches(store, [digest]).get(digest, [])
        if exclude_case_id is None or m.case_id != int(exclude_case_id)
    ]


def duplicates_of_cases(store: StoreLike, case_ids: Iterable[int]) -> list[Duplicate]:
    """Persons of ``case_ids`` whose number is already in a case outside them."""
    ours = sorted({int(c) for c in case_ids})
    if not ours:
        return []
    marks = ", ".join("?" for _ in ours)
    rows = store.conn.execute(
        "SELECT case_id, id, id_hash FROM persons "  # noqa: S608 - marks only
        f"WHERE case_id IN ({marks}) AND id_hash IS NOT NULL ORDER BY case_id, id",
        ours,
    ).fetchall()
    found = _matches(store, sorted({str(h) for _, _, h in rows}))
    out = []
    for case_id, person_id, digest in rows:
        for match in found.get(str(digest), []):
            if match.case_id not in ours:
                out.append(Duplicate(f"person {int(person_id)}", match, int(case_id)))
    return out


def _import_numbers(data: object) -> list[tuple[str, str]]:
    """``(where, number)`` of every valid number in import data (invalid ones are skipped:
    the import itself refuses them with the field's path)."""
    out: list[tuple[str, str]] = []
    cases = data.get("cases") if isinstance(data, dict) else None
    for i, c in enumerate(cases if isinstance(cases, list) else []):
        if not isinstance(c, dict):
            continue
        people: list[tuple[str, Any]] = [(f"cases[{i}].person", c.get("person"))]
        relatives = c.get("relatives")
        for j, r in enumerate(relatives if isinstance(relatives, list) else []):
            people.append((f"cases[{i}].relatives[{j}]", r))
        for where, person in people:
            number = person.get("personnummer") if isinstance(person, dict) else None
            if not isinstance(number, str) or not number.strip():
                continue
            try:
                out.append((where, normalise(number)))
            except InvalidPersonnummerError:
                continue
    return out


def duplicates_in_import(store: StoreLike, data: object) -> list[Duplicate]:
    """Persons in import data (a case file, or a handover's case) already in our cases."""
    numbers = [(where, number_hash(store, n)) for where, n in _import_numbers(data)]
    found = _matches(store, sorted({h for _, h in numbers}))
    return [Duplicate(where, m) for where, h in numbers for m in found.get(h, [])]


def _pair(a: int, b: int) -> tuple[int, int]:
    if int(a) == int(b):
        raise CaseLinkSelfError()
    low, high = sorted((int(a), int(b)))
    return low, high


def link_cases(store: StoreLike, case_id: int, other_case_id: int) -> bool:
    """Record that two cases are about the same person; False when already linked."""
    low, high = _pair(case_id, other_case_id)
    with store.transaction():
        number = repo.case_number(store, case_id)
        repo.case_row(store, other_case_id)
        cur = store.conn.execute(
            "INSERT OR IGNORE INTO case_links (case_a, case_b, reason, linked_by, linked_at) "
            "VALUES (?, ?, 'same_person', ?, ?)",
            (low, high, store.actor, repo.utc_now()),
        )
        if cur.rowcount == 0:
            return False
        repo.audit(store, "case.link", number, case_id=int(case_id), other=int(other_case_id))
    return True


def unlink_cases(store: StoreLike, case_id: int, other_case_id: int) -> bool:
    low, high = _pair(case_id, other_case_id)
    with store.transaction():
        number = repo.case_number(store, case_id)
        cur = store.conn.execute(
            "DELETE FROM case_links WHERE case_a = ? AND case_b = ?", (low, high)
        )
        if cur.rowcount == 0:
            return False
        repo.audit(store, "case.unlink", number, case_id=int(case_id), other=int(other_case_id))
    return True


def linked_cases(store: StoreLike, case_id: int) -> list[int]:
    """Ids of the cases linked to ``case_id`` as the same person."""
    repo.case_row(store, case_id)
    rows = store.conn.execute(
        "SELECT case_b FROM case_links WHERE case_a = ? "
        "UNION SELECT case_a FROM case_links WHERE case_b = ? ORDER BY 1",
        (int(case_id), int(case_id)),
    )
    return [int(r[0]) for r in rows]
