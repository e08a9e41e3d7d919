"""The members of a handover bundle, read lazily: ``case.json`` and the case's documents.

Each document is fetched when the archive reaches it and dropped at its end, so one
document at a time is in memory; ``progress(done_bytes, total_bytes)`` is called as bytes
are read (raise from it to cancel). Every stream declares ``rebuild`` — the bytes of
``case.json``, or the document's id — so the bundle's recipe can write the same bytes
again after an interruption (sync/bundle/outbox.py).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any, BinaryIO

from sync.bundle.seal import MemberSpec
from sync.handover.case import CaseContent
from sync.handover.sections import CASE_MEMBER

#: ``progress(done_bytes, total_bytes)``; raise from it to cancel.
ProgressCallback = Callable[[int, int], None]


def case_bytes(content: CaseContent) -> bytes:
    return (json.dumps(content.data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


class _Progress:
    def __init__(self, total: int, callback: ProgressCallback | None) -> None:
        self.done, self.total, self.callback = 0, total, callback

    def add(self, n: int) -> None:
        self.done += n
        if self.callback is not None and n:
            self.callback(self.done, self.total)


class _LazyStream:
    """A member read once: the bytes are fetched on the first read and dropped at the end,
    so only one document is in memory at a time."""

    def __init__(
        self, load: Callable[[], bytes], size: int, progress: _Progress, rebuild: bytes | int
    ) -> None:
        self._load, self._size, self._progress = load, size, progress
        #: how the bundle's recipe gets these bytes again (sync.bundle.outbox): the bytes of
        #: case.json, or the id of a document (whose contents never change)
        self.rebuild = rebuild
        self._data: bytes | None = None
        self._pos = 0

    def tell(self) -> int:
        return self._pos

    def seek(self, pos: int, whence: int = 0) -> int:
        self._pos = pos
        return pos

    def read(self, n: int = -1) -> bytes:
        if self._data is None:
            if self._pos >= self._size:
                return b""
            self._data = self._load()
        end = len(self._data) if n < 0 else min(len(self._data), self._pos + n)
        block = self._data[self._pos : end]
        self._pos = end
        if self._pos >= len(self._data):
            self._data = None
        self._progress.add(len(block))
        return block


def _document_loader(store: Any, document_id: int) -> Callable[[], bytes]:
    def load() -> bytes:
        row = store.conn.execute(
            "SELECT content FROM document_contents WHERE document_id = ?", (document_id,)
        ).fetchone()
        return b"" if row is None else bytes(row[0])

    return load


def handover_members(
    store: Any, content: CaseContent, progress: ProgressCallback | None
) -> list[MemberSpec]:
    data = case_bytes(content)
    meter = _Progress(len(data) + sum(d.size for d in content.documents), progress)
    members: list[MemberSpec] = [
        (
            CASE_MEMBER,
            _as_stream(_LazyStream(lambda: data, len(data), meter, data)),
            len(data),
            hashlib.sha256(data).hexdigest(),
        )
    ]
    for ref in content.documents:
        stream = _LazyStream(
            _document_loader(store, ref.document_id), ref.size, meter, ref.document_id
        )
        members.append((ref.member, _as_stream(stream), ref.size, ref.sha256))
    return members


def _as_stream(stream: _LazyStream) -> BinaryIO:
    return stream  # type: ignore[return-value]
