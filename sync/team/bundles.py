"""Change bundles: writing one for a colleague, importing one from a colleague.

:func:`write_changes` seals ``changes.json`` (and the contents of the documents it adds, as
``blobs/<sha256>``) for one colleague into a file with a random name, through the outbox of
sync/bundle (the recipe is kept until the file is in place, docs/bundle-format.md §7); the
operations it carries — each signed by its author (sync/team/signatures.py; ours are signed
here when first sent) — are recorded as sent to that colleague in the same transaction that
records the bundle. :func:`import_changes` opens a bundle (every check of
docs/bundle-format.md §6), then in one transaction: what it tells about the shares
(sync/team/received.py), the checks of docs/sync.md §5, every operation's author signature,
the operations (audited ``team.apply``), what the colleague now has, and the bundle as seen
— or nothing at all.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storage.team import merge, rows
from storage.team.capture import author_key
from storage.team.ops import Op
from sync.bundle.manifest import (
    BUNDLE_EXTENSION,
    TEAM_BLOB_PREFIX,
    TEAM_CHANGES,
    TEAM_CHANGES_MAX_BYTES,
    TEAM_CHANGES_MEMBER,
    TEAM_CONTENT_MAX_BYTES,
)
from sync.bundle.open import OpenedBundle, open_bundle
from sync.bundle.seal import SealedBundle, seal_bundle
from sync.team import changes as ch
from sync.team import received, signatures
from sync.team.errors import (
    ChangeBundleTooLargeError,
    NotAChangeBundleError,
    NotSharedError,
)
from sync.team.members import is_colleague

#: A change bundle file larger than this is refused before it is opened.
FILE_MAX_BYTES = TEAM_CONTENT_MAX_BYTES + TEAM_CONTENT_MAX_BYTES // 64 + 1024 * 1024
EXPIRY = dt.timedelta(days=90)


@dataclass(frozen=True)
class Written:
    contact_id: int
    path: Path
    operations: int
    more: bool  # the cap was reached: the rest goes in the next bundle


@dataclass(frozen=True)
class Imported:
    contact_id: int
    operations: int
    known: int
    conflicts: int
    cases: tuple[str, ...]


def _utc() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _acks(store: Any, contact_id: int) -> list[int]:
    rows_ = store.conn.execute(
        "SELECT sequence FROM team_imported WHERE contact_id = ? AND operations > 0 "
        "ORDER BY sequence DESC LIMIT ?",
        (int(contact_id), ch.MAX_ACKS),
    ).fetchall()
    return sorted(int(r[0]) for r in rows_)


class _Blob(io.BytesIO):
    """A document's content as a member; the outbox recipe keeps the document's id
    (``rebuild``), not a second copy of its bytes (sync/bundle/outbox.py)."""

    def __init__(self, data: bytes, document_id: int) -> None:
        super().__init__(data)
        self.rebuild = document_id


def _blob(store: Any, sha256: str) -> _Blob | None:
    row = store.conn.execute(
        "SELECT d.id, c.content FROM documents d JOIN document_contents c "
        "ON c.document_id = d.id WHERE d.sha256 = ? ORDER BY d.id LIMIT 1",
        (sha256,),
    ).fetchone()
    return None if row is None else _Blob(bytes(row[1]), int(row[0]))


def _choose(
    store: Any, pending: list[Op], protected: dict[str, bool]
) -> tuple[list[tuple[Op, dict[str, Any]]], dict[str, _Blob], bool]:
    """The longest clock-order prefix of ``pending`` that fits the caps (each operation
    as it travels, before its signature is added)."""
    chosen: list[tuple[Op, dict[str, Any]]] = []
    blobs: dict[str, _Blob] = {}
    size, content = 0, 0
    for op in pending:
        data = ch.masked(store, op, protected.get(op.case, False))
        cost = len(json.dumps(data, ensure_ascii=False).encode()) + 2 + _sig_cost(op)
        extra: dict[str, _Blob] = {}
        if op.table == "documents" and "size" in op.set:
            sha = str(op.set["size"]["sha256"])
            blob = _blob(store, sha)
            if blob is not None and sha not in blobs:
                extra[sha] = blob
        added = sum(len(b.getbuffer()) for b in extra.values())
        if chosen and (
            size + cost > TEAM_CHANGES_MAX_BYTES - 64 * 1024
            or content + size + cost + added > TEAM_CONTENT_MAX_BYTES - 1024 * 1024
        ):
            return chosen, blobs, True
        chosen.append((op, data))
        blobs.update(extra)
        size += cost
        content += added
    return chosen, blobs, False


def _sig_cost(op: Op) -> int:
    """What an operation's signature adds to ``changes.json`` at most (bytes)."""
    return 200 + 110 * len(op.set)


