"""The group register: criminal networks and other groups, with their relations.

Public API:

- ``add_group(store, *, name, environment, area=None, notes=None) -> int``
- ``groups(store) -> list[Group]``, ``group_id_by_name(store, name) -> int | None``
- ``set_group_relation(store, group_a, group_b, relation, noted_on=None)`` — samma,
  allierad or rivaliserande; symmetric (stored once, smaller id first).
- ``group_relations(store, group_id=None) -> list[GroupLink]``
- ``related_groups(store, group_id, relation) -> list[int]`` — e.g. the rivals of a group,
  for the handover's network-conflict check.

Audit actions: ``group.add``, ``group.relation``. Providers: :mod:`storage.registers.providers`.
"""

from __future__ import annotations

import datetime as dt

from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.records import validate as v
from storage.records.enums import (
    Environment,
    GroupRelation,
)
from storage.records.errors import (
    DuplicateNameError,
    GroupSelfRelationError,
    RecordNotFoundError,
)
from storage.records.parts import (
    Group,
    GroupLink,
)


def group_id_by_name(store: StoreLike, name: str) -> int | None:
    row = store.conn.execute(
        "SELECT id FROM groups WHERE name = ? COLLATE NOCASE", (name.strip(),)
    ).fetchone()
    return None if row is None else int(row[0])


def add_group(
    store: StoreLike,
    *,
    name: str,
    environment: Environment | str,
    area: str | None = None,
    notes: str | None = None,
) -> int:
    clean = v.required_text("name", name, limit=100)
    env = Environment.parse(environment, "environment")
    where = v.text("area", area, required=False, limit=100)
    note = v.text("notes", notes, required=False, limit=v.LONG, multiline=True)
    with store.transaction():
        if group_id_by_name(store, clean) is not None:
            raise DuplicateNameError(field="name")
        group_id = repo.insert(
            store,
            "groups",
            {
                "name": clean,
                "environment": env.value,
                "area": where,
                "notes": note,
                "created_at": repo.utc_now(),
            },
        )
        repo.audit(store, "group.add", "", group_id=group_id, environment=env.value)
    return group_id


def groups(store: StoreLike) -> list[Group]:
    rows = store.conn.execute(
        "SELECT id, name, environment, area, notes FROM groups ORDER BY name COLLATE NOCASE"
    )
    return [Group(int(r[0]), r[1], Environment(r[2]), r[3], r[4]) for r in rows]


def _require_group(store: StoreLike, group_id: int) -> int:
    if store.conn.execute("SELECT 1 FROM groups WHERE id = ?", (int(group_id),)).fetchone():
        return int(group_id)
    raise RecordNotFoundError(record="group", id=int(group_id))


def set_group_relation(
    store: StoreLike,
    group_a: int,
    group_b: int,
    relation: GroupRelation | str,
    noted_on: dt.date | str | None = None,
) -> None:
    kind = GroupRelation.parse(relation, "relation")
    noted = v.date("noted_on", noted_on, required=False)
    if int(group_a) == int(group_b):
        raise GroupSelfRelationError(field="group_b")
    low, high = sorted((int(group_a), int(group_b)))
    with store.transaction():
        _require_group(store, low)
        _require_group(store, high)
        store.conn.execute(
            "INSERT INTO group_relations (group_a, group_b, relation, noted_on) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (group_a, group_b) DO UPDATE SET "
            "relation = excluded.relation, noted_on = excluded.noted_on",
            (low, high, kind.value, repo.iso(noted)),
        )
        repo.audit(store, "group.relation", "", group_a=low, group_b=high, relation=kind.value)


def group_relations(store: StoreLike, group_id: int | None = None) -> list[GroupLink]:
    sql = "SELECT group_a, group_b, relation, noted_on FROM group_relations"
    params: tuple[int, ...] = ()
    if group_id is not None:
        sql += " WHERE group_a = ? OR group_b = ?"
        params = (int(group_id), int(group_id))
    rows = store.conn.execute(sql + " ORDER BY group_a, group_b", params)
    return [GroupLink(int(r[0]), int(r[1]), GroupRelation(r[2]), repo.to_date(r[3])) for r in rows]


def related_groups(store: StoreLike, group_id: int, relation: GroupRelation | str) -> list[int]:
    kind = GroupRelation.parse(relation, "relation")
    return sorted(
        link.group_b if link.group_a == int(group_id) else link.group_a
        for link in group_relations(store, group_id)
        if link.relation is kind
    )
