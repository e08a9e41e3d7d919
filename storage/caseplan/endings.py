"""Why a case ended (avslutsorsak), beside its outcome: recorded once the case is closed or
handed over, and changed (audited) if it was recorded wrongly.

Public API: ``set_end_reason(store, case_id, reason, note=None)``,
``end_reason(store, case_id) -> CaseEnding | None``. Audit action: ``case.end_reason``.
"""

from __future__ import annotations

from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.caseplan.errors import CaseStillOpenError
from storage.records import validate as v
from storage.records.knowledge import CaseEnding, EndReason


def set_end_reason(
    store: StoreLike, case_id: int, reason: EndReason | str, note: str | None = None
) -> None:
    why = EndReason.parse(reason, "reason")
    text = v.text("note", note, required=False, limit=2000, multiline=True)
    with store.transaction():
        _, number, status = repo.case_row(store, case_id)
        if not status.is_terminal:
            raise CaseStillOpenError(case=number)
        had = end_reason(store, case_id) is not None
        store.conn.execute(
            "INSERT INTO case_endings (case_id, reason, note, recorded_by, recorded_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (case_id) DO UPDATE SET reason = excluded.reason, "
            "note = excluded.note, recorded_by = excluded.recorded_by, "
            "recorded_at = excluded.recorded_at",
            (int(case_id), why.value, text, store.actor, repo.utc_now()),
        )
        repo.changed(store, "cases", int(case_id), ("ending_reason",))
        repo.audit(
            store,
            "case.end_reason",
            number,
            case_id=int(case_id),
            end_reason=why.value,
            changed=had,
        )


def end_reason(store: StoreLike, case_id: int) -> CaseEnding | None:
    row = store.conn.execute(
        "SELECT case_id, reason, note, recorded_by, recorded_at FROM case_endings "
        "WHERE case_id = ?",
        (int(case_id),),
    ).fetchone()
    if row is None:
        return None
    return CaseEnding(int(row[0]), EndReason(row[1]), row[2], row[3], row[4])
