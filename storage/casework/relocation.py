"""Relocation (flytt): the checklist of a placement, and where a received case now belongs.

**Flyttchecklista.** When a person moves because of a threat, many things must happen at
the new place, each by someone and by a date. ``start_checklist`` puts the standard tasks on
a placement — skyddad folkbokföring applied for at Skatteverket, school, Försäkringskassan,
Arbetsförmedlingen, health care, the police's personal-security contact, the provider of
the new housing — and ``add_task`` any other. Each task has who (``responsible``), when
(``due_on``) and done (``done_on``/``done_by``); open tasks with a date are reminders
(kind ``relocation_task``, :mod:`storage.casework.reminders`). Tasks are part of the case:
they go with the placement at gallring.

- ``start_checklist(store, placement_id, *, responsible=None, due_on=None) -> list[int]``
- ``add_task(store, placement_id, task, *, description=None, responsible=None,
  due_on=None, note=None) -> int``
- ``update_task(store, task_id, **fields)`` — responsible, due_on, description, note.
- ``complete_task(store, task_id, done_on=None)``, ``reopen_task(store, task_id)``
- ``checklist(store, placement_id) -> list[RelocationTask]`` (in the standard order),
  ``case_tasks(store, case_id) -> list[RelocationTask]``.

**A received case.** ``apply_receiving_municipality(store, case_id, municipality,
legal_basis) -> MunicipalityChange`` is what accepting a handover does to the new case
(sync/handover/importing.py calls it in the import's transaction): the receiving
municipality becomes its vistelsekommun, since the person now stays here; with an
överflyttning (``transfer``) the case itself has moved, so it also becomes the
bosättningskommun. With a request for help the sender stays bosättningskommun. With a
consent it depends on where the person now lives: the sender's bosättningskommun is kept
and ``ask_home`` tells the GUI to ask; ``set_home_municipality`` records the answer.

Audit: ``relocation.checklist``, ``relocation.task_add``, ``relocation.task_update``,
``relocation.task_done``, ``relocation.task_reopen`` (ids and codes only), and
``case.update`` with ``rule: handover_accept`` for the municipality rule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from storage.casefile import repo
from storage.casefile.cases import update_case
from storage.casefile.repo import StoreLike
from storage.records import validate as v
from storage.records.enums import (
    LegalBasis,
    RelocationTaskKind,
)
from storage.records.errors import (
    AlreadyDoneError,
    ChecklistExistsError,
    FieldRequiredError,
    RecordNotFoundError,
    UnknownFieldError,
)
from storage.records.parts import RelocationTask

STANDARD_TASKS: tuple[RelocationTaskKind, ...] = tuple(
    t for t in RelocationTaskKind if t is not RelocationTaskKind.OTHER
)
_ORDER = {t.value: i for i, t in enumerate(RelocationTaskKind)}
_COLUMNS = (
    "t.id, t.placement_id, p.case_id, t.task, t.description, t.responsible, t.due_on, "
    "t.done_on, t.done_by, t.note"
)
_UPDATABLE = {"responsible", "due_on", "description", "note"}


def _task(row: Sequence[Any]) -> RelocationTask:
    return RelocationTask(
        id=int(row[0]),
        placement_id=int(row[1]),
        case_id=int(row[2]),
        task=RelocationTaskKind(row[3]),
        description=row[4],
        responsible=row[5],
        due_on=repo.to_date(row[6]),
        done_on=repo.to_date(row[7]),
        done_by=row[8],
        note=row[9],
    )


def _placement_case(store: StoreLike, placement_id: int) -> int:
    return repo.record_case(store, "placements", placement_id, "placement")


def _insert(
    store: StoreLike, placement_id: int, task: RelocationTaskKind, values: dict[str, Any]
) -> int:
    now = repo.utc_now()
    return repo.insert(
        store,
        "relocation_tasks",
        {
            "placement_id": int(placement_id),
            "task": task.value,
            **values,
            "created_at": now,
            "updated_at": now,
        },
    )


def _fields(fields: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in fields.items():
        if name not in _UPDATABLE:
            raise UnknownFieldError(field=name)
        if name == "due_on":
            out[name] = repo.iso(v.date("due_on", value, required=False))
        elif name == "responsible":
            out[name] = v.text(name, value, required=False, limit=100)
        else:
            out[name] = v.text(name, value, required=False, limit=2000, multiline=True)
    return out


def start_checklist(
    store: StoreLike,
    placement_id: int,
    *,
    responsible: str | None = None,
    due_on: dt.date | str | None = None,
) -> list[int]:
    """Put the standard tasks on a placement (once); returns their ids in order."""
    values = _fields({"responsible": responsible, "due_on": due_on})
    case_id = _placement_case(store, placement_id)
    with store.transaction():
        number = repo.open_case_number(store, case_id)
        marks = ", ".join("?" for _ in STANDARD_TASKS)
        if store.conn.execute(
            f"SELECT 1 FROM relocation_tasks WHERE placement_id = ? AND task IN ({marks})",  # noqa: S608
            (int(placement_id), *(t.value for t in STANDARD_TASKS)),
        ).fetchone():
            raise ChecklistExistsError(placement=int(placement_id))
        ids = [_insert(store, placement_id, t, values) for t in STANDARD_TASKS]
        repo.touch_case(store, case_id)
        repo.audit(
            store,
            "relocation.checklist",
            number,
            case_id=case_id,
            placement_id=int(placement_id),
            tasks=len(ids),
        )
    return ids


def add_task(
    store: StoreLike,
    placement_id: int,
    task: RelocationTaskKind | str,
    *,
    description: str | None = None,
    responsible: str | None = None,
    due_on: dt.date | str | None = None,
    note: str | None = None,
) -> int:
    """One more task on a placement; an ``other`` task needs a description."""
    kind = RelocationTaskKind.parse(task, "task")
    values = _fields(
        {"description": description, "responsible": responsible, "due_on": due_on, "note": note}
    )
    if kind is RelocationTaskKind.OTHER and not values["description"]:
        raise FieldRequiredError(field="description")
    case_id = _placement_case(store, placement_id)
    with store.transaction():
        number = repo.open_case_number(store, case_id)
        task_id = _insert(store, placement_id, kind, values)
        repo.touch_case(store, case_id)
        repo.audit(
            store,
            "relocation.task_add",
            number,
            case_id=case_id,
            placement_id=int(placement_id),
            task_id=task_id,
            task=kind.value,
        )
    return task_id


def task(store: StoreLike, task_id: int) -> RelocationTask:
    row = store.conn.execute(
        f"SELECT {_COLUMNS} FROM relocation_tasks t "  # noqa: S608 - constant columns
        "JOIN placements p ON p.id = t.placement_id WHERE t.id = ?",
        (int(task_id),),
    ).fetchone()
    if row is None:
        raise RecordNotFoundError(record="checklist task", id=int(task_id))
    return _task(row)


@contextmanager
def _changing(
    store: StoreLike, task_id: int, values: dict[str, Any], *, completing: bool = False
) -> Iterator[tuple[str, RelocationTask]]:
    """Change a task in one transaction; the caller writes its audit entry inside it."""
    with store.transaction():
        found = task(store, task_id)
        number = repo.open_case_number(store, found.case_id)
        if completing and found.done:
            raise AlreadyDoneError(field="done_on", record="task")
        if found.task is RelocationTaskKind.OTHER and "description" in values:
            if not values["description"]:
                raise FieldRequiredError(field="description")
        repo.update(store, "relocation_tasks", found.id, {**values, "updated_at": repo.utc_now()})
        repo.touch_case(store, found.case_id)
        yield number, found


def update_task(store: StoreLike, task_id: int, **fields: Any) -> None:
    """Change who, when, the description or the note of a task."""
    values = _fields(fields)
    with _changing(store, task_id, values) as (number, found):
        repo.audit(
            store,
            "relocation.task_update",
            number,
            case_id=found.case_id,
            task_id=found.id,
            task=found.task.value,
            fields=sorted(values),
        )


def complete_task(store: StoreLike, task_id: int, done_on: dt.date | str | None = None) -> None:
    """Mark a task done (today unless given; not in the future), by ``store.actor``."""
    day = v.not_future("done_on", v.date("done_on", done_on, required=False), repo.today())
    values = {"done_on": (day or repo.today()).isoformat(), "done_by": store.actor}
    with _changing(store, task_id, values, completing=True) as (number, found):
        repo.audit(
            store,
            "relocation.task_done",
            number,
            case_id=found.case_id,
            task_id=found.id,
            task=found.task.value,
            fields=sorted(values),
        )


def reopen_task(store: StoreLike, task_id: int) -> None:
    """Undo "done" (a task ticked by mistake)."""
    values = {"done_on": None, "done_by": None}
    with _changing(store, task_id, values) as (number, found):
        repo.audit(
            store,
            "relocation.task_reopen",
            number,
            case_id=found.case_id,
            task_id=found.id,
            task=found.task.value,
            fields=sorted(values),
        )


def _sorted(tasks: list[RelocationTask]) -> list[RelocationTask]:
    return sorted(tasks, key=lambda t: (t.placement_id, _ORDER[t.task.value], t.id))


def checklist(store: StoreLike, placement_id: int) -> list[RelocationTask]:
    _placement_case(store, placement_id)
    rows = store.conn.execute(
        f"SELECT {_COLUMNS} FROM relocation_tasks t "  # noqa: S608 - constant columns
        "JOIN placements p ON p.id = t.placement_id WHERE t.placement_id = ?",
        (int(placement_id),),
    )
    return _sorted([_task(r) for r in rows])


def case_tasks(store: StoreLike, case_id: int) -> list[RelocationTask]:
    """Every checklist task of a case's placements."""
    repo.case_row(store, case_id)
    rows = store.conn.execute(
        f"SELECT {_COLUMNS} FROM relocation_tasks t "  # noqa: S608 - constant columns
        "JOIN placements p ON p.id = t.placement_id WHERE p.case_id = ?",
        (int(case_id),),
    )
    return _sorted([_task(r) for r in rows])


