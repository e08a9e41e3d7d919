"""The audit log view: filter by date, action and user; verify the chain; export for
logguppföljning. Every store call (entries, verify, export) runs on the store worker.

The export writes the store's own JSON-lines format (``store.audit.export``) to a file the
caseworker chooses; the export itself is written to the audit log.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import cmp_to_key
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QCollator,
    QCoreApplication,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStandardPaths,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from storage.vault.audit import AuditEntry
from ui.kit.audit_details import details_text
from ui.kit.audit_text import (
    ACTIONS,
    action_text,
    action_tooltip,
    actor_text,
    describe,
    subject_text,
)
from ui.kit.tables import Cell, TableModel, use_eliding_header
from ui.kit.windows import fit_to_screen
from ui.runtime.session_api import SessionAPI

ROW_LIMIT = 5000
_Index = QModelIndex | QPersistentModelIndex


def _audit_headers() -> list[str]:
    return [
        QCoreApplication.translate("AuditModel", "No."),
        QCoreApplication.translate("AuditModel", "Time"),
        QCoreApplication.translate("AuditModel", "User"),
        QCoreApplication.translate("AuditModel", "Action"),
        QCoreApplication.translate("AuditModel", "Concerns"),
        QCoreApplication.translate("AuditModel", "Details"),
    ]


def audit_row(entry: AuditEntry) -> list[str | Cell]:
    """One entry in words (ui/kit/audit_text.py); the action's code is in its tooltip."""
    return [
        Cell(str(entry.seq), tooltip="", right=True),
        Cell(_local_time(entry.ts), tooltip=""),
        Cell(actor_text(entry.actor), tooltip=""),
        Cell(describe(entry), tooltip=action_tooltip(entry)),
        Cell(subject_text(entry.subject), tooltip=""),
        details_text(entry),
    ]


