"""Every record type of a case file can be created (and changed where the rules allow)
through its dialog in the case view; each save goes through the domain on the store worker
and shows up in the tab."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from storage.casefile.assessments import (
    network_links,
    threat_assessments,
)
from storage.casefile.case_list import list_case_ids
from storage.casefile.cases import get_case
from storage.casefile.consents import (
    agreements,
    consents,
)
from storage.casefile.documents import documents
from storage.casefile.followups import complete_reminder
from storage.casefile.interventions import interventions
from storage.casefile.persons import persons
from storage.casefile.placements import placements
from storage.casefile.protection import (
    RevealField,
    reveal,
)
from storage.casework.reminders import reminders
from storage.registers.groups import (
    group_relations,
    groups,
)
from storage.registers.providers import providers
from tests.case_ui_fixtures import (  # noqa: F401 - fixtures
    app_sv,
    demo_session,
    gateway,
    made_store,
    on_worker,
    work,
)
from tests.test_ui_case_view import save, show
from ui.cases.case_work import CaseWork


def click(qtbot: QtBot, button: Any) -> None:
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def new_case(qtbot: QtBot, case_work: CaseWork, store: Any) -> int:
    before = set(on_worker(lambda: list_case_ids(store)))
    click(qtbot, case_work.case_list.new_button)
    case_id = save(
        qtbot,
        case_work.new_case_dialog,
        case_type="relative",
        home_municipality="Exempelstad",
        referral_source="Polisen",
    )
    assert case_id not in before
    view = case_work.case_view
    qtbot.waitUntil(lambda: view.case_id == case_id and view.overview.loaded, timeout=10_000)
    qtbot.waitUntil(lambda: case_work.case_list.model.row_of(case_id) >= 0, timeout=10_000)
    return int(case_id)


def test_case_details_status_gallring_and_reminder(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    case_work, store = work
    case_id = new_case(qtbot, case_work, store)
    tab = case_work.case_view.overview
    assert tab.values["status"].text() == "aktualiserad"
    click(qtbot, tab.edit_button)
    save(qtbot, tab.dialog, stay_municipality="Vistelseby")
    assert on_worker(lambda: get_case(store, case_id)).stay_municipality == "Vistelseby"
    qtbot.waitUntil(lambda: tab.values["stay"].text() == "Vistelseby", timeout=5000)
    click(qtbot, tab.status_button)
    save(qtbot, tab.dialog, status="preliminary_assessment")
    qtbot.waitUntil(lambda: tab.values["status"].text() == "förhandsbedömning", timeout=5000)
    click(qtbot, tab.gallring_button)
    save(qtbot, tab.dialog, exempt=True, reason="Begärt av IVO.")
    assert on_worker(lambda: get_case(store, case_id)).gallring_exempt
    click(qtbot, tab.reminder_button)
    save(qtbot, tab.dialog, due_on="2026-01-02", text="Ring boendet")
    qtbot.waitUntil(lambda: tab.reminders_model.rowCount() == 1, timeout=5000)
    assert "Ring boendet" in tab.reminders_model.index(0, 1).data()
    mine = on_worker(lambda: reminders(store, case_id=case_id))
    on_worker(lambda: complete_reminder(store, mine[0].ref_id))


def test_principal_relative_fictitious_identity_and_placement(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    case_work, store = work
    case_id = new_case(qtbot, case_work, store)
    view = case_work.case_view
    tab = view.person
    show(qtbot, case_work, tab)
    assert tab.add_button.isVisible()
    click(qtbot, tab.add_button)
    save(
        qtbot,
        tab.dialog,
        name="Kim Påhittad",
        birth_year="1990",
        gender="female",
        protection_level="confidentiality_marking",
    )
    qtbot.waitUntil(lambda: tab.principal is not None, timeout=5000)
    assert tab.details["birth_year"].text() == "1990"
    qtbot.waitUntil(lambda: view.title.text().endswith("K.P. · 1990"), timeout=5000)
    click(qtbot, tab.edit_button)
    assert tab.dialog is not None and tab.dialog.value("name") is None  # never prefilled
    save(qtbot, tab.dialog, language="arabiska")
    assert on_worker(lambda: reveal(store, case_id, RevealField.NAME, "test")) == "Kim Påhittad"
    click(qtbot, tab.identity_button)
    save(qtbot, tab.dialog, name="Alex Nyman", valid_from="2026-01-01")
    qtbot.waitUntil(lambda: tab.identity.field is not None, timeout=5000)
    assert on_worker(lambda: persons(store, case_id))[0].has_fictitious_identity
    click(qtbot, tab.new_placement)
    save(
        qtbot,
        tab.dialog,
        municipality="Skyddsby",
        moved_in_on="2026-02-01",
        street="Påhittade vägen 1",
        postal_code="999 99",
        city="Skyddsby",
    )
    qtbot.waitUntil(lambda: tab.placements_model.rowCount() == 1, timeout=5000)
    tab.placements_table.selectRow(0)
    click(qtbot, tab.address_button)
    save(qtbot, tab.dialog, street="Nya gatan 2", city="Skyddsby")
    click(qtbot, tab.end_placement)
    save(qtbot, tab.dialog, moved_out_on="2026-03-01")
    placed = on_worker(lambda: placements(store, case_id))
    assert placed[0].moved_out_on is not None and placed[0].has_address
    relatives = view.relatives
    show(qtbot, case_work, relatives)
    click(qtbot, relatives.add_button)
    save(qtbot, relatives.dialog, name="Sam Påhittad", relation="bror", accompanying_child=False)
    qtbot.waitUntil(lambda: relatives.model.rowCount() == 1, timeout=5000)
    assert relatives.model.index(0, 0).data() == "bror"
    relatives.table.selectRow(0)
    click(qtbot, relatives.edit_button)
    save(qtbot, relatives.dialog, relation="halvbror")
    qtbot.waitUntil(lambda: relatives.model.index(0, 0).data() == "halvbror", timeout=5000)


def test_threat_network_and_group_register(qtbot: QtBot, work: tuple[CaseWork, Any]) -> None:  # noqa: F811
    case_work, store = work
    case_id = new_case(qtbot, case_work, store)
    view = case_work.case_view
    show(qtbot, case_work, view.threat)
    click(qtbot, view.threat.add_button)
    save(
        qtbot,
        view.threat.dialog,
        source_unit="Polisregion Mitt",
        assessed_on="2026-01-05",
        level="high",
        summary="Förhöjd hotbild.",
        next_review_on="2026-04-01",
    )
    qtbot.waitUntil(lambda: view.threat.model.rowCount() == 1, timeout=5000)
    assert view.threat.model.index(0, 2).data() == "hög"
    assert len(on_worker(lambda: threat_assessments(store, case_id))) == 1
    tab = view.network
    show(qtbot, case_work, tab)
    groups_before = len(on_worker(lambda: groups(store)))
    click(qtbot, tab.add_group)
    group_id = save(qtbot, tab.dialog, name="Testgruppen (fiktiv)", environment="criminal_network")
    assert len(on_worker(lambda: groups(store))) == groups_before + 1
    qtbot.waitUntil(lambda: tab.groups_model.rowCount() == groups_before + 1, timeout=5000)
    other = next(g.id for g in on_worker(lambda: groups(store)) if g.id != group_id)
    click(qtbot, tab.add_relation)
    save(qtbot, tab.dialog, group_a=group_id, group_b=other, relation="rival")
    links = on_worker(lambda: group_relations(store, group_id))
    assert [link.relation.value for link in links] == ["rival"]
    click(qtbot, tab.add_link)
    save(qtbot, tab.dialog, environment="criminal_network", group_id=group_id, role="medlem")
    qtbot.waitUntil(lambda: tab.links_model.rowCount() == 1, timeout=5000)
    tab.links.selectRow(0)
    click(qtbot, tab.end_link)
    save(qtbot, tab.dialog, left_on="2026-02-02")
    assert on_worker(lambda: network_links(store, case_id))[0].left_on is not None


def test_interventions_controls_consents_and_agreements(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    case_work, store = work
    case_id = new_case(qtbot, case_work, store)
    view = case_work.case_view
    tab = view.interventions
    show(qtbot, case_work, tab)
    click(qtbot, tab.provider_button)
    provider_id = save(qtbot, tab.dialog, name="Stödboendet Test AB (fiktiv)", kind="private")
    assert provider_id in {p.id for p in on_worker(lambda: providers(store))}
    qtbot.waitUntil(
        lambda: tab.data is not None and any(p.id == provider_id for p in tab.data.providers),
        timeout=5000,
    )
    click(qtbot, tab.add_button)
    save(
        qtbot,
        tab.dialog,
        type="psychiatry",
        provider_id=provider_id,
        started_on="2026-01-10",
        cost_sek="12 000",
        funding="state_grant",
        control_interval_days="30",
    )
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=5000)
    assert tab.model.index(0, 6).data() == "12\u00a0000 kr"
    tab.table.selectRow(0)
    click(qtbot, tab.plan_button)
    save(qtbot, tab.dialog, planned_on="2026-02-10")
    qtbot.waitUntil(lambda: tab.controls_model.rowCount() >= 1, timeout=5000)
    tab.table.selectRow(0)
    tab.controls.selectRow(0)
    click(qtbot, tab.done_button)
    save(qtbot, tab.dialog, done_on="2026-02-10", notes="Inga anmärkningar.")
    tab.table.selectRow(0)
    click(qtbot, tab.end_button)
    save(qtbot, tab.dialog, ended_on="2026-03-01")
    item = on_worker(lambda: interventions(store, case_id))[0]
    assert item.ended_on is not None and item.controls[0].done_on is not None
    section = tab.agreements
    click(qtbot, section.add_agreement)
    conditions = ["Drogfrihet", "Ingen kontakt med nätverket"]
    save(qtbot, tab.dialog, signed_on="2026-01-03", conditions=conditions)
    qtbot.waitUntil(lambda: section.tree.topLevelItemCount() == 1, timeout=5000)
    section.tree.setCurrentItem(section.tree.topLevelItem(0))
    click(qtbot, section.add_condition)
    save(qtbot, tab.dialog, text="Delta i samtalsstöd")
    qtbot.waitUntil(
        lambda: (
            section.tree.topLevelItemCount() == 1 and section.tree.topLevelItem(0).childCount() == 3
        ),
        timeout=5000,
    )
    section.tree.setCurrentItem(section.tree.topLevelItem(0).child(0))
    click(qtbot, section.add_breach)
    save(qtbot, tab.dialog, occurred_on="2026-02-01", description="Positivt drogtest.")
    agreement = on_worker(lambda: agreements(store, case_id))[0]
    assert len(agreement.conditions) == 3 and len(agreement.conditions[0].breaches) == 1
    handover = view.handover
    show(qtbot, case_work, handover)
    click(qtbot, handover.add_consent)
    save(
        qtbot,
        handover.dialog,
        agencies=["Polisen"],
        municipalities=["Skyddsby", "Annanstad"],
        signed_on="2026-01-04",
    )
    qtbot.waitUntil(lambda: handover.consents_model.rowCount() == 1, timeout=5000)
    assert handover.consents_model.index(0, 4).data() == "Skyddsby, Annanstad"
    handover.consents.selectRow(0)
    click(qtbot, handover.revoke_consent)
    save(qtbot, handover.dialog, revoked_on="2026-02-04", reason="Återkallat av personen.")
    assert on_worker(lambda: consents(store, case_id))[0].revoked_on is not None


def test_documents_added_shown_from_memory_and_exported_deliberately(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
    tmp_path: Path,
) -> None:
    case_work, store = work
    case_id = new_case(qtbot, case_work, store)
    tab = case_work.case_view.documents
    show(qtbot, case_work, tab)
    source = tmp_path / "anteckning.txt"
    source.write_text("Fiktivt underlag för testet.\n", encoding="utf-8")
    save(qtbot, tab.add_file(source), title="Underlag")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=5000)
    assert on_worker(lambda: documents(store, case_id))[0].media_type == "text/plain"
    tab.table.selectRow(0)
    click(qtbot, tab.show_button)
    qtbot.waitUntil(lambda: tab.viewer is not None and tab.viewer.isVisible(), timeout=5000)
    tab.viewer.reject()
    click(qtbot, tab.export_button)
    warnings = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]
    assert len(warnings) == 1 and "INTE krypterad" in warnings[0].text()
    warnings[0].reject()
    target = tmp_path / "export" / "ut.txt"
    target.parent.mkdir()
    doc = tab.model.record(0)
    tab.export_to(doc, target)
    qtbot.waitUntil(lambda: "okrypterad" in tab.status.text(), timeout=5000)
    assert target.read_text(encoding="utf-8") == "Fiktivt underlag för testet.\n"
    opened = on_worker(lambda: store.audit.entries(action="document.open"))
    exported = on_worker(lambda: store.audit.entries(action="document.export"))
    assert len(opened) == 1 and len(exported) == 1  # shown once, exported once
    bad = tmp_path / "program.exe"
    bad.write_bytes(b"MZ\x90\x00binary")
    dialog = tab.add_file(bad)
    assert dialog is not None
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible, timeout=5000)
    assert "Tillåtna" in dialog.error.text() or "tillåt" in dialog.error.text()
    dialog.reject()
    assert len(on_worker(lambda: documents(store, case_id))) == 1
