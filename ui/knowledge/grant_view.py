"""Statsbidrag: the summary for the application (suppressed tables, exportable) and, for
the unit's own work, one masked row per case with its criteria; each case's checklist of
the police's criteria can be opened and confirmed (or denied) by hand, with a note.

The per-case rows are never exported (storage/statistics/grants.py); the checklist dialog confirms
through :func:`storage.statistics.grants.confirm_criterion` (audited, history kept).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from storage.casefile.summaries import case_summary
from storage.statistics.grants import (
    Criterion,
    confirm_criterion,
    grant_checklist,
)
from storage.vault.store import Store
from ui.kit import (
    labels,
    vocab,
)
from ui.kit.dialogs import (
    plain_label,
    quiet_buttons,
    set_state,
)
from ui.kit.tables import Cell, RecordTable, TableModel
from ui.kit.windows import fit_to_screen
from ui.knowledge.stats_widgets import TablesPane
from ui.runtime.session_api import SessionAPI


class GrantPane(QWidget):
    def __init__(self, session: SessionAPI, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.tables = TablesPane(self)
        self.cases_model: TableModel[Any] = TableModel(
            lambda: [
                self.tr("Case"),
                self.tr("Municipality"),
                self.tr("Criteria met"),
                self.tr("All met"),
                self.tr("State grant cost"),
            ],
            lambda r: [
                r.label,
                r.municipality,
                f"{len(r.met)}/{len(Criterion)}",
                labels.yes_no(r.all_met),
                Cell(labels.sek(r.grant_cost_sek), right=True),
            ],
            self,
        )
        self.cases = RecordTable("grantCases", self.cases_model, self, wrap=False)
        self.checklist_button = QPushButton(self.tr("&Checklist…"), self)
        self.checklist_button.setObjectName("grantChecklist")
        note = plain_label(
            self.tr("Per case, for the unit's own work only: never exported."), self, "hint"
        )
        lower = QWidget(self)
        box = QVBoxLayout(lower)
        box.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(note, 1)
        row.addWidget(self.checklist_button)
        box.addWidget(self.cases, 1)
        box.addLayout(row)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.tables)
        split.addWidget(lower)
        split.setSizes([460, 220])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.cases.selectionModel().selectionChanged.connect(self._update)
        self.cases.doubleClicked.connect(lambda *_: self.open_checklist())
        self.checklist_button.clicked.connect(self.open_checklist)
        self._update()

    def set_summary(self, summary: Any) -> None:
        self.tables.set_tables(list(summary.tables))
        self.cases_model.set_records(list(summary.cases))
        self._update()

    def clear_for_lock(self) -> None:
        self.tables.clear_for_lock()
        self.cases_model.set_records([])
        self._update()

    def selected_case(self) -> int | None:
        picked = self.cases.current_record()
        return None if picked is None else int(picked.case_id)

    def _update(self) -> None:
        self.checklist_button.setEnabled(self.selected_case() is not None)

    def open_checklist(self) -> None:
        case_id = self.selected_case()
        if case_id is None:
            return
        dialog = GrantChecklistDialog(self.session, case_id, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()


class GrantChecklistDialog(QDialog):
    """The police's criteria for one case: met or not, from the case file or by hand."""

    def __init__(self, session: SessionAPI, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("grantChecklistDialog")
        self.setWindowTitle(self.tr("State grant criteria"))
        self.session = session
        self.case_id = case_id
        session.guard.track_dialog(self)
        self.heading = plain_label("", self, "panelTitle")
        self.model: TableModel[Any] = TableModel(
            lambda: [
                self.tr("Criterion"),
                self.tr("Met"),
                self.tr("Source"),
                self.tr("Notes"),
            ],
            lambda i: [
                vocab.text(i.criterion),
                labels.yes_no(i.met),
                self._source(i),
                (i.confirmation.note or "") if i.confirmation else (i.evidence or ""),
            ],
            self,
        )
        self.table = RecordTable("criteriaTable", self.model, self, stretch=(0, 3))
        self.table.setAccessibleName(self.tr("Grant criteria"))
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("criterionNote")
        self.note.setMaximumHeight(70)
        self.note.setPlaceholderText(self.tr("Note for the confirmation (optional)"))
        self.note.setAccessibleName(self.tr("Note"))
        self.met_button = QPushButton(self.tr("Confirm &met"), self)
        self.met_button.setObjectName("criterionMet")
        self.not_met_button = QPushButton(self.tr("Mark &not met"), self)
        self.not_met_button.setObjectName("criterionNotMet")
        self.status = plain_label("", self, "checklistStatus")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.met_button)
        row.addWidget(self.not_met_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addLayout(row)
        layout.addWidget(close)
        close.rejected.connect(self.reject)
        self.met_button.clicked.connect(lambda: self.confirm(True))
        self.not_met_button.clicked.connect(lambda: self.confirm(False))
        self.table.selectionModel().selectionChanged.connect(self._update)
        fit_to_screen(self, 860, 460)
        quiet_buttons(self)
        self.reload()

    def reload(self) -> None:
        case_id = self.case_id

        def work(store: Store) -> tuple[str, Any]:
            return case_summary(store, case_id).label, grant_checklist(store, case_id)

        self.session.run(self, work, self._loaded, progress=False)

    def _loaded(self, result: tuple[str, Any]) -> None:
        label, checklist = result
        self.heading.setText(label)
        self.model.set_records(list(checklist.items))
        all_met = checklist.all_met
        self.status.setText(
            self.tr("All criteria are met.") if all_met else self.tr("Not all criteria are met.")
        )
        set_state(self.status, "ok" if all_met else "warning")
        self._update()

    def _source(self, item: Any) -> str:
        c = item.confirmation
        if c is not None:
            return self.tr("by hand: {who}, {when}").format(
                who=c.confirmed_by, when=labels.local_time(c.confirmed_at)
            )
        if item.source == "data":
            return self.tr("from the case file")
        return self.tr("manual only") if item.derived is None else labels.EMPTY

    def selected(self) -> Any | None:
        return self.table.current_record()

    def _update(self) -> None:
        picked = self.selected() is not None
        self.met_button.setEnabled(picked)
        self.not_met_button.setEnabled(picked)

    def confirm(self, met: bool) -> None:
        item = self.selected()
        if item is None:
            return
        case_id, criterion = self.case_id, item.criterion
        note = self.note.toPlainText().strip() or None
        self.session.run(
            self,
            lambda store: confirm_criterion(store, case_id, criterion, met=met, note=note),
            lambda _r: self._confirmed(),
            progress=False,
        )

    def _confirmed(self) -> None:
        self.note.clear()
        self.reload()
