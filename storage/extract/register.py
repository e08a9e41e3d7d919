"""Registerutdrag (GDPR art. 15): every case and record about one personnummer in this store.

``person_cases(store, personnummer) -> PersonCases`` finds each person row (huvudperson or
närstående) whose personnummer or samordningsnummer is the one given, in any case, and the
fictitious identities recorded with it. The lookup reads a protected field, so it is audited
(``extract.lookup``: how many cases were found, never the number). ``register_request(...)``
makes the :class:`ExtractRequest` for them: every section, the person as the subject (every
other person in those cases is a third party), and the same sekretessprövning as any
extract.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.extract.errors import NoCasesForPersonError
from storage.extract.model import SECTIONS, Choice, ExtractRequest
from storage.records.personnummer import parse_identity_number


@dataclass(frozen=True)
class PersonCases:
    case_ids: tuple[int, ...]
    person_ids: frozenset[int]


def person_cases(store: StoreLike, personnummer: str) -> PersonCases:
    number = parse_identity_number(personnummer).normalised
    with store.transaction():
        rows = store.conn.execute(
            "SELECT id, case_id FROM persons WHERE id_number = ? "
            "UNION SELECT p.id, p.case_id FROM fictitious_identities f "
            "JOIN persons p ON p.id = f.person_id WHERE f.id_number = ? ORDER BY 2, 1",
            (number, number),
        ).fetchall()
        repo.audit(store, "extract.lookup", "", cases=len({r[1] for r in rows}))
    if not rows:
        raise NoCasesForPersonError()
    case_ids = tuple(dict.fromkeys(int(r[1]) for r in rows))
    return PersonCases(case_ids, frozenset(int(r[0]) for r in rows))


def register_request(
    found: PersonCases,
    *,
    recipient: str,
    reason: str,
    choices: Mapping[str, Choice] | None = None,
    sections: tuple[str, ...] = tuple(SECTIONS),
) -> ExtractRequest:
    return ExtractRequest(
        case_ids=found.case_ids,
        sections=sections,
        recipient=recipient,
        reason=reason,
        choices=dict(choices or {}),
        kind="register",
        subject_person_ids=found.person_ids,
    )
