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

from PySide6.QtCore import QDate
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
from storage.casefile.summaries import case_summary
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
    summary: Any  # the case's masked summary
    plan: PlanFacts


@dataclass
class PlanFacts:
    """Records of the needs, care, SIP and decision parts (from any demo case)."""

    case_id: int
    assessment: Any
    care: Any
    sip_id: int
    action_id: int
    decision: Any
    threads: list[Any]
    appeal_id: int
    methods: list[Any]
    provisions: list[Any]


def plan_facts(store: Any) -> PlanFacts:
    """A demo case with a care contact and a SIP with an open action, and one with an
    appealed decision (on the store worker's thread)."""
    from storage.caseplan.care import care_contacts
    from storage.caseplan.decisions import decisions
    from storage.caseplan.needs import needs_assessments
    from storage.caseplan.sip import sips
    from storage.registers.methods import methods
    from storage.registers.provisions import provisions

    sip_case = appeal_case = None
    for case_id in list_case_ids(store):
        plans = [p for p in sips(store, case_id) if p.actions]
        if sip_case is None and plans and care_contacts(store, case_id):
            sip_case = (case_id, plans[0])
        threads = [t for t in decisions(store, case_id) if t.appeals]
        if appeal_case is None and threads:
            appeal_case = (case_id, threads)
    assert sip_case is not None and appeal_case is not None, "demo store lacks SIP or appeal"
    case_id, plan = sip_case
    return PlanFacts(
        case_id=case_id,
        assessment=needs_assessments(store, case_id)[-1],
        care=care_contacts(store, case_id)[0],
        sip_id=plan.id,
        action_id=plan.actions[0].id,
        decision=appeal_case[1][0].current,
        threads=appeal_case[1],
        appeal_id=appeal_case[1][0].appeals[0].id,
        methods=methods(store),
        provisions=provisions(store),
    )


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
                summary=case_summary(store, case_id),
                plan=plan_facts(store),
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
    from storage.casefile.people import PersonMatch
    from storage.records import Partner, PartnerKind, PersonRole, RelocationTask
    from storage.records import RelocationTaskKind as Task
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
    from ui.cases.duplicates import DuplicateDialog
    from ui.casework.access_log_view import AccessLogView
    from ui.casework.calendar_export import CalendarExportDialog
    from ui.casework.gallring_view import GallringConfirmDialog, GallringView
    from ui.casework.partners_view import PartnersView
    from ui.casework.templates_dialog import TemplatesDialog
    from ui.contacts.contacts_view import ContactsView, RevokeDialog
    from ui.contacts.fingerprint_dialog import VerifyContactDialog
    from ui.extract.dialog import ExtractDialog
    from ui.extract.grounds_dialog import GroundsDialog
    from ui.handover.import_dialog import ImportDialog
    from ui.handover.import_support import HomeMunicipalityDialog, RefuseDialog
    from ui.handover.wizard import HandoverWizard
    from ui.kit.masking import RevealReasonDialog
    from ui.knowledge.coordinator_view import CoordinatorView
    from ui.knowledge.followup_view import FollowUpDialog
    from ui.knowledge.grant_view import GrantChecklistDialog
    from ui.knowledge.national_dialog import NationalReportDialog
    from ui.knowledge.provider_dialogs import DateNotesDialog, NewProviderDialog
    from ui.knowledge.providers_view import ProvidersView
    from ui.knowledge.register_dialogs import MethodDialog, ProvisionDialog
    from ui.knowledge.registers_view import MethodsView, ProvisionsView
    from ui.knowledge.research_dialog import ResearchExtractDialog
    from ui.knowledge.stats_view import StatsView
    from ui.record_dialogs import case_dialogs as cd
    from ui.record_dialogs import checklist_dialogs as kd
    from ui.record_dialogs import decision_dialogs as dd
    from ui.record_dialogs import journal_dialogs as jd
    from ui.record_dialogs import network_dialogs as nd
    from ui.record_dialogs import partner_dialogs as ad
    from ui.record_dialogs import person_dialogs as pd
    from ui.record_dialogs import plan_dialogs as pl
    from ui.record_dialogs import support_dialogs as sd
    from ui.record_dialogs.form import RecordDialog
    from ui.record_dialogs.needs_dialog import NeedsAssessmentDialog
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

    # fictional records for the dialogs that show one (nothing is stored)
    partner = Partner(1, PartnerKind.POLICE, "Kim Kontakt", "Polisregion Exempel", None, None, None)
    task = RelocationTask(
        1, facts.placement_id, facts.case_id, Task.SCHOOL, None, "Alex", None, None, None, None
    )
    match = PersonMatch(facts.case_id, facts.person.id, PersonRole.PRINCIPAL, facts.summary)
    holder = QWidget()  # the document viewer's parent (it is a window of its own)
    doc = tmp / "anteckning.txt"
    doc.write_text("Fiktiv handling för en test av fönsterstorlekar.\n", encoding="utf-8")
    f = facts
    k = facts.plan
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
        "HomeMunicipalityDialog": lambda: HomeMunicipalityDialog("Exempelkommun", "Lund"),
        "DuplicateDialog": lambda: DuplicateDialog([match]),
        "GallringView": lambda: GallringView(session),
        "GallringConfirmDialog": lambda: GallringConfirmDialog(3),
        "PartnersView": lambda: PartnersView(session),
        "AccessLogView": lambda: AccessLogView(session, case_number=f.case.case_number),
        "CalendarExportDialog": lambda: CalendarExportDialog(session),
        "TemplatesDialog": lambda: TemplatesDialog(session),
        "PartnerDialog": lambda: ad.PartnerDialog(session, partner=partner),
        "LinkPartnerDialog": lambda: ad.LinkPartnerDialog(session, f.case_id, [partner]),
        "StartChecklistDialog": lambda: kd.StartChecklistDialog(session, f.placement_id),
        "TaskDialog": lambda: kd.TaskDialog(session, f.placement_id),
        "EditTaskDialog": lambda: kd.EditTaskDialog(session, task),
        "TaskDoneDialog": lambda: kd.TaskDoneDialog(session, task),
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
        "NationalReportDialog": lambda: NationalReportDialog(session, "2025-01-01", "2025-12-31"),
        "CoordinatorView": lambda: CoordinatorView(session),
        "ResearchExtractDialog": lambda: ResearchExtractDialog(
            session, QDate(2025, 1, 1), QDate(2025, 12, 31)
        ),
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
        "InterventionDialog": lambda: sd.InterventionDialog(
            session, f.case_id, f.providers, methods=k.methods, decisions=k.threads
        ),
        "EndInterventionDialog": lambda: sd.EndInterventionDialog(session, f.intervention_id),
        "ProviderDialog": lambda: sd.ProviderDialog(session),
        "PlanControlDialog": lambda: sd.PlanControlDialog(session, f.intervention_id),
        "RecordControlDialog": lambda: sd.RecordControlDialog(session, f.control_id),
        "ConsentDialog": lambda: sd.ConsentDialog(session, f.case_id, f.persons),
        "RevokeConsentDialog": lambda: sd.RevokeConsentDialog(session, f.consent_id),
        "AgreementDialog": lambda: sd.AgreementDialog(session, f.case_id),
        "ConditionDialog": lambda: sd.ConditionDialog(session, f.agreement_id),
        "BreachDialog": lambda: sd.BreachDialog(session, f.condition_id),
        "InterventionLinksDialog": lambda: sd.InterventionLinksDialog(
            session, f.intervention_id, k.methods, k.threads
        ),
        "NeedsAssessmentDialog": lambda: NeedsAssessmentDialog(session, k.case_id, k.assessment),
        "CareContactDialog": lambda: pl.CareContactDialog(session, k.case_id, k.care),
        "SipDialog": lambda: pl.SipDialog(session, k.case_id),
        "SipActionDialog": lambda: pl.SipActionDialog(session, k.sip_id),
        "SipActionDoneDialog": lambda: pl.SipActionDoneDialog(session, k.action_id),
        "SipFollowUpDialog": lambda: pl.SipFollowUpDialog(session, k.sip_id),
        "EndSipDialog": lambda: pl.EndSipDialog(session, k.sip_id),
        "DecisionDialog": lambda: dd.DecisionDialog(
            session, k.decision.case_id, k.provisions, correcting=k.decision
        ),
        "NotifiedDialog": lambda: dd.NotifiedDialog(session, k.decision.id),
        "AppealDialog": lambda: dd.AppealDialog(session, k.decision.id),
        "AppealOutcomeDialog": lambda: dd.AppealOutcomeDialog(session, k.appeal_id),
        "MethodsView": lambda: MethodsView(session),
        "ProvisionsView": lambda: ProvisionsView(session),
        "MethodDialog": lambda: MethodDialog(session, k.methods[0]),
        "ProvisionDialog": lambda: ProvisionDialog(session, k.provisions[0]),
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
