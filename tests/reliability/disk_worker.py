"""Full-disk scenarios, run in a subprocess: ``python -m tests.reliability.disk_worker CFG``.

For each scenario: copy the template store onto the small filesystem, unlock it, record its
content and file hashes, make the disk (nearly) full, run one operation, free the disk, and
report what happened. Two ways to fill the disk:

- ``tmpfs``: the store lives on a small tmpfs (mounted by the test, root only); a filler file
  leaves ``free`` bytes — writes fail with ENOSPC;
- ``rlimit``: ``RLIMIT_FSIZE`` (soft) is set to the WAL's size + ``free`` with SIGXFSZ
  ignored — any write past that offset, in any file, fails with EFBIG (works unprivileged).

Afterwards, with space again: is the same open Store still usable (one more journal entry),
does it close, does the store reopen and pass ``check()``, and is its content exactly as
before (when the operation was refused)? The parent asserts on the JSON report.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import io
import json
import os
import resource
import shutil
import signal
import sys
import traceback
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from storage.case_import import reader as case_import
from storage.casefile import (
    documents,
    journal,
)
from storage.errors import UtvagError
from storage.vault.crypto import KdfParams
from storage.vault.opening import (
    create_store,
    unlock_store,
)
from storage.vault.store import Store

PASS = "full disk passphrase 1"
NEW_PASS = "full disk passphrase 2"
FOLLOW_UP = "written after the disk had space again"
#: Tables whose rows may legitimately change with a refused operation. ``pending_outputs``
#: registers a file write before its temp file exists; when the write is refused on a full
#: disk, forgetting the row can fail too — the temp file is gone, and the next unlock drops
#: the row (storage/vault/outputs.py).
VOLATILE = {"meta", "audit_log", "pending_outputs"}


def sha(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


def dump(store: Store) -> dict[str, list[Any]]:
    """Every row of every table (but the audit log, checked apart, and meta)."""
    names = [
        r[0]
        for r in store.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'search_index_%' ORDER BY name"
        )
    ]
    out: dict[str, list[Any]] = {}
    for name in names:
        if name in VOLATILE:
            continue
        rows = store.conn.execute(f'SELECT * FROM "{name}"').fetchall()  # noqa: S608
        out[name] = sorted(repr(tuple(r)) for r in rows)
    if "journal_entries" in out:
        out["journal_entries"] = [r for r in out["journal_entries"] if FOLLOW_UP not in r]
    if "sync_state" in out:  # a reserved bundle sequence number is committed at once (replay.py)
        out["sync_state"] = [r for r in out["sync_state"] if "next_sequence" not in r]
    return out


class Disk:
    """Makes the filesystem of ``root`` (nearly) full and frees it again."""

    def __init__(self, mechanism: str, root: Path) -> None:
        self.mechanism, self.root = mechanism, root
        self.filler = root / "filler.bin"
        if mechanism == "rlimit":
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        self.soft, self.hard = resource.getrlimit(resource.RLIMIT_FSIZE)

    def fill(self, free: int, *dirs: Path) -> None:
        if self.mechanism == "tmpfs":
            st = os.statvfs(self.root)
            room = st.f_bavail * st.f_frsize - free
            with self.filler.open("wb") as fh:
                block = b"\0" * (1 << 20)
                while room > 0:
                    room -= fh.write(block[: min(room, len(block))])
            return
        wal = sum(p.stat().st_size for d in dirs for p in d.glob("*-wal"))
        resource.setrlimit(resource.RLIMIT_FSIZE, (wal + free, self.hard))

    def free(self) -> None:
        if self.mechanism == "tmpfs":
            with contextlib.suppress(FileNotFoundError):
                self.filler.unlink()
        else:
            resource.setrlimit(resource.RLIMIT_FSIZE, (self.soft, self.hard))


# ---------------------------------------------------------------- the operations


class Ctx:
    def __init__(self, store: Store | None, path: Path, out: Path, cfg: dict[str, Any]) -> None:
        self.store, self.path, self.out, self.cfg = store, path, out, cfg
        self.passphrase = PASS
        self.case_id = 1
        self.outputs: list[Path] = []

    def s(self) -> Store:
        assert self.store is not None
        return self.store


def op_journal(c: Ctx) -> None:
    journal.add_journal_entry(c.s(), c.case_id, "full disk journal text " * 1000)


def op_document(c: Ctx) -> None:
    content = ("full disk document line\n" * 20000).encode()
    documents.add_document(c.s(), c.case_id, title="Big", filename="big.txt", content=content)


def op_import(c: Ctx) -> None:
    """``utvag case import``'s path: the file the user picked (not on the full disk)."""
    case_import.import_file(c.s(), Path(c.cfg["import_file"]))


