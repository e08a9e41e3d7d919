"""What every tab of the case view shares: loading on the store worker, dialogs, tables.

A :class:`CaseTab` is told which case to show (``set_case``) and loads only when it is
shown (``ensure_loaded``): ``fetch(store, case_id)`` — a static function, run on the store
worker, that returns plain records — then ``show_data(data)`` on the GUI thread. Results
for a case no longer shown are dropped. ``open_dialog`` runs a record dialog and reloads
the tab (and emits ``changed``) when it saved. ``clear_for_lock`` drops everything shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Signal,
)
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QWidget,
)

from storage.vault.store import Store
from ui.kit.flow import FlowLayout
from ui.record_dialogs.form import RecordDialog
from ui.runtime.session_api import SessionAPI

_Index = QModelIndex | QPersistentModelIndex


def section_title(text: str = "", parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("sectionTitle")
    label.setWordWrap(True)  # a long title wraps instead of widening the part
    return label


def button_row(*buttons: QPushButton) -> FlowLayout:
    """Buttons side by side, wrapping onto a second line when the part is narrow."""
    row = FlowLayout()
    for button in buttons:
        row.addWidget(button)
    return row


class CaseTab(QWidget):
    """One tab of the case view."""

    changed = Signal()  # an edit in this tab was saved
    shown = Signal()  # the tab's data arrived and is shown

    def __init__(self, session: SessionAPI, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case_id: int | None = None
        self.stale = True
        self.loaded = False
        self._generation = 0
        self.dialog: RecordDialog | None = None

    # ------------------------------------------------------------------ subclass API
    def title(self) -> str:
        raise NotImplementedError

    @staticmethod
    def fetch(store: Store, case_id: int) -> Any:
        """Read what the tab shows (store worker; no widgets here)."""
        raise NotImplementedError

    def show_data(self, data: Any) -> None:
        raise NotImplementedError

    def clear_view(self) -> None:
        raise NotImplementedError

    def retranslate(self) -> None:
        """Set the tab's own texts (called at start and on a language change)."""

    # ------------------------------------------------------------------ loading
    def set_case(self, case_id: int | None) -> None:
        self.case_id = case_id
        self.stale = True
        self.loaded = False
        self._generation += 1
        self.clear_view()

    def ensure_loaded(self) -> None:
        if self.stale and self.case_id is not None:
            self.reload()

    def reload(self) -> None:
        case_id = self.case_id
        if case_id is None or not self.session.is_unlocked:
            return
        self.stale = False
        self._generation += 1
        generation = self._generation
        fetch = type(self).fetch
        self.session.run(
            self,
            lambda store: fetch(store, case_id),
            lambda data: self._arrived(generation, data),
            progress=False,
        )

    def _arrived(self, generation: int, data: Any) -> None:
        if generation != self._generation or not self.session.is_unlocked:
            return
        self.loaded = True
        self.show_data(data)
        self.shown.emit()

    # ------------------------------------------------------------------ editing
    def open_dialog(self, dialog: RecordDialog) -> RecordDialog:
        """Show a record dialog (window-modal); reload when it saved."""
        self.dialog = dialog
        dialog.saved.connect(lambda _result: self.after_edit())
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def after_edit(self) -> None:
        if shiboken6.isValid(self):
            self.reload()
            self.changed.emit()

    def run_edit(self, fn: Callable[[Any], Any]) -> None:
        """A change without a dialog (e.g. a toggle); errors are shown by the operations API."""
        self.session.run(self, fn, lambda _r: self.after_edit(), progress=False)

    # ------------------------------------------------------------------ lock, language
    def clear_for_lock(self) -> None:
        self.case_id = None
        self.stale = True
        self.loaded = False
        self._generation += 1
        self.dialog = None
        self.clear_view()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
