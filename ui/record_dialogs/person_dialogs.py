"""Dialogs for persons (huvudperson, närstående), fictitious identities and placements.

Protected values are never prefilled: editing a person leaves name and personnummer empty,
and an empty field means "unchanged" (a reveal is the only way to read them).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QWidget

from storage.casefile.persons import (
    add_person,
    set_fictitious_identity,
    update_person,
)
from storage.casefile.placements import (
    add_placement,
    end_placement,
    set_placement_address,
)
from storage.records import (
    Gender,
    Person,
    PersonRole,
    ProtectionLevel,
)
from storage.vault.store import Store
from ui.kit import labels
from ui.record_dialogs.form import (
    BOOL,
    CHOICE,
    DATE,
    INT,
    Field,
    RecordDialog,
)
from ui.runtime.session_api import SessionAPI


class PersonDialog(RecordDialog):
    """Add or edit the principal or a närstående."""

    def __init__(
        self,
        session: SessionAPI,
        case_id: int,
        parent: QWidget | None = None,
        *,
        person: Person | None = None,
        relative: bool = False,
    ) -> None:
        super().__init__(session, parent)
        relative = relative or (person is not None and person.role is PersonRole.RELATIVE)
        keep = self.tr("Empty: unchanged")
        fields = [
            Field("name", self.tr("&Name:"), hint=keep if person else ""),
            Field(
                "personnummer",
                self.tr("&Personnummer or samordningsnummer:"),
                hint=keep if person else self.tr("YYYYMMDD-NNNN"),
            ),
            Field(
                "birth_year",
                self.tr("&Birth year:"),
                INT,
                default=person.birth_year if person else None,
                hint=self.tr("Only without a personnummer"),
            ),
            Field(
                "gender",
                self.tr("&Gender:"),
                CHOICE,
                labels.choices(Gender),
                default=person.gender.value if person else Gender.UNKNOWN.value,
            ),
            Field("language", self.tr("&Language:"), default=person.language if person else None),
            Field(
                "protection_level",
                self.tr("&Protection level:"),
                CHOICE,
                labels.choices(ProtectionLevel),
                default=person.protection_level.value if person else ProtectionLevel.NONE.value,
            ),
        ]
        if relative:
            fields += [
                Field(
                    "relation",
                    self.tr("&Relation to the principal:"),
                    default=person.relation if person else None,
                    hint=self.tr("e.g. mother"),
                ),
                Field(
                    "accompanying_child",
                    self.tr("&Accompanying child"),
                    BOOL,
                    default=person.accompanying_child if person else False,
                ),
            ]
        if person is None:
            role = PersonRole.RELATIVE if relative else PersonRole.PRINCIPAL
            title = self.tr("New relative") if relative else self.tr("Principal")

            def submit(store: Store, values: dict[str, Any]) -> int:
                return add_person(store, case_id, role=role, **values)
        else:
            person_id = person.id
            title = self.tr("Edit relative") if relative else self.tr("Edit principal")

            def submit(store: Store, values: dict[str, Any]) -> int:
                changed = {
                    k: val
                    for k, val in values.items()
                    if val is not None or k not in ("name", "personnummer")
                }
                if changed.get("personnummer") is not None:
                    changed.pop("birth_year", None)  # follows from the number
                update_person(store, person_id, **changed)
                return person_id

        self.build(title, fields, submit)


class FictitiousIdentityDialog(RecordDialog):
    def __init__(self, session: SessionAPI, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.build(
            self.tr("Fictitious personal details"),
            [
                Field("name", self.tr("&Name in the new identity:")),
                Field("personnummer", self.tr("&Personnummer in the new identity:")),
                Field("valid_from", self.tr("&Valid from:"), DATE),
            ],
            lambda store, values: set_fictitious_identity(store, person_id, **values),
            intro=self.tr(
                "Stored apart from the real identity and shown only with a reason. Recording "
                "it sets the person's protection level to fictitious personal details."
            ),
        )


class PlacementDialog(RecordDialog):
    def __init__(self, session: SessionAPI, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.build(
            self.tr("New placement"),
            [
                Field("municipality", self.tr("&Municipality:")),
                Field(
                    "moved_in_on",
                    self.tr("Moved &in on:"),
                    DATE,
                    default=dt.date.today().isoformat(),
                ),
                Field("moved_out_on", self.tr("Moved &out on:"), DATE),
                Field("street", self.tr("Protected address: &street:")),
                Field("postal_code", self.tr("&Postal code:")),
                Field("city", self.tr("&City:")),
            ],
            lambda store, values: add_placement(store, case_id, **values),
            intro=self.tr(
                "The address is protected: it is kept apart and shown only with a reason."
            ),
        )


class PlacementAddressDialog(RecordDialog):
    def __init__(
        self, session: SessionAPI, placement_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, parent)
        self.build(
            self.tr("Protected address"),
            [
                Field("street", self.tr("&Street:")),
                Field("postal_code", self.tr("&Postal code:")),
                Field("city", self.tr("&City:")),
            ],
            lambda store, values: set_placement_address(store, placement_id, **values),
            intro=self.tr("Replaces the placement's address. The old address is not kept."),
        )


class EndPlacementDialog(RecordDialog):
    def __init__(
        self, session: SessionAPI, placement_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, parent)
        self.build(
            self.tr("End placement"),
            [
                Field(
                    "moved_out_on",
                    self.tr("Moved &out on:"),
                    DATE,
                    default=dt.date.today().isoformat(),
                )
            ],
            lambda store, values: end_placement(store, placement_id, values["moved_out_on"]),
        )
