"""Screenshots of sharing a case with colleagues (docs/handbok.md §7): "Dela med kollega…",
the Kollegor part with a conflict ("Ändrat av båda: …"), the sync status in the main
window, a stand-in's end as the responsible caseworker sees it, and the handover wizard's
legal-basis page for a shared case (whose shares end at the receipt), and the case on the
laptop of a colleague it was shared with without the protected details. Two temporary stores
play the colleagues (a co-caseworker and a stand-in); fictional data only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from devtools.screenshots import data
from devtools.screenshots.harness import DemoSession, on_worker, settle, shoot, wait_until
from storage.casefile import cases, consents, journal, persons
from storage.vault.store import Store
from sync.team import members
from sync.team.folder import SyncReport, sync_folder
from sync.trust import identity
from ui.cases.case_work import install_case_work
from ui.handover.wizard import HandoverWizard
from ui.kit.windows import available_size
from ui.team.share_dialog import ShareDialog
from ui.team.team_tab import TeamTab
from ui.window.main_window import MainWindow
from ui.window.settings_dialog import UiPreferences

UNIT = ("Exempelkommun", "Avhopparverksamheten")


def _team(store: Store, tmp: Path) -> tuple[int, Any, Any, SyncReport]:
    identity.ensure_identity(store, *UNIT, "Alex Exempelsson")
    case_id = cases.create_case(
        store, case_type="defector", home_municipality="Exempelkommun", status="referred"
    )
    principal = persons.add_person(
        store,
        case_id,
        name="Robin Exempel (fiktiv)",
        birth_year=1999,
        protection_level="protected_registration",  # Kim's share is without it: ••
    )
    consents.add_consent(  # a legal basis for handing the case over to Lund later
        store,
        case_id,
        agencies=["Polisen"],
        municipalities=["Exempelkommun", "Lund"],
        signed_on=data.days(-20),
        expires_on=data.days(300),
        person_id=principal,
    )
    kim = data.other_unit(tmp / "kim", (*UNIT, "Kim Kollega"))
    sam = data.other_unit(tmp / "sam", (*UNIT, "Sam Ersättare"))
    kim_id = data.exchange_cards(store, kim, verify=True)
    sam_id = data.exchange_cards(store, sam, verify=True)
    folder = tmp / "synkmapp"
    folder.mkdir()
    members.share_case(store, case_id, kim_id, "co")
    members.share_case(store, case_id, sam_id, "stand_in", valid_until=data.days(14))
    for s in (store, kim, sam, store, kim, sam):
        sync_folder(s, folder)
    kim_case = int(kim.conn.execute("SELECT case_id FROM team_cases").fetchone()[0])
    sam_case = int(sam.conn.execute("SELECT case_id FROM team_cases").fetchone()[0])
    cases.update_case(store, case_id, stay_municipality="Ystad (fiktiv)")
    cases.update_case(kim, kim_case, stay_municipality="Eslöv (fiktiv)")
    journal.add_journal_entry(sam, sam_case, "Hembesök under semestern (fiktivt).")
    members.end_share(store, case_id, sam_id)  # the stand-in's time ends early
    for s in (store, sam, kim):  # Sam learns the share ended: what is left, removal
        sync_folder(s, folder)
    report = sync_folder(store, folder)  # Kim's change and Sam's confirmation arrive
    for s in (kim, store):
        sync_folder(s, folder)
    return case_id, kim, sam, report


def team_shots(out: Path, store: Store, tmp: Path) -> None:
    case_id, kim, sam, report = on_worker(lambda: _team(store, tmp))
    session = DemoSession(store)
    try:
        colleagues = on_worker(lambda: members.colleagues(store))
        dialog = ShareDialog(session, case_id, colleagues)
        dialog.set_value("contact_id", colleagues[0].id)
        dialog.set_value("role", "stand_in")
        dialog.set_value("valid_until", data.days(21).isoformat())
        dialog.set_value("include_protected", True)
        dialog.set_value("reason", "Semestervikariat (fiktivt)")
        shoot(dialog, out, "team-1-share")
        dialog.reject()
        tab = TeamTab(session)
        tab.resize(900, 560)
        tab.set_case(case_id)
        tab.show()
        tab.ensure_loaded()
        wait_until(lambda: tab.loaded)
        tab.conflicts.selectRow(0)
        settle()
        shoot(tab, out, "team-2-conflict")
        ended = next(i for i, m in enumerate(tab.members_model.records()) if m.role == "stand_in")
        tab.members.selectRow(ended)
        settle()
        shoot(tab, out, "team-4-stand-in-end")
        tab.close()
        window = MainWindow(session, UiPreferences())
        work = install_case_work(window, session)
        window.show()
        work.case_list.load()
        wait_until(lambda: work.case_list.model.rowCount() > 0)
        work.open_case_and_select(case_id)
        view = work.case_view
        view.show_tab(view.team)
        wait_until(lambda: view.team.loaded)
        window.tools.team.show_report(report)
        settle(300)
        shoot(window, out, "team-3-sync-status")
        window.close()
        _handover_shot(out, session, store, case_id)
        _without_protected_shot(out, DemoSession(kim))
    finally:
        on_worker(kim.close)
        on_worker(sam.close)


def _handover_shot(out: Path, session: DemoSession, store: Store, case_id: int) -> None:
    """The legal-basis page of a handover of the shared case: Kim still shares it."""
    on_worker(lambda: cases.set_status(store, case_id, "emergency_protection"))
    wizard = HandoverWizard(session, case_id)
    wait_until(lambda: wizard.case_page.contact.count() > 0)
    lund = wizard.case_page.contact.findText("Lund", Qt.MatchFlag.MatchContains)
    wizard.case_page.contact.setCurrentIndex(max(lund, 0))
    wizard.show()
    settle()
    wizard.next()
    try:
        wait_until(lambda: wizard.currentPage() is wizard.basis_page)
    except TimeoutError:
        raise TimeoutError(wizard.case_page.status.text()) from None
    shoot(wizard, out, "team-5-handover-shared")
    wizard.close()


def _without_protected_shot(out: Path, kim: DemoSession) -> None:
    """Kim's laptop: the case shared without the protected details. The name and
    personnummer are ••, and what would change them is not offered (the reason as tooltip)."""
    case_id = int(
        on_worker(lambda: kim.store.conn.execute("SELECT case_id FROM team_cases").fetchone()[0])
    )
    window = MainWindow(kim, UiPreferences())
    window.set_identity_text("Kim Kollega · Avhopparverksamheten")
    work = install_case_work(window, kim)
    window.resize(*available_size(window))  # the whole screen
    window.show()
    work.case_list.load()
    wait_until(lambda: work.case_list.model.rowCount() > 0)
    work.open_case_and_select(case_id)
    view = work.case_view
    view.show_tab(view.person)
    wait_until(lambda: view.person.loaded)
    settle(300)
    shoot(window, out, "team-6-without-protected")
    window.close()