def _relayable(store: Any, pending: list[Op]) -> list[Op]:
    """Without the protected details of a case, we never pass on another colleague's change
    of them: what we hold is masked (••), and it must not reach a colleague who has the
    real values (docs/sync.md §4). Another author's operation travels only with the
    signature it came with (sync/team/signatures.py)."""
    conn = store.conn
    me = author_key(conn)
    mine = signatures.own_authors(store)
    ours = {
        str(r[0]): bool(r[1]) for r in conn.execute("SELECT case_uid, protected FROM team_cases")
    }
    return [
        op
        for op in pending
        if (ours.get(op.case, False) or op.author == me or not ch.touches_protected(store, op))
        and signatures.signable(store, op, mine)
    ]


def write_changes(store: Any, contact_id: int, folder: Path) -> Written | None:
    """Seal a change bundle for one colleague into ``folder`` (a random file name), or
    return None when there is nothing new for them (no operation, acknowledgement or grant).
    """
    conn = store.conn
    grants = ch.grants_for(store, contact_id)
    removed = ch.removals_for(store, contact_id)
    handed_over = ch.handed_over_for(store, contact_id)
    if not grants and not removed and not handed_over:
        return None
    pending = _relayable(store, ch.pending_ops(store, contact_id))
    acks = _acks(store, contact_id)
    peer = conn.execute(
        "SELECT ack_sent, grants_sha256 FROM team_peers WHERE contact_id = ?", (int(contact_id),)
    ).fetchone()
    ack_sent, grants_sent = (int(peer[0]), peer[1]) if peer else (0, None)
    told: dict[str, Any] = {"shares": grants, "removed": removed}
    if handed_over:
        told["handed_over"] = handed_over
    grants_sha = hashlib.sha256(json.dumps(told, sort_keys=True).encode()).hexdigest()
    if not pending and max(acks, default=0) <= ack_sent and grants_sha == grants_sent:
        return None
    protected = {g["case"]: bool(g["protected"]) for g in grants}
    chosen, blobs, more = _choose(store, pending, protected)
    signatures.sign_own(store, [op for op, _data in chosen])
    signed = signatures.stored(store, [op.id for op, _data in chosen])
    sent = [signatures.wire(data, op, signed[op.id]) for op, data in chosen if op.id in signed]
    body = ch.changes_json(store, grants, sent, acks, removed, handed_over)
    members: list[tuple[str, bytes | _Blob, int]] = [(TEAM_CHANGES_MEMBER, body, len(body))]
    members += [
        (f"{TEAM_BLOB_PREFIX}{sha}", blob, len(blob.getbuffer())) for sha, blob in blobs.items()
    ]
    out = Path(folder) / f"{secrets.token_hex(16)}{BUNDLE_EXTENSION}"

    def record(sealed: SealedBundle) -> None:
        conn.executemany(
            "INSERT OR IGNORE INTO team_sent (contact_id, sequence, op_id) VALUES (?, ?, ?)",
            [(int(contact_id), sealed.sequence, op["id"]) for op in sent],
        )
        conn.execute(
            "INSERT INTO team_peers (contact_id, ack_sent, grants_sha256, last_write_at) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (contact_id) DO UPDATE SET "
            "ack_sent = max(ack_sent, excluded.ack_sent), grants_sha256 = excluded.grants_sha256, "
            "last_write_at = excluded.last_write_at",
            (int(contact_id), max(acks, default=0), grants_sha, _utc()),
        )

    seal_bundle(
        store,
        kind=TEAM_CHANGES,
        recipients=[int(contact_id)],
        members=members,
        out=out,
        expires=EXPIRY,
        on_sealed=record,
    )
    return Written(int(contact_id), out, len(sent), more)


