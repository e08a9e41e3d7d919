"""The journal as a table: one row per entry, the text as it reads now, and — beside it —
every earlier wording with who corrected it, when and why. A felmarkerad entry is shown
struck through *and* labelled in words. Texts are escaped before they become rich text."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from storage.records import (
    JournalEntry,
    JournalThread,
)
from ui.kit import labels
from ui.kit.tables import RECORD_ROLE

_Index = QModelIndex | QPersistentModelIndex
HTML_ROLE = Qt.ItemDataRole.UserRole + 4
THREAD_ROLE = Qt.ItemDataRole.UserRole + 5
COL_WRITTEN, COL_TEXT, COL_EARLIER = range(3)


def _body(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _erroneous_note(entry: JournalEntry) -> str:
    return QCoreApplication.translate(
        "JournalModel", "Marked as erroneous {time} by {who}: {reason}"
    ).format(
        time=labels.local_time(entry.erroneous_at),
        who=entry.erroneous_by or "",
        reason=entry.erroneous_reason or "",
    )


def _correction_note(entry: JournalEntry) -> str:
    return QCoreApplication.translate("JournalModel", "Corrected {time} by {who}: {reason}").format(
        time=labels.local_time(entry.written_at),
        who=entry.author,
        reason=entry.correction_reason or "",
    )


def _version_head(entry: JournalEntry) -> str:
    return QCoreApplication.translate("JournalModel", "Version {n}, {time}, {who}").format(
        n=entry.version, time=labels.local_time(entry.written_at), who=entry.author
    )


class JournalModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._threads: list[JournalThread] = []

    def set_threads(self, threads: list[JournalThread]) -> None:
        self.beginResetModel()
        self._threads = list(threads)
        self.endResetModel()

    def clear_for_lock(self) -> None:
        self.set_threads([])

    def thread(self, row: int) -> JournalThread | None:  # type: ignore[override]
        return self._threads[row] if 0 <= row < len(self._threads) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._threads)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = [
            QCoreApplication.translate("JournalModel", "Written"),
            QCoreApplication.translate("JournalModel", "Entry as it reads now"),
            QCoreApplication.translate("JournalModel", "Earlier wording"),
        ]
        return names[section] if 0 <= section < 3 else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.thread(index.row()) if index.isValid() else None
        if item is None:
            return None
        if role in (THREAD_ROLE, RECORD_ROLE):
            return item
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._plain(item, index.column())
        if role == HTML_ROLE:
            return self._html(item, index.column())
        return None

    @staticmethod
    def _first(item: JournalThread) -> JournalEntry:
        return item.earlier[0] if item.earlier else item.current

    def _plain(self, item: JournalThread, column: int) -> str:
        current = item.current
        if column == COL_WRITTEN:
            first = self._first(item)
            return f"{labels.local_time(first.written_at)}\n{first.author}"
        if column == COL_TEXT:
            parts = []
            if current.is_erroneous:
                parts.append(_erroneous_note(current))
            if item.is_corrected:
                parts.append(_correction_note(current))
            parts.append(current.text)
            return "\n".join(parts)
        return "\n\n".join(f"{_version_head(e)}\n{e.text}" for e in item.earlier)

    def _html(self, item: JournalThread, column: int) -> str:
        current = item.current
        if column == COL_WRITTEN:
            first = self._first(item)
            text = f"{html.escape(labels.local_time(first.written_at))}<br>{_body(first.author)}"
            if first.imported:
                imported = QCoreApplication.translate("JournalModel", "imported")
                text += f"<br><i>{html.escape(imported)}</i>"
            return text
        if column == COL_TEXT:
            parts = []
            if current.is_erroneous:
                parts.append(
                    f"<p style='color:#8b1014'><b>{_body(_erroneous_note(current))}</b></p>"
                )
            if item.is_corrected:
                parts.append(
                    f"<p style='color:#5c3b00'><b>{_body(_correction_note(current))}</b></p>"
                )
            body = _body(current.text)
            parts.append(f"<p><s>{body}</s></p>" if current.is_erroneous else f"<p>{body}</p>")
            return "".join(parts)
        return "".join(
            f"<p style='color:#3d4350'><i>{_body(_version_head(e))}</i><br>{_body(e.text)}</p>"
            for e in reversed(item.earlier)
        )


class RichTextDelegate(QStyledItemDelegate):
    """Paints ``HTML_ROLE`` as rich text, wrapped to the column width."""

    def _document(self, option: QStyleOptionViewItem, index: _Index, width: int) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(4)
        doc.setHtml(str(index.data(HTML_ROLE) or ""))
        doc.setTextWidth(max(width, 40))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget: QWidget | None = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = opt.rect
        doc = self._document(opt, index, rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        if opt.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(
                QPalette.ColorRole.Text,
                opt.palette.color(QPalette.ColorRole.HighlightedText),
            )
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(rect.translated(-rect.topLeft()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        widget: Any = option.widget
        width = 300
        if widget is not None and hasattr(widget, "columnWidth"):
            width = widget.columnWidth(index.column())
        doc = self._document(option, index, width)
        return QSize(width, int(doc.size().height()) + 2)
