"""A needs assessment (behovsbedömning): every domain rated on the scale, with a note each,
and when, by whom and on which occasion; the next assessment is due six months later unless
another date is given. The domains sit in a grid that scrolls on a small screen."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QWidget,
)

from storage.caseplan.needs import add_needs_assessment
from storage.records.knowledge import AssessmentOccasion, NeedDomain, NeedLevel, NeedsAssessment
from ui.kit import vocab
from ui.record_dialogs.form import CHOICE, DATE, MULTILINE, TEXT, Field, RecordDialog
from ui.runtime.session_api import SessionAPI


class NeedsAssessmentDialog(RecordDialog):
    """``previous``: the latest assessment, whose levels the form starts from."""

    def __init__(
        self,
        session: SessionAPI,
        case_id: int,
        previous: NeedsAssessment | None = None,
        *,
        closed: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, parent)
        self.setObjectName("needsAssessmentDialog")
        occasions = [
            (code, text)
            for code, text in vocab.choices(AssessmentOccasion)
            if not closed or code in ("follow_up", "closing")
        ]
        default_occasion = "reassessment" if previous is not None else "intake"
        self.levels: dict[NeedDomain, QComboBox] = {}
        self.notes: dict[NeedDomain, QLineEdit] = {}
        grid_host = QWidget(self)
        grid_host.setObjectName("needsGrid")
        grid = QGridLayout(grid_host)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(2, 1)
        head_domain = QLabel(self.tr("Domain"), grid_host)
        head_level = QLabel(self.tr("Level"), grid_host)
        head_note = QLabel(self.tr("Note"), grid_host)
        for col, head in enumerate((head_domain, head_level, head_note)):
            head.setObjectName("sectionTitle")
            grid.addWidget(head, 0, col)
        for row, domain in enumerate(NeedDomain, start=1):
            name = vocab.text(domain)
            label = QLabel(name + ":", grid_host)
            combo = QComboBox(grid_host)
            combo.setObjectName(f"level_{domain.value}")
            for code, text in vocab.choices(NeedLevel):
                combo.addItem(f"{NeedLevel(code).score} – {text}", code)
            before = previous.level(domain) if previous is not None else None
            combo.setCurrentIndex(combo.findData(before.value) if before else -1)
            combo.setAccessibleName(self.tr("Level: {domain}").format(domain=name))
            label.setBuddy(combo)
            note = QLineEdit(grid_host)
            note.setObjectName(f"note_{domain.value}")
            note.setAccessibleName(self.tr("Note: {domain}").format(domain=name))
            grid.addWidget(label, row, 0)
            grid.addWidget(combo, row, 1)
            grid.addWidget(note, row, 2)
            self.levels[domain] = combo
            self.notes[domain] = note
        self.build(
            self.tr("New needs assessment"),
            [
                Field("assessed_on", self.tr("&Assessed on:"), DATE, default=_today()),
                Field(
                    "occasion",
                    self.tr("&Occasion:"),
                    CHOICE,
                    occasions,
                    default=default_occasion if not closed else "follow_up",
                ),
                Field("assessed_by", self.tr("Assessed &by:"), TEXT, hint=self.tr("You")),
                Field(
                    "next_review_on",
                    self.tr("&Next assessment by:"),
                    DATE,
                    hint=self.tr("Empty: six months later"),
                ),
                Field("note", self.tr("&Overall note:"), MULTILINE),
            ],
            lambda store, values: add_needs_assessment(store, case_id, **values),
            intro=self.tr(
                "Rate every domain from 0 (no need) to 4 (acute need). A need rated 3 or 4 "
                "that no intervention, SIP or care contact meets is pointed out on the "
                "case overview."
            ),
        )
        self.field_names.update(
            {d.value: vocab.text(d) for d in NeedDomain} | {"ratings": self.tr("Ratings")}
        )
        scroll = QScrollArea(self)
        scroll.setObjectName("needsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(grid_host)
        scroll.setMinimumHeight(160)
        layout = self.layout()
        assert layout is not None
        layout.insertWidget(layout.indexOf(self.error), scroll, 1)  # type: ignore[attr-defined]
        self.inputs["note"].setMinimumHeight(50)
        self.inputs["note"].setMaximumHeight(80)  # the domains get the room
        order: list[QWidget] = [self.inputs[f.key] for f in self.fields]
        for domain in NeedDomain:
            order += [self.levels[domain], self.notes[domain]]
        order += [self.ok_button, self.buttons.button(QDialogButtonBox.StandardButton.Cancel)]
        for a, b in itertools.pairwise(order):
            self.setTabOrder(a, b)  # the form, then the domains row by row, then the buttons
        self.resize(640, 640)
        self._initial = self.values()

    def set_rating(self, domain: NeedDomain | str, level: str, note: str = "") -> None:
        """Rate one domain as a caseworker would (tests)."""
        which = NeedDomain(domain)
        combo = self.levels[which]
        combo.setCurrentIndex(combo.findData(level))
        self.notes[which].setText(note)

    def values(self) -> dict[str, Any]:
        out = super().values()
        if not getattr(self, "levels", None):
            return out
        out["ratings"] = [
            {
                "domain": domain.value,
                "level": self.levels[domain].currentData(),
                "note": self.notes[domain].text().strip() or None,
            }
            for domain in NeedDomain
            if self.levels[domain].currentIndex() >= 0
        ]
        return out

    def clear_for_lock(self) -> None:
        super().clear_for_lock()
        for note in getattr(self, "notes", {}).values():
            note.setText("")


def _today() -> str:
    return dt.date.today().isoformat()
