"""An extract on paper: the pages of ui/extract/layout.py painted into a PDF in memory
(QPdfWriter into a QBuffer) or on a printer (QPrinter), never through a temp file.

``render_pdf(extract, ground_texts) -> bytes`` and ``print_to(printer, extract,
ground_texts) -> bytes`` (paints the pages on the printer and returns the PDF of the same
pages, whose SHA-256 the audit entry names). Every page has a header (what the document is,
case number, recipient, date, the red SEKRETESS box) and a footer (who made it, "Sida x av
y"). Text goes through Qt translation (context "Extract"); the caller installs the
translators (the GUI has them; ``utvag extract`` installs them while it renders).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QPointF,
    QRectF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
)

from storage.extract.model import Extract
from ui.extract.layout import (
    BOX,
    GREY,
    MARGIN_MM,
    PAGE_H_MM,
    PAGE_W_MM,
    RED,
    REF_DPI,
    Page,
    ensure_app,
    font,
    layout,
    mm,
    title,
    writer,
)

__all__ = ["ensure_app", "layout", "print_to", "render_pdf"]


def _header_footer(p: QPainter, extract: Extract, number: int, total: int) -> None:
    left, right = mm(MARGIN_MM[0]), mm(PAGE_W_MM - MARGIN_MM[2])
    width = right - left
    p.setPen(QColor("black"))
    p.setFont(font(9, bold=True))
    top = mm(10)
    flags_l = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    flags_r = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    p.drawText(QRectF(left, top, width * 0.7, mm(6)), flags_l, title(extract))
    p.setFont(font(8))
    cases = ", ".join(extract.case_numbers)
    p.drawText(
        QRectF(left, top + mm(4.5), width * 0.75, mm(6)),
        flags_l,
        QCoreApplication.translate("Extract", "{cases} · Recipient: {recipient} · {date}").format(
            cases=cases, recipient=extract.recipient, date=extract.created_at[:10]
        ),
    )
    mark = QRectF(right - mm(34), top - mm(1), mm(34), mm(8))
    p.setPen(QPen(RED, mm(0.5)))
    p.drawRect(mark)
    p.setFont(font(11, bold=True))
    p.drawText(
        mark, int(Qt.AlignmentFlag.AlignCenter), QCoreApplication.translate("Extract", "SECRECY")
    )
    p.setPen(QPen(GREY, mm(0.2)))
    p.drawLine(QPointF(left, mm(20)), QPointF(right, mm(20)))
    bottom = mm(PAGE_H_MM - 14)
    p.drawLine(QPointF(left, bottom - mm(1.5)), QPointF(right, bottom - mm(1.5)))
    p.setFont(font(7.5))
    p.setPen(GREY)
    p.drawText(
        QRectF(left, bottom, width * 0.7, mm(5)),
        flags_l,
        QCoreApplication.translate(
            "Extract", "Utväg · made by {actor} · covered by secrecy, OSL (2009:400)"
        ).format(actor=extract.actor),
    )
    p.drawText(
        QRectF(left, bottom, width, mm(5)),
        flags_r,
        QCoreApplication.translate("Extract", "Page {page} of {total}").format(
            page=number, total=total
        ),
    )


def _paint(
    p: QPainter, pages: list[Page], extract: Extract, new_page: Callable[[], object]
) -> None:
    for index, page in enumerate(pages):
        if index:
            new_page()
        _header_footer(p, extract, index + 1, len(pages))
        for op in page.ops:
            if op.kind == "text":
                face = font(op.size, op.bold)
                p.setFont(face)
                p.setPen(QColor(op.color))
                ascent = QFontMetricsF(face, p.device()).ascent()
                p.drawText(QPointF(op.x, op.y + ascent), op.text)
            elif op.kind == "box":
                p.fillRect(QRectF(op.x, op.y, op.w, op.h), BOX)
            elif op.kind == "rule":
                p.setPen(QPen(GREY, mm(0.2)))
                p.drawLine(QPointF(op.x, op.y), QPointF(op.x + op.w, op.y))


def render_pdf(extract: Extract, ground_texts: dict[str, str] | None = None) -> bytes:
    """The extract as PDF bytes, made in memory."""
    pages = layout(extract, ground_texts)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pdf = writer(buffer)
    pdf.setTitle(title(extract))
    pdf.setCreator("Utväg")
    painter = QPainter(pdf)
    try:
        _paint(painter, pages, extract, pdf.newPage)
    finally:
        painter.end()
        buffer.close()
    return bytes(data.data())


def print_to(
    device: QPagedPaintDevice, extract: Extract, ground_texts: dict[str, str] | None = None
) -> bytes:
    """Paint the extract on ``device`` (a QPrinter), scaled from A4; return the same pages
    as PDF bytes for the audit entry's hash."""
    pages = layout(extract, ground_texts)
    device.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )
    )
    painter = QPainter(device)
    try:
        scale = device.logicalDpiX() / REF_DPI
        painter.scale(scale, device.logicalDpiY() / REF_DPI)
        _paint(painter, pages, extract, device.newPage)
    finally:
        painter.end()
    return render_pdf(extract, ground_texts)
