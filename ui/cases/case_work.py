"""Case work in the main window: the case list, the reminders panel and the case view.

``install_case_work(window, session)`` puts the three into the frame's plug-in points
(``set_case_list``, ``set_reminders``, ``add_case_page``) and joins them: choosing a case in
the list or a reminder opens it; "New case" creates one and opens it; an edit in the case
view refreshes the list and the reminders. After every unlock (``window.opened``) the list
is read first and the reminders after it, so the list appears without waiting for them.
Everything that shows data is registered with ``session.guard`` by the widgets themselves.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from storage.casefile.cases import get_case
from storage.errors import NotFoundError
from storage.vault.store import Store
from ui.case_view import CaseView
from ui.cases.case_list import CaseListWidget
from ui.cases.case_list_model import CaseFilter
from ui.cases.reminder_index import ReminderIndex
from ui.cases.reminders_panel import RemindersPanel
from ui.record_dialogs.case_dialogs import NewCaseDialog
from ui.runtime.session_api import SessionAPI


class Frame(Protocol):
    """The part of ui.window.main_window.MainWindow used here."""

    @property
    def opened(self) -> Any: ...

    def set_case_list(self, widget: QWidget) -> None: ...

    def set_reminders(self, widget: QWidget) -> None: ...

    def add_case_page(self, widget: QWidget) -> int: ...

    def show_case_page(self, widget: QWidget) -> None: ...

    def show_empty_state(self) -> None: ...

    def keep_proportion(self) -> None: ...

    def set_store_empty(self, empty: bool) -> None: ...


class CaseWork(QObject):
    def __init__(self, window: Frame, session: SessionAPI, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.session = session
        self.reminders = ReminderIndex(session, self)
        self.case_list = CaseListWidget(session, self.reminders)
        self.reminders_panel = RemindersPanel(session, self.reminders)
        self.case_view = CaseView(session)
        self.new_case_dialog: NewCaseDialog | None = None
        window.set_case_list(self.case_list)
        window.set_reminders(self.reminders_panel)
        window.add_case_page(self.case_view)
        window.opened.connect(self.load)
        self.case_list.caseActivated.connect(self.open_case)
        self.case_list.newCaseRequested.connect(self.new_case)
        self.reminders_panel.caseRequested.connect(self.open_case_and_select)
        self.case_view.caseChanged.connect(self.case_changed)

    def load(self) -> None:
        """Read the case list, then the reminders (after every unlock)."""
        self.case_list.load()
        self.reminders.reload()

    def open_case(self, case_id: int) -> None:
        if not self.session.is_unlocked:
            return
        self.case_view.load(case_id)
        self.window.show_case_page(self.case_view)

    def open_case_and_select(self, case_id: int) -> None:
        self.open_case(case_id)
        self.case_list.select_case(case_id)

    def new_case(self) -> NewCaseDialog | None:
        if not self.session.is_unlocked:
            return None
        parent = self.case_list.window()
        dialog = NewCaseDialog(self.session, parent)
        dialog.saved.connect(self._created)
        dialog.finished.connect(dialog.deleteLater)
        self.new_case_dialog = dialog
        dialog.open()
        return dialog

    def _created(self, case_id: object) -> None:
        if isinstance(case_id, int):
            self.case_list.select_case(case_id)
            self.case_list.load()
            self.open_case(case_id)

    def case_changed(self, _case_id: int) -> None:
        self.case_list.load()
        self.reminders.reload()

    def store_changed(self) -> None:
        """Cases were deleted (a gallring run) or imported: reload; an open case that is gone
        closes."""
        self.case_list.load()
        self.reminders.reload()
        case_id = self.case_view.case_id
        if case_id is None or not self.session.is_unlocked:
            return

        def exists(store: Store) -> bool:
            try:
                get_case(store, case_id)
            except NotFoundError:
                return False
            return True

        self.session.run(
            self.case_view, exists, lambda found: None if found else self._close_case(case_id)
        )

    def _close_case(self, case_id: int) -> None:
        if self.case_view.case_id == case_id:
            self.case_view.clear_for_lock()  # drops everything the view shows
            self.window.show_empty_state()

    def case_changed_elsewhere(self, case_id: int) -> None:
        """Another screen (handover, import, receipt, follow-up) changed ``case_id``."""
        if self.session.is_unlocked and self.case_view.case_id == case_id:
            self.case_view.load(case_id)
        self.case_changed(case_id)


def install_case_work(window: Frame, session: SessionAPI) -> CaseWork:
    """Plug the case list, reminders and case view into ``window`` (see module docstring).

    The returned object is owned by ``window`` (its Qt parent). When the window has the
    handover/follow-up screens (``window.tools.start_handover`` / ``open_followup``), the
    case view's "Hand over…" and "Record follow-up…" buttons are connected to them, and
    their ``caseChanged(case_id)`` reloads the list, the reminders and the open case. When
    it has the *Verktyg* menu (``window.casework``), the Logg part's "Who has opened the
    case?" opens its access log, the reminder notifications watch the reminders, and a
    gallring run reloads the list and closes an open case it deleted.
    """
    parent = window if isinstance(window, QObject) else None
    work = CaseWork(window, session, parent)
    tools = getattr(window, "tools", None)
    start_handover = getattr(tools, "start_handover", None)
    if callable(start_handover):
        work.case_view.handoverRequested.connect(start_handover)
        work.case_view.set_handover_available(True)
    open_followup = getattr(tools, "open_followup", None)
    if callable(open_followup):
        work.case_view.followUpRequested.connect(open_followup)
        work.case_view.set_follow_up_available(True)
    work.case_list.model.reloaded.connect(
        lambda count: window.set_store_empty(
            count == 0 and work.case_list.model.case_filter == CaseFilter()
        )
    )
    # a part of the case that asks for more room must not keep the list narrow afterwards
    work.case_view.sections.currentRowChanged.connect(
        lambda _row: QTimer.singleShot(0, window.keep_proportion)
    )
    changed = getattr(tools, "caseChanged", None)
    if changed is not None:
        changed.connect(work.case_changed_elsewhere)
    casework = getattr(window, "casework", None)
    if casework is not None:
        work.case_view.accessLogRequested.connect(casework.open_access_log)
        work.case_view.set_access_log_available(True)
        casework.watch_reminders(work.reminders)
        casework.storeChanged.connect(work.store_changed)
    return work
