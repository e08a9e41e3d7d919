"""The needs, care and SIP, and decisions parts of the case view, the method and decision of
an intervention, and the overview's unmet needs — real widgets on a real demo store: each
dialog saves through the core on the store worker and the part shows the result; refused
input shows the core's error in the dialog and stores nothing; the keyboard reaches it."""

from __future__ import annotations

import secrets
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from storage.casefile.interventions import interventions
from storage.caseplan.care import care_contacts
from storage.caseplan.decisions import decisions
from storage.caseplan.needs import needs_assessments
from storage.caseplan.sip import sips
from storage.records.knowledge import NeedDomain
from storage.registers.methods import methods
from tests.case_ui_fixtures import (  # noqa: F401 - fixtures
    app_sv,
    demo_session,
    gateway,
    made_store,
    on_worker,
    work,
)
from tests.test_ui_case_records import click, new_case
from tests.test_ui_case_view import save, show
from ui.cases.case_work import CaseWork
from ui.record_dialogs.needs_dialog import NeedsAssessmentDialog

HIGH = {NeedDomain.SAFETY: "acute", NeedDomain.MENTAL_HEALTH: "high", NeedDomain.HOUSING: "high"}


def _rate(dialog: NeedsAssessmentDialog, levels: dict[NeedDomain, str], note: str = "") -> None:
    for domain in NeedDomain:
        dialog.set_rating(domain, levels.get(domain, "low"), note if domain in levels else "")


def _save_dialog(qtbot: QtBot, dialog: Any) -> Any:
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    return saved.args[0]


def test_needs_assessed_twice_show_change_and_the_overview_points_out_unmet_needs(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    case_work, store = work
    case_id = new_case(qtbot, case_work, store)
    view = case_work.case_view
    tab = view.needs
    show(qtbot, case_work, tab)
    assert tab.due.text().startswith("Ingen behovsbedömning ännu")
    click(qtbot, tab.add_button)
    dialog = tab.dialog
    assert isinstance(dialog, NeedsAssessmentDialog) and dialog.isVisible()
    # an incomplete assessment is refused in the dialog and stores nothing
    dialog.set_rating(NeedDomain.HOUSING, "high")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=5000)
    assert dialog.error.text()
    assert on_worker(lambda: needs_assessments(store, case_id)) == []
    marker = secrets.token_hex(16)
    _rate(dialog, HIGH, f"Anteckning {marker}")
    dialog.set_value("assessed_on", "2026-01-10")
    # the keyboard: the first domain's level is reached and changed with the arrow keys
    combo = dialog.levels[NeedDomain.HOUSING]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == "acute"
    _save_dialog(qtbot, dialog)
    qtbot.waitUntil(lambda: tab.history_model.rowCount() == 1, timeout=5000)
    [first] = on_worker(lambda: needs_assessments(store, case_id))
    assert first.ratings[0].note == f"Anteckning {marker}"
    assert tab.ratings_model.rowCount() == len(NeedDomain)
    assert "2026-07-10" in tab.due.text()  # six months later
    # the overview points out the high needs nothing meets
    show(qtbot, case_work, view.overview)
    qtbot.waitUntil(lambda: view.overview.unmet.isVisibleTo(view.overview), timeout=5000)
    text = view.overview.unmet.text()
    assert text.startswith("3 stora behov") and "säkerhet och hot" in text
    # a second assessment: lower levels; the change column and the chart say so
    show(qtbot, case_work, tab)
    click(qtbot, tab.add_button)
    second = tab.dialog
    assert isinstance(second, NeedsAssessmentDialog)
    assert second.levels[NeedDomain.SAFETY].currentData() == "acute"  # starts from the last
    _rate(
        second,
        {
            NeedDomain.SAFETY: "moderate",
            NeedDomain.HOUSING: "none",
            NeedDomain.MENTAL_HEALTH: "high",
        },
    )
    second.set_value("assessed_on", "2026-03-01")
    second.set_value("occasion", "reassessment")
    _save_dialog(qtbot, second)
    qtbot.waitUntil(lambda: tab.history_model.rowCount() == 2, timeout=5000)
    tab.history.selectRow(0)  # the newest first
    rows = {
        tab.ratings_model.index(r, 0).data(): tab.ratings_model.index(r, 2).data()
        for r in range(tab.ratings_model.rowCount())
    }
    assert rows["säkerhet och hot"] == "↓ 4→2" and rows["boende"] == "↓ 4→0"
    assert "säkerhet och hot: 2026-01-10 akut behov → 2026-03-01 måttligt behov" in (
        tab.chart.accessibleDescription()
    )
    show(qtbot, case_work, view.overview)
    qtbot.waitUntil(lambda: "psykisk hälsa" in view.overview.unmet.text(), timeout=5000)
    assert view.overview.unmet.text().startswith("1 stort behov")