# ---------------------------------------------------------------- a received case


@dataclass(frozen=True)
class MunicipalityChange:
    """What accepting a handover did to bosättnings- and vistelsekommun."""

    home_before: str
    home_after: str
    stay_before: str | None
    stay_after: str
    ask_home: bool  # the GUI should ask whether we are the bosättningskommun too


def apply_receiving_municipality(
    store: StoreLike, case_id: int, municipality: str, legal_basis: LegalBasis | str
) -> MunicipalityChange:
    """The receiving municipality's place in a case accepted from a handover (see above)."""
    ours = v.required_text("municipality", municipality, limit=100)
    basis = LegalBasis.parse(legal_basis, "legal_basis")
    with store.transaction():
        number = repo.case_number(store, case_id)
        home, stay = store.conn.execute(
            "SELECT home_municipality, stay_municipality FROM cases WHERE id = ?",
            (int(case_id),),
        ).fetchone()
        new_home = ours if basis is LegalBasis.TRANSFER else str(home)
        values = {"stay_municipality": ours, "home_municipality": new_home}
        before = {"stay_municipality": stay, "home_municipality": home}
        changed = sorted(k for k, val in values.items() if val != before[k])
        if changed:
            repo.update(store, "cases", case_id, {**values, "updated_at": repo.utc_now()})
            repo.audit(
                store,
                "case.update",
                number,
                case_id=int(case_id),
                fields=changed,
                rule="handover_accept",
                legal_basis=basis.value,
            )
    ask = basis is LegalBasis.CONSENT and new_home.casefold() != ours.casefold()
    return MunicipalityChange(str(home), new_home, stay, ours, ask)


def set_home_municipality(store: StoreLike, case_id: int, municipality: str) -> None:
    """The caseworker's answer to "is the person now living here?" for a received case."""
    update_case(store, case_id, home_municipality=municipality)
