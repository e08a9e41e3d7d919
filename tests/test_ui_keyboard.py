"""Keyboard use as a caseworker types: Ctrl+Enter submits a dialog, Esc clears the search,
Ctrl+N starts a new case, F1 opens the manual, the About box names the version."""

from __future__ import annotations

import secrets
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from storage.casefile.journal import journal
from tests.case_ui_fixtures import (  # noqa: F401 - fixtures
    demo_session,
    open_case_with_principal,
    work,
)
from tests.ui_fixtures import app_sv, gateway, made_store, on_worker  # noqa: F401 - fixtures
from ui.record_dialogs.journal_dialogs import JournalEntryDialog
from ui.window.help_view import HelpView, app_version


def test_ctrl_enter_saves_a_journal_entry(qtbot: QtBot, work: tuple[Any, Any]) -> None:  # noqa: F811
    case_work, store = work
    case_id = open_case_with_principal(case_work, qtbot, store)
    dialog = JournalEntryDialog(case_work.session, case_id)
    qtbot.addWidget(dialog)
    saved: list[object] = []
    dialog.saved.connect(saved.append)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)
    editor = dialog.findChild(QPlainTextEdit)
    assert editor is not None
    marker = "Samtal " + secrets.token_hex(16)
    editor.setFocus()
    qtbot.keyClicks(editor, marker)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Enter alone: a new line, nothing saved
    assert saved == [] and dialog.isVisible()
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: saved != [], timeout=10_000)
    texts = [t.current.text for t in on_worker(lambda: journal(store, case_id))]
    assert marker in "\n".join(texts)


def test_escape_clears_the_search_and_ctrl_n_starts_a_case(
    qtbot: QtBot,
    work: tuple[Any, Any],  # noqa: F811
) -> None:
    case_work, _store = work
    case_list = case_work.case_list
    window = case_list.window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    total = case_list.model.rowCount()
    case_list.search.setFocus()
    qtbot.keyClicks(case_list.search, "zzzingetsadantarende")
    case_list.apply_search()
    qtbot.waitUntil(lambda: case_list.model.rowCount() == 0, timeout=5000)
    qtbot.keyClick(case_list.search, Qt.Key.Key_Escape)
    assert case_list.search.text() == ""
    qtbot.waitUntil(lambda: case_list.model.rowCount() == total, timeout=5000)
    qtbot.keyClick(case_list.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: case_work.new_case_dialog is not None, timeout=5000)
    dialog = case_work.new_case_dialog
    assert dialog.isVisible()
    dialog.reject()


def test_f1_opens_the_manual_and_about_names_the_version(
    qtbot: QtBot,
    work: tuple[Any, Any],  # noqa: F811
) -> None:
    case_work, _store = work
    window = case_work.case_list.window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.help_view is not None, timeout=5000)
    view = window.help_view
    assert isinstance(view, HelpView) and view.isVisible()
    text = view.browser.toPlainText()
    assert "Utväg – handbok för handläggare" in text and "Om datorn försvinner" in text
    view.reject()
    window.show_about()
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert boxes and app_version() in boxes[-1].text() and app_version() != "?"
    for box in boxes:
        box.close()
