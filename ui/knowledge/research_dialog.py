"""The pseudonymised research extract (docs/statistics.md, "The research extract"): choose
or add a research project (name, purpose, ethics approval), a period, and where to write
the file. The extract is written only when every group of quasi-identifiers holds at least
five cases (counties and coarser dates are tried first); otherwise the reason is shown and
nothing is written. Both the project and the extract are audited.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from storage.learning import research
from storage.vault.store import Store
from ui.kit.dialogs import plain_label, save_path, set_state
from ui.kit.windows import fit_to_screen
from ui.runtime.error_dialog import error_text
from ui.runtime.session_api import SessionAPI


class ResearchExtractDialog(QDialog):
    def __init__(
        self, session: SessionAPI, start: QDate, end: QDate, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("researchExtractDialog")
        self.setWindowTitle(self.tr("Research extract"))
        self.session = session
        session.guard.register(self)
        session.guard.track_dialog(self)
        intro = plain_label(
            self.tr(
                "One row per case with a code that only this project uses instead of who it "
                "is, dates as months and a municipality as its county where a group would be "
                "small. Nothing is written if a group would still have fewer than 5 cases."
            ),
            self,
        )
        self.project = QComboBox(self)
        self.project.setObjectName("researchProject")
        self.project.setAccessibleName(self.tr("Research project"))
        self.since = QDateEdit(start, self)
        self.until = QDateEdit(end, self)
        for edit, name, text in (
            (self.since, "researchFrom", self.tr("From date")),
            (self.until, "researchTo", self.tr("To date")),
        ):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(text)
        new = QGroupBox(self.tr("New project"), self)
        self.name = QLineEdit(new)
        self.name.setAccessibleName(self.tr("Project name"))
        self.purpose = QPlainTextEdit(new)
        self.purpose.setAccessibleName(self.tr("Purpose"))
        self.purpose.setTabChangesFocus(True)
        self.purpose.setMinimumHeight(56)
        self.purpose.setMaximumHeight(80)
        self.ethics = QLineEdit(new)
        self.ethics.setAccessibleName(self.tr("Ethics approval"))
        self.add_button = QPushButton(self.tr("&Add project"), new)
        box = QFormLayout(new)
        box.addRow(self.tr("&Name:"), self.name)
        box.addRow(self.tr("P&urpose:"), self.purpose)
        box.addRow(self.tr("&Ethics approval (reference):"), self.ethics)
        box.addRow("", self.add_button)
        period = QHBoxLayout()
        period.addWidget(self.since)
        period.addWidget(QLabel("–", self))
        period.addWidget(self.until)
        period.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("&Project:"), self.project)
        form.addRow(self.tr("Period:"), period)
        self.status = plain_label("", self, "researchStatus")
        self.buttons = QDialogButtonBox(self)
        self.write = self.buttons.addButton(
            self.tr("&Write extract…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.write.setEnabled(False)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(new)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.add_button.clicked.connect(self.add_project)
        self.write.clicked.connect(self.choose_file)
        self.buttons.rejected.connect(self.reject)
        fit_to_screen(self, 620, 580)
        self.refresh()

    def refresh(self, select: int | None = None) -> None:
        def listed(found: list[research.Project]) -> None:
            self.project.clear()
            for p in found:
                self.project.addItem(f"{p.name} ({p.ethics_ref})", p.id)
            if select is not None:
                self.project.setCurrentIndex(max(self.project.findData(select), 0))
            self.write.setEnabled(bool(found))

        self.session.run(self, research.projects, listed, self._failed, progress=False)

    def add_project(self) -> None:
        name, purpose = self.name.text(), self.purpose.toPlainText()
        ethics = self.ethics.text()

        def work(store: Store) -> int:
            return research.add_project(store, name=name, purpose=purpose, ethics_ref=ethics)

        def added(project_id: int) -> None:
            for field in (self.name, self.ethics):
                field.clear()
            self.purpose.clear()
            self.status.setText(self.tr("The project was added."))
            set_state(self.status, "ok")
            self.refresh(project_id)

        self.session.run(self, work, added, self._failed, progress=False)

    def choose_file(self) -> None:
        if self.project.currentData() is None:
            return
        name = f"utvag-forskningsuttag-{self.since.date().toString('yyyy-MM-dd')}.csv"
        path = save_path(self, self.tr("Write the research extract"), name, "CSV (*.csv)")
        if path is not None and self.session.is_unlocked:
            self.write_to(path)

    def write_to(self, path: Path) -> None:
        project = self.project.currentData()
        if project is None:
            return
        start = self.since.date().toString("yyyy-MM-dd")
        end = self.until.date().toString("yyyy-MM-dd")

        def work(store: Store) -> Any:
            return research.research_extract(store, int(project), start, end, path)

        self.session.run(self, work, self._written, self._failed, label=self.tr("Checking…"))

    def _written(self, result: research.ExtractResult) -> None:
        self.status.setText(
            self.tr(
                "%n case(s) written to {file}; the smallest group has {smallest} cases.",
                "",
                result.rows,
            ).format(file=result.path.name, smallest=result.smallest)
        )
        set_state(self.status, "ok")

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(error_text(exc))
        set_state(self.status, "error")

    def clear_for_lock(self) -> None:
        self.project.clear()
        for field in (self.name, self.ethics):
            field.clear()
        self.purpose.clear()
        self.status.clear()
        self.write.setEnabled(False)
