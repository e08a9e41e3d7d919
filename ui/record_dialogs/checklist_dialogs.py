"""Dialogs for a placement's relocation checklist (flyttchecklista): start the standard tasks,
add a task, change who and when, mark one done.

Each task has who (vem), when (när) and done (klar); an open task with a date is a reminder.
The values go unchanged to ``storage.casework.relocation``, which validates them (an
"other" task needs a description; a done date is not in the future).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from storage.casework.relocation import (
    add_task,
    complete_task,
    start_checklist,
    update_task,
)
from storage.records import RelocationTask, RelocationTaskKind
from ui.kit import labels
from ui.record_dialogs.form import (
    CHOICE,
    DATE,
    MULTILINE,
    READONLY,
    Field,
    RecordDialog,
)
from ui.runtime.session_api import SessionAPI


def task_text(task: RelocationTask) -> str:
    """The task in words: its kind, and the description when there is one."""
    kind = labels.label(task.task)
    return f"{kind}: {task.description}" if task.description else kind


class StartChecklistDialog(RecordDialog):
    """Put the seven standard tasks on a placement (once)."""

    def __init__(
        self, session: SessionAPI, placement_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, parent)
        standard = "\n".join(
            f"• {labels.label(kind)}" for kind in RelocationTaskKind if kind.value != "other"
        )
        self.build(
            self.tr("Start the relocation checklist"),
            [
                Field("tasks", self.tr("Tasks:"), READONLY, default=standard),
                Field(
                    "responsible",
                    self.tr("&Who:"),
                    hint=self.tr("For every task to begin with; each can be changed"),
                ),
                Field("due_on", self.tr("&When:"), DATE),
            ],
            lambda store, values: start_checklist(store, placement_id, **values),
            intro=self.tr(
                "The standard tasks of a move are put on the placement. Tasks with a date "
                "become reminders until they are done."
            ),
            ok_text=self.tr("&Start"),
        )


class TaskDialog(RecordDialog):
    """One more task on a placement's checklist."""

    def __init__(
        self, session: SessionAPI, placement_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, parent)
        self.build(
            self.tr("New task"),
            [
                Field(
                    "task",
                    self.tr("&Task:"),
                    CHOICE,
                    labels.choices(RelocationTaskKind),
                    default=RelocationTaskKind.OTHER.value,
                ),
                Field(
                    "description",
                    self.tr("&Description:"),
                    hint=self.tr("Required for another task"),
                ),
                Field("responsible", self.tr("&Who:")),
                Field("due_on", self.tr("W&hen:"), DATE),
                Field("note", self.tr("&Note:"), MULTILINE),
            ],
            lambda store, values: add_task(store, placement_id, values.pop("task"), **values),
        )


class EditTaskDialog(RecordDialog):
    """Who, when, the description and the note of a task."""

    def __init__(
        self, session: SessionAPI, task: RelocationTask, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, parent)
        task_id = task.id
        self.build(
            self.tr("Change task"),
            [
                Field("task", self.tr("Task:"), READONLY, default=labels.label(task.task)),
                Field("description", self.tr("&Description:"), default=task.description),
                Field("responsible", self.tr("&Who:"), default=task.responsible),
                Field(
                    "due_on",
                    self.tr("W&hen:"),
                    DATE,
                    default=labels.day(task.due_on) if task.due_on else None,
                ),
                Field("note", self.tr("&Note:"), MULTILINE, default=task.note),
            ],
            lambda store, values: update_task(store, task_id, **values),
        )


class TaskDoneDialog(RecordDialog):
    """Mark a task done (today unless another day is given; not in the future)."""

    def __init__(
        self, session: SessionAPI, task: RelocationTask, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, parent)
        task_id = task.id
        self.build(
            self.tr("Task done"),
            [
                Field("task", self.tr("Task:"), READONLY, default=task_text(task)),
                Field(
                    "done_on",
                    self.tr("&Done on:"),
                    DATE,
                    default=dt.date.today().isoformat(),
                ),
            ],
            lambda store, values: complete_task(store, task_id, values["done_on"]),
            ok_text=self.tr("&Done"),
        )
