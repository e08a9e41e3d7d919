"""Statistics (hidden cells shown as "–", bar charts, a period off the grid widened with the
reason shown, CSV/PDF export through the checked, recorded and audited save, refusal when
the numbers changed), the statsbidrag pane and checklist, the backup dialog (create with
the passphrase, verify shallow and deep, reminder interval), and that the vocabularies'
Swedish translations are exactly the domain's labels."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from desktop.stats_pdf import render_pdf
from devtools.build_translations import ts_path
from storage.backup.backups import backup_interval
from storage.casefile import (
    cases,
    interventions,
    persons,
)
from storage.statistics.grants import grant_checklist
from tests.case_fixtures import PASS, store_template
from tests.ui_fixtures import app_sv, on_worker
from tests.ui_sync_fixtures import plain_store
from ui.kit import (
    labels,
    vocab,
)
from ui.knowledge.grant_view import GrantChecklistDialog
from ui.knowledge.stats_view import StatsView
from ui.window.backup_dialog import BackupDialog

__all__ = ["app_sv", "plain_store", "store_template"]
D = dt.date


def _fill(store: Any) -> None:
    """Linköping: 12 defectors (8 men, 4 women), 6 with state-grant psychiatry; Motala: 3
    relatives (a small column)."""
    for i in range(12):
        case_id = cases.create_case(
            store,
            case_type="defector",
            home_municipality="Linköping",
            opened_on=D(2025, 2, 1) + dt.timedelta(days=i),
        )
        persons.add_person(
            store,
            case_id,
            name=f"Fiktiv Person {i}",
            birth_year=1990,
            gender="male" if i < 8 else "female",
        )
        if i < 6:
            interventions.add_intervention(
                store,
                case_id,
                type="psychiatry",
                started_on=D(2025, 3, 1),
                cost_sek=1000,
                funding="state_grant",
            )
    for _ in range(3):
        case_id = cases.create_case(
            store, case_type="relative", home_municipality="Motala", opened_on=D(2024, 12, 1)
        )
        persons.add_person(store, case_id, name="Fiktiv Anhörig", birth_year=1985, gender="female")


def _view(qtbot: QtBot, session: Any, store: Any) -> StatsView:
    on_worker(lambda: _fill(store))
    view = StatsView(session, pdf_renderer=render_pdf)
    qtbot.addWidget(view)
    view.show()
    view.since.setDate(QDate(2025, 1, 1))
    view.until.setDate(QDate(2025, 6, 30))
    qtbot.mouseClick(view.compute_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.reports is not None, timeout=10_000)
    return view


def _show(view: StatsView, key: str) -> None:
    pane = view.stats
    pane.list.setCurrentRow(next(i for i, t in enumerate(pane.tables) if t.key == key))


def test_tables_show_suppressed_cells_as_dashes(qtbot: QtBot, plain_store: tuple[Any, Any]) -> None:
    store, session = plain_store
    view = _view(qtbot, session, store)
    _show(view, "active.case_type")
    model = view.stats.model
    assert view.stats.title.text() == "Aktiva ärenden efter ärendetyp"
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "Linköping",
        "Motala",
        "Summa",
    ]
    assert model.headerData(1, Qt.Orientation.Vertical) == "närstående"
    assert model.index(0, 2).data() == "12"  # 12 avhoppare in all
    assert [model.index(1, c).data() for c in range(3)] == ["–", "–", "–"]  # 3 relatives
    tip = model.index(1, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Dold: färre än 5 ärenden")
    chart = view.stats.chart
    assert chart.bars[:2] == [("avhoppare", 12), ("närstående", None)]
    assert "närstående: –" in chart.accessibleDescription()
    assert chart.grab().width() > 0  # paints
    _show(view, "grant_money.type")
    assert model.index(4, 0).data() == view.stats.model.index(4, 2).data()
    assert "6" in model.index(4, 0).data() and "000" in model.index(4, 0).data()
    assert not view.notice.isVisible()  # a period on the grid: nothing to say
    items = [view.municipality.itemText(i) for i in range(view.municipality.count())]
    assert items == ["Alla kommuner", "Linköping", "Motala"]


def test_export_csv_and_pdf_are_audited(
    qtbot: QtBot, plain_store: tuple[Any, Any], tmp_path: Path
) -> None:
    store, session = plain_store
    view = _view(qtbot, session, store)
    csv_file = tmp_path / "statistik.csv"
    view.export_to(csv_file, "csv")
    qtbot.waitUntil(lambda: "statistik.csv" in view.status.text(), timeout=10_000)
    text = csv_file.read_text(encoding="utf-8")
    assert "Hemlig" not in text and "Fiktiv" not in text and ",..," in text
    view.tabs.setCurrentWidget(view.grant)
    pdf_file = tmp_path / "statsbidrag.pdf"
    view.export_to(pdf_file, "pdf")
    qtbot.waitUntil(lambda: "statsbidrag.pdf" in view.status.text(), timeout=20_000)
    assert pdf_file.read_bytes().startswith(b"%PDF")
    actions = on_worker(lambda: [e.action for e in store.audit.entries()])
    assert actions[-2:] == ["stats.export", "grant.export"]
    releases = on_worker(lambda: store.conn.execute("SELECT kind FROM stats_releases").fetchall())
    assert [r[0] for r in releases] == ["stats", "grant"]


def test_a_period_off_the_grid_is_widened_with_the_reason(
    qtbot: QtBot, plain_store: tuple[Any, Any]
) -> None:
    store, session = plain_store
    on_worker(lambda: _fill(store))
    view = StatsView(session, pdf_renderer=render_pdf)
    qtbot.addWidget(view)
    view.show()
    view.since.setDate(QDate(2025, 1, 15))  # mid-January to mid-May: the first half-year
    view.until.setDate(QDate(2025, 5, 15))
    qtbot.mouseClick(view.compute_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.reports is not None, timeout=10_000)
    assert view.notice.isVisible() and view.notice.property("tone") == "warning"
    text = view.notice.text()
    assert "hela kalendermånader, kvartal, halvår och år" in text
    assert "2025-01-15 – 2025-05-15" in text and "2025-01-01 – 2025-06-30" in text
    assert (view.since.date(), view.until.date()) == (QDate(2025, 1, 1), QDate(2025, 6, 30))
    assert view.reports[0].start == D(2025, 1, 1) and view.reports[0].end == D(2025, 6, 30)


def test_export_refused_when_the_numbers_changed(
    qtbot: QtBot, plain_store: tuple[Any, Any], tmp_path: Path
) -> None:
    store, session = plain_store
    view = _view(qtbot, session, store)

    def more() -> None:
        case_id = cases.create_case(
            store, case_type="defector", home_municipality="Linköping", opened_on=D(2025, 3, 3)
        )
        persons.add_person(store, case_id, name="Fiktiv Senare", birth_year=1990, gender="male")

    on_worker(more)
    view.export_to(tmp_path / "statistik.csv", "csv")
    qtbot.waitUntil(lambda: view.status.property("tone") == "error", timeout=10_000)
    assert "Visa statistiken igen" in view.status.text()
    assert not (tmp_path / "statistik.csv").exists()


def test_grant_pane_and_checklist(qtbot: QtBot, plain_store: tuple[Any, Any]) -> None:
    store, session = plain_store
    view = _view(qtbot, session, store)
    pane = view.grant
    assert pane.cases.model().rowCount() == 15 and not pane.checklist_button.isEnabled()
    assert pane.tables.list.count() == 2
    pane.cases.selectRow(0)
    case_id = pane.selected_case()
    assert case_id is not None
    dialog = GrantChecklistDialog(session, case_id)
    qtbot.addWidget(dialog)
    table = dialog.table
    qtbot.waitUntil(lambda: table.model().rowCount() == 6, timeout=5000)
    assert table.model().index(0, 0).data() == "motivation att lämna miljön"
    no, yes = labels.yes_no(False), labels.yes_no(True)  # ui/kit/labels.py's catalogue entries
    assert table.model().index(0, 1).data() == no and dialog.status.property("tone") == "warning"
    table.selectRow(0)
    dialog.note.setPlainText("Samtal 2025-03-02")
    dialog.confirm(True)
    qtbot.waitUntil(lambda: table.model().index(0, 1).data() == yes, timeout=5000)
    assert table.model().index(0, 2).data().startswith("för hand: ")
    assert table.model().index(0, 3).data() == "Samtal 2025-03-02"
    checklist = on_worker(lambda: grant_checklist(store, case_id))
    assert checklist.items[0].met and checklist.items[0].source == "manual"


def test_backup_create_verify_and_interval(
    qtbot: QtBot, plain_store: tuple[Any, Any], tmp_path: Path
) -> None:
    store, session = plain_store
    dialog = BackupDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: bool(dialog.due.text()), timeout=5000)
    assert dialog.due.text().startswith("Ingen säkerhetskopia har gjorts")
    assert not dialog.create_button.isEnabled()
    dialog.passphrase.setText("fel lösenfras")
    dialog.create_to(tmp_path / "fel")
    qtbot.waitUntil(lambda: dialog.status.property("tone") == "error", timeout=20_000)
    assert not (tmp_path / "fel.backup").exists() and dialog.passphrase.text() == ""
    dialog.passphrase.setText(PASS)
    dialog.create_to(tmp_path / "kopia")
    qtbot.waitUntil(lambda: dialog.status.property("tone") == "ok", timeout=30_000)
    assert (tmp_path / "kopia.backup").is_file() and "kopia.backup" in dialog.status.text()
    qtbot.waitUntil(lambda: dialog.due.text().startswith("Senaste säkerhetskopia"), timeout=5000)
    dialog.verify_file(tmp_path / "kopia.backup")
    qtbot.waitUntil(lambda: "kontrollsummorna stämmer" in dialog.status.text(), timeout=20_000)
    dialog.passphrase.setText(PASS)
    dialog.verify_file(tmp_path / "kopia.backup")
    qtbot.waitUntil(lambda: " är hel: " in dialog.status.text(), timeout=30_000)
    dialog.interval.setValue(3)
    dialog.save_interval()
    qtbot.waitUntil(lambda: on_worker(lambda: backup_interval(store)) == 3, timeout=5000)
    session.lock()
    assert dialog.passphrase.text() == "" and dialog.status.text() == ""


def test_extra_vocabularies_translate_to_the_domain_labels() -> None:
    root = ET.parse(ts_path("sv")).getroot()  # noqa: S314 - our own catalogue
    found = {
        (ctx.findtext("name"), msg.findtext("source")): msg.findtext("translation")
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
    }
    for kind, sources in vocab.EXTRA.items():
        for code, source in sources.items():
            assert found[(kind.__name__, source)] == kind(code).label, (kind, code)
    from sync.handover.sections import SECTIONS

    for code, source in vocab.SECTIONS.items():
        assert found[("Section", source)] == SECTIONS[code]
