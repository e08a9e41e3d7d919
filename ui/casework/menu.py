"""The main window's *Verktyg* menu and what belongs to a caseworker's year across cases.

- *Verktyg*: *Gallring…* (ui/casework/gallring_view.py), *Samverkansparter…*
  (partners_view.py), *Loggkontroll…* (access_log_view.py), *Journalmallar…*
  (templates_dialog.py), and the registers of methods and provisions
  (ui/knowledge/registers_view.py);
- *Arkiv › Importera ärenden…* (case_import.py: a file from another system, with a progress
  bar and *Avbryt*) and *Arkiv › Exportera påminnelser som kalender…* (calendar_export.py);
- a button in the status bar while the yearly gallring is due, which opens *Gallring*;
- the reminder notifications (notifications.py), once the case work hands over its
  reminder index (``watch_reminders``).

``window.casework`` (this object) is also what other parts call: ``open_access_log(case)``
(the case view's Logg part), ``open_gallring()``; ``storeChanged`` is emitted after a
gallring run deleted cases or an import added some (the case list, the reminders and an
open case reload).
Each window is opened once at a time and tracked by the lock guard.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu, QPushButton

from storage.casework.gallring_protocol import YearlyGallring
from ui.cases.reminder_index import ReminderIndex
from ui.casework.access_log_view import AccessLogView
from ui.casework.calendar_export import CalendarExportDialog
from ui.casework.case_import import CaseImport
from ui.casework.gallring_view import GallringView
from ui.casework.notifications import ReminderNotifier
from ui.casework.partners_view import PartnersView
from ui.casework.templates_dialog import TemplatesDialog
from ui.kit import labels
from ui.knowledge.registers_view import MethodsView, ProvisionsView
from ui.runtime.session_api import SessionAPI


class CaseworkMenu(QObject):
    storeChanged = Signal()

    def __init__(
        self,
        window: QMainWindow,
        session: SessionAPI,
        file_menu: QMenu,
        before_menu: QMenu,
        before_action: QAction,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.open: dict[str, QDialog] = {}
        self.notifier: ReminderNotifier | None = None

        def action(name: str, slot: Callable[[], Any]) -> QAction:
            act = QAction(window)
            act.setObjectName(name)
            act.triggered.connect(lambda _checked=False: slot())
            return act

        self.gallring_action = action("gallringAction", self.open_gallring)
        self.partners_action = action("partnersAction", self.open_partners)
        self.access_action = action("accessLogAction", lambda: self.open_access_log(""))
        self.templates_action = action("templatesAction", self.open_templates)
        self.methods_action = action("methodsAction", self.open_methods)
        self.provisions_action = action("provisionsAction", self.open_provisions)
        self.calendar_action = action("calendarAction", self.export_calendar)
        self.case_import = CaseImport(window, session)
        self.case_import.imported.connect(lambda _count: self.storeChanged.emit())
        self.import_action = action("importCasesAction", self.case_import.choose_file)
        self.menu = QMenu(window.menuBar())
        self.menu.setObjectName("toolsMenu")
        window.menuBar().insertMenu(before_menu.menuAction(), self.menu)
        for act in (
            self.gallring_action,
            self.access_action,
            self.partners_action,
            self.templates_action,
        ):
            self.menu.addAction(act)
        self.menu.addSeparator()
        for act in (self.methods_action, self.provisions_action):
            self.menu.addAction(act)
        file_menu.insertAction(before_action, self.import_action)
        file_menu.insertAction(before_action, self.calendar_action)
        self.gallring_hint = QPushButton(window)
        self.gallring_hint.setObjectName("gallringHint")
        self.gallring_hint.setFlat(True)
        self.gallring_hint.setVisible(False)
        self.gallring_hint.clicked.connect(self.open_gallring)
        window.statusBar().addWidget(self.gallring_hint)
        session.guard.register(self)

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Tools"))
        self.gallring_action.setText(self.tr("&Gallring…"))
        self.access_action.setText(self.tr("&Access log (who opened which case)…"))
        self.partners_action.setText(self.tr("&Partners…"))
        self.templates_action.setText(self.tr("&Journal templates…"))
        self.methods_action.setText(self.tr("&Method register…"))
        self.provisions_action.setText(self.tr("Pro&visions (lagrum)…"))
        self.calendar_action.setText(self.tr("Export &reminders as a calendar…"))
        self.import_action.setText(self.tr("&Import cases from a file…"))
        self.gallring_hint.setToolTip(self.tr("Open Gallring"))
        if self.notifier is not None:
            self.notifier.bar.retranslate()

    # ------------------------------------------------------------------ reminders
    def watch_reminders(self, index: ReminderIndex) -> ReminderNotifier:
        """Tell the caseworker about due reminders (called once by the case work)."""
        if self.notifier is None:
            self.notifier = ReminderNotifier(self.window, self.session, index)
            self.notifier.yearlyChanged.connect(self._show_yearly)
        return self.notifier

    def _show_yearly(self, yearly: YearlyGallring) -> None:
        self.gallring_hint.setVisible(yearly.due)
        if yearly.due:
            self.gallring_hint.setText(
                self.tr("The yearly gallring is due (since {day})").format(
                    day=labels.day(yearly.due_on)
                )
            )

    def clear_for_lock(self) -> None:
        self.gallring_hint.setVisible(False)
        self.gallring_hint.setText("")
        self.open.clear()

    # ------------------------------------------------------------------ windows
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
        return dialog

    def _closed(self, key: str, dialog: QDialog) -> None:
        if self.open.get(key) is dialog:
            del self.open[key]
        dialog.deleteLater()

    def open_gallring(self) -> QDialog | None:
        def make() -> QDialog:
            view = GallringView(self.session, self.window)
            view.weeded.connect(lambda _r: self._weeded())
            return view

        return self._single("gallring", make)

    def _weeded(self) -> None:
        self.gallring_hint.setVisible(False)
        self.storeChanged.emit()

    def open_partners(self) -> QDialog | None:
        return self._single("partners", lambda: PartnersView(self.session, self.window))

    def open_access_log(self, case_number: str = "") -> QDialog | None:
        """The access log; for one case (its number) from the case's Logg part."""
        old = self.open.get("access")
        if old is not None and shiboken6.isValid(old) and case_number:
            assert isinstance(old, AccessLogView)
            old.case.setText(case_number)
            old.period.setCurrentIndex(old.period.count() - 1)
            old.refresh()
        return self._single(
            "access", lambda: AccessLogView(self.session, self.window, case_number=case_number)
        )

    def open_templates(self) -> QDialog | None:
        return self._single("templates", lambda: TemplatesDialog(self.session, self.window))

    def open_methods(self) -> QDialog | None:
        return self._single("methods", lambda: MethodsView(self.session, self.window))

    def open_provisions(self) -> QDialog | None:
        return self._single("provisions", lambda: ProvisionsView(self.session, self.window))

    def export_calendar(self) -> QDialog | None:
        return self._single("calendar", lambda: CalendarExportDialog(self.session, self.window))
