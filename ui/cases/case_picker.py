"""Choose a case by its masked label (case number, initials, birth year), for the screens
that are opened from the menu rather than from a case view (follow-up and timeline, the
statsbidrag checklist). The list comes from :mod:`storage.casefile.case_list` on the store worker;
the search filters the loaded labels only (no query reaches the store)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from storage.casefile.case_list import list_case_ids
from storage.casefile.summaries import case_summaries
from storage.records.enums import CaseStatus
from storage.vault.store import Store
from ui.kit import labels
from ui.kit.windows import fit_to_screen
from ui.runtime.session_api import SessionAPI


class CasePickerDialog(QDialog):
    chosen = Signal(int)

    def __init__(
        self,
        session: SessionAPI,
        title: str,
        statuses: Iterable[CaseStatus] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("casePicker")
        self.setWindowTitle(title)
        self.session = session
        session.guard.track_dialog(self)
        self.search = QLineEdit(self)
        self.search.setObjectName("casePickerSearch")
        self.search.setPlaceholderText(self.tr("Filter by case number…"))
        self.search.setAccessibleName(self.tr("Filter the cases"))
        self.list = QListWidget(self)
        self.list.setObjectName("casePickerList")
        self.list.setAccessibleName(self.tr("Cases"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Open"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.search.textChanged.connect(self._filter)
        self.list.currentItemChanged.connect(lambda *_: self._update())
        self.list.itemDoubleClicked.connect(lambda *_: self.accept())
        fit_to_screen(self, 460, 520)
        wanted = list(statuses) if statuses is not None else None
        self.session.run(self, lambda store: _rows(store, wanted), self._loaded, progress=False)
        self._update()

    def _loaded(self, rows: list[tuple[int, str, CaseStatus]]) -> None:
        self.list.clear()
        for case_id, label, status in rows:
            item = QListWidgetItem(f"{label} — {labels.label(status)}", self.list)
            item.setData(Qt.ItemDataRole.UserRole, case_id)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._update()

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def _update(self) -> None:
        item = self.list.currentItem()
        self.ok.setEnabled(item is not None and not item.isHidden())

    def case_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def accept(self) -> None:
        case_id = self.case_id()
        if case_id is None:
            return
        super().accept()
        self.chosen.emit(case_id)


def _rows(store: Store, statuses: list[CaseStatus] | None) -> list[tuple[int, str, CaseStatus]]:
    ids = list_case_ids(store, status=statuses, order_by="number")
    return [(s.case_id, s.label, s.status) for s in case_summaries(store, ids)]
