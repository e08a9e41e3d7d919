"""Screenshots of the needs, care and SIP, and decisions parts (fictional records added to
the picture case where the demo data left a part thin) and of the method and provision
registers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtTest import QTest

from storage.casefile.interventions import interventions, set_intervention_links
from storage.caseplan.care import add_care_contact, care_contacts
from storage.caseplan.decisions import add_appeal, correct_decision, decisions, record_decision
from storage.caseplan.needs import add_needs_assessment, needs_assessments
from storage.caseplan.sip import add_sip, sips
from storage.registers.methods import method_by_code
from storage.registers.provisions import provisions
from storage.vault.store import Store
from ui.knowledge.registers_view import MethodsView, ProvisionsView

INTAKE = {
    "housing": ("high", "Bor tillfälligt hos en bekant (fiktivt)."),
    "finances": ("high", "Skulder hos Kronofogden (fiktivt)."),
    "occupation": ("moderate", None),
    "education": ("low", None),
    "substance_use": ("moderate", "Uppger cannabisbruk."),
    "mental_health": ("high", "Sömnproblem och oro."),
    "physical_health": ("low", None),
    "family": ("moderate", None),
    "criminality": ("acute", "Kontakter kvar i nätverket."),
    "safety": ("acute", "Hot från tidigare gruppering."),
}
LATER = {
    "housing": ("low", "Skyddat boende ordnat."),
    "finances": ("moderate", "Budget- och skuldrådgivning."),
    "occupation": ("moderate", None),
    "education": ("low", None),
    "substance_use": ("low", "Drogfri enligt prover."),
    "mental_health": ("high", "Väntar på bedömning i psykiatrin."),
    "physical_health": ("none", None),
    "family": ("low", None),
    "criminality": ("moderate", "Har brutit med nätverket."),
    "safety": ("high", "Hotbilden bedöms ha minskat något."),
}


def fill_plan(store: Store, case_id: int) -> None:
    """Give the picture case two needs assessments, a care contact and a SIP, and decisions
    (one corrected, one appealed) where the demo data has none."""
    today = dt.date.today()

    def ago(days: int) -> dt.date:
        return today - dt.timedelta(days=days)

    if len(needs_assessments(store, case_id)) < 2:
        add_needs_assessment(
            store, case_id, assessed_on=ago(200), occasion="intake", ratings=INTAKE
        )
        add_needs_assessment(
            store, case_id, assessed_on=ago(40), occasion="reassessment", ratings=LATER
        )
    if not care_contacts(store, case_id):
        add_care_contact(
            store,
            case_id,
            kind="psychiatry",
            region="Region Demoland (fiktiv)",
            unit="Psykiatrisk mottagning Norr (fiktiv)",
            contact_person="Kurator Jonas (fiktiv)",
            started_on=ago(60),
            referral_sent_on=ago(60),
        )
    if not sips(store, case_id):
        add_sip(
            store,
            case_id,
            held_on=ago(30),
            consent_on=ago(32),
            lead="municipality",
            lead_name="Alex Exempelsson",
            participants=[
                "Personen själv",
                "Handläggare, avhopparverksamheten (demo)",
                "Kontaktperson, psykiatrin (fiktiv)",
            ],
            follow_up_on=today + dt.timedelta(days=60),
            actions=[
                {
                    "action": "Boka läkarbesök för bedömning av sömn och oro.",
                    "responsible": "Regionen, psykiatrin (fiktiv)",
                    "due_on": today + dt.timedelta(days=14),
                },
                {
                    "action": "Ansöka om skuldsanering med budgetrådgivare.",
                    "responsible": "Kommunen, socialtjänsten",
                    "due_on": today + dt.timedelta(days=30),
                },
            ],
        )
    threads = decisions(store, case_id)
    if not any(t.appeals for t in threads) or not any(t.earlier for t in threads):
        bistand = next(p for p in provisions(store) if p.code == "sol-2025-bistand")
        granted = record_decision(
            store,
            case_id,
            provision_id=bistand.id,
            outcome="granted",
            subject="Bistånd i form av skyddat boende",
            intervention_type="protected_housing",
            delegation="Delegationsordningen punkt 3.2 (demo)",
            decided_on=ago(50),
            notified_on=ago(48),
        )
        correct_decision(
            store,
            granted,
            "Fel beslutsdatum i första versionen (fiktiv demo).",
            decided_on=ago(49),
        )
        refused = record_decision(
            store,
            case_id,
            provision_id=bistand.id,
            outcome="refused",
            subject="Bistånd till körkortsutbildning",
            reasons="Behovet bedöms kunna tillgodoses på annat sätt.",
            delegation="Delegationsordningen punkt 3.2 (demo)",
            decided_on=ago(45),
            notified_on=ago(44),
        )
        add_appeal(
            store, refused, lodged_on=ago(30), court="Förvaltningsrätten i Demostad (fiktiv)"
        )
        mi = method_by_code(store, "mi")
        for item in interventions(store, case_id):
            if item.ended_on is None and item.method_id is None and mi is not None:
                set_intervention_links(store, item.id, method_id=mi.id, decision_id=granted)
                break


def register_shots(out: Path, session: Any, shoot: Any, wait_until: Any) -> None:
    view = MethodsView(session)
    wait_until(lambda: view.model.rowCount() > 0)
    view.table.selectRow(0)
    QTest.qWait(150)
    shoot(view, out, "methods-1-register")
    view.close()
    provisions_view = ProvisionsView(session)
    wait_until(lambda: provisions_view.model.rowCount() > 0)
    provisions_view.table.selectRow(0)
    QTest.qWait(150)
    shoot(provisions_view, out, "provisions-1-register")
    provisions_view.close()


def plan_dialog_shots(out: Path, view: Any, shoot: Any, wait_until: Any) -> None:
    tab = view.needs
    view.show_tab(tab)
    wait_until(lambda: tab.loaded)
    tab.new_assessment()
    dialog = tab.dialog
    QTest.qWait(150)
    shoot(dialog, out, "dialog-needs-assessment")
    dialog.reject()
    decisions_tab = view.decisions
    view.show_tab(decisions_tab)
    wait_until(lambda: decisions_tab.loaded)
    decisions_tab.new_decision()
    dialog = decisions_tab.dialog
    QTest.qWait(150)
    shoot(dialog, out, "dialog-decision")
    dialog.reject()
