"""Saving and printing an extract: the file written atomically (0600), and the audit entry.

Public API:

- ``save_extract(store, extract, pdf, path) -> ExtractResult`` — writes the PDF the renderer
  made in memory to the file the user chose (``storage.atomic``: temp file, 0600, fsync,
  rename) and appends ``extract.save`` in the same transaction: a failed write leaves no
  entry, and no file without its entry.
- ``record_print(store, extract, pdf) -> ExtractResult`` — ``extract.print`` for a print
  job; ``pdf`` is the same content rendered to PDF in memory, so its SHA-256 names what was
  printed.

The entry's subject is the case number (for a registerutdrag: empty, the case numbers are in
the details); details: kind, sections, period, recipient, reason, the decisions per item kind
(how many included, masked, withheld — never the content), the grounds cited, pages, size
and the PDF's SHA-256.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storage.atomic import atomic_write_bytes
from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.extract.errors import ExtractWriteError
from storage.extract.model import Extract


@dataclass(frozen=True)
class ExtractResult:
    path: Path | None
    sha256: str
    size: int


def audit_details(extract: Extract, pdf: bytes, output: str) -> dict[str, Any]:
    return {
        "kind": extract.kind,
        "output": output,
        "cases": list(extract.case_numbers),
        "sections": list(extract.sections),
        "from": extract.start.isoformat() if extract.start else None,
        "to": extract.end.isoformat() if extract.end else None,
        "recipient": extract.recipient,
        "reason": extract.reason,
        "decisions": extract.decisions,
        "grounds": list(extract.grounds),
        "size": len(pdf),
        "sha256": hashlib.sha256(pdf).hexdigest(),
    }


def _subject(extract: Extract) -> str:
    return extract.case_numbers[0] if extract.kind == "case" and extract.cases else ""


def save_extract(store: StoreLike, extract: Extract, pdf: bytes, path: Path) -> ExtractResult:
    details = audit_details(extract, pdf, "file")
    target = Path(path)
    with store.transaction():  # a failed write rolls the audit entry back
        repo.audit(store, "extract.save", _subject(extract), **details)
        try:
            atomic_write_bytes(target, pdf)
        except OSError:  # no such folder, no permission: a typed refusal
            raise ExtractWriteError() from None
    return ExtractResult(target, details["sha256"], len(pdf))


def record_print(store: StoreLike, extract: Extract, pdf: bytes) -> ExtractResult:
    details = audit_details(extract, pdf, "printer")
    with store.transaction():
        repo.audit(store, "extract.print", _subject(extract), **details)
    return ExtractResult(None, details["sha256"], len(pdf))
