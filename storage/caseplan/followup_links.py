"""What a follow-up evaluates: the needs domains and the interventions it looks at, so that
outcomes at 6 and 12 months can be counted by method (docs/knowledge.md).

Public API:

- ``set_follow_up_links(store, follow_up_id, *, domains=(), intervention_ids=())`` — replace
  what the follow-up evaluates (inside the caller's transaction or its own); the
  interventions must belong to the follow-up's case.
- ``follow_up_links(store, case_id) -> {follow_up_id: FollowUpLinks}``

Audit action: ``follow_up.links`` (ids and counts).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.caseplan.errors import WrongCaseError
from storage.records.errors import FieldTypeError
from storage.records.knowledge import NeedDomain


@dataclass(frozen=True)
class FollowUpLinks:
    domains: tuple[NeedDomain, ...]
    intervention_ids: tuple[int, ...]


def set_follow_up_links(
    store: StoreLike,
    follow_up_id: int,
    *,
    domains: Iterable[NeedDomain | str] = (),
    intervention_ids: Iterable[int] = (),
) -> None:
    wanted = list(dict.fromkeys(NeedDomain.parse(d, "domains") for d in domains))
    ids: list[int] = []
    for i, value in enumerate(intervention_ids):
        if isinstance(value, bool) or not isinstance(value, int):
            raise FieldTypeError(field=f"intervention_ids[{i}]", expected="an intervention id")
        if value not in ids:
            ids.append(value)
    with store.transaction():
        case_id = repo.record_case(store, "follow_ups", follow_up_id, "follow-up")
        number = repo.case_number(store, case_id)
        for iid in ids:
            if repo.record_case(store, "interventions", iid, "intervention") != case_id:
                raise WrongCaseError(field="intervention_ids", record="intervention", id=iid)
        store.conn.execute("DELETE FROM follow_up_needs WHERE follow_up_id = ?", (follow_up_id,))
        store.conn.execute(
            "DELETE FROM follow_up_interventions WHERE follow_up_id = ?", (follow_up_id,)
        )
        store.conn.executemany(
            "INSERT INTO follow_up_needs (follow_up_id, domain) VALUES (?, ?)",
            [(int(follow_up_id), d.value) for d in wanted],
        )
        store.conn.executemany(
            "INSERT INTO follow_up_interventions (follow_up_id, intervention_id) VALUES (?, ?)",
            [(int(follow_up_id), iid) for iid in ids],
        )
        repo.changed(store, "follow_ups", int(follow_up_id), ("needs", "interventions"))
        repo.audit(
            store,
            "follow_up.links",
            number,
            case_id=case_id,
            follow_up_id=int(follow_up_id),
            domains=len(wanted),
            interventions=len(ids),
        )


def follow_up_links(store: StoreLike, case_id: int) -> dict[int, FollowUpLinks]:
    domains: dict[int, list[NeedDomain]] = {}
    for fid, domain in store.conn.execute(
        "SELECT n.follow_up_id, n.domain FROM follow_up_needs n "
        "JOIN follow_ups f ON f.id = n.follow_up_id WHERE f.case_id = ?",
        (int(case_id),),
    ):
        domains.setdefault(int(fid), []).append(NeedDomain(domain))
    ids: dict[int, list[int]] = {}
    for fid, iid in store.conn.execute(
        "SELECT l.follow_up_id, l.intervention_id FROM follow_up_interventions l "
        "JOIN follow_ups f ON f.id = l.follow_up_id WHERE f.case_id = ? "
        "ORDER BY l.intervention_id",
        (int(case_id),),
    ):
        ids.setdefault(int(fid), []).append(int(iid))
    order = {d: i for i, d in enumerate(NeedDomain)}
    return {
        fid: FollowUpLinks(
            tuple(sorted(domains.get(fid, []), key=lambda d: order[d])), tuple(ids.get(fid, []))
        )
        for fid in sorted(set(domains) | set(ids))
    }
