"""The duplicate check's question: "Personen finns redan i ärende UV-…".

When a person is added (or given a personnummer) in a case, or a case is received from
another municipality, the core finds the same personnummer in our other cases
(``storage.casefile.people.duplicates`` / ``duplicates_of_cases``: a keyed hash, the
protected number is never read). :class:`DuplicateDialog` names those cases — masked, as in
the case list — and lets the caseworker link the cases as the same person
(``link_cases``) or go on without a link. Nothing is linked unless chosen.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from storage.casefile.people import PersonMatch
from ui.kit import labels
from ui.kit.dialogs import plain_label


def unique_cases(matches: Sequence[PersonMatch]) -> list[PersonMatch]:
    """One match per case, in the order found."""
    seen: set[int] = set()
    out = []
    for match in matches:
        if match.case_id not in seen:
            seen.add(match.case_id)
            out.append(match)
    return out


class DuplicateDialog(QDialog):
    """Link the cases, or go on without; *Avbryt* (where offered) does neither."""

    chosen = Signal(bool)  # True: link the cases

    def __init__(
        self,
        matches: Sequence[PersonMatch],
        parent: QWidget | None = None,
        *,
        link_text: str = "",
        go_on_text: str = "",
        can_cancel: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("duplicateDialog")
        self.setWindowTitle(self.tr("The person already exists"))
        self.matches = unique_cases(matches)
        lines = [
            self.tr("The person already exists in case {case} ({role}).").format(
                case=m.summary.label, role=labels.label(m.role)
            )
            for m in self.matches
        ]
        self.text = plain_label("\n".join(lines), self, "duplicateText")
        buttons = QDialogButtonBox(self)
        self.link_button = buttons.addButton(
            link_text or self.tr("&Link the cases"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.link_button.setObjectName("linkDuplicates")
        self.go_on_button = buttons.addButton(
            go_on_text or self.tr("&Go on without a link"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.go_on_button.setObjectName("goOnWithoutLink")
        if can_cancel:
            cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
            cancel.setDefault(True)
        self.link_button.setAutoDefault(False)
        self.go_on_button.setAutoDefault(False)
        self.link_button.clicked.connect(lambda: self._choose(True))
        self.go_on_button.clicked.connect(lambda: self._choose(False))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(
            plain_label(
                self.tr(
                    "Linked cases are marked as being about the same person; each keeps its "
                    "own records. A link can be removed later."
                ),
                self,
                "hint",
            )
        )
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _choose(self, link: bool) -> None:
        self.accept()
        self.chosen.emit(link)

    def case_ids(self) -> list[int]:
        return [m.case_id for m in self.matches]
