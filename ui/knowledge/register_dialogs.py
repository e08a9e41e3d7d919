"""Dialogs of the method and provision registers: a method (name, description, target
group, evidence level and its source), a provision (law, chapter and section, what it is
about, the source it was checked against and when, a note; in use or not)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from storage.records.knowledge import EvidenceLevel, Method, Provision
from storage.registers.methods import add_method, update_method
from storage.registers.provisions import add_provision, update_provision
from ui.kit import vocab
from ui.record_dialogs.form import BOOL, CHOICE, DATE, MULTILINE, Field, RecordDialog
from ui.runtime.session_api import SessionAPI


class MethodDialog(RecordDialog):
    """A new method, or (``method``) a change to one (its code never changes)."""

    def __init__(
        self, session: SessionAPI, method: Method | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, parent)
        self.setObjectName("methodDialog")
        m = method
        fields = [
            Field("name", self.tr("&Name:"), default=m.name if m else None),
            Field(
                "description",
                self.tr("&Description:"),
                MULTILINE,
                default=m.description if m else None,
            ),
            Field(
                "target_group",
                self.tr("&Target group:"),
                MULTILINE,
                default=m.target_group if m else None,
            ),
            Field(
                "evidence_level",
                self.tr("&Evidence level:"),
                CHOICE,
                vocab.choices(EvidenceLevel),
                default=m.evidence_level.value if m else EvidenceLevel.NOT_ASSESSED.value,
            ),
            Field(
                "evidence_source",
                self.tr("&Source of the level:"),
                MULTILINE,
                default=m.evidence_source if m else None,
                hint=self.tr("Required unless the level is 'not assessed'"),
            ),
        ]
        intro = self.tr(
            "Give an evidence level only with its source (for example Socialstyrelsen's "
            "method guide); without one the method stays 'not assessed'."
        )
        if m is None:
            self.build(
                self.tr("New method"),
                fields,
                lambda store, values: add_method(store, **values),
                intro=intro,
            )
        else:
            method_id = m.id
            self.build(
                self.tr("Change method"),
                fields,
                lambda store, values: update_method(store, method_id, **values),
                intro=intro,
            )
        for key in ("description", "target_group", "evidence_source"):
            self.inputs[key].setMinimumHeight(56)


class ProvisionDialog(RecordDialog):
    """A new provision, or (``provision``) a change to one. A signed decision keeps the
    provision's text as it read when it was signed."""

    def __init__(
        self,
        session: SessionAPI,
        provision: Provision | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, parent)
        self.setObjectName("provisionDialog")
        p = provision
        fields = [
            Field(
                "law",
                self.tr("&Law:"),
                default=p.law if p else None,
                hint=self.tr("e.g. Socialtjänstlag (2025:400)"),
            ),
            Field(
                "reference",
                self.tr("&Chapter and section:"),
                default=p.reference if p else None,
                hint=self.tr("e.g. 4 kap. 1 §; empty until checked"),
            ),
            Field("title", self.tr("&About:"), default=p.title if p else None),
            Field("source", self.tr("&Source:"), MULTILINE, default=p.source if p else None),
            Field(
                "source_date",
                self.tr("&Checked on:"),
                DATE,
                default=p.source_date.isoformat() if p and p.source_date else None,
            ),
            Field("note", self.tr("N&ote:"), MULTILINE, default=p.note if p else None),
        ]
        if p is None:
            self.build(
                self.tr("New provision"),
                fields,
                lambda store, values: add_provision(store, **values),
            )
        else:
            provision_id = p.id
            fields.append(
                Field("active", self.tr("&In use for new decisions"), BOOL, default=p.active)
            )
            self.build(
                self.tr("Change provision"),
                fields,
                lambda store, values: update_provision(store, provision_id, **values),
                intro=self.tr(
                    "Signed decisions keep the provision as it read when they were signed."
                ),
            )
        for key in ("source", "note"):
            self.inputs[key].setMinimumHeight(56)
