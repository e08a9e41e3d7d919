"""The bundles we sealed, from the sealing transaction until they sit where they were asked
for — and what it takes to write exactly the same bytes again (docs/bundle-format.md §7).

A bundle's file cannot appear in the same instant as the transaction that records it. Its
*recipe* is therefore committed in that transaction (``sync_outbox``, schema step 9): the
age envelope (file key, header, nonce), the signed manifest and its signature, and the
members — small ones as bytes, documents by id (their contents never change). The file
itself goes through :mod:`storage.vault.outputs` (temp file registered before it exists,
renamed after the commit). Whatever a kill interrupts, the next unlock either finds the
file in place, renames the finished temp file into place, or writes the same bytes again
from the recipe (sync/bundle/rewrite.py). The bundle id and the file hash never change:
a bundle written again is the *same* bundle, so a receiver can import it once only, and a
receipt for it matches.

The envelope holds a secret (the file key), inside the encrypted store only. It is kept
while the recipient can still open the bundle and dropped when it cannot (expiry), when a
receipt answered it, when it was cancelled, or with its case (the rows cascade): see
:func:`forget_recipe`. A receipt keeps its ``receipt.json`` after that, so a fresh receipt
with the same content can be sealed (sync/handover/resume.py).
"""

from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from storage.vault.audit import utc_now
from sync.age import (
    Envelope,
    write_sealed,
)
from sync.bundle.manifest import (
    TEAM_CHANGES,
    parse_manifest,
)
from sync.wire.fields import format_time
from sync.wire.offload import (
    BackgroundHash,
    Block,
    Offload,
    start_writeback,
    write_all,
)

SEALED, PLACED = "sealed", "placed"
#: Kinds whose recipe serves only the window between the sealing commit and the rename: a
#: change bundle in place is never written again (what the colleague has not acknowledged
#: travels again in our next change bundle, docs/sync.md §4), so its recipe — the file key
#: and ``changes.json`` with case content — is dropped as soon as the file is in place.
RECIPE_UNTIL_PLACED = frozenset({TEAM_CHANGES})
#: How the file got where it is: the sealing run itself, the next unlock, or a command
#: that wrote it again.
BY_SEAL, BY_UNLOCK, BY_WRITE = "seal", "unlock", "write"


@dataclass(frozen=True)
class RecipeMember:
    """One member as kept for writing the bundle again: its bytes, or a document's id."""

    name: str
    size: int
    sha256: str
    content: bytes | None = field(default=None, repr=False)
    document_id: int | None = None


@dataclass(frozen=True)
class OutboxEntry:
    bundle_id: str
    kind: str
    state: str  # sealed (recorded; not known to be in place) | placed
    target: Path
    sha256: str
    size: int
    expires: str  # UTC, as in the manifest
    generation: int  # of our signing key
    handover_id: int | None
    case_id: int | None
    answers: str | None  # a receipt: the bundle id it answers
    rewritable: bool  # the recipe is complete: the same bytes can be written again
    sealed_at: str
    placed_at: str | None
    placed_by: str | None

    @property
    def placed(self) -> bool:
        return self.state == PLACED

    def expired(self, now: datetime | None = None) -> bool:
        return self.expires <= format_time(now or datetime.now(UTC))


#: Written bytes after which the kernel is asked to start writing them to the disk.
WRITEBACK_BYTES = 8 * 1024 * 1024


