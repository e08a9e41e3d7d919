"""The main window frame: menus, toolbar, case-list area, reminders panel, case-view stack.

The frame shows no case data itself. The case list and case views plug in:

- ``set_case_list(widget)`` — the left area (list + filters);
- ``set_reminders(widget)`` — the reminders panel under it;
- ``add_case_page(widget)`` / ``show_case_page(widget)`` / ``show_empty_state()`` — the
  central ``case_stack`` (a QStackedWidget whose page 0 is the empty state);
- ``opened`` is emitted after every unlock (load data then); widgets that show data register
  with ``session.guard`` and are cleared on lock.

The window title is always just "Utväg" — never a person's name.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
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

from ui.access.new_recovery_code import NewRecoveryCodeDialog
from ui.runtime.lock import LOCK_KEYS
from ui.runtime.privacy import set_exclude_from_capture
from ui.runtime.session_api import SessionAPI
from ui.window.audit_view import AuditView
from ui.window.settings_dialog import (
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
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.case_stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([560, 840])
        self.setCentralWidget(splitter)

        self._build_actions()
        self.identity_label = QLabel()
        self.identity_label.setObjectName("identityLabel")
        self.statusBar().addPermanentWidget(self.identity_label)
        self.retranslate()
        session.guard.register(self)
        self.resize(1200, 780)

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
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        self.cases_title.setText(self.tr("Cases"))
        self.reminders_title.setText(self.tr("Reminders"))
        self.case_list_empty.setText(self.tr("No cases to show."))
        self.reminders_empty.setText(self.tr("No reminders."))
        self.empty_state.setText(self.tr("Choose a case in the list to open it."))
        self.case_stack.setAccessibleName(self.tr("Case"))
        self.tools.retranslate()

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

    def add_case_page(self, widget: QWidget) -> int:
        """Add a page (a case view) to the central stack; returns its index."""
        return self.case_stack.addWidget(widget)

    def show_case_page(self, widget: QWidget) -> None:
        if self.case_stack.indexOf(widget) < 0:
            self.case_stack.addWidget(widget)
        self.case_stack.setCurrentWidget(widget)

    def show_empty_state(self) -> None:
        self.case_stack.setCurrentWidget(self.empty_state)

    def set_identity_text(self, text: str) -> None:
        self.identity_label.setText(text)

    def session_opened(self) -> None:
        """Called by desktop/ after every unlock."""
        self.apply_privacy()
        self.tools.session_opened()
        self.opened.emit()

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
        dialog = SettingsDialog(self.prefs, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.accepted.connect(lambda: self._settings_accepted(dialog.preferences()))
        dialog.new_recovery_code_requested.connect(self.open_new_recovery_code)
        self.settings_dialog = dialog
        dialog.open()

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

    def show_about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About Utväg"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            self.tr(
                "Utväg — encrypted case files and signed handover for municipal exit "
                "programmes. Everything stays encrypted on this computer."
            )
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
