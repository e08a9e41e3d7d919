"""Screenshots of the tables of needs, methods and outcomes, the research extract, the
national report dialog and the coordinator window (docs/national-report.md). Fictional
data only: needs assessments and method-bound interventions for the statistics cases of
devtools/screenshots/data.py, and a report sent from the demo store to Lund, which plays
the coordinator."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate

from devtools.screenshots.harness import on_worker, shoot, wait_until
from storage.casefile import interventions
from storage.caseplan import needs
from storage.records.knowledge import NeedDomain
from storage.registers import methods
from storage.vault.store import Store
from ui.knowledge.coordinator_view import CoordinatorView
from ui.knowledge.national_dialog import NationalReportDialog
from ui.knowledge.research_dialog import ResearchExtractDialog
from ui.knowledge.stats_view import StatsView

LOW = {d.value: "low" for d in NeedDomain}


def knowledge_cases(store: Store) -> None:
    """An intake assessment for every non-demo case of this year (housing and occupation
    rated high for most, mental health for some), a reassessment with less need for two
    thirds, and individual placement and support (IPS) for every other one."""
    today = dt.date.today()
    ips = methods.method_by_code(store, "ips")
    rows = store.conn.execute(
        "SELECT id, opened_on FROM cases WHERE demo = 0 AND opened_on >= ? ORDER BY id",
        (dt.date(today.year, 1, 1).isoformat(),),
    ).fetchall()
    for i, (case_id, opened) in enumerate(rows):
        day = dt.date.fromisoformat(opened)
        high = {"housing": "high", "occupation": "high" if i % 4 else "moderate"}
        if i % 3 == 0:
            high["mental_health"] = "acute"
        needs.add_needs_assessment(
            store, case_id, assessed_on=day, occasion="intake", ratings={**LOW, **high}
        )
        later = day + dt.timedelta(days=45)
        if i % 3 != 2 and later <= today:
            needs.add_needs_assessment(
                store,
                case_id,
                assessed_on=later,
                occasion="reassessment",
                ratings={**LOW, "occupation": high["occupation"]},
            )
        if i % 2 == 0 and ips is not None:
            interventions.add_intervention(
                store, case_id, type="occupation", started_on=day, method_id=ips.id
            )


def knowledge_shots(out: Path, session: Any, lund_session: Any, store: Store, tmp: Path) -> None:
    on_worker(lambda: knowledge_cases(store))
    view = StatsView(session)
    view.since.setDate(QDate(dt.date.today().year, 1, 1))
    view.compute()
    wait_until(lambda: view.reports is not None)
    view.tabs.setCurrentWidget(view.knowledge)
    view.knowledge.list.setCurrentRow(0)
    view.knowledge.view.setFocus()
    shoot(view, out, "stats-4-knowledge")
    research = ResearchExtractDialog(session, view.since.date(), view.until.date())
    research.name.setText("Vägar ut (fiktivt projekt)")
    research.purpose.setPlainText("Att följa hur det går för avhoppare efter ett och två år.")
    research.ethics.setText("Dnr 2026-00000-01 (fiktivt)")
    research.add_project()
    wait_until(lambda: research.project.count() == 1)
    research.status.clear()
    research.status.setProperty("tone", "")
    research.write_to(tmp / "forskningsuttag.csv")
    wait_until(lambda: research.status.property("tone") in ("ok", "error"))
    shoot(research, out, "research-1-extract")
    research.close()
    dialog = NationalReportDialog(
        session, view.since.date().toString("yyyy-MM-dd"), view.until.date().toString("yyyy-MM-dd")
    )
    wait_until(lambda: dialog.coordinator.count() > 0)
    dialog.coordinator.setCurrentIndex(
        next(
            i for i in range(dialog.coordinator.count()) if "Lund" in dialog.coordinator.itemText(i)
        )
    )
    bundle = tmp / "nationell-rapport.utvag"
    dialog.send_to(bundle)
    wait_until(lambda: bundle.name in dialog.status.text())
    shoot(dialog, out, "national-1-report")
    dialog.close()
    view.close()
    hub = CoordinatorView(lund_session)
    wait_until(lambda: hub.reports.count() > 0)
    hub.receive(bundle)
    wait_until(lambda: "Exempelkommun" in hub.reports.item(0).text())
    report_start = view.since.date()
    hub.since.setDate(report_start)
    hub.until.setDate(QDate(report_start.year(), 12, 31))
    hub.merge()
    wait_until(lambda: hub.merged is not None or hub.status.property("tone") == "error")
    if hub.merged is not None:
        keys = [t.key for t in hub.tables.tables]
        hub.tables.list.setCurrentRow(keys.index("new.needs") if "new.needs" in keys else 0)
    shoot(hub, out, "national-2-coordinator")
    hub.close()
