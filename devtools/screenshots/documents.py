"""Screenshots of documents and extracts (called from cases.py): the viewer showing a fictional
PDF from memory, the extract dialog with its sekretessprövning, and the first page of the
extract it makes (the PDF turned into PNG with pdftoppm, when poppler-utils is installed),
and the editable list of grounds.
Fictional demo data only."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtTest import QTest

from storage.casefile.documents import add_document, document_content, documents
from storage.extract.model import Decision

PLAN = (
    "Genomförandeplan (fiktiv demo)",
    "",
    "Mål: eget boende i ny kommun, sysselsättning och stöd i att lämna nätverket.",
    "Insatser: samtalsstöd varannan vecka, skuldsanering, kontakt med arbetsförmedlingen.",
    "Uppföljning: efter sex och tolv månader, eller tidigare vid förändrad hotbild.",
    "",
    "Underskrift av den enskilde och av handläggaren finns i pappersakten (fiktivt).",
)


def plan_pdf() -> bytes:
    """A one-page fictional plan, drawn with QPdfWriter into memory."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(25, 25, 25, 25),
            QPageLayout.Unit.Millimeter,
        )
    )
    painter = QPainter(writer)
    width = writer.pageLayout().paintRectPixels(300).width()
    y = 0.0
    for index, line in enumerate(PLAN):
        font = QFont("DejaVu Sans", 16 if index == 0 else 11)
        font.setBold(index == 0)
        painter.setFont(font)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        rect = painter.boundingRect(QRectF(0, y, width, 2000), flags, line or " ")
        painter.drawText(rect, flags, line)
        y += rect.height() + 30
    painter.end()
    buffer.close()
    return bytes(data.data())


def document_and_extract_shots(
    out: Path, window: Any, view: Any, shoot: Any, wait_until: Any, on_worker: Any
) -> None:
    store = view.session.store
    case_id = view.case_id
    pdf = plan_pdf()
    on_worker(
        lambda: add_document(
            store, case_id, title="Genomförandeplan", filename="plan.pdf", content=pdf
        )
    )
    tab = view.documents
    view.show_tab(tab)
    doc = next(d for d in on_worker(lambda: documents(store, case_id)) if d.filename == "plan.pdf")
    content = on_worker(lambda: document_content(store, doc.id))  # audited, as Visa does
    tab._show_content(doc, content)
    wait_until(lambda: tab.viewer is not None and tab.viewer.isVisible())
    QTest.qWait(300)
    shoot(tab.viewer, out, "document-viewer-pdf")
    tab.viewer.reject()

    dialog = view.open_extract()
    wait_until(lambda: dialog.table.rowCount() > 0)
    dialog.recipient.setText("Den enskilde själv")
    dialog.reason.setText("Begäran om att ta del av akten")
    journal_items = [i for i in dialog.items if i.kind == "journal"]
    if journal_items:
        dialog.set_decision(journal_items[-1].key, Decision.WITHHOLD, "OSL 26 kap. 1 §")
    QTest.qWait(200)
    shoot(dialog, out, "extract-1-dialog")
    with tempfile.TemporaryDirectory(prefix="utvag-shots-") as tmp:
        target = Path(tmp) / "utdrag.pdf"
        dialog.save_to(target)
        wait_until(lambda: dialog.last_sha256 is not None)
        if shutil.which("pdftoppm"):
            pages = ["-f", "1", "-l", "2"]
            png = ["-png", str(target), str(out / "extract-2-page")]
            subprocess.run(["pdftoppm", "-r", "80", *pages, *png], check=True)
    grounds = dialog.edit_grounds()
    wait_until(lambda: grounds.table.rowCount() > 0)
    QTest.qWait(200)
    shoot(grounds, out, "extract-3-grounds")
    grounds.reject()
    dialog.reject()
