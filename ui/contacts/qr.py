"""A QR code of a fingerprint payload (``UTVAG:FP1:<hex>``), drawn with QPainter.

The matrix comes from `segno <https://pypi.org/project/segno/>`_ (pure Python, no
dependencies; a dependency of Utväg); nothing is written to disk (no image files, no
temporary files). Without segno, :func:`qr_available` is false and the screens show only
the digit groups — the typed-digits path always works.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

_segno: Any = None
try:  # a dependency; should it be missing, the screens fall back to the digits alone
    import segno

    _segno = segno
except ImportError:  # pragma: no cover - depends on the installation
    pass

QUIET_ZONE = 4  # modules of white around the symbol (the QR standard's minimum)


def qr_available() -> bool:
    return _segno is not None


def qr_matrix(payload: str) -> list[list[bool]]:
    """Rows of dark (True) / light modules including the quiet zone; [] without segno."""
    if _segno is None or not payload:
        return []
    code: Any = _segno.make(payload, error="m", micro=False)
    return [[bool(m) for m in row] for row in code.matrix_iter(scale=1, border=QUIET_ZONE)]


class QrCodeWidget(QWidget):
    """Square, black on white, integer module size so a scanner reads it off the screen."""

    def __init__(self, parent: QWidget | None = None, *, minimum: int = 180) -> None:
        super().__init__(parent)
        self.setObjectName("qrCode")
        self._matrix: list[list[bool]] = []
        self._minimum = minimum
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setVisible(False)

    def set_payload(self, payload: str) -> None:
        self._matrix = qr_matrix(payload)
        self.setVisible(bool(self._matrix))
        self.setAccessibleName(self.tr("QR code of the fingerprint") if self._matrix else "")
        self.updateGeometry()
        self.update()

    def clear(self) -> None:
        self._matrix = []
        self.setVisible(False)

    def modules(self) -> int:
        return len(self._matrix)

    def sizeHint(self) -> QSize:
        n = len(self._matrix) or 1
        side = max(self._minimum // n, 2) * n
        return QSize(side, side)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        n = len(self._matrix)
        if not n:
            return
        cell = max(min(self.width(), self.height()) // n, 1)
        left = (self.width() - cell * n) // 2
        top = (self.height() - cell * n) // 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#000000"))
        for y, row in enumerate(self._matrix):
            for x, dark in enumerate(row):
                if dark:
                    painter.drawRect(QRectF(left + x * cell, top + y * cell, cell, cell))
        painter.end()
