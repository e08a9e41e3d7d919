"""Överenskommelser (agreements) with their villkor (conditions) and breaches, as a tree;
part of the Insatser tab (the conditions are what the support is given on)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from storage.records import (
    Agreement,
    Breach,
    Condition,
)
from ui.case_view.base import (
    button_row,
    section_title,
)
from ui.kit import labels
from ui.kit.tables import use_eliding_header
from ui.record_dialogs.form import RecordDialog
from ui.record_dialogs.support_dialogs import (
    AgreementDialog,
    BreachDialog,
    ConditionDialog,
)
from ui.runtime.session_api import SessionAPI

RECORD = Qt.ItemDataRole.UserRole + 3


class AgreementsSection(QWidget):
    def __init__(
        self,
        session: SessionAPI,
        open_dialog: Callable[[RecordDialog], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._open = open_dialog
        self.case_id: int | None = None
        self.heading = section_title(parent=self)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("agreementTree")
        use_eliding_header(self.tree)
        self.tree.setColumnCount(2)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.add_agreement = QPushButton(self)
        self.add_agreement.setObjectName("addAgreementButton")
        self.add_condition = QPushButton(self)
        self.add_condition.setObjectName("addConditionButton")
        self.add_breach = QPushButton(self)
        self.add_breach.setObjectName("addBreachButton")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)
        layout.addLayout(button_row(self.add_agreement, self.add_condition, self.add_breach))
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.add_agreement.clicked.connect(self._new_agreement)
        self.add_condition.clicked.connect(self._new_condition)
        self.add_breach.clicked.connect(self._new_breach)
        self.retranslate()
        self.clear()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Agreements and conditions"))
        self.tree.setHeaderLabels([self.tr("Agreement, condition or breach"), self.tr("Dates")])
        self.tree.setAccessibleName(self.tr("Agreements, conditions and breaches"))
        self.add_agreement.setText(self.tr("New a&greement…"))
        self.add_condition.setText(self.tr("Add con&dition…"))
        self.add_breach.setText(self.tr("Record &breach…"))

    def show_agreements(self, case_id: int, agreements: list[Agreement]) -> None:
        self.case_id = case_id
        self.tree.clear()
        for agreement in agreements:
            dates = self.tr("signed {signed}, valid until {until}").format(
                signed=labels.day(agreement.signed_on), until=labels.day(agreement.valid_until)
            )
            top = self._item(None, agreement.summary or self.tr("Agreement"), dates, agreement)
            for condition in agreement.conditions:
                item = self._item(top, condition.text, "", condition)
                for breach in condition.breaches:
                    text = self.tr("Breach: {what}").format(what=breach.description)
                    if breach.consequence:
                        text += "\n" + self.tr("Consequence: {what}").format(
                            what=breach.consequence
                        )
                    self._item(item, text, labels.day(breach.occurred_on), breach)
        self.tree.expandAll()
        self.tree.resizeColumnToContents(1)
        self.tree.setColumnWidth(0, max(self.tree.width() - 260, 320))
        self.add_agreement.setEnabled(True)
        self._update_buttons()

    def _item(
        self,
        parent: QTreeWidgetItem | None,
        text: str,
        dates: str,
        record: Agreement | Condition | Breach,
    ) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text, dates])
        item.setData(0, RECORD, record)
        item.setToolTip(0, text)
        if parent is None:
            self.tree.addTopLevelItem(item)
        else:
            parent.addChild(item)
        return item

    def _current(self) -> object:
        item = self.tree.currentItem()
        return item.data(0, RECORD) if item is not None else None

    def _update_buttons(self) -> None:
        record = self._current()
        self.add_condition.setEnabled(isinstance(record, Agreement))
        self.add_breach.setEnabled(isinstance(record, Condition))

    def clear(self) -> None:
        self.case_id = None
        self.tree.clear()
        for button in (self.add_agreement, self.add_condition, self.add_breach):
            button.setEnabled(False)

    def _new_agreement(self) -> None:
        if self.case_id is not None:
            self._open(AgreementDialog(self.session, self.case_id, self))

    def _new_condition(self) -> None:
        record = self._current()
        if isinstance(record, Agreement):
            self._open(ConditionDialog(self.session, record.id, self))

    def _new_breach(self) -> None:
        record = self._current()
        if isinstance(record, Condition):
            self._open(BreachDialog(self.session, record.id, self))
