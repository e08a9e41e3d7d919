"""Hotbedömning (threat assessment) and nätverkskoppling (network affiliation).

Public API:

- ``add_threat_assessment(store, case_id, *, source_unit, assessed_on, level, summary,
  measures=None, next_review_on=None) -> int``
- ``threat_assessments(store, case_id) -> list[ThreatAssessment]`` (newest first)
- ``add_network_link(store, case_id, *, environment, group_id=None, role=None,
  person_id=None, left_on=None) -> int`` — the group comes from the group register
  (:mod:`storage.registers.groups`); its environment must match the link's.
- ``end_network_link(store, link_id, left_on)`` — the person has left the network.
- ``network_links(store, case_id) -> list[NetworkLink]``

Audit actions: ``threat.add``, ``network.add``, ``network.end``.
"""

from __future__ import annotations

import datetime as dt

from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.records import validate as v
from storage.records.enums import (
    Environment,
    ThreatLevel,
)
from storage.records.errors import (
    InvalidChoiceError,
    RecordNotFoundError,
)
from storage.records.parts import (
    NetworkLink,
    ThreatAssessment,
)


def add_threat_assessment(
    store: StoreLike,
    case_id: int,
    *,
    source_unit: str,
    assessed_on: dt.date | str,
    level: ThreatLevel | str,
    summary: str,
    measures: str | None = None,
    next_review_on: dt.date | str | None = None,
) -> int:
    unit = v.required_text("source_unit", source_unit, limit=200)
    day = v.not_future("assessed_on", v.required_date("assessed_on", assessed_on), repo.today())
    grade = ThreatLevel.parse(level, "level")
    text = v.required_text("summary", summary, limit=v.LONG, multiline=True)
    todo = v.text("measures", measures, required=False, limit=v.LONG, multiline=True)
    review = v.date("next_review_on", next_review_on, required=False)
    v.ordered("next_review_on", review, "assessed_on", day)
    with store.transaction():
        number = repo.open_case_number(store, case_id)
        threat_id = repo.insert(
            store,
            "threat_assessments",
            {
                "case_id": int(case_id),
                "source_unit": unit,
                "assessed_on": repo.iso(day),
                "level": grade.value,
                "summary": text,
                "measures": todo,
                "next_review_on": repo.iso(review),
                "created_at": repo.utc_now(),
            },
        )
        repo.touch_case(store, case_id)
        repo.audit(
            store,
            "threat.add",
            number,
            case_id=int(case_id),
            threat_id=threat_id,
            level=grade.value,
        )
    return threat_id


def threat_assessments(store: StoreLike, case_id: int) -> list[ThreatAssessment]:
    repo.case_row(store, case_id)
    rows = store.conn.execute(
        "SELECT id, case_id, source_unit, assessed_on, level, summary, measures, next_review_on "
        "FROM threat_assessments WHERE case_id = ? ORDER BY assessed_on DESC, id DESC",
        (int(case_id),),
    )
    return [
        ThreatAssessment(
            id=int(r[0]),
            case_id=int(r[1]),
            source_unit=r[2],
            assessed_on=repo.must_date(r[3]),
            level=ThreatLevel(r[4]),
            summary=r[5],
            measures=r[6],
            next_review_on=repo.to_date(r[7]),
        )
        for r in rows
    ]


def add_network_link(
    store: StoreLike,
    case_id: int,
    *,
    environment: Environment | str,
    group_id: int | None = None,
    role: str | None = None,
    person_id: int | None = None,
    left_on: dt.date | str | None = None,
) -> int:
    env = Environment.parse(environment, "environment")
    what = v.text("role", role, required=False, limit=200)
    left = v.date("left_on", left_on, required=False)
    with store.transaction():
        number = repo.open_case_number(store, case_id)
        if group_id is not None:
            row = store.conn.execute(
                "SELECT environment FROM groups WHERE id = ?", (int(group_id),)
            ).fetchone()
            if row is None:
                raise RecordNotFoundError(record="group", id=int(group_id))
            if row[0] != env.value:
                raise InvalidChoiceError(field="environment", choices=row[0])
        if person_id is not None and (
            repo.record_case(store, "persons", person_id, "person") != int(case_id)
        ):
            raise RecordNotFoundError(record="person", id=int(person_id))
        link_id = repo.insert(
            store,
            "network_links",
            {
                "case_id": int(case_id),
                "person_id": person_id,
                "environment": env.value,
                "group_id": group_id,
                "role": what,
                "left_on": repo.iso(left),
                "created_at": repo.utc_now(),
            },
        )
        repo.touch_case(store, case_id)
        repo.audit(
            store,
            "network.add",
            number,
            case_id=int(case_id),
            link_id=link_id,
            group_id=group_id,
        )
    return link_id


def end_network_link(store: StoreLike, link_id: int, left_on: dt.date | str) -> None:
    day = v.required_date("left_on", left_on)
    case_id = repo.record_case(store, "network_links", link_id, "network link")
    with store.transaction():
        number = repo.open_case_number(store, case_id)
        repo.update(store, "network_links", link_id, {"left_on": repo.iso(day)})
        repo.touch_case(store, case_id)
        repo.audit(store, "network.end", number, case_id=case_id, link_id=int(link_id))


def network_links(store: StoreLike, case_id: int) -> list[NetworkLink]:
    repo.case_row(store, case_id)
    rows = store.conn.execute(
        "SELECT id, case_id, person_id, environment, group_id, role, left_on "
        "FROM network_links WHERE case_id = ? ORDER BY id",
        (int(case_id),),
    )
    return [
        NetworkLink(
            id=int(r[0]),
            case_id=int(r[1]),
            person_id=r[2],
            environment=Environment(r[3]),
            group_id=r[4],
            role=r[5],
            left_on=repo.to_date(r[6]),
        )
        for r in rows
    ]
