"""Screenshots of the case work (called by ``python -m devtools.screenshots``): the main window
with the demo cases, every tab of the case view, a journal with a correction, a revealed
protected field, and a record dialog showing the domain's error; the working year's parts
of the case (devtools/screenshots/year.py). Fictional demo data only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from devtools.screenshots.documents import document_and_extract_shots
from devtools.screenshots.plans import fill_plan, plan_dialog_shots
from devtools.screenshots.year import (
    case_import_shots,
    notice_shot,
    year_case_data,
    year_case_shots,
)
from storage.casefile.assessments import threat_assessments
from storage.casefile.case_list import list_case_ids
from storage.casefile.cases import get_case
from storage.casefile.consents import (
    add_agreement,
    agreements,
    record_breach,
)
from storage.casefile.documents import documents
from storage.casefile.interventions import interventions
from storage.casefile.journal import (
    correct_journal_entry,
    journal,
    mark_journal_erroneous,
)
from storage.casefile.persons import (
    add_relative,
    persons,
)
from storage.casefile.placements import (
    add_placement,
    placements,
)
from storage.vault.store import Store
from ui.case_view.base import CaseTab
from ui.case_view.interventions_tab import InterventionsTab
from ui.cases.case_work import (
    CaseWork,
    install_case_work,
)
from ui.kit.windows import available_size
from ui.window.main_window import MainWindow
from ui.window.settings_dialog import UiPreferences


def picture_case(store: Store) -> int:
    """An open demo case with much in it, filled up with fictional records where a tab would
    be empty (a relative, a placement with a protected address, a corrected and a felmarkerad
    journal entry), so that every picture shows something."""
    best, best_score = 0, -1
    for case_id in list_case_ids(store, order_by="number"):
        if get_case(store, case_id).is_closed or not persons(store, case_id):
            continue
        score = (
            2 * min(len(threat_assessments(store, case_id)), 2)
            + sum(1 for i in interventions(store, case_id) if i.controls and not i.ended_on)
            + min(len(documents(store, case_id)), 1)
            + min(len(persons(store, case_id)) - 1, 1)
        )
        if score > best_score:
            best, best_score = case_id, score
    today = dt.date.today()
    fill_plan(store, best)
    if len(persons(store, best)) < 2:
        add_relative(store, best, name="Sam Exempelsson", relation="bror", birth_year=2001)
    if not placements(store, best):
        add_placement(
            store,
            best,
            municipality="Exempelstad",
            moved_in_on=today - dt.timedelta(days=40),
            street="Påhittade gatan 3",
            postal_code="999 91",
            city="Exempelstad",
        )
    if not agreements(store, best):
        add_agreement(
            store,
            best,
            signed_on=today - dt.timedelta(days=30),
            summary="Överenskommelse om stöd (fiktiv demo).",
            conditions=[
                "Drogfrihet, kontrolleras med drogtest.",
                "Ingen kontakt med det tidigare nätverket.",
            ],
        )
        first = agreements(store, best)[0].conditions[0].id
        record_breach(
            store,
            first,
            occurred_on=today - dt.timedelta(days=9),
            description="Positivt drogtest.",
            consequence="Samtal om villkoren.",
        )
    threads = journal(store, best)
    if not any(t.is_corrected for t in threads) and len(threads) > 3:
        entry = threads[-3].current
        why = "Fel uppgift om boendet i första versionen (fiktiv demo)."
        correct_journal_entry(store, entry.id, entry.text.split(". ")[0] + ".", why)
    if not any(t.current.is_erroneous for t in journal(store, best)) and len(threads) > 5:
        mark_journal_erroneous(
            store, threads[-5].current.id, "Anteckningen gällde ett annat ärende (fiktiv demo)."
        )
    return best


def case_shots(
    out: Path,
    session: Any,
    on_worker: Callable[[Callable[[], Any]], Any],
    shoot: Callable[[QWidget, Path, str], None],
    wait_until: Callable[[Callable[[], bool]], None],
) -> None:
    store = session.store
    case_id = int(on_worker(lambda: picture_case(store)))
    on_worker(lambda: year_case_data(store, case_id))
    window = MainWindow(session, UiPreferences())
    window.set_identity_text("Alex Exempelsson · Avhopparverksamheten")
    work: CaseWork = install_case_work(window, session)
    window.resize(*available_size(window))  # the whole screen
    window.show()
    window.session_opened()
    wait_until(lambda: work.case_list.model.rowCount() > 0 and work.reminders.loaded)
    notice_shot(out, window, shoot, wait_until)
    work.open_case_and_select(case_id)
    view = work.case_view
    wait_until(lambda: view.summary is not None and view.overview.loaded)
    QTest.qWait(300)
    shoot(window, out, "main-5-case-list")

    for number, tab in enumerate(view.all_tabs(), start=1):
        view.show_tab(tab)
        wait_until(lambda t=tab: t.loaded)  # type: ignore[misc]
        _prepare(tab)
        shoot(window, out, f"case-{number:02d}-{tab.objectName().removesuffix('Tab')}")

    journal_shots(out, window, view, shoot, wait_until)
    reveal_shot(out, window, view, shoot, wait_until)
    dialog_shots(out, window, view, shoot, wait_until)
    document_and_extract_shots(out, window, view, shoot, wait_until, on_worker)
    year_case_shots(out, window, view, shoot, wait_until)
    case_import_shots(out, window, shoot, wait_until)
    plan_dialog_shots(out, view, shoot, wait_until)
    window.close()


def _prepare(tab: CaseTab) -> None:
    """Choose rows that show more: an intervention with controls, the first agreement."""
    if isinstance(tab, InterventionsTab):
        model = tab.model
        for row in range(model.rowCount()):
            if getattr(model.record(row), "controls", ()):
                tab.table.selectRow(row)
                break
        tree = tab.agreements.tree
        first = tree.topLevelItem(0)
        if first is not None:
            tree.setCurrentItem(first)
    QTest.qWait(150)


def journal_shots(out: Path, window: QWidget, view: Any, shoot: Any, wait_until: Any) -> None:
    tab = view.journal
    view.show_tab(tab)
    wait_until(lambda: tab.loaded)
    model = tab.model
    for row in range(model.rowCount()):
        if model.record(row).is_corrected:
            tab.table.selectRow(row)
            tab.table.scrollTo(model.index(row, 0), tab.table.ScrollHint.PositionAtCenter)
            break
    QTest.qWait(200)
    shoot(window, out, "case-journal-correction")


def reveal_shot(out: Path, window: QWidget, view: Any, shoot: Any, wait_until: Any) -> None:
    tab = view.person
    view.show_tab(tab)
    wait_until(lambda: tab.loaded)
    field = tab.name.field
    if field is None:
        return
    field.ask_reason()
    dialog = field.reason_dialog
    dialog.reason.setPlainText("Samråd med polisen om hotbilden")
    shoot(dialog, out, "case-reveal-reason")
    dialog.accept()
    wait_until(field.is_revealed)
    QTest.qWait(150)
    shoot(window, out, "case-person-revealed")
    field.remask()


def dialog_shots(out: Path, window: QWidget, view: Any, shoot: Any, wait_until: Any) -> None:
    view.show_tab(view.overview)
    wait_until(lambda: view.overview.loaded)
    view.overview.change_status()
    dialog = view.overview.dialog
    shoot(dialog, out, "dialog-status")
    dialog.reject()
    view.show_tab(view.threat)
    wait_until(lambda: view.threat.loaded)
    view.threat._add()
    dialog = view.threat.dialog
    dialog.set_value("source_unit", "Polisregion Öst, personsäkerhetsgruppen")
    dialog.set_value("assessed_on", "2026-13-45")
    dialog.set_value("summary", "Förhöjd hotbild efter kontakt med tidigare nätverk.")
    dialog.save()
    wait_until(lambda: dialog.error.isVisible())
    shoot(dialog, out, "dialog-error")
    dialog.reject()
