"""The kill-test worker: seeded writes on a store, each between fsynced intent/done markers.

Run as ``python -m tests.reliability.worker CONFIG.json``. It unlocks the store, prints
``ready``, then performs operations drawn from a seeded RNG (journal entries, corrections,
bulk transactions, case imports, accepted handover bundles, audit entries, passphrase
changes, rekeys, recoveries). Before
each one it appends ``{"phase": "intent", ...}`` to the side log and fsyncs; after it returns,
``{"phase": "done", ...}``. The parent SIGKILLs it (``kill.mode = "timer"``), or it SIGKILLs
itself at the n-th kill point (``"os"``: before/after each Python-level file call —
open, write, fsync, close, replace, unlink, fchmod — i.e. inside atomic writes of
keyslots.json and unlock-state.json; ``"sql"``: SQLite's progress handler, every 50 VM steps,
i.e. in the middle of statements and transactions; ``"op"``: after the n-th operation
returned but before its done marker; ``"replace"``: right after the n-th os.replace()). The
parent then compares the side log
with the store (tests/reliability/test_crash.py).

Mode ``"keyslots"`` is a lighter worker for the torn-write test: it writes a new
keyslots.json (no KDF) with a kill point at the n-th file call, logging the new bytes' hash.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import random
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

_write, _fsync, _open, _close = os.write, os.fsync, os.open, os.close
PASS_PREFIX = "kill-test passphrase "


class SideLog:
    def __init__(self, path: Path) -> None:
        self.fd = _open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)

    def put(self, **rec: Any) -> None:
        _write(self.fd, (json.dumps(rec, sort_keys=True) + "\n").encode())
        _fsync(self.fd)


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


class KillPoints:
    """Count kill points; SIGKILL this process at the n-th."""

    def __init__(self, n: int) -> None:
        self.left = n

    def tick(self) -> None:
        self.left -= 1
        if self.left == 0:
            die()

    def wrap_os(self) -> None:
        for name in ("open", "write", "fsync", "close", "replace", "unlink", "fchmod"):
            real = getattr(os, name)

            def wrapped(*args: Any, _real: Callable[..., Any] = real, **kw: Any) -> Any:
                self.tick()
                result = _real(*args, **kw)
                self.tick()
                return result

            setattr(os, name, wrapped)

    def wrap_replace(self) -> None:
        """A kill point right after each os.replace() returns (a file renamed into place)."""
        real = os.replace

        def wrapped(*args: Any, **kw: Any) -> Any:
            result = real(*args, **kw)
            self.tick()
            return result

        os.replace = wrapped  # type: ignore[assignment]

    def sql_handler(self) -> Callable[[], int]:
        def handler() -> int:
            self.tick()
            return 0

        return handler


def _letters(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("bcdfghjklmnpqrstvwxz") for _ in range(n))


class Worker:
    def __init__(self, cfg: dict[str, Any]) -> None:
        from storage.vault.opening import unlock_store

        self.cfg = cfg
        self.path = Path(cfg["store"])
        self.run = int(cfg["run"])
        self.rng = random.Random(int(cfg["seed"]))
        self.passphrase: str = cfg["passphrase"]
        self.code: str | None = cfg.get("recovery_code")
        self.log = SideLog(Path(cfg["log"]))
        self.points: KillPoints | None = None
        kill = cfg["kill"]
        if kill["mode"] in ("os", "sql", "op", "replace"):
            self.points = KillPoints(int(kill["n"]))
        self.store = unlock_store(self.path, self.passphrase, actor="kill-worker")
        if self.points is not None and kill["mode"] == "os":
            self.points.wrap_os()
        if self.points is not None and kill["mode"] == "replace":
            self.points.wrap_replace()
        self._arm()
        self.log.put(run=self.run, phase="ready")
        print("ready", flush=True)

    def _arm(self) -> None:
        if self.points is not None and self.cfg["kill"]["mode"] == "sql":
            self.store.conn.set_progress_handler(self.points.sql_handler(), 50)

    # ---------------------------------------------------------------- helpers

    def _case_ids(self) -> list[int]:
        return [int(r[0]) for r in self.store.conn.execute("SELECT id FROM cases ORDER BY id")]

    def _latest_entries(self) -> list[int]:
        rows = self.store.conn.execute(
            "SELECT id FROM journal_entries j WHERE erroneous_at IS NULL AND NOT EXISTS "
            "(SELECT 1 FROM journal_entries k WHERE k.corrects_id = j.id) ORDER BY id"
        )
        return [int(r[0]) for r in rows]

    # ---------------------------------------------------------------- operations

    def op_audit(self, token: str, params: dict[str, Any]) -> dict[str, Any]:
        self.store.audit.append("reliability.note", token, {"n": params["n"]})
        return {}

    def op_case(self, token: str, params: dict[str, Any]) -> dict[str, Any]:
        from storage.casefile import cases

        cid = cases.create_case(
            self.store,
            case_type="defector",
            home_municipality="Linköping",
            referral_source=token,
        )
        return {"case_id": cid}

    def op_journal(self, token: str, params: dict[str, Any]) -> dict[str, Any]:
        from storage.casefile import journal

        return {"entry_id": journal.add_journal_entry(self.store, params["case_id"], token)}

    def op_correct(self, token: str, params: dict[str, Any]) -> dict[str, Any]:
        from storage.casefile import journal

        new = journal.correct_journal_entry(self.store, params["target"], token, "kill test")
        return {"entry_id": new}

    def op_bulk(self, token: str, params: dict[str, Any]) -> dict[str, Any]:
        from storage.casefile import journal

        with self.store.transaction():
            for i in range(params["k"]):
                journal.add_journal_entry(self.store, params["case_id"], f"{token}-{i:03d}")
        return {}

    def op_import(self, token: str, params: dict[str, Any]) -> dict[str, Any]:
        from storage.case_import import reader as case_import

        ids = case_import.import_cases(self.store, import_document(token, params))
        return {"case_ids": ids}

    def op_handover(self, token: str, params: dict[str, Any]) -> dict[str, Any]:
        """Accept a received handover bundle: the case, its documents, the seen-record and
        the signed receipt (placed at ``receipt``) in one transaction."""
        from sync.handover.importing import (
            accept_import,
            preview_import,
        )

        preview = preview_import(self.store, Path(params["bundle"]))
        result = accept_import(self.store, preview, receipt_out=Path(params["receipt"]))
        return {"case_id": result.case_id}

    def op_passphrase(self, token: str, params: dict[str, Any]) -> dict[str, Any]:
        self.store.change_passphrase(self.passphrase, params["new"])
        self.passphrase = params["new"]
        return {}

    def op_rekey(self, token: str, params: dict[str, Any]) -> dict[str, Any]:
        code = self.store.rekey(self.passphrase)
        self.code = code
        return {"code": code}

    def op_recover(self, token: str, params: dict[str, Any]) -> dict[str, Any]:
        from storage.vault.opening import recover_store

        assert self.code is not None
        self.store.close()
        self.store = recover_store(self.path, self.code, params["new"], actor="kill-worker")
        self._arm()
        self.passphrase = params["new"]
        return {}

    def plan(self, kind: str, token: str) -> tuple[str, dict[str, Any]]:
        """The parameters of one operation (drawn before the intent marker is written)."""
        rng = self.rng
        case_ids = self._case_ids()
        if kind in ("journal", "bulk") and not case_ids:
            kind = "case"
        if kind == "correct":
            entries = self._latest_entries()
            if not entries:
                kind = "case"
            else:
                return kind, {"target": rng.choice(entries)}
        if kind == "recover" and self.code is None:
            kind = "passphrase"
        if kind == "handover":
            bundles = self.cfg.get("bundles") or []
            if not bundles:
                kind = "journal" if case_ids else "case"
            else:
                bundle_id, path = bundles.pop(0)
                receipt = str(Path(self.cfg["log"]).parent / "receipts" / f"{token}.utvag")
                return kind, {"bundle": path, "bundle_id": bundle_id, "receipt": receipt}
        if kind == "journal":
            return kind, {"case_id": rng.choice(case_ids)}
        if kind == "bulk":
            return kind, {"case_id": rng.choice(case_ids), "k": rng.randint(5, 60)}
        if kind == "import":
            return kind, {"cases": rng.randint(1, 4), "journal": rng.randint(1, 8)}
        if kind in ("passphrase", "recover"):
            return kind, {"new": PASS_PREFIX + token}
        if kind == "audit":
            return kind, {"n": rng.randint(0, 10**6)}
        return kind, {}

    def go(self) -> None:
        weights: dict[str, int] = self.cfg["weights"]
        kinds, w = list(weights), list(weights.values())
        for i in range(int(self.cfg["max_ops"])):
            token = f"r{self.run}o{i}{_letters(self.rng, 8)}"
            kind, params = self.plan(self.rng.choices(kinds, w)[0], token)
            self.log.put(run=self.run, op=i, phase="intent", kind=kind, token=token, **params)
            result = getattr(self, f"op_{kind}")(token, params)
            if kind == "rekey":
                result.update(slot_fingerprints(self.path))
            if self.cfg["kill"]["mode"] == "op" and self.points is not None:
                self.points.tick()  # after the operation returned, before its done marker
            self.log.put(run=self.run, op=i, phase="done", kind=kind, token=token, **result)
        self.store.close()
        used = None if self.points is None else int(self.cfg["kill"]["n"]) - self.points.left
        self.log.put(run=self.run, phase="finished", points=used)


def slot_fingerprints(path: Path) -> dict[str, str]:
    """Hashes of the wrapped current data key and the recovery slot (no secrets)."""
    from storage.vault import keyslots

    ks = keyslots.read(path)
    current = json.dumps(ks.current.to_json(), sort_keys=True)
    recovery = json.dumps(ks.slot(keyslots.RECOVERY).to_json(), sort_keys=True)
    return {
        "current": hashlib.sha256(current.encode()).hexdigest(),
        "recovery_slot": hashlib.sha256(recovery.encode()).hexdigest(),
    }


def import_document(token: str, params: dict[str, Any]) -> dict[str, Any]:
    """A case-import file: ``cases`` cases, each with ``journal`` entries, all tagged."""
    name = "".join(ch for ch in token if ch.isalpha()).capitalize()
    items = []
    for c in range(params["cases"]):
        items.append(
            {
                "case_type": "defector",
                "home_municipality": "Linköping",
                "referral_source": token,
                "opened_on": "2024-01-01",
                "person": {"name": f"{name} Importsson", "birth_year": 1990},
                "journal": [
                    {
                        "author": "Import",
                        "written_at": "2024-01-02T10:00:00Z",
                        "text": f"{token}-{c}-{j}",
                    }
                    for j in range(params["journal"])
                ],
                "placements": [
                    {
                        "municipality": "Lund",
                        "moved_in_on": "2024-01-01",
                        "address": {"street": f"{name}gatan 1", "city": "Lund"},
                    }
                ],
                "documents": [
                    {
                        "title": "Import",
                        "filename": "a.txt",
                        "content_base64": base64.b64encode(f"doc {token}".encode()).decode(),
                    }
                ],
            }
        )
    return {"format": "utvag-case-import", "version": 1, "cases": items}


def keyslots_worker(cfg: dict[str, Any]) -> None:
    """Write a new keyslots.json with a kill point at the n-th file call (no KDF)."""
    from dataclasses import replace

    from storage.vault import keyslots
    from storage.vault.crypto import Wrapped

    path = Path(cfg["store"])
    log = SideLog(Path(cfg["log"]))
    ks = keyslots.read(path)
    new = replace(ks, pending=Wrapped(os.urandom(12), os.urandom(48)))
    data = new.to_bytes()
    log.put(phase="intent", sha256=hashlib.sha256(data).hexdigest())
    KillPoints(int(cfg["kill"]["n"])).wrap_os()
    keyslots.write(path, new)
    log.put(phase="done")


def main() -> None:
    cfg = json.loads(Path(sys.argv[1]).read_text())
    if cfg["kill"]["mode"] == "keyslots":
        keyslots_worker(cfg)
        return
    Worker(cfg).go()


if __name__ == "__main__":
    main()
