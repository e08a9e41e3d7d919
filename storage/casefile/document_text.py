"""Reading a stored document from memory: its text for the search index, PDF pages as pixels.

Nothing here writes a file: the bytes come from the store and every result stays in memory.
PDF is read with PDFium (``pypdfium2``) from the bytes themselves (``FPDF_LoadMemDocument64``,
no path, no temp file, no cache); PDFium is not thread-safe, so every call into it holds
:data:`PDFIUM_LOCK` (the store worker indexes while the GUI thread may render a page).

Public API:

- ``decode_text(content) -> str`` — a plain-text document: strict UTF-8 (a BOM dropped),
  else Windows-1252 (older Windows files with å, ä, ö); refuses bytes that are neither.
- ``extract_text(content, media_type) -> ExtractedText`` — the text of a PDF (every page, up
  to :data:`MAX_TEXT_PAGES`) or a plain-text document, whitespace folded, at most
  :data:`MAX_INDEX_CHARS` characters; images, DOCX and ODT have no text here (status
  ``no_text``); a PDF PDFium cannot open (damaged, password) is ``unreadable``.
- ``PdfPages(content)`` — an open PDF for the viewer: ``count``, ``size(i)`` in points,
  ``render(i, scale) -> RenderedPage`` (BGRx pixels, at most :data:`MAX_PIXELS`), ``close()``.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import Any

from storage.errors import (
    QT_TRANSLATE_NOOP,
    ValidationError,
)

#: Characters of one document's text that go into the index (the rest is not searchable).
MAX_INDEX_CHARS = 1_000_000
#: Pages of one PDF whose text is read for the index.
MAX_TEXT_PAGES = 2000
#: Largest rendered page (pixels): a hostile page size cannot exhaust memory.
MAX_PIXELS = 40_000_000
PDFIUM_LOCK = threading.RLock()
_SPACE = re.compile(r"\s+", re.UNICODE)
_TEXT_CONTROLS = {9, 10, 12, 13}


class DocumentUnreadableError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The document cannot be shown: the file is damaged, protected by a password or not "
        "what its type says. Export it and open it with another program if you must.",
    )
    code = "document_unreadable"


class TextEncodingError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "{field}: the text is neither UTF-8 nor Windows-1252 and cannot be shown."
    )
    code = "text_encoding"


@dataclass(frozen=True)
class ExtractedText:
    text: str
    status: str  # "indexed", "no_text" or "unreadable"
    pages: int | None = None
    truncated: bool = False


@dataclass(frozen=True)
class RenderedPage:
    """One rendered page: ``height`` rows of ``stride`` bytes, 4 bytes a pixel (B, G, R, x)."""

    width: int
    height: int
    stride: int
    pixels: bytes


def _is_clean(text: str) -> bool:
    return not any((ord(ch) < 32 and ord(ch) not in _TEXT_CONTROLS) or ch == "\x7f" for ch in text)


def decode_text(content: bytes) -> str:
    """Strict UTF-8 (without its BOM), else Windows-1252; control characters and a UTF-16
    byte-order mark refused."""
    data = bytes(content).removeprefix(b"\xef\xbb\xbf")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16: not read as Windows-1252
        raise TextEncodingError(field="content")
    for encoding in ("utf-8", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _is_clean(text):
            return text
    raise TextEncodingError(field="content")


def _fold(text: str) -> tuple[str, bool]:
    folded = _SPACE.sub(" ", text).strip()
    if len(folded) > MAX_INDEX_CHARS:
        return folded[:MAX_INDEX_CHARS], True
    return folded, False


def _pdfium() -> Any:
    import pypdfium2

    return pypdfium2


def _pdf_text(content: bytes) -> ExtractedText:
    pdfium = _pdfium()
    parts: list[str] = []
    size = 0
    with PDFIUM_LOCK:
        try:
            doc = pdfium.PdfDocument(bytes(content))
        except (pdfium.PdfiumError, ValueError, OSError):
            return ExtractedText("", "unreadable")
        try:
            pages = len(doc)
            for index in range(min(pages, MAX_TEXT_PAGES)):
                page = doc[index]
                try:
                    textpage = page.get_textpage()
                    try:
                        chunk = textpage.get_text_range()
                    finally:
                        textpage.close()
                finally:
                    page.close()
                parts.append(chunk)
                size += len(chunk)
                if size > MAX_INDEX_CHARS:
                    break
        except (pdfium.PdfiumError, ValueError):
            return ExtractedText("", "unreadable")
        finally:
            doc.close()
    text, truncated = _fold(" ".join(parts))
    truncated = truncated or pages > MAX_TEXT_PAGES
    return ExtractedText(text, "indexed" if text else "no_text", pages, truncated)


def extract_text(content: bytes, media_type: str) -> ExtractedText:
    """The searchable text of a document (see the module docstring)."""
    if media_type == "application/pdf":
        return _pdf_text(content)
    if media_type == "text/plain":
        try:
            decoded = decode_text(content)
        except TextEncodingError:
            return ExtractedText("", "unreadable")
        text, truncated = _fold(decoded)
        return ExtractedText(text, "indexed" if text else "no_text", None, truncated)
    return ExtractedText("", "no_text")


class PdfPages:
    """An open PDF held in memory for the viewer; ``close()`` releases it."""

    def __init__(self, content: bytes) -> None:
        self._pdfium = _pdfium()
        self._data = bytes(content)
        with PDFIUM_LOCK:
            try:
                self._doc: Any = self._pdfium.PdfDocument(self._data)
                self.count = len(self._doc)
            except (self._pdfium.PdfiumError, ValueError, OSError):
                raise DocumentUnreadableError() from None

    def size(self, index: int) -> tuple[float, float]:
        """Width and height of page ``index`` in points (1/72 inch)."""
        with PDFIUM_LOCK:
            page = self._doc[index]
            try:
                width, height = page.get_size()
            finally:
                page.close()
        return float(width), float(height)

    def render(self, index: int, scale: float) -> RenderedPage:
        """Page ``index`` at ``scale`` pixels per point (shrunk to :data:`MAX_PIXELS`)."""
        width, height = self.size(index)
        area = max(width * height * scale * scale, 1.0)
        if area > MAX_PIXELS:
            scale *= (MAX_PIXELS / area) ** 0.5
        with PDFIUM_LOCK:
            page = self._doc[index]
            try:
                bitmap = page.render(scale=scale, prefer_bgrx=True, draw_annots=True)
                try:
                    pixels = bytes(bitmap.buffer)
                    out = RenderedPage(bitmap.width, bitmap.height, bitmap.stride, pixels)
                finally:
                    bitmap.close()
            except self._pdfium.PdfiumError:
                raise DocumentUnreadableError() from None
            finally:
                page.close()
        return out

    def close(self) -> None:
        with PDFIUM_LOCK:
            if self._doc is not None:
                self._doc.close()
                self._doc = None
        self._data = b""
