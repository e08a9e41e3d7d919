"""Handlingar: documents stored encrypted inside the store (as BLOBs in the database).

Public API:

- ``add_document(store, case_id, *, title, filename, content, max_bytes=DEFAULT_MAX_BYTES)``
  ``-> int`` — checks size and type (by magic bytes, not the file name) against the
  allow-list: PDF, PNG, JPEG, UTF-8 plain text, DOCX, ODT; refuses anything else.
- ``documents(store, case_id) -> list[Document]`` — metadata only.
- ``document_content(store, document_id) -> bytes`` — audited (``document.open``).
- ``sniff_media_type(content) -> str | None``.

Documents are never changed or deleted except by gallring of their case.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Sequence
from typing import Any

from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.records import validate as v
from storage.records.case import Document
from storage.records.errors import (
    DocumentEmptyError,
    DocumentTooLargeError,
    DocumentTypeError,
    FieldTypeError,
    RecordNotFoundError,
)

MIB = 1024 * 1024
DEFAULT_MAX_BYTES = 25 * MIB
PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
TEXT = "text/plain"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
ALLOWED = (PDF, PNG, JPEG, TEXT, DOCX, ODT)
_COLUMNS = "id, case_id, title, filename, media_type, size, sha256, added_by, added_at"
_TEXT_CONTROLS = {9, 10, 12, 13}
#: Formats that are valid UTF-8 but are not plain text: refused although they decode.
_TEXT_LOOKALIKES = (
    b"gif87a",
    b"gif89a",
    b"<?xml",
    b"<!doctype",
    b"<html",
    b"<svg",
    b"{\\rtf",
    b"%!ps",
)


def _zip_kind(content: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = archive.namelist()
            if names and names[0] == "mimetype":
                info = archive.getinfo("mimetype")
                if info.file_size <= 100 and archive.read("mimetype") == ODT.encode():
                    return ODT
            if "[Content_Types].xml" in names and any(n.startswith("word/") for n in names):
                return DOCX
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, NotImplementedError):
        return None
    return None


def _is_text(content: bytes) -> bool:
    try:
        decoded = content.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not any(ord(ch) < 32 and ord(ch) not in _TEXT_CONTROLS for ch in decoded) and (
        "\x7f" not in decoded
    )


def sniff_media_type(content: bytes) -> str | None:
    """The allowed media type ``content`` really is (by its bytes), or ``None``."""
    if content.startswith(b"%PDF-"):
        return PDF
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if content.startswith(b"\xff\xd8\xff"):
        return JPEG
    if content.startswith(b"PK\x03\x04"):
        return _zip_kind(content)
    text = content.removeprefix(b"\xef\xbb\xbf")
    if _is_text(text) and not text.lstrip()[:16].lower().startswith(_TEXT_LOOKALIKES):
        return TEXT
    return None


def check_document(content: object, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Validate a document's bytes; return its media type."""
    if not isinstance(content, bytes | bytearray | memoryview):
        raise FieldTypeError(field="content", expected="bytes")
    data = bytes(content)
    if not data:
        raise DocumentEmptyError(field="content")
    if len(data) > max_bytes:
        raise DocumentTooLargeError(
            field="content", size=f"{len(data) / MIB:.1f}", limit=f"{max_bytes / MIB:g}"
        )
    kind = sniff_media_type(data)
    if kind is None:
        raise DocumentTypeError(field="content")
    return kind


def add_document(
    store: StoreLike,
    case_id: int,
    *,
    title: str,
    filename: str,
    content: bytes,
    max_bytes: int = DEFAULT_MAX_BYTES,
    added_by: str | None = None,
    added_at: str | None = None,
) -> int:
    """Store a document in the case; returns its id."""
    clean_title = v.required_text("title", title, limit=200)
    clean_name = v.required_text("filename", filename, limit=255)
    media_type = check_document(content, max_bytes)
    data = bytes(content)
    who = v.required_text("added_by", added_by or store.actor, limit=100)
    when = v.utc_time("added_at", added_at) if added_at else repo.utc_now()
    with store.transaction():
        number = repo.case_number(store, case_id)
        doc_id = repo.insert(
            store,
            "documents",
            {
                "case_id": int(case_id),
                "title": clean_title,
                "filename": clean_name,
                "media_type": media_type,
                "size": len(data),
                "sha256": hashlib.sha256(data).hexdigest(),
                "added_by": who,
                "added_at": when,
            },
        )
        repo.insert(store, "document_contents", {"document_id": doc_id, "content": data})
        repo.touch_case(store, case_id)
        repo.audit(
            store,
            "document.add",
            number,
            case_id=int(case_id),
            document_id=doc_id,
            media_type=media_type,
            size=len(data),
        )
    return doc_id


def _document(row: Sequence[Any]) -> Document:
    return Document(
        id=int(row[0]),
        case_id=int(row[1]),
        title=row[2],
        filename=row[3],
        media_type=row[4],
        size=int(row[5]),
        sha256=row[6],
        added_by=row[7],
        added_at=row[8],
    )


def documents(store: StoreLike, case_id: int) -> list[Document]:
    repo.case_row(store, case_id)
    rows = store.conn.execute(
        f"SELECT {_COLUMNS} FROM documents WHERE case_id = ? ORDER BY added_at, id",  # noqa: S608
        (int(case_id),),
    )
    return [_document(r) for r in rows]


def document_content(store: StoreLike, document_id: int) -> bytes:
    """The document's bytes; the read is audited."""
    case_id = repo.record_case(store, "documents", document_id, "document")
    with store.transaction():
        number = repo.case_number(store, case_id)
        row = store.conn.execute(
            "SELECT content FROM document_contents WHERE document_id = ?", (int(document_id),)
        ).fetchone()
        if row is None:
            raise RecordNotFoundError(record="document", id=int(document_id))
        repo.audit(store, "document.open", number, case_id=case_id, document_id=int(document_id))
    return bytes(row[0])
