"""The network-conflict check: same or rival groups in the receiving municipality.

Placing people from the same or rival networks in the same municipality "has not gone
well". Before a handover is sealed, and again before one is imported, this check looks in
the store for cases that are — or were within a window (default 24 months) — present in
the receiving municipality and are linked to a group that is the same as, or a rival of,
a group of the case being handed over.

- :func:`check_conflicts` — the general check: the handed-over case's group *names*, the
  receiving municipality, extra relations (e.g. from a bundle) on top of the register's.
- :func:`check_case_conflicts` — the export side: the groups of one of our cases.
- :func:`case_groups` — the names of the groups a case is linked to.

"Present" means: a placement in the municipality (not moved out, or moved out within the
window), or an open case — or one closed within the window — whose vistelsekommun or
bosättningskommun is the municipality. Groups are matched by name (case-insensitive,
NFKC), so the check works across stores; the register's ``same`` relation joins aliases
of one group. Which relations count is configurable (default ``same`` and ``rival``;
``allied`` can be added). The report names the matching cases by their masked labels.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from storage.casefile import repo
from storage.casefile.summaries import case_summaries
from storage.casework.reminders import add_months
from storage.records.enums import (
    CaseStatus,
    GroupRelation,
)
from sync.handover.records import same_municipality

DEFAULT_WINDOW_MONTHS = 24
DEFAULT_RELATIONS: tuple[str, ...] = (GroupRelation.SAME.value, GroupRelation.RIVAL.value)
PLACEMENT, STAY, HOME = "placement", "stay_municipality", "home_municipality"


@dataclass(frozen=True)
class ConflictMatch:
    """One of our cases that clashes with the handed-over case."""

    case_id: int
    case_label: str  # masked: case number, initials, birth year (or the number only)
    relation: str  # same | rival | allied: how ``their_group`` relates to ``via_group``
    their_group: str  # the group our case is linked to
    via_group: str  # the handed-over case's group
    source: str  # placement | stay_municipality | home_municipality
    since: dt.date | None
    until: dt.date | None  # None: still there

    @property
    def current(self) -> bool:
        return self.until is None


@dataclass(frozen=True)
class ConflictReport:
    municipality: str
    window_months: int
    relations: tuple[str, ...]
    groups: tuple[str, ...]  # the handed-over case's groups
    matches: tuple[ConflictMatch, ...]

    @property
    def has_conflicts(self) -> bool:
        return bool(self.matches)

    @property
    def checked(self) -> bool:
        """False when the handed-over case has no group (nothing could be compared)."""
        return bool(self.groups)

    @property
    def case_labels(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.case_label for m in self.matches))

    @property
    def case_ids(self) -> tuple[int, ...]:
        return tuple(dict.fromkeys(m.case_id for m in self.matches))

    def summary(self) -> str:
        """``UV-2024-0003 · J.J. · 1994 (rival: Östra ligan), …`` — for one line of text."""
        parts: dict[str, list[str]] = {}
        for m in self.matches:
            parts.setdefault(m.case_label, []).append(f"{m.relation}: {m.their_group}")
        return ", ".join(f"{label} ({'; '.join(dict.fromkeys(p))})" for label, p in parts.items())


def _norm(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def _register(store: Any) -> tuple[dict[int, str], list[tuple[str, str, str]]]:
    names = {int(r[0]): str(r[1]) for r in store.conn.execute("SELECT id, name FROM groups")}
    edges = [
        (names[int(a)], names[int(b)], str(rel))
        for a, b, rel in store.conn.execute(
            "SELECT group_a, group_b, relation FROM group_relations"
        )
    ]
    return names, edges


def _aliases(start: Iterable[str], edges: list[tuple[str, str, str]]) -> set[str]:
    """``start`` and every name joined to it by ``same`` relations (normalised)."""
    found = {_norm(s) for s in start}
    todo = list(found)
    while todo:
        name = todo.pop()
        for a, b, rel in edges:
            if rel != GroupRelation.SAME.value:
                continue
            for x, y in ((_norm(a), _norm(b)), (_norm(b), _norm(a))):
                if x == name and y not in found:
                    found.add(y)
                    todo.append(y)
    return found


def _targets(
    groups: list[str], edges: list[tuple[str, str, str]], relations: tuple[str, ...]
) -> dict[str, set[tuple[str, str]]]:
    """normalised group name -> {(relation, via group)} that would clash."""
    out: dict[str, set[tuple[str, str]]] = {}
    for via in groups:
        same = _aliases([via], edges)
        if GroupRelation.SAME.value in relations:
            for name in same:
                out.setdefault(name, set()).add((GroupRelation.SAME.value, via))
        for a, b, rel in edges:
            if rel == GroupRelation.SAME.value or rel not in relations:
                continue
            for x, y in ((a, b), (b, a)):
                if _norm(x) in same:
                    for name in _aliases([y], edges):
                        out.setdefault(name, set()).add((rel, via))
    return out


def _presence(
    store: Any, municipality: str, cutoff: dt.date
) -> dict[int, tuple[str, dt.date | None, dt.date | None]]:
    """case id -> (source, since, until) of its latest presence in the municipality."""
    cases: dict[int, tuple[str, str | None, str, str | None, str]] = {
        int(r[0]): (r[1], r[2], r[3], r[4], r[5])
        for r in store.conn.execute(
            "SELECT id, home_municipality, stay_municipality, status, closed_on, opened_on "
            "FROM cases"
        )
    }
    found: dict[int, tuple[str, dt.date | None, dt.date | None]] = {}

    def keep(case_id: int, source: str, since: dt.date | None, until: dt.date | None) -> None:
        if until is not None and until < cutoff:
            return
        old = found.get(case_id)
        if old is None or (old[2] is not None and (until is None or until > old[2])):
            found[case_id] = (source, since, until)

    for case_id, muni, moved_in, moved_out in store.conn.execute(
        "SELECT case_id, municipality, moved_in_on, moved_out_on FROM placements"
    ):
        if not same_municipality(muni, municipality):
            continue
        home, stay, status, closed, _ = cases[int(case_id)]
        end = repo.to_date(moved_out) or (
            repo.to_date(closed) if CaseStatus(status).is_terminal else None
        )
        keep(int(case_id), PLACEMENT, repo.must_date(moved_in), end)
    for case_id, (home, stay, status, closed, opened) in cases.items():
        end = repo.to_date(closed) if CaseStatus(status).is_terminal else None
        for source, muni in ((STAY, stay), (HOME, home)):
            if muni and same_municipality(muni, municipality):
                keep(case_id, source, repo.must_date(opened), end)
    return found


def check_conflicts(
    store: Any,
    *,
    municipality: str,
    groups: Iterable[str],
    extra_relations: Iterable[tuple[str, str, str]] = (),
    exclude_case_id: int | None = None,
    window_months: int = DEFAULT_WINDOW_MONTHS,
    relations: Iterable[str] = DEFAULT_RELATIONS,
    on: dt.date | None = None,
) -> ConflictReport:
    """Our cases present in ``municipality`` linked to the same or a rival group."""
    kinds = tuple(GroupRelation.parse(r, "relations").value for r in relations)
    names = list(dict.fromkeys(g.strip() for g in groups if g and g.strip()))
    _, edges = _register(store)
    edges += [(a, b, GroupRelation.parse(r, "relation").value) for a, b, r in extra_relations]
    targets = _targets(names, edges, kinds)
    cutoff = add_months(on or repo.today(), -int(window_months))
    present = _presence(store, municipality, cutoff) if targets else {}
    if exclude_case_id is not None:
        present.pop(int(exclude_case_id), None)
    links: dict[int, list[str]] = {}
    for case_id, name in store.conn.execute(
        "SELECT n.case_id, g.name FROM network_links n JOIN groups g ON g.id = n.group_id"
    ):
        if int(case_id) in present:
            links.setdefault(int(case_id), []).append(str(name))
    labels = {s.case_id: s.label for s in case_summaries(store, sorted(links))}
    matches: dict[tuple[int, str, str, str], ConflictMatch] = {}
    for case_id in sorted(links):
        source, since, until = present[case_id]
        for theirs in links[case_id]:
            for relation, via in sorted(targets.get(_norm(theirs), ())):
                key = (case_id, relation, theirs, via)
                match = ConflictMatch(
                    case_id, labels[case_id], relation, theirs, via, source, since, until
                )
                matches.setdefault(key, match)
    return ConflictReport(
        municipality, int(window_months), kinds, tuple(names), tuple(matches.values())
    )


def case_groups(store: Any, case_id: int) -> list[str]:
    """Names of the groups one of our cases is linked to (nätverkskopplingar)."""
    rows = store.conn.execute(
        "SELECT DISTINCT g.name FROM network_links n JOIN groups g ON g.id = n.group_id "
        "WHERE n.case_id = ? ORDER BY g.name",
        (int(case_id),),
    )
    return [str(r[0]) for r in rows]


def check_case_conflicts(
    store: Any, case_id: int, municipality: str, **options: Any
) -> ConflictReport:
    """The export side: ``case_id``'s groups against our cases in ``municipality``."""
    return check_conflicts(
        store,
        municipality=municipality,
        groups=case_groups(store, case_id),
        exclude_case_id=case_id,
        **options,
    )
