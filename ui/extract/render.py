"""An extract on paper: the same pages as a PDF in memory (QPdfWriter into a QBuffer) or on a
printer (QPrinter), never through a temp file.

``render_pdf(extract) -> bytes`` and ``print_to(printer, extract) -> bytes`` (paints the pages
on the printer and returns the PDF of the same pages, whose SHA-256 the audit entry names).

The layout is made once, in points, before anything is painted: every paragraph is broken
into lines with QTextLayout against a reference PDF device, so the page count is known and
"Sida x av y" is right on every page, and a printer gets exactly the lines the PDF has.
Every page has a header (what the document is, case number, recipient, date, the red
SEKRETESS marking) and a footer (who made it, page x of y). Masked values read "maskerat"
with the ground; a withheld item is a grey box saying what kind of item was withheld and
under which ground — never silently dropped.

Text goes through Qt translation (context "Extract"); the caller installs the translators
(the GUI has them; ``utvag extract`` installs them first).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

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
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextLayout,
)

from storage.extract.model import (
    SECTIONS,
    Block,
    Extract,
    Status,
)

REF_DPI = 1200  # layout units: 1/1200 inch
PT = REF_DPI / 72
PAGE_W_MM, PAGE_H_MM = 210.0, 297.0
MARGIN_MM = (20.0, 26.0, 20.0, 22.0)  # left, top (below the header), right, bottom
RED = QColor("#b00020")
GREY = QColor("#5a6670")
BOX = QColor("#e6e9ec")
FONT = "DejaVu Sans"
_app: object | None = None


def _tr(text: str) -> str:
    """A source string that came from the core (already marked there)."""
    return QCoreApplication.translate("Extract", text)


def ensure_app() -> None:
    """Fonts need a Q(Gui)Application: start an offscreen one when none runs (the CLI)."""
    global _app
    if QGuiApplication.instance() is None:
        from PySide6.QtWidgets import QApplication

        _app = QApplication(["utvag-extract", "-platform", "offscreen"])


def _font(size: float, bold: bool = False) -> QFont:
    font = QFont(FONT)
    font.setPointSizeF(size)
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


@dataclass
class _Op:
    kind: str  # "text", "box", "rule"
    x: float
    y: float
    w: float = 0.0
    h: float = 0.0
    text: str = ""
    size: float = 9.0
    bold: bool = False
    color: str = "#000000"


@dataclass
class _Page:
    ops: list[_Op] = field(default_factory=list)


def _mm(value: float) -> float:
    return value / 25.4 * REF_DPI


class _Layout:
    """Lays the extract out on A4 pages in 1/1200 inch units."""

    def __init__(self, device: QPdfWriter) -> None:
        self.device = device
        self.left, self.top = _mm(MARGIN_MM[0]), _mm(MARGIN_MM[1])
        self.width = _mm(PAGE_W_MM - MARGIN_MM[0] - MARGIN_MM[2])
        self.bottom = _mm(PAGE_H_MM - MARGIN_MM[3])
        self.pages: list[_Page] = [_Page()]
        self.y = self.top

    def _lines(self, text: str, size: float, bold: bool, width: float) -> list[str]:
        out: list[str] = []
        for paragraph in text.split("\n") or [""]:
            layout = QTextLayout(paragraph, _font(size, bold), self.device)
            layout.beginLayout()
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(width)
                out.append(paragraph[line.textStart() : line.textStart() + line.textLength()])
            layout.endLayout()
            if not paragraph:
                out.append("")
        return out

    def line_height(self, size: float, bold: bool = False) -> float:
        return QFontMetricsF(_font(size, bold), self.device).lineSpacing() * 1.15

    def need(self, height: float) -> None:
        if self.y + height > self.bottom and self.y > self.top:
            self.pages.append(_Page())
            self.y = self.top

    def text(
        self,
        text: str,
        size: float = 9.0,
        *,
        bold: bool = False,
        color: str = "#000000",
        indent: float = 0.0,
        keep: float = 0.0,
    ) -> None:
        height = self.line_height(size, bold)
        lines = self._lines(text, size, bold, self.width - indent)
        self.need(height * min(len(lines), 2) + keep)
        for line in lines:
            self.need(height)
            self.pages[-1].ops.append(
                _Op(
                    "text", self.left + indent, self.y, text=line, size=size, bold=bold, color=color
                )
            )
            self.y += height

    def pair(self, label: str, value: str, *, muted: bool = False) -> None:
        size = 9.0
        height = self.line_height(size)
        label_w = self.width * 0.3
        lines = self._lines(value, size, False, self.width - label_w)
        self.need(height * min(len(lines), 2))
        first = True
        for line in lines:
            self.need(height)
            if first:
                self.pages[-1].ops.append(
                    _Op("text", self.left, self.y, text=label, size=size, color="#5a6670")
                )
                first = False
            color = GREY.name() if muted else "#000000"
            self.pages[-1].ops.append(
                _Op("text", self.left + label_w, self.y, text=line, size=size, color=color)
            )
            self.y += height

    def box(self, text: str) -> None:
        size = 9.0
        pad = _mm(1.5)
        height = self.line_height(size)
        lines = self._lines(text, size, False, self.width - 2 * pad)
        total = height * len(lines) + 2 * pad
        self.need(total)
        self.pages[-1].ops.append(_Op("box", self.left, self.y, self.width, total))
        y = self.y + pad
        for line in lines:
            self.pages[-1].ops.append(
                _Op("text", self.left + pad, y, text=line, size=size, color="#333333")
            )
            y += height
        self.y += total + _mm(1.5)

    def rule(self) -> None:
        self.pages[-1].ops.append(_Op("rule", self.left, self.y, self.width))
        self.y += _mm(2)

    def gap(self, mm: float) -> None:
        self.y += _mm(mm)


def _title(extract: Extract) -> str:
    return (
        QCoreApplication.translate("Extract", "Register extract (GDPR art. 15)")
        if extract.kind == "register"
        else QCoreApplication.translate("Extract", "Extract from a personal file")
    )


def _masked(ground: str | None) -> str:
    return (
        QCoreApplication.translate("Extract", "masked ({ground})").format(ground=ground)
        if ground
        else QCoreApplication.translate("Extract", "masked")
    )


def _withheld(block: Block) -> str:
    kind = (
        _tr(block.kind_label) if block.kind_label else QCoreApplication.translate("Extract", "Item")
    )
    return QCoreApplication.translate(
        "Extract", "Withheld from disclosure: {kind}, {heading}. Ground: {ground}."
    ).format(kind=kind, heading=block.heading, ground=block.ground or "–")


def _first_page(lay: _Layout, extract: Extract, ground_texts: dict[str, str]) -> None:
    lay.text(_title(extract), 16, bold=True)
    lay.gap(2)
    lay.pair(QCoreApplication.translate("Extract", "Recipient"), extract.recipient)
    lay.pair(QCoreApplication.translate("Extract", "Purpose"), extract.reason)
    lay.pair(
        QCoreApplication.translate("Extract", "Made"),
        f"{extract.created_at[:10]} · {extract.actor}",
    )
    period = QCoreApplication.translate("Extract", "the whole file")
    if extract.start or extract.end:
        period = f"{extract.start or '…'} – {extract.end or '…'}"
    lay.pair(QCoreApplication.translate("Extract", "Period"), period)
    lay.pair(QCoreApplication.translate("Extract", "Cases"), ", ".join(extract.case_numbers))
    lay.pair(
        QCoreApplication.translate("Extract", "Sections"),
        ", ".join(_tr(SECTIONS[s]) for s in extract.sections),
    )
    lay.gap(2)
    lay.text(
        QCoreApplication.translate(
            "Extract",
            "This extract contains information covered by secrecy (sekretess). Parts marked "
            "“masked” or “withheld” were reviewed and are not disclosed, on the ground given.",
        ),
        8,
        color=GREY.name(),
    )
    if extract.grounds:
        lay.gap(2)
        lay.text(QCoreApplication.translate("Extract", "Grounds cited"), 10, bold=True)
        for label in extract.grounds:
            lay.pair(label, ground_texts.get(label, ""))
    lay.gap(3)


def _block(lay: _Layout, block: Block) -> None:
    if block.status is Status.WITHHELD:
        lay.box(_withheld(block))
        return
    lay.text(block.heading, 9.5, bold=True, keep=lay.line_height(9))
    for line in block.lines:
        if line.status is Status.SHOWN:
            lay.pair(_tr(line.label), line.value)
        elif line.status is Status.MASKED:
            lay.pair(_tr(line.label), _masked(line.ground), muted=True)
        else:
            lay.pair(
                _tr(line.label),
                QCoreApplication.translate("Extract", "withheld ({ground})").format(
                    ground=line.ground
                ),
                muted=True,
            )
    if block.body is not None:
        if block.status is Status.MASKED:
            lay.text(_masked(block.ground), 9, color=GREY.name(), indent=_mm(4))
        else:
            lay.text(block.body, 9, indent=_mm(4))
    lay.gap(1.5)


def layout(extract: Extract, ground_texts: dict[str, str] | None = None) -> list[_Page]:
    """The pages of ``extract`` (see the module docstring)."""
    ensure_app()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    reference = _writer(buffer)  # measuring only: nothing is painted on it
    lay = _Layout(reference)
    _first_page(lay, extract, ground_texts or {})
    for case in extract.cases:
        lay.need(_mm(30))
        lay.text(
            QCoreApplication.translate("Extract", "Case {number}").format(number=case.case_number),
            13,
            bold=True,
        )
        lay.rule()
        for section in case.sections:
            lay.text(_tr(SECTIONS[section.code]), 11, bold=True, keep=_mm(12))
            if not section.blocks:
                lay.text(
                    QCoreApplication.translate("Extract", "Nothing recorded."), 9, color=GREY.name()
                )
            for block in section.blocks:
                _block(lay, block)
            lay.gap(2)
    buffer.close()
    return lay.pages


def _writer(buffer: QBuffer) -> QPdfWriter:
    writer = QPdfWriter(buffer)
    writer.setResolution(REF_DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )
    )
    return writer


def _header_footer(p: QPainter, extract: Extract, number: int, total: int) -> None:
    left, right = _mm(MARGIN_MM[0]), _mm(PAGE_W_MM - MARGIN_MM[2])
    width = right - left
    p.setPen(QColor("black"))
    p.setFont(_font(9, bold=True))
    top = _mm(10)
    flags_l = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    flags_r = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    p.drawText(QRectF(left, top, width * 0.7, _mm(6)), flags_l, _title(extract))
    p.setFont(_font(8))
    cases = ", ".join(extract.case_numbers)
    p.drawText(
        QRectF(left, top + _mm(4.5), width * 0.75, _mm(6)),
        flags_l,
        QCoreApplication.translate("Extract", "{cases} · Recipient: {recipient} · {date}").format(
            cases=cases, recipient=extract.recipient, date=extract.created_at[:10]
        ),
    )
    mark = QRectF(right - _mm(34), top - _mm(1), _mm(34), _mm(8))
    p.setPen(QPen(RED, _mm(0.5)))
    p.drawRect(mark)
    p.setFont(_font(11, bold=True))
    p.drawText(
        mark, int(Qt.AlignmentFlag.AlignCenter), QCoreApplication.translate("Extract", "SECRECY")
    )
    p.setPen(QPen(GREY, _mm(0.2)))
    p.drawLine(QPointF(left, _mm(20)), QPointF(right, _mm(20)))
    bottom = _mm(PAGE_H_MM - 14)
    p.drawLine(QPointF(left, bottom - _mm(1.5)), QPointF(right, bottom - _mm(1.5)))
    p.setFont(_font(7.5))
    p.setPen(GREY)
    p.drawText(
        QRectF(left, bottom, width * 0.7, _mm(5)),
        flags_l,
        QCoreApplication.translate(
            "Extract", "Utväg · made by {actor} · covered by secrecy, OSL (2009:400)"
        ).format(actor=extract.actor),
    )
    p.drawText(
        QRectF(left, bottom, width, _mm(5)),
        flags_r,
        QCoreApplication.translate("Extract", "Page {page} of {total}").format(
            page=number, total=total
        ),
    )


def _paint(
    p: QPainter, pages: list[_Page], extract: Extract, new_page: Callable[[], object]
) -> None:
    for index, page in enumerate(pages):
        if index:
            new_page()
        _header_footer(p, extract, index + 1, len(pages))
        for op in page.ops:
            if op.kind == "text":
                font = _font(op.size, op.bold)
                p.setFont(font)
                p.setPen(QColor(op.color))
                ascent = QFontMetricsF(font, p.device()).ascent()
                p.drawText(QPointF(op.x, op.y + ascent), op.text)
            elif op.kind == "box":
                p.fillRect(QRectF(op.x, op.y, op.w, op.h), BOX)
            elif op.kind == "rule":
                p.setPen(QPen(GREY, _mm(0.2)))
                p.drawLine(QPointF(op.x, op.y), QPointF(op.x + op.w, op.y))


def render_pdf(extract: Extract, ground_texts: dict[str, str] | None = None) -> bytes:
    """The extract as PDF bytes, made in memory."""
    pages = layout(extract, ground_texts)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _writer(buffer)
    writer.setTitle(_title(extract))
    writer.setCreator("Utväg")
    painter = QPainter(writer)
    try:
        _paint(painter, pages, extract, writer.newPage)
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
