"""“Dela med kollega…”: share the open case with a verified colleague of the unit, as
medhandläggare or as ersättare (with dates); protected details only with a reason, which
is logged. The domain (sync.team.members.share_case) checks every rule."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from sync.team.members import share_case
from sync.trust.contacts import Contact
from ui.record_dialogs.form import BOOL, CHOICE, DATE, TEXT, Field, RecordDialog
from ui.runtime.session_api import SessionAPI


class ShareDialog(RecordDialog):
    def __init__(
        self,
        session: SessionAPI,
        case_id: int,
        colleagues: Sequence[Contact],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, parent)
        self.setObjectName("shareDialog")
        people = [(c.id, c.caseworker) for c in colleagues]
        roles = [
            ("co", self.tr("Co-caseworker (medhandläggare)")),
            ("stand_in", self.tr("Stand-in (ersättare)")),
        ]
        self.build(
            self.tr("Share with a colleague"),
            [
                Field("contact_id", self.tr("&Colleague:"), CHOICE, people),
                Field("role", self.tr("&Role:"), CHOICE, roles),
                Field(
                    "valid_from",
                    self.tr("&From:"),
                    DATE,
                    hint=self.tr("Stand-in only; empty: today"),
                ),
                Field("valid_until", self.tr("&Until:"), DATE, hint=self.tr("Stand-in only")),
                Field("include_protected", self.tr("Include &protected details"), BOOL),
                Field(
                    "reason",
                    self.tr("R&eason:"),
                    TEXT,
                    hint=self.tr("Why the protected details are shared (logged)"),
                ),
            ],
            lambda store, values: share_case(
                store,
                case_id,
                values.pop("contact_id"),
                values.pop("role"),
                **values,
            ),
        )
