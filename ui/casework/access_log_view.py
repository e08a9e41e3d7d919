"""Loggkontroll: who has opened which case, and when — under *Verktyg › Loggkontroll…* and
from a case's Logg part (*Vem har öppnat ärendet?*, filtered by that case).

The entries come from ``storage.casefile.access_log.access_log`` on the store worker,
filtered by case (a case number: a weeded case can still be asked for), by user and by
period, by default only the entries that read a case (opened, protected detail shown,
working on the case, document opened, looked up by personnummer). They are shown in words,
like the audit log (ui/kit/audit_text.py). *Exportera CSV…* warns that the file is not
encrypted, then writes it through the core (``export_access_log``: atomic, mode 0600,
audited ``access_log.export``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from storage.casefile.access_log import AccessEntry, access_log, export_access_log, users
from storage.vault.audit import AuditEntry
from storage.vault.store import Store
from ui.kit.dialogs import ask, plain_label, quiet_buttons, save_path, set_state
from ui.kit.tables import RecordTable
from ui.kit.windows import fit_to_screen
from ui.runtime.error_dialog import error_text
from ui.runtime.session_api import SessionAPI
from ui.window.audit_view import AuditModel, fit_columns

#: Rows shown at most (the newest); the export has them all.
ROW_LIMIT = 5000
#: The periods offered: days back from today (None: the whole log).
PERIODS = (30, 365, None)


@dataclass(frozen=True)
class AccessRows:
    entries: list[AccessEntry]
    users: list[str]


def as_audit_entry(entry: AccessEntry) -> AuditEntry:
    """An access-log entry in the audit view's shape, for the same words."""
    return AuditEntry(
        entry.seq, entry.ts, entry.actor, entry.action, entry.case_number, entry.details, "", ""
    )


def period_text(days: int | None) -> str:
    if days is None:
        return QCoreApplication.translate("AccessLogView", "The whole log")
    return AccessPeriod().text(days)


class AccessPeriod(QObject):
    """The period's words with a plural form (the class name is their context)."""

    def text(self, days: int) -> str:
        return self.tr("The last %n day(s)", "", days)


