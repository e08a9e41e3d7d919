"""*Arkiv › Importera ärenden…* over a real store with demo cases: the file's cases come in with a
progress bar counting them and the case list reloads; a file with an error, or a cancel after
a case was already imported, leaves nothing of the file in the store and says so."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from storage.casefile.case_list import list_case_ids
from storage.records.errors import ImportCancelledError
from tests.case_ui_fixtures import (  # noqa: F401 - fixtures
    CancelAfterFirstCase,
    app_sv,
    demo_session,
    gateway,
    made_store,
    on_worker,
    work,
)
from ui.cases.case_work import CaseWork
from ui.casework.case_import import CaseImport, import_work, progress_text

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "tests" / "fixtures" / "case-import-v1.json"


def import_file(tmp_path: Path, *, broken: bool = False) -> Path:
    """The documented example, with new case numbers made by the store (the demo may hold the
    example's); ``broken``: the second case's personnummer has a wrong control digit."""
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    for case in data["cases"]:
        case.pop("case_number", None)
    if broken:
        data["cases"][1]["person"]["personnummer"] = "19850101-1235"
    path = tmp_path / "gamla-systemet.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def count(store: Any) -> int:
    return len(on_worker(lambda: list_case_ids(store)))


def importer(case_work: CaseWork) -> CaseImport:
    found = case_work.window.casework.case_import  # type: ignore[attr-defined]
    assert isinstance(found, CaseImport)
    return found


def message(qtbot: QtBot, imp: CaseImport) -> str:
    qtbot.waitUntil(lambda: imp.result is not None, timeout=20_000)
    assert isinstance(imp.result, QMessageBox)
    return imp.result.text()


def test_the_file_menu_imports_a_file_and_the_list_reloads(
    qtbot: QtBot,
    tmp_path: Path,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    case_work, store = work
    before, shown = count(store), case_work.case_list.model.rowCount()
    window = case_work.window
    action = window.casework.import_action  # type: ignore[attr-defined]
    assert action in window.menuBar().actions()[0].menu().actions()  # under Arkiv
    assert action.text() == "&Importera ärenden från fil…"
    imp = importer(case_work)
    with qtbot.waitSignal(imp.imported, timeout=20_000) as got:
        imp.import_file(import_file(tmp_path))
    assert got.args == [2]
    assert message(qtbot, imp) == "2 ärenden importerades."
    assert count(store) == before + 2
    qtbot.waitUntil(lambda: case_work.case_list.model.rowCount() == shown + 2, timeout=10_000)


def test_a_file_with_an_error_imports_nothing_and_names_the_field(
    qtbot: QtBot,
    tmp_path: Path,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    case_work, store = work
    before = count(store)
    imp = importer(case_work)
    imp.import_file(import_file(tmp_path, broken=True))
    text = message(qtbot, imp)
    assert text.startswith("cases[1].person.personnummer:")
    assert imp.result is not None and imp.result.icon() == QMessageBox.Icon.Warning
    assert count(store) == before


def test_a_cancel_after_the_first_case_leaves_nothing(
    tmp_path: Path,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    _case_work, store = work
    before = count(store)
    ctx = CancelAfterFirstCase()
    run = import_work(import_file(tmp_path))
    try:
        on_worker(lambda: run(store, ctx))
    except ImportCancelledError:
        pass
    else:
        raise AssertionError("the import was not cancelled")
    assert ctx.reports[-1] == (1, 2)  # one case was in the transaction …
    assert ctx.labels[-1] == progress_text(1, 2) == "Importerar ärenden: 1 av 2 klart…"
    assert progress_text(1200, 10000) == "Importerar ärenden: 1\u00a0200 av 10\u00a0000 klart…"
    # All read in: the search index and the commit follow, which take seconds for a big file.
    assert progress_text(10000, 10000) == "Inlästa ärenden: 10\u00a0000. Sparar…"
    assert count(store) == before  # … and rolled back


def test_the_message_of_a_cancel_is_not_a_warning(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    case_work, _store = work
    imp = importer(case_work)
    imp._failed(ImportCancelledError())
    assert message(qtbot, imp) == "Importen avbröts. Ingenting importerades."
    assert imp.result is not None and imp.result.icon() == QMessageBox.Icon.Information


class NeverCancelled(CancelAfterFirstCase):
    """The same recording test double, never cancelled."""

    @property
    def cancelled(self) -> bool:
        return False


def test_once_every_case_is_in_the_import_can_no_longer_be_cancelled(
    tmp_path: Path,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    """The last report says the cases are being saved and turns *Avbryt* off: the search
    index and the commit that follow do not stop (ui/runtime/operations.py)."""
    _case_work, store = work
    before = count(store)
    ctx = NeverCancelled()
    run = import_work(import_file(tmp_path))
    ids = on_worker(lambda: run(store, ctx))
    assert len(ids) == 2 and count(store) == before + 2
    assert ctx.reports == [(0, 2), (1, 2), (2, 2)]
    assert ctx.cancellable == [True, True, False]
    assert ctx.labels[-1] == "Inlästa ärenden: 2. Sparar…"
