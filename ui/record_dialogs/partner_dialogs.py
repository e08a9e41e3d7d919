"""Dialogs for the partner register (samverkansparter) and a partner's link to a case.

A partner is a contact at another organisation — the police, Kriminalvården or frivården,
a lawyer, a school, an employer, regional psychiatry — with phone and e-mail (shapes checked
by the domain). Linking one to a case gives its role there ("kontaktpolis"); linking an
already linked partner again changes the role.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QWidget

from storage.records import Partner, PartnerKind
from storage.registers.partners import (
    add_partner,
    link_partner,
    update_partner,
)
from storage.vault.store import Store
from ui.kit import labels
from ui.record_dialogs.form import (
    CHOICE,
    MULTILINE,
    Field,
    RecordDialog,
)
from ui.runtime.session_api import SessionAPI


def partner_text(partner: Partner) -> str:
    """``Kim Polis (polisen, Polisregion Öst)`` — how a partner is named in a choice."""
    where = ", ".join(p for p in (labels.label(partner.kind), partner.organisation) if p)
    return f"{partner.name} ({where})"


class PartnerDialog(RecordDialog):
    """A new partner in the register, or one's details changed."""

    def __init__(
        self, session: SessionAPI, parent: QWidget | None = None, *, partner: Partner | None = None
    ) -> None:
        super().__init__(session, parent)
        given = partner
        fields = [
            Field(
                "kind",
                self.tr("&Kind:"),
                CHOICE,
                labels.choices(PartnerKind),
                default=given.kind.value if given else PartnerKind.POLICE.value,
            ),
            Field(
                "name",
                self.tr("&Name or function:"),
                default=given.name if given else None,
                hint=self.tr("e.g. Kim Andersson or the duty officer"),
            ),
            Field(
                "organisation",
                self.tr("&Organisation:"),
                default=given.organisation if given else None,
            ),
            Field(
                "phone",
                self.tr("&Phone:"),
                default=given.phone if given else None,
                hint=self.tr("e.g. 010-123 45 67"),
            ),
            Field("email", self.tr("&E-mail:"), default=given.email if given else None),
            Field("notes", self.tr("N&otes:"), MULTILINE, default=given.notes if given else None),
        ]
        if given is None:
            title = self.tr("New partner")

            def submit(store: Store, values: dict[str, Any]) -> int:
                return add_partner(store, **values)
        else:
            title = self.tr("Edit partner")
            partner_id = given.id

            def submit(store: Store, values: dict[str, Any]) -> int:
                update_partner(store, partner_id, **values)
                return partner_id

        self.build(
            title,
            fields,
            submit,
            intro=self.tr(
                "The register is shared by every case and stays inside the encrypted database. "
                "Which partners a person has is case data: write nothing here about the person."
            ),
        )


class LinkPartnerDialog(RecordDialog):
    """Link a partner of the register to a case, with its role there (or change the role)."""

    def __init__(
        self,
        session: SessionAPI,
        case_id: int,
        partners: Sequence[Partner],
        parent: QWidget | None = None,
        *,
        chosen: Partner | None = None,
        role: str | None = None,
    ) -> None:
        super().__init__(session, parent)
        choices = [(p.id, partner_text(p)) for p in partners]
        self.build(
            self.tr("Partner in the case") if chosen else self.tr("Link a partner to the case"),
            [
                Field(
                    "partner_id",
                    self.tr("&Partner:"),
                    CHOICE,
                    choices,
                    default=chosen.id if chosen else None,
                ),
                Field(
                    "role",
                    self.tr("&Role in the case:"),
                    default=role,
                    hint=self.tr("e.g. contact police officer, supervisor at the work placement"),
                ),
            ],
            lambda store, values: link_partner(
                store, case_id, values["partner_id"], values["role"]
            ),
            intro=self.tr(
                "A partner who is not in the list is added under Tools › Partners first."
            ),
        )
        if chosen is not None:
            self.inputs["partner_id"].setEnabled(False)
