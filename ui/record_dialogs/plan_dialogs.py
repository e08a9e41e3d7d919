"""Dialogs for care and coordinated planning: contacts with psychiatry and addiction care
(with the referral sent and answered), and SIP — the plan with the person's consent, who
leads it and who took part, its agreed actions, their completion, its follow-ups and end."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from storage.caseplan.care import add_care_contact, update_care_contact
from storage.caseplan.sip import (
    add_sip,
    add_sip_action,
    complete_sip_action,
    end_sip,
    record_sip_follow_up,
)
from storage.records.knowledge import CareContact, CareKind, SipLead
from ui.kit import vocab
from ui.record_dialogs.form import CHOICE, DATE, LINES, MULTILINE, Field, RecordDialog
from ui.runtime.session_api import SessionAPI


def _today() -> str:
    return dt.date.today().isoformat()


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


class CareContactDialog(RecordDialog):
    """A new contact, or (``contact``) a change to one: every field as it is now."""

    def __init__(
        self,
        session: SessionAPI,
        case_id: int,
        contact: CareContact | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, parent)
        c = contact
        fields = [
            Field(
                "kind",
                self.tr("&Kind of care:"),
                CHOICE,
                vocab.choices(CareKind),
                default=c.kind.value if c else None,
            ),
            Field("region", self.tr("&Region:"), default=c.region if c else None),
            Field("unit", self.tr("&Unit:"), default=c.unit if c else None),
            Field(
                "contact_person",
                self.tr("Contact &person:"),
                default=c.contact_person if c else None,
            ),
            Field(
                "started_on",
                self.tr("&Started on:"),
                DATE,
                default=_day(c.started_on) if c else _today(),
            ),
            Field("ended_on", self.tr("&Ended on:"), DATE, default=_day(c.ended_on) if c else None),
            Field(
                "referral_sent_on",
                self.tr("Referral s&ent on:"),
                DATE,
                default=_day(c.referral_sent_on) if c else None,
            ),
            Field(
                "referral_answered_on",
                self.tr("Referral &answered on:"),
                DATE,
                default=_day(c.referral_answered_on) if c else None,
            ),
            Field(
                "referral_answer",
                self.tr("Ans&wer:"),
                MULTILINE,
                default=c.referral_answer if c else None,
            ),
            Field("notes", self.tr("N&otes:"), MULTILINE, default=c.notes if c else None),
        ]
        if c is None:
            self.build(
                self.tr("New care contact"),
                fields,
                lambda store, values: add_care_contact(store, case_id, **values),
                intro=self.tr("A contact with psychiatry or addiction care, and its referral."),
            )
        else:
            contact_id = c.id
            self.build(
                self.tr("Change care contact"),
                fields,
                lambda store, values: update_care_contact(store, contact_id, **values),
            )
        for key in ("referral_answer", "notes"):
            self.inputs[key].setMinimumHeight(60)


class SipDialog(RecordDialog):
    def __init__(self, session: SessionAPI, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.build(
            self.tr("New SIP"),
            [
                Field("held_on", self.tr("&Meeting held on:"), DATE, default=_today()),
                Field("consent_on", self.tr("&Consent given on:"), DATE),
                Field("lead", self.tr("&Overall responsibility:"), CHOICE, vocab.choices(SipLead)),
                Field("lead_name", self.tr("&Responsible person:")),
                Field(
                    "participants",
                    self.tr("&Participants:"),
                    LINES,
                    hint=self.tr("One per line: name and organisation or role"),
                ),
                Field("follow_up_on", self.tr("&Follow-up on:"), DATE),
                Field("notes", self.tr("N&otes:"), MULTILINE),
            ],
            lambda store, values: add_sip(store, case_id, **values),
            intro=self.tr(
                "A coordinated individual plan (SIP) is drawn up with the person's consent. "
                "Add the agreed actions once it is saved."
            ),
        )
        self.inputs["participants"].setMinimumHeight(70)
        self.inputs["notes"].setMinimumHeight(60)


class SipActionDialog(RecordDialog):
    def __init__(self, session: SessionAPI, sip_id: int, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.build(
            self.tr("New action in the SIP"),
            [
                Field("action", self.tr("&What is to be done:"), MULTILINE),
                Field("responsible", self.tr("&Who is responsible:")),
                Field("due_on", self.tr("&Done by:"), DATE),
            ],
            lambda store, values: add_sip_action(store, sip_id, **values),
        )


class SipActionDoneDialog(RecordDialog):
    def __init__(self, session: SessionAPI, action_id: int, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.build(
            self.tr("Action done"),
            [Field("done_on", self.tr("&Done on:"), DATE, default=_today())],
            lambda store, values: complete_sip_action(store, action_id, values["done_on"]),
        )


class SipFollowUpDialog(RecordDialog):
    def __init__(self, session: SessionAPI, sip_id: int, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.build(
            self.tr("SIP followed up"),
            [
                Field("held_on", self.tr("&Followed up on:"), DATE, default=_today()),
                Field("next_follow_up_on", self.tr("&Next follow-up on:"), DATE),
            ],
            lambda store, values: record_sip_follow_up(store, sip_id, **values),
        )


class EndSipDialog(RecordDialog):
    def __init__(self, session: SessionAPI, sip_id: int, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.build(
            self.tr("End SIP"),
            [Field("ended_on", self.tr("&Ended on:"), DATE, default=_today())],
            lambda store, values: end_sip(store, sip_id, values["ended_on"]),
        )
