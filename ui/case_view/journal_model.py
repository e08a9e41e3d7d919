"""The journal as a table: one row per entry — its event date (händelsedatum) and type with
who wrote it and when, the text as it reads now, and beside it every earlier wording with
who corrected it, when and why. A felmarkerad entry is shown struck through *and* labelled in
words. Texts are escaped before they become rich text. :class:`DraftsModel` lists the
caseworker's own drafts (utkast), which are not part of the journal until signed."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from storage.records import (
    JournalDraft,
    JournalEntry,
    JournalThread,
)
from ui.kit import labels
from ui.kit.tables import HTML_ROLE, Cell, TableModel

_Index = QModelIndex | QPersistentModelIndex
COL_EVENT, COL_TEXT, COL_EARLIER = range(3)


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


def _headers() -> list[str]:
    return [
        QCoreApplication.translate("JournalModel", "Event and signature"),
        QCoreApplication.translate("JournalModel", "Entry as it reads now"),
        QCoreApplication.translate("JournalModel", "Earlier wording"),
    ]


def _first(item: JournalThread) -> JournalEntry:
    return item.earlier[0] if item.earlier else item.current


def _event(item: JournalThread) -> Cell:
    """The day it happened and the kind of contact (as the entry reads now), then when it was
    first written and by whom (one column, so the text keeps its width on a small screen)."""
    current, first = item.current, _first(item)
    day, kind = labels.day(current.event_on), labels.label(current.entry_type)
    written = labels.local_time(first.written_at)
    words = QCoreApplication.translate(
        "JournalModel", "{type} on {date}, written {time} by {who}"
    ).format(type=kind, date=day, time=written, who=first.author)
    plain = f"{day} {kind}\n{written}\n{first.author}"
    rich = (
        f"<b>{html.escape(day)}</b> {html.escape(kind)}<br>"
        f"<span style='color:#3d4350'>{html.escape(written)}<br>{_body(first.author)}</span>"
    )
    if first.imported:
        imported = QCoreApplication.translate("JournalModel", "imported")
        plain += f"\n{imported}"
        rich += f"<br><i>{html.escape(imported)}</i>"
    return Cell(plain, tooltip=words, accessible=words, html=rich)


def _now(item: JournalThread) -> Cell:
    current = item.current
    plain, rich = [], []
    if current.is_erroneous:
        plain.append(_erroneous_note(current))
        rich.append(f"<p style='color:#8b1014'><b>{_body(_erroneous_note(current))}</b></p>")
    if item.is_corrected:
        plain.append(_correction_note(current))
        rich.append(f"<p style='color:#5c3b00'><b>{_body(_correction_note(current))}</b></p>")
    plain.append(current.text)
    body = _body(current.text)
    rich.append(f"<p><s>{body}</s></p>" if current.is_erroneous else f"<p>{body}</p>")
    return Cell("\n".join(plain), tooltip="", html="".join(rich))


def _earlier(item: JournalThread) -> Cell:
    plain = "\n\n".join(f"{_version_head(e)}\n{e.text}" for e in item.earlier)
    rich = "".join(
        f"<p style='color:#3d4350'><i>{_body(_version_head(e))}</i><br>{_body(e.text)}</p>"
        for e in reversed(item.earlier)
    )
    return Cell(plain, tooltip="", html=rich)


def journal_row(item: JournalThread) -> list[Cell]:
    """The cells of one journal thread: event date and type with who wrote it (the first
    version) and when, as it reads now, earlier."""
    return [_event(item), _now(item), _earlier(item)]


class JournalModel(TableModel[JournalThread]):
    """One row per journal thread (an entry and its corrections)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(_headers, journal_row, parent)


def first_line(text: str, limit: int = 80) -> str:
    """The start of a text, on one line (a list shows which draft is which)."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _draft_headers() -> list[str]:
    return [
        QCoreApplication.translate("JournalModel", "Event"),
        QCoreApplication.translate("JournalModel", "Type"),
        QCoreApplication.translate("JournalModel", "Last changed"),
        QCoreApplication.translate("JournalModel", "Draft"),
    ]


def draft_row(item: JournalDraft) -> list[str | Cell]:
    return [
        labels.day(item.event_date),
        labels.label(item.entry_type),
        labels.local_time(item.updated_at),
        Cell(first_line(item.text), tooltip=item.text),
    ]


class DraftsModel(TableModel[JournalDraft]):
    """The caseworker's own drafts of a case, oldest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(_draft_headers, draft_row, parent)


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
