"""“Synka nu” and the automatic sync: after every unlock and every few minutes while
unlocked, when a sync folder is chosen (kept inside the encrypted store). The status bar
says when the last sync ran and what came of it; a refused file is shown with its one
translated line. “Synkmapp…” chooses the folder.

All store work runs on the store worker (``session.run``); nothing here touches the folder
from the GUI thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTime, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMenu, QToolBar

from storage.vault.store import Store
from sync.team.folder import SyncReport, set_sync_folder, sync_now
from ui.runtime.error_dialog import error_text, show_error
from ui.runtime.session_api import SessionAPI

AUTO_SYNC_MS = 5 * 60 * 1000


class TeamSync(QObject):
    synced = Signal(object)  # the SyncReport, after a sync that found a folder

    def __init__(
        self, window: QMainWindow, session: SessionAPI, menu: QMenu, toolbar: QToolBar
    ) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.running = False
        self.sync_action = QAction(window)
        self.sync_action.setObjectName("syncNowAction")
        self.sync_action.triggered.connect(lambda _checked=False: self.sync(manual=True))
        self.folder_action = QAction(window)
        self.folder_action.setObjectName("syncFolderAction")
        self.folder_action.triggered.connect(lambda _checked=False: self.choose_folder())
        menu.addSeparator()
        menu.addAction(self.sync_action)
        menu.addAction(self.folder_action)
        toolbar.addAction(self.sync_action)
        self.status = QLabel(window)
        self.status.setObjectName("syncStatus")
        window.statusBar().addPermanentWidget(self.status)
        self.timer = QTimer(self)
        self.timer.setInterval(AUTO_SYNC_MS)
        self.timer.timeout.connect(lambda: self.sync(manual=False))
        self.retranslate()

    def retranslate(self) -> None:
        self.sync_action.setText(self.tr("S&ync now"))
        self.sync_action.setToolTip(
            self.tr("Exchange changes of shared cases with your colleagues through the sync folder")
        )
        self.folder_action.setText(self.tr("Sync &folder…"))

    # ------------------------------------------------------------------ session
    def session_opened(self) -> None:
        self.timer.start()
        self.sync(manual=False)

    def clear_for_lock(self) -> None:
        self.timer.stop()
        self.running = False
        self.status.clear()

    # ------------------------------------------------------------------ syncing
    def sync(self, *, manual: bool) -> None:
        if self.running or not self.session.is_unlocked:
            return
        self.running = True

        def done(report: SyncReport | None) -> None:
            self.running = False
            if report is None:
                if manual:
                    self.choose_folder()
                return
            self.show_report(report)
            self.synced.emit(report)

        def failed(exc: BaseException) -> None:
            self.running = False
            self.status.setText(self.tr("Sync failed: {reason}").format(reason=error_text(exc)))
            if manual:
                show_error(self.window, exc)

        self.session.run(self.window, sync_now, done, failed, progress=manual)

    def show_report(self, report: SyncReport) -> None:
        time = QTime.currentTime().toString("HH:mm")
        changes = sum(i.operations for i in report.imported)
        text = self.tr("Synced {time}: %n change(s) received", "", changes).format(time=time)
        if report.refused:
            exc = report.refused[0][1]
            refused = self.tr("%n file(s) refused: {reason}", "", len(report.refused))
            text += " · " + refused.format(reason=error_text(exc))
        self.status.setText(text)

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self.window, self.tr("Choose the sync folder shared with your colleagues")
        )
        if not chosen:
            return

        def save(store: Store) -> None:
            set_sync_folder(store, Path(chosen))

        self.session.run(self.window, save, lambda _r: self.sync(manual=False), progress=False)
