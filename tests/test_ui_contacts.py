"""The contacts screen over real stores: import a card, verify by typed digits (a wrong
fingerprint is refused and audited), revoke with confirmation, export our own card, and the
QR code of our fingerprint (when segno is installed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sync.trust import (
    contacts,
    identity,
)
from sync.trust.card import parse_card
from tests.case_fixtures import store_template
from tests.ui_fixtures import app_sv, on_worker
from tests.ui_sync_fixtures import GuiWorld, gui_world, message_texts, session_for
from ui.contacts import qr
from ui.contacts.contacts_view import (
    ContactsView,
    RevokeDialog,
)
from ui.contacts.fingerprint_dialog import VerifyContactDialog

__all__ = ["app_sv", "gui_world", "store_template"]


def _view(qtbot: QtBot, gw: GuiWorld) -> ContactsView:
    view = ContactsView(gw.sa)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() == 2 and bool(view.ours[0]), timeout=5000)
    return view


def _select(view: ContactsView, municipality: str) -> Any:
    row = next(i for i, c in enumerate(view.model.records()) if c.municipality == municipality)
    view.table.selectRow(row)
    return view.model.records()[row]


def test_lists_contacts_and_hides_unverified_fingerprints(
    qtbot: QtBot, gui_world: GuiWorld
) -> None:
    view = _view(qtbot, gui_world)
    assert view.windowTitle() == "Kontakter"
    texts = {
        view.model.index(r, 0).data(): (
            view.model.index(r, 3).data(),
            view.model.index(r, 4).data(),
        )
        for r in range(view.model.rowCount())
    }
    lund_fp = on_worker(lambda: identity.get_identity(gui_world.world.b).fingerprint)
    assert texts["Lund"][0].startswith("verifierad ") and texts["Lund"][1] == lund_fp
    assert texts["Trelleborg"] == ("inte verifierad", "(verifiera först)")
    me = on_worker(lambda: identity.get_identity(gui_world.world.a))
    assert view.own_panel.digits.text().split() == me.fingerprint.split()
    _select(view, "Lund")
    assert not view.verify_button.isEnabled() and view.revoke_button.isEnabled()
    _select(view, "Trelleborg")
    assert view.verify_button.isEnabled()


def test_verify_refuses_wrong_digits_then_accepts_the_right_ones(
    qtbot: QtBot, gui_world: GuiWorld
) -> None:
    view = _view(qtbot, gui_world)
    _select(view, "Trelleborg")
    view.open_verify()
    dialog = view.verify_dialog
    assert isinstance(dialog, VerifyContactDialog)
    right = on_worker(lambda: identity.get_identity(gui_world.world.c).fingerprint)
    assert right not in dialog.findChildren(type(dialog.status))[0].text()  # never shown
    qtbot.keyClicks(dialog.typed, "12345 67890")
    assert not dialog.verify_button.isEnabled() and dialog.count.text() == "10 av 40 siffror"
    dialog.typed.setText("1" * 40)
    qtbot.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.property("tone") == "error", timeout=5000)
    assert "stämmer inte" in dialog.status.text()
    dialog.typed.setText(right.replace(" ", "-"))
    with qtbot.waitSignal(dialog.verified, timeout=5000):
        qtbot.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: "Trelleborg" in view.status.text() and "verifierad" in view.status.text()
    )
    contact = on_worker(lambda: contacts.get_contact(gui_world.world.a, gui_world.world.c_at_a))
    assert contact.status == "verified"
    actions = on_worker(lambda: [e.action for e in gui_world.world.a.audit.entries()])
    assert actions[-2:] == ["contact.verify_failed", "contact.verify"]


def test_verify_accepts_a_scanned_qr_payload(qtbot: QtBot, gui_world: GuiWorld) -> None:
    view = _view(qtbot, gui_world)
    _select(view, "Trelleborg")
    view.open_verify()
    dialog = view.verify_dialog
    assert dialog is not None
    payload = on_worker(lambda: identity.get_identity(gui_world.world.c).qr_payload)
    dialog.typed.setText(payload.lower())
    assert dialog.count.text() == "QR-kodens innehåll"
    with qtbot.waitSignal(dialog.verified, timeout=5000):
        dialog.verify()


def test_revoke_asks_first_and_keeps_the_reason(qtbot: QtBot, gui_world: GuiWorld) -> None:
    view = _view(qtbot, gui_world)
    _select(view, "Lund")
    view.ask_revoke()
    dialog = next(d for d in view.findChildren(RevokeDialog) if d.isVisible())
    assert "kan inte ångras" in dialog.findChildren(type(view.status))[0].text()
    dialog.reject()
    qtbot.wait(50)
    assert (
        on_worker(lambda: contacts.get_contact(gui_world.world.a, gui_world.world.b_at_a)).status
        == "verified"
    )
    view.ask_revoke()
    dialog = next(d for d in view.findChildren(RevokeDialog) if d.isVisible())
    dialog.reason.setText("Datorn stals")
    qtbot.mouseClick(dialog.revoke_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "återkallad" in view.status.text(), timeout=5000)
    contact = on_worker(lambda: contacts.get_contact(gui_world.world.a, gui_world.world.b_at_a))
    assert (contact.status, contact.revoke_reason) == ("revoked", "Datorn stals")
    qtbot.waitUntil(lambda: not view.revoke_button.isEnabled(), timeout=5000)


def test_import_a_card_file_and_export_our_own(
    qtbot: QtBot, gui_world: GuiWorld, tmp_path: Path
) -> None:
    w = gui_world.world
    view = _view(qtbot, gui_world)
    on_worker(lambda: contacts.revoke_contact(w.a, w.c_at_a, "ny nyckel"))
    card = tmp_path / "lund.utvagkort"
    card.write_bytes(on_worker(lambda: identity.export_card(w.b)))
    view.import_file(card)  # Lund again: the same contact (no duplicate)
    qtbot.waitUntil(lambda: "importerats tidigare" in view.status.text(), timeout=5000)
    qtbot.waitUntil(lambda: view.selected() is not None, timeout=5000)  # after the reload
    assert view.model.rowCount() == 2 and view.selected().municipality == "Lund"
    ours = tmp_path / "malmo.utvagkort"
    view.export_to(ours)
    qtbot.waitUntil(ours.is_file, timeout=5000)
    assert parse_card(ours.read_bytes()).municipality == "Malmö"
    qtbot.waitUntil(lambda: "malmo.utvagkort" in view.status.text())
    bad = tmp_path / "trasig.utvagkort"
    bad.write_bytes(b"not a card")
    view.import_file(bad)
    qtbot.waitUntil(lambda: bool(message_texts()), timeout=5000)


def test_our_fingerprint_has_a_qr_code(qtbot: QtBot, gui_world: GuiWorld) -> None:
    view = _view(qtbot, gui_world)
    code = view.own_panel.qr
    assert code.isVisible() and code.modules() >= 21 + 8
    me = on_worker(lambda: identity.get_identity(gui_world.world.a))
    assert qr.qr_matrix(me.qr_payload)[4][4] is True  # finder pattern corner, after the zone


def test_without_segno_only_digits_are_shown(
    qtbot: QtBot, gui_world: GuiWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(qr, "_segno", None)
    view = _view(qtbot, gui_world)
    assert not view.own_panel.qr.isVisible()
    assert view.own_panel.no_qr.text() == "(Ingen QR-kod: jämför siffrorna.)"
    assert len(view.own_panel.digits.text().split()) == 8


def test_a_new_card_is_imported_unverified(
    qtbot: QtBot, gui_world: GuiWorld, tmp_path: Path
) -> None:
    w = gui_world.world
    session = session_for(w.c)  # Trelleborg knows only Malmö
    view = ContactsView(session)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=5000)
    card = tmp_path / "lund.utvagkort"
    card.write_bytes(on_worker(lambda: identity.export_card(w.b)))
    view.import_file(card)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=5000)
    assert view.status.text().startswith("Kortet importerades som inte verifierat.")
    assert view.selected().municipality == "Lund" and view.verify_button.isEnabled()
    session.idle.stop()
