"""Coordinator mode: national reports received from the units, and the national tables
merged from them (docs/national-report.md, "At the coordinator").

*Receive report…* opens a bundle: it is verified (signed by a verified contact, addressed
to us, not expired, not replayed), read strictly and kept — or refused with the reason and
nothing stored. For a period, *Merge* shows the national tables (the latest report of each
sender, a cell published only where every source published it, the threshold applied
again) with their charts; *Export CSV…* / *Export PDF…* write them, recorded and audited.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from storage.atomic import atomic_write_bytes
from storage.learning import coordinator
from storage.vault.store import Store
from sync.report.national import receive_national_report
from ui.kit.dialogs import open_path, plain_label, save_path, set_state
from ui.kit.windows import fit_to_screen
from ui.knowledge.stats_widgets import TablesPane
from ui.runtime.error_dialog import error_text
from ui.runtime.session_api import SessionAPI

PdfRenderer = Callable[..., bytes]


class CoordinatorView(QDialog):
    def __init__(
        self,
        session: SessionAPI,
        parent: QWidget | None = None,
        *,
        pdf_renderer: PdfRenderer | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("coordinatorView")
        self.setWindowTitle(self.tr("National coordination"))
        self.session = session
        self.pdf_renderer = pdf_renderer
        self.merged: coordinator.NationalTables | None = None
        session.guard.register(self)
        session.guard.track_dialog(self)
        self.receive_button = QPushButton(self.tr("&Receive report…"), self)
        self.receive_button.setObjectName("coordinatorReceive")
        year = dt.date.today().year - 1
        self.since = QDateEdit(QDate(year, 1, 1), self)
        self.until = QDateEdit(QDate(year, 12, 31), self)
        for edit, name, text in (
            (self.since, "coordinatorFrom", self.tr("From date")),
            (self.until, "coordinatorTo", self.tr("To date")),
        ):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(text)
        self.merge_button = QPushButton(self.tr("&Merge"), self)
        self.merge_button.setObjectName("coordinatorMerge")
        self.merge_button.setDefault(True)
        self.csv_button = QPushButton(self.tr("Export &CSV…"), self)
        self.pdf_button = QPushButton(self.tr("Export &PDF…"), self)
        self.pdf_button.setVisible(pdf_renderer is not None)
        self.reports = QListWidget(self)
        self.reports.setObjectName("coordinatorReports")
        self.reports.setAccessibleName(self.tr("Received reports"))
        self.reports.setWordWrap(True)
        self.tables = TablesPane(self)
        self.legend = plain_label(
            self.tr(
                "Each number is the sum of the units' published numbers; where a unit hid "
                "its number, the sum is hidden too (–). No unit's hidden number can be worked "
                "out from these tables. Only reports of exactly the chosen period are "
                "merged; methods are added up by their code, and a method your register "
                "does not hold stays a row of its own for the unit that reported it."
            ),
            self,
            "hint",
        )
        self.status = plain_label("", self, "coordinatorStatus")
        close = QPushButton(self.tr("Close"), self)
        top = QHBoxLayout()
        top.addWidget(self.receive_button)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("Period:"), self))
        top.addWidget(self.since)
        top.addWidget(QLabel("–", self))
        top.addWidget(self.until)
        top.addWidget(self.merge_button)
        top.addStretch(1)
        left = QWidget(self)
        box = QVBoxLayout(left)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(plain_label(self.tr("Received reports"), left, "panelTitle"))
        box.addWidget(self.reports)
        split = QSplitter(self)
        split.addWidget(left)
        split.addWidget(self.tables)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([190, 900])
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.csv_button)
        bottom.addWidget(self.pdf_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.legend)
        layout.addLayout(bottom)
        self.receive_button.clicked.connect(self.choose_report)
        self.merge_button.clicked.connect(self.merge)
        self.csv_button.clicked.connect(lambda: self.choose_export("csv"))
        self.pdf_button.clicked.connect(lambda: self.choose_export("pdf"))
        close.clicked.connect(self.reject)
        self._update()
        fit_to_screen(self, 1100, 760)
        self.refresh()

    def _update(self) -> None:
        for button in (self.csv_button, self.pdf_button):
            button.setEnabled(self.merged is not None)

    # ------------------------------------------------------------------ received
    def refresh(self) -> None:
        self.session.run(self, coordinator.received, self._listed, self._failed, progress=False)

    def _listed(self, found: list[coordinator.Received]) -> None:
        self.reports.clear()
        for r in found:
            self.reports.addItem(
                self.tr("{municipality} ({unit}), {start} – {end}").format(
                    municipality=r.municipality, unit=r.unit, start=r.start, end=r.end
                )
            )
        if not found:
            self.reports.addItem(self.tr("No reports received yet."))

    def choose_report(self) -> None:
        path = open_path(self, self.tr("Receive a national report"), "Utväg (*.utvag)")
        if path is not None and self.session.is_unlocked:
            self.receive(path)

    def receive(self, path: Path) -> None:
        self.session.run(
            self,
            lambda store: receive_national_report(store, path),
            self._received,
            self._failed,
            label=self.tr("Verifying…"),
        )

    def _received(self, _row_id: int) -> None:
        self.status.setText(self.tr("The report was verified and received."))
        set_state(self.status, "ok")
        self.refresh()

    # ------------------------------------------------------------------ merging
    def merge(self) -> None:
        start = self.since.date().toPython()
        end = self.until.date().toPython()
        assert isinstance(start, dt.date) and isinstance(end, dt.date)

        def work(store: Store) -> coordinator.NationalTables:
            return coordinator.merge(store, start, end)

        self.session.run(self, work, self._merged, self._failed, label=self.tr("Merging…"))

    def _merged(self, merged: coordinator.NationalTables) -> None:
        self.merged = merged
        self.tables.set_tables(list(merged.tables))
        text = self.tr(
            "{start} – {end}: national tables from %n report(s).", "", len(merged.sources)
        ).format(start=merged.start, end=merged.end)
        if merged.left_out:
            other = ", ".join(f"{r.municipality} {r.start} – {r.end}" for r in merged.left_out)
            text += " " + self.tr(
                "Not combined: %n report(s) of other periods ({reports}).",
                "",
                len(merged.left_out),
            ).format(reports=other)
        self.status.setText(text)
        set_state(self.status, "")
        self._update()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(error_text(exc))
        set_state(self.status, "error")

    def clear_for_lock(self) -> None:
        self.merged = None
        self.tables.clear_for_lock()
        self.reports.clear()
        self.status.clear()
        self._update()

    # ------------------------------------------------------------------ export
    def choose_export(self, fmt: str) -> None:
        merged = self.merged
        if merged is None:
            return
        name = f"utvag-nationella-tabeller-{merged.start}-{merged.end}.{fmt}"
        pattern = self.tr("CSV file (*.csv)") if fmt == "csv" else self.tr("PDF file (*.pdf)")
        path = save_path(self, self.tr("Export the national tables"), name, pattern)
        if path is not None and self.session.is_unlocked:
            self.export_to(path, fmt)

    def export_to(self, path: Path, fmt: str) -> None:
        merged = self.merged
        if merged is None:
            return
        if fmt == "pdf":
            if self.pdf_renderer is None:
                return
            data = self.pdf_renderer(merged, self.tr("National tables"))
        else:
            data = coordinator.national_csv(merged).encode("utf-8")
        digest = hashlib.sha256(data).hexdigest()

        def work(store: Store) -> Any:
            with store.transaction():
                coordinator.record_release(store, merged, fmt=fmt, sha256=digest)
                atomic_write_bytes(path, data)
            return path

        self.session.run(self, work, self._exported, self._failed, label=self.tr("Exporting…"))

    def _exported(self, path: Path) -> None:
        self.status.setText(self.tr("Exported to {file}.").format(file=path.name))
        set_state(self.status, "ok")