def import_data() -> dict[str, Any]:
    """Three cases with 30 journal entries and a 130 KiB document each."""
    doc = base64.b64encode(("imported document line\n" * 6000).encode()).decode()
    item = {
        "case_type": "defector",
        "home_municipality": "Linköping",
        "person": {"name": "Fulldisk Importsson", "birth_year": 1990},
        "journal": [
            {"author": "Import", "written_at": "2024-01-02T10:00:00Z", "text": f"entry {i}"}
            for i in range(30)
        ],
        "documents": [{"title": "Doc", "filename": "d.txt", "content_base64": doc}],
    }
    return {"format": "utvag-case-import", "version": 1, "cases": [item] * 3}


def op_passphrase(c: Ctx) -> None:
    c.s().change_passphrase(PASS, NEW_PASS)
    c.passphrase = NEW_PASS


def op_rekey(c: Ctx) -> None:
    c.s().rekey(c.passphrase)


def op_audit_export(c: Ctx) -> None:
    path = c.out / "audit-export.jsonl"
    c.outputs.append(path)
    c.s().audit.export(path)


def op_bundle_seal(c: Ctx) -> None:
    from sync.bundle.seal import seal_bundle

    path = c.out / "handover.utvag"
    c.outputs.append(path)
    doc = os.urandom(300 * 1024)
    seal_bundle(
        c.s(),
        kind="handover",
        recipients=[c.cfg["peer_contact"]],
        out=path,
        expires=timedelta(days=5),
        case_ref="FD-1",
        legal_basis="consent",
        members=[("case.json", b"{}", 2), ("documents/0001.bin", io.BytesIO(doc), len(doc))],
    )


def op_backup(c: Ctx) -> None:
    from storage.backup.backups import create_backup

    path = c.out / "store.utvagbackup"
    c.outputs.append(path)
    create_backup(c.s(), path, c.passphrase)


OPS: dict[str, Callable[[Ctx], None]] = {
    "backup": op_backup,
    "journal": op_journal,
    "document": op_document,
    "import": op_import,
    "passphrase": op_passphrase,
    "rekey": op_rekey,
    "audit_export": op_audit_export,
    "bundle_seal": op_bundle_seal,
}
#: Operations that need the store closed: they open or create one themselves.
CLOSED_OPS = ("unlock", "create")


# ---------------------------------------------------------------- one scenario


def guarded(fn: Callable[[], Any]) -> dict[str, Any]:
    try:
        fn()
    except UtvagError as exc:
        return {
            "outcome": "refused",
            "error": type(exc).__name__,
            "code": exc.code,
            "message": str(exc),
        }
    except Exception as exc:
        return {
            "outcome": "bad",
            "error": type(exc).__name__,
            "message": str(exc)[:300],
            "trace": traceback.format_exc()[-1500:],
        }
    return {"outcome": "ok"}


