"""The audit log: append-only, hash-chained; verify names each tampered entry; export."""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from storage.vault.audit import (
    details_json,
    entry_hash,
    entry_hash_of_text,
    genesis_hash,
)
from storage.vault.opening import unlock_store
from tests.test_store_support import PASS, keys, make_store, open_raw

NOTES = 8  # entries 2..9 are notes; 1 is "create", 10 is "lock"


@pytest.fixture
def store_dir_with_log(store_dir: Path) -> Path:
    store, _ = make_store(store_dir, device=False)
    with store:
        for i in range(NOTES):
            store.audit.append("note", f"case-{i}", {"i": i})
    return store_dir


def tamper(path: Path, change: Callable[[Any], None]) -> None:
    """Play the attacker who has the data key: drop the triggers and change rows."""
    conn = open_raw(path, keys(path)[1])
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("DROP TRIGGER audit_log_no_delete")
    change(conn)
    conn.close()


def verify(path: Path) -> tuple[list[int], list[str]]:
    with unlock_store(path, PASS, actor="auditor") as store:
        result = store.audit.verify()
    assert result.ok is (not result.problems)
    return result.bad_seqs, result.problems


def _row(conn: Any, seq: int) -> tuple[Any, ...]:
    return tuple(conn.execute("SELECT * FROM audit_log WHERE seq = ?", (seq,)).fetchone())


def test_intact_chain_verifies(store_dir_with_log: Path) -> None:
    with unlock_store(store_dir_with_log, PASS, actor="auditor") as store:
        result = store.audit.verify()
        entries = store.audit.entries()
    assert result.ok and result.problems == [] and result.count == NOTES + 3
    assert entries[0].prev_hash == genesis_hash(entries[0].hash and store.store_id)
    assert [e.seq for e in entries] == list(range(1, NOTES + 4))
    assert (result.head_seq, result.head_hash) == (entries[-1].seq, entries[-1].hash)


def test_triggers_make_the_log_append_only(store_dir_with_log: Path) -> None:
    with unlock_store(store_dir_with_log, PASS, actor="x") as store:
        with pytest.raises(sqlcipher.DatabaseError, match="append-only"):
            store.conn.execute("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2")
        with pytest.raises(sqlcipher.DatabaseError, match="append-only"):
            store.conn.execute("DELETE FROM audit_log WHERE seq = 2")
        assert store.audit.verify().ok


def test_edited_entry_is_named(store_dir_with_log: Path) -> None:
    tamper(
        store_dir_with_log,
        lambda c: c.execute("UPDATE audit_log SET subject = 'forged' WHERE seq = 4"),
    )
    seqs, problems = verify(store_dir_with_log)
    assert seqs == [4] and "Entry 4 was altered" in problems[0]


def test_edited_and_rehashed_entry_is_named(store_dir_with_log: Path) -> None:
    def change(conn: Any) -> None:
        _seq, ts, actor, action, _subject, details, prev, _ = _row(conn, 5)
        forged = entry_hash(prev, ts, actor, action, "forged", json.loads(details))
        conn.execute("UPDATE audit_log SET subject = 'forged', hash = ? WHERE seq = 5", (forged,))

    tamper(store_dir_with_log, change)
    assert verify(store_dir_with_log)[0] == [5]


def test_deleted_entries_are_named(store_dir_with_log: Path) -> None:
    tamper(store_dir_with_log, lambda c: c.execute("DELETE FROM audit_log WHERE seq IN (4, 5)"))
    seqs, problems = verify(store_dir_with_log)
    assert seqs == [4, 5] and all("deleted" in p for p in problems)


def test_deleted_tail_is_named(store_dir_with_log: Path) -> None:
    tamper(store_dir_with_log, lambda c: c.execute("DELETE FROM audit_log WHERE seq >= 9"))
    # the next unlock links to the head hash kept in meta, so the gap stays visible
    assert verify(store_dir_with_log)[0] == [9, 10]


def test_inserted_entry_is_named(store_dir_with_log: Path) -> None:
    def change(conn: Any) -> None:
        last = conn.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
        for s in range(last, 3, -1):  # make room at 4
            conn.execute("UPDATE audit_log SET seq = ? WHERE seq = ?", (s + 1, s))
        prev = _row(conn, 3)[7]
        ts = _row(conn, 3)[1]
        forged = entry_hash(prev, ts, "mallory", "note", "case-x", {})
        conn.execute(
            "INSERT INTO audit_log VALUES (4, ?, 'mallory', 'note', 'case-x', '{}', ?, ?)",
            (ts, prev, forged),
        )
        conn.execute("UPDATE meta SET value = ? WHERE key = 'audit_head_seq'", (str(last + 1),))

    tamper(store_dir_with_log, change)
    seqs, problems = verify(store_dir_with_log)
    assert seqs == [4] and "Entry 4 was inserted" in problems[0]


def test_appended_entry_outside_the_log_is_named(store_dir_with_log: Path) -> None:
    def change(conn: Any) -> None:
        _seq, ts, *_rest, digest = _row(conn, 10)
        forged = entry_hash(digest, ts, "mallory", "note", "", {})
        conn.execute(
            "INSERT INTO audit_log VALUES (11, ?, 'mallory', 'note', '', '{}', ?, ?)",
            (ts, digest, forged),
        )

    tamper(store_dir_with_log, change)
    seqs, _ = verify(store_dir_with_log)
    assert 11 in seqs


