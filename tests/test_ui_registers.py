"""The method register and provision register windows on a real demo store: methods added
and changed (an evidence level without its source refused), the register exported as a
signed file and a colleague's signed register previewed and imported (one's own file, not
from a verified contact, refused with nothing changed), provisions added and taken out of
use, and the keyboard and the View menu reach them."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from storage.registers import methods as register
from storage.registers.provisions import provisions
from sync.knowledge.methods_file import export_methods_file
from tests.case_ui_fixtures import (  # noqa: F401 - fixtures
    app_sv,
    demo_session,
    gateway,
    made_store,
    on_worker,
    work,
)
from tests.test_bundle_support import link, new_store
from tests.test_ui_case_records import click
from tests.test_ui_case_view import save
from ui.cases.case_work import CaseWork
from ui.knowledge.registers_view import MethodsView, ProvisionsView
from ui.record_dialogs.decision_dialogs import provision_choices


def _names(view: MethodsView) -> list[str]:
    return [view.model.index(r, 0).data() for r in range(view.model.rowCount())]


def test_methods_added_changed_exported_and_a_colleagues_register_imported(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
    tmp_path: Path,
) -> None:
    case_work, store = work
    window = case_work.window
    window.casework.methods_action.trigger()  # the Tools menu
    view = window.casework.open["methods"]
    assert isinstance(view, MethodsView)
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=5000)
    assert "Individanpassat stöd till arbete (IPS)" in _names(view)
    marker = secrets.token_hex(16)
    click(qtbot, view.new_button)
    dialog = view.dialog
    assert dialog is not None
    dialog.set_value("name", f"Testmetod {marker}")
    dialog.set_value("evidence_level", "promising")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # no source: refused
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=5000)
    assert dialog.inputs["evidence_source"].property("invalid") is True
    assert not any(m.name.endswith(marker) for m in on_worker(lambda: register.methods(store)))
    save(qtbot, dialog, evidence_level="not_assessed")
    qtbot.waitUntil(lambda: f"Testmetod {marker}" in _names(view), timeout=5000)
    view.table.selectRow(_names(view).index(f"Testmetod {marker}"))
    click(qtbot, view.edit_button)
    save(qtbot, view.dialog, target_group=f"Målgrupp {marker}")
    found = [m for m in on_worker(lambda: register.methods(store)) if m.name.endswith(marker)]
    assert found[0].target_group == f"Målgrupp {marker}" and found[0].origin == "local"
    # exported signed; one's own file is not from a verified contact: refused, nothing changed
    out = tmp_path / "metoder.utvagmetoder"
    view.export_to(out)
    qtbot.waitUntil(lambda: out.exists() and "exporterad" in view.status.text(), timeout=5000)
    before = _names(view)
    view.preview_file(out)
    qtbot.waitUntil(lambda: view.status.property("tone") == "error", timeout=5000)
    assert view.confirm is None and _names(view) == before
    # a colleague's register, signed by a verified contact: previewed, then imported
    colleague_marker = secrets.token_hex(16)

    def colleague() -> bytes:
        other = new_store(tmp_path / "b", "bertil", ("Lund", "Avhopparverksamheten", "Bertil"))
        try:
            link(store, other)
            register.add_method(other, name=f"Kollegans metod {colleague_marker}")
            return export_methods_file(other)
        finally:
            other.close()

    shared = tmp_path / "kollega.utvagmetoder"
    shared.write_bytes(on_worker(colleague))
    view.preview_file(shared)
    qtbot.waitUntil(lambda: view.confirm is not None and view.confirm.isVisible(), timeout=5000)
    box = view.confirm
    assert box is not None
    assert "Bertil, Avhopparverksamheten, Lund" in box.text()
    assert f"1 ny metod: Kollegans metod {colleague_marker}" in box.text()
    assert f"Kollegans metod {colleague_marker}" not in _names(view)  # not before "Importera"
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: f"Kollegans metod {colleague_marker}" in _names(view), timeout=5000)
    assert "1 tillagd" in view.status.text()
    view.close()


def test_provisions_added_and_taken_out_of_use(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    case_work, store = work
    window = case_work.window
    window.casework.provisions_action.trigger()
    view = window.casework.open["provisions"]
    assert isinstance(view, ProvisionsView)
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=5000)
    marker = secrets.token_hex(16)
    # the keyboard: Tab reaches the New button, Space presses it
    view.table.setFocus()
    for _ in range(3):
        if view.new_button.hasFocus():
            break
        qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Tab)
    assert view.new_button.hasFocus()
    qtbot.keyClick(view.new_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.isVisible(), timeout=5000)
    save(
        qtbot,
        view.dialog,
        law="Fiktiv lag (2099:1)",
        reference="1 kap. 1 §",
        title=f"Testbestämmelse {marker}",
        source="Påhittad källa för test",
        source_date="2026-01-01",
    )
    qtbot.waitUntil(
        lambda: any(
            view.model.index(r, 2).data() == f"Testbestämmelse {marker}"
            for r in range(view.model.rowCount())
        ),
        timeout=5000,
    )
    row = next(
        r
        for r in range(view.model.rowCount())
        if view.model.index(r, 2).data() == f"Testbestämmelse {marker}"
    )
    view.table.selectRow(row)
    assert "Påhittad källa för test" in view.detail.toPlainText()
    click(qtbot, view.edit_button)
    save(qtbot, view.dialog, active=False)
    mine = [p for p in on_worker(lambda: provisions(store)) if p.title.endswith(marker)]
    assert len(mine) == 1 and not mine[0].active
    assert mine[0].id not in {pid for pid, _ in provision_choices(mine)}  # not for new decisions
    view.close()


def test_lock_closes_the_register_windows_and_empties_them(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    case_work, _store = work
    tools = case_work.window.casework
    tools.methods_action.trigger()
    tools.provisions_action.trigger()
    methods_view, provisions_view = tools.open["methods"], tools.open["provisions"]
    assert isinstance(methods_view, MethodsView) and isinstance(provisions_view, ProvisionsView)
    qtbot.waitUntil(lambda: methods_view.model.rowCount() > 0, timeout=5000)
    qtbot.waitUntil(lambda: provisions_view.model.rowCount() > 0, timeout=5000)
    click(qtbot, methods_view.new_button)
    dialog = methods_view.dialog
    assert dialog is not None
    dialog.set_value("name", "Osparad metod")
    session = case_work.session
    with qtbot.waitSignal(session.locked, timeout=5000) as locked:  # type: ignore[attr-defined]
        session.lock("idle")
    assert locked.args == ["idle", True]  # the unsaved method was discarded
    for view in (methods_view, provisions_view):
        assert view.model.rowCount() == 0 and view.detail.toPlainText() == ""
        assert not view.isVisible()
    assert not dialog.isVisible()