def test_care_contact_sip_actions_follow_up_and_end(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    case_work, store = work
    case_id = new_case(qtbot, case_work, store)
    tab = case_work.case_view.care
    show(qtbot, case_work, tab)
    click(qtbot, tab.add_care)
    save(
        qtbot,
        tab.dialog,
        kind="psychiatry",
        region="Region Demoland (fiktiv)",
        unit="Mottagning Norr (fiktiv)",
        started_on="2026-01-05",
        referral_sent_on="2026-01-05",
    )
    qtbot.waitUntil(lambda: tab.care_model.rowCount() == 1, timeout=5000)
    assert tab.care_model.index(0, 4).data() == "skickad 2026-01-05, inte besvarad"
    tab.care.selectRow(0)
    click(qtbot, tab.edit_care)
    # an answer before the referral was sent is refused and changes nothing
    dialog = tab.dialog
    dialog.set_value("referral_answered_on", "2026-01-01")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=5000)
    assert on_worker(lambda: care_contacts(store, case_id))[0].referral_answered_on is None
    save(qtbot, dialog, referral_answered_on="2026-01-20", referral_answer="Antagen.")
    qtbot.waitUntil(
        lambda: "besvarad 2026-01-20" in tab.care_model.index(0, 4).data(), timeout=5000
    )
    click(qtbot, tab.add_sip)
    save(
        qtbot,
        tab.dialog,
        held_on="2026-02-01",
        consent_on="2026-01-30",
        lead="municipality",
        participants=["Personen själv", "Kontaktperson, psykiatrin (fiktiv)"],
        follow_up_on="2026-05-01",
    )
    qtbot.waitUntil(lambda: tab.sip_model.rowCount() == 1, timeout=5000)
    tab.sips.selectRow(0)
    assert tab.sip_model.index(0, 3).data() == "2 deltagare"
    assert "Samtycke lämnat 2026-01-30." in tab.sip_detail.text()
    click(qtbot, tab.add_action)
    save(qtbot, tab.dialog, action="Boka läkarbesök.", responsible="Regionen", due_on="2026-03-01")
    qtbot.waitUntil(lambda: tab.action_model.rowCount() == 1, timeout=5000)
    tab.action_table.selectRow(0)
    click(qtbot, tab.action_done)
    save(qtbot, tab.dialog, done_on="2026-02-20")
    tab.sips.selectRow(0)
    click(qtbot, tab.follow_up_sip)
    save(qtbot, tab.dialog, held_on="2026-03-02", next_follow_up_on="2026-06-01")
    tab.sips.selectRow(0)
    click(qtbot, tab.end_sip)
    save(qtbot, tab.dialog, ended_on="2026-03-03")
    [plan] = on_worker(lambda: sips(store, case_id))
    assert plan.actions[0].done_on is not None and plan.followed_up_on is not None
    assert plan.ended_on is not None and plan.participants[0] == "Personen själv"
    qtbot.waitUntil(lambda: not tab.end_sip.isEnabled(), timeout=5000)


def test_decision_signed_corrected_notified_appealed_and_linked_to_an_intervention(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    case_work, store = work
    case_id = new_case(qtbot, case_work, store)
    view = case_work.case_view
    tab = view.decisions
    show(qtbot, case_work, tab)
    click(qtbot, tab.add_button)
    dialog = tab.dialog
    assert dialog.ok_button.text() == "Signera"
    provision = dialog.inputs["provision_id"]
    assert isinstance(provision, QComboBox) and provision.count() >= 3
    # refused without reasons: the core's error, nothing stored
    dialog.set_value("outcome", "refused")
    dialog.set_value("subject", "Bistånd till körkort")
    dialog.set_value("delegation", "Punkt 3.2")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=5000)
    assert dialog.inputs["reasons"].property("invalid") is True
    assert on_worker(lambda: decisions(store, case_id)) == []
    save(qtbot, dialog, reasons="Behovet tillgodoses på annat sätt.", decided_on="2026-01-15")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=5000)
    tab.table.selectRow(0)
    assert "Signerat av" in tab.detail.toPlainText()
    click(qtbot, tab.correct_button)
    save(qtbot, tab.dialog, reason="Fel datum i första versionen.", decided_on="2026-01-14")
    qtbot.waitUntil(lambda: "(version 2)" in (tab.model.index(0, 1).data() or ""), timeout=5000)
    tab.table.selectRow(0)
    detail = tab.detail.toPlainText()
    assert "rättar version 1: Fel datum i första versionen." in detail
    assert "Version 1: avslag" in detail
    click(qtbot, tab.notified_button)
    save(qtbot, tab.dialog, notified_on="2026-01-16")
    qtbot.waitUntil(lambda: tab.model.index(0, 4).data() == "2026-01-16", timeout=5000)
    tab.table.selectRow(0)
    assert not tab.notified_button.isEnabled()  # set once
    click(qtbot, tab.appeal_button)
    save(qtbot, tab.dialog, lodged_on="2026-01-30", court="Förvaltningsrätten (fiktiv)")
    qtbot.waitUntil(lambda: "inte avgjort" in tab.model.index(0, 5).data(), timeout=5000)
    tab.table.selectRow(0)
    click(qtbot, tab.outcome_button)
    save(qtbot, tab.dialog, outcome="rejected", decided_on="2026-03-01")
    qtbot.waitUntil(lambda: tab.model.index(0, 5).data() == "överklagandet avslogs", timeout=5000)
    [thread] = on_worker(lambda: decisions(store, case_id))
    assert thread.current.version == 2 and len(thread.earlier) == 1
    # an intervention names a method and the decision
    items = view.interventions
    show(qtbot, case_work, items)
    ips = next(m for m in on_worker(lambda: methods(store)) if m.code == "ips")
    click(qtbot, items.add_button)
    save(
        qtbot,
        items.dialog,
        type="occupation",
        started_on="2026-02-01",
        method_id=ips.id,
        decision_id=thread.original_id,
    )
    qtbot.waitUntil(lambda: items.model.rowCount() == 1, timeout=5000)
    assert items.model.index(0, 2).data() == ips.name
    assert items.model.index(0, 3).data() == "avslag 2026-01-14"
    items.table.selectRow(0)
    click(qtbot, items.links_button)
    save(qtbot, items.dialog, method_id=None)
    [item] = on_worker(lambda: interventions(store, case_id))
    assert item.method_id is None and item.decision_id == thread.original_id


