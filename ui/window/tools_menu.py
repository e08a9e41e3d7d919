"""The main window's entries for handover, contacts, follow-up, providers, the method and
provision registers, statistics and backup: a menu *Överlämning*, entries in *Arkiv* and
*Visa*, two toolbar buttons, and a backup reminder in the status bar.

``window.tools`` (this object) is also what other parts call:

- ``start_handover(case_id)`` — the case view's Överlämning tab connects its
  ``handoverRequested(case_id)`` here;
- ``open_followup(case_id)`` — follow-up and timeline for one case (the case view's
  ``followUpRequested``);
- ``caseChanged(case_id)`` — emitted when one of these screens changed a case (handed
  over, receipt imported, case imported, follow-up saved): refresh the list and the view;
- ``team`` — “Synka nu”, the sync folder and the automatic sync (ui/team/sync_controller.py);
- ``pdf_renderer`` — set by desktop/ (``desktop.stats_pdf.render_pdf``) so the statistics
  can be exported as PDF (ui/ does not import desktop/).

Each screen is opened once at a time; every one registers with the session's lock guard.
After every unlock, leftover staging of an import interrupted by a lock is purged, and
bundles or receipts a killed run owed are placed or written again (sync/bundle/outbox.py).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu, QPushButton, QToolBar, QWidget

from storage.backup.backups import backup_due
from storage.errors import UtvagError
from storage.vault.key_access import recovery_drill_due
from storage.vault.store import Store
from sync.bundle.rewrite import reconcile_outbox
from sync.bundle.staging import purge_staging
from ui.access.drill import RecoveryDrillDialog
from ui.cases.case_picker import CasePickerDialog
from ui.contacts.contacts_view import ContactsView
from ui.extract.dialog import ExtractDialog
from ui.handover.import_dialog import ImportDialog
from ui.handover.import_support import import_receipt_file
from ui.handover.wizard import HandoverWizard
from ui.knowledge.coordinator_view import CoordinatorView
from ui.knowledge.followup_view import FollowUpDialog
from ui.knowledge.providers_view import ProvidersView
from ui.knowledge.stats_view import StatsView
from ui.runtime.session_api import SessionAPI
from ui.team.sync_controller import TeamSync
from ui.window.backup_dialog import (
    BackupDialog,
    due_text,
)


@dataclass(frozen=True)
class MenuPlaces:
    """Where the tools go in the main window: its menus, its toolbar and the Quit entry."""

    file_menu: QMenu
    view_menu: QMenu
    before_menu: QMenu  # the Överlämning menu goes before this one
    quit_action: QAction
    toolbar: QToolBar


class ToolsMenu(QObject):
    caseChanged = Signal(int)

    def __init__(self, window: QMainWindow, session: SessionAPI, places: MenuPlaces) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.pdf_renderer: Callable[[Any], bytes] | None = None
        self.open: dict[str, QWidget] = {}

        def action(name: str, slot: Callable[[], None]) -> QAction:
            act = QAction(window)
            act.setObjectName(name)
            act.triggered.connect(lambda _checked=False: slot())
            return act

        self.handover_action = action("handoverAction", lambda: self.start_handover(None))
        self.import_action = action("importHandoverAction", self.open_import)
        self.receipt_action = action("importReceiptAction", self.import_receipt)
        self.contacts_action = action("contactsAction", self.open_contacts)
        self.followup_action = action("followUpAction", lambda: self.open_followup(None))
        self.providers_action = action("providersAction", self.open_providers)
        self.stats_action = action("statsAction", self.open_stats)
        self.coordinator_action = action("coordinatorAction", self.open_coordinator)
        self.backup_action = action("backupAction", self.open_backup)
        self.register_action = action("registerExtractAction", self.open_register_extract)

        self.menu = QMenu(window.menuBar())
        self.menu.setObjectName("handoverMenu")
        window.menuBar().insertMenu(places.before_menu.menuAction(), self.menu)
        for act in (self.handover_action, self.import_action, self.receipt_action):
            self.menu.addAction(act)
        self.menu.addSeparator()
        self.menu.addAction(self.contacts_action)
        places.view_menu.addSeparator()
        for act in (
            self.followup_action,
            self.providers_action,
            self.stats_action,
            self.register_action,
            self.coordinator_action,
            self.stats_action,
        ):
            places.view_menu.addAction(act)
        separators = [a for a in places.file_menu.actions() if a.isSeparator()]
        before = separators[-1] if separators else places.quit_action  # above Quit
        places.file_menu.insertAction(before, self.backup_action)
        places.toolbar.addAction(self.import_action)
        places.toolbar.addAction(self.contacts_action)
        self.team = TeamSync(window, session, self.menu, places.toolbar)  # "Synka nu"
        self.team.synced.connect(lambda r: self.caseChanged.emit(-1) if r.imported else None)

        self.backup_hint = QPushButton(window)
        self.backup_hint.setObjectName("backupHint")
        self.backup_hint.setFlat(True)
        self.backup_hint.setVisible(False)
        self.backup_hint.clicked.connect(self.open_backup)
        window.statusBar().addWidget(self.backup_hint)
        self.drill_hint = QPushButton(window)
        self.drill_hint.setObjectName("drillHint")
        self.drill_hint.setFlat(True)
        self.drill_hint.setVisible(False)
        self.drill_hint.clicked.connect(self.open_drill)
        window.statusBar().addWidget(self.drill_hint)

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Handover"))
        self.handover_action.setText(self.tr("&Hand over a case…"))
        self.import_action.setText(self.tr("&Import handover…"))
        self.import_action.setToolTip(self.tr("Open a handover bundle from another municipality"))
        self.receipt_action.setText(self.tr("Import &receipt…"))
        self.contacts_action.setText(self.tr("&Contacts…"))
        self.followup_action.setText(self.tr("&Follow-up and timeline…"))
        self.providers_action.setText(self.tr("&Providers and controls"))
        self.stats_action.setText(self.tr("&Statistics and state grant"))
        self.coordinator_action.setText(self.tr("National &coordination…"))
        self.backup_action.setText(self.tr("&Backup…"))
        self.register_action.setText(self.tr("&Register extract for a person…"))
        self.team.retranslate()

    # ------------------------------------------------------------------ session
    def session_opened(self) -> None:
        session = self.session

        def work(store: Store) -> Any:
            purge_staging(store)
            # bundles and receipts a killed run recorded but never got into place are
            # placed or written again now (docs/bundle-format.md §7), as the CLI does
            with contextlib.suppress(UtvagError):
                reconcile_outbox(store)
            return backup_due(store), recovery_drill_due(store)

        session.run(self.window, work, self._show_due, lambda _e: None, progress=False)
        self.team.session_opened()

    def _show_due(self, due: Any) -> None:
        backup, drill = due
        text, is_due = due_text(backup)
        self.backup_hint.setText(text if is_due else "")
        self.backup_hint.setToolTip(self.tr("Open Backup"))
        self.backup_hint.setVisible(is_due)
        self.show_drill_due(bool(drill))

    def show_drill_due(self, due: bool) -> None:
        """Every six months: the recovery-code drill is offered in the status bar."""
        self.drill_hint.setText(self.tr("Time to practise with the recovery code") if due else "")
        self.drill_hint.setVisible(due)

    def open_drill(self) -> None:
        dialog = self._single("drill", lambda: RecoveryDrillDialog(self.session, self.window))
        if isinstance(dialog, RecoveryDrillDialog):
            dialog.drilled.connect(lambda _when: self.show_drill_due(False))

    def clear_for_lock(self) -> None:
        self.team.clear_for_lock()
        self.backup_hint.setVisible(False)
        self.backup_hint.setText("")
        self.show_drill_due(False)
        self.open.clear()

    # ------------------------------------------------------------------ screens
    def _single(self, key: str, make: Callable[[], QDialog]) -> QDialog | None:
        if not self.session.is_unlocked:
            return None
        dialog = self.open.get(key)
        if dialog is None or not shiboken6.isValid(dialog):
            dialog = make()
            self.open[key] = dialog
            dialog.finished.connect(lambda _r, k=key, d=dialog: self._closed(k, d))
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog  # type: ignore[return-value]

    def _closed(self, key: str, dialog: QWidget) -> None:
        if self.open.get(key) is dialog:
            del self.open[key]
        dialog.deleteLater()

    def start_handover(self, case_id: int | None = None) -> None:
        session, window = self.session, self.window

        def make() -> QDialog:
            wizard = HandoverWizard(session, case_id, window)
            wizard.exported.connect(lambda _r: self.caseChanged.emit(wizard.request().case_id))
            return wizard

        self._single("handover", make)

    def open_import(self) -> None:
        def make() -> QDialog:
            dialog = ImportDialog(self.session, self.window)
            dialog.imported.connect(self.caseChanged)
            return dialog

        dialog = self._single("import", make)
        if isinstance(dialog, ImportDialog) and dialog.facts is None:
            dialog.choose_file()

    def import_receipt(self) -> None:
        import_receipt_file(self.session, self.window, done=self.caseChanged.emit)

    def open_contacts(self) -> None:
        self._single("contacts", lambda: ContactsView(self.session, self.window))

    def open_followup(self, case_id: int | None = None) -> None:
        session, window = self.session, self.window
        if case_id is not None:

            def make() -> QDialog:
                dialog = FollowUpDialog(session, case_id, window)
                dialog.followup.saved.connect(lambda _id: self.caseChanged.emit(case_id))
                return dialog

            self._single(f"followup:{case_id}", make)
            return
        picker = CasePickerDialog(session, self.tr("Follow-up and timeline"), parent=window)
        picker.chosen.connect(self.open_followup)
        picker.finished.connect(picker.deleteLater)
        picker.open()

    def open_providers(self) -> None:
        self._single("providers", lambda: ProvidersView(self.session, self.window))

    def open_stats(self) -> None:
        renderer = self.pdf_renderer
        self._single("stats", lambda: StatsView(self.session, self.window, pdf_renderer=renderer))

    def open_register_extract(self) -> None:
        """A registerutdrag (GDPR art. 15): the extract dialog without a case."""
        self._single("register", lambda: ExtractDialog(self.session, None, self.window))

    def open_coordinator(self) -> None:
        renderer = self.pdf_renderer
        self._single(
            "coordinator",
            lambda: CoordinatorView(self.session, self.window, pdf_renderer=renderer),
        )

    def open_backup(self) -> None:
        self._single("backup", lambda: BackupDialog(self.session, self.window))
