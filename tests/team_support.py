"""Three colleagues of one unit, each with a real store, identity and verified contacts.

A = Anna (responsible caseworker), B = Bertil, C = Cecilia; every pair has imported and
verified the other's card. Stores are copies of the session's empty template.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storage.casefile import cases, persons
from storage.team import rows
from storage.team.ops import Op, parse_ops
from storage.vault.store import Store
from sync.trust import contacts, identity
from tests.case_fixtures import copy_store

UNIT = ("Malmö", "Exit Malmö (fiktiv)")
NAMES = ("Anna Andersson", "Bertil Berg", "Cecilia Cruz")


@dataclass
class Team:
    stores: list[Store]
    #: contact id of colleague j in store i: ``ids[i][j]``
    ids: dict[int, dict[int, int]] = field(default_factory=dict)
    root: Path = Path()

    def close(self) -> None:
        for s in self.stores:
            s.close()


def make_team(template: Path, root: Path) -> Team:
    stores = []
    for i, name in enumerate(NAMES):
        store = copy_store(template, root / f"s{i}", actor=name)
        identity.ensure_identity(store, *UNIT, name)
        stores.append(store)
    team = Team(stores, {i: {} for i in range(3)}, root)
    for i, a in enumerate(stores):
        for j, b in enumerate(stores):
            if i == j:
                continue
            cid = contacts.import_card(a, identity.export_card(b))
            contacts.verify_contact(a, cid, identity.get_identity(b).fingerprint)
            team.ids[i][j] = cid
    return team


def team_case(store: Store) -> int:
    """An open case with a principal (no protection) and one relative."""
    case_id = cases.create_case(
        store, case_type="defector", home_municipality="Malmö", stay_municipality="Lund"
    )
    persons.add_person(store, case_id, name="Jonas Jönsson (fiktiv)", birth_year=1994)
    persons.add_relative(store, case_id, name="Maria Jönsson (fiktiv)", relation="mor")
    return case_id


def log_json(store: Store, case_uid: str, start: int = 0) -> bytes:
    """A store's operations on a case from index ``start``, as a wire list (JSON bytes)."""
    rows_ = store.conn.execute(
        "SELECT op_id, clock, author, case_uid, table_name, record_uid, kind, body "
        "FROM team_ops WHERE case_uid = ? ORDER BY clock, author, op_id",
        (case_uid,),
    ).fetchall()
    out = []
    for r in rows_[start:]:
        body = json.loads(r[7])
        out.append(
            {
                "id": r[0],
                "clock": r[1],
                "author": r[2],
                "case": r[3],
                "table": r[4],
                "record": r[5],
                "kind": r[6],
                "set": body["set"],
                "bases": body["bases"],
            }
        )
    return json.dumps(out).encode()


def parse_log(data: bytes) -> list[Op]:
    return parse_ops(json.loads(data), limit=100_000)


def blobs_of(store: Store) -> dict[str, bytes]:
    return {
        str(sha): bytes(content)
        for sha, content in store.conn.execute(
            "SELECT d.sha256, c.content FROM documents d "
            "JOIN document_contents c ON c.document_id = d.id"
        )
    }


def case_id_of(store: Store, case_uid: str) -> int | None:
    return rows.local_id(store.conn, "cases", case_uid)


def all_ops(stores: list[Store], case_uid: str) -> dict[str, Any]:
    """Every operation any store has for a case, by id (wire form)."""
    out: dict[str, Any] = {}
    for s in stores:
        for op in json.loads(log_json(s, case_uid)):
            out[op["id"]] = op
    return out
