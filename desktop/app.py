"""The desktop client: ``utvag`` without arguments runs :func:`run_gui`.

Start: QApplication (name, organisation, high-DPI pass-through scaling, Fusion style plus
ui/styles/app.qss), Swedish translators by default (English selectable), then the first-run
wizard when no store exists (it creates a store or restores one from a backup), else the
unlock window; after unlocking, the main window — but first the recovery code, when the
store still keeps one that was never confirmed (a first run cancelled, killed or closed
before "I have written it down"; a new code not yet confirmed): it is shown on the
recovery-code page until confirmed, and *Senare* there locks again. A lock (Ctrl+L, idle
timeout, OS screen lock / suspend) hides the main window, clears every view and shows a
fresh unlock window. Window titles are only ever "Utväg".
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

import ui
from desktop import (
    config,
    i18n,
)
from desktop.gateway import StoreGateway
from desktop.preferences import (
    load_preferences,
    save_preferences,
)
from desktop.session import (
    LOCK_IDLE,
    LOCK_SLEEP,
    Session,
)
from ui.access.keyring_notice import CardAccess
from ui.access.unlock import UnlockWindow
from ui.kit.shortcuts import DialogSubmitFilter
from ui.runtime.error_dialog import (
    set_error_translator,
    show_error,
)
from ui.runtime.operations import shutdown_taskman
from ui.runtime.os_lock import OsLockMonitor
from ui.runtime.privacy import set_exclude_from_capture
from ui.window.preferences import UiPreferences

if TYPE_CHECKING:  # imported when the first unlock succeeds: the unlock window comes sooner
    from storage.vault.store import Store
    from ui.access.first_run import FirstRunWizard
    from ui.access.recovery_code import RecoveryCodeWizard
    from ui.window.main_window import MainWindow

log = logging.getLogger(__name__)

STYLESHEET = Path(ui.__file__).resolve().parent / "styles" / "app.qss"
APP_NAME = "Utväg"
ORG_NAME = "Utväg"
#: A dynamic property of the application: our Ctrl+Enter filter is installed.
_SUBMIT_FILTER = "utvagSubmitFilter"


def new_application(argv: Sequence[str]) -> QApplication:
    """The application, in the Fusion style chosen on its command line (``-style``): no
    QStyle is wrapped for Python before the first window (its enums cost ~6 ms, issue 17)."""
    return QApplication(["utvag", "-style", "fusion", *argv])


def configure_application(app: QApplication, *, fusion: bool = False) -> None:
    """``fusion``: the application was made by :func:`new_application`."""
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationDisplayName(APP_NAME)
    if not fusion and app.style().name().lower() != "fusion":  # not under live widgets
        app.setStyle("Fusion")
    sheet = STYLESHEET.read_text(encoding="utf-8") if STYLESHEET.is_file() else ""
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)
    set_error_translator(i18n.translate_error)
    if not app.property(_SUBMIT_FILTER):  # (findChildren would wrap every child for Python)
        app.installEventFilter(DialogSubmitFilter(app))  # Ctrl+Enter submits a dialog
        app.setProperty(_SUBMIT_FILTER, True)


class App(QObject):
    """The "App" context's texts with a count, in Qt's plural forms (lupdate marks plural
    messages only for ``self.tr``; this object's class name is their context)."""

    def idle_notice(self, minutes: int) -> str:
        return self.tr("Utväg locked itself after %n minute(s) without activity.", "", minutes)


class AppController(QObject):
    """Moves between the first-run wizard, the unlock window and the main window."""

    def __init__(
        self,
        app: QApplication,
        gateway: StoreGateway,
        settings_file: Path | None = None,
        *,
        watch_os_lock: bool = True,
    ) -> None:
        super().__init__(app)
        self.app = app
        self.gateway = gateway
        self.settings_file = settings_file
        self.prefs = load_preferences(settings_file)
        gateway.token_module = self.prefs.pkcs11_module
        i18n.install_translators(app, self.prefs.language)
        self.session = Session(gateway.path, idle_timeout_s=self.prefs.idle_timeout_min * 60)
        self.session.locked.connect(self._on_locked)
        #: The OS-lock watch (D-Bus on Linux) starts with the first session: before it there
        #: is nothing to lock and no quick-unlock key to wipe, and connecting to the buses
        #: would hold up the unlock window (issue 17).
        self.os_lock: OsLockMonitor | None = None
        self._watch_os_lock = watch_os_lock
        self.wizard: FirstRunWizard | None = None
        self.unlock_window: UnlockWindow | None = None
        self.main_window: MainWindow | None = None
        self.code_wizard: RecoveryCodeWizard | None = None

    # ------------------------------------------------------------------ start
    def start(self) -> None:
        """First-run wizard when there is no store, else the unlock window."""
        if self.gateway.exists():
            self.show_unlock()
        else:
            self.show_wizard()

    def show_wizard(self) -> None:
        """Cancelling the wizard closes the last window, which ends the application."""
        gateway = self.gateway
        from ui.access.first_run import FirstRunWizard

        self.wizard = FirstRunWizard(
            gateway.create,
            gateway.check_keyring,
            gateway.passphrase_context,
            restore=gateway.restore,
            store_path=gateway.path,
        )
        self.wizard.store_created.connect(self._opened)
        self.wizard.show()
        set_exclude_from_capture(self.wizard, self.prefs.exclude_from_capture)  # recovery code

    def show_unlock(self, notice: str = "", *, quick: bool = False) -> None:
        """A fresh unlock window (in the current language) replaces any old one; ``quick``:
        after an idle lock with a quick-unlock PIN chosen, it asks for the PIN."""
        old = self.unlock_window
        gateway = self.gateway
        card = None
        if gateway.token_module and gateway.token_slots():
            card = CardAccess(
                gateway.token_module, gateway.unlock_with_token, gateway.recover_with_token
            )
        window = UnlockWindow(
            gateway.unlock,
            gateway.retry_after,
            gateway.recover,
            gateway.passphrase_context,
            quick_unlock=gateway.unlock_with_pin if quick and gateway.quick_ready() else None,
            card=card,
            keyring_state=gateway.keyring_state,
        )
        window.set_notice(notice)
        window.unlocked.connect(self._opened)
        self.unlock_window = window
        window.show()
        # The wait time and the keyring check run on the store worker once the window is up
        # (their imports — the key code, `cryptography` — then do not slow building it).
        QTimer.singleShot(0, window, window.refresh)
        if old is not None:
            old.close()
            old.deleteLater()

    # ------------------------------------------------------------------ unlocked
    def _opened(self, store: Store) -> None:
        """A store was opened (unlock, recovery, first run, restore): first the recovery
        code if the store still keeps an unconfirmed one, then the main window."""
        self._start_os_lock_watch()
        self.session.attach(store)
        for old in (self.unlock_window, self.wizard):
            if old is not None:
                old.hide()
        self.session.run(
            None,
            self.gateway.unconfirmed_code,
            self._code_checked,
            self._code_check_failed,
            progress=False,
        )

    def _start_os_lock_watch(self) -> None:
        if self._watch_os_lock and self.os_lock is None:
            self.os_lock = OsLockMonitor(self)
            self.os_lock.os_locked.connect(self.os_locked)

    def _code_checked(self, code: str | None) -> None:
        if not code:
            self._enter()
            return
        from ui.access.recovery_code import (
            RecoveryCodeWizard,
            shown_again_notice,
        )

        wizard = RecoveryCodeWizard(
            self.session,
            code,
            shown_again_notice(),
            exclude_from_capture=self.prefs.exclude_from_capture,
        )
        wizard.confirmed.connect(self._code_confirmed)
        wizard.rejected.connect(self._code_postponed)
        self.code_wizard = wizard
        wizard.show()

    def _code_confirmed(self) -> None:
        self._drop_code_wizard()
        self._enter()

    def _code_postponed(self) -> None:
        """*Senare*, or a lock that closed the page: the store keeps the code. Lock (after
        this event: a lock that is closing the page is still running) and show the unlock
        window."""
        self._drop_code_wizard()
        QTimer.singleShot(0, self.session.lock)

    def _drop_code_wizard(self) -> None:
        wizard, self.code_wizard = self.code_wizard, None
        if wizard is not None:
            wizard.hide()
            wizard.deleteLater()

    def _code_check_failed(self, exc: BaseException) -> None:
        self._enter()
        show_error(self.main_window, exc)

    def _enter(self) -> None:
        window = self._ensure_main_window()
        window.show()
        window.session_opened()
        if self.os_lock is not None:
            self.os_lock.watch_window(int(window.winId()))
        for old in (self.unlock_window, self.wizard):
            if old is not None:
                old.hide()
                old.deleteLater()
        self.unlock_window = None
        self.wizard = None
        self.session.run(
            window, self.gateway.identity_text, self._show_identity, lambda _e: None, progress=False
        )

    def _show_identity(self, text: object) -> None:
        if self.main_window is not None and self.session.is_unlocked:
            self.main_window.set_identity_text(str(text or ""))

    def _ensure_main_window(self) -> MainWindow:
        if self.main_window is None:
            from desktop.stats_pdf import render_pdf
            from ui.window.main_window import MainWindow

            window = MainWindow(self.session, self.prefs)
            window.language_requested.connect(self.set_language)
            window.preferences_changed.connect(self.set_preferences)
            window.tools.pdf_renderer = render_pdf  # ui/ may not import desktop/
            window.quick_arm = self.gateway.arm_quick_unlock
            window.quick_until = self.gateway.quick.deadline
            plug_in_case_views(window, self.session)
            self.main_window = window
        return self.main_window

    # ------------------------------------------------------------------ locked
    def _on_locked(self, reason: str, discarded: bool) -> None:
        """Only an idle lock keeps the quick-unlock key (Ctrl+L, an OS lock, sleep and
        quitting wipe it)."""
        if reason != LOCK_IDLE:
            self.gateway.wipe_quick()
        self.show_unlock(self.lock_notice(reason, discarded), quick=reason == LOCK_IDLE)
        if self.main_window is not None:
            self.main_window.hide()

    def os_locked(self, reason: str) -> None:
        """The OS locked the screen or is going to sleep: wipe the quick-unlock key even
        when Utväg is locked already (an unlock window asking for the PIN goes back to the
        passphrase), and lock."""
        self.gateway.wipe_quick()
        window = self.unlock_window
        if window is not None and window.pin_mode:
            window.end_quick_unlock()
        self.session.lock(reason)

    def lock_notice(self, reason: str, discarded: bool) -> str:
        """What the unlock window tells the caseworker about the lock."""
        text = ""
        if reason == LOCK_IDLE:
            text = App().idle_notice(self.prefs.idle_timeout_min)
        elif reason == "suspend":
            text = QCoreApplication.translate(
                "App", "Utväg locked because the computer went to sleep."
            )
        elif reason == LOCK_SLEEP:
            text = QCoreApplication.translate(
                "App", "Utväg locked because the computer had been asleep."
            )
        elif reason in ("os-lock", "screensaver"):
            text = QCoreApplication.translate(
                "App", "Utväg locked because the computer's screen was locked."
            )
        if discarded:
            dropped = QCoreApplication.translate(
                "App", "Changes that had not been saved were discarded."
            )
            text = f"{text} {dropped}".strip()
        return text

    # ------------------------------------------------------------------ preferences
    def set_language(self, code: str) -> None:
        self.set_preferences(replace(self.prefs, language=code))

    def set_preferences(self, prefs: UiPreferences) -> None:
        old, self.prefs = self.prefs, prefs
        save_preferences(prefs, self.settings_file)
        self.gateway.token_module = prefs.pkcs11_module
        self.session.set_idle_timeout(prefs.idle_timeout_min * 60)
        if self.main_window is not None:
            self.main_window.prefs = prefs
        if prefs.language != old.language:
            i18n.install_translators(self.app, prefs.language)

    def shutdown(self) -> None:
        """Lock (closing the store on the worker) and close every window."""
        self.gateway.wipe_quick()
        self.session.shutdown()
        self.app.setQuitOnLastWindowClosed(False)  # we are quitting already
        self._drop_code_wizard()
        for window in (self.wizard, self.unlock_window, self.main_window):
            if window is not None:
                window.hide()
                window.deleteLater()
        self.wizard = self.unlock_window = self.main_window = None


def plug_in_case_views(window: MainWindow, session: Session) -> None:
    """THE place where the case list, reminders and case views join the frame.

    The case-list/case-view work plugs in here (``window.set_case_list(...)``,
    ``window.set_reminders(...)``, ``window.add_case_page(...)``; load data on
    ``window.opened``; register views with ``session.guard``): ui/cases/case_work.py.
    """
    from ui.cases.case_work import install_case_work

    install_case_work(window, session)  # owned by the window (Qt parent)


#: For start-up benchmarks: report the first shown window on stderr, then quit.
EXIT_AFTER_SHOWN_ENV = "UTVAG_EXIT_AFTER_SHOWN"


def _report_shown_and_quit(app: QApplication) -> None:
    shown = [w for w in app.topLevelWidgets() if w.isVisible()]
    name = type(shown[0]).__name__ if shown else "none"
    sys.stderr.write(f"utvag: shown {name}\n")
    sys.stderr.flush()
    app.quit()


def run_gui(argv: Sequence[str]) -> int:
    """Run the desktop client until it quits; returns the exit status."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    existing = QApplication.instance()
    if existing is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
    app = existing if isinstance(existing, QApplication) else new_application(argv)
    configure_application(app, fusion=existing is None)
    controller = AppController(app, StoreGateway(config.default_store_path()))
    controller.start()
    if os.environ.get(EXIT_AFTER_SHOWN_ENV) == "1":
        QTimer.singleShot(0, lambda: _report_shown_and_quit(app))
    try:
        return int(app.exec())
    finally:
        controller.shutdown()
        controller.deleteLater()
        shutdown_taskman()
