"""Audit tamper campaign: seeded random edits, deletions, insertions and reorderings of audit
rows, made with the data key (the triggers dropped, as an attacker holding the key would),
each one checked through the real command line: ``utvag audit verify`` must exit 1 and name
the tampered entries (stderr "entries 4, 5", stdout one PROBLEM line per entry).

The stated limit (docs/store.md): with the data key the whole chain, or its tail together
with the head record, can be rebuilt; verify then passes, and only a head anchored outside
the store (``audit export``) exposes it. Those cases are run too and must differ from the
anchor.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main
from storage.casefile import (
    cases,
    journal,
)
from storage.vault.audit import (
    entry_hash,
    genesis_hash,
)
from storage.vault.opening import unlock_store
from tests.reliability import support
from tests.test_store_support import PASS, keys, make_store, open_raw

CASES = support.budget(16, 300)
SUBPROCESS_CASES = support.budget(2, 10)
KINDS = (
    "edit",
    "edit_rehash",
    "delete",
    "delete_tail",
    "insert",
    "append_forged",
    "reorder",
    "renumber",
    "truncate_and_fix_head",
    "rewrite_chain",
)
ANCHOR_ONLY = {"truncate_and_fix_head", "rewrite_chain"}
FIELDS = ("ts", "actor", "action", "subject", "details", "prev_hash", "hash")


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UTVAG_LANG", "en")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytearray, str]:
    """A store with ~40 audit entries of many kinds; its data key; the exported head."""
    path = tmp_path_factory.mktemp("tamper") / "store"
    store, _ = make_store(path, device=False)
    with store:
        for n in range(4):
            cid = cases.create_case(store, case_type="defector", home_municipality="Lund")
            for i in range(4):
                journal.add_journal_entry(store, cid, f"entry {n}.{i}")
            store.audit.append("note", f"case-{n}", {"n": n, "nested": {"a": [1, 2]}})
    _kek, dk, _secret = keys(path)
    with unlock_store(path, PASS, actor="anchor") as s:
        anchor = s.audit.export(path.parent / "anchor.jsonl").head_hash
    return path, dk, anchor


def _rows(conn: Any) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in conn.execute("SELECT * FROM audit_log ORDER BY seq")]


def _set_head(conn: Any, seq: int, digest: str) -> None:
    conn.execute("UPDATE meta SET value = ? WHERE key = 'audit_head_seq'", (str(seq),))
    conn.execute("UPDATE meta SET value = ? WHERE key = 'audit_head_hash'", (digest,))


def tamper(conn: Any, kind: str, rng: random.Random) -> set[int]:
    """Apply one tampering; return the seqs verify must name (empty: anchor-only)."""
    rows = _rows(conn)
    n = len(rows)
    k = rng.randint(1, n - 1)
    if kind == "edit":
        field = rng.choice(FIELDS)
        col = FIELDS.index(field) + 1
        value = rows[k - 1][col]
        if field == "details":
            new = json.dumps({"forged": rng.randint(0, 99)})
        elif field in ("prev_hash", "hash"):
            new = value[:-1] + ("0" if value[-1] != "0" else "1")
        else:
            new = str(value) + "x"
        conn.execute(f"UPDATE audit_log SET {field} = ? WHERE seq = ?", (new, k))  # noqa: S608
        return {k}
    if kind == "edit_rehash":
        _s, ts, actor, action, _subj, details, prev, _h = rows[k - 1]
        forged = entry_hash(prev, ts, actor, action, "forged", json.loads(details))
        conn.execute("UPDATE audit_log SET subject = 'forged', hash = ? WHERE seq = ?", (forged, k))
        return {k}
    if kind == "delete":
        count = rng.randint(1, 3)
        seqs = set(range(k, min(k + count, n)))
        conn.execute(
            f"DELETE FROM audit_log WHERE seq IN ({','.join('?' * len(seqs))})",  # noqa: S608
            sorted(seqs),
        )
        return seqs
    if kind == "delete_tail":
        m = rng.randint(1, 3)
        conn.execute("DELETE FROM audit_log WHERE seq > ?", (n - m,))
        return set(range(n - m + 1, n + 1))
    if kind == "insert":
        for s in range(n, k - 1, -1):
            conn.execute("UPDATE audit_log SET seq = ? WHERE seq = ?", (s + 1, s))
        prev = rows[k - 2][7] if k > 1 else rows[0][6]
        ts = rows[k - 1][1]
        forged = entry_hash(prev, ts, "mallory", "note", "forged", {})
        conn.execute(
            "INSERT INTO audit_log VALUES (?, ?, 'mallory', 'note', 'forged', '{}', ?, ?)",
            (k, ts, prev, forged),
        )
        _set_head(conn, n + 1, rows[-1][7])
        return {k}
    if kind == "append_forged":
        last = rows[-1]
        forged = entry_hash(last[7], last[1], "mallory", "note", "", {})
        conn.execute(
            "INSERT INTO audit_log VALUES (?, ?, 'mallory', 'note', '', '{}', ?, ?)",
            (n + 1, last[1], last[7], forged),
        )
        return {n + 1}
    if kind == "reorder":
        j = rng.randint(k + 1, n)
        conn.execute("UPDATE audit_log SET seq = -1 WHERE seq = ?", (k,))
        conn.execute("UPDATE audit_log SET seq = ? WHERE seq = ?", (k, j))
        conn.execute("UPDATE audit_log SET seq = ? WHERE seq = -1", (j,))
        return {k, j}
    if kind == "renumber":  # move one entry to the end: it is named under its new number
        conn.execute("UPDATE audit_log SET seq = ? WHERE seq = ?", (n + 1000, k))
        return {n + 1000}
    if kind == "truncate_and_fix_head":
        m = rng.randint(1, 3)
        conn.execute("DELETE FROM audit_log WHERE seq > ?", (n - m,))
        _set_head(conn, n - m, rows[n - m - 1][7])
        return set()
    if kind == "rewrite_chain":
        store_id = conn.execute("SELECT value FROM meta WHERE key = 'store_id'").fetchone()[0]
        conn.execute("DELETE FROM audit_log")
        prev = genesis_hash(store_id)
        for seq, ts, actor, action, subject, details, _p, _h in rows:
            subject = "rewritten" if seq == k else subject
            digest = entry_hash(prev, ts, actor, action, subject, json.loads(details))
            conn.execute(
                "INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (seq, ts, actor, action, subject, details, prev, digest),
            )
            prev = digest
        _set_head(conn, n, prev)
        return set()
    raise AssertionError(kind)


def named_in(stderr: str) -> set[int]:
    found = re.search(r"entries ([0-9, ]+)", stderr)
    return {int(x) for x in found.group(1).split(",")} if found else set()


def verify_in_process(capsys: pytest.CaptureFixture[str], args: list[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def verify_subprocess(args: list[str]) -> tuple[int, str, str]:
    proc = support.run_cli(*args)
    return proc.returncode, proc.stdout, proc.stderr


def test_tampering_is_named_by_audit_verify(
    template: tuple[Path, bytearray, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, dk, anchor = template
    pass_file = tmp_path / "pass.txt"
    pass_file.write_text(PASS + "\n")
    rng = random.Random(support.seed_for("audit-tamper"))
    start = time.perf_counter()
    detected, anchored, over = Counter[str](), Counter[str](), Counter[str]()
    failures: list[str] = []
    for i in range(CASES):
        kind = KINDS[i % len(KINDS)] if i < len(KINDS) else rng.choice(KINDS)
        copy = tmp_path / f"case-{i}"
        shutil.copytree(path, copy)
        conn = open_raw(copy, dk)
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute("DROP TRIGGER audit_log_no_delete")
        expected = tamper(conn, kind, rng)
        conn.close()
        args = ["audit", "verify", "--store", str(copy), "--passphrase-file", str(pass_file)]
        if i < SUBPROCESS_CASES:
            code, out, err = verify_subprocess(args)
        else:
            code, out, err = verify_in_process(capsys, args)
        label = f"case {i} ({kind}, seed {support.SEED})"
        if kind in ANCHOR_ONLY:
            head = re.search(r"head: \d+ ([0-9a-f]{64})", out)
            if code != 0 or head is None:
                failures.append(f"{label}: expected a clean verify (the stated limit): {err}")
            elif head.group(1) == anchor:
                failures.append(f"{label}: the rebuilt chain matches the anchored head")
            else:
                anchored[kind] += 1
            continue
        named = named_in(err)
        problems = set(int(x) for x in re.findall(r"PROBLEM: Entry (\d+)", out))
        if code != 1:
            failures.append(f"{label}: exit {code}, tampering not detected")
        elif not expected <= named or not expected <= problems:
            failures.append(f"{label}: expected {sorted(expected)} named, got {sorted(named)}")
        else:
            detected[kind] += 1
            if len(named) > len(expected):
                over[kind] = max(over[kind], len(named) - len(expected))
        shutil.rmtree(copy)
    support.record(
        "audit-tamper",
        runs=CASES,
        through_subprocess=SUBPROCESS_CASES,
        detected=dict(detected),
        anchor_only=dict(anchored),
        most_extra_entries_named=dict(over),
        failures=len(failures),
        seconds=round(time.perf_counter() - start, 1),
    )
    assert not failures, "\n".join(failures) + "\n" + support.reproduce(__file__)
