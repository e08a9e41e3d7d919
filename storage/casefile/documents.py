"""Handlingar: documents stored encrypted inside the store (as BLOBs in the database).

Public API:

- ``add_document(store, case_id, *, title, filename, content, max_bytes=DEFAULT_MAX_BYTES)``
  ``-> int`` — checks size and type (by magic bytes, not the file name) against the
  allow-list: PDF, PNG, JPEG, UTF-8 plain text, DOCX, ODT; refuses anything else.
- ``documents(store, case_id) -> list[Document]`` — metadata only.
- ``document_content(store, document_id, purpose="open") -> bytes`` — audited:
  ``document.open`` (shown in the viewer), ``document.print`` or ``document.export``.
- ``document_text_status(store, document_id) -> str | None`` — how its text was indexed.
- ``index_missing_texts(conn) -> int`` — index documents stored without their text.
- ``sniff_media_type(content) -> str | None``.

Plain text is UTF-8 or, for older Windows files, Windows-1252. The text of a PDF or a plain-
text document goes into the encrypted search index when the document is added
(``storage.casefile.document_text``, read from memory): index kind 5, rowid
``(2**40 - document_id) * 8 + 5``, with one row in ``document_texts`` saying what was found
(``indexed``, ``no_text``, ``unreadable``; schema step 8). Documents are never changed or
deleted except by gallring of their case, which removes their index rows too (trigger).
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Sequence
from typing import Any

from storage.casefile import repo
from storage.casefile.document_text import (
    ExtractedText,
    TextEncodingError,
    decode_text,
    extract_text,
)
from storage.casefile.repo import StoreLike
from storage.errors import (
    QT_TRANSLATE_NOOP,
    UsageError,
)
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
#: Index kind of a document's text in ``search_index`` (``rowid & 7``).
TEXT_KIND = 5
#: Why a document's bytes are read, and the audit action each writes.
PURPOSES = {"open": "document.open", "print": "document.print", "export": "document.export"}


class PurposeError(UsageError):
    message = QT_TRANSLATE_NOOP("Errors", "Unknown reason for reading a document: {purpose}.")
    code = "document_purpose"


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
        decode_text(content)
    except TextEncodingError:
        return False
    return True


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


def index_text(conn: Any, document_id: int, case_id: int, found: ExtractedText) -> None:
    """Put a document's text into the search index and record its status (one document)."""
    rowid = ((1 << 40) - int(document_id)) * 8 + TEXT_KIND
    conn.execute("DELETE FROM search_index WHERE rowid = ?", (rowid,))
    if found.text:
        conn.execute(
            "INSERT INTO search_index(rowid, body, case_id) VALUES (?, ?, ?)",
            (rowid, found.text, int(case_id)),
        )
    conn.execute(
        "INSERT OR REPLACE INTO document_texts (document_id, status, pages, chars, truncated, "
        "indexed_at) VALUES (?, ?, ?, ?, ?, ?)",
        (
            int(document_id),
            found.status,
            found.pages,
            len(found.text),
            int(found.truncated),
            repo.utc_now(),
        ),
    )


def index_missing_texts(conn: Any) -> int:
    """Read and index the text of every PDF and plain-text document that has no
    ``document_texts`` row yet (documents stored before schema step 8, or written in bulk
    by the demo builder); one document's bytes in memory at a time. Returns how many."""
    rows = conn.execute(
        "SELECT d.id, d.case_id, d.media_type FROM documents d "
        "LEFT JOIN document_texts t ON t.document_id = d.id "
        "WHERE t.document_id IS NULL AND d.media_type IN (?, ?) ORDER BY d.id",
        (PDF, TEXT),
    ).fetchall()
    for doc_id, case_id, media_type in rows:
        (content,) = conn.execute(
            "SELECT content FROM document_contents WHERE document_id = ?", (doc_id,)
        ).fetchone()
        index_text(conn, int(doc_id), int(case_id), extract_text(bytes(content), media_type))
    return len(rows)


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
    found = extract_text(data, media_type)  # from memory, before the transaction
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
        index_text(store.conn, doc_id, case_id, found)
        repo.touch_case(store, case_id)
        repo.audit(
            store,
            "document.add",
            number,
            case_id=int(case_id),
            document_id=doc_id,
            media_type=media_type,
            size=len(data),
            text=found.status,
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


def document_text_status(store: StoreLike, document_id: int) -> str | None:
    """``indexed``, ``no_text`` or ``unreadable``; ``None`` when the document is unknown."""
    row = store.conn.execute(
        "SELECT status FROM document_texts WHERE document_id = ?", (int(document_id),)
    ).fetchone()
    return None if row is None else str(row[0])


def document_content(store: StoreLike, document_id: int, purpose: str = "open") -> bytes:
    """The document's bytes; the read is audited with its purpose (``open``, ``print`` or
    ``export``) in the same transaction."""
    action = PURPOSES.get(purpose)
    if action is None:
        raise PurposeError(purpose=str(purpose)[:20])
    case_id = repo.record_case(store, "documents", document_id, "document")
    with store.transaction():
        number = repo.case_number(store, case_id)
        row = store.conn.execute(
            "SELECT content FROM document_contents WHERE document_id = ?", (int(document_id),)
        ).fetchone()
        if row is None:
            raise RecordNotFoundError(record="document", id=int(document_id))
        if action == "document.print":
            repo.audit(
                store, "document.print", number, case_id=case_id, document_id=int(document_id)
            )
        elif action == "document.export":
            repo.audit(
                store, "document.export", number, case_id=case_id, document_id=int(document_id)
            )
        else:
            repo.audit(
                store, "document.open", number, case_id=case_id, document_id=int(document_id)
            )
    return bytes(row[0])
