"""Kollegor: who works the case with you and in which role (badges), what each colleague has
of your changes ("har dina ändringar till 14:02"), "Dela med kollega…", ending a share, and
the conflicts — "Ändrat av båda: …" — each version with who and when, resolved by choosing
one (the choice is itself a change that is synced).

Only the responsible caseworker (ansvarig handläggare) shares and ends shares; the domain
refuses anyone else with one clear message.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from storage.team.conflicts import Conflict, Version, case_conflicts, resolve
from storage.team.shares import SharedCase, shared_case_of
from storage.vault.store import Store
from sync.team import members as team
from sync.trust.contacts import Contact
from ui.case_view.base import CaseTab, button_row, section_title
from ui.kit import labels
from ui.kit.tables import RecordTable, TableModel
from ui.runtime.error_dialog import show_error
from ui.runtime.session_api import SessionAPI
from ui.team.share_dialog import ShareDialog


@dataclass(frozen=True)
class VersionRow:
    conflict: Conflict
    version: Version
    first: bool  # the conflict's first row carries its name


@dataclass(frozen=True)
class TeamData:
    shared: SharedCase | None
    members: list[team.Member]
    rows: list[VersionRow]
    names: dict[str, str]
    colleagues: list[Contact]


def clock_time(clock: str | None) -> str:
    """A hybrid logical clock as local date and time (``2026-12-06 14:02``)."""
    if not clock:
        return "–"
    moment = dt.datetime.fromtimestamp(int(clock.split("-")[0]) / 1000, dt.UTC).astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")


class TeamTab(CaseTab):
    def __init__(self, session: SessionAPI, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("teamTab")
        self.data: TeamData | None = None
        self.role_badge = QLabel(self)
        self.role_badge.setObjectName("teamRoleBadge")
        self.role_badge.setTextFormat(Qt.TextFormat.PlainText)
        self.members_title = section_title(parent=self)
        self.members_model: TableModel[team.Member] = TableModel(
            lambda: [
                self.tr("Colleague"),
                self.tr("Role"),
                self.tr("From"),
                self.tr("Until"),
                self.tr("State"),
                self.tr("Has your changes up to"),
            ],
            lambda m: [
                m.caseworker,
                self.role_text(m.role),
                m.valid_from or "",
                m.valid_until or "",
                self.state_text(m),
                clock_time(m.acked_clock),
            ],
            self,
            muted=lambda m: m.state != "active",
        )
        self.members = RecordTable("teamMembers", self.members_model, self, stretch=(0, 5))
        self.share_button = QPushButton(self)
        self.share_button.setObjectName("shareButton")
        self.end_button = QPushButton(self)
        self.end_button.setObjectName("endShareButton")
        self.conflicts_title = section_title(parent=self)
        self.conflicts_model: TableModel[VersionRow] = TableModel(
            lambda: [self.tr("Conflict"), self.tr("By"), self.tr("When"), self.tr("Value")],
            lambda r: [
                self.conflict_text(r.conflict) if r.first else "",
                self.data.names.get(r.version.author, r.version.author) if self.data else "",
                clock_time(r.version.clock),
                self.value_text(r.version, r.conflict.protected),
            ],
            self,
        )
        self.conflicts = RecordTable("teamConflicts", self.conflicts_model, self, stretch=(3,))
        self.keep_button = QPushButton(self)
        self.keep_button.setObjectName("keepVersionButton")
        layout = QVBoxLayout(self)
        layout.addWidget(self.role_badge)
        layout.addWidget(self.members_title)
        layout.addWidget(self.members, 1)
        layout.addLayout(button_row(self.share_button, self.end_button))
        layout.addWidget(self.conflicts_title)
        layout.addWidget(self.conflicts, 1)
        layout.addLayout(button_row(self.keep_button))
        self.share_button.clicked.connect(self.open_share)
        self.end_button.clicked.connect(self._end)
        self.keep_button.clicked.connect(self._keep)
        self.members.selectionModel().currentRowChanged.connect(self._chosen)
        self.conflicts.selectionModel().currentRowChanged.connect(self._chosen)
        session.guard.register(self.members_model)
        session.guard.register(self.conflicts_model)
        self.retranslate()
        self.clear_view()

    def title(self) -> str:
        return self.tr("Colleagues")

    def retranslate(self) -> None:
        self.members_title.setText(self.tr("Colleagues on the case"))
        self.conflicts_title.setText(self.tr("Changed by both"))
        self.share_button.setText(self.tr("&Share with a colleague…"))
        self.end_button.setText(self.tr("&End the share"))
        self.keep_button.setText(self.tr("&Keep this version"))
        self.members.setAccessibleName(self.tr("Colleagues on the case"))
        self.conflicts.setAccessibleName(self.tr("Changes made by two colleagues at once"))
        if self.data is not None:
            self.show_data(self.data)

    # ------------------------------------------------------------------ texts
    def role_text(self, role: str) -> str:
        return {
            "responsible": self.tr("Responsible caseworker"),
            "co": self.tr("Co-caseworker"),
            "stand_in": self.tr("Stand-in"),
        }.get(role, role)

    def state_text(self, m: team.Member) -> str:
        if m.removed_at:
            return self.tr("Ended, copy removed {time}").format(
                time=labels.local_time(m.removed_at)
            )
        return {
            "active": self.tr("Active"),
            "ended": self.tr("Ended"),
            "revoked": self.tr("Revoked"),
        }.get(m.state, m.state)

    def conflict_text(self, c: Conflict) -> str:
        if c.register == "~":
            return self.tr("Removed by one, changed by the other")
        return self.tr("Changed by both: {fields}").format(fields=self.field_text(c.register))

    def field_text(self, register: str) -> str:
        """The register by its first field's name as the case view calls it."""
        names = {
            "status": self.tr("Status"),
            "stay_municipality": self.tr("Stay municipality"),
            "home_municipality": self.tr("Home municipality"),
            "referral_source": self.tr("Referred by"),
            "caseworker": self.tr("Caseworker"),
            "language": self.tr("Language"),
            "birth_year": self.tr("Birth year"),
            "role": self.tr("Relation"),
            "name": self.tr("Name"),
            "id_number": self.tr("Personal identity number"),
            "gender": self.tr("Gender"),
            "protection_level": self.tr("Protection level"),
            "erroneous_by": self.tr("Marked as erroneous"),
            "signed_on": self.tr("Consent dates"),
            "moved_in_on": self.tr("Placement dates"),
            "started_on": self.tr("Intervention dates"),
            "assessed_on": self.tr("Assessment dates"),
            "address_street": self.tr("Protected address"),
            "fictitious_name": self.tr("Fictitious identity"),
            "ending_reason": self.tr("Reason for ending"),
            "partners": self.tr("Partners"),
            "notified_on": self.tr("Date the decision was made known"),
            "outcome": self.tr("Outcome of the appeal"),
            "held_on": self.tr("SIP dates"),
            "lead": self.tr("SIP lead"),
            "participants": self.tr("Participants"),
            "referral_sent_on": self.tr("Referral"),
            "provider_name": self.tr("Provider"),
            "method_code": self.tr("Method"),
            "decision_id": self.tr("Decision"),
            "group_name": self.tr("Group"),
            "needs": self.tr("Domains followed up"),
            "interventions": self.tr("Interventions followed up"),
            "due_on": self.tr("Due date"),
            "done_on": self.tr("Done"),
            "text": self.tr("Text"),
            "valid_until": self.tr("Valid until"),
        }
        return names.get(register, register)

    def value_text(self, v: Version, protected: bool = False) -> str:
        if v.removal:
            return self.tr("(removed)")
        if protected:
            return "••"  # opened only through the audited reveal of the case view
        return ", ".join("–" if x is None else str(x) for x in v.values.values()) or "–"

    # ------------------------------------------------------------------ data
    @staticmethod
    def fetch(store: Store, case_id: int) -> TeamData:
        shared = shared_case_of(store, case_id)
        on_case = [] if shared is None else team.members(store, shared.case_uid)
        rows = [
            VersionRow(c, v, i == 0)
            for c in case_conflicts(store, case_id)
            for i, v in enumerate(c.versions)
        ]
        return TeamData(shared, on_case, rows, team.author_names(store), team.colleagues(store))

    def show_data(self, data: TeamData) -> None:
        self.data = data
        if data.shared is None:
            self.role_badge.setText(self.tr("The case is not shared with a colleague."))
        else:
            self.role_badge.setText(
                self.tr("Your role: {role}").format(role=self.role_text(data.shared.role))
            )
        self.members_model.set_records(data.members)
        self.conflicts_model.set_records(data.rows)
        self.share_button.setEnabled(bool(data.colleagues))
        self._chosen(QModelIndex(), QModelIndex())

    def clear_view(self) -> None:
        self.data = None
        self.role_badge.clear()
        self.members_model.set_records([])
        self.conflicts_model.set_records([])
        for button in (self.share_button, self.end_button, self.keep_button):
            button.setEnabled(False)

    def _chosen(self, _current: Any, _previous: Any) -> None:
        member = self.members_model.record(self.members.currentIndex().row())
        self.end_button.setEnabled(isinstance(member, team.Member) and member.state == "active")
        row = self.conflicts_model.record(self.conflicts.currentIndex().row())
        # without the protected details, a conflict of them is resolved by a colleague with
        # them (storage/team/protected.py refuses it here)
        held = self.data is None or self.data.shared is None or self.data.shared.protected
        locked = isinstance(row, VersionRow) and row.conflict.protected and not held
        self.keep_button.setEnabled(isinstance(row, VersionRow) and not locked)
        self.keep_button.setToolTip(
            self.tr(
                "Your share of this case does not include the protected details: the "
                "responsible caseworker changes them."
            )
            if locked
            else ""
        )
        if isinstance(row, VersionRow) and row.conflict.register == "~":
            self.keep_button.setText(
                self.tr("&Remove it") if row.version.removal else self.tr("&Keep it")
            )
        else:
            self.keep_button.setText(self.tr("&Keep this version"))

    # ------------------------------------------------------------------ actions
    def open_share(self) -> ShareDialog | None:
        if self.case_id is None or self.data is None:
            return None
        dialog = ShareDialog(self.session, self.case_id, self.data.colleagues, self)
        self.open_dialog(dialog)
        return dialog

    def _after(self, _result: object = None) -> None:
        self.reload()
        self.changed.emit()

    def _end(self) -> None:
        member = self.members_model.record(self.members.currentIndex().row())
        case_id = self.case_id
        if not isinstance(member, team.Member) or case_id is None:
            return
        self.session.run(
            self,
            lambda store: team.end_share(store, case_id, member.contact_id),
            self._after,
            self._failed,
        )

    def _keep(self) -> None:
        row = self.conflicts_model.record(self.conflicts.currentIndex().row())
        if not isinstance(row, VersionRow):
            return
        conflict, version = row.conflict, row.version
        if conflict.register == "~":
            work = lambda store: resolve(store, conflict, None, keep=not version.removal)  # noqa: E731
        else:
            work = lambda store: resolve(store, conflict, version.op_id)  # noqa: E731
        self.session.run(self, work, self._after, self._failed)

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc)
