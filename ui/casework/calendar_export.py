"""*Arkiv › Exportera påminnelser som kalender…*: the reminders as an iCalendar file.

The dialog says first what leaves the encrypted database: a file outside it, which the
municipality's calendar (a server, a phone) will hold, carrying only each reminder's case
number, its type and its date — no name, no initials, no text of one's own reminder — and
the yearly gallring. The caseworker chooses how far ahead, then the file; the core writes
it (``storage.casework.ical.write_reminders_ical``: atomic through storage/atomic.py, mode
0600, audited ``reminders.export`` with the count only).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from storage.casework.gallring_protocol import yearly_gallring
from storage.casework.ical import write_reminders_ical
from storage.casework.reminders import reminders
from storage.records import ReminderKind
from storage.vault.store import Store
from ui.kit import labels
from ui.kit.dialogs import plain_label, save_path, set_state
from ui.runtime.error_dialog import error_text
from ui.runtime.session_api import SessionAPI

#: How far ahead the file reaches (days; overdue reminders are always in it).
RANGES = (30, 90, 365)
FILE_NAME = "utvag-paminnelser.ics"


class CalendarExportDialog(QDialog):
    def __init__(self, session: SessionAPI, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarExport")
        self.setWindowTitle(self.tr("Export reminders as a calendar"))
        self.session = session
        self.written: Path | None = None
        session.guard.register(self)
        session.guard.track_dialog(self)
        warning = plain_label(
            self.tr(
                "The calendar file leaves the encrypted database: anyone who can read the file, "
                "or the calendar you import it into, sees what is in it."
            ),
            self,
            "calendarWarning",
        )
        set_state(warning, "warning")
        contents = plain_label(
            self.tr(
                "Each reminder is written with its case number, its type and its date only — "
                "no names, no initials, no text of your own reminders — and the yearly "
                "gallring. Importing a newer file updates the events instead of adding them "
                "again."
            ),
            self,
        )
        self.range = QComboBox(self)
        self.range.setObjectName("calendarRange")
        for days in RANGES:
            self.range.addItem(self.tr("Due within %n day(s), and overdue", "", days), days)
        self.range.setCurrentIndex(len(RANGES) - 1)
        self.range.setAccessibleName(self.tr("Which reminders"))
        self.status = plain_label("", self, "calendarStatus")
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            self.tr("&Export…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button.setObjectName("calendarExportButton")
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setDefault(True)
        self.export_button.setAutoDefault(False)
        self.export_button.clicked.connect(self.choose_file)
        self.close_button.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Reminders:"), self.range)
        layout = QVBoxLayout(self)
        layout.addWidget(warning)
        layout.addWidget(contents)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def choose_file(self) -> None:
        path = save_path(
            self,
            self.tr("Save the calendar file (not encrypted)"),
            FILE_NAME,
            self.tr("Calendar file (*.ics)"),
        )
        if path is not None and self.session.is_unlocked:
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        """Write the calendar to ``path`` on the store worker (the caseworker has been told)."""
        if path.suffix.lower() != ".ics":
            path = path.with_name(path.name + ".ics")
        days = int(self.range.currentData())
        kinds = {kind.value: labels.label(kind) for kind in ReminderKind}
        yearly_label = QCoreApplication.translate("CalendarExportDialog", "yearly gallring")

        def work(store: Store) -> int:
            rows = reminders(store, within_days=days)
            yearly = yearly_gallring(store)
            due = yearly.due_on if yearly.due_on <= dt.date.today() + dt.timedelta(days) else None
            return write_reminders_ical(
                store, path, rows, labels=kinds, yearly_due=due, yearly_label=yearly_label
            )

        self.export_button.setEnabled(False)
        self.session.run(
            self,
            work,
            lambda count: self._written(path, count),
            self._failed,
            label=self.tr("Writing the calendar file…"),
        )

    def _written(self, path: Path, count: int) -> None:
        self.written = path
        self.export_button.setEnabled(True)
        self.status.setText(
            self.tr("%n event(s) written to {file} (not encrypted).", "", count).format(
                file=path.name
            )
        )
        set_state(self.status, "ok")

    def _failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.status.setText(error_text(exc))
        set_state(self.status, "error")

    def clear_for_lock(self) -> None:
        self.status.clear()
