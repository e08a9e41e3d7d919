"""Behov: the case's needs assessments — every domain's level and note of the chosen
assessment (the latest by default) and the change since the one before, the change per
domain over time as a small chart, the history of assessments, and when the next one is
due (overdue in red)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from storage.casefile.cases import get_case
from storage.caseplan.needs import need_history, needs_assessments
from storage.records import Case
from storage.records.knowledge import NeedDomain, NeedRating, NeedsAssessment
from storage.vault.store import Store
from ui.case_view.base import CaseTab, button_row, section_title
from ui.case_view.needs_chart import HIGH, NeedsChart
from ui.kit import labels, vocab
from ui.kit.tables import Cell, RecordTable, TableModel
from ui.record_dialogs.needs_dialog import NeedsAssessmentDialog
from ui.runtime.session_api import SessionAPI


@dataclass(frozen=True)
class NeedsData:
    case: Case
    assessments: list[NeedsAssessment]
    history: dict[NeedDomain, list[tuple[dt.date, int]]]


class NeedsTab(CaseTab):
    def __init__(self, session: SessionAPI, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("needsTab")
        self.data: NeedsData | None = None
        self._previous: dict[NeedDomain, int] = {}
        self.heading = section_title(parent=self)
        self.due = QLabel(self)
        self.due.setObjectName("needsDue")
        self.due.setWordWrap(True)
        self.due.setTextFormat(Qt.TextFormat.PlainText)
        self.ratings_model: TableModel[NeedRating] = TableModel(
            lambda: [self.tr("Domain"), self.tr("Level"), self.tr("Change"), self.tr("Note")],
            self._rating_row,
            self,
        )
        self.ratings = RecordTable(
            "needsRatings", self.ratings_model, self, stretch=(3,), wrap=False
        )
        self.chart_title = section_title(parent=self)
        self.chart = NeedsChart(self)
        self.history_title = section_title(parent=self)
        self.history_model: TableModel[NeedsAssessment] = TableModel(
            lambda: [
                self.tr("Assessed"),
                self.tr("Occasion"),
                self.tr("By"),
                self.tr("High needs"),
                self.tr("Next by"),
            ],
            self._assessment_row,
            self,
        )
        self.history = RecordTable("needsHistory", self.history_model, self, stretch=(2,))
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("addNeedsButton")

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.ratings, 1)
        middle = QWidget(self)
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self.chart_title)
        middle_layout.addWidget(self.chart, 1)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.history_title)
        bottom_layout.addWidget(self.history, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setObjectName("needsSplit")
        split.setChildrenCollapsible(False)
        for part in (top, middle, bottom):
            split.addWidget(part)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 4)
        split.setStretchFactor(2, 2)
        split.setSizes([240, 280, 150])
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.due)
        layout.addWidget(split, 1)
        layout.addLayout(button_row(self.add_button))
        self.history.selectionModel().currentRowChanged.connect(self._chosen)
        self.add_button.clicked.connect(self.new_assessment)
        session.guard.register(self.ratings_model)
        session.guard.register(self.history_model)
        session.guard.register(self.chart)
        self.retranslate()
        self.clear_view()

    def title(self) -> str:
        return self.tr("Needs")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Needs assessment"))
        self.chart_title.setText(self.tr("Change per domain over time (0–4)"))
        self.history_title.setText(self.tr("Assessments"))
        self.add_button.setText(self.tr("&New needs assessment…"))
        self.ratings.setAccessibleName(self.tr("Ratings of the chosen assessment"))
        self.history.setAccessibleName(self.tr("Assessments"))
        if self.data is not None:
            self.show_data(self.data)

    @staticmethod
    def fetch(store: Store, case_id: int) -> NeedsData:
        return NeedsData(
            get_case(store, case_id),
            needs_assessments(store, case_id),
            need_history(store, case_id),
        )

    def show_data(self, data: NeedsData) -> None:
        self.data = data
        self.history_model.set_records(list(reversed(data.assessments)))
        self.chart.set_history(data.history)
        self._show_due(data)
        self.add_button.setEnabled(True)
        if self.history.currentIndex().isValid():
            self._chosen(self.history.currentIndex(), QModelIndex())
        elif data.assessments:
            self.history.selectRow(0)
        else:
            self._show_ratings(None)

    def _show_due(self, data: NeedsData) -> None:
        latest = data.assessments[-1] if data.assessments else None
        overdue = False
        if latest is None:
            text = self.tr("No needs assessment yet: make one at intake.")
        elif latest.next_review_on is None or data.case.is_closed:
            text = self.tr("Latest assessment {day} ({occasion}).").format(
                day=labels.day(latest.assessed_on), occasion=vocab.text(latest.occasion)
            )
        else:
            overdue = latest.next_review_on < dt.date.today()
            template = (
                self.tr("Latest assessment {day} ({occasion}). A new assessment was due {due}.")
                if overdue
                else self.tr("Latest assessment {day} ({occasion}). Next assessment by {due}.")
            )
            text = template.format(
                day=labels.day(latest.assessed_on),
                occasion=vocab.text(latest.occasion),
                due=labels.day(latest.next_review_on),
            )
        self.due.setText(text)
        self.due.setProperty("overdue", overdue)
        self.due.setStyleSheet(f"color: {HIGH.name()};" if overdue else "")

    def _chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = self.history_model.record(current.row()) if current.isValid() else None
        self._show_ratings(item)

    def _show_ratings(self, item: NeedsAssessment | None) -> None:
        self._previous = {}
        if item is not None and self.data is not None:
            older = [
                a
                for a in self.data.assessments
                if (a.assessed_on, a.id) < (item.assessed_on, item.id)
            ]
            if older:
                self._previous = {r.domain: r.level.score for r in older[-1].ratings}
        self.ratings_model.set_records(list(item.ratings) if item is not None else [])

    def _rating_row(self, rating: NeedRating) -> list[str | Cell]:
        score = rating.level.score
        before = self._previous.get(rating.domain)
        if before is None or before == score:
            change = Cell(labels.EMPTY if before is None else "=", self.tr("No change"))
        elif score < before:
            change = Cell(f"↓ {before}→{score}", self.tr("Lower need than before"))
        else:
            change = Cell(f"↑ {before}→{score}", self.tr("Higher need than before"))
        level = f"{score} – {vocab.text(rating.level)}"
        return [
            vocab.text(rating.domain),
            Cell(level, foreground=QColor(HIGH) if rating.level.is_high else None),
            change,
            rating.note or "",
        ]

    def _assessment_row(self, item: NeedsAssessment) -> list[str | Cell]:
        high = item.high
        return [
            labels.day(item.assessed_on),
            vocab.text(item.occasion),
            item.assessed_by,
            Cell(
                self.tr("%n domain(s)", "", len(high)),
                ", ".join(vocab.text(d) for d in high) or None,
            ),
            labels.day(item.next_review_on),
        ]

    def clear_view(self) -> None:
        self.data = None
        self.ratings_model.set_records([])
        self.history_model.set_records([])
        self.chart.set_history({})
        self.due.clear()
        self.add_button.setEnabled(False)

    def new_assessment(self) -> None:
        if self.case_id is None or self.data is None:
            return
        latest = self.data.assessments[-1] if self.data.assessments else None
        self.open_dialog(
            NeedsAssessmentDialog(
                self.session,
                self.case_id,
                latest,
                closed=self.data.case.is_closed,
                parent=self,
            )
        )