class HashingWriter:
    """Writes to the file descriptor ``fd`` and hashes what passes, each on a background
    thread of its own (:class:`~sync.wire.offload.Offload`), so the caller can encrypt the
    next chunk meanwhile; blocks go out in writes of about 512 KiB (``os.writev``). Call
    :meth:`finish` (then :meth:`hexdigest` and ``size`` are final) or :meth:`cancel`."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.size = 0
        self._hash = BackgroundHash(hashlib.sha256(), name="bundle-hash")
        self._written = self._flushed = os.lseek(fd, 0, os.SEEK_CUR)
        self._offload = Offload(self._write, name="bundle-writer")

    def _write(self, blocks: list[Block]) -> None:
        write_all(self.fd, blocks)
        self._written += sum(len(b) for b in blocks)
        if self._written - self._flushed >= WRITEBACK_BYTES:  # the fsync will find less
            start_writeback(self.fd, self._flushed, self._written - self._flushed)
            self._flushed = self._written

    def write(self, data: bytes) -> int:
        self.size += len(data)
        self._hash.update(data)
        self._offload.put(data)
        return len(data)

    def finish(self) -> None:
        self._offload.finish()

    def hexdigest(self) -> str:
        """The SHA-256 of everything written (waits for the hashing thread)."""
        return self._hash.hexdigest()

    def cancel(self) -> None:
        self._offload.cancel()
        self._hash.cancel()


def write_bundle_file(fd: int, source: Any, envelope: Envelope) -> tuple[str, int]:
    """Write the age file of ``source`` under ``envelope`` to ``fd`` (at its offset), with the
    SHA-256 and size of what was written: encryption here, hashing and writing beside it."""
    writer = HashingWriter(fd)
    try:
        write_sealed(source, writer, envelope)  # type: ignore[arg-type]
        writer.finish()  # hashed and written
    except BaseException:
        writer.cancel()
        raise
    return writer.hexdigest(), writer.size


def recipe_member(name: str, stream: Any, start: int, size: int, sha256: str) -> RecipeMember:
    """What a member spec tells about writing the member again: bytes given as ``bytes``
    (a ``BytesIO``), or what the stream declares in ``rebuild`` (bytes, or a document id);
    a member that declares nothing has neither (then the bundle is not rewritable)."""
    declared = getattr(stream, "rebuild", None)
    if isinstance(declared, bytes):
        return RecipeMember(name, size, sha256, content=declared)
    if isinstance(declared, int) and not isinstance(declared, bool):
        return RecipeMember(name, size, sha256, document_id=declared)
    if isinstance(stream, io.BytesIO):
        return RecipeMember(name, size, sha256, content=stream.getvalue()[start : start + size])
    return RecipeMember(name, size, sha256)


def record(
    store: Any,
    *,
    bundle_id: str,
    kind: str,
    target: Path,
    sha256: str,
    size: int,
    expires: datetime,
    generation: int,
    envelope: Envelope,
    manifest: bytes,
    signature: bytes,
    members: list[RecipeMember],
) -> None:
    """Inside the sealing transaction: the outbox row and the recipe."""
    complete = all(m.content is not None or m.document_id is not None for m in members)
    store.conn.execute(
        "INSERT INTO sync_outbox (bundle_id, kind, state, target, sha256, size, expires, "
        "generation, file_key, age_header, age_nonce, manifest, signature, sealed_at, "
        "sealed_by) VALUES (?, ?, 'sealed', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            bundle_id,
            kind,
            str(target),
            sha256,
            int(size),
            format_time(expires),
            int(generation),
            envelope.file_key if complete else None,
            envelope.header if complete else None,
            envelope.nonce if complete else None,
            manifest,
            signature,
            utc_now(),
            store.actor,
        ),
    )
    if not complete:
        return
    store.conn.executemany(
        "INSERT INTO sync_outbox_members (bundle_id, position, name, size, sha256, content, "
        "document_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (bundle_id, i, m.name, m.size, m.sha256, m.content, m.document_id)
            for i, m in enumerate(members)
        ],
    )


def link(
    store: Any,
    bundle_id: str,
    *,
    handover_id: int | None = None,
    case_id: int | None = None,
    answers: str | None = None,
) -> None:
    """Inside the sealing transaction (``on_sealed``): what the bundle belongs to, so it
    goes with its handover or case (gallring) and a receipt can be found by what it answers."""
    store.conn.execute(
        "UPDATE sync_outbox SET handover_id = coalesce(?, handover_id), "
        "case_id = coalesce(?, case_id), answers = coalesce(?, answers) WHERE bundle_id = ?",
        (handover_id, case_id, answers, bundle_id),
    )


def mark_placed(store: Any, bundle_id: str, by: str, target: Path | None = None) -> None:
    """Inside the caller's transaction: the file is in place; a bundle of a kind in
    :data:`RECIPE_UNTIL_PLACED` loses its recipe here."""
    store.conn.execute(
        "UPDATE sync_outbox SET state = 'placed', placed_at = ?, placed_by = ?, "
        "target = coalesce(?, target) WHERE bundle_id = ?",
        (utc_now(), by, None if target is None else str(target), bundle_id),
    )
    row = store.conn.execute("SELECT kind FROM sync_outbox WHERE bundle_id = ?", (bundle_id,))
    found = row.fetchone()
    if found is not None and found[0] in RECIPE_UNTIL_PLACED:
        forget_recipe(store, bundle_id)


def give_up(store: Any, bundle_id: str) -> None:
    """Inside the caller's transaction: forget a bundle that is owed but must not be written
    any more (a change bundle whose case this laptop removes: its recipe holds the case's
    content). The sealed bundle stays recorded (``sync_sealed_bundles``); a finished temp
    file of it, should one be left, is still put in place by the next unlock."""
    store.conn.execute("DELETE FROM sync_outbox WHERE bundle_id = ?", (bundle_id,))


_ENTRY_SQL = (
    "SELECT bundle_id, kind, state, target, sha256, size, expires, generation, handover_id, "
    "case_id, answers, file_key IS NOT NULL, sealed_at, placed_at, placed_by FROM sync_outbox "
)


def _entry(r: Any) -> OutboxEntry:
    return OutboxEntry(
        r[0],
        r[1],
        r[2],
        Path(r[3]),
        r[4],
        int(r[5]),
        r[6],
        int(r[7]),
        r[8],
        r[9],
        r[10],
        bool(r[11]),
        r[12],
        r[13],
        r[14],
    )


def entry(store: Any, bundle_id: str) -> OutboxEntry | None:
    row = store.conn.execute(_ENTRY_SQL + "WHERE bundle_id = ?", (bundle_id,)).fetchone()
    return None if row is None else _entry(row)


def entries(store: Any, *, state: str | None = None, kind: str | None = None) -> list[OutboxEntry]:
    rows = store.conn.execute(
        _ENTRY_SQL + "WHERE (? IS NULL OR state = ?) AND (? IS NULL OR kind = ?) "
        "ORDER BY sealed_at, bundle_id",
        (state, state, kind, kind),
    )
    return [_entry(r) for r in rows]


def answering(store: Any, bundle_id: str) -> list[OutboxEntry]:
    """The receipts we sealed that answer ``bundle_id``, newest last."""
    rows = store.conn.execute(
        _ENTRY_SQL + "WHERE answers = ? ORDER BY sealed_at, bundle_id", (bundle_id,)
    )
    return [_entry(r) for r in rows]


def member_bytes(store: Any, bundle_id: str, name: str) -> bytes | None:
    """A member kept as bytes (``receipt.json`` of a receipt), or None."""
    row = store.conn.execute(
        "SELECT content FROM sync_outbox_members WHERE bundle_id = ? AND name = ?",
        (bundle_id, name),
    ).fetchone()
    return None if row is None or row[0] is None else bytes(row[0])


def manifest_bytes(store: Any, bundle_id: str) -> bytes | None:
    row = store.conn.execute(
        "SELECT manifest FROM sync_outbox WHERE bundle_id = ?", (bundle_id,)
    ).fetchone()
    return None if row is None else bytes(row[0])


def post_quantum(store: Any, bundle_id: str) -> bool:
    """Whether our own signed manifest names post-quantum keys for every recipient."""
    raw = manifest_bytes(store, bundle_id)
    if raw is None:
        return False
    recipients = parse_manifest(raw).recipients
    return all(a.startswith("age1pq1") for r in recipients for a in r.age_recipients)


def forget_recipe(store: Any, bundle_id: str, *, keep_members: bool = False) -> None:
    """Drop the secret envelope (and the members unless ``keep_members``): the bundle can
    no longer be written again. Inside the caller's transaction, or in its own."""
    with store.transaction():
        store.conn.execute(
            "UPDATE sync_outbox SET file_key = NULL, age_header = NULL, age_nonce = NULL "
            "WHERE bundle_id = ?",
            (bundle_id,),
        )
        if not keep_members:
            store.conn.execute("DELETE FROM sync_outbox_members WHERE bundle_id = ?", (bundle_id,))
