"""Dialogs for persons (huvudperson, närstående), fictitious identities and placements.

Protected values are never prefilled: editing a person leaves name and personnummer empty,
and an empty field means "unchanged" (a reveal is the only way to read them).

A personnummer given in :class:`PersonDialog` is first checked against our other cases
(``storage.casefile.people.duplicates``): when the person is already there, the dialog
asks (ui/cases/duplicates.py) whether to link the cases as the same person, save without
a link, or go back; saving and linking are one transaction.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QWidget

from storage.casefile.people import PersonMatch, duplicates, link_cases
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
from ui.cases.duplicates import DuplicateDialog
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
        protected_held: bool = True,
    ) -> None:
        """``protected_held``: whether this laptop may change the case's protected details
        (storage/team/protected.py). Without them, a protected person's name and
        personnummer are not offered, and a new person gets no protection level here."""
        super().__init__(session, parent)
        relative = relative or (person is not None and person.role is PersonRole.RELATIVE)
        keep = self.tr("Empty: unchanged")
        masked = (
            not protected_held
            and person is not None
            and person.protection_level is not ProtectionLevel.NONE
        )
        fields = []
        if not masked:
            fields += [
                Field("name", self.tr("&Name:"), hint=keep if person else ""),
                Field(
                    "personnummer",
                    self.tr("&Personnummer or samordningsnummer:"),
                    hint=keep if person else self.tr("YYYYMMDD-NNNN"),
                ),
            ]
        fields += [
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
        ]
        if protected_held or person is not None:
            fields.append(
                Field(
                    "protection_level",
                    self.tr("&Protection level:"),
                    CHOICE,
                    labels.choices(ProtectionLevel),
                    default=person.protection_level.value if person else ProtectionLevel.NONE.value,
                )
            )
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

        self.case_id = case_id
        self.duplicate_dialog: DuplicateDialog | None = None
        self._checked = False
        self.build(title, fields, submit)
        self._submit_person = submit

    # ------------------------------------------------------------------ the duplicate check
    def save(self) -> None:
        """With a personnummer: ask the duplicate check first, then save."""
        if self._checked:  # checked just now: save (and link what was chosen)
            self._checked = False
            super().save()
            return
        number = self.value("personnummer") if "personnummer" in self.inputs else None
        if number is None:
            self.submit = self._submit_person
            super().save()
            return
        case_id = self.case_id
        self._mark(None)
        self.ok_button.setEnabled(False)
        self.session.run(
            self,
            lambda store: duplicates(store, number, exclude_case_id=case_id),
            self._duplicates_checked,
            self._failed,
            progress=False,
        )

    def _duplicates_checked(self, found: list[PersonMatch]) -> None:
        self.ok_button.setEnabled(True)
        if not found:
            self._save_checked([])
            return
        dialog = DuplicateDialog(
            found,
            self,
            link_text=self.tr("&Link the cases and save"),
            go_on_text=self.tr("&Save without a link"),
        )
        self.session.guard.track_dialog(dialog)
        dialog.chosen.connect(lambda link: self._save_checked(dialog.case_ids() if link else []))
        dialog.finished.connect(dialog.deleteLater)
        self.duplicate_dialog = dialog
        dialog.open()

    def _save_checked(self, link_to: list[int]) -> None:
        submit, case_id = self._submit_person, self.case_id

        def save_and_link(store: Store, values: dict[str, Any]) -> int:
            with store.transaction():
                result = submit(store, values)
                for other in link_to:
                    link_cases(store, case_id, other)
            return result

        self.submit = save_and_link
        self._checked = True
        self.save()


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
    def __init__(
        self,
        session: SessionAPI,
        case_id: int,
        parent: QWidget | None = None,
        *,
        protected_held: bool = True,
    ) -> None:
        """``protected_held``: without the case's protected details (a colleague's share
        without them), the protected address is not offered."""
        super().__init__(session, parent)
        fields = [
            Field("municipality", self.tr("&Municipality:")),
            Field(
                "moved_in_on",
                self.tr("Moved &in on:"),
                DATE,
                default=dt.date.today().isoformat(),
            ),
            Field("moved_out_on", self.tr("Moved &out on:"), DATE),
        ]
        if protected_held:
            fields += [
                Field("street", self.tr("Protected address: &street:")),
                Field("postal_code", self.tr("&Postal code:")),
                Field("city", self.tr("&City:")),
            ]
        self.build(
            self.tr("New placement"),
            fields,
            lambda store, values: add_placement(store, case_id, **values),
            intro=self.tr(
                "The address is protected: it is kept apart and shown only with a reason."
            )
            if protected_held
            else self.tr(
                "Your share of this case does not include the protected details: the "
                "responsible caseworker records the address."
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
