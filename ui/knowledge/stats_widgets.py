"""Showing suppressed statistics: a table model and a bar chart drawn with QPainter.

Both take a :class:`storage.statistics.tables.StatTable`, which holds only published values: a
hidden cell is ``None`` and is shown as "–" (with a tooltip saying why) — the same mark
for a small cell and for a cell hidden so that nothing else can reveal one, so the screen
does not tell which is which. The chart shows the table's chart column (the row totals by
default); a suppressed value gets no bar.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QListWidget,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.kit import (
    labels,
    vocab,
)
from ui.kit.dialogs import plain_label
from ui.kit.tables import Cell, TableModel, use_eliding_header

SUPPRESSED = "–"
_Index = QModelIndex | QPersistentModelIndex
BAR = QColor("#1f4e79")
MUTED = QColor("#4a505b")
GRID = QColor("#c9ced6")


def number(value: int | None, unit: str) -> str:
    if value is None:
        return SUPPRESSED
    if unit == "sek":
        return labels.sek(value)
    return labels.number(value)


def hidden_tip() -> str:
    return QCoreApplication.translate(
        "StatTableModel",
        "Hidden: fewer than 5 cases, or hidden so that nothing else shown, here or in an "
        "earlier export, can reveal a group of fewer than 5.",
    )


class StatTableModel(TableModel[int]):
    """One statistics table: rows are the table's row numbers, hidden cells say why."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(self._headers, self._row, parent, row_headers=self._row_name)
        self.table: Any = None

    def set_table(self, table: Any) -> None:
        self.table = table
        self.set_records(range(len(table.rows)) if table is not None else [])

    def clear_for_lock(self) -> None:
        self.set_table(None)

    def _headers(self) -> list[str]:
        return [] if self.table is None else [vocab.stat_column(c) for c in self.table.columns]

    def _row_name(self, row: int) -> str:
        code, text = self.table.rows[row]
        return str(vocab.stat_row(self.table.key, code, text))

    def _row(self, row: int) -> list[str | Cell]:
        out: list[str | Cell] = []
        for column, value in enumerate(self.table.cells[row]):
            text = number(value, self.table.unit_of(column))
            out.append(Cell(text, tooltip=hidden_tip() if value is None else "", right=True))
        return out


class BarChart(QWidget):
    """Horizontal bars of ``table.chart()``; accessible as text too (the accessible
    description lists every bar)."""

    ROW = 26

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statsChart")
        self.bars: list[tuple[str, int | None]] = []
        self.unit = "cases"
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_table(self, table: Any) -> None:
        self.bars = []
        if table is not None:
            codes = [c for c, _ in table.rows]
            for code, (text, value) in zip(codes, table.chart(), strict=False):
                self.bars.append((vocab.stat_row(table.key, code, text), value))
            self.unit = table.unit_of(table.chart_column % len(table.columns))
        self.setAccessibleName(self.tr("Bar chart"))
        self.setAccessibleDescription(
            "; ".join(f"{name}: {number(value, self.unit)}" for name, value in self.bars)
        )
        self.updateGeometry()
        self.update()

    def clear_for_lock(self) -> None:
        self.set_table(None)

    def sizeHint(self) -> QSize:
        return QSize(520, max(len(self.bars), 1) * self.ROW + 16)

    def minimumSizeHint(self) -> QSize:
        return QSize(320, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        if not self.bars:
            painter.end()
            return
        metrics = QFontMetrics(self.font())
        label_w = min(
            max(metrics.horizontalAdvance(n) for n, _ in self.bars) + 12, int(self.width() * 0.4)
        )
        value_w = max(metrics.horizontalAdvance(number(v, self.unit)) for _, v in self.bars) + 12
        area = max(self.width() - label_w - value_w - 16, 10)
        top = max(v or 0 for _, v in self.bars) or 1
        painter.setPen(GRID)
        painter.drawLine(label_w + 8, 4, label_w + 8, 8 + len(self.bars) * self.ROW)
        for i, (name, value) in enumerate(self.bars):
            y = 8 + i * self.ROW
            text_rect = QRectF(4, y, label_w, self.ROW - 6)
            painter.setPen(QColor("#1a1a1a"))
            elided = metrics.elidedText(name, Qt.TextElideMode.ElideRight, label_w - 8)
            painter.drawText(
                text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, elided
            )
            width = 0.0 if value is None else area * value / top
            if width:
                painter.fillRect(QRectF(label_w + 8, y + 3, width, self.ROW - 12), BAR)
            painter.setPen(MUTED if value is None else QColor("#1a1a1a"))
            painter.drawText(
                QRectF(label_w + 14 + width, y, value_w, self.ROW - 6),
                Qt.AlignmentFlag.AlignVCenter,
                number(value, self.unit),
            )
        painter.end()


class TablesPane(QWidget):
    """A list of tables; the chosen one as a table and a bar chart."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tables: list[Any] = []
        self.list = QListWidget(self)
        self.list.setObjectName("statsTables")
        self.list.setAccessibleName(self.tr("Tables"))
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.title = plain_label("", self, "panelTitle")
        self.model = StatTableModel(self)
        self.view = QTableView(self)
        self.view.setAccessibleName(self.tr("Statistics table"))
        use_eliding_header(self.view)
        self.view.setObjectName("statsTable")
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.setAlternatingRowColors(True)
        self.chart = BarChart(self)
        scroll = QScrollArea(self)
        scroll.setWidget(self.chart)
        scroll.setWidgetResizable(True)
        right = QWidget(self)
        box = QVBoxLayout(right)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.title)
        box.addWidget(self.view, 3)
        box.addWidget(scroll, 2)
        split = QSplitter(self)
        split.addWidget(self.list)
        split.addWidget(right)
        split.setSizes([320, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.list.currentRowChanged.connect(self.show_table)

    def set_tables(self, tables: list[Any]) -> None:
        keep = max(self.list.currentRow(), 0)
        self.tables = list(tables)
        self.list.clear()
        for table in self.tables:
            self.list.addItem(vocab.stat_title(table.key, table.title))
        if self.tables:
            self.list.setCurrentRow(min(keep, len(self.tables) - 1))
        else:
            self.show_table(-1)

    def show_table(self, row: int) -> None:
        table = self.tables[row] if 0 <= row < len(self.tables) else None
        self.title.setText(vocab.stat_title(table.key, table.title) if table else "")
        self.model.set_table(table)
        self.chart.set_table(table)

    def clear_for_lock(self) -> None:
        self.set_tables([])