class AuditModel(TableModel[AuditEntry]):
    """Audit entries (``storage.vault.audit.AuditEntry``), newest last."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(_audit_headers, audit_row, parent)


def _local_time(ts: str) -> str:
    try:
        when = dt.datetime.strptime(ts, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.UTC)
    except ValueError:
        return ts
    return when.astimezone().strftime("%Y-%m-%d %H:%M:%S")


#: Widest a column gets when fitted (px); the details (last column) take the rest.
MAX_COLUMN = {3: 320, 4: 220}


def fit_columns(table: QTableView) -> None:
    """Columns as wide as their texts, the action and subject at most :data:`MAX_COLUMN`;
    a cut text is whole in its tooltip."""
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    for column, widest in MAX_COLUMN.items():
        header.resizeSection(column, min(header.sectionSize(column), widest))


def _in_word_order(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """(text, code) pairs sorted by text as the UI language sorts (Å before Ä in Swedish)."""
    collator = QCollator()

    def compare(a: tuple[str, str], b: tuple[str, str]) -> int:
        return collator.compare(a[0], b[0]) or (a[1] > b[1]) - (a[1] < b[1])

    return sorted(pairs, key=cmp_to_key(compare))


def _utc_bound(day: QDate) -> dt.datetime:
    """Local midnight at the start of ``day`` as an aware datetime."""
    local = dt.datetime(day.year(), day.month(), day.day()).astimezone()
    return local.astimezone(dt.UTC)


class AuditView(QDialog):
    def __init__(self, session: SessionAPI, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditView")
        self.setWindowTitle(self.tr("Audit log"))
        self.session = session
        self._note = ""
        self.model = AuditModel(self)
        session.guard.register(self.model)
        session.guard.track_dialog(self)

        layout = QVBoxLayout(self)
        layout.addLayout(self._build_filters())
        layout.addWidget(self._build_table(), 1)
        layout.addWidget(self.status)
        layout.addLayout(self._build_buttons())
        fit_to_screen(self, 1180, 640)
        self.refresh()

    def _build_filters(self) -> QFormLayout:
        """Period (the last 30 days to begin with), action and user; Enter shows the entries."""
        today = QDate.currentDate()
        self.since = QDateEdit(today.addDays(-30), self)
        self.until = QDateEdit(today, self)
        for edit, name in ((self.since, "auditSince"), (self.until, "auditUntil")):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.since.setAccessibleName(self.tr("From date"))
        self.until.setAccessibleName(self.tr("To date"))
        self.action = QComboBox(self)
        self.action.setObjectName("auditAction")
        self.action.setAccessibleName(self.tr("Action"))
        self._fill_actions()
        self.actor = QLineEdit(self)
        self.actor.setObjectName("auditActor")
        self.actor.setAccessibleName(self.tr("User"))
        self.filter_button = QPushButton(self.tr("&Show"), self)
        self.filter_button.setObjectName("auditFilter")
        self.filter_button.setDefault(True)
        self.filter_button.clicked.connect(self.refresh)
        self.actor.returnPressed.connect(self.refresh)
        filters = QFormLayout()
        dates = QHBoxLayout()
        dates.addWidget(self.since)
        dates.addWidget(QLabel("–", self))
        dates.addWidget(self.until)
        dates.addStretch(1)
        filters.addRow(self.tr("Period:"), dates)
        filters.addRow(self.tr("&Action:"), self.action)
        actor_row = QHBoxLayout()
        actor_row.addWidget(self.actor, 1)
        actor_row.addWidget(self.filter_button)
        actor_label = QLabel(self.tr("&User:"), self)
        actor_label.setBuddy(self.actor)
        filters.addRow(actor_label, actor_row)
        return filters

    def _build_table(self) -> QTableView:
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Audit log entries"))
        use_eliding_header(self.table)
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.status = QLabel(self)
        self.status.setObjectName("auditStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        return self.table

    def _build_buttons(self) -> QHBoxLayout:
        self.verify_button = QPushButton(self.tr("&Verify the log"), self)
        self.verify_button.setObjectName("auditVerify")
        self.export_button = QPushButton(self.tr("&Export…"), self)
        self.export_button.setObjectName("auditExport")
        close_button = QPushButton(self.tr("Close"), self)
        self.verify_button.clicked.connect(self.verify)
        self.export_button.clicked.connect(self.export)
        close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close_button)
        return buttons

    def _fill_actions(self, found: Iterable[str] = ()) -> None:
        """Every action this version knows, and any other found in the log, in words and
        alphabetical order; the item's data is the code the filter uses."""
        codes = {self.action.itemData(i) for i in range(1, self.action.count())}
        wanted = set(ACTIONS) | set(found)
        if self.action.count() and wanted <= codes:
            return
        current = self.action.currentData()
        self.action.blockSignals(True)
        self.action.clear()
        self.action.addItem(self.tr("All events"), "")
        for text, code in _in_word_order((action_text(code), code) for code in wanted):
            self.action.addItem(text, code)
            self.action.setItemData(self.action.count() - 1, code, Qt.ItemDataRole.ToolTipRole)
        index = self.action.findData(current) if current else 0
        self.action.setCurrentIndex(max(index, 0))
        self.action.blockSignals(False)

    # ------------------------------------------------------------------ loading
    def refresh(self) -> None:
        if not self.session.is_unlocked:
            return
        since = _utc_bound(self.since.date())
        until = _utc_bound(self.until.date().addDays(1))
        action = self.action.currentData() or None
        actor = self.actor.text().strip() or None

        self.session.run(
            self,
            lambda store: store.audit.entries(since, until, action, actor, ROW_LIMIT + 1),
            self._loaded,
            label=self.tr("Reading the audit log…"),
        )

    def _loaded(self, result: object) -> None:
        rows: list[Any] = list(result)  # type: ignore[call-overload]
        self.model.set_records(rows[:ROW_LIMIT])
        fit_columns(self.table)
        self.table.scrollToBottom()  # the newest entries
        self._fill_actions({e.action for e in rows})
        if len(rows) > ROW_LIMIT:
            text = self.tr("Showing the first %n entry(ies); narrow the filter.", "", ROW_LIMIT)
        else:
            text = self.tr("%n entry(ies).", "", len(rows))
        note, self._note = self._note, ""
        self.status.setText(f"{note}\n{text}" if note else text)
        self._set_state("")

    # ------------------------------------------------------------------ verify
    def verify(self) -> None:
        self.session.run(
            self,
            lambda store: store.audit.verify(),
            self._verified,
            label=self.tr("Verifying the audit log…"),
        )

    def _verified(self, result: Any) -> None:
        if result.ok:
            self.status.setText(
                self.tr("The audit log is intact: %n entry(ies) verified.", "", result.count)
            )
            self._set_state("ok")
        else:
            lines = [self._issue_text(i.kind, i.seq) for i in result.issues]
            self.status.setText(
                self.tr("The audit log has been tampered with:") + "\n" + "\n".join(lines[:20])
            )
            self._set_state("error")

    def _set_state(self, state: str) -> None:
        self.status.setProperty("state", state)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def _issue_text(self, kind: str, seq: int) -> str:
        texts = {
            "altered": self.tr("Entry {seq} was altered."),
            "deleted": self.tr("Entry {seq} is missing (deleted)."),
            "inserted": self.tr("Entry {seq} was inserted afterwards."),
            "reordered": self.tr("Entry {seq} is out of order."),
            "renumbered": self.tr("Entry {seq} has a changed number."),
            "head": self.tr("The log's head record is missing or damaged."),
        }
        return texts.get(kind, texts["altered"]).format(seq=seq)

    # ------------------------------------------------------------------ export
    def export(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = f"utvag-audit-{dt.date.today().isoformat()}.jsonl"
        # Qt's own dialog: the lock can close it, and it adds nothing to the OS's recent files
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the audit log"),
            str(Path(folder) / name),
            self.tr("Audit export (*.jsonl)"),
            options=QFileDialog.Option.DontUseNativeDialog,
        )
        if path and shiboken6.isValid(self) and self.session.is_unlocked:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Export the chosen period to ``path`` (on the worker)."""
        since = _utc_bound(self.since.date())
        until = _utc_bound(self.until.date().addDays(1))
        self.session.run(
            self,
            lambda store: store.audit.export(path, since, until),
            self._exported,
            label=self.tr("Exporting the audit log…"),
        )

    def _exported(self, result: Any) -> None:
        self._note = self.tr("Exported %n entry(ies). Head of the log: {hash}", "", result.count)
        self._note = self._note.format(hash=result.head_hash[:16])
        self.refresh()
