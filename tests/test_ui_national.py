"""The statistics view's tab of needs, methods and outcomes, the national report sent from
it to a coordinator, and the coordinator window receiving, refusing a replay, merging and
exporting — real stores, keys and bundles on the store worker, widgets offscreen."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from desktop.stats_pdf import render_pdf
from storage.casefile import cases, persons
from storage.statistics.knowledge import KEYS
from tests.case_fixtures import store_template
from tests.ui_fixtures import app_sv, on_worker
from tests.ui_sync_fixtures import GuiWorld, gui_world
from ui.knowledge.coordinator_view import CoordinatorView
from ui.knowledge.national_dialog import NationalReportDialog
from ui.knowledge.research_dialog import ResearchExtractDialog
from ui.knowledge.stats_view import StatsView

__all__ = ["app_sv", "gui_world", "store_template"]


def _fill(store: Any) -> None:
    for i in range(12):
        case_id = cases.create_case(
            store, case_type="defector", home_municipality="Malmö", opened_on=dt.date(2025, 3, 3)
        )
        persons.add_person(
            store, case_id, name=f"Fiktiv Person {i}", birth_year=1990, gender="male"
        )


def test_knowledge_tab_national_report_and_coordinator(
    qtbot: QtBot, gui_world: GuiWorld, tmp_path: Path
) -> None:
    w = gui_world
    on_worker(lambda: _fill(w.world.a))
    view = StatsView(w.sa, pdf_renderer=render_pdf)
    qtbot.addWidget(view)
    view.show()
    view.since.setDate(QDate(2025, 1, 1))
    view.until.setDate(QDate(2025, 12, 31))
    qtbot.mouseClick(view.compute_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.reports is not None, timeout=20_000)
    assert [t.key for t in view.knowledge.tables] == list(KEYS)
    assert not {t.key for t in view.stats.tables} & set(KEYS)
    assert view.tabs.tabText(1) == "Behov, &metoder och utfall"
    view.knowledge.list.setCurrentRow(0)
    assert (
        view.knowledge.title.text() == "Nya ärenden efter stort behov vid inskrivning, per område"
    )
    model = view.knowledge.model
    rows = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert "inget stort behov bedömt" in rows and rows[-1] == "Summa"

    dialog = NationalReportDialog(w.sa, "2025-01-01", "2025-12-31", view)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.coordinator.count() == 1, timeout=10_000)
    assert dialog.coordinator.currentText().startswith("Lund")
    bundle = tmp_path / "rapport.utvag"
    dialog.send_to(bundle)
    qtbot.waitUntil(lambda: "rapport.utvag" in dialog.status.text(), timeout=20_000)
    assert bundle.exists()

    hub = CoordinatorView(w.sb, pdf_renderer=render_pdf)
    qtbot.addWidget(hub)
    hub.show()
    qtbot.waitUntil(lambda: hub.reports.count() == 1, timeout=10_000)
    assert hub.reports.item(0).text() == "Inga rapporter har tagits emot ännu."
    hub.receive(bundle)
    qtbot.waitUntil(lambda: "Malmö" in hub.reports.item(0).text(), timeout=20_000)
    assert hub.status.text() == "Rapporten kontrollerades och togs emot."
    hub.receive(bundle)  # the same bundle again: refused, with the reason
    qtbot.waitUntil(lambda: hub.status.property("tone") == "error", timeout=20_000)
    assert hub.reports.count() == 1
    hub.since.setDate(QDate(2025, 1, 1))
    hub.until.setDate(QDate(2025, 12, 31))
    qtbot.mouseClick(hub.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: hub.merged is not None, timeout=20_000)
    assert "1 rapport." in hub.status.text()
    keys = [t.key for t in hub.tables.tables]
    hub.tables.list.setCurrentRow(keys.index("new.gender"))
    gender = hub.tables.tables[keys.index("new.gender")]
    men = [code for code, _ in gender.rows].index("male")
    model = hub.tables.model
    assert [model.index(men, c).data() for c in range(2)] == ["12", "12"]  # Malmö, Summa
    out = tmp_path / "nationellt.csv"
    hub.export_to(out, "csv")
    qtbot.waitUntil(lambda: "nationellt.csv" in hub.status.text(), timeout=20_000)
    assert ",Malmö,12," in out.read_text(encoding="utf-8")
    actions = on_worker(lambda: [e.action for e in w.world.b.audit.entries()])
    assert actions.count("national.receive") == 1 and actions[-1] == "national.release"
    hub.until.setDate(QDate(2025, 6, 30))  # a half-year: no report of it, and periods never mix
    qtbot.mouseClick(hub.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: hub.status.property("tone") == "error", timeout=20_000)
    assert "2025-01-01 – 2025-12-31" in hub.status.text()


def test_research_extract_dialog(qtbot: QtBot, gui_world: GuiWorld, tmp_path: Path) -> None:
    w = gui_world
    on_worker(lambda: _fill(w.world.a))
    dialog = ResearchExtractDialog(w.sa, QDate(2025, 1, 1), QDate(2025, 12, 31))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("Vägar ut (fiktivt)")
    dialog.purpose.setPlainText("Att lära av hur det går efter avhopp (fiktivt).")
    dialog.ethics.setText("Dnr 2026-00000-01 (fiktivt)")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.project.count() == 1, timeout=10_000)
    assert dialog.write.isEnabled() and dialog.status.text() == "Projektet lades till."
    out = tmp_path / "uttag.csv"
    dialog.write_to(out)
    qtbot.waitUntil(lambda: "uttag.csv" in dialog.status.text(), timeout=20_000)
    assert dialog.status.text().startswith("12 ärenden skrevs till uttag.csv")
    assert "# ethics approval: Dnr 2026-00000-01 (fiktivt)" in out.read_text(encoding="utf-8")
    refused = tmp_path / "litet.csv"
    dialog.since.setDate(QDate(2024, 1, 1))
    dialog.until.setDate(QDate(2024, 12, 31))
    dialog.write_to(refused)  # no cases that year: refused, with the reason
    qtbot.waitUntil(lambda: dialog.status.property("tone") == "error", timeout=20_000)
    assert not refused.exists() and "2024" in dialog.status.text()
    actions = on_worker(lambda: [e.action for e in w.world.a.audit.entries()])
    assert actions.count("research.extract") == 1 and "research.project_add" in actions
