"""Decisions (beslut) on interventions, signed like journal entries, and their appeals.

A decision names its provision (lagrum, from :mod:`storage.registers.provisions`; the
provision's text is kept as it read at signing), what is granted or refused, the reasons
(required unless granted in full), who decided under which delegation, the date, the
notification date and whether appeal information (besvärshänvisning) was given. It is
signed by whoever records it, at that moment, and never changed after (SQL triggers): a
correction is a new version with its reason, the earlier ones stay readable. Only a
missing notification date can be added once. An appeal and its outcome are recorded
beside the decision; interventions link to their decision (its first version).

Public API:

- ``record_decision(store, case_id, *, provision_id, outcome, subject, delegation,
  decided_on, reasons=None, intervention_type=None, decided_by=None, notified_on=None,
  appeal_info=True) -> int``
- ``import_decision(store, case_id, *, signed_by, signed_at, provision_text, **fields)
  -> int`` — a decision from another system or municipality as it reads there: its signer,
  time and provision text are kept, and it is marked imported (case import, handover).
- ``correct_decision(store, decision_id, reason, **fields) -> int`` — a new version of the
  latest one (fields as above; the rest are kept).
- ``set_notified(store, decision_id, notified_on)`` — once, on the latest version.
- ``add_appeal(store, decision_id, *, lodged_on, court=None, note=None) -> int``,
  ``record_appeal_outcome(store, appeal_id, *, outcome, decided_on, note=None)``
- ``decisions(store, case_id) -> [DecisionThread]``, ``decision(store, id) -> Decision``,
  ``thread_case(store, decision_id) -> (case id, first version id)``

Audit actions: ``decision.add``, ``decision.correct``, ``decision.notified``,
``decision.appeal``, ``decision.appeal_outcome`` (ids and codes; never text).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.caseplan.errors import (
    AppealDecidedError,
    DecisionNotifiedError,
    DecisionSupersededError,
    InactiveProvisionError,
    ReasonsRequiredError,
)
from storage.records import validate as v
from storage.records.enums import InterventionType
from storage.records.errors import RecordNotFoundError, UnknownFieldError
from storage.records.knowledge import (
    Appeal,
    AppealOutcome,
    Decision,
    DecisionOutcome,
    DecisionThread,
)
from storage.registers.provisions import provision

FIELDS = (
    "provision_id",
    "outcome",
    "subject",
    "intervention_type",
    "reasons",
    "decided_by",
    "delegation",
    "decided_on",
    "notified_on",
    "appeal_info",
)
_COLUMNS = (
    "id, case_id, coalesce(original_id, id), corrects_id, version, provision_id, outcome, "
    "subject, intervention_type, reasons, decided_by, delegation, decided_on, notified_on, "
    "appeal_info, signed_by, signed_at, correction_reason, provision_text, imported"
)
REASON_LIMIT = 1000


def _decision(r: Sequence[Any]) -> Decision:
    return Decision(
        int(r[0]),
        int(r[1]),
        int(r[2]),
        r[3],
        int(r[4]),
        int(r[5]),
        DecisionOutcome(r[6]),
        r[7],
        InterventionType(r[8]) if r[8] else None,
        r[9],
        r[10],
        r[11],
        repo.must_date(r[12]),
        repo.to_date(r[13]),
        bool(r[14]),
        r[15],
        r[16],
        r[17],
        r[18],
        bool(r[19]),
    )


def provision_text(store: StoreLike, decision_id: int) -> str:
    """The provision as it read when this version was signed."""
    row = store.conn.execute(
        "SELECT provision_text FROM decisions WHERE id = ?", (int(decision_id),)
    ).fetchone()
    if row is None:
        raise RecordNotFoundError(record="decision", id=int(decision_id))
    return str(row[0])


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    today = repo.today()
    outcome = DecisionOutcome.parse(values.get("outcome"), "outcome")
    decided = v.required_past("decided_on", values.get("decided_on"), today)
    notified = v.not_future(
        "notified_on", v.date("notified_on", values.get("notified_on"), required=False), today
    )
    v.ordered("notified_on", notified, "decided_on", decided)
    kind = values.get("intervention_type")
    reasons = v.text("reasons", values.get("reasons"), required=False, limit=v.LONG, multiline=True)
    if outcome is not DecisionOutcome.GRANTED and reasons is None:
        raise ReasonsRequiredError(field="reasons")
    appeal_info = values.get("appeal_info", True)
    return {
        "provision_id": v.integer("provision_id", values.get("provision_id"), low=1, high=2**62),
        "outcome": outcome.value,
        "subject": v.required_text("subject", values.get("subject"), limit=2000, multiline=True),
        "intervention_type": InterventionType.parse(kind, "intervention_type").value
        if kind
        else None,
        "reasons": reasons,
        "decided_by": v.required_text("decided_by", values.get("decided_by"), limit=100),
        "delegation": v.required_text("delegation", values.get("delegation"), limit=200),
        "decided_on": decided.isoformat(),
        "notified_on": repo.iso(notified),
        "appeal_info": int(v.boolean("appeal_info", appeal_info)),
    }


def _active_text(store: StoreLike, provision_id: int) -> str:
    found = provision(store, provision_id)
    if not found.active:
        raise InactiveProvisionError(field="provision_id")
    return found.text


def record_decision(
    store: StoreLike,
    case_id: int,
    *,
    provision_id: int,
    outcome: DecisionOutcome | str,
    subject: str,
    delegation: str,
    decided_on: dt.date | str,
    reasons: str | None = None,
    intervention_type: InterventionType | str | None = None,
    decided_by: str | None = None,
    notified_on: dt.date | str | None = None,
    appeal_info: bool = True,
) -> int:
    values = _clean(
        {
            "provision_id": provision_id,
            "outcome": outcome,
            "subject": subject,
            "delegation": delegation,
            "decided_on": decided_on,
            "reasons": reasons,
            "intervention_type": intervention_type,
            "decided_by": decided_by or store.actor,
            "notified_on": notified_on,
            "appeal_info": appeal_info,
        }
    )
    with store.transaction():
        number = repo.open_case_number(store, case_id)
        text = _active_text(store, values["provision_id"])
        decision_id = repo.insert(
            store,
            "decisions",
            {
                "case_id": int(case_id),
                **values,
                "provision_text": text,
                "signed_by": store.actor,
                "signed_at": repo.utc_now(),
            },
        )
        repo.touch_case(store, case_id)
        repo.audit(
            store,
            "decision.add",
            number,
            case_id=int(case_id),
            decision_id=decision_id,
            decision_outcome=values["outcome"],
        )
    return decision_id


def import_decision(
    store: StoreLike,
    case_id: int,
    *,
    signed_by: str,
    signed_at: str,
    provision_text: str,
    **fields: Any,
) -> int:
    """A decision as another system signed it (see the module docstring)."""
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise UnknownFieldError(field=sorted(unknown)[0])
    values = _clean({"decided_by": signed_by, **fields})
    who = v.required_text("signed_by", signed_by, limit=100)
    when = v.utc_time("signed_at", signed_at)
    text = v.required_text("provision_text", provision_text, limit=1000)
    with store.transaction():
        number = repo.open_case_number(store, case_id)
        provision(store, values["provision_id"])
        decision_id = repo.insert(
            store,
            "decisions",
            {
                "case_id": int(case_id),
                **values,
                "provision_text": text,
                "signed_by": who,
                "signed_at": when,
                "imported": 1,
            },
        )
        repo.touch_case(store, case_id)
        repo.audit(
            store,
            "decision.add",
            number,
            case_id=int(case_id),
            decision_id=decision_id,
            decision_outcome=values["outcome"],
            imported=True,
        )
    return decision_id


def decision(store: StoreLike, decision_id: int) -> Decision:
    row = store.conn.execute(
        f"SELECT {_COLUMNS} FROM decisions WHERE id = ?",  # noqa: S608 - constant
        (int(decision_id),),
    ).fetchone()
    if row is None:
        raise RecordNotFoundError(record="decision", id=int(decision_id))
    return _decision(row)


def thread_case(store: StoreLike, decision_id: int) -> tuple[int, int]:
    """(case id, id of the first version) of any version of a decision."""
    found = decision(store, decision_id)
    return found.case_id, found.original_id


def _latest(store: StoreLike, found: Decision) -> None:
    newer = store.conn.execute(
        "SELECT id FROM decisions WHERE corrects_id = ?", (found.id,)
    ).fetchone()
    if newer is not None:
        raise DecisionSupersededError(decision=found.id, newer=int(newer[0]))


def correct_decision(store: StoreLike, decision_id: int, reason: str, **fields: Any) -> int:
    """Write a new version of ``decision_id`` (the latest one) with ``fields`` changed."""
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise UnknownFieldError(field=sorted(unknown)[0])
    why = v.required_text("reason", reason, limit=REASON_LIMIT, multiline=True)
    with store.transaction():
        old = decision(store, decision_id)
        _latest(store, old)
        number = repo.case_number(store, old.case_id)
        base = {name: getattr(old, name) for name in FIELDS}
        base["outcome"] = old.outcome.value
        base["intervention_type"] = old.intervention_type.value if old.intervention_type else None
        values = _clean({**base, **fields})
        if values["provision_id"] == old.provision_id:
            text = provision_text(store, old.id)
        else:
            text = _active_text(store, values["provision_id"])
        new_id = repo.insert(
            store,
            "decisions",
            {
                "case_id": old.case_id,
                "original_id": old.original_id,
                "corrects_id": old.id,
                "version": old.version + 1,
                **values,
                "provision_text": text,
                "signed_by": store.actor,
                "signed_at": repo.utc_now(),
                "correction_reason": why,
            },
        )
        repo.touch_case(store, old.case_id)
        repo.audit(
            store,
            "decision.correct",
            number,
            case_id=old.case_id,
            decision_id=new_id,
            corrects_decision=old.id,
            original_decision=old.original_id,
        )
    return new_id


def set_notified(store: StoreLike, decision_id: int, notified_on: dt.date | str) -> None:
    day = v.required_past("notified_on", notified_on, repo.today())
    with store.transaction():
        old = decision(store, decision_id)
        _latest(store, old)
        if old.notified_on is not None:
            raise DecisionNotifiedError(decision=old.id)
        v.ordered("notified_on", day, "decided_on", old.decided_on)
        number = repo.case_number(store, old.case_id)
        store.conn.execute(
            "UPDATE decisions SET notified_on = ? WHERE id = ?", (day.isoformat(), old.id)
        )
        repo.changed(store, "decisions", old.id, ("notified_on",))
        repo.touch_case(store, old.case_id)
        repo.audit(store, "decision.notified", number, case_id=old.case_id, decision_id=old.id)


def add_appeal(
    store: StoreLike,
    decision_id: int,
    *,
    lodged_on: dt.date | str,
    court: str | None = None,
    note: str | None = None,
) -> int:
    day = v.required_past("lodged_on", lodged_on, repo.today())
    where = v.text("court", court, required=False, limit=200)
    text = v.text("note", note, required=False, limit=2000, multiline=True)
    with store.transaction():
        found = decision(store, decision_id)
        v.ordered("lodged_on", day, "decided_on", found.decided_on)
        number = repo.case_number(store, found.case_id)
        appeal_id = repo.insert(
            store,
            "decision_appeals",
            {
                "decision_id": found.original_id,
                "lodged_on": day.isoformat(),
                "court": where,
                "note": text,
                "created_by": store.actor,
                "created_at": repo.utc_now(),
            },
        )
        repo.touch_case(store, found.case_id)
        repo.audit(
            store,
            "decision.appeal",
            number,
            case_id=found.case_id,
            decision_id=found.original_id,
            appeal_id=appeal_id,
        )
    return appeal_id


def record_appeal_outcome(
    store: StoreLike,
    appeal_id: int,
    *,
    outcome: AppealOutcome | str,
    decided_on: dt.date | str,
    note: str | None = None,
) -> None:
    result = AppealOutcome.parse(outcome, "outcome")
    day = v.required_past("decided_on", decided_on, repo.today())
    text = v.text("note", note, required=False, limit=2000, multiline=True)
    row = store.conn.execute(
        "SELECT decision_id, lodged_on, outcome, note FROM decision_appeals WHERE id = ?",
        (int(appeal_id),),
    ).fetchone()
    if row is None:
        raise RecordNotFoundError(record="appeal", id=int(appeal_id))
    if row[2] is not None:
        raise AppealDecidedError(appeal=int(appeal_id))
    v.ordered("decided_on", day, "lodged_on", repo.must_date(row[1]))
    case_id, _ = thread_case(store, int(row[0]))
    values: dict[str, Any] = {"outcome": result.value, "outcome_on": day.isoformat()}
    if text is not None:
        values["note"] = text if not row[3] else f"{row[3]}\n{text}"
    with store.transaction():
        number = repo.case_number(store, case_id)
        repo.update(store, "decision_appeals", appeal_id, values)
        repo.touch_case(store, case_id)
        repo.audit(
            store,
            "decision.appeal_outcome",
            number,
            case_id=case_id,
            appeal_id=int(appeal_id),
            appeal_outcome=result.value,
        )


def decisions(store: StoreLike, case_id: int) -> list[DecisionThread]:
    """Every decision of a case as it reads now, with earlier versions and appeals."""
    repo.case_row(store, case_id)
    versions: dict[int, list[Decision]] = {}
    for r in store.conn.execute(
        f"SELECT {_COLUMNS} FROM decisions WHERE case_id = ? "  # noqa: S608 - constant
        "ORDER BY coalesce(original_id, id), version",
        (int(case_id),),
    ):
        found = _decision(r)
        versions.setdefault(found.original_id, []).append(found)
    appeals: dict[int, list[Appeal]] = {}
    for r in store.conn.execute(
        "SELECT a.id, a.decision_id, a.lodged_on, a.court, a.outcome, a.outcome_on, a.note "
        "FROM decision_appeals a JOIN decisions d ON d.id = a.decision_id "
        "WHERE d.case_id = ? ORDER BY a.lodged_on, a.id",
        (int(case_id),),
    ):
        appeals.setdefault(int(r[1]), []).append(
            Appeal(
                int(r[0]),
                int(r[1]),
                repo.must_date(r[2]),
                r[3],
                AppealOutcome(r[4]) if r[4] else None,
                repo.to_date(r[5]),
                r[6],
            )
        )
    threads = [
        DecisionThread(vs[-1], tuple(vs[:-1]), tuple(appeals.get(first, ())))
        for first, vs in versions.items()
    ]
    threads.sort(
        key=lambda t: ((t.earlier[0] if t.earlier else t.current).decided_on, t.original_id)
    )
    return threads
