"""The case view: a header with the masked case label and status, a list of the parts of the
case file at the side (Översikt, Person och skydd, Närstående, Hotbild, Nätverk, Behov,
Insatser, Beslut, Vård och SIP, Journal, Handlingar, Överlämning, Samverkan, Kollegor, Logg)
and the chosen part beside it.

Every part is reachable at a glance, also on a small laptop screen: the list is as narrow as
its longest name and as tall as it needs to be, and scrolls only when a window is shorter
than one line of text per part. ``load(case_id)`` shows a case: the header is read at once,
each part when it is first shown (Ctrl+PgDown / Ctrl+PgUp move to the next / previous part; the list
takes the arrow keys when it has focus). An edit saved in a part marks the others for
reloading and emits ``caseChanged`` (the case list and reminders refresh).
``handoverRequested``, ``followUpRequested`` and ``accessLogRequested`` are for the handover
wizard, the follow-up form and the access log of the other screens; their buttons appear
once those are connected (``set_handover_available`` / ``set_follow_up_available`` /
``set_access_log_available``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from storage.casefile.access_log import log_case_open
from storage.casefile.protection import CaseWorkGrant, end_case_work, start_case_work
from storage.casefile.summaries import case_summary
from storage.records import CaseSummary
from ui.case_view.base import CaseTab
from ui.case_view.care_tab import CareTab
from ui.case_view.decisions_tab import DecisionsTab
from ui.case_view.documents_tab import DocumentsTab
from ui.case_view.handover_tab import HandoverTab
from ui.case_view.interventions_tab import InterventionsTab
from ui.case_view.journal_tab import JournalTab
from ui.case_view.log_tab import LogTab
from ui.case_view.needs_tab import NeedsTab
from ui.case_view.network_tab import NetworkTab
from ui.case_view.overview_tab import OverviewTab
from ui.case_view.partners_tab import PartnersTab
from ui.case_view.person_tab import PersonTab
from ui.case_view.relatives_tab import RelativesTab
from ui.case_view.threat_tab import ThreatTab
from ui.extract.dialog import ExtractDialog
from ui.kit import labels
from ui.kit.masking import MaskedField, RevealReasonDialog
from ui.runtime.error_dialog import show_error
from ui.runtime.session_api import SessionAPI
from ui.team.team_tab import TeamTab


def _ignore(_: object) -> None:
    """Nothing to show when a case opening has been logged."""


class CaseView(QWidget):
    caseChanged = Signal(int)
    handoverRequested = Signal(int)
    followUpRequested = Signal(int)
    accessLogRequested = Signal(str)  # the case number

    def __init__(self, session: SessionAPI, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseView")
        self.session = session
        self.case_id: int | None = None
        self.summary: CaseSummary | None = None
        self._generation = 0
        self.title = QLabel(self)
        self.title.setObjectName("caseTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)  # a narrow window wraps the label instead of widening
        self.badge = QLabel(self)
        self.badge.setObjectName("caseBadge")
        self.badge.setTextFormat(Qt.TextFormat.PlainText)
        self.work_grant: CaseWorkGrant | None = None
        self.work_button = QPushButton(self)
        self.work_button.setObjectName("caseWorkButton")
        self.work_button.clicked.connect(self._work_clicked)
        self.extract_button = QPushButton(self)
        self.extract_button.setObjectName("caseExtractButton")
        self.extract_button.setEnabled(False)
        self.extract_button.clicked.connect(self.open_extract)
        self.extract_dialog: ExtractDialog | None = None
        self.work_note = QLabel(self)
        self.work_note.setObjectName("caseWorkNote")
        self.work_note.setTextFormat(Qt.TextFormat.PlainText)
        self.work_note.setWordWrap(True)
        self.work_note.setVisible(False)
        self._work_timer = QTimer(self)
        self._work_timer.setSingleShot(True)
        self._work_timer.timeout.connect(self.end_case_work)
        self.work_dialog: RevealReasonDialog | None = None
        self.overview = OverviewTab(session, self)
        self.person = PersonTab(session, self)
        self.relatives = RelativesTab(session, self)
        self.threat = ThreatTab(session, self)
        self.network = NetworkTab(session, self)
        self.needs = NeedsTab(session, self)
        self.interventions = InterventionsTab(session, self)
        self.decisions = DecisionsTab(session, self)
        self.care = CareTab(session, self)
        self.journal = JournalTab(session, self)
        self.documents = DocumentsTab(session, self)
        self.handover = HandoverTab(session, self)
        self.partners = PartnersTab(session, self)
        self.team = TeamTab(session, self)
        self.log = LogTab(session, self)
        self.sections = QListWidget(self)
        self.sections.setObjectName("caseSections")
        self.sections.setFrameShape(QFrame.Shape.NoFrame)
        self.sections.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sections.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sections.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("casePart")
        for tab in self.all_tabs():
            self.sections.addItem(QListWidgetItem(""))
            area = QScrollArea(self.stack)  # a long part scrolls on a short screen
            area.setObjectName(f"{tab.objectName()}Area")
            area.setWidgetResizable(True)
            area.setFrameShape(QFrame.Shape.NoFrame)
            area.setWidget(tab)
            self.stack.addWidget(area)
            tab.changed.connect(lambda t=tab: self._edited(t))
            tab.shown.connect(self._apply_case_work)
            session.guard.register(tab)
        self.sections.setCurrentRow(0)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.badge)
        header.addWidget(self.work_button)
        body = QHBoxLayout()
        body.setSpacing(6)
        column = QVBoxLayout()  # the parts, and under them what is done with the whole file
        column.setSpacing(6)
        column.addWidget(self.sections, 1)
        column.addWidget(self.extract_button)
        body.addLayout(column)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 8, 6, 6)
        layout.addLayout(header)
        layout.addWidget(self.work_note)
        layout.addLayout(body, 1)
        self.sections.currentRowChanged.connect(self._section_chosen)
        for keys, step in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self._step(step))
        self.overview.followUpRequested.connect(self.followUpRequested)
        self.handover.handoverRequested.connect(self.handoverRequested)
        self.log.accessLogRequested.connect(self.accessLogRequested)
        self.retranslate()
        session.guard.register(self)

    def all_tabs(self) -> list[CaseTab]:
        return [
            self.overview,
            self.person,
            self.relatives,
            self.threat,
            self.network,
            self.needs,
            self.interventions,
            self.decisions,
            self.care,
            self.journal,
            self.documents,
            self.handover,
            self.partners,
            self.team,
            self.log,
        ]

    def retranslate(self) -> None:
        for index, tab in enumerate(self.all_tabs()):
            item = self.sections.item(index)
            item.setText(tab.title().replace("&", ""))
            item.setToolTip(tab.title().replace("&", ""))
        self.sections.setAccessibleName(self.tr("Parts of the case file"))
        self.extract_button.setText(self.tr("Print / e&xtract…"))
        self.extract_button.setAccessibleName(self.tr("Print or make an extract of the case"))
        self._show_work_state()
        self._fit_sections()
        if self.summary is not None:
            self._show_summary(self.summary)

    def _fit_sections(self) -> None:
        """As wide as the longest name (in the style sheet's font), never cut."""
        self.sections.ensurePolished()
        metrics = self.sections.fontMetrics()
        widest = max(
            (
                metrics.horizontalAdvance(self.sections.item(i).text())
                for i in range(self.sections.count())
            ),
            default=80,
        )
        self.sections.setFixedWidth(widest + 34)

    def _step(self, step: int) -> None:
        count = self.sections.count()
        self.sections.setCurrentRow((self.sections.currentRow() + step) % count)

    def _section_chosen(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentIndex(row)
            self._tab_shown(row)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_handover_available(self, available: bool) -> None:
        self.handover.set_handover_available(available)

    def set_follow_up_available(self, available: bool) -> None:
        self.overview.set_follow_up_available(available)

    def set_access_log_available(self, available: bool) -> None:
        self.log.set_access_log_available(available)

    # ------------------------------------------------------------------ loading
    def load(self, case_id: int) -> None:
        """Show ``case_id`` (the tab that is open stays open)."""
        if case_id != self.case_id:
            self.end_case_work()  # leaving a case ends "working on it"
            self.session.run(  # the access log: who opened which case, when (no content)
                self, lambda store: log_case_open(store, case_id), _ignore, progress=False
            )
        self.case_id = case_id
        self.extract_button.setEnabled(True)
        for tab in self.all_tabs():
            tab.set_case(case_id)
        self.title.setText("…")
        self.badge.clear()
        self._load_header()
        self._tab_shown(self.stack.currentIndex())

    def _load_header(self) -> None:
        case_id = self.case_id
        if case_id is None:
            return
        self._generation += 1
        generation = self._generation
        self.session.run(
            self,
            lambda store: case_summary(store, case_id),
            lambda s: self._header_arrived(generation, s),
            progress=False,
        )

    def _header_arrived(self, generation: int, summary: Any) -> None:
        if generation == self._generation and self.session.is_unlocked:
            self._show_summary(summary)

    def _show_summary(self, summary: CaseSummary) -> None:
        self.summary = summary
        self.title.setText(summary.label)
        badge = labels.label(summary.status)
        if summary.demo:
            badge = self.tr("{status} · demo").format(status=badge)
        if summary.team_role is not None:  # shared with colleagues: our role (ui/team/)
            badge = f"{badge} · {labels.team_role_text(summary.team_role)}"
        self.badge.setText(badge)

    def open_extract(self) -> ExtractDialog | None:
        """“Skriv ut / utdrag…”: the extract dialog for the open case."""
        if self.case_id is None or not self.session.is_unlocked:
            return None
        dialog = ExtractDialog(self.session, self.case_id, self)  # tracks itself on lock
        self.extract_dialog = dialog
        dialog.open()
        return dialog

    def _tab_shown(self, index: int) -> None:
        tabs = self.all_tabs()
        tab = tabs[index] if 0 <= index < len(tabs) else None
        if isinstance(tab, CaseTab):
            tab.ensure_loaded()

    def current_tab(self) -> CaseTab:
        tab = self.all_tabs()[self.stack.currentIndex()]
        assert isinstance(tab, CaseTab)
        return tab

    def show_tab(self, tab: CaseTab) -> None:
        self.sections.setCurrentRow(self.all_tabs().index(tab))

    def section_titles(self) -> list[str]:
        return [self.sections.item(i).text() for i in range(self.sections.count())]

    def _edited(self, source: CaseTab) -> None:
        for tab in self.all_tabs():
            if tab is not source:
                tab.stale = True
        self._load_header()
        if self.case_id is not None:
            self.caseChanged.emit(self.case_id)

    # ------------------------------------------------------------------ working on the case
    def _work_clicked(self) -> None:
        if self.work_grant is not None:
            self.end_case_work()
            return
        if self.case_id is None:
            return
        dialog = RevealReasonDialog(
            self.tr("The case's protected information"),
            self,
            intro_text=self.tr(
                "While you work with this case, its protected names, personal identity numbers "
                "and addresses are shown without asking each time: until you open another "
                "case, Utväg locks, or an hour has passed. Write why; the reason, your name "
                "and the time are written to the audit log once."
            ),
        )
        dialog.setWindowTitle(self.tr("I am working on this case"))
        self.work_dialog = dialog
        self.session.guard.track_dialog(dialog)
        case_id = self.case_id
        dialog.accepted.connect(lambda: self._start_case_work(case_id, dialog.reason_text()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _start_case_work(self, case_id: int, reason: str) -> None:
        self.work_button.setEnabled(False)

        def done(grant: CaseWorkGrant) -> None:
            self.work_button.setEnabled(True)
            if case_id != self.case_id or not self.session.is_unlocked:
                end_case_work(grant)
                return
            self.work_grant = grant
            self._work_timer.start(int(grant.seconds_left() * 1000))
            self._show_work_state()
            self._apply_case_work()

        def failed(exc: BaseException) -> None:
            self.work_button.setEnabled(True)
            show_error(self, exc)

        self.session.run(
            self,
            lambda store: start_case_work(store, case_id, reason),
            done,
            failed,
            progress=False,
        )

    def _apply_case_work(self) -> None:
        """Every protected field of the open case, shown under the grant."""
        if self.work_grant is None:
            return
        for field in self.findChildren(MaskedField):
            field.reveal_with_grant(self.work_grant)

    def end_case_work(self) -> None:
        """Stop showing the case's protected information (left, locked, an hour passed)."""
        self._work_timer.stop()
        grant, self.work_grant = self.work_grant, None
        if grant is None:
            return
        end_case_work(grant)
        for field in self.findChildren(MaskedField):
            field.remask()
        self._show_work_state()

    def _show_work_state(self) -> None:
        working = self.work_grant is not None
        self.work_button.setText(
            self.tr("Stop showing protected information")
            if working
            else self.tr("I am &working on this case…")
        )
        self.work_button.setToolTip(
            self.tr(
                "Show this case's protected information without a reason for each field "
                "(one reason, logged once)"
            )
        )
        self.work_note.setVisible(working)
        if working:
            assert self.work_grant is not None
            until = QTime.currentTime().addSecs(int(self.work_grant.seconds_left()))
            self.work_note.setText(
                self.tr(
                    "Protected information of this case is shown until {time}, until you "
                    "open another case or until Utväg locks."
                ).format(time=until.toString("HH:mm"))
            )

    # ------------------------------------------------------------------ lock
    def clear_for_lock(self) -> None:
        self.end_case_work()
        self.extract_dialog = None
        self.extract_button.setEnabled(False)
        self._generation += 1
        self.case_id = None
        self.summary = None
        self.title.clear()
        self.badge.clear()
        for tab in self.all_tabs():
            tab.clear_for_lock()
        self.sections.setCurrentRow(0)
