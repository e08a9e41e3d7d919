"""The sekretessprövning table of the extract dialog: one row per item that needs a decision
(``storage.extract.review.review_items``), with the kind, a label that reveals nothing, the
decision (*Lämna ut / Maskera / Undanta*) and the ground (the store's active grounds, each
with its description as tooltip; only for a mask or a withholding)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from storage.extract.grounds import Ground
from storage.extract.model import Choice, Decision, ReviewItem

DECISIONS = (Decision.INCLUDE, Decision.MASK, Decision.WITHHOLD)


class ReviewTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("extractItems")
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.review_items: list[ReviewItem] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels(
            [self.tr("Kind"), self.tr("Item"), self.tr("Decision"), self.tr("Ground")]
        )
        self.setAccessibleName(self.tr("Items to review"))

    def show_items(self, items: list[ReviewItem], grounds: list[Ground], *, cases: bool) -> None:
        """Fill the rows; decisions already made for the same items are kept. ``cases``:
        name each item's case (a registerutdrag spans several)."""
        kept = self.choices()
        self.review_items = items
        self.setRowCount(len(items))
        kinds = {
            "subject_identity": self.tr("The person's name and personnummer"),
            "third_party": self.tr("Another person (third party)"),
            "new_identity": self.tr("Fictitious identity"),
            "placement": self.tr("Placement / where the person lives"),
            "referral_source": self.tr("Who referred the case"),
            "threat": self.tr("Threat assessment"),
            "journal": self.tr("Journal entry"),
        }
        labels = {
            Decision.INCLUDE: self.tr("Include"),
            Decision.MASK: self.tr("Mask"),
            Decision.WITHHOLD: self.tr("Withhold"),
        }
        for row, item in enumerate(items):
            kind = QTableWidgetItem(kinds.get(item.kind, item.kind))
            label = QCoreApplication.translate("Extract", item.label)  # a source or a value
            what = QTableWidgetItem(f"{item.case_number} · {label}" if cases else label)
            what.setToolTip(what.text())
            for cell in (kind, what):
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.setItem(row, 0, kind)
            self.setItem(row, 1, what)
            decision = QComboBox(self)
            decision.setAccessibleName(self.tr("Decision"))
            for d in DECISIONS:
                decision.addItem(labels[d], d.value)
            chosen = kept.get(item.key)
            decision.setCurrentIndex(DECISIONS.index(chosen.decision if chosen else item.default))
            ground = QComboBox(self)
            ground.setAccessibleName(self.tr("Ground"))
            ground.addItem("", None)
            for g in grounds:
                ground.addItem(g.label, g.id)
                ground.setItemData(ground.count() - 1, g.description, Qt.ItemDataRole.ToolTipRole)
            wanted = chosen.ground_id if chosen else None
            if wanted is None and item.default_ground:
                wanted = next((g.id for g in grounds if g.label == item.default_ground), None)
            ground.setCurrentIndex(max(0, ground.findData(wanted)))
            decision.currentIndexChanged.connect(lambda _i, g=ground, d=decision: _decided(d, g))
            _decided(decision, ground)
            self.setCellWidget(row, 2, decision)
            self.setCellWidget(row, 3, ground)

    def widgets(self) -> list[QWidget]:
        """The decision and ground of each row, in reading order (for the Tab chain)."""
        out: list[QWidget] = []
        for row in range(self.rowCount()):
            out += [self.cellWidget(row, 2), self.cellWidget(row, 3)]
        return out

    def choices(self) -> dict[str, Choice]:
        out: dict[str, Choice] = {}
        for row, item in enumerate(self.review_items):
            decision = self.cellWidget(row, 2)
            ground = self.cellWidget(row, 3)
            if not isinstance(decision, QComboBox) or not isinstance(ground, QComboBox):
                continue
            chosen = Decision(decision.currentData())
            ground_id = ground.currentData() if chosen is not Decision.INCLUDE else None
            out[item.key] = Choice(chosen, ground_id)
        return out

    def set_decision(self, key: str, decision: Decision, ground_label: str | None = None) -> None:
        """Choose for one item as the caseworker would in its row."""
        row = next(i for i, item in enumerate(self.review_items) if item.key == key)
        combo = self.cellWidget(row, 2)
        ground = self.cellWidget(row, 3)
        assert isinstance(combo, QComboBox) and isinstance(ground, QComboBox)
        combo.setCurrentIndex(DECISIONS.index(decision))
        if ground_label is not None:
            ground.setCurrentIndex(ground.findText(ground_label))

    def clear_rows(self) -> None:
        self.setRowCount(0)
        self.review_items = []


def _decided(decision: QComboBox, ground: QComboBox) -> None:
    ground.setEnabled(decision.currentData() != Decision.INCLUDE.value)