def test_reordered_entries_are_named(store_dir_with_log: Path) -> None:
    def change(conn: Any) -> None:
        conn.execute("UPDATE audit_log SET seq = -1 WHERE seq = 6")
        conn.execute("UPDATE audit_log SET seq = 6 WHERE seq = 7")
        conn.execute("UPDATE audit_log SET seq = 7 WHERE seq = -1")

    tamper(store_dir_with_log, change)
    seqs, problems = verify(store_dir_with_log)
    assert seqs == [6, 7] and all("out of order" in p for p in problems)


def test_a_fully_rewritten_chain_needs_the_exported_head(store_dir_with_log: Path) -> None:
    """The limit, stated: with the data key the whole chain can be rebuilt; an anchor shows it."""
    with unlock_store(store_dir_with_log, PASS, actor="x") as store:
        anchored = store.audit.export(io.StringIO()).head_hash

    def change(conn: Any) -> None:
        store_id = conn.execute("SELECT value FROM meta WHERE key = 'store_id'").fetchone()[0]
        rows = conn.execute("SELECT * FROM audit_log ORDER BY seq").fetchall()
        conn.execute("DELETE FROM audit_log")
        prev = genesis_hash(store_id)
        for seq, ts, actor, action, subject, details, _, _ in rows:
            subject = "rewritten" if seq == 3 else subject
            digest = entry_hash(prev, ts, actor, action, subject, json.loads(details))
            conn.execute(
                "INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (seq, ts, actor, action, subject, details, prev, digest),
            )
            prev = digest
        conn.execute("UPDATE meta SET value = ? WHERE key = 'audit_head_hash'", (prev,))

    tamper(store_dir_with_log, change)
    with unlock_store(store_dir_with_log, PASS, actor="x") as store:
        assert store.audit.verify().ok
        same_seq = store.audit.entries()[len(store.audit.entries()) - 3]
        assert same_seq.hash != anchored


def test_entries_filters(store_dir_with_log: Path) -> None:
    with unlock_store(store_dir_with_log, PASS, actor="auditor") as store:
        all_entries = store.audit.entries()
        assert len(store.audit.entries(action="note")) == NOTES
        assert [e.action for e in store.audit.entries(actor="auditor")] == ["unlock"]
        assert len(store.audit.entries(limit=3)) == 3
        middle = all_entries[4].ts
        assert store.audit.entries(since=middle)[0].seq == 5
        assert store.audit.entries(until=middle)[-1].seq == 4


def test_export_is_json_lines_an_outside_tool_can_verify(store_dir_with_log: Path) -> None:
    out = store_dir_with_log.parent / "audit.jsonl"
    with unlock_store(store_dir_with_log, PASS, actor="auditor") as store:
        result = store.audit.export(out)
        exports = store.audit.entries(action="audit_export")
    assert out.stat().st_mode & 0o077 == 0
    header, *lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert header["type"] == "utvag-audit-export" and header["count"] == len(lines) == result.count
    assert header["head"] == {"seq": result.head_seq, "hash": result.head_hash}
    prev = hashlib.sha256(b"utvag/v1/audit-genesis/" + header["store_id"].encode()).hexdigest()
    for entry in lines:  # an independent re-implementation of the documented formula
        body = {k: entry[k] for k in ("ts", "actor", "action", "subject", "details")}
        canon = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        assert entry["prev_hash"] == prev
        prev = hashlib.sha256(prev.encode() + canon.encode()).hexdigest()
        assert entry["hash"] == prev
    assert prev == header["head"]["hash"]
    assert exports and exports[0].details["count"] == result.count


@pytest.mark.parametrize(
    "details",
    [
        {},
        {"case_id": 7, "entry_id": 12, "entry_type": "conversation"},
        {"b": [1, 2.5, None, True], "a": {"z": 'Öster\u00e5"s \\ väg\n', "y": []}},
        {"emoji": "\U0001f600", "control": "\x01\u2028", "big": 2**70, "neg": -0.0},
        {2: "two", 10: "ten"},  # keys that are not strings sort differently once read back
        {"x": {3: [{"k": 1}], 20: 0}},
    ],
)
def test_the_spliced_entry_hash_is_the_canonical_one(details: dict[Any, Any]) -> None:
    """append() hashes the stored details text put together with the other fields; verify()
    hashes the parsed details with canonical_json. Both must agree for any details."""
    text = details_json(details)
    args = ("ab" * 32, "2026-12-07T01:02:03.000004Z", "Karin Lind", "journal.add", "UV-1")
    assert entry_hash_of_text(*args, text) == entry_hash(*args, json.loads(text))
    assert json.loads(text) == json.loads(json.dumps(details))
    weird = ("ab" * 32, "ts", 'Åsa "citat"', "a\u2028b", "\x00")
    assert entry_hash_of_text(*weird, text) == entry_hash(*weird, json.loads(text))
