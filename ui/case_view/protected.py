"""Protected values in the case view: a slot that holds one :class:`MaskedField` at a time.

The reveal functions here run on the store worker and go through the domain's audited
``storage.casefile.protection.reveal`` (field, reason, record id in the audit log). The municipality
of a placement is where someone was moved, so it is shown only together with the
placement's protected address, through the same audited reveal.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from storage.casefile.placements import placements
from storage.casefile.protection import (
    RevealField,
    reveal,
)
from storage.vault.store import Store
from ui.kit.masking import (
    MaskedField,
    RevealFn,
)
from ui.runtime.session_api import SessionAPI

MASK = "••••••"


def person_reveal(case_id: int, person_id: int, field: RevealField) -> RevealFn:
    def run(store: Store, reason: str) -> str | None:
        return reveal(store, case_id, field, reason, person_id=person_id)

    return run


def placement_reveal(case_id: int, placement_id: int, no_address: str) -> RevealFn:
    def run(store: Store, reason: str) -> str | None:
        address = reveal(store, case_id, RevealField.ADDRESS, reason, placement_id=placement_id)
        town = next(
            (p.municipality for p in placements(store, case_id) if p.id == placement_id), ""
        )
        return f"{town}: {address or no_address}"

    return run


class MaskedSlot(QWidget):
    """Shows a masked field (replaced when the record changes) or a plain note."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.field: MaskedField | None = None
        self.note = QLabel(self)
        self.note.setObjectName("hint")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.note, 1)

    def show_field(
        self, session: SessionAPI, what: str, reveal_fn: RevealFn, masked_text: str = MASK
    ) -> MaskedField:
        self._drop()
        self.field = MaskedField(what, masked_text, reveal_fn, session, self)
        self._layout.addWidget(self.field, 1)
        self.note.setVisible(False)
        return self.field

    def show_note(self, text: str) -> None:
        self._drop()
        self.note.setText(text)
        self.note.setVisible(True)

    def _drop(self) -> None:
        if self.field is not None:
            self.field.remask()
            self.field.hide()
            self.field.setParent(None)
            self.field.deleteLater()
            self.field = None

    def clear(self) -> None:
        self.show_note("")