class AccessLogView(QDialog):
    def __init__(
        self, session: SessionAPI, parent: QWidget | None = None, *, case_number: str = ""
    ) -> None:
        super().__init__(parent)
        self.setObjectName("accessLogView")
        self.setWindowTitle(self.tr("Access log"))
        self.session = session
        self.entries: list[AccessEntry] = []
        self.shown_filter: tuple[str | None, str | None] = (None, None)
        session.guard.register(self)
        session.guard.track_dialog(self)
        self.case = QLineEdit(case_number, self)
        self.case.setObjectName("accessCase")
        self.case.setPlaceholderText(self.tr("Case number, e.g. UV-2026-0001; empty: every case"))
        self.case.setAccessibleName(self.tr("Case"))
        self.user = QComboBox(self)
        self.user.setObjectName("accessUser")
        self.user.setAccessibleName(self.tr("User"))
        self.user.addItem(self.tr("Every user"), None)
        self.period = QComboBox(self)
        self.period.setObjectName("accessPeriod")
        self.period.setAccessibleName(self.tr("Period"))
        for days in PERIODS:
            self.period.addItem(period_text(days), days)
        self.period.setCurrentIndex(len(PERIODS) - 1 if case_number else 0)
        self.reads_only = QCheckBox(self.tr("Only &reading a case (not changes)"), self)
        self.reads_only.setObjectName("accessReadsOnly")
        self.reads_only.setChecked(True)
        self.show_button = QPushButton(self.tr("&Show"), self)
        self.show_button.setObjectName("accessShow")
        self.show_button.setDefault(True)
        self.model = AuditModel(self)
        session.guard.register(self.model)
        self.table = RecordTable("accessTable", self.model, self, fit=False, wrap=False)
        self.table.setAccessibleName(self.tr("Access log entries"))
        self.status = plain_label("", self, "accessStatus")
        self.export_button = QPushButton(self.tr("&Export CSV…"), self)
        self.export_button.setObjectName("accessExport")
        close = QPushButton(self.tr("Close"), self)
        form = QFormLayout()
        form.addRow(self.tr("&Case:"), self.case)
        form.addRow(self.tr("&User:"), self.user)
        period_row = QHBoxLayout()
        period_row.addWidget(self.period)
        period_row.addWidget(self.reads_only)
        period_row.addStretch(1)
        period_row.addWidget(self.show_button)
        period_label = QLabel(self.tr("&Period:"), self)
        period_label.setBuddy(self.period)
        form.addRow(period_label, period_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                self.tr(
                    "Every opening of a case is logged with who and when, never what was read. "
                    "Use it for log follow-up; the audit log has every other event."
                ),
                self,
                "hint",
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.show_button.clicked.connect(self.refresh)
        self.case.returnPressed.connect(self.refresh)
        self.export_button.clicked.connect(self.ask_export)
        close.clicked.connect(self.reject)
        quiet_buttons(self)
        self.show_button.setDefault(True)
        fit_to_screen(self, 1100, 620)
        self.refresh()

    # ------------------------------------------------------------------ loading
    def filters(self) -> tuple[str | None, str | None, str | None, bool]:
        case = self.case.text().strip() or None
        user = self.user.currentData()
        days = self.period.currentData()
        since = None
        if days is not None:
            start = dt.datetime.now(dt.UTC) - dt.timedelta(days=int(days))
            since = start.strftime("%Y-%m-%dT%H:%M:%S")
        return case, user, since, self.reads_only.isChecked()

    def refresh(self) -> None:
        case, user, since, reads_only = self.filters()

        def work(store: Store) -> AccessRows:
            found = access_log(store, case=case, user=user, since=since, reads_only=reads_only)
            return AccessRows(found, users(store))

        self.export_button.setEnabled(False)
        self.session.run(
            self,
            work,
            lambda rows: self._loaded(rows, case, user),
            self._failed,
            label=self.tr("Reading the access log…"),
        )

    def _loaded(self, rows: AccessRows, case: str | None, user: str | None) -> None:
        self.entries = list(rows.entries)
        self.shown_filter = (case, user)
        self._fill_users(rows.users)
        shown = self.entries[-ROW_LIMIT:]
        self.model.set_records([as_audit_entry(e) for e in shown])
        fit_columns(self.table)
        self.table.scrollToBottom()
        if len(self.entries) > ROW_LIMIT:
            text = (
                self.tr("Showing the newest %n entry(ies);", "", ROW_LIMIT)
                + " "
                + self.tr("the export has all %n.", "", len(self.entries))
            )
        else:
            text = self.tr("%n entry(ies).", "", len(self.entries))
        self._say(text, "")
        self.export_button.setEnabled(bool(self.entries))

    def _fill_users(self, names: list[str]) -> None:
        current = self.user.currentData()
        known = {self.user.itemData(i) for i in range(1, self.user.count())}
        if set(names) <= known:
            return
        self.user.blockSignals(True)
        self.user.clear()
        self.user.addItem(self.tr("Every user"), None)
        for name in names:
            self.user.addItem(name, name)
        self.user.setCurrentIndex(max(self.user.findData(current), 0) if current else 0)
        self.user.blockSignals(False)

    def _failed(self, exc: BaseException) -> None:
        self._say(error_text(exc), "error")

    def _say(self, text: str, state: str) -> None:
        self.status.setText(text)
        set_state(self.status, state)

    # ------------------------------------------------------------------ export
    def ask_export(self) -> None:
        if not self.entries:
            return
        box = ask(
            self,
            self.tr("The exported file will NOT be encrypted."),
            self.tr("&Export"),
            self.choose_file,
            details=self.tr(
                "It names users and case numbers. Save it only where your organisation "
                "allows, and delete it when the log follow-up is done."
            ),
            warning=True,
            name="accessExportWarning",
        )
        self.session.guard.track_dialog(box)

    def choose_file(self) -> None:
        name = f"utvag-atkomstlogg-{dt.date.today().isoformat()}.csv"
        path = save_path(self, self.tr("Export the access log"), name, self.tr("CSV file (*.csv)"))
        if path is not None and self.session.is_unlocked:
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        entries = list(self.entries)
        case, user = self.shown_filter
        if case is not None and entries:  # the number as the log has it, not as typed
            case = entries[0].case_number
        self.session.run(
            self,
            lambda store: export_access_log(store, path, entries, case=case, user=user),
            lambda count: self._say(
                self.tr("%n entry(ies) exported (not encrypted) to {file}.", "", count).format(
                    file=path.name
                ),
                "ok",
            ),
            self._failed,
            label=self.tr("Exporting the access log…"),
        )

    # ------------------------------------------------------------------ lock
    def clear_for_lock(self) -> None:
        self.entries = []
        self.model.set_records([])
        self.status.clear()
        self.case.setText("")