def scenario(
    disk: Disk, template: Path, where: Path, op: str, free: int, cfg: dict[str, Any]
) -> dict[str, Any]:
    path, out = where / "store", where / "out"
    shutil.copytree(template, path)
    out.mkdir()
    rep: dict[str, Any] = {"op": op, "free": free, "mechanism": disk.mechanism}
    if op == "create":
        target = where / "new-store"

        def create() -> None:
            new, _code = create_store(
                target, PASS, actor="fd", use_device_key=False, kdf=KdfParams.minimum()
            )
            new.close()

        disk.fill(free, path, out)
        try:
            rep.update(guarded(create))
        finally:
            disk.free()
        rep["leftover"] = sorted(p.name for p in target.rglob("*")) if target.exists() else []
        rep["folder_left"] = target.exists()
        shutil.rmtree(where)
        return rep
    store = unlock_store(path, PASS, actor="fd")
    before, head = dump(store), store.audit.head()
    files = {n: sha(path / n) for n in ("keyslots.json", "unlock-state.json")}
    ctx = Ctx(store, path, out, cfg)
    if op == "unlock":
        store.close()
        ctx.store = None
        files = {n: sha(path / n) for n in ("keyslots.json", "unlock-state.json", "store.db")}
        disk.fill(free, path, out)
        try:
            holder: list[Store] = []
            rep.update(guarded(lambda: holder.append(unlock_store(path, PASS, actor="fd"))))
        finally:
            disk.free()
        ctx.store = holder[0] if holder else None
    else:
        disk.fill(free, path, out)
        try:
            rep.update(guarded(lambda: OPS[op](ctx)))
        finally:
            disk.free()
    rep["keyslots_unchanged"] = sha(path / "keyslots.json") == files["keyslots.json"]
    rep["unlock_state_unchanged"] = sha(path / "unlock-state.json") == files["unlock-state.json"]
    if "store.db" in files:
        rep["db_file_unchanged"] = sha(path / "store.db") == files["store.db"]
    rep["temp_files_left"] = sorted(str(p.relative_to(where)) for p in where.rglob(".*.tmp"))
    rep["outputs_left"] = [p.name for p in ctx.outputs if p.exists()]
    pre_close: list[dict[str, list[Any]]] = []
    if ctx.store is not None:
        view: list[dict[str, list[Any]]] = []
        rep["session_view"] = guarded(lambda: view.append(dump(ctx.s())))
        if view:
            rep["content_same"] = view[0] == before
        rep["usable_after"] = guarded(
            lambda: journal.add_journal_entry(ctx.s(), ctx.case_id, FOLLOW_UP)
        )
        guarded(lambda: pre_close.append(dump(ctx.s())))
        rep["close"] = guarded(ctx.s().close)
        if rep["close"]["outcome"] != "ok":
            with contextlib.suppress(Exception):
                ctx.s().conn.close()
            with contextlib.suppress(Exception):
                ctx.s()._lock.release()
    reopened: list[Store] = []
    for passphrase in dict.fromkeys([ctx.passphrase, PASS, NEW_PASS]):
        rep["reopen"] = guarded(
            lambda p=passphrase: reopened.append(unlock_store(path, p, actor="fd"))
        )  # type: ignore[misc]
        if reopened:
            rep["opened_with"] = "expected" if passphrase == ctx.passphrase else "the other"
            break
    if reopened:
        again = reopened[0]
        report = again.check()
        rep["check_ok"], rep["check_problems"] = report.ok, report.problems
        after = dump(again)
        if ctx.store is None:
            rep["content_same"] = after == before
        if pre_close:
            rep["durable"] = after == pre_close[0]
        entries = again.audit.entries()
        old = [e for e in entries if e.seq <= head[0]]
        rep["audit_prefix_same"] = bool(old) and old[-1].hash == head[1]
        rep["audit_after"] = [e.action for e in entries if e.seq > head[0]]
        again.close()
    shutil.rmtree(where)
    return rep


def main() -> None:
    cfg = json.loads(Path(sys.argv[1]).read_text())
    disk = Disk(cfg["mechanism"], Path(cfg["root"]))
    reports = []
    for i, (op, free) in enumerate(cfg["scenarios"]):
        where = Path(cfg["root"]) / f"scenario-{i}"
        where.mkdir()
        reports.append(scenario(disk, Path(cfg["template"]), where, op, int(free), cfg))
        disk.free()
    Path(cfg["report"]).write_text(json.dumps(reports, indent=1))


if __name__ == "__main__":
    main()
