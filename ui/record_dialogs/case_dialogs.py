"""Dialogs for the case itself: new case, its details, status (closing with an outcome and
the reason it ended), gallring exemption, and a caseworker's own reminder."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QComboBox, QWidget

from storage.casefile.cases import (
    create_case,
    set_gallring_exemption,
    set_status,
    update_case,
)
from storage.casefile.followups import add_reminder
from storage.caseplan.endings import set_end_reason
from storage.records import (
    STATUS_TRANSITIONS,
    Case,
    CaseStatus,
    CaseType,
    Outcome,
)
from storage.records import validate as v
from storage.records.knowledge import EndReason
from storage.vault.store import Store
from ui.kit import labels, vocab
from ui.record_dialogs.form import (
    BOOL,
    CHOICE,
    DATE,
    MULTILINE,
    Field,
    RecordDialog,
)
from ui.runtime.session_api import SessionAPI


def _today() -> str:
    return dt.date.today().isoformat()


class NewCaseDialog(RecordDialog):
    """A new case (aktualisering); the result is the new case id."""

    def __init__(self, session: SessionAPI, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.build(
            self.tr("New case"),
            [
                Field("case_type", self.tr("Case &type:"), CHOICE, labels.choices(CaseType)),
                Field("home_municipality", self.tr("&Home municipality:")),
                Field("stay_municipality", self.tr("&Municipality of stay:")),
                Field("caseworker", self.tr("&Caseworker:"), hint=self.tr("Empty: you")),
                Field("referral_source", self.tr("&Referred by:")),
                Field("opened_on", self.tr("&Opened on:"), DATE, default=_today()),
            ],
            lambda store, values: create_case(store, **values),
            intro=self.tr(
                "The case starts as referred (aktualiserad). Persons and everything else are "
                "added in the case view."
            ),
        )


class EditCaseDialog(RecordDialog):
    def __init__(self, session: SessionAPI, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        case_id = case.id
        self.build(
            self.tr("Case details"),
            [
                Field(
                    "home_municipality",
                    self.tr("&Home municipality:"),
                    default=case.home_municipality,
                ),
                Field(
                    "stay_municipality",
                    self.tr("&Municipality of stay:"),
                    default=case.stay_municipality,
                ),
                Field("caseworker", self.tr("&Caseworker:"), default=case.caseworker),
                Field("referral_source", self.tr("&Referred by:"), default=case.referral_source),
            ],
            lambda store, values: update_case(store, case_id, **values),
        )


class StatusDialog(RecordDialog):
    """Move the case along the allowed status flow; closing needs an outcome. A closed or
    handed-over case can be given the reason it ended (avslutsorsak) in the same step."""

    def __init__(self, session: SessionAPI, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        case_id = case.id
        allowed = [s for s in CaseStatus if s in STATUS_TRANSITIONS[case.status]]

        def submit(store: Store, values: dict[str, Any]) -> None:
            on = v.date("closed_on", values["on"], required=False)
            with store.transaction():  # the status and the reason, or neither
                set_status(store, case_id, values["status"], outcome=values["outcome"], on=on)
                if values.get("end_reason") is not None:
                    set_end_reason(store, case_id, values["end_reason"], values.get("end_note"))

        self.build(
            self.tr("Change status"),
            [
                Field(
                    "status",
                    self.tr("New &status:"),
                    CHOICE,
                    [(s.value, labels.label(s)) for s in allowed],
                ),
                Field(
                    "outcome",
                    self.tr("&Outcome (when closing):"),
                    CHOICE,
                    labels.choices(Outcome),
                    optional=True,
                ),
                Field("on", self.tr("&Closing date:"), DATE, default=_today()),
                Field(
                    "end_reason",
                    self.tr("&Reason the case ended:"),
                    CHOICE,
                    vocab.choices(EndReason),
                    optional=True,
                ),
                Field("end_note", self.tr("N&ote on the reason:")),
            ],
            submit,
            intro=self.tr("Now: {status}. A closed or handed-over case cannot be reopened.").format(
                status=labels.label(case.status)
            ),
        )
        status = self.inputs["status"]
        assert isinstance(status, QComboBox)
        status.currentIndexChanged.connect(self._status_changed)
        self._status_changed()

    def _status_changed(self) -> None:
        closing = self.value("status") == CaseStatus.CLOSED.value
        terminal = self.value("status") in (CaseStatus.CLOSED.value, CaseStatus.HANDED_OVER.value)
        self.inputs["outcome"].setEnabled(closing)
        if not closing:
            self.set_value("outcome", None)
        self.inputs["on"].setEnabled(terminal)
        for key in ("end_reason", "end_note"):
            self.inputs[key].setEnabled(terminal)
            if not terminal:
                self.set_value(key, None)


class GallringExemptionDialog(RecordDialog):
    def __init__(self, session: SessionAPI, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        case_id = case.id
        self.build(
            self.tr("Gallring exemption"),
            [
                Field(
                    "exempt",
                    self.tr("&Keep this case file beyond the gallring date"),
                    BOOL,
                    default=case.gallring_exempt,
                ),
                Field(
                    "reason", self.tr("&Reason:"), MULTILINE, default=case.gallring_exempt_reason
                ),
            ],
            lambda store, values: set_gallring_exemption(
                store, case_id, values["exempt"], values["reason"]
            ),
            intro=self.tr("Personal files are weeded five years after the last entry."),
        )


class ReminderDialog(RecordDialog):
    """A caseworker's own reminder for a case."""

    def __init__(self, session: SessionAPI, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.build(
            self.tr("New reminder"),
            [
                Field("due_on", self.tr("&Due on:"), DATE),
                Field("text", self.tr("&What:"), MULTILINE),
            ],
            lambda store, values: add_reminder(store, case_id, **values),
        )
