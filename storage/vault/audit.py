"""The audit log: append-only, hash-chained entries inside the encrypted store.

Each entry is (seq, ts, actor, action, subject, details, prev_hash, hash) with
``hash = SHA-256(prev_hash (ASCII hex) || canonical_json({"ts", "actor", "action",
"subject", "details"}))``; the first entry's ``prev_hash`` is ``SHA-256("utvag/v1/audit-genesis/"
|| store_id)``. ``seq`` is left out of the hash on purpose: the chain alone fixes order and
membership, ``verify`` checks that ``seq`` runs 1..n along it, and leaving it out lets
``verify`` name exactly which entry was inserted or moved instead of flagging every entry
after it. The head (seq, hash) lives in ``meta`` and is updated in the same transaction;
SQL triggers make ``audit_log`` append-only. An export carries the head hash so it can be
anchored outside the store (someone holding the data key could rewrite the whole chain;
an anchored head shows it).

Details must never hold personal data from a case file: ids and counts only.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from json.encoder import encode_basestring as _encode_string
from pathlib import Path
from typing import IO, Any

from storage.atomic import atomic_write_bytes
from storage.errors import ValidationError
from storage.vault.crypto import canonical_json

HEAD_SEQ = "audit_head_seq"
HEAD_HASH = "audit_head_hash"
EXPORT_FORMAT = "utvag-audit-export"

PROBLEM_TEXT = {
    "altered": "Entry {seq} was altered: its content does not match its hash.",
    "deleted": "Entry {seq} is missing: it was deleted.",
    "inserted": "Entry {seq} was inserted: it is not part of the original chain.",
    "reordered": "Entry {seq} is out of order: entries were reordered.",
    "renumbered": "Entry {seq} has a changed sequence number.",
    "head": "The audit log's head record is missing or damaged.",
}


def utc_now() -> str:
    # "%Y-%m-%dT%H:%M:%S.%fZ", without strftime's cost (an entry per record in an import)
    return datetime.now(UTC).isoformat(timespec="microseconds").removesuffix("+00:00") + "Z"


def to_timestamp(value: str | datetime | None) -> str | None:
    """A bound for ``entries``: ISO text as stored, or an aware/naive-UTC datetime."""
    if value is None or isinstance(value, str):
        return value
    if value.tzinfo is not None:
        value = value.astimezone(UTC)
    return value.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def genesis_hash(store_id: str) -> str:
    return hashlib.sha256(b"utvag/v1/audit-genesis/" + store_id.encode("utf-8")).hexdigest()


def entry_hash(prev_hash: str, ts: str, actor: str, action: str, subject: str, details: Any) -> str:
    body = {"ts": ts, "actor": actor, "action": action, "subject": subject, "details": details}
    return hashlib.sha256(prev_hash.encode("ascii") + canonical_json(body)).hexdigest()


def details_json(details: dict[str, Any]) -> str:
    """The details as stored and hashed: canonical JSON text (``canonical_json``'s rules).

    Keys that are not strings sort differently before and after a JSON round trip
    (``{2: …, 10: …}``), so such details are read back once and written again: the text is
    then exactly what ``canonical_json`` makes of the stored details when ``verify`` runs."""
    text = json.dumps(
        details, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )
    if not _string_keys(details):
        text = canonical_json(json.loads(text)).decode("utf-8")
    return text


def _string_keys(value: Any) -> bool:
    if isinstance(value, dict):
        return all(type(k) is str and _string_keys(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return all(_string_keys(v) for v in value)
    return True


def _json_value(value: Any) -> str:
    if type(value) is str:
        return _encode_string(value)
    return canonical_json(value).decode("utf-8")


def entry_hash_of_text(
    prev_hash: str, ts: str, actor: str, action: str, subject: str, details_text: str
) -> str:
    """:func:`entry_hash` for details already in :func:`details_json`'s canonical text: the
    body is put together around it in ``canonical_json``'s key order instead of encoding the
    details again (an entry per record of a bulk import; tests/test_store_audit.py checks that
    both give the same hash)."""
    body = (
        '{"action":'
        + _json_value(action)
        + ',"actor":'
        + _json_value(actor)
        + ',"details":'
        + details_text
        + ',"subject":'
        + _json_value(subject)
        + ',"ts":'
        + _json_value(ts)
        + "}"
    )
    return hashlib.sha256(prev_hash.encode("ascii") + body.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    ts: str
    actor: str
    action: str
    subject: str
    details: dict[str, Any]
    prev_hash: str
    hash: str

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "ts": self.ts,
            "actor": self.actor,
            "action": self.action,
            "subject": self.subject,
            "details": self.details,
            "prev_hash": self.prev_hash,
            "hash": self.hash,
        }


@dataclass(frozen=True)
class AuditIssue:
    seq: int
    kind: str  # altered | deleted | inserted | reordered | renumbered | head

    def text(self) -> str:
        return PROBLEM_TEXT[self.kind].format(seq=self.seq)


@dataclass(frozen=True)
class AuditVerifyResult:
    ok: bool
    problems: list[str]
    issues: list[AuditIssue] = field(default_factory=list)
    count: int = 0
    head_seq: int = 0
    head_hash: str = ""

    @property
    def bad_seqs(self) -> list[int]:
        return sorted({i.seq for i in self.issues if i.seq > 0})


@dataclass(frozen=True)
class AuditExport:
    count: int
    head_seq: int
    head_hash: str


def _parse_details(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text


class AuditLog:
    """The store's audit log; ``transaction`` is the store's (nesting) transaction."""

    def __init__(
        self,
        conn: Any,
        store_id: str,
        actor: str,
        transaction: Callable[[], AbstractContextManager[Any]],
    ) -> None:
        self._conn = conn
        self.store_id = store_id
        self.actor = actor
        self._transaction = transaction
        #: Inside ``Store.all_or_nothing``: the chain's head, kept here and written to meta
        #: once at the end of that transaction (the rows are the same; nobody else can
        #: append while it holds the write lock). None = not in one.
        self._bulk_head: tuple[int, str] | None = None
        self._bulk = False

    def begin_bulk(self) -> None:
        self._bulk, self._bulk_head = True, None

    def end_bulk(self, *, write: bool) -> None:
        """Leave bulk mode; ``write``: store the head in meta (before the COMMIT)."""
        head, self._bulk, self._bulk_head = self._bulk_head, False, None
        if write and head is not None:
            self._write_head(*head)

    def _write_head(self, seq: int, digest: str) -> None:
        self._conn.executemany(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [(HEAD_SEQ, str(seq)), (HEAD_HASH, digest)],
        )

    def head(self) -> tuple[int, str]:
        rows = dict(
            self._conn.execute(
                "SELECT key, value FROM meta WHERE key IN (?, ?)", (HEAD_SEQ, HEAD_HASH)
            ).fetchall()
        )
        if HEAD_SEQ not in rows or HEAD_HASH not in rows:
            return 0, genesis_hash(self.store_id)
        return int(rows[HEAD_SEQ]), str(rows[HEAD_HASH])

    def append(
        self,
        action: str,
        subject: str = "",
        details: dict[str, Any] | None = None,
        *,
        actor: str | None = None,
    ) -> int:
        """Append one entry (inside the open transaction, else in its own); returns its seq."""
        if not action or not isinstance(details or {}, dict):
            raise ValidationError()
        try:
            details_text = details_json(details or {})
        except (TypeError, ValueError) as exc:
            raise ValidationError() from exc
        who = self.actor if actor is None else actor
        with self._transaction():
            if self._bulk and self._bulk_head is not None:
                seq, prev = self._bulk_head  # our own last entry, in this transaction
            else:
                seq, prev = self.head()
                # Chain to the head kept in meta; number after any row added behind its
                # back, so a tampered log still takes new entries and verify() names them.
                last = self._conn.execute("SELECT coalesce(max(seq), 0) FROM audit_log").fetchone()
                seq = max(seq, int(last[0]))
            seq += 1
            ts = utc_now()
            digest = entry_hash_of_text(prev, ts, who, action, subject, details_text)
            self._conn.execute(
                "INSERT INTO audit_log (seq, ts, actor, action, subject, details, prev_hash, hash)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (seq, ts, who, action, subject, details_text, prev, digest),
            )
            if self._bulk:
                self._bulk_head = (seq, digest)
            else:
                self._write_head(seq, digest)
        return seq

    def entries(
        self,
        since: str | datetime | None = None,
        until: str | datetime | None = None,
        action: str | None = None,
        actor: str | None = None,
        limit: int | None = None,
    ) -> list[AuditEntry]:
        """Entries in seq order; ``since`` inclusive, ``until`` exclusive (UTC)."""
        where: list[str] = []
        args: list[Any] = []
        for clause, value in (
            ("ts >= ?", to_timestamp(since)),
            ("ts < ?", to_timestamp(until)),
            ("action = ?", action),
            ("actor = ?", actor),
        ):
            if value is not None:
                where.append(clause)
                args.append(value)
        sql = "SELECT seq, ts, actor, action, subject, details, prev_hash, hash FROM audit_log"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY seq"
        if limit is not None:
            sql += " LIMIT ?"
            args.append(int(limit))
        return [
            AuditEntry(r[0], r[1], r[2], r[3], r[4], _parse_details(r[5]), r[6], r[7])
            for r in self._conn.execute(sql, args).fetchall()
        ]

    def verify(self) -> AuditVerifyResult:
        """Check the whole chain; name each edited, deleted, inserted or reordered entry."""
        rows = self.entries()
        genesis = genesis_hash(self.store_id)
        by_hash = {r.hash: r for r in rows}
        linked = {r.prev_hash for r in rows}
        found: list[AuditIssue] = []

        def add(seq: int, kind: str) -> None:
            issue = AuditIssue(seq, kind)
            if issue not in found:
                found.append(issue)

        prev_seq, prev_hash = 0, genesis
        for r in rows:
            if entry_hash(r.prev_hash, r.ts, r.actor, r.action, r.subject, r.details) != r.hash:
                add(r.seq, "altered")
            if r.prev_hash == prev_hash:
                if r.seq != prev_seq + 1:
                    add(r.seq, "renumbered")
            else:
                pred = by_hash.get(r.prev_hash)
                pred_seq = 0 if r.prev_hash == genesis else (pred.seq if pred else None)
                if pred_seq is None:
                    if r.seq > prev_seq + 1:
                        for s in range(prev_seq + 1, r.seq):
                            add(s, "deleted")
                    else:
                        add(prev_seq or r.seq, "altered")
                elif pred_seq < prev_seq:
                    for m in rows:
                        if pred_seq < m.seq <= prev_seq:
                            add(m.seq, "reordered" if m.hash in linked else "inserted")
                else:
                    add(r.seq, "reordered")
            prev_seq, prev_hash = r.seq, r.hash

        head_seq, head_hash = self.head()
        if rows and head_seq == 0:
            add(0, "head")
        elif head_hash in by_hash or (head_seq == 0 and head_hash == genesis):
            head_at = by_hash[head_hash].seq if head_hash in by_hash else 0
            for r in rows:
                if r.seq > head_at:
                    add(r.seq, "inserted")
        elif head_seq > prev_seq:
            for s in range(prev_seq + 1, head_seq + 1):
                add(s, "deleted")
        else:
            add(head_seq, "altered")
        found.sort(key=lambda i: (i.seq, i.kind))
        return AuditVerifyResult(
            ok=not found,
            problems=[i.text() for i in found],
            issues=found,
            count=len(rows),
            head_seq=head_seq,
            head_hash=head_hash,
        )

    def export(
        self,
        out: Path | IO[str],
        since: str | datetime | None = None,
        until: str | datetime | None = None,
    ) -> AuditExport:
        """Write entries as JSON lines (a header line with the head hash first); audited."""
        rows = self.entries(since=since, until=until)
        head_seq, head_hash = self.head()
        header = {
            "type": EXPORT_FORMAT,
            "version": 1,
            "store_id": self.store_id,
            "exported": utc_now(),
            "since": to_timestamp(since),
            "until": to_timestamp(until),
            "count": len(rows),
            "genesis_hash": genesis_hash(self.store_id),
            "head": {"seq": head_seq, "hash": head_hash},
            "hash": "sha256(prev_hash + canonical_json({ts, actor, action, subject, details}))",
        }
        lines = [json.dumps(header, ensure_ascii=False, sort_keys=True)]
        lines += [json.dumps(r.to_json(), ensure_ascii=False, sort_keys=True) for r in rows]
        text = "\n".join(lines) + "\n"
        if isinstance(out, Path):
            atomic_write_bytes(out, text.encode("utf-8"))
        else:
            out.write(text)
            out.flush()
        details: dict[str, Any] = {"count": len(rows), "head_seq": head_seq}
        for key in ("since", "until"):
            if header[key]:
                details[key] = header[key]
        try:
            self.append("audit_export", "", details)
        except BaseException:  # an export that is not in the log must not stay behind
            if isinstance(out, Path):
                with contextlib.suppress(OSError):
                    out.unlink()
            raise
        return AuditExport(len(rows), head_seq, head_hash)
