"""Contacts: other units' cards, fingerprint verification, revocation, and our own card.

Every store call runs on the store worker (``session.run``). A contact's fingerprint is
shown in the list only once it is verified: an unverified one is verified by typing what
the other unit reads aloud (ui/contacts/fingerprint_dialog.py), not by copying it off this screen.
Importing a key-update card (a contact's key rotation) applies it to the contact.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from storage.vault.outputs import write_output
from storage.vault.store import Store
from sync.trust.contacts import (
    REVOKED,
    UNVERIFIED,
    VERIFIED,
    Contact,
    apply_contact_update,
    get_contact,
    import_card,
    list_contacts,
    read_card,
    revoke_contact,
)
from sync.trust.identity import (
    export_card,
    get_identity,
)
from ui.contacts.fingerprint_dialog import (
    FingerprintPanel,
    VerifyContactDialog,
)
from ui.kit.dialogs import (
    info,
    open_path,
    plain_label,
    quiet_buttons,
    save_path,
)
from ui.kit.tables import Cell, TableModel, use_eliding_header
from ui.kit.windows import fit_to_screen
from ui.runtime.session_api import SessionAPI

_Index = QModelIndex | QPersistentModelIndex
CARD_FILTER = "*.utvagkort"


def contact_name(contact: Any) -> str:
    return f"{contact.caseworker}, {contact.unit}, {contact.municipality}"


def _contact_headers() -> list[str]:
    return [
        QCoreApplication.translate("ContactsModel", "Municipality"),
        QCoreApplication.translate("ContactsModel", "Unit"),
        QCoreApplication.translate("ContactsModel", "Caseworker"),
        QCoreApplication.translate("ContactsModel", "Status"),
        QCoreApplication.translate("ContactsModel", "Fingerprint"),
    ]


def status_text(contact: Contact) -> str:
    if contact.status == VERIFIED:
        day = (contact.verified_at or "")[:10]
        return QCoreApplication.translate("ContactsModel", "verified {day}").format(day=day).strip()
    if contact.status == REVOKED:
        day = (contact.revoked_at or "")[:10]
        return QCoreApplication.translate("ContactsModel", "revoked {day}").format(day=day).strip()
    return QCoreApplication.translate("ContactsModel", "not verified")


def contact_row(contact: Contact) -> list[str | Cell]:
    fingerprint = (
        contact.fingerprint
        if contact.status != UNVERIFIED
        else QCoreApplication.translate("ContactsModel", "(verify first)")
    )
    # the whole fingerprint as a tooltip when the column is narrow
    return [
        Cell(contact.municipality, tooltip=""),
        Cell(contact.unit, tooltip=""),
        Cell(contact.caseworker, tooltip=""),
        Cell(status_text(contact), tooltip=""),
        fingerprint,
    ]


class ContactsModel(TableModel[Contact]):
    """Contacts, colleagues of this unit first and marked as such (issue 14, docs/sync.md)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(_contact_headers, self._row, parent)
        self.colleague_ids: set[int] = set()

    def _row(self, contact: Contact) -> list[str | Cell]:
        row = contact_row(contact)
        if contact.id in self.colleague_ids:
            mark = QCoreApplication.translate("ContactsModel", "colleague in your unit")
            row[2] = Cell(f"{contact.caseworker} · {mark}", tooltip="")
        return row


