"""Writing a sealed bundle again, byte for byte, from its recipe (sync/bundle/outbox.py), and
placing at the next start what a killed run owed (docs/bundle-format.md §7).

- :func:`write_again` (bundle id, ``out``): the same bytes, through
  :mod:`storage.vault.outputs`; the SHA-256 must be the recorded one, else nothing is
  written (:class:`BundleNotRewritableError`).
- :func:`in_place`: whether a file holds exactly that bundle.
- :func:`reconcile_outbox` — after every unlock (the CLI and the GUI session call it): a
  bundle recorded but not known to be in place is found there (the unlock renamed its temp
  file) or written again; recipes of bundles nobody can open any more are dropped.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from storage.errors import UtvagError
from storage.vault.outputs import (
    begin_output,
    discard_output,
    file_sha256,
    io_error,
    mark_ready,
    place_output,
)
from sync.age import (
    Envelope,
)
from sync.bundle.errors import BundleNotRewritableError
from sync.bundle.manifest import (
    MANIFEST_NAME,
    SIGNATURE_NAME,
)
from sync.bundle.outbox import (
    BY_UNLOCK,
    BY_WRITE,
    SEALED,
    OutboxEntry,
    RecipeMember,
    entries,
    entry,
    forget_recipe,
    mark_placed,
    write_bundle_file,
)
from sync.wire.fields import format_time
from sync.wire.ustar import (
    IterReader,
    archive_blocks,
)


def _recipe(store: Any, bundle_id: str) -> tuple[Envelope, bytes, bytes, list[RecipeMember]]:
    row = store.conn.execute(
        "SELECT file_key, age_header, age_nonce, manifest, signature FROM sync_outbox "
        "WHERE bundle_id = ?",
        (bundle_id,),
    ).fetchone()
    if row is None or row[0] is None:
        raise BundleNotRewritableError(bundle=bundle_id)
    members = [
        RecipeMember(r[0], int(r[1]), r[2], None if r[3] is None else bytes(r[3]), r[4])
        for r in store.conn.execute(
            "SELECT name, size, sha256, content, document_id FROM sync_outbox_members "
            "WHERE bundle_id = ? ORDER BY position",
            (bundle_id,),
        )
    ]
    envelope = Envelope(bytes(row[0]), bytes(row[1]), bytes(row[2]))
    return envelope, bytes(row[3]), bytes(row[4]), members


def _member_streams(
    store: Any, bundle_id: str, members: list[RecipeMember]
) -> Iterator[tuple[str, BinaryIO, int, str]]:
    """Each member's bytes when the archive reaches it: one document in memory at a time
    (read like the export reads it, without a ``document.open`` entry: writing the same
    bundle again is audited as such)."""
    for m in members:
        if m.content is not None:
            data = m.content
        elif m.document_id is not None:
            row = store.conn.execute(
                "SELECT content FROM document_contents WHERE document_id = ?", (m.document_id,)
            ).fetchone()
            if row is None:
                raise BundleNotRewritableError(bundle=bundle_id)
            data = bytes(row[0])
        else:
            raise BundleNotRewritableError(bundle=bundle_id)
        yield m.name, io.BytesIO(data), m.size, m.sha256


def write_again(store: Any, bundle_id: str, out: Path, *, by: str = BY_WRITE) -> Path:
    """Write exactly the bytes of ``bundle_id`` to ``out`` (atomically, through
    :mod:`storage.vault.outputs`); the SHA-256 must be the recorded one.

    Raises :class:`BundleNotRewritableError` when the recipe is gone or the bytes would
    differ (then nothing is written). A bundle never placed is now placed at ``out``.
    """
    found = entry(store, bundle_id)
    if found is None:
        raise BundleNotRewritableError(bundle=bundle_id)
    envelope, manifest, signature, members = _recipe(store, bundle_id)
    target = Path(out).absolute()
    output = begin_output(store, target, "bundle")
    try:
        with open(output.temp, "r+b", buffering=0) as raw:
            head = [(MANIFEST_NAME, manifest), (SIGNATURE_NAME, signature)]
            source = IterReader(archive_blocks(head, _member_streams(store, bundle_id, members)))
            sha256, size = write_bundle_file(raw.fileno(), source, envelope)
            os.ftruncate(raw.fileno(), size)
            os.fsync(raw.fileno())
        if sha256 != found.sha256 or size != found.size:
            raise BundleNotRewritableError(bundle=bundle_id)
        with store.transaction():
            mark_ready(store, output, found.sha256, found.size)
    except OSError as exc:
        discard_output(store, output)
        raise io_error(exc) from exc
    except BaseException:
        discard_output(store, output)
        raise
    place_output(store, output)
    if not found.placed:
        with contextlib.suppress(UtvagError), store.transaction():
            mark_placed(store, bundle_id, by, target)
    return target


def in_place(found: OutboxEntry, target: Path | None = None) -> bool:
    """Whether ``target`` (default: where it was asked for) holds exactly this bundle."""
    path = target or found.target
    try:
        if not path.is_file() or path.stat().st_size != found.size:
            return False
        return file_sha256(path)[0] == found.sha256
    except OSError:
        return False


# ---------------------------------------------------------------- at the next start


@dataclass
class OutboxReconciled:
    placed: list[str] = field(default_factory=list)  # bundle ids found or put in place
    not_written: list[str] = field(default_factory=list)  # still owed (folder gone, …)
    recipes_dropped: int = 0


def reconcile_outbox(store: Any, now: datetime | None = None) -> OutboxReconciled:
    """After an unlock: every bundle recorded but not known to be in place is found there
    (the unlock renamed its temp file), or written again from its recipe; recipes of
    bundles nobody can open any more are dropped. Never raises for a file it cannot write
    (it stays owed: ``not_written``); audits ``bundle.placed`` for each bundle it wrote."""
    report = OutboxReconciled()
    for found in entries(store, state=SEALED):
        if in_place(found):
            with store.transaction():
                mark_placed(store, found.bundle_id, BY_UNLOCK)
            report.placed.append(found.bundle_id)
            continue
        if not found.rewritable or found.expired(now) or not found.target.parent.is_dir():
            report.not_written.append(found.bundle_id)
            continue
        try:
            write_again(store, found.bundle_id, found.target, by=BY_UNLOCK)
        except (UtvagError, OSError):
            report.not_written.append(found.bundle_id)
            continue
        store.audit.append(
            "bundle.placed",
            f"bundle:{found.bundle_id}",
            {"kind": found.kind, "sha256": found.sha256},
        )
        report.placed.append(found.bundle_id)
    stale = store.conn.execute(
        "SELECT bundle_id, kind FROM sync_outbox WHERE file_key IS NOT NULL AND expires <= ?",
        (format_time(now or datetime.now(UTC)),),
    ).fetchall()
    for bundle_id, kind in stale:
        forget_recipe(store, bundle_id, keep_members=kind == "receipt")
        report.recipes_dropped += 1
    return report
