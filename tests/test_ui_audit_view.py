"""The audit view over a real store: filters, chain verification (intact and tampered) and
the export for logguppföljning — all store work on the worker."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from desktop.session import Session
from tests.ui_fixtures import app_sv, gateway, made_store, on_worker  # noqa: F401 - fixtures
from ui.window.audit_view import AuditView


@pytest.fixture
def view(
    qtbot: QtBot,
    made_store: tuple[Any, str],  # noqa: F811
    app_sv: Any,  # noqa: F811
) -> Iterator[tuple[AuditView, Any]]:
    store, _code = made_store
    on_worker(lambda: store.audit.append("test_event", "UV-2026-0001", {"n": 1}))
    session = Session(store.path)
    session.attach(store)
    audit = AuditView(session)
    qtbot.addWidget(audit)
    audit.show()
    qtbot.waitUntil(lambda: audit.model.rowCount() > 0, timeout=5000)
    yield audit, store
    session.idle.stop()


def _column(audit: AuditView, column: int) -> list[str]:
    model = audit.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_lists_and_filters_entries(qtbot: QtBot, view: tuple[AuditView, Any]) -> None:
    audit, _store = view
    assert audit.windowTitle() == "Granskningslogg"
    # actions in words, the code in the tooltip; an action this version does not know
    # (here the test's own) is named as such
    assert _column(audit, 3) == [
        "Den krypterade databasen skapades",
        "Vår identitet och våra nycklar skapades",
        "Återställningskoden bekräftades nedskriven",  # a finished first run
        "Annan händelse (test_event)",
    ]
    tip = audit.model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "Den krypterade databasen skapades\nKod i loggen: create"
    assert _column(audit, 2) == ["Test Handläggare"] * 4  # the identity's caseworker
    assert _column(audit, 5)[3] == "n: 1"  # an unknown detail: plain text, never JSON
    assert audit.model.headerData(3, Qt.Orientation.Horizontal) == "Händelse"
    # the filter lists the actions in words, in Swedish order, "Alla händelser" first
    items = [audit.action.itemText(i) for i in range(audit.action.count())]
    assert items[0] == "Alla händelser" and "Skyddad uppgift visades" in items
    assert items.index("Återställd från säkerhetskopia") < items.index("Ärendet lades upp")
    audit.action.setCurrentIndex(audit.action.findData("test_event"))
    qtbot.mouseClick(audit.filter_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: audit.model.rowCount() == 1)
    assert _column(audit, 4) == ["UV-2026-0001"]
    audit.action.setCurrentIndex(0)
    audit.actor.setText("someone.else")
    qtbot.keyClick(audit.actor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: audit.model.rowCount() == 0)
    audit.actor.clear()
    audit.since.setDate(QDate.currentDate().addDays(1))
    audit.until.setDate(QDate.currentDate().addDays(2))
    audit.refresh()
    qtbot.waitUntil(lambda: audit.status.text() == "0 poster.")


def test_verify_reports_an_intact_log(qtbot: QtBot, view: tuple[AuditView, Any]) -> None:
    audit, _store = view
    qtbot.mouseClick(audit.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: audit.status.property("state") == "ok", timeout=5000)
    assert audit.status.text() == "Granskningsloggen är oförändrad: alla 4 poster är kontrollerade."


def test_verify_names_a_tampered_entry(qtbot: QtBot, view: tuple[AuditView, Any]) -> None:
    audit, store = view

    def tamper() -> None:  # what someone with the data key could do behind Utväg's back
        store.conn.execute("DROP TRIGGER audit_log_no_update")
        store.conn.execute("UPDATE audit_log SET subject = 'UV-2026-0999' WHERE seq = 3")

    on_worker(tamper)
    audit.verify()
    qtbot.waitUntil(lambda: audit.status.property("state") == "error", timeout=5000)
    assert audit.status.text().splitlines() == [
        "Granskningsloggen har manipulerats:",
        "Post 3 har ändrats.",
    ]


def test_export_writes_the_log_and_is_itself_audited(
    qtbot: QtBot, view: tuple[AuditView, Any], tmp_path: Path
) -> None:
    audit, store = view
    target = tmp_path / "logguppfoljning.jsonl"
    audit.export_to(target)
    qtbot.waitUntil(lambda: "4 poster exporterades" in audit.status.text(), timeout=5000)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[0])["type"] == "utvag-audit-export"
    assert [json.loads(line)["action"] for line in lines[1:]] == [
        "create",
        "identity.create",
        "recovery_code.confirmed",
        "test_event",
    ]
    actions = on_worker(lambda: [e.action for e in store.audit.entries()])
    assert actions[-1] == "audit_export"
