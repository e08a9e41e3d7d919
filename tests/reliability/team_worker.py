"""Subprocess for tests/reliability/test_team_sync.py: import a change bundle and die by
SIGKILL after a given number of SQLite VM steps, or write a change bundle under a file-size
limit (a full disk, EFBIG). Prints one JSON line with what happened."""

from __future__ import annotations

import json
import os
import resource
import signal
import sys
from pathlib import Path

from storage.errors import UtvagError
from storage.vault.opening import unlock_store
from sync.team.bundles import import_changes, write_changes

PASS = "team reliability passphrase (fiktiv)"


def main(argv: list[str]) -> int:
    mode, store_path = argv[0], Path(argv[1])
    store = unlock_store(store_path, PASS, actor="worker")
    if mode == "import":
        bundle, after = Path(argv[2]), int(argv[3])
        steps = [0]

        def handler() -> int:
            steps[0] += 1
            if steps[0] >= after:
                os.kill(os.getpid(), signal.SIGKILL)
            return 0

        store.conn.set_progress_handler(handler, 50)
        import_changes(store, bundle)
        store.conn.set_progress_handler(None, 50)
        print(json.dumps({"result": "imported"}))
        store.close()
        return 0
    contact, folder, limit = int(argv[2]), Path(argv[3]), int(argv[4])
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
    try:
        written = write_changes(store, contact, folder)
        print(json.dumps({"result": "written", "file": str(written.path) if written else None}))
    except UtvagError as exc:
        print(json.dumps({"result": "refused", "code": exc.code}))
    try:
        store.close()
    except Exception:
        pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
