"""The PDF report of suppressed statistics, with a bar chart per table (QPdfWriter + QPainter).

``render_pdf(report, heading=None) -> bytes`` takes a
:class:`storage.statistics.tables.StatsReport` or
a :class:`storage.statistics.grants.GrantSummary` (both hold suppressed tables only) and returns the
PDF; save it with :func:`storage.statistics.export.save_export`, which writes it atomically and
audits the export. The PDF is rendered into memory (QBuffer), never to a temp file.

Each table gets a horizontal bar chart of its row totals and the table itself (at most
:data:`MAX_COLUMNS` municipality columns; the CSV has them all). Suppressed values are shown
as ``..`` with no bar. Needs a QGuiApplication: when none runs (the command line), an
offscreen QApplication is started (a QApplication, so a GUI started later in the same
process still works).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from desktop.i18n import translate
from storage.statistics.export import (
    DEMO_MARK,
    SUPPRESSED,
    Printable,
)
from storage.statistics.notices import notices
from storage.statistics.tables import (
    TOTAL_LABEL,
    StatTable,
)

MAX_COLUMNS = 6
DPI = 150
BAR = QColor("#2f6f8f")
GRID = QColor("#b8c4cc")
MUTED = QColor("#5a6670")
_app: object | None = None


def ensure_app() -> None:
    """A Q(Gui)Application must exist for fonts; start an offscreen one if none does."""
    global _app
    if QGuiApplication.instance() is None:
        from PySide6.QtWidgets import QApplication

        _app = QApplication(["utvag-stats", "-platform", "offscreen"])


def _num(value: int | None, unit: str) -> str:
    if value is None:
        return SUPPRESSED
    text = f"{value:,}".replace(",", "\u202f")
    return f"{text} kr" if unit == "sek" and value else text


class _Page:
    """A cursor down the page that starts a new page when the next block does not fit."""

    def __init__(self, writer: QPdfWriter, painter: QPainter) -> None:
        self.writer, self.p = writer, painter
        rect = writer.pageLayout().paintRectPixels(DPI)
        self.width, self.height = float(rect.width()), float(rect.height())
        self.y = 0.0

    def need(self, height: float) -> None:
        if self.y + height > self.height and self.y > 0:
            self.writer.newPage()
            self.y = 0.0

    def text(
        self,
        text: str,
        size: float,
        *,
        bold: bool = False,
        color: QColor | None = None,
        height: float = 1.6,
    ) -> None:
        font = QFont("DejaVu Sans")
        font.setPointSizeF(size)
        font.setBold(bold)
        self.p.setFont(font)
        self.p.setPen(color or QColor("black"))
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        bound = self.p.boundingRect(QRectF(0, 0, self.width, self.height), flags, text)
        line = max(size * DPI / 72 * height, bound.height() + size * DPI / 72 * (height - 1))
        self.need(line)
        self.p.drawText(QRectF(0, self.y, self.width, line), flags, text)
        self.y += line


def _font(painter: QPainter, size: float, bold: bool = False) -> float:
    font = QFont("DejaVu Sans")
    font.setPointSizeF(size)
    font.setBold(bold)
    painter.setFont(font)
    return size * DPI / 72


def _chart(page: _Page, table: StatTable) -> None:
    bars = table.chart()
    unit = table.unit_of(table.chart_column % len(table.columns))
    line = _font(page.p, 7.5) * 1.7
    page.need(line * len(bars) + line)
    label_w, value_w = page.width * 0.32, page.width * 0.16
    bar_w = page.width - label_w - value_w
    top = max((v for _, v in bars if v is not None), default=0) or 1
    left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    for label, value in bars:
        y = page.y
        page.p.setPen(QColor("black"))
        page.p.drawText(QRectF(0, y, label_w - 8, line), left, label)
        if value is not None and value > 0:
            width = bar_w * value / top
            page.p.fillRect(QRectF(label_w, y + line * 0.18, width, line * 0.64), BAR)
        elif value is None:
            page.p.setBrush(QBrush(GRID, Qt.BrushStyle.BDiagPattern))
            page.p.setPen(QPen(GRID))
            page.p.drawRect(QRectF(label_w, y + line * 0.18, bar_w * 0.06, line * 0.64))
            page.p.setBrush(Qt.BrushStyle.NoBrush)
        page.p.setPen(MUTED if value is None else QColor("black"))
        page.p.drawText(QRectF(label_w + bar_w, y, value_w, line), right, _num(value, unit))
        page.y += line
    page.y += line * 0.5


def _grid(page: _Page, table: StatTable) -> None:
    ncols = len(table.columns)
    has_total = table.columns[-1] == TOTAL_LABEL
    data_cols = ncols - 1 if has_total else ncols
    shown = [*range(min(data_cols, MAX_COLUMNS)), *([ncols - 1] if has_total else [])]
    line = _font(page.p, 7) * 1.6
    page.need(line * (len(table.rows) + 1))
    label_w = page.width * 0.3
    col_w = (page.width - label_w) / len(shown)
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    _font(page.p, 7, bold=True)
    page.p.setPen(QColor("black"))
    for k, j in enumerate(shown):
        rect = QRectF(label_w + k * col_w, page.y, col_w - 4, line)
        page.p.drawText(rect, right, table.columns[j][:18])
    page.y += line
    for i, (_, label) in enumerate(table.rows):
        _font(page.p, 7, bold=table.total_row and i == len(table.rows) - 1)
        page.p.setPen(QPen(GRID))
        page.p.drawLine(0, int(page.y), int(page.width), int(page.y))
        page.p.setPen(QColor("black"))
        page.p.drawText(QRectF(0, page.y, label_w, line), left, label)
        for k, j in enumerate(shown):
            value = table.cells[i][j]
            page.p.setPen(MUTED if value is None else QColor("black"))
            rect = QRectF(label_w + k * col_w, page.y, col_w - 4, line)
            page.p.drawText(rect, right, _num(value, table.unit_of(j)))
        page.y += line
    if data_cols > MAX_COLUMNS:
        page.text(
            f"Visar {MAX_COLUMNS} av {data_cols} kolumner; alla finns i CSV-exporten.",
            6.5,
            color=MUTED,
        )
    page.y += line


def render_pdf(report: Printable, heading: str | None = None) -> bytes:
    """The report as PDF bytes (A4, one chart and one table per statistics table)."""
    ensure_app()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 16, 18, 16),
            QPageLayout.Unit.Millimeter,
        )
    )
    title = heading or ("Statsbidrag – underlag" if report.kind == "grant" else "Statistik")
    if report.demo:
        title = f"{title} ({DEMO_MARK})"
    writer.setTitle(f"Utväg – {title}")
    writer.setCreator("Utväg")
    painter = QPainter(writer)
    try:
        page = _Page(writer, painter)
        page.text(f"Utväg – {title}", 16, bold=True)
        where = report.municipality or "alla kommuner"
        page.text(f"Period {report.start.isoformat()} – {report.end.isoformat()}, {where}", 9)
        page.text(
            f"Värden under {report.threshold} visas som {SUPPRESSED}, och så många fler att "
            "inget tal här, ensamt eller tillsammans med lagrets tidigare exporter, avslöjar "
            f"en grupp med färre än {report.threshold} ärenden. Inga namn, födelsedatum eller "
            "gruppidentiteter.",
            7.5,
            color=MUTED,
        )
        for notice in notices(report):
            text = translate("Statistics", notice.text, None, notice.n)
            page.text(text.format(**notice.params), 7.5, color=MUTED)
        page.y += 20
        for table in report.tables:
            page.need(page.height * 0.25)
            page.text(table.title, 10.5, bold=True)
            _chart(page, table)
            _grid(page, table)
    finally:
        painter.end()
        buffer.close()
    return bytes(data.data())
