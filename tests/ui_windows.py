"""Every top-level window and dialog of the desktop client, built on a demo store.

:func:`all_windows` yields ``(name, widget)`` for each class in ui/ that is a QDialog,
QWizard or QMainWindow (and the unlock window), built with realistic arguments from the
demo store; tests walk them for size, accessibility and language. :func:`window_classes`
lists the classes found by walking ui/, so a test fails when a new window is not built here.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QMainWindow, QWidget

import ui
from storage.casefile.assessments import network_links
from storage.casefile.case_list import list_case_ids
from storage.casefile.cases import get_case
from storage.casefile.consents import agreements, consents
from storage.casefile.interventions import interventions
from storage.casefile.journal import journal
from storage.casefile.persons import persons
from storage.casefile.placements import placements
from storage.records import PersonRole
from storage.registers.groups import groups
from storage.registers.providers import providers
from tests.ui_fixtures import on_worker
from ui.team.share_dialog import ShareDialog


@dataclass
class DemoFacts:
    """Ids and records of the demo store the windows are built with."""

    case_id: int
    case: Any
    entry: Any
    person: Any
    placement_id: int
    intervention_id: int
    control_id: int
    consent_id: int
    link_id: int
    groups: list[Any]
    providers: list[Any]
    persons: list[tuple[int, str]]
    agreement_id: int
    condition_id: int


def demo_facts(store: Any) -> DemoFacts:
    """Find a demo case with a principal, a placement, an intervention with a control, a
    consent and an agreement with a condition (on the store worker)."""

    def find() -> DemoFacts:
        for case_id in list_case_ids(store):
            people = persons(store, case_id)
            principal = next((p for p in people if p.role is PersonRole.PRINCIPAL), None)
            places = placements(store, case_id)
            items = [i for i in interventions(store, case_id) if i.controls]
            given = consents(store, case_id)
            deals = [a for a in agreements(store, case_id) if a.conditions]
            links = network_links(store, case_id)
            entries = journal(store, case_id)
            if not (principal and places and items and given and deals and links and entries):
                continue
            return DemoFacts(
                case_id=case_id,
                case=get_case(store, case_id),
                entry=entries[-1].current,
                person=principal,
                placement_id=places[0].id,
                intervention_id=items[0].id,
                control_id=items[0].controls[0].id,
                consent_id=given[0].id,
                link_id=links[0].id,
                groups=groups(store),
                providers=providers(store),
                persons=[(p.id, p.relation or "huvudperson") for p in people],
                agreement_id=deals[0].id,
                condition_id=deals[0].conditions[0].id,
            )
        raise AssertionError("the demo store has no case with every part")

    return on_worker(find)  # type: ignore[no-any-return]


def window_classes() -> set[type[QWidget]]:
    """Every QDialog / QMainWindow subclass defined in ui/ (and the unlock window)."""
    from ui.access.unlock import UnlockWindow

    found: set[type[QWidget]] = {UnlockWindow}
    for info in pkgutil.walk_packages(ui.__path__, "ui."):
        module = importlib.import_module(info.name)
        for obj in vars(module).values():
            if (
                inspect.isclass(obj)
                and obj.__module__ == module.__name__
                and issubclass(obj, QDialog | QMainWindow)
            ):
                found.add(obj)
    return found


def _factories(session: Any, facts: DemoFacts, tmp: Path) -> dict[str, Callable[[], QWidget]]:
    from storage.vault.keyslots import format_recovery_code
    from ui.access.card_dialogs import CardEnrolDialog, CardUnlockDialog
    from ui.access.drill import RecoveryDrillDialog
    from ui.access.first_run import FirstRunWizard
    from ui.access.new_recovery_code import NewRecoveryCodeDialog
    from ui.access.quick_pin import QuickPinDialog
    from ui.access.recovery import RecoverDialog
    from ui.access.recovery_code import RecoveryCodeWizard, shown_again_notice
    from ui.access.restore import RestoreDialog
    from ui.access.unlock import UnlockWindow
    from ui.cases.case_picker import CasePickerDialog
    from ui.cases.case_work import install_case_work
    from ui.contacts.contacts_view import ContactsView, RevokeDialog
    from ui.contacts.fingerprint_dialog import VerifyContactDialog
    from ui.extract.dialog import ExtractDialog
    from ui.extract.grounds_dialog import GroundsDialog
    from ui.handover.import_dialog import ImportDialog
    from ui.handover.import_support import RefuseDialog
    from ui.handover.wizard import HandoverWizard
    from ui.kit.masking import RevealReasonDialog
    from ui.knowledge.followup_view import FollowUpDialog
    from ui.knowledge.grant_view import GrantChecklistDialog
    from ui.knowledge.provider_dialogs import DateNotesDialog, NewProviderDialog
    from ui.knowledge.providers_view import ProvidersView
    from ui.knowledge.stats_view import StatsView
    from ui.record_dialogs import case_dialogs as cd
    from ui.record_dialogs import journal_dialogs as jd
    from ui.record_dialogs import network_dialogs as nd
    from ui.record_dialogs import person_dialogs as pd
    from ui.record_dialogs import support_dialogs as sd
    from ui.record_dialogs.form import RecordDialog
    from ui.viewer.document_viewer import DocumentViewer
    from ui.window.audit_view import AuditView
    from ui.window.backup_dialog import BackupDialog
    from ui.window.help_view import HelpView
    from ui.window.main_window import MainWindow
    from ui.window.settings_dialog import SettingsDialog, UiPreferences

    def never(*_args: Any) -> Any:
        raise AssertionError("not called while the window is only shown")

    def main_window() -> QWidget:
        """The main window as the app shows it: with the case list, reminders and case view,
        a case open."""
        window = MainWindow(session, UiPreferences())
        work = install_case_work(window, session)
        work.open_case_and_select(facts.case_id)
        window.setProperty("case_work_for_tests", work)  # the walks show every part
        return window

    holder = QWidget()  # the document viewer's parent (it is a window of its own)
    doc = tmp / "anteckning.txt"
    doc.write_text("Fiktiv handling för en test av fönsterstorlekar.\n", encoding="utf-8")
    f = facts
    return {
        "MainWindow": main_window,
        "UnlockWindow": lambda: UnlockWindow(never, lambda: 0.0, never),
        "FirstRunWizard": lambda: FirstRunWizard(never, never, restore=never),
        "RecoverDialog": lambda: RecoverDialog(never),
        "RestoreDialog": lambda: RestoreDialog(never, target=tmp / "store"),
        "DocumentViewer": lambda: DocumentViewer(
            "Anteckning", "text/plain", doc.read_bytes(), holder
        ),
        "ExtractDialog": lambda: ExtractDialog(session, f.case_id),
        "GroundsDialog": lambda: GroundsDialog(session),
        "CasePickerDialog": lambda: CasePickerDialog(session, "Välj ett ärende"),
        "RevokeDialog": lambda: RevokeDialog("Kim Kontakt, Enheten, Lund"),
        "ContactsView": lambda: ContactsView(session),
        "VerifyContactDialog": lambda: VerifyContactDialog(
            session, 1, "Kim Kontakt, Enheten, Lund", ("12345 " * 7 + "12345", "ab" * 16)
        ),
        "ImportDialog": lambda: ImportDialog(session),
        "RefuseDialog": lambda: RefuseDialog(),
        "HandoverWizard": lambda: HandoverWizard(session, f.case_id),
        "RevealReasonDialog": lambda: RevealReasonDialog("namnet"),
        "FollowUpDialog": lambda: FollowUpDialog(session, f.case_id),
        "GrantChecklistDialog": lambda: GrantChecklistDialog(session, f.case_id),
        "NewProviderDialog": lambda: NewProviderDialog(),
        "DateNotesDialog": lambda: DateNotesDialog(
            "Kontroll", "Planera ett kontrollbesök.", "Datum:", "Planera", past_only=False
        ),
        "ProvidersView": lambda: ProvidersView(session),
        "StatsView": lambda: StatsView(session),
        "NewCaseDialog": lambda: cd.NewCaseDialog(session),
        "EditCaseDialog": lambda: cd.EditCaseDialog(session, f.case),
        "StatusDialog": lambda: cd.StatusDialog(session, f.case),
        "GallringExemptionDialog": lambda: cd.GallringExemptionDialog(session, f.case),
        "ReminderDialog": lambda: cd.ReminderDialog(session, f.case_id),
        "RecordDialog": lambda: RecordDialog(session),
        "JournalEntryDialog": lambda: jd.JournalEntryDialog(session, f.case_id),
        "CorrectionDialog": lambda: jd.CorrectionDialog(session, f.entry),
        "ErroneousDialog": lambda: jd.ErroneousDialog(session, f.entry),
        "DocumentDialog": lambda: jd.DocumentDialog(session, f.case_id, doc),
        "ThreatAssessmentDialog": lambda: nd.ThreatAssessmentDialog(session, f.case_id),
        "NetworkLinkDialog": lambda: nd.NetworkLinkDialog(session, f.case_id, f.groups, f.persons),
        "EndNetworkLinkDialog": lambda: nd.EndNetworkLinkDialog(session, f.link_id),
        "GroupDialog": lambda: nd.GroupDialog(session),
        "GroupRelationDialog": lambda: nd.GroupRelationDialog(session, f.groups),
        "PersonDialog": lambda: pd.PersonDialog(session, f.case_id, person=f.person),
        "FictitiousIdentityDialog": lambda: pd.FictitiousIdentityDialog(session, f.person.id),
        "PlacementDialog": lambda: pd.PlacementDialog(session, f.case_id),
        "PlacementAddressDialog": lambda: pd.PlacementAddressDialog(session, f.placement_id),
        "EndPlacementDialog": lambda: pd.EndPlacementDialog(session, f.placement_id),
        "InterventionDialog": lambda: sd.InterventionDialog(session, f.case_id, f.providers),
        "EndInterventionDialog": lambda: sd.EndInterventionDialog(session, f.intervention_id),
        "ProviderDialog": lambda: sd.ProviderDialog(session),
        "PlanControlDialog": lambda: sd.PlanControlDialog(session, f.intervention_id),
        "RecordControlDialog": lambda: sd.RecordControlDialog(session, f.control_id),
        "ConsentDialog": lambda: sd.ConsentDialog(session, f.case_id, f.persons),
        "RevokeConsentDialog": lambda: sd.RevokeConsentDialog(session, f.consent_id),
        "AgreementDialog": lambda: sd.AgreementDialog(session, f.case_id),
        "ConditionDialog": lambda: sd.ConditionDialog(session, f.agreement_id),
        "BreachDialog": lambda: sd.BreachDialog(session, f.condition_id),
        "ShareDialog": lambda: ShareDialog(session, f.case_id, []),
        "AuditView": lambda: AuditView(session),
        "BackupDialog": lambda: BackupDialog(session),
        "SettingsDialog": lambda: SettingsDialog(UiPreferences(), session=session),
        "CardUnlockDialog": lambda: CardUnlockDialog(str(tmp / "no-module.so"), never, never),
        "CardEnrolDialog": lambda: CardEnrolDialog(session, str(tmp / "no-module.so")),
        "QuickPinDialog": lambda: QuickPinDialog(session, never, 4),
        "RecoveryDrillDialog": lambda: RecoveryDrillDialog(session),
        "NewRecoveryCodeDialog": lambda: NewRecoveryCodeDialog(session),
        "RecoveryCodeWizard": lambda: RecoveryCodeWizard(
            session, format_recovery_code(bytes(range(16))), shown_again_notice()
        ),
        "HelpView": lambda: HelpView(holder),
    }


def all_windows(session: Any, facts: DemoFacts, tmp: Path) -> Iterator[tuple[str, QWidget]]:
    """Build each window in turn (the caller closes and deletes it)."""
    for name, make in _factories(session, facts, tmp).items():
        yield name, make()


def each_part(window: QWidget) -> Iterator[str]:
    """For the main window: show each part of the open case in turn (yielding its name) and
    wait until it has loaded; for any other window: nothing."""
    work = window.property("case_work_for_tests")
    if work is None:
        return
    from PySide6.QtTest import QTest

    view = work.case_view
    for tab in view.all_tabs():
        view.show_tab(tab)
        for _ in range(200):
            if tab.loaded:
                break
            QTest.qWait(20)
        yield tab.objectName()


def built_names(session: Any, facts: DemoFacts, tmp: Path) -> set[str]:
    return set(_factories(session, facts, tmp))
