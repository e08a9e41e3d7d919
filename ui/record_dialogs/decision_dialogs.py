"""Dialogs for decisions (beslut): a new decision, signed when saved; a correction, which is
a new version with its reason; the notification date (once); an appeal and its outcome."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QWidget

from storage.caseplan.decisions import (
    add_appeal,
    correct_decision,
    record_appeal_outcome,
    record_decision,
    set_notified,
)
from storage.records import InterventionType
from storage.records.knowledge import AppealOutcome, Decision, DecisionOutcome, Provision
from ui.kit import labels, vocab
from ui.record_dialogs.form import BOOL, CHOICE, DATE, MULTILINE, Field, RecordDialog
from ui.runtime.session_api import SessionAPI


def _today() -> str:
    return dt.date.today().isoformat()


def _usual(provisions: Sequence[Provision]) -> int | None:
    """The provision most decisions name: bistånd under the socialtjänstlag in force."""
    return next((p.id for p in provisions if p.active and p.code == "sol-2025-bistand"), None)


def provision_choices(provisions: Sequence[Provision]) -> list[tuple[int, str]]:
    """The active provisions of the register, as a decision names them."""
    return [(p.id, p.text) for p in provisions if p.active]


class DecisionDialog(RecordDialog):
    """A new decision, or (``correcting``) a new version of one with the reason."""

    def __init__(
        self,
        session: SessionAPI,
        case_id: int,
        provisions: Sequence[Provision],
        correcting: Decision | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, parent)
        d = correcting
        choices = provision_choices(provisions)
        if d is not None and d.provision_id not in {pid for pid, _ in choices}:
            choices.insert(0, (d.provision_id, d.provision_text))
        fields = [
            Field(
                "provision_id",
                self.tr("&Provision:"),
                CHOICE,
                choices,
                default=d.provision_id if d else _usual(provisions),
            ),
            Field(
                "outcome",
                self.tr("&Decision:"),
                CHOICE,
                vocab.choices(DecisionOutcome),
                default=d.outcome.value if d else None,
            ),
            Field(
                "subject", self.tr("&What is decided:"), MULTILINE, default=d.subject if d else None
            ),
            Field(
                "intervention_type",
                self.tr("&Intervention:"),
                CHOICE,
                labels.choices(InterventionType),
                default=d.intervention_type.value if d and d.intervention_type else None,
                optional=True,
            ),
            Field(
                "reasons",
                self.tr("&Reasons:"),
                MULTILINE,
                default=d.reasons if d else None,
                hint=self.tr("Required unless granted in full"),
            ),
            Field("decided_by", self.tr("Decided &by:"), default=d.decided_by if d else None),
            Field(
                "delegation",
                self.tr("&Under delegation:"),
                default=d.delegation if d else None,
                hint=self.tr("The point of the delegation order"),
            ),
            Field(
                "decided_on",
                self.tr("Decided &on:"),
                DATE,
                default=d.decided_on.isoformat() if d else _today(),
            ),
            Field(
                "notified_on",
                self.tr("&Notified on:"),
                DATE,
                default=d.notified_on.isoformat() if d and d.notified_on else None,
            ),
            Field(
                "appeal_info",
                self.tr("&Information on how to appeal was given"),
                BOOL,
                default=d.appeal_info if d else True,
            ),
        ]
        if d is None:
            self.build(
                self.tr("New decision"),
                fields,
                lambda store, values: record_decision(store, case_id, **_clean(values)),
                intro=self.tr(
                    "The decision is signed in your name when it is saved and cannot be "
                    "changed afterwards: a mistake is corrected by a new version."
                ),
                ok_text=self.tr("Sign"),
            )
        else:
            decision_id = d.id
            fields.insert(0, Field("reason", self.tr("Reason for the &correction:"), MULTILINE))
            self.build(
                self.tr("Correct decision"),
                fields,
                lambda store, values: correct_decision(
                    store, decision_id, values.pop("reason") or "", **_clean(values)
                ),
                intro=self.tr(
                    "The correction is signed as a new version; the earlier version stays readable."
                ),
                ok_text=self.tr("Sign"),
            )
        for key in ("subject", "reasons"):
            self.inputs[key].setMinimumHeight(60)


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    """An empty "decided by" is the signer (the core's default)."""
    if values.get("decided_by") is None:
        values.pop("decided_by", None)
    return values


class NotifiedDialog(RecordDialog):
    def __init__(
        self, session: SessionAPI, decision_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, parent)
        self.build(
            self.tr("Notification of the decision"),
            [Field("notified_on", self.tr("&Notified on:"), DATE, default=_today())],
            lambda store, values: set_notified(store, decision_id, values["notified_on"]),
            intro=self.tr("The date the person was told of the decision; it is set once."),
        )


class AppealDialog(RecordDialog):
    def __init__(
        self, session: SessionAPI, decision_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, parent)
        self.build(
            self.tr("Appeal"),
            [
                Field("lodged_on", self.tr("&Lodged on:"), DATE, default=_today()),
                Field("court", self.tr("&Court:")),
                Field("note", self.tr("N&ote:"), MULTILINE),
            ],
            lambda store, values: add_appeal(store, decision_id, **values),
        )


class AppealOutcomeDialog(RecordDialog):
    def __init__(self, session: SessionAPI, appeal_id: int, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.build(
            self.tr("Outcome of the appeal"),
            [
                Field("outcome", self.tr("&Outcome:"), CHOICE, vocab.choices(AppealOutcome)),
                Field("decided_on", self.tr("&Decided on:"), DATE, default=_today()),
                Field("note", self.tr("N&ote:"), MULTILINE),
            ],
            lambda store, values: record_appeal_outcome(store, appeal_id, **values),
        )
