"""Sending the national report of a period to a coordinator (docs/national-report.md).

The caseworker picks a verified contact as the coordinator and where to save the bundle;
the report (every municipality of the store, the knowledge tables and the grant summary,
decided like an export) is sealed for that contact on the worker thread, recorded in the
ledger and audited. Refusals (nothing can be published, the numbers changed, the contact is
not verified) are shown with the reason, and nothing is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from storage.vault.store import Store
from sync.report.national import export_national_report, make_report
from sync.trust.contacts import list_contacts
from ui.kit.dialogs import plain_label, save_path, set_state
from ui.kit.windows import fit_to_screen
from ui.runtime.error_dialog import error_text
from ui.runtime.session_api import SessionAPI


class NationalReportDialog(QDialog):
    def __init__(
        self, session: SessionAPI, start: str, end: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("nationalReportDialog")
        self.setWindowTitle(self.tr("National report"))
        self.session = session
        self.start, self.end = start, end
        session.guard.register(self)
        session.guard.track_dialog(self)
        self.intro = plain_label(
            self.tr(
                "The tables of {start} – {end} for every municipality in this database — "
                "also the needs, methods and outcomes and the state grant summary — hidden "
                "as in an export, signed with your key and encrypted to the coordinator. No "
                "names, case numbers or dates of cases leave the computer."
            ).format(start=start, end=end),
            self,
        )
        self.coordinator = QComboBox(self)
        self.coordinator.setObjectName("nationalCoordinator")
        self.coordinator.setAccessibleName(self.tr("Coordinator"))
        self.status = plain_label("", self, "nationalStatus")
        self.buttons = QDialogButtonBox(self)
        self.send = self.buttons.addButton(
            self.tr("&Save for the coordinator…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.send.setEnabled(False)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        form = QFormLayout()
        form.addRow(self.tr("&Coordinator:"), self.coordinator)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.send.clicked.connect(self.choose_file)
        self.buttons.rejected.connect(self.reject)
        fit_to_screen(self, 560, 260)
        session.run(self, self._contacts, self._listed, self._failed, progress=False)

    @staticmethod
    def _contacts(store: Store) -> list[tuple[int, str]]:
        return [
            (c.id, f"{c.municipality} — {c.unit} ({c.caseworker})")
            for c in list_contacts(store, include_revoked=False)
            if c.usable
        ]

    def _listed(self, found: list[tuple[int, str]]) -> None:
        self.coordinator.clear()
        for contact_id, label in found:
            self.coordinator.addItem(label, contact_id)
        self.send.setEnabled(bool(found))
        if not found:
            self.status.setText(
                self.tr("No verified contact yet: add and verify the coordinator under Contacts.")
            )
            set_state(self.status, "warning")

    def choose_file(self) -> None:
        if self.coordinator.currentData() is None:
            return
        name = f"utvag-nationell-rapport-{self.start}-{self.end}.utvag"
        path = save_path(self, self.tr("Save the national report"), name, "Utväg (*.utvag)")
        if path is not None and self.session.is_unlocked:
            self.send_to(path)

    def send_to(self, path: Path) -> None:
        """Seal the report for the chosen coordinator into ``path`` (on the worker)."""
        contact = self.coordinator.currentData()
        if contact is None:
            return
        start, end = self.start, self.end

        def work(store: Store) -> Any:
            report = make_report(store, start, end)
            return export_national_report(store, report, coordinator=int(contact), out=path)

        self.session.run(self, work, self._sent, self._failed, label=self.tr("Sealing…"))

    def _sent(self, sealed: Any) -> None:
        self.status.setText(
            self.tr("Saved as {file}. Send the file to the coordinator.").format(
                file=sealed.path.name
            )
        )
        set_state(self.status, "ok")

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(error_text(exc))
        set_state(self.status, "error")

    def clear_for_lock(self) -> None:
        self.coordinator.clear()
        self.status.clear()
        self.send.setEnabled(False)
