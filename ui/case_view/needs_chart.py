"""The change of each needs domain over time, drawn with QPainter as small multiples: one
line per domain (its name, the levels of every assessment as a line on the 0–4 scale, the
latest level in words). Rows share the height the part gives them, so the chart shrinks on
a small screen; the accessible description says the same in words."""

from __future__ import annotations

import datetime as dt
import itertools

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from storage.records.knowledge import HIGH_NEED, NeedDomain, NeedLevel
from ui.kit import vocab

LINE = QColor("#1f4e79")
HIGH = QColor("#a4262c")
GRID = QColor("#c9ced6")
TEXT = QColor("#1a1a1a")
_LEVELS = list(NeedLevel)


class NeedsChart(QWidget):
    """Each domain's levels over time (``set_history``: domain -> [(date, score)])."""

    MIN_ROW = 14
    ROW = 24

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("needsChart")
        self.history: dict[NeedDomain, list[tuple[dt.date, int]]] = {}
        self.dates: list[dt.date] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_history(self, history: dict[NeedDomain, list[tuple[dt.date, int]]]) -> None:
        self.history = {d: list(points) for d, points in history.items() if points}
        self.dates = sorted({day for points in self.history.values() for day, _ in points})
        self.setAccessibleName(self.tr("Change per domain over time"))
        self.setAccessibleDescription(self.describe())
        self.updateGeometry()
        self.update()

    def describe(self) -> str:
        """Every domain's levels in words, oldest first."""
        parts = []
        for domain, points in self.history.items():
            steps = " → ".join(
                f"{day.isoformat()} {vocab.text(_LEVELS[score])}" for day, score in points
            )
            parts.append(f"{vocab.text(domain)}: {steps}")
        return "; ".join(parts)

    def clear_for_lock(self) -> None:
        self.set_history({})

    def sizeHint(self) -> QSize:
        return QSize(520, max(len(self.history), 1) * self.ROW + 28)

    def minimumSizeHint(self) -> QSize:
        """Every row at least one line of text high (names never overlap)."""
        row = max(self.MIN_ROW, QFontMetrics(self.font()).height() + 2)
        return QSize(280, max(len(self.history), 1) * row + row + 8)

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        if not self.history:
            painter.setPen(TEXT)
            painter.drawText(
                QRectF(self.rect()),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.tr("No needs assessment yet"),
            )
            painter.end()
            return
        metrics = QFontMetrics(self.font())
        names = [vocab.text(d) for d in self.history]
        latest = [vocab.text(_LEVELS[p[-1][1]]) for p in self.history.values()]
        label_w = min(max(metrics.horizontalAdvance(n) for n in names) + 12, self.width() // 3)
        value_w = min(max(metrics.horizontalAdvance(t) for t in latest) + 12, self.width() // 4)
        left = label_w + 8
        right = self.width() - value_w - 8
        area = max(right - left, 10)
        axis_h = metrics.height() + 4
        row_h = max((self.height() - axis_h - 4) / len(self.history), 1.0)
        first, last = self.dates[0], self.dates[-1]
        span = max((last - first).days, 1)

        def x_of(day: dt.date) -> float:
            if first == last:
                return left + area / 2
            return left + area * (day - first).days / span

        for i, points in enumerate(self.history.values()):
            top = 2 + i * row_h
            rect = QRectF(4, top, label_w, row_h)
            painter.setPen(TEXT)
            name = metrics.elidedText(names[i], Qt.TextElideMode.ElideRight, label_w - 8)
            painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, name)
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(left, top + row_h - 1), QPointF(right, top + row_h - 1))
            inner = max(row_h - 6, 2)

            def y_of(score: int, top: float = top, inner: float = inner) -> float:
                return top + 3 + inner * (1 - score / (len(_LEVELS) - 1))

            dots = [QPointF(x_of(day), y_of(score)) for day, score in points]
            painter.setPen(QPen(LINE, 2))
            for a, b in itertools.pairwise(dots):
                painter.drawLine(a, b)
            for (_, score), dot in zip(points, dots, strict=True):
                color = HIGH if score >= HIGH_NEED else LINE
                painter.setPen(QPen(color, 1))
                painter.setBrush(color)
                painter.drawEllipse(dot, 3, 3)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            high = points[-1][1] >= HIGH_NEED
            painter.setPen(HIGH if high else TEXT)
            text = metrics.elidedText(latest[i], Qt.TextElideMode.ElideRight, value_w - 4)
            painter.drawText(
                QRectF(right + 8, top, value_w, row_h),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                text,
            )
        painter.setPen(TEXT)
        bottom = 2 + len(self.history) * row_h
        for day in (first, last) if first != last else (first,):
            label = day.isoformat()
            width = metrics.horizontalAdvance(label)
            x = min(max(x_of(day) - width / 2, left), right - width)
            painter.drawText(
                QRectF(x, bottom, width + 2, axis_h), Qt.AlignmentFlag.AlignLeft, label
            )
        painter.end()
