"""“Skriv ut / utdrag…”: an extract from a case (or, without a case, a registerutdrag for a
personnummer) with its sekretessprövning, saved as PDF or printed.

The caseworker chooses sections and a period, names the recipient and the purpose, and
decides for every protected or third-party item (``storage.extract.build.review_items``,
listed with labels that reveal nothing) to include it, mask it or withhold it with a
ground. The content is built on the store worker (included protected fields through the
audited reveal), rendered on the GUI thread (ui/extract/render.py, in memory), and either
written to the chosen file (atomically, 0600, ``extract.save``) or painted on the printer
chosen in the system print dialog, whose "print to file" choice is off (``extract.print``);
both audit entries name the PDF's SHA-256.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from storage.extract import grounds as grounds_mod
from storage.extract.build import build_extract, review_items
from storage.extract.grounds import Ground
from storage.extract.model import (
    Choice,
    Decision,
    Extract,
    ExtractRequest,
    ReviewItem,
)
from storage.extract.output import record_print, save_extract
from storage.extract.register import PersonCases, person_cases
from storage.vault.store import Store
from ui.extract import render
from ui.extract.grounds_dialog import GroundsDialog
from ui.extract.review_table import ReviewTable
from ui.extract.scope import PeriodRow, SectionsBox
from ui.kit.dialogs import save_path, set_state
from ui.kit.windows import fit_to_screen
from ui.runtime.error_dialog import error_text
from ui.runtime.session_api import SessionAPI


class ExtractDialog(QDialog):
    def __init__(
        self, session: SessionAPI, case_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("extractDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.session = session
        self.case_id = case_id
        self.found: PersonCases | None = None
        self.grounds: list[Ground] = []
        self.ground_texts: dict[str, str] = {}
        self.last_sha256: str | None = None
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setObjectName("hint")
        # who the extract is about: a case, or a personnummer (registerutdrag)
        self.person = QLineEdit(self)
        self.person.setObjectName("extractPersonnummer")
        self.find_button = QPushButton(self)
        self.find_button.setObjectName("extractFindButton")
        self.found_label = QLabel(self)
        self.found_label.setTextFormat(Qt.TextFormat.PlainText)
        self.sections_box = SectionsBox(self)
        self.period = PeriodRow(self)
        self.recipient = QLineEdit(self)
        self.recipient.setObjectName("extractRecipient")
        self.reason = QLineEdit(self)
        self.reason.setObjectName("extractReason")
        self.table = ReviewTable(self)
        self.status = QLabel(self)
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("extractSaveButton")
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("extractPrintButton")
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("extractCloseButton")
        self.grounds_button = QPushButton(self)
        self.grounds_button.setObjectName("extractGroundsButton")
        self.grounds_dialog: GroundsDialog | None = None
        self._labels: dict[str, QLabel] = {}
        who = QFormLayout()
        for widget in (self.person, self.find_button, self.found_label):
            widget.setVisible(case_id is None)  # only a registerutdrag asks for a person
        if case_id is None:
            row = QHBoxLayout()
            row.addWidget(self.person, 1)
            row.addWidget(self.find_button)
            who.addRow(self._label("person"), row)
            who.addRow("", self.found_label)
        form = QFormLayout()
        form.addRow(self._label("period"), self.period)
        form.addRow(self._label("recipient"), self.recipient)
        form.addRow(self._label("reason"), self.reason)
        self.review_title = QLabel(self)
        self.review_title.setObjectName("sectionTitle")
        review_row = QHBoxLayout()  # the review's title, and the list of grounds it uses
        review_row.addWidget(self.review_title, 1)
        review_row.addWidget(self.grounds_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.save_button, self.print_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)  # in reading order, which is also the order of Tab
        layout.addWidget(self.intro)
        layout.addLayout(who)
        layout.addWidget(self.sections_box)
        layout.addLayout(form)
        layout.addLayout(review_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._reload = QTimer(self)
        self._reload.setSingleShot(True)
        self._reload.setInterval(150)
        self._reload.timeout.connect(self.load_items)
        self.sections_box.changed.connect(self._reload.start)
        self.period.changed.connect(self._reload.start)
        self.find_button.clicked.connect(self.find_person)
        self.person.returnPressed.connect(self.find_person)
        self.save_button.clicked.connect(self.choose_file)
        self.print_button.clicked.connect(self.choose_printer)
        self.close_button.clicked.connect(self.reject)
        self.grounds_button.clicked.connect(self.edit_grounds)
        self.recipient.textChanged.connect(self._update_buttons)
        self.reason.textChanged.connect(self._update_buttons)
        self.retranslate()
        self._set_tab_order()
        fit_to_screen(self, 900, 680)
        session.guard.track_dialog(self)
        session.run(self, self._grounds, self._grounds_loaded, progress=False)

    def _label(self, key: str) -> QLabel:
        label = QLabel(self)
        self._labels[key] = label
        return label

    def retranslate(self) -> None:
        register = self.case_id is None
        self.setWindowTitle(self.tr("Register extract") if register else self.tr("Print / extract"))
        self.intro.setText(
            self.tr(
                "Everything about one person in this store (GDPR art. 15). Every protected or "
                "third-party item is reviewed below: include it, mask it or withhold it with "
                "a ground. Withheld parts are shown as withheld in the extract."
            )
            if register
            else self.tr(
                "Choose the parts of the case file and the period. Every protected or "
                "third-party item is reviewed below: include it, mask it or withhold it with "
                "a ground. Withheld parts are shown as withheld in the extract."
            )
        )
        self._labels.get("person", QLabel()).setText(self.tr("Personnummer:"))
        self._labels["period"].setText(self.tr("Period:"))
        self._labels["recipient"].setText(self.tr("Recipient:"))
        self._labels["reason"].setText(self.tr("Purpose:"))
        self.person.setAccessibleName(self.tr("Personnummer"))
        self.person.setPlaceholderText(self.tr("YYYYMMDD-NNNN"))
        self.find_button.setText(self.tr("&Find cases"))
        self.sections_box.retranslate()
        self.period.retranslate()
        self.recipient.setAccessibleName(self.tr("Recipient"))
        self.recipient.setPlaceholderText(self.tr("E.g. the person himself or herself"))
        self.reason.setAccessibleName(self.tr("Purpose"))
        self.reason.setPlaceholderText(self.tr("E.g. request for access to the file"))
        self.review_title.setText(self.tr("Secrecy review (sekretessprövning)"))
        self.table.retranslate()
        self.save_button.setText(self.tr("&Save as PDF…"))
        self.print_button.setText(self.tr("&Print…"))
        self.close_button.setText(self.tr("Close"))
        self.grounds_button.setText(self.tr("&Grounds…"))
        self._update_buttons()

    def edit_grounds(self) -> GroundsDialog:
        """The editable list of grounds; when it closes, the table offers what it holds."""
        dialog = GroundsDialog(self.session, self)
        dialog.finished.connect(
            lambda _r: self.session.run(self, self._grounds, self._grounds_loaded, progress=False)
        )
        self.grounds_dialog = dialog
        dialog.open()
        return dialog

    # ------------------------------------------------------------------ loading
    @staticmethod
    def _grounds(store: Store) -> list[Ground]:
        return grounds_mod.grounds(store, active_only=False)

    def _grounds_loaded(self, found: list[Ground]) -> None:
        self.grounds = [g for g in found if g.active]
        self.ground_texts = {g.label: g.description for g in found}
        if self.case_id is not None or self.found is not None:
            self.load_items()

    def request(self) -> ExtractRequest | None:
        """The request as the form reads now (``None`` until there is a case)."""
        if self.case_id is not None:
            case_ids: tuple[int, ...] = (self.case_id,)
            subjects: frozenset[int] = frozenset()
            kind = "case"
        elif self.found is not None:
            case_ids, subjects, kind = self.found.case_ids, self.found.person_ids, "register"
        else:
            return None
        start, end = self.period.period()
        return ExtractRequest(
            case_ids=case_ids,
            sections=self.sections_box.chosen(),
            recipient=self.recipient.text(),
            reason=self.reason.text(),
            start=start,
            end=end,
            choices=self.choices(),
            kind=kind,
            subject_person_ids=subjects,
        )

    def find_person(self) -> None:
        number = self.person.text().strip()
        if not number:
            return
        self.session.run(
            self,
            lambda store: person_cases(store, number),
            self._person_found,
            self._failed,
            label=self.tr("Looking for the person's cases…"),
        )

    def _person_found(self, found: PersonCases) -> None:
        self.found = found
        self.found_label.setText(
            self.tr("%n case(s) in this store are about this person.", "", len(found.case_ids))
        )
        self.load_items()

    def load_items(self) -> None:
        request = self.request()
        if request is None or not request.sections:
            self._show_items([])
            return
        probe = replace(request, recipient="-", reason="-", choices={})
        self.session.run(
            self,
            lambda store: review_items(store, probe),
            self._show_items,
            self._failed,
            progress=False,
        )

    def _show_items(self, items: list[ReviewItem]) -> None:
        self.table.show_items(items, self.grounds, cases=self.case_id is None)
        self._set_tab_order()
        if not items:
            self.status.setText(self.tr("Nothing in these parts needs a secrecy review."))
        else:
            self.status.clear()
        self._update_buttons()

    @property
    def items(self) -> list[ReviewItem]:
        return self.table.review_items

    def _set_tab_order(self) -> None:
        """Tab in reading order: the form, the grounds, the decisions row by row, the buttons."""
        chain: list[QWidget] = [self.reason, self.grounds_button, self.table]
        chain += [*self.table.widgets(), self.save_button, self.print_button, self.close_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def choices(self) -> dict[str, Choice]:
        return self.table.choices()

    def set_decision(self, key: str, decision: Decision, ground_label: str | None = None) -> None:
        """Choose for one item as the caseworker would in its row (used by tests)."""
        self.table.set_decision(key, decision, ground_label)

    def _update_buttons(self) -> None:
        ready = (
            bool(self.recipient.text().strip())
            and bool(self.reason.text().strip())
            and (self.case_id is not None or self.found is not None)
        )
        self.save_button.setEnabled(ready)
        self.print_button.setEnabled(ready)

    # ------------------------------------------------------------------ output
    def _default_name(self) -> str:
        if self.case_id is not None and self.items:
            return f"utdrag-{self.items[0].case_number}.pdf"
        return "registerutdrag.pdf" if self.case_id is None else "utdrag.pdf"

    def choose_file(self) -> None:
        path = save_path(
            self, self.tr("Save the extract"), self._default_name(), self.tr("PDF file (*.pdf)")
        )
        if path is not None and shiboken6.isValid(self) and self.session.is_unlocked:
            self.save_to(path)

    def save_to(self, path: Path) -> None:
        """Build (worker), render (here, in memory), write and audit (worker)."""
        request = self.request()
        if request is None:
            return
        self.session.run(
            self,
            lambda store: build_extract(store, request),
            lambda extract: self._write(extract, path),
            self._failed,
            label=self.tr("Making the extract…"),
        )

    def _write(self, extract: Extract, path: Path) -> None:
        if not self.session.is_unlocked:
            return
        pdf = render.render_pdf(extract, self.ground_texts)
        self.session.run(
            self,
            lambda store: save_extract(store, extract, pdf, path),
            self._saved,
            self._failed,
            label=self.tr("Saving the extract…"),
        )

    def _saved(self, result: Any) -> None:
        self.last_sha256 = result.sha256
        self.status.setText(
            self.tr("Saved to {file} (SHA-256 {hash}…). The file is not encrypted.").format(
                file=result.path.name, hash=result.sha256[:16]
            )
        )
        set_state(self.status, "ok")

    def choose_printer(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, False)
        dialog.setWindowTitle(self.tr("Print the extract"))
        if dialog.exec() == QDialog.DialogCode.Accepted and shiboken6.isValid(self):
            self.print_with(printer)

    def print_with(self, printer: QPrinter) -> None:
        """Build (worker), paint on ``printer`` (here), audit with the PDF's hash (worker)."""
        request = self.request()
        if request is None:
            return
        self.session.run(
            self,
            lambda store: build_extract(store, request),
            lambda extract: self._print(extract, printer),
            self._failed,
            label=self.tr("Making the extract…"),
        )

    def _print(self, extract: Extract, printer: QPrinter) -> None:
        if not self.session.is_unlocked:
            return
        pdf = render.print_to(printer, extract, self.ground_texts)
        self.session.run(
            self,
            lambda store: record_print(store, extract, pdf),
            self._printed,
            self._failed,
            progress=False,
        )

    def _printed(self, result: Any) -> None:
        self.last_sha256 = result.sha256
        self.status.setText(
            self.tr("Sent to the printer (SHA-256 {hash}…).").format(hash=result.sha256[:16])
        )
        set_state(self.status, "ok")

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(error_text(exc))
        set_state(self.status, "error")

    def clear_for_lock(self) -> None:
        self.table.clear_rows()
        self.person.clear()
        self.found = None
