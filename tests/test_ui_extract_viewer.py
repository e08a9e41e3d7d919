"""The document viewer (PDF pages, images, text from memory; printing audited) and the extract
dialog (sekretessprövning in the table, saved as PDF and printed, both audited), with real
stores, real widgets offscreen and QPrinter in PDF mode writing to a path in tmp."""

from __future__ import annotations

import hashlib
import re
import secrets
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from storage.casefile import documents, journal
from storage.extract.model import Decision
from tests.case_ui_fixtures import (  # noqa: F401 - fixtures
    app_sv,
    demo_session,
    gateway,
    made_store,
    on_worker,
    open_case_with_principal,
    work,
)
from tests.pdf_fixtures import make_pdf
from tests.test_ui_case_view import show
from ui.cases.case_work import CaseWork
from ui.viewer.document_viewer import DocumentViewer


def pdf_text(path: Path) -> str:
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return unicodedata.normalize("NFKC", out)


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def actions(store: Any, action: str) -> list[Any]:
    return list(on_worker(lambda: store.audit.entries(action=action)))


def test_pdf_is_viewed_from_memory_paged_zoomed_and_printed(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
    tmp_path: Path,
) -> None:
    case_work, store = work
    case_id = open_case_with_principal(case_work, qtbot, store)
    word = "Q" + secrets.token_hex(16)
    pdf = make_pdf([["Promemoria", f"Uppgift {word}"], ["Sida två"], ["Sida tre"]])
    doc_id = on_worker(
        lambda: documents.add_document(store, case_id, title="PM", filename="pm.pdf", content=pdf)
    )
    tab = case_work.case_view.documents
    show(qtbot, case_work, tab)
    qtbot.waitUntil(lambda: tab.loaded and tab.model.rowCount() > 0, timeout=10_000)
    row = next(r for r in range(tab.model.rowCount()) if tab.model.record(r).id == doc_id)
    tab.table.selectRow(row)
    assert tab.show_button.isEnabled()
    tab.show_document()
    qtbot.waitUntil(lambda: tab.viewer is not None and tab.viewer.isVisible(), timeout=5000)
    viewer = tab.viewer
    assert isinstance(viewer, DocumentViewer)
    assert viewer.page_count == 3 and "1 av 3" in viewer.position.text()
    first = viewer.image.pixmap().toImage()
    assert not first.isNull() and first.width() > 500
    viewer.next_button.click()
    assert viewer.page_index == 1 and "2 av 3" in viewer.position.text()
    width = viewer.image.pixmap().width()
    viewer.zoom_in.click()
    assert viewer.image.pixmap().width() > width
    assert len(actions(store, "document.open")) >= 1
    out = tmp_path / "printed.pdf"
    tab.print_document(viewer, doc_id, pdf_printer(out))
    qtbot.waitUntil(lambda: out.exists() and "3" in tab.status.text(), timeout=10_000)
    assert [e.details["document_id"] for e in actions(store, "document.print")] == [doc_id]
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+3$", info, re.M), info
    viewer.reject()
    qtbot.waitUntil(lambda: viewer.pages is None, timeout=5000)  # released on close


