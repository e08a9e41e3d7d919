"""Screenshots of a caseworker's working year: the reminder notice, the journal with entry
types and a draft, the new-entry dialog with a template, the relocation checklist, the
partner register (a case's partners are its part *Samverkansparter*, pictured with every
part), the access log of a case, the calendar export, a case import from a file (its
progress bar, then cancelled; then every case read in and being saved — the import is held
there and stopped, so nothing is imported and the other pictures are unchanged) and gallring
(the plan, the confirmation, the protocol). Called by
devtools/screenshots/cases.py and tools.py with the demo store; fictional data only, every
name marked "(fiktiv)".
"""

from __future__ import annotations

import datetime as dt
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from benchmarks.import_data import write_demo_import
from devtools.screenshots.harness import on_worker
from storage.casefile import search_bulk
from storage.casefile.cases import set_gallring_exemption
from storage.casefile.drafts import add_draft
from storage.casefile.journal import add_journal_entry
from storage.casefile.placements import placements
from storage.casework.gallring import gallring_plan
from storage.casework.relocation import case_tasks, complete_task, start_checklist
from storage.records.errors import ImportCancelledError
from storage.registers.partners import add_partner, link_partner
from storage.vault.store import Store
from ui.casework.access_log_view import AccessLogView
from ui.casework.calendar_export import CalendarExportDialog
from ui.casework.gallring_view import GallringView
from ui.casework.partners_view import PartnersView

Shoot = Callable[[QWidget, Path, str], None]
Wait = Callable[[Callable[[], bool]], None]
TODAY = dt.date.today()


def year_case_data(store: Store, case_id: int) -> None:
    """Typed journal entries with event dates, a draft, two partners linked to the case and a
    started relocation checklist on its first placement (one task done)."""
    for back, kind, text in (
        (9, "phone", "Samtal med personen om läget efter flytten (fiktiv demo)."),
        (6, "home_visit", "Hembesök i det nya boendet. Personen har packat upp (fiktiv demo)."),
        (2, "network_meeting", "Nätverksmöte med skola och kontaktpolis (fiktiv demo)."),
    ):
        add_journal_entry(
            store, case_id, text, entry_type=kind, event_date=TODAY - dt.timedelta(days=back)
        )
    add_draft(
        store,
        case_id,
        "Samtal med skolkuratorn om schemat – fortsätter skriva efter mötet (fiktiv demo).",
        entry_type="authority_contact",
        event_date=TODAY,
    )
    police = add_partner(
        store,
        kind="police",
        name="Kim Kontakt (fiktiv)",
        organisation="Polisregion Exempel",
        phone="010-123 45 67",
        email="kim.kontakt@example.invalid",
    )
    school = add_partner(
        store,
        kind="school",
        name="Sara Skola (fiktiv)",
        organisation="Exempelskolan",
        phone="0123-45 67 89",
    )
    add_partner(store, kind="lawyer", name="Ada Advokat (fiktiv)", organisation="Exempelbyrån")
    link_partner(store, case_id, police, "kontaktpolis")
    link_partner(store, case_id, school, "mentor")
    places = placements(store, case_id)
    if places and not case_tasks(store, case_id):
        start_checklist(
            store, places[0].id, responsible="Alex Exempelsson", due_on=TODAY + dt.timedelta(7)
        )
        complete_task(store, case_tasks(store, case_id)[0].id)


def _keep_one(store: Store) -> None:
    """One of the demo's old closed cases gets an exemption (fictional reason)."""
    plan = gallring_plan(store)
    if plan.due:
        set_gallring_exemption(
            store, plan.due[0].case_id, True, "Begärd av IVO för en granskning (fiktiv)"
        )


def notice_shot(out: Path, window: Any, shoot: Shoot, wait_until: Wait) -> None:
    """The in-window notice at unlock (no system tray offscreen), then dismissed."""
    bar = window.casework.notifier.bar
    wait_until(bar.isVisible)
    shoot(window, out, "main-6-reminder-notice")
    bar.dismiss()
    QTest.qWait(150)


