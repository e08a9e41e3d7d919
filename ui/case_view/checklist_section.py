"""Flyttchecklista: the relocation checklist of the placement chosen in Person och skydd.

Each task with who, when (an overdue date marked ⚠ and in words) and done (the day; by whom
in its tooltip). *Starta flyttchecklista…* puts the standard tasks on a placement that has none;
*Ny uppgift…*, *Ändra…*, *Klar…* and *Ångra klar* change one task. Open tasks with a date
are reminders. The tasks are read with the rest of the part (``case_tasks``) and shown per
placement; every change reloads the part.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from storage.casework.relocation import reopen_task
from storage.records import Placement, RelocationTask
from ui.case_view.base import (
    button_row,
    section_title,
)
from ui.kit import labels
from ui.kit.tables import Cell, RecordTable, TableModel
from ui.record_dialogs.checklist_dialogs import (
    EditTaskDialog,
    StartChecklistDialog,
    TaskDialog,
    TaskDoneDialog,
    task_text,
)
from ui.record_dialogs.form import RecordDialog
from ui.runtime.session_api import SessionAPI


def _when(task: RelocationTask) -> Cell:
    if task.due_on is None:
        return Cell(labels.EMPTY)
    overdue = not task.done and task.due_on < dt.date.today()
    words = labels.due_words(task.due_on, overdue)
    return Cell(labels.due_text(task.due_on, overdue), tooltip=words, accessible=words)


def _done(task: RelocationTask) -> Cell:
    """The day it was done; by whom in the tooltip (the column stays narrow)."""
    if task.done_on is None:
        return Cell(labels.EMPTY)
    words = QCoreApplication.translate("ChecklistSection", "Done {date} by {who}").format(
        date=labels.day(task.done_on), who=task.done_by or labels.EMPTY
    )
    return Cell(labels.day(task.done_on), tooltip=words, accessible=words)


class ChecklistSection(QWidget):
    def __init__(
        self,
        session: SessionAPI,
        open_dialog: Callable[[RecordDialog], object],
        run_edit: Callable[[Callable[[Any], Any]], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("checklistSection")
        self.session = session
        self._open = open_dialog
        self._run_edit = run_edit
        self.placement: Placement | None = None
        self.heading = section_title(parent=self)
        self.note = QLabel(self)
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.model: TableModel[RelocationTask] = TableModel(
            lambda: [self.tr("Task"), self.tr("Who"), self.tr("When"), self.tr("Done")],
            lambda t: [
                task_text(t),
                t.responsible or labels.EMPTY,
                _when(t),
                _done(t),
            ],
            self,
            muted=lambda t: t.done,
        )
        self.table = RecordTable("checklistTable", self.model, self, stretch=(0, 1))
        self.table.setMaximumHeight(200)
        self.start_button = QPushButton(self)
        self.start_button.setObjectName("startChecklistButton")
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("addTaskButton")
        self.edit_button = QPushButton(self)
        self.edit_button.setObjectName("editTaskButton")
        self.done_button = QPushButton(self)
        self.done_button.setObjectName("taskDoneButton")
        self.reopen_button = QPushButton(self)
        self.reopen_button.setObjectName("reopenTaskButton")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addWidget(self.table)
        layout.addLayout(
            button_row(
                self.start_button,
                self.add_button,
                self.edit_button,
                self.done_button,
                self.reopen_button,
            )
        )
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update())
        self.start_button.clicked.connect(self.start)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.done_button.clicked.connect(self.mark_done)
        self.reopen_button.clicked.connect(self.reopen)
        session.guard.register(self.model)
        self.retranslate()
        self.clear()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Relocation checklist of the placement"))
        self.table.setAccessibleName(self.tr("Relocation checklist"))
        self.start_button.setText(self.tr("Start the relocation &checklist…"))
        self.add_button.setText(self.tr("New &task…"))
        self.edit_button.setText(self.tr("C&hange task…"))
        self.done_button.setText(self.tr("Task d&one…"))
        self.reopen_button.setText(self.tr("Not done after a&ll"))

    def show_tasks(self, placement: Placement | None, tasks: list[RelocationTask]) -> None:
        """The tasks of ``placement`` (None: no placement chosen)."""
        self.placement = placement
        mine = [t for t in tasks if placement is not None and t.placement_id == placement.id]
        self.model.set_records(mine)
        if placement is None:
            self.note.setText(self.tr("Choose a placement to see its checklist."))
        elif not mine:
            self.note.setText(self.tr("No relocation checklist for this placement yet."))
        else:
            left = sum(1 for t in mine if not t.done)
            self.note.setText(self.tr("%n task(s) left", "", left))
        self.table.setVisible(bool(mine))
        self._update()

    def current(self) -> RelocationTask | None:
        record = self.table.current_record()
        return record if isinstance(record, RelocationTask) else None

    def _update(self) -> None:
        placement, task = self.placement, self.current()
        self.start_button.setVisible(placement is not None and self.model.rowCount() == 0)
        self.start_button.setEnabled(placement is not None)
        self.add_button.setEnabled(placement is not None)
        self.edit_button.setEnabled(task is not None)
        self.done_button.setEnabled(task is not None and not task.done)
        self.reopen_button.setEnabled(task is not None and task.done)

    def clear(self) -> None:
        self.placement = None
        self.model.set_records([])
        self.note.clear()
        self.table.setVisible(False)
        for button in (
            self.start_button,
            self.add_button,
            self.edit_button,
            self.done_button,
            self.reopen_button,
        ):
            button.setEnabled(False)
        self.start_button.setVisible(False)

    # ------------------------------------------------------------------ actions
    def start(self) -> None:
        if self.placement is not None:
            self._open(StartChecklistDialog(self.session, self.placement.id, self))

    def add(self) -> None:
        if self.placement is not None:
            self._open(TaskDialog(self.session, self.placement.id, self))

    def edit(self) -> None:
        task = self.current()
        if task is not None:
            self._open(EditTaskDialog(self.session, task, self))

    def mark_done(self) -> None:
        task = self.current()
        if task is not None and not task.done:
            self._open(TaskDoneDialog(self.session, task, self))

    def reopen(self) -> None:
        task = self.current()
        if task is not None and task.done:
            task_id = task.id
            self._run_edit(lambda store: reopen_task(store, task_id))
