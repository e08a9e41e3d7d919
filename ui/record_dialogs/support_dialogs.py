"""Dialogs for support: insatser and the control of their providers, the provider register,
samtycken, and överenskommelser with villkor and breaches."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from storage.casefile.consents import (
    add_agreement,
    add_condition,
    add_consent,
    record_breach,
    revoke_consent,
)
from storage.casefile.interventions import (
    add_intervention,
    end_intervention,
    plan_provider_control,
    record_provider_control,
    set_intervention_links,
)
from storage.records import (
    Funding,
    InterventionType,
    Provider,
    ProviderKind,
)
from storage.records.knowledge import DecisionThread, Method
from storage.registers.providers import add_provider
from ui.kit import labels, vocab
from ui.record_dialogs.form import (
    CHOICE,
    DATE,
    INT,
    LINES,
    LIST,
    MULTILINE,
    Field,
    RecordDialog,
)
from ui.runtime.session_api import SessionAPI


def _today() -> str:
    return dt.date.today().isoformat()


def method_choices(methods: Sequence[Method]) -> list[tuple[int, str]]:
    """Each method with its evidence level, as the register names them."""
    return [(m.id, f"{m.name} ({vocab.text(m.evidence_level)})") for m in methods]


def decision_choices(threads: Sequence[DecisionThread]) -> list[tuple[int, str]]:
    """Each decision of the case (its first version, which interventions link to)."""
    return [
        (
            t.original_id,
            f"{labels.day(t.current.decided_on)} {vocab.text(t.current.outcome)}: "
            f"{t.current.subject.splitlines()[0][:60]}",
        )
        for t in threads
    ]


class InterventionDialog(RecordDialog):
    def __init__(
        self,
        session: SessionAPI,
        case_id: int,
        providers: Sequence[Provider],
        parent: QWidget | None = None,
        *,
        methods: Sequence[Method] = (),
        decisions: Sequence[DecisionThread] = (),
    ) -> None:
        super().__init__(session, parent)
        provider_items = [(p.id, f"{p.name} ({labels.label(p.kind)})") for p in providers]
        self.build(
            self.tr("New intervention"),
            [
                Field("type", self.tr("&Intervention:"), CHOICE, labels.choices(InterventionType)),
                Field("provider_id", self.tr("&Provider:"), CHOICE, provider_items, optional=True),
                Field("started_on", self.tr("&Started on:"), DATE, default=_today()),
                Field("ended_on", self.tr("&Ended on:"), DATE),
                Field("cost_sek", self.tr("&Cost (SEK):"), INT),
                Field(
                    "funding", self.tr("&Funding:"), CHOICE, labels.choices(Funding), optional=True
                ),
                Field(
                    "control_interval_days",
                    self.tr("&Control every (days):"),
                    INT,
                    hint=self.tr("Private and non-profit providers; empty: the default"),
                ),
                Field(
                    "method_id",
                    self.tr("&Method:"),
                    CHOICE,
                    method_choices(methods),
                    optional=True,
                ),
                Field(
                    "decision_id",
                    self.tr("&Decision:"),
                    CHOICE,
                    decision_choices(decisions),
                    optional=True,
                ),
                Field("notes", self.tr("N&otes:"), MULTILINE),
            ],
            lambda store, values: add_intervention(store, case_id, **values),
        )
        self.inputs["notes"].setMinimumHeight(60)


class InterventionLinksDialog(RecordDialog):
    """The method an intervention uses and the decision it rests on."""

    def __init__(
        self,
        session: SessionAPI,
        intervention_id: int,
        methods: Sequence[Method],
        decisions: Sequence[DecisionThread],
        *,
        method_id: int | None = None,
        decision_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, parent)
        self.build(
            self.tr("Method and decision"),
            [
                Field(
                    "method_id",
                    self.tr("&Method:"),
                    CHOICE,
                    method_choices(methods),
                    default=method_id,
                    optional=True,
                ),
                Field(
                    "decision_id",
                    self.tr("&Decision:"),
                    CHOICE,
                    decision_choices(decisions),
                    default=decision_id,
                    optional=True,
                ),
            ],
            lambda store, values: set_intervention_links(store, intervention_id, **values),
            intro=self.tr(
                "The method comes from the method register (the Tools menu); the decision from the "
                "case's Decisions part."
            ),
        )


class EndInterventionDialog(RecordDialog):
    def __init__(
        self, session: SessionAPI, intervention_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, parent)
        self.build(
            self.tr("End intervention"),
            [Field("ended_on", self.tr("&Ended on:"), DATE, default=_today())],
            lambda store, values: end_intervention(store, intervention_id, values["ended_on"]),
        )


class ProviderDialog(RecordDialog):
    def __init__(self, session: SessionAPI, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.build(
            self.tr("New provider in the register"),
            [
                Field("name", self.tr("&Name:")),
                Field("kind", self.tr("&Kind:"), CHOICE, labels.choices(ProviderKind)),
                Field("org_number", self.tr("&Organisation number:")),
                Field("municipality", self.tr("&Municipality:")),
            ],
            lambda store, values: add_provider(store, **values),
        )


class PlanControlDialog(RecordDialog):
    def __init__(
        self, session: SessionAPI, intervention_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, parent)
        self.build(
            self.tr("Plan a provider control"),
            [
                Field("planned_on", self.tr("&Planned on:"), DATE),
                Field("notes", self.tr("N&otes:"), MULTILINE),
            ],
            lambda store, values: plan_provider_control(store, intervention_id, **values),
        )


class RecordControlDialog(RecordDialog):
    def __init__(self, session: SessionAPI, control_id: int, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.build(
            self.tr("Provider control done"),
            [
                Field("done_on", self.tr("&Done on:"), DATE, default=_today()),
                Field("notes", self.tr("&What was found:"), MULTILINE),
            ],
            lambda store, values: record_provider_control(store, control_id, **values),
        )


class ConsentDialog(RecordDialog):
    def __init__(
        self,
        session: SessionAPI,
        case_id: int,
        persons: Sequence[tuple[int, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, parent)
        comma = self.tr("Separate several with commas")
        self.build(
            self.tr("New consent"),
            [
                Field("agencies", self.tr("&Agencies:"), LIST, hint=comma),
                Field("municipalities", self.tr("&Municipalities:"), LIST, hint=comma),
                Field("signed_on", self.tr("&Signed on:"), DATE, default=_today()),
                Field("expires_on", self.tr("&Expires on:"), DATE),
                Field("person_id", self.tr("&Given by:"), CHOICE, persons, optional=True),
            ],
            lambda store, values: add_consent(store, case_id, **values),
            intro=self.tr(
                "A handover to another municipality needs a valid consent covering it (or "
                "another legal basis)."
            ),
        )


class RevokeConsentDialog(RecordDialog):
    def __init__(self, session: SessionAPI, consent_id: int, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.build(
            self.tr("Revoke consent"),
            [
                Field("revoked_on", self.tr("&Revoked on:"), DATE, default=_today()),
                Field("reason", self.tr("&Reason:"), MULTILINE),
            ],
            lambda store, values: revoke_consent(store, consent_id, **values),
        )


class AgreementDialog(RecordDialog):
    def __init__(self, session: SessionAPI, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.build(
            self.tr("New agreement"),
            [
                Field("signed_on", self.tr("&Signed on:"), DATE, default=_today()),
                Field("valid_until", self.tr("&Valid until:"), DATE),
                Field("summary", self.tr("S&ummary:"), MULTILINE),
                Field(
                    "conditions",
                    self.tr("&Conditions:"),
                    LINES,
                    hint=self.tr("One condition per line"),
                ),
            ],
            lambda store, values: add_agreement(store, case_id, **values),
        )


class ConditionDialog(RecordDialog):
    def __init__(
        self, session: SessionAPI, agreement_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, parent)
        self.build(
            self.tr("New condition"),
            [Field("text", self.tr("&Condition:"), MULTILINE)],
            lambda store, values: add_condition(store, agreement_id, values["text"]),
        )


class BreachDialog(RecordDialog):
    def __init__(
        self, session: SessionAPI, condition_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, parent)
        self.build(
            self.tr("Breach of a condition"),
            [
                Field("occurred_on", self.tr("&Occurred on:"), DATE, default=_today()),
                Field("description", self.tr("&What happened:"), MULTILINE),
                Field("consequence", self.tr("&Consequence:"), MULTILINE),
            ],
            lambda store, values: record_breach(store, condition_id, **values),
        )
