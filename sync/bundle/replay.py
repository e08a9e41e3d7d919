"""Replay and rollback protection, and the record of bundles we sealed.

- Receiving: a bundle id is accepted once, ever (``sync_seen_bundles``, append-only by
  trigger), and a sender's sequence number must be greater than the last one accepted
  from that contact (``sync_contacts.last_sequence``, which a trigger keeps from going
  back). Checked when the manifest is verified and again in ``commit_seen``.
- Sending: :func:`reserve_sequence` hands out our next sequence number (committed before
  the file is written, so a failure leaves a gap, never a reuse); :func:`record_sealed`
  keeps what a receipt will be matched against.
"""

from __future__ import annotations

import json
from typing import Any

from storage.vault.audit import utc_now
from sync.bundle.errors import (
    ReplayedBundleError,
    SequenceRollbackError,
)
from sync.bundle.manifest import Manifest
from sync.wire.fields import format_time


def check_new(store: Any, contact_id: int, bundle_id: str, sequence: int) -> None:
    """Refuse a bundle id seen before, or a sequence not above the last one accepted."""
    if store.conn.execute(
        "SELECT 1 FROM sync_seen_bundles WHERE bundle_id = ?", (bundle_id,)
    ).fetchone():
        raise ReplayedBundleError(bundle=bundle_id)  # verified: named for the caller
    row = store.conn.execute(
        "SELECT last_sequence FROM sync_contacts WHERE id = ?", (contact_id,)
    ).fetchone()
    last = int(row[0]) if row else 0
    if sequence <= last:
        raise SequenceRollbackError(found=sequence, last=last)


def record_seen(store: Any, contact_id: int, manifest: Manifest, file_sha256: str) -> None:
    """Inside the import transaction: remember the bundle id, move the sequence forward."""
    check_new(store, contact_id, manifest.bundle_id, manifest.sequence)
    store.conn.execute(
        "INSERT INTO sync_seen_bundles (bundle_id, contact_id, kind, sequence, file_sha256, "
        "created, expires, seen_at, seen_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            manifest.bundle_id,
            contact_id,
            manifest.kind,
            manifest.sequence,
            file_sha256,
            format_time(manifest.created),
            format_time(manifest.expires),
            utc_now(),
            store.actor,
        ),
    )
    store.conn.execute(
        "UPDATE sync_contacts SET last_sequence = ? WHERE id = ?", (manifest.sequence, contact_id)
    )


def reserve_sequence(store: Any) -> int:
    """Our next sender sequence number (commits at once: numbers are never reused)."""
    with store.transaction():
        row = store.conn.execute(
            "SELECT value FROM sync_state WHERE key = 'next_sequence'"
        ).fetchone()
        value = int(row[0])
        store.conn.execute(
            "UPDATE sync_state SET value = ? WHERE key = 'next_sequence'", (value + 1,)
        )
        return value


def record_sealed(
    store: Any, manifest: Manifest, generation: int, file_sha256: str, contact_ids: list[int]
) -> None:
    store.conn.execute(
        "INSERT INTO sync_sealed_bundles (bundle_id, kind, sequence, generation, file_sha256, "
        "case_ref, recipients, created, expires, sealed_at, sealed_by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            manifest.bundle_id,
            manifest.kind,
            manifest.sequence,
            generation,
            file_sha256,
            manifest.case_ref,
            json.dumps(sorted(contact_ids)),
            format_time(manifest.created),
            format_time(manifest.expires),
            utc_now(),
            store.actor,
        ),
    )


def sealed_bundle(store: Any, bundle_id: str) -> tuple[str, list[int], str] | None:
    """(file sha256, recipient contact ids, case ref) of a bundle we sealed, or None."""
    row = store.conn.execute(
        "SELECT file_sha256, recipients, case_ref FROM sync_sealed_bundles WHERE bundle_id = ?",
        (bundle_id,),
    ).fetchone()
    if row is None:
        return None
    return str(row[0]), [int(i) for i in json.loads(row[1])], str(row[2])