def test_the_keyboard_reaches_the_new_parts_in_reading_order(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    case_work, store = work
    case_id = new_case(qtbot, case_work, store)
    view = case_work.case_view
    show(qtbot, case_work, view.network)
    case_work.window.activateWindow()
    qtbot.waitUntil(case_work.window.isActiveWindow, timeout=5000)
    view.sections.setFocus()
    reached = []
    for _ in range(4):
        qtbot.keyClick(view.sections, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: view.current_tab().loaded, timeout=5000)
        reached.append(view.sections.currentItem().text())
    assert reached == ["Behov", "Insatser", "Beslut", "Vård och SIP"]
    # in a part, Tab reaches its buttons; Space opens the dialog
    tab = view.care
    tab.add_care.setFocus()
    qtbot.keyClick(tab.add_care, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible(), timeout=5000)
    qtbot.keyClick(tab.dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not tab.dialog.isVisible(), timeout=5000)
    assert on_worker(lambda: care_contacts(store, case_id)) == []


def test_a_follow_up_records_the_needs_and_interventions_it_evaluates(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    """The follow-up form ticks the domains rated high at intake; the caseworker adds an
    intervention; both are stored with the follow-up."""
    import datetime as dt

    from storage.casefile import cases
    from storage.casefile.interventions import add_intervention
    from storage.caseplan.followup_links import follow_up_links
    from storage.caseplan.needs import add_needs_assessment
    from ui.knowledge.followup_view import FollowUpDialog

    case_work, store = work
    today = dt.date.today()
    ratings = {d.value: "low" for d in NeedDomain} | {"housing": "high", "safety": "acute"}

    def make() -> tuple[int, int]:
        case_id = cases.create_case(
            store,
            case_type="defector",
            home_municipality="Exempelstad",
            opened_on=today - dt.timedelta(days=400),
        )
        add_needs_assessment(
            store,
            case_id,
            assessed_on=today - dt.timedelta(days=395),
            occasion="intake",
            ratings=ratings,
        )
        item = add_intervention(
            store, case_id, type="occupation", started_on=today - dt.timedelta(days=390)
        )
        cases.set_status(
            store, case_id, "closed", outcome="completed", on=today - dt.timedelta(days=200)
        )
        return case_id, item

    case_id, item = on_worker(make)
    dialog = FollowUpDialog(case_work.session, case_id)
    qtbot.addWidget(dialog)
    dialog.show()
    panel = dialog.followup
    qtbot.waitUntil(lambda: panel.items.count() == 1, timeout=5000)
    ticked = [
        panel.domains.item(i).text()
        for i in range(panel.domains.count())
        if panel.domains.item(i).checkState() == Qt.CheckState.Checked
    ]
    assert ticked == ["boende", "säkerhet och hot"]
    panel.items.item(0).setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(panel.saved, timeout=5000) as saved:
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    links = on_worker(lambda: follow_up_links(store, case_id))[saved.args[0]]
    assert [d.value for d in links.domains] == ["housing", "safety"]
    assert links.intervention_ids == (item,)
    dialog.close()
