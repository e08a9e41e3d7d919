"""Screenshots of contacts, handover (wizard and import), follow-up and timeline, providers,
statistics and backup, and the working year's tools (partners, access log, calendar,
gallring); called by devtools/screenshots/run.py with the demo store it made. A second,
temporary store plays the receiving municipality. Fictional data only
(devtools/screenshots/data.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate

from devtools.screenshots import data
from devtools.screenshots.harness import (
    DemoSession,
    on_worker,
    settle,
    shoot,
    wait_until,
)
from devtools.screenshots.knowledge import knowledge_shots
from devtools.screenshots.plans import register_shots
from devtools.screenshots.year import year_tool_shots
from storage.casefile.access_log import access_log
from storage.vault.store import Store
from sync.trust import identity
from ui.contacts.contacts_view import ContactsView
from ui.contacts.fingerprint_dialog import VerifyContactDialog
from ui.handover.import_dialog import ImportDialog
from ui.handover.wizard import HandoverWizard
from ui.knowledge.followup_view import FollowUpDialog
from ui.knowledge.providers_view import ProvidersView
from ui.knowledge.stats_view import StatsView
from ui.window.backup_dialog import BackupDialog


def _names(store: Store) -> None:
    identity.ensure_identity(store, "Exempelkommun", "Avhopparverksamheten", "Alex Exempelsson")


def tool_shots(out: Path, store: Store, tmp: Path, pdf_renderer: Any = None) -> None:
    on_worker(lambda: _names(store))
    lund = on_worker(lambda: data.other_unit(tmp / "lund", ("Lund", "Exit Lund", "Lisa Lund")))
    third = on_worker(
        lambda: data.other_unit(tmp / "grannby", ("Grannby", "Socialtjänsten", "Gustav Grann"))
    )
    on_worker(lambda: data.exchange_cards(store, lund, verify=True))
    on_worker(lambda: data.exchange_cards(store, third, verify=False))
    session, lund_session = DemoSession(store), DemoSession(lund)
    try:
        contact_shots(out, session)
        bundle = handover_shots(out, session, store, lund, tmp)
        import_shots(out, lund_session, bundle, tmp)
        followup_shots(out, session, store)
        providers_shots(out, session)
        register_shots(out, session, shoot, wait_until)
        stats_shots(out, session, store, pdf_renderer, tmp)
        knowledge_shots(out, session, lund_session, store, tmp)
        backup = BackupDialog(session)
        wait_until(lambda: bool(backup.due.text()))
        backup.passphrase.setText("••••••••••••")
        shoot(backup, out, "backup-1-dialog")
        backup.close()
        opened = on_worker(lambda: access_log(store)[-1].case_number)  # the case pictured
        year_tool_shots(out, session, opened, shoot, wait_until)  # gallring last: it deletes
    finally:
        on_worker(lund.close)
        on_worker(third.close)


def contact_shots(out: Path, session: Any) -> None:
    view = ContactsView(session)
    wait_until(lambda: view.model.rowCount() == 2 and bool(view.ours[0]))
    view.table.selectRow(0)
    shoot(view, out, "contacts-1-list")
    row = next(i for i, c in enumerate(view.model.records()) if c.status == "unverified")
    view.table.selectRow(row)
    view.open_verify()
    dialog = view.verify_dialog
    assert isinstance(dialog, VerifyContactDialog)
    dialog.typed.setText("48213 09377 51642")
    shoot(dialog, out, "contacts-2-verify")
    dialog.reject()
    view.close()


def handover_shots(out: Path, session: Any, store: Store, lund: Any, tmp: Path) -> Path:
    def setup() -> int:
        norr, soder = data.rival_groups(store)
        data.rival_in(store, "Lund", soder)
        lund_norr, lund_soder = data.rival_groups(lund)
        data.rival_in(lund, "Lund", lund_soder)
        del lund_norr
        return data.handover_case(store, "Lund", norr)

    case_id = on_worker(setup)
    wizard = HandoverWizard(session, case_id)
    wait_until(lambda: wizard.case_page.contact.count() == 1)
    shoot(wizard, out, "handover-1-case")
    pages = [wizard.basis_page, wizard.sections_page, wizard.conflict_page, wizard.file_page]
    names = ["handover-2-basis", "handover-3-sections", "handover-4-conflicts", "handover-5-file"]
    for page, name in zip(pages, names, strict=True):
        wizard.next()
        wait_until(lambda: wizard.currentPage() is page)  # noqa: B023 - waited for here
        if page is wizard.sections_page:
            page.protected.setChecked(True)
            page.reason.setPlainText("Mottagande kommun ska folkbokföra personen (fiktivt)")
        if page is wizard.conflict_page:
            page.ack.setChecked(True)
        if page is wizard.file_page:
            wizard.set_file(tmp / "overlamning.utvag")
        shoot(wizard, out, name)
    wizard.next()
    wait_until(lambda: wizard.export_result is not None)
    shoot(wizard, out, "handover-6-done")
    wizard.close()
    return tmp / "overlamning.utvag"


def import_shots(out: Path, session: Any, bundle: Path, tmp: Path) -> None:
    dialog = ImportDialog(session)
    dialog.open_file(bundle)
    wait_until(lambda: dialog.facts is not None)
    shoot(dialog, out, "import-1-preview")
    dialog.ack.setChecked(True)
    dialog.accept_to(tmp / "kvitto.utvag")
    wait_until(lambda: dialog.outcome is not None)
    shoot(dialog, out, "import-2-accepted")
    dialog.close()


def followup_shots(out: Path, session: Any, store: Store) -> None:
    case_id = on_worker(lambda: data.followed_up_case(store))
    on_worker(lambda: data.record_six_months(store, case_id))
    dialog = FollowUpDialog(session, case_id)
    wait_until(lambda: dialog.followup.results.model().rowCount() == 1)
    shoot(dialog, out, "followup-1-form")
    dialog.tabs.setCurrentWidget(dialog.timeline)
    wait_until(lambda: dialog.timeline.table.model().rowCount() > 3)
    shoot(dialog, out, "followup-2-timeline")
    dialog.close()


def providers_shots(out: Path, session: Any) -> None:
    view = ProvidersView(session)
    wait_until(lambda: view.provider_table.model().rowCount() > 0)
    providers = view.provider_model.records()
    busiest = max(
        range(len(providers)),
        key=lambda i: providers[i].overdue * 100 + providers[i].running,
    )
    view.provider_table.selectRow(busiest)
    if providers[busiest].running:
        wait_until(lambda: view.item_table.model().rowCount() > 0)
        view.item_table.selectRow(0)
    settle()
    shoot(view, out, "providers-1-register")
    view.close()


def stats_shots(out: Path, session: Any, store: Store, pdf_renderer: Any, tmp: Path) -> None:
    """The tables for a period off the grid (widened, with the reason), the grant tab, and
    an export refused with its reason (a month of only two new cases)."""
    on_worker(lambda: data.statistics_cases(store))
    view = StatsView(session, pdf_renderer=pdf_renderer)
    view.since.setDate(QDate(data.TODAY.year, 1, 15))  # mid-January: widened to the grid
    view.compute()
    wait_until(lambda: view.reports is not None)
    pane = view.stats
    pane.list.setCurrentRow(next(i for i, t in enumerate(pane.tables) if t.key == "new.case_type"))
    pane.view.setFocus()
    shoot(view, out, "stats-1-tables")
    view.tabs.setCurrentWidget(view.grant)
    view.grant.tables.list.setCurrentRow(1)
    shoot(view, out, "stats-2-grant")
    view.tabs.setCurrentWidget(view.stats)
    view.reports = None
    view.since.setDate(QDate(data.TODAY.year - 1, 3, 1))  # two cases opened that month
    view.until.setDate(QDate(data.TODAY.year - 1, 3, 31))
    view.compute()
    wait_until(lambda: view.reports is not None)
    view.export_to(tmp / "statistik.csv", "csv")
    wait_until(lambda: view.status.property("tone") == "error")
    shoot(view, out, "stats-3-refused")
    view.close()