def test_images_and_windows_1252_text_are_shown(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage
    from PySide6.QtWidgets import QWidget

    holder = QWidget()
    qtbot.addWidget(holder)
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#2f6f8f"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    viewer = DocumentViewer("Bild", "image/png", bytes(data.data()), holder)
    assert viewer.image.pixmap().width() == 40
    viewer.step_zoom(1)
    assert viewer.image.pixmap().width() == 50
    viewer.release()
    text = DocumentViewer("Text", "text/plain", "Åsa i Växjö".encode("cp1252"), holder)
    assert text.text_view is not None and text.text_view.toPlainText() == "Åsa i Växjö"
    broken = DocumentViewer("Trasig", "application/pdf", b"%PDF-1.4 trasig", holder)
    assert "kan inte visas" in broken.image.text() and not broken.print_button.isEnabled()


def test_extract_dialog_reviews_saves_and_prints(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
    tmp_path: Path,
) -> None:
    case_work, store = work
    case_id = open_case_with_principal(case_work, qtbot, store)
    word = "Q" + secrets.token_hex(16)
    on_worker(lambda: journal.add_journal_entry(store, case_id, f"Uppgift om {word}."))
    view = case_work.case_view
    assert view.extract_button.isEnabled()
    dialog = view.open_extract()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=10_000)
    kinds = {i.kind for i in dialog.items}
    assert "subject_identity" in kinds and "journal" in kinds
    assert not dialog.save_button.isEnabled()  # recipient and purpose first
    dialog.recipient.setText("Den enskilde själv")
    dialog.reason.setText("Begäran om partsinsyn")
    assert dialog.save_button.isEnabled()
    newest = max(
        (i for i in dialog.items if i.kind == "journal"), key=lambda i: int(i.key.split(":")[1])
    )
    dialog.set_decision(newest.key, Decision.WITHHOLD, "OSL 26 kap. 1 §")
    assert dialog.choices()[newest.key].ground_id is not None
    out = tmp_path / "out"
    out.mkdir()
    target = out / "utdrag.pdf"
    dialog.save_to(target)
    qtbot.waitUntil(lambda: dialog.last_sha256 is not None, timeout=20_000)
    assert hashlib.sha256(target.read_bytes()).hexdigest() == dialog.last_sha256
    assert target.stat().st_mode & 0o777 == 0o600 and [p.name for p in out.iterdir()] == [
        "utdrag.pdf"
    ]
    text = pdf_text(target)
    assert "Utdrag ur personakt" in text and "SEKRETESS" in text and "Sida 1 av" in text
    assert word not in text and "Undantaget från utlämnande" in text
    [saved] = actions(store, "extract.save")
    assert saved.details["decisions"]["journal"]["withhold"] == 1
    assert saved.details["sha256"] == dialog.last_sha256
    dialog.last_sha256 = None
    printed = tmp_path / "printed.pdf"
    dialog.print_with(pdf_printer(printed))
    qtbot.waitUntil(lambda: dialog.last_sha256 is not None, timeout=20_000)
    [job] = actions(store, "extract.print")
    assert job.details["sha256"] == dialog.last_sha256 and job.details["output"] == "printer"
    assert "Utdrag ur personakt" in pdf_text(printed) and word not in pdf_text(printed)


def test_register_extract_for_a_personnummer(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
    tmp_path: Path,
) -> None:
    case_work, store = work
    number = on_worker(
        lambda: store.conn.execute(
            "SELECT id_number FROM persons WHERE id_number IS NOT NULL LIMIT 1"
        ).fetchone()[0]
    )
    case_work.window.tools.open_register_extract()
    dialog = case_work.window.tools.open["register"]
    dialog.person.setText(number)
    dialog.find_person()
    qtbot.waitUntil(
        lambda: dialog.found is not None and dialog.table.rowCount() > 0, timeout=10_000
    )
    assert "1 ärende" in dialog.found_label.text() or "ärenden" in dialog.found_label.text()
    dialog.recipient.setText("Den registrerade")
    dialog.reason.setText("Registerutdrag enligt artikel 15")
    target = tmp_path / "register.pdf"
    dialog.save_to(target)
    qtbot.waitUntil(lambda: dialog.last_sha256 is not None, timeout=20_000)
    assert "Registerutdrag" in pdf_text(target)
    assert actions(store, "extract.lookup") and actions(store, "extract.save")
    dialog.person.setText("19850202-9808")  # wrong control digit: one clear message
    dialog.find_person()
    qtbot.waitUntil(lambda: "kontrollsiffran" in dialog.status.text(), timeout=5000)


def test_grounds_are_edited_in_the_gui_and_offered_in_the_extract(
    qtbot: QtBot,
    work: tuple[CaseWork, Any],  # noqa: F811
) -> None:
    case_work, store = work
    open_case_with_principal(case_work, qtbot, store)
    extract = case_work.case_view.open_extract()
    assert extract is not None
    qtbot.waitUntil(lambda: extract.table.rowCount() > 0, timeout=10_000)
    dialog = extract.edit_grounds()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 4, timeout=5000)
    assert dialog.table.item(3, 2).text() == "nej"  # SoL (2025:400) is off from the start
    dialog.start_new()
    dialog.save()  # nothing filled in: one clear message, nothing stored
    qtbot.waitUntil(lambda: dialog.status.property("tone") == "error", timeout=5000)
    assert not actions(store, "ground.add")
    dialog.label.setText("Kommunens egen grund (fiktiv)")
    dialog.provision.setText("Fiktiv bestämmelse för testet")
    dialog.description.setPlainText("Bara för testet.")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 5, timeout=5000)
    assert len(actions(store, "ground.add")) == 1
    dialog.table.setCurrentCell(0, 0)
    dialog.active.setChecked(False)  # switch OSL 26 kap. 1 § off
    dialog.save()
    qtbot.waitUntil(lambda: len(actions(store, "ground.update")) == 1, timeout=5000)
    dialog.accept()
    qtbot.waitUntil(
        lambda: "Kommunens egen grund (fiktiv)" in [g.label for g in extract.grounds], timeout=5000
    )
    assert "OSL 26 kap. 1 §" not in [g.label for g in extract.grounds]
