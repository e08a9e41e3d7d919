"""The extract laid out on A4 pages before anything is painted (ui/extract/render.py paints).

Units are 1/1200 inch. Every paragraph is broken into lines with QTextLayout against a
reference PDF device, so the number of pages is known before the first is painted ("Sida x
av y") and a printer gets exactly the lines the PDF has. ``layout(extract, ground_texts) ->
list[Page]``: each page a list of drawing operations (text at a point, a grey box, a rule).
Masked values read "maskerat (ground)"; a withheld item is a grey box saying what kind of item
was withheld and under which ground — never silently dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextLayout,
)

from storage.extract.model import (
    SECTIONS,
    Block,
    Extract,
    Status,
)

REF_DPI = 1200  # layout units: 1/1200 inch
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


def font(size: float, bold: bool = False) -> QFont:
    font = QFont(FONT)
    font.setPointSizeF(size)
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


@dataclass
class Op:
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
class Page:
    ops: list[Op] = field(default_factory=list)


def mm(value: float) -> float:
    return value / 25.4 * REF_DPI


class _Layout:
    """Lays the extract out on A4 pages in 1/1200 inch units."""

    def __init__(self, device: QPdfWriter) -> None:
        self.device = device
        self.left, self.top = mm(MARGIN_MM[0]), mm(MARGIN_MM[1])
        self.width = mm(PAGE_W_MM - MARGIN_MM[0] - MARGIN_MM[2])
        self.bottom = mm(PAGE_H_MM - MARGIN_MM[3])
        self.pages: list[Page] = [Page()]
        self.y = self.top

    def _lines(self, text: str, size: float, bold: bool, width: float) -> list[str]:
        out: list[str] = []
        for paragraph in text.split("\n") or [""]:
            layout = QTextLayout(paragraph, font(size, bold), self.device)
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
        return QFontMetricsF(font(size, bold), self.device).lineSpacing() * 1.15

    def need(self, height: float) -> None:
        if self.y + height > self.bottom and self.y > self.top:
            self.pages.append(Page())
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
                Op("text", self.left + indent, self.y, text=line, size=size, bold=bold, color=color)
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
                    Op("text", self.left, self.y, text=label, size=size, color="#5a6670")
                )
                first = False
            color = GREY.name() if muted else "#000000"
            self.pages[-1].ops.append(
                Op("text", self.left + label_w, self.y, text=line, size=size, color=color)
            )
            self.y += height

    def box(self, text: str) -> None:
        size = 9.0
        pad = mm(1.5)
        height = self.line_height(size)
        lines = self._lines(text, size, False, self.width - 2 * pad)
        total = height * len(lines) + 2 * pad
        self.need(total)
        self.pages[-1].ops.append(Op("box", self.left, self.y, self.width, total))
        y = self.y + pad
        for line in lines:
            self.pages[-1].ops.append(
                Op("text", self.left + pad, y, text=line, size=size, color="#333333")
            )
            y += height
        self.y += total + mm(1.5)

    def rule(self) -> None:
        self.pages[-1].ops.append(Op("rule", self.left, self.y, self.width))
        self.y += mm(2)

    def gap(self, millimetres: float) -> None:
        self.y += mm(millimetres)


def title(extract: Extract) -> str:
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
    lay.text(title(extract), 16, bold=True)
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
            lay.text(_masked(block.ground), 9, color=GREY.name(), indent=mm(4))
        else:
            lay.text(block.body, 9, indent=mm(4))
    lay.gap(1.5)


def layout(extract: Extract, ground_texts: dict[str, str] | None = None) -> list[Page]:
    """The pages of ``extract`` (see the module docstring)."""
    ensure_app()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    reference = writer(buffer)  # measuring only: nothing is painted on it
    lay = _Layout(reference)
    _first_page(lay, extract, ground_texts or {})
    for case in extract.cases:
        lay.need(mm(30))
        lay.text(
            QCoreApplication.translate("Extract", "Case {number}").format(number=case.case_number),
            13,
            bold=True,
        )
        lay.rule()
        for section in case.sections:
            lay.text(_tr(SECTIONS[section.code]), 11, bold=True, keep=mm(12))
            if not section.blocks:
                lay.text(
                    QCoreApplication.translate("Extract", "Nothing recorded."), 9, color=GREY.name()
                )
            for block in section.blocks:
                _block(lay, block)
            lay.gap(2)
    buffer.close()
    return lay.pages


def writer(buffer: QBuffer) -> QPdfWriter:
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