def year_case_shots(out: Path, window: Any, view: Any, shoot: Shoot, wait_until: Wait) -> None:
    tab = view.journal
    view.show_tab(tab)
    wait_until(lambda: tab.loaded and tab.drafts_model.rowCount() > 0)
    tab.table.scrollToBottom()
    tab.drafts_table.selectRow(0)
    QTest.qWait(200)
    shoot(window, out, "case-journal-types-draft")
    dialog = tab.new_entry()
    wait_until(lambda: bool(dialog.templates))
    dialog.set_value("entry_type", "home_visit")
    dialog.template_combo.setCurrentIndex(1)
    dialog.template_combo.activated.emit(1)
    shoot(dialog, out, "case-journal-new-entry")
    dialog.reject()
    person = view.person
    view.show_tab(person)
    wait_until(lambda: person.loaded and person.checklist.model.rowCount() > 0)
    scroll = person.findChild(QWidget, "personScroll")
    if scroll is not None:
        scroll.ensureWidgetVisible(person.checklist)
    person.checklist.table.selectRow(1)
    QTest.qWait(200)
    shoot(window, out, "case-relocation-checklist")


def case_import_shots(out: Path, window: Any, shoot: Shoot, wait: Wait) -> None:
    """*Arkiv › Importera ärenden från fil…* with 1,000 demo-shaped cases: the progress bar
    part-way, then *Avbryt* and what it says (nothing of the file is stored)."""
    importer = window.casework.case_import
    with tempfile.TemporaryDirectory(prefix="utvag-shots-import-") as tmp:
        path = write_demo_import(Path(tmp) / "gamla-systemet.json", 1000)
        importer.result = None
        importer.import_file(path)

        def progress() -> QProgressDialog | None:
            found = window.findChild(QProgressDialog, "operationProgress")
            return found if found is not None and found.isVisible() else None

        wait(lambda: (p := progress()) is not None and p.value() >= 100)
        dialog = progress()
        assert dialog is not None
        shoot(dialog, out, "case-import-1-progress")
        cancel = dialog.findChild(QPushButton)
        assert cancel is not None
        QTest.mouseClick(cancel, Qt.MouseButton.LeftButton)
        wait(lambda: importer.result is not None)
        shoot(importer.result, out, "case-import-2-cancelled")
        importer.result.close()
        saving_shot(out, importer, path, progress, shoot, wait)


def saving_shot(
    out: Path,
    importer: Any,
    path: Path,
    progress: Callable[[], QProgressDialog | None],
    shoot: Shoot,
    wait: Wait,
) -> None:
    """The same file to its end: every case read in, the label saying they are being saved.
    The import is held there for the picture (the index and the commit of 1,000 cases take
    a moment only), then stopped as a cancel would be, so the later pictures do not show the
    imported cases; that outcome is not pictured."""
    hold = threading.Event()
    index_rows = search_bulk._index_rows

    def held(conn: Any) -> None:
        hold.wait(timeout=60)
        raise ImportCancelledError()

    search_bulk._index_rows = held
    try:
        importer.result = None
        importer.import_file(path)
        wait(lambda: (p := progress()) is not None and 0 < p.maximum() == p.value())
        dialog = progress()
        assert dialog is not None
        shoot(dialog, out, "case-import-3-saving")
    finally:
        hold.set()
        search_bulk._index_rows = index_rows
    wait(lambda: importer.result is not None)
    importer.result.close()


def year_tool_shots(out: Path, session: Any, case_number: str, shoot: Shoot, wait: Wait) -> None:
    partners = PartnersView(session)
    wait(lambda: partners.model.rowCount() >= 3)
    names = [p.name for p in partners.model.records()]
    partners.table.selectRow(names.index("Kim Kontakt (fiktiv)"))  # linked to the case
    wait(lambda: partners.cases_model.rowCount() > 0)
    QTest.qWait(200)
    shoot(partners, out, "partners-1-register")
    partners.close()
    log = AccessLogView(session, case_number=case_number)
    wait(lambda: log.model.rowCount() > 0)
    shoot(log, out, "access-log-1-case")
    log.close()
    calendar = CalendarExportDialog(session)
    shoot(calendar, out, "reminders-calendar-export")
    calendar.close()
    on_worker(lambda: _keep_one(session.store))  # the plan shows a kept case and why
    gallring = GallringView(session)
    wait(lambda: gallring.plan is not None)
    shoot(gallring, out, "gallring-1-plan")
    confirm = gallring.ask_run()
    if confirm is not None:
        confirm.decision.setText("Socialnämnden 2026-02-14 § 12 (fiktiv)")
        shoot(confirm, out, "gallring-2-confirm")
        confirm.reject()
        plan = gallring.plan
        assert plan is not None
        gallring.run(plan, "Socialnämnden 2026-02-14 § 12 (fiktiv)")
        wait(lambda: gallring.outcome is not None)
        wait(lambda: gallring.run_model.rowCount() > 0)
        QTest.qWait(200)
        shoot(gallring, out, "gallring-3-protocol")
    gallring.close()
