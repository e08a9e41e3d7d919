"""The document viewer: a stored document read inside Utväg, from memory only.

- PDF: pages rendered by PDFium from the bytes (``storage.casefile.document_text.PdfPages``)
  into a QImage, one page at a time (previous / next, zoom); nothing is written to disk, no
  thumbnail, no cache.
- Images: ``QImage.fromData``. Plain text: strict UTF-8, else Windows-1252.
- *Skriv ut…* prints what is shown through the system print dialog (QPrintDialog; its
  "print to file" choice is off, so printing never leaves an unencrypted copy on this
  computer — a deliberate copy is *Exportera…* with its warning). The print is audited
  (``document.print``) before the job starts.

Closing the viewer, or a lock, drops the bytes and the rendered pages.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from storage.casefile.document_text import (
    DocumentUnreadableError,
    PdfPages,
    TextEncodingError,
    decode_text,
)
from ui.kit.windows import fit_to_screen

PDF = "application/pdf"
TEXT = "text/plain"
IMAGES = ("image/png", "image/jpeg")
VIEWABLE = (PDF, TEXT, *IMAGES)
ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)
PRINT_DPI = 200


def page_image(pages: PdfPages, index: int, scale: float) -> QImage:
    """Page ``index`` as a QImage (a copy: the pixels belong to Qt afterwards)."""
    page = pages.render(index, scale)
    image = QImage(page.pixels, page.width, page.height, page.stride, QImage.Format.Format_RGB32)
    return image.copy()


def document_images(media_type: str, content: bytes) -> list[QImage]:
    """Every page of a PDF, or the one image, for printing (rendered at :data:`PRINT_DPI`)."""
    if media_type in IMAGES:
        image = QImage.fromData(content)
        if image.isNull():
            raise DocumentUnreadableError()
        return [image]
    pages = PdfPages(content)
    try:
        return [page_image(pages, i, PRINT_DPI / 72) for i in range(pages.count)]
    finally:
        pages.close()


def paint_document(printer: QPrinter, media_type: str, content: bytes) -> int:
    """Print a document on ``printer``: PDF pages and images fitted to the page, text as
    text. Returns the number of pages."""
    painter = QPainter(printer)
    try:
        if media_type == TEXT:
            return _paint_text(printer, painter, decode_text(content))
        images = document_images(media_type, content)
        for index, image in enumerate(images):
            if index:
                printer.newPage()
            area = printer.pageLayout().paintRectPixels(printer.resolution())
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(0, 0, size.width(), size.height()), image)
        return len(images)
    finally:
        painter.end()


def _paint_text(printer: QPrinter, painter: QPainter, text: str) -> int:
    area = printer.pageLayout().paintRectPixels(printer.resolution())
    height = painter.fontMetrics().lineSpacing()
    per_page = max(1, area.height() // max(height, 1))
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
    lines = text.splitlines() or [""]
    pages = 0
    for start in range(0, len(lines), per_page):
        if pages:
            printer.newPage()
        chunk = "\n".join(lines[start : start + per_page])
        painter.drawText(QRectF(0, 0, area.width(), area.height()), flags, chunk)
        pages += 1
    return pages


class DocumentViewer(QDialog):
    """A document shown from memory; ``on_print`` (set by the documents tab) audits a print
    and hands the bytes back to :meth:`print_on`."""

    def __init__(self, title: str, media_type: str, content: bytes, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("documentViewer")
        self.setWindowTitle(self.tr("Document"))  # titles never name anyone
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.media_type = media_type
        self.pages: PdfPages | None = None
        self._still: QImage | None = None
        self.page_index = 0
        self.zoom = 1.0
        self.on_print: Callable[[DocumentViewer], None] | None = None
        layout = QVBoxLayout(self)
        heading = QLabel(title, self)
        heading.setObjectName("sectionTitle")
        heading.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(heading)
        self.text_view: QPlainTextEdit | None = None
        self.image = QLabel(self)
        self.image.setObjectName("documentPage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.image.setAccessibleName(title)
        self.position = QLabel(self)
        self.position.setObjectName("hint")
        self.prev_button = QPushButton(self)
        self.prev_button.setObjectName("previousPageButton")
        self.next_button = QPushButton(self)
        self.next_button.setObjectName("nextPageButton")
        self.zoom_out = QPushButton("−", self)
        self.zoom_out.setObjectName("zoomOutButton")
        self.zoom_in = QPushButton("+", self)
        self.zoom_in.setObjectName("zoomInButton")
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("printDocumentButton")
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("closeViewerButton")
        if media_type == TEXT:
            self._show_text(content, title, layout)
        else:
            scroll = QScrollArea(self)
            scroll.setWidget(self.image)
            scroll.setWidgetResizable(True)
            layout.addWidget(scroll, 1)
            self._load_pictures(content)
        bar = QHBoxLayout()
        for button in (self.prev_button, self.next_button):
            bar.addWidget(button)
        bar.addWidget(self.position)
        bar.addStretch(1)
        for button in (self.zoom_out, self.zoom_in, self.print_button, self.close_button):
            bar.addWidget(button)
        layout.addLayout(bar)
        paged = self.pages is not None
        for widget in (self.prev_button, self.next_button, self.position):
            widget.setVisible(paged)
        for widget in (self.zoom_in, self.zoom_out):
            widget.setVisible(media_type != TEXT)
        self.prev_button.clicked.connect(lambda: self.go(self.page_index - 1))
        self.next_button.clicked.connect(lambda: self.go(self.page_index + 1))
        self.zoom_in.clicked.connect(lambda: self.step_zoom(1))
        self.zoom_out.clicked.connect(lambda: self.step_zoom(-1))
        self.print_button.clicked.connect(self._print_clicked)
        self.close_button.clicked.connect(self.reject)
        self.finished.connect(self.release)
        self.retranslate()
        fit_to_screen(self, 820, 680)

    def retranslate(self) -> None:
        self.prev_button.setText(self.tr("&Previous page"))
        self.next_button.setText(self.tr("&Next page"))
        self.zoom_in.setAccessibleName(self.tr("Zoom in"))
        self.zoom_out.setAccessibleName(self.tr("Zoom out"))
        self.print_button.setText(self.tr("&Print…"))
        self.close_button.setText(self.tr("Close"))
        self._show_position()

    def _show_text(self, content: bytes, title: str, layout: QVBoxLayout) -> None:
        view = QPlainTextEdit(self)
        view.setObjectName("documentText")
        view.setReadOnly(True)
        try:
            view.setPlainText(decode_text(content))
        except TextEncodingError:
            view.setPlainText(self.tr("The text cannot be shown: it is not UTF-8 or Windows-1252."))
        view.setAccessibleName(title)
        self.text_view = view
        layout.addWidget(view, 1)

    def _load_pictures(self, content: bytes) -> None:
        try:
            if self.media_type == PDF:
                self.pages = PdfPages(content)
            else:
                image = QImage.fromData(content)
                if image.isNull():
                    raise DocumentUnreadableError()
                self._still = image
        except DocumentUnreadableError:
            self.image.setText(
                self.tr(
                    "The document cannot be shown: the file is damaged, protected by a "
                    "password or not what its type says."
                )
            )
            self.print_button.setEnabled(False)
            return
        self.show_page()

    @property
    def page_count(self) -> int:
        return self.pages.count if self.pages is not None else 1

    def show_page(self) -> None:
        if self.pages is not None:
            image = page_image(self.pages, self.page_index, self.zoom * 96 / 72)
        elif self._still is not None:
            still = self._still
            image = still.scaledToWidth(max(1, int(still.width() * self.zoom)))
        else:
            return
        self.image.setPixmap(QPixmap.fromImage(image))
        self._show_position()

    def _show_position(self) -> None:
        if self.pages is None:
            return
        self.position.setText(
            self.tr("Page {page} of {total}").format(
                page=self.page_index + 1, total=self.page_count
            )
        )
        self.prev_button.setEnabled(self.page_index > 0)
        self.next_button.setEnabled(self.page_index < self.page_count - 1)

    def go(self, index: int) -> None:
        if self.pages is not None and 0 <= index < self.page_count:
            self.page_index = index
            self.show_page()

    def step_zoom(self, step: int) -> None:
        nearest = min(range(len(ZOOMS)), key=lambda i: abs(ZOOMS[i] - self.zoom))
        self.zoom = ZOOMS[max(0, min(len(ZOOMS) - 1, nearest + step))]
        self.show_page()

    # ------------------------------------------------------------------ printing
    def _print_clicked(self) -> None:
        if self.on_print is not None:
            self.on_print(self)

    def choose_printer(self) -> QPrinter | None:
        """The system print dialog; "print to file" is not offered."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, False)
        dialog.setWindowTitle(self.tr("Print the document"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return printer

    def print_on(self, printer: QPrinter, content: bytes) -> int:
        return paint_document(printer, self.media_type, content)

    def release(self) -> None:
        """Drop the document: the open PDF, the rendered page, the text."""
        if self.pages is not None:
            self.pages.close()
            self.pages = None
        self._still = None
        self.image.clear()
        if self.text_view is not None:
            self.text_view.clear()
