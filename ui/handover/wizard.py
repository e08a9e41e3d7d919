"""The handover wizard: one case, to one verified contact, as a signed and encrypted bundle.

Pages (ui/handover/pages.py): case and receiving unit → legal basis → sections (protected
fields and a fictitious identity off by default, a reason required to include them) →
network conflicts (an explicit acknowledgement when there are any) → validity and file →
export with progress (cancellable while members are read) → bundle id and SHA-256.

Next on the first and third pages runs :func:`sync.handover.exporting.preview_export` on the
store worker — every check that can refuse the export — and only then moves on; the
export itself (:func:`sync.handover.exporting.export_handover`) checks everything again.
Open it with a case id (the case view's Överlämning tab) or without (choose the case).
The default file name says nothing about the case or where it goes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget, QWizard

from storage.casefile.case_list import list_case_ids
from storage.casefile.summaries import case_summaries
from storage.vault.store import Store
from sync.handover.errors import HandoverCancelledError
from sync.handover.exporting import (
    ExportPreview,
    ExportRequest,
    allowed_statuses,
    export_handover,
    preview_export,
)
from sync.trust.contacts import list_contacts
from ui.handover.final_pages import (
    ConflictPage,
    ExportPage,
    FilePage,
)
from ui.handover.pages import (
    BasisPage,
    CasePage,
    HandoverPage,
    SectionsPage,
)
from ui.kit.dialogs import (
    info,
    save_path,
)
from ui.kit.windows import fit_to_screen
from ui.runtime.error_dialog import error_text
from ui.runtime.session_api import SessionAPI

BUNDLE_SUFFIX = ".utvag"
DEFAULT_FILE_NAME = "overlamning.utvag"


def contact_choice(contact: Any) -> tuple[int, str]:
    return contact.id, f"{contact.municipality} — {contact.unit} ({contact.caseworker})"


class HandoverWizard(QWizard):
    exported = Signal(object)  # sync.handover.exporting.ExportResult

    def __init__(
        self, session: SessionAPI, case_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("handoverWizard")
        self.setWindowTitle(self.tr("Hand over a case"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.session = session
        self.case_id = case_id
        self.preview: ExportPreview | None = None
        self.out_path: Path | None = None
        self.export_result: Any = None
        self._checked: object = None
        self._checking = False
        self.case_page = CasePage()
        self.basis_page = BasisPage()
        self.sections_page = SectionsPage()
        self.conflict_page = ConflictPage()
        self.file_page = FilePage()
        self.export_page = ExportPage()
        for page in (
            self.case_page,
            self.basis_page,
            self.sections_page,
            self.conflict_page,
            self.file_page,
            self.export_page,
        ):
            self.addPage(page)
        session.guard.track_dialog(self)
        session.guard.register(self)
        fit_to_screen(self, 900, 600)
        self.load()

    # ------------------------------------------------------------------ loading
    def load(self) -> None:
        case_id = self.case_id

        def work(store: Store) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
            if case_id is not None:
                ids = [case_id]
            else:
                ids = list_case_ids(store, status=allowed_statuses(), order_by="number")
            cases = [(s.case_id, s.label) for s in case_summaries(store, ids)]
            people = [contact_choice(c) for c in list_contacts(store, include_revoked=False)]
            usable = {c.id for c in list_contacts(store, include_revoked=False) if c.usable}
            return cases, [c for c in people if c[0] in usable]

        self.session.run(self, work, self._loaded, progress=False)

    def _loaded(self, result: tuple[list[tuple[int, str]], list[tuple[int, str]]]) -> None:
        cases, contacts = result
        self.case_page.set_choices(cases, contacts)
        self.case_page.case.setEnabled(self.case_id is None)
        if not cases:
            self.case_page.show_problem(
                self.tr(
                    "No case can be handed over now: a case is handed over from akut skydd / "
                    "flytt, genomförande or uppföljning."
                )
            )

    def clear_for_lock(self) -> None:
        self.preview = None
        self.export_result = None
        self.out_path = None

    # ------------------------------------------------------------------ the request
    def request(self, with_choices: bool = True) -> ExportRequest:
        page, sections = self.case_page, self.sections_page
        return ExportRequest(
            case_id=int(page.case.currentData()),
            contact_id=int(page.contact.currentData()),
            sections=sections.sections() if with_choices else None,
            include_protected=with_choices and sections.protected.isChecked(),
            include_fictitious=with_choices and sections.fictitious.isChecked(),
            reason=sections.reason_text() if with_choices else None,
            expires_days=self.file_page.days.value(),
            legal_basis=page.basis.currentData(),
        )

    def checked_or_check(self, page: HandoverPage) -> bool:
        """True when the export checks passed for what the page shows; else start them."""
        request = self.request(with_choices=page is not self.case_page)
        key = (id(page), request)
        if self._checked == key:
            return True
        if self._checking or not self.session.is_unlocked:
            return False
        self._checking = True
        page.show_problem("")
        self.session.run(
            self,
            lambda store: preview_export(store, request),
            lambda preview: self._checked_ok(key, preview),
            lambda exc: self._check_failed(page, exc),
            label=self.tr("Checking the handover…"),
        )
        return False

    def _checked_ok(self, key: object, preview: ExportPreview) -> None:
        self._checking = False
        self.preview = preview
        self._checked = key
        self.next()

    def _check_failed(self, page: HandoverPage, exc: BaseException) -> None:
        self._checking = False
        page.show_problem(error_text(exc))

    def show_message(self, text: str) -> None:
        if text:
            info(self, text, warning=True)

    # ------------------------------------------------------------------ file and export
    def choose_file(self) -> None:
        path = save_path(
            self,
            self.tr("Save the handover bundle"),
            DEFAULT_FILE_NAME,
            self.tr("Utväg bundle (*.utvag)"),
        )
        if path is not None:
            self.set_file(path)

    def set_file(self, path: Path) -> None:
        if path.suffix != BUNDLE_SUFFIX:
            path = path.with_name(path.name + BUNDLE_SUFFIX)
        self.out_path = path
        self.file_page.path.setText(str(path))

    def start_export(self) -> None:
        if self.out_path is None or self.preview is None:
            return
        request, out = self.request(), self.out_path
        acknowledge = self.preview.conflicts.has_conflicts and self.conflict_page.ack.isChecked()
        label = self.tr("Signing and encrypting the bundle…")

        def work(store: Store, ctx: Any) -> Any:
            def progress(done: int, total: int) -> None:
                if ctx.cancelled:
                    raise HandoverCancelledError()
                ctx.report(done, total, label)

            return export_handover(
                store, request, out, acknowledge_conflicts=acknowledge, progress=progress
            )

        self.session.run_with_context(
            self, work, self._exported, self._export_failed, cancellable=True, label=label
        )

    def _exported(self, result: Any) -> None:
        self.export_result = result
        self.export_page.show_result(result)
        self.exported.emit(result)

    def _export_failed(self, exc: BaseException) -> None:
        self.export_page.show_failure(error_text(exc))
