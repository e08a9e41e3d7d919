"""Statistics and the statsbidrag summary: period and municipality, tables with hidden
cells, bar charts, export as CSV or PDF.

Everything shown comes from :func:`storage.statistics.tables.compute_stats` and
:func:`storage.statistics.grant_summary.grant_summary`, decided against every earlier export
of the store (the grant summary also against the statistics beside it), so the screen shows
what an export would publish. A period off the grid is widened to whole months, quarters,
half-years or years, and the notice under the dates says so and why (as it says when the
data are fictional demo data, or earlier exports hide more). The export writes exactly what
the screen shows, through :func:`storage.statistics.export.save_export` (checked again,
recorded in the ledger, atomic, mode 0600, audited); when the numbers changed meanwhile it
refuses and asks to show them again. The PDF is drawn by a renderer that desktop/ hands in
(``pdf_renderer(report) -> bytes``); without one, only CSV is offered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from storage.statistics.export import (
    report_csv,
    save_export,
)
from storage.statistics.grant_summary import grant_summary
from storage.statistics.knowledge import KEYS as KNOWLEDGE_KEYS
from storage.statistics.notices import notices
from storage.statistics.tables import compute_stats
from storage.vault.store import Store
from ui.kit.dialogs import (
    plain_label,
    save_path,
    set_state,
)
from ui.kit.windows import fit_to_screen
from ui.knowledge.grant_view import GrantPane
from ui.knowledge.national_dialog import NationalReportDialog
from ui.knowledge.research_dialog import ResearchExtractDialog
from ui.knowledge.stats_widgets import TablesPane
from ui.runtime.error_dialog import error_text
from ui.runtime.session_api import SessionAPI

PdfRenderer = Callable[[Any], bytes]


class StatsView(QDialog):
    def __init__(
        self,
        session: SessionAPI,
        parent: QWidget | None = None,
        *,
        pdf_renderer: PdfRenderer | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("statsView")
        self.setWindowTitle(self.tr("Statistics and state grant"))
        self.session = session
        self.pdf_renderer = pdf_renderer
        self.reports: tuple[Any, Any] | None = None
        session.guard.register(self)
        session.guard.track_dialog(self)
        year = dt.date.today().year
        self.since = QDateEdit(QDate(year, 1, 1), self)
        self.until = QDateEdit(QDate.currentDate(), self)
        for edit, name in ((self.since, "statsFrom"), (self.until, "statsTo")):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.since.setAccessibleName(self.tr("From date"))
        self.until.setAccessibleName(self.tr("To date"))
        self.municipality = QComboBox(self)
        self.municipality.setObjectName("statsMunicipality")
        self.municipality.setEditable(True)
        self.municipality.addItem(self.tr("All municipalities"), None)
        self.municipality.setAccessibleName(self.tr("Municipality"))
        self.compute_button = QPushButton(self.tr("&Show"), self)
        self.compute_button.setDefault(True)
        self.csv_button = QPushButton(self.tr("Export &CSV…"), self)
        self.pdf_button = QPushButton(self.tr("Export &PDF…"), self)
        self.pdf_button.setVisible(pdf_renderer is not None)
        self.tabs = QTabWidget(self)
        self.stats = TablesPane(self)
        self.knowledge = TablesPane(self)
        self.knowledge.setObjectName("knowledgeTables")
        self.grant = GrantPane(session, self)
        self.tabs.addTab(self.stats, self.tr("&Statistics"))
        self.tabs.addTab(self.knowledge, self.tr("Needs, &methods and outcomes"))
        self.tabs.addTab(self.grant, self.tr("State &grant"))
        self.legend = plain_label(
            self.tr(
                "– hidden: fewer than 5 cases, or hidden so that nothing shown here or in an "
                "earlier export can reveal a group of fewer than 5. No names, birth dates or "
                "groups are counted; demo cases are left out."
            ),
            self,
            "hint",
        )
        self.notice = plain_label("", self, "statsNotice")
        self.notice.setVisible(False)
        self.status = plain_label("", self, "statsStatus")
        self.national_button = QPushButton(self.tr("&National report…"), self)
        self.national_button.setObjectName("nationalReportButton")
        self.national_button.setToolTip(
            self.tr("Send this period's tables to a coordinator, signed and encrypted")
        )
        self.research_button = QPushButton(self.tr("&Research extract…"), self)
        self.research_button.setObjectName("researchExtractButton")
        close = QPushButton(self.tr("Close"), self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Period:"), self))
        top.addWidget(self.since)
        top.addWidget(QLabel("–", self))
        top.addWidget(self.until)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("Municipality:"), self))
        top.addWidget(self.municipality, 1)
        top.addWidget(self.compute_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.research_button)
        bottom.addWidget(self.national_button)
        bottom.addWidget(self.csv_button)
        bottom.addWidget(self.pdf_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.legend)
        layout.addLayout(bottom)
        self.compute_button.clicked.connect(self.compute)
        self.csv_button.clicked.connect(lambda: self.choose_export("csv"))
        self.pdf_button.clicked.connect(lambda: self.choose_export("pdf"))
        self.national_button.clicked.connect(self.open_national)
        self.research_button.clicked.connect(self.open_research)
        close.clicked.connect(self.reject)
        self._update()
        fit_to_screen(self, 1100, 780)

    def _update(self) -> None:
        for button in (self.csv_button, self.pdf_button):
            button.setEnabled(self.reports is not None)

    # ------------------------------------------------------------------ computing
    def compute(self) -> None:
        start, end = (
            self.since.date().toString("yyyy-MM-dd"),
            self.until.date().toString("yyyy-MM-dd"),
        )
        text = self.municipality.currentText().strip()
        muni = None if not text or text == self.municipality.itemText(0) else text

        def work(store: Store) -> tuple[Any, Any]:
            stats = compute_stats(store, start, end, muni)
            return stats, grant_summary(store, start, end, muni, pending=[stats.draft])

        self.session.run(self, work, self._computed, self._failed, label=self.tr("Counting…"))

    def _computed(self, reports: tuple[Any, Any]) -> None:
        self.reports = reports
        stats, grant = reports
        self.stats.set_tables([t for t in stats.tables if t.key not in KNOWLEDGE_KEYS])
        self.knowledge.set_tables(
            sorted(
                (t for t in stats.tables if t.key in KNOWLEDGE_KEYS),
                key=lambda t: KNOWLEDGE_KEYS.index(t.key),
            )
        )
        self.grant.set_summary(grant)
        known = {self.municipality.itemText(i) for i in range(self.municipality.count())}
        current = self.municipality.currentText()
        for name in stats.tables[0].columns[:-1] if stats.tables else ():
            if name not in known:
                self.municipality.addItem(name, name)
        self.municipality.setCurrentText(current)
        self.show_notices(stats)
        self.status.setText(
            self.tr("{start} – {end}, {where}.").format(
                start=stats.start.isoformat(),
                end=stats.end.isoformat(),
                where=stats.municipality or self.tr("all municipalities"),
            )
        )
        set_state(self.status, "")
        self._update()

    def show_notices(self, report: Any) -> None:
        """The sentences that say how the period and the numbers were chosen."""
        lines = [
            QCoreApplication.translate("Statistics", n.text, None, n.n).format(**n.params)
            for n in notices(report)
        ]
        self.notice.setText("\n".join(lines))
        self.notice.setVisible(bool(lines))
        set_state(self.notice, "warning" if report.snapped else "")
        if report.snapped:  # show the period the numbers are for
            self.since.setDate(QDate(report.start.year, report.start.month, report.start.day))
            self.until.setDate(QDate(report.end.year, report.end.month, report.end.day))

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(error_text(exc))
        set_state(self.status, "error")

    def clear_for_lock(self) -> None:
        self.reports = None
        self.stats.clear_for_lock()
        self.knowledge.clear_for_lock()
        self.grant.clear_for_lock()
        self.status.clear()
        self.notice.clear()
        self.notice.setVisible(False)
        self._update()

    # ------------------------------------------------------------------ export
    def open_national(self) -> None:
        """The national report of the period shown in the date fields."""
        dialog = NationalReportDialog(
            self.session,
            self.since.date().toString("yyyy-MM-dd"),
            self.until.date().toString("yyyy-MM-dd"),
            self,
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def open_research(self) -> None:
        dialog = ResearchExtractDialog(self.session, self.since.date(), self.until.date(), self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def current_report(self) -> Any | None:
        if self.reports is None:
            return None
        return self.reports[1] if self.tabs.currentWidget() is self.grant else self.reports[0]

    def choose_export(self, fmt: str) -> None:
        report = self.current_report()
        if report is None:
            return
        kind = "statsbidrag" if report.kind == "grant" else "statistik"
        name = f"utvag-{kind}-{report.start.isoformat()}-{report.end.isoformat()}.{fmt}"
        pattern = self.tr("CSV file (*.csv)") if fmt == "csv" else self.tr("PDF file (*.pdf)")
        path = save_path(self, self.tr("Export the statistics"), name, pattern)
        if path is not None and self.session.is_unlocked:
            self.export_to(path, fmt)

    def export_to(self, path: Path, fmt: str) -> None:
        report = self.current_report()
        if report is None:
            return
        if fmt == "pdf":
            if self.pdf_renderer is None:
                return
            try:
                data = self.pdf_renderer(report)  # drawn on the GUI thread; no store access
            except Exception as exc:  # noqa: BLE001 - shown like any failed operation
                self._failed(exc)
                return
        else:
            data = report_csv(report).encode("utf-8")
        self.session.run(
            self,
            lambda store: save_export(store, report, path, data, fmt),
            self._exported,
            self._failed,
            label=self.tr("Exporting…"),
        )

    def _exported(self, result: Any) -> None:
        self.status.setText(self.tr("Exported to {file}.").format(file=result.path.name))
        set_state(self.status, "ok")
