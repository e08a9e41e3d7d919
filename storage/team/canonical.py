"""The canonical JSON of a shared case: the same bytes on every laptop that has the same
operations (the convergence test compares it; docs/sync.md §3).

It is read from the case's tables (not from the log), with local ids replaced by uids and
local-only fields left out (case number, ``updated_at``, search hashes), plus every
conflict with its values and every removed record.
"""

from __future__ import annotations

import json
from typing import Any

from storage.team import rows
from storage.team.conflicts import case_conflicts
from storage.team.tables import SPECS


def canonical_case(store: Any, case_uid: str) -> dict[str, Any]:
    conn = store.conn
    case_id = rows.local_id(conn, "cases", case_uid)
    records: dict[str, dict[str, Any]] = {}
    if case_id is not None:
        for table, rid in rows.records_of_case(conn, case_id):
            found = rows.read_fields(conn, SPECS[table], rid)
            if found is not None:
                records.setdefault(table, {})[found[0]] = found[1]
    conflicts = [
        {
            "table": c.table,
            "record": c.record_uid,
            "register": c.register,
            "versions": [
                {"clock": v.clock, "author": v.author, "removal": v.removal, "values": v.values}
                for v in c.versions
            ],
        }
        for c in (case_conflicts(store, case_id) if case_id is not None else [])
    ]
    removed = sorted(
        str(uid)
        for (uid,) in conn.execute(
            "SELECT DISTINCT record_uid FROM team_ops WHERE case_uid = ? AND kind = 'remove'",
            (case_uid,),
        )
        if all(rows.local_id(conn, t, str(uid)) is None for t in SPECS)
    )
    return {"case": case_uid, "records": records, "conflicts": conflicts, "removed": removed}


def canonical_bytes(store: Any, case_uid: str) -> bytes:
    return json.dumps(canonical_case(store, case_uid), sort_keys=True, ensure_ascii=False).encode()
