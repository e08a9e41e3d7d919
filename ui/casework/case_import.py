"""*Arkiv › Importera ärenden…*: case files from another system, in the case import format.

The file (docs/case-import.md) is read and imported on the store worker in one transaction
(``storage.case_import.reader.import_file``), with a progress bar that counts the cases and
*Avbryt*: a cancel, like any error in the file, leaves nothing of it in the store. The error
names the field by its path in the file; the result says how many cases came in, and the case
list reloads (``CaseworkMenu.storeChanged``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from storage.case_import.reader import all_read, import_file
from storage.records.errors import ImportCancelledError
from ui.kit import labels
from ui.kit.dialogs import info, open_path
from ui.runtime.error_dialog import error_text
from ui.runtime.session_api import SessionAPI


def progress_text(done: int, total: int) -> str:
    """The progress bar's label: how many of the file's cases are in, and once all are, that
    they are being saved (the search index and the commit take a few seconds for a large
    file). Translated; the same words for any count, so no plural forms."""
    if all_read(done, total):
        text = QCoreApplication.translate("CaseImport", "Cases read in: {total}. Saving…")
    else:
        text = QCoreApplication.translate("CaseImport", "Importing cases: {done} of {total} done…")
    return text.format(done=labels.number(done), total=labels.number(total))


def import_work(path: Path) -> Callable[[Any, Any], list[int]]:
    """The work for the store worker: ``work(store, ctx)`` imports ``path``, reports each case
    to ``ctx`` and stops (rolling everything back) once ``ctx.cancelled``."""

    def work(store: Any, ctx: Any) -> list[int]:
        def progress(done: int, total: int) -> None:
            label = progress_text(done, total)
            ctx.report(done, total, label, cancellable=not all_read(done, total))

        return import_file(store, path, progress=progress, cancelled=lambda: bool(ctx.cancelled))

    return work


class CaseImport(QObject):
    """Chooses a file and imports it; ``imported(count)`` after a successful import."""

    imported = Signal(int)

    def __init__(self, window: QWidget, session: SessionAPI) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.result: QWidget | None = None  # the last message shown (tests read it)

    def choose_file(self) -> None:
        path = open_path(self.window, self.tr("Import cases"), self.tr("Case import file (*.json)"))
        if path is not None:
            self.import_file(path)

    def import_file(self, path: Path) -> int:
        """Start the import of ``path`` on the worker (0 when the store is locked)."""
        if not self.session.is_unlocked:
            return 0
        return self.session.run_with_context(
            self.window,
            import_work(path),
            self._done,
            self._failed,
            progress=True,
            cancellable=True,
            label=self.tr("Reading the file…"),
        )

    def _done(self, ids: list[int]) -> None:
        self.result = info(self.window, self.tr("%n case(s) imported.", "", len(ids)))
        self.imported.emit(len(ids))

    def _failed(self, exc: BaseException) -> None:
        cancelled = isinstance(exc, ImportCancelledError)
        self.result = info(self.window, error_text(exc), warning=not cancelled)
