"""Two municipalities end to end through the GUI: the wizard in Malmö writes a bundle, the
import dialog in Lund previews and accepts it (writing the receipt), and the receipt import
in Malmö moves the case to överlämnad. Also: refusal, a missing legal basis, conflicts that
must be acknowledged on both sides, closing without a decision, and the lock."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget, QWizard
from pytestqt.qtbot import QtBot

from storage.casefile import cases
from storage.records.enums import CaseStatus
from sync.handover.exporting import (
    ExportRequest,
    export_handover,
)
from sync.handover.importing import (
    accept_import,
    preview_import,
)
from sync.handover.records import (
    case_provenance,
    handovers,
)
from sync.team import members
from sync.trust import contacts, identity
from tests.case_fixtures import copy_store, store_template
from tests.test_handover_support import EAST, placed_case, rich_case
from tests.ui_fixtures import app_sv, on_worker
from tests.ui_sync_fixtures import GuiWorld, close_message_boxes, gui_world, message_texts
from ui.case_view.handover_tab import HandoverTab
from ui.handover import import_support
from ui.handover.import_dialog import ImportDialog
from ui.handover.wizard import HandoverWizard

__all__ = ["app_sv", "gui_world", "store_template"]
NEXT = QWizard.WizardButton.NextButton


def _wizard(qtbot: QtBot, gw: GuiWorld, case_id: int | None) -> HandoverWizard:
    wizard = HandoverWizard(gw.sa, case_id)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.case_page.contact.count() == 1, timeout=5000)
    return wizard


def _next(qtbot: QtBot, wizard: HandoverWizard, page: Any) -> None:
    qtbot.mouseClick(wizard.button(NEXT), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is page, timeout=10_000)


def _export(qtbot: QtBot, gw: GuiWorld, case_id: int, name: str, *, conflicts: bool) -> Any:
    wizard = _wizard(qtbot, gw, case_id)
    assert wizard.case_page.contact.currentText().startswith("Lund — ")
    _next(qtbot, wizard, wizard.basis_page)
    assert "Rättslig grund: samtycke" in wizard.basis_page.text.text()
    _next(qtbot, wizard, wizard.sections_page)
    page = wizard.sections_page
    assert not page.protected.isChecked() and not page.fictitious.isChecked()
    assert "1 skyddat namn" in page.withheld.text() or "skyddade namn" in page.withheld.text()
    page.protected.setChecked(True)
    assert not wizard.button(NEXT).isEnabled()  # a reason is required
    page.reason.setPlainText("Mottagande kommun behöver kunna folkbokföra")
    assert wizard.button(NEXT).isEnabled()
    _next(qtbot, wizard, wizard.conflict_page)
    conflict = wizard.conflict_page
    if conflicts:
        assert conflict.summary.text().startswith("Varning: Lund har")
        model = conflict.table.model()
        assert model.rowCount() == 1 and model.index(0, 1).data() == "rivaliserande"
        assert not wizard.button(NEXT).isEnabled()
        conflict.ack.setChecked(True)
    assert wizard.button(NEXT).isEnabled()
    _next(qtbot, wizard, wizard.file_page)
    wizard.set_file(gw.dir / name)
    assert wizard.file_page.path.text().endswith(".utvag")
    assert "Lund" not in Path(wizard.file_page.path.text()).name
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.export_result is not None, timeout=20_000)
    result = wizard.export_result
    assert result.bundle_id in wizard.export_page.result_label.text()
    assert wizard.export_page.status.property("tone") == "ok"
    assert wizard.button(QWizard.WizardButton.FinishButton).isVisible()
    return result


def _import(qtbot: QtBot, gw: GuiWorld, path: Path) -> ImportDialog:
    dialog = ImportDialog(gw.sb)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.open_file(path)
    qtbot.waitUntil(lambda: dialog.facts is not None, timeout=10_000)
    return dialog


def test_export_import_accept_and_receipt_through_the_gui(
    qtbot: QtBot, gui_world: GuiWorld
) -> None:
    w = gui_world.world
    case_id = on_worker(lambda: rich_case(w.a))
    on_worker(lambda: placed_case(w.a, EAST, "Lund"))  # a rival in Lund: conflict on export
    on_worker(lambda: placed_case(w.b, EAST, "Lund"))  # and at the receiver's
    result = _export(qtbot, gui_world, case_id, "overlamning", conflicts=True)
    assert Path(result.path).is_file()
    assert on_worker(lambda: handovers(w.a, case_id))[0].state == "awaiting_receipt"

    dialog = _import(qtbot, gui_world, Path(result.path))
    facts = dialog.facts
    assert facts is not None and facts.bundle_id == result.bundle_id
    assert dialog.sender_label.text() == "Anna Andersson, Exit Malmö, Malmö"
    malmo = on_worker(lambda: identity.get_identity(w.a).fingerprint)
    assert dialog.fingerprint.text().split() == malmo.split()
    assert dialog.verified.text().startswith("✓ Signaturen är kontrollerad")
    assert "Jonas" not in dialog.case.text() and "19850202" not in dialog.case.text()
    assert dialog.members.model().rowCount() == len(facts.members) + 1
    assert dialog.conflicts.property("tone") == "warning"
    assert not dialog.accept_button.isEnabled()  # the conflict must be acknowledged
    dialog.ack.setChecked(True)
    assert dialog.accept_button.isEnabled()
    receipt = gui_world.dir / "kvitto.utvag"
    dialog.accept_to(receipt)
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=20_000)
    assert receipt.is_file() and "kvitto.utvag" in dialog.status.text()
    assert not dialog.accept_button.isEnabled() and not dialog.refuse_button.isEnabled()
    new_case = dialog.outcome.case_id
    provenance = on_worker(lambda: case_provenance(w.b, new_case))
    assert provenance is not None and provenance.bundle_id == result.bundle_id
    assert not import_support.is_open(facts.token)

    parent = QWidget()
    qtbot.addWidget(parent)
    import_support.import_receipt_file(gui_world.sa, parent, receipt)
    qtbot.waitUntil(lambda: any("tog emot ärende" in t for t in message_texts()), timeout=10_000)
    status = on_worker(lambda: cases.get_case(w.a, case_id).status)
    assert status == CaseStatus.HANDED_OVER


def test_refusal_sends_the_reason_back(qtbot: QtBot, gui_world: GuiWorld) -> None:
    w = gui_world.world
    case_id = on_worker(lambda: rich_case(w.a))
    result = _export(qtbot, gui_world, case_id, "paket.utvag", conflicts=False)
    dialog = _import(qtbot, gui_world, Path(result.path))
    assert dialog.conflicts.property("tone") == "ok"
    receipt = gui_world.dir / "nej.utvag"
    dialog.refuse_to("Ingen plats i kommunen", receipt)
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=20_000)
    assert receipt.is_file() and dialog.status.text().startswith("Vägrat.")
    parent = QWidget()
    qtbot.addWidget(parent)
    import_support.import_receipt_file(gui_world.sa, parent, receipt)
    qtbot.waitUntil(lambda: any("Ingen plats" in t for t in message_texts()), timeout=10_000)
    assert on_worker(lambda: cases.get_case(w.a, case_id).status) != CaseStatus.HANDED_OVER


def test_no_legal_basis_stops_the_wizard_on_the_first_page(
    qtbot: QtBot, gui_world: GuiWorld
) -> None:
    w = gui_world.world
    case_id = on_worker(lambda: rich_case(w.a, consent_for=("Malmö",)))
    wizard = _wizard(qtbot, gui_world, case_id)
    qtbot.mouseClick(wizard.button(NEXT), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.case_page.status.property("tone") == "error", timeout=10_000)
    assert "rättslig grund" in wizard.case_page.status.text()
    assert wizard.currentPage() is wizard.case_page


def test_without_a_case_id_the_wizard_lists_the_cases_that_can_go(
    qtbot: QtBot, gui_world: GuiWorld
) -> None:
    w = gui_world.world
    ready = on_worker(lambda: rich_case(w.a))
    on_worker(lambda: rich_case(w.a, status="referred"))  # aktualiserad: cannot be handed over
    wizard = _wizard(qtbot, gui_world, None)
    combo = wizard.case_page.case
    assert combo.isEnabled() and [combo.itemData(i) for i in range(combo.count())] == [ready]


def test_closing_the_import_discards_and_the_lock_forgets(
    qtbot: QtBot, gui_world: GuiWorld
) -> None:
    w = gui_world.world
    case_id = on_worker(lambda: rich_case(w.a))
    result = _export(qtbot, gui_world, case_id, "a.utvag", conflicts=False)
    dialog = _import(qtbot, gui_world, Path(result.path))
    token = dialog.facts.token  # type: ignore[union-attr]
    dialog.reject()
    qtbot.waitUntil(lambda: not import_support.is_open(token), timeout=5000)
    staged = on_worker(lambda: list(w.b.path.glob(".staging-*.tmp")))  # after the discard
    assert staged == []
    close_message_boxes()
    again = _import(qtbot, gui_world, Path(result.path))  # not marked seen: opens again
    token = again.facts.token  # type: ignore[union-attr]
    gui_world.sb.lock()
    assert not again.isVisible() and again.facts is None and not import_support.is_open(token)
    assert again.sender_label.text() == ""


def test_the_receipt_is_written_again_from_the_handover_tab(
    qtbot: QtBot, gui_world: GuiWorld
) -> None:
    """Lund lost the receipt it wrote when it accepted: "Skriv kvitto igen…" in the case's
    handover tab writes the same bytes again (the session runs the core function), audited."""
    w = gui_world.world
    case_id = on_worker(lambda: rich_case(w.a))
    bundle = gui_world.dir / "tab.utvag"
    on_worker(lambda: export_handover(w.a, ExportRequest(case_id, w.b_at_a), bundle))
    first = gui_world.dir / "first-kvitto.utvag"
    accepted = on_worker(lambda: accept_import(w.b, preview_import(w.b, bundle), receipt_out=first))
    original = first.read_bytes()
    first.unlink()  # lost on the way

    tab = HandoverTab(gui_world.sb)
    qtbot.addWidget(tab)
    tab.show()
    tab.set_case(accepted.case_id)
    tab.ensure_loaded()
    qtbot.waitUntil(lambda: tab.data is not None, timeout=10_000)
    assert tab.receipt_button.isVisible() and tab.receipt_button.isEnabled()
    assert tab.receipt_button.text() == "Skriv &kvitto igen…"
    assert "Malmö" in tab.received.text()

    again = gui_world.dir / "igen-kvitto.utvag"
    tab.write_receipt_to(again)
    qtbot.waitUntil(lambda: tab.receipt_status.text() != "", timeout=10_000)
    assert again.read_bytes() == original
    assert tab.receipt_status.property("tone") == "ok" and "igen-kvitto.utvag" in (
        tab.receipt_status.text()
    )
    entry = on_worker(lambda: w.b.audit.entries(action="handover.receipt_written")[-1])
    assert entry.details["mode"] == "identical" and entry.actor == w.b.actor

    # a failure is shown where the button is (a folder that does not exist)
    tab.write_receipt_to(gui_world.dir / "missing" / "k.utvag")
    qtbot.waitUntil(lambda: tab.receipt_status.property("tone") == "error", timeout=10_000)
    assert tab.receipt_button.isEnabled()

    # a case of our own (not received) has no such button
    own = on_worker(lambda: rich_case(w.b))
    tab.set_case(own)
    tab.ensure_loaded()
    qtbot.waitUntil(lambda: tab.data is not None and tab.data.provenance is None, timeout=10_000)
    assert not tab.receipt_button.isVisible()


def test_the_wizard_says_whose_shares_end_for_a_shared_case(
    qtbot: QtBot, gui_world: GuiWorld, store_template: Path
) -> None:
    w = gui_world.world

    def shared() -> int:
        colleague = copy_store(store_template, w.dir / "kollega", actor="Karin Kvist")
        identity.ensure_identity(colleague, "Malmö", "Exit Malmö", "Karin Kvist")
        at_a = contacts.import_card(w.a, identity.export_card(colleague))
        contacts.verify_contact(w.a, at_a, identity.get_identity(colleague).fingerprint)
        colleague.close()
        case_id = rich_case(w.a)
        members.share_case(w.a, case_id, at_a, "co")
        return case_id

    case_id = on_worker(shared)
    wizard = HandoverWizard(gui_world.sa, case_id)
    qtbot.addWidget(wizard)
    wizard.show()
    combo = wizard.case_page.contact
    qtbot.waitUntil(lambda: combo.count() == 2, timeout=5000)  # Lund and the colleague
    combo.setCurrentIndex(next(i for i in range(2) if combo.itemText(i).startswith("Lund — ")))
    _next(qtbot, wizard, wizard.basis_page)
    text = wizard.basis_page.text.text()
    assert "Delas med 1 kollega." in text and "Synka först." in text
    # an unshared case says nothing of the kind
    plain = on_worker(lambda: rich_case(w.a))
    other = HandoverWizard(gui_world.sa, plain)
    qtbot.addWidget(other)
    other.show()
    combo = other.case_page.contact
    qtbot.waitUntil(lambda: combo.count() == 2, timeout=5000)
    combo.setCurrentIndex(next(i for i in range(2) if combo.itemText(i).startswith("Lund — ")))
    _next(qtbot, other, other.basis_page)
    assert "kollega" not in other.basis_page.text.text()
