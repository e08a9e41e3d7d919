"""The main window frame: menus, toolbar, case-list area, reminders panel, case-view stack.

The frame shows no case data itself. The case list and case views plug in:

- ``set_case_list(widget)`` — the left area (list + filters);
- ``set_reminders(widget)`` — the reminders panel under it;
- ``add_case_page(widget)`` / ``show_case_page(widget)`` / ``show_empty_state()`` — the
  central ``case_stack`` (a QStackedWidget whose page 0 is the empty state);
- ``opened`` is emitted after every unlock (load data then); widgets that show data register
  with ``session.guard`` and are cleared on lock;
- ``add_notice(widget)`` — a non-modal notice above the case list and the case (the
  reminder notifications where the desktop has no system tray).

``window.tools`` (ui/window/tools_menu.py) holds handover, contacts, follow-up, providers,
statistics and backup; ``window.casework`` (ui/casework/menu.py) the *Verktyg* menu: gallring,
the access log, partners, journal templates, and the calendar export in *Arkiv*.

The window title is always just "Utväg" — never a person's name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ui.access.card_dialogs import CardEnrolDialog
from ui.access.new_recovery_code import NewRecoveryCodeDialog
from ui.access.quick_pin import QuickPinDialog
from ui.casework.menu import CaseworkMenu
from ui.kit.windows import fit_to_screen
from ui.runtime.lock import LOCK_KEYS
from ui.runtime.privacy import set_exclude_from_capture
from ui.runtime.session_api import SessionAPI
from ui.window.audit_view import AuditView
from ui.window.help_view import HelpView, app_version
from ui.window.settings_dialog import (
    MAX_LIST_SHARE,
    MIN_LIST_SHARE,
    SettingsDialog,
    UiPreferences,
)
from ui.window.tools_menu import (
    MenuPlaces,
    ToolsMenu,
)


def _placeholder(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _panel(name: str, title: QLabel, body: QWidget) -> QWidget:
    panel = QWidget()
    panel.setObjectName(name)
    title.setObjectName("panelTitle")
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(8, 8, 8, 8)
    layout.addWidget(title)
    layout.addWidget(body, 1)
    return panel


class MainWindow(QMainWindow):
    opened = Signal()
    language_requested = Signal(str)
    preferences_changed = Signal(object)  # UiPreferences

    def __init__(
        self, session: SessionAPI, prefs: UiPreferences, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle("Utväg")
        self.session = session
        self.prefs = prefs
        self.audit_view: AuditView | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.new_code_dialog: NewRecoveryCodeDialog | None = None
        #: Handed in by desktop/: ``arm(store, passphrase, pin, hours) -> end time`` (the
        #: quick-unlock key lives in desktop's gateway) and ``until() -> end time | None``.
        self.quick_arm: Callable[[Any, str, str, int], float] | None = None
        self.quick_until: Callable[[], float | None] = lambda: None

        self.case_list_stack = QStackedWidget()
        self.case_list_empty = _placeholder("caseListEmpty")
        self.case_list_stack.addWidget(self.case_list_empty)
        self.reminders_stack = QStackedWidget()
        self.reminders_empty = _placeholder("remindersEmpty")
        self.reminders_stack.addWidget(self.reminders_empty)
        self.case_stack = QStackedWidget()
        self.case_stack.setObjectName("caseStack")
        self.empty_state = _placeholder("emptyState")
        self.case_stack.addWidget(self.empty_state)

        self.cases_title = QLabel()
        self.reminders_title = QLabel()
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(_panel("caseListPanel", self.cases_title, self.case_list_stack))
        left.addWidget(_panel("remindersPanel", self.reminders_title, self.reminders_stack))
        left.setSizes([460, 300])
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.case_stack)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.splitterMoved.connect(self._divider_moved)
        central = QWidget()
        central.setObjectName("centralArea")
        self.notice_area = QVBoxLayout(central)
        self.notice_area.setContentsMargins(0, 0, 0, 0)
        self.notice_area.setSpacing(0)
        self.notice_area.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self._save_divider = QTimer(self)  # one settings write after a drag, not one per pixel
        self._save_divider.setSingleShot(True)
        self._save_divider.setInterval(800)
        self._save_divider.timeout.connect(lambda: self.preferences_changed.emit(self.prefs))
        self._build_actions()
        self.identity_label = QLabel()
        self.identity_label.setObjectName("identityLabel")
        self.statusBar().addPermanentWidget(self.identity_label)
        self.retranslate()
        session.guard.register(self)
        fit_to_screen(self, 1200, 780)

    # ------------------------------------------------------------------ the divider
    def keep_proportion(self) -> None:
        """Put the divider back where the user left it (``prefs.list_share`` per cent).

        Called when the window is resized or shown and when the case view shows another part:
        a part that asks for more room (the journal) takes it only up to the minimum sizes,
        and the list gets its share back afterwards."""
        total = self.splitter.width() - self.splitter.handleWidth()
        if total <= 0:
            return
        left = total * self.prefs.list_share // 100
        self.splitter.setSizes([left, total - left])

    def _divider_moved(self, pos: int, _index: int) -> None:
        total = self.splitter.width() - self.splitter.handleWidth()
        if total <= 0:
            return
        share = min(max(round(100 * pos / total), MIN_LIST_SHARE), MAX_LIST_SHARE)
        if share != self.prefs.list_share:
            self.prefs = replace(self.prefs, list_share=share)
            self._save_divider.start()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.keep_proportion()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.keep_proportion()

    # ------------------------------------------------------------------ actions, menus
    def _build_actions(self) -> None:
        self.lock_action = QAction(self)
        self.lock_action.setObjectName("lockAction")
        self.lock_action.setShortcut(LOCK_KEYS)
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(lambda: self.session.lock("manual"))
        self.audit_action = QAction(self)
        self.audit_action.setObjectName("auditAction")
        self.audit_action.triggered.connect(self.open_audit_view)
        self.settings_action = QAction(self)
        self.settings_action.setObjectName("settingsAction")
        self.settings_action.triggered.connect(self.open_settings)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.show_about)
        self.manual_action = QAction(self)
        self.manual_action.setObjectName("manualAction")
        self.manual_action.setShortcut(QKeySequence.StandardKey.HelpContents)  # F1
        self.manual_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.manual_action.triggered.connect(self.show_manual)
        self.help_view: HelpView | None = None
        self.lang_group = QActionGroup(self)
        self.lang_sv = QAction("Svenska", self, checkable=True)
        self.lang_sv.setObjectName("langSv")
        self.lang_en = QAction("English", self, checkable=True)
        self.lang_en.setObjectName("langEn")
        for action, code in ((self.lang_sv, "sv"), (self.lang_en, "en")):
            self.lang_group.addAction(action)
            action.setChecked(self.prefs.language == code)
            action.triggered.connect(lambda _c=False, c=code: self._choose_language(c))

        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.lock_action)
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.view_menu = bar.addMenu("")
        self.view_menu.addAction(self.audit_action)
        self.lang_menu = bar.addMenu("")
        self.lang_menu.addAction(self.lang_sv)
        self.lang_menu.addAction(self.lang_en)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.manual_action)
        self.help_menu.addAction(self.about_action)

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addAction(self.lock_action)
        self.toolbar.addAction(self.audit_action)
        self.toolbar.addAction(self.settings_action)
        self.addToolBar(self.toolbar)
        places = MenuPlaces(
            file_menu=self.file_menu,
            view_menu=self.view_menu,
            before_menu=self.lang_menu,
            quit_action=self.quit_action,
            toolbar=self.toolbar,
        )
        # handover, contacts, follow-up, statistics, backup
        self.tools = ToolsMenu(self, self.session, places)
        # gallring, access log, partners, journal templates; the calendar export in Arkiv
        separators = [a for a in self.file_menu.actions() if a.isSeparator()]
        self.casework = CaseworkMenu(
            self, self.session, self.file_menu, self.lang_menu, separators[-1]
        )

    def retranslate(self) -> None:
        """(Re)set every text; called at start and on a language change."""
        self.file_menu.setTitle(self.tr("&File"))
        self.view_menu.setTitle(self.tr("&View"))
        self.lang_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.lock_action.setText(self.tr("&Lock"))
        self.lock_action.setToolTip(self.tr("Lock Utväg now (Ctrl+L)"))
        self.audit_action.setText(self.tr("&Audit log"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.about_action.setText(self.tr("&About Utväg"))
        self.manual_action.setText(self.tr("&Manual"))
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        self.cases_title.setText(self.tr("Cases"))
        self.reminders_title.setText(self.tr("Reminders"))
        self.case_list_empty.setText(self.tr("No cases to show."))
        self.reminders_empty.setText(self.tr("No reminders."))
        self._show_empty_text()
        self.case_stack.setAccessibleName(self.tr("Case"))
        self.tools.retranslate()
        self.casework.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ plug-in points
    def set_case_list(self, widget: QWidget) -> None:
        """Put the case list (with its filters) in the left area."""
        self.case_list_stack.addWidget(widget)
        self.case_list_stack.setCurrentWidget(widget)

    def set_reminders(self, widget: QWidget) -> None:
        self.reminders_stack.addWidget(widget)
        self.reminders_stack.setCurrentWidget(widget)

    def add_notice(self, widget: QWidget) -> None:
        """A notice above the case list and the case (it hides itself when dismissed)."""
        self.notice_area.insertWidget(self.notice_area.count() - 1, widget)

    def add_case_page(self, widget: QWidget) -> int:
        """Add a page (a case view) to the central stack; returns its index."""
        return self.case_stack.addWidget(widget)

    def show_case_page(self, widget: QWidget) -> None:
        if self.case_stack.indexOf(widget) < 0:
            self.case_stack.addWidget(widget)
        self.case_stack.setCurrentWidget(widget)

    def show_empty_state(self) -> None:
        self.case_stack.setCurrentWidget(self.empty_state)

    def set_store_empty(self, empty: bool) -> None:
        """A store without cases says how to start instead of "choose a case"."""
        self._store_empty = empty
        self._show_empty_text()

    def _show_empty_text(self) -> None:
        if getattr(self, "_store_empty", False):
            self.empty_state.setText(
                self.tr(
                    "There are no cases yet.\n\nStart with New case… above the list "
                    "(Ctrl+N), or receive a case from another municipality with Handover › "
                    "Import handover…."
                )
            )
        else:
            self.empty_state.setText(self.tr("Choose a case in the list to open it."))

    def set_identity_text(self, text: str) -> None:
        self.identity_label.setText(text)

    def session_opened(self) -> None:
        """Called by desktop/ after every unlock."""
        self.apply_privacy()
        self.tools.session_opened()
        self.opened.emit()
        self.keep_proportion()

    # ------------------------------------------------------------------ lock
    def clear_for_lock(self) -> None:
        self.show_empty_state()
        self.identity_label.clear()
        self.tools.clear_for_lock()
        if self.audit_view is not None:
            self.audit_view = None

    # ------------------------------------------------------------------ screens
    def open_audit_view(self) -> None:
        if not self.session.is_unlocked:
            return
        if self.audit_view is None:
            self.audit_view = AuditView(self.session, self)
            self.audit_view.finished.connect(self._audit_closed)
        self.audit_view.show()
        self.audit_view.raise_()
        self.audit_view.activateWindow()

    def _audit_closed(self) -> None:
        view, self.audit_view = self.audit_view, None
        if view is not None:
            view.deleteLater()

    def open_settings(self) -> None:
        dialog = SettingsDialog(
            self.prefs, self, session=self.session, quick_until=self.quick_until()
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.accepted.connect(lambda: self._settings_accepted(dialog.preferences()))
        dialog.new_recovery_code_requested.connect(self.open_new_recovery_code)
        dialog.add_card_requested.connect(self.open_add_card)
        dialog.quick_pin_requested.connect(self.open_quick_pin)
        dialog.drill_requested.connect(self.tools.open_drill)
        self.settings_dialog = dialog
        dialog.open()

    def open_add_card(self) -> CardEnrolDialog | None:
        """Settings › *Lägg till kort…* (the module path was saved with the settings)."""
        if not self.session.is_unlocked or not self.prefs.pkcs11_module:
            return None
        dialog = CardEnrolDialog(self.session, self.prefs.pkcs11_module, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_quick_pin(self) -> QuickPinDialog | None:
        """Settings › *Välj PIN…*: the quick-unlock PIN (kept in memory only)."""
        if not self.session.is_unlocked or self.quick_arm is None:
            return None
        dialog = QuickPinDialog(self.session, self.quick_arm, self.prefs.quick_unlock_hours, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_new_recovery_code(self) -> NewRecoveryCodeDialog | None:
        """*Ny återställningskod…*: passphrase, rekey on the worker, the new code shown."""
        if not self.session.is_unlocked:
            return None
        dialog = NewRecoveryCodeDialog(
            self.session, self, exclude_from_capture=self.prefs.exclude_from_capture
        )
        dialog.finished.connect(lambda _r: None if dialog.working() else dialog.deleteLater())
        self.new_code_dialog = dialog
        dialog.open()
        return dialog

    def _settings_accepted(self, prefs: UiPreferences) -> None:
        self.prefs = prefs
        self.apply_privacy()
        self.preferences_changed.emit(prefs)

    def apply_privacy(self) -> None:
        set_exclude_from_capture(self, self.prefs.exclude_from_capture)

    def _choose_language(self, code: str) -> None:
        if code != self.prefs.language:
            self.prefs = replace(self.prefs, language=code)
            self.language_requested.emit(code)

    def show_manual(self) -> None:
        """The user manual, one window at a time."""
        if self.help_view is None:
            self.help_view = HelpView(self)
            self.help_view.finished.connect(self._manual_closed)
        self.help_view.show()
        self.help_view.raise_()
        self.help_view.activateWindow()

    def _manual_closed(self) -> None:
        if self.help_view is not None:
            self.help_view.deleteLater()
            self.help_view = None

    def show_about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About Utväg"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            self.tr(
                "Utväg {version} — encrypted case files and signed handover for municipal exit "
                "programmes. Everything stays encrypted on this computer.\n\nThe manual: "
                "Help › Manual (F1)."
            ).format(version=app_version())
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