def _blobs(opened: OpenedBundle) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    for member in opened.members[1:]:
        sha = member.name.removeprefix(TEAM_BLOB_PREFIX)
        data = opened.read_member_bytes(member.name)
        if hashlib.sha256(data).hexdigest() != sha:
            raise NotAChangeBundleError()
        out[sha] = data
    return out


def import_changes(store: Any, path: Path, *, today: dt.date | None = None) -> Imported:
    """Import a colleague's change bundle in one transaction, or refuse it changing nothing."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError:
        size = 0  # open_bundle reports the unreadable file
    if size > FILE_MAX_BYTES:
        raise ChangeBundleTooLargeError(limit=TEAM_CONTENT_MAX_BYTES // 1024**2)
    opened = open_bundle(store, path)
    try:
        if opened.kind != TEAM_CHANGES:
            raise NotAChangeBundleError()
        sender = opened.sender
        if not is_colleague(store, sender):
            raise NotSharedError()
        untrusted = ch.parse_changes(opened.read_member_bytes(TEAM_CHANGES_MEMBER))
        blobs = _blobs(opened)
        day = today or dt.datetime.now(dt.UTC).date()
        with store.transaction():
            numbers = received.apply_grants(store, sender, untrusted.grants)
            received.check_cases(store, sender, untrusted.ops, day)
            signatures.verify_ops(store, untrusted.ops, untrusted.signatures)
            received.confirmations(store, sender, untrusted.removed)
            received.handed_over(store, sender, untrusted.handed_over)
            upgrades = signatures.unmasked(store, untrusted.ops, untrusted.signatures)
            applied = merge.apply_ops(
                store, untrusted.ops, origin=sender.id, blobs=blobs, case_numbers=numbers
            )
            signatures.keep_all(store, untrusted.ops, untrusted.signatures)
            if upgrades:  # known operations that now bring the values we held as ••
                merge.unmask(store, [(op, regs) for op, _sig, regs in upgrades], origin=sender.id)
                signatures.keep_unmasked(store, upgrades)
            conn = store.conn
            conn.executemany(
                "INSERT OR IGNORE INTO team_delivered (contact_id, op_id) VALUES (?, ?)",
                [(sender.id, o.id) for o in untrusted.ops],
            )
            for seq in untrusted.acknowledged:
                conn.execute(
                    "INSERT OR IGNORE INTO team_delivered (contact_id, op_id) SELECT contact_id, "
                    "op_id FROM team_sent WHERE contact_id = ? AND sequence = ?",
                    (sender.id, seq),
                )
            conn.execute(
                "INSERT INTO team_imported (contact_id, sequence, operations, imported_at) "
                "VALUES (?, ?, ?, ?)",
                (sender.id, opened.manifest.sequence, len(untrusted.ops), _utc()),
            )
            conn.execute(
                "INSERT INTO team_peers (contact_id, last_import_at) VALUES (?, ?) "
                "ON CONFLICT (contact_id) DO UPDATE SET last_import_at = excluded.last_import_at",
                (sender.id, _utc()),
            )
            opened.commit_seen()
    except BaseException:
        opened.discard()
        raise
    return Imported(
        sender.id, applied.new, applied.known, applied.conflicts, tuple(sorted(applied.cases))
    )


def case_uid_of(store: Any, case_id: int) -> str | None:
    return rows.uid_of(store.conn, "cases", case_id)
