"""Dialogs for the threat picture and the network: hotbedömning, nätverkskoppling (and its
end), and the shared group register (groups and their relations)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from storage.casefile.assessments import (
    add_network_link,
    add_threat_assessment,
    end_network_link,
)
from storage.records import (
    Environment,
    Group,
    GroupRelation,
    ThreatLevel,
)
from storage.registers.groups import (
    add_group,
    set_group_relation,
)
from ui.kit import labels
from ui.record_dialogs.form import (
    CHOICE,
    DATE,
    MULTILINE,
    Field,
    RecordDialog,
)
from ui.runtime.session_api import SessionAPI


def _today() -> str:
    return dt.date.today().isoformat()


def group_choices(groups: Sequence[Group]) -> list[tuple[int, str]]:
    return [(g.id, f"{g.name} ({labels.label(g.environment)})") for g in groups]


class ThreatAssessmentDialog(RecordDialog):
    def __init__(self, session: SessionAPI, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.build(
            self.tr("New threat assessment"),
            [
                Field("source_unit", self.tr("&Source (police unit):")),
                Field("assessed_on", self.tr("&Assessed on:"), DATE, default=_today()),
                Field("level", self.tr("Threat &level:"), CHOICE, labels.choices(ThreatLevel)),
                Field("summary", self.tr("S&ummary:"), MULTILINE),
                Field("measures", self.tr("&Measures:"), MULTILINE),
                Field("next_review_on", self.tr("&Next review on:"), DATE),
            ],
            lambda store, values: add_threat_assessment(store, case_id, **values),
        )


class NetworkLinkDialog(RecordDialog):
    def __init__(
        self,
        session: SessionAPI,
        case_id: int,
        groups: Sequence[Group],
        persons: Sequence[tuple[int, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, parent)
        self.build(
            self.tr("New network link"),
            [
                Field("environment", self.tr("&Environment:"), CHOICE, labels.choices(Environment)),
                Field("group_id", self.tr("&Group:"), CHOICE, group_choices(groups), optional=True),
                Field("role", self.tr("&Role:"), hint=self.tr("e.g. member, associate")),
                Field("person_id", self.tr("&Person:"), CHOICE, persons, optional=True),
                Field("left_on", self.tr("&Left on:"), DATE),
            ],
            lambda store, values: add_network_link(store, case_id, **values),
            intro=self.tr("The group comes from the group register; its environment must match."),
        )


class EndNetworkLinkDialog(RecordDialog):
    def __init__(self, session: SessionAPI, link_id: int, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.build(
            self.tr("Left the network"),
            [Field("left_on", self.tr("&Left on:"), DATE, default=_today())],
            lambda store, values: end_network_link(store, link_id, values["left_on"]),
        )


class GroupDialog(RecordDialog):
    def __init__(self, session: SessionAPI, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.build(
            self.tr("New group in the register"),
            [
                Field("name", self.tr("&Name:")),
                Field("environment", self.tr("&Environment:"), CHOICE, labels.choices(Environment)),
                Field("area", self.tr("&Area:")),
                Field("notes", self.tr("N&otes:"), MULTILINE),
            ],
            lambda store, values: add_group(store, **values),
        )


class GroupRelationDialog(RecordDialog):
    def __init__(
        self, session: SessionAPI, groups: Sequence[Group], parent: QWidget | None = None
    ) -> None:
        super().__init__(session, parent)
        choices = group_choices(groups)
        self.build(
            self.tr("Relation between groups"),
            [
                Field("group_a", self.tr("&Group:"), CHOICE, choices),
                Field("relation", self.tr("&Relation:"), CHOICE, labels.choices(GroupRelation)),
                Field("group_b", self.tr("&Other group:"), CHOICE, choices),
                Field("noted_on", self.tr("&Noted on:"), DATE, default=_today()),
            ],
            lambda store, values: set_group_relation(store, **values),
            intro=self.tr(
                "Rival and allied groups are used by the handover's network-conflict check."
            ),
        )