class RevokeDialog(QDialog):
    """Confirm a revocation, with an optional reason (kept in the store and audited)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("revokeDialog")
        self.setWindowTitle(self.tr("Revoke contact"))
        text = self.tr(
            "Revoke {name}? Cases can no longer be sent to this contact, and bundles and "
            "receipts signed with its key are refused. This cannot be undone: the key can "
            "never be trusted again."
        ).format(name=name)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("revokeReason")
        self.reason.setMaxLength(500)
        self.reason.setPlaceholderText(self.tr("Reason (e.g. the laptop was stolen)"))
        self.reason.setAccessibleName(self.tr("Reason"))
        buttons = QDialogButtonBox(self)
        self.revoke_button = buttons.addButton(
            self.tr("&Revoke"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        self.revoke_button.clicked.connect(self.accept)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(text, self))
        layout.addWidget(self.reason)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)


class ContactsView(QDialog):
    def __init__(self, session: SessionAPI, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactsView")
        self.setWindowTitle(self.tr("Contacts"))
        self.session = session
        self.model = ContactsModel(self)
        self.ours: tuple[str, str] = ("", "")
        session.guard.register(self.model)
        session.guard.register(self)
        session.guard.track_dialog(self)
        self.verify_dialog: VerifyContactDialog | None = None

        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Contacts"))
        use_eliding_header(self.table)
        self.table.setObjectName("contactsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.import_button = QPushButton(self.tr("&Import card…"), self)
        self.verify_button = QPushButton(self.tr("&Verify…"), self)
        self.verify_button.setObjectName("verifyContact")
        self.revoke_button = QPushButton(self.tr("&Revoke…"), self)
        self.revoke_button.setObjectName("revokeContact")
        self.status = plain_label("", self, "contactsStatus")
        self.own_box = QGroupBox(self.tr("This unit's card"), self)
        self.own_name = plain_label("", self.own_box)
        self.own_panel = FingerprintPanel(self.tr("Our fingerprint"), self.own_box)
        self.export_button = QPushButton(self.tr("&Export our card…"), self.own_box)
        own = QVBoxLayout(self.own_box)
        own.addWidget(self.own_name)
        own.addWidget(self.own_panel, 1)
        own.addWidget(self.export_button)
        close = QPushButton(self.tr("Close"), self)

        left = QVBoxLayout()
        left.addWidget(self.table, 1)
        left.addWidget(self.status)
        row = QHBoxLayout()
        for button in (self.import_button, self.verify_button, self.revoke_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        left.addLayout(row)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(self.own_box, 0)

        self.import_button.clicked.connect(self.choose_card)
        self.verify_button.clicked.connect(self.open_verify)
        self.revoke_button.clicked.connect(self.ask_revoke)
        self.export_button.clicked.connect(self.choose_export)
        close.clicked.connect(self.reject)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(self.open_verify)
        fit_to_screen(self, 1240, 540)
        quiet_buttons(self)
        self._selection_changed()
        self.refresh()

    # ------------------------------------------------------------------ loading
    def refresh(self, select_id: int | None = None) -> None:
        def load(store: Store) -> tuple[list[Any], Any]:
            return list_contacts(store), get_identity(store)

        self.session.run(self, load, lambda r: self._loaded(r, select_id), progress=False)

    def _loaded(self, result: tuple[list[Any], Any], select_id: int | None) -> None:
        contacts, me = result
        ours = (me.municipality.casefold(), me.unit.casefold())
        self.model.colleague_ids = {
            c.id for c in contacts if (c.municipality.casefold(), c.unit.casefold()) == ours
        }
        contacts = sorted(contacts, key=lambda c: c.id not in self.model.colleague_ids)
        self.model.set_records(contacts)
        self.ours = (me.fingerprint, me.qr_payload)
        self.own_name.setText(f"{me.caseworker}\n{me.unit}, {me.municipality}")
        self.own_panel.set_fingerprint(*self.ours)
        for row, contact in enumerate(contacts):
            if contact.id == select_id:
                self.table.selectRow(row)
        self._selection_changed()

    def clear_for_lock(self) -> None:
        self.ours = ("", "")
        self.own_name.clear()
        self.own_panel.clear()

    def selected(self) -> Any | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _selection_changed(self) -> None:
        contact = self.selected()
        self.verify_button.setEnabled(contact is not None and contact.status == "unverified")
        self.revoke_button.setEnabled(contact is not None and contact.status != REVOKED)

    # ------------------------------------------------------------------ import
    def choose_card(self) -> None:
        path = open_path(self, self.tr("Import a contact card"), self._card_filter())
        if path is not None and self.session.is_unlocked:
            self.import_file(path)

    def _card_filter(self) -> str:
        return self.tr("Contact card ({pattern})").format(pattern=CARD_FILTER)

    def import_file(self, path: Path) -> None:
        def work(store: Store) -> tuple[str, int]:
            data = Path(path).read_bytes()
            if read_card(data).previous is not None:
                return "update", apply_contact_update(store, data)
            contact_id = import_card(store, data)
            return get_contact(store, contact_id).status, contact_id

        self.session.run(self, work, self._imported, label=self.tr("Importing the card…"))

    def _imported(self, result: tuple[str, int]) -> None:
        kind, contact_id = result
        if kind == "update":
            text = self.tr("The contact's new keys were applied; it stays verified.")
        elif kind == VERIFIED:
            text = self.tr("This card was imported before; the contact is verified.")
        else:
            text = self.tr(
                "The card was imported as not verified. Verify its fingerprint with the other "
                "unit before you send or accept anything."
            )
        self.status.setText(text)
        self.refresh(select_id=contact_id)

    # ------------------------------------------------------------------ verify, revoke
    def open_verify(self) -> None:
        contact = self.selected()
        if contact is None or contact.status != "unverified" or not self.ours[0]:
            return
        dialog = VerifyContactDialog(
            self.session, contact.id, contact_name(contact), self.ours, self
        )
        self.verify_dialog = dialog
        dialog.verified.connect(self._verified)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _verified(self, contact: Any) -> None:
        self.status.setText(self.tr("{name} is verified.").format(name=contact_name(contact)))
        self.refresh(select_id=contact.id)

    def ask_revoke(self) -> None:
        contact = self.selected()
        if contact is None or contact.status == REVOKED:
            return
        dialog = RevokeDialog(contact_name(contact), self)
        self.session.guard.track_dialog(dialog)
        dialog.accepted.connect(lambda: self.revoke(contact.id, dialog.reason.text()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def revoke(self, contact_id: int, reason: str) -> None:
        self.session.run(
            self,
            lambda store: revoke_contact(store, contact_id, reason),
            lambda c: self._revoked(c),
            progress=False,
        )

    def _revoked(self, contact: Any) -> None:
        self.status.setText(self.tr("{name} is revoked.").format(name=contact_name(contact)))
        self.refresh(select_id=contact.id)

    # ------------------------------------------------------------------ our card
    def choose_export(self) -> None:
        path = save_path(
            self, self.tr("Export our contact card"), "utvag.utvagkort", self._card_filter()
        )
        if path is not None and self.session.is_unlocked:
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        def work(store: Any) -> Path:
            write_output(store, Path(path).absolute(), export_card(store), "card")
            return Path(path)

        self.session.run(self, work, self._exported, progress=False)

    def _exported(self, path: Path) -> None:
        text = self.tr(
            "Our card was saved as {file}. Give it to the other unit, then compare "
            "fingerprints on the phone or in person."
        ).format(file=path.name)
        self.status.setText(text)
        info(self, text)
